"""The register workbook's sheets for reading, not editing, and how every sheet prints.

The About sheet says whose register it is, its protective marking (each marked
to be completed when not given, as the other formats ask), how to edit the
workbook and what its hidden columns are for.  The items addressed to other
bodies, which the register keeps with their report but does not track, are on
a read-only sheet of their own.  Every sheet prints A4 landscape, one page
wide, with the marking in its header and footer and page X of Y.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.register import Register, owning_force

ABOUT = "About"
OTHERS = "Addressed to other bodies"
"""The read-only sheet of items addressed to other bodies: never read back by import."""
AS_OF_LABEL = "Register as of"
DATE_FORMAT = "d mmm yyyy"
WHOSE = "{to be completed: the force or office whose register this is}"
MARKING = "{to be completed: the marking, such as OFFICIAL}"
"""What the workbook shows, as the other formats do, for what only its author can say."""


def status_word(value: str) -> str:
    """Return a status or RAG as the documents write it: 'In progress', 'Red'."""
    return value[:1].upper() + value[1:]


def print_setup(ws: Any, title: str, marking: str | None, header_row: int) -> None:
    """A4 landscape, one page wide, headings repeated, title, marking and page X of Y."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if header_row:
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_options.gridLines = True
    marked = (marking or MARKING).replace("&", "&&")
    ws.oddHeader.left.text = marked
    ws.oddHeader.center.text = title.replace("&", "&&")
    ws.oddFooter.left.text = marked
    ws.oddFooter.center.text = "Page &P of &N"


def about_sheet(book: Any, reg: Register, *, marking: str | None, files: str,
                illustrative: str | None, hidden: tuple[str, ...]) -> None:
    """Add the About sheet: whose register, its marking, and how to edit and read it.

    ``files``: the plan files as the 'Plan file' column names them; ``hidden``:
    the headings of the columns only the import reads.
    """
    from openpyxl.styles import Alignment, Font

    ws = book.create_sheet(ABOUT)
    rows: list[tuple[str, Any]] = [
        ("Register of", owning_force(reg) or WHOSE),
        ("Protective marking", marking or MARKING),
        (AS_OF_LABEL, reg.as_of),
        ("Items", len(reg.entries)),
        ("How to edit", "Change the owner, lead, status, RAG, dates, reasons and who signed "
                        "off a closure in the white columns; write progress in 'New update' "
                        "(with its date, or the date it is imported is used). Grey columns are "
                        "locked: they come from the reports and the plans. Send the file back "
                        "to be imported; an item changed since this file was made is refused, "
                        "so re-export first."),
        ("Actions, evidence", "'Actions planned' and 'Evidence' are changed in the action "
                              f"plan {files}, under the item's 'actions' and "
                              "'evidence', not in this workbook; export the register again "
                              "to see them here."),
        ("Statuses", ", ".join(status_word(s.value) for s in ItemStatus)),
        ("RAG", "Red, Amber or Green, always written as a word; leave it as the register set "
                "it, or change it and give the reason in 'RAG reason'."),
        ("Hidden columns", f"{' and '.join(repr(h) for h in hidden)}, grouped and hidden at "
                           "the far right of each register sheet, are for the import only: "
                           "they tell it which plan file each row belongs to and whether the "
                           "item has changed since this file was made. Leave them as they are."),
        ("Source", "Finding text is quoted verbatim from the reports. Contains public sector "
                   "information licensed under the Open Government Licence v3.0."),
    ]
    if reg.inspections and any(line.not_tracked for line in reg.inspections):
        rows.insert(-1, (OTHERS, f"The sheet '{OTHERS}' lists the items the inspections "
                                 "address to other bodies: kept with their report, not "
                                 "tracked as the force's actions, and not imported."))
    if illustrative:
        rows.insert(0, ("Illustrative", illustrative))
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 100
    for r, (label, value) in enumerate(rows, start=1):
        ws.cell(row=r, column=1, value=label).font = Font(bold=True)
        cell = ws.cell(row=r, column=2, value=value)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if isinstance(value, date):
            cell.number_format = DATE_FORMAT
    print_setup(ws, "About this register", marking, 0)
    ws.protection.sheet = True


def others_sheet(book: Any, reg: Register, labels: dict[str, str], title: str,
                 marking: str | None, warning: str | None) -> None:
    """Add the read-only sheet of items addressed to other bodies, when there are any.

    ``labels``: each plan's inspection as the register sheet names it; ``title``:
    the register's, printed in the header; ``warning``: that it is an example.
    """
    from openpyxl.styles import Alignment, Font, PatternFill

    items = [(line, item) for line in reg.inspections for item in line.not_tracked]
    if not items:
        return
    ws = book.create_sheet(OTHERS)
    banner = ("Items the inspections address to other bodies: kept with their report, not "
              "tracked as the force's actions" + (f". {warning}" if warning else "."))
    ws.cell(row=1, column=1, value=banner).font = Font(
        bold=True, size=12, color="C00000" if warning else "000000")
    heads = (("Ref", 12), ("Inspection", 40), ("Addressed to", 30), ("Item (verbatim)", 90))
    fill = PatternFill("solid", fgColor="1F3864")
    for col, (head, width) in enumerate(heads, start=1):
        cell = ws.cell(row=2, column=col, value=head)
        cell.font, cell.fill = Font(bold=True, color="FFFFFF"), fill
        ws.column_dimensions[chr(64 + col)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, (line, item) in enumerate(items, start=3):
        values = (item.id, labels.get(line.plan, line.title),
                  (item.addressee or "Another body").replace("'", "’"), item.full_text)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col, value=value)
            cell.data_type = "s"  # text stays text: "=..." is never a formula
            cell.alignment = wrap
    ws.freeze_panes = "A3"
    print_setup(ws, title, marking, 2)
    ws.protection.sheet = True
