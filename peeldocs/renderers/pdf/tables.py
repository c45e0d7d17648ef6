"""Tables, grade badges and number panels as reportlab flowables."""

from __future__ import annotations

import dataclasses

from reportlab.lib import colors
from reportlab.platypus import (
    Flowable,
    FrameBreak,
    NextPageTemplate,
    PageBreak,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import _listWrapOn

from peeldocs import blocks as b
from peeldocs.renderers.pdf.canvas import Mark
from peeldocs.renderers.pdf.styles import FACES, Styles, clean, markup, variant
from peeldocs.renderers.pdf.tagging import StructElem, Tagger, table_callback
from peeldocs.renderers.pdf.text import Paragraph
from peeldocs.theme import Theme

TAIL_ROWS = 3  # a table split over pages carries at least this many rows to its last page
TAIL_SHARE = 0.25  # ... and at least this share of a page, where it has the rows to give
KEEP_FULL = 0.75  # ... never leaving the page it starts on less full than this


def _last_page(heights: list[float], room: float) -> float:
    """Return how tall the rows ``heights`` are on the last page, filled from a fresh page's top."""
    used = 0.0
    for height in heights:
        used = height if used and used + height > room else used + height
    return used


class RowTable(Table):  # type: ignore[misc]
    """A data table whose last page is never one or two rows alone.

    Where reportlab would split it leaving its last page with fewer than
    :data:`TAIL_ROWS` rows, or less than :data:`TAIL_SHARE` of a page (the last
    action-plan row alone on a landscape page, three rows of a 43-force table
    with a page to themselves), it splits a few rows earlier, so the rows carried
    over keep company with those before; a table of a few tall rows splits no
    more unevenly than half and half.  It never gives so many that the page it
    starts on is left less than :data:`KEEP_FULL` full (read 3 of the register:
    two rows on a page 40% blank read worse than one row carried over).

    A table with more of its section after it (:func:`note_company`: a pack's notes
    after its action plan) is not alone on its last page: what follows counts
    towards that page's share, and no rows are needed for company (read 19-P: two
    rows on a page a quarter blank, to keep two company that the notes kept anyway).
    """

    company: Following | tuple[()] = ()
    """What follows the table in its section, up to the section's end or a page break."""

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        """Split as reportlab does, then move rows over until the last page has enough.

        The rows moved leave room at this page's foot: a frame break after the first
        part keeps the rest from flowing back into it.
        """
        parts: list[Flowable] = super().split(avail_w, avail_h)
        heights: list[float] = list(getattr(self, "_rowHeights", None) or [])
        if len(parts) != 2 or not heights or getattr(self, "splitInRow", False):
            return parts
        head = self.repeatRows if isinstance(self.repeatRows, int) else 0
        try:  # a fresh page's frame; the room here when it is not known
            frame = float(getattr(self._doctemplateAttr("frame"), "_height", avail_h))
        except AttributeError:
            frame = avail_h
        room = frame - sum(heights[:head])
        first = len(parts[0]._cellvalues)
        after = _height_within(self.company, sum(self._colWidths), self.canv, frame) \
            if self.company else 0.0  # what the table's last page holds after its rows
        rows = 0.0 if after else sum(heights[-TAIL_ROWS:])
        need = min(max(rows, TAIL_SHARE * frame), room) - after
        # a short table of tall rows gives until the two parts are even (two and two)
        floor = head + min(TAIL_ROWS, (len(heights) - head + 1) // 2)
        keep = first
        used = frame - avail_h  # this page's height above the table
        while (keep > floor and _last_page(heights[keep:], room) < need
               and used + sum(heights[:keep - 1]) >= KEEP_FULL * frame):
            keep -= 1
        if keep == first:
            return parts  # nothing to give: as reportlab split it
        earlier: list[Flowable] = super().split(avail_w, sum(heights[:keep]) + 0.5)
        return [earlier[0], FrameBreak(), earlier[1]] if len(earlier) == 2 else parts


def note_company(story: list[Flowable]) -> None:
    """Tell each data table what follows it in its section (see :class:`RowTable`).

    That is the flowables after it up to the section's end mark or a page break:
    they share the table's last page, so its rows need no other company there.
    One pass from the end: a section of many tables costs no more per table than
    a section of one (read with :func:`_height_within`, never copied).
    """
    held = tuple(story)
    end = len(held)
    for i in range(len(held) - 1, -1, -1):
        flow = held[i]
        if isinstance(flow, Mark | PageBreak | NextPageTemplate):
            end = i
        elif isinstance(flow, RowTable):
            flow.company = Following(held, i + 1, end)


@dataclasses.dataclass(frozen=True, eq=False)
class Following:
    """The flowables ``story[start:end]``, named without copying them."""

    story: tuple[Flowable, ...]
    start: int
    end: int

    def __len__(self) -> int:
        return max(self.end - self.start, 0)

    def first(self, count: int) -> list[Flowable]:
        """Return the first ``count`` flowables (all of them when there are fewer)."""
        return list(self.story[self.start:min(self.start + count, self.end)])


def _height_within(company: Following, width: float, canv: object, limit: float) -> float:
    """Return how tall ``company`` is laid out together, or ``limit`` where it is taller.

    The flowables are measured in growing runs from the first (4, 8, 16 ...) until a
    run reaches ``limit``: a run's height never falls as it grows, so the answer is
    that of measuring them all, at the cost of a page's worth.
    """
    count = 4
    while True:
        run = company.first(count)
        height = float(_listWrapOn(run, width, canv)[1])
        if height >= limit or len(run) == len(company):
            return min(height, limit)
        count *= 2


def _cell_para(cell: b.Cell, style: object, theme: Theme, *, bold: bool = False) -> Paragraph:
    if cell.tone is not None:
        _fill, ink = theme.tone(cell.tone)
        style = variant(style, "toned", textColor=colors.HexColor(ink))
    if bold:
        style = variant(style, "strong", fontName=FACES["bold"])
    return Paragraph(markup(cell.runs, theme.accent, theme.tone(b.Tone.AMBER)[0],
                            whole_dates=False), style)


def lang_of(runs: tuple[b.Inline, ...]) -> dict[str, str]:
    """Return the ``Lang`` attribute for an element whose runs are all in one other language."""
    tag = b.runs_language(runs)
    return {"Lang": tag} if tag else {}


def table_flowable(block: b.Table, width: float, s: Styles, theme: Theme, tagger: Tagger,
                   parent: StructElem, *, compact: bool = False) -> Table:
    """Return a tagged table that fits ``width``, with header rows repeated on every page.

    Header rows become THead > TR > TH (scope Column); in a table without header
    rows, or with ``row_headers``, the first column holds row headers, TH (scope
    Row).  Highlighted rows are framed and set in bold.  A ``compact`` table
    (laid out side by side) has less space above and below each row's text; one at
    ``body_size`` is set at the body text's size.
    """
    total = sum(block.widths)
    col_widths = [width * w / total for w in block.widths]
    if block.body_size:  # the text itself, at the body's size
        size = s.body.fontSize
        s = dataclasses.replace(s, cell=variant(s.cell, "cellbody", fontSize=size,
                                                leading=size * 1.3),
                                cell_head=variant(s.cell_head, "cellheadbody", fontSize=size,
                                                  leading=size * 1.3))
    right = variant(s.cell, "cellnum", alignment=2)
    elem = parent.add("Table")
    cells: dict[int, StructElem] = {}
    data = []
    head = elem.add("THead") if block.header else None
    for row in block.header:
        tr = head.add("TR")  # type: ignore[union-attr]
        head_right = variant(s.cell_head, "cellheadnum", alignment=2)
        paras = [_cell_para(c, head_right if i in block.numeric_columns else s.cell_head, theme)
                 for i, c in enumerate(row)]
        for para, cell in zip(paras, row, strict=True):
            cells[id(para)] = tr.add("TH", Scope="Column", **lang_of(cell.runs))
        data.append(paras)
    body = elem.add("TBody")
    for r, row in enumerate(block.rows):
        tr = body.add("TR")
        strong = r in block.highlight_rows
        paras = [_cell_para(c, right if i in block.numeric_columns else s.cell, theme,
                            bold=strong) for i, c in enumerate(row)]
        for i, para in enumerate(paras):
            row_head = (not block.header or block.row_headers) and i == 0
            lang = lang_of(row[i].runs)
            cells[id(para)] = tr.add("TH", Scope="Row", **lang) if row_head else tr.add("TD", **lang)
        data.append(paras)
    n_head = len(block.header)
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FACES["regular"]),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 2 if compact else 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3 if compact else 5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.HexColor(theme.rule)),
    ]
    if n_head:
        commands += [("BACKGROUND", (0, 0), (-1, n_head - 1),
                      colors.HexColor(theme.table_header_fill))]
    for r, row in enumerate(block.rows, start=n_head):
        for c, cell in enumerate(row):
            if cell.tone is not None:
                fill, _ink = theme.tone(cell.tone)
                commands.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(fill)))
        if r - n_head in block.highlight_rows:
            commands.append(("BOX", (0, r), (-1, r), 2.5, colors.HexColor(theme.text)))
    return RowTable(data, colWidths=col_widths, repeatRows=n_head, hAlign="LEFT",
                    style=TableStyle(commands), renderCB=table_callback(tagger, cells))


