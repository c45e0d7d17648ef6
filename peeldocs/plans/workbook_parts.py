"""How a register sheet prints: the columns an owner reads, in two parts, each a page wide.

A register sheet has some 28 columns, too many for one page at a readable size:
printed whole it took four landscape pages side by side for each set of rows,
most of them raw or worked-out columns (read 33).  It prints two parts instead,
each one page wide at about the size of a printed table's notes, with the Ref at
the left of every page and the marking and headings atop it:

1. where each finding stands, the columns an owner keeps (status to closed on);
2. what an owner writes for the next update: the update, its date and author, and
   any new action or evidence.

The finding's text, its actions, latest update, days overdue, and a closure's
sign-off and evidence print on the sheet 'Summary', one finding to a row; the
inspection's name and kind, and the worked-out columns, stay on screen.  The
register's title is repeated over the first part, so it prints atop its pages,
whose running head points to it.  The two columns only the import reads are
hidden and show nothing even when shown, so no text of theirs reaches a printed
page (a hidden column's wrapped text was printed a letter to a line in
LibreOffice's PDF: read 33).
"""

from __future__ import annotations

from typing import Any

from peeldocs.plans.workbook_print import print_setup

PRINT_PARTS = (("status", "closed_on"), ("new_update", "new_evidence"))
"""The printed parts of a register sheet, each from one column to another by key."""
UNSHOWN = ";;;"
"""A number format that shows nothing: the hidden columns' values stay for the import."""


def parts(cols: dict[str, str], last_row: int) -> list[str]:
    """Return the cell ranges a register sheet prints, one to a part, from row 1.

    >>> parts({"status": "G", "closed_on": "O", "new_update": "X", "new_evidence": "AB"}, 9)
    ['G1:O9', 'X1:AB9']
    """
    return [f"{cols[a]}1:{cols[b]}{last_row}" for a, b in PRINT_PARTS]


def print_parts(ws: Any, cols: dict[str, str], head: str, marking: str | None, *,
                header_row: int, last_row: int, hidden: tuple[str, ...]) -> str:
    """Set a register sheet to print its parts; return the cell the title is repeated in.

    ``cols``: each column's letter by key; ``hidden``: the keys of the columns only
    the import reads, whose cells are made to show nothing.  The title cell
    returned (row 1 over the first part) is merged over that part; its formula
    and stored value are the title's own (:func:`.workbook_sheets.dated_titles`).
    """
    from copy import copy

    from openpyxl.styles import Alignment

    for key in hidden:
        for row in ws.iter_rows(min_row=header_row + 1, max_row=last_row,
                                min_col=_index(cols[key]), max_col=_index(cols[key])):
            for cell in row:
                cell.number_format = UNSHOWN
    first, last = PRINT_PARTS[0]
    at = f"{cols[first]}1"
    ws.merge_cells(f"{at}:{cols[last]}1")
    ws[at].font = copy(ws["B1"].font)
    ws[at].alignment = Alignment(wrap_text=True, vertical="top")
    _same_width(ws, cols)
    print_setup(ws, head, marking, header_row)
    ws.print_area = parts(cols, max(last_row, header_row + 1))
    ws.print_title_cols = f"{cols['finding']}:{cols['finding']}"
    ws.page_setup.fitToWidth = 1  # each part a page wide (at about 63 %: 11 pt prints at 7)
    return at


def _same_width(ws: Any, cols: dict[str, str]) -> None:
    """Widen the last column of a narrower part so every part is as wide as the widest.

    A spreadsheet program fits each part to the page's width: a narrower part printed
    larger, its rows too tall for a page, and a page held one row (read 34).
    """
    from openpyxl.utils import get_column_letter

    def width(letter: str) -> float:
        return float(ws.column_dimensions[letter].width or 8.43)

    spans = [[get_column_letter(i) for i in range(_index(cols[a]), _index(cols[b]) + 1)]
             for a, b in PRINT_PARTS]
    sums = [sum(width(c) for c in span) for span in spans]
    for span, total in zip(spans, sums, strict=True):
        if total < max(sums):
            ws.column_dimensions[span[-1]].width = width(span[-1]) + max(sums) - total


def _index(letter: str) -> int:
    from openpyxl.utils import column_index_from_string

    return int(column_index_from_string(letter))
