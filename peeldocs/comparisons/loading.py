"""Load a comparison from grade tables (CSV) and report data files.

Every problem in every input is reported at once, as ``FILE:LINE: column:
message`` (:class:`~peeldocs.errors.Problem`), in one
:class:`~peeldocs.errors.DataError`.  Tolerant where the truth is not at stake
(byte-order mark, CRLF, spaces, case, ``2018-19``), strict where it is (forces,
grades on the cycle's scale, statuses, conflicting rows, two versions of one
report).  Nothing is counted twice: a file named twice is read once, and a
report or grade given again, the same, is counted once and the files table
says so.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from peeldocs.comparisons.common import graded_words, judged_words, recommending
from peeldocs.comparisons.grade_table import HEADER, force_from_text, normalise_cycle, parse_grade_table
from peeldocs.comparisons.model import (
    Column,
    ComparisonSet,
    GradeEntry,
    InputSummary,
    Origin,
    ReportFacts,
)
from peeldocs.comparisons.origins import citation, published_first
from peeldocs.errors import DataError, Problem
from peeldocs.model import UNKNOWN, Judgment, Report, Scale, cycle_words, scale_for_cycle
from peeldocs.model.forces import UnknownForceError
from peeldocs.model.scales import PILLARS
from peeldocs.prose import counted, join_words
from peeldocs.sections.brief_labels import short_label
from peeldocs.sections.calls import untracked_calls
from peeldocs.sources import schema
from peeldocs.sources.loading import display_path, parse_report, read_data_file, read_source
from peeldocs.sources.yamlsource import Path as SourcePath
from peeldocs.sources.yamlsource import format_path

__all__ = ["HEADER", "grade_table_problems", "load_comparison", "normalise_cycle",
           "parse_grade_table", "report_entries"]


def report_entries(report: Report, source: str) -> tuple[list[GradeEntry], ReportFacts,
                                                            list[tuple[Column, str]]]:
    """Return a report's judgments as entries, its counts, and its question wordings."""
    force = force_from_text(report.force.name)
    assessment = report.is_assessment or scale_for_cycle(report.cycle) is Scale.FIVE_TIER
    pillar = None if assessment or report.pillar in (None, UNKNOWN) else report.pillar
    origin = Origin.CONSTRUCTED if report.illustrative else Origin.HMICFRS
    entries: list[GradeEntry] = []
    titles: list[tuple[Column, str]] = []
    if pillar is not None and report.judgment is not None:
        entries.append(GradeEntry(force, Column(report.cycle, pillar, None), report.judgment,
                                  source, origin, report.title))
    if assessment or pillar is not None:
        for q in report.questions:
            if report.is_overview and q.title.lower() in PILLARS:  # an overview grades pillars
                entries.append(GradeEntry(force, Column(report.cycle, q.title.lower(), None),
                                          q.judgment, source, origin, report.title))
                continue
            column = Column(report.cycle, None, q.title) if assessment else \
                Column(report.cycle, pillar, str(q.number))
            entries.append(GradeEntry(force, column, q.judgment, source, origin, report.title))
            if not assessment:
                titles.append((column, q.title))
    listed = sum(len(c.recommendations) for q in report.questions for c in q.causes_of_concern)
    facts = ReportFacts(
        force=force, cycle=report.cycle, pillar=pillar, source=source,
        areas_for_improvement=sum(len(q.areas_for_improvement) for q in report.questions),
        causes_of_concern=sum(len(q.causes_of_concern) for q in report.questions),
        recommendations=listed,
        prior_findings=report.prior_findings,
        recommending=recommending(report, assessment),
        calls=tuple((f"“{c.question.title}”" if assessment else f"question {c.question.number}",
                     c.quote) for c in untracked_calls(report)),
        named=tuple((kind, f"‘{q.title}’" if assessment else f"question {q.number}",
                     short_label(f.text)) for q in report.questions
                    for kind, found in (("area for improvement", q.areas_for_improvement),
                                        ("cause of concern", q.causes_of_concern))
                    for f in found))
    return entries, facts, titles


_Key = tuple[str, tuple[str, str | None, str | None]]


def _identity(path: str | os.PathLike[str]) -> object:
    """Return the file a path names, so one file given twice (by any spelling) is read once."""
    try:
        found = os.stat(path)
        return (found.st_dev, found.st_ino)
    except (OSError, ValueError):
        return os.path.abspath(os.fspath(path))


