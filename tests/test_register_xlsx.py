"""The register in Excel, both ways: what an owner sees in the workbook (read with openpyxl),
and edits merged back into the plan files, everything else byte for byte; stale or invalid
edits refused with their sheet and cell, and nothing written."""

from __future__ import annotations

import dataclasses
import difflib
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

import peeldocs
from peeldocs.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The two example plans with their report and inspection, in a fresh folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").mkdir()
    (tmp_path / "data").mkdir()
    for name in ("norfolk-2018-action-plan.yaml", "constructed-thematic-action-plan.yaml",
                 "constructed-thematic-inspection.yaml"):
        (tmp_path / "examples" / name).write_bytes((ROOT / "examples" / name).read_bytes())
    (tmp_path / "data" / "norfolk-2018-effectiveness.yaml").write_bytes(
        (ROOT / "data" / "norfolk-2018-effectiveness.yaml").read_bytes())
    return tmp_path


PLANS = ["examples/norfolk-2018-action-plan.yaml", "examples/constructed-thematic-action-plan.yaml"]
THEMATIC = Path("examples/constructed-thematic-action-plan.yaml")
NORFOLK = Path("examples/norfolk-2018-action-plan.yaml")


def _export(folder: str = "out", *extra: str) -> Path:
    assert main(["register", *PLANS, "--as-of", "2024-10-15", "--format", "xlsx", "--out",
                 folder, "--quiet", *extra]) == 0
    return Path(folder) / "register.xlsx"


def _columns(ws: object) -> dict[str, int]:
    return {c.value: c.column for c in ws[2]}  # type: ignore[index]  # row 1: the title


def _row(ws: object, ref: str) -> int:
    col = _columns(ws)["Ref"]
    for r in range(3, ws.max_row + 1):  # type: ignore[attr-defined]
        if ws.cell(r, col).value == ref:  # type: ignore[attr-defined]
            return r
    raise AssertionError(ref)


def _cell(ws: object, ref: str, heading: str) -> str:
    return f"{ws.title}!{get_column_letter(_columns(ws)[heading])}{_row(ws, ref)}"  # type: ignore[attr-defined]


def test_the_workbook_is_one_owners_can_edit_safely(plans: Path) -> None:
    book = openpyxl.load_workbook(_export())
    ws = book["Register"]
    cols = _columns(ws)
    assert ws.freeze_panes == "B3"  # the title, the headings and the Ref column stay in view
    last = get_column_letter(ws.max_column)
    assert ws.auto_filter.ref == f"A2:{last}{ws.max_row}"
    lists = {dv.formula1: str(dv.sqref) for dv in ws.data_validations.dataValidation
             if dv.type == "list"}
    status_col, rag_col = get_column_letter(cols["Status"]), get_column_letter(cols["RAG"])
    assert lists['"Awaiting allocation,In progress,Pending sign-off,Closed"'] == \
        f"{status_col}3:{status_col}{ws.max_row}"
    # the RAG is worked out (read 26-R): a locked formula, no drop-down
    assert not any(rag_col in ref for ref in lists.values())
    assert all(str(ws[f"{rag_col}{r}"].value).startswith("=")
               and ws[f"{rag_col}{r}"].protection.locked for r in range(3, ws.max_row + 1))
    r3 = _row(ws, "R3")
    target = ws.cell(r3, cols["Current target"])
    assert target.is_date and target.value == datetime(2024, 12, 20)
    assert ws.protection.sheet and not ws.protection.autoFilter  # filters still work
    for heading in ("Plan file", "Ref", "Finding (verbatim)", "Days overdue", "RAG", "Row check"):
        assert ws.cell(r3, cols[heading]).protection.locked, heading
    for heading in ("Status", "RAG reason", "Owner", "Lead", "Current target", "New update"):
        assert not ws.cell(r3, cols[heading]).protection.locked, heading
    assert ws.column_dimensions[get_column_letter(cols["Row check"])].hidden
    assert ws.cell(r3, cols["Finding (verbatim)"]).value.startswith(
        "Within six months, chief constables should:")
    about = {row[0].value: row[1].value for row in book["About"].iter_rows(max_col=2)}
    assert about["Register as of"] == datetime(2024, 10, 15)
    assert len({ws.cell(r, cols["Ref"]).value for r in range(3, ws.max_row + 1)}) == 8


