"""Load plans for the register, write its CSV, read an earlier register back, and say what changed.

Each plan names what it answers (``report: FILE``): a PEEL report file or an
inspection file, found beside the plan, from the working folder, or from a folder
above the plan's.  An earlier register is its CSV or Excel form, matched item by
item on plan file name and finding id.

What changed since an earlier register or an earlier date is worked out by pure
comparisons.  Against an earlier register (the rows of its CSV or Excel form): items added,
closed, newly overdue, re-dated (with the reason the plan records) and gone.
Against a date alone: items closed since (their ``closed_on``), newly overdue
(a target passed since), and items of inspections published since; re-dating
leaves no dated record in a plan, so a date cannot tell it and the register
says so.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from peeldocs.errors import DataError, OptionError, Problem
from peeldocs.plans.files import plan_from_source
from peeldocs.plans.inspection_files import is_inspection_data, load_subject
from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.register import Changes, Entry, LoadedPlan, Redated, Register, build_register
from peeldocs.plans.register_table import COLUMNS, csv_cell, restore, row_values
from peeldocs.sources.loading import display_path, read_data_file
from peeldocs.sources.yamlsource import read_yaml


def _reason(entry: Entry) -> str | None:
    item = entry.state.item
    if item.target_reason:
        return item.target_reason
    latest = entry.latest
    return f"Latest update ({latest.when.isoformat()}): {latest.text}" if latest else None


def _target(entry: Entry) -> date | None:
    item = entry.state.item
    return item.target


def since_register(register: Register, rows: dict[str, dict[str, Any]], earlier_as_of: date | None,
                   source: str) -> Register:
    """Return ``register`` with what changed since an earlier register's rows (by entry key)."""
    added, closed, overdue, redated = [], [], [], []
    for e in register.entries:
        before = rows.get(e.key)
        is_closed = e.state.item.status is ItemStatus.CLOSED
        if before is None:
            added.append(e)
            if is_closed:
                closed.append(e)
            if e.state.overdue:
                overdue.append(e)
            continue
        if is_closed and str(before.get("status") or "").lower() != ItemStatus.CLOSED.value:
            closed.append(e)
        if e.state.overdue and str(before.get("overdue") or "").lower() != "yes":
            overdue.append(e)
        was = before.get("current_target") or before.get("original_target")
        if was != _target(e):
            redated.append(Redated(e, was if isinstance(was, date) else None, _reason(e)))
    now = {e.key for e in register.entries}
    removed = tuple(sorted(k for k in rows if k not in now))
    changes = Changes(earlier_as_of, source, tuple(added), tuple(closed), tuple(overdue),
                      tuple(redated), removed, True)
    return replace(register, changes=changes)


def since_date(register: Register, since: date) -> Register:
    """Return ``register`` with what can be told to have changed since ``since``."""
    closed = tuple(e for e in register.entries if e.state.item.status is ItemStatus.CLOSED
                   and e.state.item.closed_on is not None
                   and since < e.state.item.closed_on <= register.as_of)
    # an item whose first target had passed by then may already have been overdue (when its
    # target moved is not recorded): only an item no target of which had passed became so
    overdue = tuple(e for e in register.entries if e.state.overdue
                    and (t := _target(e)) is not None and t >= since
                    and (e.state.item.original_target or t) >= since)
    published = {line.plan: line.published for line in register.inspections}
    added = tuple(e for e in register.entries
                  if (p := published.get(e.plan)) is not None and p > since)
    known = all(line.published is not None for line in register.inspections)
    changes = Changes(since, None, added, closed, overdue, (), (), False, known)
    return replace(register, changes=changes)


PathLike = str | os.PathLike[str]


