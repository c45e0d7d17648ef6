"""What changed since an earlier register or an earlier date: pure comparisons.

Against an earlier register (the rows of its CSV or Excel form): items added,
closed, newly overdue, re-dated (with the reason the plan records) and gone.
Against a date alone: items closed since (their ``closed_on``), newly overdue
(a target passed since), and items of inspections published since; re-dating
leaves no dated record in a plan, so a date cannot tell it and the register
says so.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.register import Changes, Entry, Redated, Register


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
