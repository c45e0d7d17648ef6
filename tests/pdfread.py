"""Helpers that read a PDF back the way a reader (or a screen reader) gets it."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pypdf

T = TypeVar("T")


def _read_once(read: Callable[[Path], list[T]]) -> Callable[[Path], list[T]]:
    """Remember what ``read`` got from a file, while the file is unchanged (path, size, time).

    Several tests read the same session-built PDF the same way; reading it
    (pypdf's text, pdfplumber's characters) costs more than building it.
    Callers get their own copy of the outer list.
    """
    found: dict[tuple[str, int, int], list[T]] = {}

    def reader(path: Path) -> list[T]:
        stat = Path(path).stat()
        key = (str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)
        if key not in found:
            found[key] = read(path)
        return list(found[key])

    reader.__doc__ = read.__doc__
    return reader


@_read_once
def page_texts(path: Path) -> list[str]:
    """The text pypdf extracts from each page."""
    reader = pypdf.PdfReader(path)
    return [p.extract_text() or "" for p in reader.pages]


_DECORATION = re.compile(r"^(Page \d+ of \d+|OFFICIAL(-SENSITIVE)?|.* · PEEL .*"
                         r"|ILLUSTRATIVE EXAMPLE: [A-Z ]+"  # a running header's second line
                         r"|\{to be completed: protective marking\}|\{i’w gwblhau: marc diogelu\})$")


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


@_read_once
def marked_content_texts(path: Path) -> list[tuple[int, int, str, list[float]]]:
    """Return (page, mcid, text, line tops) for every marked-content sequence, in stream order.

    This is the text a screen reader following the tags, copy and paste or
    reflow gets: the characters of one sequence in the order they are drawn.
    """
    import pdfplumber

    out: list[tuple[int, int, str, list[float]]] = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages):
            groups: dict[int, list[Any]] = {}
            for char in page.chars:
                if char.get("mcid") is not None:
                    groups.setdefault(char["mcid"], []).append(char)
            for mcid, chars in groups.items():
                out.append((number, mcid, "".join(c["text"] for c in chars),
                            [float(c["top"]) for c in chars]))
    return out


def run_together(path: Path) -> list[str]:
    """Return every place where a line break inside marked content reads as no space.

    Within one marked-content sequence, two visible characters on different
    lines with nothing between them are a join ("forthe").  Each is returned
    with a little context.
    """
    joins: list[str] = []
    for _page, _mcid, text, tops in marked_content_texts(path):
        for i in range(1, len(text)):
            new_line = abs(tops[i] - tops[i - 1]) > 2.0
            broken_at_hyphen = text[i - 1] in "-\u2010\u2011"
            if new_line and not broken_at_hyphen and not text[i - 1].isspace() \
                    and not text[i].isspace():
                joins.append(text[max(0, i - 12):i] + "|" + text[i:i + 12])
    return joins


def element_joins(path: Path) -> list[str]:
    """Return joins between the marked-content pieces of one structure element.

    A paragraph continued on the next page, or one read from several table
    cells, is one element with several pieces; read in order they must not run
    together either.
    """
    import pikepdf

    texts = {(page, mcid): text for page, mcid, text, _tops in marked_content_texts(path)}
    joins: list[str] = []
    with pikepdf.open(path) as pdf:
        pages = {page.objgen: n for n, page in enumerate(pdf.pages)}

        def walk(elem: Any) -> None:
            kids = elem.get("/K")
            if kids is None:
                return
            kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            pieces: list[str] = []
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    pieces.append(texts.get((pages[kid.Pg.objgen], int(kid.MCID)), ""))
                elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    walk(kid)
            pieces = [p for p in pieces if p]
            for before, after in itertools.pairwise(pieces):
                if not before[-1].isspace() and not after[0].isspace() and before[-1] not in "-":
                    joins.append(before[-12:] + "|" + after[:12])

        walk(pdf.Root.StructTreeRoot)
    return joins


def checker(name: str) -> Path | None:
    """Return the path of a PDF checker installed beside this Python (outloud, pdfua), or None."""
    path = Path(sys.executable).parent / name
    return path if path.exists() else None


def outloud_findings(path: Path) -> list[tuple[str, str]]:
    """Return outloud's errors and warnings for a PDF (PDF/UA-1, WCAG 2.2, paint order, links)."""
    tool = checker("outloud")
    assert tool is not None
    result = subprocess.run([str(tool), "--json", "-", "--fail-on", "never", str(path)],
                            capture_output=True, text=True, timeout=300, check=True)
    (report,) = json.loads(result.stdout)["results"]
    assert report["error"] is None
    return [(f["rule"], f["message"]) for f in report["findings"]
            if f["severity"] in ("error", "warning")]


def pdfua_problems(path: Path) -> str:
    """Return what the pdfua checker says of a PDF when it fails it ("" when it passes)."""
    tool = checker("pdfua")
    assert tool is not None
    result = subprocess.run([str(tool), "check", str(path)], capture_output=True, text=True,
                            timeout=300)
    return "" if result.returncode == 0 else result.stdout + result.stderr
