"""Issue 23: the one-page brief and the committee paper as a chief officer signs them.

Each test reads what a reader gets (PDF text via pypdf, DOCX via python-docx,
HTML text) for old pillar reports and 2021+ assessments, with and without an
action plan, on dates that make items overdue by days and by years:

- the brief names the lowest-graded area in words in its opening;
- overdue items are named with what they are about, in the report's words;
- one rule for overdue spans: "overdue by 15 days", "overdue by more than four months"
  (never "overdue since" the due date, read 25-C);
- no sentence starts "And"; grades counted once, carried-over ones in a clause;
- the program is never named as a source; the action plan is;
- "lowest" is said only of what is lowest; ties are not cut through;
- the committee's grade cell and note never say the same; no sentence only
  describes a table; the verbatim column holds only quotation; the subject is
  the paper's title; no page of the PDF paper is less than a fifth full.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date
from pathlib import Path

import docx
import pytest
from docread import browser_joins, text_of
from pagefill import SPARSE, pages

import peeldocs
from peeldocs.model import Grade, Judgment, Report, Status
from peeldocs.options import Options
from peeldocs.prose import overdue_span
from peeldocs.sections.items import response_items
from peeldocs.sections.lowest import lowest_graded, tally_phrases

# one worker builds this module's documents once (pytest-xdist --dist loadgroup)
pytestmark = pytest.mark.xdist_group("test_brief_committee_signable")

ROOT = Path(__file__).resolve().parent.parent
NORFOLK_PLAN = ROOT / "examples" / "norfolk-2018-action-plan.yaml"
FORMATS = ("pdf", "docx", "html")
LATE = date(2026, 12, 6)  # years after every target
EXAMPLE_PLAN = """\
report: examples/exampleshire-2023-25-assessment.yaml
title: Test plan for the constructed example
items:
  - finding: A5-REC-1
    status: in progress
    owner: Test ACC
    original_target: 2024-12-12
  - finding: A4-AFI-1
    status: awaiting allocation
    original_target: 2026-11-24
