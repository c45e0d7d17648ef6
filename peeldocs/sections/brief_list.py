"""The one-page brief's list of findings: each cause of concern with its recommendations under it.

A recommendation made under a cause of concern is listed just after it, indented
(a second-level list in every format), and its label names the cause, so the
link is said in words, not by position alone: "Recommendation (A5-REC-3, under
A5-COC-1)".  A cause of concern in the same question or area as an earlier
cause of concern on which the report finds not enough progress says so: "in the
same area as the 2021/22 cause of concern (A-2021-COC-1)".  The link is the
data's (the same question or area, the same kind of finding), never read from
references' text.  :func:`unplanned_names` names, grouped by place, what a plan
lacks.  Pure functions, no I/O.
"""

from __future__ import annotations

from datetime import date

from peeldocs.blocks import Block, BulletList, Inline
from peeldocs.model import Outcome, Report
from peeldocs.plans.plan import Plan
from peeldocs.prose import count_words, counted, join_words
from peeldocs.sections.brief_items import brief_line, kind_is_key, sentences, unplanned, where
from peeldocs.sections.items import ItemKind, ResponseItem
from peeldocs.sections.order import live_items


def earlier_here(item: ResponseItem, report: Report) -> str:
    """Say which earlier finding of the same kind, in the same place, lacks progress ("" if none).

    ", in the same area as the 2021/22 cause of concern (A-2021-COC-1)" for a cause
    of concern in a force assessment's area; "under the same question as" in a
    report by question.  Only causes of concern: a report's areas for improvement
    often share a question, and the question is named already.
    """
    if item.kind is not ItemKind.CAUSE_OF_CONCERN or item.question is None:
        return ""
    earlier = [p for p in report.prior_findings
               if p.outcome is Outcome.NOT_ENOUGH_PROGRESS and p.question == item.question
               and p.kind.value == item.kind.value]
    if not earlier:
        return ""
    place = "in the same area as" if report.is_assessment else "under the same question as"
    named = [f"the {p.cycle} {p.kind.value} ({p.id})" for p in earlier]
    return f", {place} {' and '.join(named)}"


def findings_list(shown: list[ResponseItem], published: date | None, as_of: date,
                  report: Report, plan: Plan | None,
                  placed: frozenset[ItemKind],
                  opening: frozenset[str] = frozenset()) -> list[Block]:
    """Return the findings as lists: top-level items, each cause's recommendations indented.

    ``placed``: kinds whose place the sentence above gives for all of them, so
    their lines do not repeat it; ``opening``: findings quoted to their first sentence.
    """
    causes = {i.id for i in shown if i.kind is ItemKind.CAUSE_OF_CONCERN}
    groups: list[tuple[int, list[tuple[Inline, ...]]]] = []
    for item in shown:
        under = item.parent in causes
        line = brief_line(item, published, as_of, report, plan, placed=item.kind in placed,
                          under=item.parent if under else None,
                          link=earlier_here(item, report), opening=item.id in opening)
        level = 1 if under else 0
        if groups and groups[-1][0] == level:
            groups[-1][1].append(line)
        else:
            groups.append((level, [line]))
    return [BulletList(tuple(lines), level=level) for level, lines in groups]


PLACES_NAMED = 2
"""What a plan lacks is grouped by question or area in up to this many places; more, by kind alone."""


def unplanned_names(report: Report, plan: Plan | None) -> list[str]:
    """Name what :func:`unplanned` returns, grouped by question or area, references after.

    "one cause of concern and two recommendations in ‘Investigating crime’
    (A5-COC-1, A5-REC-2 and A5-REC-3)"; "the recommendation under question 5
    (E5-REC-1)" when the plan lacks every one of that kind there; in more than
    :data:`PLACES_NAMED` places, "ten causes of concern and 11 recommendations (...)".
    """
    groups: dict[str, list[ResponseItem]] = {}
    for item in unplanned(report, plan):
        groups.setdefault(where(item, report), []).append(item)
    if len(groups) > PLACES_NAMED:  # in many places: counted by kind, every reference named
        lacking = [i for items in groups.values() for i in items]
        kinds = [counted(n, kind.value, kind.plural(), words=True)
                 for kind in (ItemKind.CAUSE_OF_CONCERN, ItemKind.RECOMMENDATION)
                 if (n := sum(i.kind is kind for i in lacking))]
        return [f"{join_words(kinds)} ({join_words(i.id for i in lacking)})"]
    there: dict[tuple[str, ItemKind], int] = {}
    for item in live_items(report):
        key = (where(item, report), item.kind)
        there[key] = there.get(key, 0) + 1
    out = []
    for place, items in groups.items():
        # "the recommendation under question 5" when it is the only one there, not "one"
        kinds = [(f"the {kind.value}" if n == 1 else f"the {count_words(n)} {kind.plural()}")
                 if n == there.get((place, kind)) else counted(n, kind.value, kind.plural(),
                                                               words=True)
                 for kind in (ItemKind.CAUSE_OF_CONCERN, ItemKind.RECOMMENDATION)
                 if (n := sum(i.kind is kind for i in items))]
        at = "" if not place else f" in {place}" if place.startswith("‘") else f" under {place}"
        out.append(f"{join_words(kinds)}{at} ({join_words(i.id for i in items)})")
    return out


def more_nouns(kind: ItemKind, refs: list[str]) -> tuple[str, str]:
    """Return a kind's nouns, one and many, with the references of those the page leaves out.

    Causes of concern and recommendations are named (whatever the page cuts,
    each stays on it by its reference; ``refs`` leaves out those named elsewhere
    on the page); other kinds are counted.
    """
    named = f" ({join_words(refs)})" if kind_is_key(kind) and refs else ""
    return kind.value + named, kind.plural() + named


def cut_to_opening(shown: list[ResponseItem], whole: int) -> frozenset[str]:
    """Return the areas for improvement to quote to their first sentence, ``whole`` kept whole.

    Only those of more than one sentence, the longest first (each saves the most
    room); never a cause of concern or a recommendation, which are quoted whole.
    """
    long = sorted((i for i in shown if not kind_is_key(i.kind)
                   and len(sentences(i.full_text)) > 1), key=lambda i: -len(i.full_text))
    return frozenset(i.id for i in long[:max(0, len(long) - whole)])
