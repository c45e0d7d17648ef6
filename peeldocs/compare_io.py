"""Load a comparison from grade tables (CSV) and report data files.

Every problem in every input is reported at once, as ``FILE:LINE: column:
message`` (:class:`~peeldocs.errors.Problem`), in one
:class:`~peeldocs.errors.DataError`.  Tolerant where the truth is not at stake
(byte-order mark, CRLF, spaces, case, ``2018-19``), strict where it is (forces,
grades on the cycle's scale, statuses, conflicting rows).
"""

from __future__ import annotations

import csv
import difflib
import io
import os
import re
from collections.abc import Iterable
from pathlib import Path

from peeldocs import scales
from peeldocs.comparison import (
    PILLARS,
    Column,
    ComparisonSet,
    GradeEntry,
    InputSummary,
    ReportFacts,
)
from peeldocs.errors import DataError, Problem
from peeldocs.forces import UnknownForceError, match_force
from peeldocs.loading import display_path, load_report, read_data_file
from peeldocs.model import (
    KNOWN_CYCLES,
    SCALE_GRADES,
    UNKNOWN,
    Force,
    Grade,
    Judgment,
    Report,
    Scale,
    Status,
    scale_for_cycle,
)

HEADER = ("force", "cycle", "pillar", "question", "grade", "status")
_DASHES = re.compile("[\u2010-\u2015\u2212]")


def normalise_cycle(text: str) -> str:
    """Return the canonical cycle for ``2018-19``, ``2018/2019``, ``2023–25`` and the like."""
    cycle = scales.normalise_cycle(_DASHES.sub("-", text))
    if cycle is not None:
        return cycle
    year = text.strip()[:4]
    close = [c for c in KNOWN_CYCLES if c.startswith(year)] if year.isdigit() else []
    hint = f"did you mean {close[0]!r}?" if close else f"expected one of: {', '.join(KNOWN_CYCLES)}"
    raise ValueError(f"{text.strip()!r} is not a PEEL cycle; {hint}")


def _words(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).casefold()


def _force(text: str) -> Force:
    return match_force(" ".join(text.split()))


def _judgment(grade_text: str, status_text: str, cycle: str) -> Judgment:
    """Read a grade and status; raise ValueError("column: message") when they disagree."""
    status: Status | None = None
    if status_text:
        try:
            status = Status(_words(status_text.replace("-", " ")))
        except ValueError:
            names = ", ".join(s.value for s in Status)
            raise ValueError(f"status: {status_text!r} is not a status; expected one of: "
                             f"{names}, or empty") from None
    if not grade_text:
        if status is None:
            return Judgment(Status.UNKNOWN)
        if status.has_grade:
            raise ValueError(f"grade: a {status.value!r} row needs a grade")
        return Judgment(status)
    scale = scale_for_cycle(cycle)
    grades = SCALE_GRADES[scale]
    try:
        grade = Grade(_words(grade_text.replace("-", " ")))
    except ValueError:
        grade = None
    if grade is None or grade not in grades:
        expected = ", ".join(g.value for g in grades)
        raise ValueError(f"grade: {grade_text!r} is not a grade on the {cycle} scale; "
                         f"expected one of: {expected}")
    if status is not None and not status.has_grade:
        raise ValueError(f"status: a row with status {status.value!r} has no grade, "
                         f"but the grade is {grade_text!r}")
    return Judgment(status or Status.GRADED, grade)


def _column(cycle: str, pillar_text: str, question_text: str) -> Column:
    """Read what a row grades; raise ValueError("column: message") when it cannot be."""
    pillar = _words(pillar_text) or None
    question = " ".join(question_text.split()) or None
    if scale_for_cycle(cycle) is Scale.FIVE_TIER:
        if pillar is not None:
            raise ValueError(f"pillar: {cycle} assessments have no pillars; leave it empty "
                             f"(got {pillar_text.strip()!r})")
        if question is None:
            raise ValueError(f"question: give the area's name; {cycle} assessments grade "
                             "area by area and have no overall grade")
        return Column(cycle, None, question)
    if pillar not in PILLARS:
        close = difflib.get_close_matches(pillar or "", PILLARS, n=1, cutoff=0.7)
        got = f"{pillar_text.strip()!r} is not a pillar" if pillar else "no pillar given"
        hint = f"did you mean {close[0]!r}?" if close else f"expected one of: {', '.join(PILLARS)}"
        raise ValueError(f"pillar: {got}; {hint}")
    if question is not None:
        number = question.upper().removeprefix("Q").strip()
        if not number.isdigit() or int(number) < 1:
            raise ValueError(f"question: {question!r} is not a question number; give a "
                             "number such as 2, or leave it empty for the pillar's grade")
        question = str(int(number))
    return Column(cycle, pillar, question)


