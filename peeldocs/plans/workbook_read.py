"""Read a register workbook back: its rows by column, each cell located (``Register!F12``).

Used by ``actions import`` (which merges the edits, see :mod:`.workbook_import`)
and by ``register --since`` (an earlier register's statuses and targets).
Columns are found by their headings, so a sheet's own order does not matter.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from peeldocs.errors import DataError, Problem
from peeldocs.plans.register_table import COLUMNS, restore
from peeldocs.plans.workbook import (
    CHECK,
    HEADER_ROW,
    SHEET_COLUMNS,
    letter,
)
from peeldocs.plans.workbook_about import ABOUT, AS_OF_LABEL, OTHERS
from peeldocs.plans.workbook_sheets import EXPORTED
from peeldocs.sources.loading import display_path

_BY_HEADING = {c.heading.lower(): c for c in SHEET_COLUMNS}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_D_MONTH_Y = re.compile(r"^(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})$")


class NotADate(ValueError):
    """A cell meant to hold a date holds something else."""


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One data row of a register sheet: values by column key and where each cell is."""

    sheet: str
    row: int
    cells: dict[str, Any]
    where: dict[str, str]
    formulas: frozenset[str] = frozenset()
    """The columns whose cell holds a formula: what it shows is worked out, never an edit."""

    def at(self, key: str) -> str:
        """Return the cell of a column in this row, e.g. ``Register!F12``."""
        return self.where.get(key, f"{self.sheet}!{self.row}")


def cell_date(value: Any) -> date | None:
    """Return a cell's date (a date cell, or text such as 2025-03-31, 31/03/2025, 31 March 2025).

    >>> cell_date("31/03/2025"), cell_date(" "), cell_date("31 Mar 2025")
    (datetime.date(2025, 3, 31), None, datetime.date(2025, 3, 31))
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if m := _DMY.match(text):
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := _D_MONTH_Y.match(text):
            month = next((i for i, name in enumerate(_MONTHS, 1)
                          if name.startswith(m.group(2).lower()) and len(m.group(2)) >= 3), None)
            if month is not None:
                return date(int(m.group(3)), month, int(m.group(1)))
        return date.fromisoformat(text)
    except ValueError:
        pass
    raise NotADate(f"{text[:40]!r} is not a date; write it as 31/03/2025 or 2025-03-31")


def same_cell(value: Any, expected: Any, *, any_case: bool = False) -> bool:
    """Tell whether a cell still holds what the export wrote there (dates and numbers alike).

    With ``any_case``, text in another case is the same ('Yes', 'yes').

    >>> same_cell("31/03/2025", date(2025, 3, 31)), same_cell(" 5", 5), same_cell(0, None)
    (True, True, False)
    """
    if isinstance(expected, date) or isinstance(value, date):
        try:
            return cell_date(value) == cell_date(expected)
        except NotADate:
            return False
    def text(cell: Any) -> str:
        said = "" if cell is None else " ".join(str(cell).split())
        return said.lower() if any_case else said

    return text(value) == text(expected)


def _as_of(book: Any) -> date | None:
    if ABOUT not in book.sheetnames:
        return None
    for row in book[ABOUT].iter_rows(min_row=1, max_row=20, max_col=2):
        if isinstance(row[0].value, str) and row[0].value.strip() == AS_OF_LABEL:
            try:
                return cell_date(row[1].value)
            except NotADate:
                return None
    return None


@dataclass(frozen=True, slots=True)
class WorkbookRows:
    """What ``actions import`` reads from a register workbook."""

    rows: list[SheetRow]
    as_of: date | None
    name: str
    """The workbook as named."""
    notes: list[str]
    """What the workbook holds that is not imported: columns peeldocs does not read that
    hold something, and rows of the export that are no longer there."""
    exported: dict[tuple[Any, Any], dict[str, Any]]
    """Each row as exported, by (plan file, ref); empty for a workbook without that sheet."""


def read_rows(path: str | os.PathLike[str]) -> WorkbookRows:
    """Read every register sheet's rows, and the rows as exported."""
    book, name = _open(path)
    notes: list[str] = []
    rows = _sheet_rows(book, name, notes, _formula_cells(path))
    exported: dict[tuple[Any, Any], dict[str, Any]] = {}
    if EXPORTED in book.sheetnames:
        present = {(r.cells.get("plan"), r.cells.get("finding")) for r in rows}
        sheet = book[EXPORTED].iter_rows(values_only=True)
        heads = [str(h) for h in next(sheet, ())]
        for values in sheet:
            was = dict(zip(heads, values, strict=False))
            exported[(was.get("plan"), was.get("finding"))] = was
            if (was.get("plan"), was.get("finding")) not in present:
                notes.append(f"{was.get('finding')} of {was.get('plan')} is no longer in the "
                             "workbook (a deleted row): its item in the plan is unchanged")
    return WorkbookRows(rows, _as_of(book), name, notes, exported)


