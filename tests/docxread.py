"""Helpers that read a DOCX back the way Word shows it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


def iter_paragraphs(container: Any) -> Iterator[Paragraph]:
    """Every paragraph in body order, including those inside table cells."""
    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item
        elif isinstance(item, Table):
            for row in item.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    yield from iter_paragraphs(cell)


def all_text(document: Document) -> str:
    return "\n".join(p.text for p in iter_paragraphs(document))