def test_one_sheet_per_inspection(plans: Path) -> None:
    book = openpyxl.load_workbook(_export("out", "--sheets", "per-inspection"))
    visible = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
    # About (how to read and edit it) first; one sheet per inspection, by the short name the
    # documents use; then the read-only one.  It opens on About.
    assert visible == ["About", "Summary", "PEEL inspection", "National thematic inspection",
                       "Addressed to other bodies"]
    assert book.active.title == "About"  # read first, with how to edit and print
    assert book["As exported"].sheet_state == "veryHidden"  # the rows as exported, for --since
    assert all(len(name) <= 31 for name in book.sheetnames)
    assert sorted(book[n].max_row - 2 for n in book.sheetnames[2:4]) == [4, 4]


def test_formula_like_text_stays_text(plans: Path) -> None:
    text = THEMATIC.read_text(encoding="utf-8").replace(
        "owner: Example ACC (illustrative)\n    lead: Example Supt Public Protection",
        "owner: =1+2\n    lead: Example Supt Public Protection", 1)
    THEMATIC.write_text(text, encoding="utf-8")
    ws = openpyxl.load_workbook(_export())["Register"]
    cell = ws.cell(_row(ws, "R1"), _columns(ws)["Owner"])
    assert cell.data_type == "s" and cell.value == "=1+2"


def _edit(path: Path, out: Path, edits: dict[tuple[str, str], object]) -> dict[tuple[str, str], str]:
    book = openpyxl.load_workbook(path)
    ws = book["Register"]
    where = {}
    for (ref, heading), value in edits.items():
        ws.cell(_row(ws, ref), _columns(ws)[heading]).value = value
        where[(ref, heading)] = _cell(ws, ref, heading)
    book.save(out)
    return where


