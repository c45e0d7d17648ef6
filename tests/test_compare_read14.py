"""What editorial read 14-C asked of the comparison, read back as a reader gets it.

The count table's row adds up: "Of which carried over" is a subset of the grade
columns, so it follows the total ("Forces compared"), with a note under the
table saying so; the table of judgments in one cycle only says why a question
number has two rows before the reader meets them; who lacks a grade is said
briefly, in numerals, with "no entry" (not in the data) and "no grade
recorded" (unknown) kept apart.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docread import review_comparison, review_comparison_pack, text_of

from peeldocs.comparisons.common import position_sentence
from peeldocs.comparisons.model import Column, ComparisonSet, GradeEntry, position
from peeldocs.model import Force, Grade, Judgment, Status

COMPARE = Path(__file__).resolve().parent / "fixtures" / "compare"
FORMATS = ("pdf", "docx", "html")


@pytest.fixture(scope="module")
def pack() -> object:
    return review_comparison_pack()


@pytest.fixture(scope="module")
def documents(pack: object) -> dict[str, str]:
    return {fmt: " ".join(text_of(review_comparison(fmt), fmt).split()) for fmt in FORMATS}


def test_every_count_row_adds_up_to_the_forces_compared(pack: object) -> None:
    document = docx.Document(io.BytesIO(review_comparison("docx")))
    tables = [t for t in document.tables
              if "Forces compared" in [c.text.strip() for c in t.rows[0].cells]]
    assert len(tables) >= 2  # one per cycle compared (2018/19 and 2021/22)
    carried = 0
    for table in tables:
        head = [c.text.strip() for c in table.rows[0].cells]
        total = head.index("Forces compared")
        # nothing but a subset may follow the total
        assert head[total + 1:] in ([], ["Of which carried over"]), head
        for row in table.rows[1:]:
            cells = [c.text.strip() for c in row.cells]
            counts = [int(n) for n in cells[1:total]]
            assert sum(counts) == int(cells[total]), (cells[0], head, cells)
            if head[total + 1:]:
                carried += int(cells[total + 1])
                assert int(cells[total + 1]) <= sum(counts)
    assert carried == 2  # Dorset's and Kent's legitimacy grades, 2018/19
    assert "Graded forces whose grade was carried over" not in {
        c.text.strip() for t in tables for c in t.rows[0].cells}


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_carried_over_column_follows_the_total_with_a_note(documents: dict[str, str],
                                                              fmt: str) -> None:
    text = documents[fmt]
    head = text.index("Forces compared Of which carried over")
    note = text.index("Grades carried over from an earlier inspection are counted in the grade "
                      "columns too; “Of which carried over” says how many of them were.", head)
    assert note > text.index("Legitimacy 6 23 13 0 1 43 2", head)  # read 35: one column of gaps
    assert text.count("“Of which carried over” says how many") == 1  # 2021/22 carries none over


@pytest.mark.parametrize("fmt", FORMATS)
def test_why_a_question_has_two_rows_comes_before_the_rows(documents: dict[str, str],
                                                          fmt: str) -> None:
    text = documents[fmt]
    # read 21: question 2 is one row with both grades; why it may not be one question is a
    # note under that table, said once, before the table of grades in one cycle only
    row = text.index("Effectiveness question 2: How effective is the force at investigating")
    note = text.index("Effectiveness question 2’s 2017 wording is not recorded")  # read 35
    lead = text.index("For the following, the data holds the 2018/19 entry only.")
    assert row < note < lead
    assert text.count("may be for a different question") == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_who_lacks_a_grade_is_said_briefly_with_no_entry_and_unknown_kept_apart(
        documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    # Gwent has no legitimacy row at all: "no entry" (not in the data)
    assert ("42 of the 43 forces compared have a grade for this; there is no entry "
            "for Gwent.") in text
    # Cumbria's efficiency row says its grade is not known: never "no entry", never "ungraded"
    assert ("42 of the 43 forces compared have a grade for this; Cumbria has no grade "
            "recorded (unknown, rather than ungraded).") in text
    assert "there is no entry for Cumbria" not in text and "Gwent has no grade recorded" not in text
    for gone in ("for this for", "in the data used; the data used", "Of the 43 forces compared",
                 "one force (Gwent)", "one force (Cumbria)", "ten of them"):
        assert gone not in text, gone


def _entries(rows: dict[str, tuple[str, Status, Grade | None]]) -> ComparisonSet:
    return ComparisonSet(tuple(
        GradeEntry(Force(n, n), Column("2016", pillar, None), Judgment(s, g), "t.csv")
        for n, (pillar, s, g) in rows.items()))


def test_many_forces_without_an_entry_are_counted_in_numerals_not_named() -> None:
    rows = {"A": ("effectiveness", Status.GRADED, Grade.GOOD),
            "B": ("effectiveness", Status.GRADED, Grade.GOOD),
            **{n: ("efficiency", Status.GRADED, Grade.GOOD) for n in "CDEF"},
            "G": ("effectiveness", Status.UNKNOWN, None),
            "H": ("effectiveness", Status.UNKNOWN, None)}
    data = _entries(rows)
    column = Column("2016", "effectiveness", None)
    said = position_sentence(position(data, Force("A", "A"), column, data.forces()),
                             "effectiveness")
    assert said.endswith("2 of the 8 forces compared have a grade for this; there is "
                         "no entry for 4 forces and 2 forces (G and H) have no grade recorded "
                         "(unknown, rather than ungraded)."), said


@pytest.mark.parametrize("fmt", FORMATS)
def test_after_the_front_the_body_says_the_data_not_the_data_used(documents: dict[str, str],
                                                                   fmt: str) -> None:
    text = documents[fmt]
    body = text[text.index("Norfolk Constabulary across cycles", 3000):]  # read 35: first
    # the front says what the data is; after it only the cells' defined term keeps "used"
    assert body.replace("Not in the data used", "").count("data used") == 0
    assert "through the PEEL cycles for which it has grades here: 2016, 2017, 2018/19" in body
