"""Read 36 (editor's read 35): the register's key, the update paper's risk draft, About's rows.

- The register's RAG key (PDF, DOCX, HTML) says ratings follow the force's own target date,
  not HMICFRS's deadline, as the workbook's About does: so R3 rated Amber beside "HMICFRS's
  deadline passed" reads as meant.
- Update paper 8.2: the factual risk draft is plain text, marked as a draft to check, and
  only what the author must add ("how these risks are managed") is in the placeholder's braces;
  deleting the placeholder no longer deletes the draft.
- Workbook About: with more owners given since issue than rows kept, the last row's
  "Other owners given since issue (N)" wraps within its row, as tall as the first kept row,
  and no longer prints over the "RAG" label below it.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from docread import exported_register
from pagefill import edited_workbook, print_workbook
from test_register_read31 import _owners

from peeldocs.plans.workbook_owners import MORE_OWNERS


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_the_rag_key_says_ratings_follow_the_forces_own_target(
        register_texts: dict[str, str], fmt: str) -> None:
    text = " ".join(register_texts[f"register.{fmt}"].split())
    assert ("Ratings follow the force’s own target date, not HMICFRS’s deadline; an overdue "
            "action is never rated Green.") in text
    # the key sits beside the deadline it explains
    assert "HMICFRS’s deadline passed on 14 September 2024" in text


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_the_risk_draft_is_outside_the_placeholder(register_texts: dict[str, str],
                                                    fmt: str) -> None:
    text = " ".join(register_texts[f"update.{fmt}"].split())
    assert ("Risk (draft, to check): the actions on six findings are past their target date, "
            "the oldest by more than five years, and two of them have no owner recorded. "
            "{to be completed: how these risks are managed}.") in text
    assert "to keep or edit" not in text
    assert "{to be completed: draft" not in text  # deleting the placeholder keeps the draft


@pytest.mark.xdist_group("libreoffice")
def test_more_new_owners_label_does_not_print_over_rag(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(exported_register(tmp_path))
    owners = {"E-2017-AFI-1": "Owner A", "E2-AFI-2": "Owner B", "E2-AFI-1": "Owner C",
              "R1": "Owner D", "R2": "Owner E", "R3": "Owner F"}
    calc = edited_workbook(Path("register.xlsx"), lambda book: _owners(book, owners), tmp_path)
    with pdfplumber.open(print_workbook(calc, ("About", "Register"), tmp_path)) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        text = " ".join((page.extract_text() or "").split())
    # wrapped in its row: "Other owners given since" then "issue (3)" on the next line
    assert MORE_OWNERS.rsplit(" ", 1)[0] in text and "issue (3) RAG" in text
    assert "RAG (3)" not in text
    label = [w for w in words if w["text"] in ("Other", "since", "issue", "(3)")
             and w["x0"] < 150]
    [rag] = [w for w in words if w["text"] == "RAG" and w["x0"] < 150]
    assert label and max(w["bottom"] for w in label) < rag["top"], (label, rag)
    # the label's last word is on its own line inside the row, above the 'RAG' label
    stored = openpyxl.load_workbook(calc)["About"]
    row = next(r for r in range(1, stored.max_row + 1) if stored.cell(r, 1).value == "RAG") - 1
    assert (stored.row_dimensions[row].height or 0) >= 30
