"""The Norfolk content laid out directly with reportlab platypus, no peeldocs."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from content import outline
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Table

from peeldocs.resources import font_path


def build(data: dict[str, Any]) -> bytes:
    if "Bare" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Bare", str(font_path("regular"))))
        pdfmetrics.registerFont(TTFont("Bare-Bold", str(font_path("bold"))))
    styles = getSampleStyleSheet()
    for s in styles.byName.values():
        if hasattr(s, "fontName"):
            s.fontName = "Bare-Bold" if "Heading" in s.name or s.name == "Title" else "Bare"
    story: list[Any] = []
    kinds = {"title": "Title", "h1": "Heading1", "h2": "Heading2", "h3": "Heading3", "p": "BodyText"}
    for kind, payload in outline(data):
        if kind == "table":
            cells = [[Paragraph(escape(c), styles["BodyText"]) for c in row] for row in payload]
            story.append(Table(cells, repeatRows=1))
        elif kind == "bullet":
            story.append(ListFlowable([ListItem(Paragraph(escape(payload), styles["BodyText"]))],
                                      bulletType="bullet"))
        else:
            story.append(Paragraph(escape(payload), styles[kinds[kind]]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(story)
    return buf.getvalue()
