"""What a report finds, verbatim: its questions (or areas), their findings, and the figures it states.

A question holds its judgment, its summary and detailed findings as passages
(paragraphs or bulleted lists), its areas for improvement, causes of concern
with their recommendations, and notable practice; a report may also revisit
earlier findings and say what became of them; a :class:`KeyFigure` is a figure it
states, with its unit and period and what it is compared with.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from peeldocs.model.scales import Judgment, doc


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


_RECOMMENDS = re.compile(r"\b(?:we|it|HMICFRS|the inspectorate)\s+(?:also\s+)?recommends?\b",
                         re.IGNORECASE)


def recommends_action(question: Question) -> bool:
    """Return whether a question's quoted text recommends action in so many words.

    "We recommend ...", "HMICFRS recommends ...": a report that lists no
    recommendation as such may still recommend action in its text.
    """
    texts = [*question.summary, *question.intro,
             *(p for section in question.findings for p in section.paragraphs)]
    for passage in texts:
        text = passage_text(passage)
        # the word first: the pattern's leading alternatives are slow to try at every position
        if "recommend" in text.lower() and _RECOMMENDS.search(text):
            return True
    return False


_SENTENCE_END = re.compile(r"(?<=[.!?”’])\s+(?=[‘“\"A-Z0-9])")


def stated_recommendations(question: Question) -> tuple[str, ...]:
    """Return the sentences of a question's quoted text that recommend action, verbatim, in order.

    "We recommend Norfolk and Suffolk Constabularies to work with ...": a
    recommendation made in a finding's own text rather than listed as such.
    """
    texts = [*question.summary, *question.intro,
             *(p for section in question.findings for p in section.paragraphs)]
    found: dict[str, None] = {}  # in order, each once
    for passage in texts:
        text = passage_text(passage)
        if "recommend" not in text.lower():
            continue
        for sentence in _SENTENCE_END.split(text):
            if "recommend" in sentence.lower() and _RECOMMENDS.search(sentence):
                found.setdefault(sentence.strip())
    return tuple(found)


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
