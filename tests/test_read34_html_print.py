"""HTML printed from Chromium: pages numbered, headed and filled as the PDF's are (read 33).

The editors printed every document's HTML and found: the preparer's notes counted in the
document's "Page X of Y" (the PDF and DOCX number them apart); the cover carrying the running
title and "Page 1 of N" (the PDF's has neither); a printed contents without page numbers; the
marking's place to complete bold but not highlighted in the margins, and a running header
broken inside a phrase ("NOT / AN HMICFRS REPORT"); "Source and licence" or one line alone on
a near-empty page; a lead-in ("We set out our detailed findings below…") ending a page apart
from what it leads into; a short place to complete broken over two lines.  These tests print
the documents as Chromium prints them (tests/clients.py) and read the pages back.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pdfplumber
import pytest
from docread import rendered, review_comparison, review_options
from test_read30_html_print import _bands, _print
from test_read32_html_print import _body_lines

import peeldocs
from peeldocs.renderers.html.keeps import lead_in, phrases

CHROMIUM = pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
ROOT = Path(__file__).resolve().parents[1]
_FOLIO = re.compile(r"(Preparer’s notes, page|Page) (\d+)(?: of (\d+))?$")


def _printed(case: str, kind: str, tmp_path: Path, browser: object | None) -> Path:
    return _print(rendered(*review_options(case, kind), "html"), tmp_path, f"{case}-{kind}", browser)


def _folios(pdf: Path) -> list[tuple[str, int, int | None] | None]:
    """Each printed page's number as its foot gives it: part, number, of how many."""
    out: list[tuple[str, int, int | None] | None] = []
    for _top, _body, foot, _lines in _bands(pdf):
        found = _FOLIO.search(foot)
        out.append(None if found is None else (found.group(1), int(found.group(2)),
                                               int(found.group(3)) if found.group(3) else None))
    return out


def test_a_running_header_wraps_between_its_phrases_never_inside_one() -> None:
    """Editor: the Exampleshire header broke "NOT / AN HMICFRS REPORT"."""
    head = phrases("Exampleshire · PEEL 2023–25 · ILLUSTRATIVE EXAMPLE: NOT AN HMICFRS REPORT")
    assert head.split(" · ")[2] == "ILLUSTRATIVE\u00a0EXAMPLE:\u00a0NOT\u00a0AN\u00a0HMICFRS\u00a0REPORT"
    assert " · " in head and " " not in head.replace(" · ", "")


def test_only_a_short_quotation_or_colon_line_before_a_heading_leads_into_it() -> None:
    """A lead-in keeps with its heading in print; "Copy to the Home Secretary" does not."""
    from peeldocs import blocks as b

    heading = b.Heading(2, "Prioritising crime prevention", "q1-1")
    quote = b.Paragraph((b.Text("We set out our detailed findings below."),), b.ParaStyle.QUOTE)
    assert lead_in(quote, heading, "<blockquote><p>x</p></blockquote>").startswith(
        '<blockquote class="lead-in">')
    plain = b.Paragraph((b.Text("Copy to the Home Secretary (section 55(6))"),))
    assert lead_in(plain, heading, "<p>x</p>") == "<p>x</p>"
    colon = b.Paragraph((b.Text("No force has a grade for this, so it is not in the tables below:"),))
    assert lead_in(colon, heading, "<p>x</p>") == '<p class="lead-in">x</p>'


@CHROMIUM
@pytest.mark.xdist_group("chromium")
@pytest.mark.parametrize(("case", "kind"), [("norfolk", "committee"), ("example", "s55"),
                                            ("norfolk-plan", "s55")])
def test_the_notes_are_numbered_apart_and_never_counted_in_the_document(
        case: str, kind: str, tmp_path: Path, browser: object | None) -> None:
    """Editor: "Page 7 of 7" counted the preparer's notes; the PDF numbers them apart.

    Printed only when their box is ticked on screen (read 35: test_read37_html_print).
    """
    html = rendered(*review_options(case, kind), "html").replace(
        b'id="print-part-1">', b'id="print-part-1" checked>')
    folios = _folios(_print(html, tmp_path, f"{case}-{kind}", browser))
    assert all(folios), folios
    document = [f for f in folios if f and f[0] == "Page"]
    notes = [f for f in folios if f and f[0] != "Page"]
    assert document and notes and folios.index(notes[0]) == len(document), folios
    assert [f[1] for f in document] == list(range(1, len(document) + 1))
    assert [f[1] for f in notes] == list(range(1, len(notes) + 1))
    # a browser cannot count the document's pages apart from the notes: no total at all
    assert all(f[2] is None for f in document + notes), folios


@CHROMIUM
@pytest.mark.xdist_group("chromium")
def test_the_cover_has_no_number_nor_running_title_and_no_contents_is_printed(
        tmp_path: Path, browser: object | None) -> None:
    """Editor: the cover printed the header and "Page 1 of 21"; the contents had no pages."""
    pdf = _printed("norfolk-plan", "pack", tmp_path, browser)
    bands, folios = _bands(pdf), _folios(pdf)
    top, _body, foot, _lines = bands[0]
    assert top == "OFFICIAL" and foot == "OFFICIAL" and folios[0] is None, bands[0]
    assert "Norfolk Constabulary · PEEL" in bands[1][0]
    # the others are numbered "of" all the pages, the cover among them, as in the PDF
    assert [f[1:] for f in folios[1:] if f] == [(n, len(bands)) for n in range(2, len(bands) + 1)]
    assert not any(b.startswith("Contents") for _t, b, _f, _l in bands), [b[:40] for _t, b, _f, _l in bands]