def grade_badge(block: b.GradeBadge, width: float, s: Styles, theme: Theme, tagger: Tagger,
                parent: StructElem) -> Table:
    """Return a badge: its key ("Judgment") then the grade in words on its tone, then the note.

    It is laid out as a table but read as one paragraph (P).
    """
    fill, ink = theme.tone(block.tone)
    label = Paragraph(f"<b>{clean(block.label)}</b>",
                      variant(s.body, "badge", textColor=colors.HexColor(ink), spaceAfter=0,
                                   fontSize=s.body.fontSize * 1.15,
                                   leading=s.body.fontSize * 1.4))
    key = Paragraph(clean(block.key), variant(s.small, "badgekey", spaceAfter=0))
    note = Paragraph(clean(block.note or ""), variant(s.small, "badgenote", spaceAfter=0))
    key.continues = label.continues = True  # one P read aloud: "Judgment Good ..."
    para = parent.add("P")
    cells = {id(key): para, id(label): para, id(note): para}
    table = Table([[key, label, note]], colWidths=[62, 150, width - 212], hAlign="LEFT",
                  renderCB=table_callback(tagger, cells),
                  style=TableStyle([
                      ("BACKGROUND", (1, 0), (1, 0), colors.HexColor(fill)),
                      ("FONTNAME", (0, 0), (-1, -1), FACES["regular"]),
                      ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                      ("LEFTPADDING", (0, 0), (0, 0), 0),
                      ("LEFTPADDING", (1, 0), (1, 0), 8),
                      ("LEFTPADDING", (2, 0), (2, 0), 10),
                      ("TOPPADDING", (0, 0), (-1, -1), 5),
                      ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                  ]))
    return table


