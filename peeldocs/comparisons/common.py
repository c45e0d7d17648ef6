"""Words shared by the comparison sections: cells, counts and a force's position."""

from __future__ import annotations

from peeldocs.blocks import Cell, Text, Tone, plain
from peeldocs.comparisons.model import (
    NOT_SUPPLIED,
    ComparisonSet,
    GradeEntry,
    Origin,
    Position,
    scale_of,
)
from peeldocs.comparisons.origins import ORIGIN_MARKS
from peeldocs.model import SCALE_GRADES, Force, Grade, Judgment, Report, Status, cycle_words
from peeldocs.model.report import recommending_questions, text_recommendations
from peeldocs.prose import counted
from peeldocs.prose import join_words as join_phrases
from peeldocs.sections.common import judgment_tone

MISSING_WORDS = "Not in the data used"
UNKNOWN_WORDS = "Not known: the data gives no grade"


def judgment_words(judgment: Judgment) -> str:
    """Return a judgment in words for a comparison cell, never blank and never a guess."""
    if judgment.grade is not None and judgment.status is Status.CARRIED_OVER:
        since = f" from {judgment.from_cycle}" if judgment.from_cycle else ""
        return f"{judgment.grade.label} (carried over{since})"
    if judgment.grade is not None:
        return judgment.grade.label
    if judgment.status is Status.UNKNOWN:
        return UNKNOWN_WORDS
    return str(judgment.status.value).capitalize()


def entry_cell(entry: GradeEntry | None, main: Origin | None = None) -> Cell:
    """Return a matrix cell: the grade in words and tone, or what stands in its place.

    A grade whose source differs from ``main`` (the table's usual source) says
    where it comes from in words: "Good (published)", "Good (constructed)".
    """
    if entry is None:
        return Cell(plain(MISSING_WORDS, italic=True), tone=Tone.NO_GRADE)
    words = judgment_words(entry.judgment)
    if main is not None and entry.origin is not main:
        mark = ORIGIN_MARKS[entry.origin]
        runs = ((Text(words[:-1] + "; "), Text(mark, italic=True), Text(")"))
                if words.endswith(")") else (Text(words + " ("), Text(mark, italic=True), Text(")")))
        return Cell(runs, tone=judgment_tone(entry.judgment))
    return Cell(plain(words), tone=judgment_tone(entry.judgment))


