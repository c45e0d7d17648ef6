"""The DOCX's last pages as LibreOffice lays them out are not near-empty (read 35).

Read 35: the committee paper's DOCX ends its body on a page about 30% used (section 8
and "Source and licence" only, Exampleshire and Norfolk without a plan), and the
quarterly update paper's on one 28% full.  The tail of a section the DOCX keeps
together (:data:`peeldocs.renderers.docx.flow.TAIL`) is now two fifths of a page, so
what spills onto a last page fills more of it.  Measured (soffice, pdfplumber) over
every DOCX the review builds: those last pages go from 28% to 37–38% full, the pack's
page before its action plan from 36% to 44%, with no page added and no heading or
lead-in left at a page foot; a tail of half a page left the update paper's page
before its last a third full.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docread import rendered, review_options, review_register_documents
from pagefill import convert_with_libreoffice, pages

pytestmark = pytest.mark.xdist_group("libreoffice")

LAST_PAGE = 1 / 3
"""A body's last page, in LibreOffice's layout, is at least this full."""


def _laid_out(tmp_path: Path, documents: dict[str, bytes]) -> dict[str, Path]:
    """Each DOCX as LibreOffice lays it out (a PDF per name)."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (Debian libreoffice-writer-nogui) is not installed")
    paths = []
    for name, data in documents.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(data)
        paths.append(path)
    pdfs = convert_with_libreoffice(paths, tmp_path / "lo")
    return {path.stem: pdfs[path] for path in paths}


def test_the_committee_papers_body_ends_on_a_page_a_third_full_in_libreoffice(
        tmp_path: Path) -> None:
    documents = {}
    for case in ("norfolk", "example", "norfolk-plan"):
        report, options = review_options(case, "committee")
        documents[case] = rendered(report, options, "docx")
    for case, pdf in _laid_out(tmp_path, documents).items():
        found = pages(pdf)
        last_of_body = found[-2]  # the preparer's notes are the last page, on their own
        assert last_of_body.fullness >= LAST_PAGE, (case, found)
        assert all(p.fullness >= 0.5 for p in found[1:-2]), (case, found)


def test_the_update_papers_last_page_is_a_third_full_in_libreoffice(tmp_path: Path) -> None:
    folder = review_register_documents(tmp_path / "built")
    data = (folder / "update" / "update.docx").read_bytes()
    found = pages(_laid_out(tmp_path, {"update": data})["update"])
    assert found[-1].fullness >= LAST_PAGE, found
    assert all(p.fullness >= 0.5 for p in found[:-1]), found
