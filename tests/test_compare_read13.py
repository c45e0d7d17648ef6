"""What editorial read 13-C asked of the comparison's wording, read back in every format.

A question whose wording the data lacks is named with its cycle, briefly, not as
the tool talking about its inputs; the force at the top of the scale is not also
told that nobody was higher; the count table's carried-over row says whose
grades it counts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docread import review_comparison, text_of

COMPARE = Path(__file__).resolve().parent / "fixtures" / "compare"
FORMATS = ("pdf", "docx", "html")


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    return {fmt: " ".join(text_of(review_comparison(fmt), fmt).split()) for fmt in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_question_without_its_wording_is_named_with_its_cycle(documents: dict[str, str],
                                                                  fmt: str) -> None:
    text = documents[fmt]
    # read 21: the number's two grades side by side, the row saying whose wording it gives,
    # and the caveat a note under the table, in one short sentence
    row = text.index("Effectiveness question 2: How effective is the force at investigating "
                     "crime and reducing re-offending? (2018/19 wording)")
    note = text.index("Effectiveness question 2’s 2017 wording is not recorded, so its 2017 grade may be for a different question.")  # read 35
    assert row < note < text.index("For the following, the data holds the 2018/19 entry only.")
    assert "not in the data used)" not in text and "cannot be taken to be one" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_top_grade_is_not_told_nobody_was_higher(documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    assert ("Norfolk was one of 12 forces graded outstanding for efficiency in 2018/19; 30 were "
            "graded lower (21 good, 6 requires improvement, 3 inadequate).") in text
    assert "outstanding for efficiency in 2018/19; no force was graded higher" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_carried_over_count_says_whose_grades_it_counts(documents: dict[str, str],
                                                            fmt: str) -> None:
    text = documents[fmt]
    # read 14-C: a subset of the grade columns, so it follows the total and says so
    assert "Of which carried over" in text
    assert "Grades carried over from an earlier inspection are counted in the grade columns" in text
    assert "Of these, carried over" not in text
