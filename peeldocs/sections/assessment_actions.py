"""The untracked action plan of a force assessment: rows by area, deadlines as due dates.

One row per cause of concern, recommendation and area for improvement (and
earlier finding carried forward).  A recommendation's due date comes from its
deadline: a fixed date, or counted from the publication date when that is
known; otherwise the deadline is shown as the report words it.
"""

from __future__ import annotations

from datetime import date

from peeldocs.blocks import Block, Cell, Table, Text, Tone, plain
from peeldocs.deadlines import describe_deadline
from peeldocs.model import Report
from peeldocs.plan_findings import FindingRef, findings

TO_BE_ASSIGNED = "To be assigned"
TO_BE_AGREED = "To be agreed"
AWAITING = "Awaiting allocation"


def _due(ref: FindingRef, published: date | None) -> Cell:
    if ref.deadline is None:  # as the table's introduction says: the date is still to be agreed
        return Cell(plain(TO_BE_AGREED, italic=True))
    return Cell(plain(describe_deadline(ref.deadline, published)))


def untracked_areas(report: Report, published: date | None) -> list[Block]:
    """Return the action plan table of an assessment with no plan recorded yet."""
    header = tuple(Cell(plain(h)) for h in
                   ("Ref", "Type", "Area", "Finding (verbatim)", "Action", "Owner", "Due",
                    "Status"))
    names = {q.number: q.title for q in report.questions}
    rows = []
    for ref in findings(report).values():
        kind = ref.kind + (", carried forward" if ref.carried_forward else "")
        area = ref.area or (names.get(ref.question, "—") if ref.question is not None else "—")
        rows.append((
            Cell((Text(ref.id, bold=True),)),
            Cell(plain(kind.capitalize()), tone=Tone.WARNING if (
                ref.carried_forward or ref.kind == "cause of concern") else None),
            Cell(plain(area)),
            Cell(plain(ref.text)),
            Cell(plain(TO_BE_ASSIGNED, italic=True)),
            Cell(plain(TO_BE_ASSIGNED, italic=True)),
            _due(ref, published),
            Cell(plain(AWAITING)),
        ))
    if not rows:
        return []
    return [Table((header,), tuple(rows), widths=(1.0, 1.5, 1.3, 3.7, 1.15, 0.9, 1.5, 1.05),
                  caption="Action plan")]
