"""The DOCX starts a page where the PDF does, so its stored contents numbers are its own (read 30-X).

The DOCX's contents stores the PDF's page for each heading (Word shows the stored number
until fields are updated).  A heading that opens a page in the PDF, other than its section's
first (a Word section starts a page already), starts a page in the DOCX too: the comparison's
"What was compared" is on page 4 in both.  Measured against LibreOffice's own layout of the
DOCX (tests/test_docx_contents_pages.py's approach) when written: the three packs the editors
read agree exactly for every entry (14, 14 and 19; before, 14, 13 and 12); the comparison for
every entry before its landscape tables of grades by force and within a page after them (12
of 18 exactly; before, 11, with entries two pages apart), where the PDF's taller rows give the
tables a page more than LibreOffice does.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
from docread import rendered, review_comparison, review_options
from test_docx_contents_pages import _stored, pages_apart

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _breaks_before(data: bytes) -> list[str]:
    """The text of each paragraph the DOCX starts a page with (``w:pageBreakBefore``)."""
    document = docx.Document(io.BytesIO(data))
    return [p.text for p in document.paragraphs
            if p._p.pPr is not None and p._p.pPr.find(f"{W}pageBreakBefore") is not None]


def test_the_comparison_starts_what_was_compared_on_a_page_as_the_pdf_does() -> None:
    data = review_comparison("docx")
    # read 35: the summary runs on into "What was compared"; the PDF starts a page at
    # "Findings by cycle" (7), and so does the DOCX
    assert "Findings by cycle" in _breaks_before(data)
    assert dict(_stored(data))["Findings by cycle"] == "7"
    assert "Summary" not in _breaks_before(data)  # its section starts the page already


@pytest.mark.xdist_group("libreoffice")
def test_stored_numbers_are_libreoffice_s_own(tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (Debian libreoffice-writer-nogui) is not installed")
    documents = {"comparison": review_comparison("docx")}
    for case in ("norfolk-plan", "norfolk", "example"):
        report, options = review_options(case, "pack")
        documents[case] = rendered(report, options, "docx")
    apart = pages_apart(documents, tmp_path)
    for case in ("norfolk-plan", "norfolk", "example"):
        assert apart[case] and set(apart[case]) == {0}, (case, apart[case])
    tables = [text for text, _page in _stored(documents["comparison"])].index(
        "Norfolk Constabulary across cycles")
    assert set(apart["comparison"][:tables]) == {0}, apart["comparison"]
    assert max(map(abs, apart["comparison"])) <= 1, apart["comparison"]
