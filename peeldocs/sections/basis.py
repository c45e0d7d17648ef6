"""Which listed finding a passage of the report's text lies behind.

A report's detailed findings lead up to its areas for improvement, causes of
concern and recommendations, and revisit earlier findings with a verdict; a
sentence such as "The force should improve its approach to both the initial
and subsequent allocation of crimes" is the basis of the listed area for
improvement on allocating crime, not an extra point.  A passage lies behind a
finding of its question (or area) when

- it holds a run of :data:`RUN` words of the finding's text (or of an earlier
  finding's text or verdict, which the report quotes), or the whole of a
  shorter one; or
- a sentence of it that calls for action shares at least :data:`SHARED` words,
  and at least half of its own words, with the finding's text (words compared
  by their first letters, so "allocates" meets "allocation").

Everything is found through dictionaries built once per question: linear in
the length of the text.  Pure functions, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peeldocs.model import Report
from peeldocs.model.report import text_recommendations

RUN = 8
"""How many words in a row a passage must share with a finding to lie behind it."""
SHARED = 3
"""How many of its words a calling sentence must share with a finding to be its basis."""
_STEM = 6
"""Words are compared by their first letters, this many, after a plural "s"."""
_WORD = re.compile(r"[a-z]{4,}")
_COMMON = frozenset({
    "about", "also", "because", "been", "being", "both", "constabulary", "does", "each",
    "ensure", "ensuring", "force", "forces", "from", "have", "into", "made", "make",
    "makes", "more", "must", "need", "needs", "only", "other", "should", "some", "such",
    "sure", "than", "that", "their", "them", "then", "there", "these", "they", "this",
    "those", "very", "well", "were", "what", "when", "where", "which", "while", "will",
    "with", "would"})


def squash(text: str) -> str:
    """Return text lower-cased, punctuation to spaces, spaces single: for comparing words."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def stems(text: str) -> frozenset[str]:
    """Return the distinctive words of a text, each cut to its first letters."""
    return frozenset(w.removesuffix("s")[:_STEM] for w in _WORD.findall(text.lower())
                     if w not in _COMMON)


def _runs(words: list[str]) -> set[str]:
    return {" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


@dataclass
class Basis:
    """The listed findings of one question (or area), indexed to tell what lies behind them."""

    findings: tuple[tuple[str, str], ...]
    """(reference, text) of each listed finding, in the report's order; earlier findings'
    texts and verdicts included."""
    runs: dict[str, list[str]] = field(default_factory=dict)
    short: list[tuple[str, str]] = field(default_factory=list)
    words: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    exact: list[str] = field(default_factory=list)
    """Every listed finding's text squashed: a sentence that is, or repeats, one of these
    is that finding."""

    def __post_init__(self) -> None:
        for ref, text in self.findings:
            words = squash(text).split()
            if len(words) >= RUN:
                for run in _runs(words):
                    self.runs.setdefault(run, []).append(ref)
            elif words:
                self.short.append((ref, " ".join(words)))
            self.words.append((ref, stems(text)))

    def behind(self, passage: str, calls: list[str]) -> tuple[str, ...]:
        """Return the references of the findings ``passage`` lies behind, in the report's order.

        ``calls`` are the passage's sentences that call for action.
        """
        text = squash(passage)
        refs: set[str] = set()
        for run in _runs(text.split()):
            refs.update(self.runs.get(run, ()))
        padded = f" {text} "
        refs.update(ref for ref, short in self.short if f" {short} " in padded)
        for call in calls:
            mine = stems(call)
            for ref, theirs in self.words:
                shared = len(mine & theirs)
                if shared >= SHARED and 2 * shared >= len(mine):
                    refs.add(ref)
        order = list(dict.fromkeys(ref for ref, _text in self.findings))
        return tuple(r for r in order if r in refs)


def question_bases(report: Report) -> dict[int, Basis]:
    """Return each question's (or area's) listed findings, indexed.

    An earlier finding the report does not place under a question belongs to every question.
    """
    listed: dict[int, list[tuple[str, str]]] = {q.number: [] for q in report.questions}
    recs: dict[int, list[tuple[str, str]]] = {}
    for r in text_recommendations(report):
        recs.setdefault(r.question, []).append((r.id, r.text))
    for q in report.questions:
        mine = listed[q.number]
        for c in q.causes_of_concern:
            mine.append((c.id, c.text))
            mine += [(r.id, r.text) for r in c.recommendations]
        mine += recs.get(q.number, [])
        mine += [(f.id, f.text) for f in q.areas_for_improvement]
    exact = {n: [squash(t) for _ref, t in pairs] for n, pairs in listed.items()}
    anywhere: list[tuple[str, str]] = []
    for p in report.prior_findings:  # a sentence repeating an earlier finding's text is it
        pair = [(p.id, p.text), (p.id, p.verdict)]
        if p.question in listed:
            listed[p.question] += pair
            exact[p.question].append(squash(p.text))
        else:
            anywhere += pair
    everywhere = [squash(t) for _ref, t in anywhere[::2]]  # texts, not verdicts
    out: dict[int, Basis] = {}
    for number, pairs in listed.items():
        out[number] = Basis(tuple(pairs + anywhere), exact=exact[number] + everywhere)
    return out
