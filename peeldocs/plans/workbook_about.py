"""The register workbook's sheets for reading, not editing, and how every sheet prints.

The About sheet, which the workbook opens on, first says what a reader of the
register needs: whose register it is, its protective marking (each marked to be
completed when not given, as the other formats ask), its date, what its
statuses and RAG ratings mean (the documents' words), and its source.  Only
that part prints.  Below it, on screen only, notes for whoever edits the file
say how, where the printed marking is set, and what the hidden columns and
sheet are for, in plain words.  The items addressed to other bodies, which the
register keeps with their report but does not track, are on a read-only sheet
of their own.  How each prints is in :mod:`.workbook_print`.
"""

from __future__ import annotations

import re
import textwrap
from datetime import date
from typing import Any

from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.register import Register, owning_force, register_title
from peeldocs.plans.register_names import CONSTRUCTED, constructed_words
from peeldocs.plans.register_table import Column
from peeldocs.plans.rules import DEADLINE_NOTE, rag_meaning_words
from peeldocs.plans.workbook_notes import editing_rows, to_complete
from peeldocs.plans.workbook_print import (
    FONT,
    MARKING,
    PLACEHOLDER_FILL,
    boxed,
    fit_rows,
    print_setup,
)

ABOUT = "About"
SUMMARY = "Summary"
"""The read-only sheet that prints the register one finding to a row: never imported."""
OTHERS = "Addressed to other bodies"
"""The read-only sheet of items addressed to other bodies: never read back by import."""
AS_OF_LABEL = "Register as of"
WHOSE_LABEL = "Register of"
DATE_FORMAT = "d mmm yyyy"
LONG_DATE_FORMAT = "d mmmm yyyy"
"""The register's date on About, written in full as every format writes it: 15 October 2024."""
WHOSE = "{to be completed: the force or office whose register this is}"
"""What the workbook shows, as the other formats do, for what only its author can say
(and :data:`.workbook_print.MARKING` for the marking)."""


_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")
ILLUSTRATIVE = "ILLUSTRATIVE EXAMPLE:"
"""How the workbook's warnings begin, in capitals as the documents' running heads."""
ADDED_COLUMNS = (
    Column("new_action", "New action", True, "long", 30),
    Column("new_evidence", "New evidence", True, "long", 24),
)
"""Where an owner proposes an action or gives an evidence reference, one to a line:
``actions import`` adds each to the item's 'actions' or 'evidence' in its plan."""


def sheet_names(titles: list[str]) -> dict[str, str]:
    """Return a valid, unique sheet name (31 characters at most) for each inspection title."""
    out: dict[str, str] = {}
    used = {ABOUT.lower(), OTHERS.lower(), SUMMARY.lower()}
    for title in titles:
        base = " ".join(_BAD_SHEET.sub(" ", title).split())[:28].strip("' ") or "Inspection"
        name, n = base, 2
        while name.lower() in used:
            name, n = f"{base[:26]} {n}", n + 1
        used.add(name.lower())
        out[title] = name
    return out


def sheet_title(reg: Register) -> str:
    """Return the line above a register sheet's headings: its title, and any warning.

    'Register of actions … as of 15 October 2024. ILLUSTRATIVE EXAMPLE: This
    register includes constructed examples: … Every action plan in it is
    invented. …', the same sentences as the About sheet's, so a screenshot of the
    sheet alone carries what the documents say.
    """
    title = register_title(reg)
    return f"{title}. {illustrative_words(reg, lead=True)}" if reg.illustrative else title


def illustrative_words(reg: Register, *, lead: bool = False) -> str:
    """Say what in the register is constructed, as every other format says it.

    'ILLUSTRATIVE EXAMPLE: Every action plan in it is invented. The text of the
    national thematic inspection is constructed for illustration; …'; with
    ``lead``, the documents' first sentence too ('This register includes
    constructed examples: …').
    """
    said = [CONSTRUCTED] if lead else []
    said += constructed_words(reg) or ([] if lead else [CONSTRUCTED])
    return f"{ILLUSTRATIVE} {' '.join(said)}"


def status_word(value: str) -> str:
    """Return a status or RAG as the documents write it: 'In progress', 'Red'."""
    return value[:1].upper() + value[1:]


