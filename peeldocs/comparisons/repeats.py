"""A question number graded in more than one cycle but not matched across them: said plainly.

The same number can be a different question in another year, so a question
joins across cycles only when the data gives the same wording for it in each.
Where it does not, the reader is told so in words: which cycle's wording is
shown, what the data has for the others (the grade, and where it comes from
when the pack mixes sources), and that they cannot be said to be the same
question, so never "graded the same in both".
"""

from __future__ import annotations

from peeldocs.comparisons.common import join_words, judgment_words
from peeldocs.comparisons.model import Column, ComparisonSet, GradeEntry, Origin
from peeldocs.model import Status, cycle_words


def _held(data: ComparisonSet, column: Column, entry: GradeEntry | None) -> str:
    """Say what one cycle's entry is: "a 2017 grade (requires improvement, constructed …)"."""
    if entry is None:  # not reached: a row is listed for the cycles it has an entry in
        return f"an entry for {cycle_words(column.cycle)}"
    said = judgment_words(entry.judgment).lower()
    if said.endswith(")"):  # "good (carried over from 2016)": no brackets within brackets
        said = said.removesuffix(")").replace(" (", ", ", 1)
    if data.mixed() and entry.origin is Origin.CONSTRUCTED:
        said += ", constructed for illustration"
    what = "grade" if entry.judgment.grade is not None else "entry"
    return f"a {cycle_words(column.cycle)} {what} ({said})"


def _numbered(column: Column) -> str:
    """Name the number alone, which is all that is shared: "an effectiveness question numbered 2"."""
    pillar = column.pillar or ""
    article = "an" if pillar[:1] in ("a", "e", "i", "o", "u") else "a"
    return f"{article} {pillar} question numbered {column.question}" if pillar else \
        f"a question numbered {column.question}"


def _either(n: int) -> str:
    return "either" if n == 2 else "any of them"


def repeated_question(data: ComparisonSet, label: str,
                      found: list[tuple[Column, GradeEntry | None]]) -> str:
    """Say that one question number graded in several cycles cannot be taken for one question.

    Only the number is shared: where the data supplied lacks a cycle's wording,
    or words the cycles differently, nothing here says the question was graded
    the same (or differently) "in both", which a reader would take as one
    question followed over time.  (Questions worded the same in each cycle are
    one row of the table, and never reach this.)
    """
    worded = [c for c, _e in found if data.title(c) is not None]
    unworded = [(c, e) for c, e in found if data.title(c) is None]
    said = []
    if len(worded) == 1:
        said.append(f"{label} is shown with its {cycle_words(worded[0].cycle)} wording.")
    elif worded:
        said.append(f"The data supplied gives different wording for {label} in "
                    f"{join_words([cycle_words(c.cycle) for c in worded])}, so they cannot be "
                    "said to be the same question; each is shown in a row of its own.")
    if unworded:
        one = len(unworded) == 1
        held = join_words([_held(data, c, e) for c, e in unworded])
        if worded:
            same = f"the {cycle_words(worded[0].cycle)} one" if len(worded) == 1 else \
                f"{_either(len(worded))} of those"
            said.append(
                f"The data supplied also has {held} for {_numbered(unworded[0][0])}, but not "
                f"{'that question’s' if one else 'those questions’'} wording, so "
                f"{'it' if one else 'they'} cannot be said to be the same question as {same}; "
                f"{'it is' if one else 'each is'} shown in a row of its own.")
        else:
            said.append(
                f"The data supplied has {held} for {_numbered(unworded[0][0])}, but not the "
                f"question’s wording in {_either(len(unworded))}, so they cannot be said to be "
                "the same question; each is shown in a row of its own.")
    return " ".join(said)


def carried_over(shown: list[tuple[str, str, GradeEntry | None]]) -> str:
    """Say which grades shown in one cycle only were carried over from another, or "".

    ``shown``: each row's label, cycle and entry.  " (Effectiveness question 4’s
    2018/19 grade is the 2016 judgment carried over)": so a sentence saying the
    data has no grade for these in 2016 stays true beside a cell saying "carried
    over from 2016".
    """
    said = [f"{label}’s {cycle_words(cycle)} grade is "
            f"{f'the {e.judgment.from_cycle} judgment' if e.judgment.from_cycle else 'an earlier judgment'}"
            " carried over" for label, cycle, e in shown
            if e is not None and e.judgment.status is Status.CARRIED_OVER]
    return f" ({'; '.join(said)})" if said else ""


def same_question(data: ComparisonSet, a: Column, b: Column) -> bool:
    """Tell whether two cycles' columns are the same thing.

    A pillar or area is; a question is when the data gives its wording in both, the same.
    """
    if a.question is None or a.pillar is None:
        return True
    first, second = data.title(a), data.title(b)
    return first is not None and second is not None and \
        " ".join(first.split()).casefold() == " ".join(second.split()).casefold()