def fingerprint(item: Any) -> str:
    """Return a short hash of one plan item's plain data: any change to it changes the hash."""
    text = json.dumps(item, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def fingerprints(data: Any) -> dict[str, str]:
    """Return each item's fingerprint by finding id, from a plan's plain data."""
    items = data.get("items") if isinstance(data, dict) else None
    return {str(i["finding"]): fingerprint(i) for i in items or []
            if isinstance(i, dict) and "finding" in i}


def subject_path(plan_path: Path, named: str) -> Path:
    """Return the report or inspection file a plan names.

    A relative name is looked for beside the plan, then from the working folder,
    then from each folder above the plan's (``actions init`` writes the name as
    given on its command line); the first that exists wins.
    """
    given = Path(named)
    if given.is_absolute():
        return given
    folder = plan_path.resolve().parent
    for candidate in (plan_path.parent / given, given,
                      *(above / given for above in folder.parents)):
        if candidate.exists():
            return candidate
    return given


def load_one(path: PathLike, as_of: date) -> LoadedPlan:
    """Load a plan and the report or inspection it names."""
    raw, name = read_data_file(path)
    src = read_yaml(raw, name)
    if src.problems:
        raise DataError(src.problems)
    named = src.data.get("report") if isinstance(src.data, dict) else None
    if not isinstance(named, str) or not named.strip():
        data = src.data if isinstance(src.data, dict) else {}
        what = "an inspection file" if "title" in data and is_inspection_data(data) else \
            "a report file" if "cycle" in data or "questions" in data else None
        if what:
            raise DataError([Problem(name, None, "", f"this is {what}, not an action plan; "
                                                     f"make its plan with 'peeldocs actions "
                                                     f"init {name} -o PLAN.yaml' and give that")])
        raise DataError([Problem(name, src.line(("report",)), "report",
                                 "the plan does not name the report or inspection it answers "
                                 "(add 'report: FILE')")])
    where = subject_path(Path(path), named)
    if not where.exists():
        raise DataError([Problem(name, src.line(("report",)), "report",
                                 f"{named!r} was not found beside the plan, in the working "
                                 "folder or in a folder above the plan's")])
    subject = load_subject(where)
    plan = plan_from_source(src, subject, as_of=as_of)
    return LoadedPlan(display_path(path), plan, subject, fingerprints(src.data))


def load_plans(paths: Iterable[PathLike], as_of: date) -> list[LoadedPlan]:
    """Load every plan; every problem in every file is reported at once."""
    loaded: list[LoadedPlan] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            loaded.append(load_one(path, as_of))
        except DataError as exc:
            problems += exc.problems
    seen: dict[str, str] = {}
    for one in loaded:
        if one.key in seen and seen[one.key] != one.path:
            problems.append(Problem(one.path, None, "", f"another plan has the file name "
                                                        f"'{one.key}' ({seen[one.key]}); give "
                                                        "each plan its own name"))
        elif one.key in seen:
            problems.append(Problem(one.path, None, "", "the same plan is given twice"))
        seen.setdefault(one.key, one.path)
    if problems:
        raise DataError(problems)
    return loaded


def register(plans: Iterable[PathLike], *, as_of: date | str | None = None,
             since: date | str | PathLike | None = None) -> Register:
    """Build the register of every tracked item in ``plans`` on ``as_of`` (default today).

    ``since`` is an earlier register (its ``.csv`` or ``.xlsx``) or a date: the
    register then says what was added, closed, newly overdue or re-dated since.

    >>> import peeldocs
    >>> reg = peeldocs.register(["examples/norfolk-2018-action-plan.yaml"], as_of="2019-10-15")
    >>> [(s.value, n) for s, n in reg.by_status().items()]
    [('awaiting allocation', 1), ('in progress', 2), ('pending sign-off', 0), ('closed', 1)]
    >>> reg.overdue[0].state.item.finding
    'E-2017-AFI-1'
    """
    try:
        day = date.fromisoformat(as_of) if isinstance(as_of, str) else (as_of or date.today())
    except ValueError:
        raise OptionError(f"as_of: {as_of!r} is not a date (YYYY-MM-DD)") from None
    result = build_register(load_plans(plans, day), day)
    if since is None:
        return result
    if isinstance(since, date):
        return since_date(result, since)
    try:
        return since_date(result, date.fromisoformat(str(since)))
    except ValueError:
        pass
    rows, earlier = read_earlier(since)
    return since_register(result, rows, earlier, display_path(since))


def register_csv(reg: Register) -> str:
    """Return the register as CSV: one row per item, every text cell neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([*(c.key for c in COLUMNS), "as_of"])
    forces = {line.plan: line.force for line in reg.inspections}
    for entry in reg.entries:
        values = row_values(entry, forces.get(entry.plan))
        writer.writerow([*(csv_cell(values[c.key]) for c in COLUMNS), reg.as_of.isoformat()])
    return buf.getvalue()


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def read_earlier(path: PathLike) -> tuple[dict[str, dict[str, Any]], date | None]:
    """Read an earlier register (CSV or Excel) into rows by key, and its as-of date."""
    name = display_path(path)
    if str(path).lower().endswith(".xlsx"):
        from peeldocs.plans.workbook_read import read_register_rows

        raw_rows, as_of = read_register_rows(path)
    else:
        raw, name = read_data_file(path)
        reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig", errors="replace")))
        missing = {"plan", "finding", "status", "current_target"} - set(reader.fieldnames or ())
        if missing:
            raise DataError([Problem(name, 1, "", "not a register written by peeldocs: no "
                                                  f"column {', '.join(sorted(missing))}")])
        raw_rows = [{k: restore(v) if isinstance(v, str) else v for k, v in r.items()}
                    for r in reader]
        as_of = _as_date(raw_rows[0].get("as_of")) if raw_rows else None
    rows: dict[str, dict[str, Any]] = {}
    for r in raw_rows:
        key = f"{str(r.get('plan') or '').replace(chr(92), '/').rsplit('/', 1)[-1]}#{r.get('finding')}"
        rows[key] = {**r, "current_target": _as_date(r.get("current_target")),
                     "original_target": _as_date(r.get("original_target"))}
    return rows, as_of
