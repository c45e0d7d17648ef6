"""An action plan: what a force does about each finding, tracked over months.

Plain, frozen dataclasses with no I/O, like :mod:`peeldocs.model`.  The plan
refers to the report's findings by their stable ids (``E2-AFI-1``); derived
state (overdue, slipped, RAG) lives in :mod:`peeldocs.plans.rules`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from peeldocs.model.scales import doc


class ItemStatus(enum.Enum):
    """Where an action stands, in the order boards review them."""

    AWAITING_ALLOCATION = "awaiting allocation"
    IN_PROGRESS = "in progress"
    PENDING_SIGN_OFF = "pending sign-off"
    CLOSED = "closed"


class Rag(enum.Enum):
    """A red, amber or green rating, always shown with its word."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"


@dataclass(frozen=True, slots=True)
class Update:
    """A dated progress note; updates are history and are never overwritten."""

    when: date = field(metadata=doc("When the update was given (YYYY-MM-DD)."))
    text: str = field(metadata=doc("What was reported."))
    by: str | None = field(default=None, metadata=doc("Who reported it."))


@dataclass(frozen=True, slots=True)
class ActionItem:
    """The force's response to one finding."""

    finding: str = field(metadata=doc("The finding's stable id in the report, e.g. E2-AFI-1."))
    status: ItemStatus = field(default=ItemStatus.AWAITING_ALLOCATION,
                               metadata=doc("awaiting allocation, in progress, ..."))
    actions: tuple[str, ...] = field(default=(), metadata=doc("What will be done."))
    owner: str | None = field(default=None, metadata=doc("The chief officer who owns it."))
    lead: str | None = field(default=None, metadata=doc("Who delivers it."))
    original_target: date | None = field(default=None, metadata=doc("The first target date."))
    current_target: date | None = field(default=None, metadata=doc("The target date now."))
    target_reason: str | None = field(default=None, metadata=doc(
        "Why the current target differs from the original (shown when it slips)."))
    rag: Rag | None = field(default=None, metadata=doc("A RAG set by hand (needs a reason)."))
    rag_reason: str | None = field(default=None, metadata=doc("Why the RAG was set by hand."))
    updates: tuple[Update, ...] = field(default=(), metadata=doc("Progress updates, oldest first."))
    evidence: tuple[str, ...] = field(default=(), metadata=doc("Where the evidence is."))
    closed_on: date | None = field(default=None, metadata=doc("When it was closed."))
    signed_off_by: str | None = field(default=None, metadata=doc("Who signed it off."))
    finding_gone: bool = field(default=False,
                               metadata=doc("Set by 'actions init' when the report no longer "
                                            "has this finding; the item is kept."))

    @property
    def target(self) -> date | None:
        """The target date now: the current one, else the first one, else None."""
        return self.current_target or self.original_target

    @property
    def latest_update(self) -> Update | None:
        """The most recent progress update, if any."""
        return max(self.updates, key=lambda u: u.when) if self.updates else None


@dataclass(frozen=True, slots=True)
class Plan:
    """An action plan for one report.

    >>> from datetime import date
    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> plan = peeldocs.load_plan("examples/norfolk-2018-action-plan.yaml", report,
    ...                           as_of=date(2019, 10, 15))
    >>> plan.item("E2-AFI-1").status.value
    'in progress'
    """

    items: tuple[ActionItem, ...] = field(default=(), metadata=doc("One item per finding."))
    report: str | None = field(default=None, metadata=doc("The report data file it answers."))
    title: str | None = field(default=None, metadata=doc("A title for the plan."))
    illustrative: bool = field(default=False, metadata=doc(
        "True when the plan is invented for an example; every page it fills says so."))

    def item(self, finding: str) -> ActionItem:
        """Return the item for a finding id; KeyError if there is none."""
        for item in self.items:
            if item.finding == finding:
                return item
        raise KeyError(finding)
