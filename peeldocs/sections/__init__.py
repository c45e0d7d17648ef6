"""Section builders: pure functions from a report and options to a section of blocks."""

from __future__ import annotations

from collections.abc import Callable

from peeldocs.blocks import Contents, Section
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.sections.actions import actions
from peeldocs.sections.cover import cover
from peeldocs.sections.questions import questions
from peeldocs.sections.summary import summary

SectionBuilder = Callable[[Report, Options], Section]


def contents(report: Report, options: Options) -> Section:
    """Build the contents section (the renderer fills in headings and pages)."""
    return Section("contents", (Contents(),))


BUILTIN_SECTIONS: dict[str, SectionBuilder] = {
    "cover": cover,
    "contents": contents,
    "summary": summary,
    "questions": questions,
    "actions": actions,
}
