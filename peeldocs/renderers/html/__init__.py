"""The HTML renderer: the renderer class in :mod:`peeldocs.renderers.html.renderer`, helpers beside it."""

from __future__ import annotations

from peeldocs.renderers.html.renderer import HtmlRenderer

__all__ = ["HtmlRenderer"]
