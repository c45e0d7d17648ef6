"""DOCX running header: it wraps between its " · " phrases, never inside one (read 34).

Editor: the Exampleshire s.55 header ended its first line "… force assessment · ILLUSTRATIVE"
and began the second "EXAMPLE: NOT AN HMICFRS REPORT"; the PDF puts the illustrative warning
on a line of its own, and the DOCX should too.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from clients import convert_with_libreoffice
from docread import rendered, review_options

LABEL = "ILLUSTRATIVE EXAMPLE: NOT AN HMICFRS REPORT"


def _header_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.sections[0].header.paragraphs)


def test_each_phrase_of_the_running_header_has_no_break_spaces_only() -> None:
    """The header's spaces that may break are those around " · "; a phrase holds none."""
    head = _header_text(rendered(*review_options("example", "s55"), "docx"))
    title = head.splitlines()[-1]
    phrases = title.split(" · ")
    assert phrases[-1] == LABEL.replace(" ", "\u00a0"), phrases
    assert all(" " not in phrase for phrase in phrases), phrases
    assert " ".join(title.split()).endswith(LABEL)  # read aloud and folded, the same words


@pytest.mark.xdist_group("libreoffice")
def test_libreoffice_prints_the_illustrative_label_whole_on_a_line_of_its_own(
        tmp_path: Path) -> None:
    """Laid out by LibreOffice, the label is one whole line of the header on every page."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    path = tmp_path / "s55.docx"
    path.write_bytes(rendered(*review_options("example", "s55"), "docx"))
    pdf = convert_with_libreoffice([path], tmp_path / "lo")[path]
    text = subprocess.run(["pdftotext", "-layout", "-l", "2", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert lines.count(LABEL) == 2, [line for line in lines if "ILLUSTRATIVE" in line
                                     or "REPORT" in line]
    assert not any(line.endswith("· ILLUSTRATIVE") for line in lines)
