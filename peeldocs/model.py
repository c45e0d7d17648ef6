"""The PEEL report domain: plain, frozen dataclasses with no I/O and no rendering.

A :class:`Report` is one published HMICFRS PEEL page (one pillar of one force in
one cycle).  Every text field holds the inspectorate's words verbatim; fields
the source does not state are ``None`` or empty, never guessed.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from peeldocs.errors import ScaleMismatchError

OGL_ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0."
)


def doc(text: str, **extra: Any) -> dict[str, Any]:
    """Return dataclass field metadata carrying a field's documentation."""
    return {"doc": text, **extra}


class Scale(enum.Enum):
    """A grading scale; grades are only comparable within one scale."""

    FOUR_TIER = "four-tier"
    FIVE_TIER = "five-tier"


class Grade(enum.Enum):
    """A graded judgment word, as HMICFRS prints it (lower case)."""

    OUTSTANDING = "outstanding"
    GOOD = "good"
    ADEQUATE = "adequate"
    REQUIRES_IMPROVEMENT = "requires improvement"
    INADEQUATE = "inadequate"

    @property
    def label(self) -> str:
        """The grade as a heading would show it ("Requires improvement")."""
        return self.value.capitalize()


SCALE_GRADES: dict[Scale, tuple[Grade, ...]] = {
    Scale.FOUR_TIER: (Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE),
    Scale.FIVE_TIER: (
        Grade.OUTSTANDING,
        Grade.GOOD,
        Grade.ADEQUATE,
        Grade.REQUIRES_IMPROVEMENT,
        Grade.INADEQUATE,
    ),
}

_CYCLE = re.compile(r"^(\d{4})(?:[/-](\d{2}|\d{4}))?$")


def cycle_start_year(cycle: str) -> int:
    """Return the first year of a cycle such as ``"2018/19"``, ``"2023-25"`` or ``"2016"``."""
    match = _CYCLE.match(cycle)
    if match is None:
        raise ValueError(f"{cycle!r} is not a PEEL cycle such as 2016, 2018/19 or 2023-25")
    return int(match.group(1))


def scale_for_cycle(cycle: str) -> Scale:
    """Return the grading scale in force for a cycle: five tiers from 2021/22 on."""
    return Scale.FIVE_TIER if cycle_start_year(cycle) >= 2021 else Scale.FOUR_TIER


@dataclass(frozen=True, slots=True)
class ScaledGrade:
    """A grade on a named scale; ordering is defined only within one scale.

    Better grades compare greater: ``outstanding > good`` on either scale.
    Comparing grades from different scales raises :class:`ScaleMismatchError`.
    """

    scale: Scale
    grade: Grade

    def __post_init__(self) -> None:
        if self.grade not in SCALE_GRADES[self.scale]:
            raise ValueError(f"{self.grade.value!r} is not on the {self.scale.value} scale")

    def _rank(self, other: object) -> tuple[int, int]:
        if not isinstance(other, ScaledGrade):
            raise TypeError(f"cannot compare a grade with {type(other).__name__}")
        if other.scale is not self.scale:
            raise ScaleMismatchError(
                f"cannot compare a {self.scale.value} grade with a {other.scale.value} grade"
            )
        order = SCALE_GRADES[self.scale]
        return (-order.index(self.grade), -order.index(other.grade))

    def __lt__(self, other: object) -> bool:
        mine, theirs = self._rank(other)
        return mine < theirs

    def __le__(self, other: object) -> bool:
        mine, theirs = self._rank(other)
        return mine <= theirs

    def __gt__(self, other: object) -> bool:
        mine, theirs = self._rank(other)
        return mine > theirs

    def __ge__(self, other: object) -> bool:
        mine, theirs = self._rank(other)
        return mine >= theirs


class Status(enum.Enum):
    """Whether and how a question or pillar was judged in this report."""

    GRADED = "graded"
    UNGRADED = "ungraded"
    NOT_YET_GRADED = "not yet graded"
    NOT_GRADED = "not graded"
    NOT_INSPECTED = "not inspected"
    CARRIED_OVER = "carried over"

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

    def describe(self) -> str:
        """Return the judgment in words, never blank ("Good (carried over from 2016)")."""
        if self.grade is not None and self.status is Status.CARRIED_OVER:
            return f"{self.grade.label} (carried over from {self.from_cycle})"
        if self.grade is not None:
            return self.grade.label
        return self.status.value.capitalize()

    def status_note(self) -> str | None:
        """Return the note a reader needs beside the grade, or None for a plain grade."""
        if self.status is Status.CARRIED_OVER:
            return f"Carried over from the {self.from_cycle} inspection; not re-inspected."
        if self.status is Status.GRADED:
            return None
        return f"{self.status.value.capitalize()} in this inspection."


