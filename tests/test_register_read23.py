"""Read 23-R: the register workbook scored 7.  Printed, the Summary left out the planned actions,
the moved targets and the headline; a long new update was cut off; the Summary had no stored
values for previewers; the marking had to be typed on every sheet; the structure was unlocked;
'yes'/'no' in lower case; nothing said whose register a data page was.  And in every document,
'PEEL inspection' alone in the tables."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from docread import REVIEW_PLANS, reader_text
from openpyxl.utils import get_column_letter
from pagefill import print_workbook, recalculated_workbook

import peeldocs
from peeldocs.blocks import inline_text
from peeldocs.cli import main
from peeldocs.plans.workbook_cells import SHOWN
from peeldocs.plans.workbook_print import NEW_UPDATE_ROOM, SUMMARY_UPDATE_ROOM
from peeldocs.prose import long_date
from peeldocs.sections.register_cells import latest_cell

LONG_UPDATE = (
    "Dip sample of forty investigations completed in September; supervision gaps found in "
    "twelve. Findings reported to the performance meeting, actions agreed with each team lead, "
    "and a re-test booked for January with the crime registrar to check the change holds. The "
    "last words here.")
COLUMN = {s.heading: get_column_letter(i) for i, s in enumerate(SHOWN, start=1)}


@pytest.fixture(scope="module")
def book(register_review: Path) -> openpyxl.Workbook:
    """The reviewed register's workbook, its stored values as a previewer reads them."""
    return openpyxl.load_workbook(register_review / "register" / "register.xlsx", data_only=True)


def _summary(book: openpyxl.Workbook) -> dict[str, dict[str, object]]:
    ws = book["Summary"]
    return {str(ws[f"A{r}"].value): {h: ws[f"{c}{r}"].value for h, c in COLUMN.items()}
            for r in range(3, ws.max_row + 1)}


def test_the_summary_gives_actions_and_moved_targets_as_the_pdf_does(
        book: openpyxl.Workbook, register_texts: dict[str, str]) -> None:
    rows, pdf = _summary(book), register_texts["register.pdf"]
    assert list(COLUMN)[3] == "Actions planned"
    assert rows["E-2017-AFI-1"]["Actions planned"] == \
        "(Example) add supervision checks to the monthly performance meeting."
    assert rows["E2-AFI-2"]["Actions planned"] == "No actions recorded."
    assert "Closed on 20 August 2024, signed off by Example DCC (illustrative). No evidence " \
        "reference recorded." in str(rows["AFI1"]["Actions planned"])
    # why R3 is Amber, and E-2017-AFI-1's moved target, as the PDF says it, with the date it
    # moved to, worked out from the register sheet (read 28-R)
    assert str(rows["R3"]["Latest update"]).startswith(  # HMICFRS's deadline first (read 34)
        "HMICFRS’s deadline passed on 14 September 2024. Target moved from 14 September 2024 "
        "to 20 December 2024: Example reason. Training slots moved to November.")
    assert str(rows["E-2017-AFI-1"]["Latest update"]).startswith(
        "Target moved from 31 July 2019 to 30 September 2019 (as the update of "
        "2 September 2019 says).")
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    for entry in reg.entries:  # word for word the PDF's 'Every finding and its actions' cell
        said = " ".join(inline_text(latest_cell(entry, reg.as_of, rag_reason=True).runs).split())
        assert said in pdf
        item = entry.state.item
        if item.original_target and item.current_target != item.original_target:
            was = f"Target moved from {long_date(item.original_target)}"
            said = said.replace(was, f"{was} to {long_date(item.current_target)}")
        if entry.due and entry in reg.past_due():  # the Summary says so first (read 34)
            said = f"HMICFRS’s deadline passed on {long_date(entry.due)}. {said}"
        # the register's cell is a sentence like its neighbours; the sheet's cell a statement
        assert rows[item.finding]["Latest update"] == said.removesuffix(
            "." if said.endswith("No update recorded.") else "")


