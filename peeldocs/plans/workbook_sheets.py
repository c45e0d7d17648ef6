"""The register workbook's sheets that owners never edit, and the package made deterministic.

The items addressed to other bodies, which the register keeps with their report
but does not track as the force's actions, on a read-only sheet ``actions
import`` never reads; and a very hidden sheet of every row as exported, with
each plan's path, which ``actions import`` compares what owners return with, and
from which ``register --since`` reads the register as it was, even after owners
have edited the visible sheets.

The Office package (.xlsx) is made deterministic, every member and its core
properties dated: openpyxl stamps each zip member and ``docProps/core.xml`` with the time it
saved; the register's workbook is dated by its as-of date instead, so the same
register gives the same bytes.
"""

from __future__ import annotations

import io
import re
import textwrap
import zipfile
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

from peeldocs.plans.register import Entry, Register, owning_force
from peeldocs.plans.register_names import running_head
from peeldocs.plans.register_table import COLUMNS, row_values
from peeldocs.plans.workbook_about import DATE_FORMAT, OTHERS
from peeldocs.plans.workbook_print import (
    FONT,
    MARKING_HEAD,
    PLACEHOLDER_FILL,
    boxed,
    fit_rows,
    print_setup,
)
from peeldocs.plans.workbook_values import dated_text
from peeldocs.prose import long_date

EXPORTED = "As exported"
"""A very hidden sheet: each row as exported, so a later ``--since`` reads the register as it
was, even after owners have edited the visible sheets."""


PLAN_PATH = "plan_path"
"""The hidden sheet's column keeping each plan's path as given, for import; owners see its
file name only."""


def plan_names(entries: list[Entry] | tuple[Entry, ...]) -> dict[str, str]:
    """Return what the 'Plan file' column shows for each plan: its file name.

    Its path is kept only on the hidden sheet, for import; where two plans share a
    file name, both keep their path, so no row is ever taken for another's.
    """
    plans = list(dict.fromkeys(e.plan for e in entries))
    named = Counter(Path(p).name for p in plans)
    return {p: Path(p).name if named[Path(p).name] == 1 else p for p in plans}


def plan_forces(reg: Register) -> dict[str, str | None]:
    """Return the force each plan's report is about (None for an inspection of many)."""
    return {line.plan: line.force for line in reg.inspections}


def as_exported(book: Any, reg: Register) -> None:
    """Keep every row as exported on a sheet owners never see (see :data:`EXPORTED`)."""
    ws = book.create_sheet(EXPORTED)
    shown, forces = plan_names(reg.entries), plan_forces(reg)
    ws.append([c.key for c in COLUMNS] + [PLAN_PATH])
    for entry in reg.entries:  # the path as given, on this hidden sheet only: import opens it
        values = {**row_values(entry, forces.get(entry.plan)), "plan": shown[entry.plan]}
        ws.append([values[c.key] for c in COLUMNS] + [entry.plan])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text: "=..." is never a formula
            elif isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


def page_head(reg: Register) -> str:
    """Return the line atop every printed page: whose register, and the date it was issued.

    A page header cannot read the date cell the keeper sets: it names the issue's
    date as that, and sends the reader to the title, which reads the cell (read 30-R).
    """
    issued = long_date(reg.as_of)
    head = running_head(reg).replace(f"as of {issued}", f"issued {issued}; figures as at the "
                                                        "date in the title")
    whose = owning_force(reg)  # whose register it is, atop every printed page
    return f"{whose}: {head}" if whose else head


def document_order(reg: Register) -> list[Entry]:
    """Return the entries as the register document lists them.

    By inspection, then as the register orders them (overdue first), so a meeting
    holding the register document and the print matches them row for row.
    """
    first = {line.plan: i for i, line in enumerate(reg.inspections)}
    return sorted(reg.entries, key=lambda e: first.get(e.plan, len(first)))


def dated_titles(book: Any, reg: Register, when: str, stored: dict[str, dict[str, str]],
                 titles: dict[str, str], also: dict[str, str] | None = None) -> None:
    """Make each sheet's title (B1) name the date in ``when``, the cell the keeper sets.

    ``titles``: each sheet's title as issued, which ``stored`` keeps, by sheet and cell,
    as what the formula gives until the date is changed; ``also``: by sheet, another
    cell that repeats the title (over a register sheet's first printed part).
    """
    for name, said in titles.items():
        for at in ("B1", *([also[name]] if also and name in also else [])):
            book[name][at].value = "=" + dated_text(said, reg.as_of, when)
            stored.setdefault(name, {})[at] = said


