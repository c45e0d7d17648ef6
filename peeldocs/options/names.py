"""The names the options accept: renderers, sections and document kinds, and languages.

Reading the entry-point groups needs no other part of peeldocs, so options can
check a name (a section, a document kind) before anything is built; the built-in
names stand in for a source checkout whose package metadata is not installed.
:func:`names_from` reads and checks names given as a list or comma-separated text.

The ``language`` option's values are the languages a document can be written in.
A document is in English (``en``), in Welsh (``cy``), or bilingual with the
first-named language first (``cy+en``, ``en+cy``).  Each language has the BCP 47
tag that renderers write for assistive technology (``cy-GB``, ``en-GB``).

>>> languages_of("cy+en")
('cy', 'en')
>>> tag_of("cy")
'cy-GB'
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from functools import cache
from importlib.metadata import entry_points
from typing import Any

from peeldocs.errors import OptionError, OptionTypeError, PeeldocsError

GROUP = "peeldocs.renderers"
SECTIONS_GROUP = "peeldocs.sections"
DOCUMENTS_GROUP = "peeldocs.documents"
BUILTIN = {
    GROUP: {
        "pdf": "peeldocs.renderers.pdf.renderer:PdfRenderer",
        "docx": "peeldocs.renderers.docx.renderer:DocxRenderer",
        "html": "peeldocs.renderers.html.renderer:HtmlRenderer",
    },
    SECTIONS_GROUP: {
        "cover": "peeldocs.sections.cover:cover",
        "contents": "peeldocs.sections:contents",
        "summary": "peeldocs.sections.summary:summary",
        "questions": "peeldocs.sections.questions:questions",
        "actions": "peeldocs.sections.actions:actions",
        "brief": "peeldocs.build.fitting:brief_section",
        "committee": "peeldocs.sections.committee:committee",
        "s55": "peeldocs.sections.s55:s55_response",
    },
    DOCUMENTS_GROUP: {
        "pack": "peeldocs.build.documents:PACK",
        "brief": "peeldocs.build.documents:BRIEF",
        "committee": "peeldocs.build.documents:COMMITTEE",
        "s55": "peeldocs.build.documents:S55",
    },
}


@cache
def registered(group: str = GROUP) -> dict[str, tuple[str, str]]:
    """Map each name in an entry-point group to (object path, distribution providing it).

    Two distributions registering one name is an error naming both.
    """
    found: dict[str, tuple[str, str]] = {}
    kind = {GROUP: "renderer", SECTIONS_GROUP: "section"}.get(group, "document kind")
    for ep in sorted(entry_points(group=group), key=lambda e: (e.name, e.value)):
        dist = ep.dist.name if ep.dist is not None else "unknown distribution"
        if ep.name in found and found[ep.name][0] != ep.value:
            raise PeeldocsError(
                f"{kind} {ep.name!r} is registered twice: by {found[ep.name][1]} "
                f"({found[ep.name][0]}) and by {dist} ({ep.value})"
            )
        found[ep.name] = (ep.value, dist)
    for name, value in BUILTIN[group].items():  # a source checkout without installed metadata
        found.setdefault(name, (value, "peeldocs"))
    return found


def load_object(value: str) -> Any:
    """Import ``module:attribute`` and return the attribute."""
    import importlib

    module, _, attr = value.partition(":")
    return getattr(importlib.import_module(module), attr)


def names_from(value: object, known: Callable[[], list[str]], what: str,
               where: str) -> tuple[str, ...]:
    """Return names given as a sequence or a comma-separated string, lower case and checked.

    ``known`` lists the allowed names; an unknown one is refused with a
    did-you-mean.

    >>> names_from("PDF, docx", lambda: ["pdf", "docx", "html"], "format", "formats")
    ('pdf', 'docx')
    """
    items = value.split(",") if isinstance(value, str) else value
    if isinstance(items, bytes) or not isinstance(items, list | tuple):
        raise OptionTypeError(f"{where}: expected {what} names as a list or a comma-separated "
                              f"string, got {type(value).__name__}: {value!r}")
    names = []
    for item in items:
        if not isinstance(item, str):
            raise OptionTypeError(f"{where}: expected {what} names as text, got "
                                  f"{type(item).__name__}: {item!r}")
        if item.strip():
            names.append(item.strip().lower())
    allowed = known()
    for name in names:
        if name not in allowed:
            close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise OptionError(f"{where}: unknown {what} {name!r}; {hint}expected one of: "
                              f"{', '.join(allowed)}")
    if not names:
        raise OptionError(f"{where}: {value!r} names no {what}; expected one of: "
                          f"{', '.join(allowed)}")
    return tuple(names)


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
