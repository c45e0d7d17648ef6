"""Read 20-R: printed, each register row ran across three pages, and a returned copy printed
without the owners' new updates.  The Summary sheet prints the register one finding to a row,
one page wide, showing what the register sheet holds, new updates and edits included."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from docread import REVIEW_PLANS
from openpyxl.utils import get_column_letter
from pagefill import print_workbook

import peeldocs
from peeldocs.plans.workbook_cells import SHOWN


@pytest.fixture(scope="module")
def book(register_review: Path) -> openpyxl.Workbook:
    """The reviewed register's workbook, as openpyxl reads it."""
    return openpyxl.load_workbook(register_review / "register" / "register.xlsx")


def test_the_summary_shows_the_register_sheets_cells(book: openpyxl.Workbook) -> None:
    ws, register = book["Summary"], book["Register"]
    assert book.sheetnames[:3] == ["About", "Summary", "Register"]
    assert [c.value for c in ws[2]] == [s.heading for s in SHOWN]
    heads = {c.value: get_column_letter(c.column) for c in register[2]}
    refs = [register[f"A{r}"].value for r in range(3, register.max_row + 1)]
    assert ws.max_row == 2 + len(refs)  # every finding, once, in the register's order
    at = {s.heading: get_column_letter(i) for i, s in enumerate(SHOWN, start=1)}
    for n, ref in enumerate(refs, start=3):
        # each cell shows the register sheet's own cell, so an owner's edit there is printed
        assert ws[f"A{n}"].value == f"=IF('Register'!A{n}=\"\",\"\",'Register'!A{n})", ref
        status = heads["Status"]
        said = ws[f"{at['Status']}{n}"].value
        assert said.startswith(f"=IF('Register'!{status}{n}=\"\",\"\",")
        # as the documents say: who owns it, and a closure with no evidence reference
        assert ws[f"{at['Owner']}{n}"].value.endswith(
            ',"No owner recorded",\'Register\'!' f"{heads['Owner']}{n})")
        assert '"Closed; no evidence reference recorded"' in said
        # an owner's new evidence reference counts, as the import takes it (read 22-R)
        assert f"'Register'!{heads['New evidence']}{n}=\"\"" in said
        new, on = heads["New update"], heads["New update on"]
        assert f"'Register'!{new}{n}" in ws[f"{at['New update']}{n}"].value
        assert f"TEXT('Register'!{on}{n},\"d mmm yyyy\")" in ws[f"{at['New update']}{n}"].value
        # whether the latest update is old follows the status on the register sheet
        latest = ws[f"{at['Latest update']}{n}"].value
        assert latest.startswith("=") and ("Nothing reported" not in latest or
                                           f"'Register'!{status}{n}<>\"Closed\"" in latest)
    assert ws.protection.sheet  # read only: nothing here is imported
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$1:$2"  # the marking (A1) and headings (read 28-R)
    # a formula reading About's 'Register of' (read 24-R), beside the marking
    assert str(ws["B1"].value).startswith('="Summary of the register of actions on HMICFRS')
    assert "ILLUSTRATIVE EXAMPLE" in str(ws["B1"].value)
    about = {r[0].value: r[1].value for r in book["About"].iter_rows(max_col=2)}
    assert "For a meeting, print 'About' and 'Summary'." in about["Printing"]


def test_per_inspection_sheets_are_summarised_in_one(tmp_path: Path) -> None:
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    book = openpyxl.load_workbook(io.BytesIO(peeldocs.register_workbook(reg, per_inspection=True)))
    formulas = " ".join(str(c.value) for c in book["Summary"]["A"][2:])
    assert "'PEEL inspection'!A3" in formulas and "'National thematic inspection'!A3" in formulas


@pytest.mark.xdist_group("libreoffice")
def test_libreoffice_prints_each_finding_on_one_row_with_a_new_update(
        register_review: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(register_review / "register" / "register.xlsx")
    ws = book["Register"]
    heads = {c.value: get_column_letter(c.column) for c in ws[2]}
    ws.protection.sheet = False
    ws[f"{heads['New update']}4"] = "Example: owner wrote this"
    ws[f"{heads['New update on']}4"] = ws[f"{heads['Current target']}4"].value
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    path = print_workbook(edited, ("Summary", "Register"), tmp_path)  # it shows the Register
    with pdfplumber.open(path) as whole:
        register = next(i for i, page in enumerate(whole.pages)
                        if "Original target" in page.extract_text())
        pages = whole.pages[:register]
        # eight findings, one page wide, each row with room for a new update (read 27-R);
        # the register's pages after
        assert len(pages) <= 3
        text = "\n".join(page.extract_text() for page in pages)
        assert "#NAME" not in text and "#REF" not in text
        # the running head (read 33: no 'as shown at the top left'), then the marking (top
        # left, read 28-R) beside the title
        assert text.splitlines()[0].startswith("HMICFRS actions register issued")
        assert text.splitlines()[1].startswith("{to be Summary of the register of actions")
        words = text.split()  # the columns' lines interleave in the text: word by word
        for ref in ("E-2017-AFI-1", "E2-AFI-2", "R1", "AFI1"):
            assert ref in text
        assert {"owner", "wrote", "this"} <= set(words)
        for page in pages:
            sizes = [c["size"] for c in page.chars]
            assert min(sizes) >= 6.9  # one page wide, still readable
            assert "Ref" in page.extract_text()  # the headings on every page
        first = pages[0].extract_text()
        # the status, owner and latest update sit on the same page as the finding
        assert "In progress" in first and "Example ACC" in first
        assert "20 August 2019: Example" in first  # E2-AFI-1's latest update


@pytest.mark.xdist_group("libreoffice")
def test_libreoffice_prints_what_the_documents_say_of_gaps_and_old_updates(
        register_review: Path, tmp_path: Path) -> None:
    """Read 21-R: printed, the Summary left an owner blank where the documents say 'No owner
    recorded', dropped 'No update recorded', 'Nothing reported since then.' and a closure's
    missing evidence reference, and ran 'Days overdue' into the next column."""
    path = print_workbook(register_review / "register" / "register.xlsx", ("Summary", "Register"),
                          tmp_path)
    with pdfplumber.open(path) as whole:
        register = next(i for i, page in enumerate(whole.pages)
                        if "Original target" in page.extract_text())
        text = " ".join(" ".join(page.extract_text().split()) for page in whole.pages[:register])
        for said in ("No owner", "recorded", "No update", "Nothing reported", "since then.",
                     "Closed; no", "evidence"):
            assert said in text, said
        assert "1,8422" not in text and "1,842 Target moved" in text