def _open(path: str | os.PathLike[str]) -> tuple[Any, str]:
    """Open a register workbook; a file that is not one is a DataError naming it."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    from peeldocs.sources.loading import MAX_BYTES

    name = display_path(path)
    if os.path.isdir(path):
        raise DataError([Problem(name, None, "", "this is a folder, not a workbook; give the "
                                                 "edited register's .xlsx file")])
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        raise DataError([Problem(name, None, "", f"cannot read the file: {exc.strerror}")]) \
            from exc
    if size > MAX_BYTES:
        raise DataError([Problem(name, None, "", f"the file is {size / 1048576:.1f} MB; "
                                                 f"register workbooks are limited to "
                                                 f"{MAX_BYTES // 1048576} MB")])
    try:
        book = load_workbook(path, data_only=True)
    except (BadZipFile, KeyError, ValueError, OSError, InvalidFileException) as exc:
        raise DataError([Problem(name, None, "", "cannot read it as an Excel workbook (.xlsx) "
                                                 "written by peeldocs register")]) from exc
    return book, name


def _formula_cells(path: str | os.PathLike[str]) -> set[tuple[str, int, int]]:
    """Return where the workbook's visible sheets hold formulas: (sheet, row, 0-based column)."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return {(ws.title, cell.row, cell.column - 1) for ws in book.worksheets
                if ws.sheet_state == "visible" and ws.title != ABOUT
                for row in ws.iter_rows(min_row=2) for cell in row
                if getattr(cell, "data_type", None) == "f"}
    finally:
        book.close()


def _unread_columns(ws: Any, heads: list[str], columns: dict[int, Any], at: int) -> list[str]:
    """Say which columns an owner added hold something that is not imported (headings row ``at``)."""
    out = []
    for i in range(len(heads)):
        if i in columns:
            continue
        filled = any(v is not None and str(v).strip() for (v,) in
                     ws.iter_rows(min_row=at + 1, min_col=i + 1, max_col=i + 1,
                                  values_only=True))
        if filled:
            label = ws.cell(at, i + 1).value or "(no heading)"
            out.append(f"{ws.title}!{letter(i)}{at}: the column '{label}' is not one peeldocs "
                       "reads; what it holds was not imported (write progress in 'New update')")
    return out


def _headings(ws: Any) -> tuple[int, list[str], dict[int, Any]]:
    """Find a sheet's row of headings: row 2 below its title, or row 1 in older workbooks."""
    for at in sorted({HEADER_ROW, 1}, reverse=True):
        heads = [str(c.value).strip().lower() if c.value is not None else ""
                 for c in next(ws.iter_rows(min_row=at, max_row=at), ())]
        columns = {i: _BY_HEADING[h] for i, h in enumerate(heads) if h in _BY_HEADING}
        if {"plan", "finding", CHECK.key} <= {c.key for c in columns.values()}:
            return at, heads, columns
    return 0, [], {}


def _sheet_rows(book: Any, name: str, notes: list[str] | None = None,
                formulas: set[tuple[str, int, int]] | None = None) -> list[SheetRow]:
    """Read the rows of every register sheet owners see; note columns it does not read.

    ``formulas``: where the sheets hold formulas (:func:`_formula_cells`).
    """
    rows: list[SheetRow] = []
    found = False
    for ws in book.worksheets:
        if ws.title in (ABOUT, EXPORTED, OTHERS):
            continue
        at, heads, columns = _headings(ws)
        if not at:
            continue
        found = True
        if notes is not None:
            notes += _unread_columns(ws, heads, columns, at)
        for r, values in enumerate(ws.iter_rows(min_row=at + 1, values_only=True), start=at + 1):
            cells = {columns[i].key: (restore(v) if isinstance(v, str) else v)
                     for i, v in enumerate(values) if i in columns}
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells.values()):
                continue
            where = {columns[i].key: f"{ws.title}!{letter(i)}{r}" for i in columns}
            worked = frozenset(columns[i].key for i in columns
                               if (ws.title, r, i) in (formulas or ()))
            rows.append(SheetRow(ws.title, r, cells, where, worked))
    if not found:
        raise DataError([Problem(name, None, "", "no register sheet in this workbook (a sheet "
                                                 "whose header row has 'Plan file', 'Ref' and "
                                                 "'Row check', as peeldocs writes it)")])
    return rows


def read_register_rows(path: str | os.PathLike[str]) -> tuple[list[dict[str, Any]], date | None]:
    """Read an earlier register workbook as rows by CSV column key, and its as-of date.

    The rows are the register as exported (its hidden sheet), not as owners have
    since edited it; a workbook without that sheet is read as it stands.
    """
    book, name = _open(path)
    keys = {c.key for c in COLUMNS}
    if EXPORTED in book.sheetnames:
        sheet = book[EXPORTED].iter_rows(values_only=True)
        heads = [str(h) for h in next(sheet, ())]
        cells = [{k: v for k, v in zip(heads, values, strict=False) if k in keys}
                 for values in sheet]
    else:
        cells = [{k: v for k, v in row.cells.items() if k in keys}
                 for row in _sheet_rows(book, name)]
    out = []
    for values in cells:
        for key in ("original_target", "current_target"):
            try:
                values[key] = cell_date(values.get(key))
            except NotADate:
                values[key] = None
        out.append(values)
    return out, _as_of(book)


def plan_file(named: str, workbook: Path, given: Sequence[str] = ()) -> str:
    """Return where to find the plan file a workbook names, for ``actions import``.

    A workbook keeps each plan's path as it was given when the register was
    made.  Looked for, in order: among the plan files ``given``
    (the same path, else the same file name); as named, from the working
    folder; beside the workbook.  Nothing is searched for beyond these: import
    writes to the file it finds.  Raises :class:`DataError` when it is found in
    none.
    """
    name = Path(named).name
    for plan in (*(g for g in given if g == named), *(g for g in given if Path(g).name == name)):
        return plan
    if Path(named).is_absolute() or Path(named).exists():
        return named
    for beside in (workbook.parent / named, workbook.parent / name):
        if beside.exists():
            return str(beside)
    raise DataError([Problem(named, None, "", "not found in the working folder or beside the "
                                              "workbook; give its path after the workbook's")])
