"""The one-page brief's deadlines: where an action plan stands, and the note on quotation marks.

What is due is named as the brief names findings (:mod:`peeldocs.sections.brief_items`):
in words first, the reference in brackets.  With a plan, its items are given as
short sub-items, what is late first (:func:`plan_position`); an item the brief
has not quoted is named with a few of the report's words, since the brief may be
all a reader sees of it.  Pure functions, no I/O.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from peeldocs.blocks import Block, BulletList, Inline, Paragraph, Text
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.rules import ItemState, assess_plan
from peeldocs.prose import count_words, counted, join_words, long_date, overdue_span
from peeldocs.sections.brief_items import described, kind_is_key
from peeldocs.sections.brief_labels import joint_label
from peeldocs.sections.brief_named import plan_label
from peeldocs.sections.common import report_context, wording
from peeldocs.sections.due import DueList, what_is_due
from peeldocs.sections.items import (
    ItemKind,
    ResponseItem,
    first_target,
    response_items,
    s55_deadline,
)
from peeldocs.sections.order import live_items
from peeldocs.sections.paper import runs
from peeldocs.wording import marks_note

DETAILED_MAX = 4
"""A status with up to this many items names each with its date; more, by reference alone."""
NAMED_MAX = 8
"""A status with more items than this is counted, not named."""


def due_in_words(report: Report, options: Options) -> DueList:
    """Return what is due, each item described in words (:func:`described`)."""
    due = what_is_due(report, options)
    found = {i.id: i for i in response_items(report)}
    return dataclasses.replace(due, items=tuple(
        dataclasses.replace(d, about=described(found[d.ref], report)) if d.ref in found else d
        for d in due.items))


_GROUPS = ("Overdue", "No owner", "Awaiting allocation", "In progress", "Awaiting sign-off",
           "Closed")
"""The plan's sub-items, in the order a chief officer group acts on them: what is late first."""


def _group(state: ItemState) -> str:
    """Return the sub-item an item is listed under (:data:`_GROUPS`)."""
    item = state.item
    if item.status is ItemStatus.CLOSED:
        return "Closed"
    if state.overdue:
        return "Overdue"
    if not (item.owner or item.lead):
        return "No owner"
    return {ItemStatus.AWAITING_ALLOCATION: "Awaiting allocation",
            ItemStatus.PENDING_SIGN_OFF: "Awaiting sign-off"}.get(item.status, "In progress")


def _detail(state: ItemState, labels: dict[str, str]) -> str:
    """One plan item on its sub-item: its reference, when closed or due, any owner gap.

    ``labels``: a few of the report's words for each item the brief quotes nowhere.  An
    overdue item names its owner (read 21) and the target missed; a late closure says so.
    """
    item = state.item
    name = f"{item.finding} {labels[item.finding]}" if labels.get(item.finding) else item.finding
    if item.status is ItemStatus.CLOSED:  # closed after its target: how late, said (read 30-B)
        if item.closed_on is None:
            return name
        days = (item.closed_on - item.target).days if item.target is not None else 0
        late = (f", {counted(days, 'day', words=True)} after its target of "
                f"{long_date(item.target)}" if item.target is not None and days > 0 else "")
        return f"{name}, closed on {long_date(item.closed_on)}{late}"
    owner = item.owner or item.lead
    # an owner gap is said on an overdue item's line (the others are under "No owner"); an
    # overdue item names its owner, who is to answer for it
    who = (f", owner {owner}" if owner else ", no owner") if state.overdue else ""
    first = first_target(item)  # a moved target is a fact to report
    target = item.target
    if target is None:
        return f"{name}, no target date{who}"
    # the dates in the order things happened (read 10): "first set for 31 July 2019, due 30
    # September 2019"; under "Overdue", how late first (read 19), counted from the target
    # missed (read 21: "due" would read as still to come), a long span by its date
    first_set = f" (first set for {long_date(first)})" if first is not None else ""
    if not state.overdue:
        moved = f"first set for {long_date(first)}, " if first is not None else ""
        return f"{name}, {moved}due {long_date(target)}"
    span = overdue_span(state.days_overdue, target, date_shown=True).removeprefix("overdue ")
    if span.startswith("by "):
        late = f"{span.removeprefix('by ')} past its target of {long_date(target)}"
        return f"{name}, {late}{first_set}{who}"
    return f"{name}, since {long_date(target)}{first_set}{who}"


def _in_order(states: list[ItemState]) -> list[ItemState]:
    """Return a sub-item's items: the longest overdue (the earliest due) first, closed by date."""
    return sorted(states, key=lambda s: (s.item.closed_on or date.max
                                         if s.item.status is ItemStatus.CLOSED
                                         else s.item.target or date.max, s.item.finding))


