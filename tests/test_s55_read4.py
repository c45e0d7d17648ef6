"""The s.55 response after editorial read 4-A: what the editor faulted, fixed, as a reader gets it.

Each test reads the text of the PDF (pypdf), the DOCX (python-docx) and the HTML:
a plan target missed by the letter's date is said to be missed, with a place for
the new date (fault 1); the plan's latest recorded progress, dated, in its own
words, only where it records some (fault 2); one sentence saying which findings
the response answers (fault 4); a deadline the report set that has passed by
the letter's date named in the preparer's notes, never in the letter (fault 8,
as review 8 asked); findings
numbered within their question or area, every cross-reference to match (fault
9); owner and lead labelled (fault 12).  Built for Norfolk (a real report, the
illustrative plan), a constructed plan for the constructed Exampleshire
assessment, and synthetic reports whose findings say they are made up.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from docread import browser_joins, norfolk_plan, rendered, text_of

import peeldocs
from peeldocs.model import CauseOfConcern, Finding, Report
from peeldocs.options import Options
from peeldocs.plans.files import load_plan
from peeldocs.plans.plan import ActionItem, ItemStatus, Update
from peeldocs.sections.s55_plan import deadline_passed, people, progress, report_deadline

# one worker builds this module's documents (its module fixtures), not both
pytestmark = pytest.mark.xdist_group("test_s55_read4")

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer (remove this part)"
NEW_DATE = "{to be completed: the new target date}"
PLAN = """\
report: {report}
title: Illustrative action plan (invented for a test)
illustrative: true
items:
  - finding: A4-REC-1
    status: closed
    actions:
      - (Example) publish daily emergency call answering figures
    owner: Example ACC (illustrative)
    original_target: 2025-03-01
    current_target: 2025-03-01
    closed_on: 2025-03-10
  - finding: A5-COC-1
    status: in progress
    original_target: 2025-06-30
    updates:
      - when: 2025-02-03
        text: Example update. Supervision audit started.
        by: Example Head of Crime (illustrative)
  - finding: A5-REC-2
    status: in progress
    actions:
      - (Example) add the victim's wishes to the crime closure form
    lead: Example Det Supt (illustrative)
    original_target: 2025-03-31
"""


def _read(report: Report, options: Options, fmt: str) -> str:
    text = text_of(rendered(report, options, fmt), fmt)
    return browser_joins(text) if fmt == "html" else text


def _letter(text: str) -> str:
    return text[:text.index(NOTES)]


def _entry(letter: str, ref: str) -> str:
    """One finding's part of the letter, from its reference line to the next one."""
    return letter.split(f"Reference {ref}")[1].split("Reference")[0]


@pytest.fixture(scope="module")
def norfolk_planned(norfolk: Report) -> dict[str, str]:
    """Norfolk with the illustrative plan, prepared on 15 October 2019 (as reviewed)."""
    options = dataclasses.replace(norfolk_plan(norfolk), document="s55")
    return {fmt: _read(norfolk, options, fmt) for fmt in FORMATS}


@pytest.fixture(scope="module")
def norfolk_unplanned(norfolk: Report) -> dict[str, str]:
    options = Options(document="s55", published=date(2019, 5, 2), as_of=date(2019, 6, 10))
    return {fmt: _read(norfolk, options, fmt) for fmt in FORMATS}


@pytest.fixture(scope="module")
def example_late(example: Report) -> dict[str, str]:
    """Exampleshire without a plan, prepared on 1 April 2025 (as reviewed)."""
    return {fmt: _read(example, Options(document="s55", as_of=date(2025, 4, 1)), fmt)
            for fmt in FORMATS}


