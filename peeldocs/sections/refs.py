"""Finding references (E2-AFI-1) explained in words where a reader first meets them."""

from __future__ import annotations

from peeldocs.model import Report, cycle_words
from peeldocs.model.report import text_recommendations
from peeldocs.options import Options

FINDINGS_TABLE = "the table of findings needing an action plan"
"""What uses the pack's references when no action plan was given: the table of findings."""


def _where(report: Report, number: int | None) -> str | None:
    """Return "question 2", or the area's name in a force assessment."""
    if number is None:
        return None
    if report.is_assessment:
        return next((q.title for q in report.questions if q.number == number), f"area {number}")
    return f"question {number}"


def _kinds(report: Report) -> dict[str, tuple[str, str | None]]:
    out: dict[str, tuple[str, str | None]] = {}
    for p in report.prior_findings:
        place = _where(report, p.question)  # where this report reconsiders it, not where made
        out[p.id] = (f"{cycle_words(p.cycle)} {p.kind.value}"
                     + (", reconsidered" if place is not None else ""), place)
    for q in report.questions:
        where = _where(report, q.number)
        for f in q.areas_for_improvement:
            out[f.id] = ("area for improvement", where)
        for c in q.causes_of_concern:
            out[c.id] = ("cause of concern", where)
            for r in c.recommendations:
                out[r.id] = ("recommendation", where)
    for t in text_recommendations(report):
        out[t.id] = ("recommendation", _where(report, t.question))
    return out


def explain_refs(fids: list[str], report: Report) -> list[str]:
    """Return each reference explained, as :func:`explain_ref`, reading the report once."""
    kinds = _kinds(report)
    return [_explained(fid, kinds.get(fid)) for fid in fids]


def _explained(fid: str, found: tuple[str, str | None] | None) -> str:
    if found is None:
        return fid
    kind, place = found
    where = f" under {place}" if place is not None else ""
    article = "an" if kind[:1] in "aeiou" else "a"
    return f"{fid} ({article} {kind}{where})"


def explain_ref(fid: str, report: Report | None) -> str:
    """Return "E2-AFI-2 (an area for improvement under question 2)", or the id alone."""
    return _explained(fid, _kinds(report).get(fid) if report is not None else None)


def example_ref(report: Report) -> str:
    """Return the first area for improvement, cause of concern or recommendation, explained."""
    for q in report.questions:
        for fid in [f.id for f in q.areas_for_improvement] + [
                c.id for c in q.causes_of_concern]:
            return explain_ref(fid, report)
    return ""


def references_used_by(options: Options) -> str:
    """Return what else uses the pack's finding references, or "" when nothing does.

    "the action plan" when one was given; without one, the table of findings
    needing an action plan, when the document has that section; else nothing.
    """
    if options.plan is not None:
        return "the action plan"
    return FINDINGS_TABLE if "actions" in options.sections else ""
