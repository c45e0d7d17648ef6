"""What an import found, how it is summarised and explained, and the bounds on what it writes.

Quotes and lists are bounded, so what an import writes stays a small multiple of
the page: a figure's source is its own clause, not its whole sentence, and a clause is
cut at a word boundary when it runs far from the figure; a page holds only so
many figures.  Both keep the cost and the size of an import linear in the page
whatever the page holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from peeldocs.errors import PeeldocsError
from peeldocs.model import Judgment, KeyFigure, Report


class NotAPeelPageError(PeeldocsError):
    """The text does not state a force and a cycle, so it cannot be imported as a PEEL report."""


@dataclass
class ImportResult:
    """What an import found: the report, the kind of page, and notes for the user.

    ``kind`` is "pillar", "overview" or "assessment".  ``notes`` say what was
    not found or was skipped; the library never prints them.
    """

    report: Report
    kind: str
    notes: list[str] = field(default_factory=list)
    pillar_judgments: dict[str, Judgment] = field(default_factory=dict)
    facts: dict[str, str] = field(default_factory=dict)
    """Where the force, cycle and pillar were read from (the words, or "given")."""


def _jd(judgment: Judgment | None) -> dict[str, Any] | None:
    if judgment is None:
        return None
    out: dict[str, Any] = {"grade": judgment.grade.value if judgment.grade else None,
                           "status": judgment.status.value}
    if judgment.from_cycle:
        out["from_cycle"] = judgment.from_cycle
    out["evidence"] = judgment.evidence
    return out


def summary(result: ImportResult) -> dict[str, Any]:
    """Return the ``--summary`` JSON object of an import."""
    r = result.report
    assessment = result.kind == "assessment"
    questions = [] if result.kind == "overview" else [
        {"number": q.number, "title": q.title, **(_jd(q.judgment) or {}),
         "areas_for_improvement": [f.text for f in q.areas_for_improvement],
         "causes_of_concern": [c.text for c in q.causes_of_concern]}
        for q in r.questions]
    recommendations = [{"question": q.number, "cause": c.id, "text": rec.text,
                        "deadline": rec.deadline}
                       for q in r.questions for c in q.causes_of_concern
                       for rec in c.recommendations]
    return {
        "force": r.force.name,
        "cycle": r.cycle,
        "kind": result.kind,
        "pillar": r.pillar if result.kind == "pillar" else None,
        "judgment": None if assessment else _jd(r.judgment),
        "last_updated": r.last_updated.isoformat() if r.last_updated else None,
        "questions": questions,
        "recommendations": recommendations,
        "pillar_judgments": {p: _jd(x) for p, x in result.pillar_judgments.items()},
        "prior_findings": [{"cycle": p.cycle, "kind": p.kind.value, "outcome": p.outcome.value}
                           for p in r.prior_findings],
        "figures": len(r.key_figures),
        "questions_expected": r.questions_expected,
        "areas_assessed": r.areas_assessed,
        "not_seen": list(r.unseen),
        "read_from": dict(result.facts),
    }


def explain(result: ImportResult) -> list[str]:
    """Return one line per fact and judgment, beside the words it was read from."""
    r = result.report
    lines = [f"{name}: {value}" for name, value in result.facts.items()]

    def line(what: str, judgment: Judgment | None) -> None:
        if judgment is None:
            return
        said = f'"{judgment.evidence}"' if judgment.evidence else "(not found in the text)"
        lines.append(f"{what}: {judgment.describe()} <- {said}")

    line("overall judgment", r.judgment)
    if result.kind == "overview":  # every pillar, the ones not found included
        for q in r.questions:
            line(q.title.lower(), q.judgment)
    noun = "area" if result.kind == "assessment" else "question"
    if result.kind != "overview":
        for q in r.questions:
            line(f"{noun} {q.number} ({q.title[:60]})", q.judgment)
    return lines


CLAUSE_MARKS = ("; ", ": ", " – ", " — ")
REACH = 120
"""How far a figure's quoted clause reaches either side of the figure, at most."""


def quote(text: str, start: int, end: int, reach: int = REACH) -> str:
    """Return the clause of ``text`` holding ``text[start:end]``, verbatim and bounded.

    A clause ends at a semicolon, a colon or a dash; a clause longer than
    ``reach`` characters either side of the figure is cut at a word boundary,
    with "…" where words were left out.  The cost is bounded by ``reach``, never
    by the length of the sentence.
    """
    low = max(0, start - reach)
    left = max((text.rfind(mark, low, start) + len(mark) for mark in CLAUSE_MARKS
                if text.rfind(mark, low, start) >= 0), default=-1)
    if left < 0:
        left = low if low == 0 else text.find(" ", low, start) + 1 or start
    high = min(len(text), end + reach)
    stops = [at for mark in CLAUSE_MARKS if (at := text.find(mark, end, high)) >= 0]
    right = min(stops) + 1 if stops else high
    if not stops and high < len(text):
        right = text.rfind(" ", end, high) if text.rfind(" ", end, high) > end else end
    body = text[left:right].strip(" ;:–—")
    cut_left = left > 0 and not any(text.startswith(m, left - len(m)) for m in CLAUSE_MARKS)
    cut_right = right < len(text) and not stops
    return f"{'…' if cut_left else ''}{body}{'…' if cut_right else ''}"


def bounded(figures: list[KeyFigure], chars: int, notes: list[str]) -> list[KeyFigure]:
    """Keep the first figures a page of ``chars`` characters can hold: one per 250, and 25.

    A real page states one figure in a thousand characters or fewer; more is a
    list of numbers, not findings, and would make the data file many times the
    page.  A note says how many were left out.
    """
    most = 25 + chars // 250
    if len(figures) > most:
        notes.append(f"the text states {len(figures)} figures, more than a page of its length "
                     f"holds; the first {most} are kept")
    return figures[:most]
