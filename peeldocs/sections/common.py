"""Helpers shared by the section builders: tones, badges, figure wording."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from peeldocs.blocks import (
    Block,
    BulletList,
    Cell,
    GradeBadge,
    Inline,
    Paragraph,
    ParaStyle,
    Text,
    Tone,
    plain,
)
from peeldocs.model import (
    UNKNOWN,
    CauseOfConcern,
    Finding,
    Grade,
    Judgment,
    KeyFigure,
    Outcome,
    Passage,
    Report,
    Status,
    Unit,
    cited_title,
    cycle_words,
    missing_areas,
    missing_questions,
    questions_unread,
)
from peeldocs.model.bodies import (
    chief_inspector_title,
    chief_officer,
    inspectorate_name,
    policing_body,
)
from peeldocs.options import Options
from peeldocs.prose import count_words, join_words, sentence_case
from peeldocs.resources import __version__
from peeldocs.wording import render_text

_GRADE_TONES = {
    Grade.OUTSTANDING: Tone.OUTSTANDING,
    Grade.GOOD: Tone.GOOD,
    Grade.ADEQUATE: Tone.ADEQUATE,
    Grade.REQUIRES_IMPROVEMENT: Tone.REQUIRES_IMPROVEMENT,
    Grade.INADEQUATE: Tone.INADEQUATE,
}


def judgment_tone(judgment: Judgment) -> Tone:
    """Return the tone for a judgment: its grade's, "no grade", or neutral when unknown."""
    if judgment.is_unknown:
        return Tone.NEUTRAL
    return Tone.NO_GRADE if judgment.grade is None else _GRADE_TONES[judgment.grade]


def verdict_word(report: Report) -> str:
    """Return what a report's tables call each verdict: "Grade" by area, else "Judgment"."""
    return "Grade" if report.is_assessment else "Judgment"


def badge(judgment: Judgment, key: str = "Judgment") -> GradeBadge:
    """Return a grade badge: the grade (or status) in words, with its status note.

    ``key`` introduces it: "Judgment" for a pillar and its questions, "Grade" for
    an area of a force assessment (whose pack speaks of grades by area).
    """
    if judgment.is_unknown:
        label = judgment.describe()
    else:
        label = judgment.grade.label if judgment.grade else judgment.status.value.capitalize()
    note = judgment.status_note()
    if note is not None and note.rstrip(".").lower() == f"{label} in this inspection".lower():
        note = None  # "Ungraded" needs no "Ungraded in this inspection." beside it
    return GradeBadge(label=label, tone=judgment_tone(judgment), note=note, key=key)


def judgment_cell(judgment: Judgment) -> Cell:
    """Return a table cell showing a judgment in words and tone, never blank."""
    return Cell(plain(judgment.describe(), bold=True), tone=judgment_tone(judgment))


def outcome_cell(outcome: Outcome) -> Cell:
    """Return a cell for an earlier finding's outcome; lack of progress is flagged."""
    if outcome is Outcome.NOT_ENOUGH_PROGRESS:
        return Cell(plain("Not enough progress: carried forward", bold=True), tone=Tone.WARNING)
    return Cell(plain(outcome.value.capitalize()), tone=None)


def number(value: float) -> str:
    """Format a number as the report would: 83.9, 45, 1,200."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}" if round(value, 1) == value else f"{value:,}"


_SUFFIX = {Unit.PERCENT: "%", Unit.PER_100000: " per 100,000", Unit.PER_1000: " per 1,000",
           Unit.DAYS: " days"}


def figure_value(fig: KeyFigure, value: float | None = None) -> str:
    """Format a figure's value with its unit ("20.6%", "45 of 60 files", "£3")."""
    value = fig.value if value is None else value
    if fig.numerator is not None and fig.denominator is not None and value == fig.value:
        return f"{fig.numerator} of {fig.denominator}" + (f" {fig.noun}" if fig.noun else "")
    if fig.unit is Unit.POUNDS:
        return f"£{number(value)}"
    return number(value) + _SUFFIX.get(fig.unit, "")


