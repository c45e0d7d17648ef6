"""The order the pack and the brief give the findings to act on in.

Issue 23's rule for summaries: the live findings first, causes of concern and
recommendations, then areas for improvement, the worst-graded question (or
area) first within each kind; ties keep the report's order.

* :func:`ordered_items`, the pack's one order, used by every list in it (the
  in brief, the asks, the causes table, the findings to act on and the action
  plan): causes of concern, each with its recommendations (and any
  recommendation made in the text); then earlier causes of concern (and
  recommendations) on which the report finds not enough progress, which belong
  with them; then areas for improvement, an earlier one carried forward among
  them at its question's (area's) place, before the new ones there (read 36: the
  finding the report says has not made enough progress came last).  Within each
  group, the worst-graded question or area first.
* :func:`live_items`, the one-page brief's: the same, except that every earlier
  finding carried forward comes last, after the areas for improvement.

The committee paper and the s.55 response keep the report's own order instead,
each earlier finding with the findings on its subject
(:func:`peeldocs.sections.committee_findings.ordered_items`).  Pure functions.
"""

from __future__ import annotations

from peeldocs.model import FindingKind, Question, Report
from peeldocs.model.scales import Grade
from peeldocs.sections.items import ItemKind, ResponseItem, findings_apart

_WORST = list(reversed(list(Grade)))
"""Grades from the worst: a lower index is a worse grade."""


def _rank(question: Question) -> int:
    """Return how bad a question's grade is: 0 for the worst; ungraded ones after every grade."""
    grade = question.judgment.grade if question.judgment.status.has_grade else None
    return _WORST.index(grade) if grade is not None else len(_WORST)


def worst_first(questions: tuple[Question, ...]) -> list[Question]:
    """Return the questions (or areas) worst-graded first; ungraded ones last, in report order."""
    return sorted(questions, key=_rank)


def _ranks(report: Report) -> dict[int, int]:
    """Return each question's (area's) rank by its grade, by its number."""
    return {q.number: _rank(q) for q in report.questions}


def ordered_items(report: Report) -> list[ResponseItem]:
    """Return the findings to act on in the one order every list of the pack keeps.

    Grouped by kind: causes of concern with their recommendations, earlier causes
    of concern (or recommendations) not progressed, then areas for improvement, new
    and earlier together; in each group the worst-graded question (or area) first,
    an earlier finding before the new ones of its question, then the report's order.
    """
    weighty = {p.id for p in report.prior_findings
               if p.kind in (FindingKind.CAUSE_OF_CONCERN, FindingKind.RECOMMENDATION)}
    ranks = _ranks(report)

    def group(item: ResponseItem) -> int:
        if item.kind is ItemKind.CARRIED_FORWARD:
            return 1 if item.id in weighty else 2
        return 2 if item.kind is ItemKind.AREA_FOR_IMPROVEMENT else 0

    current, earlier = findings_apart(report)
    return sorted((*current, *earlier), key=lambda i: (
        group(i), ranks.get(i.question or 0, len(_WORST)),
        i.kind is not ItemKind.CARRIED_FORWARD))  # stable: the report's order within


def live_items(report: Report) -> list[ResponseItem]:
    """Return the findings to act on by kind, the worst-graded question (or area) first.

    The one-page brief's order: causes of concern and recommendations, then areas
    for improvement, then earlier findings carried forward, each group with the
    worst-graded question first; ties keep the report's order.
    """
    ranks = _ranks(report)
    groups = {ItemKind.CAUSE_OF_CONCERN: 0, ItemKind.RECOMMENDATION: 0,
              ItemKind.AREA_FOR_IMPROVEMENT: 1, ItemKind.CARRIED_FORWARD: 2}
    current, earlier = findings_apart(report)
    return sorted((*current, *earlier), key=lambda i: (
        groups[i.kind], ranks.get(i.question or 0, len(_WORST))))


def in_pack_order(refs: list[str] | tuple[str, ...], report: Report) -> list[str]:
    """Return references in the order of :func:`ordered_items` (others after, as given).

    >>> import peeldocs
    >>> norfolk = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> in_pack_order(["E2-AFI-3", "E-2017-AFI-1", "E5-REC-1", "E2-AFI-1"], norfolk)
    ['E5-REC-1', 'E-2017-AFI-1', 'E2-AFI-1', 'E2-AFI-3']
    """
    at = {item.id: n for n, item in enumerate(ordered_items(report))}
    return sorted(refs, key=lambda ref: at.get(ref, len(at)))
