"""The committee paper: for a Police and Crime Panel or a joint audit committee.

Purpose, Recommendation, Background, the grades with notes, the findings
verbatim with who leads each, how progress is tracked and the implications, as
numbered paragraphs.  What only the author can write is a marked placeholder,
and every placeholder is listed at the top so none is missed.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from peeldocs.blocks import (
    Block,
    BulletList,
    Callout,
    Cell,
    Heading,
    Inline,
    Placeholder,
    Section,
    Table,
    Text,
    Tone,
    inline_text,
    plain,
)
from peeldocs.model import Report, missing_areas
from peeldocs.model.deadlines import due_date
from peeldocs.model.judgment import Judgment, Status
from peeldocs.options import Options
from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.rules import ItemState, assess_plan, summarise
from peeldocs.prose import overdue_span, sentence_case
from peeldocs.sections.common import (
    judged_noun,
    judgment_cell,
    judgment_tone,
    ours,
    report_context,
    unread_row,
    verdict_word,
    wording,
)
from peeldocs.sections.due import live_items
from peeldocs.sections.items import (
    ItemKind,
    ResponseItem,
    marks_quotations,
    plan_item,
    response_items,
    s55_deadline,
)
from peeldocs.sections.lowest import lowest_context
from peeldocs.sections.notices import attribution, unknown_callout
from peeldocs.sections.paper import Numbering, placeholders, plan_cells, runs
from peeldocs.sections.plan_table import overdue_refs
from peeldocs.wording import long_date


def grades_table(report: Report) -> Table:
    """Return every question's (or area's) judgment in words, with a note when not a plain grade."""
    area = judged_noun(report).capitalize()
    header = ((Cell(plain("No.")), Cell(plain(area)), Cell(plain(verdict_word(report))),
               Cell(plain("Note"))),)
    rows = tuple((Cell(plain(str(q.number))), Cell(plain(q.title)), *_grade_and_note(q.judgment))
                 for q in report.questions)
    if unread := unread_row(report):
        rows += ((*unread, Cell(plain("Not found in the imported text; check them against the "
                                      "published report."))),)
    if all(inline_text(row[3].runs) == "—" for row in rows):  # no note to give: no column
        return Table((header[0][:3],), tuple(row[:3] for row in rows), widths=(0.45, 4.4, 2.2),
                     caption="Judgments")
    return Table(header, rows, widths=(0.45, 3.6, 1.7, 2.2), caption="Judgments")


_SAID_BY_GRADE = (Status.UNGRADED, Status.NOT_YET_GRADED, Status.NOT_GRADED, Status.NOT_INSPECTED)


def _grade_and_note(judgment: Judgment) -> tuple[Cell, Cell]:
    """Return the grade cell and its note, each saying what the other does not.

    A carried-over grade shows the grade, its note where it came from; a status
    without a grade ("Ungraded") needs no note repeating it; an unknown judgment
    says so and its note what to check.
    """
    note = judgment.status_note()
    if judgment.grade is not None and judgment.status is Status.CARRIED_OVER:
        return Cell(plain(judgment.grade.label, bold=True), tone=judgment_tone(judgment)), \
            Cell(plain(note or "—"))
    if judgment.status in _SAID_BY_GRADE:
        note = None
    return judgment_cell(judgment), Cell(plain(note or "—"))


def _state(item: ResponseItem, options: Options, states: dict[str, ItemState],
           published: date | None, parents: frozenset[str] = frozenset()) -> Cell:
    """Return a finding's state on the preparation date: closed, overdue, due, or to be set."""
    as_of = options.as_of_date
    if options.plan is not None:
        state = states.get(item.id)
        if state is None:
            return Cell(plain("Not in the action plan", italic=True))
        target = state.item.current_target or state.item.original_target
        if state.item.status is ItemStatus.CLOSED:
            closed = state.item.closed_on
            return Cell(plain(f"Closed on {long_date(closed)}" if closed else "Closed"))
        if target is None:
            return Cell(plain("No date set", italic=True))
        if state.overdue:
            return Cell(plain(sentence_case(overdue_span(state.days_overdue, target)), bold=True),
                        tone=Tone.RED)
        return Cell(plain(f"Due {long_date(target)}"))
    due = due_date(item.deadline, published) if item.deadline else None
    if due is None:
        if item.kind is ItemKind.CAUSE_OF_CONCERN and item.id in parents:
            return Cell(plain("Due when its recommendations are due"))
        return Cell((Placeholder("the target date"),))
    if due < as_of:
        return Cell((Text("Passed", bold=True), Text(f" (due {long_date(due)})")),
                    tone=Tone.RED)
    return Cell(plain(f"Due {long_date(due)}"))


def _plan_order(items: list[ResponseItem], states: dict[str, ItemState]) -> list[ResponseItem]:
    """Order by the plan: overdue first (longest first), then due soonest, then the rest."""
    def key(item: ResponseItem) -> tuple[int, date, int]:
        state = states.get(item.id)
        if state is None:
            return (4, date.max, 0)
        target = state.item.current_target or state.item.original_target
        if state.overdue:
            return (0, target or date.max, 0)
        if state.item.status is ItemStatus.CLOSED:
            return (3, state.item.closed_on or date.max, 0)
        return (1, target, 0) if target else (2, date.max, 0)

    return sorted(items, key=key)


