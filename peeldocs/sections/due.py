"""What is live and what is due: the order summaries lead with, shared by the pack and the brief.

Live findings come first, in the order of :mod:`peeldocs.sections.order`.  What
is due follows, item by item:
with an action plan, its overdue items (the longest overdue first), then those
due soonest; without one, the deadlines the report itself sets, those passed by
the preparation date first.  Pure functions, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peeldocs.blocks import Inline, Text
from peeldocs.model import Report, questions_unread
from peeldocs.model.deadlines import DeadlineKind, describe_deadline, due_date, parse_deadline
from peeldocs.options import Options
from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.rules import DUE_SOON_DAYS, ItemState, assess_plan
from peeldocs.prose import join_words, overdue_span
from peeldocs.sections.common import wording
from peeldocs.sections.items import ItemKind, ResponseItem, response_items
from peeldocs.wording import long_date


@dataclass(frozen=True, slots=True)
class DueItem:
    """One finding with a date: its reference, what is due and when, and whether it is late."""

    ref: str
    when: str
    """In words: "overdue by 15 days (due 30 September 2019)", "due 1 November 2019"."""
    who: str = ""
    late: bool = False
    about: str = ""
    """What the finding is about, from the report: "area for improvement under question 2,
    “The force should improve how it allocates crime …”"; "" when it is not in the report."""
    on: str = ""
    """Without a plan: the date the report's deadline fell or falls on, briefly
    ("12 December 2024"; "immediately, from 12 September 2024")."""

    @property
    def named(self) -> str:
        """What it is about, then its reference, for a sentence: "area for ... (E2-AFI-2)"."""
        return f"{self.about} ({self.ref})" if self.about else self.ref


@dataclass(frozen=True, slots=True)
class DueList:
    """What is overdue and what is due next, on the preparation date."""

    items: tuple[DueItem, ...]
    has_plan: bool
    report_deadlines: int = 0
    """Without a plan: how many deadlines the report sets that can be dated."""
    passed: int = 0
    """How many of ``items`` are past their date."""
    undated: int = 0
    """Without a plan: deadlines set relative to a publication date that was not supplied."""
    unread: bool = False
    """Without a plan: part of the report was not read, so it may set deadlines not seen."""


OPENING_WORDS = 9
"""How many words of a finding's text name it in a summary line."""
WORDED_MAX = 4
"""A sentence names up to this many findings with their words; more, by reference alone."""


def place_phrase(item: ResponseItem, assessment: bool) -> str:
    """Return where a finding sits, to follow its kind: " in ‘Area’", " under question 2" or ""."""
    if assessment and item.question_title:
        return f" in ‘{item.question_title}’"
    return f" under question {item.question}" if item.question else ""


def about(item: ResponseItem, assessment: bool) -> str:
    """Say what a finding is about from the report alone: its kind, question or area, first words.

    For example "area for improvement under question 2, “The force should improve
    how it allocates crime …”"; the words are the report's, cut at a word and the
    cut marked with an ellipsis, never paraphrased.
    """
    kind = item.note if item.kind is ItemKind.CARRIED_FORWARD and item.note else item.kind.value
    where = place_phrase(item, assessment)
    if where and item.kind is ItemKind.CARRIED_FORWARD:  # where this report reconsiders it
        where = f", reconsidered{where}"
    text, lead = item.text, ""
    if text.startswith("[") and "]" in text:  # words we added: the kind above says them
        text, lead = text[text.index("]") + 1:].strip(), "… "
    words = text.split()
    opening = lead + " ".join(words[:OPENING_WORDS]).rstrip(",;:")
    if len(words) > OPENING_WORDS:
        opening += " …"
    return f"{kind}{where}, “{opening}”"


def _target(state: ItemState) -> date | None:
    return state.item.target


