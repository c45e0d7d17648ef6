"""Editorial read 11 of the register and the update paper: what a reader gets, fixed.

The workbook prints readably (the reader's columns, the Ref repeated, several
pages across) and says what is constructed as the documents do; the evidence
gap is a statement, not an instruction; repeated counts are said once; the
workbook's minor points (About first, full words, the date message).
"""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from docread import REVIEW_PLANS
from openpyxl.utils import column_index_from_string, get_column_letter
from pagefill import print_workbook

import peeldocs
from peeldocs.plans.register_names import constructed_words
from peeldocs.plans.workbook import TITLE_SHARE
from peeldocs.plans.workbook_print import first_page_columns, pages_across
from peeldocs.sections.register_cells import published_heading, published_words
from peeldocs.wording import render_text

FORMATS = ("pdf", "docx", "html")
CONSTRUCTED = ("Every action plan in it is invented. The text of the national thematic "
               "inspection is constructed for illustration; it is not from an HMICFRS report.")


@pytest.fixture(scope="module")
def book(register_review: Path) -> openpyxl.Workbook:
    """The reviewed register's workbook, as openpyxl reads it."""
    return openpyxl.load_workbook(register_review / "register" / "register.xlsx")


def _headings(ws: object) -> dict[str, str]:
    return {str(c.value): get_column_letter(c.column) for c in ws[2]}  # type: ignore[index]


def test_the_register_sheet_prints_the_readers_columns_with_the_ref_on_every_page(
        book: openpyxl.Workbook) -> None:
    ws = book["Register"]
    cols = _headings(ws)
    setup = ws.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) == 9  # A4
    # what owners keep and write, in two parts each a page wide (read 33: four pages across,
    # most of them raw columns); the finding, actions and latest update print on 'Summary'
    area = ws.print_area.replace("'Register'!", "").replace("$", "")
    last = ws.max_row
    assert area == (f"{cols['Status']}1:{cols['Closed on']}{last},"
                    f"{cols['New update']}1:{cols['New evidence']}{last}")
    assert ws.print_title_cols == f"${cols['Ref']}:${cols['Ref']}"  # the Ref on every page
    assert ws.print_title_rows == "$1:$2"  # and the marking (A1) and headings (read 28-R)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and int(setup.fitToHeight) == 0
    assert int(setup.fitToWidth) == 1  # each part a page wide
    # the other sheets are narrow: one page wide; every sheet carries the marking
    for name in ("About", "Addressed to other bodies"):
        assert int(book[name].page_setup.fitToWidth) == 1
    for sheet in book.worksheets[:3]:  # its place marked, as on the register's other pages
        # by formula from About's cell, atop every page (read 28-R): no header contradicts it
        # or points to it (read 33), and the head names no date a keeper may move
        assert "{to be completed: protective marking}" in str(sheet["A1"].value)
        assert not sheet.oddFooter.center.text  # no 'as shown at the top left' (read 33)
        assert sheet.oddHeader.center.text == ("HMICFRS actions register issued 15 "
                                               "October 2024; figures as at the date in the "
                                               "title · ILLUSTRATIVE EXAMPLE")
        assert sheet.oddFooter.right.text == "Page &P of &N"


def test_pages_across_grow_with_the_columns_never_shrinking_the_text() -> None:
    assert pages_across([10] * 5, repeat=0) == 1
    assert pages_across([40] * 8, repeat=0) < pages_across([40] * 16, repeat=0)
    # the repeated column is counted on every page after the first
    assert pages_across([60] + [40] * 8, repeat=0) == 3
    assert pages_across([1] + [40] * 8, repeat=0) == 2


