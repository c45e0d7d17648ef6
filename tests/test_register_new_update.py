"""Read 26-R fault 1: the printed Summary never says "Nothing reported since then." beside a new update.

An owner who writes a new update on the Register sheet has reported something since
the latest update the register holds; the Summary's "Latest update" then no longer
says the update is old, in the formula a spreadsheet program calculates and in the
value a previewer shows.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from peeldocs.plans.workbook_cells import SHOWN, Placed, cached, formula
from peeldocs.plans.workbook_values import EntryWords

LATEST = next(s for s in SHOWN if s.kind == "words")
LETTERS = {"status": "C", "new_update": "X", "original_target": "L", "current_target": "M",
           "target_reason": "N"}
OLD = EntryWords("Constructed action", latest="2 September 2019: Constructed update.", age=1870)


def test_the_formula_says_old_only_while_open_and_without_a_new_update() -> None:
    text = formula(LATEST, Placed("Register", 3, None), LETTERS, OLD)  # type: ignore[arg-type]
    assert "Nothing reported since then." in text
    assert text.count("AND('Register'!C3<>\"Closed\",'Register'!X3=\"\")") >= 1


@pytest.mark.parametrize(("values", "old"), [
    ({"status": "In progress"}, True),
    ({"status": "In progress", "new_update": "Constructed new update."}, False),
    ({"status": "Closed"}, False),
])
def test_the_stored_value_agrees(values: dict[str, str], old: bool) -> None:
    shown = str(cached(LATEST, values, OLD))
    assert ("Nothing reported since then." in shown) is old
    assert "2 September 2019: Constructed update." in shown


def test_the_built_workbook_ties_the_words_to_the_new_update_column(
        register_review: Path) -> None:
    book = openpyxl.load_workbook(register_review / "register" / "register.xlsx")
    register = book["Register"]
    new = next(c.column_letter for c in register[2] if c.value == "New update")
    summary = book["Summary"]
    formulas = [str(c.value) for row in summary.iter_rows() for c in row
                if isinstance(c.value, str) and "since then" in c.value]
    assert formulas and all(f"'Register'!{new}" in f for f in formulas)
