"""HTML printed from Chromium: "Page N of Y" for the document, notes printed only if asked (read 35).

The editors printed every HTML document and found the committee papers' and s.55 letters'
footers reading "Page 1" … "Page 5" with no "of Y" (the PDF and DOCX say "Page 1 of 5"),
because the preparer's notes were printed with them and numbered apart: a browser counts
only the whole print's pages, never a part's, and read 33 would not have the notes counted
in the document's total.  Now the notes print only when their box is ticked on screen, and
the document's pages are "Page N of Y", Y its own pages.  These tests print the documents as
Chromium prints them (tests/clients.py) and read the pages back.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pytest
from docread import rendered, review_options
from test_read30_html_print import _bands, _print
from test_read32_html_print import _body_lines
from test_read34_html_print import _folios

CHROMIUM = pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")


def test_a_part_numbered_apart_offers_its_print_on_screen_and_is_otherwise_left_out() -> None:
    """The notes carry a labelled box (no script); printed, the part shows only if ticked."""
    page = rendered(*review_options("norfolk-plan", "s55"), "html").decode("utf-8")
    assert ('<input type="checkbox" id="print-part-1"> <label for="print-part-1">Print this '
            "part (Preparer’s notes) too;") in page
    assert "<script" not in page
    printed = page[page.index("@media print"):]
    assert ".part { display: none; }" in printed and ".print-choice { display: none; }" in printed
    assert "body:has(#print-part-1:checked) .part-1 { display: block;" in printed


@CHROMIUM
@pytest.mark.xdist_group("chromium")
@pytest.mark.parametrize(("case", "kind"), [("norfolk", "committee"), ("example", "committee"),
                                            ("norfolk-plan", "committee"), ("example", "s55"),
                                            ("norfolk-plan", "s55"), ("norfolk", "s55")])
def test_every_printed_page_of_a_paper_or_letter_is_page_n_of_its_own_total(
        case: str, kind: str, tmp_path: Path, browser: object | None) -> None:
    """Editor: footers read "Page 1" … "Page 5" without "of Y"; the PDF has "Page X of 5"."""
    pdf = _print(rendered(*review_options(case, kind), "html"), tmp_path, f"{case}-{kind}",
                 browser)
    folios, bands = _folios(pdf), _bands(pdf)
    assert folios == [("Page", n, len(folios)) for n in range(1, len(folios) + 1)], folios
    body = " ".join(text for _top, text, _foot, _lines in bands)
    assert "notes for the preparer" not in body and "Print this part" not in body
    assert "Source and licence" in bands[-1][1]  # the document's own last page closes it


@CHROMIUM
@pytest.mark.xdist_group("chromium")
def test_a_place_to_complete_in_the_printed_running_header_is_highlighted(
        tmp_path: Path, browser: object | None) -> None:
    """Editor: the s.55 header's "{to be completed: the local policing body}" was small, grey
    and not highlighted, unlike every other placeholder, so easy to miss on paper."""
    pdf = _print(rendered(*review_options("example", "s55"), "html"), tmp_path, "example-s55",
                 browser)
    with pdfplumber.open(pdf) as doc:
        for sheet in doc.pages:
            band = sheet.crop((0, 0, sheet.width, 57))
            marks = [w for w in band.extract_words() if w["text"].startswith("{to")]
            assert marks, band.extract_text()
            fills = [r for r in band.rects if r.get("fill") and r["x0"] <= marks[0]["x0"]
                     and r["top"] <= marks[0]["top"] and r["bottom"] >= marks[0]["bottom"]]
            assert fills, "the header's place to complete is not highlighted"
            assert all(f["bottom"] - f["top"] < 40 for f in fills)  # the lines', not the margin's


@CHROMIUM
@pytest.mark.xdist_group("chromium")
def test_the_briefs_printed_title_keeps_peel_with_its_cycle_and_its_items_are_spaced(
        tmp_path: Path, browser: object | None) -> None:
    """Editor: the h1 broke "… PEEL / 2023–25 force assessment"; bullets had no space between."""
    html = rendered(*review_options("example", "brief"), "html")
    page = html.decode("utf-8")
    assert "PEEL\u00a0<span class=\"nowrap\">2023–25</span>" in page.split("<h1", 1)[1].split("</h1>")[0]
    assert ".page-limited li { margin-bottom: .22rem; }" in page
    lines = _body_lines(_print(html, tmp_path, "example-brief", browser))[0]
    assert any("PEEL 2023–25" in line for line in lines[:3]), lines[:3]
    assert not any(line.rstrip().endswith("PEEL") for line in lines[:3]), lines[:3]
