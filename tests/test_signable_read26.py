"""Reads 26-S, 25-C and 25-B: what still stopped the s.55 response, the committee paper and
the one-page brief scoring 10, and its fixes, asserted on what a reader gets.

s.55 (read 26-S):
1. With a plan, a finding's rows read as a chief officer writes them: the plan's actions
   listed with no "as the force's action plan sets them out" frame, the state the plan
   records in a "Status" row of its own ("In progress", "Completed on 4 October 2019",
   the completion dated there once), for every state a plan can record.
2. The letter's pages are used: none but the last of the letter is under a third full.
3. In Welsh, the plan's own words (an action, an owner recorded alone) are the force's,
   never counted as our wording missing a translation.

Committee paper (read 25-C):
1. An overdue item is never "overdue since" its due date (on that day it was on time):
   "overdue (due 30 September 2019; first set for 31 July 2019)"; a long span elsewhere
   "overdue by more than four months (due …)".
2. 2.4 points to "paragraphs 6.2 and 6.3".
3. 7.2 names the local policing body, or a marked place for it where the data does not.
4. 6.1 says exactly what an earlier finding is listed after.

Brief (read 25-B):
1. With a plan, what the report now asks on the overdue 2017 finding is on the page; the
   finding the decisions name is quoted there by its opening words.
2. A finding in the inspectorate's first person ("We recommend …") is in quotation marks.
"""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from pathlib import Path

import docx
import pytest
from docread import between, brief_text, document_text, rendered, review_options
from docread import s55_cases as _cases
from docread import s55_text as _text
from pagefill import pages

from peeldocs.build.documents import untranslated_wording
from peeldocs.model import Report
from peeldocs.plans.plan import ActionItem, ItemStatus
from peeldocs.prose import overdue_span
from peeldocs.sections.brief_labels import voiced
from peeldocs.sections.committee_scope import placed_after
from peeldocs.sections.items import ItemKind, ResponseItem

FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer (remove this part)"
NOW_ASKS = ("it “must do more to ensure that supervision is consistent and appropriate "
            "in all investigations – not just those that involve vulnerable victims”")


def _entry(letter: str, ref: str) -> str:
    return letter.split(f"Reference {ref}")[1].split("Reference ")[0]


# --- s.55 1: the plan's rows as a chief officer writes them -----------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_s55_plan_rows_list_the_actions_with_their_status_in_a_row_of_their_own(
        fmt: str, norfolk: Report, example: Report) -> None:
    report, options = _cases(norfolk, example)["norfolk-with-plan"]
    letter = _text(report, options, fmt).split(NOTES)[0]
    assert "as the force’s action plan sets" not in letter and "sets them out" not in letter
    assert ("Actions (Example) appoint a professional lead for investigations; (Example) review "
            "investigative training provision. Status In progress Progress On 20 August 2019")\
        in _entry(letter, "E2-AFI-1")
    closed = _entry(letter, "E2-AFI-3")
    assert ("Action (Example) record supervision reviews on the crime system. Status Completed "
            "on 4 October 2019 Progress") in closed
    assert closed.count("4 October 2019") == 1 and "Target date" not in closed
    assert "Status In progress" in _entry(letter, "E-2017-AFI-1")
    # where the plan records no action, no status is invented: the action is the signer's
    unallocated = _entry(letter, "E2-AFI-2")
    assert "Status" not in unallocated and "{to be completed: the action taken" in unallocated


def test_s55_every_state_a_plan_records_has_its_status_row(norfolk: Report,
                                                           example: Report) -> None:
    report, options = _cases(norfolk, example)["norfolk-with-plan"]
    assert options.plan is not None
    acts = ("(Example) audit investigations",)
    items = (ActionItem("E2-AFI-1", ItemStatus.PENDING_SIGN_OFF, acts, owner="Example ACC",
                        original_target=date(2019, 9, 1), current_target=date(2019, 9, 1)),
             ActionItem("E2-AFI-2", ItemStatus.AWAITING_ALLOCATION, acts,
                        original_target=date(2019, 12, 1), current_target=date(2019, 12, 1)),
             ActionItem("E2-AFI-3", ItemStatus.CLOSED, acts, owner="Example ACC",
                        closed_on=None))
    plan = dataclasses.replace(options.plan, items=items)
    docx_bytes = rendered(report, dataclasses.replace(options, plan=plan), "docx")
    tables = [[[c.text for c in row.cells] for row in t.rows]
              for t in docx.Document(io.BytesIO(docx_bytes)).tables]
    rows = [dict(t) for t in tables if t and t[0][0] in ("Action", "Actions")
            and t[0][1].startswith("(Example) audit")]
    states = sorted(r["Status"] for r in rows)
    # awaiting sign-off is not said to be done; a closing date the plan lacks is not given
    assert states == ["Awaiting sign-off", "Completed", "Planned"]
    signing = next(r for r in rows if r["Status"] == "Awaiting sign-off")
    assert signing["Target date"] == "1 September 2019"  # the status says the rest, once


