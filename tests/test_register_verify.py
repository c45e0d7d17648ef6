"""Issue 27 tried as a force's performance officer would: pasted pages in the shapes real
reports take, registers of several inspections, and workbooks edited the ways owners do.

Every page of text here is a CONSTRUCTED EXAMPLE written for these tests, not HMICFRS text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from peeldocs.cli import main
from peeldocs.plans.inspection_reader import read_inspection

CONSTRUCTED_LIST = """\
A constructed joint inspection of the response to child exploitation (constructed example)
Published: 12 January 2024

Our recommendations

1) Exampleshire Constabulary should, by 30 April 2024, make sure that all missing children
are assessed for the risk of exploitation when they return.

2) By 31 July 2024, the chief constable should record the voice of the child in every referral.

Page 14 of 32

3) The force should improve its supervision of child abuse investigations.

Joint inspection of child exploitation in Exampleshire

4) The force should publish its exploitation strategy.

Conclusion

The force should be proud of its staff.
"""


def test_a_list_broken_by_page_numbers_and_running_headers_is_read_whole() -> None:
    """A copy from a PDF carries page numbers and running headers between items."""
    got = read_inspection(CONSTRUCTED_LIST)
    assert [i.id for i in got.inspection.items] == ["R1", "R2", "R3", "R4"]
    assert got.inspection.items[2].text == ("The force should improve its supervision of child "
                                            "abuse investigations.")
    assert got.unplaced == ("The force should be proud of its staff.",)


def test_a_block_that_reads_like_an_item_but_was_not_taken_is_named_in_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("page.txt").write_text(CONSTRUCTED_LIST, encoding="utf-8")
    assert main(["import", "page.txt", "--inspection", "-o", "insp.yaml"]) == 0
    head = Path("insp.yaml").read_text(encoding="utf-8").split("title:")[0]
    assert "nothing the reader looks for was left unread" not in head
    assert "#   The force should be proud of its staff." in head
    assert "not read as an item" in capsys.readouterr().err


def _two_inspections_with_one_title(tmp_path: Path) -> list[str]:
    """Two revisit letters to one force, titled alike (as letters are), with a plan each."""
    title = "Exampleshire Constabulary: revisit letter (constructed example)"
    for name, published, kind in (("march", "2024-03-05", "revisit letter"),
                                  ("may", "2024-05-03", "revisit letter")):
        (tmp_path / f"{name}.yaml").write_text(
            f"title: '{title}'\nkind: {kind}\npublished: {published}\nillustrative: true\n"
            "items:\n- {id: AFI1, kind: area for improvement, addressed_to: this force,\n"
            "   text: The force should improve its crime recording.}\n"
            "- {id: AFI2, kind: area for improvement, addressed_to: this force,\n"
            "   text: The force should improve its audits.}\n", encoding="utf-8")
        assert main(["actions", "init", f"{name}.yaml", "-o", f"{name}-plan.yaml"]) == 0
    return ["march-plan.yaml", "may-plan.yaml"]


def test_inspections_with_the_same_title_are_counted_apart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    import peeldocs

    monkeypatch.chdir(tmp_path)
    plans = _two_inspections_with_one_title(tmp_path)
    reg = peeldocs.register(plans, as_of="2024-06-01")
    counts = {label: sum(n.values()) for label, n in reg.by_inspection().items()}
    assert counts == {
        "Exampleshire Constabulary: revisit letter (constructed example) (published 5 March 2024)": 2,
        "Exampleshire Constabulary: revisit letter (constructed example) (published 3 May 2024)": 2}
    assert main(["register", *plans, "--as-of", "2024-06-01", "--format", "xlsx", "--sheets",
                 "per-inspection", "--out", "out", "--quiet"]) == 0
    book = openpyxl.load_workbook("out/register.xlsx")
    # About and Summary first, then a sheet per inspection: title, headings, two rows each
    assert [(ws.max_row, ws.sheet_state) for ws in book.worksheets[2:4]] == [(4, "visible")] * 2


@pytest.fixture
def exported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]) -> Path:
    """The example plans (Norfolk's, and a constructed thematic inspection's), exported."""
    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "norfolk-2018-effectiveness.yaml").write_bytes(
        (root / "data" / "norfolk-2018-effectiveness.yaml").read_bytes())
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "constructed-thematic-inspection.yaml").write_bytes(
        (root / "examples" / "constructed-thematic-inspection.yaml").read_bytes())
    (tmp_path / "plan.yaml").write_bytes(
        (root / "examples" / "norfolk-2018-action-plan.yaml").read_bytes())
    (tmp_path / "thematic-plan.yaml").write_bytes(
        (root / "examples" / "constructed-thematic-action-plan.yaml").read_bytes())
    assert main(["register", "plan.yaml", "thematic-plan.yaml", "--as-of", "2024-10-15",
                 "--format", "xlsx", "--out", "out", "--quiet"]) == 0
    capsys.readouterr()
    return tmp_path / "out" / "register.xlsx"


def _edit(path: Path, ref: str, **by_heading: object) -> str:
    """Set cells of one row by their headings; return the row's number."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    ws = book["Register"]
    cols = {c.value: c.column for c in ws[2]}  # row 1: the register's title
    row = next(r for r in range(3, ws.max_row + 1) if ws.cell(r, cols["Ref"]).value == ref)
    for heading, value in by_heading.items():
        ws.cell(row, cols[heading.replace("_", " ")]).value = value
    book.save(path)
    return str(row)


