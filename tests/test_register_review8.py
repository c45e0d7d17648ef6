"""What the eighth editorial read (8-C) found in the register, its workbook, the update paper
and the comparison.

The update paper says what the marks in its quotations mean (once, and only when
one is marked), carries the register's audit point, drafts the asks its data
supports, and has a protective marking row (a placeholder when none was asked
for, never an invented marking); the register says what it covers before what
stands out; the workbook lets owners record a sign-off, says where the actions
and evidence are changed, keeps the Ref in view and leaves 'Days overdue' blank
when an item is not overdue; the comparison says each one-cycle judgment once,
lists its contents as its headings are (unnumbered), and sets outstanding apart
from good.  Asserted on what a reader gets, in every format.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
import yaml
from docread import REVIEW_PLANS, reader_text
from openpyxl.utils import get_column_letter

import peeldocs
from peeldocs.blocks import Tone
from peeldocs.cli import main
from peeldocs.theme import contrast_ratio, default_theme

FORMATS = ("pdf", "docx", "html")
ROOT = Path(__file__).resolve().parent.parent
MARKS = ("Words in square brackets are added in quoting, or replace the report’s own words; an ellipsis "
         "marks words left out.")
AUDIT = ("No evidence reference is recorded for the closure of an area for improvement from the "
         "national thematic inspection (AFI1); one is needed so that the closure can be audited.")
STILL = ("As in the register as of 15 October 2024, no evidence reference is recorded for the "
         "closure of an area for improvement from the national thematic inspection (AFI1); one is "
         "needed so that the closure can be audited.")
"""The paper says the register's audit point as still so: AFI1 closed before the last register."""


@pytest.fixture(scope="module")
def texts(register_texts: dict[str, str]) -> dict[str, str]:
    """What a reader gets from each document in each format (conftest's register_texts)."""
    return register_texts


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_update_paper_says_once_what_its_quotation_marks_mean(texts: dict[str, str],
                                                                 fmt: str) -> None:
    update = texts[f"update.{fmt}"]
    assert "[The area for improvement] was to ensure that [the force]" in update
    assert update.count(MARKS) == 1
    # with how the findings are quoted, under "Source and licence"
    assert ("Finding text is quoted verbatim from HMICFRS reports. " + MARKS) in update


def test_a_paper_whose_quotations_are_unmarked_says_nothing_of_marks(tmp_path: Path) -> None:
    # the thematic plan alone: its overdue R1 and the commissioner's R2 are one sentence each,
    # quoted whole, and none is carried forward from mid-passage
    reg = peeldocs.register(REVIEW_PLANS[1:], as_of="2024-10-15")
    assert [e.state.item.finding for e in reg.overdue] == ["R1"]
    for path in peeldocs.write_register(reg, "pdf,html", tmp_path, document="update"):
        text = reader_text(path)
        assert "square brackets" not in text and "ellipsis" not in text, path


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_update_paper_carries_the_registers_audit_point(texts: dict[str, str],
                                                           fmt: str) -> None:
    update, register = texts[f"update.{fmt}"], texts[f"register.{fmt}"]
    assert AUDIT in register
    # said once, in "Where the actions stand", as still so since the last register, not as news
    assert AUDIT not in update and update.count(STILL) == 1
    assert update.index("4. Where the actions stand") < update.index(STILL) < \
        update.index("5. Since the last update")
    assert f"4.4 {STILL}" in update


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_papers_background_speaks_of_the_register_not_as_it(texts: dict[str, str],
                                                                 fmt: str) -> None:
    update = texts[f"update.{fmt}"]
    assert "3.2 The register records every item being answered" in update
    assert "This register records" not in update


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_recommendation_drafts_the_asks_the_data_supports(texts: dict[str, str],
                                                              fmt: str) -> None:
    update = texts[f"update.{fmt}"]
    # read 24-X: each ask an item of its own, lettered, so each can be minuted
    assert ("2.1 The chief officer group is asked to: (a) note the position set out in this "
            "paper, in particular the overdue findings; (b) require a recovery date and an "
            "update for the three recommendations past HMICFRS’s own deadlines (R3’s passed on "
            "14 September 2024, R1’s on 30 September 2024 and R2’s on 31 December 2024); "
            "(c) name an owner for the two findings "
            "that have none (E2-AFI-2 and R2), agreeing with the office of the Police and Crime "
            "Commissioner who leads R2, which is addressed to police and crime commissioners as "
            "well as chief constables; (d) decide whether the three areas for improvement with "
            "no progress reported for more than five years (E-2017-AFI-1, E2-AFI-1 and "
            "E2-AFI-2; E2-AFI-2 has had none at all) are still live, or have been overtaken by "
            "later inspections; and (e) {to be completed: any further decision it is asked to "
            "make}.") in update  # (b): read 34, the recommendations past HMICFRS's deadlines
    assert "Paragraph 2.1(e): any further decision it is asked to make" in update


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_marking_asked_for_is_a_placeholder_never_a_made_up_marking(texts: dict[str, str],
                                                                       fmt: str) -> None:
    for doc in ("register", "update"):
        text = texts[f"{doc}.{fmt}"]
        assert "Protective marking {to be completed: the marking, such as OFFICIAL}" in text
        # listed to complete, by the row's label every format shows
        assert "In the table at the top, “Protective marking”: the marking, such as OFFICIAL" \
            in text
        assert not re.search(r"Protective marking (OFFICIAL|SECRET|TOP)", text)


