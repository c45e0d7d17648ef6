"""Every document costs the same per question at twenty questions as at five: counted, not timed.

Timing on a shared two-core machine is noise, so these tests count the Python
function calls and the calls of built-in functions a build makes
(``sys.setprofile``), which are the same on every run.  Each document is built for 5, 10 and 20 questions of ten findings each,
after one warm-up build (templates and fonts load once).  The work added from
10 to 20 questions over the work added from 5 to 10 is 2 when cost is linear
and 4 when it is quadratic; the limit is 2.5.

A finding that made every section ask, for each finding, which section quotes
it (``sections/quoting.py``) once cost 628 s for 500 questions; with the
answer worked out once per section it costs under 20 s, and this test fails
if such a loop comes back; so does one in the s.55 response's notes that
matched every placeholder against every finding's heading with ``str.startswith``
(400 questions: 8.2 s, now 0.6 s).  Speed itself is measured by ``bench/run.py --scale``.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest
from synthetic import synthetic_report, with_ten_findings

import peeldocs
from peeldocs import Options
from peeldocs.build.fitting import brief_section
from peeldocs.model import FindingKind, Outcome, PriorFinding, Report
from peeldocs.renderers.pdf import PdfRenderer

SIZES = (5, 10, 20)  # 10, 20 and 40 tell the same (measured: 1.95-2.07 either way), at 3x the time
LIMIT = 2.5


def _calls(job: Callable[[], object]) -> int:
    """Count the Python function calls ``job`` makes."""
    count = 0

    def hook(_frame: FrameType, event: str, _arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):  # built-ins too: a loop of str.startswith counts
            count += 1

    sys.setprofile(hook)
    try:
        job()
    finally:
        sys.setprofile(None)
    return count


@pytest.fixture(scope="module")
def reports() -> dict[int, Report]:
    return {n: with_ten_findings(synthetic_report("Test Constabulary", "Test", 7, n))
            for n in SIZES}


def _with_earlier(report: Report) -> Report:
    """The report with two earlier findings on each question, one of a kind it has there
    and one of a kind it has not (synthetic), placed with their subject (read 23-S)."""
    prior = tuple(PriorFinding(f"P-{q.number}-{k}", "2021/22", kind, f"Synthetic earlier {k}.",
                               Outcome.NOT_ENOUGH_PROGRESS, "Synthetic verdict.", q.number)
                  for q in report.questions
                  for k, kind in enumerate((FindingKind.AREA_FOR_IMPROVEMENT,
                                            FindingKind.CAUSE_OF_CONCERN)))
    return dataclasses.replace(report, prior_findings=prior)


def test_placing_earlier_findings_grows_linearly(reports: dict[int, Report]) -> None:
    """The s.55 response (built whole) and the order it shares with the committee paper.

    The committee paper built whole is not counted here: finding the report's call to
    act after each earlier finding (``sections/calls.follow_up``) reads every passage
    once per earlier finding, a cost of its own left for another change.
    """
    from peeldocs.sections.items import response_items
    from peeldocs.sections.s55_links import subject_links

    options = Options(document="s55")
    earlier = {n: _with_earlier(r) for n, r in reports.items()}
    peeldocs.build_pack(earlier[SIZES[0]], options)  # warm up
    counts = [_calls(lambda r=earlier[n]: peeldocs.build_pack(r, options)) for n in SIZES]
    assert _growth(counts) <= LIMIT, counts
    counts = [_calls(lambda r=earlier[n]: subject_links(response_items(r))) for n in SIZES]
    assert _growth(counts) <= LIMIT, counts


def _growth(counts: list[int]) -> float:
    small, middle, large = counts
    return (large - middle) / (middle - small)


BRIEF_SIZES = (10, 20, 40)
"""The brief's sizes: from about 10 questions it no longer fits its page, and fitting then
tries every level of detail (a bounded number); 5 and 10 fit early and would count that
step, not growth (measured: 5.7 at 5, 10 and 20; 1.35 at 10, 20 and 40)."""


@pytest.mark.parametrize("kind", ["pack", "committee", "s55", "brief"])
def test_building_a_document_grows_linearly(reports: dict[int, Report], kind: str) -> None:
    options = Options(document=kind)
    sizes = BRIEF_SIZES if kind == "brief" else SIZES
    made = {n: reports.get(n) or with_ten_findings(synthetic_report("Test Constabulary", "Test",
                                                                    7, n)) for n in sizes}
    peeldocs.build_pack(made[sizes[0]], options)  # warm up
    counts = []
    for n in sizes:
        brief_section.chosen.clear()  # the brief's fitting is remembered: each counted whole
        counts.append(_calls(lambda r=made[n]: peeldocs.build_pack(r, options)))
    assert counts[0] < counts[1] < counts[2], counts
    assert _growth(counts) <= LIMIT, (kind, counts)


@pytest.mark.parametrize(("kind", "fmt"), [
    ("pack", "html"), ("pack", "docx"), ("pack", "pdf"),
    ("committee", "html"), ("committee", "docx"),
    ("s55", "html"), ("s55", "docx"), ("s55", "pdf")])
def test_rendering_a_document_grows_linearly(reports: dict[int, Report], kind: str,
                                             fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    options = Options(document=kind)
    packs = [peeldocs.build_pack(reports[n], options) for n in SIZES]
    peeldocs.render(packs[0], fmt)  # warm up
    if fmt == "docx":  # its contents' pages are the PDF's, whose own cost is counted apart
        for pack in packs:
            peeldocs.render(pack, "pdf")
    layouts = _layouts_counted(monkeypatch)
    counts = []
    for pack in packs:
        before = layouts[0]
        calls = _calls(lambda p=pack: peeldocs.render(p, fmt))
        passes = max(layouts[0] - before, 1)  # the HTML and the DOCX: one pass
        assert passes <= 3, (kind, fmt, passes)  # a near-empty last page: at most twice more
        counts.append(calls // passes)
    assert _growth(counts) <= LIMIT, (kind, fmt, counts)


def _layouts_counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the PDF's layouts from now on, in the list's one item.

    A PDF ending on a near-empty page is laid out again (at most twice more), so
    whether a size takes one layout or three depends on where its last page
    breaks: 20 questions once cost less than 10, and growth measured across
    sizes said nothing about the work per question.  The cost compared is the
    cost of one layout; the number of layouts is held to three.
    """
    count = [0]
    layout = PdfRenderer._layout

    def counted(self: PdfRenderer, *args: Any, **kwargs: Any) -> Any:
        count[0] += 1
        return layout(self, *args, **kwargs)

    monkeypatch.setattr(PdfRenderer, "_layout", counted)
    return count


def test_the_count_tells_linear_from_quadratic() -> None:
    def step(n: int) -> None:
        for _ in range(n):
            (lambda: None)()

    def square(n: int) -> None:
        for _ in range(n * n):
            (lambda: None)()

    assert _growth([_calls(lambda n=n: step(n)) for n in SIZES]) == 2.0
    assert _growth([_calls(lambda n=n: square(n)) for n in SIZES]) == 4.0
