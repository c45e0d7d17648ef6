"""Renderers by format name, found through the ``peeldocs.renderers`` entry points.

A renderer is any class with ``name``, ``suffix``, ``media_type`` and
``render(pack, options) -> bytes``; a third party registers one in its own
``pyproject.toml`` and peeldocs finds it without any change here.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import entry_points
from typing import Any, Protocol

from peeldocs.blocks import Pack
from peeldocs.errors import PeeldocsError, UnknownFormatError
from peeldocs.options import Options

GROUP = "peeldocs.renderers"
SECTIONS_GROUP = "peeldocs.sections"
DOCUMENTS_GROUP = "peeldocs.documents"
_BUILTIN = {
    GROUP: {
        "pdf": "peeldocs.renderers.pdf_renderer:PdfRenderer",
        "docx": "peeldocs.renderers.docx_renderer:DocxRenderer",
        "html": "peeldocs.renderers.html_renderer:HtmlRenderer",
    },
    SECTIONS_GROUP: {
        "cover": "peeldocs.sections.cover:cover",
        "contents": "peeldocs.sections:contents",
        "summary": "peeldocs.sections.summary:summary",
        "questions": "peeldocs.sections.questions:questions",
        "actions": "peeldocs.sections.actions:actions",
        "brief": "peeldocs.documents:brief_section",
        "committee": "peeldocs.sections.committee:committee",
        "s55": "peeldocs.sections.s55:s55_response",
    },
    DOCUMENTS_GROUP: {
        "pack": "peeldocs.documents:PACK",
        "brief": "peeldocs.documents:BRIEF",
        "committee": "peeldocs.documents:COMMITTEE",
        "s55": "peeldocs.documents:S55",
    },
}


class Renderer(Protocol):
    """What a renderer provides."""

    name: str
    suffix: str
    media_type: str

    def render(self, pack: Pack, options: Options) -> bytes:
        """Return the rendered document."""
        ...


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
    for name, value in _BUILTIN[group].items():  # a source checkout without installed metadata
        found.setdefault(name, (value, "peeldocs"))
    return found


def load_object(value: str) -> Any:
    """Import ``module:attribute`` and return the attribute."""
    import importlib

    module, _, attr = value.partition(":")
    return getattr(importlib.import_module(module), attr)


def _registered() -> dict[str, tuple[str, str]]:
    return registered(GROUP)


def available_renderers() -> dict[str, str]:
    """Return format name to a description of where its renderer comes from."""
    return {name: f"{value} ({dist})" for name, (value, dist) in _registered().items()}


def get_renderer(name: str) -> Renderer:
    """Return an instance of the renderer for format ``name``."""
    registered_ = _registered()
    if name not in registered_:
        raise UnknownFormatError(f"unknown format {name!r}; available: "
                                 f"{', '.join(sorted(registered_))}")
    renderer: Renderer = load_object(registered_[name][0])()
    return renderer


def render(pack: Pack, format: str, options: Options | None = None) -> bytes:
    """Render ``pack`` in ``format`` and return the bytes."""
    return get_renderer(format).render(pack, options or Options())
