"""Paragraphs whose line breaks read as spaces.

ReportLab drops the space at each line break: a wrapped line is drawn as
"for" and the next as "the", so anything that reads the text (a screen reader
following the tags, copy and paste, reflow) gets "forthe".  :class:`Paragraph`
draws every line but the last with its trailing space (invisible, so the layout
is unchanged), and the last line of a paragraph that continues on the next page
too.  A line that ends inside a word split to fit the width gets no space.
Also the single lines of the running header and footer: a title fitted to the
width, the page number of a document or of a part numbered on its own.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as rl_paragraph

from peeldocs.renderers.pdf.wrap import Paragraph as QuickParagraph

_SPLIT_TYPES: tuple[type, ...] = tuple(
    getattr(rl_paragraph, name) for name in ("_SplitWordH", "_SplitFrag", "_SplitWordLL")
    if hasattr(rl_paragraph, name))


def _needs_space(text: Any) -> bool:
    return bool(isinstance(text, str) and text and not text[-1].isspace()
                and not isinstance(text, _SPLIT_TYPES))


def _spaced_line(line: Any, kind: int) -> Any:
    if kind == 0:  # (extra space, words): joining with one more empty word adds the space
        words = line[1]
        if words and _needs_space(words[-1]):
            return (line[0], [*words, ""], *line[2:])
        return line
    words = list(line.words)
    for i in range(len(words) - 1, -1, -1):
        frag = words[i]
        if hasattr(frag, "cbDefn") or not getattr(frag, "text", ""):
            continue  # an image, an anchor or an empty run (a space stripped at the break)
        if isinstance(frag, _SPLIT_TYPES) or not _needs_space(frag.text):
            return line
        words[i] = frag.clone(text=frag.text + " ")
        return line.clone(words=words)
    return line


def spaced_lines(bl_para: Any, continues: bool) -> Any:
    """Return ``bl_para`` with a trailing space on every line that a break ends."""
    lines = bl_para.lines
    last = len(lines) - (0 if continues else 1)
    if last <= 0:  # one line that the paragraph ends: nothing to add (most table cells)
        return bl_para
    kind = getattr(bl_para, "kind", 0)
    if kind == 1 or (lines and not isinstance(lines[0], tuple | list)):
        kind = 1
    new = [_spaced_line(line, kind) if i < last else line for i, line in enumerate(lines)]
    return bl_para.clone(lines=new)


class Paragraph(QuickParagraph):
    """A platypus paragraph whose line breaks read as spaces (see the module docstring).

    It is also parsed and wrapped cheaply: see :mod:`peeldocs.renderers.pdf.wrap`.
    """

    continues = False

    def split(self, avail_w: float, avail_h: float) -> list[Any]:
        """Split as platypus does; the first part remembers that the text goes on."""
        parts: list[Any] = super().split(avail_w, avail_h)
        if len(parts) == 2 and isinstance(parts[0], Paragraph):
            parts[0].continues = True
        return parts

    def drawPara(self, debug: int = 0) -> None:
        """Draw the lines with their trailing spaces, leaving the wrapped layout as it was."""
        original: Any = self.__dict__["blPara"]
        self.blPara = spaced_lines(original, self.continues)
        try:
            super().drawPara(debug)
        finally:
            self.blPara = original


def fit_line(text: str, face: str, size: float, room: float,
             smallest: float = 6.5) -> tuple[str, float]:
    """Return ``text`` and a size at which it fits ``room`` points on one line.

    A long running title is set smaller, down to ``smallest``.  If it still
    does not fit, words are dropped from the end of its first part (before the
    first " · ") and an ellipsis marks the cut; what follows that separator,
    such as a label saying the content is illustrative, is always kept whole.
    The full title is on the cover and in the document's properties.
    """
    width = stringWidth(text, face, size)
    if width <= room:
        return text, size
    size = max(smallest, size * room / width)
    room += 0.01  # the size just computed fits: rounding must not cut a word
    head, sep, tail = text.partition(" · ")
    words = head.split(" ")
    while stringWidth(text, face, size) > room and len(words) > 1:
        words.pop()
        text = " ".join(words).rstrip(" ,:;·–") + "…" + sep + tail
    first = words[0]
    while stringWidth(text, face, size) > room and len(first) > 1:  # one word longer than a line
        first = first[:-1]
        text = first + "…" + sep + tail
    return text, size


def page_of(number: int, total: int, language: str, label: str = "") -> str:
    """Return the footer's "Page 3 of 7" in the document's language ("Tudalen 3 o 7" in Welsh).

    A part numbered on its own is named by its label: "Notes, page 1 of 2".
    """
    page, of = ("Tudalen", "o") if language.lower().startswith("cy") else ("Page", "of")
    if label:
        return f"{label}, {page.lower()} {number} {of} {total}"
    return f"{page} {number} {of} {total}"


def page_numbers(parts: dict[int, str], pages: int) -> list[tuple[int, int, str]]:
    """Return each page's number, the count it is one of, and its part's label ("" for the rest).

    ``parts`` maps a page to the label of the part starting on it ("" where the
    document's own pages resume).  Each run of pages is numbered and counted on its
    own: a labelled part, and the document's pages before it and after it (each
    language's response in a bilingual document), so that removing the parts leaves
    every run numbered right.

    >>> page_numbers({1: "", 4: "Notes", 6: ""}, 6)
    [(1, 3, ''), (2, 3, ''), (3, 3, ''), (1, 2, 'Notes'), (2, 2, 'Notes'), (1, 1, '')]
    """
    owner = [""] * pages
    for first, label in sorted(parts.items()):
        owner[first - 1:] = [label] * (pages - first + 1)
    runs: list[list[int]] = []  # the pages of each run, 1-based
    for page, label in enumerate(owner, start=1):
        if runs and owner[runs[-1][-1] - 1] == label:
            runs[-1].append(page)
        else:
            runs.append([page])
    return [(n, len(run), owner[page - 1]) for run in runs
            for n, page in enumerate(run, start=1)]


PLACE = re.compile(r"(\{[^{}]*\})")
"""A place the author completes, as every format prints it: "{to be completed: …}"."""


def draw_with_places(canvas: Any, x: float, y: float, text: str, face: str, size: float,
                     highlight: tuple[str, str], ink: str) -> None:
    """Draw one line at (x, y), each place to complete in it highlighted as in the text.

    ``highlight`` is the (fill, ink) of a place, ``ink`` the colour of the rest; the
    line is one text object, so it reads as one line.
    """
    parts = [part for part in PLACE.split(text) if part]
    at = x
    canvas.saveState()
    canvas.setFillColor(colors.HexColor(highlight[0]))
    for part in parts:
        wide = stringWidth(part, face, size)
        if PLACE.fullmatch(part):
            canvas.rect(at - 1, y - 3, wide + 2, size + 3, 0, 1)
        at += wide
    canvas.restoreState()
    line = canvas.beginText(x, y)
    line.setFont(face, size)
    for part in parts:
        line.setFillColor(colors.HexColor(highlight[1] if PLACE.fullmatch(part) else ink))
        line.textOut(part)
    canvas.drawText(line)
