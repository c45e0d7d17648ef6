"""Read 32: page layout faults the editors found in the committee paper and the DOCX.

32-1. The committee paper PDF (all three cases) moved section 6's paragraph 6.2 and
      the findings table whole to the next page, leaving a third of page 3 empty,
      and then 6.3 and its list to the page after, leaving a quarter of page 4 empty.
      A table longer than a short one now starts where its lead-in falls, kept with
      it only for its header and first rows, and splits with its header repeated; a
      list of long items keeps only its first item with its lead-in.
32-2. As LibreOffice lays out the DOCX, "Page X of Y" dropped to a line below the
      marking: the footer is now one line (centre and right tab stops at the text's
      width), where every page is portrait.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from datetime import datetime
from pathlib import Path

import pdfplumber
import pytest
from docread import REVIEW_CASES, rendered, review_options
from pagefill import BOTTOM, convert_with_libreoffice, pages

import peeldocs
import peeldocs.blocks as b

FULL = 0.69  # each page of the paper between its cover page and its last is this full
# (read 35-C: the example's 4.1 gives the shape of its grades, and its page 2 now ends with the
# grades table at 0.698 full, section 5 starting the next page whole)
PAPER_PAGES = 5  # ... and the paper (before the preparer's notes) is this long


def _texts(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as doc:
        return [" ".join((page.extract_text() or "").split()) for page in doc.pages]


@pytest.mark.parametrize("case", REVIEW_CASES)
def test_the_committee_papers_findings_table_starts_where_its_lead_in_falls(
        case: str, tmp_path: Path) -> None:
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(rendered(*review_options(case, "committee"), "pdf"))
    found, texts = pages(pdf), _texts(pdf)
    (notes,) = [n for n, t in enumerate(texts) if "Before issuing: notes for the preparer" in t]
    assert notes <= PAPER_PAGES, (case, found)
    assert all(p.fullness >= FULL for p in found[1:notes - 1]), (case, found)
    (six,) = [n for n, t in enumerate(texts) if "6. Findings" in t]
    tables = [n for n, t in enumerate(texts) if "Finding Report text (verbatim)" in t]
    # the table starts on section 6's page, or (its first row too tall for what is left)
    # on the next, with what follows it (6.3) straight after it, not on a page of its own
    assert tables[0] <= six + 1, (case, tables, six)
    after = [n for n, t in enumerate(texts) if " 6.3 " in f" {t} "] or [tables[-1]]
    assert after[0] == tables[-1], (case, tables, after)


def _pack(blocks: tuple[b.Block, ...]) -> b.Pack:
    return b.Pack(b.Metadata("Paper", "A paper", "peeldocs", (), datetime(2023, 11, 14)),
                  (b.Section("paper", blocks),))


TEXT = "The force should act on what the inspectors found, and it should say how. "


def test_a_long_table_and_its_lead_in_start_where_a_third_of_the_page_is_left(
        tmp_path: Path) -> None:
    """Eight tall rows, most of a page: they start under their lead-in, header repeated."""
    fill = [b.Paragraph(b.plain(TEXT * 5)) for _ in range(7)]  # two thirds of the page
    rows = tuple((b.Cell(b.plain(f"Row {n}")), b.Cell(b.plain(TEXT * 5))) for n in range(8))
    table = b.Table(((b.Cell(b.plain("Ref")), b.Cell(b.plain("Report text"))),), rows,
                    widths=(1.5, 4.5), caption="Findings")
    blocks = (b.Heading(1, "Paper", anchor="paper"), *fill,
              b.Paragraph(b.plain("The findings, in the report's words, are these.")), table,
              b.Paragraph(b.plain("After the table.")))
    pdf = tmp_path / "table.pdf"
    pdf.write_bytes(peeldocs.render(_pack(blocks), "pdf"))
    texts = _texts(pdf)
    (lead,) = [n for n, t in enumerate(texts) if "are these." in t]
    assert "Row 0" in texts[lead]  # its first row with it: neither moved on alone
    assert sum(t.count("Ref Report text") for t in texts) == 2  # split, its header repeated
    assert pages(pdf)[lead].fullness >= 0.8


def test_a_list_of_long_items_keeps_only_its_first_item_with_its_lead_in(
        tmp_path: Path) -> None:
    """Three items of five lines each, a quarter of a page left: two of them end the page."""
    fill = [b.Paragraph(b.plain(TEXT * 5)) for _ in range(8)]  # three quarters of the page
    blocks = (b.Heading(1, "Paper", anchor="paper"), *fill,
              b.Paragraph(b.plain("The plan records the following:")),
              b.BulletList(tuple(b.plain(f"Item {n}. " + TEXT * 4) for n in range(3))))
    pdf = tmp_path / "list.pdf"
    pdf.write_bytes(peeldocs.render(_pack(blocks), "pdf"))
    texts = _texts(pdf)
    (lead,) = [n for n, t in enumerate(texts) if "records the following:" in t]
    assert "Item 0." in texts[lead], texts
    assert pages(pdf)[lead].fullness >= 0.8


PORTRAIT_KINDS = ("committee", "s55", "brief")  # every page portrait: a one-line footer


def _footer_lines(pdf: Path) -> list[list[str]]:
    """Return each page's lines of words below its text area (the footer), top to bottom."""
    out = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            words = [w for w in page.extract_words() if w["top"] > page.height - BOTTOM]
            tops = sorted({round(w["top"]) for w in words})
            out.append([" ".join(w["text"] for w in words if abs(round(w["top"]) - t) <= 2)
                        for t in tops if all(abs(t - u) > 2 for u in tops if u < t)])
    return out


def test_the_docx_footer_is_one_line_as_libreoffice_lays_it_out(tmp_path: Path) -> None:
    """Read 32: "Page 1 of 5" sat on its own line under the marking in every DOCX kind."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    docs = {}
    for case in ("norfolk-plan", "norfolk"):
        for kind in PORTRAIT_KINDS:
            path = tmp_path / f"{case}-{kind}.docx"
            path.write_bytes(rendered(*review_options(case, kind), "docx"))
            docs[path] = case
    seen = 0
    for path, pdf in convert_with_libreoffice(list(docs), tmp_path).items():
        marking = "OFFICIAL" if docs[path] == "norfolk-plan" else "{to be completed:"
        for n, lines in enumerate(_footer_lines(pdf)):
            numbered = [line for line in lines if re.search(r"page \d+ of \d+", line, re.I)]
            if not numbered:
                continue  # a cover page: the marking alone
            assert len(lines) == 1, (path.name, n, lines)  # (a letter may have no marking)
            seen += lines[0].startswith(marking)
    assert seen >= 10


def test_the_docx_footer_tab_stops_lie_within_the_text_width() -> None:
    """Word sets the number at a right tab stop at the text's edge, never past it."""
    report, options = review_options("norfolk-plan", "committee")
    data = rendered(report, options, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        document = z.read("word/document.xml").decode()
        footers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
    size = re.search(r'<w:pgSz w:w="(\d+)"', document)
    margins = re.search(r'<w:pgMar [^>]*w:right="(\d+)"[^>]*w:left="(\d+)"', document)
    assert size and margins
    width = int(size.group(1)) - int(margins.group(1)) - int(margins.group(2))
    numbered = [f for f in footers if "PAGE" in f]
    assert numbered
    for xml in numbered:
        stops = [int(p) for p in re.findall(r'<w:tab w:val="(?:right|center)" w:pos="(\d+)"', xml)]
        assert stops and max(stops) == width and xml.count("<w:p>") == 1