def others_sheet(book: Any, reg: Register, labels: dict[str, str], head: str,
                 marking: str | None, warning: str | None) -> None:
    """Add the read-only sheet of items addressed to other bodies, when there are any.

    ``labels``: each plan's inspection as the register sheet names it; ``head``:
    the running head printed atop each page; ``warning``: that it is an example.
    """
    from openpyxl.styles import Alignment, Font, PatternFill

    items = [(line, item) for line in reg.inspections for item in line.not_tracked]
    if not items:
        return
    ws = book.create_sheet(OTHERS)
    banner = ("Items the inspections address to other bodies: kept with their report, not "
              "tracked as the force's actions" + (f". {warning}" if warning else "."))
    # black, as every sheet's title (read 34): the words say it is an example
    ws.cell(row=1, column=2, value=banner).font = Font(name=FONT, bold=True, size=12,
                                                       color="000000")
    heads = (("Ref", 12), ("Inspection", 40), ("Addressed to", 30), ("Item (verbatim)", 90))
    fill = PatternFill("solid", fgColor="1F3864")
    for col, (heading, width) in enumerate(heads, start=1):
        cell = ws.cell(row=2, column=col, value=heading)
        cell.font, cell.fill = Font(name=FONT, bold=True, color="FFFFFF"), fill
        ws.column_dimensions[chr(64 + col)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, (line, item) in enumerate(items, start=3):
        values = (item.id, labels.get(line.plan, line.title),
                  (item.addressee or "Another body").replace("'", "’"), item.full_text)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col, value=value)
            cell.data_type = "s"  # text stays text: "=..." is never a formula
            cell.alignment, cell.font = wrap, Font(name=FONT)
    ws.freeze_panes = "A3"
    # the banner wraps over the sheet's width, never past it, beside the marking (A1)
    ws.merge_cells("B1:D1")
    ws["B1"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[1].height = 16 * (2 + len(banner) // int(sum(w for _h, w in heads[1:])
                                                               * 0.85))
    fit_rows(ws, 2)
    boxed(ws, 2, ws.max_row, len(heads))
    print_setup(ws, head, marking, 2)
    ws.protection.sheet = True


def marking_title(ws: Any, marking_cell: str, marking: str | None, *,
                  repeat: bool = True) -> dict[str, str]:
    """Print the protective marking in the top left cell of every page; return its stored value.

    A page header cannot read a cell, so the marking an owner types in About's
    'Protective marking' cell (``marking_cell``) reaches the printed pages through
    cell A1, a formula, printed again atop every page with the headings (row 1 and 2
    are the rows repeated, unless not ``repeat``: About prints on one page) and, on a
    register sheet, with the Ref column.  Until a
    marking is given it shows, highlighted, that one is to be completed (read 28-R).
    """
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Font, PatternFill

    said = f"TRIM({marking_cell})"
    cell = ws["A1"]
    cell.value = (f'=IF(OR({said}="",LEFT({said},1)="{{"),"{MARKING_HEAD}",{said})')
    cell.font = Font(name=FONT, bold=True)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.conditional_formatting.add("A1", FormulaRule(formula=['LEFT($A$1,1)="{"'], fill=PatternFill(
        "solid", bgColor=PLACEHOLDER_FILL)))
    shown = marking or MARKING_HEAD
    per_line = max(1, int(ws.column_dimensions["A"].width or 8.43))
    lines = len(textwrap.wrap(shown, per_line, break_on_hyphens=True)) or 1
    ws.row_dimensions[1].height = max(ws.row_dimensions[1].height or 15, 15 * lines + 6)
    if repeat:
        ws.print_title_rows = "1:2"
    return {"A1": shown}


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def fixed_zip(data: bytes, when: datetime) -> bytes:
    """Return the same package with every member dated ``when`` (deterministic output)."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time it saved
                data = _MODIFIED.sub(rb"\g<1>" + when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                                     + rb"\g<2>", data)
            dst.writestr(fixed, data)
    return out.getvalue()
