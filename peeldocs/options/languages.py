"""The languages a document can be written in, and the ``language`` option's values.

A document is in English (``en``), in Welsh (``cy``), or bilingual with the
first-named language first (``cy+en``, ``en+cy``).  Each language has the BCP 47
tag that renderers write for assistive technology (``cy-GB``, ``en-GB``).

>>> languages_of("cy+en")
('cy', 'en')
>>> tag_of("cy")
'cy-GB'
"""

from __future__ import annotations

TAGS = {"en": "en-GB", "cy": "cy-GB"}
"""Each language's tag, as documents mark it (PDF /Lang, DOCX w:lang, HTML lang)."""

NAMES = {"en": "English", "cy": "Welsh"}
"""Each language's name in English, for messages."""

CHOICES = ("en", "cy", "cy+en", "en+cy")
"""The values the ``language`` option accepts."""

SOURCE = "en"
"""The language our own wording is written in (the message ids of the catalogues)."""


def languages_of(value: str) -> tuple[str, ...]:
    """Return the languages of a ``language`` value, first-named first.

    Raises :class:`ValueError` naming the value and the choices when it is not one of them.
    """
    wanted = value.strip().lower().replace(" ", "") if isinstance(value, str) else value
    if wanted not in CHOICES:
        raise ValueError(f"{value!r} is not a document language; expected one of: "
                         f"{', '.join(CHOICES)}")
    return tuple(wanted.split("+"))


def tag_of(language: str) -> str:
    """Return the language tag of ``en`` or ``cy`` (a tag is returned unchanged)."""
    return TAGS.get(language, language)


def code_of(tag: str) -> str:
    """Return the language of a tag: ``cy-GB`` and ``cy`` are ``cy``; an empty tag is ``en``."""
    return (tag or SOURCE).split("-")[0].lower()
