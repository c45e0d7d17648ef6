"""Hostile pages: import cost grows linearly with the page, and the data file stays small.

Each class of page below once made the importer quadratic or worse (or wrote a
data file many times the page).  Every page is generated here, imported at one
size and at four times that size in the same run, and the growth is measured as
a ratio: linear cost gives about 4, quadratic 16.  No absolute time is asserted.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest

from peeldocs.importer import NotAPeelPageError, import_page
from peeldocs.sources import dump_report, parse_report

HEAD = ("Kent PEEL 2017\n\nEffectiveness\n\nHow effectively does the force reduce crime and keep "
        "people safe?\n\nGood\n\n1\n\nHow effectively does the force prevent crime?\n\nGood\n\n")

PAGES: dict[str, Callable[[int], str]] = {
    "repeated percentages": lambda n: HEAD + "The force reached " + "5% above " * n + "target.\n",
    "repeated 'N of M'": lambda n: HEAD + "We found " + "1 of 2 " * n + "cases.\n",
    "counts and money": lambda n: HEAD + "It had " + "12 officers and £5 million and " * n + ".\n",
    "continuation lines": lambda n: HEAD + "The force\n" + "and more words\n" * n + "\n\n",
    "spaces after a bullet at the top": lambda n: "•" + " " * (8 * n) + "x\n\n" + HEAD,
    "repeated 'was judged'": lambda n: (
        "Kent PEEL 2017\n\nEffectiveness\n\nHow effectively does the force reduce crime and "
        "keep people safe?\n\nKent Police is good at effectiveness " + "was judged " * n + "\n"),
    "earlier findings and one verdict": lambda n: HEAD + (
        "Our 2016 effectiveness inspection identified an area for improvement. " * n
        + "The force has addressed this.\n"),
    "earlier findings in one sentence": lambda n: HEAD + "Our 2016 a inspection " * n
    + "identified an area for improvement.\n",
    "'inspection of' and capitalised words": lambda n: HEAD + "inspection of " + "Kent " * n,
    "long summary before 'Detailed findings'": lambda n: HEAD + "".join(
        f"Summary paragraph {k} of the force and of its work this year.\n\n" for k in range(n))
    + "Detailed findings for question 1\n\nText.\n",
    "sub-points of one finding": lambda n: HEAD + "Areas for improvement\n\nThe force should:\n\n"
    + "".join(f"• and item {k};\n" for k in range(n)),
    "many questions": lambda n: HEAD + "".join(
        f"{k}\n\nHow well does it do thing {k}?\n\nGood\n\nSome text.\n\n" for k in range(2, n)),
    "questions without numbers": lambda n: HEAD + "".join(
        f"How well does the force protect people {k}?\n\nGood\n\n" for k in range(n)),
    "one question number again and again": lambda n: HEAD + "".join(
        f"1\n\nHow well does the force protect people {k}?\n\nGood\n\n" for k in range(n)),
    "assessment with figures": lambda n: (
        "PEEL 2023–2025: An inspection of Kent Police\n\nInvestigating crime\n\nKent Police is "
        "good at investigating crime. " + "12 officers did 5% of the work. " * n + "\n"),
    "wide HTML": lambda n: "<html><body><p>Kent PEEL 2017</p>" + "<div><p>a</p></div>" * n
    + "</body></html>",
    "deeply nested HTML": lambda n: "<html><body><p>Kent PEEL 2017</p>" + "<div><p>a</p>" * n
    + "</body></html>",  # refused, as quickly at four times the size
    "a tag with many attributes": lambda n: "<html><body><p>Kent PEEL 2017</p><p "
    + " ".join(f'a{k}="x"' for k in range(n)) + ">x</p></body></html>",  # refused too
}
SIZES = {"repeated percentages": 500, "repeated 'N of M'": 900, "counts and money": 500,
         "continuation lines": 1500, "spaces after a bullet at the top": 8000,
         "repeated 'was judged'": 4000, "earlier findings and one verdict": 300,
         "earlier findings in one sentence": 500, "'inspection of' and capitalised words": 3000,
         "long summary before 'Detailed findings'": 800, "sub-points of one finding": 3000,
         "many questions": 150, "questions without numbers": 250,
         "one question number again and again": 250, "assessment with figures": 200, "wide HTML": 3000,
         "deeply nested HTML": 30000, "a tag with many attributes": 30000}  # refusals: sized so the clock can see them


def _cost(page: str) -> float:
    """The best of five imports of ``page``, in seconds of this process's CPU time.

    CPU time, not the wall clock: the other worker and any other work on the
    machine do not count (a loaded run once measured a linear class at over 10x).

    A page refused (too deeply nested) counts with the time it took to refuse.
    """
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        with contextlib.suppress(NotAPeelPageError):
            import_page(page)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("kind", PAGES)
def test_import_cost_grows_linearly(kind: str) -> None:
    n = SIZES.get(kind, 1000)
    small, large = PAGES[kind](n), PAGES[kind](4 * n)
    _cost(small)  # warm the regular expressions and imports
    ratio = _cost(large) / max(_cost(small), 1e-4)
    # Linear work gives about 4, quadratic 16, cubic 64; 10 leaves room for a busy machine
    # (the suite runs in parallel) while still telling linear from quadratic.
    assert ratio < 10, f"{kind}: four times the page took {ratio:.1f} times as long"


@pytest.mark.parametrize("kind", PAGES)
def test_the_data_file_is_a_small_multiple_of_the_page(kind: str) -> None:
    page = PAGES[kind](4 * SIZES.get(kind, 1000))
    try:
        result = import_page(page)
    except NotAPeelPageError as exc:  # refused at once, writing nothing
        assert "nests its elements too deeply" in str(exc) or "attributes" in str(exc)
        return
    text = dump_report(result.report)
    assert len(text) < 8 * len(page) + 4000, f"{kind}: {len(text)} from {len(page)}"
    assert parse_report(text) == result.report


def test_a_figure_quotes_its_own_clause_not_its_sentence() -> None:
    page = HEAD + ("The force answered 95 percent of emergency calls on time; it recorded 12 "
                   "burglaries a day, " + "and much else besides " * 40 + "in 2018/19.\n")
    figures = import_page(page).report.key_figures
    pct = next(f for f in figures if f.value == 95)
    assert pct.source == "The force answered 95 percent of emergency calls on time"
    count = next(f for f in figures if f.value == 12)
    assert count.source.startswith("it recorded 12 burglaries a day,")
    assert count.source.endswith("…") and len(count.source) < 300
    assert all(piece.strip() in page for piece in count.source.split("…"))


def test_a_page_of_numbers_keeps_a_bounded_number_of_figures() -> None:
    page = HEAD + "We found " + "1 of 2 " * 2000 + "cases.\n"
    result = import_page(page)
    assert len(result.report.key_figures) <= 25 + len(page) // 250
    assert any("figures, more than a page of its length holds" in n for n in result.notes)