def test_every_row_is_tall_enough_for_its_wrapped_text(book: openpyxl.Workbook) -> None:
    ws = book["Register"]
    cols = _headings(ws)
    finding = cols["Finding (verbatim)"]
    width = ws.column_dimensions[finding].width
    for r in range(3, ws.max_row + 1):
        text = str(ws[f"{finding}{r}"].value)
        lines = -(-len(text) // int(width * 1.2))  # fewer lines than any common font needs
        assert ws.row_dimensions[r].height >= 15 * lines, r
        assert ws[f"{finding}{r}"].alignment.wrap_text
    # short text columns wrap too, so nothing is cut off at the cell's edge
    assert ws[f"{cols['Finding kind']}3"].alignment.wrap_text
    assert ws[f"{cols['Addressed to']}3"].alignment.wrap_text
    about = book["About"]
    how = next(r for r in range(1, about.max_row + 1) if about[f"A{r}"].value == "How to edit")
    assert about.row_dimensions[how].height >= 45  # three lines or more at 100 characters


def test_the_title_wraps_over_the_first_page_never_over_the_ref(book: openpyxl.Workbook) -> None:
    """Reads 14-R and 15-R: the title did not print; read 13-R: it must not print as a band on
    every page across.  It starts after the Ref, which prints again on every page."""
    ws = book["Register"]
    ref = column_index_from_string(_headings(ws)["Ref"])
    # above the Ref, printed on every page: the marking About's cell gives (read 28-R)
    assert ref == 1 and str(ws["A1"].value).startswith("=IF(OR(TRIM('About'!")
    merged = sorted((m for m in ws.merged_cells.ranges if m.min_row == 1),
                    key=lambda m: m.min_col)[0]
    assert merged.min_col == 2
    widths = [ws.column_dimensions[get_column_letter(i)].width for i in range(1, 40)]
    # within the share of the first page the title may take, so no program moves it across
    assert merged.max_col == first_page_columns(widths, TITLE_SHARE) >= 5
    assert ws["B1"].alignment.wrap_text
    wide = sum(widths[1:merged.max_col])
    lines = -(-len(str(ws["B1"].value)) // int(wide))
    # or as tall as the marking's placeholder needs over the Ref's width: four lines
    assert 15 * lines <= ws.row_dimensions[1].height <= max(15 * (lines + 1), 15 * 4 + 6)
    assert ws.freeze_panes == "B3"  # the Ref column and the rows above the items stay in view


def test_the_workbook_says_what_is_constructed_as_the_documents_do(
        book: openpyxl.Workbook, register_texts: dict[str, str], register_review: Path) -> None:
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    assert " ".join(constructed_words(reg)) == CONSTRUCTED
    for fmt in FORMATS:
        assert CONSTRUCTED in register_texts[f"register.{fmt}"], fmt
    register = str(openpyxl.load_workbook(  # a formula: its date is About's, shown as exported
        register_review / "register" / "register.xlsx", data_only=True)["Register"]["B1"].value)
    others = book["Addressed to other bodies"]["B1"].value
    about = {r[0].value: r[1].value for r in book["About"].iter_rows(max_col=2)}
    lead = ("This register includes constructed examples: what they say is made up, not taken "
            "from HMICFRS reports or from a force.")
    # whole sentences: 'in it' has its register before it, as on About (read13-R, 4)
    assert register.endswith(f"as of 15 October 2024. ILLUSTRATIVE EXAMPLE: {lead} {CONSTRUCTED}")
    assert about["Illustrative"] == f"ILLUSTRATIVE EXAMPLE: {lead} {CONSTRUCTED}"
    assert others.endswith(f"ILLUSTRATIVE EXAMPLE: {lead} {CONSTRUCTED}")
    for text in (register, others, about["Illustrative"]):
        assert "some plans or inspections here" not in text


def test_a_register_with_one_invented_plan_says_which_in_every_format() -> None:
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    real_plan = dataclasses.replace(reg, inspections=tuple(
        dataclasses.replace(line, plan_invented=line.plan == REVIEW_PLANS[1])
        for line in reg.inspections))
    said = constructed_words(real_plan)
    assert said[0] == "The plan for the national thematic inspection is invented."
    sheet = openpyxl.load_workbook(io.BytesIO(peeldocs.register_workbook(real_plan)),
                                   data_only=True)["Register"]["B1"].value
    assert sheet.endswith("ILLUSTRATIVE EXAMPLE: This register includes constructed examples: "
                          "what they say is made up, not taken from HMICFRS reports or from a "
                          "force. " + " ".join(said))


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_evidence_gap_is_a_statement_not_an_instruction(register_texts: dict[str, str],
                                                            fmt: str) -> None:
    for doc in ("register", "update"):
        text = register_texts[f"{doc}.{fmt}"]
        assert "(AFI1); one is needed so that the closure can be audited." in text, doc
        assert "record one" not in text, doc


@pytest.mark.parametrize(("overdue", "explained", "stale", "said", "unsaid"), [
    (4, 3, 3, "Three of them have a recorded update, and in each case the latest is more than "
              "a quarter (90 days) old; each is marked “Nothing reported since then”. No update "
              "or reason is recorded for the other one.", "three of them. The latest"),
    (6, 6, 6, "Each has a recorded update, but in every case the latest is more than a quarter "
              "(90 days) old; each is marked “Nothing reported since then”.", "six of them"),
    (3, 1, 1, "One of them has a recorded update, more than a quarter (90 days) old; its "
              "progress entry is marked “Nothing reported since then”. No update or reason is "
              "recorded for the other two.", "one of them. The latest"),
    (5, 4, 2, "An update or reason is recorded for four of them. For two of them the latest "
              "update is more than a quarter (90 days) old; each is marked “Nothing reported "
              "since then”.", "The latest update of"),
    (5, 0, 0, "No update or reason is recorded for any of them.", "bold"),
    (1, 1, 1, "Its latest update is more than a quarter (90 days) old; its progress entry is "
              "marked “Nothing reported since then”.", "of them"),
])
def test_overdue_counts_are_said_once(overdue: int, explained: int, stale: int, said: str,
                                      unsaid: str) -> None:
    [text] = render_text("update_overdue.j2", overdue=overdue, explained=explained,
                         stale=stale, worst=100, grouped=False,
                         mark="“Nothing reported since then”")
    text = " ".join(text.split())
    assert said in text and unsaid not in text


def test_published_is_said_plainly_when_the_data_holds_the_date() -> None:
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    peel = next(line for line in reg.inspections if line.last_updated is not None)
    # the Norfolk data holds only the page's "Last updated 02/05/2019": that is all it says
    assert peel.published is None
    assert published_words(peel) == "2 May 2019 (last updated)"
    assert published_heading(reg.inspections) == ("Date",)  # read 36: one column, by kind
    thematic = next(line for line in reg.inspections if line is not peel)
    assert published_words(thematic, say_which=True) == "Published 14 March 2024"  # read 33
    assert published_words(peel, say_which=True) == "Last updated 2 May 2019"
    # with a publication date on record (the same day or not), plainly "Published"
    dated = dataclasses.replace(peel, published=date(2019, 5, 2))
    others = tuple(dated if line is peel else line for line in reg.inspections)
    assert published_words(dated) == "2 May 2019"
    assert published_heading(others) == ("Published",)


def test_the_workbooks_minor_points(book: openpyxl.Workbook) -> None:
    # how to read it first, then the register to print, then to edit
    assert book.sheetnames[:3] == ["About", "Summary", "Register"]
    assert book.active.title == "About"  # and it opens there (read13-R, 4)
    ws = book["Register"]
    cols = _headings(ws)
    kinds = {ws[f"{cols['Kind of inspection']}{r}"].value for r in range(3, ws.max_row + 1)}
    assert kinds == {"PEEL", "National thematic"}
    to = {ws[f"{cols['Addressed to']}{r}"].value for r in range(3, ws.max_row + 1)}
    assert "chief constables and police and crime commissioners" in to
    assert not any("PCCs" in str(v) for v in to)
    [dates] = [dv for dv in ws.data_validations.dataValidation if dv.type == "date"]
    assert dates.error == "Enter a date, such as 31 Mar 2025 (or 31/03/2025)."
    about = {r[0].value: r[1].value for r in book["About"].iter_rows(max_col=2)}
    assert "'Days slipped', 'Overdue' and 'Days overdue' are worked out" in \
        about["Worked-out columns"]
    assert "as at the date in 'Register as of'" in about["Worked-out columns"]
    # they follow an edit since read 24-R; the Summary's RAG since read 25-R, the register
    # sheet's when the file is returned, and that is said
    assert "are worked out again, here and on the sheet 'Summary', when a target date or " \
        "status is edited" in about["Editing a date or status"]
    assert "The RAG is worked out again too, here and there, by the same rules" \
        in about["Editing a date or status"]  # on the register sheet too since read 26-R


def test_the_references_are_named_in_natural_order(register_texts: dict[str, str]) -> None:
    for fmt in FORMATS:
        for doc in ("register", "update"):
            assert "(E-2017-AFI-1, E2-AFI-1 and E2-AFI-2)" in register_texts[f"{doc}.{fmt}"]
        assert "(R2 and R3) became overdue" in register_texts[f"update.{fmt}"]


def test_libreoffice_prints_the_register_sheet_readably(register_review: Path,
                                                        tmp_path: Path) -> None:
    """Printed as a spreadsheet program prints it: two parts a page wide, text 7 pt or more."""
    path = print_workbook(register_review / "register" / "register.xlsx", ("Register",), tmp_path)
    with pdfplumber.open(path) as printed:
        # eight rows, a part a page wide, each a page (read 34: the second part, narrower, was
        # printed larger, and its last page held one row)
        assert len(printed.pages) == 2
        for page in printed.pages:
            sizes = [c["size"] for c in page.chars]
            # 11 pt at about 63 % (read 33: two parts, no longer four pages across at 7.3 pt);
            # it was about 2.5 pt on one page
            assert min(sizes) >= 6.85, page.page_number
            assert "Ref" in page.extract_text()  # the Ref column on every page
