"""The register workbook's Summary sheet: the register to print, one finding to a row.

A register sheet holds some 26 columns, for editing: printed, each row runs
across three pages.  The Summary shows the columns a reader of a printed
register needs (the finding, its status, RAG, owner, target, days overdue, the
latest update and the owner's new one) on pages one wide.  Each cell but the
inspection's short name and the planned actions is a formula that shows what
the register sheet holds, so a status, owner or update
an owner changes there is what the Summary prints; the RAG is worked out from
them by the register's rules (:func:`~.workbook_worked.rag_formula`).  Nothing
on the Summary is edited or imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from peeldocs.plans.register import Entry
from peeldocs.plans.rules import stale_words
from peeldocs.plans.workbook_about import (
    DATE_FORMAT,
    ILLUSTRATIVE,
    SUMMARY,
    WHOSE,
    WHOSE_LABEL,
    about_ref,
    status_word,
)
from peeldocs.plans.workbook_print import FONT, NEW_UPDATE_ROOM, boxed, print_setup
from peeldocs.plans.workbook_values import EntryWords, PrintedWords, serial, text_literal
from peeldocs.plans.workbook_worked import rag_formula

TITLE_ROW, HEADER_ROW = 1, 2
_RAG_FILLS = {"Red": "F4C7C3", "Amber": "FCE8B2", "Green": "B7E1CD"}


@dataclass(frozen=True, slots=True)
class Shown:
    """One Summary column: its heading, width, and the register columns it shows.

    ``keys``: one register column, or (a date, a text) shown as 'd mmm yyyy: text'.
    """

    heading: str
    width: int
    keys: tuple[str, ...]
    kind: str = "text"
    empty: str = ""
    """What the cell says when the register's is empty, as the documents say it."""


SHOWN = (
    Shown("Ref", 11, ("finding",)),
    Shown("Inspection", 11, ("inspection",)),
    Shown("Finding (verbatim)", 27, ("finding_text",)),
    Shown("Actions planned", 17, ("actions",)),
    Shown("Status", 11, ("status",)),
    Shown("RAG", 9, ("rag",), "rag"),
    Shown("Owner", 11, ("owner",), empty="No owner recorded"),
    Shown("Target date", 11, ("current_target",), "date"),
    Shown("Days overdue", 8, ("days_overdue",), "number"),
    Shown("Latest update", 22, ("latest_update_date", "latest_update"), "words",
          empty="No update recorded"),
    Shown("New update", 30, ("new_update_date", "new_update")),
)
"""What the Summary prints, left to right: some 170 characters, one landscape page wide, at
about 7 pt or more as a spreadsheet program prints it.  'Actions planned' and 'Latest update'
are worded as the register document words them (:class:`~.workbook_values.EntryWords`)."""


@dataclass(frozen=True, slots=True)
class Placed:
    """Where an entry's row is: its register sheet and row number."""

    sheet: str
    row: int
    entry: Entry


def _ref(sheet: str, column: str, row: int) -> str:
    """Return a reference to another sheet's cell: 'Register'!G3 (quotes doubled)."""
    return f"'{sheet.replace(chr(39), chr(39) * 2)}'!{column}{row}"


def formula(shown: Shown, place: Placed, letters: dict[str, str],
            words: EntryWords | None = None) -> str:
    """Return the formula of one Summary cell, showing the register sheet's cell.

    Where the register's cell is empty it shows ``shown.empty``.  As the
    documents do, a status 'Closed' with no evidence reference says so.  With
    ``words``, the latest update is the register document's, and whether it is
    old (:func:`~peeldocs.plans.rules.stale_words`) follows the status on the
    register sheet.

    >>> print(formula(SHOWN[0], Placed("Register", 3, None), {"finding": "A"}))  # type: ignore[arg-type]
    =IF('Register'!A3="","",'Register'!A3)
    """
    def at(key: str) -> str:
        return _ref(place.sheet, letters[key], place.row)

    if shown.keys == ("status",):  # an owner's new evidence reference counts, as import will
        status, evidence, new = at("status"), at("evidence"), at("new_evidence")
        return (f'=IF({status}="","",IF(AND({status}="Closed",{evidence}="",{new}=""),'
                f'"{NO_EVIDENCE}",{status}))')
    if shown.kind == "words" and words is not None:
        return _latest_formula(words, at("status"), at("new_update"))
    if shown.kind == "rag":
        item = place.entry.state.item
        return rag_formula(at, status_word(item.rag.value)
                           if item.rag is not None and item.rag_reason else None)
    cells = [at(key) for key in shown.keys]
    empty = f'"{shown.empty}"'
    if len(cells) == 1:
        return f'=IF({cells[0]}="",{empty},{cells[0]})'
    when, text = cells
    shown_text = f'IF({when}="","",TEXT({when},"d mmm yyyy")&": ")&{text}'
    return f'=IF({text}="",{empty},{shown_text})'


