"""The committee paper: for a Police and Crime Panel or a joint audit committee.

Purpose, Recommendation, Background, the grades with notes, the findings
verbatim with who leads each, how progress is tracked and the implications, as
numbered paragraphs.  What only the author can write is a marked placeholder,
and every placeholder is listed in a final part for the preparer, to remove
before the paper is issued, so none is missed and none is issued by mistake.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from typing import Any

from peeldocs.blocks import (
    Block,
    BulletList,
    Callout,
    Cell,
    Heading,
    NumberedParagraph,
    PageBreak,
    Paragraph,
    ParaStyle,
    Section,
    Table,
    Tone,
    inline_text,
    plain,
)
from peeldocs.model import Report, missing_areas
from peeldocs.model.scales import Judgment, Status
from peeldocs.options import Options
from peeldocs.plans.rules import assess_plan, summarise
from peeldocs.sections.committee_asks import decisions, plan_gaps
from peeldocs.sections.committee_findings import (
    findings_heading,
    findings_table,
    note_marks,
    ordered_items,
    report_summary,
)
from peeldocs.sections.committee_plan import plan_entries, told_refs
from peeldocs.sections.committee_scope import findings_context, other_calls, tracking_context
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
from peeldocs.sections.items import (
    ItemKind,
    marks_quotations,
    response_items,
    s55_deadline,
)
from peeldocs.sections.lowest import grades_shape, lowest_context
from peeldocs.sections.notices import attribution, unknown_callout
from peeldocs.sections.paper import MARKING_TO_COMPLETE, Numbering, placeholders, runs
from peeldocs.sections.plan_table import overdue_refs
from peeldocs.sections.s55 import constructed_notice
from peeldocs.sections.s55_notes import NOTES_PAGES
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
    # named by what it holds, never the heading above it again (read 29-C: a caption, so a
    # screen reader moving between tables hears which this is)
    caption = f"{verdict_word(report)} for each {judged_noun(report)}"
    noted = [q for q, row in zip(report.questions, rows, strict=False)
             if inline_text(row[3].runs) != "—"]
    # read 36-C: a column of "—" but for a carried-over grade: said in its grade cell instead
    folded = (len(rows) == len(report.questions) and 2 * len(noted) < len(rows)
              and all(q.judgment.status is Status.CARRIED_OVER for q in noted))
    if folded:  # "Good (carried over from 2016)"
        rows = tuple((*row[:2], judgment_cell(q.judgment) if q in noted else row[2], row[3])
                     for q, row in zip(report.questions, rows, strict=True))
    if folded or not noted:  # no note to give: no column
        return Table((header[0][:3],), tuple(row[:3] for row in rows), widths=(0.45, 4.4, 2.2),
                     caption=caption, keep_with_heading=True)
    # a short table, the answer to its heading: never three rows on one page and two on the next
    return Table(header, rows, widths=(0.45, 3.6, 1.7, 2.2), caption=caption,
                 keep_with_heading=True)


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


PREPARER_TITLE = "Before issuing: notes for the preparer (remove this part)"
PREPARER_LEAD = ("These notes are for the person preparing the paper, not part of it. "
                 "Remove this heading and everything after it, except any protective marking "
                 "at the end, before the paper is issued.")

_DEFAULT_AUDIENCE = next(f.default for f in fields(Options) if f.name == "audience")


def committee(report: Report, options: Options) -> Section:
    """Build the committee paper; with no audience given, it names no committee but leaves a place."""
    ctx = report_context(report, options)
    named = options.audience != _DEFAULT_AUDIENCE
    if not named:  # "the chief officer group" is the pack's reader, not this paper's committee
        ctx["audience"] = "committee"
    states = assess_plan(options.plan, options.as_of_date) if options.plan else []
    published = options.published or report.published
    n = Numbering("committee")
    deadline = s55_deadline(published)
    ctx_more = {"published": published, "assessment": report.is_assessment,
                "deadline": deadline, "has_plan": options.plan is not None,
                "rows": bool(report.questions) or missing_areas(report) > 0,
                "asks": bool(response_items(report))}  # without a plan, 1.1 says what it asks
    purpose = [n.heading("Purpose"),
               *n.template("committee_purpose.j2", options, **ctx, **ctx_more)]
    # the paper's own, never to be read as the inspectorate's recommendations (read 31)
    asked = n.heading("Recommendation to the committee")
    # its paragraphs are numbered once the paragraph it refers to (6.3) has its number
    asks_n = Numbering("committee")
    asks_n.section = n.section
    body: list[Block] = [n.heading("Background"),
                         *n.template("committee_background.j2", options, **ctx, **ctx_more),
                         n.heading("The judgments"),
                         *n.template("committee_grades.j2", options, **ctx, **ctx_more,
                                     constructed=report.illustrative, **lowest_context(report),
                                     **grades_shape(report))]
    if report.questions or report.areas_assessed:
        body.append(grades_table(report))
    body.append(n.heading("What the report found"))
    summary = report_summary(report, options, n, **ctx)
    marked_early = note_marks(summary)  # said at the first square bracket (read 36-C)
    body += summary
    items = ordered_items(report)
    body += [n.heading(findings_heading(report, options)),
             *n.template("committee_findings.j2", options, **ctx, **ctx_more,
                         total=len(items),
                         carried=sum(i.kind is ItemKind.CARRIED_FORWARD for i in items),
                         marked=marks_quotations(report) and not marked_early,
                         # read 35-C: what the references are is said at their first use, in 2.1
                         **{**findings_context(report, items), "first_ref": ""})]
    table = findings_table(report, options)
    table_at = ""  # the paragraph the findings table follows: where each state's dates are
    if table is not None:
        table_at = next((b.number for b in reversed(body) if isinstance(b, NumberedParagraph)), "")
        body.append(table)
    told = plan_entries(items, states, options, n, bool(options.plan and options.plan.illustrative))
    body += told
    late = set(overdue_refs(states)) & told_refs(states)  # what the force is doing: said there
    decided = decisions(report, options, states)
    # read 32: the first ask names an inadequate grade and the causes of concern
    worst = [f"‘{q.title}’" for q in report.questions
             if q.judgment is not None and q.judgment.grade is not None
             and q.judgment.grade.value == "inadequate"]
    def ask(s55_at: str) -> list[Block]:
        numbering = Numbering("committee")
        numbering.section = asks_n.section
        return numbering.template(
            "committee_recommendation.j2", options, **ctx, has_plan=options.plan is not None,
            worst=worst, causes=[i.id for i in items if i.kind is ItemKind.CAUSE_OF_CONCERN],
            # an earlier one also answered: the report's own are "new" (read 33)
            earlier_causes=any(i.kind is ItemKind.CARRIED_FORWARD and "cause of concern" in
                               (i.note or "") for i in items),
            actions_at=told[0].number if late and isinstance(told[0], NumberedParagraph) else "",
            table_at=table_at if late else "",
            # a section 55 deadline still ahead: the committee notes it (read 30-C)
            s55_due=deadline if deadline and deadline >= options.as_of_date else None,
            # passed: whether they were published is the author's to say, in the paragraph
            # that states the duty (read 33: no form field in an ask, the duty said once)
            s55_passed=deadline if deadline and deadline < options.as_of_date else None,
            first_ref=findings_context(report, items).get("first_ref", ""),
            # read 35-C: "due by 26 June 2019, 111 days before the date of this paper"
            s55_days=abs((deadline - options.as_of_date).days) if deadline else 0,
            # read 36-C: a body the data does not name is 7.2's to complete, never an ask's
            s55_at=s55_at, s55_who=ctx["who"] if ctx["body"] is not None
            else "the local policing body", **decided)
    asks = ask("")
    if len(asks) > 1:  # "2. Recommendations to the committee" over several
        asked = replace(asked, text=asked.text.replace("Recommendation", "Recommendations", 1))
    body += other_calls(report, options, n, **ctx)
    plan_counts = summarise(states) if options.plan else None
    tracked = n.heading("How progress is tracked")
    tracking = n.template("committee_tracking.j2", options,
                          # a body the data does not name for this force and date is the
                          # author's to name
                          **(ctx if ctx["body"] is not None else
                             {**ctx, "who": "[[the local policing body]]"}),
                          **ctx_more, s=plan_counts, overdue_refs=overdue_refs(states),
                          table_at=table_at,  # read 36-C: each item's state said there, once
                          gaps=plan_gaps(asks, decided),
                          **tracking_context(states, said=decided.get("lacking", [])))
    duty = next((b.number for b in tracking if isinstance(b, NumberedParagraph)
                 and "section 55" in inline_text(b.runs)), "")
    if duty and deadline and deadline < options.as_of_date:
        asks = ask(duty)  # the ask points to the paragraph that states the duty
    body = [asked, *asks, *body, tracked, *tracking]
    body += [n.heading("Implications"),
             *n.template("committee_implications.j2", options, **ctx)]
    facts = [("Report to", runs(f"The {options.audience}" if named else
                                "[[the committee or meeting this paper is for]]")),
             ("Date of meeting", runs("[[date of the meeting]]")),
             # the date it was prepared, which every "on DATE" in it refers to
             ("Date of paper", plain(long_date(options.as_of_date))),
             ("Report of", runs("[[author’s name and role]]")),
             ("Subject", plain(wording("committee_title.j2", options, **ctx))),
             ("Contact", runs("[[contact officer’s name, telephone and email]]"))]
    # none asked for: the author completes it (never an invented marking)
    facts.append(("Protective marking", plain(options.marking.value) if options.marking.value
                  else (MARKING_TO_COMPLETE,)))
    head_table = Table((), tuple((Cell(plain(k, bold=True)), Cell(v)) for k, v in facts),
                       widths=(1.0, 3.0), caption="About this paper")
    body = [*purpose, *body]
    todo = placeholders([head_table, *body], top=head_table)
    checklist = Callout("To complete before this paper is issued", (
        *ours("committee_todo.j2", options, count=len(todo), what="paper"),
        BulletList(tuple(plain(t) for t in todo)),
        *_voice(body, options, **ctx),  # who the paper's voice assumes: to check before issue
        *_s55_note(asks, duty, deadline, options, **ctx),
        # the tool saw no plan, which is not to say the force has none (read 30-C)
        *(() if options.plan else ours("committee_plan_check.j2", options)),
    ), Tone.WARNING)
    blocks: list[Block] = [
        Heading(1, wording("committee_title.j2", options, **ctx), anchor="committee"),
        *constructed_notice(report, options, "paper"),
        head_table, *unknown_callout(report, options, "paper"), *body,
        Heading(2, "Source and licence", anchor="committee-source"),
        *attribution(report, options, **ctx,
                     plan_title=options.plan.title if options.plan else None),
        # the checklist is the preparer's, never the committee's: a part of its own, to remove
        PageBreak(numbered_apart=NOTES_PAGES),  # the paper's pages counted without them
        Heading(2, PREPARER_TITLE, anchor="committee-preparer"),
        Paragraph(plain(PREPARER_LEAD), style=ParaStyle.SMALL),
        checklist,
    ]
    return Section("committee", tuple(blocks))


def _voice(paper: list[Block], options: Options, **ctx: Any) -> tuple[Paragraph, ...]:
    """Return the preparer's note on the paper's voice, naming the paragraphs it affects.

    The paper asks the committee to seek assurance from (or to ask) the chief officer:
    the voice of an officer of the local policing body or of the committee.  A chief
    officer presenting it would be asking for assurance from themselves, so the note
    names each paragraph to recast; none when no paragraph asks the chief officer.
    """
    chief = ctx["chief_officer"]
    asks = (f"from the {chief}", f"ask the {chief}")
    paras = [b.number for b in paper if isinstance(b, NumberedParagraph)
             and any(a in inline_text(b.runs) for a in asks)]
    if not paras:
        return ()
    return ours("committee_voice.j2", options, paras=paras, **ctx)


def _s55_note(asks: list[Block], duty: str, deadline: date | None, options: Options,
              **ctx: Any) -> tuple[Paragraph, ...]:
    """Return the preparer's note on the section 55 ask: to recast once the date is known.

    Read 35-C: with the deadline passed, the ask is conditional until the author says
    whether the comments were published; with it ahead, a meeting after it makes "are
    due by" stale.  None when no ask names the comments.
    """
    ask = next((b.number for b in asks if isinstance(b, NumberedParagraph)
                and "the comments of" in inline_text(b.runs)), "")
    if not ask or deadline is None:
        return ()
    return ours("committee_s55_note.j2", options, ask=ask, duty=duty, deadline=deadline,
                passed=deadline < options.as_of_date, **ctx)
