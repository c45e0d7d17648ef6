"""What is registered through entry points: renderers, sections and document kinds by name.

Reading the entry-point groups needs no other part of peeldocs, so options can
check a name (a section, a document kind) before anything is built; the built-in
names stand in for a source checkout whose package metadata is not installed.
:func:`names_from` reads and checks names given as a list or comma-separated text.
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
