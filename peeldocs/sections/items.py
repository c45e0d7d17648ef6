"""The findings a force must answer, in the order readers expect, with their plan items.

Pure helpers shared by the brief, the committee paper and the s.55 response:
causes of concern (each followed by its recommendations), then areas for
improvement, each earlier finding the report says made not enough progress
placed with the findings on its subject.
Plan content (actions, owners, dates) comes only from a given plan; where there
is none, callers show a placeholder, never a guess.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from peeldocs.blocks import Inline, Text
from peeldocs.model import Outcome, Report
from peeldocs.model.deadlines import describe_deadline, due_date
from peeldocs.model.report import TextRecommendation, text_recommendations
from peeldocs.plans.plan import ActionItem, Plan
from peeldocs.prose import fragment
from peeldocs.wording import long_date


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
    earlier: str = ""
    """For an earlier finding, what it was and when, as the data records it: "area for
    improvement from 2017"."""

    @property
    def full_text(self) -> str:
        """The text with its sub-points run in ("... to: a; b"), for a table cell or a line."""
        return " ".join((self.text, "; ".join(self.points))) if self.points else self.text


def response_items(report: Report) -> tuple[ResponseItem, ...]:
    """Return every finding to answer, in the report's order, which every list of them keeps.

    Question by question (or area by area), each cause of concern followed by its
    recommendations, then any recommendation made in the text of the findings;
    then the areas for improvement.  An earlier finding carried forward is placed
    with the findings on its subject (:func:`with_subject`): straight after those of
    its kind on its question or area, so the letter answers them together.  The s.55
    response and the committee paper list them in this order whatever an action
    plan says of them (a plan's state is shown, never used to reorder).
    """
    current, earlier = findings_apart(report)
    return with_subject(report, current, earlier)


def findings_apart(report: Report) -> tuple[tuple[ResponseItem, ...], tuple[ResponseItem, ...]]:
    """Return the report's own findings in its order, and apart, the earlier ones carried forward.

    The pack and the brief sort these by kind and grade (:mod:`peeldocs.sections.order`),
    with every earlier finding in a group of its own, in the data's order.
    """
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
    earlier = tuple(ResponseItem(p.id, ItemKind.CARRIED_FORWARD, fragment(p.text, p.kind.value),
                                 p.question,
                                 note=f"an area for improvement from {p.cycle}" if p.kind.value
                                 == "area for improvement" else f"a {p.kind.value} from {p.cycle}",
                                 verdict=p.verdict, earlier=f"{p.kind.value} from {p.cycle}")
                    for p in report.prior_findings if p.outcome is Outcome.NOT_ENOUGH_PROGRESS)
    return (*concerns, *afis), earlier


def with_subject(report: Report, current: tuple[ResponseItem, ...],
                 earlier: tuple[ResponseItem, ...]) -> tuple[ResponseItem, ...]:
    """Return the findings with each earlier one placed after the current findings on its subject.

    ``current`` is in the report's order: every question's causes of concern (each with
    its recommendations) and recommendations, then every question's areas for
    improvement.  An earlier finding on a question (or area) goes straight after that
    question's findings of its kind (a cause of concern after its causes of concern and
    their recommendations; an area for improvement after its areas for improvement);
    where the question has none of its kind, after its last finding; where it has none
    at all, or the data names no question, last, as before.  Several in one place keep
    the data's order.  One pass over each list: linear in the number of findings.
    """
    numbers = list(dict.fromkeys(q.number for q in report.questions))
    parts: dict[tuple[bool, int], list[ResponseItem]] = {}  # (areas part?, question): findings
    kinds: dict[tuple[bool, int], set[str]] = {}
    for item in current:
        key = (item.kind is ItemKind.AREA_FOR_IMPROVEMENT, item.question or 0)
        parts.setdefault(key, []).append(item)
        kinds.setdefault(key, set()).add(item.kind.value)
    after: dict[tuple[bool, int], list[ResponseItem]] = {}
    last: list[ResponseItem] = []
    for item in earlier:
        kind = item.earlier.partition(" from ")[0]
        number = item.question if item.question is not None else 0
        concerns, afis = (False, number), (True, number)
        place = (concerns if kind in kinds.get(concerns, ()) else
                 afis if kind in kinds.get(afis, ()) or afis in parts else
                 concerns if concerns in parts else None)  # its kind's part, else its last
        (after.setdefault(place, []) if place is not None and item.question is not None
         else last).append(item)
    out: list[ResponseItem] = []
    for part in (False, True):
        for number in numbers:
            out += parts.get((part, number), ())
            out += after.get((part, number), ())
    return (*out, *last)


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
    return item.target


def first_target(item: ActionItem | None) -> date | None:
    """Return the target an item was first set, when the plan has since moved it; else None.

    A reader told "due 30 September 2019" should also learn that it was first set
    for 31 July 2019: the plan records both, and a moved date is a fact to report.
    """
    if item is None or item.original_target is None or item.current_target is None:
        return None
    return item.original_target if item.original_target != item.current_target else None


def s55_deadline(published: date | None) -> date | None:
    """Return the last day for the commissioner's comments, or None when publication is unknown.

    Police Act 1996 s.55(5A): "before the end of the period of 56 days beginning
    with the day on which the report is published".  The day of publication is
    the first of the 56, so the last is the publication date plus 55 days.

    >>> s55_deadline(date(2019, 5, 2)), s55_deadline(date(2024, 1, 31))
    (datetime.date(2019, 6, 26), datetime.date(2024, 3, 26))
    """
    return None if published is None else published + timedelta(days=55)


def item_runs(item: ResponseItem, published: date | None, as_of: date,
              assessment: bool = False, points_apart: bool = False,
              now: str = "") -> tuple[Inline, ...]:
    """Return a finding as a list line: its kind and reference in bold, its words, its due date.

    ``points_apart``: the finding's sub-points follow as a list of their own, so the line
    holds its lead-in alone (else they are run into the line).  ``now``: what the report
    says is now needed of an earlier finding it carries forward, quoted after its words
    ("The report now says: “[The force] must do more …”").
    """
    label = item.kind.value.capitalize()
    if item.kind is ItemKind.CAUSE_OF_CONCERN and assessment and item.question_title:
        label += f" in ‘{item.question_title}’"
    words = item.text if points_apart else item.full_text
    runs: list[Inline] = [Text(f"{label}, {item.id}: ", bold=True), Text(words)]
    if now:
        runs.append(Text(f" The report now says: “{now}”"))
    if item.deadline:
        due = due_date(item.deadline, published)
        when = long_date(due) if due is not None else describe_deadline(item.deadline, published)
        passed = ", passed" if due is not None and due < as_of else ""
        runs.append(Text(f" Due {when}{passed}.", italic=True))
    return tuple(runs)
