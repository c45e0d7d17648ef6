"""Helpers that read a PDF back the way a reader (or a screen reader) gets it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pypdf


def page_texts(path: Path) -> list[str]:
    reader = pypdf.PdfReader(path)
    return [p.extract_text() or "" for p in reader.pages]


_DECORATION = re.compile(r"^(Page \d+ of \d+|OFFICIAL(-SENSITIVE)?|.* · PEEL .*)$")


def body_text(path: Path) -> str:
    """The text of every page without running headers and footers, folded."""
    lines = [line for text in page_texts(path) for line in text.splitlines()
             if not _DECORATION.match(line.strip())]
    return fold("\n".join(lines))


def fold(text: str) -> str:
    """Fold whitespace and rejoin words wrapped at a hyphen, for text comparison."""
    text = re.sub(r"-\s*\n\s*", "-", text)
    return " ".join(text.split())


def outline(path: Path) -> list[tuple[int, str, int, float]]:
    """Return (depth, title, page index, top) for every outline entry, in order."""
    reader = pypdf.PdfReader(path)
    out: list[tuple[int, str, int, float]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                top = item.get("/Top")
                out.append((depth, str(item.title), reader.get_destination_page_number(item),
                            float(top) if top is not None else -1.0))

    walk(reader.outline, 0)
    return out