def about_sheet(book: Any, reg: Register, *, marking: str | None, head: str,
                illustrative: str | None, hidden: tuple[str, ...], registers: tuple[str, ...],
                exported: str, headline: tuple[tuple[str, str], ...] = (),
                unprinted: tuple[tuple[str, str], ...] = ()) -> None:
    """Add the About sheet: what the register is and how to read it, then how to edit it.

    Only the first part prints: what a reader of the printed register needs.
    The notes for whoever edits the file follow it on screen, under their own
    heading, outside the print area, and never name the software, its files or
    its commands.  ``headline``: (label, sentences) the register document leads
    with, printed here too; ``unprinted``: (label, sentences) kept on screen below the
    printed part, as issued (what stands out, which no formula can word).  ``hidden``:
    the headings of the hidden columns; ``head``: the running head printed atop each
    page; ``registers``: the register sheets; ``exported``: the very hidden sheet of the rows as exported.
    """
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    printing = [ABOUT, SUMMARY, *registers] + ([OTHERS] if OTHERS in book.sheetnames else [])
    ws = book.create_sheet(ABOUT)
    read = _reading_rows(reg, marking, illustrative, OTHERS in book.sheetnames,
                         bool(unprinted))
    # listed where it prints, as the PDF's box
    if todo := to_complete(reg, marking, printing, whose_label=WHOSE_LABEL, summary=SUMMARY):
        read.insert(next(i for i, (k, _v) in enumerate(read) if k == AS_OF_LABEL), todo)
    at = next(i for i, (label, _v) in enumerate(read) if label == "Findings") + 1
    read[at:at] = list(headline)  # where the actions stand and what stands out, after the count
    edit = editing_rows(printing, hidden, registers, exported, marked=bool(marking),
                        summary=SUMMARY)
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 100
    # how the figures are worked out, the statuses and how to print: for the editor, unprinted
    rows = [*read, None, *unprinted, *([None] if unprinted else []), (EDITING, EDITING_NOTE),
            *_editor_rows(reg, bool(unprinted)), *edit]
    heading = rows.index((EDITING, EDITING_NOTE)) + 2
    for r, row in enumerate(rows, start=2):  # row 1: the register's title, as the PDF's
        if row is None:
            continue
        label, value = row
        label_cell = ws.cell(row=r, column=1, value=label)
        label_cell.font = Font(name=FONT, bold=True, size=12 if r == heading else 11)
        label_cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell = ws.cell(row=r, column=2, value=value)
        cell.font = Font(name=FONT, italic=r == heading)
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
        if isinstance(value, date):
            cell.number_format = LONG_DATE_FORMAT
        if label == AS_OF_LABEL:  # the keeper sets the date the print's figures are as at
            cell.protection = Protection(locked=False)
            _as_of_check(ws, cell.coordinate, reg.as_of)
        if label in (WHOSE_LABEL, "Protective marking"):  # the author's to write
            cell.protection = Protection(locked=False)
            if str(value).startswith("{to be completed"):
                cell.fill = PatternFill("solid", fgColor=PLACEHOLDER_FILL)
    fit_rows(ws, 2)
    _title(ws, register_title(reg))
    boxed(ws, 2, len(read) + 1, 2)
    if unprinted:
        boxed(ws, len(read) + 3, len(read) + 2 + len(unprinted), 2)
    boxed(ws, heading + 1, len(rows) + 1, 2)
    print_setup(ws, head, marking, 0, one_page=True)  # a page to read before the register
    ws.print_area = f"A1:B{len(read) + 1}"  # what a reader needs; the editing notes stay on screen
    ws.protection.sheet = True


def _title(ws: Any, title: str) -> None:
    """Head the About sheet with the register's title, as a page title, beside the marking (A1)."""
    from openpyxl.styles import Alignment, Font

    cell = ws.cell(row=1, column=2, value=title)
    cell.data_type, cell.font = "s", Font(name=FONT, bold=True, size=14)
    cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
    # 14 pt bold over column B alone (A holds the marking): some 85 characters a line
    ws.row_dimensions[1].height = 20 * (len(textwrap.wrap(title, 85)) or 1) + 4


def _as_of_check(ws: Any, cell: str, exported: date) -> None:
    """Let the register's date be set to a date no earlier than the one it was exported as of."""
    from openpyxl.worksheet.datavalidation import DataValidation

    when = f"DATE({exported.year},{exported.month},{exported.day})"
    check = DataValidation(type="date", operator="between", formula1=when,
                           formula2="DATE(2100,12,31)", showErrorMessage=True,
                           errorTitle="Date", showInputMessage=True,
                           promptTitle="The date the figures are as at",
                           prompt="Set the day of the meeting: every day count, overdue "
                                  "figure and RAG follows it.",
                           error=f"Enter a date no earlier than {exported.day} "
                                 f"{exported:%B %Y}, such as 15 Jan 2025.")
    check.add(cell)
    ws.add_data_validation(check)