def test_the_printed_about_page_leads_with_what_the_pdf_leads_with(
        register_review: Path, register_texts: dict[str, str], tmp_path: Path) -> None:
    pdf = register_texts["register.pdf"]
    path = print_workbook(register_review / "register" / "register.xlsx",
                          ("About", "Summary", "Register"), tmp_path)
    with pdfplumber.open(path) as printed:
        about = " ".join(printed.pages[0].extract_text().split())
        assert "Page 1 of" in about and min(c["size"] for c in printed.pages[0].chars) >= 7
    for said in ("As of 15 October 2024 the register tracks eight findings (two awaiting "
                 "allocation, four in progress, none pending sign-off and two closed), with "
                 "seven actions planned between them.",
                 # the document's overdue figures and open findings by owner (read 28-R)
                 "As of 15 October 2024, four findings are overdue, the most overdue by 1,842 "
                 "days."):
        assert said in about, said
    assert "Example ACC (illustrative) four open, three overdue" in about
    assert "No owner recorded two open, one overdue" in about
    # what stood out when issued no formula can work out: not printed, and said where it is
    for said in ("Three areas for improvement from the PEEL inspection (E-2017-AFI-1, E2-AFI-1 "
                 "and E2-AFI-2) have had no progress reported for more than five years",
                 "No evidence reference is recorded for the closure of an area for improvement"):
        assert said in pdf and said not in about, said
    assert ("What stood out when the register was issued is not printed: it is in the register "
            "document of 15 October 2024.") in about
    # the figures' date, read from the cell the keeper sets (read 30-R)
    assert ("Every day count, overdue figure and RAG rating in this print is worked out as at "
            "15 October 2024") in about
    # which sheets to print for a meeting: a note for the editor, not printed (read 30-R)
    assert "For a meeting" not in about and "Worked-out columns" not in about
    assert "empty owner" not in about


def test_summary_formulas_store_what_they_give(register_review: Path,
                                               book: openpyxl.Workbook) -> None:
    raw = zipfile.ZipFile(register_review / "register" / "register.xlsx")
    names = re.findall(r'<sheet [^>]*name="([^"]*)"', raw.read("xl/workbook.xml").decode())
    xml = raw.read(f"xl/worksheets/sheet{names.index('Summary') + 1}.xml").decode()
    formulas = re.findall(r"<c r=\"([A-Z]+\d+)\"[^>]*><f>.*?</f>(<v>[^<]*</v>)?</c>", xml, re.S)
    # every cell but the inspection's short name, texts (the actions too, read 27-R); and the
    # title, which reads About's 'Register of' (read 24-R)
    # and the marking (A1), which reads About's 'Protective marking' (read 28-R)
    assert len(formulas) == 8 * (len(SHOWN) - 1) + 2
    empty = [ref for ref, value in formulas if not value and not ref.startswith(COLUMN["New update"])]
    assert not empty  # a previewer that does not calculate shows each
    rows = _summary(book)
    assert rows["E2-AFI-2"]["Owner"] == "No owner recorded"
    assert rows["AFI1"]["Status"] == "Closed; no evidence reference recorded"
    assert rows["E-2017-AFI-1"]["Days overdue"] == 1842
    assert str(rows["E-2017-AFI-1"]["Target date"]).startswith("2019-09-30")


