"""The findings a force must answer, in the order readers expect, with their plan items.

Pure helpers shared by the brief, the committee paper and the s.55 response:
causes of concern (each followed by its recommendations), then areas for
improvement, then earlier findings the report says made not enough progress.
Plan content (actions, owners, dates) comes only from a given plan; where there
is none, callers show a placeholder, never a guess.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from peeldocs.model import Outcome, Report
from peeldocs.model.report import TextRecommendation, text_recommendations
from peeldocs.plans.plan import ActionItem, ItemStatus, Plan
from peeldocs.plans.rules import assess
from peeldocs.sections.editorial import fragment


class ItemKind(enum.Enum):
    """What kind of finding an item is, as a reader would name it."""

    CAUSE_OF_CONCERN = "cause of concern"
    RECOMMENDATION = "recommendation"
    AREA_FOR_IMPROVEMENT = "area for improvement"
    CARRIED_FORWARD = "earlier finding carried forward"

    def plural(self) -> str:
        """Return the kind in the plural ("areas for improvement")."""
        return {ItemKind.CAUSE_OF_CONCERN: "causes of concern",
                ItemKind.RECOMMENDATION: "recommendations",
                ItemKind.AREA_FOR_IMPROVEMENT: "areas for improvement",
                ItemKind.CARRIED_FORWARD: "earlier findings carried forward"}[self]


@dataclass(frozen=True, slots=True)
class ResponseItem:
    """One finding to answer: its id, kind, verbatim text and where it comes from."""

    id: str
    kind: ItemKind
    text: str
    question: int | None
    question_title: str | None = None
    parent: str | None = None
    deadline: str | None = None
    note: str | None = None
    verdict: str | None = None
    points: tuple[str, ...] = ()
    """The finding's sub-points, verbatim, when its text leads into a list."""
    in_text: bool = False
    """True for a recommendation made in the findings' own text rather than listed as such."""

    @property
    def full_text(self) -> str:
        """The text with its sub-points run in ("... to: a; b"), for a table cell or a line."""
        return " ".join((self.text, "; ".join(self.points))) if self.points else self.text


def response_items(report: Report) -> tuple[ResponseItem, ...]:
    """Return every finding to answer: causes of concern with recommendations, AFIs, earlier ones."""
    concerns: list[ResponseItem] = []
    afis: list[ResponseItem] = []
    stated: dict[int, list[TextRecommendation]] = {}
    for rec in text_recommendations(report):
        stated.setdefault(rec.question, []).append(rec)
    for q in report.questions:
        for c in q.causes_of_concern:
            concerns.append(ResponseItem(c.id, ItemKind.CAUSE_OF_CONCERN, c.text, q.number,
                                         q.title, points=c.points))
            for r in c.recommendations:
                concerns.append(ResponseItem(r.id, ItemKind.RECOMMENDATION, r.text, q.number,
                                             q.title, parent=c.id,
                                             deadline=r.deadline, points=r.points))
        concerns += [ResponseItem(r.id, ItemKind.RECOMMENDATION, r.text, q.number, q.title,
                                  in_text=True) for r in stated.get(q.number, ())]
        for f in q.areas_for_improvement:
            afis.append(ResponseItem(f.id, ItemKind.AREA_FOR_IMPROVEMENT, f.text, q.number,
                                     q.title, points=f.points))
    # an earlier finding is often quoted from mid-passage ('This was to ...'): marked as the
    # briefing pack marks it, so every document quotes it the same way
    earlier = [ResponseItem(p.id, ItemKind.CARRIED_FORWARD, fragment(p.text, p.kind.value),
                            p.question,
                            note=f"an area for improvement from {p.cycle}" if p.kind.value ==
                            "area for improvement" else f"a {p.kind.value} from {p.cycle}",
                            verdict=p.verdict)
               for p in report.prior_findings if p.outcome is Outcome.NOT_ENOUGH_PROGRESS]
    return (*concerns, *afis, *earlier)


def marks_quotations(report: Report) -> bool:
    """Tell whether a carried-forward finding is quoted with brackets or an ellipsis."""
    return any(fragment(p.text, p.kind.value) != p.text for p in report.prior_findings
               if p.outcome is Outcome.NOT_ENOUGH_PROGRESS)


def count_kinds(items: tuple[ResponseItem, ...] | list[ResponseItem]) -> dict[ItemKind, int]:
    """Count items by kind, every kind present (zero when none)."""
    return {kind: sum(1 for i in items if i.kind is kind) for kind in ItemKind}


def plan_item(plan: Plan | None, finding: str) -> ActionItem | None:
    """Return the plan's item for a finding, or None when there is no plan or no item."""
    if plan is None:
        return None
    for item in plan.items:
        if item.finding == finding:
            return item
    return None


def item_target(item: ActionItem | None) -> date | None:
    """Return an item's current target date (or its original one), if set."""
    if item is None:
        return None
    return item.current_target or item.original_target


def s55_deadline(published: date | None) -> date | None:
    """Return the last day for the commissioner's comments, or None when publication is unknown.

    Police Act 1996 s.55(5A): "before the end of the period of 56 days beginning
    with the day on which the report is published".  The day of publication is
    the first of the 56, so the last is the publication date plus 55 days.

    >>> s55_deadline(date(2019, 5, 2)), s55_deadline(date(2024, 1, 31))
    (datetime.date(2019, 6, 26), datetime.date(2024, 3, 26))
    """
    return None if published is None else published + timedelta(days=55)


def urgent(item: ResponseItem) -> bool:
    """Tell whether a finding is a cause of concern or a recommendation, earlier ones included."""
    if item.kind in (ItemKind.CAUSE_OF_CONCERN, ItemKind.RECOMMENDATION):
        return True
    return item.kind is ItemKind.CARRIED_FORWARD and bool(item.note) and not (
        item.note or "").startswith("an area for improvement")


def response_order(items: tuple[ResponseItem, ...] | list[ResponseItem], plan: Plan | None,
                   as_of: date) -> list[ResponseItem]:
    """Return the findings in the one order the s.55 response and the committee paper share.

    Live causes of concern and recommendations first, in the order given (the report’s; each
    cause with its recommendations, an earlier cause of concern carried forward
    just after the live ones on the same question or area); then what the plan
    shows overdue; then the rest by question (or area) number; closed items last.
    """
    given = list(items)
    order = {id(item): n for n, item in enumerate(given)}
    last_urgent: dict[int, int] = {}
    for n, item in enumerate(given):
        if item.kind in (ItemKind.CAUSE_OF_CONCERN, ItemKind.RECOMMENDATION) and item.question:
            last_urgent[item.question] = n

    def key(item: ResponseItem) -> tuple[int, float, int, int]:
        planned = plan_item(plan, item.id)
        if planned is not None and planned.status is ItemStatus.CLOSED:
            return (3, 0, item.question or 0, order[id(item)])
        if urgent(item):
            if item.kind is ItemKind.CARRIED_FORWARD and item.question in last_urgent:
                return (0, last_urgent[item.question or 0] + 0.5, 0, order[id(item)])
            return (0, order[id(item)] if item.kind is not ItemKind.CARRIED_FORWARD
                    else len(given) + order[id(item)], 0, 0)
        if planned is not None and assess(planned, as_of).overdue:
            return (1, 0, item.question or 0, order[id(item)])
        return (2, 0, item.question or 0, order[id(item)])

    return sorted(given, key=key)
