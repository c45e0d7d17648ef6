"""The executive summary: judgments, the report's own summary, findings and figures."""

from __future__ import annotations

import re

from peeldocs.blocks import (
    BarChart,
    Block,
    BulletList,
    Cell,
    Figure,
    Heading,
    Inline,
    Paragraph,
    ParaStyle,
    Section,
    Series,
    Table,
    plain,
)
from peeldocs.model import Direction, KeyFigure, Question, Report, Status
from peeldocs.options import Options
from peeldocs.plans.findings import findings
from peeldocs.prose import join_words, questions_phrase, sentence_case
from peeldocs.sections.asks import plan_decisions
from peeldocs.sections.asks_lead import asks_blocks
from peeldocs.sections.bottom_line import bottom_line, s55_blocks, s55_due
from peeldocs.sections.calls import calls_blocks, follow_up
from peeldocs.sections.committee_figures import figure_line
from peeldocs.sections.common import (
    badge,
    comparator_in_prose,
    judged_noun,
    judgment_cell,
    number,
    ours,
    points_list,
    report_context,
    wording,
)
from peeldocs.sections.counts import findings_counts
from peeldocs.sections.due import due_line, due_sentence, what_is_due
from peeldocs.sections.earlier import earlier_parts
from peeldocs.sections.items import ItemKind, ResponseItem, item_runs
from peeldocs.sections.notices import about_pack, closes_pack, quoted_from
from peeldocs.sections.order import ordered_items
from peeldocs.sections.practice import practice_blocks


def judgments_table(report: Report) -> Table:
    """Return the table of every question (pillar, on an overview) with its judgment."""
    rows = tuple(
        (Cell(plain(str(q.number))), Cell(plain(q.title)), judgment_cell(q.judgment))
        for q in report.questions
    )
    noun = judged_noun(report)
    header = ((Cell(plain("No.")), Cell(plain(noun.capitalize())), Cell(plain("Judgment"))),)
    return Table(header, rows, widths=(0.45, 4.2, 1.9), caption=f"Judgments by {noun}")


def figures_with_comparator(report: Report) -> tuple[Block, ...]:
    """Return a chart of the figures stated with a comparator value, each bar labelled.

    One figure is a sentence instead (:func:`figures_heading` names it so).
    The chart carries every value as text (and its alt text states them), so no
    table beside it repeats them.  Every label gives the figure's period as the
    report states it, or says it is not stated; the caption says what a bar's length
    means only as far as it is true of every figure shown (:func:`size_note`).
    """
    figs = [f for f in report.key_figures if f.comparator_value is not None]
    if not figs:
        return ()
    if len(figs) == 1:  # one pair of bars would only repeat a sentence (issue 23 §3)
        return (Paragraph(plain(f"{figure_line(report, figs[0])}, as stated in the report.")),)
    comparators = sorted({f.comparator or "" for f in figs})
    units = {f.unit for f in figs}
    suffix = "%" if units == {figs[0].unit} and figs[0].unit.value == "percent" else ""
    chart = BarChart(
        categories=tuple(f"{f.label} ({_period(f)})" for f in figs),
        series=(Series(report.force.short_name, tuple(f.value for f in figs)),
                Series(sentence_case(" / ".join(comparators)),
                       tuple(f.comparator_value or 0 for f in figs))),
        unit_suffix=suffix,
    )
    against = " / ".join(comparator_in_prose(c) for c in comparators)
    alt = f"Bar chart comparing {report.force.short_name} with {against}: "
    alt += ". ".join(  # sentences: each figure's label keeps its own capital
        f"{f.label} ({_period(f)}): {number(f.value)}{suffix} against "
        f"{number(f.comparator_value or 0)}{suffix}"
        for f in figs
    ) + "."
    note = size_note(figs)
    caption = f"{report.force.short_name} against {against}, as stated in the report."
    return (Figure(chart, alt=f"{alt} {note}".rstrip(), caption=f"{caption} {note}".rstrip()),)


def figures_blocks(report: Report) -> list[Block]:
    """Return the key figures compared, under a heading that counts them, or nothing."""
    figures = figures_with_comparator(report)
    if not figures:
        return []
    return [Heading(2, figures_heading(figures), anchor="summary-figures"), *figures]


