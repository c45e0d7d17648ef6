"""``actions import``: merge the edits owners made in a register workbook into the plans.

Each row is compared with what the export held for its item (the plan as it
is now, on the export's as-of date); the differences are the edits.  Owners,
leads, statuses, RAG and reasons, dates and closure are set; a new update is
appended to the item's history, and a new action or evidence reference to its
list, never replacing what they hold.  Every edit is checked
first, and nothing is written unless all of them pass: an edit to an item
that changed since the export, an unknown status or RAG, a date that is not a
date, a closed item without its closing date, are each refused with the sheet
and cell.  The plan files keep every other byte.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from peeldocs.errors import DataError, Problem
from peeldocs.plans.files import parse_plan
from peeldocs.plans.plan import ItemStatus, Rag
from peeldocs.plans.register import Entry, LoadedPlan, entries_of, inspection_line
from peeldocs.plans.register_files import load_one
from peeldocs.plans.register_table import COLUMNS, DERIVED, FIXED, PLAN_ONLY, row_values
from peeldocs.plans.workbook_read import SheetRow, read_rows, same_cell
from peeldocs.plans.workbook_read import plan_file as plan_file_at
from peeldocs.plans.workbook_row import RowReader, text_of
from peeldocs.plans.workbook_sheets import PLAN_PATH
from peeldocs.plans.yaml_edit import EditError, ItemEdit, edit_plan_text
from peeldocs.sources.yamlsource import read_yaml

EDITABLE = tuple(c for c in COLUMNS if c.editable)
ADDED = {"new_action": "actions", "new_evidence": "evidence"}
"""The columns whose lines are added to an item's list, by the list they go to."""


@dataclass(frozen=True, slots=True)
class WorkbookImport:
    """What ``actions import`` did: plans changed, cells taken, updates appended."""

    changed: tuple[str, ...]
    cells: int
    updates: int
    notes: tuple[str, ...] = ()
    """What the workbook holds that was not imported (columns added, rows deleted)."""


def _path(row: SheetRow, kept: dict[str | None, str | None]) -> str | None:
    """Return the plan file a row belongs to: the path the hidden sheet kept for its name."""
    shown = text_of(row.cells.get("plan"))
    return kept.get(shown) or shown


