"""Facts marked unknown: located problems for ``validate``, and the build's refusal.

An importer marks what it could not read as ``unknown``.  ``validate`` lists
each with its line; a build refuses such a report unless
``Options.allow_unknown`` is set, and then the pack marks every one of them.
"""

from __future__ import annotations

import os
import re

from peeldocs.errors import DataError, Problem
from peeldocs.model import Report, unknown_facts
from peeldocs.sources.yamlsource import Path, read_yaml

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


class UnknownFactsError(DataError):
    """A report with facts marked unknown was built without allowing them."""


def parse_path(text: str) -> Path:
    """Turn ``questions[2].judgment`` into ``("questions", 2, "judgment")``."""
    return tuple(int(index) if index else name for name, index in _PART.findall(text))


def unknown_message(what: str, plural: bool = False) -> str:
    """Return the message for one unknown fact (``plural`` when it names several things)."""
    return (f"unknown: {what} {'were' if plural else 'was'} not found in the imported text; "
            f"fill {'them' if plural else 'it'} in from the published report")


def unknown_problems(report: Report, text: str | bytes | None = None,
                     file: str = "<report>") -> tuple[Problem, ...]:
    """Return one problem per unknown fact, located by line when the file's text is given."""
    facts = unknown_facts(report)
    if not facts:
        return ()
    src = read_yaml(text, file) if text is not None else None

    def line(path: Path) -> int | None:
        if src is None:
            return None
        return src.lines.get((*path, "status")) or src.line(path)  # a judgment's status line

    return tuple(Problem(file, line(parse_path(f.path)), f.path, unknown_message(f.what, f.plural))
                 for f in facts)


def unknowns_in_file(path: str | os.PathLike[str], report: Report) -> tuple[Problem, ...]:
    """Return the located unknown facts of the data file ``report`` was loaded from."""
    from peeldocs.sources.loading import read_data_file

    if not unknown_facts(report):
        return ()
    data, name = read_data_file(path)
    return unknown_problems(report, data, name)


def refuse_unknowns(report: Report, allow_unknown: bool) -> None:
    """Raise :class:`UnknownFactsError` when ``report`` has unknown facts and they are not allowed."""
    if allow_unknown:
        return
    problems = unknown_problems(report, file=report.title)
    if problems:
        raise UnknownFactsError(problems)
