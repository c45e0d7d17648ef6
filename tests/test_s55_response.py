"""The s.55 response a commissioner's office publishes: what an editorial reader faulted, fixed.

One test per fault, on what a reader gets (PDF text through pypdf, DOCX through
python-docx, HTML text): action dates worded for publication, true to the plan
on the preparation date, with no internal status; the date the response was due
by, stated only while it is ahead; the preparer's notes after the letter, on a
page of their own; headings in words, the reference kept for the action plan;
findings in the report's order whatever the plan says; a cause of concern with
recommendations pointing to them instead of a table of its own; a heading for
the body's comments that is right whoever publishes; a letter to HM Chief
Inspector copied to the Home Secretary, named once; constructed data labelled
once at the head; the 56 days worded as the statute words them and counted as
it counts them; and each finding's Action/Owner/Date table kept on its heading's
page.  Built for Norfolk
(a real report, an illustrative plan) and for the constructed Exampleshire
assessment, with and without a plan, before and after the deadline.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date, timedelta
from pathlib import Path

import docx
import pypdf
import pytest
from docread import browser_joins, norfolk_plan, text_of

import peeldocs
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.plans.files import load_plan
from peeldocs.sections.items import s55_deadline

# one worker builds this module's documents (its module fixtures), not both
pytestmark = pytest.mark.xdist_group("test_s55_response")

ROOT = Path(__file__).parent.parent
FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer (remove this part)"
MADE_UP_PLAN = ("The actions, owners and dates in this response come from an action plan "
                "invented for illustration; the findings are the report’s.")
MADE_UP = ("This response is built from a report constructed for illustration: it is not an "
           "HMICFRS report, and the force, findings and dates it quotes are invented.")
EXAMPLE_PLAN = """\
report: {report}
title: Illustrative action plan (invented for a test)
illustrative: true
items:
  - finding: A4-COC-1
    status: in progress
    actions:
      - (Example) recruit and train more call handlers for the force control room
      - (Example) set shift patterns to match call demand by hour of the day
    owner: Example ACC (illustrative)
    lead: Example Head of Contact (illustrative)
    original_target: 2024-09-30
    current_target: 2024-09-30
  - finding: A4-REC-1
    status: closed
    actions:
      - (Example) publish daily emergency call answering figures to the control room
    owner: Example ACC (illustrative)
    original_target: 2024-09-20
    current_target: 2024-09-20
    closed_on: 2024-09-25
  - finding: A5-COC-1
    status: in progress
    actions:
      - (Example) add a supervisory review step to the crime recording system
    owner: Example ACC (illustrative)
    original_target: 2024-12-12
    current_target: 2024-12-12
  - finding: A5-REC-1
    status: awaiting allocation
    original_target: 2024-12-10
    current_target: 2024-12-10
