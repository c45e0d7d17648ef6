"""The DOCX renderer: the renderer class in :mod:`peeldocs.renderers.docx.renderer`, helpers beside it."""

from __future__ import annotations

from peeldocs.renderers.docx.renderer import DocxRenderer

__all__ = ["DocxRenderer"]
