"""Building documents: the registry of formats, the document kinds, assembling and writing.

:mod:`~peeldocs.build.registry` finds renderers by format name and renders a pack;
:mod:`~peeldocs.build.documents` holds the document kinds and the sections each
uses for a report of each kind; :mod:`~peeldocs.build.output` builds a pack;
:mod:`~peeldocs.build.output` writes a report's documents; :mod:`~peeldocs.build.batch`
builds many reports at once.
"""

from __future__ import annotations

from peeldocs.build.batch import build_many
from peeldocs.build.output import build_pack, write_pack
from peeldocs.build.registry import render, renderer_names

__all__ = ["build_many", "build_pack", "render", "renderer_names", "write_pack"]
