"""Editorial read 8-P of the briefing pack: what the reader gets, in every format.

1. With no marking asked for, the pack's cover and the committee paper's "About
   this paper" ask for one (a marked placeholder), never invent one; the running
   header and footer carry a placeholder where the marking goes (reads 11 and 12), never
   a marking.
2. Without a plan, once the report's deadlines have passed, the chief officer group
   is asked to confirm the action taken and who reports progress, not to "seek
   assurance" (a panel's word, which the committee paper keeps).
3. The deadlines section names each passed deadline with its date, and the
   section 55 deadline; the pack says the section 55 deadline in full once.
4. "Prepared without an action plan", never "no action plan was supplied"; an
   update's giver not recorded is said plainly ("The plan does not record who gave each
   update", read 10).
5. The findings-to-act-on list says what it holds and in what order.
6. Printed HTML repeats the marking and the running title on every page.
7. A joint recommendation names its addressees, then whom they are to work with.
8. The findings-by-question (area) intro says findings are named by reference.
9. No shaded Type cell without a key in the no-plan tables.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest
from docread import browser_joins, norfolk_plan, rendered, text_of
from pypdf import PdfReader

from peeldocs.blocks import Table, Tone
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.sections.actions import untracked
from peeldocs.sections.assessment_summary import causes_table

FORMATS = ("pdf", "docx", "html")
PUBLISHED = date(2019, 5, 2)
TO_COMPLETE = "{to be completed: the marking, such as OFFICIAL}"
HEAD_TO_COMPLETE = "{to be completed: protective marking}"


def _norfolk_options(**more: object) -> Options:
    return Options(as_of=date(2019, 6, 10), published=PUBLISHED, **more)  # type: ignore[arg-type]


def _example_options(**more: object) -> Options:
    return Options(as_of=date(2025, 4, 1), **more)  # type: ignore[arg-type]


def _text(report: Report, options: Options, fmt: str) -> str:
    text = text_of(rendered(report, options, fmt), fmt)
    if fmt == "html":
        text = browser_joins(text, ",.:;)’”")
    return " ".join(text.split())


# --- 1. a marking asked for, never invented ---------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("document", ["pack", "committee"])
def test_no_marking_asked_gives_a_marked_placeholder_not_a_marking(
        fmt: str, document: str, norfolk: Report) -> None:
    text = _text(norfolk, _norfolk_options(document=document), fmt)
    assert f"Protective marking {TO_COMPLETE}" in text
    # nothing invented: the only "OFFICIAL" is the example in the placeholder (and the
    # paper's checklist of what to complete, which names it)
    assert text.replace("the marking, such as OFFICIAL", "").count("OFFICIAL") == 0
    marked = _text(norfolk, _norfolk_options(document=document, marking="OFFICIAL"), fmt)
    assert "Protective marking OFFICIAL" in marked and TO_COMPLETE not in marked


def test_the_running_header_and_footer_mark_the_markings_place_not_a_marking(
        norfolk: Report) -> None:
    pdf = PdfReader(io.BytesIO(rendered(norfolk, _norfolk_options(), "pdf")))
    pages = [" ".join((p.extract_text() or "").split()) for p in pdf.pages]
    assert sum(TO_COMPLETE in p for p in pages) == 1  # the cover's row, once
    assert all(p.count(HEAD_TO_COMPLETE) == 2 for p in pages)  # header and footer of each
    document = docx.Document(io.BytesIO(rendered(norfolk, _norfolk_options(), "docx")))
    for section in document.sections:
        for part in (section.header, section.footer):
            text = " ".join(p.text for p in part.paragraphs)
            assert text.startswith(HEAD_TO_COMPLETE) and "OFFICIAL" not in text


# --- 2. the group confirms action; a panel seeks assurance ------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_group_confirms_action_on_passed_deadlines(fmt: str, example: Report) -> None:
    text = _text(example, _example_options(), fmt)
    # read 36: each ask a bullet of its own
    assert ("The chief officer group is asked to: Note the grades. Agree an action, an owner and "
            "a date for each finding to act on. Confirm what action has been taken on each of "
            "the four recommendations below, all past their deadlines, and who reports progress "
            "to the inspectorate and the police and crime commissioner (or equivalent).") in \
        " ".join(text.replace("•", " ").split())
    assert "seek assurance" not in text
    paper = _text(example, _example_options(document="committee"), fmt)
    assert "seek assurance" in paper  # a panel's own word, kept in its paper


# --- 3. passed deadlines named with dates; section 55 said once -------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_deadlines_section_names_what_passed_and_when(fmt: str, example: Report) -> None:
    text = _text(example, _example_options(), fmt)
    text = re.sub(r" ([,).;])", r"\1", text)
    start = text.index("Deadlines and what is due next")
    part = text[start:text.index("Key figure compared", start)]  # one figure (read 33)
    assert ("Four deadlines set by the report have passed; this pack was prepared without an "
            "action plan. Passed by 1 April 2025: A5-REC-3 (immediately, from "
            "12 September 2024), A5-REC-1 (12 December 2024), A4-REC-1 (12 March 2025) and "
            "A5-REC-2 (31 March 2025).") in part
    # read 35: after the deadline, one question for the author to answer
    assert "published by 6 November 2024, 56 days beginning with the day of publication" in part
    assert text.count("6 November 2024") == 1  # once in the pack, here


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("which", ["no plan", "plan"])
def test_the_section_55_deadline_is_said_in_full_once(fmt: str, which: str,
                                                     norfolk: Report) -> None:
    options = _norfolk_options() if which == "no plan" else norfolk_plan(norfolk)
    text = re.sub(r" ([,).;])", r"\1", _text(norfolk, options, fmt))
    assert text.count("(Police Act 1996, section 55)") == 1
    full = text.index("(Police Act 1996, section 55)")
    due = text.index("overdue and due next" if which == "plan" else
                     "Deadlines and what is due next")
    assert due < full < text.index("Findings by question Each")  # in the summary's deadlines
    if which == "no plan":  # the group's decision to agree the chief constable's comments by
        # then; In brief leaves it to that decision just below (read 33)
        assert text.count("26 June 2019") == 2


# --- 4. the tool's view reworded ------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("document", ["pack", "brief", "committee"])
def test_no_document_says_a_plan_was_not_supplied(fmt: str, document: str, norfolk: Report,
                                                  example: Report) -> None:
    """Issue 23 point 2's words, "no action plan was supplied", say what the documents were
    built from; nothing claims the force has no plan or has not agreed one (read 8)."""
    for report, options in ((norfolk, _norfolk_options(document=document)),
                            (example, _example_options(document=document))):
        text = _text(report, options, fmt)
        assert "has not agreed" not in text and "has no action plan" not in text
        assert "with no action plan" not in text.lower()
    pack = _text(norfolk, _norfolk_options(), fmt)
    # read 25-P: "supplied" was the tool's word; the pack says what it was prepared from
    assert ("This pack was prepared without an action plan, and the report sets no deadline of its "
            "own.") in pack
    assert "supplied" not in pack.replace("the publication date was not supplied", "")


@pytest.mark.parametrize("fmt", FORMATS)
def test_unattributed_updates_are_said_plainly(fmt: str, norfolk: Report) -> None:
    text = _text(norfolk, norfolk_plan(norfolk), fmt)
    # read 10 (point 4): said as a chief officer reads it, not as a note on the data
    assert "The plan does not record who gave each update." in text
    assert "attributed" not in text


# --- 5. what the findings list holds, and its order -----------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_findings_list_says_what_it_holds_and_its_order(fmt: str, example: Report) -> None:
    text = _text(example, _example_options(), fmt)
    part = text[text.index("Findings to act on The report lists"):]
    intro = ("The causes of concern and their recommendations are listed, with their deadlines, "
             "under ‘Causes of concern and recommendations’. "
             "Below are the areas for improvement, the worst-graded area first.")
    assert intro in part
    listed = re.findall(r"Area for improvement, (A\d-AFI-\d):", part[part.index(intro):])
    assert listed == ["A5-AFI-1", "A4-AFI-1", "A9-AFI-1", "A2-AFI-1", "A6-AFI-1", "A8-AFI-1"]


# --- 6. printed HTML: the marking and running title on every page ---------------------------------

def test_printed_html_carries_the_marking_and_title_on_every_page(norfolk: Report) -> None:
    # read 34: the running title's phrases hold together with no-break spaces
    html = rendered(norfolk, norfolk_plan(norfolk), "html").decode("utf-8").replace("\xa0", " ")
    # the marking at the top centre, the running title under it (read 31: two boxes)
    assert html.count('@top-center { content: "OFFICIAL";') == 2  # portrait and landscape pages
    assert html.count('@top-left { content: "Norfolk Constabulary · PEEL 2018/19') == 2
    assert html.count('@bottom-center { content: "OFFICIAL";') == 2
    assert 'counter(page) " of " counter(pages)' in html


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs chromium")
def test_every_printed_page_is_labelled(example: Report, norfolk: Report, tmp_path: Path) -> None:
    for name, report, options, label in (
            ("ex", example, _example_options(), "NOT AN HMICFRS REPORT"),
            ("wp", norfolk, norfolk_plan(norfolk), "OFFICIAL")):
        page = tmp_path / f"{name}.html"
        page.write_bytes(rendered(report, options, "html"))
        pdf = tmp_path / f"{name}.pdf"
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
        pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages]
        # the cover says it in its own words (read 34: no running title on the cover)
        assert all(label.lower() in p.lower() for p in pages), [
            i + 1 for i, p in enumerate(pages) if label.lower() not in p.lower()]
        if name == "wp":  # the plan's table starts under its heading, not a page later
            plan = next(i for i, p in enumerate(pages) if p.find("Action plan One row") >= 0)
            assert "E-2017-AFI-1 2017 area for" in pages[plan]


# --- 7. a joint recommendation's addressees ---------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_joint_recommendation_names_addressees_then_partners(fmt: str,
                                                              norfolk: Report) -> None:
    text = _text(norfolk, norfolk_plan(norfolk), fmt)
    # read 36: the decision says briefly whom it is agreed with (the summary quotes it in
    # full just below, addressees then partners); the plan's row marks it joint
    assert ("Add an item to the action plan for E5-REC-1, “develop a regional specialist "
            "capability” (recommendation under question 5): it "
            "is addressed jointly to Norfolk and Suffolk Constabularies, so its action is to be "
            "agreed with the other force.") in text
    assert ("Recommendation (question 5), joint: “We recommend Norfolk and Suffolk "
            "Constabularies to work with other forces …”") in " ".join(text.split())
    assert "other forces named" not in text  # the report names none but Suffolk (read 10)
    assert "a joint recommendation, to" not in text


# --- 8. section introductions say what follows -----------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_findings_intro_says_findings_are_named_by_reference(
        fmt: str, norfolk: Report, example: Report) -> None:
    text = _text(norfolk, _norfolk_options(), fmt)
    assert ("Each question below starts with its judgment, then names by reference any areas for "
            "improvement or causes of concern, which the executive summary quotes in full.") in text
    assert "E2-AFI-1 to E2-AFI-3 are quoted in the executive summary." in text
    areas = _text(example, _example_options(), fmt)
    assert ("Each area below starts with its grade, then names by reference any causes of "
            "concern, recommendations, areas for improvement and innovative or promising "
            "practice, which the executive summary quotes in full, with the deadlines.") in areas
    # where the findings by question are the only place, they are quoted there, as said
    alone = _text(norfolk, _norfolk_options(sections=("cover", "questions")), fmt)
    assert ("Each question below starts with its judgment and any areas for improvement or "
            "causes of concern.") in alone


# --- 9. no shading without a key -----------------------------------------------------------------------

def test_no_plan_tables_shade_no_type_cell(norfolk: Report, example: Report) -> None:
    tables = [b for b in untracked(example, None, date(2025, 4, 1)) if isinstance(b, Table)]
    tables += [b for b in untracked(norfolk, PUBLISHED, date(2019, 6, 10)) if isinstance(b, Table)]
    tables += [b for b in causes_table(example, date(2024, 9, 12), date(2025, 4, 1))
               if isinstance(b, Table)]
    assert tables
    for table in tables:
        for row in table.rows:
            assert row[1].tone is None, row[1]  # the Type column: words, no shading
    # a passed deadline is shaded and says "passed" in words
    assert any(c.tone is Tone.RED and "passed" in "".join(getattr(r, "text", "") for r in c.runs)
               for t in tables for row in t.rows for c in row)


def test_docx_type_cells_carry_no_shading(example: Report) -> None:
    document = docx.Document(io.BytesIO(rendered(example, _example_options(), "docx")))
    for table in document.tables:
        header = [c.text for c in table.rows[0].cells]
        if "Type" not in header:
            continue
        at = header.index("Type")
        for row in table.rows[1:]:
            assert "w:shd" not in row.cells[at]._tc.xml or 'w:fill="auto"' in \
                row.cells[at]._tc.xml or 'w:fill="FFFFFF"' in row.cells[at]._tc.xml
