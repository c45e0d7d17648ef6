"""Read 33: the register workbook as printed, and the moved target's words.

- No printed page says "Protective marking: as shown at the top left of this page": the
  marking given at export heads and foots every page; without one, About's marking cell
  prints atop every page (A1, a print-title row) and About says how to type it in the
  header and footer.
- The Register sheet prints two parts, each a page wide, not four pages across; the hidden
  'Plan file' column leaks no letters into the PDF's text.
- The Summary's title says the illustrative warning once, short, not in red.
- A target moved with no reason recorded says what is recorded ('as the update of
  2 September 2019 says') in every format and in the workbook, whatever dates an owner
  corrects; no literal serial date decides it.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from pagefill import print_workbook

MOVED = "Target moved from 31 July 2019 (as the update of 2 September 2019 says)."
HEADS = ("About", "Summary", "Register", "Addressed to other bodies")


def test_no_page_points_elsewhere_for_its_marking(register_review: Path) -> None:
    book = openpyxl.load_workbook(register_review / "register" / "register.xlsx")
    for name in HEADS:
        ws = book[name]
        said = f"{ws.oddHeader.center.text}\n{ws.oddFooter.center.text or ''}"
        assert "top left" not in said and "marking" not in said.lower(), name
        assert "{to be completed: protective marking}" in str(ws["A1"].value), name
        if name != "About":  # About prints on one page
            assert ws.print_title_rows == "$1:$2", name
    stored = openpyxl.load_workbook(register_review / "register" / "register.xlsx",
                                    data_only=True)["About"]  # as a reader sees it
    about = {r[0].value: str(r[1].value) for r in stored.iter_rows(max_col=2)}
    todo = about["To complete"]
    assert "to print the marking at the top and foot of every page too, type it there" in todo
    assert "Page Layout > Page Setup > Header/Footer" in todo


def test_the_register_sheet_prints_two_readable_parts(register_review: Path) -> None:
    book = openpyxl.load_workbook(register_review / "register" / "register.xlsx")
    ws = book["Register"]
    heads = {c.value: c.column_letter for c in ws[2]}
    parts = [p.split("!")[-1].replace("$", "") for p in ws.print_area.split(",")]
    assert [p.split(":")[0] for p in parts] == [f"{heads['Status']}1", f"{heads['New update']}1"]
    # the title prints atop the first part, as the running head says
    assert str(ws[f"{heads['Status']}1"].value) == str(ws["B1"].value)
    plan = heads["Plan file"]
    assert all(ws[f"{plan}{r}"].number_format == ";;;" for r in range(3, ws.max_row + 1))


@pytest.mark.xdist_group("libreoffice")
def test_libreoffice_prints_the_register_without_leaked_letters(register_review: Path,
                                                                tmp_path: Path) -> None:
    path = print_workbook(register_review / "register" / "register.xlsx", HEADS, tmp_path)
    with pdfplumber.open(path) as printed:
        texts = [page.extract_text() or "" for page in printed.pages]
    assert len(texts) == 6  # About, Summary (2), Register (2 parts, a page each: read 34), others
    register = [t for t in texts if "Original target" in t or "New update on" in t]
    assert len(register) == 2
    for text in texts:
        assert not re.search(r"(?m)^[a-z]$", text)  # no file name a letter to a line
        assert ".yaml" not in text and "top left of this page" not in text
        assert text.splitlines()[1].startswith("{to be")  # the marking atop every page
    assert "Register of actions on HMICFRS" in register[0]  # the title atop the first part
    summary = texts[1]
    assert summary.count("ILLUSTRATIVE EXAMPLE") == 2  # running head and the title, once
    assert "which the sheet 'About' names" in " ".join(summary.split())
    assert "Every action plan in it is invented" not in summary


def test_the_summary_title_is_black_and_short(register_review: Path) -> None:
    ws = openpyxl.load_workbook(register_review / "register" / "register.xlsx")["Summary"]
    assert not (ws["B1"].font.color and str(ws["B1"].font.color.rgb).endswith("C00000"))


def test_a_moved_target_says_what_is_recorded(register_texts: dict[str, str],
                                              register_review: Path) -> None:
    for fmt in ("pdf", "docx", "html"):
        text = " ".join(register_texts[f"register.{fmt}"].split())
        assert MOVED in text, fmt
        assert "reason given in the update" not in text, fmt
    book = openpyxl.load_workbook(register_review / "register" / "register.xlsx")
    ws = book["Summary"]
    cell = next(c for row in ws.iter_rows(min_row=3) for c in row
                if "as the update of 2 September 2019 says" in str(c.value))
    # no literal date decides it: corrected dates keep what the update recorded
    assert "43677" not in str(cell.value) and "43738" not in str(cell.value)


def test_the_update_paper_says_what_falls_due_next(register_texts: dict[str, str]) -> None:
    for fmt in ("pdf", "docx", "html"):
        text = " ".join(register_texts[f"update.{fmt}"].split())
        assert ("No finding falls due in the next quarter: all open findings are already "
                "overdue.") in text, fmt  # read 36: no unexplained date


def test_a_finding_coming_due_is_named_with_its_target() -> None:
    from docread import REVIEW_PLANS

    import peeldocs
    from peeldocs.sections.register_update import due_next

    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    assert due_next(reg) == ("Due in the next quarter (by 14 January 2025): R3 (target 20 December 2024) and R2 "
                             "(target 31 December 2024).")


def test_the_risk_paragraph_offers_a_factual_draft(register_texts: dict[str, str]) -> None:
    for fmt in ("pdf", "docx", "html"):
        text = " ".join(register_texts[f"update.{fmt}"].split())
        assert ("Risk: the actions on six findings are past their target "
                "date, the oldest by more than five years, and two of them have no owner "
                "recorded. {to be completed: check this statement, then say how these risks "
                "are managed}.") in text, fmt  # read 36: the check is in the parts to complete


def test_the_quiet_findings_are_named_together(register_texts: dict[str, str]) -> None:
    for fmt in ("pdf", "docx", "html"):
        text = " ".join(register_texts[f"update.{fmt}"].split())
        assert ("(d) decide whether the three areas for improvement with no progress reported "
                "for more than five years (E-2017-AFI-1, E2-AFI-1 and E2-AFI-2; E2-AFI-2 has "
                "had none at all) are still live") in text, fmt
        assert "or none at all (E2-AFI-2)" not in text, fmt


def test_page_one_leads_with_the_oldest_overdue_and_short_sentences(
        register_texts: dict[str, str]) -> None:
    for fmt in ("pdf", "docx", "html"):
        text = " ".join(register_texts[f"register.{fmt}"].split())
        lead = text.index("Three areas for improvement from the PEEL inspection")
        scope = text.index("This register tracks every finding")
        assert lead < scope, fmt
        assert "That is eight findings from two inspections. Two more findings" in text, fmt
