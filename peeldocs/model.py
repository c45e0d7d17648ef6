"""The PEEL report domain: plain, frozen dataclasses with no I/O and no rendering.

A :class:`Report` is one published HMICFRS PEEL report: one pillar page of one
force (2014 to 2018/19) or one whole-force assessment graded area by area (from
2021/22).  Every text field holds the inspectorate's words verbatim; fields the
source does not state are ``None`` or empty, and a judgment or pillar that was
not read is marked unknown, never guessed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from peeldocs.fielddoc import doc
from peeldocs.scales import (
    KNOWN_CYCLES,
    PILLARS,
    SCALE_GRADES,
    UNKNOWN,
    Grade,
    ReportKind,
    Scale,
    ScaledGrade,
    cycle_start_year,
    kind_for_cycle,
    normalise_cycle,
    scale_for_cycle,
)

__all__ = [
    "KNOWN_CYCLES", "OGL_ATTRIBUTION", "PILLARS", "SCALE_GRADES", "UNKNOWN", "CauseOfConcern",
    "Direction", "Finding", "FindingKind", "FindingSection", "Force", "Grade", "Judgment",
    "KeyFigure", "Outcome", "Passage", "Points", "PriorFinding", "Question", "Report",
    "ReportKind", "Scale", "ScaledGrade", "Status", "Unit", "UnknownFact", "cycle_start_year",
    "kind_for_cycle", "normalise_cycle", "passage_text", "report_scope", "scale_for_cycle", "unknown_facts",
]

OGL_ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0."
)


class Status(enum.Enum):
    """Whether and how a question or pillar was judged in this report."""

    GRADED = "graded"
    UNGRADED = "ungraded"
    NOT_YET_GRADED = "not yet graded"
    NOT_GRADED = "not graded"
    NOT_INSPECTED = "not inspected"
    CARRIED_OVER = "carried over"
    UNKNOWN = "unknown"

    @property
    def has_grade(self) -> bool:
        """True when a judgment with this status carries a grade."""
        return self in (Status.GRADED, Status.CARRIED_OVER)


@dataclass(frozen=True, slots=True)
class Judgment:
    """A grade, or a status that says why there is none."""

    status: Status = field(metadata=doc("graded, ungraded, carried over, ..."))
    grade: Grade | None = field(default=None, metadata=doc("The grade, when there is one."))
    from_cycle: str | None = field(
        default=None, metadata=doc("For a carried-over grade: the cycle it was given in.")
    )
    evidence: str | None = field(
        default=None, metadata=doc("The sentence or line the judgment was read from, verbatim.")
    )

    @property
    def is_unknown(self) -> bool:
        """True when the judgment was not read from the source."""
        return self.status is Status.UNKNOWN

    def describe(self) -> str:
        """Return the judgment in words, never blank ("Good (carried over from 2016)")."""
        if self.status is Status.UNKNOWN and self.from_cycle:
            return f"Unknown (carried over from {self.from_cycle}; grade not in the imported text)"
        if self.status is Status.UNKNOWN:
            return "Unknown (not found in the imported text)"
        if self.grade is not None and self.status is Status.CARRIED_OVER:
            return f"{self.grade.label} (carried over from {self.from_cycle})"
        if self.grade is not None:
            return self.grade.label
        return str(self.status.value).capitalize()

    def status_note(self) -> str | None:
        """Return the note a reader needs beside the grade, or None for a plain grade."""
        if self.status is Status.CARRIED_OVER:
            return f"Carried over from the {self.from_cycle} inspection; not re-inspected."
        if self.status is Status.GRADED:
            return None
        if self.status is Status.UNKNOWN and self.from_cycle:
            return (f"Carried over from the {self.from_cycle} inspection, but the grade is not in "
                    "the imported text; check it against the published report.")
        if self.status is Status.UNKNOWN:
            return "Not found in the imported text; check it against the published report."
        return f"{self.status.value.capitalize()} in this inspection."


class FindingKind(enum.Enum):
    """The kinds of finding a report states and an action plan tracks."""

    AREA_FOR_IMPROVEMENT = "area for improvement"
    CAUSE_OF_CONCERN = "cause of concern"
    RECOMMENDATION = "recommendation"
    NOTABLE_PRACTICE = "notable practice"


@dataclass(frozen=True, slots=True)
class Points:
    """A bulleted list in the report's text, with the sentence that leads into it."""

    items: tuple[str, ...] = field(metadata=doc("The bullet points, verbatim, in order."))
    lead: str | None = field(
        default=None, metadata=doc("The lead-in sentence (often ending in a colon), if any.")
    )


Passage = str | Points
"""A paragraph of the report's text, or a bulleted list (with its lead-in)."""


def passage_text(passage: Passage) -> str:
    """Return a passage as plain text: a list's lead and items joined by spaces."""
    if isinstance(passage, str):
        return passage
    return " ".join((*((passage.lead,) if passage.lead else ()), *passage.items))


