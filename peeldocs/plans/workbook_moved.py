"""The Summary's words on a moved target, and on a finding with no update, worked out by formula.

The register document says 'Target moved from 14 September 2024: <reason>'
beside the current target.  On the Summary those words follow the register
sheet's 'Original target', 'Current target' and 'Reason for new target', so
after an owner moves a target (again) the print says 'Target moved from
14 September 2024 to 28 February 2025: <the new reason>.', never the old
reason beside the new date (read 28-R).  While no reason is written, whatever the
dates, it keeps the document's own words for a move an update mentions (what is
recorded, not a reason inferred: read 33).  A finding with no update recorded says
so only while no new update is written beside it.  :func:`moved_value` and
:func:`no_update_value` give what each formula gives, to store with it.  An open
recommendation past HMICFRS's own deadline on the register's date says when that
passed (:func:`deadline_formula`), whatever target the force has set (read 34).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from peeldocs.plans.register import Entry
from peeldocs.plans.workbook_values import text_literal
from peeldocs.prose import long_date

NO_REASON = ": no reason recorded. "
"""What follows the dates of a move with no reason recorded."""
REASON_ONLY = "Reason recorded for the target: "
"""How a reason given for a target that did not move is introduced, as the documents do."""
NO_UPDATE = "No update recorded"
"""The documents' words for a finding with no update."""
NO_EARLIER_UPDATE = "No earlier update recorded (see New update)"
"""What the Summary says instead once an owner writes a new update beside a finding with none."""
_ENDS = (".", "!", "?", "…")


def sentence_formula(expr: str) -> str:
    """Return ``expr`` ended with a full stop unless it already ends a sentence (a formula)."""
    ends = ",".join(f'RIGHT({expr})="{mark}"' for mark in _ENDS)
    return f'IF(OR({ends}),{expr},{expr}&".")'


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith(_ENDS) else f"{text}."


def exported_tail(entry: Entry | None, moved: str) -> str:
    """Return what the document says after 'Target moved from <date>' when no reason is recorded.

    '' unless the target moved with no reason recorded (the update that gave it, or that none
    was given), so the Summary keeps those words while no reason is written.
    """
    if entry is None:
        return ""
    item = entry.state.item
    was, now = item.original_target, item.current_target
    lead = f"Target moved from {long_date(was)}" if was else ""
    if not (was and now and was != now) or item.target_reason or not moved.startswith(lead):
        return ""
    return moved[len(lead):]


def moved_formula(at: Callable[[str], str], entry: Entry | None, tail: str) -> str:
    """Return a formula expression saying whether and why the target moved, from the register row.

    '' when the target never moved and no reason is written; else 'Target moved from
    <original> to <current>: <reason>. ' (or the document's words, or that no reason is
    recorded), or 'Reason recorded for the target: <reason>. '.
    """
    was, now, reason = at("original_target"), at("current_target"), f"TRIM({at('target_reason')})"
    moved = f'AND({was}<>"",{now}<>"",{was}<>{now})'
    dates = (f'"Target moved from "&TEXT({was},"d mmmm yyyy")&" to "'
             f'&TEXT({now},"d mmmm yyyy")')
    unreasoned = text_literal(NO_REASON)
    item = entry.state.item if entry is not None else None
    if tail and item is not None:  # what is recorded (an update that mentions the move),
        unreasoned = text_literal(tail)  # true whatever dates an owner corrects (read 33)
    reasoned = f'": "&{sentence_formula(reason)}&" "'
    return (f'IF({moved},{dates}&IF({reason}="",{unreasoned},{reasoned}),'
            f'IF({reason}="","",{text_literal(REASON_ONLY)}&{sentence_formula(reason)}&" "))')


def deadline_words(due: date) -> str:
    """Say that HMICFRS's own deadline passed: 'HMICFRS’s deadline passed on 14 September 2024. '."""
    return f"HMICFRS’s deadline passed on {long_date(due)}. "


def deadline_formula(at: Callable[[str], str], entry: Entry | None, as_of: str | None,
                     said: str) -> str:
    """Return, as a formula expression, :func:`deadline_words` or ''.

    The words while the finding is open and the register's date (``as_of``, its cell)
    is after HMICFRS's deadline.  Without ``as_of`` the words as exported (``said``)
    stand while the finding is open.
    """
    due = entry.due if entry is not None else None
    if due is None or (as_of is None and not said):
        return '""'
    passed = f",{as_of}>DATE({due.year},{due.month},{due.day})" if as_of else ""
    return f'IF(AND({at("status")}<>"Closed"{passed}),{text_literal(deadline_words(due))},"")'


def _day(value: Any) -> date | None:
    return value if isinstance(value, date) else None


def moved_value(values: dict[str, Any], tail: str) -> str:
    """Return what :func:`moved_formula` gives for a row's values."""
    was, now = _day(values.get("original_target")), _day(values.get("current_target"))
    reason = str(values.get("target_reason") or "").strip()
    if was and now and was != now:
        said = f"Target moved from {long_date(was)} to {long_date(now)}"
        if reason:
            return f"{said}: {_sentence(reason)} "
        return said + (tail or NO_REASON)
    return f"{REASON_ONLY}{_sentence(reason)} " if reason else ""


def no_update_formula(at: Callable[[str], str]) -> str:
    """Return a formula expression: that no update is recorded, or none before the new one."""
    return (f'IF(TRIM({at("new_update")})="",{text_literal(NO_UPDATE)},'
            f'{text_literal(NO_EARLIER_UPDATE)})')


def no_update_value(values: dict[str, Any]) -> str:
    """Return what :func:`no_update_formula` gives for a row's values."""
    return NO_EARLIER_UPDATE if str(values.get("new_update") or "").strip() else NO_UPDATE
