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
from peeldocs.prose import count_words, counted, join_words, long_date, overdue_span, sentence_case
from peeldocs.sections.brief_items import described, kind_is_key, run_on
from peeldocs.sections.brief_labels import short_label
from peeldocs.sections.common import report_context, wording
from peeldocs.sections.due import DueItem, DueList, due_line, what_is_due
from peeldocs.sections.items import (
    ItemKind,
    ResponseItem,
    first_target,
    plan_item,
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
        return f"{words}, “{run_on(item.full_text, 16)}”"

    return dataclasses.replace(due, items=tuple(
        dataclasses.replace(d, about=about(found[d.ref])) if d.ref in found else d
        for d in due.items))


def dated_line(report: Report, item: DueItem, above: frozenset[str],
               options: Options | None = None) -> tuple[Inline, ...]:
    """Return a plan item's line: the finding in words (referred to if listed above), when, who.

    A target the plan has moved says so on the same line ("target moved from 31
    July 2019; now overdue by 15 days (due 30 September 2019)"): the one place the
    brief gives that item's dates, so the reader need not join two lines.
    """
    found = {i.id: i for i in response_items(report)}
    finding = found.get(item.ref)
    if finding is None:
        return due_line(item, words=True)
    what = sentence_case(described(finding, report))
    tail = f"; {item.who}." if item.who else "."
    first = first_target(plan_item(options.plan, item.ref)) if options else None
    when = f"target moved from {long_date(first)}; now {item.when}" if first else item.when
    if item.ref in above:
        return (Text(what, bold=True), Text(f" ({item.ref}, quoted above): {when}{tail}"))
    return (Text(what, bold=True),
            Text(f": “{run_on(finding.full_text, 16)}” ({item.ref}): {when}{tail}"))



def _detail(state: ItemState, below: frozenset[str], labels: dict[str, str]) -> str:
    """One plan item for the plan's position: its reference, when closed or due, any owner gap.

    An item with a line of its own ``below`` is not dated twice: its reference
    alone (that line says whether it is overdue and whether its target moved).
    ``labels``: a few of the report's words for each item the brief quotes nowhere.
    """
    item = state.item
    if item.finding in below:  # its own line gives its dates and owner
        return item.finding
    name = f"{item.finding} {labels[item.finding]}" if item.finding in labels else item.finding
    if item.status is ItemStatus.CLOSED:
        return f"{name}, {long_date(item.closed_on)}" if item.closed_on else name
    first = first_target(item)  # a moved target is a fact to report
    target = item.target
    if target is None:
        return f"{name}, no target date" + ("" if item.owner or item.lead else ", no owner")
    # in the order things happened (read 10): "first set for 31 July 2019, due 30 September
    # 2019, now overdue by 15 days"; a long span by its date ("overdue since 30 September 2019")
    moved = f"first set for {long_date(first)}, " if first is not None else ""
    span = overdue_span(state.days_overdue, target, date_shown=True) if state.overdue else ""
    when = (f"due {long_date(target)}, now {span}" if span.startswith("overdue by")
            else overdue_span(state.days_overdue, target) if span else f"due {long_date(target)}")
    owner = "" if item.owner or item.lead else ", no owner"
    return f"{name}, {moved}{when}{owner}"


def plan_position(report: Report, options: Options, below: frozenset[str] = frozenset(),
                  said: frozenset[str] = frozenset(), quoted: frozenset[str] | None = None,
                  listed: bool = False) -> tuple[tuple[Inline, ...], tuple[tuple[Inline, ...], ...]]:
    """Say where the action plan stands, counted from the plan: a line, and its statuses.

    "Action plan on 15 October 2019: four items. One closed (E2-AFI-3, 4 October
    2019); two in progress (E-2017-AFI-1, overdue; E2-AFI-1, due 31 December 2019);
    one awaiting allocation (E2-AFI-2). No item yet for E2-AFI-4."  With ``listed``,
    each status is a short line of its own under the first ("One closed (E2-AFI-3,
    4 October 2019)."), returned second.  An illustrative plan says so on the line,
    as the briefing pack labels it.  Statuses in the order boards review them; a
    long list is named by reference, a longer one counted.  ``below``: items with a
    dated line of their own; ``said``: findings already said to have no item;
    ``quoted``: findings the page quotes, when known: any other item is named with a
    few of the report's words (:func:`short_label`), since a reference alone is ours
    and tells the reader nothing.
    """
    assert options.plan is not None
    states = assess_plan(options.plan, options.as_of_date)
    labels = ({} if quoted is None else
              {i.id: short_label(i.full_text) for i in response_items(report) if i.id not in quoted})
    groups: list[tuple[str, str, list[str]]] = []
    for status, words in _STATUS_WORDS.items():
        here = [s for s in states if s.item.status is status]
        if not here:
            continue
        names = ([_detail(s, below, labels) for s in here] if len(here) <= DETAILED_MAX
                 else [s.item.finding for s in here] if len(here) <= NAMED_MAX else [])
        groups.append((count_words(len(here)), words, names))
    planned = {s.item.finding for s in states}
    lacking = [i for i in live_items(report) if i.id not in planned and i.id not in said]
    missing = ([f"the {described(i, report)} ({i.id})" for i in lacking]
               if len(lacking) <= DETAILED_MAX else
               [f"{count_words(len(lacking))} findings ({', '.join(i.id for i in lacking)})"]
               if len(lacking) <= NAMED_MAX else _by_kind(lacking))
    sentence = [f"{n} {words}" + (f" ({'; '.join(names)})" if names else "")
                for n, words, names in groups]
    head = wording("brief_plan.j2", options, as_of=options.as_of_date, total=len(states),
                   groups=[] if listed else sentence, missing=missing,
                   illustrative=options.plan.illustrative)
    # references in brackets, as everywhere on the page: "One closed (E2-AFI-3 “…”, 4 October 2019)."
    lines = tuple((Text(sentence_case(line) + "."),) for line in sentence) if listed else ()
    return (Text(head),), lines


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

    Said after the paragraph that counts the findings (the first to quote, if any does).
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
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.anchor == "brief-actions")
    para = blocks[at + 1]
    if isinstance(para, Paragraph):
        blocks[at + 1] = Paragraph((*para.runs, Text(" " + note)))
    return blocks


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