def _rows(text: str) -> Iterable[tuple[int, list[str]]]:
    """Yield (first line, fields) for each CSV record."""
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    for fields in reader:
        yield line, fields
        line = reader.line_num + 1


def parse_grade_table(data: bytes, file: str) -> tuple[list[GradeEntry], list[Problem]]:
    """Read a grade table (CSV, UTF-8, header ``force,cycle,pillar,question,grade,status``)."""
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        return [], [Problem(file, line, "", "the file is not UTF-8 text; save it as CSV UTF-8")]
    rows = iter(_rows(text))
    head = next(rows, None)
    names = tuple(_words(h) for h in head[1]) if head else ()
    while names and not names[-1]:  # spreadsheets often export empty trailing columns
        names = names[:-1]
    if names not in (HEADER, HEADER[:-1]):
        got = ", ".join(head[1]) if head else "an empty file"
        return [], [Problem(file, 1, "", f"the header row must be {','.join(HEADER)} "
                                         f"(status may be left out); got: {got}")]
    entries: list[GradeEntry] = []
    for line, fields in rows:
        cells = [f.strip() for f in fields]
        if not any(cells):
            continue
        if len(cells) not in (len(names), len(HEADER)) and not (
                len(cells) > len(names) and not any(cells[len(names):])):
            problems.append(Problem(file, line, "", f"expected {len(names)} columns, "
                                                    f"found {len(cells)}"))
            continue
        row = dict(zip(HEADER, [*cells, "", ""], strict=False))
        errors: list[str] = []
        force = cycle = column = judgment = None
        try:
            force = _force(row["force"])
        except UnknownForceError as exc:
            errors.append(f"force: {exc}")
        try:
            cycle = normalise_cycle(row["cycle"])
        except ValueError as exc:
            errors.append(f"cycle: {exc}")
        if cycle is not None:
            for step in ("column", "judgment"):
                try:
                    if step == "column":
                        column = _column(cycle, row["pillar"], row["question"])
                    else:
                        judgment = _judgment(row["grade"], row["status"], cycle)
                except ValueError as exc:
                    errors.append(str(exc))
        for error in errors:
            where, _sep, message = error.partition(": ")
            problems.append(Problem(file, line, where, message))
        if force and column and judgment and not errors:
            entries.append(GradeEntry(force, column, judgment, f"{file}:{line}"))
    return entries, problems


def report_entries(report: Report, source: str) -> tuple[list[GradeEntry], ReportFacts,
                                                            list[tuple[Column, str]]]:
    """Return a report's judgments as entries, its counts, and its question wordings."""
    force = _force(report.force.name)
    assessment = report.is_assessment or scale_for_cycle(report.cycle) is Scale.FIVE_TIER
    pillar = None if assessment or report.pillar in (None, UNKNOWN) else report.pillar
    entries: list[GradeEntry] = []
    titles: list[tuple[Column, str]] = []
    if pillar is not None and report.judgment is not None:
        entries.append(GradeEntry(force, Column(report.cycle, pillar, None), report.judgment,
                                  source))
    if assessment or pillar is not None:
        for q in report.questions:
            column = Column(report.cycle, None, q.title) if assessment else \
                Column(report.cycle, pillar, str(q.number))
            entries.append(GradeEntry(force, column, q.judgment, source))
            if not assessment:
                titles.append((column, q.title))
    facts = ReportFacts(
        force=force, cycle=report.cycle, pillar=pillar, source=source,
        areas_for_improvement=sum(len(q.areas_for_improvement) for q in report.questions),
        causes_of_concern=sum(len(q.causes_of_concern) for q in report.questions),
        recommendations=sum(len(c.recommendations) for q in report.questions
                            for c in q.causes_of_concern),
        prior_findings=report.prior_findings)
    return entries, facts, titles


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


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
                inputs.append(InputSummary(name, "grade table", (
                    f"{_plural(len(found), 'grade row')} for {_plural(len(forces), 'force')} "
                    f"({', '.join(cycles) or 'no cycle'})")))
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
                what = facts.pillar or "assessment"
                inputs.append(InputSummary(name, "report", (
                    f"{facts.force.name}, {report.cycle} {what}: "
                    f"{_plural(len(found), 'judgment')}")))
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
