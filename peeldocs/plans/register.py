"""The register: every tracked item of every action plan, with counts and changes.

A pure function of loaded plans and their reports or inspections: each item with
its inspection, status, RAG, owner, lead, targets, slippage, days overdue, latest
update (:mod:`peeldocs.plans.rules`) and the inspectorate's own deadline; counts by
status, inspection and owner; and what was added, closed, newly overdue or re-dated
since an earlier register or date.  Overdue first, most overdue first; then by status
and due date.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from peeldocs.model import Report
from peeldocs.model.deadlines import due_date
from peeldocs.plans.findings import FindingRef, findings
from peeldocs.plans.inspection import (
    Addressee,
    Inspection,
    InspectionItem,
    inspection_refs,
    inspection_title,
    peel_name,
)
from peeldocs.plans.plan import ItemStatus, Plan, Update
from peeldocs.plans.rules import STATUS_ORDER, ItemState, assess
from peeldocs.prose import fragment

NO_OWNER = "No owner recorded"


@dataclass(frozen=True, slots=True)
class LoadedPlan:
    """A plan with what it answers, as the register reads it."""

    path: str
    """The plan file as named (relative to the working folder when inside it)."""
    plan: Plan
    subject: Report | Inspection
    fingerprints: dict[str, str] = field(default_factory=dict)
    """Each item's fingerprint (finding id to hash of its data), to tell a stale edit."""

    @property
    def key(self) -> str:
        """The plan's key in a register: its file name."""
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]


def subject_kind(subject: Report | Inspection) -> str:
    """Return the kind of inspection in words: 'PEEL', 'national thematic', ... or 'unknown'."""
    return subject.kind.value if isinstance(subject, Inspection) else subject.programme


@dataclass(frozen=True, slots=True)
class Entry:
    """One tracked item of the register."""

    plan: str
    plan_key: str
    inspection: str
    inspection_kind: str
    ref: FindingRef | None
    """The finding it answers; None when the report no longer has it."""
    addressed_to: Addressee | None
    """For an inspection's item: to whom it is addressed; None for PEEL findings."""
    state: ItemState
    fingerprint: str
    illustrative: bool
    due: date | None = None
    """The inspectorate's own deadline as a date; None when it sets none or it cannot be dated."""

    @property
    def key(self) -> str:
        """Its key across registers: plan file name and finding id."""
        return f"{self.plan_key}#{self.state.item.finding}"

    @property
    def latest(self) -> Update | None:
        """Its latest progress update."""
        return self.state.item.latest_update

    @property
    def quoted(self) -> str | None:
        """The finding's words as every form quotes them (marked from mid-passage); None if gone."""
        ref = self.ref
        if ref is None:
            return None
        return fragment(ref.text, ref.kind) if ref.carried_forward else ref.text


@dataclass(frozen=True, slots=True)
class InspectionLine:
    """An inspection in the register: what it asks of the force and of others."""

    title: str
    kind: str
    plan: str
    published: date | None
    tracked: int
    not_tracked: tuple[InspectionItem, ...]
    items_read: bool
    plan_invented: bool
    """The plan is an invented example (owners, dates, updates made up)."""
    text_constructed: bool
    """The report's or inspection's text is constructed, not HMICFRS's."""
    force: str | None = None
    """The force the report is about; None for an inspection of many forces."""
    last_updated: date | None = None
    """The report page's 'last updated' date, when its publication date is not recorded."""
    scope: str | None = None
    """A PEEL report's name without its force ('PEEL 2018/19 effectiveness inspection')."""

    @property
    def illustrative(self) -> bool:
        """True when the plan or the text is an invented example."""
        return self.plan_invented or self.text_constructed


@dataclass(frozen=True, slots=True)
class Redated:
    """An item whose target moved since the earlier register."""

    entry: Entry
    before: date | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed since an earlier register or date."""

    since: date | None
    """The earlier register's as-of date, or the date given."""
    source: str | None
    """The earlier register's file, or None for a date."""
    added: tuple[Entry, ...]
    closed: tuple[Entry, ...]
    newly_overdue: tuple[Entry, ...]
    redated: tuple[Redated, ...]
    removed: tuple[str, ...]
    redating_known: bool
    """False when compared with a date alone: re-dating leaves no dated record in a plan."""
    added_known: bool = True
    """False when some inspections' publication dates are unknown (added since a date)."""


PLURAL_KINDS = {"recommendation": "recommendations", "area for improvement": "areas for improvement",
                "cause of concern": "causes of concern"}
"""The kinds of finding an action answers, singular to plural, in the order documents name them."""


