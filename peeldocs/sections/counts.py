"""Counts of a report's findings in words, for the executive summary.

A zero count a reader could misread is left out or qualified: a report that
lists no recommendation "as such" may still recommend action in its text, and
when it does the pack says where.
"""

from __future__ import annotations

import re
from typing import Any

from peeldocs.model import Outcome, Report, passage_text
from peeldocs.prose import count_words, counted, join_words
from peeldocs.sections.editorial import fragment

_RECOMMENDS = re.compile(r"\b(?:we|it|HMICFRS|the inspectorate)\s+(?:also\s+)?recommends?\b",
                         re.IGNORECASE)

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


def questions_phrase(numbers: list[int]) -> str:
    """Return "question 5" or "questions 2 and 5"."""
    if not numbers:
        return ""
    word = "question" if len(numbers) == 1 else "questions"
    return f"{word} {join_words(str(n) for n in numbers)}"


def _recommends(text: str) -> bool:
    # the word first: the pattern's leading alternatives are slow to try at every position
    return "recommend" in text.lower() and _RECOMMENDS.search(text) is not None


def recommending_questions(report: Report) -> list[int]:
    """Return the questions whose quoted text recommends action in so many words."""
    found = []
    for q in report.questions:
        texts = [*q.summary, *q.intro, *(p for s in q.findings for p in s.paragraphs)]
        if any(_recommends(passage_text(t)) for t in texts):
            found.append(q.number)
    return found


def unlisted_recommendations(report: Report) -> str:
    """Return the questions whose text recommends action in a report listing no recommendation.

    For example "question 5"; "" when the report lists its recommendations or
    its text recommends nothing.
    """
    listed = any(c.recommendations for q in report.questions for c in q.causes_of_concern)
    return "" if listed else questions_phrase(recommending_questions(report))


def findings_counts(report: Report) -> dict[str, Any]:
    """Return the context of ``findings_counts.j2``: what is listed, what is not, outcomes."""
    qs = report.questions
    kinds = (
        (sum(len(q.areas_for_improvement) for q in qs), "area for improvement",
         "areas for improvement", "areas for improvement"),
        (sum(len(q.causes_of_concern) for q in qs), "cause of concern", "causes of concern",
         "causes of concern"),
        (sum(len(c.recommendations) for q in qs for c in q.causes_of_concern), "recommendation",
         "recommendations", "recommendations"),
    )
    listed = [counted(n, one, many, words=True) for n, one, many, _ in kinds if n]
    unlisted = [none for n, _one, _many, none in kinds if not n]
    practice = sum(len(q.notable_practice) for q in qs)
    if practice:
        listed.append(counted(practice, "example", words=True) + " of notable practice")
    recommends = [] if kinds[2][0] else recommending_questions(report)
    prior = report.prior_findings
    outcomes = []
    for outcome, words in _OUTCOME_WORDS.items():
        n = sum(p.outcome is outcome for p in prior)
        if n:
            outcomes.append(f"{count_words(n)} {words}")
    return {
        "listed": listed, "unlisted": unlisted,
        "recommending": questions_phrase(recommends),
        "prior": counted(len(prior), "earlier finding", words=True) if prior else "",
        "prior_outcomes": outcomes,
        "prior_single": _ONE_OUTCOME.get(prior[0].outcome, "") if len(prior) == 1 else "",
        "marked": any(fragment(p.text, p.kind.value) != p.text for p in prior),
    }
