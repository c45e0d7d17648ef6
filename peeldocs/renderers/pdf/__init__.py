"""The PDF renderer: the renderer class in :mod:`peeldocs.renderers.pdf.renderer`, helpers beside it."""

from __future__ import annotations

from peeldocs.renderers.pdf.renderer import PdfRenderer

__all__ = ["PdfRenderer"]