def about_ref(book: Any, label: str) -> str:
    """Return a reference to the About sheet's cell beside ``label``: 'About'!$B$4."""
    ws = book[ABOUT]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)
    return f"'{ABOUT}'!$B${row}"


EDITING = "Editing this workbook"
EDITING_NOTE = "For whoever edits this file. These notes are not printed."


def _reading_rows(reg: Register, marking: str | None, illustrative: str | None,
                  others: bool, as_issued: bool = False) -> list[tuple[str, Any]]:
    """Return the About sheet's rows for a reader of the register, printed or on screen."""
    rows: list[tuple[str, Any]] = [
        (WHOSE_LABEL, owning_force(reg) or WHOSE),
        ("Protective marking", marking or MARKING),
        (AS_OF_LABEL, reg.as_of),
        (FIGURES_LABEL, figures_words(reg.as_of, reg.as_of, as_issued)),
        ("Findings", len(reg.entries)),
        ("RAG", f"{rag_meaning_words()}. Always written as a word; where the plan's author "
                "set it, the sheet '" + SUMMARY + "' gives their reason first in the row's "
                "'Latest update'. The "
                "RAG follows any edit to a status, owner or target date, by the same rules, "
                f"on the register sheet and on '{SUMMARY}'. {DEADLINE_NOTE} in 'Latest update'."),
    ]
    if others:
        rows.append((OTHERS, f"The sheet '{OTHERS}' lists the items the inspections address "
                             "to other bodies: kept with their report, not tracked as the "
                             "force's actions."))
    rows.append(("Source", "Finding text is quoted verbatim from the reports. Contains public "
                           "sector information licensed under the Open Government Licence v3.0."))
    if illustrative:
        rows.insert(0, ("Illustrative", illustrative))
    return rows


FIGURES_LABEL = "Figures as at"


def figures_words(when: date, exported: date, as_issued: bool = False) -> str:
    """Say at what date the print's figures are worked out, and how later edits show.

    What :func:`~.workbook_overdue.set_figures_row` gives while the register's date is
    ``when``; the register was issued as of ``exported``; with ``as_issued``, what stood
    out then is kept on screen, as issued, and said to be in the register document.
    """
    return (f"Every day count, overdue figure and RAG rating in this print is worked out as at "
            f"{when.day} {when:%B %Y}, the date above. The register was issued as of "
            f"{exported.day} {exported:%B %Y}; changes returned since are shown as they stand, "
            "and a finding with a new update or closure dated after the date above says so "
            "('Dated after the register’s date') at the start of its latest update."
            + (" What stood out when the register was issued is not printed: it is in the "
               f"register document of {exported.day} {exported:%B %Y}." if as_issued else ""))


def _editor_rows(reg: Register, as_issued: bool) -> list[tuple[str, Any]]:
    """Return the notes on how the figures are worked out and how to print: on screen only."""
    rows: list[tuple[str, Any]] = [
        ("Worked-out columns", "'Days slipped', 'Overdue' and 'Days overdue' are worked out "
                               "from each finding's target dates and status as at the date in "
                               f"'{AS_OF_LABEL}', and follow any edit to them or to that "
                               "date, as does the RAG; set that date to the day of the "
                               "meeting the print is for. The latest update is as the "
                               "register was issued, with any new update beside it."),
        ("Statuses", ", ".join(status_word(s.value) for s in ItemStatus)),
    ]
    issued = (" Every figure on this page and the Summary follows any edit to the register "
              "sheet; what stood out when the register was issued is not printed: it is given "
              "above, on screen, and in the register document of "
              f"{reg.as_of.day} {reg.as_of:%B %Y}.") if as_issued else ""
    rows.append(("For a meeting", "Print the first part of this sheet and the sheet "
                                  f"'{SUMMARY}': one finding to a row, with its actions, "
                                  "status, owner, target and latest update. The register "
                                  "sheet is for editing, not for a meeting: printed, it "
                                  "gives each finding in two parts, as 'Printing' says."
                                  + issued))
    return rows
