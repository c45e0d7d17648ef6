"""The decisions a pack or brief asks for, named from the data.

A chief officer group is asked for what the inputs show is needed, not for a
generic "note and agree".  With an action plan: allocate each open item with no
owner or action, add an item for each finding to act on that the plan lacks, and
decide on each overdue item (a new target date, or escalation).  Without one,
once the section 55 deadline or a deadline the report sets has passed: agree an
action plan and (for the report's own deadlines) confirm the action taken
on those findings, named by reference.  Nothing is said of what the force has or
has not done that the inputs do not record.  Pure functions, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from peeldocs.model import Report
from peeldocs.model.deadlines import due_date
from peeldocs.options import Options
from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.rules import assess_plan
from peeldocs.prose import count_words, join_words, long_date, overdue_span
from peeldocs.sections.brief_items import described
from peeldocs.sections.brief_labels import clipped, short_label
from peeldocs.sections.common import report_context, wording
from peeldocs.sections.due import report_due
from peeldocs.sections.items import ItemKind, s55_deadline
from peeldocs.sections.joint import joint_asks
from peeldocs.sections.order import in_pack_order, live_items, ordered_items
from peeldocs.sections.refs import named

NAMED_MAX = 3
"""Up to this many items of one decision each get a line; more share one line."""


@dataclass(frozen=True, slots=True)
class Asks:
    """What the reader is asked to decide."""

    decisions: tuple[str, ...]
    """With a plan: one sentence per decision ("Allocate E2-AFI-2 …")."""
    passed: tuple[str, ...]
    """Without a plan: the findings whose report deadlines have passed, by reference."""


def finding_named(report: Report, ref: str) -> str:
    """Name a finding a decision is on: its reference, a few of its words, its kind and place."""
    found = {i.id: i for i in live_items(report)}
    return named(found[ref], report) if ref in found else ref


def _joint(report: Report, ref: str) -> str:
    """Say, after a decision on a joint recommendation, whom the item is to be agreed with."""
    found = {i.id: i for i in live_items(report)}
    item = found.get(ref)
    if item is None or item.kind is not ItemKind.RECOMMENDATION:
        return ""
    # read 36: said as the ask without a plan says it; the summary quotes whom it addresses
    note = joint_asks(((item.id, item.text),), report)
    return f": {note.strip()[1:-1].replace(f'{ref} is', 'it is', 1)}" if note else ""


def kinds_named(report: Report, refs: list[str], quoted: frozenset[str] | None = None,
                longer: bool = False) -> list[str]:
    """Name findings by kind, those of one kind together: "the areas for improvement (A and B)".

    Where the brief quotes each in full (or its plan line does), the kind is enough;
    one it quotes nowhere (``quoted`` says which it does) gets a few of the report's
    words before its reference: “… improve how it allocates crime …” (E2-AFI-2); with
    ``longer``, its opening words to a clause (:func:`clipped`).
    """
    found = {i.id: i for i in live_items(report)}
    label = {r: (clipped if longer else short_label)(found[r].full_text) for r in refs
             if quoted is not None and r not in quoted and r in found}
    groups: dict[str, list[str]] = {}
    for ref in refs:
        item = found.get(ref)
        words = described(item, report) if item else "item"
        kind = re.split(r"(?:, reconsidered)? (?:under |in ‘)", words)[0]
        groups.setdefault(kind, []).append(ref)
    out = []
    for kind, here in groups.items():
        bare = [r for r in here if r not in label]  # named already: by reference, together
        if bare:
            out.append(f"the {_plural(kind) if len(bare) > 1 else kind} ({join_words(bare)})")
        out += [f"the {kind} {label[r]} ({r})" for r in here if r in label]  # each with its words
    return out


def _plural(kind: str) -> str:
    """Return a kind of finding in the plural: "the 2017 areas for improvement"."""
    last = next((k for k in ItemKind if kind.endswith(k.value)), None)
    return kind[:-len(last.value)] + last.plural() if last else kind + "s"


@dataclass(frozen=True, slots=True)
class PlanNeeds:
    """What an action plan leaves to decide: each list in the plan's order."""

    allocate: tuple[tuple[str, date | None, str], ...]
    """Open items with no owner or action: reference, target date, what is missing."""
    missing: tuple[str, ...]
    """Findings to act on with no item in the plan."""
    overdue: tuple[tuple[str, date], ...]
    """Overdue items, the longest overdue first: reference, target date."""


