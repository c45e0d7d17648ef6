"""What a renderer is, and what it reads of the build options.

A renderer turns a :class:`~peeldocs.blocks.Pack` into the bytes of one format.
It knows blocks, themes and its engine, never the report model: the options it
is handed (a :class:`peeldocs.Options`) are read through :class:`RenderSettings`,
the two fields that concern the look of a document.
"""

from __future__ import annotations

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
