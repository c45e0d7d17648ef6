"""Editorial read 22-B of the one-page brief: the plan's references said in the report's
words, the spread of grades kept before lesser lines, one form for passed deadlines, the
decision on an item with no owner in plain words, the plan's source apart from the licence.

Each test reads what a reader gets: the PDF's text, the DOCX through python-docx and as
LibreOffice lays it out, the HTML text as a browser joins it.
"""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from pathlib import Path

import docx
import pytest
from docread import between
from docread import brief_text as _text
from docread import review_options as _options
from pagefill import convert_with_libreoffice, pages
from pypdf import PdfReader

from peeldocs.blocks import BulletList, Metadata, Pack, Paragraph, inline_text
from peeldocs.build.fitting import brief_section as fitted
from peeldocs.build.registry import get_renderer
from peeldocs.sections.brief import brief_section
from peeldocs.sections.brief_budget import CUTS, budgets

FORMATS = ("pdf", "docx", "html")
CASES = ("norfolk", "norfolk-plan", "example")
LABELS = ("In progress: E2-AFI-1 “The force must ensure that staff with the right skills are investigating crimes thoroughly, leading to satisfactory outcomes for victims. …”, due 31 December 2019.",
          "Closed: E2-AFI-3 “The force should ensure regular and active supervision of the quality and progress of investigations. …”, closed on 4 October 2019, four days after its target of "
          "30 September 2019.")
"""The plan's lines with the report's words (read 24-B: what each asks for, verbatim, short
enough to sit on the reviewed page beside the finding the decisions name, quoted whole)."""


@pytest.fixture(scope="module")
def built(review_briefs: dict[tuple[str, str], bytes]) -> dict[tuple[str, str], bytes]:
    """The reviewed briefs, rendered once per test process (conftest's ``review_briefs``)."""
    return review_briefs


