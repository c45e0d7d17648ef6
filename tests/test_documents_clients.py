"""The brief opened by other clients: LibreOffice for the DOCX, a browser printing the HTML.

The PDF brief is one page by construction; these check that the same content
also prints on one page from the editable and the web formats.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import docx as python_docx
import pagefill
import pypdf
import pytest
from clients import Browser, axe_ready
from docread import BRIEF_CASES, ROOT, brief_documents, norfolk_plan, synthetic_assessment

import peeldocs
from peeldocs.options import Options


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (Debian libreoffice-writer-nogui) is not installed")
@pytest.mark.xdist_group("libreoffice")
def test_docx_brief_is_one_page_in_libreoffice(libreoffice_pdfs: dict[str, Path]) -> None:
    for name in BRIEF_CASES:
        assert len(pypdf.PdfReader(libreoffice_pdfs[name]).pages) == 1, name


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
@pytest.mark.xdist_group("chromium")
def test_html_brief_prints_on_one_page(tmp_path: Path, browser: Browser | None) -> None:
    # the review briefs print through the same code; LibreOffice lays each out (above)
    for name, path in brief_documents(tmp_path, "html", BRIEF_CASES[:3]).items():
        printed = tmp_path / (path.stem + ".print.pdf")
        if browser is not None:  # the run's one Chromium
            browser.print_pdf(path, printed)
        else:  # no browser server here (node tools missing): Chromium's own command line
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                            "--no-pdf-header-footer", f"--user-data-dir={tmp_path / 'profile'}",
                            f"--print-to-pdf={printed}", path.as_uri()],
                           check=True, capture_output=True, timeout=120)
        assert len(pypdf.PdfReader(printed).pages) == 1, name


def _documents(tmp_path: Path, formats: list[str]) -> list[tuple[str, dict[str, Path]]]:
    norfolk = peeldocs.load_report(ROOT / "data" / "norfolk-2018-effectiveness.yaml")
    out = []
    for name, report, base in (("norfolk", norfolk, norfolk_plan(norfolk)),
                               ("assessment", synthetic_assessment(), Options())):
        for kind in ("brief", "committee", "s55"):
            options = dataclasses.replace(base, document=kind)
            paths = peeldocs.write_pack(report, options, formats, tmp_path / kind, stem=name)
            out.append((f"{name} {kind}", {p.suffix[1:]: p for p in paths}))
    return out


def test_no_internals_in_any_document_or_format(tmp_path: Path) -> None:
    from test_signoff import INTERNALS, _texts

    for name, paths in _documents(tmp_path, ["pdf", "docx", "html"]):
        for fmt, text in _texts(paths).items():
            found = INTERNALS.search(text)
            assert found is None, (name, fmt, text[max(0, found.start() - 60):found.end() + 60])
            assert ",." not in text and " ." not in text, (name, fmt)


@pytest.mark.xdist_group("chromium")
def test_html_documents_with_axe_at_phone_and_desktop_widths(tmp_path: Path,
                                                            browser: Browser | None) -> None:
    reason = axe_ready()
    if reason is not None or browser is None:
        pytest.skip(str(reason))
    for name, paths in _documents(tmp_path, ["html"]):  # 320: WCAG's reflow width; 390 adds
        for view in browser.check(paths["html"], (320, 1280)):  # nothing 320 does not catch
            assert view["axe"] == [], (name, view["axe"])  # WCAG 2.1 A and AA
            assert view["broken"] == [], name
            assert view["scrollWidth"] <= view["width"], (name, view["width"])


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (Debian libreoffice-writer-nogui) is not installed")
@pytest.mark.xdist_group("libreoffice")
def test_libreoffice_converts_in_one_running_office(tmp_path: Path) -> None:
    """Where Debian's python3-uno is installed (make test installs it), every conversion a
    test process asks for goes to one LibreOffice kept running, not a start each."""
    if subprocess.run([str(pagefill.SYSTEM_PYTHON), "-c", "import uno"],
                      capture_output=True).returncode != 0:
        pytest.skip("Debian's python3-uno is not installed; each conversion starts soffice")
    docx = tmp_path / "a.docx"
    document = python_docx.Document()
    document.add_paragraph("Constructed text for a test of the conversion.")
    document.save(str(docx))
    first = pagefill.convert_with_libreoffice([docx], tmp_path / "one")[docx]
    server = pagefill._server()
    assert server is not None and server.poll() is None
    again = pagefill.convert_with_libreoffice([docx], tmp_path / "two")[docx]
    assert pagefill._server() is server
    for pdf in (first, again):
        assert "Constructed text for a test" in pypdf.PdfReader(pdf).pages[0].extract_text()
