"""What a renderer is, what it reads of the options, and the words a line never breaks between.

A renderer turns a :class:`~peeldocs.blocks.Pack` into the bytes of one format.
It knows blocks, themes and its engine, never the report model: the options it
is handed (a :class:`peeldocs.Options`) are read through :class:`RenderSettings`,
the two fields that concern the look of a document.

A line never breaks between a date's day, month and year.  Read 24-B: "due 1 /
November 2019" split across lines in the PDF and the DOCX, while the HTML kept dates
whole (its ``nowrap`` spans).  Every renderer finds dates with the one pattern here,
:data:`DATE`; the PDF and the DOCX join a date's words with U+00A0 NO-BREAK SPACE
(:func:`keep_dates`), the HTML wraps it in a span.  A no-break space is a space to
every text reader (Python's ``str.split``, a screen reader), so the words stay words.
Text rules only: nothing here knows what the dates are about.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

from peeldocs.blocks import Pack
from peeldocs.theme import Theme


class RenderSettings(Protocol):
    """The build options a renderer reads: :class:`peeldocs.Options` provides them."""

    @property
    def theme(self) -> Theme:
        """Fonts, sizes and colours to draw with."""
        ...

    @property
    def reference_docx(self) -> Path | None:
        """A Word document whose styles a DOCX takes, or None for the built-in ones."""
        ...


class Renderer(Protocol):
    """What a renderer provides."""

    name: str
    suffix: str
    media_type: str

    def render(self, pack: Pack, options: RenderSettings) -> bytes:
        """Return the rendered document."""
        ...


MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December|Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|"
          "Tachwedd|Rhagfyr")
"""The months in English and in Welsh, as the documents write them."""

DATE = re.compile(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b")
"""A date as the documents write it: "30 September 2019", "1 Tachwedd 2019"."""

NO_BREAK_SPACE = "\u00a0"


def keep_dates(text: str) -> str:
    """Return ``text`` with the spaces inside each date made no-break spaces.

    "due 1 November 2019" becomes "due 1\u00a0November\u00a02019": a line may
    break before the date or after it, never inside it.
    """
    if " " not in text or not any(c.isdigit() for c in text):
        return text
    return DATE.sub(lambda m: m.group().replace(" ", NO_BREAK_SPACE), text)
