"""What stays together at a page foot: a short table whole, a heading or lead-in with a table's start.

:class:`KeepShort` keeps a short table whole; :class:`KeepWithStart` keeps a
heading, or the paragraph that introduces a table or list, with the start of
what it introduces only, so that a long table or a list of long items starts
where it is and splits (a table's header repeated) rather than leave a third of a
page empty before it (read 32: a committee paper's findings table moved whole).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table
from reportlab.platypus.flowables import _listWrapOn

from peeldocs.renderers.pdf.flowables import BulletItem, QuoteBar
from peeldocs.renderers.pdf.tagging import Tagged

START_ROWS = 8  # the rows of a table (after its header rows) that stay with its heading
START_HEIGHT = 180.0  # ... or fewer, when the first rows are this tall: a start, not a page
START_SHARE = 0.25  # ... or this share of a page, if less (a landscape page's rows of quotations)
START_LINES = 3  # the lines of a paragraph that stay with its heading
SHORT_ROWS = 12  # a table of at most this many rows (header included) ...
SHORT_SHARE = 0.6  # ... and at most this share of a page tall is short: never split
LEAD_START = 60.0  # a lead-in keeps a long table's header and first rows to this height (one at least)
LONG_ITEM_LINES = 2  # a lead-in keeps only the first item of a list whose items are all this long


def short_table(flow: Flowable, height: float, frame: float) -> bool:
    """Whether ``flow`` is a short table (a few rows, a small part of a page): kept whole."""
    inner = flow.inner if isinstance(flow, Tagged) else flow
    rows: list[float] = getattr(inner, "_rowHeights", None) or [] \
        if isinstance(inner, Table) else []
    return bool(rows) and len(rows) <= SHORT_ROWS and height <= frame * SHORT_SHARE


class KeepShort(KeepTogether):  # type: ignore[misc]
    """A table kept whole when it is short (see :func:`short_table`).

    It moves to the next page rather than leave its last rows, or its total,
    alone there; a longer table splits by rows as it would alone.
    """

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        """Measure as KeepTogether does, and whether the table is short enough to keep."""
        width, height = super().wrap(avail_w, avail_h)
        frame = getattr(self._doctemplateAttr("frame"), "_height", avail_h)
        self.short = short_table(self._content[-1], float(getattr(self, "_H", 0.0)), frame)
        return width, height

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        """Move a short table whole; split a longer one as it would split alone."""
        if getattr(self, "_wrapInfo", None) != (avail_w, avail_h):
            self.wrap(avail_w, avail_h)
        if self.short:
            return super().split(avail_w, avail_h)  # type: ignore[no-any-return]
        return self._content[-1].splitOn(self.canv, avail_w, avail_h)  # type: ignore[no-any-return]


class KeepWithStart(KeepTogether):  # type: ignore[misc]
    """Keep flowables together, the last of them only as far as its start (a table's first rows).

    With ``lead_in`` (a paragraph, then the table or list it introduces), a table
    that fits a page but not with its paragraph is not split for it: the paragraph
    stays where it falls and the table moves whole, as it would alone.  A short
    table (:func:`short_table`) moves with its paragraph to the next page where
    both do not fit here.  A longer one starts here wherever its paragraph, header
    and first rows (:data:`LEAD_START`) fit, its header repeated where it splits,
    rather than leave a third of a page empty (read 32: a committee paper's
    findings table moved whole to the next page); and so does a list of long items
    (:data:`LONG_ITEM_LINES`), kept with its lead-in only as far as its first item.
    """

    def __init__(self, flowables: list[Flowable], lead_in: bool = False) -> None:
        super().__init__(flowables)
        self.lead_in = lead_in

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        """Measure as KeepTogether does, then count only the start of the last flowable."""
        dims: list[tuple[float, float]] = []
        width, height = _listWrapOn(self._content, avail_w, self.canv, dims=dims)
        self._H, self._H0, self._wrapInfo = height, (dims[0][1] if dims else 0), (avail_w, avail_h)
        last = self._content[-1]
        inner = last
        while isinstance(inner, Tagged | QuoteBar):  # a quotation's paragraph is a paragraph
            inner = inner.inner
        rows = getattr(inner, "_rowHeights", None) if isinstance(inner, Table) else None
        frame = getattr(self._doctemplateAttr("frame"), "_height", avail_h)  # a whole page
        if rows and len(dims) == len(self._content):
            start = sum(rows[:inner.repeatRows])
            body = 0.0  # a long table starts on the next page rather than with a few rows here
            enough = LEAD_START if self.lead_in else min(START_HEIGHT, START_SHARE * frame)
            for n, row in enumerate(rows[inner.repeatRows:inner.repeatRows + START_ROWS]):
                if n and body >= enough:  # tall rows of quoted findings: two or three will do
                    break
                body += row
            start += body
        elif isinstance(inner, Paragraph) and len(dims) == len(self._content):
            start = min(dims[-1][1], inner.style.leading * START_LINES)
        else:
            start = dims[-1][1] if dims else 0.0
        short = bool(dims) and len(dims) == len(self._content) and \
            short_table(last, dims[-1][1], frame)
        if short:
            start = dims[-1][1]  # a short table is never split from its heading or lead
        if dims and self.lead_in and height > frame >= dims[-1][1] and not short:
            # the table fits a page, but not with its lead: each goes as it would alone
            self._H = sum(h for _w, h in dims[:-1])
        elif dims and self.lead_in and height <= frame and (short or height <= avail_h):
            self._H = height  # a short table, or all of it fits here: kept together
        elif dims and self.lead_in and self._long_items(dims):
            self._H = _listWrapOn(self._content[:2], avail_w, self.canv)[1]  # lead, first item
        elif dims:  # what must fit on this page, or all of it moves on
            self._H = min(height, height - dims[-1][1] + start)
        return width, 0xFFFFFF  # always split, as KeepTogether does

    def _long_items(self, dims: list[tuple[float, float]]) -> bool:
        """Whether the flowables after the lead-in are two or more list items, each long."""
        items = self._content[1:]
        return len(items) > 1 and len(dims) == len(self._content) and all(
            isinstance(f, BulletItem) and h >= LONG_ITEM_LINES * _leading(f)
            for f, (_w, h) in zip(items, dims[1:], strict=True))


def _leading(flow: Flowable) -> float:
    """Return the line height of the paragraph inside ``flow`` (a list item's, say)."""
    while not isinstance(flow, Paragraph) and hasattr(flow, "inner"):
        flow = flow.inner
    return float(flow.style.leading) if isinstance(flow, Paragraph) else 14.0
