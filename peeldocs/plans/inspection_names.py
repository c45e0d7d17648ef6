"""How an inspection is named when its plan is read: a PEEL report by its fields.

A PEEL report page's own title ('Norfolk PEEL 2018') names neither its cycle nor
the area inspected, so the register names it from the report's programme, cycle,
pillar and force; an inspection is named by its published title.
"""

from __future__ import annotations

from peeldocs.model import Report, cycle_words
from peeldocs.plans.inspection import Inspection


def peel_name(report: Report) -> str:
    """Name a PEEL report without its force: 'PEEL 2018/19 effectiveness inspection'."""
    scope = report.pillar if report.pillar and report.pillar.lower() != "unknown" else ""
    words = (report.programme, cycle_words(report.cycle), scope, "inspection")
    return " ".join(w for w in words if w)


def inspection_title(subject: Report | Inspection) -> str:
    """Return the inspection's title as a reader knows it.

    An inspection's as published; a PEEL report's from its fields ('PEEL 2018/19
    effectiveness inspection of Norfolk Constabulary').
    """
    if isinstance(subject, Inspection):
        return subject.title
    return f"{peel_name(subject)} of {subject.force.name}"
