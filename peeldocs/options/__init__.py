"""Build options: one frozen object, checked when it is made, and the files options name.

``from peeldocs.options import Options`` is the documented way to reach the
options; they are defined in :mod:`peeldocs.options.options`, the checks of the
files an option names (theme, templates, reference document, plan) in
:mod:`peeldocs.options.files`, and the names that can be chosen (sections,
document kinds, formats, read from entry points) in :mod:`peeldocs.options.names`.
"""

from __future__ import annotations

from peeldocs.options.names import names_from
from peeldocs.options.options import (
    CHECKS,
    DEFAULT_SECTIONS,
    Marking,
    Options,
    clock_from_environment,
    marking_from_text,
)

__all__ = ["CHECKS", "DEFAULT_SECTIONS", "Marking", "Options", "clock_from_environment",
           "marking_from_text", "names_from"]
