"""The executive summary of a force assessment: grades by area, then what is due, first.

A force assessment (2021/22 on) has no pillar and no overall grade.  Its
summary shows the grade of each area in a table and a chart of how many areas
sit at each grade, then every cause of concern with its recommendations and
their due dates, and the earlier causes of concern the report finds not enough
progress on (the report's order, as every list of the pack), the counts of findings, the
other live findings quoted, what is overdue and due next, the earlier findings
not carried forward by reference, the figures and the inspector's summary.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from peeldocs.blocks import (
    Block,
    BulletList,
    Cell,
    Heading,
    ParaStyle,
    Section,
    Table,
    Text,
    Tone,
    plain,
)
from peeldocs.model import Question, Report, Status, missing_areas
from peeldocs.model.deadlines import describe_deadline, due_date
from peeldocs.model.report import recommending_questions
from peeldocs.model.scales import Grade
from peeldocs.options import Options
from peeldocs.plans.findings import finding_text
from peeldocs.prose import join_words
from peeldocs.sections.asks_lead import asks_blocks
from peeldocs.sections.bottom_line import bottom_line, named_in_words
from peeldocs.sections.calls import calls_blocks
from peeldocs.sections.common import (
    judgment_cell,
    ours,
    report_context,
    unread_row,
)
from peeldocs.sections.counts import findings_counts
from peeldocs.sections.items import ItemKind, ResponseItem, item_runs
from peeldocs.sections.notices import about_pack, closes_pack
from peeldocs.sections.order import ordered_items, worst_first
from peeldocs.sections.practice import practice_blocks
from peeldocs.sections.summary import (
    addressed_blocks,
    due_blocks,
    figures_blocks,
    list_intro,
    said_blocks,
)


def inspector_heading(report: Report) -> str:
    """Return the heading the report gives its inspector's summary (2021/22: observations)."""
    return "HM Inspector’s observations" if report.cycle == "2021/22" else "HM Inspector’s summary"


def grades_table(report: Report) -> Table:
    """Return the table of every area with its grade in words and tone."""
    rows = tuple((Cell(plain(str(q.number))), Cell(plain(q.title)), judgment_cell(q.judgment))
                 for q in report.questions)
    if unread := unread_row(report):
        rows += (unread,)
    header = ((Cell(plain("No.")), Cell(plain("Area")), Cell(plain("Grade"))),)
    return Table(header, rows, widths=(0.45, 4.2, 1.9), caption="Grades by area")


def _names(questions: list[Question]) -> str:
    """Quote each area's name, so names that hold "and" or a comma stay apart in a list."""
    return join_words(f"‘{q.title}’" for q in questions)


def _due_cell(deadline: str | None, published: date | None, as_of: date) -> Cell:
    """Return a recommendation's deadline in words, marked when it passed before ``as_of``."""
    words = describe_deadline(deadline, published)
    due = due_date(deadline, published)
    if due is not None and due < as_of:
        return Cell((Text(words), Text(", passed", bold=True)), tone=Tone.RED)
    return Cell(plain(words))


def _through(recommendations: tuple[Any, ...]) -> str:
    """Return a cause of concern's deadline: those of its recommendations, named."""
    dated = [r.id for r in recommendations if r.deadline]
    if not dated:
        return "No deadline stated"
    return f"The deadline{'s' if len(dated) > 1 else ''} of {join_words(dated)}"


def earlier_causes(report: Report) -> list[ResponseItem]:
    """Return the earlier causes of concern the report finds not enough progress on, in order."""
    return [i for i in ordered_items(report) if i.kind is ItemKind.CARRIED_FORWARD
            and i.note and "cause of concern" in i.note]


def causes_table(report: Report, published: date | None,
                 as_of: date | None = None) -> tuple[Block, ...]:
    """Return every cause of concern, each followed by its recommendations and due dates.

    The inadequate area first, in the one order of every list of the pack
    (:func:`~peeldocs.sections.order.ordered_items`); then each earlier cause of
    concern on which the report finds not enough progress, which sets no new
    deadline.  A deadline that passed before ``as_of`` (when given) is marked as passed.
    """
    as_of = as_of or date.min
    rows: list[tuple[Cell, ...]] = []
    grouped: list[int] = []  # a cause of concern's rows stay on one page where they can
    for q in worst_first(report.questions):
        for cause in q.causes_of_concern:
            grouped += range(len(rows), len(rows) + len(cause.recommendations))
            rows.append((Cell((Text(cause.id, bold=True),)),
                         Cell(plain("Cause of concern", bold=True)),  # words, no shading
                         Cell(plain(q.title)), Cell(plain(finding_text(cause))),
                         Cell(plain(_through(cause.recommendations)))))
            for rec in cause.recommendations:
                rows.append((Cell((Text(rec.id, bold=True),)), Cell(plain("Recommendation")),
                             Cell(plain(q.title)), Cell(plain(finding_text(rec))),
                             _due_cell(rec.deadline, published, as_of)))
    titles = {q.number: q.title for q in report.questions}
    for item in earlier_causes(report):
        rows.append((Cell((Text(item.id, bold=True),)),
                     Cell(plain("Earlier cause of concern: not enough progress", bold=True)),
                     Cell(plain(titles.get(item.question or 0, "—"))), Cell(plain(item.text)),
                     Cell(plain("No new deadline set"))))
    if not rows:
        return ()
    header = (tuple(Cell(plain(h)) for h in
                    ("Ref", "Type", "Area", "Finding (verbatim)", "Due")),)
    return (Table(header, tuple(rows), widths=(1.4, 1.45, 1.3, 2.6, 1.45),  # a reference whole
                  caption="Causes of concern and recommendations", grouped_rows=tuple(grouped)),)


