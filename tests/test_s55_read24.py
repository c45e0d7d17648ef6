"""Read 24-S of the s.55 response: what an independent editor still found, and its fixes.

Each is asserted on what a reader gets, in PDF, DOCX and HTML text, for the three
inputs the read had (docread.s55_cases):

1. An action row is worded by the state the plan records for the item, attributed to
   the force's plan and in its words: completed (with the date), awaiting sign-off, in
   progress, planned; never "sets out" for work the plan records as done.
2. A letter prepared after the 56-day period does not recite it (the issue's rule: the
   letter never admits lateness); one prepared within it does; the checklist still
   tells the preparer and asks for the publication date.
3. A target the plan moved, or one missed, has an optional, marked place for the
   reason after its date (or the plan's own reason, quoted); the notes keep the history.
4. "or why no action is proposed", never "or why none", in English and in Welsh.
5. The report is named by the title the source line cites, tied once to the inspection.
6. Headings are numbered across the report by kind, so the numbers reach the opening's
   counts; the opening says where the earlier findings are answered.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from docread import s55_cases as _cases
from docread import s55_text as _text
from docread import synthetic_assessment

from peeldocs.build.documents import untranslated_wording
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.plans.files import load_plan
from peeldocs.plans.plan import ActionItem, ItemStatus
from peeldocs.sections.s55_plan import planned_actions, status_words

FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer (remove this part)"


def _parts(report: Report, options: Options, fmt: str) -> tuple[str, str]:
    text = _text(report, options, fmt).replace("• ", "")
    letter, notes = text.split(NOTES)
    # a page turn inside an entry: the running header and footer are not part of it
    letter = re.sub(r" (?:Police and Crime Commissioner for Norfolk|\{to be completed: the local "
                    r"policing body\}) · Response to HMICFRS [^·{}]*?(?: · ILLUSTRATIVE EXAMPLE: "
                    r"NOT AN HMICFRS REPORT)? Page \d+ of \d+(?: OFFICIAL)*", "", letter)
    return letter, " ".join(notes.split())


def _entry(letter: str, ref: str) -> str:
    return letter.split(f"Reference {ref}")[1].split("Reference ")[0]


# --- 1. the action row by the state the plan records ------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_action_row_says_what_the_plan_records_by_its_state(
        fmt: str, norfolk: Report, example: Report) -> None:
    letter, _notes = _parts(*_cases(norfolk, example)["norfolk-with-plan"], fmt)
    # completed in the plan: the action taken, with the date the plan closed it
    # (read 26-S: the actions listed, the state in a row of its own)
    assert ("Action (Example) record supervision reviews on the crime system. "
            "Status Completed on 4 October 2019") in _entry(letter, "E2-AFI-3")
    # in progress: the actions under way, in the plan's words
    assert ("Actions (Example) appoint a professional lead for investigations; (Example) "
            "review investigative training provision. Status In progress") in _entry(
                letter, "E2-AFI-1")
    assert ("Action (Example) add supervision checks to the monthly performance meeting. "
            "Status In progress") in _entry(letter, "E-2017-AFI-1")
    assert "sets out" not in letter


def test_every_state_is_worded_as_the_plan_records_it() -> None:
    acts = ("(Example) audit cases.",)
    worded = {status: (planned_actions(ActionItem("X-1", status, acts)),
                       status_words(ActionItem("X-1", status, acts))) for status in ItemStatus}
    assert worded == {  # (read 26-S: the state in a row of its own)
        ItemStatus.AWAITING_ALLOCATION: ("(Example) audit cases.", "Planned"),
        ItemStatus.IN_PROGRESS: ("(Example) audit cases.", "In progress"),
        # the plan says it awaits sign-off, not that the work is done: nothing more is claimed
        ItemStatus.PENDING_SIGN_OFF: ("(Example) audit cases.", "Awaiting sign-off"),
        ItemStatus.CLOSED: ("(Example) audit cases.", "Completed"),  # no date recorded: none given
    }
    assert planned_actions(None) == "" and planned_actions(ActionItem("X-1")) == ""
    assert status_words(None) == "" and status_words(ActionItem("X-1")) == ""


# --- 2. no 56-day recital in a letter prepared after the period -----------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_late_letter_states_the_duty_whole_and_when_it_is_published(
        fmt: str, norfolk: Report, example: Report) -> None:
    cases = _cases(norfolk, example)
    duty = ("and to publish comments on it, with those of the chief constable and any response "
            "to them{} Where the report makes a recommendation, my comments must explain the "
            "action I have taken or propose to take in response to it, or why I have not taken "
            "or do not propose to take any action.")
    for name, ended, prepared in (("norfolk-with-plan", "26 June 2019", "15 October 2019"),
                                  ("exampleshire", "6 November 2024", "1 April 2025")):
        letter, notes = _parts(*cases[name], fmt)
        # read 35: the duty recited whole, as on time, and a required sentence on when the
        # comments are published, its date and reason the signer's: never silent, never an
        # admission of ours
        assert duty.format(", before the end of the period of 56 days beginning with the day "
                           "on which the report is published.") in letter, name
        assert ("any action. These comments are published on {to be completed: the date they "
                "are published, and the reason for their timing}.") in letter, name
        assert "56-day" not in letter and ended not in letter, name
        # the checklist still tells the preparer, and asks for the date it is published
        assert (f"The 56-day period for publishing this response (section 55(5A)) ended on "
                f"{ended}, before it was prepared on {prepared}.") in notes, name
        assert "{to be completed: the date this response is published}" in notes, name
    letter, notes = _parts(*cases["norfolk-no-plan"], fmt)  # within the period: the rule recited
    assert duty.format(", before the end of the period of 56 days beginning with the day on "
                       "which the report is published.") in letter
    assert ("The response is published by 26 June 2019, within 56 days beginning with the day the "
            "report was published (section 55(5A)).") in notes


# --- 3. a place for why a target moved, only where it moved or was missed ---------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missed_target_has_an_optional_place_for_the_reason(
        fmt: str, norfolk: Report, example: Report) -> None:
    letter, notes = _parts(*_cases(norfolk, example)["norfolk-with-plan"], fmt)
    reason = "{to be completed: the reason for the new date, or delete this row}"
    # read 25-S: the new date and its reason in rows of their own, never two places in a cell
    assert ("Revised target date {to be completed: the new target date} Reason for the new "
            "date " + reason) in _entry(letter, "E-2017-AFI-1")
    assert letter.count(reason) == 1  # not for a target unmoved, nor one completed
    assert "Target date 31 December 2019 Area for improvement 2" in letter
    # the plan's update is kept as recorded; the history stays in the notes
    assert "target moved to allow a second.”" in _entry(letter, "E-2017-AFI-1")
    # read 36: the target an update was given under is named where the update is, once
    assert "31 July 2019" not in letter and letter.replace(
        "when the target date was 30 September 2019", "").count("30 September 2019") == 0
    assert "Response to each finding: the reason for the new date, or delete this row (1 of the 5 findings)" in notes
    assert ("Give the reason for the new date where the letter marks a place for it, or delete "
            "that row: E-2017-AFI-1: target date 30 September 2019 (revised from 31 July 2019)"
            ) in notes


MOVED_PLAN = """\
report: {report}
items:
  - finding: E2-AFI-1
    status: in progress
    actions:
      - (Example) appoint a professional lead for investigations
    owner: Example ACC (illustrative)
    original_target: 2019-09-30
    current_target: 2019-12-31
    target_reason: Example reason. The lead started later than planned.
  - finding: E2-AFI-3
    status: in progress
    actions:
      - (Example) record supervision reviews on the crime system
    original_target: 2019-09-30
    current_target: 2019-11-30
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_moved_target_gives_the_plans_reason_or_a_place_for_it(
        fmt: str, norfolk: Report, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(MOVED_PLAN.format(report=Path("data/norfolk-2018-effectiveness.yaml")
                                      .resolve()), encoding="utf-8")
    on = date(2019, 10, 15)
    plan = load_plan(path, norfolk, as_of=on, published=date(2019, 5, 2))
    letter, notes = _parts(norfolk, Options(document="s55", plan=plan, as_of=on,
                                            published=date(2019, 5, 2)), fmt)
    assert ("Revised target date 31 December 2019 (revised from 30 September 2019) Reason for "
            "the new date “Example reason. The lead started later than planned” (the force’s "
            "action plan)") in _entry(letter, "E2-AFI-1")
    assert ("Revised target date 30 November 2019 (revised from 30 September 2019) Reason for "
            "the new date {to be completed: the reason for the new date, or delete this row}"
            ) in _entry(letter, "E2-AFI-3")
    assert ("Response to each finding: the reason for the new date, or delete this row (1 of the 5 findings)"
            in notes)


# --- 4. "or why no action is proposed" --------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_why_no_action_is_proposed_in_full_everywhere(
        fmt: str, norfolk: Report, example: Report) -> None:
    for name, (report, options) in _cases(norfolk, example).items():
        text = _text(report, options, fmt)
        assert "why none" not in text, name
        letter, notes = _parts(report, options, fmt)
        # the statutory formula said once, in the paragraph on section 55 (read 30-S)
        assert letter.count("the action I have taken or propose to take in response to ") == 1
        assert re.search(r"my response to .*? areas for improvement\. I also respond to", letter), name
        assert re.search(r"Each recommendation has a response: the action the (commissioner|local "
                         r"policing body) has taken or proposes to take, or why the \1 has not "
                         r"taken or does not propose to take any action \(section 55\(5B\)\)\.",
                         notes), name
    letter, _notes = _parts(*_cases(norfolk, example)["exampleshire"], fmt)
    assert ("Action {to be completed: the action taken or planned, or why no action is proposed}"
            in _entry(letter, "A2-AFI-1"))