def test_round_trip_keeps_everything_but_the_edits(plans: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    exported = _export()
    norfolk_before, thematic_before = NORFOLK.read_bytes(), THEMATIC.read_text(encoding="utf-8")
    _edit(exported, Path("edited.xlsx"), {
        ("R2", "Owner"): "Example T/ACC (illustrative)",
        ("R2", "Status"): "in progress",
        ("R2", "Current target"): datetime(2025, 1, 31),
        ("R2", "Reason for new target"): "Waiting for the commissioner's decision.",
        ("R2", "New update"): "Example update. Options paper drafted.",
        ("R2", "New update on"): datetime(2024, 10, 10),
        ("R1", "New update"): "Example update. System change live.",
    })
    assert main(["actions", "import", "edited.xlsx"]) == 0
    assert "2 new updates" in capsys.readouterr().err
    assert NORFOLK.read_bytes() == norfolk_before  # no edit there: not a byte changed
    after = THEMATIC.read_text(encoding="utf-8")
    changed = [line for line in difflib.unified_diff(thematic_before.splitlines(),
                                                     after.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert sorted(changed) == sorted([
        "-    owner:", "+    owner: Example T/ACC (illustrative)",
        "-    status: awaiting allocation", "+    status: in progress",
        "-    current_target: '2024-12-31'", "+    current_target: '2025-01-31'",
        "+    target_reason: Waiting for the commissioner's decision.",
        "-    updates: []", "+    updates:", "+      - when: 2024-10-10",
        "+        text: Example update. Options paper drafted.",
        f"+      - when: {date.today().isoformat()}",
        "+        text: Example update. System change live.",
    ])
    insp = peeldocs.load_inspection("examples/constructed-thematic-inspection.yaml")
    plan = peeldocs.load_plan(THEMATIC, insp, as_of=date.today())
    r1 = plan.item("R1")
    assert [u.text for u in r1.updates] == [  # history appended, never replaced
        "Example update. Review step designed; system change requested.",
        "Example update. System change live."]
    r2 = plan.item("R2")
    assert (r2.owner, r2.status.value, r2.original_target, r2.current_target) == (
        "Example T/ACC (illustrative)", "in progress", date(2024, 12, 31), date(2025, 1, 31))
    # the same workbook again: what it holds is in the plans already, so nothing changes
    # (no update appended twice); a further edit there would be refused as stale
    capsys.readouterr()
    assert main(["actions", "import", "edited.xlsx"]) == 0
    assert "no edits found" in capsys.readouterr().err
    assert THEMATIC.read_text(encoding="utf-8") == after


def test_stale_and_invalid_edits_are_refused_with_their_cells(
        plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exported = _export()
    where = _edit(exported, Path("edited.xlsx"), {
        ("R2", "Status"): "done",
        ("R2", "Current target"): "31/02/2025",
        ("R3", "Status"): "closed",
        ("E2-AFI-2", "RAG"): "purple",
        ("E2-AFI-1", "Owner"): "Example new owner",
        ("AFI1", "Finding (verbatim)"): "Forces should do something else.",
    })
    # the Norfolk plan changes after the export: the edit to its item is stale
    NORFOLK.write_text(NORFOLK.read_text(encoding="utf-8").replace(
        "Lead appointed; training review under way.", "Lead appointed; review under way."),
        encoding="utf-8")
    before = {p: Path(p).read_bytes() for p in PLANS}
    assert main(["actions", "import", "edited.xlsx"]) == 1
    err = capsys.readouterr().err
    assert f"edited.xlsx: {where[('R2', 'Status')]}: 'done' is not a status" in err
    assert f"edited.xlsx: {where[('R2', 'Current target')]}: '31/02/2025' is not a date" in err
    closed_on = _cell(openpyxl.load_workbook("edited.xlsx")["Register"], "R3", "Closed on")
    assert f"edited.xlsx: {closed_on}: a closed item needs the date it closed" in err
    assert f"edited.xlsx: {where[('E2-AFI-2', 'RAG')]}: 'purple' is not a RAG rating" in err
    assert f"edited.xlsx: {where[('E2-AFI-1', 'Owner')]}: " \
           "examples/norfolk-2018-action-plan.yaml has changed item E2-AFI-1" in err
    assert f"edited.xlsx: {where[('AFI1', 'Finding (verbatim)')]}: this column quotes the " \
           "report and cannot be changed here" in err
    assert "nothing written" in err
    assert {p: Path(p).read_bytes() for p in PLANS} == before


def test_an_earlier_register_workbook_serves_as_since(plans: Path) -> None:
    exported = _export("q2")
    text = THEMATIC.read_text(encoding="utf-8").replace(
        "- finding: R2\n    status: awaiting allocation",
        "- finding: R2\n    status: closed\n    closed_on: 2024-11-01")
    THEMATIC.write_text(text, encoding="utf-8")
    reg = peeldocs.register(PLANS, as_of="2024-12-01", since=exported)
    assert reg.changes is not None and reg.changes.since == date(2024, 10, 15)
    assert [e.state.item.finding for e in reg.changes.closed] == ["R2"]


def test_a_file_that_is_not_a_register_workbook_is_refused(plans: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "Something else"
    book.save("other.xlsx")
    Path("broken.xlsx").write_bytes(b"not a zip")
    Path("register.csv").write_text("plan,finding\n", encoding="utf-8")
    assert main(["actions", "import", "other.xlsx"]) == 1
    assert main(["actions", "import", "broken.xlsx"]) == 1
    assert main(["actions", "import", "register.csv"]) == 1  # not a workbook at all
    assert main(["actions", "import", "."]) == 1
    err = capsys.readouterr().err
    assert "no register sheet" in err and "cannot read it as an Excel workbook" in err
    assert "this is a folder, not a workbook" in err and "internal error" not in err


def test_closing_an_item_and_setting_its_rag_by_hand(plans: Path) -> None:
    _edit(_export(), Path("edited.xlsx"), {
        ("R1", "Status"): "Closed",  # as typed, capitalised
        ("R1", "Closed on"): "14/10/2024",
        ("R3", "RAG"): "Amber",
        ("R3", "RAG reason"): "Example reason. Training may slip again.",
        ("R2", "Owner"): "  Example Supt (illustrative)  ",
    })
    assert main(["actions", "import", "edited.xlsx"]) == 0
    insp = peeldocs.load_inspection("examples/constructed-thematic-inspection.yaml")
    plan = peeldocs.load_plan(THEMATIC, insp, as_of=date.today())
    r1, r3 = plan.item("R1"), plan.item("R3")
    assert (r1.status.value, r1.closed_on) == ("closed", date(2024, 10, 14))
    assert (r3.rag.value if r3.rag else None, r3.rag_reason) == (
        "amber", "Example reason. Training may slip again.")
    assert plan.item("R2").owner == "Example Supt (illustrative)"
    reg = peeldocs.register(PLANS, as_of="2024-10-15")
    state = next(e.state for e in reg.entries if e.state.item.finding == "R3")
    assert state.rag_by_hand


def test_a_rag_set_by_hand_needs_its_reason(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    where = _edit(_export(), Path("edited.xlsx"), {("R2", "RAG"): "red"})
    assert main(["actions", "import", "edited.xlsx"]) == 1
    reason = where[("R2", "RAG")].rsplit("!", 1)[0]
    assert f"edited.xlsx: {reason}!" in capsys.readouterr().err


def test_a_plan_with_windows_line_endings_keeps_them(plans: Path) -> None:
    THEMATIC.write_bytes(THEMATIC.read_bytes().replace(b"\n", b"\r\n"))
    before = THEMATIC.read_bytes()
    _edit(_export(), Path("edited.xlsx"), {("R2", "Lead"): "Example Insp (illustrative)"})
    assert main(["actions", "import", "edited.xlsx"]) == 0
    after = THEMATIC.read_bytes()
    assert b"\n" not in after.replace(b"\r\n", b"")
    assert after.replace(b"    lead: Example Insp (illustrative)\r\n", b"    lead:\r\n") == before


def test_the_sheet_reads_and_prints_for_a_reader_not_the_tool(plans: Path) -> None:
    """Editorial read 3: file names and row hashes hidden at the end; the main sheet says it
    is an illustrative example; it prints A4 landscape, headings repeated (how many pages
    across: test_register_prints.py)."""
    ws = openpyxl.load_workbook(_export())["Register"]
    # after the Ref column, which prints on every page; its date read from About's (read 30-R)
    title = str(openpyxl.load_workbook(_export(), data_only=True)["Register"]["B1"].value)
    assert "TEXT('About'!$B$" in str(ws["B1"].value)
    assert title.startswith("Register of actions on HMICFRS recommendations and areas for "
                            "improvement as of 15 October 2024. ILLUSTRATIVE EXAMPLE:")
    # black, as every sheet's title (read 34): the words say it is an example
    assert ws["B1"].font.bold and ws["B1"].font.color.rgb.endswith("000000")
    heads = [c.value for c in ws[2]]
    assert heads[:3] == ["Ref", "Inspection", "Kind of inspection"]
    assert heads[-2:] == ["Plan file", "Row check"]  # what only the import needs, last
    shown = [h for i, h in enumerate(heads, start=1)
             if not ws.column_dimensions[get_column_letter(i)].hidden]
    assert "Plan file" not in shown and "Row check" not in shown and "Inspection" in shown
    values = [str(c.value) for row in ws.iter_rows(min_row=3) for i, c in enumerate(row)
              if c.value is not None and heads[i] in shown]
    assert not any(v.endswith(".yaml") for v in values)
    setup = ws.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(setup.fitToWidth) == 1 and int(setup.fitToHeight) == 0  # each part (read 33)
    assert ws.print_title_rows == "$1:$2"  # the marking and headings on every printed page
    assert ws.oddHeader.center.text.split("\n")[-1] == (  # the title names the date (read 30-R)
        "HMICFRS actions register issued 15 October 2024; figures as at the date in the title · "
        "ILLUSTRATIVE EXAMPLE")
    assert ws.oddFooter.right.text == "Page &P of &N"
    about = openpyxl.load_workbook(_export())["About"]
    # read 25-R: the register's title heads the page, then the warning; beside it the marking
    # About's cell gives (read 28-R)
    assert str(openpyxl.load_workbook(_export(), data_only=True)["About"]["B1"].value).startswith(
        "Register of actions on HMICFRS")  # its date from About's 'Register as of' (read 30-R)
    assert "{to be completed: protective marking}" in str(about["A1"].value)
    assert about["A2"].value == "Illustrative" and "ILLUSTRATIVE EXAMPLE" in about["B2"].value


def test_a_real_register_has_no_warning_and_an_old_layout_is_still_imported(
        plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reg = peeldocs.register(PLANS, as_of="2024-10-15")
    real = dataclasses.replace(reg, inspections=tuple(
        dataclasses.replace(line, plan_invented=False, text_constructed=False)
        for line in reg.inspections), entries=tuple(
        dataclasses.replace(e, illustrative=False) for e in reg.entries))
    assert not real.illustrative
    from peeldocs.plans.workbook import sheet_title

    assert sheet_title(real) == ("Register of actions on HMICFRS recommendations and areas for "
                                 "improvement as of 15 October 2024")
    # a workbook written before the title row (headings in row 1) is read as it was
    exported = _export()
    book = openpyxl.load_workbook(exported)
    ws = book["Register"]
    ws.protection.sheet = False
    for merged in list(ws.merged_cells.ranges):  # such a workbook had no title to merge
        ws.unmerge_cells(str(merged))
    ws.delete_rows(1)
    ws.cell(_old_row(ws, "R2"), [c.value for c in ws[1]].index("Owner") + 1).value = \
        "Example T/ACC (illustrative)"
    book.save("old.xlsx")
    assert main(["actions", "import", "old.xlsx"]) == 0
    assert "owner: Example T/ACC (illustrative)" in THEMATIC.read_text(encoding="utf-8")
    later = peeldocs.register(PLANS, as_of="2025-01-15", since="old.xlsx")
    assert later.changes is not None and later.changes.since == date(2024, 10, 15)


def _old_row(ws: object, ref: str) -> int:
    col = [c.value for c in ws[1]].index("Ref") + 1  # type: ignore[index]
    return next(r for r in range(2, ws.max_row + 1)  # type: ignore[attr-defined]
                if ws.cell(r, col).value == ref)  # type: ignore[attr-defined]