def findings_table(report: Report, options: Options) -> Table | None:
    """Return the findings verbatim with their kind, lead and state on the preparation date.

    With a plan, overdue items come first, then those due soonest; without one,
    causes of concern and recommendations lead, the worst-graded first.
    """
    items = live_items(report)
    if not items:
        return None
    states = ({s.item.finding: s for s in assess_plan(options.plan, options.as_of_date)}
              if options.plan is not None else {})
    if options.plan is not None:
        items = _plan_order(items, states)
    published = options.published or report.published
    parents = frozenset(i.parent for i in items if i.parent)
    header = tuple(Cell(plain(h)) for h in ("Ref", "Finding (verbatim)", "Lead", "State"))
    rows = []
    for item in items:
        kind = item.kind.value.capitalize()
        if item.kind is ItemKind.CARRIED_FORWARD and item.note:
            kind = f"Earlier finding: {item.note}"
        if item.in_text:
            kind += " (in the text)"
        lead, _target = plan_cells(plan_item(options.plan, item.id))
        finding: tuple[Inline, ...] = (Text(item.full_text),)
        state = _state(item, options, states, published, parents)
        if item.deadline:  # the report's own words for the deadline, apart from the quotation
            state = Cell((*state.runs, Text("."), Text(f" The report’s deadline: {item.deadline}.",
                                                       italic=True)), tone=state.tone)
        rows.append((Cell((Text(item.id, bold=True), Text(f" {kind}"))),
                     Cell(finding), lead, state))
    return Table((header,), tuple(rows), widths=(1.6, 3.6, 1.5, 1.6),
                 caption="Findings and who leads each")


_DEFAULT_AUDIENCE = next(f.default for f in fields(Options) if f.name == "audience")


def _decisions(report: Report, options: Options, states: list[ItemState]) -> dict[str, Any]:
    """Return what the committee is asked to decide: owners for unowned findings, overdue items."""
    if options.plan is None:
        published = options.published or report.published
        passed = [i.id for i in live_items(report) if i.deadline
                  and (due := due_date(i.deadline, published)) is not None
                  and due < options.as_of_date]
        return {"no_plan": bool(live_items(report)), "passed": passed}
    unowned = []
    for item in live_items(report):
        planned = plan_item(options.plan, item.id)
        if planned is not None and planned.status is ItemStatus.CLOSED:
            continue
        if planned is None or not (planned.owner or planned.lead):
            unowned.append(item.id)
    return {"unowned": unowned, "overdue": overdue_refs(states)}


def committee(report: Report, options: Options) -> Section:
    """Build the committee paper; with no audience given, it names no committee but leaves a place."""
    ctx = report_context(report, options)
    named = options.audience != _DEFAULT_AUDIENCE
    if not named:  # "the chief officer group" is the pack's reader, not this paper's committee
        ctx["audience"] = "committee"
    states = assess_plan(options.plan, options.as_of_date) if options.plan else []
    published = options.published or report.published
    n = Numbering("committee")
    ctx_more = {"published": published, "assessment": report.is_assessment,
                "deadline": s55_deadline(published), "has_plan": options.plan is not None,
                "rows": bool(report.questions) or missing_areas(report) > 0}
    body: list[Block] = [n.heading("Purpose"),
                         *n.template("committee_purpose.j2", options, **ctx, **ctx_more),
                         n.heading("Recommendation"),
                         *n.template("committee_recommendation.j2", options, **ctx,
                                     **_decisions(report, options, states)),
                         n.heading("Background"),
                         *n.template("committee_background.j2", options, **ctx, **ctx_more),
                         n.heading("The judgments"),
                         *n.template("committee_grades.j2", options, **ctx, **ctx_more,
                                     **lowest_context(report))]
    if report.questions or report.areas_assessed:
        body.append(grades_table(report))
    body += [n.heading("Findings and who leads each"),
             *n.template("committee_findings.j2", options, **ctx, **ctx_more,
                         total=len(response_items(report)),
                         marked=marks_quotations(report))]
    table = findings_table(report, options)
    if table is not None:
        body.append(table)
    plan_counts = summarise(states) if options.plan else None
    body += [n.heading("How progress is tracked"),
             *n.template("committee_tracking.j2", options, **ctx, **ctx_more, s=plan_counts,
                         overdue_refs=overdue_refs(states),
                         soon_refs=[s.item.finding for s in states if s.due_soon]),
             n.heading("Implications"),
             *n.template("committee_implications.j2", options, **ctx)]
    facts = [("Report to", runs(f"The {options.audience}" if named else
                                "[[the committee or meeting this paper is for]]")),
             ("Date of meeting", runs("[[date of the meeting]]")),
             ("Report of", runs("[[author’s name and role]]")),
             ("Subject", plain(wording("committee_title.j2", options, **ctx))),
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
        *attribution(report, options, **ctx,
                     plan_title=options.plan.title if options.plan else None),
    ]
    return Section("committee", tuple(blocks))
