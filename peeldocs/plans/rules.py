"""Derived state of an action plan against an as-of date: the rules in one place.

- **Overdue**: not closed and the current target date is before the as-of date
  (an item due today is not overdue).
- **Due soon**: not closed and due between today and 30 days ahead, inclusive.
- **Days slipped**: current target minus original target, when both are set
  and the target has moved later; otherwise 0.
- **Closed late**: closed after its current target date.
- **RAG**: closed is green; overdue is red; a slipped target, an item not yet
  allocated or with no owner, an open item with no target date, or one with no
  action and no update recorded (no evidence of progress), is amber; anything
  else is green.  A RAG set by hand with a reason wins, except that an
  overdue item is never green: a green set by hand on an overdue item is not
  honoured (it is red).  See :data:`RAG_MEANINGS` for the words documents use.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from peeldocs.plans.plan import ActionItem, ItemStatus, Plan, Rag

STALE_DAYS = 90
"""An update older than this before the as-of date (about a quarter) is said to be old."""
STALE_AS_DATE_DAYS = 100
"""Beyond this many days an old update is named by its date, not counted in days."""

DUE_SOON_DAYS = 30


def stale_words(days: int) -> tuple[str, str]:
    """Say that an open item's latest update, ``days`` old, is old: (before it, after it).

    The one rule every format follows: more than :data:`STALE_DAYS` (a quarter)
    is old; up to :data:`STALE_AS_DATE_DAYS` the days are counted before the
    update, beyond it the update's own date speaks and 'Nothing reported since
    then.' follows it.  Neither when the update is recent.

    >>> stale_words(95), stale_words(400)
    (('Not updated for 95 days (more than a quarter). ', ''), ('', ' Nothing reported since then.'))
    """
    if days <= STALE_DAYS:
        return "", ""
    if days <= STALE_AS_DATE_DAYS:
        return f"Not updated for {days:,} days (more than a quarter). ", ""
    return "", " Nothing reported since then."

RAG_MEANINGS = {
    Rag.RED: "overdue: not closed and past its target date",
    Rag.AMBER: ("at risk: its target date has moved later, it is not allocated, has no owner "
                "or target date, or has no action or update, or it is closed with no date, "
                "sign-off or evidence reference recorded"),
    Rag.GREEN: "closed with all three recorded, or on track: neither overdue nor at risk",
}
"""What each RAG rating means under :func:`assess`, for the key documents print."""


DEADLINE_NOTE = ("Ratings are against the force’s own target date, not HMICFRS’s deadline for a "
                 "recommendation; when that deadline has passed, the date it passed is given")
"""On the workbook's About: the rules never read the inspectorate's deadline; the words do (read 34)."""


SET_BY_AUTHOR = "set by the plan’s author: "
"""Before the reason for a rating the plan's author set against the rules, after the rating."""
AUTHORS_REASON = " by the plan’s author: "
"""After 'Rated Green' and before the reason, for a rating the plan's author set as the rules
would: 'Rated Green by the plan’s author: <reason>.'"""


def rag_meaning_words() -> str:
    """Say what Red, Amber and Green mean, as every format says it (the workbook's About too).

    >>> rag_meaning_words().startswith("Red means overdue: not closed and past its target date; ")
    True
    """
    return "; ".join(f"{rag.value.capitalize()} means {RAG_MEANINGS[rag]}"
                     for rag in (Rag.RED, Rag.AMBER, Rag.GREEN))


@dataclass(frozen=True, slots=True)
class ItemState:
    """What the rules say of one item on the as-of date."""

    item: ActionItem
    rag: Rag
    rag_by_hand: bool
    overdue: bool
    days_overdue: int
    due_soon: bool
    days_slipped: int
    closed_late: bool