@pytest.fixture(scope="module")
def texts(review_brief_texts: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    return review_brief_texts


def _position(name: str) -> int:
    """Return where a cut comes in the order (its last step: read 29-B cuts labels twice)."""
    return max(n for n, (cut, _floor) in enumerate(CUTS) if cut == name)


# --- fault 1: every reference of the plan next to the report's own words ---------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_each_plan_reference_is_given_the_reports_opening_words(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["norfolk-plan", fmt]
    # read 30-B: the areas for improvement are quoted once, under "What needs doing", and the
    # decision names the one it is on by reference and a few of its words, the action first
    assert "E2-AFI-2, whose target is 1 November 2019" in between(
        text, "Decisions needed", "Judgments")
    late = between(text, "Deadlines")
    assert "In progress: E2-AFI-1" not in late  # read 31-B: its line above says so
    assert "satisfactory outcomes for victims. …” Plan: in progress, due 31 December 2019." in text
    # read 31-B: a whole clause, not an opening fragment
    assert ("Area for improvement (E2-AFI-2): “The force should improve how it allocates crime, "
            "ensuring that investigations are allocated to appropriately trained and supported "
            "officers …” Plan: no owner, due 1 November 2019.") in text
    assert "(E-2017-AFI-1, question 2) to “put appropriate supervision" in text  # read 29-B
    # and on a page with more room (no decision quoting it whole)
    report, options = _options("norfolk-plan")
    roomy = dataclasses.replace(budgets(report)[0], rows=0, other=0)
    late = between(_text(rendered_section(brief_section(report, options, roomy, pages=None),
                                          options), "pdf"), "Deadlines")
    for line in LABELS:
        assert line in late, line


def test_the_glosses_and_the_note_on_references_outrank_lesser_lines() -> None:
    # what the report says is now needed, the dates of immediate deadlines and the opening
    # words of earlier findings go first; the note that references are ours and the glosses
    # after them; the tally after those; causes of concern and recommendations last
    # read 30-B: the plan lines' labels go before any area for improvement leaves the page
    assert _position("follow") < _position("labels") < _position("other")
    assert _position("labels") < _position("named") < _position("tally") < _position("key")
    # read 23-B: the note that references are ours outlasts the glosses and the tally
    assert _position("tally") < _position("refs") < _position("key")
    assert CUTS[-1] == ("key", 0)


# --- fault 2: the spread of grades -------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_assessment_brief_gives_the_spread_of_grades(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    grades = between(texts["example", fmt], "Grades", "What needs doing")
    assert "inadequate in ‘Investigating crime’, the lowest grade on the scale" in grades
    # read 23-B: the reviewed page, its passed deadlines all said alike, no longer has the
    # line for the spread; a page with room gives it before any lesser line
    report, options = _options("example")
    roomy = dataclasses.replace(budgets(report)[0], rows=0, named=0, gist=0, dated=0, other=0)
    grades = between(_text(rendered_section(brief_section(report, options, roomy, pages=None),
                                            options), "pdf"), "Grades", "What needs doing")
    assert ("Of the other nine areas, two were graded requires improvement, three adequate and "
            "three good; ‘Victim service assessment’ was ungraded.") in grades


def test_with_room_the_tally_names_the_areas_graded_requires_improvement() -> None:
    report, options = _options("example")
    top = dataclasses.replace(budgets(report)[0], rows=0)  # no table: the tally says it
    section = brief_section(report, options, top, pages=None)
    text = _text(rendered_section(section, options), "pdf")
    assert ("two were graded requires improvement (‘Responding to the public’ and ‘Leadership and force "
            "management’)") in text


def rendered_section(section: object, options: object) -> bytes:
    """Render one section alone as PDF, as the fitting does."""
    meta = Metadata("brief", "brief", options.author, (), options.clock)  # type: ignore[attr-defined]
    return get_renderer("pdf").render(Pack(meta, (section,)), options)  # type: ignore[arg-type]


# --- fault 3: one form for every passed deadline ----------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_passed_deadline_never_reads_as_met(fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["example", fmt]
    # read 23-B: on this full page every passed deadline in the short form alike
    for said in ("Due immediately; deadline passed.",
                 "Due within three months (12 December 2024); deadline passed 110 days ago.",
                 "Due by 31 March 2025; deadline passed one day ago.",
                 "Due within six months (12 March 2025); deadline passed 20 days ago."):
        assert said in text, said
    assert "; passed." not in text and "2024); passed" not in text
    assert "Four deadlines set by the report have passed." not in text  # read 36: each line says it


def test_with_room_an_immediate_deadline_takes_the_same_form() -> None:
    report, options = _options("example")
    section = brief_section(report, options, budgets(report)[0], pages=None)
    text = _text(rendered_section(section, options), "pdf")
    assert ("without a supervisor’s review.” Due immediately (from publication, 12 September "
            "2024); deadline passed; no action recorded.") in text


# --- fault 4: the decision on an item with no owner -------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_decision_names_what_is_missing_and_when_it_is_due(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    decisions = between(texts["norfolk-plan", fmt], "Decisions needed", "Judgments")
    # read 30-B: the action first, the finding by reference and a few of its words
    assert ("name an owner and an action for E2-AFI-2, whose target is 1 November 2019;") in decisions
    assert "allocate the" not in decisions  # the plan's word, and "allocate … allocates"


# --- fault 6: the plan's source apart from the licence ----------------------------------------

def test_the_plans_source_is_a_paragraph_of_its_own(built: dict[tuple[str, str], bytes]) -> None:
    # read 23-B: the plan is named once, on the line that gives its position, not again
    # on a line of its own after the list; the licence stays a paragraph of its own
    source = ("Illustrative action plan as at 15 October 2019 (invented; the findings are the "
              "report’s): four items (one overdue, one with no owner, one in progress and one closed four days late).")
    # a date's words are joined by no-break spaces (read 24-B), a space to any reader
    paragraphs = [" ".join(p.text.split()) for p in
                  docx.Document(io.BytesIO(built["norfolk-plan", "docx"])).paragraphs]
    assert source in paragraphs
    assert not any(p.startswith("Action plan: “") for p in paragraphs)
    assert any(p.startswith("Contains public sector information") for p in paragraphs)
    html = built["norfolk-plan", "html"].decode()
    assert "Action plan: " not in html and "Action plan: &#8220;" not in html
    lines = PdfReader(io.BytesIO(built["norfolk-plan", "pdf"])).pages[0].extract_text()
    assert not any(line.startswith("Action plan: “") for line in lines.splitlines())


# --- every brief still one page ---------------------------------------------------------------

def test_every_brief_is_one_page_in_pdf_and_as_libreoffice_lays_out_the_docx(
        built: dict[tuple[str, str], bytes], tmp_path: Path) -> None:
    docs = []
    for case in CASES:
        pdf = tmp_path / f"{case}.pdf"
        pdf.write_bytes(built[case, "pdf"])
        assert len(pages(pdf)) == 1, case
        path = tmp_path / f"{case}.docx"
        path.write_bytes(built[case, "docx"])
        docs.append(path)
    for path, pdf in convert_with_libreoffice(docs, tmp_path / "lo").items():
        assert len(pages(pdf)) == 1, path.name


def test_a_brief_short_of_room_keeps_every_cause_of_concern_and_recommendation() -> None:
    # a later preparation date and a publication date of the user's: the source line returns
    report, options = _options("example")
    options = dataclasses.replace(options, published=date(2024, 8, 31), as_of=date(2025, 6, 1))
    text = " ".join(inline for inline in _section_text(fitted(report, options)))
    for ref in ("A5-COC-1", "A5-REC-3", "A5-REC-1", "A5-REC-2", "A4-COC-1", "A4-REC-1"):
        assert f"({ref}" in text, ref


def _section_text(section: object) -> list[str]:
    out: list[str] = []
    for block in section.blocks:  # type: ignore[attr-defined]
        if isinstance(block, Paragraph):
            out.append(inline_text(block.runs))
        elif isinstance(block, BulletList):
            out += [inline_text(i) for i in block.items]
    return out