@dataclass(frozen=True, slots=True)
class Register:
    """Every tracked item, with counts, on an as-of date."""

    as_of: date
    entries: tuple[Entry, ...]
    inspections: tuple[InspectionLine, ...]
    changes: Changes | None = None

    @property
    def overdue(self) -> tuple[Entry, ...]:
        """The overdue items, most overdue first."""
        return tuple(e for e in self.entries if e.state.overdue)

    def by_status(self) -> dict[ItemStatus, int]:
        """How many items in each status, in board order, zeros included."""
        counts = Counter(e.state.item.status for e in self.entries)
        return {status: counts[status] for status in ItemStatus}

    def kinds(self) -> tuple[str, ...]:
        """Return the kinds of finding answered (one carried forward as its kind), plural."""
        found = [e.ref.kind.lower() for e in self.entries if e.ref]
        named = tuple(PLURAL_KINDS[k] for k in PLURAL_KINDS if any(f.endswith(k) for f in found))
        return named or tuple(PLURAL_KINDS.values())

    def labels(self) -> dict[str, str]:
        """Each plan's inspection by plan file: its title, then its date or file if not unique."""
        titles = Counter(line.title for line in self.inspections)
        dated = Counter((line.title, line.published) for line in self.inspections)
        out: dict[str, str] = {}
        for line in self.inspections:
            when = line.published
            out[line.plan] = line.title if titles[line.title] == 1 else \
                f"{line.title} (published {when.day} {when:%B %Y})" \
                if when is not None and dated[(line.title, when)] == 1 else \
                f"{line.title} ({line.plan})"
        return out

    def by_inspection(self) -> dict[str, dict[ItemStatus, int]]:
        """Items by inspection (as :meth:`labels` names them), then status."""
        labels = self.labels()
        out: dict[str, dict[ItemStatus, int]] = {}
        for line in self.inspections:
            out.setdefault(labels[line.plan], {s: 0 for s in ItemStatus})
        for e in self.entries:
            out.setdefault(labels.get(e.plan, e.inspection),
                           {s: 0 for s in ItemStatus})[e.state.item.status] += 1
        return out

    def by_owner(self) -> dict[str, tuple[int, int]]:
        """Open items and overdue items by owner, owners with most overdue first."""
        tally: dict[str, list[int]] = {}
        for e in self.entries:
            if e.state.item.status is ItemStatus.CLOSED:
                continue
            row = tally.setdefault(e.state.item.owner or NO_OWNER, [0, 0])
            row[0] += 1
            row[1] += e.state.overdue
        ordered = sorted(tally.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))
        return {owner: (n, late) for owner, (n, late) in ordered}

    def past_due(self) -> tuple[Entry, ...]:
        """Return the open items past the inspectorate's own deadline (whatever the target)."""
        return tuple(e for e in self.entries if e.state.item.status is not ItemStatus.CLOSED
                     and e.due is not None and e.due < self.as_of)

    def forces(self) -> tuple[str, ...]:
        """Return the forces its inspections name, each once, in the order of the plans."""
        return tuple(dict.fromkeys(line.force for line in self.inspections if line.force))

    def planned_actions(self) -> int:
        """How many actions the plans list across every tracked finding."""
        return sum(len([a for a in e.state.item.actions if a.strip()]) for e in self.entries)

    @property
    def illustrative(self) -> bool:
        """True when any plan or inspection is an invented example."""
        return any(e.illustrative for e in self.entries) or \
            any(i.illustrative for i in self.inspections)


def _order(e: Entry) -> tuple[int, int, int, date, str, str]:
    item = e.state.item
    return (0 if e.state.overdue else 1, -e.state.days_overdue, STATUS_ORDER[item.status],
            item.target or date.max, e.inspection, item.finding)


def entries_of(loaded: LoadedPlan, as_of: date) -> list[Entry]:
    """Return the register entries of one plan."""
    subject = loaded.subject
    if isinstance(subject, Inspection):
        refs = inspection_refs(subject)
        to = {i.id: i.addressed_to for i in subject.items}
    else:
        refs, to = findings(subject), {}
    title, kind = inspection_title(subject), subject_kind(subject)
    illustrative = loaded.plan.illustrative or subject.illustrative
    return [Entry(loaded.path, loaded.key, title, kind, ref, to.get(item.finding),
                  assess(item, as_of), loaded.fingerprints.get(item.finding, ""), illustrative,
                  due_date(ref.deadline, subject.published) if ref else None)
            for item in loaded.plan.items for ref in (refs.get(item.finding),)]


def inspection_line(loaded: LoadedPlan) -> InspectionLine:
    """Return what the register says of one plan's inspection."""
    subject = loaded.subject
    if isinstance(subject, Inspection):
        return InspectionLine(subject.title, subject.kind.value, loaded.path, subject.published,
                              len(subject.tracked), subject.not_tracked, subject.items_read,
                              loaded.plan.illustrative, subject.illustrative, subject.force)
    return InspectionLine(inspection_title(subject), subject.programme, loaded.path,
                          subject.published, len(findings(subject)), (),
                          not subject.questions_not_found,
                          loaded.plan.illustrative, subject.illustrative, subject.force.name,
                          subject.last_updated, peel_name(subject))


def build_register(plans: list[LoadedPlan], as_of: date) -> Register:
    """Build the register of ``plans`` on ``as_of`` (no changes; see :mod:`.register_files`)."""
    entries = [e for loaded in plans for e in entries_of(loaded, as_of)]
    return Register(as_of, tuple(sorted(entries, key=_order)),
                    tuple(inspection_line(p) for p in plans))


def register_title(reg: Register) -> str:
    """Return the register's title, naming the kinds of finding its actions answer.

    "Register of actions on HMICFRS recommendations and areas for improvement as of
    15 October 2019": the same in every format, its metadata and the workbook.
    """
    kinds = list(reg.kinds())
    named = ", ".join(kinds[:-1]) + f" and {kinds[-1]}" if len(kinds) > 1 else kinds[0]
    when = f"{reg.as_of.day} {reg.as_of:%B %Y}"
    force = owning_force(reg)
    return (f"{force}: register" if force else "Register") + \
        f" of actions on HMICFRS {named} as of {when}"


def owning_force(reg: Register) -> str | None:
    """Return the force whose register this is: the one every plan records; else None."""
    forces = {line.force for line in reg.inspections}
    return forces.pop() if len(forces) == 1 else None
