"""What the third editorial read found in the comparison, read back as a reader gets it.

A force missing from one column only is never said to be missing from the data
altogether; the count table's last column says what it counts; an area no
force (or one force) has a grade for is a line, not a column of "Ungraded".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docread import review_comparison, text_of

import peeldocs
from peeldocs.build.registry import render

COMPARE = Path(__file__).resolve().parent / "fixtures" / "compare"
FORMATS = ("pdf", "docx", "html")
HEAD = "force,cycle,pillar,question,grade,status,source\n"


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    """The reviewed comparison: the three constructed tables and the real Norfolk report."""
    return {fmt: " ".join(text_of(review_comparison(fmt), fmt).replace("•", " ").split())
            for fmt in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_force_missing_one_row_is_named_and_not_said_to_be_missing_altogether(
        documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    # Gwent has effectiveness and efficiency grades in 2018/19: only legitimacy is missing
    # read 14: "no entry" (not in the data), numerals, the data named once
    assert ("42 of the 43 forces compared have a grade for this; there is no entry "
            "for Gwent.") in text
    assert "not in the data used at all" not in text
    assert "Cumbria has no grade recorded (unknown, rather than ungraded)" in text
    # the count table's last column counts the forces compared, beside the missing ones
    assert "No grade in the data Forces compared" in text  # read 35: one column of gaps
    assert "Forces in the data" not in text


def test_a_force_with_nothing_in_the_cycle_is_told_apart_from_a_missing_row(
        tmp_path: Path) -> None:
    table = tmp_path / "grades.csv"
    table.write_text(HEAD + "Kent,2016,effectiveness,,good,,constructed\n"
                     "Kent,2016,efficiency,,good,,constructed\n"
                     "Essex,2016,effectiveness,,good,,constructed\n"
                     "Essex,2016,efficiency,,outstanding,,constructed\n"
                     "Dorset,2016,effectiveness,,inadequate,,constructed\n"
                     "Surrey,2017,effectiveness,,good,,constructed\n", encoding="utf-8")
    text = " ".join(text_of(render(peeldocs.compare([table], focus="Kent"), "html"),
                            "html").split())
    assert ("there is no entry for Dorset and the data has nothing at all for Surrey in "
            "2016") in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_area_no_force_has_a_grade_for_is_a_line_not_a_column(
        documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    victims = "Providing a service to the victims of crime"
    assert (f"No force has a grade for this, so it is not in the tables "
            f"below: {victims}: ungraded for all 43 forces compared.") in text
    cycle = text[text.rindex("Forces compared: PEEL 2021/22"):]  # read 35: the last part
    assert cycle.count(victims) == 1  # no column, no bullet, no count row
    assert "none has a grade" not in text
    # every column left is graded for more than one force, said as a writer would (read 31-X)
    assert "compares the PEEL 2021/22 grades of 43 forces, area by area." in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_comparison_says_plainly_what_files_hold_and_why_a_question_shows_twice(
        documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    # the files are described once, by the cover's notice on constructed grades (review 6)
    assert "Three of the four files hold grades" not in text
    assert "tables of grades say" not in text and "six PEEL 2018/19" not in text
    assert "effectiveness judgments (the overall judgment and five questions)" in text
    # read 21: question 2's 2017 and 2018/19 grades side by side, and a note saying why they
    # may differ, without saying it was graded the same "in both" (only the number is shared)
    assert "Effectiveness question 2’s 2017 wording is not recorded, so its 2017 grade may be for a different question." in text  # read 35
    assert "not taken for the same question" not in text and "in both" not in text
    assert "None listed as recommendations; the question 5 findings recommend action in their text (quoted below the table)." in text  # read 35
    assert ("In PEEL 2018/19, the question 5 findings say: “We recommend Norfolk "
            "and Suffolk Constabularies") in text
    assert "in the report’s list of recommendations" not in text
