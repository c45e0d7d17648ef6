"""What the sixth editorial read found in the register, its workbook and the update paper.

A closure with no evidence reference says that it is the reference that is
missing (its update may say the evidence was accepted), and the register asks
for one; the workbook's hidden sheet names plans by file name only, says to
whom every finding is addressed (the force, for a force's own inspection) and
keeps dates as dates; the update paper numbers every part of a numbered
section, sums up briefly in 1.2, and lays out its tables so that none is split
or squeezed.  Asserted on what a reader gets, in every format.
"""

from __future__ import annotations

import io
import re
import shutil
import statistics
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from docread import REVIEW_PLANS

import peeldocs
from peeldocs.blocks import Cell, Heading, Metadata, Pack, Paragraph, Section, Table, plain
from peeldocs.cli import main
from peeldocs.sections.register_message import main_message

FORMATS = ("pdf", "docx", "html")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def texts(register_texts: dict[str, str]) -> dict[str, str]:
    """What a reader gets from each document in each format (conftest's register_texts)."""
    return register_texts


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_closure_lacks_its_evidence_reference_not_its_evidence(texts: dict[str, str],
                                                                 fmt: str) -> None:
    register = texts[f"register.{fmt}"]
    # AFI1's update says the evidence was accepted: the plan lacks only its reference
    assert "Protocol signed; evidence accepted at the example board." in register
    assert "signed off by Example DCC (illustrative). No evidence reference recorded." in register
    assert "No evidence recorded" not in register
    # and the register says it is needed, first, with the other points that need the author:
    # as a statement to its reader, never as an instruction to its author (editorial read 11)
    lead = register[:register.index("Where the actions stand")]
    assert ("No evidence reference is recorded for the closure of an area for improvement "
            "from the national thematic inspection (AFI1); one is needed so that the closure "
            "can be audited.") in lead
    assert "record one" not in register


def test_a_register_whose_closures_all_cite_evidence_asks_for_none() -> None:
    # Norfolk's closed item cites its evidence reference: nothing to ask
    norfolk = peeldocs.register(REVIEW_PLANS[:1], as_of="2019-10-15")
    said = main_message(norfolk) or ""
    assert "evidence" not in said


@pytest.fixture(scope="module")
def book_path(register_review: Path) -> Path:
    """The workbook the reviewed register wrote."""
    return register_review / "register" / "register.xlsx"