def plan_position(report: Report, options: Options,
                  quoted: frozenset[str] = frozenset(), labels: int = 1,
                  asked: frozenset[str] = frozenset(), stated: frozenset[str] = frozenset(),
                  ) -> tuple[str, tuple[tuple[Inline, ...], ...]]:
    """Say where the action plan stands, counted from the plan: a line, and its sub-items.

    "Action plan on 15 October 2019: four items.", then one short line for each
    state, in the order a chief officer group acts on them (read 19): "Overdue:
    E-2017-AFI-1, first set for 31 July 2019, due 30 September 2019, now overdue by
    15 days.", "No owner: E2-AFI-2, due 1 November 2019.", "In progress: ...",
    "Awaiting sign-off: ...", "Closed: E2-AFI-3, closed on 4 October 2019."; the findings the
    plan has no item for on a line of their own after what is overdue (read 30-B: "Not in the
    plan: E5-REC-1; the section 55 comments were to explain the action proposed on it"),
    those in ``asked`` (the decisions at the top name them with their words) by reference.
    An illustrative plan says so on the first line, as the briefing pack labels it; another
    is named there by its title; the items are counted by state (:func:`by_state`).  A
    sub-item of many items names them by reference, more are counted.  ``quoted``: findings
    the page quotes or names in words, by reference; any other with a few of the report's
    words (read 24-B), with ``labels`` 2 its opening words to a clause (read 29-B), with
    ``labels`` 0 (a page short of room) by reference alone.
    ``stated``: findings whose line above gives their state in the plan (read 31-B): only
    what is overdue names them again, first, with its owner.
    """
    assert options.plan is not None
    states = assess_plan(options.plan, options.as_of_date)
    words = {i.id: plan_label(i, i.id in quoted, labels) for i in response_items(report)}
    lines: list[tuple[Inline, ...]] = []
    planned = {s.item.finding for s in states}
    lacking = [i for i in live_items(report) if i.id not in planned and i.id not in stated]
    states_said = [s for s in states if _group(s) == "Overdue" or s.item.finding not in stated]
    for group in _GROUPS:
        if group == "No owner" and lacking:  # read 30-B: what the plan lacks is late too
            lines.append((Text("Not in the plan: ", bold=True),
                          Text(_lacking(lacking, {**words, **dict.fromkeys(asked, "")},
                                        report, options, asked) + ".")))
        here = _in_order([s for s in states_said if _group(s) == group])
        if not here:
            continue
        names = ("; ".join(_detail(s, words) for s in here) if len(here) <= DETAILED_MAX
                 else join_words(s.item.finding for s in here) if len(here) <= NAMED_MAX
                 else counted(len(here), "item", words=True))
        lines.append((Text(f"{group}: ", bold=True), Text(f"{names}.")))
    # what falls due next, on a line of its own after what is overdue (read 34: one dash
    # bullet holding both read clumsily); not when its line above gives its state already
    coming = _next(states, states_said, words, options, stated)
    at = 1 if lines and states_said and _group(states_said[0]) == "Overdue" else 0
    lines[at:at] = coming
    # the plan named once, on its own line (read 23-B: not again after the list); an
    # illustrative plan's label says what it is, and the briefing pack gives its title
    head = wording("brief_plan.j2", options, as_of=options.as_of_date, total=len(states),
                   illustrative=options.plan.illustrative, title=options.plan.title or "",
                   missing="", many=False, by_state=by_state(states))
    return head, tuple(lines)


_STATE_WORDS = {"Overdue": "overdue", "No owner": "with no owner", "Awaiting allocation":
                "not yet allocated", "Awaiting sign-off": "awaiting sign-off"}
"""Each sub-item's words in the count of the plan's items by state (:func:`by_state`)."""


def by_state(states: list[ItemState]) -> str:
    """Count the plan's items by state, what is late first: "one overdue, …, one closed four days late".

    Read 34: "four items." followed by two of them left the reader to work out the
    others.  Every item is counted once, under its sub-item (:func:`_group`); a closed
    item closed after its target says how late (one), or how many were (more).
    """
    said = []
    for group in _GROUPS:
        here = [s for s in states if _group(s) == group]
        if not here:
            continue
        phrase = f"{count_words(len(here))} {_STATE_WORDS.get(group, group.lower())}"
        late = [(s.item.closed_on - s.item.target).days for s in here
                if s.item.closed_on is not None and s.item.target is not None
                and s.item.closed_on > s.item.target] if group == "Closed" else []
        if len(here) == 1 and late:
            phrase += f" {counted(late[0], 'day', words=True)} late"
        elif late:
            phrase += f", {count_words(len(late))} of them late"
        said.append(phrase)
    return join_words(said) if len(said) > 1 else ""


