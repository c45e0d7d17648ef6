"""Section builders: pure functions from a report and options to a section of blocks.

The built-in ones are registered, like third-party ones, in the
``peeldocs.sections`` entry-point group (see :mod:`peeldocs.build.registry`).
"""

from __future__ import annotations

from collections.abc import Callable

from peeldocs.blocks import Contents, Section
from peeldocs.model import Report
from peeldocs.options import Options

SectionBuilder = Callable[[Report, Options], Section]


def contents(report: Report, options: Options) -> Section:
    """Build the contents section (the renderer fills in headings and pages)."""
    return Section("contents", (Contents(),))
