"""Issue 23, part 2: summaries lead with what is due now, as a reader gets them.

The pack's executive summary and the one-page brief quote the live findings
first (causes of concern and recommendations, then areas for improvement, the
worst-graded first), then name what is overdue and due next item by item, then
the earlier findings addressed; the committee paper gives each finding's state;
without a plan, the report's passed deadlines are counted and named.  Documents
are built once per module.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from docread import browser_joins, norfolk_plan, text_of

import peeldocs
from peeldocs.model import OGL_ATTRIBUTION, Report
from peeldocs.options import Options

# one worker builds this module's documents (its module fixtures), not both
pytestmark = pytest.mark.xdist_group("test_summaries_due")

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("pdf", "docx", "html")
NO_PLAN = dict(published=date(2024, 8, 31), as_of=date(2025, 6, 1))


def _text(report: Report, options: Options, fmt: str) -> str:
    """The text a reader gets; in HTML, as a browser joins the spans that keep dates whole."""
    text = text_of(peeldocs.render(peeldocs.build_pack(report, options), fmt, options), fmt)
    return browser_joins(text) if fmt == "html" else text


def _order(text: str, *parts: str) -> list[int]:
    at = [text.find(p) for p in parts]
    assert all(i >= 0 for i in at), [p for p, i in zip(parts, at, strict=True) if i < 0]
    return at


@pytest.fixture(scope="module")
def report() -> Report:
    return peeldocs.load_report(ROOT / "data" / "norfolk-2018-effectiveness.yaml")



@pytest.fixture(scope="module")
def with_plan(report: Report) -> dict[tuple[str, str], str]:
    """Pack, brief and committee paper with the example plan on 15 October 2019, per format."""
    return {(kind, fmt): _text(report, dataclasses.replace(norfolk_plan(report), document=kind),
                               fmt)
            for kind in ("pack", "brief", "committee") for fmt in FORMATS}


@pytest.fixture(scope="module")
def assessment(example: Report) -> dict[tuple[str, str], str]:
    """The example force assessment without a plan on 1 June 2025, per kind and format."""
    return {(kind, fmt): _text(example, Options(document=kind, **NO_PLAN), fmt)
            for kind in ("pack", "brief", "committee") for fmt in FORMATS}


# --- the executive summary ---------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_executive_summary_quotes_live_findings_then_what_is_due_then_the_addressed(
        fmt: str, with_plan: dict[tuple[str, str], str]) -> None:
    text = with_plan[("pack", fmt)]
    start = text.index("Findings to act on The report")  # the heading, not its contents line
    summary = text[start:text.index("Key figures compared", start)]
    at = _order(summary,
                "Recommendation, E5-REC-1: We recommend Norfolk and Suffolk",  # recommendation
                # then areas for improvement, the earlier one not progressed first at its
                # question's place, not last (read 36)
                "Earlier finding carried forward, E-2017-AFI-1:",
                "Area for improvement, E2-AFI-1: The force must ensure",
                # with the findings, not under the deadlines (read 7, fault 5)
                "The report finds that the force has addressed three earlier areas for improvement, "
                "under questions 3 and 4.",
                "What is overdue and due next",
                # overdue first, then due next; each with who holds it, its date and state
                # said in the ask above (read 35: a status said once or twice, not four times)
                "E-2017-AFI-1: Owner Example ACC (illustrative)")
    # read 36: the item the asks allocate (no owner yet) is not listed again
    assert "E2-AFI-2: No owner recorded." not in summary
    assert at == sorted(at)
    due = summary[summary.index("What is overdue and due next"):]
    assert "addressed" not in due
    # "one is overdue" names which
    assert "one item in the action plan is overdue (E-2017-AFI-1)" in summary


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_assessment_summary_names_passed_report_deadlines_without_a_plan(
        fmt: str, assessment: dict[tuple[str, str], str]) -> None:
    text = assessment[("pack", fmt)]
    assert ("Four deadlines set by the report have passed; this pack was prepared without an "
            "action plan.") in text
    assert "no action can yet be shown as late" not in text


# --- the one-page brief ------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_brief_leads_with_the_repeat_failure_then_live_findings_then_the_overdue_item(
        fmt: str, with_plan: dict[tuple[str, str], str]) -> None:
    text = with_plan[("brief", fmt)]
    # the decisions first (read 7-B fault 5), then the earlier finding the report says lacks
    # progress, in words and quoted from the start of its sentence as the pack quotes it, with
    # what the report says is now needed; then the list
    at = _order(text,
                # the decisions the plan calls for, each named by kind, its reference after
                # read 25-B: E2-AFI-2 by its opening words (the room below goes to what the
                # report now asks on the 2017 finding); the s.55 comments on condition
                # read 30-B: each finding by reference and a few of its words, the action first
                # read 31-B: what is overdue first
                "Decisions needed: re-date or escalate the 2017 area for improvement (E-2017-AFI-1); name an owner and an action "
                "for E2-AFI-2, whose target is 1 November 2019; add an item for the joint recommendation E5-REC-1, whose action the commissioner’s comments must explain.",
                "What needs doing",
                "It says the force has not made enough progress on the 2017 area for improvement "
                "(E-2017-AFI-1, question 2) to “put appropriate supervision in place to consistently "
                "monitor the quality and progress of investigations involving vulnerable "
                "people”",  # read 33: what it now asks goes before the tally beside a plan
                "Area for improvement (E2-AFI-1): “The force must ensure",
                "Plan: in progress, due 31 December 2019.",  # read 31-B, 33: each line gives its state
                "Plan: no owner, due 1 November 2019.",
                "Plan: closed on 4 October 2019, four days late.",
                "Joint recommendation (E5-REC-1): “We recommend",
                "Not in the plan.",
                "The report finds three earlier areas for improvement addressed",
                "Deadlines and what is late",
                # read 19: where the plan stands, each state on a line of its own, late first
                "Illustrative action plan as at 15 October 2019 (invented; the findings are the "
                "report’s): four items (one overdue, one with no owner, one in progress and one closed four days late).",
                "Overdue: E-2017-AFI-1, 15 days past its target of 30 September 2019 (first set "
                "for 31 July 2019), owner Example ACC (illustrative).")
    assert at == sorted(at)
    # read 24-B: the recommendation's missing item is asked for above, not listed again
    assert "No item yet" not in text
    assert text.count("15 days past its target") == 1 and "On 15 October 2019, one item" not in text
    assert "“… was" not in text and "“…" not in text  # no quotation starts mid-sentence
    assert "finds addressed" not in text  # "findings the report finds addressed"


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_assessment_brief_lists_every_cause_and_recommendation_repeat_failure_first(
        fmt: str, example: Report, assessment: dict[tuple[str, str], str]) -> None:
    text = assessment[("brief", fmt)]
    for q in example.questions:
        for cause in q.causes_of_concern:
            assert f"({cause.id}" in text and f": “{cause.text}" in text, cause.id
            for rec in cause.recommendations:  # listed under its cause, which it names
                assert f"({rec.id}, under {cause.id}): “{rec.text}" in text, rec.id
    # the paragraph names the earlier cause of concern without enough progress; the list
    # then takes the worst-graded area first, as the pack does: the inadequate area, its
    # recommendations in deadline order, the immediate one first and given as the report
    # words it, then the area of the repeat failure
    at = _order(text, "not made enough progress on the 2021/22 cause of concern (A-2021-COC-1), "
                "reconsidered in ‘Responding to the public’",
                "Cause of concern in ‘Investigating crime’ (A5-COC-1)",
                "(A5-REC-3, under A5-COC-1):", "Due immediately",
                # read 23-B: a full page gives every passed deadline the short form alike
                # read 33: a dated one says how long ago
                "(A5-REC-1, under A5-COC-1):", "Due within three months (30 November 2024); "
                "deadline passed", "(A5-REC-2, under A5-COC-1):", "Due by 31 March 2025; deadline passed",
                "Cause of concern in ‘Responding to the public’ (A4-COC-1)",
                "(A4-REC-1, under A4-COC-1):", "Due within six months (28 February 2025); deadline passed")
    assert at == sorted(at)
    assert "Due 31 August 2024, passed" not in text  # "immediately" is not a date that passed
    # no plan: nothing is known of what the force has done, so nothing is called overdue
    assert "overdue" not in text.lower()
    assert "Four deadlines set by the report have passed." not in text  # read 36: each line says it
    assert "no action can yet be shown as late" not in text


def test_a_real_assessment_brief_keeps_them_too_and_fits_one_page(example: Report) -> None:
    """As published (not illustrative, so with its shorter labels), on one page."""
    real = dataclasses.replace(example, illustrative=False, title="Exampleshire PEEL 2023–25",
                               publisher="HMICFRS", licence=OGL_ATTRIBUTION)
    options = Options(document="brief", **NO_PLAN)
    pdf = peeldocs.render(peeldocs.build_pack(real, options), "pdf", options)
    text = text_of(pdf, "pdf")
    assert text.count("Page 1 of 1") == 1
    ids = [x.id for q in real.questions for c in q.causes_of_concern
           for x in (c, *c.recommendations)]
    assert all(f"({i}" in text for i in ids), ids  # each named in words, then its reference


# --- the committee paper -------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_table_gives_each_state_in_the_reports_order(
        fmt: str, with_plan: dict[tuple[str, str], str]) -> None:
    text = with_plan[("committee", fmt)]
    table = text[text.index("Finding Report text (verbatim) Owner / lead State Ref"):
                 text.index("7. How progress")]
    # one order with the s.55, the report's: the plan's state is shown, never used to reorder
    at = _order(table, "Not yet in the action plan", "E5-REC-1",
                "In progress; due 31 December 2019", "E2-AFI-1",
                "Not yet allocated to an owner; due 1 November 2019; no actions "
                "recorded yet", "E2-AFI-2",
                "Closed on 4 October 2019, 4 days late", "E2-AFI-3",
                "In progress; 15 days overdue (due 30 September 2019; first set for 31 July 2019)",
                "E-2017-AFI-1")
    assert at == sorted(at)
    assert ("the action plan has four items; the table at paragraph 6.2 gives the state of "
            "each.") in text  # read 36-C


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_plan_the_committee_table_says_which_report_deadlines_passed(
        fmt: str, assessment: dict[tuple[str, str], str]) -> None:
    text = assessment[("committee", fmt)]
    table = text[text.index("Finding Report text (verbatim) Lead Deadline or target date Ref"):
                 text.index("7. How progress")]
    assert "See A5-REC-1, A5-REC-2 and A5-REC-3 A5-COC-1" in table  # by reference (read 34)
    assert table.index(" A4-COC-1") < table.index(" A5-COC-1")  # the report's order, as the s.55
    assert re.search(r"Deadline passed \d+ days ago \(within three months of publication, that "
                     r"is by 30 November 2024\)", re.sub(r" (?=[,.:;)])", "", table))
    assert "Passed" not in table
    assert "no action can yet be shown as late" not in text


@pytest.mark.parametrize("kind", ["pack", "brief"])
def test_no_plan_and_no_report_deadlines_is_said_plainly(kind: str, report: Report) -> None:
    text = _text(report, Options(document=kind, published=date(2019, 5, 2),
                                 as_of=date(2019, 10, 15)), "pdf")
    said = {"pack": "This pack was prepared without an action plan, and t",  # read 25-P
            "brief": "T"}[kind]  # read 35: the brief's opening says it was prepared without one
    assert f"{said}he report sets no deadline of its own." in text
    assert kind == "pack" or "Decisions needed (no action plan was seen for this brief):" in text
    assert "no action can yet be shown as late" not in text
    # read 29-B: never a claim that no plan exists ("No action plan was supplied" read as one)
    assert "no action plan was supplied" not in text.lower()


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_assessment_summary_leads_with_the_inadequate_area_in_one_order_by_kind(
        fmt: str, assessment: dict[tuple[str, str], str]) -> None:
    """Issue 23 point 2: live findings by kind, the worst-graded area first within each kind;
    the earlier cause of concern with the causes (read 7)."""
    text = assessment[("pack", fmt)]
    start = text.index("Causes of concern and recommendations The report gives")  # not contents
    start = text.index("Finding (verbatim)", start)  # the table, after its lead-in
    summary = text[start:text.index("Innovative or promising practice the report names",
                                    start)]  # read 33: the
    # inspector's summary follows the grades, before the causes of concern
    at = _order(summary, "A5-COC-1", "A4-COC-1", "A-2021-COC-1", "Findings to act on",
                "Area for improvement, A5-AFI-1:",  # inadequate area first
                "Area for improvement, A4-AFI-1:", "Area for improvement, A9-AFI-1:",
                "Area for improvement, A2-AFI-1:",  # then requires improvement, then adequate
                "Deadlines and what is due next")  # no plan: only a plan says what is overdue
    assert at == sorted(at)