def stat_panel(block: b.StatPanel, width: float, s: Styles, theme: Theme, tagger: Tagger,
               parent: StructElem) -> Table:
    """Return a row of tiles, each a large number over its label in words (one P each)."""
    n = max(1, len(block.items))
    big = variant(s.body, "stat", fontName=s.cell_head.fontName, fontSize=s.body.fontSize * 2,
                       leading=s.body.fontSize * 2.3, spaceAfter=0)
    cells = []
    group = parent.add("Div")
    elems: dict[int, StructElem] = {}
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FACES["regular"]),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
    ]
    for i, item in enumerate(block.items):
        fill, ink = theme.tone(item.tone)
        colour = colors.HexColor(ink)
        tile = [Paragraph(clean(item.value), variant(big, "statv", textColor=colour)),
                Paragraph(clean(item.label), variant(s.cell, "statl", textColor=colour))]
        tile[0].continues = True  # "3 areas for improvement", not "3areas"
        para = group.add("P")
        elems[id(tile[0])] = para
        cells.append(tile)
        commands.append(("BACKGROUND", (i, 0), (i, 0), colors.HexColor(fill)))
        commands.append(("LINEAFTER", (i, 0), (i, 0), 4, colors.white))
    return Table([cells], colWidths=[width / n] * n, hAlign="LEFT", style=TableStyle(commands),
                 renderCB=table_callback(tagger, elems))