def assess(item: ActionItem, as_of: date) -> ItemState:
    """Apply the rules to one item."""
    closed = item.status is ItemStatus.CLOSED
    target = item.target
    days_left = (target - as_of).days if target else None
    overdue = not closed and days_left is not None and days_left < 0
    due_soon = not closed and days_left is not None and 0 <= days_left <= DUE_SOON_DAYS
    slipped = 0
    if item.original_target and item.current_target:
        slipped = max(0, (item.current_target - item.original_target).days)
    closed_late = bool(closed and item.closed_on and target and item.closed_on > target)
    honoured = item.rag is not None and bool(item.rag_reason) and not (
        overdue and item.rag is Rag.GREEN)
    ruled = _ruled(closed=closed, overdue=overdue, at_risk=_at_risk(item, slipped))
    rag, by_hand = (item.rag, True) if item.rag is not None and honoured else (ruled, False)
    return ItemState(item, rag, by_hand, overdue, -days_left if overdue and days_left else 0,
                     due_soon, slipped, closed_late)


def _ruled(*, closed: bool, overdue: bool, at_risk: bool) -> Rag:
    """Return the rules' rating: Red when overdue, Amber at risk, else Green.

    A closed item is at risk only while its closure is not recorded in full.
    """
    if closed:
        return Rag.AMBER if at_risk else Rag.GREEN
    if overdue:
        return Rag.RED
    return Rag.AMBER if at_risk else Rag.GREEN


def ruled_rag(state: ItemState) -> Rag:
    """Return the rating the rules give the item, whatever its plan's author set."""
    item = state.item
    return _ruled(closed=item.status is ItemStatus.CLOSED, overdue=state.overdue,
                  at_risk=_at_risk(item, state.days_slipped))


def _at_risk(item: ActionItem, slipped: int) -> bool:
    """Return whether the item is at risk (Amber unless overdue).

    Open: slipped, unallocated, unowned, with no target date, or with no action and no
    update recorded (nothing shows progress: read 32).  Closed: with no closing
    date, sign-off or evidence reference recorded, which an audit of the closure needs.
    """
    if item.status is ItemStatus.CLOSED:
        return not (item.evidence and item.closed_on and item.signed_off_by)
    progress = any(a.strip() for a in item.actions) or bool(item.updates)
    return bool(slipped or item.status is ItemStatus.AWAITING_ALLOCATION or not item.owner
                or item.target is None or not progress)


STATUS_ORDER = {s: i for i, s in enumerate(ItemStatus)}


def assess_plan(plan: Plan, as_of: date) -> list[ItemState]:
    """Assess every item, sorted by status then due date (undated last).

    >>> from datetime import date
    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> plan = peeldocs.load_plan("examples/norfolk-2018-action-plan.yaml", report,
    ...                           as_of=date(2019, 10, 15))
    >>> states = peeldocs.assess_plan(plan, date(2021, 1, 1))
    >>> sum(s.overdue for s in states) > 0
    True
    """
    states = [assess(item, as_of) for item in plan.items]
    return sorted(states, key=lambda s: (
        STATUS_ORDER[s.item.status],
        (s.item.target or date.max),
        s.item.finding,
    ))


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """Counts of a plan on the as-of date."""

    total: int
    by_status: dict[ItemStatus, int]
    by_rag: dict[Rag, int]
    overdue: int
    due_soon: int
    next_due: ItemState | None


def summarise(states: list[ItemState]) -> PlanSummary:
    """Count items by status and RAG, and find the next one due."""
    open_dated = [s for s in states if s.item.status is not ItemStatus.CLOSED
                  and not s.overdue and (s.item.target)]
    next_due = min(open_dated, key=lambda s: s.item.target
                   or date.max, default=None)
    return PlanSummary(
        total=len(states),
        by_status={st: Counter(s.item.status for s in states)[st] for st in ItemStatus},
        by_rag={r: Counter(s.rag for s in states)[r] for r in Rag},
        overdue=sum(s.overdue for s in states),
        due_soon=sum(s.due_soon for s in states),
        next_due=next_due,
    )