def plan_due(report: Report, options: Options) -> DueList:
    """Return a plan's overdue items, the longest overdue first, then those due within 30 days.

    When nothing is due within 30 days, the next item due is named instead.
    """
    assert options.plan is not None
    states = assess_plan(options.plan, options.as_of_date)
    found = {i.id: i for i in response_items(report)}
    overdue = sorted((s for s in states if s.overdue), key=lambda s: (_target(s), s.item.finding))
    open_dated = sorted((s for s in states if not s.overdue and _target(s) is not None
                         and s.item.status is not ItemStatus.CLOSED),
                        key=lambda s: (_target(s), s.item.finding))
    soon = [s for s in open_dated if s.due_soon] or open_dated[:1]
    items = []
    for state in (*overdue, *soon):
        target = _target(state)
        assert target is not None
        who = _people(state.item.owner, state.item.lead)
        when = (overdue_span(state.days_overdue, target) if state.overdue
                else f"due {long_date(target)}")
        item = found.get(state.item.finding)
        items.append(DueItem(state.item.finding, when, who, state.overdue,
                             about(item, report.is_assessment) if item else ""))
    return DueList(tuple(items), True, passed=len(overdue))


def _people(owner: str | None, lead: str | None) -> str:
    """Name who answers for an item: "owner X, lead Y", "led by X", or that none is recorded."""
    if owner and lead and owner != lead:
        return f"owner {owner}, lead {lead}"
    return f"led by {owner or lead}" if owner or lead else "no owner recorded"  # after ";"


def report_due(report: Report, options: Options) -> DueList:
    """Return the deadlines the report sets, those passed by the preparation date first."""
    published = options.published or report.published
    as_of = options.as_of_date
    dated: list[tuple[date, ResponseItem]] = []
    undated = 0
    for item in response_items(report):
        if not item.deadline:
            continue
        due = due_date(item.deadline, published)
        if due is None:
            undated += 1
        else:
            dated.append((due, item))
    dated.sort(key=lambda pair: (pair[0], pair[1].id))
    passed = [(d, i) for d, i in dated if d < as_of]
    coming = [(d, i) for d, i in dated if d >= as_of]
    soon = [(d, i) for d, i in coming if (d - as_of).days <= DUE_SOON_DAYS] or coming[:1]
    items = [DueItem(i.id, f"passed: {describe_deadline(i.deadline, published)}", late=True,
                     about=about(i, report.is_assessment), on=_on(i.deadline or "", d))
             for d, i in passed]
    items += [DueItem(i.id, f"due {describe_deadline(i.deadline, published)}",
                      about=about(i, report.is_assessment)) for _d, i in soon]
    return DueList(tuple(items), False, report_deadlines=len(dated), passed=len(passed),
                   undated=undated, unread=questions_unread(report))


def _on(worded: str, when: date) -> str:
    """Return a deadline's date briefly: "12 December 2024", "immediately, from 12 September 2024"."""
    if parse_deadline(worded).kind is DeadlineKind.IMMEDIATE:
        return f"immediately, from {long_date(when)}"
    return long_date(when)


def what_is_due(report: Report, options: Options) -> DueList:
    """Return what is overdue and due next: from the plan when there is one, else the report."""
    return plan_due(report, options) if options.plan is not None else report_due(report, options)


def _refs(items: list[DueItem], below: frozenset[str], words: bool) -> list[str]:
    """Name each item: by reference alone if on a line below, else with what it is about.

    When none is named in words (all are below, or ``words`` is off) the references
    alone are not repeated for the lines below: the list is empty.
    """
    if not words:
        return [i.ref for i in items]
    if all(i.ref in below for i in items):
        return []
    if sum(i.ref not in below for i in items) > WORDED_MAX:
        return [i.ref for i in items]
    return _grouped([i for i in items], below)


def _grouped(items: list[DueItem], below: frozenset[str]) -> list[str]:
    """Name items, a run described alike said once: "recommendations in X (A-1 and A-2)"."""
    out: list[str] = []
    run: list[DueItem] = []
    for item in [*items, None]:
        if item is not None and item.ref not in below and run and item.about == run[0].about:
            run.append(item)
            continue
        if len(run) > 1:
            kind = next((k for k in ItemKind if run[0].about.startswith(k.value)), None)
            about = (run[0].about.replace(kind.value, kind.plural(), 1) if kind
                     else run[0].about)
            out.append(f"{about} ({join_words(i.ref for i in run)})")
        elif run:
            out.append(run[0].named)
        run = []
        if item is not None and item.ref in below:
            out.append(f"{item.about} ({item.ref}, below)" if item.about else f"{item.ref} (below)")
        elif item is not None:
            run = [item]
    return out