def join_words(items: list[str]) -> str:
    """Join words as "a", "a and b" or "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _graded_as(pairs: tuple[tuple[Grade, int], ...]) -> str:
    """"5 forces were graded outstanding", "1 force was graded outstanding and 10 good"."""
    first_grade, first = pairs[0]
    head = f"{counted(first, 'force')} {'was' if first == 1 else 'were'} graded " \
           f"{first_grade.value}"
    return join_words([head, *(f"{n} {g.value}" for g, n in pairs[1:])])


def _named(n: int, names: tuple[str, ...]) -> str:
    """"Gwent", "2 forces (Gwent and Kent)"; a count alone beyond three, in numerals."""
    if names and n == 1 == len(names):
        return names[0]
    forces = counted(n, "force")
    return f"{forces} ({join_words(list(names))})" if names and len(names) <= 3 else forces


def _without_grade(pos: Position) -> str:
    """Return why the other forces have no grade: "; there is no entry for Gwent".

    A force the inspectorate did not grade is told apart from data that is
    missing ("no entry": not in the data) and from a grade the data says is not
    known ("no grade recorded"), and a force missing from this column only is
    told apart from one the data has nothing at all for in the cycle.
    """
    said = []
    cycle = cycle_words(pos.column.cycle)
    for status, n in pos.without_grade:
        names = dict(pos.named).get(status, ())
        if status == NOT_SUPPLIED:
            gone = tuple(f for f in names if f in pos.absent)
            row = tuple(f for f in names if f not in pos.absent)
            if row or len(gone) < n:  # more than three: counted, not named
                said.append(f"there is no entry for {_named(n - len(gone), row)}")
            if gone:
                said.append(f"the data has nothing at all for {_named(len(gone), gone)} "
                            f"in {cycle}")
        elif status == Status.UNKNOWN.value:  # unknown is not "ungraded": say which it is
            said.append(f"{_named(n, names)} {'has' if n == 1 else 'have'} no grade recorded "
                        "(unknown, rather than ungraded)")
        else:
            said.append(f"{_named(n, names)} {'was' if n == 1 else 'were'} {status}")
    return "; " + join_words(said) if said else ""


def fully_graded(pos: Position) -> bool:
    """Whether every force compared (more than one) has a grade in this column."""
    return pos.compared > 1 and pos.graded == pos.compared


def position_sentence(pos: Position, what: str, coverage_said: bool = False) -> str:
    """Where a force stands in one column, in words, counting ties and never across scales.

    For example: "Norfolk was one of 28 forces graded good for effectiveness in
    2018/19; 5 forces were graded outstanding, and 10 were graded lower (8
    requires improvement, 2 inadequate)."
    """
    name = pos.force.short_name
    cycle = pos.column.cycle
    if fully_graded(pos):  # said once for every bullet when ``coverage_said``
        coverage = "" if coverage_said else (f"All {pos.compared} forces compared have a grade "
                                             "for this.")
    else:
        holders = (f"{pos.graded} of the {pos.compared} forces compared "
                   f"{'has' if pos.graded == 1 else 'have'}" if pos.graded
                   else f"None of the {pos.compared} forces compared has")
        coverage = f"{holders} a grade for this{_without_grade(pos)}."
    cycle = cycle_words(cycle)
    if pos.judgment is None:
        return f"{name}: the data has no grade for {what} in {cycle}. {coverage}".rstrip()
    grade = pos.judgment.grade
    if grade is None:
        words = judgment_words(pos.judgment).lower()
        return f"{name} has no grade for {what} in {cycle} ({words}). {coverage}".rstrip()
    n = pos.count(grade)
    core = (f"the only force graded {grade.value}" if n == 1
            else f"one of {n} forces graded {grade.value}")
    above, below = pos.above(), pos.below()
    top = SCALE_GRADES[scale_of(pos.column.cycle)][0] is grade  # "none higher" than the top says nothing
    higher = _graded_as(above) if above else "no force was graded higher"
    lower_n = sum(k for _g, k in below)
    if not below:
        lower = "and none lower"
    elif len(below) == 1:  # one form for every bullet: "graded lower (…)"
        which = below[0][0].value if lower_n == 1 else f"all {below[0][0].value}"
        lower = f"and {lower_n} {'was' if lower_n == 1 else 'were'} graded lower ({which})"
    else:
        detail = ", ".join(f"{k} {g.value}" for g, k in below)
        lower = f"and {lower_n} {'was' if lower_n == 1 else 'were'} graded lower ({detail})"
    if top:  # "…graded outstanding …; 30 were graded lower (…)"
        lower = "no force was graded lower" if not below else lower.removeprefix("and ")
        text = f"{name} was {core} for {what} in {cycle}; {lower}. {coverage}".rstrip()
    else:
        text = f"{name} was {core} for {what} in {cycle}; {higher}, {lower}. {coverage}".rstrip()
    if pos.judgment.status is Status.CARRIED_OVER:
        since = f" from {pos.judgment.from_cycle}" if pos.judgment.from_cycle else ""
        text += f" {name}’s grade was carried over{since}."
    return text


def missing_cycles(data: ComparisonSet, force: Force) -> tuple[str, ...]:
    """Cycles in the comparison for which the force has no entry at all."""
    have = {e.column.cycle for e in data.entries if e.force.name == force.name}
    return tuple(c for c in data.cycles() if c not in have)


def judged_words(found: list[GradeEntry], what: str) -> str:
    """Say what a report's judgments are, as a reader counts them.

    "the overall judgment and five questions", not "6 judgments".
    """
    overall = sum(1 for e in found if e.column.question is None)
    questions = len(found) - overall
    named = "area" if what == "assessment" else "question"
    parts = (["the overall judgment"] if overall == 1 else
             [counted(overall, "pillar judgment", words=True)] if overall else [])
    if questions:
        parts.append(counted(questions, named, words=True))
    return join_phrases(parts) or "no judgments"


def graded_words(found: list[GradeEntry]) -> str:
    """Say how many entries hold a grade: "; 127 of them hold a grade" ("" when all do).

    Rows are counted as entries, never all as grades: an ungraded row is an entry.
    """
    graded = sum(1 for e in found if e.judgment.grade is not None)
    if graded == len(found):
        return ", each with a grade" if len(found) > 1 else ", with a grade"
    if not graded:
        return "; none holds a grade"
    return f"; {graded} of them {'holds' if graded == 1 else 'hold'} a grade"


def recommending(report: Report, assessment: bool) -> tuple[tuple[str, str], ...]:
    """Return where the findings' text makes a recommendation not listed as such, with it.

    ``("question 5", "We recommend Norfolk and Suffolk Constabularies to …")``, an
    area by name for an assessment, as the briefing pack lists them.  A question
    whose text recommends action in no one sentence that can be quoted is given
    with "" when the report lists none, so a count of none is never left unqualified.
    """
    names = {q.number: f"“{q.title}”" if assessment else f"question {q.number}"
             for q in report.questions}
    stated = text_recommendations(report)
    said = [(names[r.question], r.text) for r in stated]
    if not any(c.recommendations for q in report.questions for c in q.causes_of_concern):
        quoted = {r.question for r in stated}
        said += [(names[n], "") for n in recommending_questions(report) if n not in quoted]
    return tuple(said)


def grade_steps(graded: list[tuple[str, Grade]]) -> str:
    """Say a run of grades: "good in 2016, then outstanding in 2017 and 2018/19"; "" with none."""
    if len({g for _c, g in graded}) <= 1:
        return f"{graded[0][1].value} in {join_words([cycle_words(c) for c, _g in graded])}" \
            if graded else ""
    runs: list[tuple[str, list[str]]] = []
    for cycle, grade in graded:
        if runs and runs[-1][0] == grade.value:
            runs[-1][1].append(cycle_words(cycle))
        else:
            runs.append((grade.value, [cycle_words(cycle)]))
    said = [f"{g} in {join_words(cs)}" for g, cs in runs]
    return join_words(said) if all(len(cs) == 1 for _g, cs in runs) else ", then ".join(said)


def forces_words(data: ComparisonSet) -> str:
    """Say how many forces the data covers, cycle by cycle where that differs (read 24-X).

    "43 forces" when every cycle covers them all; else "43 forces (PEEL 2018/19 and
    2021/22); Norfolk only for PEEL 2016, 2017 and 2023–25": never a count the data
    holds for some cycles claimed for all.
    """
    total = len(data.forces())
    groups: dict[frozenset[str], list[str]] = {}
    for cycle in data.cycles():
        names = {f.name for f in data.forces_in_cycle(cycle)}
        names |= {r.force.name for r in data.reports if r.cycle == cycle}
        if names:
            groups.setdefault(frozenset(names), []).append(cycle)
    if len(groups) < 2:
        return counted(total, "force", words=True)
    short = {f.name: f.short_name for f in data.forces()}
    parts = []
    for group, cycles in sorted(groups.items(), key=lambda g: -len(g[0])):
        when = "PEEL " + join_words([cycle_words(c) for c in cycles])
        if len(group) == total:
            parts.append(f"{counted(total, 'force', words=True)} ({when})")
        elif len(group) == 1:
            parts.append(f"{short[next(iter(group))]} only for {when}")
        else:
            parts.append(f"{counted(len(group), 'force', words=True)} for {when}")
    return "; ".join(parts)


def kept_title(title: str) -> str:
    """Keep a short part after the title's colon on one line ("PEEL\u00a0comparison")."""
    head, colon, tail = title.partition(": ")
    return f"{head}{colon}{tail.replace(' ', chr(0xA0))}" if colon and len(tail) <= 30 else title