# --- s.55 2: pages used -------------------------------------------------------------------------

def test_s55_letter_pages_are_used(norfolk: Report, example: Report, tmp_path: Path) -> None:
    for name, (report, options) in _cases(norfolk, example).items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(rendered(report, options, "pdf"))
        found = pages(path)
        ends = next(i for i, p in enumerate(found) if "Before publishing" in p.first_line)
        assert ends >= 2, name
        for page in found[1:ends - 1]:  # the letter's last page may end where it ends
            assert page.fullness >= 0.33, (name, page)


# --- s.55 3: the plan's words in Welsh ---------------------------------------------------------

def test_s55_in_welsh_counts_the_plans_words_as_the_forces(norfolk: Report,
                                                            example: Report) -> None:
    report, options = _cases(norfolk, example)["norfolk-with-plan"]
    assert options.plan is not None
    only_owner = tuple(dataclasses.replace(i, lead=None) if i.finding == "E2-AFI-1" else i
                       for i in options.plan.items)
    welsh = dataclasses.replace(options, language="cy",
                                plan=dataclasses.replace(options.plan, items=only_owner))
    assert untranslated_wording(report, welsh) == ()
    text = _text(report, welsh, "pdf")
    assert "Statws Ar y gweill" in text and "Statws Cwblhawyd ar 4 Hydref 2019" in text
    assert "Camau gweithredu (Example) appoint a professional lead" in text


# --- committee 1: never "overdue since" the due date ------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_committee_overdue_item_is_dated_by_its_due_date_not_since_it(fmt: str) -> None:
    report, options = review_options("norfolk-plan", "committee")
    text = document_text(report, options, fmt)
    assert ("In progress; 15 days overdue (due 30 September 2019; first set for 31 July 2019) "
            "E-2017-AFI-1") in text
    assert "overdue since" not in text
    later = document_text(report, dataclasses.replace(options, as_of=date(2020, 6, 1)), fmt)
    assert "overdue since" not in later


def test_a_long_overdue_span_is_said_in_months_or_years_never_since_the_due_date() -> None:
    due = date(2019, 9, 30)
    assert overdue_span(140, due) == "overdue by more than four months (due 30 September 2019)"
    assert overdue_span(15, due) == "overdue by 15 days (due 30 September 2019)"
    assert overdue_span(800, due, date_shown=True) == "overdue by more than two years"
    for days in (32, 100, 400, 3000):
        assert "since" not in overdue_span(days, due)


# --- committee 2 and 3: 2.4's pointer, 7.2's body ------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_committee_points_to_paragraphs_and_names_the_policing_body(fmt: str) -> None:
    report, options = review_options("norfolk-plan", "committee")
    text = document_text(report, options, fmt)
    assert "moved from 31 July 2019 (see paragraphs 6.2 and 6.3), and to seek assurance" in text
    assert "see the table at paragraph" not in text
    assert "7.2 The comments of the Police and Crime Commissioner for Norfolk on the report" \
        in text
    example, options = review_options("example", "committee")
    text = document_text(example, options, fmt)
    # a constructed force: no body in the data, so a marked place, listed for completion
    assert "7.2 The comments of {to be completed: the local policing body} on the report" in text
    assert "The comments of the local policing body" not in text
    assert "Paragraph 7.2: the local policing body" in text


# --- committee 4: what an earlier finding is listed after ---------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_committee_says_exactly_what_an_earlier_finding_follows(fmt: str) -> None:
    example, options = review_options("example", "committee")
    text = document_text(example, options, fmt)
    assert ("The earlier finding on which the report found not enough progress is listed after "
            "the cause of concern and recommendation in ‘Responding to the public’.") in text
    assert "after the findings on its subject" not in text