def test_a_marking_asked_for_is_shown_and_not_asked_for(tmp_path: Path) -> None:
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    options = peeldocs.Options(marking="OFFICIAL-SENSITIVE")
    for document in ("register", "update"):
        for path in peeldocs.write_register(reg, "pdf,docx,html", tmp_path / document,
                                            document=document, options=options):
            text = reader_text(path)
            assert "the marking, such as OFFICIAL" not in text, path
            if path.suffix == ".docx":  # the page header carries it, as in the other formats
                text += " ".join(p.text for section in docx.Document(str(path)).sections
                                 for p in section.header.paragraphs)
            assert "OFFICIAL-SENSITIVE" in text, path
            if document == "update":
                assert "Protective marking OFFICIAL-SENSITIVE" in text, path


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_register_says_what_stands_out_before_what_it_covers(texts: dict[str, str],
                                                                 fmt: str) -> None:
    register = texts[f"register.{fmt}"]  # what matters most leads (read 33)
    scope = register.index("This register tracks every finding in two action plans: ")
    assert register.index("Three areas for improvement from the PEEL inspection") < \
        register.index(AUDIT) < scope < register.index("Where the actions stand")


def test_the_register_html_captions_say_latest_update(register_review: Path) -> None:
    html = (register_review / "register" / "register.html").read_text(encoding="utf-8")
    captions = re.findall(r"<caption[^>]*>(.*?)</caption>", html, flags=re.S)
    assert any("the date of the latest update" in c for c in captions)  # its words: once
    assert any("owner, target and latest update" in c for c in captions)
    assert "latest word" not in html


def _columns(ws: object) -> dict[str, int]:
    return {c.value: c.column for c in ws[2]}  # type: ignore[index]  # row 1: the title


def _row(ws: object, ref: str) -> int:
    col = _columns(ws)["Ref"]
    return next(r for r in range(3, ws.max_row + 1)  # type: ignore[attr-defined]
                if ws.cell(r, col).value == ref)  # type: ignore[attr-defined]


def test_the_workbook_keeps_the_ref_in_view_and_days_overdue_blank(register_review: Path) -> None:
    # a formula since read 24-R: what it shows, stored with it, is read here
    ws = openpyxl.load_workbook(register_review / "register" / "register.xlsx",
                                data_only=True)["Register"]
    cols = _columns(ws)
    # frozen below the headings and right of the Ref: the Ref stays as the sheet scrolls
    assert ws.freeze_panes == f"{get_column_letter(cols['Ref'] + 1)}3"
    days = {ws.cell(_row(ws, ref), cols["Days overdue"]).value
            for ref in ("R2", "R3", "AFI1", "E2-AFI-3")}  # none overdue on 15 October 2024
    assert days == {None}
    assert ws.cell(_row(ws, "R1"), cols["Days overdue"]).value == 15
    assert ws.cell(_row(ws, "E-2017-AFI-1"), cols["Days overdue"]).value == 1842


