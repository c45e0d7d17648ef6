"""The committee paper with an action plan: each finding's state, and what the plan records of it.

The findings table's state cell gives the plan's status with its date ("In
progress; due 31 December 2019", "Closed on 4 October 2019, 4 days late"); an
item due within 30 days that lacks an owner or actions is flagged in words, in
bold, never by colour alone.  After the table, one short entry per plan item
gives its actions and its latest update, dated and quoted from the plan, the
finding named by its reference only (the table above quotes it): what the
force is doing, which the paper's purpose promises.  Words as the pack's plan
table has them (:mod:`plan_table`).
"""

from __future__ import annotations

from peeldocs.blocks import Block, BulletList, Cell, Inline, Text, Tone, plain
from peeldocs.options import Options
from peeldocs.plans.plan import ActionItem, ItemStatus
from peeldocs.plans.rules import ItemState
from peeldocs.prose import counted, sentence_case
from peeldocs.sections.items import ResponseItem, first_target
from peeldocs.sections.paper import Numbering
from peeldocs.sections.plan_table import latest_update, rated_by_author, sign_off
from peeldocs.wording import long_date, render_text

NOT_IN_PLAN = "Not yet in the action plan"


def lacks(item: ActionItem) -> str:
    """Return what an open item lacks: "an owner and actions", "an owner", "actions", or ""."""
    owned, acted = bool(item.owner or item.lead), bool(item.actions)
    if owned and acted:
        return ""
    return "actions" if owned else ("an owner" if acted else "an owner and actions")


def _missing(item: ActionItem) -> str:
    """Return "no owner or actions recorded yet" (or "no owner", "no actions"), or ""."""
    need = lacks(item)
    if not need:
        return ""
    said = {"an owner and actions": "owner or actions", "an owner": "owner"}.get(need, need)
    return f"no {said} recorded yet"


def _closed(state: ItemState) -> str:
    """Return "Closed on 4 October 2019, 4 days late" (the lateness only when it was late)."""
    item = state.item
    if item.closed_on is None:
        return "Closed"
    text = f"Closed on {long_date(item.closed_on)}"
    if state.closed_late and item.target is not None:
        text += f", {counted((item.closed_on - item.target).days, 'day')} late"
    return text


UNALLOCATED = "Not yet allocated to an owner"
"""The plan's "awaiting allocation", glossed (read 24-C): beside a finding on how a force
allocates crime, "Awaiting allocation" read as a comment on crime allocation."""


def _status(item: ActionItem) -> tuple[str, str]:
    """Return an open item's status in words and what it lacks ("" when nothing).

    Awaiting allocation with no owner recorded: "Not yet allocated to an owner", and
    what it lacks then says only what else is missing ("no actions recorded yet").
    """
    if item.status is ItemStatus.AWAITING_ALLOCATION and not (item.owner or item.lead):
        return UNALLOCATED, ("" if item.actions else "no actions recorded yet")
    return sentence_case(item.status.value), _missing(item)


def plan_state(item: ResponseItem, states: dict[str, ItemState]) -> Cell:
    """Return a finding's state in the plan: its status with its date, or not in the plan.

    "In progress; 15 days overdue (due 30 September 2019; first set for 31 July 2019)" in
    bold, in red (never "overdue since" the due date, the last day it was on time);
    "Not yet allocated to an owner; due 1 November 2019; no actions recorded yet",
    flagged in bold, in amber, when due within 30 days; "In progress; due 31 December
    2019".  An overdue item says by how many days, as at the date its states hold on
    (which 6.2 gives; read 35-C: a committee reads days); a finding the plan does not
    hold is flagged in bold, in red.
    """
    state = states.get(item.id)
    if state is None:
        # read 35-C: the gravest gap, flagged as the other gaps are: in bold words, shaded
        return Cell((Text(NOT_IN_PLAN, bold=True),), tone=Tone.RED)
    planned = state.item
    if planned.status is ItemStatus.CLOSED:
        return Cell(plain(_closed(state)))
    status, missing = _status(planned)
    target = planned.target
    if target is None:
        return Cell((Text(f"{status}; no date set" + (f"; {missing}" if missing else ""),
                          italic=True),))
    first = first_target(planned)  # a moved target: the one first set is said too
    if state.overdue:
        first_set = f"; first set for {long_date(first)}" if first is not None else ""
        late = f"{counted(state.days_overdue, 'day')} overdue (due {long_date(target)}{first_set})"
        runs: list[Inline] = [Text(f"{status}; "), Text(late, bold=True)]
        tone: Tone | None = Tone.RED
    else:
        due = f"due {long_date(target)}"
        if first is not None:
            due += f" (first set for {long_date(first)})"
        tone = Tone.AMBER if state.due_soon and missing else None
        # flagged, each warning is bold in its own words, never the punctuation between
        # them (read 30-C: the bold began at a semicolon)
        runs = [Text(status, bold=tone is not None and status == UNALLOCATED), Text("; "),
                Text(due)]
    if missing:  # due soon with nothing recorded: flagged in words, in bold
        flagged = tone is not None
        runs += [Text("; ", italic=not flagged), Text(missing, bold=flagged, italic=not flagged)]
    return Cell(tuple(runs), tone=tone)


def _entry(state: ItemState) -> tuple[Inline, ...]:
    """Return one item's actions, sign-off and latest update, the plan's words quoted.

    A sentence a run, so each of ours is translated whole and the plan's words never are.
    """
    item = state.item
    said: list[str] = []
    if item.actions:
        label = "Action" if len(item.actions) == 1 else "Actions"
        said.append(f"{label}: " + "; ".join(f"“{a}”" for a in item.actions) + ".")
    else:
        said.append("No actions recorded yet.")
    if signed := sign_off(item):
        said.append(sentence_case(signed) + ".")
    if item.latest_update is not None:
        update, rated = latest_update(state, quote=True), rated_by_author(state, quote=True)
        said.append(f"Latest update, {update.removesuffix(' ' + rated) if rated else update}")
        said += [rated] if rated else []
    else:
        said.append("No update yet.")
    runs: list[Inline] = [Text(item.finding, bold=True), Text(". ")]
    for i, sentence in enumerate(said):
        runs += [*((Text(" "),) if i else ()), Text(sentence)]
    return tuple(runs)


def plan_entries(items: list[ResponseItem], states: list[ItemState], options: Options,
                 n: Numbering, illustrative: bool) -> list[Block]:
    """Return what the plan records of each item, one entry each, in the findings table's order.

    An item with neither actions nor an update has no entry saying nothing, and is not
    named again: its row in the findings table says what it lacks.  None at all when the
    plan records nothing for any.
    """
    order = {item.id: i for i, item in enumerate(items)}
    ranked = sorted(states, key=lambda s: (order.get(s.item.finding, len(order)),
                                           s.item.finding))
    told = [s for s in ranked if s.item.actions or s.item.latest_update is not None]
    if not told:
        return []
    lead = render_text("committee_actions.j2", options.template_dir, illustrative=illustrative)
    return [*(n.para(plain(text)) for text in lead),
            BulletList(tuple(_entry(s) for s in told), level=1)]


def told_refs(states: list[ItemState]) -> frozenset[str]:
    """Return the references of the items the plan records actions or an update for."""
    return frozenset(s.item.finding for s in states
                     if s.item.actions or s.item.latest_update is not None)