@dataclass(frozen=True, slots=True)
class Finding:
    """One area for improvement, recommendation or notable practice, verbatim."""

    id: str = field(metadata=doc("Stable id that action plans refer to, e.g. E2-AFI-1."))
    text: str = field(metadata=doc("The finding as the report words it."))
    deadline: str | None = field(
        default=None,
        metadata=doc("A recommendation's deadline as worded: 'immediately', "
                     "'within six months', 'by 31 March 2024'."),
    )
    points: tuple[str, ...] = field(
        default=(), metadata=doc("Sub-points of a finding whose text ends with a colon.")
    )


@dataclass(frozen=True, slots=True)
class CauseOfConcern:
    """A serious shortcoming, with the recommendations that answer it."""

    id: str = field(metadata=doc("Stable id, e.g. E2-COC-1."))
    text: str = field(metadata=doc("The cause of concern as the report words it."))
    recommendations: tuple[Finding, ...] = field(
        default=(), metadata=doc("Its recommendations, each with its own id.")
    )
    points: tuple[str, ...] = field(
        default=(), metadata=doc("Sub-points of a cause whose text ends with a colon.")
    )


@dataclass(frozen=True, slots=True)
class FindingSection:
    """Detailed findings under one heading (or none), as paragraphs."""

    heading: str | None = field(metadata=doc("The heading, or null for unheaded text."))
    paragraphs: tuple[Passage, ...] = field(
        metadata=doc("The paragraphs (or bulleted lists), verbatim.")
    )


@dataclass(frozen=True, slots=True)
class Question:
    """One question of a pillar, or one area of a force assessment, with its findings."""

    number: int = field(metadata=doc("The question number within the pillar, or the area's "
                                     "position in a force assessment."))
    title: str = field(metadata=doc("The question, or the area's name, verbatim."))
    judgment: Judgment = field(metadata=doc("The question's judgment."))
    summary: tuple[Passage, ...] = field(
        default=(), metadata=doc("Summary paragraphs (or lists), if any.")
    )
    intro: tuple[Passage, ...] = field(
        default=(), metadata=doc("Paragraphs before the first findings heading.")
    )
    areas_for_improvement: tuple[Finding, ...] = field(default=(), metadata=doc("AFIs."))
    causes_of_concern: tuple[CauseOfConcern, ...] = field(default=(), metadata=doc("Causes."))
    notable_practice: tuple[Finding, ...] = field(
        default=(), metadata=doc("Notable, innovative or promising practice.")
    )
    findings: tuple[FindingSection, ...] = field(default=(), metadata=doc("Detailed findings."))


class Outcome(enum.Enum):
    """What a report says became of an earlier finding."""

    ADDRESSED = "addressed"
    PARTLY_ADDRESSED = "partly addressed"
    NOT_ENOUGH_PROGRESS = "not enough progress"
    SUPERSEDED = "superseded"
    STILL_MONITORED = "still being monitored"


@dataclass(frozen=True, slots=True)
class PriorFinding:
    """An earlier finding that this report revisits, with its verdict."""

    id: str = field(metadata=doc("Stable id, e.g. P-2017-1."))
    cycle: str = field(metadata=doc("The cycle of the inspection that made the finding."))
    kind: FindingKind = field(metadata=doc("What it was (usually an area for improvement)."))
    text: str = field(metadata=doc("The finding as this report quotes it."))
    outcome: Outcome = field(metadata=doc("What this report says became of it."))
    verdict: str = field(metadata=doc("The sentence that states the outcome, verbatim."))
    question: int | None = field(default=None, metadata=doc("The question that revisits it."))


class Unit(enum.Enum):
    """The unit a figure is stated in."""

    PERCENT = "percent"
    PER_100000 = "per 100,000"
    PER_1000 = "per 1,000"
    COUNT = "count"
    POUNDS = "pounds"
    DAYS = "days"


class Direction(enum.Enum):
    """Whether a higher value is better; neutral unless the source says so."""

    HIGHER_BETTER = "higher better"
    LOWER_BETTER = "lower better"
    NEUTRAL = "neutral"


@dataclass(frozen=True, slots=True)
class KeyFigure:
    """A figure the report states, with its comparator when the text gives one."""

    id: str = field(metadata=doc("Stable id, e.g. E2-FIG-3."))
    label: str = field(metadata=doc("Short label for tables and charts (ours)."))
    value: float = field(metadata=doc("The value as stated."))
    unit: Unit = field(metadata=doc("percent, per 100,000, count, ..."))
    source: str = field(metadata=doc("The sentence(s) the figure comes from, verbatim."))
    period: str | None = field(default=None, metadata=doc("e.g. 2017/18."))
    noun: str | None = field(default=None, metadata=doc("What is counted, e.g. files."))
    numerator: int | None = field(default=None, metadata=doc("N in 'N of the M'."))
    denominator: int | None = field(default=None, metadata=doc("M in 'N of the M'."))
    comparator: str | None = field(default=None, metadata=doc("e.g. England and Wales."))
    comparator_value: float | None = field(default=None, metadata=doc("Its value, if given."))
    comparison: str | None = field(
        default=None, metadata=doc("The relation as stated: higher, lower, in line.")
    )
    previous_value: float | None = field(default=None, metadata=doc("An earlier value."))
    previous_period: str | None = field(default=None, metadata=doc("The earlier period."))
    direction: Direction = field(
        default=Direction.NEUTRAL, metadata=doc("Only when the source makes it clear.")
    )
    question: int | None = field(default=None, metadata=doc("The question it belongs to."))


