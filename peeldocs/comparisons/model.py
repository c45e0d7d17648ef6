"""Comparisons of forces and cycles: plain, frozen data with no I/O and no rendering.

A :class:`ComparisonSet` holds graded cells (one force's judgment for one pillar, question
or area of one cycle) with the file and line each came from, and what full reports add
(findings, earlier findings).  A cell absent from the set is "not in the data used", never
a grade or a status.  Grades are counted or ranked within one cycle only: scales never meet.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from enum import Enum

from peeldocs.model import (
    SCALE_GRADES,
    Force,
    Grade,
    Judgment,
    PriorFinding,
    Scale,
    Status,
    cycle_start_year,
    scale_for_cycle,
)

PILLARS = ("effectiveness", "efficiency", "legitimacy")


class Origin(Enum):
    """Where an input's grades come from, as the input itself states it.

    A grade table says so in its ``source`` column; a report data file is
    HMICFRS's report unless it is marked ``illustrative: true``.  A table
    without a ``source`` column does not say, and a pack never guesses.
    """

    HMICFRS = "HMICFRS"
    CONSTRUCTED = "constructed"
    NOT_STATED = "not stated"


@dataclass(frozen=True, slots=True)
class Column:
    """What was judged: a pillar's grade, a question of a pillar, or an area (2021/22 on).

    ``question`` is None for a pillar's own grade; otherwise a question number
    (as text) or, for assessments, the area's name as first written.
    """

    cycle: str
    pillar: str | None
    question: str | None

    @property
    def key(self) -> tuple[str, str | None, str | None]:
        """Identity for matching: area names compare without case or extra spaces."""
        question = None if self.question is None else " ".join(self.question.split()).casefold()
        return (self.cycle, self.pillar, question)

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        """Order: pillars as HMICFRS orders them, the pillar's grade before its questions."""
        pillar = PILLARS.index(self.pillar) if self.pillar in PILLARS else len(PILLARS)
        if self.question is None:
            return (pillar, 0, 0, "")
        if self.question.isdigit():
            return (pillar, 1, int(self.question), "")
        return (pillar, 2, 0, "")  # areas keep the order they were first given in

    @property
    def label(self) -> str:
        """The column in words: "Effectiveness", "Effectiveness question 2", an area's name."""
        if self.pillar is None:
            if self.question is None:
                return "Overall"
            return f"Area {self.question}" if self.question.isdigit() else self.question
        if self.question is None:
            return self.pillar.capitalize()
        return f"{self.pillar.capitalize()} question {self.question}"


@dataclass(frozen=True, slots=True)
class GradeEntry:
    """One force's judgment for one column, and where it was read."""

    force: Force
    column: Column
    judgment: Judgment
    source: str
    origin: Origin = Origin.NOT_STATED
    report: str | None = None  # the title of the report file read; None for a table's row


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """What a full report file adds to a force's history: counts and earlier findings."""

    force: Force
    cycle: str
    pillar: str | None
    source: str
    areas_for_improvement: int
    causes_of_concern: int
    recommendations: int
    prior_findings: tuple[PriorFinding, ...] = ()
    recommending: tuple[tuple[str, str], ...] = ()
    """Recommendations made in the findings' text, not listed: ("question 5" or an area
    named, the sentence verbatim, or "" where no one sentence makes it), in order."""
    calls: tuple[tuple[str, str], ...] = ()
    """Other calls to act in the findings, unlisted, as the pack quotes them: (where, words)."""
    named: tuple[tuple[str, str, str], ...] = ()  # each AFI, cause: kind, where, opening words


@dataclass(frozen=True, slots=True)
class InputSummary:
    """One input file, what it contributed in words, and where its grades come from.

    ``title`` is a report file's title of the report it holds; None for a grade table.
    ``supplied`` counts how many times the file was given (it is read once);
    ``same_as`` names an earlier file holding the very same report, in which
    case nothing is counted from this one; ``repeats`` counts, for each earlier
    file (or this one), the grades here that it already gave, the same, each
    counted once.
    """

    path: str
    kind: str
    contributed: str
    origin: Origin = Origin.NOT_STATED
    title: str | None = None
    supplied: int = 1
    same_as: str | None = None
    repeats: tuple[tuple[str, int], ...] = ()
    cycles: tuple[str, ...] = ()
    """The cycles the input has grades for, oldest first."""
    cited: str | None = None
    """A report file's citation in words: its title, what it covers and its date as held."""


