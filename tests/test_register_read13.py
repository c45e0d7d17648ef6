"""Editorial read 13 of the register workbook (read13-R, faults 1 to 4), fixed.

The About sheet says where the printed marking is set, gives the RAG definitions
the documents give, names the hidden sheet, and is what the workbook opens on;
the Register sheet prints from its headings down (its title row is for the
screen); the title reads as whole sentences; every font is named.
"""

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
from peeldocs.plans.rules import rag_meaning_words
from peeldocs.plans.workbook_print import FONT, MARKING_HEAD

FORMATS = ("pdf", "docx", "html")
PRINTING = ("About", "Summary", "Register", "Addressed to other bodies")


@pytest.fixture(scope="module")
def book(register_review: Path) -> openpyxl.Workbook:
    """The reviewed register's workbook, as openpyxl reads it."""
    return openpyxl.load_workbook(register_review / "register" / "register.xlsx")


def _about(book: openpyxl.Workbook) -> dict[str, str]:
    return {r[0].value: r[1].value for r in book["About"].iter_rows(max_col=2)}


def test_about_says_where_the_printed_marking_is_set_among_the_editing_notes(
        book: openpyxl.Workbook) -> None:
    about = book["About"]
    labels = [about[f"A{r}"].value for r in range(1, about.max_row + 1)]
    at = labels.index("Marking when printed") + 1
    assert at > labels.index("Editing this workbook") + 1 > labels.index("Protective marking") + 1
    said = str(about[f"B{at}"].value)
    # built without a marking: the cell above is what every printed page shows (read 28-R)
    assert said.startswith("The top left cell of every printed page shows what the "
                           "'Protective marking' cell above says")
    # a header cannot read the cell: it says where the marking is, and how to set it there
    assert "header and footer cannot read a cell" in said and "Header/Footer" in said
    printing = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
    assert tuple(printing) == PRINTING
    for name in PRINTING:  # no header says a marking the cell may contradict (read 28-R), nor
        ws = book[name]    # sends the reader to the top left for it (read 33): A1 prints it
        assert MARKING_HEAD not in ws.oddHeader.center.text
        assert "marking" not in ws.oddHeader.center.text + str(ws.oddFooter.center.text), name
        assert str(ws["A1"].value).startswith("=IF(OR(TRIM('About'!"), name


def test_about_prints_what_a_reader_needs_and_keeps_the_editing_notes_on_screen(
        book: openpyxl.Workbook, tmp_path: Path) -> None:
    """Reads 15-R and 16-R: the About sheet printed software and import instructions; they are
    now notes for whoever edits the file, below the printed part, in plain words."""
    about = book["About"]
    labels = [about[f"A{r}"].value for r in range(1, about.max_row + 1)]
    notes = labels.index("Editing this workbook") + 1
    area = about.print_area.split("!")[-1].replace("$", "")
    # a blank row, what stood out as issued (not printed, read 28-R), a blank row, the notes
    assert area == f"A1:B{notes - 4}"
    assert str(labels[notes - 3]).startswith("What stands out")
    printed = labels[:notes - 4]
    assert {"Register of", "Protective marking", "Register as of", "Figures as at", "RAG",
            "Source"} <= set(printed)
    # how the figures are worked out, the statuses, how to print: for the editor (read 30-R)
    assert {"Worked-out columns", "Statuses", "For a meeting"} <= set(labels[notes:])
    assert not {"How to edit", "Actions, evidence", "Hidden columns", "Hidden sheet",
                "Marking when printed"} & set(printed)
    assert {"How to edit", "Actions, evidence", "Hidden columns", "Hidden sheet",
            "Marking when printed"} <= set(labels[notes:])
    assert "These notes are not printed." in str(about[f"B{notes}"].value)
    everything = " ".join(str(c.value) for row in about.iter_rows() for c in row if c.value)
    # the hidden sheet's and column's own names aside
    words = everything.lower().replace("'as exported'", "").replace("'plan file'", "")
    for word in (".yaml", "import", "export", "peeldocs", "plan file", "path"):
        assert word not in words, word
    assert "Return the file to whoever keeps the register." in everything


def test_a_given_marking_is_printed_and_still_said_where_to_change() -> None:
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    book = openpyxl.load_workbook(io.BytesIO(
        peeldocs.register_workbook(reg, marking="OFFICIAL-SENSITIVE")))
    about = _about(book)
    assert about["Protective marking"] == "OFFICIAL-SENSITIVE"
    assert "Header/Footer" in about["Marking when printed"]
    for name in PRINTING:
        assert book[name].oddHeader.center.text.split("\n")[0] == "OFFICIAL-SENSITIVE", name


def test_per_inspection_sheets_are_each_named_where_the_marking_is_set() -> None:
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    book = openpyxl.load_workbook(io.BytesIO(peeldocs.register_workbook(reg, per_inspection=True)))
    about = _about(book)
    assert "The top left cell of every printed page" in about["Marking when printed"]
    for name in ("Summary", "PEEL inspection", "National thematic inspection",
                 "Addressed to other bodies"):
        assert book[name].print_title_rows == "$1:$2", name
    assert "at the far right of each register sheet" in about["Hidden columns"]
    assert book.active.title == "About"


