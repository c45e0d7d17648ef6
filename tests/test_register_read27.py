"""Read 27-R: the register workbook after an owner's edits, and the RAG reason in every format.

- About's "Where the actions stand" is worked out from the register sheets, so after an owner
  closes a finding the printed About page and the Summary agree; "What stands out", which no
  formula can word, says it is as issued.
- The Summary's "Actions planned" shows a closure and a new action as the Register holds them.
- A closure with no sign-off is flagged as one with no evidence reference is; the sign-off an
  owner writes is taken in by ``actions import``.
- An owner given while the status still says "Awaiting allocation" is prompted for.
- Summary rows are as tall as their text, not held open for a long new update.
- The RAG cell holds the word alone; the author's reason leads the latest update.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from docread import REVIEW_PLANS, exported_register, reader_text
from openpyxl.utils import get_column_letter
from pagefill import print_workbook, recalculated_workbook

import peeldocs
from peeldocs.cli import main
from peeldocs.plans.workbook_cells import (
    NEITHER,
    NO_EVIDENCE,
    NO_SIGN_OFF,
    OWNER_GIVEN,
    SHOWN,
    cached,
)
from peeldocs.plans.workbook_print import SUMMARY_UPDATE_ROOM
from peeldocs.plans.workbook_summary import MOVE
from peeldocs.plans.workbook_values import EntryWords

SUMMARY = {s.heading: get_column_letter(i) for i, s in enumerate(SHOWN, start=1)}
STATUS = next(s for s in SHOWN if s.heading == "Status")
STANDS = "Where the actions stand"
REASON = "Rated Green by the plan’s author: Example reason. Closed four days late"


def _heads(ws: object) -> dict[str, str]:
    return {c.value: c.column_letter for c in ws[2]}  # type: ignore[index]


def _rows(ws: object) -> dict[str, int]:
    return {ws[f"A{r}"].value: r for r in range(3, ws.max_row + 1)}  # type: ignore[index,attr-defined]


def _about(ws: object) -> dict[str, object]:
    return {r[0].value: r[1].value for r in ws.iter_rows(max_col=2)}  # type: ignore[attr-defined]


def test_about_counts_are_a_formula_storing_the_documents_sentence(
        register_review: Path) -> None:
    path = register_review / "register" / "register.xlsx"
    book, stored = openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)
    formula, said = _about(book["About"])[STANDS], _about(stored["About"])[STANDS]
    assert str(formula).startswith("=") and "COUNTIF('Register'!$G$3:$G$10" in str(formula)
    assert said == ("As of 15 October 2024 the register tracks eight findings (two awaiting "
                    "allocation, four in progress, none pending sign-off and two closed), with "
                    "seven actions planned between them.")
    assert said in reader_text(register_review / "register" / "register.pdf")
    outstanding = str(_about(book["About"])["What stands out (as issued)"])
    assert outstanding.startswith("As issued with the register of 15 October 2024; not updated "
                                  "by edits to this workbook. ")


@pytest.mark.parametrize(("values", "shown"), [
    ({"status": "Closed", "signed_off_by": "Ch Supt X", "evidence": "Minute 1"}, "Closed"),
    ({"status": "Closed", "evidence": "Minute 1"}, NO_SIGN_OFF),
    ({"status": "Closed", "signed_off_by": "Ch Supt X"}, NO_EVIDENCE),
    ({"status": "Closed", "new_evidence": "Minute 2"}, NO_SIGN_OFF),
    ({"status": "Closed"}, NEITHER),
    ({"status": "Awaiting allocation", "owner": "Ch Supt X"}, OWNER_GIVEN),
    ({"status": "Awaiting allocation", "owner": "  "}, "Awaiting allocation"),
    ({"status": "In progress", "owner": "Ch Supt X"}, "In progress"),
])
def test_the_stored_status_prompts_as_the_formula_does(values: dict[str, str],
                                                        shown: str) -> None:
    assert cached(STATUS, values, EntryWords("x")) == shown


def test_summary_rows_fit_their_text_and_the_rag_cell_holds_the_word(
        register_review: Path) -> None:
    path = register_review / "register" / "register.xlsx"
    ws = openpyxl.load_workbook(path, data_only=True)["Summary"]
    widths = {c: ws.column_dimensions[c].width for c in SUMMARY.values()}
    assert widths[SUMMARY["New update"]] < widths[SUMMARY["Latest update"]]
    for row in range(3, ws.max_row + 1):
        texts = [str(ws[f"{c}{row}"].value or "") for c in SUMMARY.values()]
        # the longest text at a generous character a unit of width, and a line spare
        need = max(-(-len(t) // int(widths[c]))
                   for t, c in zip(texts, SUMMARY.values(), strict=True))
        need = max(need, -(-SUMMARY_UPDATE_ROOM // int(widths[SUMMARY["New update"]])))
        if not texts[list(SUMMARY).index("Status")].startswith("Closed"):  # room for a reason
            latest = texts[list(SUMMARY).index("Latest update")] + MOVE  # (read 32)
            need = max(need, -(-len(latest) // int(widths[SUMMARY["Latest update"]])))
        assert ws.row_dimensions[row].height <= 15 * (need + 1) + 6, row
        assert ws[f"{SUMMARY['RAG']}{row}"].value in ("Red", "Amber", "Green")
    afi3 = _rows(ws)["E2-AFI-3"]
    assert str(ws[f"{SUMMARY['Latest update']}{afi3}"].value).startswith(REASON)


def test_every_format_gives_the_rag_reason_in_the_latest_update(
        register_texts: dict[str, str]) -> None:
    for fmt in ("pdf", "docx", "html"):
        text = register_texts[f"register.{fmt}"]
        assert REASON in text, fmt
        assert "Green (the plan’s author’s reason" not in text, fmt
        assert "in bold" not in text, fmt
        assert "each is marked “Nothing reported since then”" in text, fmt


def test_the_rag_cell_of_every_register_table_holds_the_word_alone() -> None:
    from peeldocs.sections.register_cells import latest_cell, rag_cell

    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    entry = next(e for e in reg.entries if e.state.item.finding == "E2-AFI-3")
    assert "".join(r.text for r in rag_cell(entry).runs) == "Green"  # type: ignore[attr-defined]
    said = "".join(r.text for r in latest_cell(entry, date(2024, 10, 15),  # type: ignore[attr-defined]
                                               rag_reason=True).runs)
    assert said.startswith(REASON)
    plain = "".join(r.text for r in latest_cell(entry, date(2024, 10, 15)).runs)  # type: ignore[attr-defined]
    assert "RAG" not in plain  # the overdue table has no RAG column to go with


@pytest.mark.xdist_group("libreoffice")
def test_an_owners_edits_move_about_and_summary_and_are_taken_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(exported_register(tmp_path))
    book = openpyxl.load_workbook("register.xlsx")
    ws = book["Register"]
    heads, at = _heads(ws), _rows(ws)
    r1, afi2, r2 = at["R1"], at["E2-AFI-2"], at["R2"]
    ws[f"{heads['Status']}{r1}"] = "Closed"  # closed, with evidence, but no sign-off
    ws[f"{heads['Closed on']}{r1}"] = datetime(2024, 10, 10)
    ws[f"{heads['New evidence']}{r1}"] = "Board minute 12/24"
    ws[f"{heads['Owner']}{afi2}"] = "Ch Supt Example"  # the status left as it was
    ws[f"{heads['New action']}{r2}"] = "Appoint a lead\nReport to the board"
    book.save("edited.xlsx")
    calc = recalculated_workbook(Path("edited.xlsx").resolve(), tmp_path / "edited")
    worked = openpyxl.load_workbook(calc, data_only=True)
    about, summary = _about(worked["About"]), worked["Summary"]
    assert about[STANDS] == ("As of 15 October 2024 the register tracks eight findings (two "
                             "awaiting allocation, three in progress, none pending sign-off and "
                             "three closed), with nine actions planned between them.")
    rows = _rows(summary)

    def shown(ref: str, heading: str) -> str:
        return str(summary[f"{SUMMARY[heading]}{rows[ref]}"].value)

    assert shown("R1", "Status") == NO_SIGN_OFF
    assert shown("R1", "Actions planned").endswith(
        "Closed on 10 October 2024, ten days after its target, sign-off not recorded. "
        "Evidence: Board minute 12/24.")
    assert shown("E2-AFI-2", "Status") == OWNER_GIVEN
    assert shown("R2", "Actions planned") == ("New action (to be added when the file is "
                                              "returned): Appoint a lead; Report to the board.")
    # the sign-off written on the Register clears the prompt, and is taken in with the rest
    book = openpyxl.load_workbook(calc)
    book["Register"][f"{heads['Signed off by']}{r1}"] = "Ch Supt Example"
    book.save("signed.xlsx")
    calc = recalculated_workbook(Path("signed.xlsx").resolve(), tmp_path / "signed")
    summary = openpyxl.load_workbook(calc, data_only=True)["Summary"]
    assert summary[f"{SUMMARY['Status']}{rows['R1']}"].value == "Closed"
    assert str(summary[f"{SUMMARY['Actions planned']}{rows['R1']}"].value).endswith(
        "Closed on 10 October 2024, ten days after its target, signed off by Ch Supt Example. "
        "Evidence: Board minute 12/24.")
    shutil.copy(calc, "returned.xlsx")
    assert main(["actions", "import", "returned.xlsx"]) == 0
    thematic = Path(REVIEW_PLANS[1]).read_text(encoding="utf-8")
    assert "signed_off_by: Ch Supt Example" in thematic and "Board minute 12/24" in thematic
    assert "Appoint a lead" in thematic and "Report to the board" in thematic
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    closed = next(e for e in reg.entries if e.state.item.finding == "R1").state.item
    assert closed.signed_off_by == "Ch Supt Example" and closed.closed_on == date(2024, 10, 10)


@pytest.mark.xdist_group("libreoffice")
def test_the_printed_summary_shows_every_row_whole_on_fuller_pages(
        register_review: Path, tmp_path: Path) -> None:
    path = register_review / "register" / "register.xlsx"
    printed = print_workbook(path, ("About", "Summary", "Register"), tmp_path)
    stored = openpyxl.load_workbook(path, data_only=True)["Summary"]
    spans = {"Finding (verbatim)": ("Finding", "Actions"), "Actions planned": ("Actions", "Status"),
             "Latest update": ("Latest", "New")}
    columns = dict.fromkeys(spans, "")
    with pdfplumber.open(printed) as pdf:
        register = next(i for i, page in enumerate(pdf.pages)
                        if "Original target" in (page.extract_text() or ""))
        pages = pdf.pages[1:register]  # after About, before the register sheet
        counts = [sum(f"\n{ref} " in "\n" + (p.extract_text() or "") for ref in _rows(stored))
                  for p in pages]
        for page in pages:  # each column read on its own, between its heading and the next
            heads = {w["text"]: w["x0"] for w in page.extract_words() if w["top"] < 150}
            for column, (start, end) in spans.items():
                crop = page.crop((heads[start] - 2, 0, heads[end] - 2, page.height))
                # a line broken after a hyphen ('data-' / 'sharing') reads joined
                columns[column] += " " + " ".join((crop.extract_text() or "").split()).replace(
                    "- ", "-")
    # in the register document's order since read 30-R: the four Norfolk findings, then the
    # four of the thematic inspection, a page each (the tallest rows kept whole)
    assert len(pages) == 2 and min(counts) >= 4 and sum(counts) == 8, counts
    for row in range(3, stored.max_row + 1):  # no row's text cut off
        for column in spans:
            said = " ".join(str(stored[f"{SUMMARY[column]}{row}"].value).split())
            assert said in columns[column], (row, column)


@pytest.mark.xdist_group("libreoffice")
def test_about_counts_every_register_sheet(tmp_path: Path) -> None:
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    path = tmp_path / "register.xlsx"
    path.write_bytes(peeldocs.register_workbook(reg, per_inspection=True))
    book = openpyxl.load_workbook(path)
    ws = book["National thematic inspection"]
    formula = str(_about(book["About"])[STANDS])
    assert "COUNTIF('PEEL inspection'!" in formula
    assert "COUNTIF('National thematic inspection'!" in formula
    ws.protection.sheet = False
    heads, at = _heads(ws), _rows(ws)
    ws[f"{heads['Status']}{at['R2']}"] = "In progress"
    ws[f"{heads['New action']}{at['R2']}"] = "Appoint a lead"
    book.save(tmp_path / "edited.xlsx")
    worked = openpyxl.load_workbook(recalculated_workbook(tmp_path / "edited.xlsx", tmp_path),
                                    data_only=True)
    assert _about(worked["About"])[STANDS] == (
        "As of 15 October 2024 the register tracks eight findings (one awaiting allocation, five "
        "in progress, none pending sign-off and two closed), with eight actions planned between "
        "them.")