@dataclass(frozen=True, slots=True)
class ComparisonSet:
    """Everything a comparison pack is built from, in input order."""

    entries: tuple[GradeEntry, ...]
    reports: tuple[ReportFacts, ...] = ()
    inputs: tuple[InputSummary, ...] = ()
    titles: tuple[tuple[Column, str], ...] = field(default=())
    _index: dict[tuple[str, tuple[str, str | None, str | None]], GradeEntry] = field(
        init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.entries:
            self._index.setdefault((entry.force.name, entry.column.key), entry)

    def forces(self) -> tuple[Force, ...]:
        """Every force in the set, by name."""
        found = {e.force.name: e.force for e in self.entries}
        found.update({r.force.name: r.force for r in self.reports})
        return tuple(found[name] for name in sorted(found))

    def cycles(self) -> tuple[str, ...]:
        """Every cycle in the set, oldest first."""
        found = {e.column.cycle for e in self.entries} | {r.cycle for r in self.reports}
        return tuple(sorted(found, key=lambda c: (cycle_start_year(c), c)))

    def columns(self, cycle: str, at_least: int = 1) -> tuple[Column, ...]:
        """Return the columns of one cycle, in order, each once (first spelling kept).

        ``at_least`` leaves out columns with entries for fewer forces than that.
        """
        seen: dict[tuple[str, str | None, str | None], Column] = {}
        forces: dict[tuple[str, str | None, str | None], set[str]] = {}
        for entry in self.entries:
            if entry.column.cycle == cycle:
                seen.setdefault(entry.column.key, entry.column)
                forces.setdefault(entry.column.key, set()).add(entry.force.name)
        order = [c for c in seen.values() if len(forces[c.key]) >= at_least]
        rank = {c.key: i for i, c in enumerate(order)}
        return tuple(sorted(order, key=lambda c: (c.sort_key, rank[c.key])))

    def entry(self, force: Force, column: Column) -> GradeEntry | None:
        """Return the force's entry for a column, or None when the data used has none."""
        return self._index.get((force.name, column.key))

    def forces_in_cycle(self, cycle: str) -> tuple[Force, ...]:
        """Return the forces with at least one entry in a cycle."""
        names = {e.force.name for e in self.entries if e.column.cycle == cycle}
        return tuple(f for f in self.forces() if f.name in names)

    def constructed(self) -> tuple[InputSummary, ...]:
        """Return the inputs constructed for illustration (their grades are invented)."""
        return tuple(i for i in self.inputs if i.origin is Origin.CONSTRUCTED)

    def all_constructed(self) -> bool:
        """Return whether every input is constructed for illustration."""
        return bool(self.inputs) and len(self.constructed()) == len(self.inputs)

    def mixed(self) -> bool:
        """Return whether the inputs' grades come from more than one kind of source.

        Only then does a table or bullet say where each grade comes from; a pack
        from one kind of source says it once, on its cover and every page.
        """
        return len({i.origin for i in self.inputs}) > 1

    def title(self, column: Column) -> str | None:
        """Return the question's wording when a report gave it, else None."""
        for known, text in self.titles:
            if known.key == column.key:
                return text
        return None


def scale_of(cycle: str) -> Scale:
    """Return the grading scale of a cycle."""
    return scale_for_cycle(cycle)


@dataclass(frozen=True, slots=True)
class Position:
    """Where one force stands in one column: counts per grade on that cycle's scale only."""

    column: Column
    force: Force
    judgment: Judgment | None
    counts: tuple[tuple[Grade, int], ...]
    carried_over: int
    without_grade: tuple[tuple[str, int], ...]
    compared: int
    named: tuple[tuple[str, tuple[str, ...]], ...] = ()  # forces without a grade, by status
    absent: tuple[str, ...] = ()  # forces with nothing at all in the data for this cycle

    @property
    def graded(self) -> int:
        """How many forces hold a grade in this column."""
        return sum(n for _grade, n in self.counts)

    def count(self, grade: Grade) -> int:
        """How many forces hold ``grade`` in this column."""
        return dict(self.counts).get(grade, 0)

    def above(self) -> tuple[tuple[Grade, int], ...]:
        """Grades higher on the same scale than the force's, with their counts (nonzero)."""
        if self.judgment is None or self.judgment.grade is None:
            return ()
        order = SCALE_GRADES[scale_of(self.column.cycle)]
        return tuple((g, self.count(g)) for g in order[:order.index(self.judgment.grade)]
                     if self.count(g))

    def below(self) -> tuple[tuple[Grade, int], ...]:
        """Grades lower on the same scale than the force's, with their counts (nonzero)."""
        if self.judgment is None or self.judgment.grade is None:
            return ()
        order = SCALE_GRADES[scale_of(self.column.cycle)]
        return tuple((g, self.count(g)) for g in order[order.index(self.judgment.grade) + 1:]
                     if self.count(g))


NOT_SUPPLIED = "not in the data used"


def distribution(data: ComparisonSet, column: Column,
                 forces: tuple[Force, ...]) -> tuple[Counter[Grade], int, Counter[str]]:
    """Count a column over ``forces``: grades, carried-over grades, and cells without a grade.

    Cells without a grade are counted by status in words, or as
    :data:`NOT_SUPPLIED` when the data used has no entry for the force.
    """
    grades, others, carried = Counter[Grade](), Counter[str](), 0
    for force in forces:
        entry = data.entry(force, column)
        if entry is None:
            others[NOT_SUPPLIED] += 1
        elif entry.judgment.grade is not None:
            grades[entry.judgment.grade] += 1
            carried += entry.judgment.status is Status.CARRIED_OVER
        else:
            others[entry.judgment.status.value] += 1
    return grades, carried, others


def position(data: ComparisonSet, force: Force, column: Column,
             forces: tuple[Force, ...]) -> Position:
    """Return where ``force`` stands among ``forces`` in one column of one cycle."""
    grades, carried, others = distribution(data, column, forces)
    order = SCALE_GRADES[scale_of(column.cycle)]
    named: defaultdict[str, list[str]] = defaultdict(list)
    for other in forces:
        found = data.entry(other, column)
        if found is None or found.judgment.grade is None:
            named[NOT_SUPPLIED if found is None else found.judgment.status.value].append(other.short_name)
    present = {f.name for f in data.forces_in_cycle(column.cycle)}
    return Position(
        column=column, force=force,
        judgment=None if (entry := data.entry(force, column)) is None else entry.judgment,
        counts=tuple((g, grades[g]) for g in order), carried_over=carried,
        without_grade=tuple(sorted(others.items())), compared=len(forces),
        named=tuple((k, tuple(v)) for k, v in sorted(named.items())),
        absent=tuple(f.short_name for f in forces if f.name not in present))
