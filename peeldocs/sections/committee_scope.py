"""What the committee paper says of its findings table and of the action plan, counted.

The paragraph above the findings table says the order the table actually uses (causes of
concern and recommendations, then areas for improvement, each by question or area in the
report's order, each earlier finding carried forward after the findings on its subject),
what it holds (the findings the report lists, and any recommendation made in the text of
its findings), and that the references it gives ("E2-AFI-1") are ours, for tracking, not
the report's.  The report's other sentences saying what the force should do, which no
listed finding underlies, are not counted there (a panel would ask which) but quoted
after the table, each with where it is, for the committee to decide whether to ask about
them (:func:`other_calls`).  Without a plan it says whether the date column holds the
report's deadlines, target dates to be set, or both, and fills each cell
(:func:`report_state`).  With a plan, every item of the plan is accounted for once:
overdue, due within 30 days, due later (by its status), without a date, or closed.  Pure
functions, no I/O.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from peeldocs.blocks import Block, BulletList, Cell, Inline, ParaStyle, Text, Tone, plain
from peeldocs.model import Report
from peeldocs.model.deadlines import DeadlineKind, due_date, parse_deadline
from peeldocs.options import Options
from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.rules import ItemState
from peeldocs.prose import count_words, counted, join_words
from peeldocs.sections.calls import call_lines, untracked_calls
from peeldocs.sections.due import deadline_words
from peeldocs.sections.items import ItemKind, ResponseItem
from peeldocs.sections.paper import Numbering
from peeldocs.wording import long_date, render_text


def _noun(kind: ItemKind, count: int) -> str:
    return kind.value if count == 1 else kind.plural()


def dated(items: list[ResponseItem]) -> str:
    """Say which findings the report dates: "all", "some" or "none" (a parent cause aside).

    A cause of concern answered through its recommendations takes their deadlines,
    so it is neither dated nor waiting for a target date of its own.
    """
    parents = {i.parent for i in items if i.parent}
    own = [i for i in items if i.id not in parents]
    with_deadline = sum(1 for i in own if i.deadline)
    if own and with_deadline == len(own):
        return "all"
    return "some" if with_deadline else "none"


def date_header(items: list[ResponseItem]) -> str:
    """Return the date column's header without a plan: what its cells hold."""
    return {"all": "Deadline", "some": "Deadline or target date",
            "none": "Target date"}[dated(items)]


def findings_context(report: Report, items: list[ResponseItem]) -> dict[str, Any]:
    """Return what the paragraph above the findings table needs: order, scope, first reference.

    ``first`` names the kinds listed first ("causes of concern and
    recommendations"), ``then`` the areas for improvement, ``by`` the unit they
    are ordered by; a table of one kind (carried-forward findings aside) is
    simply "in the report's order".  ``placed``: an earlier finding carried forward
    comes before a finding of the report's own, placed with the findings on its subject
    (:func:`~peeldocs.sections.items.with_subject`), not last.
    """
    concerns = sum(i.kind is ItemKind.CAUSE_OF_CONCERN for i in items)
    recs = sum(i.kind is ItemKind.RECOMMENDATION for i in items)
    afis = sum(i.kind is ItemKind.AREA_FOR_IMPROVEMENT for i in items)
    first = join_words([*([_noun(ItemKind.CAUSE_OF_CONCERN, concerns)] if concerns else []),
                        *([_noun(ItemKind.RECOMMENDATION, recs)] if recs else [])])
    return {"first": first if (concerns or recs) and afis else "",
            "then": _noun(ItemKind.AREA_FOR_IMPROVEMENT, afis) if afis else "",
            "by": "area" if report.is_assessment else "question",
            "in_text": sum(i.in_text for i in items),
            "in_text_at": _places([i for i in items if i.in_text], report.is_assessment),
            "first_ref": items[0].id if items else "",  # the table's first, said to be ours
            "dated": dated(items),
            "placed": any(i.kind is not ItemKind.CARRIED_FORWARD
                          for i in items[next((n for n, i in enumerate(items)
                                               if i.kind is ItemKind.CARRIED_FORWARD),
                                              len(items)):]),
            "placed_after": placed_after(items, report.is_assessment)}


