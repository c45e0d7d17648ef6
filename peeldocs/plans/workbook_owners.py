"""The About sheet's rows naming owners given since the register was issued, by formula.

About's table of open findings by owner has a row for each owner with open
findings when the file was issued.  An owner typed into a register sheet since
is named too, on one of a few rows kept below the table (:func:`new_owner_slots`):
the first such owner on the first, and so on, with their open and overdue findings;
until one is given, they are empty and unruled (read 35: 'Any other owner (given
since issue): none open' printed as noise).  If more owners are given than there are rows,
the last counts all the others together and says how many they are.

It works in any spreadsheet program, with no function LibreOffice 7.4 lacks (no
UNIQUE or FILTER): hidden columns on About hold, for each register row, its owner
(trimmed), whether it is open or overdue, and a running count of the owners first
met on an open row that the table does not already name; each named row finds its
owner by that count.  Every formula is stored with what it gives as exported.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.register import Entry
from peeldocs.plans.workbook_counts import Cells, words_formula
from peeldocs.plans.workbook_values import text_literal

MORE_OWNERS = "Other owners given since issue"
"""What the last such row says, with how many, when more owners are given than rows kept."""
TWO_LINES = 33.0
"""The height in points of an About row that holds two lines of its label."""
MOST_NEW_OWNERS = 4
"""How many rows About keeps for owners given since issue, at most."""
NAME, OWNER, OPEN, LATE, RANK = "E", "F", "G", "H", "I"
"""About's hidden columns: each kept row's owner; each register row's owner, whether it is
open, whether it is overdue, and the running count of owners given since issue."""


def new_owner_slots(rows: int) -> int:
    """Return how many rows About keeps for owners given since issue, for ``rows`` findings."""
    return max(1, min(rows, MOST_NEW_OWNERS))


def slot_rows(slots: int) -> list[tuple[str, str]]:
    """Return the kept rows as exported: empty until an owner is given since issue."""
    return [("", "")] * slots


def _cell(sheet: Cells, column: str, row: int) -> str:
    quoted = sheet.sheet.replace("'", "''")
    return f"'{quoted}'!${column}${row}"


def set_new_owner_rows(about: Any, sheets: Sequence[Cells],
                       entries: Mapping[tuple[str, int], Entry],
                       named: tuple[int, int] | None, top: int, first: int, slots: int,
                       totals: tuple[str, str], counts: tuple[str, str]) -> dict[str, Any]:
    """Make the kept rows, from About row ``first``, name owners given since issue.

    ``entries``: each register row's entry, by sheet and row;
    ``named``: About's first and last rows naming an owner as issued (None: none);
    ``totals``: formula expressions of all open and all overdue findings; ``counts``:
    the hidden columns of open and overdue counts, whose rows from ``top`` (the
    table's first) the last kept row takes from the totals when it counts the others
    together.  As exported no open finding has an owner the table does not name: the
    kept rows say so.  Return what every formula gives as exported.
    """
    stored: dict[str, Any] = {}
    at = [(c, r) for c in sheets for r in range(c.first, c.last + 1)]
    n = len(at)
    owners = f"${OWNER}$1:${OWNER}${n}"
    for j, (c, r) in enumerate(at, start=1):
        about[f"{OWNER}{j}"] = f"=TRIM({_cell(c, c.owner, r)})"
        about[f"{OPEN}{j}"] = f'=IF({_cell(c, c.status, r)}<>"Closed",1,0)'
        about[f"{LATE}{j}"] = f'=IF({_cell(c, c.overdue, r)}="Yes",1,0)'
        tests = [f'{OWNER}{j}<>""', f"{OPEN}{j}=1"]
        if named:  # not an owner the table names
            tests.append(f"SUMPRODUCT((TRIM($A${named[0]}:$A${named[1]})={OWNER}{j})*1)=0")
        if j > 1:  # first met on an open row
            tests.append(f"SUMPRODUCT(({OWNER}$1:{OWNER}{j - 1}={OWNER}{j})"
                         f"*{OPEN}$1:{OPEN}{j - 1})=0")
        before = f"{RANK}{j - 1}+" if j > 1 else ""
        about[f"{RANK}{j}"] = f"={before}IF(AND({','.join(tests)}),1,0)"
        entry = entries[(c.sheet, r)]
        item = entry.state.item
        stored.update({f"{OWNER}{j}": " ".join((item.owner or "").split()),
                       f"{OPEN}{j}": int(item.status is not ItemStatus.CLOSED),
                       f"{LATE}{j}": int(entry.state.overdue), f"{RANK}{j}": 0})
    given = f"${RANK}${n}"
    last = first + slots - 1
    for k, row in enumerate(range(first, last + 1), start=1):
        name, count, late = f"{NAME}{row}", f"{counts[0]}{row}", f"{counts[1]}{row}"
        about[name] = (f'=IF({given}>={k},INDEX({owners},MATCH({k},${RANK}$1:${RANK}${n},0)),'
                       '"")')
        own = [f'IF({name}="",0,SUMPRODUCT(({owners}={name})*${col}$1:${col}${n}))'
               for col in (OPEN, LATE)]
        if k == slots and row > top:  # more owners than rows: the last counts the others
            own = [f"IF({given}>{slots},{total}-SUM({column}{top}:{column}{row - 1}),{mine})"
                   for total, column, mine in zip(totals, counts, own, strict=True)]
        about[count], about[late] = f"={own[0]}", f"={own[1]}"
        empty = text_literal("")
        more = (f'"{MORE_OWNERS} ("&({given}-{slots - 1})&")"' if k == slots
                else '""')
        about.cell(row, 1).value = (f"=IF({given}<{k},{empty},"
                                    + (f"IF({given}>{slots},{more},{name}))" if k == slots
                                       else f"{name})"))
        said = (f'IF({count}=0,"none open",{words_formula(count, "none")}'
                f'&" open, "&{words_formula(late, "none")}&" overdue")')
        about.cell(row, 2).value = f'=IF(A{row}="","",{said})'
        stored.update({name: "", count: 0, late: 0, f"A{row}": "", f"B{row}": ""})
    for column in (NAME, OWNER, OPEN, LATE, RANK):
        about.column_dimensions[column].hidden = True
    # ruled once they name an owner: no empty boxes in the print until then
    _ruled_when_named(about, first, last)
    if slots > 1:
        # the last may say 'Other owners given since issue (N)': two lines tall, so it
        # wraps in its row, not over the 'RAG' below
        about.row_dimensions[last].height = about.row_dimensions[first].height or TWO_LINES
    return stored


def _ruled_when_named(about: Any, first: int, last: int) -> None:
    """Rule rows ``first`` to ``last`` of About's table as the rest only while they name someone."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Border, Side

    side = Side(style="thin", color="FFA6A6A6")  # opaque: the grey of the table's rules
    for row in range(first, last + 1):
        for column in (1, 2):
            about.cell(row, column).border = Border()
    about.conditional_formatting.add(f"A{first}:B{last}", FormulaRule(
        formula=[f'$A{first}<>""'], border=Border(left=side, right=side, top=side, bottom=side)))
