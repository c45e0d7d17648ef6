"""Editorial read 19-P of the briefing pack: what the reader gets, in every format.

1. Before the section 55 deadline the group is asked to agree the chief officer's
   comments, which no document holds: where their draft is, is a marked placeholder in
   the ask itself, in the pack and the brief alike ("{to be completed: where the draft
   is}"), and reads as a sentence once completed ("… on the report (attached), for …").
2. Good practice the report names in its own text is brought out in the executive
   summary, quoted verbatim under its question and heading; never a negated or
   conditional use, never practice the report already lists (said once).
3. A cause of concern answered by its recommendations is met through them in the
   table of findings needing an action plan: its action names them, one owner to agree,
   no target date of its own (its recommendations' deadlines hold), as the committee
   paper's findings table says.
4. The PDF action plan fills its first page to the foot when the notes after it share its
   last page (no rows held back to keep the last one company).
5. The HTML carries no empty author: the element is left out.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date

import pytest
from docread import document_text, norfolk_plan, pdf_pages, rendered
from pagefill import SPARSE
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table
from test_pack_read10 import _page_of, _pdf_pages

from peeldocs.model import Finding, Report
from peeldocs.model.findings import passage_text
from peeldocs.options import Options
from peeldocs.renderers.pdf.balance import keep_headings_with_next
from peeldocs.renderers.pdf.tables import RowTable
from peeldocs.sections.practice import named_practice

FORMATS = ("pdf", "docx", "html")
PUBLISHED = date(2019, 5, 2)
DRAFT = "{to be completed: where the draft is}"


def _before_deadline(document: str = "pack") -> Options:
    return Options(document=document, published=PUBLISHED, as_of=date(2019, 6, 10))


# --- 1. the comments to agree: where their draft is -------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_pack_asks_to_agree_the_comments_and_marks_where_their_draft_is(
        fmt: str, norfolk: Report) -> None:
    text = document_text(norfolk, _before_deadline(), fmt)
    # read 36: each ask a bullet of its own, the section 55 date in its own
    assert ("The chief officer group is asked to: Note the judgments. Agree the chief "
            f"constable’s comments on the report ({DRAFT}), for the Police and Crime "
            "Commissioner for Norfolk to publish with the commissioner’s own by 26 June 2019. "
            "Agree an action, an owner and a date for each finding to act on (E5-REC-1 is "
            "addressed jointly to Norfolk and Suffolk Constabularies, so its action is to be "
            "agreed with the other force).") in " ".join(text.replace("•", " ").split())
    assert text.count(DRAFT) == 1  # asked once, where the ask is


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_brief_marks_where_the_draft_comments_are_and_still_fits_one_page(
        fmt: str, norfolk: Report) -> None:
    text = document_text(norfolk, _before_deadline("brief"), fmt)
    assert (f"Decisions needed (no action plan was seen for this brief): agree the chief constable’s comments on the report ({DRAFT}), "
            "for the Police and Crime Commissioner for Norfolk to publish") in text
    if fmt == "pdf":  # the line is longer, and nothing else was cut to make room
        assert pdf_pages(rendered(norfolk, _before_deadline("brief"), "pdf")) == 1
        for ref in ("E2-AFI-1", "E2-AFI-2", "E2-AFI-3", "E5-REC-1"):
            assert any(f"{label} ({ref}):" in text for label in (
                "Area for improvement", "Recommendation", "Joint recommendation"))


@pytest.mark.parametrize("document", ["pack", "brief"])
def test_after_the_deadline_nothing_asks_for_the_comments_or_their_draft(
        document: str, norfolk: Report) -> None:
    after = Options(document=document, published=PUBLISHED, as_of=date(2019, 10, 15))
    text = document_text(norfolk, after, "pdf")
    assert "where the draft is" not in text
    assert "agree the chief constable’s comments" not in text


# --- 5. no empty author -----------------------------------------------------------------------

def test_the_html_leaves_out_an_author_it_does_not_have(norfolk: Report) -> None:
    html = rendered(norfolk, _before_deadline(), "html").decode()
    assert not re.search(r'<meta name="author" content="\s*"', html)
    assert 'name="author"' not in html


# --- 3. a cause of concern is met through its recommendations ---------------------------------

def _row(text: str, ref: str, after: str) -> str:
    """Return the table row of ``ref``: from its reference to the next row's (or the notes)."""
    begun = re.compile(re.escape(ref) + r" (?:Recommendation|Area for|Cause of)")
    start = begun.search(text, text.rindex(after)).start()  # type: ignore[union-attr]
    following = re.compile(r"\b[A-Z0-9-]+-(?:REC|AFI|COC)-\d+ (?:Recommendation|Area for|Cause of|"
                           r"20\d\d)|Notes on this pack")
    found = following.search(text, start + len(ref))
    return text[start:found.start() if found else len(text)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_cause_of_concern_is_met_through_its_recommendations_with_one_owner(
        fmt: str, example: Report) -> None:
    text = document_text(example, Options(as_of=date(2025, 4, 1)), fmt)
    table = "Findings needing an action plan"
    for ref, through in (("A5-COC-1", "A5-REC-1 to A5-REC-3"), ("A4-COC-1", "A4-REC-1")):
        row = _row(text, ref, table)
        assert f"Met through {through}" in row, row
        assert "{to be agreed: owner}" in row, row  # one accountable owner
        assert "{to be agreed: action}" not in row and "{to be agreed: date}" not in row, row
        assert "None of its own" in row, row
    # each recommendation still gets its own action, owner and date
    for ref in ("A5-REC-1", "A5-REC-2", "A5-REC-3", "A4-REC-1"):
        row = _row(text, ref, table)
        assert "{to be agreed: action}" in row and "{to be agreed: date}" in row, row
    # the committee paper agrees: one lead to confirm, its dates its recommendations'
    paper = document_text(example, Options(document="committee", as_of=date(2025, 4, 1)), fmt)
    assert "As for its recommendations" not in paper
    assert paper.count("See A4-REC-1") == 1 and paper.count("See A5-REC-1") == 1  # read 34


# --- 2. good practice the report names ----------------------------------------------------------

BAIL = ("A bail management team within the joint justice command monitors the use of bail. It "
        "gives support and advice to the workforce on the effective use of bail legislation. We "
        "consider this to be good practice.")
CONNECTORS = ("We were particularly impressed with the partnership work within the South Norfolk "
              "EHH, which runs an innovative scheme called community connectors.")


def _practice_part(text: str) -> str:
    start = text.index("Good practice the report names The report")
    return text[start:text.index("Key figures compared", start)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_summary_quotes_the_good_practice_the_report_names_with_where(
        fmt: str, norfolk: Report) -> None:
    for options in (_before_deadline(), Options(published=PUBLISHED, as_of=date(2019, 10, 15))):
        text = document_text(norfolk, options, fmt)
        part = _practice_part(text)
        assert ("The report calls these good practice or innovative in the text of its "
                "findings. In its own words, under the question and heading given:") in part
        assert f"Question 1, ‘Protecting the public from crime’: “{CONNECTORS}”" in part
        assert f"Question 2, ‘Catching criminals’: “{BAIL}”" in part
        assert len(re.findall(r"Question \d, ‘", part)) == 2
        # said once: the list is in the summary, before the figures; nowhere else
        assert text.count("Good practice the report names") == text.count(
            "Key figures compared")  # once, and in the contents as its neighbour is
        # "sharing best practice, are not evaluated" is no praise
        assert "sharing best practice" not in part
    whole = " ".join(" ".join(passage_text(p) for q in norfolk.questions for s in q.findings
                              for p in s.paragraphs).split())
    assert BAIL in whole and CONNECTORS in whole  # verbatim, one run of the report's text


def _with_text(report: Report, *paragraphs: str, practice: str | None = None) -> Report:
    """Norfolk with question 1's first findings heading given ``paragraphs`` of test text."""
    q = report.questions[0]
    section = dataclasses.replace(q.findings[0], paragraphs=paragraphs)
    noted = (Finding("E1-NP-1", practice),) if practice else ()
    q = dataclasses.replace(q, findings=(section,), notable_practice=noted)
    return dataclasses.replace(report, questions=(q, *report.questions[1:]))


def test_only_undenied_unasked_praise_is_named_and_a_listed_practice_once(
        norfolk: Report) -> None:
    report = _with_text(
        norfolk,
        "Synthetic test text. The force shares learning widely. This is not good practice.",
        "Synthetic test text. Its approach falls short of good practice. It would be good practice "
        "to publish the results. The force should share good practice across districts.",
        "Synthetic test text. The policy is in line with good practice. In May 2018 the force "
        "launched an innovative app for victims.",
        "Synthetic test text. Staff are encouraged to be innovative. There was little innovative "
        "work. The force isn't innovative in its use of data.",
        "Synthetic test text. The force runs a triage car. We found this to be good practice.",
        practice="Synthetic test text. The force runs a triage car. We found this to be good "
                 "practice.")
    quotes = [p.quote for p in named_practice(report) if p.question.number == 1]
    # the app is credited; the triage car is listed as notable practice, quoted there: not twice
    assert quotes == ["In May 2018 the force launched an innovative app for victims."]
    # a sentence pointing back is quoted with what it points to, from its own paragraph
    back = _with_text(norfolk, "Synthetic test text. The force runs a triage car. It works at "
                               "night. We consider this good practice.")
    assert [p.quote for p in named_practice(back) if p.question.number == 1] == [
        "The force runs a triage car. It works at night. We consider this good practice."]
    found = _with_text(norfolk, "Synthetic test text. The force runs a triage car. We found this "
                                "to be good practice.")
    assert [p.quote for p in named_practice(found) if p.question.number == 1] == [
        "The force runs a triage car. We found this to be good practice."]


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_assessment_quotes_its_listed_practice_once_in_the_summary(
        fmt: str, example: Report) -> None:
    """Read 33: the summary quotes the practice the report lists (as the Norfolk packs quote
    the practice their reports name); each area's panel names it by reference: not twice."""
    text = document_text(example, Options(as_of=date(2025, 4, 1)), fmt)
    # read 34: headed in the words an assessment uses for what it lists
    assert "Innovative or promising practice the report names" in text
    assert "Good practice the report names" not in text
    assert "The report lists these examples of practice. In its own words, under the area " \
        "given:" in text
    assert "A3-IPP-1, ‘Preventing and deterring crime’: “Promising practice: the force and its " \
        "partners run a joint problem-solving clinic" in text
    assert text.count("a mental health nurse works in the control room") == 1
    assert text.count("Innovative or promising practice") >= 2  # the panels, under their areas
    assert "A3-IPP-1 is quoted in the executive summary." in text
    assert "A6-IPP-1 is quoted in the executive summary." in text


# --- 4. the action plan's table fills its first page when what follows keeps its last company ----

def test_the_action_plan_fills_its_first_page_and_its_last_rows_share_a_page_with_the_notes(
        norfolk: Report) -> None:
    pages = _pdf_pages(rendered(norfolk, norfolk_plan(norfolk), "pdf"))
    first = _page_of([t for t, _ in pages], "Illustrative action plan")  # its first page
    text, fullness = pages[first]
    refs = ("E-2017-AFI-1", "E2-AFI-2", "E5-REC-1", "E2-AFI-1", "E2-AFI-3")
    # read 19: three rows to the foot, not two and a quarter of the page blank (read 30-P:
    # with the row of the finding the plan does not hold, the next row does not fit)
    assert fullness > 0.85
    assert sum(ref in text for ref in refs) == 4  # read 35: the key under the table
    (last, tail) = pages[first + 1]
    assert "E2-AFI-3" in last and "Notes on this pack" in last  # the row is not alone there
    assert first + 2 == len(pages) and tail > SPARSE


def _rows_per_page(after: bool) -> list[int]:
    """Lay out a 14-row table whose last row falls on the next page, a paragraph after it or not."""
    style = getSampleStyleSheet()["BodyText"]
    rows = [["Ref", "Text"], *([f"R{n}", "Synthetic test text."] for n in range(14))]
    table = RowTable(rows, colWidths=[60, 400], rowHeights=[20] + [40] * 14, repeatRows=1)
    story: list[Flowable] = [Spacer(1, 140), table]
    if after:
        story.append(Paragraph("Synthetic test notes. " * 30, style))
    drawn: list[int] = []
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4)

    def after_flowable(flow: Flowable) -> None:
        if isinstance(flow, Table):
            drawn.append(len(flow._cellvalues) - 1)  # its rows, less the repeated header

    doc.afterFlowable = after_flowable  # type: ignore[method-assign]
    doc.build(keep_headings_with_next(story))
    return drawn


def test_a_split_table_needs_no_rows_for_company_when_its_section_goes_on() -> None:
    """RowTable: the last rows of a table alone on a page are moved back to keep them company;
    with more of its section after it, the table splits where the page ends."""
    alone, followed = _rows_per_page(after=False), _rows_per_page(after=True)
    assert sum(alone) == sum(followed) == 14
    assert len(alone) == len(followed) == 2, (alone, followed)
    assert alone[-1] >= 3  # alone, never one or two rows on its last page
    assert followed[0] > alone[0], (alone, followed)  # followed, the first page is filled
