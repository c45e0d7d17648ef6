"""Read 25-R: the register workbook scored 8.  Two data validations covered 'New update' (a
cell takes one); the Summary's 'Inspection' column left ')' alone on a line; the Summary's RAG
was a value, so a closed item could print 'Closed … Red'; a hand-set RAG's reason sat under
'Latest update', where it read as progress (every format); printed page 1 had no title."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from docread import REVIEW_PLANS, exported_register
from docx import Document
from openpyxl.utils import get_column_letter, range_boundaries
from pagefill import print_workbook, recalculated_workbook

import peeldocs
from peeldocs.plans.workbook_cells import SHOWN

SUMMARY = {s.heading: get_column_letter(i) for i, s in enumerate(SHOWN, start=1)}
REASON = ("Rated Green by the plan’s author: Example reason. Closed four days late but "
          "fully delivered.")


def _cells(sqref: object) -> set[tuple[int, int]]:
    out = set()
    for part in str(sqref).split():
        c1, r1, c2, r2 = range_boundaries(part)
        out |= {(c, r) for c in range(c1 or 1, (c2 or c1 or 1) + 1)
                for r in range(r1 or 1, (r2 or r1 or 1) + 1)}
    return out


def _summary_rows(ws: object) -> dict[str, int]:
    return {ws[f"A{r}"].value: r for r in range(3, ws.max_row + 1)}  # type: ignore[index,attr-defined]


def test_no_cell_has_two_data_validations(register_review: Path) -> None:
    book = openpyxl.load_workbook(register_review / "register" / "register.xlsx")
    for ws in book.worksheets:
        seen: set[tuple[int, int]] = set()
        for dv in ws.data_validations.dataValidation:
            cells = _cells(dv.sqref)
            assert not cells & seen, (ws.title, str(dv.sqref))
            seen |= cells
    ws = book["Register"]
    new = next(c.column for c in ws[2] if c.value == "New update")
    for row in range(3, ws.max_row + 1):
        [rule] = [dv for dv in ws.data_validations.dataValidation
                  if (new, row) in _cells(dv.sqref)]
        # one rule: the warning of an update longer than its row's room (read 27-R: each
        # row's own), carrying the prompt every editable cell gives
        assert rule.type == "textLength" and rule.errorStyle == "warning"
        assert rule.showInputMessage and rule.promptTitle == "You can edit this cell"


def test_the_summary_rag_is_the_rules_formula_storing_todays_rating(
        register_review: Path, register_texts: dict[str, str]) -> None:
    path = register_review / "register" / "register.xlsx"
    formulas = openpyxl.load_workbook(path)["Summary"]
    stored = openpyxl.load_workbook(path, data_only=True)["Summary"]
    rows = _summary_rows(stored)
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    for entry in reg.entries:
        cell = f"{SUMMARY['RAG']}{rows[entry.state.item.finding]}"
        assert str(formulas[cell].value).startswith("=IF("), cell
        said = str(stored[cell].value)
        assert said.split(" ")[0] == entry.state.rag.value.capitalize(), cell
    # the RAG cell holds the word (read 27-R: a reason there crowded it); the reason leads the
    # latest update, in its own sentence that names the rating, so it never reads as progress
    assert stored[f"{SUMMARY['RAG']}{rows['E2-AFI-3']}"].value == "Green"
    assert str(stored[f"{SUMMARY['Latest update']}{rows['E2-AFI-3']}"].value).startswith(REASON)
    assert stored[f"{SUMMARY['RAG']}{rows['E2-AFI-2']}"].value == "Red"



@pytest.mark.xdist_group("libreoffice")
def test_an_owners_edit_moves_the_summary_rag_by_the_rules(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(exported_register(tmp_path))
    book = openpyxl.load_workbook("register.xlsx")
    ws = book["Register"]
    heads = {c.value: c.column_letter for c in ws[2]}
    at = {ws[f"{heads['Ref']}{r}"].value: r for r in range(3, ws.max_row + 1)}
    # overdue, Red: closed with no date, sign-off or evidence is Amber until they are recorded
    ws[f"{heads['Status']}{at['E-2017-AFI-1']}"] = "Closed"
    ws[f"{heads['Owner']}{at['R2']}"] = "Example Supt"  # still awaiting allocation: Amber
    ws[f"{heads['Status']}{at['AFI1']}"] = "In progress"  # reopened, due 31 Aug 2024: Red
    ws[f"{heads['Status']}{at['E2-AFI-3']}"] = "In progress"  # the author's Green, now overdue
    book.save("edited.xlsx")
    worked = openpyxl.load_workbook(recalculated_workbook(Path("edited.xlsx").resolve(), tmp_path),
                                    data_only=True)["Summary"]
    rows = _summary_rows(worked)
    rag = {ref: worked[f"{SUMMARY['RAG']}{r}"].value for ref, r in rows.items()}
    assert rag["E-2017-AFI-1"] == "Amber"
    assert rag["R2"] == "Amber" and rag["R3"] == "Amber" and rag["R1"] == "Red"
    assert rag["AFI1"] == "Red"
    assert rag["E2-AFI-3"] == "Red"  # an overdue item is never Green, whoever set it
    assert rag["E2-AFI-1"] == "Red"


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_a_hand_set_rags_reason_names_the_rag(register_texts: dict[str, str],
                                                fmt: str) -> None:
    text = " ".join(register_texts[f"register.{fmt}"].split())
    assert REASON in text
    assert "Reason for this rating" not in text
    # the update paper gives no rating's reason as progress either
    assert "Example reason. Closed four days" not in register_texts[f"update.{fmt}"]


def test_the_docx_rag_cell_holds_the_word_and_the_reason_leads_the_update(
        register_review: Path) -> None:
    doc = Document(str(register_review / "register" / "register.docx"))
    for table in doc.tables:
        head = [c.text for c in table.rows[0].cells]
        if "RAG" not in head or "Latest update" not in head:
            continue
        for row in table.rows[1:]:
            cells = [c.text for c in row.cells]
            if cells[0].startswith("E2-AFI-3"):
                assert " ".join(cells[head.index("RAG")].split()) == "Green"
                assert " ".join(cells[head.index("Latest update")].split()).startswith(REASON)
                return
    raise AssertionError("E2-AFI-3 not found in a table with RAG and Latest update")


@pytest.mark.xdist_group("libreoffice")
def test_printed_about_has_a_title_and_the_summary_no_stray_bracket(
        register_review: Path, tmp_path: Path) -> None:
    path = print_workbook(register_review / "register" / "register.xlsx",
                          ("About", "Summary"), tmp_path)
    with pdfplumber.open(path) as printed:
        pages = [page.extract_text() or "" for page in printed.pages]
        words = [w["text"] for p in printed.pages[1:] for w in p.extract_words()]
        assert min(c["size"] for p in printed.pages for c in p.chars) >= 7
        assert max(p.width for p in printed.pages) > max(p.height for p in printed.pages)
    about = pages[0].splitlines()
    # below the running head, the register's title, before any row of the page
    # beside the marking, top left (read 28-R), over two lines
    title = next(i for i, line in enumerate(about) if "Register of actions" in line)
    assert about[title].startswith("{to be completed: Register of actions")
    assert " ".join(about[title:title + 2]).replace("{to be completed: ", "").replace(
        "protective marking} ", "") == ("Register of actions on HMICFRS recommendations and "
                                        "areas for improvement as of 15 October 2024")
    assert title < next(i for i, line in enumerate(about) if line.startswith("Illustrative"))
    assert words.count("(Norfolk)") == 4  # the Norfolk findings' inspection, whole words
    assert ")" not in words and "Constabulary" not in words
    assert len(pages) == 3  # About, then the eight findings on two pages, one page wide
