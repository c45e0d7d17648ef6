"""Editorial read 36 of the briefing pack: the faults fixed, as a reader gets them.

1. The asks to the chief officer group were one sentence of about sixty words, with the
   closure, the earlier finding still open beside it and the section 55 date inside it:
   now a short lead, then each thing to note or agree as a bullet of its own; the
   decision on an overdue item that has already slipped says when it was first due.
2. "Findings to act on" put the 2017 area for improvement the report finds not enough
   progress on last: it now sits with the areas for improvement, first at its question's
   place (issue 23 §2), in every list of the pack and in the findings table without a plan.
3. Exampleshire's four recommendations past their deadlines were in one order in the asks
   and another under "Deadlines and what is due next": both now in deadline order.
4. The joint recommendation was quoted in full in the summary and again in question 5's
   box: quoted once, then named by reference (issue 23 §3).
5. "A-2021-COC-1" broke across two lines in the plan tables (PDF, and DOCX as
   LibreOffice lays it out): the Ref column holds it whole.
Checked in the PDF, the Word document and the HTML page.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from docread import browser_joins, rendered, review_options, text_of
from pagefill import convert_with_libreoffice

FORMATS = ("pdf", "docx", "html")


def _text(case: str, fmt: str) -> str:
    report, options = review_options(case, "pack")
    text = text_of(rendered(report, options, fmt), fmt)
    return " ".join((browser_joins(text) if fmt == "html" else text).split())


def _items(case: str, fmt: str) -> list[str]:
    """The asks' list items as a reader's format shows them: HTML <li>, Word list paragraphs."""
    report, options = review_options(case, "pack")
    data = rendered(report, options, fmt)
    if fmt == "html":
        page = data.decode()
        page = page[page.index("is asked to"):]
        return [" ".join(re.sub(r"<[^>]+>", "", li).split())
                for li in re.findall(r"<li[^>]*>(.*?)</li>", page[:page.index("<h2")], re.S)]
    body = docx.Document(io.BytesIO(data)).paragraphs
    start = next(n for n, p in enumerate(body) if "is asked to" in p.text)
    out = []
    for p in body[start + 1:]:
        if p.style is None or "List" not in p.style.name:
            if p.text.strip() and out and not p.text.startswith("It is asked"):
                break
            continue
        out.append(" ".join(p.text.split()))
    return out


# --- 1. the asks: a short lead, one bullet each ----------------------------------------------

@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_the_asks_with_a_plan_are_a_short_lead_then_one_bullet_each(fmt: str) -> None:
    items = _items("norfolk-plan", fmt)
    assert items[:2] == [
        "E2-AFI-3 was closed on 4 October 2019, four days late, signed off by Example DCC "
        "(illustrative).",
        "E-2017-AFI-1, the earlier finding under the same question, is still open: the group "
        "may ask what evidence supports the closure of E2-AFI-3."]
    # the decision on the slipped item says its first date too
    assert any(i.startswith("Decide on E-2017-AFI-1") and "first set for 31 July 2019, due "
               "30 September 2019, overdue by 15 days" in i for i in items), items
    assert all(len(i.split()) < 30 for i in items[:2])  # not one sixty-word sentence


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_lead_sentences_are_short(fmt: str) -> None:
    text = _text("norfolk-plan", fmt)
    assert "The chief officer group is asked to note the judgments, and:" in text
    assert "It is asked to take these decisions:" in text
    assert "asked to note the judgments and that" not in text
    no_plan = _text("norfolk", fmt)
    assert "The chief officer group is asked to:" in no_plan
    assert "asked to note the judgments; to agree" not in no_plan


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_the_section_55_date_is_an_ask_of_its_own(fmt: str) -> None:
    items = _items("norfolk", fmt)
    assert items[0] == "Note the judgments."
    assert items[1].startswith("Agree the chief constable’s comments on the report")
    assert items[1].endswith("to publish with the commissioner’s own by 26 June 2019.")
    assert items[2].startswith("Agree an action, an owner and a date for each finding")


# --- 2. the earlier finding not progressed is not last ---------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_earlier_finding_not_progressed_leads_its_question_s_areas_for_improvement(
        fmt: str) -> None:
    for case in ("norfolk-plan", "norfolk"):
        text = _text(case, fmt)
        start = text.index("Findings to act on The report")
        found = text[start:text.index("The report finds that the force has addressed", start)]
        at = [found.index(s) for s in ("Recommendation, E5-REC-1:",
                                       "Earlier finding carried forward, E-2017-AFI-1:",
                                       "Area for improvement, E2-AFI-1:",
                                       "Area for improvement, E2-AFI-3:")]
        assert at == sorted(at), case
    table = _text("norfolk", fmt)
    table = table[table.rindex("Findings needing an action plan"):]
    assert table.index("E5-REC-1") < table.index("E-2017-AFI-1") < table.index("E2-AFI-1")


# --- 3. the passed recommendations in one order ----------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_passed_recommendations_are_in_one_order_in_the_asks_and_the_deadlines(
        fmt: str) -> None:
    text = _text("example", fmt)
    order = ["A5-REC-3", "A5-REC-1", "A4-REC-1", "A5-REC-2"]  # the order the deadlines fell
    start = text.index("The chief officer group is asked")
    asks = text[start:text.index("Grades by area", start)]
    assert "They are listed in the order their deadlines fell." in asks
    assert [asks.index(r) for r in order] == sorted(asks.index(r) for r in order)
    due = text[text.index("Passed by", text.index("Deadlines and what is due next", start)):]
    assert [due.index(r) for r in order] == sorted(due.index(r) for r in order)


# --- 4. the joint recommendation quoted once -------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_joint_recommendation_is_quoted_once_then_named(fmt: str) -> None:
    for case in ("norfolk-plan", "norfolk"):
        text = _text(case, fmt)
        # the summary quotes it; the report's own question 5 text holds it, verbatim
        assert text.count("other forces in the east of England to develop a regional "
                          "specialist capability.") == 2, case
        assert ("Recommendation made in the findings E5-REC-1 is quoted in the executive "
                "summary.") in text


# --- 5. a reference read whole ---------------------------------------------------------------

def _lines_with(pdf: Path | bytes, ref: str) -> list[str]:
    import pypdf

    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    lines = [line for page in pypdf.PdfReader(source).pages
             for line in (page.extract_text() or "").splitlines()]
    return [line for line in lines if ref[:8] in line]


def test_a_long_reference_is_read_whole_in_the_pdf_plan_table() -> None:
    report, options = review_options("example", "pack")
    lines = _lines_with(rendered(report, options, "pdf"), "A-2021-COC-1")
    assert lines and all("A-2021-COC-1" in line for line in lines), lines


def test_a_long_reference_is_read_whole_in_the_docx_as_libreoffice_lays_it_out(
        tmp_path: Path) -> None:
    report, options = review_options("example", "pack")
    source = tmp_path / "pack.docx"
    source.write_bytes(rendered(report, options, "docx"))
    pdf = convert_with_libreoffice([source], tmp_path)[source]
    lines = _lines_with(pdf, "A-2021-COC-1")
    assert lines and all("A-2021-COC-1" in line for line in lines), lines
