"""Read 29-S, fault 3: every place to complete is marked alike, wherever it appears.

The Exampleshire s.55 response's running header in HTML showed "{to be completed: the
local policing body}" as plain grey text while the other 46 places were highlighted.
Checked here for every document kind, in every format, in the body, the running
header and footer and the protective marking: each "{to be completed: …}" a reader
finds is highlighted (HTML ``<mark>``, DOCX run shading, PDF a filled box behind it).
"""

from __future__ import annotations

import io
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import docx
import pdfplumber
import pytest
from docread import rendered
from docx.oxml.ns import qn

import peeldocs
from peeldocs import Options
from peeldocs.model import Report

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("pack", "brief", "committee", "s55")
PLACE = "{to be completed:"


@pytest.fixture(scope="module")
def reports() -> dict[str, tuple[Report, Options]]:
    norfolk = peeldocs.load_report(ROOT / "data" / "norfolk-2018-effectiveness.yaml")
    example = peeldocs.load_report(ROOT / "examples" / "exampleshire-2023-25-assessment.yaml")
    return {"norfolk": (norfolk, Options(published=date(2019, 5, 2), as_of=date(2019, 6, 10))),
            "example": (example, Options(as_of=date(2025, 4, 1)))}


class _Marks(HTMLParser):
    """Collect the visible text outside and inside ``<mark>``, skipping styles."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.outside: list[str] = []
        self.inside: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag == "mark"
        self.skip += tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag == "mark"
        self.skip -= tag in ("style", "title")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            (self.inside if self.depth else self.outside).append(data)


def _case(reports: dict[str, tuple[Report, Options]], name: str, kind: str
          ) -> tuple[Report, Options]:
    report, options = reports[name]
    return report, Options(document=kind, published=options.published, as_of=options.as_of)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["norfolk", "example"])
def test_every_place_is_marked_in_html(reports: dict[str, tuple[Report, Options]], name: str,
                                       kind: str) -> None:
    page = _Marks()
    page.feed(rendered(*_case(reports, name, kind), "html").decode())
    assert PLACE not in "".join(page.outside)  # none unmarked, the running header included
    if kind == "s55":
        assert PLACE in "".join(page.inside)


def test_the_s55_running_header_place_is_marked_in_html(
        reports: dict[str, tuple[Report, Options]]) -> None:
    html = rendered(*_case(reports, "example", "s55"), "html").decode()
    running = re.search(r'<p class="running"[^>]*>(.*?)</p>', html)
    assert running is not None
    assert running.group(1).startswith(
        '<mark class="placeholder">{to be completed: the local policing body}</mark> · Response')


def _shaded(run: docx.text.run.Run) -> bool:
    return run._r.find(f"{qn('w:rPr')}/{qn('w:shd')}") is not None


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["norfolk", "example"])
def test_every_place_is_shaded_in_docx(reports: dict[str, tuple[Report, Options]], name: str,
                                       kind: str) -> None:
    document = docx.Document(io.BytesIO(rendered(*_case(reports, name, kind), "docx")))
    paragraphs = list(document.paragraphs)
    paragraphs += [p for t in document.tables for row in t.rows for c in row.cells
                   for p in c.paragraphs]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer):
            paragraphs += list(part.paragraphs)
    runs = [r for p in paragraphs for r in p.runs if PLACE in r.text]
    unshaded = [r.text for r in runs if not _shaded(r)]
    assert unshaded == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_place_has_a_highlight_behind_it_in_pdf(
        reports: dict[str, tuple[Report, Options]], kind: str) -> None:
    with pdfplumber.open(io.BytesIO(rendered(*_case(reports, "example", kind), "pdf"))) as pdf:
        for page in pdf.pages:
            chars = page.chars
            text = "".join(c["text"] for c in chars)
            for found in re.finditer(re.escape(PLACE), text):
                first = chars[found.start()]
                fills = [r for r in page.rects if r["fill"] and r["x0"] <= first["x0"] + 0.5
                         and r["x1"] >= first["x1"] - 0.5 and r["top"] <= first["top"] + 1
                         and r["bottom"] >= first["bottom"] - 1]
                assert fills, (page.page_number, text[found.start():found.start() + 60])
