"""Read a grade table: CSV rows of forces' grades, each checked against its cycle's scale.

A table may state where its grades come from in a ``source`` column, on every
row (so sorting, filtering or copying rows never separates a grade from it):
``HMICFRS`` for grades copied from published HMICFRS reports, ``constructed``
for grades made up for illustration or testing.  A table without the column
does not say, and a pack built from it says that.  Every problem is a
:class:`~peeldocs.errors.Problem` with its file and line.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Iterable

from peeldocs.comparisons.model import PILLARS, Column, GradeEntry, Origin
from peeldocs.errors import Problem
from peeldocs.model import (
    KNOWN_CYCLES,
    SCALE_GRADES,
    Force,
    Grade,
    Judgment,
    Scale,
    Status,
    scale_for_cycle,
    scales,
)
from peeldocs.model.forces import UnknownForceError, match_force

HEADER = ("force", "cycle", "pillar", "question", "grade", "status", "source")
HEADERS = (HEADER, HEADER[:6], HEADER[:5], (*HEADER[:5], "source"))
"""The headers a grade table may have: status and source may each be left out."""
WRITE = ("write HMICFRS (grades copied from published HMICFRS reports) or constructed "
         "(grades made up for illustration or testing)")
SOURCES = {"hmicfrs": Origin.HMICFRS, "constructed": Origin.CONSTRUCTED,
           "illustrative": Origin.CONSTRUCTED}
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


def force_from_text(text: str) -> Force:
    """Return the force a name, short name or alias in a cell means (spaces ignored)."""
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


CELL_MOST = 128 * 1024
"""The longest cell a grade table may hold, in characters (the csv module's own limit)."""


class _CellTooLong(ValueError):
    """A cell of a grade table is longer than :data:`CELL_MOST`."""


def _rows(text: str) -> Iterable[tuple[int, list[str]]]:
    """Yield (first line, fields) for each CSV record; raise _CellTooLong("line N ...")."""
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # "field larger than field limit", a NUL, a stray quote
            reason = (f"a cell is longer than {CELL_MOST // 1024} KB, the most a grade table "
                      "cell may hold" if "field limit" in str(exc) else f"not CSV: {exc}")
            raise _CellTooLong(f"{line}\n{reason}") from None
        if any(len(f) > CELL_MOST for f in fields):
            raise _CellTooLong(f"{line}\na cell is longer than {CELL_MOST // 1024} KB, the most "
                               "a grade table cell may hold")
        yield line, fields
        line = reader.line_num + 1


def _header(names: tuple[str, ...]) -> tuple[str, ...] | None:
    """Return the columns a header names, in order, or None when it is not a grade table's."""
    for columns in HEADERS:
        if names == columns:
            return columns
    return None


def _source(text: str) -> Origin:
    """Read a row's ``source`` cell; raise ValueError("source: message") when it is not one."""
    origin = SOURCES.get(_words(text))
    if origin is not None:
        return origin
    said = f"{text!r} is not a source" if text else "empty"
    raise ValueError(f"source: {said}; {WRITE}")


def _read_row(row: dict[str, str], file: str, line: int) -> tuple[GradeEntry | None, list[str]]:
    """Read one row into an entry, or return every problem with it as "column: message"."""
    errors: list[str] = []
    force = cycle = column = judgment = None
    origin = Origin.NOT_STATED
    try:
        force = force_from_text(row["force"])
    except UnknownForceError as exc:
        errors.append(f"force: {exc}")
    try:
        cycle = normalise_cycle(row["cycle"])
    except ValueError as exc:
        errors.append(f"cycle: {exc}")
    if cycle is not None:
        try:
            column = _column(cycle, row["pillar"], row["question"])
        except ValueError as exc:
            errors.append(str(exc))
        try:
            judgment = _judgment(row["grade"], row.get("status", ""), cycle)
        except ValueError as exc:
            errors.append(str(exc))
    if "source" in row:
        try:
            origin = _source(row["source"])
        except ValueError as exc:
            errors.append(str(exc))
    if force and column and judgment and not errors:
        return GradeEntry(force, column, judgment, f"{file}:{line}", origin), []
    return None, errors


def parse_grade_table(data: bytes, file: str) -> tuple[list[GradeEntry], list[Problem]]:
    """Read a grade table (CSV, UTF-8, header ``force,cycle,pillar,question,grade,status,source``).

    ``status`` and ``source`` may be left out.  With ``source``, every row
    states where its grade comes from, and one table holds grades of one
    source only: a row saying otherwise is a problem at its line.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        return [], [Problem(file, line, "", "the file is not UTF-8 text; save it as CSV UTF-8")]
    try:
        return _read_table(list(_rows(text)), file)
    except _CellTooLong as exc:
        at, _sep, reason = str(exc).partition("\n")
        return [], [Problem(file, int(at), "", reason)]


def _read_table(records: list[tuple[int, list[str]]],
                file: str) -> tuple[list[GradeEntry], list[Problem]]:
    """Read a grade table's records (header first) into entries and problems."""
    rows = iter(records)
    head = next(rows, None)
    names = tuple(_words(h) for h in head[1]) if head else ()
    while names and not names[-1]:  # spreadsheets often export empty trailing columns
        names = names[:-1]
    columns = _header(names)
    if columns is None:
        got = ", ".join(head[1]) if head else "an empty file"
        return [], [Problem(file, 1, "", f"the header row must be {','.join(HEADERS[0])} "
                                         f"(status and source may be left out); got: {got}")]
    problems: list[Problem] = []
    entries: list[GradeEntry] = []
    first: GradeEntry | None = None
    for line, fields in rows:
        cells = [f.strip() for f in fields]
        if not any(cells):
            continue
        wide = columns == HEADERS[2] and len(cells) > len(columns)  # a status the header lacks
        read = HEADERS[1] if wide else columns
        if len(cells) < len(read) or any(cells[len(read):]):
            short = read[-1] == "source" and len(cells) == len(read) - 1
            problems.append(Problem(file, line, "source" if short else "", (
                f"the row has {len(cells)} columns and the header {len(read)}, so its source is "
                f"missing; {WRITE}"
                if short else f"expected {len(columns)} columns, found {len(cells)}")))
            continue
        entry, errors = _read_row(dict(zip(read, cells, strict=False)), file, line)
        if entry is not None and "source" in columns:
            first = first or entry
            if entry.origin is not first.origin:
                errors.append(f"source: {entry.origin.value!r}, but line "
                              f"{first.source.rpartition(':')[2]} says {first.origin.value!r}; "
                              "one table holds grades of one source, so keep constructed grades "
                              "in a table of their own")
        for error in errors:
            where, _sep, message = error.partition(": ")
            problems.append(Problem(file, line, where, message))
        if entry is not None and not errors:
            entries.append(entry)
    return entries, problems
