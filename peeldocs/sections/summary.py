"""The executive summary: judgments, the report's own summary, findings and figures."""

from __future__ import annotations

from peeldocs.blocks import (
    BarChart,
    Block,
    Cell,
    Figure,
    Heading,
    Section,
    Series,
    Table,
    Text,
    plain,
)
from peeldocs.model import FindingKind, Question, Report, Status, cycle_words
from peeldocs.options import Options
from peeldocs.prose import join_words, questions_phrase, sentence_case
from peeldocs.sections.common import (
    badge,
    comparator_in_prose,
    judged_noun,
    judgment_cell,
    number,
    ours,
    outcome_cell,
    report_context,
)
from peeldocs.sections.counts import findings_counts
from peeldocs.sections.editorial import fragment
from peeldocs.sections.notices import quoted_from


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

    The chart carries every value as text (and its alt text states them), so no
    table beside it repeats them; a figure's period, when stated, is in its label.
    """
    figs = [f for f in report.key_figures if f.comparator_value is not None]
    if not figs:
        return ()
    comparators = sorted({f.comparator or "" for f in figs})
    units = {f.unit for f in figs}
    suffix = "%" if units == {figs[0].unit} and figs[0].unit.value == "percent" else ""
    chart = BarChart(
        categories=tuple(f"{f.label} ({f.period})" if f.period else f.label for f in figs),
        series=(Series(report.force.short_name, tuple(f.value for f in figs)),
                Series(sentence_case(" / ".join(comparators)),
                       tuple(f.comparator_value or 0 for f in figs))),
        unit_suffix=suffix,
    )
    against = " / ".join(comparator_in_prose(c) for c in comparators)
    alt = f"Bar chart comparing {report.force.short_name} with {against}: "
    alt += ". ".join(  # sentences: each figure's label keeps its own capital
        f"{f.label}{f' ({f.period})' if f.period else ''}: {number(f.value)}{suffix} against "
        f"{number(f.comparator_value or 0)}{suffix}"
        for f in figs
    ) + "."
    return (Figure(chart, alt=alt, caption=f"{report.force.short_name} against {against}, "
                                           "as stated in the report"),)


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
    prior = report.prior_findings
    blocks: list[Block] = [
        Heading(1, "Executive summary", anchor="summary"),
        *ours("purpose.j2", options, **ctx),
        *ours("headline.j2", options, **ctx),
        *((badge(report.judgment),) if report.judgment else ()),
        Heading(2, f"Judgments by {judged_noun(report)}", anchor="summary-judgments"),
        *ours("question_counts.j2", options, total=len(qs), graded=graded, carried=carried,
              expected=report.questions_expected,
              ungraded=ungraded, **ctx),
        *((judgments_table(report),) if qs else ()),
        *((Heading(2, "What the inspectorate said", anchor="summary-said"),
           *quoted_from(report, report.summary)) if report.summary else ()),
        Heading(2, "Findings to act on", anchor="summary-findings"),
        *ours("findings_counts.j2", options, **findings_counts(report), overview=overview,
              unread=ctx["unread"]),
    ]
    if prior:
        afis = all(p.kind is FindingKind.AREA_FOR_IMPROVEMENT for p in prior)
        rows = tuple(  # each kind named unless all are areas for improvement, as the header says
            (Cell(plain(cycle_words(p.cycle))),
             Cell((Text(f"{p.id} ", bold=True),  # the reference the rest of the pack uses
                   Text(("" if afis else f"{p.kind.value.capitalize()}: ")
                        + fragment(p.text, p.kind.value)))),
             outcome_cell(p.outcome))
            for p in prior
        )
        what = "Earlier area for improvement" if afis else "Earlier finding"
        header = ((Cell(plain("Year")), Cell(plain(f"{what} (as quoted)")),
                   Cell(plain("Outcome"))),)
        blocks += [Table(header, rows, widths=(0.6, 4.4, 1.6), caption="Earlier findings revisited")]
    if options.plan is not None and "actions" not in options.sections:  # said there once
        from peeldocs.plans.rules import assess_plan, summarise
        from peeldocs.sections.plan_table import summary_paragraphs

        plan_summary = summarise(assess_plan(options.plan, options.as_of_date))
        blocks += summary_paragraphs(plan_summary, options, report)
    figures = figures_with_comparator(report)
    if figures:
        blocks += [Heading(2, "Key figures compared", anchor="summary-figures"),
                   *figures]
    return Section("summary", tuple(blocks))

