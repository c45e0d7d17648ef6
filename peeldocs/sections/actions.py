"""The action plan: one row per finding to act on, and the PCC's s.55 deadline."""

from __future__ import annotations

from datetime import date, timedelta

from peeldocs.blocks import Block, Cell, Heading, Orientation, Section, Table, Text, Tone, plain
from peeldocs.model import FindingKind, Outcome, Report
from peeldocs.options import Options
from peeldocs.sections.common import ours, report_context

TO_BE_ASSIGNED = "To be assigned"
AWAITING = "Awaiting allocation"


def s55_deadline(published: date) -> date:
    """Return the last day for the PCC's comments: 56 days beginning with publication."""
    return published + timedelta(days=55)


def action_rows(report: Report) -> list[tuple[str, str, str, str]]:
    """Return (ref, type, question, finding text) for every finding to act on."""
    rows: list[tuple[str, str, str, str]] = []
    for p in report.prior_findings:
        if p.outcome is Outcome.NOT_ENOUGH_PROGRESS:
            ref = str(p.question) if p.question is not None else "—"
            rows.append((p.id, f"{p.cycle} {p.kind.value}, carried forward", ref, p.text))
    for q in report.questions:
        for f in q.areas_for_improvement:
            rows.append((f.id, FindingKind.AREA_FOR_IMPROVEMENT.value, str(q.number), f.text))
        for c in q.causes_of_concern:
            rows.append((c.id, FindingKind.CAUSE_OF_CONCERN.value, str(q.number), c.text))
            for r in c.recommendations:
                rows.append((r.id, FindingKind.RECOMMENDATION.value, str(q.number), r.text))
    return rows


def actions(report: Report, options: Options) -> Section:
    """Build the action plan section (landscape)."""
    ctx = report_context(report, options)
    published = options.published or report.published
    deadline = s55_deadline(published) if published else None
    blocks: list[Block] = [Heading(1, "Action plan", anchor="actions")]
    blocks.extend(ours("s55.j2", options, deadline=deadline, published=published))
    blocks.extend(ours("actions_intro.j2", options, has_plan=False))
    header = tuple(Cell(plain(h)) for h in
                   ("Ref", "Type", "Q", "Finding (verbatim)", "Action", "Owner", "Due", "Status"))
    rows = []
    for ref, kind, q, text in action_rows(report):
        flagged = "carried forward" in kind
        rows.append((
            Cell((Text(ref, bold=True),)),
            Cell(plain(kind.capitalize()), tone=Tone.WARNING if flagged else None),
            Cell(plain(q)),
            Cell(plain(text)),
            Cell(plain(TO_BE_ASSIGNED, italic=True)),
            Cell(plain(TO_BE_ASSIGNED, italic=True)),
            Cell(plain(TO_BE_ASSIGNED, italic=True)),
            Cell(plain(AWAITING)),
        ))
    if rows:
        blocks.append(Table((header,), tuple(rows),
                            widths=(1.05, 1.3, 0.35, 4.6, 1.5, 1.0, 0.9, 1.1),
                            caption="Action plan"))
    else:
        blocks.extend(ours("actions_none.j2", options, **ctx))
    return Section("actions", tuple(blocks), orientation=Orientation.LANDSCAPE)