def plan_needs(report: Report, options: Options) -> PlanNeeds:
    """Return what the plan leaves to decide on the preparation date."""
    assert options.plan is not None
    states = assess_plan(options.plan, options.as_of_date)
    planned = {s.item.finding for s in states}
    states = [s for s in states if s.item.status is not ItemStatus.CLOSED]
    allocate = []
    for state in states:
        item = state.item
        lacks = [w for w, has in (("owner", item.owner or item.lead), ("action", item.actions))
                 if not has]
        if item.status is ItemStatus.AWAITING_ALLOCATION or lacks:
            allocate.append((item.finding, item.target,
                             " or ".join(lacks)))
    overdue = [(s.item.finding, s.item.target)
               for s in sorted((s for s in states if s.overdue), key=lambda s: -s.days_overdue)]
    return PlanNeeds(tuple(allocate), tuple(i.id for i in ordered_items(report)
                                            if i.id not in planned),
                     tuple((ref, when) for ref, when in overdue if when is not None))


def decided_refs(report: Report, options: Options) -> frozenset[str]:
    """Return the findings a plan's decisions name (with a few of their words, if not quoted)."""
    if options.plan is None:
        return frozenset()
    needs = plan_needs(report, options)
    return frozenset((*(r for r, _t, _l in needs.allocate), *needs.missing,
                      *(r for r, _t in needs.overdue)))


def plan_decisions(report: Report, options: Options) -> tuple[str, ...]:
    """Return the decisions an action plan calls for, one sentence each.

    In the order a board takes them; many of one kind share a sentence.
    """
    needs = plan_needs(report, options)
    out: list[str] = []
    if len(needs.allocate) <= NAMED_MAX:
        for ref, target, lacks in needs.allocate:
            due = f", due {long_date(target)}" if target else ""
            gap = f": it has no {lacks} yet" if lacks else ""
            out.append(f"Allocate {finding_named(report, ref)}{due}{gap}.")
    else:
        out.append(f"Allocate the {count_words(len(needs.allocate))} items awaiting an owner "
                   f"or action: {join_words(r for r, _t, _l in needs.allocate)}.")
    if len(needs.missing) <= NAMED_MAX:
        out += [f"Add an item to the action plan for {finding_named(report, r)}{_joint(report, r)}."
                for r in needs.missing]
    else:
        out.append(f"Add items to the action plan for the {count_words(len(needs.missing))} "
                   f"findings it lacks: {join_words(needs.missing)}.")
    if len(needs.overdue) <= NAMED_MAX:
        # the date it was due, then how late it is now ("overdue since" the due date would
        # have it late on the day it fell due)
        # a target already moved once is said with it (read 36): "first set for …, due …"
        first = {i.finding: i.original_target for i in (options.plan.items if options.plan
                                                         else ()) if i.original_target}
        out += [f"Decide on {finding_named(report, r)}, "
                f"{'first set for ' + long_date(first[r]) + ', ' if first.get(r, t) != t else ''}"
                f"due {long_date(t)}, "
                f"{overdue_span((options.as_of_date - t).days, t, date_shown=True)}: set a new "
                "target date or escalate." for r, t in needs.overdue]
    else:
        out.append(f"Decide on the {count_words(len(needs.overdue))} overdue items (set new "
                   f"target dates or escalate): {join_words(r for r, _t in needs.overdue)}.")
    return tuple(out)


