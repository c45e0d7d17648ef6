"""The About sheet's overdue figures and open findings by owner, worked out by formula.

The register document gives 'Overdue actions' and 'Open findings by owner';
the printed workbook gives the same on About, from the register sheets'
'Status', 'Owner', 'Overdue' and 'Days overdue' cells, so an owner's edit
(a closure, a moved target, an owner given) moves them, and the printed About
page never disagrees with the Summary (read 28-R).  One row says how many
findings are overdue and by how much at most; below it, one row for each owner
with open findings when the file was issued, one for findings with no owner,
and a few naming any owner given since (:mod:`.workbook_owners`).  The counts are worked out in
two columns beside the printed ones (not printed, hidden), and each worded cell
reads them; every formula is stored with what it gives as exported.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from peeldocs.plans.register import NO_OWNER, Entry, Register
from peeldocs.plans.workbook_about import (
    ABOUT,
    AS_OF_LABEL,
    FIGURES_LABEL,
    WHOSE_LABEL,
)
from peeldocs.plans.workbook_counts import Cells, set_standing, words_formula
from peeldocs.plans.workbook_notes import set_to_complete
from peeldocs.plans.workbook_owners import new_owner_slots, set_new_owner_rows, slot_rows
from peeldocs.plans.workbook_values import text_literal
from peeldocs.prose import count_words, long_date

OVERDUE_LABEL = "Overdue"
"""The About row that says how many findings are overdue."""
BY_OWNER_LABEL = "Open findings by owner"
"""The About row that heads the open and overdue findings of each owner."""
OPEN, LATE = "C", "D"
"""The About columns, hidden and not printed, that hold each row's counts."""


def overdue_words(reg: Register) -> str:
    """Say how many findings are overdue and the most overdue, as the formula does.

    'As of 15 October 2024, four findings are overdue, the most overdue by 1,842 days.'
    """
    late = [e.state.days_overdue for e in reg.entries if e.state.overdue]
    return _overdue_said(reg, len(late), max(late, default=0))


def _overdue_said(reg: Register, n: int, most: int) -> str:
    lead = f"As of {long_date(reg.as_of)}, "
    if not n:
        return lead + "no finding is overdue."
    days = f"{most:,} day{'' if most == 1 else 's'}"
    if n == 1:
        return f"{lead}one finding is overdue, by {days}."
    return f"{lead}{count_words(n)} findings are overdue, the most overdue by {days}."


def owner_words(open_n: int, late: int) -> str:
    """Say an owner's open and overdue findings: 'three open, two overdue', 'none open'."""
    if not open_n:
        return "none open"
    return f"{count_words(open_n)} open, {count_words(late) if late else 'none'} overdue"


def owners_open(reg: Register) -> dict[str, tuple[int, int]]:
    """Return each owner's open and overdue findings, as the register document orders them.

    Owners a spreadsheet's comparison would take for one ('Ch Supt X' and 'ch supt  X ':
    it ignores case and runs of spaces) are counted once, under the first spelling, so no
    finding is counted twice.
    """
    merged: dict[str, str] = {}
    out: dict[str, tuple[int, int]] = {}
    for given, (n, late) in reg.by_owner().items():
        owner = given if given.strip() else NO_OWNER  # blank: no owner, as the formula reads it
        first = merged.setdefault(" ".join(owner.split()).lower(), owner)
        was = out.get(first, (0, 0))
        out[first] = (was[0] + n, was[1] + late)
    return out


def owner_rows(reg: Register) -> list[tuple[str, str]]:
    """Return the About rows of the overdue figures and open findings by owner, as exported."""
    owners = owners_open(reg)
    rows = [(OVERDUE_LABEL, overdue_words(reg)),
            (BY_OWNER_LABEL, "Open and overdue findings of each owner, as the register sheets "
                             "now stand:")]
    named = [o for o in owners if o != NO_OWNER]
    rows += [(o, owner_words(*owners[o])) for o in named]
    rows.append((NO_OWNER, owner_words(*owners.get(NO_OWNER, (0, 0)))))
    return rows + slot_rows(new_owner_slots(len(reg.entries)))


def _sum(sheets: Sequence[Cells], term: Callable[[Cells], str]) -> str:
    """Return a SUMPRODUCT over every register sheet of ``term`` (given the sheet's cells)."""
    return "+".join(f"SUMPRODUCT({term(c)})" for c in sheets)


def _whose(owner: str) -> Callable[[Cells], str]:
    """Return the condition that a row's owner is ``owner`` (none: an empty owner)."""
    said = '""' if owner == NO_OWNER else text_literal(owner)
    return lambda c: f"(TRIM({c.range(c.owner)})={said})"


def _both(first: Callable[[Cells], str], second: Callable[[Cells], str]) -> Callable[[Cells], str]:
    """Return the condition that both hold, as a product of the two."""
    return lambda c: f"{first(c)}*{second(c)}"


def _open(c: Cells) -> str:
    return f'({c.range(c.status)}<>"Closed")'


def _late(c: Cells) -> str:
    return f'({c.range(c.overdue)}="Yes")'


