"""The register workbook's Summary sheet: the register to print, one finding to a row.

A register sheet holds some 26 columns, for editing: printed, each row runs
across four pages.  The Summary shows the columns a reader of a printed
register needs (the finding, its status, RAG, owner, target, days overdue, the
latest update and the owner's new one) on pages one wide.  Each cell but the
inspection's short name is a formula that shows what the register sheet holds
(:mod:`.workbook_cells`), so a status, owner, closure, new action or update an
owner changes there is what the Summary prints; the RAG is worked out from them
by the register's rules (:func:`~.workbook_worked.rag_formula`).  Each row is as
tall as its text needs, with room for a short new update.  Nothing on the Summary
is edited or imported.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date
from typing import Any

from peeldocs.plans.workbook_about import (
    ABOUT,
    AS_OF_LABEL,
    DATE_FORMAT,
    ILLUSTRATIVE,
    SUMMARY,
    WHOSE,
    WHOSE_LABEL,
    about_ref,
)
from peeldocs.plans.workbook_cells import LATER, SHOWN, Placed, cached, formula
from peeldocs.plans.workbook_moved import deadline_words
from peeldocs.plans.workbook_print import (
    FONT,
    NEW_UPDATE_ROOM,
    SUMMARY_UPDATE_ROOM,
    boxed,
    print_setup,
)
from peeldocs.plans.workbook_values import PrintedWords, dated_text, text_literal

TITLE_ROW, HEADER_ROW = 1, 2
SHORT_WARNING = f"{ILLUSTRATIVE} it includes constructed examples, which the sheet 'About' names."
"""What the Summary's title says of an illustrative register, atop every printed page: the
full warning, on About, would take a third of each page in red (read 33)."""
_RAG_FILLS = {"Red": "F4C7C3", "Amber": "FCE8B2", "Green": "B7E1CD"}


def _lines(values: Sequence[str], widths: Sequence[int]) -> int:
    """Return how many lines the tallest of a row's texts takes when wrapped at word breaks."""
    # 11 pt Calibri (and LibreOffice's stand-in, Carlito) sets some 1.2 characters of
    # prose a unit of column width; words wrap whole, so a line holds fewer
    return max((sum(len(textwrap.wrap(part, max(1, int(w * 1.2)))) or 1
                    for part in v.split("\n")) for v, w in zip(values, widths, strict=True)),
               default=1)


CLOSURE = (" Closed on 30 September 2024, signed off by Detective Chief Superintendent. "
           "Evidence: Board minute 12/24.")
"""What an owner's closure of an open finding adds to its 'Actions planned', for which its row
keeps room: closing is the edit owners make most."""

MOVE = ("Target moved from 30 September 2024 to 31 December 2024: the system supplier delayed "
        "the change to December. ")
"""What moving an open finding's target with a reason adds to its 'Latest update', for which
its row keeps room: the second edit owners make most (read 32: a reason clipped in print)."""


def _latest_room(said: str, values: dict[str, Any], due: date | None) -> str:
    """Return what an owner's edits may add to a row's 'Latest update', for which it keeps room.

    :data:`~.workbook_cells.LATER` when an update or closure is dated after the register's
    date (read 36: a flagged update clipped in print); while open, HMICFRS's deadline once
    the register's date passes it, and a moved target's reason unless one is recorded
    (read 32).
    """
    room = LATER
    if values.get("status") != "Closed":
        if due is not None and deadline_words(due) not in said:
            room += deadline_words(due)
        if not values.get("target_reason"):
            room += MOVE
    return room


def row_height(lines: int) -> float:
    """Return a Summary row's height in points for ``lines`` lines of 11 pt text, and a little."""
    return 15 * lines + 6