def _edits(row: SheetRow, entry: Entry, loaded: LoadedPlan, file: str, today: date,
           problems: list[Problem], exported: dict[str, Any]) -> tuple[ItemEdit | None, int]:
    """Return the edit a row makes to its item (None when it makes none), and its cell count."""
    reader = RowReader(row, file, problems)
    before = len(problems)
    expected = row_values(entry, inspection_line(loaded).force)
    changed: dict[str, Any] = {}
    for column in EDITABLE:
        if column.key not in row.cells or column.key in row.formulas:
            continue  # a column taken out edits nothing; a formula (the RAG) is worked out
        ok, value = reader.value(column.key, column.kind)
        was = expected[column.key]
        if ok and value != (was if column.kind == "date" else text_of(was)):
            changed[column.key] = value
    for key in FIXED:  # from the reports: refused, never silently ignored (as exported: an
        # older export may say it otherwise, as a blank 'Addressed to' for a PEEL finding)
        if key in row.cells and text_of(row.cells[key]) not in \
                {text_of(expected[key]), text_of(exported.get(key, expected[key]))}:
            reader.problem(key, "this column quotes the report and cannot be changed here")
    for key, why in {**DERIVED, **PLAN_ONLY}.items():  # an edit there would be lost: refused
        if key in row.formulas:  # worked out on the sheet from the row's cells: not an edit
            continue
        if key in row.cells and key in exported and not same_cell(
                row.cells[key], exported[key], any_case=key == "overdue"):  # 'Yes' for 'yes'
            reader.problem(key, why)
    if "rag" in changed and changed["rag"] is None and entry.state.item.rag is None:
        del changed["rag"]  # cleared a RAG the rules set: nothing to record
    ok, text = reader.value("new_update", "text")
    _ok, when = reader.value("new_update_date", "date")
    _ok, by = reader.value("new_update_by", "text")
    update = None
    if text:
        update = {"when": when or today, "text": text, "by": by}
        if when and when > today:
            reader.problem("new_update_date", f"the update is dated {when.isoformat()}, after "
                                              f"today ({today.isoformat()})")
    elif when or by:
        reader.problem("new_update", "an update date or author without the update: write the "
                                     "update in 'New update'")
    item = entry.state.item
    extend = {field: lines for key, field in ADDED.items()
              if (lines := reader.added(key, getattr(item, field)))}
    if not (changed or update or extend) and len(problems) == before:
        return None, 0
    if row.cells.get("row_check") != loaded.fingerprints.get(item.finding):
        # a RAG the rules set moves with the plan: a difference there is not an owner's edit
        edited = [k for k in changed if not (k == "rag" and item.rag is None)]
        edited += [key for key, field in ADDED.items() if field in extend]
        if update and not any(u.text.strip() == update["text"] and
                              (u.when == update["when"] or when is None) for u in item.updates):
            edited.append("new_update")
        if not edited:
            return None, 0  # this row was imported before: the plan already holds it all
        for key in edited:
            reader.problem(key, f"{loaded.path} has changed item {item.finding} since this "
                                "workbook was exported; export the register again and make "
                                "the edit there")
        return None, 0
    status = changed.get("status", item.status.value)
    closed_on = changed.get("closed_on", item.closed_on)
    if status == ItemStatus.CLOSED.value and closed_on is None:
        reader.problem("closed_on", "a closed item needs the date it closed in 'Closed on'")
    if "closed_on" in changed and closed_on is not None and closed_on > today:
        reader.problem("closed_on", f"the item is closed on {closed_on.isoformat()}, after "
                                    f"today ({today.isoformat()})")
    if closed_on is not None and status != ItemStatus.CLOSED.value:
        reader.problem("status" if "status" in changed else "closed_on",
                       f"'Closed on' is set but the status is '{status}'")
    rag_reason = changed.get("rag_reason", item.rag_reason)
    if changed.get("rag_reason") and item.rag is None and "rag" not in changed:
        ok, rag = reader.value("rag", "rag")  # a reason given for the RAG shown sets it by hand
        if ok and rag:
            changed["rag"] = rag
    if changed.get("rag") and not rag_reason:
        reader.problem("rag_reason", "a RAG set by hand needs its reason in 'RAG reason'")
    target = changed.get("current_target", item.current_target)
    if changed.get("rag") == Rag.GREEN.value and status != ItemStatus.CLOSED.value \
            and target is not None and target < today:
        reader.problem("rag", "an overdue item is never rated Green: its target date has "
                              "passed and it is not closed (set a new target, or close it)")
    if "original_target" in changed and item.original_target is not None:
        reader.problem("original_target", "the first target date is the baseline slippage is "
                                          "measured from and cannot be changed here; set a "
                                          "new target in 'Current target'")
    if len(problems) > before:
        return None, 0
    return ItemEdit(item.finding, changed, [update] if update else [], extend), \
        len(changed) + sum(len(lines) for lines in extend.values())


_ITEM_FIELD = re.compile(r"^items\[(\d+)\]\.(\w+)")
_CELL_OF = {"updates": "new_update_date", "finding": "finding"}


def _at_cell(problem: Problem, plan_file: str, text: str,
             rows_of: dict[tuple[str | None, str | None], SheetRow], book: str) -> Problem:
    """Say a problem of an edited plan at the workbook cell whose edit caused it."""
    match = _ITEM_FIELD.match(problem.path)
    items = read_yaml(text, plan_file).data.get("items") if match else None
    if match and isinstance(items, list) and int(match.group(1)) < len(items) and \
            isinstance(items[int(match.group(1))], dict):
        row = rows_of.get((plan_file, text_of(items[int(match.group(1))].get("finding"))))
        if row is not None:
            field = _CELL_OF.get(match.group(2), match.group(2))
            return Problem(book, None, row.at(field), problem.message)
    return Problem(book, None, "", f"the edits would leave {plan_file} with a problem: {problem}")