def set_owner_rows(about: Any, reg: Register, sheets: Sequence[Cells],
                   entries: Mapping[tuple[str, int], Entry]) -> dict[str, str | int]:
    """Make the About sheet's overdue and by-owner rows formulas; return their stored values.

    ``entries``: each register row's entry, by sheet and row.
    """
    labels = {about.cell(r, 1).value: r for r in range(1, about.max_row + 1)}
    if OVERDUE_LABEL not in labels or BY_OWNER_LABEL not in labels or not sheets:
        return {}
    stored: dict[str, str | int] = {}
    at = labels[OVERDUE_LABEL]
    n, most = f"${OPEN}${at}", f"${LATE}${at}"
    late_days = [e.state.days_overdue for e in reg.entries if e.state.overdue]
    about[f"{OPEN}{at}"] = "=" + _sum(sheets, lambda c: f"{_late(c)}*1")
    about[f"{LATE}{at}"] = "=MAX(" + ",".join(c.range(c.days_overdue) for c in sheets) + ")"
    stored.update({f"{OPEN}{at}": len(late_days), f"{LATE}{at}": max(late_days, default=0)})
    when = f"$B${labels[AS_OF_LABEL]}"  # the date the keeper sets, never fixed text
    lead = f'"As of "&{dated(when)}&", "'
    about.cell(at, 2).value = (
        f'={lead}&IF({n}=0,"no finding is overdue.",IF({n}=1,"one finding is overdue, by ",'
        f'{words_formula(n, "no")}&" findings are overdue, the most overdue by ")'
        f'&TEXT({most},"#,##0")&IF({most}=1," day."," days."))')
    stored[f"B{at}"] = overdue_words(reg)
    first = labels[BY_OWNER_LABEL] + 1
    owners = owners_open(reg)
    rows = owner_rows(reg)[2:]
    slots = new_owner_slots(len(reg.entries))
    kept = first + len(rows) - slots  # the rows naming owners given since issue
    for r, (owner, said) in enumerate(rows[:len(rows) - slots], start=first):
        count, late = f"{OPEN}{r}", f"{LATE}{r}"
        about[count] = "=" + _sum(sheets, _both(_open, _whose(owner)))
        about[late] = "=" + _sum(sheets, _both(_late, _whose(owner)))
        stored.update(dict(zip((count, late), owners.get(owner, (0, 0)), strict=True)))
        about.cell(r, 2).value = (f'=IF({count}=0,"none open",{words_formula(count, "none")}'
                                  f'&" open, "&{words_formula(late, "none")}&" overdue")')
        stored[f"B{r}"] = said
    named = (first, kept - 2) if kept - 2 >= first else None  # the row above: no owner
    totals = (_sum(sheets, lambda c: f"{_open(c)}*1"), _sum(sheets, lambda c: f"{_late(c)}*1"))
    stored.update(set_new_owner_rows(about, sheets, entries, named, first, kept, slots, totals,
                                     (OPEN, LATE)))
    for column in (OPEN, LATE):
        about.column_dimensions[column].hidden = True
    return stored


def dated(ref: str) -> str:
    """Return, as a formula expression, the date in ``ref`` written in full: 15 October 2024."""
    return f'TEXT({ref},"d mmmm yyyy")'


def set_figures_row(about: Any, reg: Register) -> dict[str, str | int]:
    """Make About's 'Figures as at' row follow the register's date; return what it gives."""
    labels = {about.cell(r, 1).value: r for r in range(1, about.max_row + 1)}
    if FIGURES_LABEL not in labels or AS_OF_LABEL not in labels:
        return {}
    when = dated(f"$B${labels[AS_OF_LABEL]}")
    cell = about.cell(labels[FIGURES_LABEL], 2)
    exported = str(cell.value)  # the first date is the one set on About; the stays
    first, rest = exported.split(long_date(reg.as_of), 1)
    cell.value = f"={text_literal(first)}&{when}&{text_literal(rest)}"
    return {cell.coordinate: exported}


def set_about_figures(book: Any, reg: Register, entries: Mapping[tuple[str, int], Entry],
                      letters: dict[str, str], standing: str | None) -> dict[str, str | int]:
    """Make About's figures formulas over the register sheets; return their stored values.

    ``entries``: each register row's entry, by sheet and row; ``letters``: each register
    column's letter; ``standing``: the register document's 'Where the actions stand'.
    """
    rows: dict[str, list[int]] = {}
    for sheet, row in entries:
        rows.setdefault(sheet, []).append(row)
    sheets = [Cells(name, letters["status"], letters["new_action"], min(r), max(r),
                    owner=letters["owner"], overdue=letters["overdue"],
                    days_overdue=letters["days_overdue"]) for name, r in rows.items() if r]
    about = book[ABOUT]
    labels = {about.cell(r, 1).value: r for r in range(1, about.max_row + 1)}
    when = dated(f"$B${labels[AS_OF_LABEL]}") if AS_OF_LABEL in labels else None
    return {**set_standing(about, reg, sheets, standing, when),
            **set_owner_rows(about, reg, sheets, entries), **set_figures_row(about, reg),
            **set_to_complete(about, (WHOSE_LABEL, "Protective marking"))}
