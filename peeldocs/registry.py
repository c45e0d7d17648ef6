"""Renderers by format name, found through the ``peeldocs.renderers`` entry points.

A renderer is any class with ``name``, ``suffix``, ``media_type`` and
``render(pack, options) -> bytes``; a third party registers one in its own
``pyproject.toml`` and peeldocs finds it without any change here.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import entry_points
from typing import Protocol

from peeldocs.blocks import Pack
from peeldocs.errors import PeeldocsError, UnknownFormatError
from peeldocs.options import Options

GROUP = "peeldocs.renderers"
_BUILTIN = {
    "pdf": "peeldocs.renderers.pdf_renderer:PdfRenderer",
    "docx": "peeldocs.renderers.docx_renderer:DocxRenderer",
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
def _registered() -> dict[str, tuple[str, str]]:
    """Map format name to (entry point value, distribution that provides it)."""
    found: dict[str, tuple[str, str]] = {}
    for ep in entry_points(group=GROUP):
        dist = ep.dist.name if ep.dist is not None else "unknown distribution"
        if ep.name in found and found[ep.name][0] != ep.value:
            raise PeeldocsError(
                f"renderer {ep.name!r} is registered twice: by {found[ep.name][1]} "
                f"({found[ep.name][0]}) and by {dist} ({ep.value})"
            )
        found[ep.name] = (ep.value, dist)
    for name, value in _BUILTIN.items():  # a source checkout without installed metadata
        found.setdefault(name, (value, "peeldocs"))
    return found


def available_renderers() -> dict[str, str]:
    """Return format name to a description of where its renderer comes from."""
    return {name: f"{value} ({dist})" for name, (value, dist) in _registered().items()}


def get_renderer(name: str) -> Renderer:
    """Return an instance of the renderer for format ``name``."""
    import importlib

    registered = _registered()
    if name not in registered:
        raise UnknownFormatError(f"unknown format {name!r}; available: "
                                 f"{', '.join(sorted(registered))}")
    module, _, attr = registered[name][0].partition(":")
    cls = getattr(importlib.import_module(module), attr)
    renderer: Renderer = cls()
    return renderer


def render(pack: Pack, format: str, options: Options | None = None) -> bytes:
    """Render ``pack`` in ``format`` and return the bytes."""
    return get_renderer(format).render(pack, options or Options())
