"""The register as an Excel workbook that owners edit and ``actions import`` reads back.

One register sheet (or one sheet per inspection), each with its header row
frozen, filters, dates as dates, drop-down lists for status and RAG (written as
the documents write them, 'In progress', 'Red'; import reads any case), and
every column owners must not change (ids, verbatim text, derived figures)
locked; the sheets are protected without a password, against accidental edits
only.  Row 1 names the register and says when it is an illustrative example;
row 2 heads the columns.  The two columns only the import needs come last,
grouped and hidden: the plan file, and each row's check, so an edit to an item
that changed since the export is refused.  The worked-out columns are formulas
(:mod:`.workbook_worked`).  The About sheet and the sheet of
items addressed to other bodies are in :mod:`.workbook_about`, with how every
sheet prints.  Text is stored as text: nothing a cell holds is evaluated as a
formula unless the workbook wrote it as one.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.register import Entry, Register, owning_force, register_title
from peeldocs.plans.register_names import brief_labels, compact_labels
from peeldocs.plans.register_table import COLUMNS, Column, row_values
from peeldocs.plans.workbook_about import (
    ABOUT,
    ADDED_COLUMNS,
    AS_OF_LABEL,
    DATE_FORMAT,
    OTHERS,
    SUMMARY,
    about_ref,
    about_sheet,
    illustrative_words,
    sheet_names,
    sheet_title,
    status_word,
)
from peeldocs.plans.workbook_cells import Placed
from peeldocs.plans.workbook_counts import OUTSTANDING_LABEL, STANDING_LABEL, as_issued
from peeldocs.plans.workbook_overdue import owner_rows, set_about_figures
from peeldocs.plans.workbook_parts import print_parts
from peeldocs.plans.workbook_print import (
    FONT,
    NEW_UPDATE_ROOM,
    boxed,
    edit_prompts,
    first_page_columns,
    fit_rows,
    long_update,
    no_owner,
    title_row,
)
from peeldocs.plans.workbook_sheets import (
    EXPORTED,
    as_exported,
    dated_titles,
    document_order,
    fixed_zip,
    marking_title,
    others_sheet,
    page_head,
    plan_forces,
    plan_names,
)
from peeldocs.plans.workbook_summary import summary_sheet
from peeldocs.plans.workbook_values import PrintedWords, header_breaks, with_values
from peeldocs.plans.workbook_worked import set_worked_out

UPDATE_COLUMNS = (
    Column("new_update", "New update", True, "long", 60),
    Column("new_update_date", "New update on", True, "date", 14),
    Column("new_update_by", "New update by", True, width=18),
    *ADDED_COLUMNS,
)
"""Where an owner writes a progress update, and any new action or evidence reference;
``actions import`` appends each to the item's history or lists."""
CHECK = Column("row_check", "Row check", width=18)
PLAN = next(c for c in COLUMNS if c.key == "plan")
REF = next(c for c in COLUMNS if c.key == "finding")
SHEET_COLUMNS = (REF, *(c for c in COLUMNS if c not in (PLAN, REF)), *UPDATE_COLUMNS, PLAN,
                 CHECK)
"""The sheet's columns: the Ref first (frozen on screen, printed at the left of every page),
then what owners read and edit; the plan file and row check, which only ``actions import``
needs, last and hidden."""
HIDDEN = (PLAN.key, CHECK.key)
PRINTED_TO = UPDATE_COLUMNS[-1]
"""The last column printed: all but the hidden ones the import needs, so what owners write prints."""
TITLE_SHARE = 0.85
"""How much of the first printed page's width the title row spans, at most."""
TITLE_ROW, HEADER_ROW = 1, 2
"""Row 1 names the register (and says when it is an illustrative example); row 2 heads the
columns.  A workbook written before the title row has its headings in row 1: both are read."""
_RAG_FILLS = {"red": "F4C7C3", "amber": "FCE8B2", "green": "B7E1CD"}


def letter(index: int) -> str:
    """Return the column letter of a 0-based column index (0 -> A)."""
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _set(cell: Any, value: Any, column: Column) -> None:
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # text stays text: "=..." is never a formula
    if column.kind == "date":
        cell.number_format = DATE_FORMAT
    elif column.kind == "number":
        cell.number_format = "#,##0"  # 1,842 days, as the documents write it


