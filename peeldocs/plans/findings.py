"""The findings of a report that an action plan answers: pure, no I/O.

Shared by plan files (:mod:`peeldocs.plans.files`) and by the sections that show a
plan, so that sections never import an I/O module.
"""

from __future__ import annotations

from dataclasses import dataclass

from peeldocs.model import CauseOfConcern, Finding, Outcome, Report
from peeldocs.model.report import text_recommendations

__all__ = ["FindingRef", "finding_text", "findings"]


@dataclass(frozen=True, slots=True)
class FindingRef:
    """A finding of the report that an action plan item can answer."""

    id: str
    kind: str
    question: int | None
    text: str
    carried_forward: bool = False
    deadline: str | None = None
    area: str | None = None


def finding_text(finding: Finding | CauseOfConcern) -> str:
    """Return a finding's words with its sub-points, if any ("... to: a; b.")."""
    return " ".join((finding.text, "; ".join(finding.points))) if finding.points else finding.text


def findings(report: Report) -> dict[str, FindingRef]:
    """Every finding that needs action, by id: earlier findings carried forward first."""
    out: dict[str, FindingRef] = {}
    for p in report.prior_findings:
        if p.outcome is Outcome.NOT_ENOUGH_PROGRESS:
            out[p.id] = FindingRef(p.id, f"{p.cycle} {p.kind.value}", p.question, p.text, True)
    afis: dict[str, FindingRef] = {}
    stated = text_recommendations(report)
    for q in report.questions:
        area = q.title if report.is_assessment else None
        for f in q.areas_for_improvement:
            afis[f.id] = FindingRef(f.id, "area for improvement", q.number, finding_text(f),
                                   area=area)
        if not report.is_assessment:  # a pillar plan keeps the report's order
            out.update(afis)
        for c in q.causes_of_concern:
            out[c.id] = FindingRef(c.id, "cause of concern", q.number, finding_text(c), area=area)
            for r in c.recommendations:
                out[r.id] = FindingRef(r.id, "recommendation", q.number, finding_text(r),
                                       deadline=r.deadline, area=area)
        for t in stated:  # made in the findings' own text
            if t.question == q.number:
                out[t.id] = FindingRef(t.id, "recommendation", q.number, t.text, area=area)
    out.update(afis)  # an assessment's causes of concern and recommendations come first
    return out
