"""Printed HTML's keeps: what a browser must not part at a page's foot (pack.css).

A browser lays out the printed pages itself; the page only says, by class, which
blocks keep with the block after them (``keep-next``) or before them (``keep-prev``),
and which tables are short enough to keep whole (``keep``).

- A short table keeps whole (:func:`keeps_whole`), as in the PDF.
- A short quotation or a colon's line before a heading leads into it (:func:`lead_in`).
- A heading keeps with its first substantial block: a grade, a short line, a label or a
  short box under a heading keeps with what follows it too (:func:`keeps`), so that
  "Area for improvement 1" and "Reference E2-AFI-1." never end a page apart from the
  quotation they head, nor a question's heading, grade and one line from its text.
- A letter's closing ("Yours sincerely,": a short line ending with a comma, before more
  lines) is printed on one page with the lines after it and with the letter's short last part
  (else the block before it and the line leading into that block): a sign-off never stands
  alone on the letter's last page, nor splits the last finding from its answer.
- A last heading over only small print (the source and licence) keeps with what comes before
  it, so that it never stands alone on a last page.
- A running header wraps between its phrases (:func:`phrases`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from peeldocs import blocks as b

KEEP_ROWS = 12
"""A printed table of at most this many rows (its header's included) ..."""
KEEP_SHARE = 0.6
"""... and at most this share of a page's text area tall is short: kept whole, as in the PDF."""
# the printed page's text area (pack.css: A4 with 20 mm margins, portrait or landscape) and
# a table's type on it, in points: width, height, font size, line height, a cell's padding
# across and down
_PRINT = {False: (481.9, 728.5, 9.0, 1.5, 8.4, 7.2), True: (728.5, 481.9, 8.5, 1.3, 8.4, 4.8)}
_WRAP_SLACK = 1.15  # lines break at words: a little more than the text's width over the column's
_AVERAGE = 0.5  # a character's average width in Arial, in ems: an estimate, for any text


def keeps_whole(table: b.Table, wide: bool = False) -> bool:
    """Whether ``table`` is short when printed (few rows, a small part of a page): never split.

    The browser cannot say how tall a table will print before it prints it; this
    estimates it from the length of each cell's text and its column's share of the page
    (on a landscape page if ``wide``).  A longer table splits by rows.
    """
    rows = [*table.header, *table.rows]
    if not rows or len(rows) > KEEP_ROWS:
        return False
    return _tall(table, wide) <= _PRINT[wide][1] * KEEP_SHARE


def _tall(table: b.Table, wide: bool = False) -> float:
    """Return about how tall ``table`` prints, in points (:func:`keeps_whole`)."""
    rows = [*table.header, *table.rows]
    across, _page, size, leading, pad_x, pad_y = _PRINT[wide]
    total = sum(table.widths) or 1
    room = [max(across * w / total - pad_x, size) for w in table.widths]
    tall = 0.0
    for cells in rows:
        lines = max((math.ceil(len(b.inline_text(c.runs)) * size * _AVERAGE * _WRAP_SLACK / room[i])
                     for i, c in enumerate(cells) if i < len(room)), default=1)
        tall += max(lines, 1) * size * leading + pad_y
    return tall


def phrases(text: str, longest: int = 50) -> str:
    """Return ``text`` with each short phrase between " · " kept on one line (no-break spaces).

    A running header too long for one printed line then wraps between its phrases
    ("… assessment · / ILLUSTRATIVE EXAMPLE: NOT AN HMICFRS REPORT"), never inside one.
    """
    return " · ".join(p.replace(" ", "\u00a0") if len(p) <= longest else p
                      for p in text.split(" · "))


LEAD_IN = 200
"""A lead-in this long or shorter keeps with the heading after it, printed."""


def lead_in(block: b.Block, following: b.Block | None, html: str) -> str:
    """Return ``html``, marked ``lead-in`` if a short quotation or colon's line heads a heading."""
    text = _text(block)
    if isinstance(block, b.Paragraph) and isinstance(following, b.Heading) and (
            block.style is b.ParaStyle.QUOTE or text.endswith(":")) and len(text) <= LEAD_IN:
        for tag in ("<blockquote>", "<p>"):
            if html.startswith(tag):
                return f'{tag[:-1]} class="lead-in">{html[len(tag):]}'
    # a colon's line never ends a page apart from the quotation or table it leads into
    # ("5.1 The report summarises its findings in these words:": read 35)
    quoted = isinstance(following, b.Table) or (
        isinstance(following, b.Paragraph) and following.style is b.ParaStyle.QUOTE)
    if isinstance(block, b.Paragraph | b.NumberedParagraph) and quoted and text.endswith(":") and (
            len(text) <= LEAD_IN and html.startswith("<p")):
        return _classed(html, "lead-in")
    return html


SHORT_LINE = 100
"""A paragraph this long or shorter prints on about one line (A4, 10.5 pt): a label, not text."""
SHORT_BOX = 200
"""A box whose text is this long or shorter is a note under a heading, not its text."""
CLOSING = 30
"""A line this long or shorter, ending with a comma, before more lines, closes a letter."""


LAST_PART = 7
"""A letter's last part of this many blocks or fewer prints whole with its closing."""


def _closing(blocks: Sequence[b.Block], n: int) -> bool:
    """Whether block ``n`` closes a letter: a short line ending with a comma, short lines after.

    "Yours sincerely," then a name and a role; not "Dear …," then the letter.
    """
    text = _text(blocks[n]) if isinstance(blocks[n], b.Paragraph) else ""
    after = []
    for block in blocks[n + 1:]:
        if not isinstance(block, b.Paragraph):
            break
        after.append(_text(block))
    return (n > 0 and len(text) <= CLOSING and text.endswith(",") and bool(after)
            and all(len(line) <= SHORT_LINE for line in after))


def _sign_off(blocks: Sequence[b.Block], out: list[str],
              kept: Sequence[tuple[int, int]] = ()) -> None:
    """Wrap each closing, the lines after it and the block before it in one ``sign-off``.

    One that would start inside a block ``kept`` whole starts with that block.
    """
    for n in range(len(blocks)):
        if not _closing(blocks, n):
            continue
        start, end = n - 1, n + 1
        lead = blocks[start - 1] if start else None
        if (isinstance(blocks[start], b.Table | b.BulletList) and isinstance(lead, b.Paragraph)
                and lead.style is not b.ParaStyle.QUOTE):
            start -= 1  # the line that leads into the table or list goes with it
        heads = [i for i in range(max(0, n - LAST_PART), n) if isinstance(blocks[i], b.Heading)]
        if heads:  # a short last part of the letter goes whole with it (a finding, its answer)
            start = heads[-1]
        start = next((first for first, last in kept if first < start <= last), start)
        while end + 1 < len(blocks) and isinstance(blocks[end + 1], b.Paragraph):
            end += 1
        out[start] = f'<div class="sign-off">\n{out[start]}'
        out[end] = f"{out[end]}</div>\n"


LAST_NOTE = 600
"""A last note this long or shorter under the last heading (the source) ends the page before."""


def _last_note(after: Sequence[b.Block]) -> bool:
    """Whether a heading heads only small print, or one short note, to the end (the source)."""
    return bool(after) and all(isinstance(k, b.Paragraph) for k in after) and (
        all(k.style is b.ParaStyle.SMALL for k in after if isinstance(k, b.Paragraph))
        or sum(len(_text(k)) for k in after) <= LAST_NOTE)


def _text(block: b.Block) -> str:
    if isinstance(block, b.Paragraph | b.NumberedParagraph):
        return b.inline_text(block.runs).strip()
    if isinstance(block, b.Callout):
        return " ".join([block.title, *(_text(child) for child in block.body)])
    if isinstance(block, b.BulletList):
        return " ".join(b.inline_text(item) for item in block.items)
    return ""


def _minor(block: b.Block) -> bool:
    """Whether ``block``, under a heading, is too slight to end a page there."""
    if isinstance(block, b.GradeBadge):
        return True
    if isinstance(block, b.Paragraph):
        return len(_text(block)) <= SHORT_LINE
    return isinstance(block, b.Callout) and len(_text(block)) <= SHORT_BOX


def _classed(html: str, name: str) -> str:
    """Return ``html`` with class ``name`` added to its first element."""
    found = re.match(r"<(\w+)( class=\")?", html)
    if found is None:
        return html
    if found.group(2):
        return f"{html[:found.end()]}{name} {html[found.end():]}"
    return f'{html[:found.end()]} class="{name}"{html[found.end():]}'


KEEP_BLOCK = 0.45
"""A table kept with its heading prints whole with it if the whole is at most this share of a page."""
_LINE = (95, 10.5 * 1.4)  # a printed line of text: about this many characters, this tall (pt)


def _kept(blocks: Sequence[b.Block], out: list[str]) -> list[tuple[int, int]]:
    """Wrap each short table marked ``keep_with_heading``, from its heading, in a ``keep-block``.

    As in the PDF: a finding's heading, quotation, deadline line and response table are
    never parted at a page's foot (read 35: a quotation ended a page, its deadline and
    table on the next).  Return the wrapped spans, first and last block.
    """
    spans = []
    head, lines = None, 0  # the heading a table may keep with, and the lines since it
    for n, block in enumerate(blocks):
        if isinstance(block, b.Heading):
            head, lines = n, 0
        if isinstance(block, b.Table) and block.keep_with_heading and head is not None and (
                lines * _LINE[1] + _tall(block) <= _PRINT[False][1] * KEEP_BLOCK):
            out[head] = f'<div class="keep-block">\n{out[head]}'
            out[n] = f"{out[n]}</div>\n"
            spans.append((head, n))
        if isinstance(block, b.PageBreak | b.Table):  # no keep across a break or a table
            head = None
        lines += math.ceil(len(_text(block)) / _LINE[0]) + 1
    return spans


LAST_PART_SHARE = 0.4
"""A document's short last part, before its source, prints whole with it up to this share of a page."""


def _last_part(blocks: Sequence[b.Block], out: list[str]) -> None:
    """Wrap a short last part of text and the source after it in one ``keep-block``.

    "8. Implications" with its three short paragraphs and the source under it print on
    one page, never 8.1 and 8.2 at one page's foot and 8.3 alone over the source on the
    next (read 35).  Only text: a part holding a table or a box is left to its own keeps.
    """
    heads = [i for i, k in enumerate(blocks) if isinstance(k, b.Heading)]
    if len(heads) < 2 or not _last_note(blocks[heads[-1] + 1:]):
        return
    part = blocks[heads[-2]:]
    if all(isinstance(k, b.Heading | b.Paragraph | b.NumberedParagraph) for k in part) and (
            sum(math.ceil(len(_text(k)) / _LINE[0]) + 1 for k in part) * _LINE[1]
            <= _PRINT[False][1] * LAST_PART_SHARE):
        out[heads[-2]] = f'<div class="keep-block">\n{out[heads[-2]]}'
        out[-1] = f"{out[-1]}</div>\n"


def keeps(blocks: Sequence[b.Block], parts: Sequence[str]) -> list[str]:
    """Return the blocks' HTML (``parts``), each marked with what it keeps with in print."""
    out: list[str] = []
    after_heading = False
    for n, (block, html) in enumerate(zip(blocks, parts, strict=True)):
        following = blocks[n + 1] if n + 1 < len(blocks) else None
        html = lead_in(block, following, html)
        if isinstance(block, b.Heading):
            after_heading = True
            if _last_note(blocks[n + 1:]):
                html = _classed(html, "keep-prev")
        elif after_heading and _minor(block) and following is not None and (
                not isinstance(following, b.Heading) or not isinstance(block, b.Paragraph)):
            # a heading's only line keeps with it, no further; a grade or a box goes on
            html = _classed(html, "keep-next")
        else:
            after_heading = False
        out.append(html)
    _sign_off(blocks, out, _kept(blocks, out))
    _last_part(blocks, out)
    return out
