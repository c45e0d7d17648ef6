"""The committee paper: for a Police and Crime Panel or a joint audit committee.

Purpose, Recommendation, Background, the grades with notes, the findings
verbatim with who leads each, how progress is tracked and the implications, as
numbered paragraphs.  What only the author can write is a marked placeholder,
and every placeholder is listed at the top so none is missed.
"""

from __future__ import annotations

from peeldocs.blocks import (
    Block,
    BulletList,
    Callout,
    Cell,
    Heading,
    Inline,
    Section,
    Table,
    Text,
    Tone,
    plain,
)
from peeldocs.model import Report, missing_areas
from peeldocs.options import Options
from peeldocs.plans.rules import assess_plan, summarise
from peeldocs.sections.common import (
    judged_noun,
    judgment_cell,
    ours,
    report_context,
    unread_row,
    verdict_word,
    wording,
)
from peeldocs.sections.items import (
    ItemKind,
    marks_quotations,
    plan_item,
    response_items,
    s55_deadline,
)
from peeldocs.sections.notices import unknown_callout
from peeldocs.sections.paper import Numbering, placeholders, plan_cells, runs


def grades_table(report: Report) -> Table:
    """Return every question's (or area's) judgment in words, with a note when not a plain grade."""
    area = judged_noun(report).capitalize()
    header = ((Cell(plain("No.")), Cell(plain(area)), Cell(plain(verdict_word(report))),
               Cell(plain("Note"))),)
    rows = tuple((Cell(plain(str(q.number))), Cell(plain(q.title)), judgment_cell(q.judgment),
                  Cell(plain(q.judgment.status_note() or "—"))) for q in report.questions)
    if unread := unread_row(report):
        rows += ((*unread, Cell(plain("Not found in the imported text; check them against the "
                                      "published report."))),)
    return Table(header, rows, widths=(0.45, 3.6, 1.7, 2.2), caption="Judgments")


def findings_table(report: Report, options: Options) -> Table | None:
    """Return the findings verbatim with their kind, lead and target date."""
    items = response_items(report)
    if not items:
        return None
    header = tuple(Cell(plain(h)) for h in ("Ref", "Finding (verbatim)", "Lead", "Target date"))
    rows = []
    for item in items:
        kind = item.kind.value.capitalize()
        if item.kind is ItemKind.CARRIED_FORWARD and item.note:
            kind = f"Earlier finding: {item.note}"
        lead, target = plan_cells(plan_item(options.plan, item.id))
        finding: tuple[Inline, ...] = (Text(item.full_text),)
        if item.deadline:
            finding += (Text(f" The report’s deadline: {item.deadline}.", italic=True),)
        rows.append((Cell((Text(item.id, bold=True), Text(f" {kind}"))),
                     Cell(finding), lead, target))
    return Table((header,), tuple(rows), widths=(1.4, 4.2, 1.5, 1.2),
                 caption="Findings and who leads each")


def committee(report: Report, options: Options) -> Section:
    """Build the committee paper."""
    ctx = report_context(report, options)
    published = options.published or report.published
    n = Numbering("committee")
    ctx_more = {"published": published, "assessment": report.is_assessment,
                "deadline": s55_deadline(published), "has_plan": options.plan is not None,
                "rows": bool(report.questions) or missing_areas(report) > 0}
    body: list[Block] = [n.heading("Purpose"),
                         *n.template("committee_purpose.j2", options, **ctx, **ctx_more),
                         n.heading("Recommendation"),
                         *n.template("committee_recommendation.j2", options, **ctx),
                         n.heading("Background"),
                         *n.template("committee_background.j2", options, **ctx, **ctx_more),
                         n.heading("The judgments"),
                         *n.template("committee_grades.j2", options, **ctx, **ctx_more)]
    if report.questions or report.areas_assessed:
        body.append(grades_table(report))
    body += [n.heading("Findings and who leads each"),
             *n.template("committee_findings.j2", options, **ctx, **ctx_more,
                         total=len(response_items(report)),
                         marked=marks_quotations(report))]
    table = findings_table(report, options)
    if table is not None:
        body.append(table)
    plan_counts = summarise(assess_plan(options.plan, options.as_of_date)) if options.plan else None
    body += [n.heading("How progress is tracked"),
             *n.template("committee_tracking.j2", options, **ctx, **ctx_more, s=plan_counts),
             n.heading("Implications"),
             *n.template("committee_implications.j2", options, **ctx)]
    facts = [("Report to", runs(f"The {options.audience}")),
             ("Date of meeting", runs("[[date of the meeting]]")),
             ("Report of", runs("[[author’s name and role]]")),
             ("Subject", plain(report.title)),
             ("Contact", runs("[[contact officer’s name, telephone and email]]"))]
    if options.marking.value:
        facts.append(("Protective marking", plain(options.marking.value)))
    head_table = Table((), tuple((Cell(plain(k, bold=True)), Cell(v)) for k, v in facts),
                       widths=(1.0, 3.0), caption="About this paper")
    todo = placeholders([head_table, *body])
    checklist = Callout("To complete before this paper is issued", (
        *ours("committee_todo.j2", options, count=len(todo), what="paper"),
        BulletList(tuple(plain(t) for t in todo)),
    ), Tone.WARNING)
    blocks: list[Block] = [
        Heading(1, wording("committee_title.j2", options, **ctx), anchor="committee"),
        head_table, *unknown_callout(report, options, "paper"), checklist, *body,
        Heading(2, "Source and licence", anchor="committee-source"),
        *ours("attribution.j2", options, **ctx),
    ]
    return Section("committee", tuple(blocks))
