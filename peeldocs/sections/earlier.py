"""Earlier findings the report revisits and does not carry forward, each named in words.

A reader should not have to look a reference up: each earlier finding is named
by its year, its kind, the question (or area) that revisits it and the report's
own opening words, quoted from the start of a sentence; its reference follows
in brackets.  Nothing the report does not state is added.  Pure functions, no I/O.
"""

from __future__ import annotations

from typing import Any

from peeldocs.model import Outcome, PriorFinding, Report
from peeldocs.prose import count_words, fragment, join_words
from peeldocs.sections.brief_items import quotation

OUTCOMES = {Outcome.ADDRESSED: "addressed", Outcome.PARTLY_ADDRESSED: "partly addressed",
            Outcome.SUPERSEDED: "superseded", Outcome.STILL_MONITORED: "still being monitored"}
"""The outcomes of an earlier finding that is not carried forward, in words."""


def _place(prior: PriorFinding, report: Report) -> str:
    titles = {q.number: q.title for q in report.questions}
    if prior.question is None:
        return ""
    title = titles.get(prior.question)
    # where this report reconsiders it (not where it was first made)
    return (f", reconsidered in ‘{title}’" if report.is_assessment and title
            else f", reconsidered under question {prior.question}")


def prior_named(prior: PriorFinding, report: Report, limit: int) -> str:
    """Name one earlier finding: "the 2017 area for improvement under question 3, “…” (E-1)".

    The quotation is the first sentence of the finding as the report gives it,
    whole when it has up to ``limit`` words, else cut where a clause ends; a
    finding quoted from mid-passage is marked with square brackets and an
    ellipsis (:func:`~peeldocs.prose.fragment`), so it never opens on a "This"
    or a "Second" that refers to words the reader has not seen.
    """
    cycle = " ".join(prior.cycle.split())
    name = f"the {cycle} {prior.kind.value}" if cycle else f"an earlier {prior.kind.value}"
    name += _place(prior, report)
    # quoted from mid-passage ("This concerned …", "Second, it needed …"), it is marked as
    # every document marks it, so the quotation reads as the finding it names
    words = fragment(" ".join(prior.text.split()), prior.kind.value)
    if words:
        name += f", “{quotation(words, limit)}”"
    return f"{name} ({prior.id})"


def _grouped(priors: list[PriorFinding], report: Report) -> list[str]:
    """Name earlier findings briefly, by kind and the questions (areas) that revisit them.

    "three earlier areas for improvement, under questions 3 and 4": for a document
    whose question pages name and quote each one with its reference.
    """
    titles = {q.number: q.title for q in report.questions}
    kinds: dict[str, list[PriorFinding]] = {}
    for p in priors:
        kinds.setdefault(p.kind.value, []).append(p)
    out = []
    for kind, group in kinds.items():
        many = len(group) > 1
        noun = _PLURALS.get(kind, f"{kind}s") if many else kind
        numbers = sorted({p.question for p in group if p.question is not None})
        if report.is_assessment and all(n in titles for n in numbers):
            place = join_words(f"‘{titles[n]}’" for n in numbers)
            place = f", in {place}" if place else ""
        else:
            place = (f", under question{'s' if len(numbers) > 1 else ''} "
                     f"{join_words(str(n) for n in numbers)}" if numbers else "")
        count = count_words(len(group)) if many else "an"
        out.append(f"{count} earlier {noun}{place}")
    return out


_PLURALS = {"area for improvement": "areas for improvement", "cause of concern": "causes of concern"}


def earlier_parts(report: Report, limit: int = 30, quoted: bool = True) -> dict[str, Any]:
    """Return the context of ``addressed.j2``: per outcome, each earlier finding named in words.

    ``quoted``: each is quoted from the start of its first sentence (for a document
    that does not quote it elsewhere); else named by year, kind and place alone.
    """
    parts: list[tuple[str, list[str]]] = []
    total = 0
    for outcome, words in OUTCOMES.items():
        priors = [p for p in report.prior_findings if p.outcome is outcome]
        if not priors:
            continue
        total += len(priors)
        parts.append((words, [prior_named(p, report, limit) for p in priors] if quoted
                      else _grouped(priors, report)))
    return {"parts": parts, "total": total, "counted": not quoted}
