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