def test_the_register_sheet_prints_its_title_once_and_its_headings_on_every_page(
        book: openpyxl.Workbook) -> None:
    ws = book["Register"]
    heads = {str(c.value): get_column_letter(c.column) for c in ws[2]}
    assert ws.print_title_rows == "$1:$2"  # the marking (A1) and the headings (read 28-R)
    assert ws.print_title_cols == "$A:$A" and heads["Ref"] == "A"
    area = ws.print_area.split(",")[0].split("!")[-1].replace("$", "")
    assert area.startswith(f"{heads['Status']}1:")  # the title prints atop the first part
    assert str(ws[f"{heads['Status']}1"].value) == str(ws["B1"].value)  # (reads 14 to 16, 33)
    assert not ws.print_options.gridLines  # the rows are ruled; the title row's width is not
    assert ws["B3"].border.left.style == "thin" and ws["B1"].border.left.style is None
    # and the running head names the register atop every printed page
    assert ws.oddHeader.center.text.split("\n")[-1].startswith(
        "HMICFRS actions register issued 15 October 2024; figures as at the date in the title")
    assert "ILLUSTRATIVE EXAMPLE" in ws.oddHeader.center.text.split("\n")[-1]


def test_the_register_title_is_whole_sentences(register_review: Path,
                                              book: openpyxl.Workbook) -> None:
    title = str(openpyxl.load_workbook(register_review / "register" / "register.xlsx",
                                       data_only=True)["Register"]["B1"].value)
    lead = "ILLUSTRATIVE EXAMPLE: This register includes constructed examples:"
    assert lead in title
    assert title.index(lead) < title.index("Every action plan in it is invented.")
    assert _about(book)["Illustrative"] in title  # the same words as About's


def test_about_gives_the_rag_definitions_the_documents_give(
        book: openpyxl.Workbook, register_texts: dict[str, str]) -> None:
    rag = _about(book)["RAG"]
    words = rag_meaning_words()
    assert rag.startswith(f"{words}. ")
    for colour in ("Red means overdue", "Amber means at risk", "Green means closed with all three recorded, or on track"):
        assert colour in rag
    for fmt in FORMATS:  # one source of words: the documents' key says the same
        assert f"RAG ratings: {words}." in " ".join(register_texts[f"register.{fmt}"].split()), fmt


def test_about_opens_first_and_says_what_the_hidden_sheet_holds(book: openpyxl.Workbook) -> None:
    assert book.active.title == "About" and book.sheetnames[0] == "About"
    about = _about(book)
    assert "at the far right of the Register sheet" in about["Hidden columns"]
    assert "each register sheet" not in about["Hidden columns"]
    hidden = about["Hidden sheet"]
    assert "'As exported'" in hidden and "where each action plan is kept" in hidden
    assert "the register can tell what was changed here" in hidden
    assert book["As exported"].sheet_state == "veryHidden"


def test_the_author_cells_are_open_and_only_what_works_is_offered(
        book: openpyxl.Workbook) -> None:
    """Read 14-R: the About cells the author writes were locked; read 15-R: sorting was
    offered on a sheet whose locked cells a spreadsheet program will not sort."""
    about = book["About"]
    labels = {str(about.cell(row=r, column=1).value): r for r in range(1, about.max_row + 1)}
    for label in ("Register of", "Protective marking"):
        assert about.cell(row=labels[label], column=2).protection.locked is False, label
    assert about.cell(row=labels["Source"], column=2).protection.locked is not False
    ws = book["Register"]
    assert ws.protection.sheet and ws.protection.sort  # protected: not offered
    assert not ws.protection.autoFilter  # filtering is allowed
    days = next(c for c in ws[2] if c.value == "Days overdue").column
    # a formula since read 24-R: every row's figure as '1,842'
    assert {ws.cell(row=r, column=days).number_format for r in range(3, ws.max_row + 1)} \
        == {"#,##0"}


def test_every_font_written_is_named(book: openpyxl.Workbook) -> None:
    bold = 0
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None or ws.title == "As exported":
                    continue
                assert cell.font.name == FONT, f"{ws.title}!{cell.coordinate}"
                bold += bool(cell.font.b)
    assert bold > 20  # titles, header rows and About's labels among them


@pytest.mark.xdist_group("libreoffice")
def test_libreoffice_prints_the_title_once_and_no_serif(register_review: Path,
                                                       tmp_path: Path) -> None:
    """Printed as a spreadsheet program prints it: the title atop the first page of the
    register only, the headings at the top of every page, and no editing notes."""
    path = print_workbook(register_review / "register" / "register.xlsx", ("About", "Register",), tmp_path)
    with pdfplumber.open(path) as printed:
        assert len(printed.pages) == 3  # About on one page; the register's two parts a page each
        for page in printed.pages:
            assert not any("Serif" in c["fontname"] for c in page.chars), page.page_number
        about = printed.pages[0].extract_text()
        assert "Register as of" in about and "Editing this workbook" not in about
        assert "How to edit" not in about
        for n, page in enumerate(printed.pages[1:]):
            text = page.extract_text()
            lines = text.splitlines()
            # the running head (no marking: read 33), then the marking top left, from About's
            # cell (read 28-R)
            assert lines[0].endswith("ILLUSTRATIVE EXAMPLE")
            assert lines[1].startswith("{to be")
            if n == 0:  # the title, once, beside the marking, then the headings
                assert lines[1].startswith("{to be Register of actions on HMICFRS"), lines[1]
                assert "Every action plan in it is invented." in text
                heads = next(i for i, line in enumerate(lines) if line.startswith("Ref "))
                assert heads <= 6, lines[:7]
            else:
                assert "Register of actions on HMICFRS" not in text  # no title band
                assert lines[1:5] == ["{to be", "completed:", "protective", "marking}"]
                assert lines[5].startswith("Ref"), lines[5]  # then the headings
            assert text.splitlines()[-1].startswith("Page ")  # and at the foot, page X of Y
