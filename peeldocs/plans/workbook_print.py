"""How the register workbook prints and shows: readable pages, rows tall enough to read.

Every sheet prints on A4 landscape with the protective marking About's cell gives
atop every page (:func:`~.workbook_sheets.marking_title`) and, when one was given
on export, in bold at the centre of the header and footer (a header cannot read a
cell: About says how to type it there); a short running head (the register's
date, and that it is an illustrative example when it is) in the header, below
any marking, and page X of Y at the right of the footer.
A register sheet prints in parts (:mod:`.workbook_parts`); the narrow sheets
(About, items addressed to other bodies) print one page wide.  Each row is as
tall as its wrapped text needs, since a spreadsheet program need not work that
out itself.
"""

from __future__ import annotations

from typing import Any

from peeldocs.blocks import MARKING_IN_HEADER, MARKING_TO_COMPLETE

MARKING = MARKING_TO_COMPLETE.shown
"""What the About sheet shows, as the other formats' details tables do, when no marking was given."""
MARKING_HEAD = MARKING_IN_HEADER.shown
"""What every sheet's header and footer carry, as the other formats' pages do, when no marking
was given."""
HEADER_STEPS = ("Page Layout > Page Setup > Header/Footer in Excel, or Format > Page Style > "
                "Header and Footer in LibreOffice Calc")
"""Where a spreadsheet program sets the marking a page's header and footer print."""
PLACEHOLDER_FILL = "FFEB9C"
"""The fill of a cell holding a placeholder the author completes, as the documents highlight it."""
PLACEHOLDER_INK = "9C5700"
"""The colour of a placeholder in a page header or footer, which takes no fill."""
FONT = "Calibri"
"""The name given on every font the workbook sets, so bold text is never a serif fallback."""
READABLE_SCALE = 75
"""Per cent: 11 pt cell text prints at about 8 pt, the size of a printed table's notes."""
SIDE_MARGIN = 0.4
"""Inches left and right."""
NEW_UPDATE_ROOM = 300
"""Characters of a new update each Summary and Register row has room for when printed: a
spreadsheet program does not make a row taller for what an owner writes later, so the room is
kept, and a longer update is warned of as it is written."""
SUMMARY_UPDATE_ROOM = 100
"""Characters of a new update each Summary row keeps room for at least when printed.  Rows are as
tall as their own text needs, not held open for a long update (read 27-R): a row with a long
finding has room for more, up to :data:`NEW_UPDATE_ROOM`; an update longer than its row's room
is warned of as it is written, and the row is made taller by hand."""
_PAGE_WIDTH_PT = 842  # A4 landscape
_SLACK = 0.95  # a spreadsheet program's column widths differ slightly from ours
_LINE_PT = 15.0  # one line of 11 pt text


def column_points(width: float) -> float:
    """Return a column's width in points at 100 %, from its width in characters.

    Excel's own rule for its default font (Calibri 11, digits 7 pixels wide):
    7 pixels a character and 5 of padding, at 96 pixels an inch.
    """
    return (7 * width + 5) * 0.75


def pages_across(widths: list[float], repeat: int, scale: int = READABLE_SCALE) -> int:
    """Return how many pages across the columns need at ``scale`` per cent.

    ``widths``: the printed columns' widths in characters, from column A;
    ``repeat``: the index of the column printed again at the left of every page
    after the first.  Pages are filled with whole columns, left to right.

    >>> pages_across([12, 30, 16, 16, 16, 60, 18, 9, 24, 22, 22, 14, 14, 28, 13, 10, 9, 10,
    ...               14, 40, 40, 20, 28], repeat=0)
    3
    """
    room = (_PAGE_WIDTH_PT - 2 * SIDE_MARGIN * 72) * 100 / scale * _SLACK
    pages, used = 1, 0.0
    for i, width in enumerate(widths):
        need = column_points(width)
        if used and used + need > room:
            pages += 1
            used = column_points(widths[repeat]) if repeat < i else 0.0
        used += need
    return pages