def test_the_workbook_asks_only_for_what_it_can_take(register_review: Path) -> None:
    book = openpyxl.load_workbook(register_review / "register" / "register.xlsx")
    ws, about = book["Register"], book["About"]
    cols, r = _columns(ws), _row(ws, "AFI1")
    assert not ws.cell(r, cols["Signed off by"]).protection.locked  # a closure's sign-off
    for heading in ("Actions planned", "Evidence"):
        assert ws.cell(r, cols[heading]).protection.locked
    said = {about.cell(i, 1).value: about.cell(i, 2).value for i in range(1, about.max_row + 1)}
    assert "who signed off a closure in the white columns" in said["How to edit"]
    assert said["Actions, evidence"] == (
        "'Actions planned' and 'Evidence' are kept in the action plans: write a new action in "
        "'New action', or an evidence reference in 'New evidence', one to a line, and it is "
        "added when the file is returned; ask whoever keeps the register to change or remove "
        "one.")


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The two example plans with their report and inspection, in a fresh folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").mkdir()
    (tmp_path / "data").mkdir()
    for name in ("norfolk-2018-action-plan.yaml", "constructed-thematic-action-plan.yaml",
                 "constructed-thematic-inspection.yaml"):
        shutil.copy(ROOT / "examples" / name, tmp_path / "examples" / name)
    shutil.copy(ROOT / "data" / "norfolk-2018-effectiveness.yaml", tmp_path / "data")
    return tmp_path


def _export() -> Path:
    assert main(["register", *REVIEW_PLANS, "--as-of", "2024-10-15", "--format", "xlsx",
                 "--out", "out", "--quiet"]) == 0
    return Path("out/register.xlsx")


def test_a_sign_off_entered_in_the_workbook_is_imported(plans: Path) -> None:
    book = openpyxl.load_workbook(_export())
    ws = book["Register"]
    cols, r = _columns(ws), _row(ws, "R1")
    ws.cell(r, cols["Status"]).value = "closed"
    ws.cell(r, cols["Closed on"]).value = "14/10/2024"
    ws.cell(r, cols["Signed off by"]).value = "Example DCC (illustrative)"
    book.save("edited.xlsx")
    assert main(["actions", "import", "edited.xlsx"]) == 0
    insp = peeldocs.load_inspection("examples/constructed-thematic-inspection.yaml")
    item = peeldocs.load_plan("examples/constructed-thematic-action-plan.yaml", insp,
                              as_of=date.today()).item("R1")
    assert (item.status.value, item.closed_on, item.signed_off_by) == (
        "closed", date(2024, 10, 14), "Example DCC (illustrative)")


def test_asks_follow_the_data_and_none_is_drafted_without_it(plans: Path) -> None:
    # the Norfolk plan five months after its report: E2-AFI-2 has no owner, nothing is quiet
    # for more than a year, so only the owner is asked for
    reg = peeldocs.register(REVIEW_PLANS[:1], as_of="2019-10-15")
    [html] = peeldocs.write_register(reg, "html", "first", document="update")
    text = reader_text(html)
    assert ("; (b) name an owner for the area for improvement that has none (E2-AFI-2); and "
            "(c) {to be completed: any further decision it is asked to make}.") in text
    assert "decide whether" not in text
    # with an owner recorded for it, nothing is drafted: the author's placeholder alone
    plan = Path(REVIEW_PLANS[0])
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "  - finding: E2-AFI-2\n    status: awaiting allocation\n",
        "  - finding: E2-AFI-2\n    status: awaiting allocation\n"
        "    owner: Example Supt (illustrative)\n"), encoding="utf-8")
    owned = peeldocs.register(REVIEW_PLANS[:1], as_of="2019-10-15")
    assert all(e.state.item.owner for e in owned.entries)
    [html] = peeldocs.write_register(owned, "html", "second", document="update")
    text = reader_text(html)
    assert "name an owner" not in text and "decide whether" not in text
    assert ("in particular the overdue findings; and (b) {to be completed: any further decision "
            "it is asked to make}.") in text or ("in this paper; and (b) {to be completed: any "
                                                 "further decision it is asked to make}.") in text
    # five years on, the quiet ones are asked about, named from the data
    later = peeldocs.register(REVIEW_PLANS[:1], as_of="2024-10-15")
    [html] = peeldocs.write_register(later, "html", "third", document="update")
    assert ("(b) decide whether the three areas for improvement with no progress reported "
            "for more than five years (E-2017-AFI-1, E2-AFI-1 and E2-AFI-2; E2-AFI-2 has had "
            "none at all) are still live") in reader_text(html)  # read 33: named together


