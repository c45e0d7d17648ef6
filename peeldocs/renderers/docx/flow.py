"""DOCX page flow the renderer cannot see: estimated heights, short tails, columns of rows.

Word and LibreOffice lay out the pages, so the renderer estimates: a
paragraph's height from its characters and the text width (:func:`estimate`).
With that, :func:`keep_tail` chains the last two fifths or so of a section's page
together, so that a section never ends with a line or two alone on its last
page (before the landscape action plan, say), and a table is kept whole only
when it is short enough to move to the next page without leaving a gap
(:func:`short_enough`).  A long, narrow table is laid out in columns of rows, as a section
of its own (:func:`~peeldocs.renderers.docx.markup.columns_props`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

CHAR_PT = 5.3  # the average width of a character of body text (Arial 10.5 pt)
LINE_PT = 14.5  # a line of body text, with its leading
PARA_PT = 8.0  # the space a paragraph adds
HEADING_PT = 34.0  # a heading with the space around it
TAIL = 0.4
"""The share of a page a section's last lines keep together: what spills onto its last page
is never less.  At 0.3 the committee paper's and the update paper's last pages were 28%
full in LibreOffice (section 8 and the source alone, read 35), at 0.4 37–38%; at 0.5 the
update paper's page before its last was left a third full."""
WHOLE = 1 / 3  # a table kept whole may take up to this share of a page
KEPT_WHOLE = 2 / 3
"""A table marked ``keep_with_heading`` is kept whole up to this share of a page."""

HEADING_AFTER_TABLE = 360
"""Space before a top-level heading that follows a table, in twentieths of a point (18 pt)."""
LIMITED_AFTER = 80
"""On a page-limited page, a paragraph's space after in twentieths of a point (Normal: 140)."""
LIMITED_HEADING_BEFORE, LIMITED_HEADING_AFTER = 168, 84
"""On a page-limited page, a sub-heading's space before and after in twentieths of a point
(Heading 2: 280 and 140), the share of them the PDF keeps (``LIMITED_SPACE``)."""
LIMITED_LINE = 276
"""On a page-limited page, line spacing in 240ths of a line (Normal: 288)."""

_PARA = re.compile(r"<w:p>.*?</w:p>|<w:p/>", re.S)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def text_of(xml: str) -> str:
    """Return the text of the runs in ``xml``."""
    return "".join(_TEXT.findall(xml))


def spacing(style: str, after_table: bool, limited: bool) -> str:
    """Return a paragraph's spacing element, or "" to keep its style's.

    Space before the first paragraph after a table; on a page-limited page (the
    one-page brief) text set closer, as its PDF sets it (a list keeps its own
    spacing between items), a sub-heading closer to the text around it.  Headings otherwise
    keep their own space, but a top-level
    heading, which has none before it (it starts its section's page), is set
    apart from a table it follows ("Notes on this pack" under the action plan).
    """
    if style.startswith(("Heading", "Title")):
        if limited and style not in ("Title", "Heading 1"):  # set closer, as in the PDF
            return (f'<w:spacing w:before="{LIMITED_HEADING_BEFORE}"'
                    f' w:after="{LIMITED_HEADING_AFTER}"/>')
        return f'<w:spacing w:before="{HEADING_AFTER_TABLE}"/>' if (
            after_table and style == "Heading 1") else ""
    before = ' w:before="160"' if after_table else ""
    if limited:
        after = "" if style.startswith("List") else f' w:after="{LIMITED_AFTER}"'
        return f'<w:spacing{before}{after} w:line="{LIMITED_LINE}" w:lineRule="auto"/>'
    return f"<w:spacing{before}/>" if before else ""


def estimate(xml: str, width_pt: float) -> float:
    """Return the estimated height (pt) of one paragraph at ``width_pt``."""
    if re.search(r'<w:pStyle w:val="(Heading|Title)', xml):
        return HEADING_PT
    chars = len(text_of(xml))
    lines = max(1, math.ceil(chars * CHAR_PT / max(width_pt, 1.0)))
    return lines * LINE_PT + PARA_PT


def short_enough(cells: list[list[tuple[str, float]]], page_pt: float,
                 share: float = WHOLE) -> bool:
    """Whether a table (rows of cells: XML and width in pt) takes at most ``share`` of a page."""
    total = 0.0
    for row in cells:  # cell text is smaller than body text: 0.85 of a line, less space
        total += max((sum(estimate(p, width) * 0.85 for p in _PARA.findall(xml))
                      for xml, width in row), default=0.0)
        if total > page_pt * share:
            return False
    return True


START_ROWS = 8  # a long table's first rows, kept with its header: it starts on the next page
START_SHARE = 0.25  # ... rather than with fewer at a page's foot (or fewer rows this tall)
TAIL_ROWS = 3  # a long table's last rows, kept together: never one or two alone on a page