"""


def _read(report: Report, options: Options, fmt: str) -> str:
    text = text_of(peeldocs.render(peeldocs.build_pack(report, options), fmt, options), fmt)
    return browser_joins(text) if fmt == "html" else text




@pytest.fixture(scope="module")
def example_plan(example: Report, tmp_path_factory: pytest.TempPathFactory) -> Options:
    """Exampleshire with an illustrative plan, prepared on 1 October 2024 (due 6 November)."""
    path = tmp_path_factory.mktemp("plan") / "plan.yaml"
    report = ROOT / "examples" / "exampleshire-2023-25-assessment.yaml"
    path.write_text(EXAMPLE_PLAN.format(report=report), encoding="utf-8")
    plan = load_plan(path, example, as_of=date(2024, 10, 1))
    return Options(document="s55", plan=plan, as_of=date(2024, 10, 1))


@pytest.fixture(scope="module")
def norfolk_late(norfolk: Report) -> dict[str, str]:
    options = dataclasses.replace(norfolk_plan(norfolk), document="s55")
    return {fmt: _read(norfolk, options, fmt) for fmt in FORMATS}


@pytest.fixture(scope="module")
def example_planned(example: Report, example_plan: Options) -> dict[str, str]:
    return {fmt: _read(example, example_plan, fmt) for fmt in FORMATS}


def _letter(text: str) -> str:
    return text[:text.index(NOTES)]


# --- 1. each action's date carries its state -------------------------------------------

def _entry(letter: str, ref: str) -> str:
    """One finding's part of the letter, from its reference line to the next heading's."""
    return letter.split(f"Reference {ref}")[1].split("Reference")[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_action_date_reads_as_a_publishable_target_true_to_the_plan(
        fmt: str, norfolk_late: dict[str, str], example_planned: dict[str, str]) -> None:
    """Found in review: "Date: **Overdue by 15 days** (due 30 September 2019)" in a public letter."""
    norfolk = _letter(norfolk_late[fmt])
    # E-2017-AFI-1: first set for 31 July 2019, moved to 30 September, not closed by 15 October:
    # the dates are given neutrally, with a place for the new one (found in review 4: "; not yet
    # complete" hid the miss; read 19: "not met" is the signer's to word, the notes say it;
    # read 23-S: only a place for the new date, the target's history in the notes)
    assert ("Revised target date {to be completed: the new target date}" in
            _entry(norfolk, "E-2017-AFI-1"))
    # read 36: the target an update was given under is named where the update is, once
    assert "31 July 2019" not in norfolk and norfolk.replace(
        "when the target date was 30 September 2019", "").count("30 September 2019") == 0
    assert "Status Completed on 4 October 2019" in _entry(norfolk, "E2-AFI-3")  # closed
    assert "Target date 31 December 2019" in _entry(norfolk, "E2-AFI-1")  # ahead, never moved
    assert "revised" not in _entry(norfolk, "E2-AFI-1")
    example = _letter(example_planned[fmt])
    # a cause of concern whose plan item records actions keeps its table (the plan's facts)
    assert ("Revised target date {to be completed: the new target date}"
            in _entry(example, "A4-COC-1"))
    assert "30 September 2024" not in example
    assert "Status Completed on 25 September 2024" in _entry(example, "A4-REC-1")
    for text in (norfolk, example):  # no internal status, nothing in bold, never a bare date
        assert not re.search(r"overdue|\bdue \d|Closed on|\bRAG\b|not yet complete|not met", text,
                             re.IGNORECASE)
        for when in re.findall(r"Date (\S+ \S+)", text[text.index("Response to each"):]):
            assert when.split()[0] in ("Target", "Completed", "Original", "{to"), when


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_paper_keeps_its_state_and_gives_a_moved_target(
        fmt: str, norfolk: Report) -> None:
    """The paper's State column: the plan's state, and the first target when it moved (C5)."""
    options = dataclasses.replace(norfolk_plan(norfolk), document="committee")
    paper = browser_joins(_read(norfolk, options, fmt))
    table = paper[paper.index("Finding Report text (verbatim)"):]
    assert ("In progress; 15 days overdue (due 30 September 2019; first set for 31 July 2019) "
            "E-2017-AFI-1") in table  # read 35-C: how many days, as at the paper's date
    assert "Closed on 4 October 2019, 4 days late E2-AFI-3" in table
    assert "In progress; due 31 December 2019 E2-AFI-1" in table  # a target never moved: no first one
    long_after = dataclasses.replace(options, as_of=date(2021, 1, 4))  # a span said as a date
    paper = browser_joins(_read(norfolk, long_after, fmt))
    assert ("In progress; 462 days overdue (due 30 September 2019; first set for 31 July 2019) "
            "E-2017-AFI-1") in paper


def test_a_target_that_moved_is_said_to_have_in_every_state() -> None:
    """Each state the plan can hold, worded for the letter and for the paper, true to it."""
    from peeldocs.blocks import Placeholder, inline_text
    from peeldocs.plans.plan import ActionItem, ItemStatus, Update
    from peeldocs.sections.s55_plan import date_reason, date_state, missed_position

    moved = ActionItem("X-1", ItemStatus.IN_PROGRESS, ("act",), original_target=date(2024, 1, 31),
                       current_target=date(2024, 3, 1))
    on = date(2024, 2, 1)
    # read 24-S: a moved target gets an optional place for the reason, or the plan's own;
    # read 25-S: in a row of its own, never in the date's cell
    reason = "{to be completed: the reason for the new date, or delete this row}"
    assert inline_text(date_state(moved, on) or ()) == "1 March 2024 (revised from 31 January 2024)"
    assert inline_text(date_reason(moved, on) or ()) == reason
    why = dataclasses.replace(moved, target_reason="Example reason. Second sample needed.")
    assert inline_text(date_reason(why, on) or ()) == (
        "“Example reason. Second sample needed” (the force’s action plan)")
    assert not [r for r in date_reason(why, on) or () if isinstance(r, Placeholder)]
    missed = date_state(moved, date(2024, 3, 2)) or ()
    # read 23-S: only a place for the new date (and, read 24-S, an optional one for the reason);
    # the history is the preparer's notes'
    assert inline_text(missed) == "{to be completed: the new target date}"
    assert [r.text for r in missed if isinstance(r, Placeholder)] == ["the new target date"]
    assert inline_text(date_reason(moved, date(2024, 3, 2)) or ()) == reason
    # where the work stands: a place for it when the plan records no update (read 23-S)
    assert inline_text(missed_position(moved, date(2024, 3, 2)) or ()) == (
        "{to be completed: the current position}")
    assert missed_position(moved, on) is None
    updated = dataclasses.replace(moved, updates=(Update(date(2024, 2, 20), "Synthetic update."),))
    assert missed_position(updated, date(2024, 3, 2)) is None  # the update is the position
    assert inline_text(date_state(moved, date(2024, 3, 1)) or ()) == (  # on the day: not missed
        "1 March 2024 (revised from 31 January 2024)")
    for status in (ItemStatus.AWAITING_ALLOCATION, ItemStatus.IN_PROGRESS):
        late = date_state(dataclasses.replace(moved, status=status), date(2024, 3, 2)) or ()
        assert "new target date" in inline_text(late) and "not met" not in inline_text(late)
    unmoved = ActionItem("X-1", ItemStatus.IN_PROGRESS, ("act",), current_target=date(2024, 3, 1))
    assert inline_text(date_state(unmoved, date(2024, 3, 2)) or ()) == (
        "{to be completed: the new target date}")
    assert inline_text(date_reason(unmoved, date(2024, 3, 2)) or ()) == reason  # missed: a reason
    assert inline_text(date_state(unmoved, date(2024, 2, 2)) or ()) == "1 March 2024"  # no place
    assert date_reason(unmoved, date(2024, 2, 2)) is None
    # a target set with no action yet (awaiting allocation): no date published, the notes give it
    assert date_state(dataclasses.replace(moved, actions=()), on) is None
    # the plan records the work as done, awaiting sign-off: never said to be missed, nor "passed"
    signing = dataclasses.replace(moved, status=ItemStatus.PENDING_SIGN_OFF)
    assert inline_text(date_state(signing, date(2024, 3, 2)) or ()) == (
        "1 March 2024 (revised from 31 January 2024)")  # awaiting sign-off: the Status row's
    assert inline_text(date_reason(signing, date(2024, 3, 2)) or ()) == reason
    closed = dataclasses.replace(moved, status=ItemStatus.CLOSED, closed_on=date(2024, 3, 4))
    assert inline_text(date_state(closed, on) or ()) == "4 March 2024"  # under "Completed"
    only_first = ActionItem("X-1", actions=("act",), original_target=date(2024, 1, 31))
    assert inline_text(date_state(only_first, date(2024, 1, 2)) or ()) == "31 January 2024"
    assert date_state(ActionItem("X-1"), on) is None  # no date: the placeholder stays


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_date_without_an_action_is_for_the_preparer_not_the_letter(
        fmt: str, norfolk_late: dict[str, str], example_planned: dict[str, str]) -> None:
    for text, ref, held in ((norfolk_late[fmt], "E2-AFI-2", "1 November 2019"),
                            (example_planned[fmt], "A5-REC-1", "10 December 2024")):
        letter = _letter(text)
        # read 19: the letter promises no date for work nobody has been given: the date,
        # like the action, is left to complete, with no note for the signer to delete
        # (found in review: "Due 1 November 2019 (no action recorded yet)"); the notes give it
        entry = _entry(letter, ref)
        assert "Target date {to be completed: the target date, or delete this row if no action is proposed}" in entry and held not in entry
        assert "{to be completed: the action taken or planned, or why no action is proposed}" in entry
        assert "no action recorded" not in entry and "not yet" not in entry
        notes = " ".join(text[text.index(NOTES):].replace("• ", "").split())
        assert ("The action plan sets a target date but records no action for this finding, so "
                "the response leaves its action and target date to complete rather than publish "
                f"a date for work not yet allocated: {ref}: target date {held}") in notes
        assert f"{ref}: target date {held} (revised" not in notes  # not said to be missed too


# --- 2. the date the response is due by: never in the letter ----------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_late_response_does_not_state_the_deadline_it_missed(fmt: str, example: Report) -> None:
    """Found in review: a letter dated 1 April 2025 said "Response due by 6 November 2024"."""
    text = _read(example, Options(document="s55", as_of=date(2025, 1, 10)), fmt)
    letter = _letter(text)
    assert "Response due by" not in letter and "6 November 2024" not in letter
    assert "Published 12 September 2024 Statutory basis" in letter  # the row simply goes
    assert "fell before" not in letter and not re.search(r"\blate\b", letter)
    notes = text[text.index(NOTES):]
    assert ("The 56-day period for publishing this response (section 55(5A)) ended on 6 November "
            "2024, before it was prepared on 10 January 2025. After its paragraph on section 55, "
            "the letter says when these comments are published, with a place for the date and "
            "the reason for their timing, in the local policing body’s own words: complete it "
            "before publishing. Record the date this response is published.") in notes
    assert "{to be completed: the date this response is published}" in notes


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_letter_never_gives_the_date_it_is_due_by_only_the_checklist_does(
        fmt: str, example: Report) -> None:
    """Review 8: "Response due by" is internal, in a letter to HMCI: in no case in the letter."""
    for on in (date(2024, 9, 20), date(2024, 11, 5), date(2024, 11, 7)):  # ahead, eve, after
        text = _read(example, Options(document="s55", as_of=on), fmt)
        letter = _letter(text)
        assert "Response due by" not in letter and "6 November 2024" not in letter
        assert "Published 12 September 2024 Statutory basis" in letter
        assert "6 November 2024" in text[text.index(NOTES):]  # the checklist carries it


# --- 3. the preparer's notes, apart and to be removed ------------------------------------

def test_the_preparers_notes_start_a_page_of_their_own_after_the_letter(
        example: Report, example_plan: Options) -> None:
    for options in (example_plan, Options(document="s55", as_of=date(2024, 10, 1))):
        data = peeldocs.render(peeldocs.build_pack(example, options), "pdf", options)
        pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]
        first = next(i for i, page in enumerate(pages) if NOTES in page)
        # the running header, then the notes' title: nothing of the letter on that page
        assert pages[first].split(NOTES)[0].count("\n") <= 1
        letter = " ".join(pages[:first])
        for note in ("Check", "yes or no", "only its author can write", "To complete"):
            assert note not in letter, note
        assert "Yours sincerely" in letter and "Open Government Licence" not in " ".join(
            pages[first:])


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_letter_holds_only_curly_bracket_placeholders_and_no_notes(
        fmt: str, example_planned: dict[str, str], norfolk_late: dict[str, str]) -> None:
    for text in (example_planned[fmt], norfolk_late[fmt]):
        letter = _letter(text)
        assert "[[" not in letter and "To complete before" not in letter
        assert "is to be completed" not in letter  # said to the preparer, not the reader
        assert "records no action yet" not in letter
        notes = text[text.index(NOTES):]
        assert ("Remove this heading and everything after it, except any protective marking at "
                "the end, before the response is published.") in notes
        assert "Checks before publishing" in notes


def test_in_docx_the_notes_follow_a_page_break(example: Report, example_plan: Options) -> None:
    data = peeldocs.render(peeldocs.build_pack(example, example_plan), "docx", example_plan)
    document = docx.Document(io.BytesIO(data))
    paras = document.paragraphs
    at = next(i for i, p in enumerate(paras) if p.text == NOTES)
    assert paras[at].style.name == "Heading 2"
    # a section of their own, on a new page, numbered from 1 (read 19)
    assert "<w:sectPr" in paras[at - 1]._p.xml
    assert len(document.sections) == 3 and document.sections[1].start_type == 2  # new page
    # then an empty section on the notes' last page with the letter's properties (read 22)
    assert document.sections[2].start_type == 0 and not document.paragraphs[-1].text


# --- 4. headings in words, the reference kept smaller ------------------------------------

def test_headings_say_what_each_item_is_in_words(example: Report, example_plan: Options) -> None:
    data = peeldocs.render(peeldocs.build_pack(example, example_plan), "docx", example_plan)
    paras = docx.Document(io.BytesIO(data)).paragraphs
    heads = [(i, p.text) for i, p in enumerate(paras) if p.style.name == "Heading 3"]
    items = [(i, t) for i, t in heads if re.match(r"(Cause|Recommendation|Area|Earlier) ", t)]
    # the report's order, which the committee paper shares; each kind numbered across the
    # report, as the opening counts them (read 24-S: "Recommendation" unnumbered beside
    # "Recommendation 1 to 3" while the opening counts four), and only where the letter has
    # more than one of it (found in review 5: two "Cause of concern 1")
    assert items[0][1] == "Cause of concern 1 (Responding to the public)"
    assert "Cause of concern 2 (Investigating crime)" in [t for _i, t in items]
    assert [t for _i, t in items if t.startswith("Recommendation")] == [
        "Recommendation 1 (Responding to the public)", "Recommendation 2 (Investigating crime)",
        "Recommendation 3 (Investigating crime)", "Recommendation 4 (Investigating crime)"]
    assert len(items) == 13
    for i, text in items:
        assert not re.search(r"\b[A-Z]\d*-[A-Z0-9-]*\d\b", text), text  # no reference in it
        assert paras[i + 1].text.startswith("Reference A")  # kept, in the line under it
        assert paras[i + 1].style.name != "Heading 3"
    answer = next(paras[i + 1].text for i, t in items
                  if t == "Recommendation 2 (Investigating crime)")
    assert answer == "Reference A5-REC-1; answers cause of concern 2 (A5-COC-1)."
    assert "as in the action plan" not in answer


# --- 5 and 6. a letter to HM Chief Inspector, copied to the Home Secretary, once --------

@pytest.mark.parametrize("fmt", FORMATS)
def test_addressed_to_hm_chief_inspector_and_copied_only_to_the_home_secretary(
        fmt: str, example_planned: dict[str, str]) -> None:
    text = example_planned[fmt]
    letter = _letter(text)
    assert "To His Majesty’s Chief Inspector of Constabulary" in letter
    assert "Dear HM Chief Inspector," in letter
    assert "Copy to the Home Secretary (section 55(6))" in letter
    assert "Copies to" not in letter and letter.count("Chief Inspector of Constabulary") == 1
    assert "Secretary of State" not in letter
    assert "sent to the Secretary of State (section 55(6))." in text[text.index(NOTES):]


def test_in_welsh_the_copy_goes_to_the_home_secretary_named_once(norfolk: Report) -> None:
    options = dataclasses.replace(norfolk_plan(norfolk), document="s55", language="cy")
    text = _read(norfolk, options, "pdf")
    assert "Copi at yr Ysgrifennydd Cartref (adran 55(6))" in text
    letter = text[:text.index("Nodiadau")]  # the notes name the Secretary of State, as the Act
    assert "Ysgrifennydd Gwladol" not in letter and "Secretary of State" not in text
    assert ("Dyddiad targed diwygiedig {i’w gwblhau: y dyddiad targed newydd}"
            in " ".join(text.split()))
    assert "Statws Cwblhawyd ar 4 Hydref 2019" in text and "Yn hwyr" not in text


# --- 7. constructed data labelled once, at the head -------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_constructed_data_is_labelled_once_at_the_head(
        fmt: str, norfolk_late: dict[str, str], example_planned: dict[str, str],
        norfolk: Report) -> None:
    head = norfolk_late[fmt][:norfolk_late[fmt].index("Dear HM Chief Inspector")]
    assert "Illustrative action plan" in head and MADE_UP_PLAN in head
    assert norfolk_late[fmt].count(MADE_UP_PLAN) == 1 and MADE_UP not in norfolk_late[fmt]
    head = example_planned[fmt][:example_planned[fmt].index("Dear HM Chief Inspector")]
    assert "Illustrative example: not an HMICFRS report" in head
    assert MADE_UP in head and MADE_UP_PLAN in head
    assert example_planned[fmt].count(MADE_UP) == 1
    plain = _read(norfolk, Options(document="s55", published=date(2019, 5, 2),
                                   as_of=date(2019, 6, 1)), fmt)
    assert "Illustrative" not in plain and "invented" not in plain  # a real report, no plan


# --- 8. the 56 days, as the statute words and counts them -------------------------------

@pytest.mark.parametrize(("published", "due"), [
    (date(2019, 5, 2), date(2019, 6, 26)), (date(2024, 1, 31), date(2024, 3, 26)),
    (date(2023, 12, 31), date(2024, 2, 24)), (date(2024, 2, 29), date(2024, 4, 24)),
    (date(2023, 2, 28), date(2023, 4, 24))])
def test_the_deadline_is_the_56th_day_counting_publication_as_the_first(
        published: date, due: date, example: Report) -> None:
    assert s55_deadline(published) == due
    assert len([published + timedelta(days=n) for n in range((due - published).days + 1)]) == 56
    options = Options(document="s55", published=published, as_of=published)
    text = _read(example, options, "pdf")
    day = f"{due.day} {due:%B %Y}"
    assert "Response due by" not in text and text.count(day) == 1  # the checks only
    assert f"The response is published by {day}, within 56 days" in text
    assert ("before the end of the period of 56 days beginning with the day on which the report "
            "is published") in text
    assert "55 days" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_publication_date_no_55_days_and_no_guess(fmt: str, norfolk: Report) -> None:
    text = _read(norfolk, Options(document="s55", as_of=date(2019, 6, 1)), fmt)
    assert "55 days" not in text
    assert "Response due by" not in text and "{to be completed: the date the response" not in text
    assert "it is the 56th day counting the day the report was published as the first " \
           "(section 55(5A))" in text[text.index(NOTES):]


# --- 9. each finding's table stays with its heading in PDF -------------------------------

def _rows_by_page(data: bytes) -> list[list[str]]:
    """For each page, the item lines in order: R (reference), A, S, O, D (the table's rows).

    A closed item's status row gives its completion date: it has no date row (read 26-S).
    """
    out = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        marks = []
        started = False
        for line in page.extract_text().splitlines():
            if line.startswith("Reference "):
                marks.append("R")
                started = True
            elif started and re.fullmatch(r"(Actions?|Status|Owner|Target date|Revised target date)",
                                          line.strip()):  # a label, never a cell's words
                marks.append("D" if line[0] in "TR" else line[0])  # the date row, any label
        out.append(marks)
    return out


@pytest.mark.parametrize("planned", [False, True])
def test_each_findings_table_stays_whole_with_its_heading(planned: bool, example: Report,
                                                          example_plan: Options) -> None:
    options = example_plan if planned else Options(document="s55", as_of=date(2024, 10, 1))
    data = peeldocs.render(peeldocs.build_pack(example, options), "pdf", options)
    pages = _rows_by_page(data)
    assert sum(p.count("R") for p in pages) == 13
    # without a plan, both causes of concern are answered by their recommendations: no table
    # of their own; the plan records actions for each, so with it they keep theirs; the
    # earlier one on the first's subject is answered with it, in either case (read 35)
    assert len(re.findall(r"RAS?OD?", "".join("".join(p) for p in pages))) == (
        12 if planned else 10)
    for marks in pages:  # every page holds whole items: reference, action, owner, date
        assert re.fullmatch(r"(R(AOD|ASOD?)?)*", "".join(marks)), marks


# --- 10. the report's order, whatever the plan says ----------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_findings_keep_the_reports_order_with_or_without_a_plan(
        fmt: str, norfolk: Report, norfolk_late: dict[str, str]) -> None:
    """Found in review: with a plan, the overdue 2017 finding moved ahead of the AFIs."""
    order = ["E5-REC-1", "E2-AFI-1", "E2-AFI-2", "E2-AFI-3", "E-2017-AFI-1"]
    unplanned = _read(norfolk, Options(document="s55", published=date(2019, 5, 2),
                                       as_of=date(2019, 6, 10)), fmt)
    for text in (norfolk_late[fmt], unplanned):
        letter = browser_joins(_letter(text), "?,.:;)’")
        at = [letter.index(f"Reference {ref}") for ref in order]
        assert at == sorted(at)
        heads = re.findall(r"(?:Recommendation|Area for improvement)(?: \d+)?(?: from \d+)? "
                           r"\([^)]*", letter)
        assert heads == ["Recommendation (Specialist capabilities", "Area for improvement 1 (Investigating crime and reducing re-offending",
                         "Area for improvement 2 (Investigating crime and reducing re-offending", "Area for improvement 3 (Investigating crime and reducing re-offending",
                         "Area for improvement from 2017 (Investigating crime and reducing re-offending"]


# --- 11. a cause of concern answered by its recommendations -------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_cause_of_concern_points_to_its_recommendations_instead_of_a_table(
        fmt: str, example: Report, example_planned: dict[str, str]) -> None:
    """Found in review: each cause of concern had an Action/Owner/Date block of its own."""
    unplanned = _read(example, Options(document="s55", as_of=date(2024, 10, 1)), fmt)
    for text in (unplanned,):
        letter = _letter(text)
        first, second = _entry(letter, "A4-COC-1"), _entry(letter, "A5-COC-1")
        assert "The action on this cause of concern is given under recommendation 1 below." \
            in first
        assert ("The action on this cause of concern is given under recommendations 2 to 4 below."
                in second)
        for entry in (first, second):
            assert "Action" not in entry and "Owner" not in entry and "Date" not in entry
        # the recommendations it names are headed so, each with its table
        for n, ref in ((" 1", "A4-REC-1"), (" 2", "A5-REC-1"), (" 3", "A5-REC-2"),
                       (" 4", "A5-REC-3")):
            assert re.search(rf"Recommendation{n} \([^)]*\) Reference {ref};", letter), ref
            assert "Action" in _entry(letter, ref)
        # the preparer's count is of the responses there are to write
        notes = text[text.index(NOTES):]
        counts = re.findall(r"Response to each finding: [^(]*\((\d+) of the (\d+) [a-z ]+\)", notes)
        # read 33: a passed deadline asks for the action taken by it (here one of them), so
        # the action places are counted in two kinds
        # read 35: the earlier cause of concern is answered with the current one: one table fewer
        assert counts == [("9", "10"), ("1", "10"), ("10", "10"), ("10", "10")], counts
    # where the plan records actions for the cause of concern itself, they are shown, never
    # dropped: its table stays, and no line sends the reader elsewhere
    planned = _letter(example_planned[fmt])
    for ref, action in (("A4-COC-1", "(Example) recruit and train more call handlers"),
                        ("A5-COC-1", "(Example) add a supervisory review step")):
        assert action in _entry(planned, ref) and "given under" not in _entry(planned, ref)


def test_a_cause_of_concern_without_recommendations_keeps_its_table(norfolk: Report) -> None:
    from peeldocs.model import CauseOfConcern

    q = norfolk.questions[1]
    coc = CauseOfConcern("E2-COC-T", "Synthetic cause of concern for a test: the force does not "
                         "always safeguard victims well enough.", ())
    report = dataclasses.replace(norfolk, questions=(
        norfolk.questions[0], dataclasses.replace(q, causes_of_concern=(coc,)),
        *norfolk.questions[2:]))
    for fmt in FORMATS:
        letter = _letter(_read(report, Options(document="s55", published=date(2019, 5, 2),
                                               as_of=date(2019, 6, 10)), fmt))
        entry = _entry(letter, "E2-COC-T")
        assert ("Action {to be completed: the action taken or planned, or why no action is "
                "proposed}") in entry
        assert "given under" not in letter


# --- 12. the body's comments, headed rightly whoever publishes ---------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_comments_heading_is_right_whoever_publishes(
        fmt: str, example: Report, norfolk_late: dict[str, str]) -> None:
    """Found in review: "The local policing body’s comments" read as a name to change."""
    text = _read(example, Options(document="s55", as_of=date(2024, 10, 1)), fmt)
    letter = _letter(text)
    # in the letter's own voice, first person as its body is (read 30-S)
    assert "My comments {to be completed: the local policing body’s comments on " \
        "the report}" in letter
    assert "My response to the chief constable’s comments" in letter
    assert "The local policing body’s comments" not in letter
    assert "Under “My comments”:" in text[text.index(NOTES):]
    assert "Comments on the report" not in text
    assert "Response to the chief" not in text.replace("My response to the chief", "")
    known = _letter(norfolk_late[fmt])  # a known body keeps its own form
    assert "My comments {to be completed: the commissioner’s comments" in known
    assert "Comments on the report" not in known


def test_in_welsh_the_new_wording_is_welsh(example: Report) -> None:
    text = " ".join(_read(example, Options(document="s55", language="cy",
                                           as_of=date(2025, 4, 1)), "pdf").split())
    assert "Fy sylwadau {i’w gwblhau" in text  # in the letter's voice (read 30-S)
    assert "Sylwadau ar yr adroddiad" not in text
    assert "to be completed" not in text
    assert "Rhoddir y cam gweithredu ar yr achos pryder hwn o dan argymhellion 2 i 4 isod." in text
    assert "Rhaid ymateb erbyn" not in text  # prepared after the deadline: no row for it
