"""Editorial read 21-R of the register workbook, fixed.

The first target date, once set, is locked (it is the baseline slippage is
measured from) and an edit to it is refused at import; a Green rating on an
item still overdue is refused at import, as About says; About's values read
from the left, and it says which columns the register sheet prints.
"""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from test_register_xlsx import NORFOLK, THEMATIC, _columns, _export, _row, plans  # noqa: F401

from peeldocs.cli import main


@pytest.mark.usefixtures("plans")
def test_a_set_first_target_is_locked_and_an_unset_one_is_open() -> None:
    ws = openpyxl.load_workbook(_export())["Register"]
    cols = _columns(ws)
    col = cols["Original target"]
    for r in range(3, ws.max_row + 1):
        cell = ws.cell(r, col)
        assert cell.protection.locked is bool(cell.value), (r, cell.value)
    assert not ws.cell(_row(ws, "R1"), cols["Current target"]).protection.locked


def _edit(ref: str, changes: dict[str, object]) -> None:
    book = openpyxl.load_workbook(_export())
    ws = book["Register"]
    ws.protection.sheet = False  # as an owner might
    cols = _columns(ws)
    for heading, value in changes.items():
        ws.cell(_row(ws, ref), cols[heading]).value = value
    book.save("edited.xlsx")


@pytest.mark.usefixtures("plans")
def test_an_edit_to_a_set_first_target_is_refused(
        capsys: pytest.CaptureFixture[str]) -> None:
    before = NORFOLK.read_bytes()
    _edit("E2-AFI-1", {"Original target": date(2020, 3, 31)})
    assert main(["actions", "import", "edited.xlsx"]) == 1
    err = capsys.readouterr().err
    assert ("the first target date is the baseline slippage is measured from and cannot be "
            "changed here; set a new target in 'Current target'") in err
    assert NORFOLK.read_bytes() == before


@pytest.mark.usefixtures("plans")
def test_green_on_an_overdue_item_is_refused(
        capsys: pytest.CaptureFixture[str]) -> None:
    before = THEMATIC.read_bytes()
    _edit("R1", {"RAG": "Green", "RAG reason": "Example: on track"})
    assert main(["actions", "import", "edited.xlsx"]) == 1
    err = capsys.readouterr().err
    assert "an overdue item is never rated Green" in err
    assert THEMATIC.read_bytes() == before
    # with a new target in the future, the same rating is taken
    _edit("R1", {"RAG": "Green", "RAG reason": "Example: on track",
                 "Current target": date(2099, 1, 1)})
    assert main(["actions", "import", "edited.xlsx"]) == 0, capsys.readouterr().err


@pytest.mark.usefixtures("plans")
def test_about_reads_from_the_left_and_says_what_each_sheet_prints() -> None:
    about = openpyxl.load_workbook(_export())["About"]
    for row in about.iter_rows(min_col=2, max_col=2):
        if row[0].value is not None:
            assert row[0].alignment.horizontal == "left", row[0].coordinate
    said = {r[0].value: r[1].value for r in about.iter_rows(max_col=2)}
    assert "prints two parts, each a page wide, with 'Ref' on every page: from 'Status' to " \
        "'Closed on', then from 'New update' to 'New evidence', what owners write for the " \
        "next update" in said["Printing"]  # not four pages across (read 33)


@pytest.mark.usefixtures("plans")
def test_every_cell_owners_may_edit_says_so_when_selected() -> None:
    """Read 21-R: editable cells were told apart by colour alone (WCAG 1.4.1); read 24-R:
    the free-text columns said so on their first row only.  Every data row, every column."""
    from openpyxl.worksheet.cell_range import MultiCellRange

    ws = openpyxl.load_workbook(_export())["Register"]
    prompted = MultiCellRange()
    for dv in ws.data_validations.dataValidation:
        if dv.showInputMessage and dv.promptTitle == "You can edit this cell":
            for rng in dv.sqref.ranges:
                prompted.add(rng.coord)
    cols = _columns(ws)
    assert ws.max_row > 3
    for heading, col in cols.items():
        for row in range(3, ws.max_row + 1):
            cell = ws.cell(row, col)
            if not cell.protection.locked:
                assert cell.coordinate in prompted, heading
            else:
                assert cell.coordinate not in prompted, heading


@pytest.mark.usefixtures("plans")
def test_about_prints_what_the_register_holds_and_says_how_it_prints_on_screen() -> None:
    """Read 22-R: 'Printing' printed as if it were register content, and 'Items' is not the
    documents' word."""
    about = openpyxl.load_workbook(_export())["About"]
    labels = [about[f"A{r}"].value for r in range(1, about.max_row + 1)]
    printed = labels[:int(about.print_area.split(":")[-1].lstrip("$B"))]
    assert "Findings" in printed and "Items" not in labels
    assert "Printing" not in printed and "Printing" in labels