def import_workbook(path: str | os.PathLike[str], *, today: date | None = None,
                    plans: Sequence[str] = ()) -> WorkbookImport:
    """Merge the edits in a register workbook into its plan files; see the module docs.

    ``plans``: where plan files are that are neither in the working folder nor
    beside the workbook (matched by file name; see :func:`.workbook_read.plan_file`).

    Raises :class:`~peeldocs.errors.DataError` listing every refused edit with
    its cell, and then writes nothing.

    >>> import shutil, peeldocs
    >>> from datetime import date
    >>> from pathlib import Path
    >>> _ = shutil.copy("examples/norfolk-2018-action-plan.yaml", "plan.yaml")
    >>> reg = peeldocs.register(["plan.yaml"], as_of="2019-10-15")
    >>> _ = Path("register.xlsx").write_bytes(peeldocs.register_workbook(reg))
    >>> peeldocs.import_workbook("register.xlsx", today=date(2019, 10, 16))  # not edited yet
    WorkbookImport(changed=(), cells=0, updates=0, notes=())
    """
    from peeldocs.sources.files import atomic_write

    today = today or date.today()
    book = read_rows(path)
    rows, as_of, name = book.rows, book.as_of, book.name
    if as_of is None:
        raise DataError([Problem(name, None, "About!B1", "the register's as-of date is missing; "
                                                         "this is not a workbook peeldocs wrote")])
    problems: list[Problem] = []
    given = tuple(str(p) for p in plans)
    opened: dict[str, LoadedPlan | None] = {}
    entries: dict[str, dict[str, Entry]] = {}
    edits: dict[str, list[ItemEdit]] = {}
    seen: dict[tuple[str, str], str] = {}
    cells = updates = 0
    kept_paths = {text_of(was.get("plan")): text_of(was.get(PLAN_PATH))
                  for was in book.exported.values() if was.get(PLAN_PATH)}
    for row in rows:
        plan_file, finding = _path(row, kept_paths), text_of(row.cells.get("finding"))
        if not plan_file or not finding:
            problems.append(Problem(name, None, row.at("plan" if not plan_file else "finding"),
                                    "a row without its plan file or ref; rows cannot be added "
                                    "here (use 'peeldocs actions init')"))
            continue
        if plan_file not in opened:
            try:
                opened[plan_file] = load_one(plan_file_at(plan_file, Path(path), given), today)
                entries[plan_file] = {e.state.item.finding: e
                                      for e in entries_of(opened[plan_file], as_of)}  # type: ignore[arg-type]
            except DataError as exc:
                opened[plan_file] = None
                problems.append(Problem(name, None, row.at("plan"), f"cannot load {plan_file}: "
                                        + "; ".join(str(p) for p in exc.problems[:3])))
        loaded = opened[plan_file]
        if loaded is None:
            continue
        if (plan_file, finding) in seen:
            problems.append(Problem(name, None, row.at("finding"), f"{finding} of {plan_file} "
                                    f"is also at {seen[(plan_file, finding)]}"))
            continue
        seen[(plan_file, finding)] = row.at("finding")
        entry = entries[plan_file].get(finding)
        if entry is None:
            problems.append(Problem(name, None, row.at("finding"), f"{plan_file} has no item "
                                                                   f"'{finding}'"))
            continue
        edit, n = _edits(row, entry, loaded, name, today, problems,
                         book.exported.get((row.cells.get("plan"), row.cells.get("finding")), {}))
        if edit is not None:
            edits.setdefault(plan_file, []).append(edit)
            cells += n
            updates += len(edit.append)
    if problems:
        raise DataError(problems)
    texts: dict[str, bytes] = {}
    rows_of = {(_path(r, kept_paths), text_of(r.cells.get("finding"))): r for r in rows}
    for plan_file, plan_edits in edits.items():
        loaded = opened[plan_file]
        assert loaded is not None
        where = plan_file_at(plan_file, Path(path), given)
        old = Path(where).read_bytes().decode("utf-8")  # its own line endings kept
        try:
            new = edit_plan_text(old, plan_edits)
        except EditError as exc:
            raise DataError([Problem(plan_file, None, "items", str(exc))]) from exc
        try:
            parse_plan(new, loaded.subject, plan_file, as_of=today)  # the result must load
        except DataError as exc:  # said at the cell that caused it, in the workbook's terms
            problems += [_at_cell(p, plan_file, new, rows_of, name) for p in exc.problems]
        texts[plan_file] = new.encode("utf-8")
    if problems:
        raise DataError(problems)
    for plan_file, data in texts.items():
        atomic_write(Path(plan_file_at(plan_file, Path(path), given)), data)
    return WorkbookImport(tuple(texts), cells, updates, tuple(book.notes))
