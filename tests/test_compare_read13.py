"""What editorial read 13-C asked of the comparison's wording, read back in every format.

A question whose wording the data lacks is named with its cycle, briefly, not as
the tool talking about its inputs; the force at the top of the scale is not also
told that nobody was higher; the count table's carried-over row says whose
grades it counts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docread import text_of
from test_compare_io import NORFOLK_2018

import peeldocs
from peeldocs.build.registry import render

COMPARE = Path(__file__).resolve().parent / "fixtures" / "compare"
FORMATS = ("pdf", "docx", "html")


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    pack = peeldocs.compare([*sorted(COMPARE.glob("*.csv")), NORFOLK_2018], focus="Norfolk")
    return {fmt: " ".join(text_of(render(pack, fmt), fmt).split()) for fmt in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_question_without_its_wording_is_named_with_its_cycle(documents: dict[str, str],
                                                                  fmt: str) -> None:
    text = documents[fmt]
    assert "Effectiveness question 2 (2017 wording not recorded) 2017 Requires improvement" in text
    assert "not in the data used)" not in text and "its wording" not in text
    # one short sentence, in the lead (read 14: before the table, so its two rows are explained
    # before the reader meets them), not a paragraph
    assert ("The data has each of the following for one cycle only. Effectiveness question 2 "
            "has a row for 2017 and one for 2018/19: the 2017 wording is not recorded, so they "
            "cannot be taken to be one question.") in text
    lead = text.index("Effectiveness question 2 has a row for 2017 and one for 2018/19")
    assert lead < text.index("Effectiveness question 2 (2017 wording not recorded) 2017")


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
