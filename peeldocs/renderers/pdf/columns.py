"""A long, narrow table laid out in columns of rows side by side, still one tagged table.

reportlab's BalancedColumns copies what it splits, and a copied cell is no
longer the one the structure tree knows, so its text would be left untagged.
:class:`SideBySide` splits the table itself (reportlab's own row split, which
keeps each cell and repeats the header rows) and draws the parts side by side:
the rows read down the first column, then the next, in one Table element.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Table

_TALL = 1.0e6  # a height that holds any table


class SideBySide(Flowable):  # type: ignore[misc]
    """Draw ``table`` (built at one column's width) in ``columns`` columns, balanced."""

    def __init__(self, table: Table, columns: int, gap: float,
                 placed: list[Table] | None = None) -> None:
        super().__init__()
        self.table = table
        self.columns = columns
        self.gap = gap
        self.placed = placed  # the parts of a page already laid out by a split
        self.parts: list[Table] = []
        self.rest: Table | None = None

    def _column_width(self, avail_w: float) -> float:
        return (avail_w - self.gap * (self.columns - 1)) / self.columns

    def _cut(self, avail_w: float, height: float) -> tuple[list[Table], Table | None]:
        """Split the table into up to ``columns`` parts no taller than ``height``."""
        width = self._column_width(avail_w)
        parts: list[Table] = []
        rest: Table | None = self.table
        while rest is not None and len(parts) < self.columns:
            _w, tall = rest.wrap(width, _TALL)
            if tall <= height:
                parts.append(rest)
                rest = None
                break
            pieces = Table.split(rest, width, height)  # reportlab's own: the columns balance
            if len(pieces) < 2:
                break
            parts.append(pieces[0])
            rest = pieces[1]
        return parts, rest

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        """Balance the columns when all fits; otherwise fill the page's columns and carry on."""
        if self.placed is not None:
            self.parts, self.rest, self.width = self.placed, None, avail_w
            width = self._column_width(avail_w)
            self.height = max((p.wrap(width, _TALL)[1] for p in self.placed), default=0.0)
            return self.width, self.height
        _w, total = self.table.wrap(self._column_width(avail_w), _TALL)
        target = total / self.columns
        for _try in range(20):  # grow the columns until the rows fit in them
            parts, rest = self._cut(avail_w, target)
            if rest is None and parts:
                break
            target += 12.0
        if rest is not None or target > avail_h:
            parts, rest = self._cut(avail_w, avail_h)
        self.parts, self.rest = parts, rest
        width = self._column_width(avail_w)
        heights = [p.wrap(width, _TALL)[1] for p in parts]
        self.width = avail_w
        self.height = max(heights, default=0.0) if rest is None else avail_h
        return self.width, self.height

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        """Return the columns that fit on this page, then the rest as another such table."""
        self.wrap(avail_w, avail_h)
        if not self.parts:
            return []
        if self.rest is None:
            return [self]
        return [SideBySide(self.table, self.columns, self.gap, placed=self.parts),
                SideBySide(self.rest, self.columns, self.gap)]

    def draw(self) -> None:
        """Draw each part at the top of its column, first to last."""
        width = self._column_width(self.width)
        for n, part in enumerate(self.parts):
            _w, tall = part.wrap(width, _TALL)
            part.drawOn(self.canv, n * (width + self.gap), self.height - tall)

    def identity(self, maxLen: Any = None) -> str:
        """Name the flowable in reportlab's layout errors."""
        return f"<SideBySide of {self.columns} columns>"