def print_setup(ws: Any, head: str, marking: str | None, header_row: int, *,
                one_page: bool = False) -> None:
    """Set how a sheet prints: A4 landscape, headings repeated, running head, marking, page X of Y.

    One page wide, as many down as the rows need; with ``one_page`` (About) one page
    long too.  A register sheet's parts are set by :func:`.workbook_parts.print_parts`.
    """
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_margins.left = ws.page_margins.right = SIDE_MARGIN
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = int(one_page)  # else as many pages down as the rows need
    if header_row:
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_options.gridLines = False  # the cells' own borders rule what is printed
    running = head.replace("&", "&&")
    ws.oddFooter.right.text = "Page &P of &N"
    if not marking:  # the marking cell's, by formula, atop every page (:func:`marking_title`):
        # a header cannot read it, nor say a placeholder the cell may contradict (read 28-R),
        # nor send the reader elsewhere for it (read 33); About says how to type it there
        ws.oddHeader.center.text, ws.oddHeader.center.font = running, f"{FONT},Regular"
        return
    marked = marking.replace("&", "&&")
    # centred at the top and foot of every page, where the PDF and DOCX put it and police
    # papers carry it; the running head on the line below it, as in the PDF, so neither runs
    # into the other however the sheet is scaled; page X of Y at the right of the footer
    ws.oddFooter.center.text = marked
    ws.oddHeader.center.text = f'{marked}\n&"{FONT},Regular"&K000000{running}'
    for part in (ws.oddHeader.center, ws.oddFooter.center):
        part.font = f"{FONT},Bold"


def fit_rows(ws: Any, first_row: int, room: dict[str, int] | None = None) -> None:
    """Make each row from ``first_row`` tall enough for its wrapped text.

    Counted generously (a character a unit of column width, as in the widest
    common fonts), so no line is cut off in any spreadsheet program; an owner
    may still resize a row.  ``room``: by column letter, how many characters an
    owner may yet write there that the row keeps room for (a spreadsheet program
    does not make a row taller as text is written; LibreOffice does not fit a row
    it opens to its text either).
    """
    from openpyxl.cell.cell import MergedCell
    from openpyxl.utils import get_column_letter

    for row in ws.iter_rows(min_row=first_row):
        lines = 1.0
        for cell in row:
            if isinstance(cell, MergedCell) or not cell.alignment.wrap_text:
                continue
            column = get_column_letter(cell.column)
            text = "x" * (room or {}).get(column, 0) if row[0].row > first_row else ""
            text = cell.value if isinstance(cell.value, str) and len(cell.value) > len(text) \
                else text
            if not text:
                continue
            width = ws.column_dimensions[column].width or 8.43
            size = (cell.font.sz or 11) / 11
            per_line = max(1, int(width / size))
            need = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))
            lines = max(lines, need * size)
        if lines > 1:
            ws.row_dimensions[row[0].row].height = round(_LINE_PT * lines + 3, 1)


def boxed(ws: Any, first_row: int, last_row: int, last_column: int) -> None:
    """Rule a thin grey border round every cell of a block, as printed gridlines would.

    Only the blocks a reader reads are ruled, so a page printed without gridlines
    shows no empty boxes (the title row's width on pages printed across).
    """
    from openpyxl.styles import Border, Side

    side = Side(style="thin", color="A6A6A6")
    border = Border(left=side, right=side, top=side, bottom=side)
    for row in ws.iter_rows(min_row=first_row, max_row=last_row, max_col=last_column):
        for cell in row:
            cell.border = border


def first_page_columns(widths: list[float], share: float = 1.0) -> int:
    """Return how many columns, from column A, fill ``share`` of the first page across.

    A share under 1 leaves room for a spreadsheet program that fits one column fewer
    on the page than this reckons.

    >>> widths = [36, 16, 12, 16, 16, 60, 18, 9, 24]
    >>> first_page_columns(widths), first_page_columns(widths, 0.85)
    (8, 6)
    """
    room = (_PAGE_WIDTH_PT - 2 * SIDE_MARGIN * 72) * 100 / READABLE_SCALE * _SLACK * share
    used = 0.0
    for i, width in enumerate(widths):
        used += column_points(width)
        if used > room:
            return max(1, i)
    return len(widths)


