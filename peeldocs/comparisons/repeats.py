"""Across cycles on one scale: questions graded more than once, and frameworks that changed.

The same number can be a different question in another year.  A question whose
wording is the same in each cycle is one row; one whose wording is not recorded
for a cycle is set side by side with the others, with a note under the table
saying they may not be the same question (:func:`unrecorded_note`); one whose
wordings differ has a row for each cycle, and the reader is told why in one short
sentence (:func:`repeated_question`), so never "graded the same in both".

Whether cycles on one grading scale were inspected under different frameworks is
said in words too.  From 2021/22 each cycle has its own assessment framework (the model's
:data:`~peeldocs.model.ASSESSMENT_FRAMEWORKS`, with its sources).  Where a table
puts two cycles with different frameworks side by side, the reader is told so,
so that a grade from one is not read as like for like with the other.  A cycle
whose framework is not recorded is said nothing of: unknown is never a statement.
"""

from __future__ import annotations

from peeldocs.comparisons.model import Column, ComparisonSet, GradeEntry
from peeldocs.model import ASSESSMENT_FRAMEWORKS, Scale, Status, cycle_start_year, cycle_words
from peeldocs.prose import join_words


def _rows_for(cycles: list[str]) -> str:
    """Say which cycles have rows: "a row for 2017 and one for 2018/19", "a row for each of …"."""
    if len(cycles) == 2:
        return f"a row for {cycles[0]} and one for {cycles[1]}"
    return f"a row for each of {join_words(cycles)}"


def repeated_question(data: ComparisonSet, label: str,
                      found: list[tuple[Column, GradeEntry | None]]) -> str:
    """Say in one short sentence why one question number graded in several cycles has a row for each.

    "Effectiveness question 2 has a row for 2017 and one for 2018/19: the 2017
    wording is not recorded, so they cannot be taken to be one question."  Only
    the number is shared: nothing here says the question was graded the same (or
    differently) "in both", which a reader would take as one question followed
    over time.  (Questions worded the same in each cycle are one row of the
    table, and never reach this.)
    """
    cycles = [cycle_words(c.cycle) for c, _e in found]
    worded = [cycle_words(c.cycle) for c, _e in found if data.title(c) is not None]
    unworded = [cycle_words(c.cycle) for c, _e in found if data.title(c) is None]
    reasons = []
    if len(worded) > 1:
        reasons.append("the wording differs" if not unworded
                       else f"the {join_words(worded)} wordings differ")
    if unworded:
        which = ("the wording is not recorded for any" if not worded and len(cycles) > 2
                 else "the wording is not recorded for either" if not worded
                 else f"the {join_words(unworded)} wording is not recorded"
                 if len(unworded) == 1 else f"the {join_words(unworded)} wordings are not recorded")
        reasons.append(which)
    return (f"{label} has {_rows_for(cycles)}: {join_words(reasons)}, so they cannot be taken "
            "to be one question.")


def _wording(data: ComparisonSet, column: Column) -> str | None:
    title = data.title(column)
    return None if title is None else " ".join(title.split()).casefold()


def same_question(data: ComparisonSet, a: Column, b: Column) -> bool:
    """Tell whether two cycles' columns are the same thing.

    A pillar or area is; a question is when the data gives its wording in both, the same.
    """
    if a.question is None or a.pillar is None:
        return True
    first, second = _wording(data, a), _wording(data, b)
    return first is not None and first == second


def side_by_side(data: ComparisonSet, row: list[Column], column: Column) -> bool:
    """Tell whether a column may join a row of other cycles' columns of the same label.

    A pillar or area always does; a question does unless two of its recorded
    wordings differ (a wording not recorded is said in a note under the table).
    """
    if column.question is None or column.pillar is None:
        return True
    worded = {w for c in (*row, column) if (w := _wording(data, c)) is not None}
    return len(worded) <= 1


def row_label(data: ComparisonSet, row: tuple[Column, ...]) -> str:
    """Return a row's words: a question's wording follows its number where the data has it.

    Where it has it for some of the row's cycles only, it says whose wording it is:
    "Effectiveness question 2: How effective … crime? (2018/19 wording)"; where it
    has none, the row says so with the cycle: "Effectiveness question 2 (2017 wording
    not recorded)".
    """
    titled = [c for c in row if data.title(c)]
    if titled:
        title = data.title(titled[0])
        whose = (f" ({join_words([cycle_words(c.cycle) for c in titled])} wording)"
                 if len(titled) < len(row) else "")
        return f"{row[0].label}: {title}{whose}"
    if row[0].pillar is not None and row[0].question is not None:  # a numbered question
        return (f"{row[0].label} ({cycle_words(row[0].cycle)} wording not recorded)"
                if len(row) == 1 else row[0].label)
    return row[0].label


