"""A question number graded in more than one cycle but not matched across them: said plainly.

The same number can be a different question in another year, so a question
joins across cycles only when the data gives the same wording for it in each.
Where it does not, the grades still stand side by side in the data, and the
reader is told so in words: what each cycle's grade was, where each comes
from when the pack mixes sources, and why they are shown as separate rows.
"""

from __future__ import annotations

from peeldocs.comparisons.common import join_words, judgment_words
from peeldocs.comparisons.model import Column, ComparisonSet, GradeEntry, Origin
from peeldocs.model import Status, cycle_words


def _grades_words(label: str, graded: list[tuple[str, str]]) -> str:
    """'Effectiveness question 2 was graded as requires improvement in both 2017 and 2018/19'."""
    words = {g for _c, g in graded}
    if len(words) == 1:
        both = "both " if len(graded) == 2 else "each of "
        return (f"{label} was graded as {words.pop()} in {both}"
                f"{join_words([c for c, _g in graded])}")
    return f"{label} was graded as " + join_words([f"{g} in {c}" for c, g in graded])


def repeated_question(data: ComparisonSet, label: str,
                      found: list[tuple[Column, GradeEntry | None]]) -> str:
    """Say how one question number was graded in each cycle, and why the rows are separate."""
    graded = [(cycle_words(c.cycle), judgment_words(e.judgment).lower())
              for c, e in found if e is not None]
    said = _grades_words(label, graded)
    made = [cycle_words(c.cycle) for c, e in found
            if e is not None and e.origin is Origin.CONSTRUCTED]
    if data.mixed() and made:
        one = len(made) == 1
        said += (f" (the {join_words(made)} {'grade was' if one else 'grades were'} "
                 "constructed for illustration)")
    worded = [cycle_words(c.cycle) for c, _e in found if data.title(c) is not None]
    if not worded:
        why = "The data supplied does not give its wording in any of these cycles"
    elif len(worded) < len(found):
        why = f"The data supplied gives its wording for {join_words(worded)} only"
    else:
        why = "The data supplied gives different wording for it in each cycle"
    return (f"{said}. {why}, and a question number can stand for a different question in "
            "another year, so its grades are shown in separate rows.")


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
