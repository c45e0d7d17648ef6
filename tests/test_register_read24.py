"""Read 24-R: the register workbook scored 8.  The Summary's title kept its 'Register of'
placeholder after About's was filled; the marking sat at the left of headers and footers and
the places to complete were not listed where About prints; 'Overdue', 'Days overdue' and
'Days slipped' were fixed values that contradicted an owner's edits ('Closed … 1,842 days
overdue'); the Summary's long inspection titles wrapped to eight lines; free-text prompts were
on row 3 only; 'Every action' headed a table of findings; About's date was '15 Oct 2024'."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from docread import REVIEW_PLANS, exported_register
from openpyxl.utils import get_column_letter
from pagefill import print_workbook, recalculated_workbook

from peeldocs.cli import main
from peeldocs.plans.workbook_cells import SHOWN

SUMMARY = {s.heading: get_column_letter(i) for i, s in enumerate(SHOWN, start=1)}
WHOSE = "{to be completed: the force or office whose register this is}"


def _heads(ws: object) -> dict[str, str]:
    return {c.value: c.column_letter for c in ws[2]}  # type: ignore[index]


def _row(ws: object, ref: str) -> int:
    return next(r for r in range(3, ws.max_row + 1)  # type: ignore[attr-defined]
                if ws[f"A{r}"].value == ref)  # type: ignore[index]


def _about_row(ws: object, label: str) -> int:
    return next(r for r in range(1, ws.max_row + 1)  # type: ignore[attr-defined]
                if ws[f"A{r}"].value == label)  # type: ignore[index]



@pytest.fixture()
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The reviewed plans and their reports, copied to a folder the import may write to."""
    monkeypatch.chdir(exported_register(tmp_path))
    return list(REVIEW_PLANS)


def test_the_summary_title_reads_about_register_of(register_review: Path) -> None:
    path = register_review / "register" / "register.xlsx"
    formulas, stored = openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)
    of = _about_row(formulas["About"], "Register of")
    assert f"'About'!$B${of}" in str(formulas["Summary"]["B1"].value)
    assert str(formulas["Summary"]["B1"].value).startswith("=")
    # what a previewer shows, before About is filled: the placeholder, as About shows it
    assert str(stored["Summary"]["B1"].value).endswith(f"Register of: {WHOSE}.")
    assert stored["About"][f"B{of}"].value == WHOSE


@pytest.mark.xdist_group("libreoffice")
def test_filling_about_fills_the_printed_summary_title(register_review: Path,
                                                       tmp_path: Path) -> None:
    book = openpyxl.load_workbook(register_review / "register" / "register.xlsx")
    book["About"][f"B{_about_row(book['About'], 'Register of')}"] = "Office of the Example PCC"
    book.save(tmp_path / "filled.xlsx")
    path = print_workbook(tmp_path / "filled.xlsx", ("About", "Summary"), tmp_path)
    with pdfplumber.open(path) as printed:
        summary = " ".join(printed.pages[1].extract_text().split())
    assert "Summary of the register of actions" in summary
    assert "Register of: Office of the Example PCC." in summary
    assert "{to be completed: the force" not in summary


def test_the_marking_is_centred_and_every_place_to_complete_is_listed(
        register_review: Path) -> None:
    book = openpyxl.load_workbook(register_review / "register" / "register.xlsx")
    for ws in book.worksheets:
        if ws.sheet_state == "visible":
            # atop every page by formula from About's cell, not in a header (read 28-R)
            assert "{to be completed: protective marking}" in str(ws["A1"].value), ws.title
            assert "{to be completed" not in ws.oddHeader.center.text, ws.title
            assert not ws.oddHeader.left.text and not ws.oddFooter.left.text, ws.title
            assert ws.oddFooter.right.text == "Page &P of &N", ws.title
    about = book["About"]
    todo = _about_row(about, "To complete")
    assert todo <= int(about.print_area.split(":")[-1].lstrip("$B"))  # it prints
    said = str(about[f"B{todo}"].value)
    assert "'Register of' above" in said and "'Protective marking' above" in said
    assert "which every printed page shows at its top left" in said