def test_the_new_wording_has_welsh(norfolk: Report, example: Report) -> None:
    for name, (report, options) in _cases(norfolk, example).items():
        welsh = dataclasses.replace(options, language="cy")
        missing = " | ".join(untranslated_wording(report, welsh))
        for new in ("records th", "no action is proposed", "also respond to", "Section 55",
                    "the reason for", "Give the reason", "“"):
            assert new not in missing, (name, new, missing)
        text = _text(report, welsh, "pdf")
        assert "neu pam na chynigir unrhyw gamau" in text, name
        assert "pam na chymerir" not in text, name  # the old "or why none"
    welsh = dataclasses.replace(_cases(norfolk, example)["norfolk-with-plan"][1], language="cy")
    text = _text(norfolk, welsh, "pdf")
    assert ("Cam gweithredu (Example) record supervision reviews on the crime system. "
            "Statws Cwblhawyd ar 4 Hydref 2019") in text  # read 26-S
    assert "{i’w gwblhau: y rheswm dros y dyddiad newydd, neu dilëwch y rhes hon}" in text
    # read 35: the duty recited whole, its 56 days too, and the date it is published asked for
    letter = text.split("Nodiadau i’r sawl")[0].split("Cyn cyhoeddi")[0]
    assert "56 diwrnod" in letter and "Cyhoeddir y sylwadau hyn ar {i’w gwblhau:" in letter