def summary_sheet(book: Any, placed: list[Placed], letters: dict[str, str], title: str,
                  head: str, marking: str | None, values: dict[int, dict[str, Any]],
                  words: PrintedWords | None = None, whose: str | None = None,
                  labels: dict[str, str] | None = None,
                  ) -> tuple[dict[str, str | int], dict[tuple[str, int], int]]:
    """Add the Summary sheet after About: the register's rows, as the register sheets hold them.

    ``letters``: each register column's letter; ``values``: each placed row's
    values as exported (by its index in ``placed``), to size its row; ``words``:
    the register document's words for each finding; ``whose``: the force or office
    whose register it is, which the running head names (else the title shows About's
    'Register of', asking for it while it is to be completed); ``labels``: each plan's
    inspection as the documents' tables name it.  Return what each formula
    gives for the register as exported, by cell, to store with it
    (:func:`~.workbook_values.with_values`), and how many characters of a new update
    each row prints in full, by (register sheet, row) (at most ``NEW_UPDATE_ROOM``).
    """
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = book.create_sheet(SUMMARY, index=1)
    if ILLUSTRATIVE in title:  # said in full on About; once, short, on every printed page here
        title = f"{title.split(f'. {ILLUSTRATIVE}')[0]}. {SHORT_WARNING}"
    said = f"Summary of the r{title[1:]}" if title.startswith("Register") else f"Summary: {title}"
    lead = ws.cell(row=TITLE_ROW, column=2, value=said)  # beside the marking (A1)
    stored: dict[str, str | int] = {lead.coordinate: said}
    when = about_ref(book, AS_OF_LABEL)
    as_of = next(r[1].value for r in book[ABOUT].iter_rows(max_col=2) if r[0].value == AS_OF_LABEL)
    lead.value = "=" + dated_text(said, as_of, when)  # the date the keeper sets on About
    if not whose:  # whatever About's 'Register of' says: filled there, it prints here
        of = about_ref(book, WHOSE_LABEL)
        lead.value = (f"={dated_text(said + ' Register of: ', as_of, when)}&IF(TRIM({of})=\"\","
                      f"{text_literal(WHOSE)},TRIM({of}))&\".\"")
        said = stored[lead.coordinate] = f"{said} Register of: {WHOSE}."
    lead.font = Font(name=FONT, bold=True)
    lead.alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=TITLE_ROW, start_column=2, end_row=TITLE_ROW, end_column=len(SHOWN))
    widths = [s.width for s in SHOWN]
    # bold, wrapped at word breaks at a little under a character a unit of width (it sets
    # some 1.05): counted so, the lines need no spare line under them
    lines = len(textwrap.wrap(said, int(sum(widths[1:]) * 0.95))) or 1
    ws.row_dimensions[TITLE_ROW].height = 15 * lines + 6
    ws.row_dimensions[HEADER_ROW].height = 30  # 'Days overdue' on two lines
    fill = PatternFill("solid", fgColor="1F3864")
    for col, shown in enumerate(SHOWN, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=shown.heading)
        cell.font, cell.fill = Font(name=FONT, bold=True, color="FFFFFF"), fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(col)].width = shown.width
    wrap, body = Alignment(wrap_text=True, vertical="top"), Font(name=FONT)
    centred = Alignment(horizontal="center", vertical="top")
    rooms: dict[tuple[str, int], int] = {}
    # a line of the 'New update' column, counted short: words wrap whole
    update_line = int(next(s.width for s in SHOWN if s.heading == "New update") * 0.95)
    for n, place in enumerate(placed):
        r = HEADER_ROW + 1 + n
        said_of = (words.entries.get((place.entry.plan, place.entry.state.item.finding))
                   if words else None)
        texts = []
        for col, shown in enumerate(SHOWN, start=1):
            cell = ws.cell(row=r, column=col)
            value = cached(shown, values[n], said_of, place.entry)
            if shown.keys == ("inspection",) and labels:  # as the documents' tables name it
                cell.value = value = labels.get(place.entry.plan, str(value or ""))
                cell.data_type = "s"
            else:
                cell.value = formula(shown, place, letters, said_of, when)
                if value is not None:
                    stored[cell.coordinate] = value
            cell.alignment, cell.font = wrap, body
            if shown.kind in ("date", "number"):  # centred: never run into the next column
                cell.number_format = DATE_FORMAT if shown.kind == "date" else "#,##0"
                cell.alignment = centred
            # a spreadsheet program does not make a row taller for what a formula shows: a
            # short new update an owner writes on the register sheet has room (a longer one
            # is warned of as it is written)
            texts.append("" if shown.kind in ("date", "number") or shown.heading == "New update"
                         else str(value or "") + (CLOSURE if shown.keys == ("actions",)
                                                  and values[n].get("status") != "Closed"
                                                  else ""))
        lines = max(_lines(texts, widths), -(-SUMMARY_UPDATE_ROOM // update_line))
        rooms[(place.sheet, place.row)] = min(NEW_UPDATE_ROOM, lines * update_line)
        at = [s.heading for s in SHOWN].index("Latest update")
        lines = max(lines, _lines([t + _latest_room(texts[at], values[n], place.entry.due)
                                   if i == at else t for i, t in enumerate(texts)], widths))
        ws.row_dimensions[r].height = row_height(lines)
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
    return stored, rooms