@pytest.mark.xdist_group("libreoffice")
def test_stored_values_are_what_a_spreadsheet_program_calculates(
        register_review: Path, book: openpyxl.Workbook, tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    # without the stored values, LibreOffice must work every formula out itself
    bare = openpyxl.load_workbook(register_review / "register" / "register.xlsx")
    bare.save(tmp_path / "bare.xlsx")
    worked = openpyxl.load_workbook(recalculated_workbook(tmp_path / "bare.xlsx", tmp_path),
                                    data_only=True)
    ours, theirs = _summary(book), _summary(worked)
    assert ours.keys() == theirs.keys()
    for ref, row in ours.items():
        for heading, value in row.items():
            assert (value or None) == (theirs[ref][heading] or None), (ref, heading)


def _rooms(ws: object, column: str) -> dict[int, int]:
    """Each row's room for a new update: the length its long-update warning allows."""
    rooms = {}
    for dv in ws.data_validations.dataValidation:  # type: ignore[attr-defined]
        if dv.type == "textLength":
            for part in str(dv.sqref).split():
                assert part.startswith(column) and ":" not in part
                rooms[int(part[len(column):])] = int(dv.formula1)
    return rooms


def _cut(text: str, room: int) -> str:
    """``text`` cut at a word to at most ``room`` characters."""
    return text if len(text) <= room else text[:room].rsplit(" ", 1)[0]


@pytest.mark.xdist_group("libreoffice")
def test_libreoffice_prints_a_new_update_as_long_as_its_row_allows_in_full(
        register_review: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(register_review / "register" / "register.xlsx")
    ws = book["Register"]
    heads = {c.value: get_column_letter(c.column) for c in ws[2]}
    rooms = _rooms(ws, heads["New update"])
    assert set(rooms) == set(range(3, ws.max_row + 1))
    ws.protection.sheet = False
    written = {}
    for row, room in rooms.items():  # every row, the tallest findings and the shortest
        written[row] = ws[f"{heads['New update']}{row}"] = _cut(LONG_UPDATE, room)
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    path = print_workbook(edited, ("Summary", "Register"), tmp_path)
    with pdfplumber.open(path) as printed:
        register = next(i for i, page in enumerate(printed.pages)
                        if "Original target" in page.extract_text())
        pages = printed.pages[:register]
        assert len(pages) <= 3 and min(c["size"] for p in pages for c in p.chars) >= 6.9
        column = []  # the 'New update' column of each page, read on its own
        for page in pages:
            words = page.extract_words()
            left = max(w["x0"] for w in words if w["text"] == "New")  # its heading
            column.append(" ".join(page.crop((left - 2, 0, page.width, page.height))
                                   .extract_text().split()))
            assert "###" not in page.extract_text() and "#NAME" not in page.extract_text()
    text = " ".join(column)
    for row, said in written.items():  # all of it, on every row
        assert " ".join(said.split()) in text, row


def test_rows_keep_room_and_a_longer_update_is_warned_of(book: openpyxl.Workbook) -> None:
    ws = book["Register"]
    heads = {c.value: get_column_letter(c.column) for c in ws[2]}
    column = heads["New update"]
    per_line = int(ws.column_dimensions[column].width)
    rooms = _rooms(ws, column)
    summary = book["Summary"]
    new = COLUMN["New update"]
    for row, room in rooms.items():  # room on both sheets for the update the warning allows
        assert SUMMARY_UPDATE_ROOM <= room <= NEW_UPDATE_ROOM
        assert ws.row_dimensions[row].height >= 15 * -(-room // per_line)
        lines = -(-room // int(summary.column_dimensions[new].width))
        assert summary.row_dimensions[row].height >= 15 * lines
    warns = [dv for dv in ws.data_validations.dataValidation if dv.type == "textLength"]
    assert all(w.errorStyle == "warning" and "make its row taller" in w.error for w in warns)
    assert book["Summary"].protection.formatRows is False  # a Summary row can be made taller


def test_the_import_takes_a_long_update_whole(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).resolve().parent.parent
    for name in ("examples/norfolk-2018-action-plan.yaml",
                 "examples/constructed-thematic-action-plan.yaml",
                 "examples/constructed-thematic-inspection.yaml",
                 "data/norfolk-2018-effectiveness.yaml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copy(root / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    plans = ["examples/norfolk-2018-action-plan.yaml",
             "examples/constructed-thematic-action-plan.yaml"]
    assert main(["register", *plans, "--as-of", "2024-10-15", "--format", "xlsx", "--out",
                 ".", "--quiet"]) == 0
    book = openpyxl.load_workbook("register.xlsx")
    ws = book["Register"]
    heads = {c.value: get_column_letter(c.column) for c in ws[2]}
    ws[f"{heads['New update']}3"] = LONG_UPDATE
    ws[f"{heads['New update on']}3"] = ws[f"{heads['Current target']}3"].value
    book.save("register.xlsx")
    assert main(["actions", "import", "register.xlsx"]) == 0
    assert any(" ".join(LONG_UPDATE.split()) in " ".join(Path(p).read_text().split())
               for p in plans)


def test_the_marking_given_is_on_every_sheet(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["register", *REVIEW_PLANS, "--as-of", "2024-10-15", "--format", "xlsx",
                 "--marking", "OFFICIAL-SENSITIVE", "--out", str(tmp_path / "m")]) == 0
    assert "no protective marking" not in capsys.readouterr().err
    book = openpyxl.load_workbook(tmp_path / "m" / "register.xlsx")
    for ws in book.worksheets:
        if ws.sheet_state == "visible":
            assert ws.oddHeader.center.text.split("\n")[0] == ws.oddFooter.center.text == "OFFICIAL-SENSITIVE"
    about = {r[0].value: r[1].value for r in book["About"].iter_rows(max_col=2)}
    assert about["Protective marking"] == "OFFICIAL-SENSITIVE"
    assert "The marking given when this file was made is in every page's header and footer " \
        "too" in str(about["Marking when printed"])
    # without one: the placeholder, and the user is told plainly
    assert main(["register", *REVIEW_PLANS, "--as-of", "2024-10-15", "--format", "xlsx",
                 "--out", str(tmp_path / "n")]) == 0
    assert "no protective marking given (--marking); every printed page says it is to be " \
        "completed: set it before printing" in capsys.readouterr().err
    plain = openpyxl.load_workbook(tmp_path / "n" / "register.xlsx")
    assert "{to be completed: protective marking}" in str(plain["Summary"]["A1"].value)


def test_structure_locked_words_capitalised_prompts_on_every_row(book: openpyxl.Workbook) -> None:
    assert book.security.lockStructure and not book.security.workbookPassword
    ws = book["Register"]
    heads = {c.value: get_column_letter(c.column) for c in ws[2]}
    assert {ws[f"{heads['Overdue']}{r}"].value for r in range(3, ws.max_row + 1)} == {"Yes", "No"}
    prompted = [str(dv.sqref) for dv in ws.data_validations.dataValidation if dv.showInputMessage]
    free = " ".join(p for p in prompted if heads["New update"] in p.split(":")[0][:2] or
                    heads["Owner"] in p)
    # status, RAG and date cells keep their prompt; a free-text column on every row (read 24-R)
    assert f"{heads['Owner']}3:{heads['Owner']}{ws.max_row}" in free.split()
    assert any(p.startswith(f"{heads['Status']}3:") for p in prompted)
    # an open item's empty owner is highlighted, the cell left empty for the owner to fill
    rules = [r for rng in ws.conditional_formatting for r in rng.rules
             if str(rng.sqref).startswith(heads["Owner"])]
    assert rules and "LEN(TRIM(" in rules[0].formula[0]
    assert ws[f"{heads['Owner']}{_row(ws, 'E2-AFI-2')}"].value is None


def _row(ws: object, ref: str) -> int:
    return next(r for r in range(3, ws.max_row + 1) if ws[f"A{r}"].value == ref)  # type: ignore[attr-defined]


def test_one_rule_for_an_old_update(tmp_path: Path) -> None:
    """R1's latest update (3 June 2024) is 95 days old on 6 September 2024: counted in days."""
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-09-06")
    book = openpyxl.load_workbook(io.BytesIO(peeldocs.register_workbook(reg)), data_only=True)
    said = str(_summary(book)["R1"]["Latest update"])
    assert said.startswith("Not updated for 95 days (more than a quarter). 3 June 2024:")
    out = peeldocs.write_register(reg, "pdf", tmp_path)
    assert said in reader_text(out[0])
    formulas = openpyxl.load_workbook(io.BytesIO(peeldocs.register_workbook(reg)))
    row = _row(formulas["Register"], "R1")  # the Summary's row is the register sheet's
    cell = formulas["Summary"][f"{COLUMN['Latest update']}{row}"].value
    # old only while open and no new update is written beside it (read 26-R)
    assert re.search(r'AND\(\'Register\'!\w+<>"Closed",\'Register\'!\w+=""\),'
                     r'"Not updated for 95 days \(more than a quarter\). "', cell), cell


def test_whose_register_heads_every_printed_page(book: openpyxl.Workbook) -> None:
    reg = peeldocs.register([REVIEW_PLANS[0]], as_of="2024-10-15")
    norfolk = openpyxl.load_workbook(io.BytesIO(peeldocs.register_workbook(reg)))
    for name in ("Summary", "Register", "About"):
        assert norfolk[name].oddHeader.center.text.split("\n")[-1].startswith("Norfolk Constabulary: "), name
    assert "Register of" not in str(norfolk["Summary"]["B1"].value)
    # two plans, one force's and a national one: the Summary's title asks, as About does
    assert str(book["Summary"]["B1"].value).endswith(
        "Register of: {to be completed: the force or office whose register this is}.")
