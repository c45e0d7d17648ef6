"""Findings by area for a force assessment: grade, causes of concern first, then findings.

Each area opens with its grade badge, then its causes of concern with their
recommendations and due dates, areas for improvement, innovative or promising
practice and earlier findings revisited, then the report's main findings and
its findings under their headings, quoted, and the figures it states.
"""

from __future__ import annotations

from datetime import date

from peeldocs.blocks import (
    Block,
    BulletList,
    Callout,
    Heading,
    Inline,
    Paragraph,
    ParaStyle,
    Section,
    Text,
    Tone,
    plain,
)
from peeldocs.model import CauseOfConcern, Question, Report
from peeldocs.model.deadlines import describe_deadline
from peeldocs.model.report import TextRecommendation, text_recommendations
from peeldocs.options import Options
from peeldocs.plans.findings import finding_text
from peeldocs.prose import join_words
from peeldocs.sections.common import (
    badge,
    ours,
    quoted,
    report_context,
)
from peeldocs.sections.notices import about_pack, closes_pack, quoting_notes
from peeldocs.sections.questions import (
    BOX_LEVEL,
    cause_callout,
    earlier_findings,
    none_listed,
    stated_callout,
    stated_figures,
)
from peeldocs.sections.quoting import (
    QUESTIONS,
    elsewhere,
    practice_quoted_or_named,
    quoted_or_named,
    referred,
)
from peeldocs.sections.refs import example_ref, references_used_by


def _cause(cause: CauseOfConcern, published: date | None, refer: dict[str, str]) -> Callout:
    if cause.id in refer:  # quoted in full once, earlier in the pack: named here
        recs = [r.id for r in cause.recommendations]
        if recs:
            text = (f"{cause.id} and {'its recommendation' if len(recs) == 1 else 'its recommendations'} "
                    f"{join_words(recs)} are quoted in full, with their deadlines, in "
                    f"{refer[cause.id]}.")
        else:
            text = f"{cause.id} is quoted in full in {refer[cause.id]}."
        return Callout("Cause of concern", (Paragraph(plain(text)),), Tone.WARNING, level=BOX_LEVEL)
    items: list[tuple[Inline, ...]] = [
        (Text(f"{r.id} ", bold=True), Text(finding_text(r)),
         Text(f" Due: {describe_deadline(r.deadline, published)}.", italic=True))
        for r in cause.recommendations
    ]
    return cause_callout(cause, (BulletList(tuple(items), style=ParaStyle.QUOTE),))


def _area(report: Report, q: Question, published: date | None,
          refer: dict[str, str], found: tuple[TextRecommendation, ...] = ()) -> list[Block]:
    anchor = f"q{q.number}"
    blocks: list[Block] = [Heading(2, q.title, anchor=anchor), badge(q.judgment, key="Grade")]
    blocks.extend(_cause(c, published, refer) for c in q.causes_of_concern)
    blocks.extend(stated_callout(report, q, found, refer))
    blocks.extend(none_listed(report, q, found))
    if q.areas_for_improvement:
        blocks.append(Callout("Area for improvement" if len(q.areas_for_improvement) == 1
                              else "Areas for improvement",
                              quoted_or_named(q.areas_for_improvement, refer), Tone.WARNING, level=BOX_LEVEL))
    if q.notable_practice:
        blocks.append(Callout("Innovative or promising practice",
                              practice_quoted_or_named(q.notable_practice, refer),
                              Tone.NEUTRAL, level=BOX_LEVEL))
    blocks.extend(earlier_findings(report, q, refer))
    if q.summary:
        blocks.append(Heading(3, "Main findings", anchor=f"{anchor}-main"))
        blocks.extend(quoted(q.summary))
    blocks.extend(quoted(q.intro))
    for n, section in enumerate(q.findings, start=1):
        if section.heading:
            blocks.append(Heading(3, section.heading, anchor=f"{anchor}-{n}"))
        blocks.extend(quoted(section.paragraphs))
    blocks.extend(stated_figures(report, q, q.title.lower()))
    return blocks


def areas(report: Report, options: Options) -> Section:
    """Build the findings-by-area section of a force assessment."""
    published = options.published or report.published
    blocks: list[Block] = [Heading(1, "Findings by area", anchor="questions")]
    refer = elsewhere(report, options, QUESTIONS)
    blocks.extend(ours("areas_intro.j2", options, **report_context(report, options),
                       **referred(report, refer),
                       example=example_ref(report), used_by=references_used_by(options),
                       total=len(report.questions)))
    blocks.extend(quoting_notes(report, report.questions, options))  # once, for every area
    found = text_recommendations(report)  # searched once, not once per area
    for q in report.questions:
        blocks.extend(_area(report, q, published, refer, found))
    if closes_pack("questions", options):
        blocks.extend(about_pack(report, options))
    return Section("questions", tuple(blocks))
