"""Editorial read 19-B of the one-page brief: where an action plan stands given state by
state, what is late first; the references said to be ours; deadlines in the report's own
terms; section 55 worded alike; a link said once; the constructed example's apostrophes.

Each test reads what a reader gets: the PDF's text (and the DOCX as LibreOffice lays it out),
the DOCX through python-docx, the HTML text as a browser joins it.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date
from pathlib import Path

import docx
import pytest
from docread import between, pdf_pages, rendered
from docread import brief_text as _text
from docread import review_options as _options
from pagefill import convert_with_libreoffice

import peeldocs
from peeldocs.blocks import BulletList, inline_text
from peeldocs.model.deadlines import due_words
from peeldocs.options import Options
from peeldocs.plans.plan import ItemStatus
from peeldocs.sections.brief import brief_candidates
from peeldocs.sections.brief_budget import budgets, fuller
from peeldocs.sections.brief_due import plan_position
from peeldocs.sections.brief_list import earlier_here
from peeldocs.sections.items import response_items

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "exampleshire-2023-25-assessment.yaml"
FORMATS = ("pdf", "docx", "html")
CASES = ("norfolk", "norfolk-plan", "example")


@pytest.fixture(scope="module")
def built() -> dict[tuple[str, str], bytes]:
    out = {}
    for case in CASES:
        report, options = _options(case)
        for fmt in FORMATS:
            out[case, fmt] = rendered(report, options, fmt)
    return out


@pytest.fixture(scope="module")
def texts(built: dict[tuple[str, str], bytes]) -> dict[tuple[str, str], str]:
    return {key: _text(data, key[1]) for key, data in built.items()}


# --- 1. the plan state by state, what is late first -----------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_plan_is_given_as_short_lines_overdue_first(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    late = between(texts["norfolk-plan", fmt], "Deadlines")
    lines = ("Illustrative action plan as at 15 October 2019 (invented; the findings are the "
             "report’s): four items (one overdue, one with no owner, one in progress and one closed four days late).",
             "Overdue: E-2017-AFI-1, 15 days past its target of 30 September 2019 (first set for "
             "31 July 2019), owner Example ACC (illustrative).")
    at = [late.index(line) for line in lines]
    # read 24-B: "four items" is what the list holds; the decisions at the top ask for an
    # item for the recommendation, by its reference, so the list does not say it again
    assert "No item yet" not in late
    assert at == sorted(at)
    # no status sentence of nested brackets and semicolons
    assert "two in progress (" not in late and "One closed (" not in late
    # the overdue item's dates said once
    assert late.count("30 September 2019") == 1
    # read 31-B: the page quotes each area for improvement above, with its state in the plan
    assert "Plan: closed on 4 October 2019, four days late." in texts["norfolk-plan", fmt]


def test_in_docx_the_plan_states_are_second_level_list_items(
        built: dict[tuple[str, str], bytes]) -> None:
    document = docx.Document(io.BytesIO(built["norfolk-plan", "docx"]))
    styles = {p.text.split(":")[0]: p.style.name for p in document.paragraphs}
    # read 31-B: the other states are on the findings' lines above
    assert styles["Overdue"] == "List Bullet 2"
    html = built["norfolk-plan", "html"].decode("utf-8")
    sub = re.findall(r'<ul class="sub">(.*?)</ul>', html, re.S)
    assert any("Overdue" in s for s in sub)


def test_a_later_date_puts_the_longest_overdue_first_and_names_each() -> None:
    report, options = _options("norfolk-plan", as_of=date(2019, 11, 20))
    head, lines = plan_position(report, options, labels=False)
    said = [inline_text(line) for line in lines]
    # read 30-B: the findings without an item are on a line of their own, after the overdue
    assert head.endswith(": four items (two overdue, one in progress and one closed four days late).")
    assert said.pop(1) == ("Not in the plan: the joint recommendation E5-REC-1; the section 55 "
                           "comments were to explain the action proposed on it.")
    # each overdue item named, the longest overdue first, a long span by its date (the one
    # rule for spans), an owner gap said on the item's own line
    assert said[0] == ("Overdue: E-2017-AFI-1, more than one month past its target of 30 "
                       "September 2019 (first set for 31 July 2019), owner Example ACC (illustrative); E2-AFI-2, 19 days past its "
                       "target of 1 November 2019, no owner.")
    assert said[1:] == ["In progress: E2-AFI-1, due 31 December 2019.",
                        "Closed: E2-AFI-3, closed on 4 October 2019, four days after its target of "
                        "30 September 2019."]
    # labelled, an item the page quotes nowhere carries a few of the report's words (read
    # 24-B: what it asks for, verbatim, short enough for the item's line)
    _head, lines = plan_position(report, options, quoted=frozenset({"E-2017-AFI-1"}))
    assert "E2-AFI-2 (“improve how it allocates crime”), 19 days past" in inline_text(lines[0])
    # the decisions ask for an item for the recommendation: its line names it by reference
    head, lines = plan_position(report, options, asked=frozenset({"E5-REC-1"}))
    assert head.endswith(": four items (two overdue, one in progress and one closed four days late).") and len(lines) == 4
    assert inline_text(lines[1]).startswith("Not in the plan: E5-REC-1; ")


def test_many_items_are_named_by_reference_then_counted() -> None:
    report, options = _options("norfolk-plan")
    assert options.plan is not None
    item = options.plan.items[0]
    many = tuple(dataclasses.replace(item, finding=f"X{n}-AFI-1", status=ItemStatus.CLOSED,
                                     closed_on=date(2019, 10, 1)) for n in range(12))
    plan = dataclasses.replace(options.plan, items=(*options.plan.items, *many))
    _head, lines = plan_position(report, dataclasses.replace(options, plan=plan))
    closed = next(inline_text(s) for s in lines if inline_text(s).startswith("Closed: "))
    assert closed == "Closed: 13 items."  # more than can be named: counted


# --- 2. the references are ours ------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_page_says_once_that_its_references_are_ours(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    # read 23-B: with a plan too, and said briefly: the page leans on references most there
    # read 33: a constructed report's references are all ours: no note
    assert "are ours, not the inspectorate’s" not in texts["example", fmt]
    for case in ("norfolk", "norfolk-plan"):
        text = texts[case, fmt]
        found = re.findall(r"References such as (\S+) are ours, not the inspectorate’s\.", text)
        assert len(found) == 1, case
        assert text.count(found[0]) >= 2, case  # an example the page gives
        assert text.count("are ours, not the inspectorate’s") == 1, case


# --- 3. deadlines in the report's own terms, one form for all --------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_worked_out_dates_follow_the_reports_term(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["example", fmt]
    # read 23-B: an immediate deadline, passed, is said so as every other is
    # (on this full page the short form, alike for all: the deadlines line says no plan was
    # supplied; tests/test_brief_read22.py has the full form on a page with room)
    for said in ("without a supervisor’s review.” Due immediately; deadline passed.",
                 "Due within three months (12 December 2024); deadline passed 110 days ago.",
                 "Due by 31 March 2025; deadline passed one day ago.",
                 "Due within six months (12 March 2025); deadline passed 20 days ago."):
        assert said in text, said
    assert "(deadline passed)" not in text and ", passed." not in text
    assert "Due 12 December 2024" not in text  # a date of ours never stands alone


def test_due_words_never_guess_a_term_or_a_date() -> None:
    published = date(2024, 9, 12)
    assert due_words("within three months", published) == "within three months (12 December 2024)"
    assert due_words("Within 3 months of publication", published) == (
        "within 3 months of publication (12 December 2024)")
    assert due_words("by 31 March 2025", None) == "by 31 March 2025"
    assert due_words("within six months", None) == (
        "within six months (publication date not supplied)")
    assert due_words("immediately", published) == "immediately"
    assert due_words("as soon as practicable", published) == (
        "as worded: “as soon as practicable”")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_list_in_deadline_order_says_so(fmt: str) -> None:
    report, options = _options("example", as_of=date(2025, 1, 1))
    text = _text(rendered(report, options, fmt), fmt)
    # two of four passed: named, in the order they fell, and said to be in that order
    assert ("whose deadlines have passed (in deadline order: A5-REC-3 and A5-REC-1)") in text
    # all four passed: "all four" names them; the page lists each with its deadline
    text = _text(rendered(*_options("example"), fmt), fmt)
    assert "all four recommendations, whose deadlines have passed, and who" in text


# --- 4. section 55 worded alike before and after its deadline ------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_s55_line_names_both_sets_of_comments_before_and_after_the_deadline(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    before = between(texts["norfolk", fmt], "Deadlines")
    after = between(texts["norfolk-plan", fmt], "Deadlines")
    assert ("The comments of the Police and Crime Commissioner for Norfolk, with any comments the chief "
            "constable submits, must be published by 26 June 2019") in before
    assert ("The comments of the Police and Crime Commissioner for Norfolk, with any comments the chief "
            "constable submits, were due by 26 June 2019") in after
    assert ("The comments of {to be completed: the local policing body}, with any comments the chief "
            "constable submits, were due by 6 November 2024") in texts["example", fmt]


def test_without_a_publication_date_the_s55_line_names_both_too() -> None:
    report = peeldocs.load_report(ROOT / "data" / "norfolk-2018-effectiveness.yaml")
    report = dataclasses.replace(report, published=None)
    text = _text(rendered(report, Options(document="brief", as_of=date(2019, 6, 10)), "pdf"),
                 "pdf")
    assert ("with any comments the chief constable submits, must be published within 56 days") in text


# --- 5. the link to the earlier cause of concern said once --------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_earlier_cause_of_concern_is_linked_once(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["example", fmt]
    # said once, where the page names the earlier one (read 21: by this report's reference)
    assert ("(A-2021-COC-1), reconsidered in ‘Responding to the public’, where it gives another "
            "cause of concern (A4-COC-1).") in text
    assert "in the same area as" not in text
    assert "Cause of concern in ‘Responding to the public’ (A4-COC-1): “The force" in text


def test_the_link_is_kept_where_the_page_has_not_named_the_earlier_finding() -> None:
    example = peeldocs.load_report(EXAMPLE)
    cause = next(i for i in response_items(example) if i.id == "A4-COC-1")
    assert earlier_here(cause, example).endswith("(A-2021-COC-1)")
    assert earlier_here(cause, example, frozenset({"A-2021-COC-1"})) == ""


# --- 6. the constructed example's apostrophes ------------------------------------------------

def test_the_constructed_example_uses_curly_apostrophes() -> None:
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("#"):
            assert not re.search(r"\w'\w|s' ", line), line


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_straight_apostrophe_reaches_a_brief(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    for case in CASES:
        assert not re.search(r"\w'\w", texts[case, fmt]), case


# --- every brief still one page ---------------------------------------------------------------

def test_every_brief_is_one_page_in_pdf_and_as_libreoffice_lays_out_the_docx(
        built: dict[tuple[str, str], bytes], tmp_path: Path) -> None:
    paths = []
    for case in CASES:
        assert pdf_pages(built[case, "pdf"]) == 1, case
        path = tmp_path / f"{case}.docx"
        path.write_bytes(built[case, "docx"])
        paths.append(path)
    for path, pdf in convert_with_libreoffice(paths, tmp_path / "lo").items():
        assert pdf_pages(pdf.read_bytes()) == 1, path.name


def test_every_cause_of_concern_and_recommendation_stays_on_the_page(
        texts: dict[tuple[str, str], str]) -> None:
    example = peeldocs.load_report(EXAMPLE)
    text = texts["example", "pdf"]
    for item in response_items(example):
        if item.kind.value in ("cause of concern", "recommendation"):
            assert f"({item.id}" in text and item.text.split(",")[0] in text, item.id


def test_the_fullest_level_lists_the_plan_states_one_to_a_line() -> None:
    report, options = _options("norfolk-plan")
    full = brief_candidates(report, options)[0]
    subs = [b for b in full.blocks if isinstance(b, BulletList) and b.level == 1]
    # read 31-B: each finding listed above says its state on its line; only what is
    # overdue is named again, first, under the plan
    assert [inline_text(i).split(":")[0] for i in subs[-1].items] == ["Overdue"]


def test_causes_of_concern_and_recommendations_go_last_and_come_back_first() -> None:
    report, _options_unused = _options("example")
    levels = budgets(report)
    top = levels[0]
    # every level but the last few keeps them all; once any goes, nothing else is left
    cut = next(n for n, b in enumerate(levels) if b.key < top.key)
    rest = ("rows", "lead", "follow", "ask", "other", "labels", "tally", "refs", "named", "gist",
            "dated")
    assert all(not getattr(levels[cut - 1], name) for name in rest)
    # given back room, they come back before anything else does (read 21)
    assert fuller(levels[cut], top) == [dataclasses.replace(levels[cut], key=levels[cut].key + 1)]
