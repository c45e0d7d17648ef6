"""The brief opened by other clients: LibreOffice for the DOCX, a browser printing the HTML.

The PDF brief is one page by construction; these check that the same content
also prints on one page from the editable and the web formats.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from docread import ROOT, norfolk_plan, synthetic_assessment, with_concerns
from synthetic import synthetic_report

import peeldocs
from peeldocs.model import Report
from peeldocs.options import Options


def briefs(tmp_path: Path, fmt: str) -> list[Path]:
    norfolk = peeldocs.load_report(ROOT / "data" / "norfolk-2018-effectiveness.yaml")
    stress = with_concerns(synthetic_report("Test Constabulary", "Test", 7, questions=500), 60)
    cases: list[tuple[str, Report, Options]] = [
        ("norfolk", norfolk, norfolk_plan(norfolk)), ("stress", stress, Options()),
        ("assessment", synthetic_assessment(3), Options())]
    out = []
    for name, report, options in cases:
        options = dataclasses.replace(options, document="brief")
        out += peeldocs.write_pack(report, options, [fmt], tmp_path, stem=name)
    return out


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (Debian libreoffice-writer-nogui) is not installed")
def test_docx_brief_is_one_page_in_libreoffice(tmp_path: Path) -> None:
    paths = briefs(tmp_path, "docx")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
                    *map(str, paths)], check=True, capture_output=True, timeout=240)
    for path in paths:
        converted = tmp_path / "pdf" / (path.stem + ".pdf")
        assert len(pypdf.PdfReader(converted).pages) == 1, path.name


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_html_brief_prints_on_one_page(tmp_path: Path) -> None:
    for path in briefs(tmp_path, "html"):
        printed = tmp_path / (path.stem + ".print.pdf")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer", f"--user-data-dir={tmp_path / 'profile'}",
                        f"--print-to-pdf={printed}", path.as_uri()],
                       check=True, capture_output=True, timeout=120)
        assert len(pypdf.PdfReader(printed).pages) == 1, path.name


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


def test_html_documents_with_axe_at_phone_and_desktop_widths(tmp_path: Path) -> None:
    import json

    from test_signoff import AXE, _axe_ready

    reason = _axe_ready()
    if reason is not None:
        pytest.skip(reason)
    for name, paths in _documents(tmp_path, ["html"]):
        result = subprocess.run(["node", str(AXE), str(paths["html"]), "320", "390", "1280"],
                                capture_output=True, text=True, timeout=240, check=True)
        for view in json.loads(result.stdout):
            assert view["axe"] == [], (name, view["axe"])  # WCAG 2.1 A and AA
            assert view["broken"] == [], name
            assert view["scrollWidth"] <= view["width"], (name, view["width"])