NO_EVIDENCE = "Closed; no evidence reference recorded"


def _latest_formula(words: EntryWords, status: str, new: str) -> str:
    """Return the latest update as the register document gives it.

    It is said to be old only while the finding is open and no new update is written
    beside it ("Nothing reported since then." beside an owner's new update, read 26-R).
    """
    before, after = stale_words(words.age) if words.age is not None else ("", "")
    still = f'AND({status}<>"Closed",{new}="")'
    parts = []
    if before:
        parts.append(f'IF({still},{text_literal(before)},"")')
    parts.append(text_literal(words.moved + words.latest))
    if after:
        parts.append(f'IF({still},{text_literal(after)},"")')
    return "=" + "&".join(parts)


def cached(shown: Shown, values: dict[str, Any], words: EntryWords | None) -> str | int | None:
    """Return what a Summary cell's formula gives for the row as exported (None: not worked out).

    Text as text; a date as its serial; what :func:`formula` shows, so a previewer
    that does not calculate shows what a spreadsheet program would.
    """
    got = [values.get(k) for k in shown.keys]
    if shown.keys == ("status",):
        status = got[0] or ""
        closed = str(status).lower() == "closed"
        return NO_EVIDENCE if closed and not values.get("evidence") \
            and not values.get("new_evidence") else str(status)
    if shown.kind == "words":
        if words is None:
            return None
        before, after = stale_words(words.age) if words.age is not None else ("", "")
        still = (str(values.get("status") or "").lower() != "closed"
                 and not values.get("new_update"))
        return ((before if still else "") + words.moved + words.latest
                + (after if still else ""))
    if len(got) == 2:
        when, text = got
        if not text:
            return shown.empty
        return (f"{when.day} {when:%b %Y}: " if isinstance(when, date) else "") + str(text)
    value = got[0]
    if value is None or value == "":
        return shown.empty
    if isinstance(value, date):
        return serial(value)
    return value if isinstance(value, int) else str(value)


