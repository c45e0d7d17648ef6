"""The Norfolk pack's content written directly with python-docx's object API, no peeldocs."""

from __future__ import annotations

import io

import docx
from content import Item


def build(items: list[Item]) -> bytes:
    document = docx.Document()
    levels = {"title": 0, "h1": 1, "h2": 2, "h3": 3}
    for kind, payload in items:
        if kind == "break":
            document.add_page_break()
        elif kind in ("toc", "chart"):
            continue  # python-docx has no table of contents or chart API
        elif kind in levels:
            document.add_heading(payload, levels[kind])
        elif kind == "p":
            document.add_paragraph(payload)
        elif kind == "bullet":
            document.add_paragraph(payload, style="List Bullet")
        else:
            table = document.add_table(rows=len(payload), cols=len(payload[0]))
            for r, row in enumerate(payload):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