class FindingKind(enum.Enum):
    """The kinds of finding a report states and an action plan tracks."""

    AREA_FOR_IMPROVEMENT = "area for improvement"
    CAUSE_OF_CONCERN = "cause of concern"
    RECOMMENDATION = "recommendation"
    NOTABLE_PRACTICE = "notable practice"


@dataclass(frozen=True, slots=True)
class Finding:
    """One area for improvement, recommendation or notable practice, verbatim."""

    id: str = field(metadata=doc("Stable id that action plans refer to, e.g. E2-AFI-1."))
    text: str = field(metadata=doc("The finding as the report words it."))


@dataclass(frozen=True, slots=True)
class CauseOfConcern:
    """A serious shortcoming, with the recommendations that answer it."""

    id: str = field(metadata=doc("Stable id, e.g. E2-COC-1."))
    text: str = field(metadata=doc("The cause of concern as the report words it."))
    recommendations: tuple[Finding, ...] = field(
        default=(), metadata=doc("Its recommendations, each with its own id.")
    )


@dataclass(frozen=True, slots=True)
class FindingSection:
    """Detailed findings under one heading (or none), as paragraphs."""

    heading: str | None = field(metadata=doc("The heading, or null for unheaded text."))
    paragraphs: tuple[str, ...] = field(metadata=doc("The paragraphs, verbatim."))


@dataclass(frozen=True, slots=True)
class Question:
    """One inspection question of a pillar, with its judgment and findings."""

    number: int = field(metadata=doc("The question number within the pillar."))
    title: str = field(metadata=doc("The question, verbatim."))
    judgment: Judgment = field(metadata=doc("The question's judgment."))
    summary: tuple[str, ...] = field(default=(), metadata=doc("Summary paragraphs, if any."))
    intro: tuple[str, ...] = field(
        default=(), metadata=doc("Paragraphs before the first findings heading.")
    )
    areas_for_improvement: tuple[Finding, ...] = field(default=(), metadata=doc("AFIs."))
    causes_of_concern: tuple[CauseOfConcern, ...] = field(default=(), metadata=doc("Causes."))
    notable_practice: tuple[Finding, ...] = field(default=(), metadata=doc("Notable practice."))
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
    """One PEEL report page: a pillar of a force in a cycle.

    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> report.force.name, report.cycle, report.question(2).judgment.describe()
    ('Norfolk Constabulary', '2018/19', 'Requires improvement')
    """

    force: Force = field(metadata=doc("The force inspected."))
    cycle: str = field(metadata=doc("The PEEL cycle, e.g. 2018/19."))
    pillar: str = field(metadata=doc("effectiveness, efficiency or legitimacy."))
    title: str = field(metadata=doc("The page title as published, e.g. Norfolk PEEL 2018."))
    headline_question: str = field(metadata=doc("The pillar's question, verbatim."))
    judgment: Judgment = field(metadata=doc("The pillar's overall judgment."))
    programme: str = field(default="PEEL", metadata=doc("The inspection programme."))
    last_updated: date | None = field(default=None, metadata=doc("'Last updated' date."))
    published: date | None = field(default=None, metadata=doc("Publication date, if known."))
    summary: tuple[str, ...] = field(default=(), metadata=doc("Summary paragraphs, verbatim."))
    questions: tuple[Question, ...] = field(default=(), metadata=doc("The questions."))
    prior_findings: tuple[PriorFinding, ...] = field(default=(), metadata=doc("Revisited."))
    key_figures: tuple[KeyFigure, ...] = field(default=(), metadata=doc("Stated figures."))
    source_url: str | None = field(default=None, metadata=doc("Address of the source page."))
    publisher: str = field(default="HMICFRS", metadata=doc("Who published the report."))
    licence: str = field(default=OGL_ATTRIBUTION, metadata=doc("Attribution for quoted text."))

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
