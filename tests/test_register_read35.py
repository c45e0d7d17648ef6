"""Read 35 (editor's read 34): the register, its workbook and the update paper.

- A recommendation past HMICFRS's own deadline is said to be, with the date it passed,
  however far the force has moved its own target (R3: "within six months", 14 September
  2024; the force's target 20 December 2024): in the register's lead paragraph and target
  column, in the workbook's Summary (following the register's date as an owner sets it), in
  the update paper's summary and the findings that became overdue; and the update paper asks
  the group for a recovery date and an update on each.  The RAG rules are unchanged: the
  workbook's About says ratings are against the force's own target date.
- "eight findings (two awaiting allocation, …), with seven actions planned between them":
  the split by status is of the findings, not of the actions.
- The workbook's Register sheet prints its two parts a page each (the narrower part was
  printed larger, so its last page held one row) and About says so, not "four pages"; About
  gives LibreOffice Calc's menu for the header and footer as well as Excel's; every sheet's
  title is black.
- Register DOCX: the "To complete" box's bullets hang from the box's edge, so LibreOffice
  draws one rule, not a second bar inside it; "Where the actions stand" is whole on a page
  (the tables keep together by docx34's keeps in renderers/docx/flow.py and keeps.py).
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import docx
import openpyxl
import pdfplumber
import pytest
from docread import REVIEW_PLANS
from openpyxl.utils import get_column_letter
from pagefill import convert_with_libreoffice, print_workbook, recalculated_workbook

import peeldocs
from peeldocs.plans.workbook_about import AS_OF_LABEL
from peeldocs.plans.workbook_cells import SHOWN
from peeldocs.sections.register_asks import decisions

LATEST = get_column_letter(next(i for i, s in enumerate(SHOWN, start=1)
                                if s.heading == "Latest update"))
STANDS = ("eight findings (two awaiting allocation, four in progress, none pending sign-off and "
          "two closed), with seven actions planned between them.")


def _latest(ws: object) -> dict[str, str]:
    return {ws[f"A{r}"].value: str(ws[f"{LATEST}{r}"].value)  # type: ignore[index]
            for r in range(3, ws.max_row + 1)}  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_register_says_which_recommendations_are_past_hmicfrss_deadline(
        register_texts: dict[str, str], fmt: str) -> None:
    register = register_texts[f"register.{fmt}"]
    assert ("Two recommendations are past HMICFRS’s own deadlines (R3’s passed on 14 September "
            "2024 and R1’s on 30 September 2024).") in register
    # beside the force's own target: R3 moved past the deadline, R1's target is the deadline
    assert "20 December 2024; HMICFRS’s deadline passed on 14 September 2024" in register
    assert "30 September 2024 (15 days overdue); the date HMICFRS set" in register
    assert f"As of 15 October 2024 the register tracks {STANDS}" in register
    assert "planned between them:" not in register


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_update_paper_asks_for_a_recovery_date_past_hmicfrss_deadlines(
        register_texts: dict[str, str], fmt: str) -> None:
    update = register_texts[f"update.{fmt}"]
    assert ("require a recovery date and an update for the three recommendations past HMICFRS’s "
            "own deadlines (R3’s passed on 14 September 2024, R1’s on 30 September 2024 and R2’s "
            "on 31 December 2024)") in update
    assert "R1, R2 and R3 are past HMICFRS’s own deadlines." in update  # in brief, at 1.2
    # R3 "became overdue" against the force's target only: when HMICFRS's passed is said
    assert "R3 (target date 20 December 2024; HMICFRS’s deadline passed on 14 September 2024)" \
        in update
    assert "register tracks eight findings (two awaiting allocation" in update


def test_no_recovery_ask_before_any_deadline_passes() -> None:
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-09-14")
    assert not any("recovery date" in ask for ask in decisions(reg))
    later = peeldocs.register(REVIEW_PLANS, as_of="2024-09-15")
    assert decisions(later)[0] == ("require a recovery date and an update for the "
                                   "recommendation past HMICFRS’s own deadline (R3’s passed on "
                                   "14 September 2024)")


def test_workbook_says_when_the_deadline_passed_as_of_the_date_an_owner_sets(
        register_review: Path, tmp_path: Path) -> None:
    path = register_review / "register" / "register.xlsx"
    stored = openpyxl.load_workbook(path, data_only=True)
    latest = _latest(stored["Summary"])
    assert latest["R3"].startswith("HMICFRS’s deadline passed on 14 September 2024. Target "
                                   "moved from 14 September 2024 to 20 December 2024")
    assert latest["R1"].startswith("HMICFRS’s deadline passed on 30 September 2024. ")
    assert "HMICFRS" not in latest["R2"] and "HMICFRS" not in latest["AFI1"]
    about = {r[0].value: r[1].value for r in stored["About"].iter_rows(max_col=2)}
    assert "Ratings are against the force’s own target date, not HMICFRS’s deadline" \
        in str(about["RAG"])
    # the keeper moves the register's date on: R2's deadline (31 December 2024) has passed too
    book = openpyxl.load_workbook(path)
    about_ws = book["About"]
    row = next(r for r in range(1, about_ws.max_row + 1)
               if about_ws.cell(r, 1).value == AS_OF_LABEL)
    about_ws.cell(row, 2).value = datetime(2025, 1, 15)
    book.save(tmp_path / "later.xlsx")
    worked = _latest(openpyxl.load_workbook(
        recalculated_workbook(tmp_path / "later.xlsx", tmp_path), data_only=True)["Summary"])
    assert worked["R2"].startswith("HMICFRS’s deadline passed on 31 December 2024. ")
    assert worked["R3"] == latest["R3"] and worked["R1"] == latest["R1"]
    assert "HMICFRS" not in worked["AFI1"]


def test_workbook_prints_each_part_on_a_page_and_says_so(register_review: Path,
                                                          tmp_path: Path) -> None:
    path = register_review / "register" / "register.xlsx"
    with pdfplumber.open(print_workbook(path, ("Register",), tmp_path)) as printed:
        pages = [" ".join((p.extract_text() or "").split()) for p in printed.pages]
    assert len(pages) == 2  # where each finding stands; what owners write: a page each
    assert all(ref in pages[1] for ref in ("E-2017-AFI-1", "R3", "AFI1"))
    book = openpyxl.load_workbook(path)
    about = {r[0].value: str(r[1].value) for r in book["About"].iter_rows(max_col=2)}
    assert "four pages" not in about["For a meeting"]
    assert "gives each finding in two parts, as 'Printing' says" in about["For a meeting"]
    said = " ".join(str(v) for v in about.values())
    assert "Format > Page Style > Header and Footer in LibreOffice Calc" in said
    assert "Page Layout > Page Setup > Header/Footer in Excel" in said
    # every sheet's title in black, the Summary's and About's as the others (read 34)
    for name in ("Register", "Summary", "About"):
        font = book[name]["B1"].font
        assert not (font.color and str(font.color.rgb).endswith("C00000")), name


def test_docx_callout_list_has_the_boxs_one_rule_and_the_counts_keep_together(
        register_review: Path, tmp_path: Path) -> None:
    path = register_review / "register" / "register.docx"
    body = docx.Document(str(path)).element.body.xml
    # each bullet in the "To complete" box hangs from the box's edge, where its rule is drawn
    boxed = re.findall(r'<w:pStyle w:val="ListBullet"/>(?:(?!</w:pPr>).)*<w:pBdr>'
                       r'(?:(?!</w:pPr>).)*</w:pPr>', body, flags=re.S)
    assert boxed and all('w:left="360"' in p and 'w:hanging="360"' in p for p in boxed)
    laid = convert_with_libreoffice([path], tmp_path)[path]
    with pdfplumber.open(laid) as pdf:
        pages = [" ".join((p.extract_text() or "").split()) for p in pdf.pages]
    # the counts with their heading, on one page (read 34)
    stand = next(i for i, t in enumerate(pages) if "Where the actions stand" in t)
    assert "Total 2 4 0 2 8" in pages[stand]
