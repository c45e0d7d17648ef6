"""DOCX rules a chief officer's editor checks: contents, tables, spacing, properties, ids."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree

import peeldocs
from peeldocs.model import Report
from peeldocs.options import Marking
from peeldocs.plans.files import load_plan

ROOT = Path(__file__).resolve().parent.parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@pytest.fixture(scope="module")
def packs(norfolk: Report, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    as_of, published = date(2019, 10, 15), date(2019, 5, 2)
    plan = load_plan(ROOT / "examples" / "norfolk-2018-action-plan.yaml", norfolk, as_of=as_of,
                     published=published)
    marking = Marking.OFFICIAL
    out = []
    for opts in (peeldocs.Options(marking=marking),
                 peeldocs.Options(plan=plan, as_of=as_of, published=published, marking=marking)):
        (path,) = peeldocs.write_pack(norfolk, opts, ["docx"], tmp_path_factory.mktemp("docx"))
        out.append(path)
    return out


def _body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml")).find(f"{W}body")


def test_contents_entries_are_links_to_their_headings(packs: list[Path]) -> None:
    for path in packs:
        body = _body(path)
        marks = {m.get(f"{W}name"): m for m in body.iter(f"{W}bookmarkStart")}
        entries = [p for p in body.iter(f"{W}p") if (p.find(f"{W}pPr/{W}pStyle") is not None and
                   p.find(f"{W}pPr/{W}pStyle").get(f"{W}val", "").lower().startswith("toc"))]
        entries = [p for p in entries if p.find(f".//{W}hyperlink") is not None]
        assert len(entries) >= 10
        for entry in entries:
            link = entry.find(f".//{W}hyperlink")
            text = "".join(link.itertext())
            mark = marks[link.get(f"{W}anchor")]
            heading = mark.getparent()
            assert "".join(t.text or "" for t in heading.iter(f"{W}t")) == text


def test_every_table_is_a_data_table_with_a_repeating_header(packs: list[Path]) -> None:
    for path in packs:
        d = docx.Document(str(path))
        assert d.tables
        for table in d.tables:
            first = table._tbl.find(f"{W}tr")
            assert first.find(f"{W}trPr/{W}tblHeader") is not None, table.rows[0].cells[0].text
            assert table._tbl.find(f".//{W}tbl") is None  # nothing nested: no layout tables
            assert all(cell.text.strip() for cell in table.rows[0].cells)


def test_no_empty_paragraph_used_as_spacing(packs: list[Path]) -> None:
    for path in packs:
        body = _body(path)
        kids = list(body)
        for i, el in enumerate(kids):
            if el.tag != f"{W}p" or "".join(el.itertext()).strip() or el.find(f".//{W}drawing") \
                    is not None or el.find(f".//{W}br") is not None:
                continue
            if el.find(f"{W}pPr/{W}sectPr") is not None:
                continue  # a section break
            before = kids[i - 1].tag if i else None
            after = kids[i + 1].tag if i + 1 < len(kids) else None
            # Word needs a paragraph between two tables, and after a table at the end
            assert before == f"{W}tbl" and after in (f"{W}tbl", f"{W}sectPr"), i


def test_widow_control_cover_header_and_footer_order(packs: list[Path]) -> None:
    d = docx.Document(str(packs[0]))
    defaults = d.styles.element.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
    assert defaults.find(f"{W}widowControl") is not None
    for off in d.styles.element.iter(f"{W}widowControl"):
        assert off.get(f"{W}val") not in ("0", "false", "off")
    first = d.sections[0]
    assert first.different_first_page_header_footer
    assert [p.text for p in first.first_page_header.paragraphs if p.text] == ["OFFICIAL"]
    assert [p.text for p in first.first_page_footer.paragraphs if p.text] == ["OFFICIAL"]
    assert [p.text for p in first.header.paragraphs if p.text][-1].startswith("Norfolk\u00a0Constabulary")
    footer = [p.text for p in first.footer.paragraphs if p.text.strip()]
    assert footer[0] == "OFFICIAL" and footer[1].startswith("Page ")  # the PDF's order
    for section in d.sections[1:]:
        assert not section.different_first_page_header_footer


def test_app_properties_are_truthful(packs: list[Path]) -> None:
    with zipfile.ZipFile(packs[0]) as z:
        app = z.read("docProps/app.xml").decode()
        names = z.namelist()
    assert "<Application>peeldocs " in app
    for invented in ("Microsoft", "<Pages>", "<Words>", "<Characters>", "<Lines>", "<Template>",
                     "<TotalTime>"):
        assert invented not in app
    assert not any("thumbnail" in n for n in names)


def test_every_drawing_has_a_unique_id(packs: list[Path]) -> None:
    for path in packs:
        ids = [el.get("id") for el in _body(path).iter(f"{WP}docPr")]
        assert ids and len(ids) == len(set(ids))


def test_numeric_headings_align_with_their_numbers() -> None:
    # the briefing pack's key figures are a chart with its values; the comparison's count of
    # forces by grade is a table of numbers, one row for each pillar or area, one column of
    # counts for each grade: every count and its heading align right, what was judged left
    fixtures = sorted((ROOT / "tests" / "fixtures" / "compare").glob("*.csv"))
    data = peeldocs.render(peeldocs.compare([str(f) for f in fixtures]), "docx")
    d = docx.Document(io.BytesIO(data))
    counts = [t for t in d.tables if t.rows[0].cells[0].text == "What was judged"]
    assert len(counts) == 2  # one for each cycle graded for every force (2018/19, 2021/22)
    (table,) = [t for t in counts if t.rows[1].cells[0].text == "Effectiveness"]
    assert [c.text for c in table.rows[0].cells[1:5]] == [
        "Outstanding", "Good", "Requires improvement", "Inadequate"]

    def align(cell: Any) -> str | None:
        jc = cell.paragraphs[0]._p.find(f"{W}pPr/{W}jc")
        return None if jc is None else str(jc.get(f"{W}val"))

    for table in counts:
        for row in table.rows:
            assert align(row.cells[0]) in (None, "left", "start")
            for cell in row.cells[1:]:
                assert align(cell) == "right", cell.text
        for row in table.rows[1:]:
            assert all(cell.text.isdigit() for cell in row.cells[1:])
