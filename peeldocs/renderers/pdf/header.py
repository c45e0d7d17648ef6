"""The running header's lines: set at its one size, wrapped to two lines when it is long.

A running title is never set smaller to fit one line (a 6 pt header is hard to
read): at its size (:func:`header_size`) it takes one line where it fits, else two,
broken between its parts (" · ", the separator dropped at the break) where they fit,
else between words, never inside
a place to complete ("{to be completed: the local policing body}").  Only a title
that two lines cannot hold is cut at a word, with an ellipsis: its first part
shortened and what follows kept whole where that fits a line.  The page's frame
starts lower by the second line (:func:`header_drop`), so nothing overlaps it.
"""

from __future__ import annotations

import re

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Frame, PageTemplate

from peeldocs.renderers.pdf.styles import FACES

HEADER_MARGIN = 56.0
"""The header's left and right margin, the body's."""
HEADER_LINES = 2
"""The most lines a running header takes."""
_TOKEN = re.compile(r"\{[^{}]*\}|\S+")
"""A word, or a place to complete kept whole."""


def header_size(base_size: float, cover: bool) -> float:
    """Return the running header's size: a document without a cover (a paper, a letter) 9 pt at least.

    >>> header_size(10.5, True), header_size(10.5, False)
    (8.4, 9.0)
    """
    size = round(base_size * 0.8, 2)
    return size if cover else max(size, 9.0)


def leading(size: float) -> float:
    """Return the distance between the header's two lines' baselines."""
    return round(size * 1.25, 2)


def _greedy(pieces: list[str], joiner: str, face: str, size: float, room: float) -> list[str]:
    lines: list[str] = []
    for piece in pieces:
        joined = f"{lines[-1]}{joiner}{piece}" if lines else piece
        if lines and stringWidth(joined, face, size) <= room:
            lines[-1] = joined
        else:
            lines.append(piece)
    return lines


def _fits(lines: list[str], face: str, size: float, room: float) -> bool:
    return len(lines) <= HEADER_LINES and all(stringWidth(x, face, size) <= room for x in lines)


def header_lines(text: str, face: str, size: float, room: float) -> tuple[list[str], float]:
    """Return the running title's lines (one or two) and their size, for ``room`` points.

    >>> header_lines("Norfolk · PEEL", "Helvetica", 9, 400)
    (['Norfolk · PEEL'], 9)
    >>> header_lines("A long first part · and a second", "Helvetica", 9, 100)
    (['A long first part', 'and a second'], 9)
    """
    if stringWidth(text, face, size) <= room:
        return [text], size
    # the line break separates the parts: no separator is left at a line's end (read 24-C)
    parts = _greedy(text.split(" · "), " · ", face, size, room)
    if _fits(parts, face, size, room):
        return parts, size
    words = _bare(_greedy(_TOKEN.findall(text), " ", face, size, room))
    if _fits(words, face, size, room):
        return words, size
    head, sep, tail = text.partition(" · ")
    if sep and stringWidth(tail, face, size) <= room:  # the first part cut, the rest kept
        return [_cut(_TOKEN.findall(head), face, size, room), tail], size
    return _bare([words[0], _cut(_TOKEN.findall(" ".join(words[1:])), face, size, room)]), size


def _bare(lines: list[str]) -> list[str]:
    """Return the lines with no separator ("·") at the end or start of any: the break separates."""
    return [line.removesuffix(" ·").removeprefix("· ") for line in lines]


def _cut(tokens: list[str], face: str, size: float, room: float, end: str = "") -> str:
    """Return the tokens that fit ``room`` with an ellipsis (and ``end``) after them."""
    line = " ".join(tokens) + end
    while stringWidth(line, face, size) > room and len(tokens) > 1:
        tokens.pop()
        line = " ".join(tokens).rstrip(" ,:;·–") + "…" + end
    word = tokens[0]
    while stringWidth(line, face, size) > room and len(word) > 1:  # one word longer than a line
        word = word[:-1]
        line = word + "…" + end
    return line


def header_drop(text: str, face: str, size: float, page_width: float) -> float:
    """Return how much lower the body must start on a page whose header takes two lines."""
    if not text:
        return 0.0
    lines, used = header_lines(text, face, size, page_width - 2 * HEADER_MARGIN)
    return leading(used) * (len(lines) - 1)


def page_templates(margins: tuple[float, float, float], running_title: str,
                   size: float) -> list[PageTemplate]:
    """Return the portrait and landscape A4 pages, each frame below its running header.

    ``margins``: the side, top and bottom margins; the top one is for a header of one
    line, and a page whose header takes two starts its frame lower by the second.
    """
    side, top, bottom = margins
    out = []
    for name, (width, height) in (("portrait", A4), ("landscape", landscape(A4))):
        drop = header_drop(running_title, FACES["regular"], size, width)
        out.append(PageTemplate(name, [Frame(side, bottom, width - 2 * side,
                                             height - top - bottom - drop, id=name[0],
                                             leftPadding=0, rightPadding=0)],
                                pagesize=(width, height)))
    return out