def comparison_phrase(comparison: str | None) -> str:
    """Return the words before a comparator: "higher than", "in line with", "third highest in"."""
    words = (comparison or "").strip()
    if not words:
        return "compared with"
    last = words.split()[-1].lower()
    if last in ("higher", "lower", "more", "less", "fewer", "better", "worse", "greater"):
        return f"{words} than"
    if last.endswith("est"):
        return f"{words} in"
    if words.lower() in ("similar", "close"):
        return f"{words} to"
    if words.lower() in ("in line", "level", "consistent"):
        return f"{words} with"
    return words if last in ("above", "below", "than", "with", "to", "in") else (
        f"{words}, compared with")


_DETERMINERS = frozenset(("the", "a", "an", "its", "their", "other", "all", "most", "many",
                          "some", "every", "each", "similar", "comparable"))


def comparator_in_prose(comparator: str) -> str:
    """Return a comparator as a sentence names it: "the national standard", "England and Wales".

    A comparator worded in lower case is a common noun ("national standard", "most
    similar group"), which a sentence needs "the" before; a name is left as written.
    """
    first = comparator.split(" ", 1)[0]
    if not first or not first[0].islower() or first in _DETERMINERS:
        return comparator
    return f"the {comparator}"


def figure_comparison(fig: KeyFigure) -> str:
    """Describe a figure's comparator and previous value in words, or an em dash."""
    parts = []
    if fig.comparator:
        stated = figure_value(fig, fig.comparator_value) if fig.comparator_value is not None else ""
        parts.append(f"{comparison_phrase(fig.comparison)} {comparator_in_prose(fig.comparator)}"
                     + (f" ({stated})" if stated else ""))
    if fig.previous_value is not None:
        earlier = fig.previous_period or "an earlier period"
        parts.append(f"{figure_value(fig, fig.previous_value)} in {earlier}")
    return "; ".join(parts) if parts else "—"


def quoted(paragraphs: tuple[Passage, ...]) -> tuple[Paragraph | BulletList, ...]:
    """Return the inspectorate's paragraphs, verbatim, marked as quoted; lists stay lists."""
    out: list[Paragraph | BulletList] = []
    for p in paragraphs:
        if isinstance(p, str):
            out.append(Paragraph((Text(p),), style=ParaStyle.QUOTE))
            continue
        if p.lead:
            out.append(Paragraph((Text(p.lead),), style=ParaStyle.QUOTE))
        if p.items:
            out.append(points_list(p.items))
    return tuple(out)


def points_list(points: tuple[str, ...], *, sub: bool = False) -> BulletList:
    """Return the inspectorate's bullet points, verbatim, as a quoted list.

    ``sub`` marks the sub-points of the finding just before (shown indented).
    """
    return BulletList(tuple(plain(point) for point in points), style=ParaStyle.QUOTE,
                      level=1 if sub else 0)


def ours(name: str, options: Options, **context: Any) -> tuple[Paragraph, ...]:
    """Return our own wording from template ``name`` as body paragraphs."""
    texts = render_text(name, options.template_dir, **context)
    return tuple(Paragraph(plain(t)) for t in texts)


def wording(name: str, options: Options, **context: Any) -> str:
    """Return a one-paragraph template as a string."""
    return " ".join(render_text(name, options.template_dir, **context))


def pillar_words(report: Report) -> str | None:
    """Return the pillar as wording shows it; an unknown pillar is marked for checking."""
    if report.pillar == UNKNOWN:
        return "[pillar not found in the imported text]"
    return report.pillar