PRACTICE_AREAS_NAMED = 3
"""Up to this many areas with practice examples are named where the summary counts them."""


def _counts(report: Report) -> dict[str, Any]:
    """Return the findings counts of the pillar summary in an assessment's words."""
    ctx = findings_counts(report)
    ctx["practice"] = ctx["practice"].replace("of notable practice",
                                              "of innovative or promising practice")
    # named where few areas have an example; never "each area" unless every one has
    areas = [q.title for q in report.questions if q.notable_practice]
    ctx["practice_where"] = (  # quoted in the summary, below the findings (practice_blocks)
        f"under {join_words(f'‘{a}’' for a in areas)}, quoted below"
        if 0 < len(areas) <= PRACTICE_AREAS_NAMED else "quoted below")
    if ctx["recommending"]:
        recommending = set(recommending_questions(report))  # searched once, not per area
        names = [q.title for q in report.questions if q.number in recommending]
        ctx["recommending"] = join_words(names)
    return ctx


def assessment_summary(report: Report, options: Options) -> Section:
    """Build the executive summary of a force assessment."""
    ctx = report_context(report, options)
    published = options.published or report.published
    qs = list(report.questions)
    by_grade: dict[str, list[Question]] = {}
    for q in qs:
        if q.judgment.status is Status.GRADED and q.judgment.grade:
            by_grade.setdefault(q.judgment.grade.value, []).append(q)
    order = [g.value for g in Grade]
    graded = [(g, _names(by_grade[g]), len(by_grade[g]))
              for g in sorted(by_grade, key=order.index)]
    ungraded = [q for q in qs if not q.judgment.status.has_grade]
    causes = sum(len(q.causes_of_concern) for q in qs)
    recs = sum(len(c.recommendations) for q in qs for c in q.causes_of_concern)
    blocks: list[Block] = [
        Heading(1, "Executive summary", anchor="summary"),
        *bottom_line(report, options),  # what matters most first, before what the pack is
        *asks_blocks("assessment_purpose.j2", report, options, total=len(qs),
                     stated=report.areas_assessed, missing=missing_areas(report),
                     graded=sum(q.judgment.status.has_grade for q in qs),
                     unknown=sum(q.judgment.is_unknown for q in qs),
                     ungraded=sum(not q.judgment.status.has_grade and not q.judgment.is_unknown
                                  for q in qs), **ctx),
        Heading(2, "Grades by area", anchor="summary-judgments"),
        # the table below gives every grade: the words say only what it cannot (said once)
        *ours("area_counts.j2", options, graded=graded if ctx["unread"] else [],
              ungraded=ungraded if ctx["unread"] else [q for q in ungraded
                                                        if q.judgment.is_unknown],
              unread=ctx["unread"]),
        *ours("not_comparable.j2", options),
        grades_table(report),  # the counts are in words above: no chart repeats the table
        # the inspector's own words on the grades, before what is to be done
        *said_blocks(report, inspector_heading(report)),
        Heading(2, "Causes of concern and recommendations", anchor="summary-causes"),
        *ours("causes_intro.j2", options, causes=causes, recommendations=recs,
              earlier=[named_in_words(i, report) for i in earlier_causes(report)],
              published=published, unread=ctx["unread"]),
        *causes_table(report, published, options.as_of_date),
        Heading(2, "Findings to act on", anchor="summary-findings"),
        # practice is no finding to act on: it has its own section below (read 34)
        *ours("findings_counts.j2", options, **{**_counts(report), "practice": ""},
              overview=False, unread=ctx["unread"]),
    ]
    # the other live findings, in the report's order (the table above has the causes of
    # concern, earlier ones included, and their recommendations); then what is due
    listed = {c.id for q in qs for c in q.causes_of_concern} | {
        r.id for q in qs for c in q.causes_of_concern for r in c.recommendations} | {
        i.id for i in earlier_causes(report)}
    rest = [i for i in ordered_items(report) if i.id not in listed]
    if rest:  # what the list holds, and its order, said before it
        blocks += list_intro(report, options, rest, in_table=bool(listed))
        blocks.append(BulletList(tuple(item_runs(i, published, options.as_of_date, True)
                                       for i in rest), style=ParaStyle.QUOTE))
    blocks += addressed_blocks(report, options)  # with the findings, not under the deadlines
    blocks += due_blocks(report, options, frozenset(
        r.id for q in qs for c in q.causes_of_concern for r in c.recommendations if r.deadline))
    blocks += calls_blocks(report, planned=options.plan is not None)
    if options.plan is not None and "actions" not in options.sections:  # said there once
        from peeldocs.plans.rules import assess_plan, summarise
        from peeldocs.sections.plan_table import summary_paragraphs

        states = assess_plan(options.plan, options.as_of_date)
        blocks += summary_paragraphs(summarise(states), options, report, states)
    # what the report's text credits, in its own words: after what is to be done
    blocks += practice_blocks(report)
    blocks += figures_blocks(report)
    if closes_pack("summary", options):
        blocks += about_pack(report, options)
    return Section("summary", tuple(blocks))
