"""Read 26-R: the register sheet's RAG was a fixed value, so after an edit (a target moved, an
item closed) it still showed the exported rating while the Summary worked out another, and
whoever took the file back could not tell a deliberate rating from an untouched one.  It is
now a locked formula by the same rules (the author's rating with a reason kept), storing
today's rating; the import never reads it as an owner's edit."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from docread import REVIEW_PLANS, exported_register
from openpyxl.utils import get_column_letter
from pagefill import recalculated_workbook

import peeldocs
from peeldocs.cli import main
from peeldocs.plans.workbook_cells import SHOWN

SUMMARY = {s.heading: get_column_letter(i) for i, s in enumerate(SHOWN, start=1)}


def _heads(ws: object) -> dict[str, str]:
    return {c.value: c.column_letter for c in ws[2]}  # type: ignore[index]


def _rows(ws: object) -> dict[str, int]:
    return {ws[f"A{r}"].value: r for r in range(3, ws.max_row + 1)}  # type: ignore[index,attr-defined]


def test_the_register_rag_is_a_locked_formula_storing_todays_rating(
        register_review: Path) -> None:
    path = register_review / "register" / "register.xlsx"
    book, stored = openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)
    ws, values = book["Register"], stored["Register"]
    rag, rows = _heads(ws)["RAG"], _rows(ws)
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    for entry in reg.entries:
        cell = ws[f"{rag}{rows[entry.state.item.finding]}"]
        assert str(cell.value).startswith("=IF("), cell.coordinate
        assert cell.protection.locked, cell.coordinate
        assert values[cell.coordinate].value == entry.state.rag.value.capitalize()
    # the author's Green, with its reason, is in the formula; a rules' rating is not fixed
    assert '"Green"' in str(ws[f"{rag}{rows['E2-AFI-3']}"].value)
    assert not any(f"{rag}3" in str(dv.sqref) for dv in ws.data_validations.dataValidation
                   if dv.type == "list")  # no drop-down to pick a rating from
    about = {r[0].value: r[1].value for r in book["About"].iter_rows(max_col=2)}
    assert "worked out from each finding's status, owner and dates, and is locked: change " \
        "those to change it" in about["Changing a RAG"]
    assert "RAG" not in about["How to edit"].split(".")[0]  # not offered as a white column



@pytest.mark.xdist_group("libreoffice")
def test_an_edit_moves_the_register_rag_as_the_summarys_and_imports_no_rating(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(exported_register(tmp_path))
    before = {name: Path(name).read_bytes() for name in REVIEW_PLANS}
    # an unedited return, recalculated by LibreOffice, changes nothing
    shutil.copy(recalculated_workbook(Path("register.xlsx").resolve(), tmp_path / "plain"),
                "returned.xlsx")
    assert main(["actions", "import", "returned.xlsx"]) == 0
    assert {name: Path(name).read_bytes() for name in REVIEW_PLANS} == before
    book = openpyxl.load_workbook("register.xlsx")
    ws = book["Register"]
    heads, at = _heads(ws), _rows(ws)
    moved, reopened = at["E-2017-AFI-1"], at["E2-AFI-3"]
    ws[f"{heads['Current target']}{moved}"] = datetime(2025, 3, 31)  # was Red: now Amber
    ws[f"{heads['Reason for new target']}{moved}"] = "Waiting for the regional review"
    ws[f"{heads['Status']}{reopened}"] = "In progress"  # the author's Green, now overdue
    ws[f"{heads['Closed on']}{reopened}"] = None
    book.save("edited.xlsx")
    calc = recalculated_workbook(Path("edited.xlsx").resolve(), tmp_path / "edited")
    worked = openpyxl.load_workbook(calc, data_only=True)
    reg, summary = worked["Register"], worked["Summary"]
    register_rag = {ref: reg[f"{heads['RAG']}{r}"].value for ref, r in at.items()}
    summary_rag = {ref: str(summary[f"{SUMMARY['RAG']}{r}"].value).split(" ")[0]
                   for ref, r in _rows(summary).items()}
    assert register_rag["E-2017-AFI-1"] == "Amber"
    assert register_rag["E2-AFI-3"] == "Red"  # an overdue item is never Green
    assert register_rag == summary_rag  # one rating for each finding, on both sheets
    assert summary[f"{SUMMARY['RAG']}{_rows(summary)['E2-AFI-3']}"].value == "Red"
    # the returned file's worked-out rating is never taken for an owner's rating
    shutil.copy(calc, "returned.xlsx")
    assert main(["actions", "import", "returned.xlsx"]) == 0
    norfolk = Path(REVIEW_PLANS[0]).read_text(encoding="utf-8")
    assert "2025-03-31" in norfolk and "Waiting for the regional review" in norfolk
    assert norfolk.count("rag:") == before[REVIEW_PLANS[0]].decode().count("rag:")
