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
from peeldocs.prose import join_words
from peeldocs.sections.common import ours, report_context
from peeldocs.sections.counts import unlisted_recommendations
from peeldocs.sections.editorial import fragment
from peeldocs.sections.items import s55_deadline
from peeldocs.sections.plan_table import tracked_plan, unplanned_refs
from peeldocs.sections.quoting import ACTIONS, elsewhere
from peeldocs.sections.refs import example_ref

TO_BE_ASSIGNED = "To be assigned"
TO_BE_AGREED = "To be agreed"
AWAITING = "Awaiting allocation"


def finding_cell(ref: FindingRef, refer: dict[str, str]) -> Cell:
    """Return a finding's words, or where the pack quotes them when it does so elsewhere."""
    if ref.id in refer:
        return Cell(plain(f"Quoted in full in {refer[ref.id]}", italic=True))
    return Cell(plain(fragment(ref.text, ref.kind) if ref.carried_forward else ref.text))


def _columns(quote: bool, cells: tuple[Cell, ...], finding: Cell) -> tuple[Cell, ...]:
    """Return a row's cells with the finding's words fourth, when the plan quotes them."""
    return (*cells[:3], finding, *cells[3:]) if quote else cells


def _untracked(report: Report, refer: dict[str, str]) -> list[Block]:
    quote = any(fid not in refer for fid in findings(report))
    header = _columns(quote, tuple(Cell(plain(h)) for h in
                                   ("Ref", "Type", "Question", "Action", "Owner", "Due",
                                    "Status")), Cell(plain("Finding (verbatim)")))
    rows = []
    for ref in findings(report).values():
        kind = ref.kind + (", carried forward" if ref.carried_forward else "")
        rows.append(_columns(quote, (
            Cell((Text(ref.id, bold=True),)),
            Cell(plain(kind.capitalize()), tone=Tone.WARNING if ref.carried_forward else None),
            Cell(plain(str(ref.question) if ref.question is not None else "—")),
            Cell(plain(TO_BE_ASSIGNED, italic=True)),
            Cell(plain(TO_BE_ASSIGNED, italic=True)),
            Cell(plain(TO_BE_ASSIGNED, italic=True)),
            Cell(plain(AWAITING)),
        ), finding_cell(ref, refer)))
    if not rows:
        return []
    widths = (1.05, 1.45, 0.75, 4.05, 1.5, 1.0, 0.9, 1.1) if quote else (
        1.2, 2.2, 0.8, 2.0, 1.6, 1.3, 1.3)
    return [Table((header,), tuple(rows), widths=widths, caption="Action plan")]


def _due(ref: FindingRef, published: date | None) -> Cell:
    if ref.deadline is None:  # as the table's introduction says: the date is still to be agreed
        return Cell(plain(TO_BE_AGREED, italic=True))
    return Cell(plain(describe_deadline(ref.deadline, published)))


def untracked_areas(report: Report, published: date | None,
                    refer: dict[str, str] | None = None) -> list[Block]:
    """Return the action plan table of an assessment with no plan recorded yet.

    A finding in ``refer`` (its id, and where the pack quotes it) is named by its
    reference only; with none to quote, the table has no column for their words.
    """
    refer = refer or {}
    quote = any(fid not in refer for fid in findings(report))
    header = _columns(quote, tuple(Cell(plain(h)) for h in
                                   ("Ref", "Type", "Area", "Action", "Owner", "Due", "Status")),
                      Cell(plain("Finding (verbatim)")))
    names = {q.number: q.title for q in report.questions}
    rows = []
    for ref in findings(report).values():
        kind = ref.kind + (", carried forward" if ref.carried_forward else "")
        area = ref.area or (names.get(ref.question, "—") if ref.question is not None else "—")
        rows.append(_columns(quote, (
            Cell((Text(ref.id, bold=True),)),
            Cell(plain(kind.capitalize()), tone=Tone.WARNING if (
                ref.carried_forward or ref.kind == "cause of concern") else None),
            Cell(plain(area)),
            Cell(plain(TO_BE_ASSIGNED, italic=True)),
            Cell(plain(TO_BE_ASSIGNED, italic=True)),
            _due(ref, published),
            Cell(plain(AWAITING)),
        ), finding_cell(ref, refer)))
    if not rows:
        return []
    widths = (1.0, 1.5, 1.3, 3.7, 1.15, 0.9, 1.5, 1.05) if quote else (
        1.2, 2.0, 2.2, 1.8, 1.4, 1.8, 1.3)
    return [Table((header,), tuple(rows), widths=widths, caption="Action plan")]


def actions(report: Report, options: Options) -> Section:
    """Build the action plan section (landscape), tracked when a plan is given."""
    ctx = report_context(report, options)
    published = options.published or report.published
    deadline = s55_deadline(published)
    blocks: list[Block] = [Heading(1, "Action plan", anchor="actions")]
    blocks.extend(ours("s55.j2", options, **{**ctx, "deadline": deadline, "published": published}))
    refer = elsewhere(report, options, ACTIONS)
    quote = any(fid not in refer for fid in findings(report))
    blocks.extend(ours("actions_intro.j2", options, has_plan=options.plan is not None,
                       unplanned=unplanned_refs(report, options.plan),
                       quote=quote, quoted_in=join_words(sorted(set(refer.values())), "or"),
                       example=example_ref(report),
                       deadlines=any(r.deadline for r in findings(report).values()),
                       recommending=unlisted_recommendations(report),
                       findings_section="findings by area" if report.is_assessment
                       else "findings by question",
                       unread=ctx["unread"] if findings(report) else ""))
    if not findings(report) and options.plan is None:
        blocks.extend(ours("actions_none.j2", options, **ctx))
    elif options.plan is None and report.is_assessment:
        blocks.extend(untracked_areas(report, published, refer))
    elif options.plan is None:
        blocks.extend(_untracked(report, refer))
    else:
        blocks.extend(tracked_plan(report, options.plan, options, refer))
    return Section("actions", tuple(blocks), orientation=Orientation.LANDSCAPE)