def title_row(ws: Any, title: str, row: int, widths: list[float], after: int = 0) -> None:
    """Wrap the title over columns ``after + 1`` to ``len(widths)``, tall enough to read.

    ``widths``: the first printed page's columns from column A; the first
    ``after`` of them (the Ref, printed again at the left of every page) are
    left empty, so the title prints once, atop the first page, and the pages
    printed across carry only its empty row, unruled.  The running head names
    the register atop every page.  A workbook read back finds its headings in
    the row below, whatever row 1 holds.
    """
    from openpyxl.styles import Alignment

    spans = widths[after:]
    if len(spans) > 1:
        ws.merge_cells(start_row=row, start_column=after + 1, end_row=row, end_column=len(widths))
    ws.cell(row=row, column=after + 1).alignment = Alignment(wrap_text=True, vertical="top")
    # 11 pt bold: a character a unit of column width (Calibri and DejaVu Sans set some
    # 1.05 to 1.1), and a line spare, so the title takes no more room than it needs
    per_line = max(1, int(sum(spans)))
    ws.row_dimensions[row].height = 15 * (-(-len(title) // per_line) + 1)


def long_update(ws: Any, rooms: dict[str, int]) -> None:
    """Warn, as it is written, of a new update longer than its row has room for in print.

    ``rooms``: by cell, how many characters of a new update its row prints in full, on
    the register sheet and on the Summary (at most :data:`NEW_UPDATE_ROOM`); cells with
    the same room share one check.  A warning, not a refusal: the owner may keep it,
    and is told how to show it all.  The check carries the prompt that says the cell
    may be edited: a cell takes one check only, so the column is left out of
    :func:`edit_prompts`' prompt that allows anything.
    """
    from openpyxl.worksheet.datavalidation import DataValidation

    title, prompt = EDITABLE_PROMPT
    for room in sorted(set(rooms.values())):
        warn = DataValidation(showInputMessage=True, promptTitle=title,
            prompt=f"{prompt} This row prints an update of up to {room} characters in full.",
            type="textLength", operator="lessThanOrEqual", formula1=str(room), allow_blank=True,
            showErrorMessage=True, errorStyle="warning", errorTitle="A long update",
            error=f"This update is longer than the {room} characters its row has room for, so "
                  "part of it may not show or print. Keep it, then make its row taller on this "
                  "sheet and on 'Summary' (double-click the lower edge of the row number), or "
                  "shorten it.")
        for cell, at in rooms.items():
            if at == room:
                warn.add(cell)
        ws.add_data_validation(warn)


def no_owner(ws: Any, cols: dict[str, str], first: int, last: int) -> None:
    """Highlight an open item's empty owner, as the documents say 'No owner recorded'.

    The cell stays empty for the owner to fill in (any text in it would be read
    back as an owner); the highlight is the placeholder's, and the Summary prints
    the words.  So too a closed item's empty 'Signed off by', the status of an
    item given an owner but still awaiting allocation, and the date of a new update
    written without one (the Summary says each).
    """
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    owner, status = f"{cols['owner']}{first}", f"{cols['status']}{first}"
    signed = f"{cols['signed_off_by']}{first}"
    fill = PatternFill("solid", bgColor=PLACEHOLDER_FILL)
    for column, test in (("owner", f'AND(LEN(TRIM({owner}))=0,{status}<>"Closed")'),
                         # a closure with no sign-off; an owner given, the status not changed
                         ("signed_off_by", f'AND(LEN(TRIM({signed}))=0,{status}="Closed")'),
                         ("status", f'AND(LEN(TRIM({owner}))>0,{status}="Awaiting allocation")'),
                         # a new update with no date: the date is asked for
                         ("new_update_date", f'AND(LEN(TRIM({cols["new_update"]}{first}))>0,'
                                             f'{cols["new_update_date"]}{first}="")')):
        ws.conditional_formatting.add(f"{cols[column]}{first}:{cols[column]}{last}",
                                      FormulaRule(formula=[test], fill=fill))


EDITABLE_PROMPT = ("You can edit this cell", "Write here: it is taken into the register when "
                                             "the file is returned.")
"""What a cell owners may edit says when selected, so it is told by more than its colour."""


def edit_prompts(ws: Any, validations: list[Any], free_text: list[str]) -> None:
    """Make every cell owners may edit say so when selected, not by its white fill alone.

    ``validations``: the sheet's drop-down and date checks, which cover the other
    editable cells (they gain the same prompt); ``free_text``: the ranges of the
    editable text columns, which gain a check that allows anything, with the prompt.
    """
    from openpyxl.worksheet.datavalidation import DataValidation

    title, prompt = EDITABLE_PROMPT
    for dv in validations:
        dv.showInputMessage, dv.promptTitle, dv.prompt = True, title, prompt
    if free_text:
        anything = DataValidation(allow_blank=True, showInputMessage=True, promptTitle=title,
                                  prompt=prompt)
        for cells in free_text:
            anything.add(cells)
        ws.add_data_validation(anything)