def test_nothing_to_complete_when_marking_and_force_are_given(tmp_path: Path) -> None:
    assert main(["register", REVIEW_PLANS[0], "--as-of", "2024-10-15", "--format", "xlsx",
                 "--marking", "OFFICIAL", "--out", str(tmp_path), "--quiet"]) == 0
    about = openpyxl.load_workbook(tmp_path / "register.xlsx")["About"]
    assert "To complete" not in [c.value for c in about["A"]]


@pytest.mark.xdist_group("libreoffice")
def test_the_printed_about_page_lists_what_to_complete_with_the_marking_centred(
        register_review: Path, tmp_path: Path) -> None:
    path = print_workbook(register_review / "register" / "register.xlsx", ("About",), tmp_path)
    with pdfplumber.open(path) as printed:
        page = printed.pages[0]
        text = " ".join(page.extract_text().split())
        marks = page.search("protective marking}", regex=False)
        title = page.search("Register of actions on HMICFRS", regex=False)[0]
    assert "To complete Before this register is issued, complete:" in text
    assert "Register as of 15 October 2024" in text and "15 Oct 2024" not in text
    # atop the page, at its left beside the title, from About's cell (read 28-R); no header
    # or footer says it, which the cell could contradict
    top = min(marks, key=lambda m: m["top"])  # the other: in the list of what to complete
    assert top["x0"] < page.width * 0.15 and top["top"] < title["bottom"] + 20
    assert all(m["top"] < page.height * 0.85 for m in marks)  # none at the foot


def test_the_register_date_on_about_is_written_in_full(register_review: Path) -> None:
    about = openpyxl.load_workbook(register_review / "register" / "register.xlsx")["About"]
    cell = about[f"B{_about_row(about, 'Register as of')}"]
    assert cell.number_format == "d mmmm yyyy" and cell.value == datetime(2024, 10, 15)


def test_worked_out_columns_are_formulas_storing_todays_figures(register_review: Path) -> None:
    path = register_review / "register" / "register.xlsx"
    formulas, stored = openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)
    ws, values = formulas["Register"], stored["Register"]
    heads = _heads(ws)
    as_of = f"'About'!$B${_about_row(formulas['About'], 'Register as of')}"
    for heading in ("Days slipped", "Overdue", "Days overdue"):
        for r in range(3, ws.max_row + 1):
            cell = ws[f"{heads[heading]}{r}"]
            assert str(cell.value).startswith("="), (heading, r)
            assert cell.protection.locked, (heading, r)
    assert as_of in str(ws[f"{heads['Days overdue']}3"].value)
    figures = {values[f"A{r}"].value: tuple(values[f"{heads[h]}{r}"].value or None for h in
                                            ("Days slipped", "Overdue", "Days overdue"))
               for r in range(3, ws.max_row + 1)}
    # as the reviewer checked them: 1,842 / 1,810 / 1,750 / 15 days overdue; 61 and 97 slipped
    assert figures["E-2017-AFI-1"] == (61, "Yes", 1842)
    assert figures["E2-AFI-2"][1:] == ("Yes", 1810)
    assert figures["E2-AFI-1"][1:] == ("Yes", 1750)
    assert figures["R1"][1:] == ("Yes", 15)
    assert figures["R3"] == (97, "No", None)  # blank, never 0, when not overdue
    assert figures["AFI1"][1:] == ("No", None)
    # the register sheet's RAG is worked out too (read 26-R), storing today's rating, and
    # About says how it moves
    assert str(ws[f"{heads['RAG']}3"].value).startswith("=IF(")
    assert values[f"{heads['RAG']}3"].value == "Red"
    about = {r[0].value: r[1].value for r in formulas["About"].iter_rows(max_col=2)}
    assert "The RAG is worked out again too, here and there, by the same rules" \
        in about["Editing a date or status"]


