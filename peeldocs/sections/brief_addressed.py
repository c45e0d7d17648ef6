"""The one-page brief's closing word on earlier findings the report does not carry forward.

Said briefly, after the live findings, in words (how many, of what kind, from
which inspection and where) and by reference: "The report finds three earlier
areas for improvement addressed (E-2017-AFI-2, E-2016-AFI-1 and E-2016-AFI-2)".
Pure functions, no I/O.
"""

from __future__ import annotations

from peeldocs.model import Outcome, Report
from peeldocs.prose import count_words

_OUTCOMES = {Outcome.ADDRESSED: "addressed", Outcome.PARTLY_ADDRESSED: "partly addressed",
             Outcome.SUPERSEDED: "superseded", Outcome.STILL_MONITORED: "still monitored"}
_PLURALS = {"area for improvement": "areas for improvement", "cause of concern": "causes of concern"}


def _plural(kind: str) -> str:
    return _PLURALS.get(kind, kind + "s")


def addressed_parts(report: Report) -> list[dict[str, object]]:
    """Describe the earlier findings the report does not carry forward, by outcome, in words.

    Each part gives the outcome, how many, what they were ("areas for
    improvement" when all are of one kind) and where each came from ("one from
    2017 under question 3 and two from 2016 under question 4"), then their
    references; nothing the report does not say.
    """
    titles = {q.number: q.title for q in report.questions}
    parts: list[dict[str, object]] = []
    for outcome, words in _OUTCOMES.items():
        prior = [p for p in report.prior_findings if p.outcome is outcome]
        if not prior:
            continue
        kinds = {p.kind.value for p in prior}
        one_kind = len(kinds) == 1
        groups: dict[tuple[str, str, int | None], int] = {}
        for p in prior:
            key = (p.kind.value, p.cycle, p.question)
            groups[key] = groups.get(key, 0) + 1
        places = []
        for (kind, cycle, question), n in groups.items():
            what = "" if one_kind else f" {kind if n == 1 else _plural(kind)}"
            place = ""
            if question is not None:
                place = (f" in ‘{titles[question]}’" if report.is_assessment and question in titles
                         else f" under question {question}")
            places.append(f"{count_words(n)}{what} from {cycle}{place}")
        noun = next(iter(kinds)) if one_kind else "finding"
        parts.append({"outcome": words, "count": len(prior),
                      "noun": noun if len(prior) == 1 else _plural(noun),
                      "places": places, "ids": [p.id for p in prior]})
    return parts
