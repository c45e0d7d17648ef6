"""The one-page brief's dated lines, in words, and its note on quotation marks.

What is due is named as the brief names findings (:mod:`peeldocs.sections.brief_items`):
in words first, the reference in brackets; with a plan, an item the brief has
not quoted is quoted to a clause, since the brief may be all a reader sees of it.
Pure functions, no I/O.
"""

from __future__ import annotations

import dataclasses
import re

from peeldocs.blocks import Block, BulletList, Heading, Inline, Paragraph, Text
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.rules import ItemState, assess_plan
from peeldocs.prose import count_words, long_date, overdue_span, sentence_case
from peeldocs.sections.brief_items import described, quotation
from peeldocs.sections.common import wording
from peeldocs.sections.due import DueItem, DueList, due_line, live_items, what_is_due
from peeldocs.sections.items import ResponseItem, first_target, response_items

DETAILED_MAX = 4
"""A status with up to this many items names each with its date; more, by reference alone."""
NAMED_MAX = 8
"""A status with more items than this is counted, not named."""
_STATUS_WORDS = {ItemStatus.CLOSED: "closed", ItemStatus.PENDING_SIGN_OFF: "awaiting sign-off",
                 ItemStatus.IN_PROGRESS: "in progress",
                 ItemStatus.AWAITING_ALLOCATION: "awaiting allocation"}


def due_in_words(report: Report, options: Options, above: frozenset[str] = frozenset()) -> DueList:
    """Return what is due, each item described in words (:func:`described`).

    With a plan, an item not listed ``above`` is quoted too, to a clause: the brief
    may be all a reader sees of an overdue item.
    """
    due = what_is_due(report, options)
    found = {i.id: i for i in response_items(report)}

    def about(item: ResponseItem) -> str:
        words = described(item, report)
        if item.id in above or not due.has_plan:  # without a plan, the pack lists the rest
            return words
        return f"{words}, “{quotation(item.full_text, 16)}”"

    return dataclasses.replace(due, items=tuple(
        dataclasses.replace(d, about=about(found[d.ref])) if d.ref in found else d
        for d in due.items))


def dated_line(report: Report, item: DueItem, above: frozenset[str]) -> tuple[Inline, ...]:
    """Return a plan item's line: the finding in words (referred to if listed above), when, who."""
    found = {i.id: i for i in response_items(report)}
    finding = found.get(item.ref)
    if finding is None:
        return due_line(item, words=True)
    what = sentence_case(described(finding, report))
    tail = f"; {item.who}." if item.who else "."
    if item.ref in above:
        return (Text(what, bold=True), Text(f" ({item.ref}, quoted above): {item.when}{tail}"))
    return (Text(what, bold=True),
            Text(f": “{quotation(finding.full_text, 16)}” ({item.ref}): {item.when}{tail}"))



def _detail(state: ItemState, below: frozenset[str]) -> str:
    """One plan item for the plan's position: its reference, when closed or due, any owner gap.

    An item with a line of its own ``below`` is not dated twice: its reference alone,
    "overdue" after it if so.
    """
    item = state.item
    if item.status is ItemStatus.CLOSED:
        return f"{item.finding}, {long_date(item.closed_on)}" if item.closed_on else item.finding
    first = first_target(item)  # a moved target is a fact to report
    if item.finding in below:  # its own line gives its date and owner
        moved = f", target moved from {long_date(first)}" if first is not None else ""
        return f"{item.finding}, overdue{moved}" if state.overdue else item.finding
    target = item.target
    when = ("no target date" if target is None
            # the one rule for spans (prose.overdue_span), its date after a comma, not nested
            else overdue_span(state.days_overdue, target).replace(" (due ", ", due ").rstrip(")")
            if state.overdue
            else f"due {long_date(target)}")
    moved = f", first set for {long_date(first)}" if first is not None and target else ""
    owner = "" if item.owner or item.lead else ", no owner"
    return f"{item.finding}, {when}{moved}{owner}"


def plan_position(report: Report, options: Options, below: frozenset[str] = frozenset(),
                  said: frozenset[str] = frozenset()) -> tuple[Inline, ...]:
    """Say in one line where the action plan stands, counted from the plan.

    "Action plan on 15 October 2019: four items. One closed (E2-AFI-3, 4 October
    2019); two in progress (E-2017-AFI-1, overdue; E2-AFI-1, due 31 December 2019);
    one awaiting allocation (E2-AFI-2). No item yet for E2-AFI-4."  Statuses in the
    order boards review them; a long list is named by reference, a longer one counted.
    ``below``: items with a dated line of their own; ``said``: findings already said to
    have no item.
    """
    assert options.plan is not None
    states = assess_plan(options.plan, options.as_of_date)
    groups = []
    for status, words in _STATUS_WORDS.items():
        here = [s for s in states if s.item.status is status]
        if not here:
            continue
        names = ([_detail(s, below) for s in here] if len(here) <= DETAILED_MAX
                 else [s.item.finding for s in here] if len(here) <= NAMED_MAX else [])
        listed = f" ({'; '.join(names)})" if names else ""
        groups.append(f"{count_words(len(here))} {words}{listed}")
    planned = {s.item.finding for s in states}
    lacking = [i for i in live_items(report) if i.id not in planned and i.id not in said]
    missing = ([f"the {described(i, report)} ({i.id})" for i in lacking]
               if len(lacking) <= DETAILED_MAX else
               [f"{count_words(len(lacking))} findings ({', '.join(i.id for i in lacking)})"])
    return (Text(wording("brief_plan.j2", options, as_of=options.as_of_date, total=len(states),
                         groups=groups, missing=missing)),)


_MARKED = re.compile(r"“[^”]*”")
"""A quotation: words added in square brackets, or an ellipsis where words are left out, need a note."""


def mark_note(blocks: list[Block]) -> list[Block]:
    """Say once what square brackets and ellipses in quotations mean, if the brief has any.

    Said after the paragraph that counts the findings (the first to quote, if any does).
    """
    runs = [r for b in blocks if isinstance(b, Paragraph) for r in b.runs] + [
        r for b in blocks if isinstance(b, BulletList) for item in b.items for r in item]
    quoted = [m.group(0) for r in runs if isinstance(r, Text) for m in _MARKED.finditer(r.text)]
    brackets, ellipsis = any("[" in q for q in quoted), any("…" in q for q in quoted)
    if not (brackets or ellipsis):
        return blocks
    note = ("Square brackets mark words added; an ellipsis, words left out." if brackets and ellipsis
            else "Square brackets mark words added to a quotation." if brackets
            else "An ellipsis marks words left out of a quotation.")
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.anchor == "brief-actions")
    para = blocks[at + 1]
    if isinstance(para, Paragraph):
        blocks[at + 1] = Paragraph((*para.runs, Text(" " + note)))
    return blocks