def _lines(values: Sequence[str], widths: Sequence[int]) -> int:
    """Return how many lines the tallest of a row's texts takes, a character a unit of width."""
    # 11 pt Calibri sets some 1.2 to 1.3 characters a unit of width, as does LibreOffice's
    # stand-in
    return max((max(1, -(-len(v) // max(1, int(w * 1.2)))) for v, w in
                zip(values, widths, strict=True)), default=1)


def summary_sheet(book: Any, placed: list[Placed], letters: dict[str, str], title: str,
                  head: str, marking: str | None, values: dict[int, dict[str, Any]],
                  words: PrintedWords | None = None, whose: str | None = None,
                  labels: dict[str, str] | None = None) -> dict[str, str | int]:
    """Add the Summary sheet after About: the register's rows, as the register sheets hold them.

    ``letters``: each register column's letter; ``values``: each placed row's
    values as exported (by its index in ``placed``), to size its row; ``words``:
    the register document's words for each finding; ``whose``: the force or office
    whose register it is, which the running head names (else the title shows About's
    'Register of', asking for it while it is to be completed); ``labels``: each plan's
    inspection as the documents' tables name it.  Return what each formula
    gives for the register as exported, by cell, to store with it
    (:func:`~.workbook_values.with_values`).
    """
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = book.create_sheet(SUMMARY, index=1)
    said = f"Summary of the r{title[1:]}" if title.startswith("Register") else f"Summary: {title}"
    lead = ws.cell(row=TITLE_ROW, column=1, value=said)
    lead.data_type = "s"
    stored: dict[str, str | int] = {}
    if not whose:  # whatever About's 'Register of' says: filled there, it prints here
        of = about_ref(book, WHOSE_LABEL)
        lead.value = (f"={text_literal(said + ' Register of: ')}&IF(TRIM({of})=\"\","
                      f"{text_literal(WHOSE)},TRIM({of}))&\".\"")
        said = stored[lead.coordinate] = f"{said} Register of: {WHOSE}."
    lead.font = Font(name=FONT, bold=True, color="C00000" if ILLUSTRATIVE in title else "000000")
    lead.alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=len(SHOWN))
    widths = [s.width for s in SHOWN]
    ws.row_dimensions[TITLE_ROW].height = 15 * (-(-len(said) // int(sum(widths) * 0.95)) + 1)
    ws.row_dimensions[HEADER_ROW].height = 30  # 'Days overdue' on two lines
    fill = PatternFill("solid", fgColor="1F3864")
    for col, shown in enumerate(SHOWN, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=shown.heading)
        cell.font, cell.fill = Font(name=FONT, bold=True, color="FFFFFF"), fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(col)].width = shown.width
    wrap, body = Alignment(wrap_text=True, vertical="top"), Font(name=FONT)
    centred = Alignment(horizontal="center", vertical="top")
    for n, place in enumerate(placed):
        r = HEADER_ROW + 1 + n
        said_of = (words.entries.get((place.entry.plan, place.entry.state.item.finding))
                   if words else None)
        texts = []
        for col, shown in enumerate(SHOWN, start=1):
            cell = ws.cell(row=r, column=col)
            value = cached(shown, values[n], said_of)
            if shown.kind == "rag":  # the rules' rating, with the author's reason if theirs
                value = (place.entry.state.rag.value.capitalize()
                         + (f" ({said_of.hand})" if said_of and said_of.hand else ""))
            if shown.keys == ("actions",):  # the plan's, as the documents word them: text
                cell.value = said_of.actions if said_of else values[n].get("actions") or ""
                cell.data_type = "s"
                value = cell.value
            elif shown.keys == ("inspection",) and labels:  # as the documents' tables name it
                cell.value = value = labels.get(place.entry.plan, str(value or ""))
                cell.data_type = "s"
            else:
                cell.value = formula(shown, place, letters, said_of)
                if value is not None:
                    stored[cell.coordinate] = value
            cell.alignment, cell.font = wrap, body
            if shown.kind in ("date", "number"):  # centred: never run into the next column
                cell.number_format = DATE_FORMAT if shown.kind == "date" else "#,##0"
                cell.alignment = centred
            # room for a new update an owner writes on the register sheet: a spreadsheet
            # program does not make a row taller for what a formula shows
            texts.append("x" * (NEW_UPDATE_ROOM + 13) if shown.heading == "New update" else
                         "" if shown.kind in ("date", "number") else str(value or "") + "    ")
        ws.row_dimensions[r].height = 15 * (_lines(texts, widths) + 1) + 3
    last = HEADER_ROW + max(1, len(placed))
    rag = get_column_letter(next(i for i, s in enumerate(SHOWN, start=1) if s.heading == "RAG"))
    for word, colour in _RAG_FILLS.items():  # the word is always there; colour only helps
        ws.conditional_formatting.add(f"{rag}{HEADER_ROW + 1}:{rag}{last}", FormulaRule(
            formula=[f'LEFT({rag}{HEADER_ROW + 1},{len(word)})="{word}"'],
            fill=PatternFill("solid", bgColor=colour)))
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    boxed(ws, HEADER_ROW, last, len(SHOWN))
    print_setup(ws, head, marking, HEADER_ROW)  # one page wide, as many down as the rows need
    ws.print_area = f"A1:{get_column_letter(len(SHOWN))}{last}"
    ws.protection.sheet = True
    ws.protection.formatRows = False  # a row can be made taller for a longer new update
    return stored
