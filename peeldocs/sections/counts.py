"""Counts of a report's findings in words, for the executive summary.

A zero count a reader could misread is left out or qualified: a report that
lists no recommendation "as such" may still recommend action in its text, and
when it does the pack says where.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peeldocs.model import Outcome, Report
from peeldocs.model.report import recommending_questions, text_recommendations
from peeldocs.prose import count_words, counted, fragment, questions_phrase
from peeldocs.sections.brief_items import where
from peeldocs.sections.earlier import OUTCOMES
from peeldocs.sections.items import ItemKind, ResponseItem

_OUTCOME_WORDS = {
    Outcome.ADDRESSED: "addressed",
    Outcome.PARTLY_ADDRESSED: "partly addressed",
    Outcome.NOT_ENOUGH_PROGRESS: "with not enough progress",
    Outcome.SUPERSEDED: "superseded",
    Outcome.STILL_MONITORED: "still being monitored",
}

_ONE_OUTCOME = {  # the outcome of the only earlier finding a report revisits, as a clause
    Outcome.ADDRESSED: "which it finds addressed",
    Outcome.PARTLY_ADDRESSED: "which it finds partly addressed",
    Outcome.NOT_ENOUGH_PROGRESS: "on which the force has not made enough progress",
    Outcome.SUPERSEDED: "which has been superseded",
    Outcome.STILL_MONITORED: "which is still being monitored",
}


def unlisted_recommendations(report: Report) -> str:
    """Return the questions whose text recommends action in a report listing no recommendation.

    For example "question 5"; "" when the report lists its recommendations or
    its text recommends nothing.
    """
    listed = any(c.recommendations for q in report.questions for c in q.causes_of_concern)
    stated = {r.question for r in text_recommendations(report)}
    return "" if listed else questions_phrase(
        [n for n in recommending_questions(report) if n not in stated])


def stated_phrase(report: Report, total: int) -> str:
    """Say where the recommendations made in the findings' own text are, or "" when none.

    "made in the text of its findings on question 5" when all ``total`` are, else
    "one of them made in the text of its findings on question 5".
    """
    stated = text_recommendations(report)
    if not stated:
        return ""
    where = questions_phrase(sorted({r.question for r in stated}))
    if report.is_assessment:
        names = [q.title for q in report.questions if q.number in {r.question for r in stated}]
        where = "‘" + "’, ‘".join(names) + "’"
    lead = "" if len(stated) >= total else f"{count_words(len(stated))} of them "
    return f"{lead}made in the text of its findings on {where}"


def findings_counts(report: Report) -> dict[str, Any]:
    """Return the context of ``findings_counts.j2``: what is listed, what is not, outcomes."""
    qs = report.questions
    in_text = text_recommendations(report)
    kinds = (
        (sum(len(q.areas_for_improvement) for q in qs), "area for improvement",
         "areas for improvement", "areas for improvement"),
        (sum(len(q.causes_of_concern) for q in qs), "cause of concern", "causes of concern",
         "causes of concern"),
        (sum(len(c.recommendations) for q in qs for c in q.causes_of_concern),
         "recommendation", "recommendations", "recommendations"),
    )
    # the report is said to list only what it lists: a recommendation made in the text of
    # its findings is counted in a sentence of its own
    listed = [counted(n, one, many, words=True) for n, one, many, _ in kinds if n]
    # a recommendation made in the text is said in its own sentence, not "lists no recommendations"
    unlisted = [none for n, _one, _many, none in kinds
                if not n and not (in_text and none == "recommendations")]
    stated = stated_phrase(report, len(in_text))
    # read 25-P: practice is not a finding to act on; it is named in a sentence of its own
    practice = sum(len(q.notable_practice) for q in qs)
    recommends = [] if kinds[2][0] or in_text else recommending_questions(report)
    prior = report.prior_findings
    outcomes = []
    for outcome, words in _OUTCOME_WORDS.items():
        n = sum(p.outcome is outcome for p in prior)
        if n:
            outcomes.append(f"{count_words(n)} {words}")
    return {
        "listed": listed, "unlisted": unlisted,
        "practice": (counted(practice, "example", words=True) + " of notable practice"
                     if practice else ""),
        "stated": (counted(len(in_text), "recommendation", words=True) + " "
                   + stated.removeprefix("made ")) if stated else "",
        "recommending": questions_phrase(recommends),
        "prior": counted(len(prior), "earlier finding", words=True) if prior else "",
        "prior_outcomes": outcomes,
        "prior_single": _ONE_OUTCOME.get(prior[0].outcome, "") if len(prior) == 1 else "",
        # those not carried forward are named after the list (addressed.j2): counted once here
        "prior_below": any(p.outcome in OUTCOMES for p in prior),
        "marked": any(fragment(p.text, p.kind.value) != p.text for p in prior),
    }


def shared_places(items: Sequence[ResponseItem], report: Report) -> dict[ItemKind, str]:
    """Say where the findings of each kind are, when every one of them is in one place.

    "all under question 2", "both in ‘Investigating crime’", "under question 5" for
    one; a kind whose findings are in several places, or whose place is not known,
    is left out.  So "three areas for improvement, all under question 2, and one
    recommendation, made in the text of its findings on question 5" leaves the
    second clause to the recommendation alone.
    """
    out: dict[ItemKind, str] = {}
    for kind in (ItemKind.AREA_FOR_IMPROVEMENT, ItemKind.CAUSE_OF_CONCERN,
                 ItemKind.RECOMMENDATION):
        here = [i for i in items if i.kind is kind]
        places = {where(i, report) for i in here}
        if not here or len(places) != 1 or "" in places:
            continue
        place = places.pop()
        at = f"in {place}" if place.startswith("‘") else f"under {place}"
        out[kind] = at if len(here) == 1 else f"{'both' if len(here) == 2 else 'all'} {at}"
    return out