def due_sentence(due: DueList, options: Options, shown: frozenset[str] = frozenset(),
                 words: bool = False, dates: bool = False) -> str:
    """Return the sentence on what is overdue, or which of the report's deadlines have passed.

    Without a plan it names each passed and coming deadline by its reference,
    except those in ``shown``: findings already listed with their due dates.  With a
    plan and ``words``, ``shown`` holds the items listed on lines of their own after
    the sentence, and the sentence names the others; ``words`` names each with what
    it is about (for a document that has not quoted it), else by reference alone.
    ``dates``: without a plan, every passed deadline is named by reference with its
    date, briefly, even one in ``shown`` (the pack's section on deadlines says which,
    and when).
    """
    if due.has_plan:
        hidden = shown if words else frozenset()
        return wording("brief_none_late.j2", options, as_of=options.as_of_date, words=words,
                       passed=due.passed, soon=len(due.items) - due.passed,
                       late_refs=_refs([i for i in due.items if i.late], hidden, words),
                       next_refs=_refs([i for i in due.items if not i.late], hidden, words))
    late = [i.ref for i in due.items if i.late]
    passed_refs = ([f"{i.ref} ({i.on})" if i.on else i.ref for i in due.items if i.late]
                   if dates else _refs([i for i in due.items if i.late and i.ref not in shown],
                                       frozenset(), words))
    return wording("brief_no_plan.j2", options, as_of=options.as_of_date, passed=due.passed,
                   dated=due.report_deadlines, undated=due.undated, unread=due.unread,
                   doc="brief" if options.document == "brief" else "pack",
                   # read 25-P: in a pack for the group, "supplied" was the tool's word;
                   # read 29-B: in the brief, "no action plan was supplied" read as an accusation
                   # read 35: the brief's opening says it ("…, without an action plan")
                   **({"without": "this pack was prepared without an action plan"}
                      if options.document == "pack" else {"without": ""}
                      if options.document == "brief" else {}),
                   passed_refs=passed_refs, also=not dates and any(ref in shown for ref in late),
                   next_refs=[f"{i.named}, {i.when}" if words and i.about and len(due.items)
                              <= WORDED_MAX else f"{i.ref} ({i.when})"
                              for i in due.items if not i.late and i.ref not in shown])


def due_line(item: DueItem, words: bool = False, when: bool = True) -> tuple[Inline, ...]:
    """Return one line of the list: the reference in bold, when, then who.

    ``words``: what the item is about follows its reference, for a document that
    does not quote it elsewhere (the one-page brief); without ``when``, who alone,
    for an item the asks above give with its date (read 35: a status said once).
    """
    if not when and item.who:
        return (Text(f"{item.ref}: ", bold=True), Text(f"{item.who[:1].upper()}{item.who[1:]}."))
    tail = f"; {item.who}." if item.who else "."
    if words and item.about:
        return (Text(item.ref, bold=True), Text(f" ({item.about}): {item.when}{tail}"))
    return (Text(f"{item.ref}: ", bold=True), Text(f"{item.when}{tail}"))


def deadline_words(worded: str, published: date | None) -> str:
    """Return a deadline the report sets in its own words, any date we worked out labelled as ours.

    "by 31 March 2025"; "within six months of publication (that is, by 12 March
    2025)"; "immediately (report published 12 September 2024)"; a
    wording that cannot be read as worded.  In lower case, for a sentence.
    """
    deadline = parse_deadline(worded)
    if deadline.kind is DeadlineKind.FIXED and deadline.on is not None:
        return f"by {long_date(deadline.on)}"
    due = deadline.due(published)
    if deadline.kind is DeadlineKind.RELATIVE and due is not None:  # the date is ours: said so
        when = describe_deadline(worded, None).split(" (")[0]
        return f"{when[:1].lower()}{when[1:]} (that is, by {long_date(due)})"
    when = describe_deadline(worded, published)
    return when[:1].lower() + when[1:]