@dataclass(frozen=True, slots=True)
class Force:
    """A police force as HMICFRS names it."""

    name: str = field(metadata=doc("Full name, e.g. Norfolk Constabulary."))
    short_name: str = field(metadata=doc("Short name, e.g. Norfolk."))


@dataclass(frozen=True, slots=True)
class Report:
    """One PEEL report: a pillar page of a force (to 2018/19) or a force assessment (2021/22 on).

    A force assessment has no pillar, no headline question and no overall
    judgment (absent by design, not "not graded"); its questions are the areas.

    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> report.force.name, report.cycle, report.question(2).judgment.describe()
    ('Norfolk Constabulary', '2018/19', 'Requires improvement')
    """

    force: Force = field(metadata=doc("The force inspected."))
    cycle: str = field(metadata=doc("The PEEL cycle, e.g. 2018/19 or 2023-25."))
    title: str = field(metadata=doc("The page title as published, e.g. Norfolk PEEL 2018."))
    kind: ReportKind = field(
        default=ReportKind.PILLAR,
        metadata=doc("pillar (2014 to 2018/19) or assessment (2021/22 on)."),
    )
    pillar: str | None = field(
        default=None,
        metadata=doc("effectiveness, efficiency or legitimacy; 'unknown' when not read; "
                     "absent on a force assessment."),
    )
    headline_question: str | None = field(
        default=None, metadata=doc("The pillar's question, verbatim; absent on an assessment.")
    )
    judgment: Judgment | None = field(
        default=None,
        metadata=doc("The pillar's overall judgment; absent on a force assessment, which has none."),
    )
    programme: str = field(default="PEEL", metadata=doc("The inspection programme."))
    last_updated: date | None = field(default=None, metadata=doc("'Last updated' date."))
    published: date | None = field(default=None, metadata=doc("Publication date, if known."))
    summary: tuple[Passage, ...] = field(
        default=(), metadata=doc("Summary paragraphs (or lists), verbatim.")
    )
    questions: tuple[Question, ...] = field(default=(), metadata=doc("The questions."))
    prior_findings: tuple[PriorFinding, ...] = field(default=(), metadata=doc("Revisited."))
    key_figures: tuple[KeyFigure, ...] = field(default=(), metadata=doc("Stated figures."))
    source_url: str | None = field(default=None, metadata=doc("Address of the source page."))
    publisher: str = field(default="HMICFRS", metadata=doc("Who published the report."))
    licence: str = field(default=OGL_ATTRIBUTION, metadata=doc("Attribution for quoted text."))
    illustrative: bool = field(
        default=False,
        metadata=doc("True for data constructed to illustrate peeldocs: not an HMICFRS report "
                     "and not Crown copyright; packs label it wherever they quote it."),
    )

    @property
    def is_assessment(self) -> bool:
        """True for a force assessment (2021/22 on), graded area by area."""
        return self.kind is ReportKind.ASSESSMENT

    @property
    def scale(self) -> Scale:
        """The grading scale of this report's cycle."""
        return scale_for_cycle(self.cycle)

    def question(self, number: int) -> Question:
        """Return the question with this number; KeyError if there is none."""
        for question in self.questions:
            if question.number == number:
                return question
        raise KeyError(number)

    def scaled(self, judgment: Judgment) -> ScaledGrade | None:
        """Return a judgment's grade on this report's scale, or None if ungraded."""
        return None if judgment.grade is None else ScaledGrade(self.scale, judgment.grade)


def report_scope(report: Report) -> str:
    """Return what a report covers in words: its pillar, or "force assessment"."""
    return report.pillar if report.pillar else "force assessment"


@dataclass(frozen=True, slots=True)
class UnknownFact:
    """A fact a report marks unknown: where it is and what it is, for a reader."""

    path: str
    """Where it is in the data, e.g. ``questions[2].judgment``."""
    what: str
    """What it is, in words, e.g. "the judgment for question 3"."""


def unknown_facts(report: Report) -> tuple[UnknownFact, ...]:
    """Return every fact ``report`` marks unknown, in data order."""
    facts: list[UnknownFact] = []
    if report.pillar == UNKNOWN:
        facts.append(UnknownFact("pillar", "the pillar"))
    if report.judgment is not None and report.judgment.is_unknown:
        facts.append(UnknownFact("judgment", "the overall judgment"))
    noun = "area" if report.is_assessment else "question"
    for i, question in enumerate(report.questions):
        if question.judgment.is_unknown:
            facts.append(UnknownFact(f"questions[{i}].judgment",
                                     f"the judgment for {noun} {question.number}"))
    return tuple(facts)
