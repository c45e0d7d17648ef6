"""The runs of text inside blocks: plain, bold or italic text, links, placeholders.

A run carries meaning (a tone such as "requires improvement", a placeholder the
author completes), never colours or fonts: a renderer maps tones to its theme.
Paragraphs, list items and table cells (:mod:`peeldocs.blocks.content`) hold a
tuple of runs; :func:`inline_text` gives the words a reader sees in them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Tone(enum.Enum):
    """The meaning of a coloured element: a grade, a RAG state, or neutral."""

    OUTSTANDING = "outstanding"
    GOOD = "good"
    ADEQUATE = "adequate"
    REQUIRES_IMPROVEMENT = "requires improvement"
    INADEQUATE = "inadequate"
    NO_GRADE = "no grade"
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    NEUTRAL = "neutral"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Text:
    """A run of text, optionally bold or italic.

    ``lang`` is the run's language tag ("en-GB") where it differs from its
    section's (a quotation in English in a Welsh document); "" for the section's.
    """

    text: str
    bold: bool = False
    italic: bool = False
    lang: str = ""


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink with its visible text."""

    text: str
    url: str


@dataclass(frozen=True, slots=True)
class Placeholder:
    """Text only the author can supply: shown bracketed, highlighted and in words.

    ``text`` says what to write ("the financial implications"); every format shows
    it as "{to be completed: the financial implications}": curly brackets, never
    the square brackets that mark words added to a quotation.
    """

    text: str
    label: str = "to be completed"
    """The words before ``text``, in the placeholder's language ("i’w gwblhau" in Welsh)."""
    lang: str = ""

    @property
    def shown(self) -> str:
        """The placeholder as every format prints it: in curly brackets, saying so in words."""
        return f"{{{self.label}: {self.text}}}"


Inline = Text | Link | Placeholder

MARKING_TO_COMPLETE = Placeholder("the marking, such as OFFICIAL")
"""What a document's details table shows for its protective marking when none was given."""
MARKING_IN_HEADER = Placeholder("protective marking")
"""What an internal document's running header and footer carry when no marking was given:
the marking's place on every page, which the author completes as they complete the table."""


def plain(text: str, *, bold: bool = False, italic: bool = False) -> tuple[Inline, ...]:
    """Return a one-run inline sequence."""
    return (Text(text, bold=bold, italic=italic),)


def runs_language(runs: tuple[Inline, ...]) -> str:
    """Return the language tag all of a run sequence's text shares, or "" (the section's, or mixed).

    >>> runs_language((Text("Argymhelliad", lang="cy-GB"), Text(" 1", lang="cy-GB")))
    'cy-GB'
    >>> runs_language((Text("Ymateb i "), Text("Report", lang="en-GB")))
    ''
    """
    tags = {run.lang for run in runs if not isinstance(run, Link)}
    return tags.pop() if len(tags) == 1 else ""


def inline_text(runs: tuple[Inline, ...]) -> str:
    """Return the visible text of a run sequence."""
    return "".join(run.shown if isinstance(run, Placeholder) else run.text for run in runs)