def figures_heading(figures: tuple[Block, ...]) -> str:
    """Return "Key figures compared", or "Key figure compared" over a one-figure sentence."""
    return "Key figure compared" if isinstance(figures[0], Paragraph) else "Key figures compared"


_SIZE_ONLY = "A longer bar is a higher figure, not a better one."


def size_note(figs: list[KeyFigure]) -> str:
    """Return what a longer bar means, said only where it is true of every figure shown.

    Every figure's direction known (from the source): better, or worse, or which.
    A figure of unknown direction against a comparator that is not a standard or a
    target: a longer bar is not (or not necessarily) a better one.  Otherwise (each
    of unknown direction is measured against a standard or target, whose bar is the
    level to reach) nothing is said.
    """
    directions = {f.direction for f in figs}
    if Direction.NEUTRAL not in directions:
        if directions == {Direction.HIGHER_BETTER}:
            return "For each of these figures, a longer bar is better."
        if directions == {Direction.LOWER_BETTER}:
            return "For each of these figures, a longer bar is worse."
        return "A longer bar is a higher figure: better for some of these figures, worse for others."
    loose = [f for f in figs if f.direction is Direction.NEUTRAL
             and not re.search(r"\b(standard|target)s?\b", f.comparator or "", re.IGNORECASE)]
    if not loose:
        return ""
    return _SIZE_ONLY if directions == {Direction.NEUTRAL} else (
        "A longer bar is a higher figure, not necessarily a better one.")


def _period(figure: KeyFigure) -> str:
    """Return the period a figure covers as the report gives it, or say it is not stated."""
    return figure.period or "period not stated"


def said_blocks(report: Report, heading: str) -> tuple[Block, ...]:
    """Return the report's own summary, quoted under ``heading``, or nothing without one.

    It follows the judgments (grades): the inspectorate's words on them come before
    what is to be done, not after the figures.
    """
    if not report.summary:
        return ()
    return (Heading(2, heading, anchor="summary-said"), *quoted_from(report, report.summary))


def live_and_due(report: Report, options: Options) -> list[Block]:
    """Return the live findings quoted, then earlier ones addressed, then what is due.

    In the order of :func:`~peeldocs.sections.order.ordered_items`; then the earlier
    findings the report does not carry forward (:func:`addressed_blocks`); then
    :func:`due_blocks`.
    """
    published = options.published or report.published
    live = ordered_items(report)
    blocks: list[Block] = []
    run: list[tuple[Inline, ...]] = []
    blocks += list_intro(report, options, live)
    for i in live:  # a finding's sub-points follow it as an indented list, as in the findings
        now = follow_up(report, i.id) if i.kind is ItemKind.CARRIED_FORWARD else None
        run.append(item_runs(i, published, options.as_of_date, report.is_assessment,
                             points_apart=bool(i.points), now=now or ""))
        if i.points:
            blocks += [BulletList(tuple(run), style=ParaStyle.QUOTE), points_list(i.points, sub=True)]
            run = []
    if run:
        blocks.append(BulletList(tuple(run), style=ParaStyle.QUOTE))
    blocks += addressed_blocks(report, options)  # with the findings, not under the deadlines
    return blocks + due_blocks(report, options, frozenset(i.id for i in live if i.deadline))


def followed_up(report: Report) -> frozenset[str]:
    """Return what the report now asks of each earlier finding it carries forward, as quoted.

    :func:`live_and_due` quotes each after the finding's words, so the list of other
    calls to act neither repeats nor counts it.
    """
    said = (follow_up(report, i.id) for i in ordered_items(report)
            if i.kind is ItemKind.CARRIED_FORWARD)
    return frozenset(s for s in said if s)


def list_intro(report: Report, options: Options, items: list[ResponseItem],
               in_table: bool = False) -> tuple[Block, ...]:
    """Say what the list of findings to act on holds, and its order, before it.

    ``in_table``: the causes of concern and their recommendations are in the table
    above (a force assessment), so the list holds the rest.  The order is said where
    it shows: when findings of one kind come from more than one question or area.
    Without a table, nothing is said unless the order shows.
    """
    kinds: dict[ItemKind, set[int | None]] = {}
    for item in items:
        kinds.setdefault(item.kind, set()).add(item.question)
    spread = any(len(at) > 1 for at in kinds.values())
    if not (in_table or spread):
        return ()
    named = [k.value if sum(i.kind is k for i in items) == 1 else k.plural() for k in kinds]
    practice = in_table and any(q.notable_practice for q in report.questions)
    return ours("act_list_intro.j2", options, in_table=in_table, practice=practice,
                spread=spread, kinds=named, noun=judged_noun(report))


