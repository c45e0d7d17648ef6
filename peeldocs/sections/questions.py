"""Question detail: one part per question, judgment and actions first, then findings."""

from __future__ import annotations

from collections.abc import Sequence

from peeldocs.blocks import (
    Block,
    BulletList,
    Callout,
    Cell,
    Heading,
    Inline,
    Paragraph,
    ParaStyle,
    Section,
    Table,
    Text,
    Tone,
    plain,
)
from peeldocs.model import (
    CauseOfConcern,
    Finding,
    Outcome,
    Question,
    Report,
    Status,
    cycle_words,
    questions_unread,
    unknown_facts,
)
from peeldocs.model.report import TextRecommendation, text_recommendations
from peeldocs.options import Options
from peeldocs.prose import fragment, join_words
from peeldocs.sections.brief_items import quotation
from peeldocs.sections.common import (
    badge,
    figure_comparison,
    figure_value,
    finding_blocks,
    judged_noun,
    ours,
    points_list,
    quoted,
    report_context,
)
from peeldocs.sections.notices import (
    EARLIER_WORDS,
    about_pack,
    closes_pack,
    question_text,
    quoting_notes,
)
from peeldocs.sections.quoting import (
    QUESTIONS,
    elsewhere,
    practice_quoted_or_named,
    quoted_or_named,
    referred,
)
from peeldocs.sections.refs import example_ref, references_used_by

BOX_LEVEL = 3
"""A box under a question's heading (level 2) is a part of it: its label is a level-3 heading,
as the report's own headings there are (read 25-P: screen readers skipped plain labels)."""


def quotes_anything(q: Question) -> bool:
    """Return True when a question (or area) holds any of the report's words to quote."""
    return bool(q.causes_of_concern or q.areas_for_improvement or q.notable_practice
                or q.summary or q.intro or q.findings)


def question_heading(q: Question, overview: bool = False) -> str:
    """Return the heading text for a question (on an overview, the pillar's name alone)."""
    return q.title if overview else f"Question {q.number}: {q.title}"


def _question(report: Report, q: Question, refer: dict[str, str],
              found: tuple[TextRecommendation, ...] = ()) -> list[Block]:
    anchor = f"q{q.number}"
    heading = question_heading(q, overview=report.is_overview)
    blocks: list[Block] = [Heading(2, heading, anchor=anchor), badge(q.judgment)]
    if q.areas_for_improvement:
        blocks.append(Callout("Area for improvement" if len(q.areas_for_improvement) == 1
                              else "Areas for improvement",
                              quoted_or_named(q.areas_for_improvement, refer), Tone.WARNING, level=BOX_LEVEL))
    blocks.extend(cause_callout(cause, finding_blocks(cause.recommendations))
                  for cause in q.causes_of_concern)
    blocks.extend(stated_callout(report, q, found, refer))
    blocks.extend(none_listed(report, q, found))
    if q.notable_practice:
        blocks.append(Callout("Notable practice", practice_quoted_or_named(q.notable_practice, refer),
                              Tone.NEUTRAL, level=BOX_LEVEL))
    blocks.extend(earlier_findings(report, q, refer))
    blocks.extend(quoted(q.summary))  # labelled once, at the head of the section
    blocks.extend(quoted(q.intro))
    for n, section in enumerate(q.findings, start=1):
        if section.heading:
            blocks.append(Heading(3, section.heading, anchor=f"{anchor}-{n}"))
        blocks.extend(quoted(section.paragraphs))
    blocks.extend(stated_figures(report, q, f"question {q.number}"))
    if not quotes_anything(q) and any(u.startswith(f"the findings of question {q.number} ")
                                      for u in report.unseen):  # graded in the summary only
        blocks.append(Paragraph(plain("The findings under this question were not found in the "
                                      "imported text; check them against the published report.")))
    return blocks


def none_listed(report: Report, q: Question,
                found: tuple[TextRecommendation, ...]) -> tuple[Block, ...]:
    """Return the line saying the report lists no finding to act on under a question, if so.

    Said only when known: the whole report was read (no unknown fact, no question
    or area missing), so an unread part never becomes "the report lists no ...".
    """
    if (q.areas_for_improvement or q.causes_of_concern or report.is_overview
            or any(r.question == q.number for r in found)
            or questions_unread(report) or unknown_facts(report)):
        return ()
    if report.is_assessment:
        what = "areas for improvement or causes of concern in this area"
    else:
        causes = any(c.causes_of_concern for c in report.questions)
        what = ("areas for improvement or causes of concern" if causes
                else "areas for improvement") + " under this question"
    return (Paragraph(plain(f"The report lists no {what}.")),)


def cause_callout(cause: CauseOfConcern, recommendations: Sequence[Block]) -> Callout:
    """Return the call-out of a cause of concern: its id and words, sub-points, then its recommendations."""
    body: list[Block] = [Paragraph((Text(f"{cause.id} ", bold=True), Text(cause.text)),
                                   style=ParaStyle.QUOTE)]
    if cause.points:
        body.append(points_list(cause.points, sub=True))
    if cause.recommendations:
        body.append(Paragraph(plain("Recommendations", bold=True)))
        body.extend(recommendations)
    return Callout("Cause of concern", tuple(body), Tone.WARNING, level=BOX_LEVEL)


