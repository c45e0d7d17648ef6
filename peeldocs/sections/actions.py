"""The action plan: one row per finding to act on, and the PCC's s.55 deadline.

With no plan recorded yet, the section lists every finding to act on with
its action, owner and due date still to be assigned: by question for a pillar
report, by area for a force assessment, whose rows are one per cause of
concern, recommendation and area for improvement (and earlier finding carried
forward).  A recommendation's due date comes from its deadline: a fixed date,
or counted from the publication date when that is known; otherwise the
deadline is shown as the report words it.
"""

from __future__ import annotations

from datetime import date

from peeldocs.blocks import Block, Cell, Heading, Orientation, Section, Table, Text, Tone, plain
from peeldocs.model import Report
from peeldocs.model.deadlines import describe_deadline
from peeldocs.options import Options
from peeldocs.plans.findings import FindingRef, findings
from peeldocs.sections.common import ours, report_context
from peeldocs.sections.counts import unlisted_recommendations
from peeldocs.sections.editorial import fragment
from peeldocs.sections.items import s55_deadline
from peeldocs.sections.plan_table import carried_forward, tracked_plan
from peeldocs.sections.refs import example_ref

TO_BE_ASSIGNED = "To be assigned"
TO_BE_AGREED = "To be agreed"
AWAITING = "Awaiting allocation"


def _untracked(report: Report) -> list[Block]:
    header = tuple(Cell(plain(h)) for h in
                   ("Ref", "Type", "Q", "Finding (verbatim)", "Action", "Owner", "Due", "Status"))
    rows = []
    for ref in findings(report).values():
        kind = ref.kind + (", carried forward" if ref.carried_forward else "")
        rows.append((
            Cell((Text(ref.id, bold=True),)),
            Cell(plain(kind.capitalize()), tone=Tone.WARNING if ref.carried_forward else None),
            Cell(plain(str(ref.question) if ref.question is not None else "—")),
            Cell(plain(fragment(ref.text, ref.kind) if ref.carried_forward else ref.text)),
            Cell(plain(TO_BE_ASSIGNED, italic=True)),
            Cell(plain(TO_BE_ASSIGNED, italic=True)),
            Cell(plain(TO_BE_ASSIGNED, italic=True)),
            Cell(plain(AWAITING)),
        ))
    if not rows:
        return []
    return [Table((header,), tuple(rows), widths=(1.05, 1.3, 0.35, 4.6, 1.5, 1.0, 0.9, 1.1),
                  caption="Action plan")]


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


def actions(report: Report, options: Options) -> Section:
    """Build the action plan section (landscape), tracked when a plan is given."""
    ctx = report_context(report, options)
    published = options.published or report.published
    deadline = s55_deadline(published)
    blocks: list[Block] = [Heading(1, "Action plan", anchor="actions")]
    blocks.extend(ours("s55.j2", options, deadline=deadline, published=published,
                       as_of=options.as_of_date))
    blocks.extend(ours("actions_intro.j2", options, has_plan=options.plan is not None,
                       example=example_ref(report),
                       deadlines=any(r.deadline for r in findings(report).values()),
                       recommending=unlisted_recommendations(report),
                       findings_section="findings by area" if report.is_assessment
                       else "findings by question",
                       unread=ctx["unread"] if findings(report) else ""))
    if not findings(report) and options.plan is None:
        blocks.extend(ours("actions_none.j2", options, **ctx))
    elif options.plan is None and report.is_assessment:
        blocks.extend(untracked_areas(report, published))
    elif options.plan is None:
        blocks.extend(_untracked(report))
    else:
        blocks.extend(carried_forward(report))
        blocks.extend(tracked_plan(report, options.plan, options))
    return Section("actions", tuple(blocks), orientation=Orientation.LANDSCAPE)