def _sheet(book: Any, name: str, entries: list[Entry], shown: dict[str, str],
           title: str, forces: dict[str, str | None], marking: str | None,
           head: str) -> list[tuple[Placed, dict[str, Any]]]:
    """Add a register sheet; return where each entry's row is, with its values."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = book.create_sheet(name)
    banner = ws.cell(row=TITLE_ROW, column=2, value=title)
    # black, as the Summary's and About's titles: the words say it is an example (read 34)
    banner.font = Font(name=FONT, bold=True, size=11, color="000000")
    # from the column after the Ref, which prints again on every page across, so the title
    # prints once, atop the first page
    across = first_page_columns([c.width for c in SHEET_COLUMNS], TITLE_SHARE)
    title_row(ws, title, TITLE_ROW, [c.width for c in SHEET_COLUMNS[:across]], after=1)
    header_fill = PatternFill("solid", fgColor="1F3864")
    for col, column in enumerate(SHEET_COLUMNS):
        cell = ws.cell(row=HEADER_ROW, column=col + 1, value=column.heading)
        cell.font = Font(name=FONT, bold=True, color="FFFFFF")
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[letter(col)].width = column.width
    unlocked = Protection(locked=False)
    grey = PatternFill("solid", fgColor="F2F2F2")
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    body = Font(name=FONT, size=11)
    placed = []
    for r, entry in enumerate(entries, start=HEADER_ROW + 1):
        values = {**row_values(entry, forces.get(entry.plan)), "plan": shown[entry.plan],
                  "row_check": entry.fingerprint}
        # as the documents write them ('In progress', 'Red'); import reads any case
        values.update({k: status_word(values[k]) for k in ("status", "rag", "overdue")
                       if values[k]})  # 'Yes', 'No', as every other word on the sheet
        item = entry.state.item  # the RAG cell is worked out: the author's rating, else the rules'
        values["authors_rag"] = (status_word(item.rag.value) if item.rag is not None
                                 and item.rag_reason else None)
        values["rag_today"] = status_word(entry.state.rag.value)
        placed.append((Placed(name, r, entry), values))
        for col, column in enumerate(SHEET_COLUMNS):
            cell = ws.cell(row=r, column=col + 1)
            _set(cell, values.get(column.key), column)
            cell.alignment = top if column.kind in ("date", "number") else wrap
            cell.font = body
            # the first target, once set, is the baseline slippage is measured from: locked
            if column.editable and column.key != "rag" and not (
                    column.key == "original_target" and cell.value):
                cell.protection = unlocked
            else:
                cell.fill = grey
    first, last = HEADER_ROW + 1, max(HEADER_ROW + 1, len(entries) + HEADER_ROW)
    cols = {c.key: letter(i) for i, c in enumerate(SHEET_COLUMNS)}
    lists = (("status", ItemStatus, "Status"),)  # the RAG is worked out, not chosen
    for key, enum_cls, what in lists:
        words = ",".join(status_word(m.value) for m in enum_cls)
        dv = DataValidation(type="list", formula1=f'"{words}"', allow_blank=True,
                            showErrorMessage=True, errorTitle=what,
                            error=f"Choose one of: {words.replace(',', ', ')}.")
        dv.add(f"{cols[key]}{first}:{cols[key]}{last}")
        ws.add_data_validation(dv)
    dates = DataValidation(type="date", operator="between", formula1="DATE(1990,1,1)",
                           formula2="DATE(2100,12,31)", allow_blank=True, showErrorMessage=True,
                           errorTitle="Date",
                           error="Enter a date, such as 31 Mar 2025 (or 31/03/2025).")
    for column in SHEET_COLUMNS:
        if column.editable and column.kind == "date":  # the cells left open: none locked
            for r in range(first, last + 1):
                if not ws[f"{cols[column.key]}{r}"].protection.locked:
                    dates.add(f"{cols[column.key]}{r}")
    ws.add_data_validation(dates)
    # the prompt on every row of each free-text column, as on the drop-down and date cells:
    # whichever editable cell is selected says so, not by its white fill alone
    edit_prompts(ws, ws.data_validations.dataValidation, [
        f"{cols[c.key]}{first}:{cols[c.key]}{last}" for c in SHEET_COLUMNS
        if c.editable and c.kind not in ("date", "status", "rag")
        and c.key != "new_update"])  # its check warns of a long update, with the prompt
    no_owner(ws, cols, first, last)
    for word, colour in _RAG_FILLS.items():  # the word is always there; colour only helps
        ws.conditional_formatting.add(f"{cols['rag']}{first}:{cols['rag']}{last}", CellIsRule(
            operator="equal", formula=[f'"{status_word(word)}"'], fill=PatternFill("solid", bgColor=colour)))
    # the rows under the headings and the columns up to the Ref stay in view
    ws.freeze_panes = f"{letter(SHEET_COLUMNS.index(REF) + 1)}{first}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{letter(len(SHEET_COLUMNS) - 1)}{last}"
    for key in HIDDEN:  # only the import reads them: grouped, hidden, and explained on About
        ws.column_dimensions[cols[key]].hidden = True
        ws.column_dimensions[cols[key]].outlineLevel = 1
    fit_rows(ws, HEADER_ROW, room={cols["new_update"]: NEW_UPDATE_ROOM})
    boxed(ws, HEADER_ROW, last, SHEET_COLUMNS.index(PRINTED_TO) + 1)
    print_parts(ws, cols, head, marking, header_row=HEADER_ROW, last_row=last, hidden=HIDDEN)
    ws.protection.sheet = True
    # filtering works on a protected sheet; sorting does not where cells are locked, so it is
    # not offered (read 15-R)
    for allowed in ("autoFilter", "formatColumns", "formatRows"):
        setattr(ws.protection, allowed, False)
    return placed


def register_workbook(reg: Register, *, per_inspection: bool = False,
                      created: datetime | None = None, marking: str | None = None,
                      words: PrintedWords | None = None) -> bytes:
    """Return the register as ``.xlsx`` bytes: one sheet, or one per inspection, and About.

    ``created`` dates the file (default: the as-of date), so the same register
    gives the same bytes; ``marking`` goes into About's marking cell, which the top
    left cell of every printed page shows, and every sheet's header and footer;
    ``words``: what the register document says (its headline, each finding's
    actions and latest update), printed the same on About and the Summary.

    >>> import io, openpyxl, peeldocs
    >>> reg = peeldocs.register(["examples/norfolk-2018-action-plan.yaml"], as_of="2019-10-15")
    >>> book = openpyxl.load_workbook(io.BytesIO(peeldocs.register_workbook(reg)))
    >>> book.sheetnames, book["Register"].freeze_panes, book["As exported"].sheet_state
    (['About', 'Summary', 'Register', 'As exported'], 'B3', 'veryHidden')
    """
    from openpyxl import Workbook
    from openpyxl.workbook.protection import WorkbookProtection

    book = Workbook()
    book.remove(book.active)
    shown = plan_names(reg.entries)
    title, head = sheet_title(reg), page_head(reg)
    if per_inspection:
        labels = brief_labels(reg)  # by plan: inspections with the same title stay apart
        plans = list(dict.fromkeys([line.plan for line in reg.inspections]
                                   + [e.plan for e in reg.entries]))
        names = sheet_names([labels.get(plan, plan) for plan in plans])
        placed = [p for plan in plans for p in _sheet(
            book, names[labels.get(plan, plan)], [e for e in reg.entries if e.plan == plan],
            shown, title, plan_forces(reg), marking, head)]
    else:
        placed = _sheet(book, "Register", document_order(reg), shown, title, plan_forces(reg),
                        marking, head)
    others_sheet(book, reg, reg.labels(), head, marking,
                 illustrative_words(reg, lead=True) if reg.illustrative else None)
    registers = book.sheetnames[:len(book.sheetnames) - (OTHERS in book.sheetnames)]
    headline = tuple(words.headline if words else ())
    # what stands out is worded, not worked out: kept on screen, as issued, out of the print
    # (read 28-R); the overdue figures and open findings by owner are worked out and printed
    outstanding = tuple((f"{label} (as issued)", as_issued(reg.as_of, said))
                        for label, said in headline if label == OUTSTANDING_LABEL)
    about_sheet(book, reg, marking=marking, head=head,
                illustrative=illustrative_words(reg, lead=True) if reg.illustrative else None,
                hidden=(PLAN.heading, CHECK.heading), registers=tuple(registers),
                exported=EXPORTED, unprinted=outstanding,
                headline=tuple(h for h in headline if h[0] != OUTSTANDING_LABEL)
                + tuple(owner_rows(reg)))
    book.move_sheet(ABOUT, offset=-(len(book.sheetnames) - 1))
    letters = {c.key: letter(i) for i, c in enumerate(SHEET_COLUMNS)}
    as_of = about_ref(book, AS_OF_LABEL)  # the date the keeper sets: every figure follows it
    worked = {name: set_worked_out(book[name], [(p.row, v) for p, v in placed if p.sheet == name],
                                   letters, as_of) for name in registers}
    counted = set_about_figures(book, reg, {(p.sheet, p.row): p.entry for p, _v in placed},
                                letters, dict(headline).get(STANDING_LABEL))
    stored, rooms = summary_sheet(book, [p for p, _v in placed], letters, title, head,
                                  marking, dict(enumerate(v for _p, v in placed)), words,
                                  owning_force(reg), compact_labels(reg))
    for name in registers:  # a new update longer than its row prints in full is warned of
        long_update(book[name], {f"{letters['new_update']}{row}": room
                                 for (sheet, row), room in rooms.items() if sheet == name})
    marked = about_ref(book, "Protective marking")  # typed there, printed atop every page
    titles = {name: marking_title(book[name], marked, marking, repeat=name != ABOUT)
              for name in (ABOUT, SUMMARY, *registers,
                           *([OTHERS] if OTHERS in book.sheetnames else []))}
    dated_titles(book, reg, as_of, titles, {ABOUT: register_title(reg), **dict.fromkeys(registers, title)},
                 also=dict.fromkeys(registers, f"{letters['status']}1"))  # atop the first part
    book.active = 0  # opens on About: what the workbook is, and how to edit and print it
    as_exported(book, reg)
    when = created or datetime(reg.as_of.year, reg.as_of.month, reg.as_of.day)
    book.properties.creator = "peeldocs"
    book.properties.title = register_title(reg)
    book.properties.language = "en-GB"
    book.properties.created = book.properties.modified = when.replace(tzinfo=None)
    # no sheet can be added, removed, renamed or moved (no password): the return is read by name
    book.security = WorkbookProtection(lockStructure=True)
    buf = io.BytesIO()
    book.save(buf)
    data = header_breaks(with_values(with_values(buf.getvalue(), SUMMARY, stored), ABOUT,
                                     counted))
    for name, values in titles.items():
        data = with_values(data, name, {**worked.get(name, {}), **values})
    return fixed_zip(data, when)
