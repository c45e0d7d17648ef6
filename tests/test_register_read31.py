"""Read 31-R: the register workbook names new owners, and prints what owners write.

- About's printed table of open findings by owner names an owner typed into the
  register sheet since issue, with their open and overdue findings, as LibreOffice
  works it out (no UNIQUE or FILTER); owners a spreadsheet takes for one are one row;
  more new owners than the rows kept are counted together on the last, and say how many.
- The register sheet prints every column owners write into ('New update' to 'New
  evidence'), on a page of its own across, with the marking atop every page.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pdfplumber
import pytest
from docread import exported_register
from pagefill import edited_workbook, print_workbook

from peeldocs.plans.workbook_owners import MORE_OWNERS

BY_OWNER = "Open findings by owner"


def _rows(ws: Any) -> dict[str, int]:
    return {ws[f"A{r}"].value: r for r in range(3, ws.max_row + 1)}


def _owner_table(ws: Any) -> list[tuple[Any, Any]]:
    """About's printed rows from 'Open findings by owner' down to 'RAG'."""
    rows = [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(1, ws.max_row + 1)]
    start = next(i for i, (label, _v) in enumerate(rows) if label == BY_OWNER) + 1
    end = next(i for i, (label, _v) in enumerate(rows) if label == "RAG")
    return rows[start:end]


def _owners(book: Any, owners: dict[str, str]) -> None:
    ws = book["Register"]
    heads, at = {c.value: c.column_letter for c in ws[2]}, _rows(ws)
    for ref, owner in owners.items():
        ws[f"{heads['Owner']}{at[ref]}"] = owner


def test_the_table_as_exported_keeps_rows_for_new_owners(tmp_path: Path) -> None:
    path = exported_register(tmp_path) / "register.xlsx"
    stored = openpyxl.load_workbook(path, data_only=True)["About"]
    assert _owner_table(stored) == [
        ("Example ACC (illustrative)", "four open, three overdue"),
        ("No owner recorded", "two open, one overdue"),
        (None, None), (None, None), (None, None), (None, None)]  # read 35: no noise row
    # the empty rows print unruled, no empty boxes; ruled once they name an owner
    about = openpyxl.load_workbook(path)["About"]
    kept = next(r for r in range(1, about.max_row + 1)
                if about.cell(r, 1).value == "No owner recorded") + 1  # read 35: all unruled
    assert about.cell(kept - 1, 2).border.left.style == "thin"  # 'No owner recorded'
    assert not any(about.cell(r, c).border.left and about.cell(r, c).border.left.style
                   for r in range(kept, kept + 3) for c in (1, 2))
    [rule] = [f for f in about.conditional_formatting if f"A{kept}" in str(f.sqref)]
    assert rule.rules[0].formula == [f'$A{kept}<>""']


def _edit(book: Any) -> None:
    _owners(book, {"E2-AFI-2": "Ch Supt Example",  # a new owner of an overdue finding
                   "R2": "  ch supt   EXAMPLE ",  # the same owner, as a spreadsheet reads it
                   "R1": "DI Jones"})
    ws = book["Register"]
    heads, at = {c.value: c.column_letter for c in ws[2]}, _rows(ws)
    ws[f"{heads['Status']}{at['R2']}"] = "In progress"
    ws[f"{heads['New evidence']}{at['R3']}"] = "Training log 7/24"  # an open finding's
    ws[f"{heads['New update']}{at['R1']}"] = "Checks now weekly."
    ws[f"{heads['New update on']}{at['R1']}"] = datetime(2024, 10, 14)
    about = book["About"]
    row = next(r for r in range(1, about.max_row + 1)
               if about.cell(r, 1).value == "Protective marking")
    about.cell(row, 2).value = "OFFICIAL-SENSITIVE"


@pytest.mark.xdist_group("libreoffice")
def test_new_owners_are_named_and_what_owners_write_prints(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(exported_register(tmp_path))
    calc = edited_workbook(Path("register.xlsx"), _edit, tmp_path)
    worked = openpyxl.load_workbook(calc, data_only=True)
    assert _owner_table(worked["About"]) == [
        ("Example ACC (illustrative)", "three open, two overdue"),
        ("No owner recorded", "none open"),
        ("Ch Supt Example", "two open, one overdue"),  # E2-AFI-2 and R2, under one name
        ("DI Jones", "one open, one overdue"),  # R1
        (None, None), (None, None)]
    printed = print_workbook(calc, ("About", "Register"), tmp_path)
    with pdfplumber.open(printed) as pdf:
        texts = [" ".join((page.extract_text() or "").split()) for page in pdf.pages]
    about = texts[0]
    assert "Ch Supt Example two open, one overdue" in about
    assert "DI Jones one open, one overdue" in about and "Any other owner" not in about
    for n, text in enumerate(texts, start=1):  # the typed marking atop every page
        assert "OFFICIAL-" in text and "SENSITIVE" in text, n  # A1 wraps it
    # the owners' columns print, on the register's last page across
    owners_page = next(t for t in texts if "New evidence" in t)
    for said in ("New update", "New update on", "New update by", "New action",
                 "Training log 7/24", "Checks now weekly.", "14 Oct 2024"):
        assert said in owners_page, said


@pytest.mark.xdist_group("libreoffice")
def test_more_new_owners_than_rows_are_counted_together_and_said(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(exported_register(tmp_path))
    owners = {"E-2017-AFI-1": "Owner A", "E2-AFI-2": "Owner B", "E2-AFI-1": "Owner C",
              "R1": "Owner D", "R2": "Owner E", "R3": "Owner E"}
    calc = edited_workbook(Path("register.xlsx"), lambda book: _owners(book, owners), tmp_path)
    table = _owner_table(openpyxl.load_workbook(calc, data_only=True)["About"])
    assert table == [
        ("Example ACC (illustrative)", "none open"),
        ("No owner recorded", "none open"),
        ("Owner A", "one open, one overdue"), ("Owner B", "one open, one overdue"),
        ("Owner C", "one open, one overdue"),
        (f"{MORE_OWNERS} (2)", "three open, one overdue")]  # D (R1) and E (R2, R3)