def unrecorded_note(data: ComparisonSet, rows: list[tuple[Column, ...]]) -> str:
    """Say under a table which questions are set side by side without their wording in a cycle.

    "Effectiveness question 2’s 2017 wording is not recorded, so its 2017 grade may be
    for a different question." (read 35: plainly and shortly; "" when there is none.)
    """
    said = []
    for row in rows:
        if len(row) < 2 or row[0].question is None or row[0].pillar is None:
            continue
        missing = [cycle_words(c.cycle) for c in row if data.title(c) is None]
        if not missing:
            continue
        one = len(missing) == 1
        if len(missing) == len(row):
            label = row[0].label[:1].lower() + row[0].label[1:]
            said.append(f"No wording of {label} is recorded, so its grades may be for "
                        "different questions.")
        else:
            said.append(f"{row[0].label}’s {join_words(missing)} wording{'' if one else 's'} "
                        f"{'is' if one else 'are'} not recorded, so its {join_words(missing)} "
                        + ("grade may be for a different question." if one
                           else "grades may be for different questions."))
    return " ".join(said)


def carried_note(entries: list[GradeEntry | None]) -> str:
    """Say which entries are grades carried over, and from when: "" if none is.

    " Effectiveness question 4’s 2018/19 grade is the one given in 2016, carried
    over.": a row held for one cycle only may still name an earlier cycle's grade.
    """
    said = []
    for e in entries:
        if e is None or e.judgment.status is not Status.CARRIED_OVER or e.judgment.grade is None:
            continue
        c = e.column
        named = (f"{c.pillar.capitalize()} question {c.question}" if c.pillar and c.question
                 else c.pillar.capitalize() if c.pillar else f"“{c.label}”")
        since = cycle_words(e.judgment.from_cycle) if e.judgment.from_cycle else "an earlier cycle"
        said.append(f" {named}’s {cycle_words(c.cycle)} grade is the one given in {since}, "
                    "carried over.")
    return "".join(said)


def frameworks_differ(cycles: tuple[str, ...]) -> bool:
    """Whether at least two of these cycles have recorded frameworks, and they differ."""
    return len({ASSESSMENT_FRAMEWORKS[c] for c in cycles if c in ASSESSMENT_FRAMEWORKS}) > 1


def framework_caveat(cycles: tuple[str, ...]) -> str:
    """Say that these cycles' grades were given under different frameworks ("" when not known).

    "HMICFRS assessed forces in PEEL 2021/22 under the “PEEL Assessment Framework
    2021/22” and in PEEL 2023–25 under the “PEEL Assessment Framework 2023–2025” (the
    frameworks’ published titles). …"
    """
    if not frameworks_differ(cycles):
        return ""
    # each framework by its title as published, in quotation marks: its years are the
    # title's, not this pack's way of writing a cycle ("2023–25")
    known = [f"in PEEL {cycle_words(c)} under the “{ASSESSMENT_FRAMEWORKS[c]}”" for c in cycles
             if c in ASSESSMENT_FRAMEWORKS]
    return (f"HMICFRS assessed forces {join_words(known)} (the frameworks’ published titles). "
            "Each framework sets the areas assessed "
            "and what they cover, so a grade for an area in one of these cycles may not be "
            "like for like with its grade in another, even under the same name: compare "
            "them with care.")


SCALE_WORDS = {Scale.FOUR_TIER: "four-tier scale", Scale.FIVE_TIER: "five-tier scale"}


def scale_name(scale: Scale, cycles: tuple[str, ...]) -> str:
    """Name a scale with the cycles shown on it: "four-tier scale (PEEL 2016 to 2018/19)"."""
    span = cycle_words(cycles[0]) + (f" to {cycle_words(cycles[-1])}" if len(cycles) > 1 else "")
    return f"{SCALE_WORDS[scale]} (PEEL {span})"


def cycle_end_year(cycle: str) -> int:
    """Return the last year of a cycle: 2022 for "2021/22", 2025 for "2023-25", 2016 for "2016"."""
    start = cycle_start_year(cycle)
    tail = cycle[5:]
    if not tail:
        return start
    end = int(tail) if len(tail) == 4 else start - start % 100 + int(tail)
    return end if end >= start else end + 100