def addressed_blocks(report: Report, options: Options) -> tuple[Block, ...]:
    """Return the sentence on earlier findings the report does not carry forward, by reference.

    It closes the findings to act on: good news about the report, not a deadline.
    """
    return ours("addressed.j2", options, **earlier_parts(report, quoted=False))  # quoted below


def due_blocks(report: Report, options: Options,
               listed: frozenset[str] = frozenset()) -> list[Block]:
    """Return what is overdue and due next, item by item.

    The plan's overdue items and those due next, or the report's own deadlines
    (each named unless ``listed`` above with its date; those passed always, briefly, by
    reference and date), and the section 55 deadline.
    """
    due = what_is_due(report, options)
    # only a plan can say what is overdue: without one, the report's deadlines
    title = "What is overdue and due next" if due.has_plan else "Deadlines and what is due next"
    live = s55_due(report, options)
    blocks: list[Block] = [Heading(3, title, anchor="summary-due"), *live,
                           Paragraph(plain(due_sentence(due, options, listed, dates=True)))]
    asked = " ".join(plan_decisions(report, options)) if due.has_plan else ""
    # an item the asks give with its date: who, not when again (read 35: each status once);
    # one the asks allocate (it has no owner yet) is not listed again (read 36)
    shown = [i for i in due.items if f"Allocate {i.ref}," not in asked]
    if due.has_plan and shown:
        blocks.append(BulletList(tuple(due_line(i, when=f"{i.ref}," not in asked)
                                       for i in shown)))
    # the section 55 deadline in full, said once in the pack: here, even once long passed
    return blocks if live else [*blocks, *s55_blocks(report, options)]


def summary(report: Report, options: Options) -> Section:
    """Build the executive summary of a pillar report (aimed at two pages).

    A force assessment's is :func:`peeldocs.sections.assessment_summary.assessment_summary`;
    the document kind chooses which (see :mod:`peeldocs.build.documents`).
    """
    ctx = report_context(report, options)
    qs = list(report.questions)
    graded_by: dict[str, list[Question]] = {}
    for q in qs:
        if q.judgment.status is Status.GRADED and q.judgment.grade:
            graded_by.setdefault(q.judgment.grade.value, []).append(q)
    overview = report.is_overview  # an overview's questions are its pillars: name them
    graded = [(g, sentence_case(join_words(q.title.lower() for q in v)) if overview
               else sentence_case(questions_phrase([q.number for q in v])), len(v))
              for g, v in graded_by.items()]
    carried = [q for q in qs if q.judgment.status is Status.CARRIED_OVER]
    ungraded = [q for q in qs if not q.judgment.status.has_grade]
    blocks: list[Block] = [
        Heading(1, "Executive summary", anchor="summary"),
        # what matters most first, the overall judgment leading; then what the pack is
        *bottom_line(report, options, wording("headline.j2", options, **ctx)),
        # the overall judgment's badge is on the cover, when the pack has one: shown once
        *((badge(report.judgment),) if report.judgment and "cover" not in options.sections
          else ()),
        *asks_blocks("purpose.j2", report, options, to_act=bool(findings(report)), **ctx),
        Heading(2, f"Judgments by {judged_noun(report)}", anchor="summary-judgments"),
        # the table below gives every judgment: the words say only what it cannot (said once)
        *ours("question_counts.j2", options, total=len(qs),
              graded=graded if ctx["unread"] or not qs else [], carried=carried,
              expected=report.questions_expected,
              ungraded=ungraded if ctx["unread"] else [q for q in ungraded
                                                       if q.judgment.is_unknown], **ctx),
        *((judgments_table(report),) if qs else ()),
        # the report's own summary right after its judgments, before what is to be done
        *said_blocks(report, "What the inspectorate said"),
        # what is due now comes before the report's own summary
        Heading(2, "Findings to act on", anchor="summary-findings"),
        *ours("findings_counts.j2", options, **findings_counts(report), overview=overview,
              unread=ctx["unread"]),
        *live_and_due(report, options),
        # what the report says should be done, not listed as findings
        *calls_blocks(report, planned=options.plan is not None, shown=followed_up(report)),
    ]
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

