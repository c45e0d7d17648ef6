"""A question number graded in more than one cycle but not matched across them: said plainly.

The same number can be a different question in another year, so a question
joins across cycles only when the data gives the same wording for it in each.
Where it does not, the reader is told so in short sentences: that the number
has a row for each cycle, and why they cannot be taken to be the same
question, so never "graded the same in both".
"""

from __future__ import annotations

from peeldocs.comparisons.model import Column, ComparisonSet, GradeEntry
from peeldocs.model import cycle_words
from peeldocs.prose import count_words, join_words


def _rows_for(cycles: list[str]) -> str:
    """"two rows, one for 2017 and one for 2018/19"; "three rows, one each for 2016, 2017 and …"."""
    if len(cycles) == 2:
        return f"two rows, one for {cycles[0]} and one for {cycles[1]}"
    return f"{count_words(len(cycles))} rows, one each for {join_words(cycles)}"


def repeated_question(data: ComparisonSet, label: str,
                      found: list[tuple[Column, GradeEntry | None]]) -> str:
    """Say in short sentences why one question number graded in several cycles has a row for each.

    "Effectiveness question 2 has two rows, one for 2017 and one for 2018/19.
    The data does not give the 2017 question’s wording, so it cannot be taken
    to be the same question as the 2018/19 one."  Only the number is shared:
    nothing here says the question was graded the same (or differently) "in
    both", which a reader would take as one question followed over time.
    (Questions worded the same in each cycle are one row of the table, and
    never reach this.)
    """
    cycles = [cycle_words(c.cycle) for c, _e in found]
    worded = [cycle_words(c.cycle) for c, _e in found if data.title(c) is not None]
    unworded = [cycle_words(c.cycle) for c, _e in found if data.title(c) is None]
    said = [f"{label} has {_rows_for(cycles)}."]
    if not worded:
        which = "either cycle" if len(cycles) == 2 else "any of these cycles"
        said.append(f"The data does not give the question’s wording for {which}, so "
                    f"{'the two' if len(cycles) == 2 else 'they'} cannot be taken to be the "
                    "same question.")
        return " ".join(said)
    if len(worded) > 1:
        said.append(f"The data words it differently in {join_words(worded)}, so "
                    f"{'the two' if len(worded) == 2 else 'they'} cannot be taken to be the "
                    "same question.")
    if unworded:
        one = len(unworded) == 1
        whose = (f"the {unworded[0]} question’s" if one
                 else f"the {join_words(unworded, 'or')} questions’")
        other = (f"the {worded[0]} one" if len(worded) == 1 else
                 "either of the others" if len(worded) == 2 else "any of the others")
        said.append(f"The data does not give {whose} wording, so {'it' if one else 'they'} "
                    f"cannot be taken to be the same question as {other}.")
    return " ".join(said)


def same_question(data: ComparisonSet, a: Column, b: Column) -> bool:
    """Tell whether two cycles' columns are the same thing.

    A pillar or area is; a question is when the data gives its wording in both, the same.
    """
    if a.question is None or a.pillar is None:
        return True
    first, second = data.title(a), data.title(b)
    return first is not None and second is not None and \
        " ".join(first.split()).casefold() == " ".join(second.split()).casefold()