# --- 5. one name for the report ---------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_report_is_named_by_the_title_its_source_line_cites(
        fmt: str, norfolk: Report, example: Report) -> None:
    for name in ("norfolk-with-plan", "norfolk-no-plan"):
        letter, _notes = _parts(*_cases(norfolk, example)[name], fmt)
        assert "Report “Norfolk PEEL 2018: Effectiveness” Published 2 May 2019" in letter, name
        assert ("to your report “Norfolk PEEL 2018: Effectiveness” on the PEEL 2018/19 "
                "inspection of Norfolk Constabulary (effectiveness), published on 2 May 2019."
                ) in letter, name
        assert "Source: HMICFRS, “Norfolk PEEL 2018: Effectiveness”" in letter, name
        # the report by any other name: only the document's title names the inspection
        body = letter[letter.index("Dear HM Chief Inspector"):]
        assert body.count("inspection of Norfolk Constabulary") == 1, name
    # a constructed report's title says it is constructed: named by what it describes
    letter, _notes = _parts(*_cases(norfolk, example)["exampleshire"], fmt)
    assert ("to your report on the PEEL 2023–25 inspection of Exampleshire Constabulary (force "
            "assessment), published on 12 September 2024.") in letter


# --- 6. numbered across the report, as the opening counts them -------------------------------

_HEAD = re.compile(r"(Cause of concern|Recommendation|Area for improvement)(?: (\d+))?"
                   r"( from \S+)? \(")
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}


def _numbers_match_the_opening(letter: str) -> None:
    opening = letter[letter.index("It includes"):letter.index("Section 55 of")]
    body = letter[letter.index("Response to each finding"):]
    for kind, plural in (("Cause of concern", "causes of concern"),
                         ("Recommendation", "recommendations"),
                         ("Area for improvement", "areas for improvement")):
        found = re.search(rf"(\w+) {plural}\b", opening)
        singular = re.search(rf"(?:report’s|its) {kind.lower()}\b", opening)
        numbers = [n for k, n, earlier in _HEAD.findall(body) if k == kind and not earlier]
        if found:
            assert numbers == [str(n) for n in range(1, _COUNTS[found.group(1)] + 1)], kind
        elif singular:
            assert numbers == [""], kind
        else:
            assert numbers == [], kind


@pytest.mark.parametrize("fmt", FORMATS)
def test_heading_numbers_run_across_the_report_to_the_opening_counts(
        fmt: str, norfolk: Report, example: Report) -> None:
    cases = _cases(norfolk, example)
    for name in cases:
        letter, _notes = _parts(*cases[name], fmt)
        _numbers_match_the_opening(letter)
    letter, _notes = _parts(*cases["exampleshire"], fmt)
    heads = [f"{k} {n}".strip() + e for k, n, e in _HEAD.findall(letter)]
    assert heads[:7] == ["Cause of concern 1", "Recommendation 1",
                         "Cause of concern from 2021/22",
                         "Cause of concern 2", "Recommendation 2", "Recommendation 3",
                         "Recommendation 4"]
    assert "Recommendation 1 (Responding to the public) Reference A4-REC-1" in letter
    assert "The action on this cause of concern is given under recommendations 2 to 4 below." \
        in _entry(letter, "A5-COC-1")
    # any report: a synthetic assessment with two causes and four recommendations
    report = synthetic_assessment(afis_per_area=1)
    letter, _notes = _parts(report, Options(document="s55", as_of=date(2024, 2, 1)), fmt)
    _numbers_match_the_opening(letter)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_opening_says_where_the_earlier_finding_is_answered(
        fmt: str, norfolk: Report, example: Report) -> None:
    letter, _notes = _parts(*_cases(norfolk, example)["exampleshire"], fmt)
    assert ("I also respond to the 2021/22 cause of concern, on which the report finds the force "
            "has not made enough progress.") in letter
    # and so it is: after the area's cause of concern and its recommendation, before the next
    at = [letter.index(f"Reference {ref}") for ref in ("A4-COC-1", "A4-REC-1", "A-2021-COC-1",
                                                         "A5-COC-1")]
    assert at == sorted(at)
