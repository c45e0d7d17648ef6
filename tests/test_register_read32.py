"""Read 32-R: the register, its workbook and the update paper say each thing once, and truly.

- The register's overdue table gives the date of each latest update; what the update
  says is given once, in "Every finding and its actions".
- "eight findings" says that two more, addressed to other bodies, are listed, not tracked.
- A closure after its target says how late it was, as a fact of the row.
- Green needs evidence of progress (an action or an update), in rules.assess, in every
  format's key and in the workbook's formulas as LibreOffice works them out.
- The workbook's header carries the marking given at export; a Summary row keeps room for
  a reason an owner gives for a new target.
- The update paper says R2 has no owner once (in the decisions asked for); the table of
  owners is led in by a numbered paragraph, not a numbered heading.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docread import exported_register
from openpyxl.utils import get_column_letter
from pagefill import edited_workbook

from peeldocs.cli import main
from peeldocs.plans.plan import ActionItem, ItemStatus, Rag, Update
from peeldocs.plans.rules import assess
from peeldocs.plans.workbook_cells import SHOWN
from peeldocs.plans.workbook_summary import _lines, row_height

FORMATS = ("pdf", "docx", "html")
SUMMARY = {s.heading: get_column_letter(i) for i, s in enumerate(SHOWN, start=1)}


def test_overdue_progress_is_quoted_once(register_texts: dict[str, str]) -> None:
    for fmt in FORMATS:
        text = register_texts[f"register.{fmt}"]
        for update in ("First dip sample complete", "Lead appointed; training review under way",
                       "Review step designed"):
            assert text.count(update) == 1, (fmt, update)
        assert ("with the date of the latest update; what each says, and any reason recorded "
                "for a new target, is given once, under “Every finding and its actions”") in text
        assert "2 September 2019. Nothing reported since then." in text, fmt


def test_the_count_says_which_findings_it_leaves_out(register_texts: dict[str, str]) -> None:
    for fmt in FORMATS:
        assert ("That is eight findings from two inspections. Two more findings are addressed "
                "to other bodies, not the force: they are listed, not tracked, under "
                "“Addressed to other bodies”.") in register_texts[f"register.{fmt}"], fmt


def test_a_late_closure_is_said_in_its_row(register_texts: dict[str, str]) -> None:
    for fmt in FORMATS:
        assert "Closed on 4 October 2019, four days after its target, signed off by" in \
            register_texts[f"register.{fmt}"], fmt


def test_green_needs_an_action_or_an_update() -> None:
    bare = ActionItem("R2", ItemStatus.IN_PROGRESS, owner="T/Supt Example",
                      original_target=date(2025, 6, 30))
    as_of = date(2024, 10, 15)
    assert assess(bare, as_of).rag is Rag.AMBER
    for item in (ActionItem("R2", ItemStatus.IN_PROGRESS, ("Agree the service.",),
                            owner="T/Supt Example", original_target=date(2025, 6, 30)),
                 ActionItem("R2", ItemStatus.IN_PROGRESS, owner="T/Supt Example",
                            original_target=date(2025, 6, 30),
                            updates=(Update(date(2024, 10, 1), "Scoping begun."),))):
        assert assess(item, as_of).rag is Rag.GREEN


def test_every_format_keys_the_rule_in_words(register_texts: dict[str, str]) -> None:
    for fmt in FORMATS:
        text = register_texts[f"register.{fmt}"]
        assert "has no owner or target date, or has no action or update, or it is" in text, fmt
        assert "Green means closed with all three recorded, or on track: neither overdue " \
            "nor at risk" in text, fmt


def _rows(ws: Any) -> dict[str, int]:
    return {ws[f"A{r}"].value: r for r in range(3, ws.max_row + 1)}


def _r2_owned(book: Any, *, action: bool) -> None:
    ws = book["Register"]
    heads, at = {c.value: c.column_letter for c in ws[2]}, _rows(ws)
    ws[f"{heads['Owner']}{at['R2']}"] = "T/Supt Priya Shah"
    ws[f"{heads['Status']}{at['R2']}"] = "In progress"
    if action:
        ws[f"{heads['New action']}{at['R2']}"] = "Agree the service with the commissioner."
    ws[f"{heads['Reason for new target']}{at['R1']}"] = (
        "System supplier delayed the change to December.")  # the reviewer's, clipped in read 32
    ws[f"{heads['Current target']}{at['R1']}"] = date(2024, 12, 31)


@pytest.mark.xdist_group("libreoffice")
@pytest.mark.parametrize("action", [False, True])
def test_the_workbook_rates_green_only_with_progress_and_prints_a_reason_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, action: bool) -> None:
    monkeypatch.chdir(exported_register(tmp_path))
    calc = edited_workbook(Path("register.xlsx"), lambda b: _r2_owned(b, action=action), tmp_path)
    book = openpyxl.load_workbook(calc, data_only=True)
    summary, register = book["Summary"], book["Register"]
    at = _rows(summary)
    assert summary[f"{SUMMARY['RAG']}{at['R2']}"].value == ("Green" if action else "Amber")
    heads = {c.value: c.column_letter for c in register[2]}
    assert register[f"{heads['RAG']}{_rows(register)['R2']}"].value == \
        ("Green" if action else "Amber")
    # R1's reason leads its latest update on the Summary, and its row holds all of it
    row = at["R1"]
    texts = [str(summary[f"{SUMMARY[s.heading]}{row}"].value or "")
             if s.kind not in ("date", "number") and s.heading != "New update" else ""
             for s in SHOWN]
    assert "System supplier delayed the change to December." in texts[[s.heading for s in SHOWN]
                                                           .index("Latest update")]
    height = openpyxl.load_workbook(calc)["Summary"].row_dimensions[row].height
    assert height >= row_height(_lines(texts, [s.width for s in SHOWN])), (height, texts)


def test_the_marking_given_at_export_heads_every_printed_page(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["register", "examples/norfolk-2018-action-plan.yaml",
                 "examples/constructed-thematic-action-plan.yaml", "--as-of", "2024-10-15",
                 "--marking", "OFFICIAL", "--format", "xlsx", "--out", str(out), "--quiet"]) == 0
    book = openpyxl.load_workbook(out / "register.xlsx")
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        assert ws.oddHeader.center.text.startswith("OFFICIAL"), ws.title
        assert ws.oddFooter.center.text == "OFFICIAL", ws.title
        assert "to be completed" not in ws.oddHeader.center.text, ws.title


def test_the_update_paper_says_once_that_r2_has_no_owner(register_texts: dict[str, str]) -> None:
    for fmt in FORMATS:
        text = register_texts[f"update.{fmt}"]
        assert "name an owner for the two findings that have none (E2-AFI-2 and R2)" in text
        assert "No owner is recorded for" not in text, fmt
        assert "it has no owner" not in text, fmt
        assert "Open findings by owner, and how many of them are overdue:" in text, fmt
    assert "4.5 Open findings by owner, and how many of them are overdue:" in \
        register_texts["update.pdf"]