@CHROMIUM
@pytest.mark.xdist_group("chromium")
def test_the_marking_to_complete_is_highlighted_in_the_margins_and_the_header_whole(
        tmp_path: Path, browser: object | None) -> None:
    """Editor: the margins' placeholder was bold but not highlighted; the header broke a phrase."""
    pdf = _printed("example", "committee", tmp_path, browser)
    with pdfplumber.open(pdf) as doc:
        for sheet in doc.pages[:2]:
            for band in (sheet.crop((0, 0, sheet.width, 57)),
                         sheet.crop((0, sheet.height - 57, sheet.width, sheet.height))):
                marks = [w for w in band.extract_words() if w["text"].startswith("{to")]
                assert marks, band.extract_text()
                fills = [r for r in band.rects if r.get("fill") and r["x0"] <= marks[0]["x0"]
                         and r["width"] < sheet.width / 2]
                assert fills, "the marking's place is not highlighted"
    for top, _body, _foot, _lines in _bands(pdf):
        assert "ILLUSTRATIVE EXAMPLE: NOT AN HMICFRS REPORT" in top, top


@CHROMIUM
@pytest.mark.xdist_group("chromium")
@pytest.mark.parametrize(("case", "kind"), [("example", "committee"), ("norfolk", "s55"),
                                            ("norfolk", "pack")])
def test_no_printed_page_holds_a_last_part_or_a_line_alone(
        case: str, kind: str, tmp_path: Path, browser: object | None) -> None:
    """Editor: "Source and licence" alone on a page; a pack's page 6 held one line.  Nor is a
    letter's signature parted from the role under it."""
    pages = _body_lines(_printed(case, kind, tmp_path, browser))
    for n, lines in enumerate(pages, start=1):
        assert lines and lines[0] != "Source and licence", (case, kind, n)
        assert len(lines) > 3, (case, kind, n, lines)
        if n < len(pages):  # a lead-in never ends a page
            assert not lines[-1].startswith("We set out our detailed findings"), (case, kind, n)
        if "Yours sincerely," in lines:  # the signature whole: closing, name and role
            at = lines.index("Yours sincerely,")
            assert len(lines) > at + 2 and "Commissioner" in lines[at + 2], lines[at:]


@CHROMIUM
@pytest.mark.xdist_group("chromium")
def test_the_update_and_the_comparison_end_and_start_well(
        tmp_path: Path, browser: object | None) -> None:
    """Editor: the update's p.6 held only its source; the comparison's p.2 only the to-complete box."""
    register = peeldocs.register([ROOT / "examples" / "norfolk-2018-action-plan.yaml",
                                  ROOT / "examples" / "constructed-thematic-action-plan.yaml"],
                                 as_of="2025-01-15", since="2024-10-15")
    (html,) = peeldocs.write_register(register, "html", tmp_path, document="update")
    update = _body_lines(_print(html.read_bytes(), tmp_path, "update", browser))
    assert not any(lines[0] == "Source and licence" for lines in update), [p[:1] for p in update]
    compare = _body_lines(_print(review_comparison("html"), tmp_path, "compare", browser))
    assert any(line.startswith("To complete before") for line in compare[0]), compare[0][-3:]
    assert all(len(lines) > 3 for lines in compare), [len(lines) for lines in compare]


@CHROMIUM
@pytest.mark.xdist_group("chromium")
def test_a_short_place_to_complete_and_a_heading_end_are_not_broken(
        tmp_path: Path, browser: object | None) -> None:
    """Editor: "{to be / completed: …}" across two lines; "(remove this part)" alone on a line."""
    text = [line for lines in _body_lines(_printed("example", "brief", tmp_path, browser))
            for line in lines]
    places = [line for line in text if "{" in line or "}" in line]
    assert places and all(line.count("{") == line.count("}") for line in places), places
    notes = [line for lines in _body_lines(_printed("example", "s55", tmp_path, browser))
             for line in lines]
    assert not any(line.strip() in {"(remove this part)", "this part)"} for line in notes)


@CHROMIUM
def test_the_cover_prints_no_number_even_with_the_browser_s_own_header_and_footer(
        tmp_path: Path) -> None:
    """Read 34: printed with Chromium's own header and footer on (its default), the cover of
    a pack whose marking is still to complete showed "1/16" where its margin boxes said
    nothing; boxes with empty content leave that corner blank, as the PDF's cover is."""
    import subprocess

    page = tmp_path / "pack.html"
    page.write_bytes(rendered(*review_options("norfolk", "pack"), "html"))
    pdf = tmp_path / "pack.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    with pdfplumber.open(pdf) as doc:
        cover, second = (" ".join((p.extract_text() or "").split()) for p in doc.pages[:2])
        total = len(doc.pages)
    assert f"1/{total}" not in cover and "Page 1" not in cover
    assert f"Page 2 of {total}" in second
