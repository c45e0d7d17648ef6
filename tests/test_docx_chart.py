"""Charts in the DOCX are native Word charts: cached values, an embedded workbook, alt text."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

import peeldocs
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.plans.files import load_plan

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
ROOT = Path(__file__).resolve().parent.parent


def charts(document: docx.document.Document) -> list[tuple[object, etree._Element]]:
    """Every chart part the body refers to, with its parsed XML, in body order."""
    found = []
    for ref in document.element.body.iter(f"{C}chart"):
        part = document.part.related_parts[ref.get(
            "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]
        found.append((part, etree.fromstring(part.blob)))
    return found


def series(xml: etree._Element) -> dict[str, list[float]]:
    out = {}
    for ser in xml.iter(f"{C}ser"):
        name = ser.find(f"{C}tx//{C}v").text
        out[name] = [float(v.text) for v in ser.find(f"{C}val").iter(f"{C}v")]
    return out


@pytest.fixture(scope="module")
def document(norfolk_docx: Path) -> docx.document.Document:
    return docx.Document(str(norfolk_docx))


def test_figures_chart_is_a_chart_part_holding_the_figures(norfolk: Report,
                                                           document: docx.document.Document) -> None:
    assert not document.inline_shapes or all(
        s._inline.graphic.graphicData.get("uri").endswith("/chart") for s in document.inline_shapes)
    (part, xml), = charts(document)
    assert part.content_type == "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    figs = [f for f in norfolk.key_figures if f.comparator_value is not None]
    # drawn bottom-up and its legend listed in reverse (Word, LibreOffice), the chart holds the
    # figures last first, so the page reads top-down in the report's order, legend too
    assert list(series(xml)) == ["England and Wales", norfolk.force.short_name]
    assert series(xml) == {norfolk.force.short_name: [f.value for f in figs][::-1],
                           "England and Wales": [f.comparator_value for f in figs][::-1]}
    cats = [v.text for v in xml.find(f".//{C}cat").iter(f"{C}v")]
    # with no table beside it, each bar's label carries the period the report states
    assert cats == [f"{f.label} ({f.period or 'period not stated'})" for f in figs][::-1]
    # every bar labelled with its value, shown as a percentage like the table
    assert all(d.find(f"{C}showVal").get("val") == "1" for d in xml.iter(f"{C}dLbls"))
    assert {n.get("formatCode") for n in xml.iter(f"{C}numFmt")} >= {'#,##0.0"%"'}
    assert xml.find(f".//{C}legend") is not None
    # in the theme's colours, one per series
    from peeldocs.theme import default_theme

    fills = [ser.find(f"{C}spPr/{A}solidFill/{A}srgbClr").get("val") for ser in xml.iter(f"{C}ser")]
    assert fills == [c.lstrip("#").upper() for c in default_theme().series[:2]][::-1]


def test_chart_embeds_a_workbook_with_the_same_figures(norfolk: Report,
                                                       document: docx.document.Document) -> None:
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is in the test extra")
    (part, xml), = charts(document)
    book_part = part.rels[xml.find(f"{C}externalData").get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")].target_part
    assert part.rels[next(iter(part.rels))].reltype == RT.PACKAGE
    assert book_part.content_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = openpyxl.load_workbook(io.BytesIO(book_part.blob)).active
    rows = list(sheet.iter_rows(values_only=True))
    figs = [f for f in norfolk.key_figures if f.comparator_value is not None]
    assert rows[0][1:] == ("England and Wales", norfolk.force.short_name)  # as drawn
    assert rows[1:] == [(f"{f.label} ({f.period or 'period not stated'})", f.comparator_value,
                         f.value) for f in figs][::-1]
    # the cells the chart points at are the cells that hold the figures
    refs = [f.text for f in xml.iter(f"{C}f")]
    assert "Sheet1!$A$2:$A$4" in refs and "Sheet1!$B$2:$B$4" in refs and "Sheet1!$C$2:$C$4" in refs


def test_chart_has_alt_text_stating_the_values(norfolk: Report,
                                               document: docx.document.Document) -> None:
    from peeldocs import blocks as b

    figure = next(blk for sec in peeldocs.build_pack(norfolk, Options()).sections
                  for blk in sec.blocks if isinstance(blk, b.Figure))
    (doc_pr,) = [d for d in document.element.body.iter(f"{WP}docPr")]
    descr = doc_pr.get("descr")
    # Word shows the title (the caption) with the description: the closing sentence the
    # caption already says is left out of the description, the rest is the alt text
    assert figure.alt.startswith(descr) and figure.alt[len(descr):].strip() in figure.caption
    assert "A longer bar is a higher figure" not in descr
    for value in ("20.6%", "16.1%", "15.5%", "10.3%", "7.2%"):
        assert value in descr
    assert doc_pr.get("title") == figure.caption


def test_a_plan_adds_no_chart_and_ids_stay_unique(norfolk: Report) -> None:
    published = date(2019, 5, 2)
    plan = load_plan(ROOT / "examples" / "norfolk-2018-action-plan.yaml", norfolk,
                     as_of=date(2019, 10, 15), published=published)
    options = Options(plan=plan, as_of=date(2019, 10, 15), published=published)
    data = peeldocs.render(peeldocs.build_pack(norfolk, options), "docx", options)
    document = docx.Document(io.BytesIO(data))
    found = charts(document)
    # the plan's counts by status are given in its summary sentence, not charted again
    assert len(found) == 1 and "Items" not in series(found[0][1])
    ids = [d.get("id") for d in document.element.body.iter(f"{WP}docPr")]
    assert len(ids) == len(set(ids)) == 1
