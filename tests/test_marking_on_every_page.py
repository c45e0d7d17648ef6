"""The protective marking's place at the top and foot of every page (reads 11-R, 12-A/B/C/P).

An internal document (briefing pack, one-page brief, committee paper, comparison,
register, quarterly update) built without a marking carries a marked placeholder
where the marking goes, at the top and foot of every page, in every format, so
the author completes it there as in the details table: the PDF's running header
and footer, the DOCX's header and footer (one editable paragraph each, the cover's
first-page header and footer included), the HTML's masthead, colophon and printed
margin boxes, the workbook's sheet headers.  A marking asked for takes the same
place.  The s.55 response is a published letter: without a marking it carries none.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pdfplumber
import pytest
from docread import rendered
from docx.oxml.ns import qn
from pagefill import poppler_words

import peeldocs
from peeldocs.blocks import MARKING_IN_HEADER, MARKING_TO_COMPLETE
from peeldocs.model import Report
from peeldocs.options import Options

HEAD = "{to be completed: protective marking}"
WELSH_HEAD = "{i’w gwblhau: marc diogelu}"
REPORT_KINDS = ("pack", "brief", "committee")
PLANS = ["examples/norfolk-2018-action-plan.yaml", "examples/constructed-thematic-action-plan.yaml"]


def _options(**more: object) -> Options:
    return Options(as_of=date(2019, 6, 10), published=date(2019, 5, 2), **more)  # type: ignore[arg-type]


def pdf_bands(data: bytes) -> list[tuple[str, str]]:
    """Return each page's top band (above the running title) and foot band, as text.

    Poppler's word boxes (``pagefill.poppler_words``): the same bands as pdfplumber's
    words for every document here, in a thirtieth of the time.
    """
    return [(" ".join(w.text for w in words if w.bottom <= 25),
             " ".join(w.text for w in words if w.top >= height - 45))
            for _width, height, words in poppler_words(data)]


def docx_heads(data: bytes) -> list[str]:
    """Return the text of every header and footer part a Word reader shows (first-page ones too)."""
    document = docx.Document(io.BytesIO(data))
    parts = []
    for section in document.sections:
        parts += [section.header, section.footer]
        if section.different_first_page_header_footer:
            parts += [section.first_page_header, section.first_page_footer]
    # a one-line footer's marking and page number lie between tab stops: shown apart
    return [" | ".join(t for p in part.paragraphs for t in p.text.split("\t") if t or "\t" not in p.text)
            for part in parts]


def _comparison(options: Options) -> bytes:
    from test_compare_read9 import _inputs
    return peeldocs.render(peeldocs.compare(_inputs(), focus="Norfolk", options=options), "pdf",
                           options)


def test_the_header_words_come_from_the_placeholders_and_match_the_details_table() -> None:
    assert MARKING_IN_HEADER.shown == HEAD
    assert MARKING_TO_COMPLETE.shown == "{to be completed: the marking, such as OFFICIAL}"


@pytest.mark.parametrize("kind", REPORT_KINDS)
def test_pdf_every_page_of_an_internal_document_carries_the_placeholder(
        norfolk: Report, kind: str) -> None:
    bands = pdf_bands(rendered(norfolk, _options(document=kind), "pdf"))
    assert bands and all(top == HEAD and HEAD in foot for top, foot in bands), bands
    if kind == "brief":
        assert len(bands) == 1  # outside the text frame: the brief still fits its page
    marked = pdf_bands(rendered(norfolk, _options(document=kind, marking="OFFICIAL"), "pdf"))
    assert all(top == "OFFICIAL" and foot.startswith("OFFICIAL") and HEAD not in foot
               for top, foot in marked), marked


def test_pdf_the_s55_response_carries_no_marking_unless_asked(norfolk: Report) -> None:
    pdf = rendered(norfolk, _options(document="s55"), "pdf")
    bands = pdf_bands(pdf)
    assert bands and all(top == "" and "marking" not in foot for top, foot in bands), bands
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert all("protective marking}" not in (p.extract_text() or "") for p in doc.pages)
    marked = pdf_bands(rendered(norfolk, _options(document="s55", marking="OFFICIAL"), "pdf"))
    assert all(top == "OFFICIAL" and foot.startswith("OFFICIAL") for top, foot in marked)


def _header_ids(section: Any) -> list[str]:
    """The relationship ids of the headers a section names (none when linked to the previous)."""
    return [ref.get(qn("r:id")) for ref in section._sectPr.findall(qn("w:headerReference"))]


def _footer_ids(section: Any) -> list[str]:
    """The relationship ids of the footers a section names (none when linked to the previous)."""
    return [ref.get(qn("r:id")) for ref in section._sectPr.findall(qn("w:footerReference"))]


@pytest.mark.parametrize("kind", REPORT_KINDS)
def test_docx_every_header_and_footer_is_one_editable_placeholder(norfolk: Report,
                                                                   kind: str) -> None:
    data = rendered(norfolk, _options(document=kind), "docx")
    heads = docx_heads(data)
    assert heads and all(h.split(" | ")[0] == HEAD for h in heads), heads
    document = docx.Document(io.BytesIO(data))
    # one place to edit: the later sections take the first section's header and footer; but
    # the committee paper's preparer's notes, numbered on their own and removed before it is
    # issued, have a footer of their own (read 21-C), which carries the marking as well
    first = _header_ids(document.sections[0])
    sections = list(document.sections)
    for section in sections[1:]:  # linked, or naming the first's very header
        assert section.header.is_linked_to_previous or _header_ids(section) == first
        # the last, empty section after the notes names the first's footer again (read 22)
        assert section.footer.is_linked_to_previous or _footer_ids(section) == _footer_ids(
            sections[0]) or (
            kind == "committee" and section._sectPr is sections[-2]._sectPr
            and "Preparer’s notes, page" in section.footer._element.xml
            and HEAD in "".join(section.footer._element.itertext()))
    if kind == "pack":  # the cover's own first-page header and footer carry it too
        first = document.sections[0]
        assert first.different_first_page_header_footer
        assert first.first_page_header.paragraphs[0].text == HEAD
        assert first.first_page_footer.paragraphs[0].text == HEAD
        assert first.first_page_header.paragraphs[0].runs[0].bold  # as a marking is shown
    marked = docx_heads(rendered(norfolk, _options(document=kind, marking="OFFICIAL"), "docx"))
    assert all(h.split(" | ")[0] == "OFFICIAL" and HEAD not in h for h in marked), marked


def test_docx_the_s55_response_carries_no_marking_unless_asked(norfolk: Report) -> None:
    heads = docx_heads(rendered(norfolk, _options(document="s55"), "docx"))
    assert heads and all("marking" not in h and "OFFICIAL" not in h for h in heads), heads
    marked = docx_heads(rendered(norfolk, _options(document="s55", marking="OFFICIAL"), "docx"))
    assert all(h.startswith("OFFICIAL") for h in marked), marked


@pytest.mark.parametrize("kind", (*REPORT_KINDS, "s55"))
def test_html_masthead_colophon_and_printed_margins(norfolk: Report, kind: str) -> None:
    page = rendered(norfolk, _options(document=kind), "html").decode("utf-8")
    # highlighted as every placeholder is, not by colour alone: its braces and words say it
    shown = f'<p class="marking"><mark class="placeholder">{HEAD}</mark></p>'
    printed = re.findall(r"@(top|bottom)-center \{ content: ([^;]*);", page)
    if kind == "s55":
        assert "protective marking}" not in page
        return
    assert page.count(shown) == 2  # the masthead on screen, the colophon at the end
    assert {edge for edge, content in printed if f'"{HEAD}"' in content} == {"top", "bottom"}
    marked = rendered(norfolk, _options(document=kind, marking="OFFICIAL"), "html").decode()
    assert marked.count('<p class="marking">OFFICIAL</p>') == 2 and HEAD not in marked


def test_a_comparison_carries_the_placeholder_on_every_page() -> None:
    bands = pdf_bands(_comparison(Options()))
    assert bands and all(top == HEAD and HEAD in foot for top, foot in bands), bands
    marked = pdf_bands(_comparison(Options(marking="OFFICIAL")))
    assert all(top == "OFFICIAL" and HEAD not in foot for top, foot in marked)


@pytest.mark.parametrize("document", ("register", "update"))
def test_the_register_and_update_carry_it_in_every_format(tmp_path: Path,
                                                          document: str) -> None:
    reg = peeldocs.register(PLANS, as_of="2024-10-15")
    paths = {p.suffix: p for p in peeldocs.write_register(
        reg, "pdf,docx,html,xlsx", tmp_path, document=document)}
    bands = pdf_bands(paths[".pdf"].read_bytes())
    assert bands and all(top == HEAD and HEAD in foot for top, foot in bands), bands
    heads = docx_heads(paths[".docx"].read_bytes())
    assert heads and all(h.startswith(HEAD) for h in heads), heads
    assert paths[".html"].read_text("utf-8").count(
        f'<p class="marking"><mark class="placeholder">{HEAD}</mark></p>') == 2
    # the workbook's sheets: the same words atop every page, by formula from About's marking
    # cell, so the marking an owner types there is printed (read 28-R)
    book = openpyxl.load_workbook(paths[".xlsx"])
    shown = openpyxl.load_workbook(paths[".xlsx"], data_only=True)
    for ws in (w for w in book.worksheets if w.sheet_state == "visible"):  # those printed
        assert shown[ws.title]["A1"].value == HEAD, ws.title
        assert str(ws["A1"].value).startswith("=IF(OR(TRIM('About'!"), ws.title
        assert HEAD not in ws.oddHeader.center.text, ws.title
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row[0]}
    assert about["Protective marking"] == MARKING_TO_COMPLETE.shown
    marked = peeldocs.write_register(reg, "pdf,xlsx", tmp_path / "marked", document=document,
                                     options=Options(marking="OFFICIAL"))
    assert all(top == "OFFICIAL" for top, _ in pdf_bands(marked[-1].read_bytes()))
    assert all(ws.oddHeader.center.text.split("\n")[0] == "OFFICIAL" for ws in
               openpyxl.load_workbook(marked[0]).worksheets if ws.sheet_state == "visible")


def test_a_welsh_paper_carries_the_welsh_placeholder(norfolk: Report) -> None:
    options = _options(document="committee", language="cy")
    bands = pdf_bands(rendered(norfolk, options, "pdf"))
    assert bands and all(top == WELSH_HEAD and WELSH_HEAD in foot for top, foot in bands), bands
    heads = docx_heads(rendered(norfolk, options, "docx"))
    assert all(h.startswith(WELSH_HEAD) for h in heads), heads
    welsh_s55 = pdf_bands(rendered(norfolk, _options(document="s55", language="cy"), "pdf"))
    assert all(top == "" for top, _ in welsh_s55)


@pytest.mark.parametrize("document", ["pack", "committee"])
def test_the_marking_still_to_complete_is_highlighted_like_every_placeholder(
        norfolk: Report, document: str) -> None:
    """Read 15-A and 16-A: in PDF and DOCX the headers' placeholder was plain bold, unlike
    the placeholders in the text; it carries the same highlight (its braces and words say
    what it is, so colour is never the only sign)."""
    fill = Options().theme.tone(peeldocs.blocks.Tone.AMBER)[0].lstrip("#").upper()
    options = _options(document=document)
    with pdfplumber.open(io.BytesIO(rendered(norfolk, options, "pdf"))) as pdf:
        for page in pdf.pages:
            boxes = [r for r in page.rects if r["top"] < 40 or r["bottom"] > page.height - 40]
            assert len(boxes) == 2, page.page_number  # behind the header's and the footer's
            assert all(r["non_stroking_color"] and r["fill"] for r in boxes)
    document_xml = docx.Document(io.BytesIO(rendered(norfolk, options, "docx")))
    shaded = 0
    for section in document_xml.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer):
            for run in part._element.iter(
                    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r"):
                text = "".join(run.itertext())
                if HEAD in text:
                    shd = run.find(".//{http://schemas.openxmlformats.org/wordprocessingml/"
                                   "2006/main}shd")
                    assert shd is not None and shd.get(
                        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill"
                    ).upper() == fill, text
                    shaded += 1
    assert shaded >= 2
    official = _options(document=document, marking="OFFICIAL")
    with pdfplumber.open(io.BytesIO(rendered(norfolk, official, "pdf"))) as pdf:
        assert not [r for r in pdf.pages[1].rects if r["top"] < 40]  # a real marking: no box