"""


def _text(data: bytes, fmt: str) -> str:
    text = text_of(data, fmt)
    if fmt == "html":  # as a browser joins the spans that keep dates whole
        text = browser_joins(text, ",.:;)’”")
    return " ".join(text.split())


def _build(report: Report, kind: str, fmt: str, plan: Path | None, as_of: date,
           published: date | None = None) -> bytes:
    loaded = (peeldocs.load_plan(plan, report, as_of=as_of, published=published)
              if plan else None)
    options = Options(document=kind, as_of=as_of, published=published, plan=loaded)
    return peeldocs.render(peeldocs.build_pack(report, options), fmt, options)




@pytest.fixture(scope="module")
def example_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "exampleshire-plan.yaml"
    path.write_text(EXAMPLE_PLAN, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(norfolk: Report, example: Report, example_plan: Path) -> dict[tuple[str, str, str], bytes]:
    """Brief and committee paper for the four cases, every format, keyed (case, kind, fmt)."""
    cases = {"norfolk": (norfolk, None), "norfolk-plan": (norfolk, NORFOLK_PLAN),
             "example": (example, None), "example-plan": (example, example_plan)}
    return {(case, kind, fmt): _build(report, kind, fmt, plan, LATE)
            for case, (report, plan) in cases.items()
            for kind in ("brief", "committee") for fmt in FORMATS}


@pytest.fixture(scope="module")
def texts(built: dict[tuple[str, str, str], bytes]) -> dict[tuple[str, str, str], str]:
    return {key: _text(data, key[2]) for key, data in built.items()}


# --- the brief ---------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_brief_names_the_lowest_graded_area_in_its_opening(
        fmt: str, texts: dict[tuple[str, str, str], str]) -> None:
    for case in ("example", "example-plan"):
        text = texts[case, "brief", fmt]
        opening = text[:text.index("What needs doing")]
        assert ("The constructed report grades Exampleshire Constabulary inadequate in ‘Investigating "
                "crime’, the lowest grade on the scale.") in opening, case
    for case in ("norfolk", "norfolk-plan"):
        opening = texts[case, "brief", fmt][:texts[case, "brief", fmt].index("What needs doing")]
        # read 33: named once, in the tally, not graded again in a sentence of its own
        assert ("one was graded requires improvement (question 2, ‘How effective is the force at "
                "investigating crime and reducing re-offending?’)") in opening, case


@pytest.mark.parametrize("fmt", FORMATS)
def test_overdue_items_are_named_with_what_they_are_about_in_the_reports_words(
        fmt: str, norfolk: Report, texts: dict[tuple[str, str, str], str]) -> None:
    text = texts["norfolk-plan", "brief", fmt]
    late = text[text.index("Deadlines"):]
    # read 19: the plan's states on lines of their own, what is late first, the longest
    # overdue first, each dated by the one rule for spans
    # read 21: an overdue item names its owner, or says it has none
    # read 25-C: never late "since" the due date, the last day it was on time
    assert re.search(r"Overdue: E-2017-AFI-1, more than seven years past its target of 30 "
                     r"September 2019 \(first set for 31 July 2019\), owner Example ACC "
                     r"\(illustrative\); E2-AFI-2(?: “[^”]*”)?, more than seven years past its "
                     r"target of 1 November 2019, no owner; E2-AFI-1(?: “[^”]*”)?, more than six "
                     r"years past its target of 31 December 2019, owner Example ACC "
                     r"\(illustrative\)\.", late), late
    for ref, words in (("E2-AFI-2", "The force should improve how it allocates crime"),
                       ("E2-AFI-1", "The force must ensure that staff with the right")):
        quoted = {i.id: " ".join(i.text.split()) for i in response_items(norfolk)}[ref]
        assert words in quoted  # the words are the report's, not ours
    # the earlier finding is quoted once, first, and named in words where it is due
    assert ("has not made enough progress on the 2017 area for improvement (E-2017-AFI-1, "
            "question 2) to “put appropriate supervision") in text  # read 29-B: no brackets
    assert "target of 30 September 2019 (first set for 31 July 2019)" in late  # its target moved
    # the assessment plan: an area named, not a number
    text = texts["example-plan", "brief", fmt]
    # where the plan stands: each item by status with its span; then the decisions it calls for
    assert re.search(r"Overdue: A5-REC-1(?: “[^”]*”)?, more than one year past its target of 12 December 2024(?:, owner [^;]*)?; "
                     r"A4-AFI-1(?: “[^”]*”)?, 12 days past its target of 24 November 2026, no "
                     r"owner\.", text), text
    # read 30-B: by reference and a few of the report's words, a key finding by its kind too
    # read 32: by reference alone where the page needs the room (the list quotes them)
    assert re.search(r"re-date or escalate the recommendation A5-REC-1(?: \(“[^”]+”\))? and A4-AFI-1"
                     r"(?: \(“[^”]+”\))?", text), text
    assert "add items for the 11 findings the plan lacks" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_overdue_spans_follow_one_rule_in_every_document(
        fmt: str, norfolk: Report, texts: dict[tuple[str, str, str], str]) -> None:
    for key, text in texts.items():
        if key[2] == fmt:
            assert not re.search(r"overdue by \d[\d,]{2,} days", text, re.I), key
    for kind in ("brief", "committee"):
        # the brief says it under "Overdue" (read 19): "Overdue: E-2017-AFI-1, since ..."
        said = (r"Overdue: E-2017-AFI-1, more than \w+ (?:months|years?) past its target of 30 "
                r"September 2019" if kind == "brief" else r"overdue \(due 30 September 2019")
        assert re.search(said, texts["norfolk-plan", kind, fmt], re.I), kind
        near = _text(_build(norfolk, kind, fmt, NORFOLK_PLAN, date(2019, 10, 15),
                            date(2019, 5, 2)), fmt)
        # the committee paper's State also gives the target first set (31 July 2019); the
        # brief says the dates in the order they happened (read 10)
        # (read 21) the brief counts the days from the target missed, not from a "due" date
        # (read 23-C) the committee paper, read at a meeting weeks later, gives the date alone
        assert (kind == "brief" and "Overdue: E-2017-AFI-1, 15 days past its target of 30 "
                "September 2019 (first set for 31 July 2019)" in near) or (
                    kind == "committee" and "overdue (due 30 September 2019; first set for 31 "
                    "July 2019)" in near and "overdue by" not in near), kind
    pack = _text(_build(norfolk, "pack", fmt, NORFOLK_PLAN, LATE), fmt)
    assert "overdue by more than" in pack and not re.search(r"overdue by \d[\d,]{2,} days", pack)
    for key, text in texts.items():  # never late "since" the day it fell due (read 25-C)
        assert "overdue since" not in text and "since 30 September 2019" not in text, key


def test_the_overdue_rule_itself() -> None:
    due = date(2019, 10, 4)
    assert overdue_span(12, due) == "overdue by 12 days (due 4 October 2019)"
    assert overdue_span(1, due) == "overdue by 1 day (due 4 October 2019)"
    assert overdue_span(2624, due) == "overdue by more than seven years (due 4 October 2019)"
    assert overdue_span(32, due) == "overdue by more than one month (due 4 October 2019)"
    assert overdue_span(12, due, date_shown=True) == "overdue by 12 days"
    assert overdue_span(400, due, date_shown=True) == "overdue by more than one year"


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_sentence_starts_with_and(fmt: str, texts: dict[tuple[str, str, str], str]) -> None:
    for key, text in texts.items():
        if key[2] == fmt:
            assert not re.search(r"(?:^|[.:!?] )And ", text), key


@pytest.mark.parametrize("fmt", FORMATS)
def test_grades_are_counted_once_with_carried_over_ones_in_a_clause(
        fmt: str, norfolk: Report) -> None:
    text = _text(_build(norfolk, "brief", fmt, None, date(2019, 6, 10), date(2019, 5, 2)), fmt)
    assert "Of the five questions, three were graded good (one carried over from 2016) and " \
           "one was graded requires improvement (question 2, ‘How effective is the force at investigating crime and reducing re-offending?’); question 5 was ungraded." in text
    assert "1 good (carried over" not in text


def test_not_graded_and_unknown_are_counted_apart(norfolk: Report) -> None:
    qs = list(norfolk.questions)
    qs[2] = dataclasses.replace(qs[2], judgment=Judgment(Status.UNKNOWN))
    qs[0] = dataclasses.replace(qs[0], judgment=Judgment(Status.CARRIED_OVER, Grade.GOOD,
                                                         from_cycle="2016"))
    assert tally_phrases(tuple(qs)) == [
        "2 good (all carried over from 2016)", "1 requires improvement", "1 ungraded",
        "1 unknown (not found in the imported text)"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_program_is_never_a_source_and_the_plan_is(
        fmt: str, texts: dict[tuple[str, str, str], str]) -> None:
    for key, text in texts.items():
        if key[2] == fmt:
            assert "peeldocs" not in text.lower(), key
    for kind in ("brief", "committee"):
        # the page's title and its pillar, as the page shows them (read 23-C)
        assert "Source: HMICFRS, “Norfolk PEEL 2018: Effectiveness”" in texts["norfolk", kind, fmt]
    assert "Action plan: “Illustrative action plan (invented for the example)”." in \
        texts["norfolk-plan", "committee", fmt]
    # read 23-B: the brief names the plan once, on the line that gives where it stands (its
    # title is the pack's and committee paper's; a real plan's title is on that line)
    brief = texts["norfolk-plan", "brief", fmt]
    assert re.search(r"Illustrative action plan as at \d+ \w+ \d{4} \(invented; the findings are "
                     r"the report’s\): \w+ items \([^()]*\)\.", brief)
    assert "Action plan: “" not in brief
    assert "Source: “Exampleshire PEEL 2023–25" in texts["example", "committee", fmt]
    # Norfolk's publication date was not supplied, so the brief's closing note gives the source
    # with its date; the example's opening names the report and its date: not said twice
    brief = texts["example", "brief", fmt]
    assert "Source:" not in brief
    assert "The report “Exampleshire PEEL 2023–25" in brief and "published on 12 September 2024" in brief


def test_lowest_is_said_only_of_what_is_lowest(norfolk: Report) -> None:
    qs = norfolk.questions  # good, requires improvement, good, good (carried over), ungraded
    shown, which = lowest_graded(qs, 3)  # the three good ones tie: none of them is cut off
    assert [q.number for q in shown] == [2]
    assert which == "the one graded requires improvement, the lowest grade"
    shown, which = lowest_graded(qs, 4)
    assert [q.number for q in shown] == [1, 2, 3, 4]
    assert which == "the four graded requires improvement or good"
    tied = tuple(dataclasses.replace(q, judgment=Judgment(Status.GRADED, Grade.GOOD)) for q in qs)
    shown, which = lowest_graded(tied, 2)  # all tie: no superlative
    assert [q.number for q in shown] == [1, 2] and which == "two of the five graded good"
    assert lowest_graded(tied, 5) == (list(tied), "")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_brief_of_tied_grades_says_nothing_is_lowest(fmt: str, norfolk: Report) -> None:
    tied = dataclasses.replace(norfolk, questions=tuple(
        dataclasses.replace(q, judgment=Judgment(Status.GRADED, Grade.GOOD))
        for q in norfolk.questions))
    for kind in ("brief", "committee"):
        text = _text(_build(tied, kind, fmt, None, LATE), fmt)
        assert "lowest" not in text, kind


# --- the committee paper ------------------------------------------------------------------

def _table(data: bytes, first_header: str) -> list[list[str]]:
    document = docx.Document(io.BytesIO(data))
    for table in document.tables:
        rows = [[" ".join(c.text.split()) for c in r.cells] for r in table.rows]
        if rows and rows[0][0] == first_header and len(rows[0]) > 2:
            return rows
    raise AssertionError(f"no table headed {first_header!r}")


def test_a_grade_and_its_note_never_say_the_same(
        built: dict[tuple[str, str, str], bytes]) -> None:
    rows = _table(built["example", "committee", "docx"], "No.")
    assert rows[0] == ["No.", "Area", "Grade"]  # no note to give: no column of dashes
    assert rows[-1] == ["10", "Victim service assessment", "Ungraded"]
    # read 36-C: one carried-over grade says so in its cell, not in a column of dashes
    rows = _table(built["norfolk", "committee", "docx"], "No.")
    assert rows[0] == ["No.", "Question", "Judgment"]
    assert rows[4][2:] == ["Good (carried over from 2016)"]
    assert rows[5][2:] == ["Ungraded"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_sentence_only_describes_a_table(fmt: str, texts: dict[tuple[str, str, str], str]) -> None:
    for key, text in texts.items():
        if key[2] == fmt and key[1] == "committee":
            assert "The table gives" not in text and "The table below shows" not in text, key


def test_the_verbatim_column_holds_only_quotation(
        built: dict[tuple[str, str, str], bytes], example: Report, norfolk: Report) -> None:
    for case, report in (("example", example), ("example-plan", example),
                         ("norfolk", norfolk), ("norfolk-plan", norfolk)):
        rows = _table(built[case, "committee", "docx"], "Finding")
        column = rows[0].index("Report text (verbatim)")
        quoted = {i.id: " ".join(i.full_text.split()) for i in response_items(report)}
        for row in rows[1:]:
            ref = row[-1]  # the reference in a cell of its own
            assert row[column] == quoted[ref], ref
    rows = _table(built["example", "committee", "docx"], "Finding")
    a5 = next(r for r in rows if r[-1] == "A5-REC-1")
    # said once, as a deadline passed, in the report's own terms
    assert re.fullmatch(r"Deadline passed \d+ days ago \(within three months of publication, "
                        r"that is by 12 December 2024\)", a5[-2])


def test_the_subject_is_what_a_committee_would_write(
        built: dict[tuple[str, str, str], bytes]) -> None:
    for case, subject in (
            ("norfolk", "HMICFRS PEEL 2018/19 inspection of Norfolk Constabulary: effectiveness"),
            ("example", "Constructed example of a PEEL 2023–25 inspection of Exampleshire "
                        "Constabulary: force assessment")):
        document = docx.Document(io.BytesIO(built[case, "committee", "docx"]))
        facts = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
        assert facts["Subject"] == subject, case
        assert document.paragraphs[0].text == subject or any(
            p.text == subject for p in document.paragraphs[:3]), case


def test_no_page_of_the_committee_paper_is_less_than_a_fifth_full(
        built: dict[tuple[str, str, str], bytes], tmp_path: Path) -> None:
    for case in ("norfolk", "norfolk-plan", "example", "example-plan"):
        path = tmp_path / f"{case}.pdf"
        path.write_bytes(built[case, "committee", "pdf"])
        sparse = [(p.number, round(p.fullness, 2)) for p in pages(path) if p.fullness < SPARSE]
        assert not sparse, (case, sparse)
