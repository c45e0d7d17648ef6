"""The Norfolk pack's content laid out directly with reportlab platypus, no peeldocs layout.

`build` lays it out twice (`multiBuild`) so the contents have page numbers;
`build_one_pass` lays it out once (`build`), untagged, the floor for this engine.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from content import Item
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Table,
)
from reportlab.platypus.tableofcontents import TableOfContents

from peeldocs.resources import font_path


def build(items: list[Item], one_pass: bool = False) -> bytes:
    if "Bare" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Bare", str(font_path("regular"))))
        pdfmetrics.registerFont(TTFont("Bare-Bold", str(font_path("bold"))))
    styles = getSampleStyleSheet()
    for s in styles.byName.values():
        if hasattr(s, "fontName"):
            s.fontName = "Bare-Bold" if "Heading" in s.name or s.name == "Title" else "Bare"
    story: list[Any] = []
    kinds = {"title": "Title", "h1": "Heading1", "h2": "Heading2", "h3": "Heading3", "p": "BodyText"}
    for kind, payload in items:
        if kind == "break":
            story.append(PageBreak())
        elif kind == "toc":
            story.append(TableOfContents())
        elif kind == "chart":
            categories, series = payload
            drawing = Drawing(450, 40 * len(categories) + 20)
            chart = HorizontalBarChart()
            chart.x, chart.y, chart.width, chart.height = 150, 10, 280, 40 * len(categories)
            chart.data = series
            chart.categoryAxis.categoryNames = [label[:30] for label in categories]
            chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = "Bare"
            drawing.add(chart)
            story.append(drawing)
        elif kind == "table":
            cells = [[Paragraph(escape(c), styles["BodyText"]) for c in row] for row in payload]
            story.append(Table(cells, repeatRows=1))
        elif kind == "bullet":
            story.append(ListFlowable([ListItem(Paragraph(escape(payload), styles["BodyText"]))],
                                      bulletType="bullet"))
        else:
            story.append(Paragraph(escape(payload), styles[kinds[kind]]))
    buf = io.BytesIO()

    class Doc(SimpleDocTemplate):  # type: ignore[misc]
        def afterFlowable(self, flowable: Any) -> None:
            if isinstance(flowable, Paragraph) and flowable.style.name in ("Heading1", "Heading2"):
                level = 0 if flowable.style.name == "Heading1" else 1
                self.notify("TOCEntry", (level, flowable.getPlainText(), self.page))

    doc = Doc(buf, pagesize=A4, invariant=1)
    if one_pass:
        doc.build(story)
    else:
        doc.multiBuild(story)
    return buf.getvalue()


def build_one_pass(items: list[Item]) -> bytes:
    return build(items, one_pass=True)