@pytest.fixture(scope="module")
def example_planned(example: Report, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Exampleshire with a constructed plan, prepared on 1 April 2025."""
    path = tmp_path_factory.mktemp("plan") / "plan.yaml"
    path.write_text(PLAN.format(report=ROOT / "examples" / "exampleshire-2023-25-assessment.yaml"),
                    encoding="utf-8")
    plan = load_plan(path, example, as_of=date(2025, 4, 1))
    options = Options(document="s55", plan=plan, as_of=date(2025, 4, 1))
    return {fmt: _read(example, options, fmt) for fmt in FORMATS}


# --- fault 1: a plan target missed by the letter's date ------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missed_target_is_said_to_be_missed_with_a_place_for_the_new_date(
        fmt: str, norfolk_planned: dict[str, str], norfolk: Report) -> None:
    """Found in review: "...; not yet complete" hid a target missed by 15 days.

    Read 19: the letter states the dates neutrally, never "not met"; read 23-S: it gives
    only a place for the new date, and the preparer's notes give the target's history and
    leave saying why it slipped to the commissioner.
    """
    text = norfolk_planned[fmt]
    letter = _letter(text)
    entry = _entry(letter, "E-2017-AFI-1")
    assert f"Revised target date {NEW_DATE}" in entry
    # read 36: the target an update was given under is named where the update is, once
    assert "31 July 2019" not in letter and letter.replace(
        "when the target date was 30 September 2019", "").count("30 September 2019") == 0
    assert "not yet complete" not in letter and "not met" not in letter
    # targets still ahead, and a closed item, are not said to be missed
    for ref in ("E2-AFI-1", "E2-AFI-2", "E2-AFI-3"):
        assert NEW_DATE not in _entry(letter, ref)
    # the preparer's notes list the new place with the others, counted like them
    notes = text[text.index(NOTES):].replace("• ", "")
    assert "Response to each finding: the new target date (1 of the 5 findings)" in notes
    assert "why the target was missed" not in notes  # optional now: no place to complete
    # and the optional place for the reason after it (read 24-S): nine parts, not eight
    assert "Response to each finding: the reason for the new date, or delete this row (1 of the 5 findings)" in notes
    # read 33: with a place for the timing and one for the commissioner's view of each update
    assert "This response has 12 parts that only its author can write." in notes
    assert ("The action plan’s target date for this finding had passed by 15 October 2019, with "
            "the work not recorded as complete. The letter gives where the work stands and a "
            "place for the new target date, but not the target’s history, given here. Give the "
            "reason for the new date where the letter marks a place for it, or delete that "
            "row: E-2017-AFI-1: target "
            "date 30 September 2019 (revised from 31 July 2019)") in " ".join(notes.split())
    # the committee paper built from the same plan says the same thing: the target was missed
    paper = _read(norfolk, dataclasses.replace(norfolk_plan(norfolk), document="committee"), fmt)
    assert "In progress; 15 days overdue (due 30 September 2019" in paper


# --- fault 2: the plan's latest recorded progress -------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_each_response_gives_the_plans_latest_progress_only_where_it_records_some(
        fmt: str, norfolk_planned: dict[str, str], norfolk_unplanned: dict[str, str]) -> None:
    """Found in review: work the plan records as done read as still to do (s.55(5B))."""
    letter = _letter(norfolk_planned[fmt])
    assert ("Progress On 20 August 2019 the force reported: “Example update. Lead appointed; "
            "training review under way.” My assessment {to be completed: the commissioner’s view of this progress, or delete this row} Owner") in _entry(letter, "E2-AFI-1")
    # the latest of two updates, in the plan's words, with the reason the target moved
    entry = _entry(letter, "E-2017-AFI-1")
    assert ("Progress On 2 September 2019, when the target date was 30 September 2019, the force reported: “Example update. First dip sample "
            "complete; target moved to allow a second.") in entry
    assert "Dip sample designed" not in entry
    assert ("Progress The force reported on completion: “Example update. Evidence accepted"
            in _entry(letter, "E2-AFI-3"))
    for ref in ("E2-AFI-2", "E5-REC-1"):  # the plan records no update: no row, nothing invented
        assert "Progress" not in _entry(letter, ref)
        assert "The force reported" not in _entry(letter, ref)
    notes = " ".join(norfolk_planned[fmt][norfolk_planned[fmt].index(NOTES):]
                     .replace("•", " ").split())
    assert ("For these findings the letter gives the actions, their status and latest updates that "
            "the force’s "
            "action plan records, attributed to the force and in the plan’s own words: check "
            "that each is still current and fit to publish, and replace the text with a newer "
            "update, or the letter’s own words, where needed: E2-AFI-1 E2-AFI-3 "
            "E-2017-AFI-1") in notes
    unplanned = norfolk_unplanned[fmt]  # no plan, no progress and no note about it
    assert "The force reported" not in unplanned and "action plan records" not in unplanned


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_cause_of_concern_with_recorded_progress_keeps_its_table(
        fmt: str, example_planned: dict[str, str]) -> None:
    letter = _letter(example_planned[fmt])
    entry = _entry(letter, "A5-COC-1")
    assert "given under" not in entry  # the plan's progress on it is shown, never dropped
    assert ("Progress On 3 February 2025 the force reported, in an update given by Example Head "
            "of Crime (illustrative): “Example update. Supervision audit started.”") in entry
    assert ("Action {to be completed: the action taken or planned, or why no action is proposed}"
            in entry)
    notes = example_planned[fmt][example_planned[fmt].index(NOTES):]
    assert ("For these findings the letter gives the actions, their status and latest updates that "
            "the force’s "
            "action plan records, attributed to the force and in the plan’s own words: check "
            "that each is still current and fit to publish, and replace the text with a newer "
            "update, or the letter’s own words, where needed: A4-REC-1 A5-COC-1 A5-REC-2"
            ) in " ".join(notes.replace("•", " ").split())


def test_progress_is_the_latest_update_by_the_letters_date_never_a_later_one() -> None:
    item = ActionItem("X-1", ItemStatus.IN_PROGRESS, updates=(
        Update(date(2024, 1, 5), "Synthetic update one."),
        Update(date(2024, 3, 9), "Synthetic update two.", by="Synthetic lead"),
        Update(date(2024, 6, 1), "Synthetic update after the letter.")))
    assert progress(item, date(2024, 4, 1)) == (
        "Progress", "On 9 March 2024 the force reported, in an update given by Synthetic lead: "
        "“Synthetic update two.”")
    assert progress(item, date(2024, 2, 1)) == (
        "Progress", "On 5 January 2024 the force reported: “Synthetic update one.”")
    assert progress(item, date(2023, 12, 31)) is None
    assert progress(ActionItem("X-1"), date(2024, 4, 1)) is None
    assert progress(None, date.today()) is None


# --- fault 4: which findings the response answers --------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_lead_in_says_which_findings_the_response_answers(
        fmt: str, norfolk_unplanned: dict[str, str], example_late: dict[str, str]) -> None:
    """Found in review: other "should" sentences in the findings looked overlooked."""
    norfolk = norfolk_unplanned[fmt]
    # what the marks in a quotation mean is said once, at the head of the part that quotes,
    # in the body text, not in small print under one quotation mid-letter
    # which findings it answers is said once, in the opening (read 23-S)
    assert ("Response to each finding Each finding is quoted verbatim from the "
            "report, followed by the response. References such as E5-REC-1 are ours, for "
            "tracking. Words in square brackets are added in quoting, or replace the report’s own words. "
            "Recommendation (Specialist capabilities") in norfolk  # read 25-S: no ellipsis used, none named
    # what it was and when, its heading says; the verdict follows the quotation
    assert ("Area for improvement from 2017 (Investigating crime and reducing re-offending) Reference E-2017-AFI-1.") in norfolk
    # read 25-S: the verdict with what the report now asks, as the brief quotes it
    assert ("vulnerable people. The report says: “The force has not made enough progress. "
            "[The force] must do more to ensure that supervision is consistent") in norfolk
    assert norfolk.count("Words in square brackets") == 1
    example = example_late[fmt]
    assert ("my response to each of the report’s two causes of concern, its four recommendations "
            "and its six areas for improvement. I also respond to "
            "the 2021/22 cause of concern, on which the report finds the force has not made enough "
            "progress.") in example
    assert "in the text of its findings" not in example  # it makes none there: none claimed


def test_the_lead_in_names_only_the_kinds_the_report_gives(norfolk: Report) -> None:
    from peeldocs.model.report import text_recommendations

    # question 2 alone: three areas for improvement, no recommendation, nothing carried forward
    q = next(x for x in norfolk.questions if x.number == 2)
    report = dataclasses.replace(norfolk, prior_findings=(), questions=(
        dataclasses.replace(q, causes_of_concern=()),))
    assert not text_recommendations(report)
    for fmt in FORMATS:
        text = _read(report, Options(document="s55", published=date(2019, 5, 2),
                                     as_of=date(2019, 6, 10)), fmt)
        # then the report's judgment (read 35), then the statute
        assert ("the chief constable’s comments and my response to each of the report’s "
                "three areas for improvement. The inspectorate judged") in text
        assert "Response to each finding Each finding is quoted" in text


# --- fault 8: a report deadline passed by the letter's date ----------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_passed_report_deadline_is_said_under_it_and_named_to_the_preparer(
        fmt: str, example_late: dict[str, str], example_planned: dict[str, str]) -> None:
    """Found in review 8: "(that is, by 12 March 2025; passed)" printed in the published letter.

    The letter gives each deadline the report set in the report's words; the
    preparer's notes name those that had passed by the preparation date.
    """
    text = re.sub(r" (?=[,.:;)])", "", example_late[fmt])
    letter, notes = _letter(text), text[text.index(NOTES):]
    said = (("A4-REC-1", "“within six months” (that is, by 12 March 2025, six months from "
                         "publication)"),
            ("A5-REC-1", "“within three months” (that is, by 12 December 2024, three months from "
                         "publication)"),
            ("A5-REC-2", "by 31 March 2025"),
            ("A5-REC-3", "immediately (report published 12 September 2024)"))
    for ref, words in said:
        entry = _entry(letter, ref)
        # read 36: "immediately" is not a date that passes
        passed = "" if words.startswith("immediately") else "; it has passed"
        assert f"The report’s deadline: {words}{passed}. Action" in entry, ref
        assert f"({ref}): {words}" in notes, ref
    # nothing else in the letter says a deadline has passed or admits lateness (read 35: each
    # report deadline passed says so, under it)
    assert len(re.findall(r"; it has passed\.", letter)) == 3
    assert not re.search(r"passed|\blate\b|overdue|missed",
                         letter.replace("; it has passed.", "."), re.IGNORECASE)
    assert "Response due by" not in letter and "6 November 2024" not in letter
    assert ("By 1 April 2025, when this response was prepared, the deadlines the report set for "
            "these findings had passed. The letter gives each deadline and "
            "says it has passed") in notes
    # a recommendation the plan records as closed is not named; an open one is
    planned = re.sub(r" (?=[,.:;)])", "", example_planned[fmt])
    planned_notes = planned[planned.index(NOTES):]
    # closed: a sentence, not said to have passed (read 35)
    assert ("The report’s deadline: “within six months” (that is, by 12 March "
            "2025, six months from publication). Action") in _entry(_letter(planned), "A4-REC-1")
    assert "(A4-REC-1): “within six months”" not in planned_notes
    assert "Recommendation 3 (Investigating crime) (A5-REC-2): by 31 March 2025" in planned_notes
    assert "passed" not in _entry(_letter(planned), "A4-REC-1")  # closed: never "passed"
    assert not re.search(r"passed|overdue", _letter(planned).replace("; it has passed.", "."),
                         re.IGNORECASE)


def test_a_deadline_is_passed_only_after_its_day_and_never_once_closed() -> None:
    published = date(2024, 9, 12)
    assert deadline_passed("by 31 March 2025", published, date(2025, 3, 31), None) is None
    assert deadline_passed("by 31 March 2025", published, date(2025, 4, 1), None) == (
        date(2025, 3, 31))
    assert deadline_passed("Within six months", None, date(2030, 1, 1), None) is None  # no date
    assert deadline_passed("as soon as practicable", published, date(2030, 1, 1), None) is None
    assert deadline_passed("Immediately", published, published, None) is None
    closed = ActionItem("X-1", ItemStatus.CLOSED, closed_on=date(2025, 4, 2))
    assert deadline_passed("by 31 March 2025", published, date(2025, 5, 1), closed) is None
    signing = ActionItem("X-1", ItemStatus.PENDING_SIGN_OFF)
    assert deadline_passed("by 31 March 2025", published, date(2025, 5, 1), signing) == (
        date(2025, 3, 31))
    # the words the letter prints never carry the state
    assert report_deadline("Within six months", None) == (
        "within six months of publication (publication date not supplied)")
    assert report_deadline("as soon as practicable", published) == (
        "as worded: “as soon as practicable”")
    assert report_deadline("Immediately", published) == (
        "immediately (report published 12 September 2024)")


# --- fault 9: numbered within the question or area ---------------------------------------------
# (read 5 then dropped the number where a question or area has only one finding of its kind:
# tests/test_s55_committee_read5.py)

@pytest.mark.parametrize("fmt", FORMATS)
def test_findings_are_numbered_within_their_area_and_cross_references_agree(
        fmt: str, example_late: dict[str, str], norfolk_planned: dict[str, str]) -> None:
    """Found in review: "Recommendation 2 (Investigating crime)" over reference A5-REC-1.

    Read 24-S: numbered across the report, as the opening counts them ("its four
    recommendations"), so A4-REC-1 is recommendation 1 and A5's run 2 to 4.
    """
    letter = re.sub(r" (?=[,.:;)])", "", _letter(example_late[fmt]))
    for heading, ref in (("Recommendation 1 (Responding to the public)", "A4-REC-1"),
                         ("Recommendation 2 (Investigating crime)", "A5-REC-1"),
                         ("Recommendation 3 (Investigating crime)", "A5-REC-2"),
                         ("Recommendation 4 (Investigating crime)", "A5-REC-3")):
        assert f"{heading} Reference {ref}" in letter, heading
    assert "Reference A5-REC-3; answers cause of concern 2 (A5-COC-1)." in letter
    assert ("The action on this cause of concern is given under recommendations 2 to 4 below."
            in _entry(letter, "A5-COC-1"))
    # Norfolk: three areas for improvement in question 2 numbered, the rest alone of their kind
    norfolk = re.sub(r" (?=[?,.:;)])", "", _letter(norfolk_planned[fmt]))
    heads = re.findall(r"(?:Recommendation|Area for improvement)(?: \d+)?(?: from \d+)? "
                       r"\([^)]*", norfolk)
    assert heads == ["Recommendation (Specialist capabilities", "Area for improvement 1 (Investigating crime and reducing re-offending",
                     "Area for improvement 2 (Investigating crime and reducing re-offending", "Area for improvement 3 (Investigating crime and reducing re-offending",
                     "Area for improvement from 2017 (Investigating crime and reducing re-offending"]


def test_two_causes_in_one_question_number_their_recommendations_on(norfolk: Report) -> None:
    """Numbers run on within a question: the second cause's recommendation is the third."""
    q = norfolk.questions[1]
    causes = (CauseOfConcern("T2-COC-1", "Synthetic cause of concern one, made up for a test.",
                             (Finding("T2-REC-1", "Synthetic recommendation one for a test."),
                              Finding("T2-REC-2", "Synthetic recommendation two for a test."))),
              CauseOfConcern("T2-COC-2", "Synthetic cause of concern two, made up for a test.",
                             (Finding("T2-REC-3", "Synthetic recommendation three for a test."),)))
    report = dataclasses.replace(norfolk, questions=tuple(
        dataclasses.replace(x, causes_of_concern=causes) if x is q else x
        for x in norfolk.questions))
    for fmt in FORMATS:
        text = re.sub(r" (?=[?,.:;)])", "", _read(report, Options(
            document="s55", published=date(2019, 5, 2), as_of=date(2019, 6, 10)), fmt))
        letter = _letter(text)
        assert "Cause of concern 2 (Investigating crime and reducing re-offending) Reference T2-COC-2." in letter
        assert "Recommendation 3 (Investigating crime and reducing re-offending) Reference T2-REC-3; answers cause of concern 2 " \
            "(T2-COC-2)." in letter
        assert "given under recommendation 3 below." in _entry(letter, "T2-COC-2")
        assert "given under recommendations 1 and 2 below." in _entry(letter, "T2-COC-1")
        # every heading differs, so each response's placeholders are counted once
        assert re.search(r"the owner, or delete this row if no action is proposed \((\d+) of the \1 (?:findings|response tables)\)", text[text.index(NOTES):])


# --- fault 12: owner and lead labelled -------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_owner_and_lead_are_labelled(fmt: str, norfolk_planned: dict[str, str],
                                     example_planned: dict[str, str]) -> None:
    """Found in review: "Example ACC (illustrative) / Example Det Supt (illustrative)"."""
    letter = _letter(norfolk_planned[fmt])
    assert ("Owner Example ACC (illustrative); lead: Example Det Supt (illustrative) Revised "
            "target date"
            in _entry(letter, "E-2017-AFI-1"))
    assert " / " not in letter[letter.index("Response to each finding"):]  # (HTML: after its CSS)
    planned = _letter(example_planned[fmt])  # a plan that records only a lead says so
    assert "Owner Lead: Example Det Supt (illustrative) Revised target date" in _entry(planned, "A5-REC-2")
    assert "Status Completed on 10 March 2025 Owner Example ACC (illustrative)" in _entry(
        planned, "A4-REC-1")  # read 26-S: a completion dated once, in the status row


def test_people_are_labelled_as_the_plan_records_them() -> None:
    # the owner under the row's label "Owner", the lead labelled; no capital after ";"
    assert people(ActionItem("X-1", owner="A", lead="B")) == "A; lead: B"
    assert people(ActionItem("X-1", owner="A", lead="A")) == "A"
    assert people(ActionItem("X-1", owner="A")) == "A"
    assert people(ActionItem("X-1", lead="B")) == "Lead: B"
    assert people(ActionItem("X-1")) == "" and people(None) == ""


# --- Welsh -------------------------------------------------------------------------------------

def test_in_welsh_the_new_wording_is_welsh(norfolk: Report) -> None:
    options = dataclasses.replace(norfolk_plan(norfolk), document="s55", language="cy")
    pack = peeldocs.build_pack(norfolk, options)
    text = " ".join(text_of(peeldocs.render(pack, "pdf", options), "pdf").split())
    assert ("a’m hymateb i argymhelliad yr adroddiad a 3 meysydd i’w gwella yr adroddiad. "
            "Rwyf hefyd yn ymateb i’r maes i’w wella o 2017, y mae’r "
            "adroddiad yn canfod") in text
    assert ("Cynnydd Ar 20 Awst 2019 adroddodd yr heddlu: “Example update. Lead appointed"
            in text)  # the plan's words, attributed in Welsh
    assert ("Camau gweithredu (Example) appoint a professional lead for investigations; "
            "(Example) review investigative training provision. Statws Ar y gweill") in text
    assert "Example ACC (illustrative); arweinydd: Example Det Supt (illustrative)" in text
    assert ("Dyddiad targed diwygiedig {i’w gwblhau: y dyddiad targed newydd} Rheswm dros y "
            "dyddiad newydd {i’w gwblhau: y rheswm dros y dyddiad newydd, neu dilëwch y rhes "
            "hon}") in text
    assert ("Rhowch y rheswm dros y dyddiad newydd lle mae’r llythyr yn nodi lle iddo, neu "
            "dilëwch y rhes honno") in text
    assert "Maes i’w wella o 2017 (Investigating crime and reducing re-offending)" in text
    assert "Nodiadau i’r sawl sy’n paratoi, tudalen 1 o " in text  # its own numbering
    for english in ("in response to", "The force reported", "sets out", "; lead:", "Progress",
                    "new target date", "Preparer’s notes", " from 2017", "commissioner’s choice"):
        assert english not in text, english
    # the plan's own words are quoted, marked as English; none of ours is left untranslated
    assert "no Welsh translation yet" not in pack.metadata.subject
    page = peeldocs.render(pack, "html", options).decode()
    assert re.search(r'<span lang="en-GB">\(Example\) appoint a professional lead', page)
    assert re.search(r'<span lang="en-GB">“Example update\. Lead appointed', page)
