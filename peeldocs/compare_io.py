"""Load a comparison from grade tables (CSV) and report data files.

Every problem in every input is reported at once, as ``FILE:LINE: column:
message`` (:class:`~peeldocs.errors.Problem`), in one
:class:`~peeldocs.errors.DataError`.  Tolerant where the truth is not at stake
(byte-order mark, CRLF, spaces, case, ``2018-19``), strict where it is (forces,
grades on the cycle's scale, statuses, conflicting rows).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from peeldocs.comparison import (
    Column,
    ComparisonSet,
    GradeEntry,
    InputSummary,
    Origin,
    ReportFacts,
)
from peeldocs.errors import DataError, Problem
from peeldocs.forces import UnknownForceError
from peeldocs.grade_table import HEADER, force_from_text, normalise_cycle, parse_grade_table
from peeldocs.loading import display_path, load_report, read_data_file
from peeldocs.model import UNKNOWN, Report, Scale, scale_for_cycle
from peeldocs.prose import counted, join_words
from peeldocs.sections.counts import questions_phrase, recommending_questions

__all__ = ["HEADER", "load_comparison", "normalise_cycle", "parse_grade_table", "report_entries"]


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
                                  source, origin))
    if assessment or pillar is not None:
        for q in report.questions:
            column = Column(report.cycle, None, q.title) if assessment else \
                Column(report.cycle, pillar, str(q.number))
            entries.append(GradeEntry(force, column, q.judgment, source, origin))
            if not assessment:
                titles.append((column, q.title))
    listed = sum(len(c.recommendations) for q in report.questions for c in q.causes_of_concern)
    facts = ReportFacts(
        force=force, cycle=report.cycle, pillar=pillar, source=source,
        areas_for_improvement=sum(len(q.areas_for_improvement) for q in report.questions),
        causes_of_concern=sum(len(q.causes_of_concern) for q in report.questions),
        recommendations=listed,
        prior_findings=report.prior_findings,
        recommending="" if listed else _recommending(report, assessment))
    return entries, facts, titles


def _recommending(report: Report, assessment: bool) -> str:
    """Say where the text recommends action, as the briefing pack does: questions, or areas."""
    numbers = recommending_questions(report)
    if assessment:
        return join_words(q.title for q in report.questions if q.number in numbers)
    return questions_phrase(numbers)


def load_comparison(paths: Iterable[str | os.PathLike[str]]) -> ComparisonSet:
    """Load grade tables (``.csv``) and report data files; raise DataError listing every problem."""
    problems: list[Problem] = []
    entries: list[GradeEntry] = []
    reports: list[ReportFacts] = []
    titles: list[tuple[Column, str]] = []
    inputs: list[InputSummary] = []
    for path in paths:
        try:
            if Path(path).suffix.lower() == ".csv":
                data, name = read_data_file(path)
                found, trouble = parse_grade_table(data, name)
                problems += trouble
                entries += found
                forces = {e.force.name for e in found}
                cycles = sorted({e.column.cycle for e in found})
                origins = {e.origin for e in found} or {Origin.NOT_STATED}
                said = (f"{counted(len(found), 'grade row')} for "
                        f"{counted(len(forces), 'force')} ({', '.join(cycles)})" if found
                        else "no grade rows")
                inputs.append(InputSummary(name, "grade table", said, origins.pop()))
            elif Path(path).suffix.lower() not in (".yaml", ".yml"):
                problems.append(Problem(display_path(path), None, "", (
                    "expected a grade table (.csv) or a report data file (.yaml)")))
            else:
                report = load_report(path)
                name = display_path(path)
                try:
                    found, facts, named = report_entries(report, name)
                except UnknownForceError as exc:
                    problems.append(Problem(name, None, "force.name", str(exc)))
                    continue
                entries += found
                reports.append(facts)
                titles += named
                what = facts.pillar or ("assessment" if report.is_assessment or scale_for_cycle(
                    report.cycle) is Scale.FIVE_TIER else "report (pillar not known)")
                inputs.append(InputSummary(name, "report", (
                    f"{facts.force.name}, {report.cycle} {what}: "
                    f"{counted(len(found), 'judgment')}"),
                    Origin.CONSTRUCTED if report.illustrative else Origin.HMICFRS, report.title))
        except DataError as exc:
            problems += exc.problems
    problems += _conflicts(entries)
    if problems:
        order = {p.file: i for i, p in reversed(list(enumerate(problems)))}
        raise DataError(sorted(problems, key=lambda p: (order[p.file], p.line or 0)))
    return ComparisonSet(tuple(_unique(entries)), tuple(reports), tuple(inputs), tuple(titles))


def _conflicts(entries: list[GradeEntry]) -> list[Problem]:
    first: dict[tuple[str, tuple[str, str | None, str | None]], GradeEntry] = {}
    problems = []
    for entry in entries:
        key = (entry.force.name, entry.column.key)
        earlier = first.setdefault(key, entry)
        if earlier is not entry and earlier.judgment != entry.judgment:
            file, _sep, line = entry.source.rpartition(":")
            where = (file, int(line)) if line.isdigit() else (entry.source, None)
            problems.append(Problem(where[0], where[1], "grade", (
                f"{entry.force.short_name} {entry.column.cycle} {entry.column.label}: "
                f"{entry.judgment.describe()!r} conflicts with "
                f"{earlier.judgment.describe()!r} at {earlier.source}")))
    return problems


def _unique(entries: list[GradeEntry]) -> list[GradeEntry]:
    seen: set[tuple[str, tuple[str, str | None, str | None]]] = set()
    out = []
    for entry in entries:
        key = (entry.force.name, entry.column.key)
        if key not in seen:
            seen.add(key)
            out.append(entry)
    return out
