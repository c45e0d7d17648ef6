"""Read a register workbook back: its rows by column, each cell located (``Register!F12``).

Used by ``actions import`` (which merges the edits, see :mod:`.workbook_import`)
and by ``register --since`` (an earlier register's statuses and targets).
Columns are found by their headings, so a sheet's own order does not matter.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from peeldocs.errors import DataError, Problem
from peeldocs.plans.register_table import COLUMNS, restore
from peeldocs.plans.workbook import ABOUT, AS_OF_LABEL, CHECK, SHEET_COLUMNS, letter
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


def read_rows(path: str | os.PathLike[str]) -> tuple[list[SheetRow], date | None, str]:
    """Read every register sheet's rows; return (rows, the register's as-of date, file name)."""
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
    rows: list[SheetRow] = []
    found = False
    for ws in book.worksheets:
        if ws.title == ABOUT:
            continue
        heads = [str(c.value).strip().lower() if c.value is not None else ""
                 for c in next(ws.iter_rows(min_row=1, max_row=1), ())]
        columns = {i: _BY_HEADING[h] for i, h in enumerate(heads) if h in _BY_HEADING}
        if not {"plan", "finding", CHECK.key} <= {c.key for c in columns.values()}:
            continue
        found = True
        for r, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
            cells = {columns[i].key: (restore(v) if isinstance(v, str) else v)
                     for i, v in enumerate(values) if i in columns}
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells.values()):
                continue
            where = {columns[i].key: f"{ws.title}!{letter(i)}{r}" for i in columns}
            rows.append(SheetRow(ws.title, r, cells, where))
    if not found:
        raise DataError([Problem(name, None, "", "no register sheet in this workbook (a sheet "
                                                 "whose header row has 'Plan file', 'Ref' and "
                                                 "'Row check', as peeldocs writes it)")])
    return rows, _as_of(book), name


def read_register_rows(path: str | os.PathLike[str]) -> tuple[list[dict[str, Any]], date | None]:
    """Read an earlier register workbook as rows by CSV column key, and its as-of date."""
    rows, as_of, _name = read_rows(path)
    keys = {c.key for c in COLUMNS}
    out = []
    for row in rows:
        values = {k: v for k, v in row.cells.items() if k in keys}
        for key in ("original_target", "current_target"):
            try:
                values[key] = cell_date(values.get(key))
            except NotADate:
                values[key] = None
        out.append(values)
    return out, as_of