def test_placed_after_counts_what_lies_just_above_each_earlier_finding() -> None:
    def item(ref: str, kind: ItemKind, question: int) -> ResponseItem:
        return ResponseItem(ref, kind, f"Made-up finding {ref} for a test.", question=question,
                            question_title=f"Area {question}")

    items = [item("A1-COC-1", ItemKind.CAUSE_OF_CONCERN, 1),
             item("A1-REC-1", ItemKind.RECOMMENDATION, 1),
             item("A1-REC-2", ItemKind.RECOMMENDATION, 1),
             item("X-1", ItemKind.CARRIED_FORWARD, 1),
             item("A2-AFI-1", ItemKind.AREA_FOR_IMPROVEMENT, 2),
             item("A2-AFI-2", ItemKind.AREA_FOR_IMPROVEMENT, 2),
             item("A2-AFI-3", ItemKind.AREA_FOR_IMPROVEMENT, 2),
             item("X-2", ItemKind.CARRIED_FORWARD, 2),
             item("X-3", ItemKind.CARRIED_FORWARD, 2),
             item("X-4", ItemKind.CARRIED_FORWARD, 9)]
    assert placed_after(items) == [
        ("X-1", "the cause of concern and two recommendations on question 1"),
        ("X-2", "the three areas for improvement on question 2"),
        ("X-3", "the three areas for improvement on question 2"),
        ("X-4", "")]
    assert placed_after(items, assessment=True)[1] == (
        "X-2", "the three areas for improvement in ‘Area 2’")


# --- brief 1: what the report now asks, with a plan -------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_planned_brief_gives_what_the_report_now_asks_on_one_page(fmt: str) -> None:
    report, options = review_options("norfolk-plan")
    data = rendered(report, options, fmt)
    text = brief_text(data, fmt)
    needs = between(text, "What needs doing", "Deadlines")
    # read 30-B: beside a plan the page gives its room to every area for improvement (to a
    # short clause), and what the report now asks goes first; on a page with room it is back
    # read 31-B: both, each area for improvement to a whole clause, not an opening fragment
    # read 33: the grade tally and what is due next take its room; the finding is quoted above
    assert NOW_ASKS not in needs and "to “put appropriate supervision" in needs
    assert ("Area for improvement (E2-AFI-2): “The force should improve how it allocates crime, "
            "ensuring that") in needs
    assert ("name an owner and an action for E2-AFI-2, whose target is 1 November 2019") in text
    assert "llipsis marks words left out" in text  # "An ellipsis …" once no bracket precedes it
    if fmt == "pdf":
        assert len(pages_of(data)) == 1


def pages_of(data: bytes) -> list[object]:
    """The PDF's pages."""
    import pypdf

    return list(pypdf.PdfReader(io.BytesIO(data)).pages)


# --- brief 2: the inspectorate's "We" quoted ------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_finding_in_the_inspectorates_first_person_is_quoted(fmt: str) -> None:
    for case in ("norfolk", "norfolk-plan"):
        text = brief_text(rendered(*review_options(case), fmt), fmt)
        assert ("Joint recommendation (E5-REC-1): “We recommend Norfolk and Suffolk "
                "Constabularies to work with other forces in the east of England to develop a "
                "regional specialist capability.”") in text, case
        assert "(E5-REC-1): We recommend" not in text, case
    # read 29-B: the others too: every finding's words are the report's, quoted
    text = brief_text(rendered(*review_options("norfolk"), fmt), fmt)
    assert "Area for improvement (E2-AFI-2): “The force should improve" in text


def test_voiced_quotes_every_finding_and_turns_inner_quotes_single() -> None:
    assert voiced("We found that “it” was slow.") == "“We found that ‘it’ was slow.”"
    assert voiced("The force should review our findings.") == \
        "“The force should review our findings.”"
    assert voiced("The force should act on Wednesday.") == "“The force should act on Wednesday.”"


def test_a_quoted_first_person_finding_is_the_reports_in_welsh() -> None:
    report, options = review_options("norfolk")
    missing = untranslated_wording(report, dataclasses.replace(options, language="cy"))
    assert not [m for m in missing if "We recommend" in m], missing
