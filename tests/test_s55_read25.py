"""Read 25-S of the s.55 response: what an independent editor still found, and its fixes.

Each is asserted on what a reader gets, in PDF, DOCX and HTML text, for the three
inputs the read had (docread.s55_cases), and on constructed inputs where the
examples do not reach a case:

1. An earlier finding's verdict is quoted with what the report now asks of it, as the
   brief and committee paper quote it ("[The force] must do more …").
2. With a plan, an entry reads as a letter: the actions once, led by the state the
   plan records and in its words; progress with its date; a completion date once.
3. A moved or missed target has a "Revised target date" row and an optional
   "Reason for the new date" row, never two places in one cell.
6. An earlier finding placed after the report's findings on its subject says "See
   also …" by their headings' numbers.
7. The note on marks names only the marks the letter's quotations use.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
from docread import s55_cases as _cases
from docread import s55_text as _text

from peeldocs.build.documents import untranslated_wording
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.plans.plan import ActionItem, ItemStatus, Update
from peeldocs.sections.items import response_items
from peeldocs.sections.s55_items import item_titles
from peeldocs.sections.s55_links import cross_references
from peeldocs.sections.s55_plan import date_label, date_reason, date_state, progress

FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer (remove this part)"
MORE = ("“The force has not made enough progress. [The force] must do more to ensure that "
        "supervision is consistent and appropriate in all investigations – not just those that "
        "involve vulnerable victims.”")


def _letter(report: Report, options: Options, fmt: str) -> str:
    text = _text(report, options, fmt).replace("• ", "")
    letter = text.split(NOTES)[0]
    return re.sub(r" (?:Police and Crime Commissioner for Norfolk|\{to be completed: the local "
                  r"policing body\}) · Response to HMICFRS [^·{}]*?(?: · ILLUSTRATIVE EXAMPLE: "
                  r"NOT AN HMICFRS REPORT)? Page \d+ of \d+(?: OFFICIAL)*", "", letter)


def _entry(letter: str, ref: str) -> str:
    return letter.split(f"Reference {ref}")[1].split("Reference ")[0]


# --- 1. the verdict with what the report now asks ---------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_earlier_findings_verdict_is_quoted_with_what_the_report_now_asks(
        norfolk: Report, example: Report, fmt: str) -> None:
    for name in ("norfolk-with-plan", "norfolk-no-plan"):
        report, options = _cases(norfolk, example)[name]
        entry = _entry(_letter(report, options, fmt), "E-2017-AFI-1")
        assert f"The report says: {MORE}" in entry, (name, fmt, entry)
        assert "progress.”" not in entry  # never cut after the verdict
    # a verdict the report says nothing more after is quoted as it stands
    report, options = _cases(norfolk, example)["exampleshire"]
    entry = _entry(_letter(report, options, fmt), "A-2021-COC-1")
    assert ("The report says: “The force hasn’t made enough progress against this cause of "
            "concern (constructed verdict).”") in entry


def test_the_verdict_is_the_brief_and_committee_papers_wording(norfolk: Report,
                                                               example: Report) -> None:
    report, options = _cases(norfolk, example)["norfolk-no-plan"]
    s55 = _text(report, options, "pdf")
    brief = _text(report, dataclasses.replace(options, document="brief"), "pdf")
    said = "[The force] must do more to ensure that supervision is consistent"
    assert said in s55
    # read 29-B: the brief says it plainly, without the bracket: "and that it “must do more …"
    assert "it “" + said.removeprefix("[The force] ") in brief


# --- 2. the plan's rows read as a letter ------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_plan_rows_read_as_a_letter_with_each_date_once(norfolk: Report, example: Report,
                                                        fmt: str) -> None:
    report, options = _cases(norfolk, example)["norfolk-with-plan"]
    letter = _letter(report, options, fmt)
    one = _entry(letter, "E2-AFI-1")
    assert ("Actions (Example) appoint a professional lead for investigations; (Example) review "
            "investigative training provision. Status In progress") in one  # read 26-S
    assert "On 20 August 2019 the force reported: “Example update." in one
    closed = _entry(letter, "E2-AFI-3")
    assert "Action (Example) record supervision reviews on the crime system. Status Completed on " \
        "4 October 2019" in closed
    assert closed.count("4 October 2019") == 1, closed  # the "Status" row alone dates it
    assert "The force reported on completion: “Example update." in closed
    for old in ("records these actions", "records this action", "The force reported on 2"):
        assert old not in letter, old
    assert "(Example)" in letter  # the plan's example text stays labelled


def test_an_update_before_completion_keeps_its_date() -> None:
    item = ActionItem("X", ItemStatus.CLOSED, ("do it",), closed_on=date(2019, 10, 4),
                      updates=(Update(date(2019, 9, 1), "Half done."),))
    assert progress(item, date(2019, 10, 15)) == ("Progress",
                                                  "On 1 September 2019 the force reported: "
                                                  "“Half done.”")


# --- 3. a moved or missed target: rows of their own -------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missed_target_has_a_revised_date_row_and_an_optional_reason_row(
        norfolk: Report, example: Report, fmt: str) -> None:
    report, options = _cases(norfolk, example)["norfolk-with-plan"]
    entry = " ".join(_entry(_letter(report, options, fmt), "E-2017-AFI-1").split())
    assert "Revised target date {to be completed: the new target date}" in entry, entry
    assert ("Reason for the new date {to be completed: the reason for the new date, or delete "
            "this row}") in entry, entry
    assert "; {to be completed" not in entry


def test_a_moved_target_gives_the_plans_reason_in_its_own_row() -> None:
    as_of = date(2019, 8, 1)
    moved = ActionItem("X", ItemStatus.IN_PROGRESS, ("do it",), current_target=date(2019, 9, 30),
                       original_target=date(2019, 7, 31), target_reason="A second sample.")
    assert date_label(moved, as_of) == "Revised target date"
    assert "".join(r.text for r in date_state(moved, as_of) or ()) == \
        "30 September 2019 (revised from 31 July 2019)"
    assert "".join(r.text for r in date_reason(moved, as_of) or ()) == \
        "“A second sample” (the force’s action plan)"
    plain = dataclasses.replace(moved, original_target=None, target_reason=None)
    assert date_label(plain, as_of) == "Target date" and date_reason(plain, as_of) is None


# --- 6. see also, by heading number -----------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_an_earlier_finding_placed_after_its_subject_says_see_also(
        norfolk: Report, example: Report, fmt: str) -> None:
    report, options = _cases(norfolk, example)["exampleshire"]
    entry = _entry(_letter(report, options, fmt), "A-2021-COC-1")
    # read 35: an earlier cause of concern is answered where the current one is: no table
    assert ("This cause of concern is on the same subject as cause of concern 1 above; the "
            "action on both is given under recommendation 1 above.") in entry
    assert "Action" not in entry
    report, options = _cases(norfolk, example)["norfolk-no-plan"]
    entry = _entry(_letter(report, options, fmt), "E-2017-AFI-1")
    assert "See also areas for improvement 1 to 3 above, on the same question." in entry


def test_see_also_is_named_once_per_subject(example: Report) -> None:
    items = response_items(example)
    titles = item_titles(items, example, "area")
    linked = cross_references(items, "area", titles)
    assert list(linked) == ["A-2021-COC-1"]  # the one placed after, nothing on the others


# --- 7. the note names only the marks used ----------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_marks_note_names_only_the_marks_used(norfolk: Report, example: Report,
                                                  fmt: str) -> None:
    for name, (report, options) in _cases(norfolk, example).items():
        letter = _letter(report, options, fmt)
        quoted = letter.split("Response to each finding")[-1]
        has_brackets = "[The" in quoted or "[the" in quoted
        assert ("Words in square brackets are added in quoting" in letter) is has_brackets, name
        assert "ellipsis" not in letter or "…" in quoted, name


# --- Welsh -------------------------------------------------------------------------------------

def test_the_new_wording_has_welsh(norfolk: Report, example: Report) -> None:
    for name, (report, options) in _cases(norfolk, example).items():
        welsh = dataclasses.replace(options, language="cy")
        missing = " | ".join(untranslated_wording(report, welsh))
        for new in ("Status", "In progress", "Completed on", "the force reported", "Revised target",
                    "Reason for the new", "See also", "delete this row", "1 to 3"):
            assert new not in missing, (name, new, missing)
    text = _text(example, dataclasses.replace(_cases(norfolk, example)["exampleshire"][1],
                                              language="cy"), "pdf")
    assert ("Mae’r achos pryder hwn ar yr un pwnc ag achos pryder 1 uchod; rhoddir y cam "
            "gweithredu ar y ddau o dan argymhelliad 1 uchod.") in text
