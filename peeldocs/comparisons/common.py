"""Words shared by the comparison sections: cells, counts and a force's position."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from peeldocs.blocks import Cell, Text, Tone, plain
from peeldocs.comparisons.model import (
    NOT_SUPPLIED,
    ComparisonSet,
    GradeEntry,
    Origin,
    Position,
)
from peeldocs.model import Force, Grade, Judgment, Report, Status, cycle_words
from peeldocs.prose import counted, sentence_case
from peeldocs.prose import join_words as join_phrases
from peeldocs.sections.common import judgment_tone
from peeldocs.wording import long_date

ORIGIN_MARKS = {Origin.HMICFRS: "published", Origin.CONSTRUCTED: "constructed",
                Origin.NOT_STATED: "source not stated"}
"""The word a cell carries when its source differs from the rest of its table."""

_ORIGIN_ALL = {Origin.HMICFRS: "grades from published HMICFRS reports",
               Origin.CONSTRUCTED: "grades constructed for illustration",
               Origin.NOT_STATED: "grades from a source that does not say where they come from"}


def citation(report: Report) -> str:
    """Cite a report by its title as published, what it covers and its date as the data holds it.

    "“Norfolk PEEL 2018”, HMICFRS’s PEEL 2018/19 effectiveness report on Norfolk
    Constabulary, last updated 2 May 2019".
    """
    what = ("force assessment" if report.is_assessment or report.pillar in (None, "unknown")
            else "overview" if report.is_overview else f"{report.pillar} report")
    publisher = "a constructed example of a" if report.illustrative else \
        f"{report.publisher}’s"
    said = f"“{report.title}”, {publisher} PEEL {cycle_words(report.cycle)} {what} on " \
           f"{report.force.name}"
    published, updated = report.published, report.last_updated
    if published is not None and updated not in (None, published):
        assert updated is not None
        return f"{said}, published {long_date(published)} and last updated {long_date(updated)}"
    if published is not None:
        return f"{said}, published {long_date(published)}"
    if updated is not None:
        return f"{said}, last updated {long_date(updated)}"
    return f"{said} (its date is not in the data supplied)"


def main_origin(entries: Iterable[GradeEntry | None]) -> Origin | None:
    """Return the source most of these entries come from (published first on a tie), or None."""
    found = Counter(e.origin for e in entries if e is not None)
    if not found:
        return None
    order = (Origin.HMICFRS, Origin.CONSTRUCTED, Origin.NOT_STATED)
    return max(order, key=lambda o: (found[o], -order.index(o)))


def origin_caption(entries: Iterable[GradeEntry | None], main: Origin | None = None) -> str:
    """Say in a caption where a table's grades come from: ": grades constructed for illustration".

    When the table mixes sources, the cells from the others are marked in words and
    the caption says so: "…, except those marked “published”".
    """
    found = [e for e in entries if e is not None]
    main = main or main_origin(found)
    if main is None or not found:
        return ""
    others = sorted({e.origin for e in found if e.origin is not main}, key=lambda o: o.value)
    if not any(e.origin is main for e in found):  # every grade here is marked
        return f": {join_words([_ORIGIN_ALL[o] for o in others])}, each marked as such"
    marked = join_words([f"“{ORIGIN_MARKS[o]}”" for o in others])
    return f": {_ORIGIN_ALL[main]}" + (f", except those marked {marked}" if others else "")


_OTHERS = {Origin.HMICFRS: "come from published HMICFRS reports",
           Origin.CONSTRUCTED: "were constructed for illustration",
           Origin.NOT_STATED: "come from a source that does not say where they come from"}


def marks_note(entries: Iterable[GradeEntry | None]) -> str:
    """Say under a table what its marks mean, where it mixes sources ("" when it does not).

    "Grades marked “published” come from published HMICFRS reports; the others
    were constructed for illustration."
    """
    found = [e for e in entries if e is not None]
    main = main_origin(found)
    others = sorted({e.origin for e in found if e.origin is not main}, key=lambda o: o.value)
    if main is None or not others:
        return ""
    said = [f"grades marked “{ORIGIN_MARKS[o]}” {_OTHERS[o]}" for o in others]
    return sentence_case("; ".join([*said, f"the others {_OTHERS[main]}"])) + "."


def counts_origin(entries: Iterable[GradeEntry | None]) -> str:
    """Say in a caption what counts are made from: " (counts of grades constructed for …)"."""
    origins = {e.origin for e in entries if e is not None}
    if not origins:
        return ""
    if len(origins) == 1:
        (only,) = origins
        return f" (counts of {_ORIGIN_ALL[only]})"
    shown = sorted(origins - {Origin.HMICFRS}, key=lambda o: o.value)
    return f" (counts include {join_words([_ORIGIN_ALL[o] for o in shown])})"


def origin_sentence(entries: Iterable[GradeEntry | None], force: Force | None = None,
                    published_too: bool = False) -> str:
    """Say in words where the grades in one bullet come from.

    Published grades alone need no words ("") unless ``published_too`` (a pack
    that also holds constructed grades).

    "These grades were constructed for illustration." or "Norfolk’s grade is the
    published one; the others were constructed for illustration."
    """
    found = [e for e in entries if e is not None]
    origins = {e.origin for e in found}
    if not found or origins == {Origin.HMICFRS}:
        return "These grades are from published HMICFRS reports." if found and published_too \
            else ""
    if len(origins) == 1:
        (only,) = origins
        return ("These grades were constructed for illustration." if only is Origin.CONSTRUCTED
                else "The source of these grades does not say where they come from.")
    own = [e for e in found if force is not None and e.force.name == force.name]
    rest = [e for e in found if e not in own]
    if force is not None and own and {e.origin for e in rest} and len({e.origin for e in rest}) == 1:
        (theirs,) = {e.origin for e in rest}
        return (f"{force.short_name}’s grade here is {_one(own[0].origin)}; the other forces’ "
                f"grades {_are(theirs)}.")
    by_cycle: dict[Origin, list[str]] = {}
    for entry in found:
        by_cycle.setdefault(entry.origin, []).append(cycle_words(entry.column.cycle))
    said = []
    for origin, cycles in by_cycle.items():
        one = len(set(cycles)) == 1
        said.append(f"the {join_words(sorted(set(cycles), key=cycles.index))} "
                    f"grade{'' if one else 's'} {'is ' + _one(origin) if one else _are(origin)}")
    return sentence_case("; ".join(said)) + "."


_LEADS = {Origin.HMICFRS: "All the grades below are from published HMICFRS reports.",
          Origin.CONSTRUCTED: "All the grades below were constructed for illustration.",
          Origin.NOT_STATED: "None of the grades below says where it comes from."}


def with_origins(items: list[tuple[str, list[GradeEntry | None]]], force: Force | None = None,
                 published_too: bool = False) -> tuple[str, list[str]]:
    """Return a lead sentence and bullets, each bullet saying where its grades come from.

    When every grade shown comes from one kind of source, it is said once, in
    the lead ("All the grades below were constructed for illustration."), not
    in every bullet; published grades alone need no words.
    """
    found = [e for _text, entries in items for e in entries if e is not None]
    origins = {e.origin for e in found}
    if len(origins) <= 1:
        lead = _LEADS[origins.pop()] if origins and (published_too or origins != {
            Origin.HMICFRS}) else ""
        return lead, [text for text, _entries in items]
    return "", [" ".join(filter(None, (text, origin_sentence(entries, force, published_too))))
                for text, entries in items]


def _one(origin: Origin) -> str:
    return {Origin.HMICFRS: "the published one", Origin.CONSTRUCTED: "constructed for illustration",
            Origin.NOT_STATED: "from a source that does not say where it comes from"}[origin]


def _are(origin: Origin) -> str:
    return {Origin.HMICFRS: "are published ones", Origin.CONSTRUCTED: "were constructed for "
            "illustration", Origin.NOT_STATED: "come from a source that does not say where "
            "they come from"}[origin]

MISSING_WORDS = "Not in the data supplied"
UNKNOWN_WORDS = "Not known: the data supplied gives no grade"


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


def _without_grade(pos: Position) -> str:
    """Return why the other forces have no grade: "; one force was ungraded and …".

    A force the inspectorate did not grade is told apart from data that is missing.
    """
    said = []
    for status, n in pos.without_grade:
        forces = counted(n, "force", words=True)
        if status == NOT_SUPPLIED:
            said.append(f"{forces} {'is' if n == 1 else 'are'} not in the data supplied at all")
        elif status == Status.UNKNOWN.value:  # unknown is not "ungraded": say which it is
            said.append(f"for {forces} the data has no grade recorded (unknown, rather than "
                        "ungraded)")
        else:
            said.append(f"{forces} {'was' if n == 1 else 'were'} {status}")
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
                                             "for this in the data supplied.")
    else:
        holders = (f"{pos.graded} {'has' if pos.graded == 1 else 'have'}" if pos.graded
                   else "none has")
        coverage = (f"Of the {pos.compared} forces compared, {holders} a grade for this in the "
                    f"data supplied{_without_grade(pos)}.")
    cycle = cycle_words(cycle)
    if pos.judgment is None:
        return f"{name}: the data supplied has no grade for {what} in {cycle}. {coverage}".rstrip()
    grade = pos.judgment.grade
    if grade is None:
        words = judgment_words(pos.judgment).lower()
        return f"{name} has no grade for {what} in {cycle} ({words}). {coverage}".rstrip()
    n = pos.count(grade)
    core = (f"the only force graded {grade.value}" if n == 1
            else f"one of {n} forces graded {grade.value}")
    above, below = pos.above(), pos.below()
    higher = _graded_as(above) if above else "no force was graded higher"
    lower_n = sum(k for _g, k in below)
    if not below:
        lower = "and none lower"
    elif len(below) == 1:
        lower = f"and {lower_n} {'was' if lower_n == 1 else 'were'} graded {below[0][0].value}"
    else:
        detail = ", ".join(f"{k} {g.value}" for g, k in below)
        lower = f"and {lower_n} {'was' if lower_n == 1 else 'were'} graded lower ({detail})"
    text = f"{name} was {core} for {what} in {cycle}; {higher}, {lower}. {coverage}".rstrip()
    if pos.judgment.status is Status.CARRIED_OVER:
        since = f" from {pos.judgment.from_cycle}" if pos.judgment.from_cycle else ""
        text += f" {name}’s grade was carried over{since}, not re-inspected."
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