def test_owners_see_plans_by_file_name_and_import_keeps_the_path(book_path: Path) -> None:
    """Sheets owners see name a plan by its file name; the very hidden sheet keeps the path
    as it was given, so that import opens the same file from the same folder."""
    book = openpyxl.load_workbook(book_path)
    ws = book["As exported"]
    assert ws.sheet_state == "veryHidden"
    heads = [c.value for c in ws[1]]
    paths = {ws.cell(r, heads.index("plan_path") + 1).value for r in range(2, ws.max_row + 1)}
    assert {Path(p).name for p in paths} == {"norfolk-2018-action-plan.yaml",
                                             "constructed-thematic-action-plan.yaml"}
    seen = [str(c.value) for sheet in book.worksheets if sheet.sheet_state == "visible"
            for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not any("examples/" in v or "/tmp" in v for v in seen)


def test_every_finding_says_to_whom_it_is_addressed(book_path: Path) -> None:
    book = openpyxl.load_workbook(book_path)
    for name in ("Register", "As exported"):
        ws = book[name]
        row = 2 if name == "Register" else 1
        heads = {c.value: c.column for c in ws[row]}
        ref, to = heads.get("Ref", heads.get("finding")), \
            heads.get("Addressed to", heads.get("addressed_to"))
        said = {ws.cell(r, ref).value: ws.cell(r, to).value
                for r in range(row + 1, ws.max_row + 1)}
        # a force's own (PEEL) inspection: its findings are the force's, named from the report
        for finding in ("E-2017-AFI-1", "E2-AFI-1", "E2-AFI-2", "E2-AFI-3"):
            assert said[finding] == "Norfolk Constabulary", (name, finding)
        assert said["R1"] == "all forces"
        # in full words, as every other format says it (editorial read 11)
        assert said["R2"] == "chief constables and police and crime commissioners"
        assert all(v for v in said.values())  # never blank


def test_dates_are_stored_as_dates_with_a_date_format(book_path: Path) -> None:
    book = openpyxl.load_workbook(book_path)
    with zipfile.ZipFile(book_path) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    for name in ("Register", "As exported"):
        ws = book[name]
        row = 2 if name == "Register" else 1
        heads = {c.value: c.column for c in ws[row]}
        columns = [heads[h] for h in ("Original target", "Current target", "Closed on",
                                      "Latest update on", "original_target", "current_target",
                                      "closed_on", "latest_update_date") if h in heads]
        assert len(columns) == 4
        cells = [ws.cell(r, c) for r in range(row + 1, ws.max_row + 1) for c in columns
                 if ws.cell(r, c).value is not None]
        assert cells
        for cell in cells:
            assert cell.is_date and cell.number_format == "d mmm yyyy", (name, cell.coordinate)
            assert (cell.value.hour, cell.value.minute) == (0, 0)
    # whole day numbers in the file: a date, never a date and a time of day
    serials = [v for xml in sheets for v in re.findall(r'<c r="[A-Z]+\d+" s="\d+" t="n"><v>'
                                                       r'([\d.]+)</v>', xml)]
    assert serials and all("." not in v for v in serials)


def _plans_in(folder: Path) -> list[str]:
    (folder / "examples").mkdir()
    (folder / "data").mkdir()
    for name in ("norfolk-2018-action-plan.yaml", "constructed-thematic-action-plan.yaml",
                 "constructed-thematic-inspection.yaml"):
        shutil.copy(ROOT / "examples" / name, folder / "examples" / name)
    shutil.copy(ROOT / "data" / "norfolk-2018-effectiveness.yaml", folder / "data")
    return [f"examples/{n}" for n in ("norfolk-2018-action-plan.yaml",
                                      "constructed-thematic-action-plan.yaml")]


def _set_owner(book: Path, ref: str, owner: str) -> None:
    wb = openpyxl.load_workbook(book)
    ws = wb["Register"]
    cols = {c.value: c.column for c in ws[2]}
    row = next(r for r in range(3, ws.max_row + 1) if ws.cell(r, cols["Ref"]).value == ref)
    ws.cell(row, cols["Owner"]).value = owner
    wb.save(book)


def test_import_finds_plans_by_file_name_or_as_given(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    plans = _plans_in(tmp_path)
    assert main(["register", *plans, "--as-of", "2024-10-15", "--format", "xlsx", "--out",
                 "out", "--quiet"]) == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    book = elsewhere / "edited.xlsx"
    shutil.copy("out/register.xlsx", book)
    _set_owner(book, "R2", "Example Supt Found (illustrative)")
    monkeypatch.chdir(elsewhere)  # the plans are neither here nor beside the workbook
    assert main(["actions", "import", str(book)]) == 1
    assert "constructed-thematic-action-plan.yaml: not found in the working folder or beside " \
           "the workbook" in capsys.readouterr().err
    # named after the workbook, they are found by their file name
    assert main(["actions", "import", str(book), *(str(tmp_path / p) for p in plans)]) == 0
    assert "Example Supt Found (illustrative)" in \
        (tmp_path / plans[1]).read_text(encoding="utf-8")


def test_a_workbook_written_before_still_imports_and_serves_since(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    plans = _plans_in(tmp_path)
    reg = peeldocs.register(plans, as_of="2024-10-15")
    wb = openpyxl.load_workbook(io.BytesIO(peeldocs.register_workbook(reg)))
    # as an earlier peeldocs wrote it: the plan's path as given, 'Addressed to' blank for PEEL
    for name, row in (("Register", 2), ("As exported", 1)):
        ws = wb[name]
        heads = {c.value: c.column for c in ws[row]}
        to = heads.get("Addressed to", heads.get("addressed_to"))
        for r in range(row + 1, ws.max_row + 1):
            if ws.cell(r, to).value == "Norfolk Constabulary":
                ws.cell(r, to).value = None
            if name == "As exported":
                cell = ws.cell(r, heads["plan_path"])
                cell.value = next(p for p in plans if p.endswith(str(cell.value)))
    wb.save("old.xlsx")
    _set_owner(Path("old.xlsx"), "E2-AFI-2", "Example DI Old (illustrative)")
    assert main(["actions", "import", "old.xlsx"]) == 0
    assert "Example DI Old (illustrative)" in Path(plans[0]).read_text(encoding="utf-8")
    later = peeldocs.register(plans, as_of="2025-01-15", since="old.xlsx")
    assert later.changes is not None
    assert {e.state.item.finding for e in later.changes.newly_overdue} == {"R2", "R3"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_part_of_a_numbered_section_is_numbered(texts: dict[str, str], fmt: str) -> None:
    update = texts[f"update.{fmt}"]
    for heading in ("4.5 Open findings by owner",
                    "5.2 The two findings that became overdue are",
                    "6.2 PEEL 2018/19 effectiveness inspection of Norfolk Constabulary",
                    "6.3 Constructed example: an inspection of how forces record"):
        assert heading in update
    assert not re.search(r"(?<!\d\.\d )Open findings by owner", update)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_summary_is_brief_and_says_each_point_once(texts: dict[str, str], fmt: str) -> None:
    update = texts[f"update.{fmt}"]
    summary = update[update.index("1.2 "):update.index("2. Recommendation")]
    # 90: since read 24-X it says that E2-AFI-2 never had an update, as the register does
    assert len(summary.split()) < 90
    assert "(R2 and R3)" in summary and "(R3 and R2)" not in update
    # the commissioner's share is said once, in 4.2; what changed in detail, once, in 5.1
    assert update.count("falls partly to the Police and Crime Commissioner") == 1
    assert update.count("no update was recorded, nothing closed and no target date changed") == 1
    assert update.count("no progress was reported") == 1  # in 1.2 only


def _page_of(pdf: pdfplumber.PDF, text: str) -> int:
    return next(i for i, page in enumerate(pdf.pages)
                if text in " ".join((page.extract_text() or "").split()))


def test_the_update_papers_tables_are_neither_split_nor_squeezed(register_review: Path) -> None:
    with pdfplumber.open(register_review / "update" / "update.pdf") as pdf:
        # the counts by inspection stay with the paragraph that gives them, on one page
        assert _page_of(pdf, "4.1 As of 15 January 2025") == _page_of(pdf, "Inspection Date") \
            == _page_of(pdf, "Total 2 4 0 2 8")
        # the quoted finding reads as prose: about four words a line, in a column 130 pt wide
        counts, widths = [], []
        for page in pdf.pages:
            words = page.extract_words()
            for head in (w for w in words if w["text"] == "Finding"):
                nxt = next((w for w in words if abs(w["top"] - head["top"]) < 2
                            and w["text"] == "Actions"), None)  # the next column's heading
                if nxt is None:
                    continue  # "Finding text is quoted …": not a table's heading
                widths.append(nxt["x0"] - head["x0"])
                lines: dict[int, int] = {}
                for w in words:
                    if w["top"] > head["bottom"] + 12 and head["x0"] - 1 <= w["x0"] < nxt["x0"] - 2:
                        lines[round(w["top"])] = lines.get(round(w["top"]), 0) + 1
                counts += lines.values()
    assert min(widths) >= 130
    assert statistics.mean(counts) >= 3.5


def _rows(n: int) -> tuple[tuple[Cell, ...], ...]:
    return tuple((Cell(plain(f"Row {i}")), Cell(plain(str(i)))) for i in range(1, n + 1))


@pytest.mark.parametrize("filler", range(12))
def test_a_short_table_is_never_split_across_pages(filler: int) -> None:
    # wherever its heading falls, a five-row table with its total moves whole rather than
    # leave its last rows on the next page (without the rule, fillers 1 to 5 split it)
    words = "The force has made progress against this area for improvement this quarter. "
    blocks = [Heading(1, "Short tables", anchor="top"), Paragraph(plain(words * 40)),
              Paragraph(plain("Some words " * (filler * 6))),
              Heading(2, "Where the actions stand", anchor="stand"),
              Paragraph(plain("The findings tracked, by status.")),
              Table(((Cell(plain("Status")), Cell(plain("Findings"))),),
                    (*_rows(5), (Cell(plain("Total", bold=True)), Cell(plain("15")))),
                    widths=(3.0, 1.2), caption="Findings by status", numeric_columns=(1,)),
              Paragraph(plain(words * 40))]  # the section goes on: no page break helps it
    pack = Pack(Metadata("Short tables", "test", "test", (), datetime(2024, 1, 1)),
                (Section("body", tuple(blocks)),))
    with pdfplumber.open(io.BytesIO(peeldocs.render(pack, "pdf"))) as pdf:
        assert _page_of(pdf, "Row 1 1") == _page_of(pdf, "Total 15")


def test_the_registers_counts_table_is_whole_on_one_page(register_review: Path) -> None:
    with pdfplumber.open(register_review / "register" / "register.pdf") as pdf:
        # read 35: the totals by status said once, in the by-inspection table's total row
        assert _page_of(pdf, "Inspection Date") == \
            _page_of(pdf, "Total 2 4 0 2 8")
