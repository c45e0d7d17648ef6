"""What the committee paper asks the committee: to note, and to seek assurance, finding by finding.

The recommendation asks the committee to note and to seek assurance, never to do
the force's work, and names each finding in words (a short quotation from its
start where one fits, its reference after).  Without a plan: the deadlines the
report set that have passed; with one: findings the plan does not hold, open
items lacking an owner or actions, and overdue items.  Either way, each earlier
finding the report found not enough progress on is asked about once: in its own
ask, unless another already names it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from peeldocs.blocks import Block, NumberedParagraph
from peeldocs.model import Report
from peeldocs.model.deadlines import DeadlineKind, due_date, parse_deadline
from peeldocs.options import Options
from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.rules import ItemState
from peeldocs.prose import count_words, counted, join_words
from peeldocs.sections.brief_items import quotation
from peeldocs.sections.committee_findings import ordered_items
from peeldocs.sections.committee_plan import lacks
from peeldocs.sections.committee_scope import dated
from peeldocs.sections.due import place_phrase
from peeldocs.sections.items import ItemKind, ResponseItem, first_target, plan_item
from peeldocs.sections.joint import jointly_to, other_addressees
from peeldocs.sections.plan_table import overdue_refs
from peeldocs.wording import long_date

OPENING_CHARS = 85
"""The table below quotes each finding in full: the paragraphs above quote less than this."""


def _opening(text: str) -> str:
    """Return ", “…”": the finding's first sentence, or its words to a clause end, if short.

    It starts where the sentence starts and ends at the sentence's or a clause's
    end; when no such quotation is short enough, none is given (the table below
    quotes the finding in full, and a finding is quoted in full once).
    """
    words = " ".join(text.split())
    for limit in range(14, 4, -1):
        cut = quotation(words, limit)
        base = cut.removesuffix(" …")
        whole = base.endswith((".", "!", "?", ".”", "?”"))
        at_clause = words[len(base):len(base) + 1] in (",", ";", ":")
        if len(base) < OPENING_CHARS and words.startswith(base) and (whole or at_clause):
            return f", “{cut}”"
    return ""


def _named(items: list[ResponseItem], assessment: bool) -> list[str]:
    """Name findings in words, references after; when many, those alike grouped and not quoted.

    One or two are each quoted from the start of a sentence (a whole sentence
    where it fits, else to a clause end); more are grouped by kind and place:
    "the three recommendations in ‘Investigating crime’ (A5-REC-1, A5-REC-2 and
    A5-REC-3) and the one in ‘Responding to the public’ (A4-REC-1)".
    """
    out = []
    if len(items) <= 2:
        for item in items:
            earlier = item.kind is ItemKind.CARRIED_FORWARD and bool(item.note)
            kind = item.note if earlier and item.note else f"the {item.kind.value}"
            quoted = _opening(item.text)
            out.append(f"{kind}{place_phrase(item, assessment)}{quoted} ({item.id})")
        return out
    groups: dict[tuple[str, str], list[ResponseItem]] = {}
    for item in items:
        earlier = item.kind is ItemKind.CARRIED_FORWARD and bool(item.note)
        key = (item.id if earlier else item.kind.value, place_phrase(item, assessment))
        groups.setdefault(key, []).append(item)
    last_kind = ""
    for (_key, where), group in groups.items():
        first = group[0]
        ids = join_words(i.id for i in group)
        if first.kind is ItemKind.CARRIED_FORWARD and first.note:
            out.append(f"{first.note}{where} ({ids})")
            last_kind = ""
            continue
        if len(group) > 1:
            out.append(f"the {count_words(len(group))} {first.kind.plural()}{where} ({ids})")
        elif first.kind.value == last_kind:
            out.append(f"the one{where} ({ids})")
        else:
            out.append(f"the {first.kind.value}{where} ({ids})")
        last_kind = first.kind.value
    return out


def decisions(report: Report, options: Options, states: list[ItemState]) -> dict[str, Any]:
    """Return what the committee is asked to note and seek assurance on, each finding in words."""
    items = ordered_items(report)
    by_id = {i.id: i for i in items}
    assessment = report.is_assessment
    if options.plan is None:
        published = options.published or report.published
        passed = [i for i in items if i.deadline
                  and (due := due_date(i.deadline, published)) is not None
                  and due < options.as_of_date]
        # "immediately" holds from publication on: a standing requirement, not a date gone by
        standing = [i for i in passed
                    if i.deadline and parse_deadline(i.deadline).kind is DeadlineKind.IMMEDIATE]
        joint = [i for i in items if i.kind is ItemKind.RECOMMENDATION and jointly_to(i.text, report)]
        return {"no_plan": bool(items),
                "passed": _named([i for i in passed if i not in standing], assessment),
                "standing": _named(standing, assessment), "standing_from": published,
                "joint_lead": join_words(f"the joint recommendation {i.id}, one agreed with "
                                         f"{other_addressees(i.text, report)}" for i in joint),
                "passed_by": _passed_by([i for i in passed if i not in standing],
                                        published, options.as_of_date),
                "dated": dated(items), **_unprogressed(items, passed, assessment)}
    absent: list[ResponseItem] = []
    closed: list[ResponseItem] = []  # the plan records the action done: nothing to assure
    lacking: dict[str, list[ResponseItem]] = {need: [] for need in MISSING}
    for item in items:
        planned = plan_item(options.plan, item.id)
        if planned is None:
            absent.append(item)
        elif planned.status is ItemStatus.CLOSED:
            closed.append(item)
        else:
            need = lacks(planned)  # as the findings table's state cell says it
            if need:
                lacking[need].append(item)
    late = [by_id[r] for r in overdue_refs(states) if r in by_id]
    joint = [i for i in absent if i.kind is ItemKind.RECOMMENDATION and jointly_to(i.text, report)]
    asked = [*absent, *late, *closed, *(i for group in lacking.values() for i in group)]
    return {"lacking": [(need, _named(group, assessment), _due_soon(group, options))
                        for need, group in lacking.items() if group],
            "absent": _named(absent, assessment),
            "overdue": _named(late, assessment), "overdue_same": _beside(items, late, closed),
            "overdue_by": _overdue_by(late, states), "overdue_why": _unprogressed_late(late),
            **_joint_words(absent, joint, report),
            **_unprogressed(items, asked, assessment, closed)}


def _passed_by(passed: list[ResponseItem], published: date | None, as_of: date) -> str:
    """Say by how long each deadline has passed: "by 20 days", or a sentence's words for several.

    Read 35-C: 110 days or 1 matters; read 36-C: for several, a sentence of its own.
    """
    days = [(i.id, (as_of - due).days) for i in passed
            if i.deadline and (due := due_date(i.deadline, published)) is not None]
    if len(days) == 1:
        return f"by {counted(days[0][1], 'day')}"
    return join_words(f"{ref} {'was ' if k == 0 else ''}{counted(n, 'day')}"
                      f"{' past its deadline' if k == 0 else ''}" for k, (ref, n) in enumerate(days))


def _overdue_by(late: list[ResponseItem], states: list[ItemState]) -> str:
    """Say how overdue the late items are: "15 days overdue", or "overdue by 15 and 40 days"."""
    by = {s.item.finding: s.days_overdue for s in states}
    days = [by[i.id] for i in late if by.get(i.id)]
    if len(days) != len(late) or not days:
        return ""
    if len(days) == 1:  # read 36-C: a target already moved once is the stronger point
        first = first_target(next((s.item for s in states if s.item.finding == late[0].id), None))
        moved = f" after its target date was moved from {long_date(first)}" if first else ""
        return f"{counted(days[0], 'day')} overdue{moved}"
    return f"overdue by {join_words(str(n) for n in days)} days respectively"


def _unprogressed_late(late: list[ResponseItem]) -> str:
    """Say of one overdue earlier finding that the report found not enough progress on it (read 36)."""
    if len(late) == 1 and late[0].kind is ItemKind.CARRIED_FORWARD:
        return ", on which the report found not enough progress,"
    return ""


SOON_DAYS = 92
"""A target date this many days or fewer after the paper's date is named where an item lacks
an owner or actions (read 29-C: "…records neither, although its target date is 1 November
2019"); one further off is the table's to give."""


def _due_soon(group: list[ResponseItem], options: Options) -> str:
    """Say when items that lack an owner or actions are due, where that is soon: ", although …".

    Only targets the plan records, from the paper's date up to :data:`SOON_DAYS` after it; a
    passed one is overdue, and said so in its own recommendation.
    """
    as_of = options.as_of_date
    due = [(item.id, target) for item in group
           if (planned := plan_item(options.plan, item.id)) is not None
           and (target := planned.current_target) is not None
           and 0 <= (target - as_of).days <= SOON_DAYS]
    if not due:
        return ""
    if len(group) == 1:  # read 35-C: a committee reads days
        days = counted((due[0][1] - as_of).days, "day")
        return f", although it is due in {days}, on {long_date(due[0][1])}"
    dates = join_words(f"{long_date(target)} ({ref})" for ref, target in due)
    return f", although the plan sets {'a target date' if len(due) == 1 else 'target dates'} of {dates}"


def _joint_words(absent: list[ResponseItem], joint: list[ResponseItem],
                 report: Report) -> dict[str, str]:
    """Say which findings the plan lacks are joint recommendations, and whom an owner is agreed with.

    Read 24-C: "the recommendation under question 5 (E5-REC-1), which the report makes
    jointly to Norfolk and Suffolk Constabularies, …, with an owner agreed with the other
    force": a joint recommendation is no force's alone to own.  Whom it addresses is the
    report's own words (:func:`~peeldocs.sections.joint.jointly_to`).
    """
    if not joint:
        return {"absent_joint": "", "absent_owner": ""}
    if len(absent) == 1:
        item = joint[0]
        return {"absent_joint": f", which the report makes jointly to {jointly_to(item.text, report)}",
                "absent_owner": f" agreed with {other_addressees(item.text, report)}"}
    made = join_words(f"{i.id} is made jointly to {jointly_to(i.text, report)}" for i in joint)
    agreed = join_words(f"{i.id}, one agreed with {other_addressees(i.text, report)}" for i in joint)
    return {"absent_joint": f" ({made})", "absent_owner": f" (for {agreed})"}


def _unprogressed(items: list[ResponseItem], asked: list[ResponseItem], assessment: bool,
                  closed: list[ResponseItem] | None = None) -> dict[str, Any]:
    """Name the earlier findings the report found not enough progress on, unless already asked on.

    The report carries each forward (:func:`~peeldocs.sections.items.response_items`), the same
    failure from an earlier inspection: the committee is asked about it in its own
    recommendation, unless another already names it (overdue, a passed deadline, not in the
    plan) or the plan records it closed (its table row says when).  The report's new
    findings on the same question or area follow (:func:`_beside`).
    """
    named = {i.id for i in asked}
    carried = [i for i in items if i.kind is ItemKind.CARRIED_FORWARD and i.id not in named]
    return {"unprogressed": _named(carried, assessment),
            "unprogressed_same": _beside(items, carried, closed)}


def _beside(items: list[ResponseItem], named: list[ResponseItem],
            closed: list[ResponseItem] | None = None) -> list[tuple[str, list[str], list[str]]]:
    """Return, for each earlier finding named, the report's new findings on the same question or area.

    Read 34: "(E-2017-AFI-1; new findings under the same question: E2-AFI-1, E2-AFI-2 and
    E2-AFI-3) is overdue" read as if all four were overdue, so the new findings are named in
    a sentence of their own (``committee_recommendation.j2``): the same question in the
    data, no other link claimed.  Each comes with those of them the plan records closed
    (``closed``), so the committee can ask what evidence supports closing one while the
    earlier finding under the same question is still open.
    """
    done = {i.id for i in closed or []}
    out = []
    for item in named:
        new = [i.id for i in items if i.kind is not ItemKind.CARRIED_FORWARD
               and item.question is not None and i.question == item.question]
        if item.kind is ItemKind.CARRIED_FORWARD and new:
            out.append((item.id, new, [r for r in new if r in done]))
    return out


MISSING = ("an owner and actions", "an owner", "actions")
"""What an open item in the plan can lack, in the order the committee is asked about it."""


def plan_gaps(asks: list[Block], decided: dict[str, Any]) -> list[str]:
    """Return the numbers of the asks that say what the plan lacks ("2.2", "2.3"), in order.

    With a plan, the recommendation (``committee_recommendation.j2``) notes the report
    first, then the findings the plan does not hold (one paragraph), then each kind of
    gap an open item has (no owner, no actions: a paragraph each): a sentence saying
    what the plan records points to them, so it never claims more than the plan holds.
    """
    if "absent" not in decided:  # no plan: it lacks everything, and says so
        return []
    count = bool(decided["absent"]) + len(decided["lacking"])
    return [a.number for a in asks[1:1 + count] if isinstance(a, NumberedParagraph)]


def open_beside_closed(report: Report, options: Options) -> dict[str, list[str]]:
    """Return, for each new finding the plan records closed, the earlier ones beside it still open.

    The committee's rule (:func:`_beside`): an earlier finding the report found not enough
    progress on, under the same question (area) as a new finding the plan closes, while
    the plan does not record the earlier one closed.  Read 35: the pack noted E2-AFI-3's
    closure and E-2017-AFI-1 overdue without linking them; read 36: the pack says so in
    a point of its own (:func:`peeldocs.sections.asks_lead.closure_notes`).
    """
    plan = options.plan
    if plan is None:
        return {}
    items = ordered_items(report)
    shut = {i.finding for i in plan.items if i.status is ItemStatus.CLOSED}
    still = [i for i in items if i.kind is ItemKind.CARRIED_FORWARD and i.id not in shut]
    out: dict[str, list[str]] = {}
    for earlier, _new, done in _beside(items, still, [i for i in items if i.id in shut]):
        for ref in done:
            out.setdefault(ref, []).append(earlier)
    return out
