"""A question number graded in more than one cycle but not matched across them: said plainly.

The same number can be a different question in another year, so a question
joins across cycles only when the data gives the same wording for it in each.
Where it does not, the reader is told so in one short sentence: that the
number has a row for each cycle, and why they cannot be taken to be one
question, so never "graded the same in both".
"""

from __future__ import annotations

from peeldocs.comparisons.model import Column, ComparisonSet, GradeEntry
from peeldocs.model import cycle_words
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


def same_question(data: ComparisonSet, a: Column, b: Column) -> bool:
    """Tell whether two cycles' columns are the same thing.

    A pillar or area is; a question is when the data gives its wording in both, the same.
    """
    if a.question is None or a.pillar is None:
        return True
    first, second = data.title(a), data.title(b)
    return first is not None and second is not None and \
        " ".join(first.split()).casefold() == " ".join(second.split()).casefold()