def stated_callout(report: Report, q: Question,
                   found: tuple[TextRecommendation, ...] | None = None,
                   refer: dict[str, str] | None = None) -> tuple[Block, ...]:
    """Return the call-out of recommendations made in the text of a question's findings, if any.

    ``found`` is :func:`~peeldocs.model.report.text_recommendations` of the report,
    when the caller has it (one search per report, not one per question).  One quoted
    earlier in the pack (its id in ``refer``, with where) is named, not quoted again, as
    the areas for improvement are (read 36: the joint recommendation was quoted in full
    in its question's box, as well as in the summary and the question's own text).
    """
    found = text_recommendations(report) if found is None else found
    stated = [Finding(r.id, r.text) for r in found if r.question == q.number]
    if not stated:
        return ()
    one = len(stated) == 1  # the title says where the report makes it: no note repeats it
    refer = refer or {}
    here = [f for f in stated if f.id not in refer]
    body: list[Block] = list(finding_blocks(here)) if here else []
    places: dict[str, list[str]] = {}
    for f in stated:
        if f.id in refer:
            places.setdefault(refer[f.id], []).append(f.id)
    body += [Paragraph(plain(f"{join_words(ids)} {'is' if len(ids) == 1 else 'are'} quoted in "
                             f"{where}.")) for where, ids in places.items()]
    return (Callout(f"{'Recommendation' if one else 'Recommendations'} made in the findings",
                    tuple(body), Tone.WARNING, level=BOX_LEVEL),)


def earlier_findings(report: Report, q: Question,
                     refer: dict[str, str] | None = None) -> tuple[Block, ...]:
    """Return the call-out of earlier findings this question or area revisits, if any.

    A finding in ``refer`` (its id, and where the pack quotes it) is named, not
    quoted again.  The report's verdict on them is said once: not at all when the
    question's quoted text below already holds it word for word, once after the list
    when the findings share it, else with each finding.
    """
    refer = refer or {}
    prior = [p for p in report.prior_findings if p.question == q.number]
    if not prior:
        return ()
    verdicts = {" ".join(p.verdict.split()) for p in prior if p.verdict}
    quoted = question_text(q)
    unsaid = {v for v in verdicts if v not in quoted}
    shared = len(prior) > 1 and len(unsaid) == 1 and all(
        " ".join(p.verdict.split()) in unsaid for p in prior)
    lines: list[tuple[Inline, ...]] = []
    for p in prior:
        flag = " (carried forward)" if p.outcome is Outcome.NOT_ENOUGH_PROGRESS else ""
        verdict = " ".join(p.verdict.split())
        said = () if shared or verdict not in unsaid else (Text(f" {verdict}", italic=True),)
        if p.id in refer:
            words: tuple[Inline, ...] = (
                Text(f"({cycle_words(p.cycle)} {p.kind.value}, quoted in {refer[p.id]}). "),)
        elif " ".join(p.text.split()) in quoted:  # its words are in the text below, whole
            # what it was about, in the report's words: its opening, cut at a clause (read 33:
            # "described in this question's findings" alone told the reader nothing)
            opening = quotation(fragment(" ".join(p.text.split()), p.kind.value), EARLIER_WORDS)
            words = (Text(f"{cycle_words(p.cycle)} {p.kind.value}: ", bold=True),
                     Text(f"“{opening}” "))
        else:
            words = (Text(f"{cycle_words(p.cycle)} {p.kind.value}: ", bold=True),
                     Text(fragment(p.text, p.kind.value) + " "))
        lines.append((Text(f"{p.id} ", bold=True), *words,
                      Text(f"Outcome: {p.outcome.value}{flag}.", bold=True), *said))
    body: list[Block] = [BulletList(tuple(lines))]
    if shared:
        body.append(Paragraph(plain(next(iter(unsaid)), italic=True)))
    return (Callout("Earlier findings revisited", tuple(body), Tone.NEUTRAL, level=BOX_LEVEL),)


def stated_figures(report: Report, q: Question, subject: str) -> tuple[Block, ...]:
    """Return the heading and table of figures stated for a question or area ("question 2")."""
    figs = [f for f in report.key_figures if f.question == q.number]
    if not figs:
        return ()
    header = ((Cell(plain("Figure")), Cell(plain("Value")), Cell(plain("Period")),
               Cell(plain("Compared with"))),)
    rows = tuple(
        (Cell(plain(f.label)), Cell(plain(figure_value(f))),
         Cell(plain(f.period or "Not stated")), Cell(plain(figure_comparison(f))))
        for f in figs
    )
    return (Heading(3, f"Figures stated for {subject}", anchor=f"q{q.number}-fig"),
            Table(header, rows, widths=(3.0, 1.3, 0.9, 2.2), caption=f"Figures for {subject}"))


def questions(report: Report, options: Options) -> Section:
    """Build the findings by question of a pillar report (an assessment's are in ``areas``)."""
    blocks: list[Block] = [Heading(1, f"Findings by {judged_noun(report)}", anchor="questions")]
    refer = elsewhere(report, options, QUESTIONS)
    blocks.extend(ours("questions_intro.j2", options, **report_context(report, options),
                       **referred(report, refer),
                       example=example_ref(report), used_by=references_used_by(options),
                       total=len(report.questions),
                       quotes=any(quotes_anything(q) for q in report.questions),
                       ungraded=any(q.judgment.status is Status.UNGRADED
                                    for q in report.questions)))
    blocks.extend(quoting_notes(report, report.questions, options))
    found = text_recommendations(report)  # searched once, not once per question
    for q in report.questions:
        blocks.extend(_question(report, q, refer, found))
    if closes_pack("questions", options):
        blocks.extend(about_pack(report, options))
    return Section("questions", tuple(blocks))
