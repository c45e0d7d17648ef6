"""PEEL cycles and grading scales: which grades exist when, how they compare, how a question was judged.

Grades are only comparable within one scale: four tiers to 2018/19, five tiers
(adding ``adequate``) from 2021/22.  No I/O.

A :class:`Judgment` says how a question or pillar was judged: a grade, or the
status that says why there is none.

:func:`doc` documents a dataclass field: the data classes of the report model,
the action plan and the JSON export describe each field with
``field(metadata=doc("..."))``; :mod:`peeldocs.sources.schema` turns that text
into the ``description`` of each property, so the data format's documentation
lives beside the field it documents.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from typing import Any

from peeldocs.errors import ScaleMismatchError


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

KNOWN_CYCLES: tuple[str, ...] = (
    "2014", "2015", "2016", "2017", "2018/19", "2021/22", "2023-25", "2025-27",
)
"""Every PEEL cycle, as data files write it."""

ASSESSMENT_FRAMEWORKS: dict[str, str] = {
    "2021/22": "PEEL Assessment Framework 2021/22",
    "2023-25": "PEEL Assessment Framework 2023–2025",
    "2025-27": "PEEL Assessment Framework 2025–2027",
}
"""The framework each force assessment cycle was inspected under, as HMICFRS names it.

Each cycle from 2021/22 has its own (sources: HMICFRS, "PEEL assessments 2021/22" and
the PEEL Assessment Framework 2021/22; PEEL Assessment Framework 2023–2025, published
8 February 2023, which revised the areas assessed; PEEL assessment framework 2025–2027,
published 11 April 2025; as held with their addresses in peeldocs/importer/frameworks.yaml).
A cycle not listed has no framework recorded here: unknown, never taken to be another's.
"""

PILLARS: tuple[str, ...] = ("effectiveness", "efficiency", "legitimacy")
"""The three pillars of the 2014 to 2018/19 reports."""

UNKNOWN = "unknown"
"""The value of a fact (such as a pillar) that was not read from the source."""


def cycle_words(cycle: str) -> str:
    """Return a cycle as our own text spells it: a span of years with an en dash ("2023–25").

    Data files and the command line may spell it either way (:func:`normalise_cycle`);
    file names keep the hyphen.

    >>> cycle_words("2023-25"), cycle_words("2018/19"), cycle_words("2016")
    ('2023–25', '2018/19', '2016')
    """
    return re.sub(r"^(\d{4})-(\d{2})$", "\\1\u2013\\2", cycle)


def normalise_cycle(text: str) -> str | None:
    """Return the known cycle ``text`` names ("2023-2025", "2018-19", "2023–25"), or None.

    >>> normalise_cycle("2023/2025"), normalise_cycle("2018-19"), normalise_cycle("2019/20")
    ('2023-25', '2018/19', None)
    """
    cleaned = re.sub(r"\s+", "", text).replace("\u2013", "-").replace("\u2014", "-")
    match = _CYCLE.match(cleaned)
    if match is None:
        return None
    first, second = match.group(1), match.group(2)
    for cycle in KNOWN_CYCLES:
        start, end = cycle[:4], cycle[5:]
        if start == first and (second is None or second[-2:] == end):
            return cycle
    return None


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


class ReportKind(enum.Enum):
    """The two shapes of PEEL report."""

    PILLAR = "pillar"
    """2014 to 2018/19: one page per pillar, with a pillar judgment and graded questions."""
    ASSESSMENT = "assessment"
    """2021/22 on: one assessment of the whole force, graded area by area, no overall grade."""


def kind_for_cycle(cycle: str) -> ReportKind:
    """Return the shape of report a cycle publishes: assessments from 2021/22 on."""
    return ReportKind.ASSESSMENT if cycle_start_year(cycle) >= 2021 else ReportKind.PILLAR


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
        default=None, metadata=doc("The sentence or line the judgment was read from, verbatim; "
                                   "for an unknown judgment whose sources disagree (a "
                                   "judgments table and an area's own section), both.")
    )

    @property
    def is_unknown(self) -> bool:
        """True when the judgment was not read from the source."""
        return self.status is Status.UNKNOWN

    def describe(self) -> str:
        """Return the judgment in words, never blank ("Good (carried over from 2016)")."""
        if self.status is Status.UNKNOWN and self.from_cycle:
            return f"Unknown (carried over from {self.from_cycle}; grade not in the imported text)"
        if self.status is Status.UNKNOWN and self.evidence:
            return "Unknown (the imported text gives two different grades)"
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
            return f"Carried over from the {self.from_cycle} inspection."
        if self.status is Status.GRADED:
            return None
        if self.status is Status.UNKNOWN and self.from_cycle:
            return (f"Carried over from the {self.from_cycle} inspection, but the grade is not in "
                    "the imported text; check it against the published report.")
        if self.status is Status.UNKNOWN and self.evidence:
            return (f"The imported text gives two different grades ({self.evidence}); check it "
                    "against the published report.")
        if self.status is Status.UNKNOWN:
            return "Not found in the imported text; check it against the published report."
        return f"{self.status.value.capitalize()} in this inspection."
