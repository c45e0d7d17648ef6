"""Read 28-R: the register workbook's meeting print after an owner's edits.

- The Summary's "Target moved from X to Y: reason" is worked out from the register row, so a
  target moved (again) prints with its new date and reason, never the old reason.
- "No update recorded" gives way once an owner writes a new update beside it.
- About prints the overdue figures and open findings by owner, by formula; what stood out
  when the register was issued stays on screen, out of the print, and the print says where.
- The marking typed in About's cell prints atop every page (cell A1, a print-title row).
- The register documents say the order holds within each inspection; the overdue table's
  target dates are no longer broken over three lines.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pdfplumber
import pytest
from docread import REVIEW_PLANS, exported_register
from openpyxl.utils import get_column_letter
from pagefill import edited_workbook, print_workbook

import peeldocs
from peeldocs.cli import main
from peeldocs.plans.workbook_cells import SHOWN
from peeldocs.plans.workbook_moved import NO_EARLIER_UPDATE, NO_UPDATE, moved_value

SUMMARY = {s.heading: get_column_letter(i) for i, s in enumerate(SHOWN, start=1)}
PRINTED = ("About", "Summary", "Register", "Addressed to other bodies")
PLACEHOLDER = "{to be completed: protective marking}"


def _heads(ws: Any) -> dict[str, str]:
    return {c.value: c.column_letter for c in ws[2]}


def _rows(ws: Any) -> dict[str, int]:
    return {ws[f"A{r}"].value: r for r in range(3, ws.max_row + 1)}


def _about(ws: Any) -> dict[Any, Any]:
    return {r[0].value: r[1].value for r in ws.iter_rows(max_col=2)}


@pytest.mark.parametrize(("values", "said"), [
    ({"original_target": date(2019, 12, 31), "current_target": date(2025, 3, 31),
      "target_reason": " Regional review first "},
     "Target moved from 31 December 2019 to 31 March 2025: Regional review first. "),
    ({"original_target": date(2019, 12, 31), "current_target": date(2025, 3, 31)},
     "Target moved from 31 December 2019 to 31 March 2025: no reason recorded. "),
    ({"original_target": date(2019, 12, 31), "current_target": date(2019, 12, 31),
      "target_reason": "Why?"}, "Reason recorded for the target: Why? "),
    ({"original_target": date(2019, 12, 31), "current_target": date(2019, 12, 31)}, ""),
])
def test_the_stored_moved_words_follow_the_row(values: dict[str, Any], said: str) -> None:
    assert moved_value(values, "") == said


def test_owners_a_spreadsheet_takes_for_one_are_counted_once() -> None:
    from types import SimpleNamespace

    from peeldocs.plans.workbook_overdue import owners_open

    reg = SimpleNamespace(by_owner=lambda: {"Ch Supt X": (2, 1), "ch supt  X ": (1, 1),
                                            "No owner recorded": (1, 0), "  ": (1, 1)})
    assert owners_open(reg) == {"Ch Supt X": (3, 2),  # type: ignore[arg-type]
                                "No owner recorded": (2, 1)}


def test_the_summary_and_about_as_exported(register_review: Path) -> None:
    path = register_review / "register" / "register.xlsx"
    book, stored = openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)
    summary, rows = stored["Summary"], _rows(stored["Summary"])
    latest = summary[f"{SUMMARY['Latest update']}{rows['R3']}"].value
    assert str(latest).startswith("HMICFRS’s deadline passed on 14 September 2024. "  # read 34
                                  "Target moved from 14 September 2024 to 20 December 2024: "
                                  "Example reason. Training slots moved to November.")
    formula = str(book["Summary"][f"{SUMMARY['Latest update']}{rows['R3']}"].value)
    heads = _heads(book["Register"])
    for column in ("Original target", "Current target", "Reason for new target"):
        assert f"'Register'!{heads[column]}{_rows(book['Register'])['R3']}" in formula, column
    assert "Example reason" not in formula  # the reason is read, never written in
    about = _about(stored["About"])
    assert about["Overdue"] == ("As of 15 October 2024, four findings are overdue, the most "
                                "overdue by 1,842 days.")
    assert about["Example ACC (illustrative)"] == "four open, three overdue"
    assert about["No owner recorded"] == "two open, one overdue"
    assert "Any other owner (given since issue)" not in about  # read 35: no noise row
    assert str(_about(book["About"])["Overdue"]).startswith("=")
    area = int(book["About"].print_area.split("$")[-1])
    labels = [book["About"].cell(r, 1).value for r in range(1, book["About"].max_row + 1)]
    assert labels.index("What stands out (as issued)") + 1 > area  # on screen, not printed
    assert labels.index("Open findings by owner") + 1 <= area
    for name in PRINTED:  # the marking from About's cell, atop every printed page
        ws = book[name]
        assert stored[name]["A1"].value == PLACEHOLDER, name
        assert "'About'!$B$" in str(ws["A1"].value), name
        if name != "About":  # About prints on one page
            assert ws.print_title_rows == "$1:$2", name
        assert PLACEHOLDER not in (ws.oddHeader.center.text or ""), name


def _edit(book: Any) -> None:
    ws = book["Register"]
    heads, at = _heads(ws), _rows(ws)

    def put(ref: str, heading: str, value: object) -> None:
        ws[f"{heads[heading]}{at[ref]}"] = value

    put("E2-AFI-1", "Current target", datetime(2025, 3, 31))
    put("E2-AFI-1", "Reason for new target", "Waiting for the regional review")
    put("R3", "Current target", datetime(2025, 2, 28))  # moved again, with a new reason
    put("R3", "Reason for new target", "Second reason: system supplier delay.")
    put("E2-AFI-2", "Owner", "Ch Supt Example")
    put("E2-AFI-2", "Status", "In progress")
    put("E2-AFI-2", "New update", "Owner agreed the plan.")
    put("E2-AFI-2", "New update on", datetime(2024, 10, 14))
    put("R1", "Status", "Closed")
    put("R1", "Closed on", datetime(2024, 10, 10))
    put("R1", "Signed off by", "Example DCC")
    put("R1", "New evidence", "Board minute 12/24")
    about = book["About"]
    row = next(r for r in range(1, about.max_row + 1)
               if about.cell(r, 1).value == "Protective marking")
    about.cell(row, 2).value = "OFFICIAL-SENSITIVE"


@pytest.mark.xdist_group("libreoffice")
def test_an_owners_edits_reach_the_meeting_print_and_are_taken_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(exported_register(tmp_path))
    calc = edited_workbook(Path("register.xlsx"), _edit, tmp_path)
    worked = openpyxl.load_workbook(calc, data_only=True)
    summary, rows = worked["Summary"], _rows(worked["Summary"])

    def shown(ref: str, heading: str) -> str:
        return str(summary[f"{SUMMARY[heading]}{rows[ref]}"].value)

    assert shown("E2-AFI-1", "Latest update").startswith(
        "Target moved from 31 December 2019 to 31 March 2025: Waiting for the regional review. "
        "20 August 2019: Example update.")
    assert shown("R3", "Latest update").startswith(  # HMICFRS's deadline first (read 34)
        "HMICFRS’s deadline passed on 14 September 2024. "
        "Target moved from 14 September 2024 to 28 February 2025: Second reason: system "
        "supplier delay. 2 September 2024:")
    assert "Example reason" not in shown("R3", "Latest update")
    assert shown("E2-AFI-2", "Latest update") == NO_EARLIER_UPDATE
    assert shown("R2", "Latest update") == NO_UPDATE
    about = _about(worked["About"])
    # E2-AFI-1 is no longer overdue and R1 is closed: two left, E-2017-AFI-1 the oldest
    assert about["Overdue"] == ("As of 15 October 2024, two findings are overdue, the most "
                                "overdue by 1,842 days.")
    assert about["Example ACC (illustrative)"] == "three open, one overdue"
    assert about["No owner recorded"] == "one open, none overdue"
    assert about["Ch Supt Example"] == "one open, one overdue"  # E2-AFI-2's new owner, named
    for name in PRINTED:
        assert worked[name]["A1"].value == "OFFICIAL-SENSITIVE", name
    # the marking, once given, leaves the printed list of what is still to complete
    assert about["To complete"] == ("Before this register is issued, complete:\n• 'Register "
                                    "of' above, which completes the title of the sheet "
                                    "'Summary' too")
    # the returned file is taken in as before
    shutil.copy(calc, "returned.xlsx")
    assert main(["actions", "import", "returned.xlsx"]) == 0
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    items = {e.state.item.finding: e.state.item for e in reg.entries}
    assert items["R3"].current_target == date(2025, 2, 28)
    assert items["R3"].target_reason == "Second reason: system supplier delay."
    assert items["E2-AFI-2"].owner == "Ch Supt Example"
    assert items["R1"].closed_on == date(2024, 10, 10)


@pytest.mark.xdist_group("libreoffice")
def test_every_printed_page_carries_the_typed_marking(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(exported_register(tmp_path))
    calc = edited_workbook(Path("register.xlsx"), _edit, tmp_path)
    printed = print_workbook(calc, PRINTED, tmp_path)
    latest = ""
    with pdfplumber.open(printed) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        for page in pdf.pages[1:3]:  # the Summary's 'Latest update' column, read on its own
            heads = {w["text"]: w["x0"] for w in page.extract_words() if w["top"] < 150}
            crop = page.crop((heads["Latest"] - 2, 0, heads["New"] - 2, page.height))
            latest += " " + " ".join((crop.extract_text() or "").split())
    assert len(texts) == 6  # About, the Summary (2), the register (2 parts a page each: read
    # 34), other bodies
    for n, text in enumerate(texts, start=1):
        assert "OFFICIAL-" in text and PLACEHOLDER not in text, n
    about = " ".join(texts[0].split())
    assert "two findings are overdue" in about and "What stands out" not in about
    assert ("Target moved from 14 September 2024 to 28 February 2025: Second reason: system "
            "supplier delay.") in latest


def test_the_register_says_its_order_holds_within_each_inspection(
        register_texts: dict[str, str], tmp_path: Path) -> None:
    for fmt in ("pdf", "docx", "html"):
        text = " ".join(register_texts[f"register.{fmt}"].split())
        assert "Within each inspection, overdue findings come first, most overdue first" in text
    # one inspection: no grouping to speak of
    one = peeldocs.register([REVIEW_PLANS[0]], as_of="2024-10-15")
    [path] = peeldocs.write_register(one, "html", tmp_path, document="register")
    text = " ".join(path.read_text(encoding="utf-8").split())
    assert "from one inspection. Overdue findings come first, most overdue first" in text
    assert "Within each inspection" not in text


def test_the_overdue_tables_target_dates_take_two_lines_at_most(register_review: Path) -> None:
    months = {date(2024, m, 1).strftime("%B") for m in range(1, 13)}
    with pdfplumber.open(register_review / "register" / "register.pdf") as pdf:
        page = next(p for p in pdf.pages if "Overdue actions" in (p.extract_text() or ""))
        words = page.extract_words()
        target = next(w for w in words if w["text"] == "Target")
        days = next(w for w in words if w["text"] == "Days" and abs(w["top"] - target["top"]) < 3)
        column = page.crop((target["x0"] - 1, target["bottom"] + 12, days["x0"] - 1,
                            page.height - 60))
        lines = [line.strip() for line in (column.extract_text() or "").splitlines()]
    assert sum(line.endswith("2019") or line.endswith("2024") for line in lines) == 4, lines
    # '30 September 2019' on two lines, never '30' / 'September' / '2019'
    assert not any(line in months or (line.isdigit() and len(line) <= 2) for line in lines), lines