def _where(source: str) -> tuple[str, int | None]:
    """Split an entry's source ("file:line" for a grade table's row) into file and line."""
    file, _sep, line = source.rpartition(":")
    return (file, int(line)) if line.isdigit() and file else (source, None)


class _Loader:
    """Everything read so far, in input order; problems are collected, never raised early."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.entries: list[GradeEntry] = []
        self.reports: list[ReportFacts] = []
        self.titles: list[tuple[Column, str]] = []
        self.inputs: list[InputSummary] = []
        self.first: dict[_Key, GradeEntry] = {}
        self.held: list[tuple[Report, str, bytes]] = []

    def add_entries(self, found: list[GradeEntry]) -> tuple[tuple[str, int], ...]:
        """Add entries; return, by earlier file, how many repeat an earlier grade (the same)."""
        repeats: dict[str, int] = {}
        for entry in found:
            earlier = self.first.setdefault((entry.force.name, entry.column.key), entry)
            if earlier is not entry and _same(earlier.judgment, entry.judgment):
                file = _where(earlier.source)[0]
                repeats[file] = repeats.get(file, 0) + 1
        self.entries += found
        return tuple(repeats.items())

    def table(self, path: str | os.PathLike[str]) -> None:
        """Read a grade table (CSV)."""
        data, name = read_data_file(path)
        found, trouble = parse_grade_table(data, name)
        self.problems += trouble
        forces = {e.force.name for e in found}
        cycles = sorted({e.column.cycle for e in found})
        origins = {e.origin for e in found} or {Origin.NOT_STATED}
        said = (f"{counted(len(found), 'entry', 'entries', words=True)} for "
                f"{counted(len(forces), 'force', words=True)} "
                f"(PEEL {join_words([cycle_words(c) for c in cycles])}){graded_words(found)}"
                if found else "no entries")
        self.inputs.append(InputSummary(name, "grade table", said, origins.pop(),
                                        repeats=self.add_entries(found), cycles=tuple(cycles)))

    def report(self, path: str | os.PathLike[str]) -> None:
        """Read a report data file; the same report again is counted once, a different one refused."""
        data, name = read_data_file(path)
        report = parse_report(data, name)
        if not _keyed(report):  # a pillar report whose pillar was not read fits no column
            self.problems.append(Problem(name, read_source(data, name).line(("pillar",)),
                                         "pillar", _NO_PILLAR))
            return
        try:
            found, facts, named = report_entries(report, name)
        except UnknownForceError as exc:
            self.problems.append(Problem(name, None, "force.name", str(exc)))
            return
        what = facts.pillar or "assessment"  # a report whose pillar was not read is refused above
        summary = InputSummary(
            name, "report", f"{facts.force.name}, PEEL {cycle_words(report.cycle)} {what}: "
                            f"{judged_words(found, what)}",
            Origin.CONSTRUCTED if report.illustrative else Origin.HMICFRS, report.title,
            cycles=(report.cycle,), cited=citation(report))
        same = next((n for r, n, _d in self.held if r == report), None)
        if same is not None:
            self.inputs.append(dataclasses.replace(summary, same_as=same))
            return
        other = next(((r, n, d) for r, n, d in self.held if _keyed(report) and _keyed(r)
                      and _report_key(r) == _report_key(report)), None)
        if other is not None:
            self.problems.append(_differs(other, (report, name, data),
                                          f"{facts.force.short_name}'s {report.cycle} {what}"))
            return
        self.held.append((report, name, data))
        self.reports.append(facts)
        self.titles += named
        self.inputs.append(dataclasses.replace(summary, repeats=self.add_entries(found)))


def _keyed(report: Report) -> bool:
    """Whether the report says what it is (a pillar, or a force assessment)."""
    return report.is_assessment or scale_for_cycle(report.cycle) is Scale.FIVE_TIER or \
        report.pillar not in (None, UNKNOWN)


def _report_key(report: Report) -> tuple[str, str, str | None]:
    """Which report it is: the force, the cycle and the pillar (None for an assessment)."""
    return (force_from_text(report.force.name).name, report.cycle,
            None if report.pillar in (None, UNKNOWN) else report.pillar)


def _difference(a: Any, b: Any, path: SourcePath = ()) -> SourcePath:
    """Return the path of the first place two reports' plain data differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in (*a, *(k for k in b if k not in a)):
            if key not in a or key not in b:
                return (*path, key)
            if a[key] != b[key]:
                return _difference(a[key], b[key], (*path, key))
    elif isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return _difference(x, y, (*path, i))
        if len(a) != len(b):
            return (*path, min(len(a), len(b)))
    return path


