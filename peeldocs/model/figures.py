"""Figures a report states: the value, its unit and period, and what it is compared with."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from peeldocs.model.fielddoc import doc


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
    source: str = field(metadata=doc(
        "The clause(s) the figure comes from, verbatim; \"…\" marks words left out."))
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