def asks(report: Report, options: Options) -> Asks:
    """Return what the pack and the brief ask for, from the plan or the report's deadlines.

    The findings past their deadlines in the order the deadlines fell, as "Deadlines
    and what is due next" lists them (read 36: the asks gave them in the pack's order).
    """
    if options.plan is not None:
        return Asks(plan_decisions(report, options), ())
    due = report_due(report, options)
    return Asks((), tuple(in_deadline_order(report, options, [i.ref for i in due.items
                                                               if i.late])))


def in_deadline_order(report: Report, options: Options, refs: list[str]) -> list[str]:
    """Return findings in the order their deadlines fell, the earliest first.

    An immediate deadline falls on the day of publication; ties keep the pack's order
    (:func:`~peeldocs.sections.order.ordered_items`), not the list's grouping by cause.
    """
    published = options.published or report.published
    found = {i.id: i for i in live_items(report)}
    order = {ref: n for n, ref in enumerate(in_pack_order(list(refs), report))}
    return sorted(refs, key=lambda ref: (due_date(found[ref].deadline or "", published)
                                         or date.max if ref in found else date.max,
                                         order.get(ref, len(order))))


PASSED_NAMED = 8
"""Up to this many findings whose deadlines have passed are named in the ask; more, counted."""


def no_plan_asks(report: Report, options: Options) -> list[str]:
    """Return what a chief officer group can decide without an action plan.

    With no plan supplied: agree one, each finding with an owner, an action and a
    target date (before the section 55 deadline, so that the comments can say what
    action is proposed on each recommendation, named by reference up to
    :data:`PASSED_NAMED`); and, where the report's own deadlines have passed,
    confirm the action taken on those findings, named by reference in the order their
    deadlines fell, the earliest first, and said to be so (counted when many; "all four
    recommendations" when they are every one of the report's), and who reports progress on
    them (the group owns delivery; a panel seeks assurance).
    Nothing about what the force or the local policing body has done, which no
    input records.
    """
    if not live_items(report):
        return []
    deadline = s55_deadline(options.published or report.published)
    late = [i.ref for i in report_due(report, options).items if i.late]
    before = not late and (deadline is None or deadline >= options.as_of_date)
    # before the s.55 deadline the comments say what action is proposed on each
    # recommendation (s.55(5B)): the plan agreed now lets them
    recs = [i.id for i in live_items(report) if i.kind is ItemKind.RECOMMENDATION] if before else []
    out = [wording("brief_decide_plan.j2", options, count=len(recs),
                   refs=recs if len(recs) <= PASSED_NAMED else [],
                   **report_context(report, options))]
    if late:
        found = {i.id: i for i in live_items(report)}
        kinds = {found[r].kind for r in late if r in found}
        kind = kinds.pop() if len(kinds) == 1 else None
        noun = (kind.value if len(late) == 1 else kind.plural()) if kind else (
            "finding" if len(late) == 1 else "findings")
        which = "the" if len(late) == 1 else f"the {count_words(len(late))}"
        whose = "whose deadline has" if len(late) == 1 else "whose deadlines have"
        if len(late) > 1 and kind and sum(i.kind is kind for i in found.values()) == len(late):
            which, noun = f"all {count_words(len(late))}", noun + ","  # every one, not some
        late = in_deadline_order(report, options, late)  # the earliest first
        # a list in deadline order says so: it is not the page's order (read 19); "all four
        # recommendations" names every one, and the page lists each with its deadline
        order_said = "in deadline order: " if len(late) > 1 else ""
        named = (f" ({order_said}{join_words(late)})"
                 if len(late) <= PASSED_NAMED and not which.startswith("all ") else "")
        # the group owns delivery: it confirms what was done (a panel seeks assurance)
        them = "it" if len(late) == 1 else "them"
        out.append(f"confirm the action taken on {which} {noun} {whose} passed{named}, and who "
                   f"reports progress on {them}")
    return out