_NO_PILLAR = ("unknown: the pillar was not found in the imported text, so its grades cannot be "
              "placed beside any other; fill it in from the published report to compare it")


def _differs(first: tuple[Report, str, bytes], later: tuple[Report, str, bytes],
             what: str) -> Problem:
    """Return the problem of two files holding different versions of one report, at both."""
    path = _difference(schema.unstructure(first[0]), schema.unstructure(later[0]))
    there = read_source(first[2], first[1]).line(path)
    here = read_source(later[2], later[1]).line(path)
    return Problem(later[1], here, format_path(path), (
        f"{what} report is also in {first[1]}{f':{there}' if there else ''}, and the two "
        "differ here; give only the version to compare"))


def load_comparison(paths: Iterable[str | os.PathLike[str]]) -> ComparisonSet:
    """Load grade tables (``.csv``) and report data files; raise DataError listing every problem.

    A file given more than once is read once.  Two files holding the same
    report are counted once when they hold it word for word, and refused,
    naming both, when they differ; rows and judgments that repeat a grade are
    counted once, and a grade that conflicts with an earlier one is refused.
    """
    loader = _Loader()
    supplied: dict[object, int] = {}
    names: dict[object, str] = {}
    for path in paths:
        identity = _identity(path)
        supplied[identity] = supplied.get(identity, 0) + 1
        if supplied[identity] > 1:
            continue
        names[identity] = display_path(path)
        try:
            if Path(path).suffix.lower() == ".csv":
                loader.table(path)
            elif Path(path).suffix.lower() not in (".yaml", ".yml"):
                loader.problems.append(Problem(display_path(path), None, "", (
                    "expected a grade table (.csv) or a report data file (.yaml)")))
            else:
                loader.report(path)
        except DataError as exc:
            loader.problems += exc.problems
    problems = loader.problems + _conflicts(loader.entries)
    if problems:
        order = {p.file: i for i, p in reversed(list(enumerate(problems)))}
        raise DataError(sorted(problems, key=lambda p: (order[p.file], p.line or 0)))
    times = {names[i]: n for i, n in supplied.items()}
    inputs = tuple(dataclasses.replace(i, supplied=times.get(i.path, 1)) for i in loader.inputs)
    return ComparisonSet(tuple(published_first(loader.entries)), tuple(loader.reports), inputs,
                         tuple(loader.titles))


def grade_table_problems(path: str | os.PathLike[str]) -> tuple[Problem, ...]:
    """Check one grade table as a comparison would read it; return every problem, in line order.

    >>> grade_table_problems("tests/fixtures/compare/constructed-2018-19-pillars.csv")
    ()
    """
    try:
        data, name = read_data_file(path)
    except DataError as exc:
        return exc.problems
    found, problems = parse_grade_table(data, name)
    return tuple(sorted([*problems, *_conflicts(found)], key=lambda p: p.line or 0))


def _same(a: Judgment, b: Judgment) -> bool:
    """Whether two judgments say the same (the words one was read from aside)."""
    return dataclasses.replace(a, evidence=None) == dataclasses.replace(b, evidence=None)


def _conflicts(entries: list[GradeEntry]) -> list[Problem]:
    first: dict[tuple[str, tuple[str, str | None, str | None]], GradeEntry] = {}
    problems = []
    for entry in entries:
        key = (entry.force.name, entry.column.key)
        earlier = first.setdefault(key, entry)
        if earlier is not entry and not _same(earlier.judgment, entry.judgment):
            where = _where(entry.source)
            problems.append(Problem(where[0], where[1], "grade", (
                f"{entry.force.short_name} {entry.column.cycle} {entry.column.label}: "
                f"{entry.judgment.describe()!r} conflicts with "
                f"{earlier.judgment.describe()!r} at {earlier.source}")))
    return problems