def test_an_edit_to_actions_or_evidence_is_refused_never_dropped(
        plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = openpyxl.load_workbook(_export())
    ws = book["Register"]
    ws.protection.sheet = False  # as an owner might, to type in a grey column
    cols = _columns(ws)
    where = {}
    for ref, heading, value in (("AFI1", "Evidence", "Example board minutes, item 4"),
                                ("R2", "Actions planned", "Example action")):
        ws.cell(_row(ws, ref), cols[heading]).value = value
        where[heading] = f"Register!{get_column_letter(cols[heading])}{_row(ws, ref)}"
    book.save("edited.xlsx")
    before = {p: Path(p).read_bytes() for p in REVIEW_PLANS}
    assert main(["actions", "import", "edited.xlsx"]) == 1
    err = capsys.readouterr().err
    for heading, cell in where.items():
        column = "New evidence" if heading == "Evidence" else "New action"
        assert (f"edited.xlsx: {cell}: this column lists what the plan file records and cannot "
                f"be changed here; add to it in '{column}', one to a line, or change it in the "
                "plan file") in err
    assert {p: Path(p).read_bytes() for p in REVIEW_PLANS} == before


def test_owners_add_actions_and_evidence_in_their_own_columns(
        plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Read 20-R: 'Actions planned' and 'Evidence' are locked, and the register flags exactly
    those gaps (no actions for E2-AFI-2 and R2, no evidence for AFI1): owners now write new
    ones in unlocked columns, one to a line, and the import adds them to the plan's lists."""
    book = openpyxl.load_workbook(_export())
    ws = book["Register"]
    cols = _columns(ws)
    for heading in ("New action", "New evidence"):
        assert not ws.cell(_row(ws, "R2"), cols[heading]).protection.locked, heading
    ws.cell(_row(ws, "R2"), cols["New action"]).value = (
        "Example: agree a joint return-interview service\n\nExample: audit ten returns")
    ws.cell(_row(ws, "AFI1"), cols["New evidence"]).value = "Example board minutes, item 4"
    # a line the item already holds is not added twice
    ws.cell(_row(ws, "E2-AFI-3"), cols["New evidence"]).value = \
        "example evidence reference (illustrative)"
    book.save("edited.xlsx")
    thematic, norfolk = (Path(p) for p in sorted(REVIEW_PLANS, key=lambda p: "norfolk" in p))
    norfolk_before = norfolk.read_bytes()
    assert main(["actions", "import", "edited.xlsx"]) == 0, capsys.readouterr().err
    assert norfolk.read_bytes() == norfolk_before  # nothing new for the Norfolk plan
    plan = {i["finding"]: i for i in yaml.safe_load(thematic.read_text())["items"]}
    assert plan["R2"]["actions"][-2:] == ["Example: agree a joint return-interview service",
                                          "Example: audit ten returns"]
    assert plan["AFI1"]["evidence"][-1] == "Example board minutes, item 4"
    # imported again, the same workbook adds nothing
    again = thematic.read_bytes()
    assert main(["actions", "import", "edited.xlsx"]) == 0
    assert thematic.read_bytes() == again
    # the register shows them, and About says where they are written
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    r2 = next(e for e in reg.entries if e.state.item.finding == "R2")
    assert "Example: audit ten returns" in r2.state.item.actions
    about = {r[0].value: r[1].value for r in book["About"].iter_rows(max_col=2)}
    assert "write a new action in 'New action'" in about["Actions, evidence"]


def test_the_comparison_contents_are_unnumbered_like_its_headings(tmp_path: Path) -> None:
    tables = sorted(str(p) for p in (ROOT / "tests" / "fixtures" / "compare").glob("*.csv"))
    assert main(["compare", *tables, str(ROOT / "data" / "norfolk-2018-effectiveness.yaml"),
                 "--focus", "Norfolk", "--format", "html", "--out", str(tmp_path),
                 "--quiet"]) == 0
    html = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    nav = re.search(r'<nav class="section contents".*?</nav>', html, flags=re.S)
    assert nav is not None
    assert "<ul>" in nav.group(0) and "<ol" not in nav.group(0)
    assert not re.search(r"<h[1-3][^>]*>\s*\d", html)  # and no heading is numbered
    text = reader_text(next(tmp_path.glob("*.html")))
    assert "Apart from" not in text
    # read 21-X: question 2's two grades side by side, the wording caveat a note
    assert "For the following, the data holds the 2018/19 entry only." in text
    assert "may be for a different question." in text  # read 35


def test_outstanding_is_set_apart_from_good_and_readable() -> None:
    tones = {tone: (fill, text) for tone, fill, text in default_theme().tones}
    outstanding, good = tones[Tone.OUTSTANDING], tones[Tone.GOOD]
    assert contrast_ratio(*outstanding) >= 4.5

    def rgb(colour: str) -> tuple[int, ...]:
        return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))

    # told apart at a glance: a different hue, not another dark green
    a, b = rgb(outstanding[0]), rgb(good[0])
    assert sum(abs(x - y) for x, y in zip(a, b, strict=True)) > 150
    assert a.index(max(a)) != 1  # green is not its strongest channel
