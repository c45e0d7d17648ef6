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

import re
import shutil
from pathlib import Path

import pdfplumber
import pytest
from docread import rendered, review_options
from test_read30_html_print import _bands, _print
from test_read32_html_print import _body_lines
from test_read34_html_print import _folios

from peeldocs import blocks as b
from peeldocs.cli import main
from peeldocs.renderers.html.keeps import keeps

ROOT = Path(__file__).resolve().parents[1]

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


def test_a_finding_and_its_short_response_table_are_one_keep_block_and_a_colon_leads_in() -> None:
    """A table kept with its heading is wrapped whole from the heading; a colon's line keeps."""
    heading = b.Heading(3, "Recommendation 3 (Investigating crime)", "rec-3")
    quote = b.Paragraph((b.Text("The force should make sure that victims' wishes are recorded."),),
                        b.ParaStyle.QUOTE)
    line = b.Paragraph((b.Text("The report's deadline: by 31 March 2025."),), b.ParaStyle.BODY)
    table = b.Table(header=(), rows=((b.Cell((b.Text("Action"),)), b.Cell((b.Text("{x}"),))),),
                    widths=(1.0, 2.0), caption="Response", keep_with_heading=True)
    out = keeps([heading, quote, line, table], ["<h3>h</h3>", "<blockquote><p>q</p></blockquote>",
                                                "<p>d</p>", "<table></table>"])
    assert out[0].startswith('<div class="keep-block">\n<h3') and out[3].endswith("</div>\n")
    lead = b.NumberedParagraph("5.1", (b.Text("The report summarises its findings in these words:"),))
    out = keeps([lead, quote], ['<p class="numbered">x</p>', "<blockquote><p>q</p></blockquote>"])
    assert out[0].startswith('<p class="lead-in numbered">'), out[0]


def _finding_pages(pages: list[list[str]]) -> list[tuple[str, int, int]]:
    """Each finding heading with a response table: its page and its table's last row's page."""
    lines = [(n, line) for n, page in enumerate(pages) for line in page]
    found = []
    for i, (n, line) in enumerate(lines):
        if re.match(r"(Recommendation|Cause of concern|Area for improvement) \S", line) and "(" in line:
            rest = lines[i + 1:]
            end = next((k for k, (_m, x) in enumerate(rest)
                        if x.startswith("Target date") or re.match(
                            r"(Recommendation|Cause of concern|Area for improvement) \S+ \(", x)), None)
            if end is not None and rest[end][1].startswith("Target date"):
                found.append((line, n, rest[end][0]))
    return found


@CHROMIUM
@pytest.mark.xdist_group("chromium")
@pytest.mark.parametrize("case", ["example", "norfolk-plan", "norfolk"])
def test_a_letters_finding_prints_on_one_page_with_its_deadline_and_response(
        case: str, tmp_path: Path, browser: object | None) -> None:
    """Editor: the 2021/22 cause of concern's heading and quotation ended a page, its table on
    the next; recommendation 3's quotation ended a page, its deadline line and table on the next."""
    pdf = _print(rendered(*review_options(case, "s55"), "html"), tmp_path, f"{case}-s55", browser)
    found = _finding_pages(_body_lines(pdf))
    assert len(found) >= (8 if case == "example" else 3), found
    assert all(start == end for _heading, start, end in found), found


@CHROMIUM
@pytest.mark.xdist_group("chromium")
def test_the_update_papers_last_part_prints_whole_with_the_source_and_no_colon_ends_a_page(
        tmp_path: Path, browser: object | None) -> None:
    """Editor: 8.1 and 8.2 at one page's foot, 8.3 and the source alone on a nearly empty last
    page; the committee paper's "5.1 … in these words:" ended a page, the quotation on the next."""
    plans = ["examples/norfolk-2018-action-plan.yaml", "examples/constructed-thematic-action-plan.yaml"]
    plans = [str(ROOT / p) for p in plans]
    assert main(["register", *plans, "--as-of", "2024-10-15", "--format", "xlsx", "--out",
                 str(tmp_path / "register"), "--quiet"]) == 0
    assert main(["register", *plans, "--as-of", "2025-01-15", "--since",
                 str(tmp_path / "register" / "register.xlsx"), "--document", "update",
                 "--format", "html", "--out", str(tmp_path / "update"), "--quiet"]) == 0
    pdf = _print((tmp_path / "update" / "update.html").read_bytes(), tmp_path, "update", browser)
    last = _body_lines(pdf)[-1]
    assert last[0] == "8. Implications" and any(x.startswith("8.3") for x in last), last
    assert "Source and licence" in last
    for case in ("example", "norfolk", "norfolk-plan"):
        pages = _body_lines(_print(rendered(*review_options(case, "committee"), "html"),
                                   tmp_path, f"{case}-committee", browser))
        assert not any(page[-1].endswith(":") for page in pages[:-1]), [p[-1] for p in pages]
        assert pages[-1][0] != "Source and licence", pages[-1]  # never the source alone
