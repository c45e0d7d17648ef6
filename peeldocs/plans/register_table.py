"""The register's columns, shared by its CSV and Excel forms, and safe spreadsheet text.

A spreadsheet evaluates a cell that starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return; :func:`neutralise` prefixes such text with an
apostrophe (the OWASP advice for CSV), and :func:`restore` takes it off again
when a register is read back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peeldocs.plans.inspection import ADDRESSEE_WORDS
from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.register import Entry

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Column:
    """A register column: its CSV key, its heading, and whether owners may edit it."""

    key: str
    heading: str
    editable: bool = False
    kind: str = "text"
    """text, date, number, status, rag or long (wrapped verbatim text)."""
    width: int = 14


COLUMNS = (
    Column("plan", "Plan file", width=22),
    Column("inspection", "Inspection", kind="long", width=36),
    Column("inspection_kind", "Kind of inspection", width=16),
    Column("finding", "Ref", width=12),
    Column("finding_kind", "Finding kind", width=16),
    Column("addressed_to", "Addressed to", width=16),
    Column("finding_text", "Finding (verbatim)", kind="long", width=60),
    Column("status", "Status", True, "status", 18),
    Column("rag", "RAG", True, "rag", 9),
    Column("rag_reason", "RAG reason", True, "long", 24),
    Column("owner", "Owner", True, width=22),
    Column("lead", "Lead", True, width=22),
    Column("original_target", "Original target", True, "date", 14),
    Column("current_target", "Current target", True, "date", 14),
    Column("target_reason", "Reason for new target", True, "long", 28),
    Column("closed_on", "Closed on", True, "date", 13),
    Column("days_slipped", "Days slipped", kind="number", width=10),
    Column("overdue", "Overdue", width=9),
    Column("days_overdue", "Days overdue", kind="number", width=10),
    Column("latest_update_date", "Latest update on", kind="date", width=14),
    Column("latest_update", "Latest update", kind="long", width=40),
    Column("actions", "Actions planned", kind="long", width=40),
    Column("signed_off_by", "Signed off by", True, width=20),
    Column("evidence", "Evidence", kind="long", width=28),
)
"""Every column of the register, in order."""

BY_KEY = {c.key: c for c in COLUMNS}
FIXED = ("inspection", "inspection_kind", "finding_kind", "addressed_to", "finding_text")
"""Columns that quote the report or inspection: an edit to them is refused."""
WORKED_OUT = ("this column is worked out from the plan and cannot be changed here; change the "
              "targets, status or closing date instead")
DERIVED = {"days_slipped": WORKED_OUT, "overdue": WORKED_OUT, "days_overdue": WORKED_OUT,
           "latest_update_date": "this column shows the latest update recorded and cannot be "
                                 "changed here; write progress in 'New update'",
           "latest_update": "this column shows the latest update recorded and cannot be "
                            "changed here; write progress in 'New update'"}
"""Columns the register works out: an edit to them would be lost, so it is refused."""
IN_PLAN_FILE = ("this column lists what the plan file records and cannot be changed here; "
                "add to it in '{column}', one to a line, or change it in the plan file")
PLAN_ONLY = {"actions": IN_PLAN_FILE.format(column="New action"),
             "evidence": IN_PLAN_FILE.format(column="New evidence")}
"""Lists the plan file holds, shown joined: an edit here could not be split back into the
list safely, so it is refused, never dropped."""


def neutralise(text: str) -> str:
    """Return text a spreadsheet shows as text, never evaluates.

    >>> neutralise("=HYPERLINK(1)"), neutralise("Ch Supt Example")
    ("'=HYPERLINK(1)", 'Ch Supt Example')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def restore(text: str) -> str:
    """Undo :func:`neutralise`.

    >>> restore("'=SUM(A1)"), restore("'quoted")
    ('=SUM(A1)', "'quoted")
    """
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def addressee(entry: Entry, force: str | None) -> str:
    """Return to whom an entry's finding is addressed, as the register's column says it.

    An inspection's item: as its inspection records it, in full words ('all forces',
    'chief constables and police and crime commissioners', 'unknown').
    A finding of a force's own inspection (PEEL): the force inspected, ``force``,
    when its report names it; else 'unknown' (never left blank, never guessed).
    """
    if entry.addressed_to is not None:
        return ADDRESSEE_WORDS[entry.addressed_to]
    return force or "unknown"


def row_values(entry: Entry, force: str | None = None) -> dict[str, Any]:
    """Return one entry's values by column key: dates as dates, counts as numbers.

    ``force``: the force its plan's report is about, if one (see :func:`addressee`).
    """
    item, state, ref = entry.state.item, entry.state, entry.ref
    latest = entry.latest
    rag = item.rag.value if item.rag is not None else state.rag.value
    # an open item with no target date cannot be said to be overdue, or not
    untimed = item.status is not ItemStatus.CLOSED and not (item.current_target
                                                            or item.original_target)
    return {
        "plan": entry.plan,
        "inspection": entry.inspection,
        # as a heading writes it: 'PEEL', 'National thematic'
        "inspection_kind": entry.inspection_kind[:1].upper() + entry.inspection_kind[1:],
        "finding": item.finding,
        "finding_kind": ref.kind if ref else "no longer in the report",
        "addressed_to": addressee(entry, force),
        "finding_text": entry.quoted,
        "actions": "; ".join(a.strip() for a in item.actions if a.strip()) or None,
        "status": item.status.value,
        "rag": rag,
        "rag_reason": item.rag_reason,
        "owner": item.owner,
        "lead": item.lead,
        "original_target": item.original_target,
        "current_target": item.current_target,
        "target_reason": item.target_reason,
        "closed_on": item.closed_on,
        "signed_off_by": item.signed_off_by,
        "evidence": "; ".join(e.strip() for e in item.evidence if e.strip()) or None,
        "days_slipped": state.days_slipped if item.original_target and item.current_target
        else None,
        "overdue": "unknown" if untimed else "yes" if state.overdue else "no",
        # blank, never 0, for an item that is not overdue (0 would read as 'due today')
        "days_overdue": state.days_overdue if state.overdue else None,
        "latest_update_date": latest.when if latest else None,
        "latest_update": latest.text if latest else None,
    }


def csv_cell(value: Any) -> str:
    """Return a value as CSV text: ISO dates, numbers, neutralised text, '' for none."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(str(value)) if isinstance(value, str) else str(value)