def placed_after(items: list[ResponseItem], assessment: bool = False) -> list[tuple[str, str]]:
    """Say, of each earlier finding in the table, what it is listed straight after.

    The report's own findings on the same question (area) just above it, counted by
    kind: ("E-2017-AFI-1", "the three areas for improvement on question 2"),
    ("A-2021-COC-1", "the cause of concern and recommendation in ‘Responding to the
    public’"), so the paragraph says exactly where it is, not "after the findings on its
    subject" when more on that subject follow it.  "" when nothing of the report's own
    on its question lies just above it (it is listed last).
    """
    out: list[tuple[str, str]] = []
    for n, item in enumerate(items):
        if item.kind is not ItemKind.CARRIED_FORWARD:
            continue
        above: list[ResponseItem] = []
        for before in reversed(items[:n]):
            if before.kind is ItemKind.CARRIED_FORWARD and not above:
                continue  # another earlier finding in the same place
            if before.kind is ItemKind.CARRIED_FORWARD or before.question != item.question:
                break
            above.append(before)
        counts = {kind: sum(i.kind is kind for i in above) for kind in
                  (ItemKind.CAUSE_OF_CONCERN, ItemKind.RECOMMENDATION,
                   ItemKind.AREA_FOR_IMPROVEMENT)}
        named = [_noun(kind, c) if c == 1 else f"{count_words(c)} {_noun(kind, c)}"
                 for kind, c in counts.items() if c]
        where = (f"in ‘{item.question_title}’" if assessment and item.question_title
                 else f"on {'area' if assessment else 'question'} {item.question}")
        out.append((item.id, f"the {join_words(named)} {where}" if named else ""))
    return out


def _places(items: list[ResponseItem], assessment: bool) -> str:
    """Name where findings are, in the report's order: "question 5", "questions 2 and 5".

    An area of a force assessment is named by its title ("‘Investigating crime’").
    """
    if assessment:
        return join_words(dict.fromkeys(f"‘{i.question_title}’" for i in items
                                        if i.question_title))
    numbers = list(dict.fromkeys(str(i.question) for i in items if i.question is not None))
    if not numbers:
        return ""
    return f"question{'s' if len(numbers) > 1 else ''} {join_words(numbers)}"


def tracking_context(states: list[ItemState], said: Any = ()) -> dict[str, Any]:
    """Return every plan item once, by what a committee asks of it, with its reference.

    Overdue items are named by the caller (longest overdue first); then those due within 30
    days, soonest first, each with its date (and, for one, in how many days as at the paper's date),
    those due later (grouped by status, each with its date), those open with no target
    date, and those closed: with the overdue, the counts add up to the plan's.  An open
    item with no owner or lead is "not yet allocated" where its date is given (read 34:
    "one is due on 1 November 2019" read better than the table's "no owner"), unless an ask
    in section 2 (``said``: what it asks be recorded, with the findings it names) says so.
    """
    asked = " ".join(" ".join(named) for _need, named, _due in said)
    closed = [s for s in states if s.item.status is ItemStatus.CLOSED]
    open_ = [s for s in states if s.item.status is not ItemStatus.CLOSED]
    later: dict[str, list[tuple[str, date]]] = {}
    undated: list[str] = []
    for s in open_:
        target = s.item.target
        if s.overdue or s.due_soon:
            continue
        if target is None:
            undated.append(s.item.finding)
        else:
            later.setdefault(s.item.status.value, []).append((s.item.finding, target))
    soon = sorted((s for s in open_ if s.due_soon and s.item.target is not None),
                  key=lambda s: (s.item.target, s.item.finding))
    return {"soon": [(s.item.finding, s.item.target) for s in soon],
            "later": sorted(later.items(), key=lambda kv: [st.value for st in ItemStatus]
                            .index(kv[0])),
            "undated_refs": undated,
            "unallocated": [s.item.finding for s in open_ if not (s.item.owner or s.item.lead)
                            and f"({s.item.finding})" not in asked],
            "closed_refs": [s.item.finding for s in closed],
            # read 35-C: "one is 15 days overdue"; a committee reads days
            "late_days": next((s.days_overdue for s in states if s.overdue), 0)}


