"""The About sheet's notes: what is still to complete, and how to edit the register workbook.

The list of what the author still has to complete prints; the notes for whoever
edits the file are on screen only, in plain words: how to edit, where actions
and evidence go, what follows an edit (the worked-out columns, the RAG, the
Summary's prompts), how to print, where the printed marking is set, and what the
hidden columns and sheet are for.  They never name the software, its files or
its commands.
"""

from __future__ import annotations

from typing import Any

from peeldocs.plans.register import Register, owning_force
from peeldocs.plans.workbook_print import HEADER_STEPS, MARKING_HEAD, SUMMARY_UPDATE_ROOM
from peeldocs.plans.workbook_values import text_literal


def sheets_words(names: list[str]) -> str:
    """Name sheets in words: "the sheet 'About'", "the sheets 'About', 'Register' and 'X'"."""
    quoted = [f"'{n}'" for n in names]
    if len(quoted) == 1:
        return f"the sheet {quoted[0]}"
    return f"each of the sheets {', '.join(quoted[:-1])} and {quoted[-1]}"


def editing_rows(printing: list[str], hidden: tuple[str, ...], registers: tuple[str, ...],
                 exported: str, *, marked: bool, summary: str) -> list[tuple[str, Any]]:
    """Return the About sheet's rows for whoever edits the file: on screen only, in plain words."""
    where = "the Register sheet" if len(registers) == 1 else "each register sheet"
    return [
        ("How to edit", "Change the owner, lead, status, dates, reasons and who signed "
                        "off a closure in the white columns; write progress in 'New update', "
                        "with its date. Grey columns are locked: they come from the reports "
                        "and the action plans. Return the file to whoever keeps the register. "
                        "A change to an item that has changed in the register since this file "
                        "was made is not taken in: ask for a new copy first."),
        ("Actions, evidence", "'Actions planned' and 'Evidence' are kept in the action plans: "
                              "write a new action in 'New action', or an evidence reference in "
                              "'New evidence', one to a line, and it is added when the file is "
                              "returned; ask whoever keeps the register to change or remove "
                              "one."),
        ("Editing a date or status", "'Days slipped', 'Overdue' and 'Days overdue' are "
                                     "worked out again, here and on the sheet "
                                     f"'{summary}', when a target date or status is edited. "
                                     "The RAG is worked out again too, here and there, by "
                                     "the same rules; a RAG the plan's author set, with its "
                                     "reason, stays as set. The latest update changes once "
                                     "a new update is taken in."),
        ("Closing a finding", "Set the status to 'Closed' and give the date in 'Closed on', "
                              "who signed the closure off in 'Signed off by', and the evidence "
                              f"reference in 'New evidence'. Until each is given, '{summary}' "
                              "says the closure has no sign-off or no evidence reference "
                              "recorded, and the cell here is highlighted. Where an owner is "
                              f"given but the status still says 'Awaiting allocation', "
                              f"'{summary}' says so too: change the status."),
        ("Changing a RAG", "The RAG is worked out from each finding's status, owner and "
                           "dates, and is locked: change those to change it. To keep the "
                           "rating shown as set by hand, give the reason in 'RAG reason'. "
                           "An overdue item is never rated Green."),
        ("Printing", f"For a meeting, print 'About' and '{summary}'. The register sheet "
                     "prints two parts, each a page wide, with 'Ref' on every page: from "
                     "'Status' to 'Closed on', then from 'New update' to 'New evidence', "
                     "what owners write for the next update. Each row has "
                     "room for a new update of a length of its own, at "
                     f"least {SUMMARY_UPDATE_ROOM} characters, here and on '{summary}': its "
                     "'New update' cell gives the row's limit when selected. A longer one is "
                     "warned of as it is written: before printing, make its row taller here "
                     f"and on '{summary}' (double-click the lower edge of its row number)."),
        ("Marking when printed", "The top left cell of every printed page "
                                 "shows what the 'Protective marking' cell above says, "
                                 "and that it is to be completed until it is set."
         + (" The marking given when this file was made is in every page's header and footer "
            f"too: if the marking changes, change them ({HEADER_STEPS}), on "
            f"{sheets_words(printing)}." if marked else
            " A page's header and footer cannot read a cell, so they carry no marking until "
            f"it is typed there too: type it in {HEADER_STEPS}, on {sheets_words(printing)}, "
            "so it prints at the top and foot of every page, as in the register's other "
            "formats.")),
        ("Hidden columns", f"{' and '.join(repr(h) for h in hidden)}, grouped and hidden at "
                           f"the far right of {where}, let the register take back the edits "
                           "made here: they say which action plan each row belongs to and "
                           "whether the item has changed since this file was made. Leave them "
                           "as they are."),
        ("Hidden sheet", f"A sheet named '{exported}', hidden so that it is not edited by "
                         "mistake (it cannot be unhidden from the menus), keeps every row as "
                         "this file was made, and where each action plan is kept, so that the "
                         "register can tell what was changed here and say in its next update "
                         "what has changed since."),
    ]


TO_COMPLETE = "To complete"
LEFT = "Before this register is issued, complete:"
DONE = "Nothing is left to complete."
"""What About's 'To complete' says once every place is completed."""


def to_complete(reg: Register, marking: str | None, printing: list[str], *, whose_label: str,
                summary: str) -> tuple[str, str] | None:
    """Return the printed About row listing every place the author still has to complete.

    As the other formats' 'To complete before this register is issued' box: whose
    register it is (which completes the Summary's title too), and, when no marking
    was given, the 'Protective marking' cell, which every printed page shows by
    formula.  None when nothing is left.
    """
    todo = []
    if not owning_force(reg):
        todo.append(f"'{whose_label}' above, which completes the title of the sheet "
                    f"'{summary}' too")
    if not marking:
        todo.append("'Protective marking' above, which every printed page shows at its top "
                    f"left: until it is set, each says “{MARKING_HEAD}”. A page's header and "
                    "footer cannot read a cell: to print the marking at the top and foot of "
                    f"every page too, type it there on each sheet ({HEADER_STEPS})")
    if not todo:
        return None
    return (TO_COMPLETE, f"{LEFT}\n" + "\n".join(f"• {t}" for t in todo))


def set_to_complete(about: Any, labels: tuple[str, ...]) -> dict[str, str]:
    """Make About's 'To complete' list a formula, so a place once completed leaves it.

    ``labels``: the About rows whose cell the author completes ('Register of',
    'Protective marking'); each stays listed while its cell is empty or still holds
    its "{to be completed: …}" placeholder.  Returns the cell's stored value.
    """
    rows = {about.cell(r, 1).value: r for r in range(1, about.max_row + 1)}
    if TO_COMPLETE not in rows:
        return {}
    cell = about.cell(rows[TO_COMPLETE], 2)
    listed = str(cell.value).split("\n")[1:]
    parts = []
    for line in listed:
        label = next((k for k in labels if line.startswith(f"• '{k}'") and k in rows), None)
        if label is None:
            return {}  # not the list this was written for: left as words
        ref = f"TRIM($B${rows[label]})"
        parts.append(f'IF(OR({ref}="",LEFT({ref},1)="{{"),CHAR(10)&{text_literal(line)},"")')
    items = "&".join(parts)
    stored = str(cell.value)
    cell.value = f'=IF({items}="",{text_literal(DONE)},{text_literal(LEFT)}&{items})'
    return {cell.coordinate: stored}