def unread_clause(report: Report) -> str:
    """Return what of the report's questions or areas the data lacks, as a clause, or "".

    For example "of the report’s ten areas of policing, nine were not found in
    the imported text".  Where it is not empty, no document may say what the
    report does not contain: the part that would hold it was not read.
    """
    if not questions_unread(report):
        return ""
    missing = missing_areas(report)
    if missing and report.areas_assessed and not report.questions:
        return (f"none of the report’s {count_words(report.areas_assessed)} areas of policing "
                "was found in the imported text")
    if missing and report.areas_assessed:
        return (f"of the report’s {count_words(report.areas_assessed)} areas of policing, "
                f"{count_words(missing)} {'was' if missing == 1 else 'were'} not found in the "
                "imported text")
    lacking = missing_questions(report)
    if lacking and report.questions_expected:
        return (f"of the report’s {count_words(report.questions_expected)} questions, "
                f"{count_words(lacking)} {'was' if lacking == 1 else 'were'} not found in the "
                "imported text")
    if report.unseen and not report.questions_not_found:
        return (f"{join_words(report.unseen)} {'was' if len(report.unseen) == 1 else 'were'} "
                "not found in the imported text")
    if report.is_assessment:
        other = "other " if report.questions else ""
        return f"the report’s {other}areas of policing were not found in the imported text"
    return "the report’s questions were not found in the imported text"


def unread_row(report: Report) -> tuple[Cell, Cell, Cell] | None:
    """Return a table row standing for the areas the data lacks ("Nine more areas ..."), or None."""
    missing = missing_areas(report)
    if not missing:
        return None
    more = " more" if report.questions else ""  # none found: all the areas, not "more"
    what = f"{sentence_case(count_words(missing))}{more} area{'' if missing == 1 else 's'} " \
           "the report assesses"
    return (Cell(plain("—")), Cell(plain(what)), judgment_cell(Judgment(Status.UNKNOWN)))


def judged_noun(report: Report) -> str:
    """Return what each judgment is of: an area, a pillar (on an overview) or a question."""
    if report.is_assessment:
        return "area"
    return "pillar" if report.is_overview else "question"


def report_context(report: Report, options: Options) -> dict[str, Any]:
    """Return the names every wording template may use."""
    return {
        "force": report.force, "cycle": cycle_words(report.cycle), "pillar": pillar_words(report),
        "is_assessment": report.is_assessment, "illustrative": report.illustrative,
        "overview": report.is_overview, "noun": judged_noun(report),
        "title": cited_title(report), "headline_question": report.headline_question,
        "judgment": report.judgment, "audience": options.audience,
        "publisher": report.publisher, "last_updated": report.last_updated,
        "source_url": report.source_url, "licence": report.licence,
        "as_of": options.as_of_date, "version": __version__, "unread": unread_clause(report),
        **_bodies(report, options.as_of_date),
    }


def _bodies(report: Report, on: date) -> dict[str, Any]:
    """Return who answers the report under section 55 on ``on``, and the inspectorate's names."""
    body = policing_body(report.force, on)
    return {"body": body, "who": f"the {body.office}" if body else "the local policing body",
            "body_short": body.short if body else "local policing body",
            "chief_officer": chief_officer(report.force),
            "inspectorate": inspectorate_name(on), "chief_inspector": chief_inspector_title(on)}


def finding_items(findings: tuple[tuple[str, str], ...]) -> BulletList:
    """Return a list of findings, each led by its id in bold."""
    items: list[tuple[Inline, ...]] = [
        (Text(f"{fid} ", bold=True), Text(text)) for fid, text in findings
    ]
    return BulletList(tuple(items), style=ParaStyle.QUOTE)


def finding_blocks(findings: Sequence[Finding | CauseOfConcern]) -> tuple[Block, ...]:
    """Return a list of findings led by their ids; a finding's sub-points follow it as a list."""
    out: list[Block] = []
    run: list[tuple[str, str]] = []
    for finding in findings:
        run.append((finding.id, finding.text))
        if finding.points:
            out += [finding_items(tuple(run)), points_list(finding.points, sub=True)]
            run = []
    if run:
        out.append(finding_items(tuple(run)))
    return tuple(out)