@pytest.mark.xdist_group("libreoffice")
def test_closing_an_item_or_moving_a_target_moves_the_figures_and_imports(
        plans: list[str], tmp_path: Path) -> None:
    book = openpyxl.load_workbook("register.xlsx")
    ws = book["Register"]
    heads = _heads(ws)
    closed, moved = _row(ws, "E-2017-AFI-1"), _row(ws, "R1")
    ws[f"{heads['Status']}{closed}"] = "Closed"
    ws[f"{heads['Closed on']}{closed}"] = datetime(2024, 10, 1)
    ws[f"{heads['New evidence']}{closed}"] = "Supervision audit, October 2024"
    ws[f"{heads['Current target']}{moved}"] = datetime(2024, 12, 31)
    ws[f"{heads['Reason for new target']}{moved}"] = "Waiting for the regional review"
    book.save("edited.xlsx")
    calc = recalculated_workbook(Path("edited.xlsx").resolve(), tmp_path)
    worked = openpyxl.load_workbook(calc, data_only=True)
    reg, summary = worked["Register"], worked["Summary"]
    assert reg[f"{heads['Overdue']}{closed}"].value == "No"
    assert reg[f"{heads['Days overdue']}{closed}"].value in (None, "")
    assert reg[f"{heads['Overdue']}{moved}"].value == "No"
    assert reg[f"{heads['Days slipped']}{moved}"].value == \
        (date(2024, 12, 31) - date(2024, 9, 30)).days  # R1's first target: 30 Sep 2024
    for row in (closed, moved):  # the Summary prints no days overdue for either
        assert summary[f"{SUMMARY['Days overdue']}{row}"].value in (None, "")
    # closed with its evidence but no one named as signing it off (read 27-R)
    assert summary[f"{SUMMARY['Status']}{closed}"].value == "Closed; no sign-off recorded"
    # the import takes the owner's edits, never the worked-out cells (in LibreOffice's copy,
    # recalculated, and in openpyxl's, which stores no figure at all)
    for edited in (calc, Path("edited.xlsx")):
        shutil.copy(edited, "returned.xlsx")
        for plan in plans:
            shutil.copy(Path(__file__).resolve().parent.parent / plan, plan)
        assert main(["actions", "import", "returned.xlsx"]) == 0, edited
        norfolk = Path(plans[0]).read_text()
        assert "closed_on: 2024-10-01" in norfolk and "Supervision audit, October 2024" in norfolk
        assert "2024-12-31" in Path(plans[1]).read_text()


def test_a_worked_out_cell_typed_over_is_still_refused(plans: list[str],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    book = openpyxl.load_workbook("register.xlsx")
    ws = book["Register"]
    heads = _heads(ws)
    ws.protection.sheet = False
    ws[f"{heads['Days overdue']}3"] = 5  # a value over the formula: an edit that would be lost
    book.save("register.xlsx")
    assert main(["actions", "import", "register.xlsx"]) == 1
    assert "this column is worked out" in capsys.readouterr().err


def test_an_unedited_return_imports_nothing(plans: list[str],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    before = [Path(p).read_bytes() for p in plans]
    assert main(["actions", "import", "register.xlsx"]) == 0
    assert [Path(p).read_bytes() for p in plans] == before
    assert "problem" not in capsys.readouterr().err.lower()


def test_the_summary_names_inspections_as_the_pdf_does(register_review: Path,
                                                       register_texts: dict[str, str]) -> None:
    ws = openpyxl.load_workbook(register_review / "register" / "register.xlsx",
                                data_only=True)["Summary"]
    names = {ws[f"A{r}"].value: ws[f"{SUMMARY['Inspection']}{r}"].value
             for r in range(3, ws.max_row + 1)}
    # read 25-R: the narrow column names a PEEL inspection by its cycle and the force's place,
    # taken from the name the PDF gives it, so no ')' is left alone on a line
    assert names["E-2017-AFI-1"] == "PEEL 2018/19 (Norfolk)"
    assert names["R1"] == "National thematic inspection"
    pdf = " ".join(register_texts["register.pdf"].split())
    assert "PEEL 2018/19 effectiveness (Norfolk Constabulary)" in pdf
    assert "National thematic inspection" in pdf
    width = ws.column_dimensions[SUMMARY["Inspection"]].width
    assert all(len(n) / width < 4 for n in names.values())  # some three lines, not eight
    assert all(len(word) <= width for n in names.values() for word in n.split())


def test_every_finding_is_the_heading_in_every_format(register_texts: dict[str, str]) -> None:
    for fmt in ("pdf", "docx", "html"):
        text = " ".join(register_texts[f"register.{fmt}"].split())
        assert "Every finding and its actions" in text, fmt
        assert "Every action " not in text.replace("Every action plan", ""), fmt