def start_and_tail(cells: list[list[tuple[str, float]]], heads: int, page_pt: float,
                   grouped: Iterable[int] = ()) -> frozenset[int]:
    """Return the rows of a table to keep with the next: ``grouped``, its start and its tail.

    ``grouped`` rows are counted from the first row under the header.

    The header rows and the first :data:`START_ROWS` rows (or fewer, when they
    would take more than :data:`START_SHARE` of a page), so that it starts on
    the next page rather than with a few rows at this one's foot; and the rows
    before its last, so that its last :data:`TAIL_ROWS` rows share a page.
    """
    body, given = len(cells) - heads, frozenset(heads + r for r in grouped)
    if body <= START_ROWS + TAIL_ROWS:
        return given
    kept, used = set(range(heads)) | given, 0.0
    for r in range(heads, heads + START_ROWS - 1):
        used += max((sum(estimate(p, width) * 0.85 for p in _PARA.findall(xml))
                     for xml, width in cells[r]), default=0.0)
        if used > page_pt * START_SHARE:
            break
        kept.add(r)
    kept.update(range(len(cells) - TAIL_ROWS, len(cells) - 1))
    return frozenset(kept)


def keep_with_next(content: str) -> str:
    """Return paragraphs that each keep with the next (in cells, Word's way to keep rows together)."""
    def keep(match: re.Match[str]) -> str:
        props = match.group(1) or ""
        if "<w:keepNext/>" in props:
            return match.group(0)
        style = re.match(r"<w:pStyle [^>]*/>", props)  # keepNext comes after the style
        at = style.end() if style else 0
        return f"<w:p><w:pPr>{props[:at]}<w:keepNext/>{props[at:]}</w:pPr>"

    return re.sub(r"<w:p>(?:<w:pPr>(.*?)</w:pPr>)?", keep, content)


def keep_short_group(xml: str, width_pt: float, page_pt: float) -> str:
    """Keep a short run of paragraphs (a call-out's body) whole on one page.

    Each paragraph keeps its lines together, and each but the last keeps with
    the next; only when the run takes at most :data:`WHOLE` of a page, so that
    moving it whole to the next page never leaves a large gap.
    """
    paragraphs: list[str] = _PARA.findall(xml)
    if not paragraphs or "".join(paragraphs) != xml or \
            sum(estimate(p, width_pt) for p in paragraphs) > page_pt * WHOLE:
        return xml
    return "".join(_keep(p, lines=True) for p in paragraphs[:-1]) + \
        _keep(paragraphs[-1], lines=True, following=False)


def _keep(paragraph: str, *, lines: bool = False, following: bool = True) -> str:
    """Return a paragraph that keeps with the next (``following``), its lines together (``lines``).

    The elements go where the schema puts them: after the style, keepNext then keepLines.
    """
    props = re.match(r"<w:p><w:pPr>(.*?)</w:pPr>", paragraph, re.S)
    inner = props.group(1) if props else ""
    rest = paragraph[props.end():] if props else paragraph.removeprefix("<w:p>")
    if paragraph == "<w:p/>":
        rest = "</w:p>"
    style = re.match(r"<w:pStyle [^>]*/>", inner)  # keepNext comes after the style
    at = style.end() if style else 0
    head, tail = inner[:at], inner[at:]
    has_next = tail.startswith("<w:keepNext/>")
    if has_next:
        tail = tail[len("<w:keepNext/>"):]
    kept = "<w:keepNext/>" if following or has_next else ""
    if lines and not tail.startswith("<w:keepLines/>"):
        kept += "<w:keepLines/>"
    return f"<w:p><w:pPr>{head}{kept}{tail}</w:pPr>" + rest


def keep_tail(parts: list[str], start: int, width_pt: float, page_pt: float) -> None:
    """Chain the paragraphs at the end of ``parts[start:]`` (one section) to fill a tail.

    From the section's end backwards, paragraphs are kept with the next until
    they add up to :data:`TAIL` of a page, so that what spills onto the
    section's last page is never less.  The chain stops at a table or a
    drawing, which keep their own rules.
    """
    need = page_pt * TAIL
    chained: list[tuple[int, list[str]]] = []  # part index, its paragraphs
    for index in range(len(parts) - 1, start - 1, -1):
        part = parts[index]
        if "<w:tbl>" in part and part.endswith("</w:tbl>") and chained:
            parts[index] = _keep_last_rows(part, need, width_pt)  # a table's last rows
            break
        if "<w:tbl>" in part or "<w:drawing>" in part or "<w:sectPr" in part:
            break
        paragraphs = _PARA.findall(part)
        if "".join(paragraphs) != part:  # not only paragraphs: leave it as it is
            break
        chained.append((index, paragraphs))
        need -= sum(estimate(p, width_pt) for p in paragraphs)
        if need <= 0:
            break
    last = True
    for index, paragraphs in chained:  # from the end: the very last paragraph keeps nothing
        kept = []
        for paragraph in reversed(paragraphs):
            kept.append(paragraph if last else _keep(paragraph))
            last = False
        parts[index] = "".join(reversed(kept))


def _keep_last_rows(table: str, need: float, width_pt: float) -> str:
    """Keep a table's last rows (up to ``need`` pt, never its header) with what follows it."""
    rows = list(re.finditer(r"<w:tr>.*?</w:tr>", table, re.S))
    out, end = [], len(table)
    for row in reversed(rows):
        xml = row.group(0)
        if "<w:tblHeader/>" in xml or need <= 0:
            break
        cells = re.findall(r"<w:tc>.*?</w:tc>", xml, re.S)
        width = width_pt / max(1, len(cells))
        need -= max((sum(estimate(q, width) * 0.85 for q in _PARA.findall(c)) for c in cells),
                    default=0.0)
        kept = _PARA.sub(lambda m: _keep(m.group(0)), xml)
        out.append(table[row.end():end])
        out.append(kept)
        end = row.start()
    out.append(table[:end])
    return "".join(reversed(out))
