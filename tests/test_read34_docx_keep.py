"""DOCX as LibreOffice lays it out: lead-ins and findings kept with what follows (read 34).

An independent reader converted the DOCX files with LibreOffice and found a page
ending with a paragraph that introduces what is on the next: the comparison's "No force
has a grade for this, so it is not in the tables below:" with its one-item list over the
page; the register's status table closing page 1 under "Where the actions stand", the
table of inspections opening page 2 with no heading above it; and the s.55 response's
"Cause of concern 2" closing page 2 with "The action on this cause of concern is given
under recommendations 2 to 4 below", the recommendations starting page 3.  Each is now
kept with what it introduces, as the PDF keeps it.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest
from docread import rendered, review_comparison, review_options, review_register_documents
from pagefill import convert_with_libreoffice


def _page_texts(pdf: Path) -> list[str]:
    """Each page's text, whitespace folded."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return [" ".join(page.split()) for page in out.split("\f")]


def _page_of(pages: list[str], text: str) -> int:
    """The first page (from 1) with ``text`` on it."""
    return next(n for n, page in enumerate(pages, 1) if text in page)


def _keeps_next(data: bytes, starts: str) -> bool:
    """Whether the paragraph whose text starts with ``starts`` keeps with the next."""
    document = docx.Document(io.BytesIO(data))
    paragraph = next(p for p in document.paragraphs if p.text.startswith(starts))
    return bool(paragraph.paragraph_format.keep_with_next)


def test_a_paragraph_ending_in_a_colon_keeps_with_the_list_it_introduces() -> None:
    assert _keeps_next(review_comparison("docx"), "No force has a grade for this")


def test_the_answer_pointing_to_later_findings_keeps_with_the_next_finding() -> None:
    report, options = review_options("example", "s55")
    data = rendered(report, options, "docx")
    assert _keeps_next(data, "The action on this cause of concern is given under recommendations")


def test_a_short_table_keeps_with_the_table_under_it(tmp_path: Path) -> None:
    document = docx.Document(str(review_register_documents(tmp_path) / "register" /
                                 "register.docx"))
    body = list(document.iter_inner_content())
    # read 35: the status table that repeated the by-inspection totals is gone; the one
    # count table follows the sentence that leads into it, the owners' table its heading
    tables = [item for item in body if isinstance(item, docx.table.Table)]
    assert not any(t.cell(0, 0).text == "Status" for t in tables)
    counts = next(n for n, item in enumerate(body)
                  if isinstance(item, docx.table.Table) and item.cell(0, 0).text == "Inspection")
    assert body[counts - 1].paragraph_format.keep_with_next
    assert isinstance(body[counts + 2], docx.table.Table)


@pytest.mark.xdist_group("libreoffice")
def test_libreoffice_keeps_lead_ins_and_findings_with_what_follows(tmp_path: Path) -> None:
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (Debian libreoffice-writer-nogui) or poppler is not installed")
    report, options = review_options("example", "s55", as_of=date(2025, 4, 1))
    files = {"comparison": tmp_path / "comparison.docx", "s55": tmp_path / "s55.docx"}
    files["comparison"].write_bytes(review_comparison("docx"))
    files["s55"].write_bytes(rendered(report, options, "docx"))
    files["register"] = review_register_documents(tmp_path / "built") / "register" / \
        "register.docx"
    pdfs = convert_with_libreoffice(list(files.values()), tmp_path / "lo")
    pages = {name: _page_texts(pdfs[path]) for name, path in files.items()}

    comparison = pages["comparison"]
    assert _page_of(comparison, "No force has a grade for this") == _page_of(
        comparison, "Providing a service to the victims of crime: ungraded")

    register = pages["register"]
    assert _page_of(register, "Where the actions stand") == _page_of(
        register, "Inspection Date"), "the table of inspections opens a page with no heading"

    s55 = pages["s55"]
    answer = _page_of(s55, "given under recommendations 2 to 4 below")
    assert answer == _page_of(s55, "Cause of concern 2 (Investigating crime)") == _page_of(
        s55, "Recommendation 2 (Investigating crime)")
    for page in s55[:-1]:  # no page is left near empty by what moved
        assert len(page) > 600, page[:200]