UNCONFIRMED = "To be confirmed"
"""A lead or target date no action plan records, as the findings' lead-in says ("to be confirmed")."""


def report_state(item: ResponseItem, published: date | None, as_of: date,
                 parents: dict[str, tuple[str, ...]]) -> Cell:
    """Return the state of a finding without a plan: the report's deadline, passed or not.

    A finding the report sets no deadline for has no target date until a plan sets
    one: "To be confirmed".  A cause of concern's dates are its recommendations' (its
    children in ``parents``), named by reference: "See A4-REC-1" (read 34).
    """
    if not item.deadline:
        if item.kind is ItemKind.CAUSE_OF_CONCERN and item.id in parents:
            return Cell(plain(f"See {join_words(parents[item.id])}"))
        # with no plan there is none to give: said as the paragraph above says it, never
        # left for the author to overwrite in every row
        return Cell(plain(UNCONFIRMED, italic=True))
    if parse_deadline(item.deadline).kind is DeadlineKind.IMMEDIATE:
        # a requirement that holds from publication on, never a date gone by (read 29-C)
        since = f"from publication, {long_date(published)}" if published else "from publication"
        return Cell((Text("Immediate", bold=True), Text(f" ({since}): to confirm it is in place")))
    when = deadline_words(item.deadline, published)
    due = due_date(item.deadline, published)
    if due is not None and due < as_of:
        return Cell(passed_words(item.deadline, published, (as_of - due).days), tone=Tone.RED)
    return Cell(plain(f"The report: {when}"))  # its words first, a date of ours labelled


def passed_words(worded: str, published: date | None, days: int = 0) -> tuple[Inline, ...]:
    """Say a deadline has passed, in one form: "Deadline passed 1 day ago (31 March 2025)".

    ``days``: how long ago, as at the paper's date (read 35-C: 110 days or 1 matters).
    """
    deadline = parse_deadline(worded)
    said = Text(f"Deadline passed {counted(days, 'day')} ago" if days > 0 else "Deadline passed",
                bold=True)
    if deadline.kind is DeadlineKind.FIXED and deadline.on is not None:
        return (said, Text(f" ({long_date(deadline.on)})"))
    if deadline.kind is DeadlineKind.IMMEDIATE and published is not None:
        return (said, Text(f" (immediately on publication, {long_date(published)})"))
    when = deadline_words(worded, published)  # "within six months … (that is, by 12 March 2025)"
    if when.endswith(")") and " (that is, by " in when:
        when = when[:-1].replace(" (that is, by ", ", that is by ")
    return (said, Text(f" ({when})"))


def other_calls(report: Report, options: Options, n: Numbering, **ctx: Any) -> list[Block]:
    """Quote the report's calls to act that are not listed findings, after the findings table.

    "The force should review its operational briefing and debriefing
    procedures." (question 5) is no area for improvement, so the table does not
    hold it; a member reading the report would ask about it, so the paper names
    each, verbatim with where it is, for the committee to decide.  None when the
    report makes no such call.
    """
    calls = untracked_calls(report)
    if not calls:
        return []
    lead = render_text("committee_calls.j2", options.template_dir, count=len(calls), **ctx)
    return [*(n.para(plain(text)) for text in lead),
            BulletList(call_lines(calls, report), style=ParaStyle.QUOTE, level=1)]