def _import_refused(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    before = [Path(p).read_bytes() for p in ("plan.yaml", "thematic-plan.yaml")]
    assert main(["actions", "import", str(path)]) == 1
    assert [Path(p).read_bytes() for p in ("plan.yaml", "thematic-plan.yaml")] == before
    err = capsys.readouterr().err
    assert "internal error" not in err and "plan.yaml:" not in err
    return err


def test_an_emptied_status_is_refused_at_its_cell(
        exported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    row = _edit(exported, "E2-AFI-1", Status=None)
    err = _import_refused(exported, capsys)
    assert f"out/register.xlsx: Register!G{row}: the status is empty; choose one of:" in err


def test_a_target_before_publication_is_refused_at_its_cell_not_at_a_plan_line(
        exported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import datetime

    row = _edit(exported, "R2", Current_target=datetime(2024, 1, 31))
    err = _import_refused(exported, capsys)
    assert f"out/register.xlsx: Register!M{row}: target date 2024-01-31 is before the report's " \
           "publication on 2024-03-14" in err


def test_a_closing_date_after_today_is_refused(
        exported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import datetime

    row = _edit(exported, "E2-AFI-1", Status="closed", Closed_on=datetime(2099, 1, 31))
    err = _import_refused(exported, capsys)
    assert f"Register!O{row}: the item is closed on 2099-01-31, after today" in err


def test_a_column_taken_out_of_the_sheet_clears_nothing(
        exported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    before = Path("plan.yaml").read_bytes()
    book = openpyxl.load_workbook(exported)
    ws = book["Register"]
    ws.delete_cols(next(c.column for c in ws[2] if c.value == "Owner"))
    book.save(exported)
    assert main(["actions", "import", str(exported)]) == 0
    assert Path("plan.yaml").read_bytes() == before
    assert "no edits found" in capsys.readouterr().err


def test_the_update_names_each_change_under_its_own_heading(
        exported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A committee reads what closed, what was re-dated and what became overdue as titled
    lists; a reason already ending a sentence is not given a second full stop."""
    from datetime import datetime

    import docx

    import peeldocs

    _edit(exported, "R3", Current_target=datetime(2024, 10, 31),
          Reason_for_new_target="Constructed reason: the audit moved to October.")
    assert main(["actions", "import", str(exported)]) == 0
    reg = peeldocs.register(["plan.yaml", "thematic-plan.yaml"], as_of="2024-11-15",
                            since=exported)
    [paper] = peeldocs.write_register(reg, "docx", "paper", document="update")
    doc = docx.Document(str(paper))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    since = "since the register as of 15 October 2024"
    # each numbered as a part of its section, as the paragraphs around it are
    # those that became overdue are named in a paragraph (5.2), then the re-dated under 5.3
    assert f"5.3 Target dates changed {since}" in headings
    assert not any(h.startswith("5.4") or "Became overdue" in h for h in headings)
    # the owners table belongs with where the actions stand (section 4), before what changed
    # a date's words are joined by no-break spaces (read 24-B): a space to a reader
    body = [p.text.replace("\u00a0", " ") for p in doc.paragraphs]
    assert body.index("4. Where the actions stand") < body.index("5. Since the last update")
    assert any([c.text for c in t.rows[0].cells] == ["Owner", "Open findings", "Overdue"]
               for t in doc.tables)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert any(re.search(r"Target moved from \d+ \w+ \d{4}: Constructed reason: the audit "
                         r"moved to October\. ", c) for c in cells)
    assert not any(".." in c for c in cells)
    assert "The finding that became overdue is R3 (target date 31 October 2024; HMICFRS’s " \
        "deadline passed on 14 September 2024). It is set out " \
        "with its progress under “6. Overdue actions”." in body[body.index("5. Since the last update") + 2]
    assert not any([c.text for c in t.rows[0].cells] == ["Ref", "Inspection", "Owner", "Target date"]
                   for t in doc.tables)


def test_since_the_workbook_owners_edited_reads_it_as_exported(
        exported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Owners edit the tracker in place and it is imported; the next quarter's --since that
    same file must still see the closure, not take the edited cells as the earlier register."""
    from datetime import datetime

    import peeldocs

    _edit(exported, "R2", Status="closed", Closed_on=datetime(2024, 10, 14))
    assert main(["actions", "import", str(exported)]) == 0
    reg = peeldocs.register(["plan.yaml", "thematic-plan.yaml"], as_of="2025-01-15",
                            since=exported)
    assert reg.changes is not None
    assert [e.state.item.finding for e in reg.changes.closed] == ["R2"]


def test_the_register_data_does_not_say_an_item_without_a_target_is_not_overdue(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import csv

    monkeypatch.chdir(tmp_path)
    plans = _two_inspections_with_one_title(tmp_path)  # no targets set yet
    assert main(["register", *plans, "--as-of", "2024-06-01", "--format", "csv", "--out", "out",
                 "--quiet"]) == 0
    rows = list(csv.DictReader(Path("out/register.csv").read_text(encoding="utf-8").splitlines()))
    assert {(r["overdue"], r["days_overdue"], r["days_slipped"]) for r in rows} == \
        {("unknown", "", "")}


def test_whom_an_item_addresses_in_revisit_letters_and_joint_inspections() -> None:
    """Constructed wordings in the shapes real revisit letters and joint inspections use."""
    from peeldocs.plans.inspection import Addressee
    from peeldocs.plans.inspection_reader import addressee_of

    assert addressee_of("To address this cause of concern, we recommend that, within three "
                        "months, the force should:") == (Addressee.THIS_FORCE, "the force")
    # the police are one of the safeguarding partners: tracked, to be checked, never dropped
    assert addressee_of("The safeguarding partners in Exampleshire should agree a shared "
                        "definition.") == (Addressee.UNKNOWN,
                                           "The safeguarding partners in Exampleshire")
    assert addressee_of("The force and its partners should agree a plan.")[0] is \
        Addressee.THIS_FORCE
    assert addressee_of("The Home Office should amend the counting rules.")[0] is \
        Addressee.ANOTHER_BODY


def test_importing_the_same_workbook_twice_changes_nothing_more(
        exported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A tracker imported, then imported again (or edited further and sent back): rows
    already taken are not refused for a RAG the rules moved, and no update is appended twice;
    a new edit to a row that changed since the export is refused at the cell edited."""
    from datetime import datetime

    _edit(exported, "E2-AFI-2", Owner="T/ACC Example (constructed)",
          Current_target=datetime(2024, 12, 31), Reason_for_new_target="Constructed reason.",
          New_update="Constructed update. Policy drafted.", New_update_on=datetime(2024, 10, 16))
    assert main(["actions", "import", str(exported)]) == 0
    once = Path("plan.yaml").read_bytes()
    assert once.count(b"Constructed update. Policy drafted.") == 1
    capsys.readouterr()
    assert main(["actions", "import", str(exported)]) == 0
    assert Path("plan.yaml").read_bytes() == once
    assert "no edits found" in capsys.readouterr().err
    row = _edit(exported, "E2-AFI-2", Lead="DI Example (constructed)")
    err = _import_refused(exported, capsys)
    assert f"Register!K{row}: plan.yaml has changed item E2-AFI-2 since this workbook" in err
    assert f"Register!H{row}" not in err  # the RAG the rules set was not the owner's edit


def test_a_corrected_inspection_file_is_never_replaced_by_a_new_import(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The manual asks users to check the import against the report and correct it; a later
    import of the page must not silently undo their corrections."""
    monkeypatch.chdir(tmp_path)
    Path("page.txt").write_text(CONSTRUCTED_LIST, encoding="utf-8")
    assert main(["import", "page.txt", "--inspection", "-o", "insp.yaml"]) == 0
    assert main(["import", "page.txt", "--inspection", "-o", "insp.yaml"]) == 0  # untouched
    text = Path("insp.yaml").read_text(encoding="utf-8")
    corrected = text.replace("kind: joint", "kind: force inspection  # corrected by hand")
    Path("insp.yaml").write_text(corrected, encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "page.txt", "--inspection", "-o", "insp.yaml"]) == 1
    assert "insp.yaml exists and peeldocs did not write it, or it has been changed since" in \
        capsys.readouterr().err
    assert Path("insp.yaml").read_text(encoding="utf-8") == corrected
    assert main(["import", "page.txt", "--inspection", "-o", "insp.yaml", "--overwrite"]) == 0


def test_register_mistakes_name_the_file_and_what_to_do(
        exported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["register", "examples/constructed-thematic-inspection.yaml", "--quiet"]) == 1
    assert ("examples/constructed-thematic-inspection.yaml: this is an inspection file, not an "
            "action plan; make its plan with 'peeldocs actions init") in capsys.readouterr().err
    Path("lost-plan.yaml").write_text(
        Path("plan.yaml").read_text(encoding="utf-8").replace(
            "report: data/norfolk-2018-effectiveness.yaml", "report: data/gone.yaml"),
        encoding="utf-8")
    assert main(["register", "lost-plan.yaml", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("lost-plan.yaml:") and "'data/gone.yaml' was not found" in err
    Path("a-file").write_text("not a folder", encoding="utf-8")
    assert main(["register", "plan.yaml", "--as-of", "2024-10-15", "--format", "csv",
                 "--out", "a-file/sub", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "cannot write a-file/sub: part of the path is a file, not a folder" in err


def test_no_ref_column_breaks_a_word(exported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'R1 recommendation' once printed as 'R1 recommen / dation' in narrow Ref columns."""
    from datetime import datetime

    import pypdf

    import peeldocs

    _edit(exported, "R2", Current_target=datetime(2025, 2, 28), Reason_for_new_target="Moved.")
    assert main(["actions", "import", str(exported)]) == 0
    reg = peeldocs.register(["plan.yaml", "thematic-plan.yaml"], as_of="2025-01-15",
                            since=exported)
    paths = peeldocs.write_register(reg, "pdf", "a", document="register")
    paths += peeldocs.write_register(reg, "pdf", "b", document="update")
    for path in paths:
        text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
        # a word broken in a narrow column reads "recommen"; "recommends" is a whole word
        assert not re.search(r"recommen(?!dation|ds)", text), path


def test_the_paper_does_not_claim_reasons_or_owners_that_are_not_recorded(
        exported: Path) -> None:
    """E2-AFI-2 is overdue with no update, owner or reason: the paper must not say the
    overdue actions all have reasons, or that every item has an owner and target dates."""
    import re

    import peeldocs

    reg = peeldocs.register(["plan.yaml", "thematic-plan.yaml"], as_of="2024-10-15")
    explained = sum(1 for e in reg.overdue if e.latest or e.state.item.target_reason)
    assert 0 < explained < len(reg.overdue)
    [html] = peeldocs.write_register(reg, "html", "paper", document="update")
    text = " ".join(re.sub(r"<[^>]+>", " ", html.read_text(encoding="utf-8")).split())
    # counted once, in section 6; then the asks the data supports
    assert "in particular the overdue findings; (b) require a recovery date" in text  # read 34
    assert "; (c) name an owner" in text
    # each count said once: those with an update (all old), then the others (editorial read 11)
    said = peeldocs.prose.count_words(explained)
    assert (f"{said[:1].upper()}{said[1:]} of them have a recorded update, and in each case the "
            "latest is more than a quarter (90 days) old") in text
    others = len(reg.overdue) - explained
    assert ("No update or reason is recorded for the other "
            f"{'one' if others == 1 else peeldocs.prose.count_words(others)}.") in text
    assert "of them. The latest update of" not in text
    assert "the reasons given for them" not in text
    assert "each with an owner, a lead, target dates" not in text
    assert "where any of these has not been set, this paper says so" in text


def test_an_inspection_whose_items_were_not_read_is_not_totalled_as_none(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    import peeldocs

    monkeypatch.chdir(tmp_path)
    Path("page.txt").write_text("A constructed inspection (constructed example)\n\nPublished on 1 "
                                "May 2024\n\nThis inspection looked at things.\n", encoding="utf-8")
    assert main(["import", "page.txt", "--inspection", "national-thematic", "-o", "i.yaml"]) == 0
    assert main(["actions", "init", "i.yaml", "-o", "plan.yaml"]) == 0
    reg = peeldocs.register(["plan.yaml"], as_of="2024-06-01")
    [paper] = peeldocs.write_register(reg, "docx", "out", document="update")
    table = next(t for t in docx.Document(str(paper)).tables if t.rows[0].cells[0].text ==
                 "Inspection")
    assert table.rows[1].cells[-1].text == "not read"


def test_since_a_date_never_says_an_item_re_dated_from_before_it_became_overdue(
        exported: Path) -> None:
    """R2 was due 30 September 2024 and moved to 31 October: on 1 October it may already have
    been overdue, so a paper since that date cannot say it became overdue in the quarter."""
    from datetime import date

    import peeldocs

    text = Path("thematic-plan.yaml").read_text(encoding="utf-8")
    old = "    original_target: '2024-12-31'\n    current_target: '2024-12-31'\n"
    assert text.count(old) == 1
    Path("thematic-plan.yaml").write_text(text.replace(
        old, "    original_target: '2024-09-30'\n    current_target: '2024-10-31'\n"
             "    target_reason: Constructed reason.\n"), encoding="utf-8")
    reg = peeldocs.register(["thematic-plan.yaml"], as_of="2024-11-15", since=date(2024, 10, 1))
    r2 = next(e for e in reg.entries if e.state.item.finding == "R2")
    assert r2.state.overdue
    assert reg.changes is not None and r2 not in reg.changes.newly_overdue
    later = peeldocs.register(["thematic-plan.yaml"], as_of="2024-11-15",
                              since=date(2024, 9, 15))  # both targets after: it did
    assert later.changes is not None
    assert "R2" in [e.state.item.finding for e in later.changes.newly_overdue]


@pytest.mark.parametrize("typed", ["Yes", "null", "ACC O’Brien: crime # lead", "Line one\nLine two"])
def test_whatever_an_owner_types_is_kept_as_typed(
        exported: Path, capsys: pytest.CaptureFixture[str], typed: str) -> None:
    """A plan must read back exactly the text typed: 'Yes' once failed the import ('expected
    text, got true/false ... put it in quotes', which no one can do in Excel)."""
    import yaml

    _edit(exported, "E2-AFI-2", Owner=typed, New_update=typed)
    assert main(["actions", "import", str(exported)]) == 0, capsys.readouterr().err
    item = next(i for i in yaml.safe_load(Path("plan.yaml").read_text(encoding="utf-8"))["items"]
                if i["finding"] == "E2-AFI-2")
    assert item["owner"] == typed and item["updates"][-1]["text"] == typed


def test_what_the_workbook_holds_that_is_not_imported_is_said(
        exported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An owner's own 'Notes' column and a deleted row: other edits are taken, and the owner is
    told that the notes were not imported and that deleting a row removed nothing."""
    import openpyxl

    book = openpyxl.load_workbook(exported)
    ws = book["Register"]
    ws.protection.sheet = False
    heads = {c.value: c.column for c in ws[2]}
    gone = next(r for r in range(3, ws.max_row + 1)
                if ws.cell(r, heads["Ref"]).value == "E2-AFI-3")
    ws.delete_rows(gone)
    notes = ws.max_column + 1
    ws.cell(2, notes).value = "Notes"
    ws.cell(3, notes).value = "Constructed note: chase the lead"
    book.save(exported)
    _edit(exported, "E2-AFI-2", Owner="T/ACC Example (constructed)")
    assert main(["actions", "import", str(exported)]) == 0
    err = capsys.readouterr().err
    from openpyxl.utils import get_column_letter

    assert (f"Register!{get_column_letter(notes)}2: the column 'Notes' is not one peeldocs "
            "reads; what it holds was not imported") in err
    assert "E2-AFI-3 of plan.yaml is no longer in the workbook (a deleted row): its item in " \
           "the plan is unchanged" in err
    assert "plan.yaml: updated" in err


def test_lettered_sub_points_are_read_and_an_item_left_without_its_points_is_named() -> None:
    page = ("A constructed custody inspection (constructed example)\n\nPublished on 2 February "
            "2024\n\nRecommendations\n\nRecommendation 1: By 31 July 2024, the force should:\n"
            "a) review the use of force in custody;\nb) make sure detainees are offered legal "
            "advice; and\nc) record every strip search.\n\nRecommendation 2: The force should:\n\n"
            "Table 3: Constructed strip search figures\n")
    got = read_inspection(page)
    r1, r2 = got.inspection.items
    assert r1.points == ("review the use of force in custody;",
                         "make sure detainees are offered legal advice; and",
                         "record every strip search.")
    assert r2.points == () and got.unplaced == ("Table 3: Constructed strip search figures",)


def test_a_list_of_unnumbered_paragraphs_is_read_item_by_item() -> None:
    """Every other paragraph was dropped: the second closed the first and was lost."""
    page = ("A constructed thematic inspection of vetting (constructed example)\n\nPublished on "
            "2 November 2022\n\nRecommendations\n\nBy 31 March 2023, chief constables should "
            "review how vetting decisions are recorded.\n\nBy 30 June 2023, the College of "
            "Policing should update its code.\n\nChief constables should make sure that vetting "
            "reviews take place every ten years.\n\nThis should include contractors.\n\n"
            "Areas for improvement\n\nForces should improve how they share vetting information."
            "\n\nForces should monitor vetting decisions for disproportionality.\n")
    got = read_inspection(page)
    assert [i.id for i in got.inspection.items] == ["R1", "R2", "R3", "AFI1", "AFI2"]
    assert got.inspection.items[4].text == ("Forces should monitor vetting decisions for "
                                            "disproportionality.")
    assert got.unplaced == ("This should include contractors.",)  # named, to be checked


def test_an_unknown_addressee_is_named_with_its_inspection(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With several inspections 'Whom R2 is addressed to' does not say which R2."""
    import docx

    import peeldocs

    monkeypatch.chdir(tmp_path)
    plans = _two_inspections_with_one_title(tmp_path)
    Path("may.yaml").write_text(Path("may.yaml").read_text(encoding="utf-8").replace(
        "addressed_to: this force,\n   text: The force should improve its audits.",
        "addressed_to: unknown,\n   text: Audits should improve."), encoding="utf-8")
    reg = peeldocs.register(plans, as_of="2024-06-01")
    [paper] = peeldocs.write_register(reg, "docx", "out", document="update")
    # a date's words are joined by no-break spaces (read 24-B): a space to a reader
    text = "\n".join(p.text.replace("\u00a0", " ") for p in docx.Document(str(paper)).paragraphs)
    assert ("Whom AFI2 of “Exampleshire Constabulary: revisit letter (constructed example) "
            "(published 3 May 2024)” is addressed to was not read") in text


def test_progress_typed_into_a_column_the_register_works_out_is_refused_not_lost(
        exported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'Latest update' is shown, not imported: progress typed there (the sheet unprotected) was
    dropped without a word."""
    row = _edit(exported, "E2-AFI-1", Latest_update="Constructed: my progress, typed here")
    err = _import_refused(exported, capsys)
    assert (f"Register!T{row}: this column shows the latest update recorded and cannot be "
            "changed here; write progress in 'New update'") in err
    capsys.readouterr()
    row = _edit(exported, "E2-AFI-1", Latest_update=None, Days_overdue=0)
    err = _import_refused(exported, capsys)
    assert f"Register!R{row}: this column is worked out from the plan" in err