def _next(states: list[ItemState], said: list[ItemState], words: dict[str, str],
          options: Options, stated: frozenset[str] = frozenset()) -> list[tuple[Inline, ...]]:
    """Name the open item due next, when no line names it: target, how soon, owner gap.

    "Due next: E2-AFI-2, due 1 November 2019, in 17 days; no owner yet" (read 33), unless
    its line above gives its state (``stated``: read 34, a fact said once).
    """
    coming = _in_order([s for s in states if s.item.status is not ItemStatus.CLOSED
                        and not s.overdue and s.item.target is not None])
    first = coming[0] if coming else None
    if first is None or first in said or first.item.target is None or (
            first.item.finding in stated):  # its line above says it (read 34: facts once)
        return []
    days = (first.item.target - options.as_of_date).days
    soon = "today" if days == 0 else f"in {counted(days, 'day', words=True)}"
    gap = "" if first.item.owner or first.item.lead else "; no owner yet"
    return [(Text("Due next: ", bold=True), Text(f"{_detail(first, words)}, {soon}{gap}."))]


def _lacking(items: list[ResponseItem], words: dict[str, str], report: Report,
             options: Options, asked: frozenset[str]) -> str:
    """Name the findings the plan has no item for, on their own line (read 30-B, F4).

    "the joint recommendation E5-REC-1 (“work with other forces”); the section 55
    comments were to explain the action taken or proposed on it"; many by reference,
    more counted by kind.
    """
    if len(items) > NAMED_MAX:
        return join_words(_by_kind(items))
    if len(items) > DETAILED_MAX:
        return join_words(i.id for i in items)
    # one the decisions ask an item for is named there, with its kind and words: by reference
    said = join_words(i.id if i.id in asked else _named(i, words, report) for i in items)
    recs = [i for i in items if i.kind is ItemKind.RECOMMENDATION]
    deadline = s55_deadline(options.published or report.published)
    if recs and deadline is not None:  # s.55(5B): the comments explain the action on each
        tense = "were" if deadline < options.as_of_date else "are"
        said += (f"; the section 55 comments {tense} to explain the action proposed "
                 f"on {'it' if len(recs) == 1 else 'them'}")
    return said


def _named(item: ResponseItem, words: dict[str, str], report: Report) -> str:
    """Name a finding the plan has no item for: "the joint recommendation E5-REC-1 (“…”)"."""
    kind = joint_label(item, report, item.kind.value).split(",")[0]
    gist = f" {words[item.id]}" if words.get(item.id) else ""
    return f"the {kind[:1].lower()}{kind[1:]} {item.id}{gist}"


def _by_kind(items: list[ResponseItem]) -> list[str]:
    """Count many findings by kind; causes of concern and recommendations keep their references.

    "20 areas for improvement"; "two recommendations (A1-REC-1 and A2-REC-1)".
    """
    kinds: dict[ItemKind, list[str]] = {}
    for item in items:
        kinds.setdefault(item.kind, []).append(item.id)
    return [counted(len(ids), kind.value, kind.plural(), words=True)
            + (f" ({join_words(ids)})" if kind_is_key(kind) else "") for kind, ids in kinds.items()]


_MARKED = re.compile(r"“[^”]*”")
"""A quotation: words added in square brackets, or an ellipsis where words are left out, need a note."""


def mark_note(blocks: list[Block]) -> list[Block]:
    """Say once what square brackets and ellipses in quotations mean, if the brief has any.

    Said with the closing notes (read 21: not in the middle of the findings), after the
    source and its licence, which say quotations are verbatim "apart from any marked
    changes"; a page with no closing paragraph ends with the note.
    """
    runs = [r for b in blocks if isinstance(b, Paragraph) for r in b.runs] + [
        r for b in blocks if isinstance(b, BulletList) for item in b.items for r in item]
    quoted = [m.group(0) for r in runs if isinstance(r, Text) for m in _MARKED.finditer(r.text)]
    brackets, ellipsis = any("[" in q for q in quoted), any("…" in q for q in quoted)
    # a finding quoted to its first sentence on a list line ends in an ellipsis too
    ellipsis = ellipsis or any(isinstance(r, Text) and r.text.endswith(" …") for r in runs)
    if not (brackets or ellipsis):
        return blocks
    note = marks_note(brackets, ellipsis)
    last = blocks[-1] if blocks else None
    if isinstance(last, Paragraph):
        return [*blocks[:-1], Paragraph((*last.runs, Text(" " + note)))]
    return [*blocks, Paragraph((Text(note),))]


def s55_line(report: Report, options: Options) -> tuple[Inline, ...]:
    """Return the line giving the date by which the local policing body must publish comments.

    The body is named as the data gives it for the force on the preparation date;
    where that is not known, the author names it (a placeholder), never a guess.
    """
    published = options.published or report.published
    ctx = {**report_context(report, options), "published": published}
    deadline = s55_deadline(published)
    days = (deadline - options.as_of_date).days if deadline is not None else None
    if ctx["body"] is None:  # not known for this force on this date: the author names it
        ctx["who"] = "[[the local policing body]]"
    # once the deadline has passed, the date they were published is the author's to complete
    return runs(wording("brief_s55.j2", options, deadline=deadline, days=days, **ctx))
