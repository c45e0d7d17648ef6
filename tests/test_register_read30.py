"""Read 30-R: the register workbook's "as of" date, marking, print and closures.

- Every printed title and sentence that names the register's date reads it from About's
  'Register as of' cell, which the keeper may set (no earlier than the issue's date): day
  counts, RAG and overdue figures follow it; a finding whose new update or closure is dated
  after it says so; the print says the figures are as at that date.
- With no marking given, every page's header and footer say where the marking is shown.
- The notes on worked-out columns, statuses and what to print are not printed.
- The Summary and the register sheet list findings in the register document's order.
- A closure with no date, sign-off or evidence reference is Amber, in every format.
- An owner of only spaces is "No owner recorded"; a new update with no date says so.
- "Rated Green by the plan's author: …" in every format.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docread import REVIEW_PLANS, exported_register
from openpyxl.utils import get_column_letter
from pagefill import edited_workbook

import peeldocs
from peeldocs.cli import main
from peeldocs.plans.workbook_cells import LATER, NO_DATE, SHOWN

SUMMARY = {s.heading: get_column_letter(i) for i, s in enumerate(SHOWN, start=1)}
FORMATS = ("pdf", "docx", "html")


def _rows(ws: Any) -> dict[str, int]:
    return {ws[f"A{r}"].value: r for r in range(3, ws.max_row + 1)}


def _about(ws: Any) -> dict[Any, Any]:
    return {r[0].value: r[1].value for r in ws.iter_rows(max_col=2)}


def test_an_unaudited_closure_is_amber_and_the_rules_say_so(
        register_texts: dict[str, str]) -> None:
    for fmt in FORMATS:
        text = register_texts[f"register.{fmt}"]
        assert "or it is closed with no date, sign-off or evidence reference recorded" in text
        assert "Green means closed with all three recorded, or on track" in text
        afi1 = text[text.rindex("AFI1 area for"):]  # its row of every finding's table
        afi1 = afi1[:afi1.index("Example ACC")]
        assert "Closed" in afi1 and "Amber" in afi1 and "Green" not in afi1, (fmt, afi1)
        assert "Rated Green by the plan’s author: Example reason." in text, fmt
        assert "author’s reason" not in text, fmt


def test_the_print_reads_its_date_from_about_and_keeps_the_editing_notes_off_it(
        register_review: Path) -> None:
    path = register_review / "register" / "register.xlsx"
    book, stored = openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)
    about = book["About"]
    labels = [about.cell(r, 1).value for r in range(1, about.max_row + 1)]
    at = labels.index("Register as of") + 1
    assert not about.cell(at, 2).protection.locked  # the keeper sets it
    [check] = [dv for dv in about.data_validations.dataValidation
               if f"B{at}" in str(dv.sqref)]
    assert check.type == "date" and check.formula1 == "DATE(2024,10,15)"
    ref = f"$B${at}"
    for name, cell in (("About", "B1"), ("Summary", "B1"), ("Register", "B1")):
        assert ref in str(book[name][cell].value), name
        assert "as of 15 October 2024" in str(stored[name][cell].value), name
    shown = _about(stored["About"])
    for label in ("Figures as at", "Where the actions stand", "Overdue"):
        assert ref in str(_about(about)[label]), label
    assert shown["Figures as at"].startswith(
        "Every day count, overdue figure and RAG rating in this print is worked out as at "
        "15 October 2024, the date above.")
    area = int(about.print_area.split("$")[-1])
    for note in ("Worked-out columns", "Statuses", "For a meeting"):
        assert labels.index(note) + 1 > area, note
    assert labels.index("Figures as at") + 1 <= area
    # the Summary in the register document's order: by inspection, overdue first within
    refs = list(_rows(stored["Summary"]))
    assert refs == ["E-2017-AFI-1", "E2-AFI-2", "E2-AFI-1", "E2-AFI-3", "R1", "R2", "R3",
                    "AFI1"]
    assert list(_rows(stored["Register"]))[:len(refs)] == refs
    for name in ("About", "Summary", "Register"):  # A1 carries the marking, not the header
        ws = book[name]  # (read 33: no 'as shown at the top left')
        assert not ws.oddFooter.center.text and "marking" not in ws.oddHeader.center.text
        assert "15 October 2024" not in ws.oddHeader.center.text.split(" issued ")[0]


def _edit(book: Any) -> None:
    ws = book["Register"]
    heads = {c.value: c.column_letter for c in ws[2]}
    at = _rows(ws)

    def put(ref: str, heading: str, value: object) -> None:
        ws[f"{heads[heading]}{at[ref]}"] = value

    put("E2-AFI-1", "Status", "Closed")  # closed after the register's date, in full
    put("E2-AFI-1", "Closed on", datetime(2024, 11, 20))
    put("E2-AFI-1", "Signed off by", "Example DCC")
    put("E2-AFI-1", "New evidence", "Board minute 14/24")
    put("E-2017-AFI-1", "Status", "Closed")  # no sign-off or evidence recorded: Amber
    put("E-2017-AFI-1", "Closed on", datetime(2024, 10, 10))
    put("R1", "New update", "Supervisor checks under way.")  # no date given
    put("E2-AFI-2", "Owner", "   ")  # only spaces: no owner
    put("AFI1", "New evidence", "Audit report 3/24")  # its evidence at last: Green
    put("R3", "New update", "Training booked.")  # returned after the print's date
    put("R3", "New update on", datetime(2025, 2, 1))
    about = book["About"]
    row = next(r for r in range(1, about.max_row + 1)
               if about.cell(r, 1).value == "Register as of")
    about.cell(row, 2).value = datetime(2025, 1, 15)  # the January meeting's print


@pytest.mark.xdist_group("libreoffice")
def test_a_later_date_moves_every_figure_and_sentence_and_edits_after_it_say_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(exported_register(tmp_path))
    calc = edited_workbook(Path("register.xlsx"), _edit, tmp_path)
    worked = openpyxl.load_workbook(calc, data_only=True)
    summary, rows = worked["Summary"], _rows(worked["Summary"])

    def shown(ref: str, heading: str) -> Any:
        return summary[f"{SUMMARY[heading]}{rows[ref]}"].value

    for name in ("About", "Summary", "Register"):
        title = str(worked[name]["B1"].value)
        assert "as of 15 January 2025" in title and "15 October 2024" not in title, name
    about = _about(worked["About"])
    assert about["Figures as at"].startswith("Every day count, overdue figure and RAG rating "
                                             "in this print is worked out as at 15 January "
                                             "2025, the date above. The register was issued "
                                             "as of 15 October 2024;")
    # R2 (31 Dec 2024) is now overdue too: E2-AFI-2, R1, R2 and R3 (20 Dec 2024)
    assert about["Overdue"] == ("As of 15 January 2025, four findings are overdue, the most "
                                "overdue by 1,902 days.")
    assert str(about["Where the actions stand"]).startswith("As of 15 January 2025 the "
                                                             "register tracks eight findings")
    assert shown("R2", "RAG") == "Red" and shown("R2", "Days overdue") == 15
    assert shown("R1", "Days overdue") == 107
    assert str(shown("R3", "Latest update")).startswith(LATER)  # 1 Feb 2025
    assert not str(shown("E2-AFI-1", "Latest update")).startswith(LATER)  # 20 Nov 2024
    assert shown("E2-AFI-1", "RAG") == "Green"  # closed, signed off, with evidence
    assert shown("E-2017-AFI-1", "RAG") == "Amber"  # closed, no sign-off or evidence
    assert shown("AFI1", "RAG") == "Green"  # its evidence given
    assert shown("E2-AFI-2", "Owner") == "No owner recorded"
    assert shown("R1", "New update") == f"{NO_DATE}Supervisor checks under way."
    # the returned file is taken in as before, whatever date the print was made for
    shutil.copy(calc, "returned.xlsx")
    assert main(["actions", "import", "returned.xlsx"]) == 0
    reg = peeldocs.register(REVIEW_PLANS, as_of="2030-01-01")  # an undated update: today
    items = {e.state.item.finding: e.state.item for e in reg.entries}
    assert items["E2-AFI-1"].evidence[-1] == "Board minute 14/24"
    assert items["AFI1"].evidence[-1] == "Audit report 3/24"
    entry = {e.state.item.finding: e for e in reg.entries}
    assert entry["AFI1"].state.rag.value == "green"
    assert entry["E-2017-AFI-1"].state.rag.value == "amber"
