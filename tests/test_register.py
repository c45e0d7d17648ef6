"""The register of every inspection's recommendations: inspections as data, plans for them,
counts, overdue first, and what changed since an earlier register or date."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

import peeldocs
from peeldocs.cli import main
from peeldocs.plans.inspection import Addressee, InspectionItem, InspectionKind, ItemKind
from peeldocs.plans.inspection_files import dump_inspection, parse_inspection
from peeldocs.plans.inspection_reader import read_inspection
from peeldocs.plans.register import Register

ROOT = Path(__file__).resolve().parent.parent
THEMATIC_TEXT = ROOT / "examples" / "constructed-thematic-inspection.txt"
NORFOLK_PLAN = ROOT / "examples" / "norfolk-2018-action-plan.yaml"
NORFOLK = ROOT / "data" / "norfolk-2018-effectiveness.yaml"


def _status_counts(reg: Register) -> dict[str, int]:
    return {s.value: n for s, n in reg.by_status().items()}


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture[str]) -> Path:
    """Norfolk's plan and a thematic inspection imported from its text, its plan filled in."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "norfolk.yaml").write_bytes(NORFOLK.read_bytes())
    plan = NORFOLK_PLAN.read_text(encoding="utf-8").replace(
        "report: data/norfolk-2018-effectiveness.yaml", "report: norfolk.yaml")
    (tmp_path / "norfolk-plan.yaml").write_text(plan, encoding="utf-8")
    assert main(["import", str(THEMATIC_TEXT), "--inspection", "-o", "thematic.yaml"]) == 0
    assert main(["actions", "init", "thematic.yaml", "-o", "thematic-plan.yaml"]) == 0
    text = Path("thematic-plan.yaml").read_text(encoding="utf-8")
    # the force fills in its plan: R1 in progress, AFI1 closed; R3's target moved with a reason
    text = text.replace("- finding: R1\n    status: awaiting allocation",
                        "- finding: R1\n    status: in progress")
    text = text.replace("- finding: AFI1\n    status: awaiting allocation",
                        "- finding: AFI1\n    status: closed\n    closed_on: 2024-08-20")
    Path("thematic-plan.yaml").write_text(text, encoding="utf-8")
    capsys.readouterr()
    return tmp_path


def test_the_thematic_text_is_read_verbatim_with_addressees_and_deadlines() -> None:
    insp = read_inspection(THEMATIC_TEXT.read_text(encoding="utf-8")).inspection
    assert insp.kind is InspectionKind.NATIONAL_THEMATIC and insp.published == date(2024, 3, 14)
    assert insp.illustrative  # its title says it is constructed
    got = {i.id: (i.kind.value, i.addressed_to, i.deadline) for i in insp.items}
    assert got == {
        "R1": ("recommendation", Addressee.ALL_FORCES, "By 30 September 2024"),
        "R2": ("recommendation", Addressee.CHIEF_CONSTABLES_AND_PCCS, "By 31 December 2024"),
        "R3": ("recommendation", Addressee.ALL_FORCES, "Within six months"),
        "R4": ("recommendation", Addressee.ANOTHER_BODY, "by 31 March 2025"),
        "AFI1": ("area for improvement", Addressee.ALL_FORCES, None),
        "AFI2": ("area for improvement", Addressee.ANOTHER_BODY, None),
    }
    r3 = next(i for i in insp.items if i.id == "R3")
    assert r3.points == ("review how risk is graded when a child goes missing;",
                         "train call handlers in the revised grading; and",
                         "publish the revised policy.")
    assert [i.id for i in insp.not_tracked] == ["R4", "AFI2"]
    assert insp.items[3].addressee == "The College of Policing"


def test_what_is_not_read_stays_unknown() -> None:
    page = ("Joint inspection of something\n\nSome introduction without a date.\n\n"
            "Recommendation 1\n\nImprove the quality of investigations.\n\n"
            "Cause of concern\n\nThe force does not understand its demand.\n")
    result = read_inspection(page)
    insp = result.inspection
    assert insp.kind is InspectionKind.JOINT and insp.published is None
    assert [(i.id, i.addressed_to) for i in insp.items] == [
        ("R1", Addressee.UNKNOWN), ("CoC1", Addressee.UNKNOWN)]
    assert any("publication date" in n for n in result.notes)
    assert any("R1, CoC1" in n and "not read" in n for n in result.notes)
    nothing = read_inspection("A letter about custody\n\nWe visited in May.\n")
    assert not nothing.inspection.items_read and nothing.inspection.kind is InspectionKind.UNKNOWN
    assert "items_read: false" in dump_inspection(nothing.inspection)


def test_deadlines_in_the_wordings_the_peel_reader_knows() -> None:
    from peeldocs.model.deadlines import DeadlineKind, parse_deadline
    from peeldocs.plans.inspection_reader import deadline_of

    for text, worded in [("Immediately, the force should stop.", "Immediately"),
                         ("Within 3 months of publication, forces should act.",
                          "Within 3 months of publication"),
                         ("The force should act by the end of March 2025.",
                          "by the end of March 2025"),
                         ("No later than 1 April 2025, chief constables should act.",
                          "No later than 1 April 2025"),
                         ("Chief constables should, within six months of the publication of "
                          "this report, act.",
                          "within six months of the publication of this report")]:
        assert deadline_of(text) == worded
        assert parse_deadline(worded).kind is not DeadlineKind.UNREAD


def test_inspection_files_are_checked_with_located_errors() -> None:
    text = ("title: T\nkind: thematic\nitems:\n"
            "- {id: R1, kind: recommendation, text: Do it.}\n"
            "- {id: R1, kind: recommendation, text: Again.}\n"
            "- {id: R2, kind: recommendation, text: Them., addressed_to: another body}\n")
    with pytest.raises(peeldocs.DataError) as caught:
        parse_inspection(text, "t.yaml")
    messages = [str(p) for p in caught.value.problems]
    assert any(m.startswith("t.yaml:2: kind:") for m in messages)
    assert any(m.startswith("t.yaml:5: items[1].id: duplicate id 'R1' (first at line 4)")
               for m in messages)
    assert any(m.startswith("t.yaml:6: items[2].addressed_to:") and "addressee" in m
               for m in messages)


def test_actions_init_tracks_only_the_forces_items_and_merges_losslessly(workspace: Path) -> None:
    plan = peeldocs.load_plan("thematic-plan.yaml", peeldocs.load_inspection("thematic.yaml"),
                              as_of=date(2024, 10, 15))
    assert [i.finding for i in plan.items] == ["R1", "R2", "R3", "AFI1"]
    r3 = plan.item("R3")
    assert r3.original_target == date(2024, 9, 14)  # six months from 14 March 2024
    assert plan.item("R1").current_target == date(2024, 9, 30)
    before = Path("thematic-plan.yaml").read_bytes()
    assert main(["actions", "init", "thematic.yaml", "-o", "thematic-plan.yaml"]) == 0
    assert Path("thematic-plan.yaml").read_bytes() == before  # nothing new: not rewritten
    insp = peeldocs.load_inspection("thematic.yaml")  # a corrected inspection: one more item
    more = InspectionItem("R5", ItemKind.RECOMMENDATION, "Chief constables should do more.",
                          Addressee.ALL_FORCES)
    Path("thematic.yaml").write_text(dump_inspection(dataclasses.replace(
        insp, items=(*insp.items, more))), encoding="utf-8")
    assert main(["actions", "init", "thematic.yaml", "-o", "thematic-plan.yaml"]) == 0
    after = Path("thematic-plan.yaml").read_bytes()
    assert after.startswith(before) and b"finding: R5" in after[len(before):]


def test_register_counts_each_status_and_lists_overdue_first(workspace: Path) -> None:
    reg = peeldocs.register(["norfolk-plan.yaml", "thematic-plan.yaml"], as_of="2024-10-15")
    # Norfolk: 1 awaiting, 2 in progress, 1 closed; thematic: R1 in progress, R2 and R3
    # awaiting allocation, AFI1 closed
    assert _status_counts(reg) == {"awaiting allocation": 3, "in progress": 3,
                                   "pending sign-off": 0, "closed": 2}
    overdue = [e.state.item.finding for e in reg.overdue]
    assert set(overdue) == {"E-2017-AFI-1", "E2-AFI-1", "E2-AFI-2", "R1", "R3"}
    assert [e.state.item.finding for e in reg.entries][:len(overdue)] == overdue
    days = [e.state.days_overdue for e in reg.overdue]
    assert days == sorted(days, reverse=True)
    assert reg.entries[len(overdue)].state.item.finding == "R2"  # not yet due
    by_inspection = reg.by_inspection()
    assert sum(by_inspection[next(t for t in by_inspection if "missing person" in t)].values()) == 4
    assert {line.title: len(line.not_tracked) for line in reg.inspections}[
        next(t for t in by_inspection if "missing person" in t)] == 2


def test_since_an_earlier_register_names_what_closed_and_what_slipped(workspace: Path) -> None:
    assert main(["register", "norfolk-plan.yaml", "thematic-plan.yaml", "--as-of", "2024-07-01",
                 "--format", "csv", "--out", "q1", "--quiet"]) == 0
    text = Path("thematic-plan.yaml").read_text(encoding="utf-8")
    text = text.replace("- finding: R2\n    status: awaiting allocation",
                        "- finding: R2\n    status: closed\n    closed_on: 2024-09-01")
    text = text.replace("    current_target: '2024-09-14'",
                        "    current_target: '2024-12-20'\n"
                        "    target_reason: Training slots moved to November.", 1)
    Path("thematic-plan.yaml").write_text(text, encoding="utf-8")
    reg = peeldocs.register(["norfolk-plan.yaml", "thematic-plan.yaml"], as_of="2024-10-15",
                            since="q1/register.csv")
    changes = reg.changes
    assert changes is not None and changes.since == date(2024, 7, 1)
    assert {e.state.item.finding for e in changes.closed} == {"R2"}
    (moved,) = changes.redated
    assert (moved.entry.state.item.finding, moved.before, moved.reason) == (
        "R3", date(2024, 9, 14), "Training slots moved to November.")
    assert {e.state.item.finding for e in changes.newly_overdue} == {"R1"}
    assert changes.added == () and changes.removed == ()
    pack = peeldocs.register_pack(reg, "update")
    text = " ".join(str(b) for b in pack.blocks())
    assert "Closed since the register as of 1 July 2024" in text
    assert "Training slots moved to November." in text


def test_since_a_date_says_what_a_date_cannot_tell(workspace: Path) -> None:
    reg = peeldocs.register(["norfolk-plan.yaml", "thematic-plan.yaml"], as_of="2024-10-15",
                            since=date(2024, 7, 1))
    assert reg.changes is not None and not reg.changes.redating_known
    assert {e.state.item.finding for e in reg.changes.newly_overdue} == {"R1", "R3"}
    assert not reg.changes.added_known  # the Norfolk data has no publication date
    paper = " ".join(str(b) for b in peeldocs.register_pack(reg, "update").blocks())
    assert "cannot be told from the plans alone" in paper


def test_register_csv_neutralises_cells_a_spreadsheet_would_evaluate(workspace: Path) -> None:
    text = Path("thematic-plan.yaml").read_text(encoding="utf-8").replace(
        "- finding: R1\n    status: in progress\n    actions: []\n    owner:\n    lead:",
        "- finding: R1\n    status: in progress\n    actions: []\n"
        "    owner: '=HYPERLINK(\"http://x\",\"y\")'\n    lead: '@SUM(1)'")
    Path("thematic-plan.yaml").write_text(text, encoding="utf-8")
    assert main(["register", "thematic-plan.yaml", "--as-of", "2024-10-15", "--format", "csv",
                 "--out", "out", "--quiet"]) == 0
    rows = list(csv.DictReader(io.StringIO(Path("out/register.csv").read_text("utf-8"))))
    r1 = next(r for r in rows if r["finding"] == "R1")
    assert r1["owner"] == "'=HYPERLINK(\"http://x\",\"y\")" and r1["lead"] == "'@SUM(1)"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    # read back as an earlier register, the text is as the plan has it
    from peeldocs.plans.register_files import read_earlier

    earlier, _ = read_earlier("out/register.csv")
    assert earlier["thematic-plan.yaml#R1"]["owner"] == "=HYPERLINK(\"http://x\",\"y\")"


def test_a_plan_that_names_no_report_is_refused_with_its_file(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plan.yaml").write_text("items: []\n", encoding="utf-8")
    assert main(["register", str(tmp_path / "plan.yaml"), "--out", str(tmp_path / "o")]) == 1
    assert "plan.yaml" in capsys.readouterr().err and not (tmp_path / "o").exists()
    assert main(["register", str(tmp_path / "plan.yaml"), "--since", "nowhere.csv"]) == 2


def test_the_shipped_examples_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("data", "examples"):
        shutil.copytree(ROOT / name, tmp_path / name)
    imported = read_inspection(THEMATIC_TEXT.read_text(encoding="utf-8")).inspection
    assert peeldocs.load_inspection("examples/constructed-thematic-inspection.yaml") == imported
    reg = peeldocs.register(["examples/norfolk-2018-action-plan.yaml",
                             "examples/constructed-thematic-action-plan.yaml"], as_of="2024-10-15")
    assert reg.illustrative and len(reg.entries) == 8


def test_an_inspection_whose_items_were_not_read_is_said_so(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("letter.txt").write_text("A revisit letter about custody\n\nWe visited in May.\n",
                                  encoding="utf-8")
    assert main(["import", "letter.txt", "--inspection", "-o", "letter.yaml"]) == 0
    header = Path("letter.yaml").read_text(encoding="utf-8").splitlines()[1]
    assert "not read, so unknown: the publication date; the items" in header
    assert main(["actions", "init", "letter.yaml", "-o", "letter-plan.yaml"]) == 0
    reg = peeldocs.register(["letter-plan.yaml"], as_of="2024-10-15")
    assert reg.entries == () and not reg.inspections[0].items_read
    html = peeldocs.render(peeldocs.register_pack(reg, "update"), "html").decode("utf-8")
    assert "were not found in the text imported, so none of them is tracked here" in html
    assert "tracks no findings" in html


def test_a_saved_html_page_with_listed_recommendations() -> None:
    page = ("<!doctype html><html><body><nav>Home</nav><h1>A joint thematic inspection of "
            "custody (constructed)</h1><p>Published on: 3 June 2024</p>"
            "<h2>Recommendations</h2><ol>"
            "<li>By 31 December 2024, chief constables should review custody staffing.</li>"
            "<li>The Home Office should publish the data:<ul><li>by force;</li>"
            "<li>by quarter.</li></ul></li></ol>"
            "<h2>Areas for improvement</h2><p>Area for improvement 1: Forces should record "
            "strip searches consistently.</p></body></html>")
    insp = read_inspection(page).inspection
    assert insp.title == "A joint thematic inspection of custody (constructed)"
    assert insp.kind is InspectionKind.JOINT and insp.published == date(2024, 6, 3)
    got = [(i.id, i.number, i.addressed_to, i.deadline, i.points) for i in insp.items]
    assert got == [
        ("R1", None, Addressee.ALL_FORCES, "By 31 December 2024", ()),
        ("R2", None, Addressee.ANOTHER_BODY, None, ("by force;", "by quarter.")),
        ("AFI1", "1", Addressee.ALL_FORCES, None, ()),
    ]


def test_since_names_what_was_added_and_what_is_gone(workspace: Path) -> None:
    assert main(["register", "norfolk-plan.yaml", "--as-of", "2024-07-01", "--format", "csv",
                 "--out", "q1", "--quiet"]) == 0
    earlier = Path("q1/register.csv").read_text(encoding="utf-8")
    gone = earlier.splitlines()[1].replace("norfolk-plan.yaml", "old-plan.yaml", 1)
    Path("q1/register.csv").write_text(earlier + gone + "\n", encoding="utf-8")
    reg = peeldocs.register(["norfolk-plan.yaml", "thematic-plan.yaml"], as_of="2024-10-15",
                            since="q1/register.csv")
    assert reg.changes is not None
    assert [e.state.item.finding for e in reg.changes.added] == ["R3", "R1", "R2", "AFI1"]
    assert reg.changes.removed == ("old-plan.yaml#E-2017-AFI-1",)
    html = re.sub(r"<[^>]+>", "", peeldocs.render(peeldocs.register_pack(reg, "register"),
                                                  "html").decode("utf-8"))
    assert "Added since the register as of 1 July 2024" in html
    assert "No longer in the plans given, though in the register as of 1 July 2024: " \
           "old-plan.yaml: E-2017-AFI-1." in html


def test_validate_checks_inspection_files_and_says_what_is_unknown(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = ROOT / "examples" / "constructed-thematic-inspection.yaml"
    assert main(["validate", str(good)]) == 0
    partial = tmp_path / "letter.yaml"
    partial.write_text("title: A letter\nkind: revisit letter\nitems_read: false\n",
                       encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: T\nkind: joint\nitems:\n- {id: R1, kind: advice, text: x}\n",
                   encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", str(partial), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "letter.yaml: items: unknown: the items were not read" in err
    assert "bad.yaml:4: items[0].kind:" in err
    assert "0 valid, 1 invalid, 1 with unknown facts" in err


def test_copied_text_with_breadcrumbs_and_no_blank_lines() -> None:
    page = ("Home\nPublications › Thematic\nAn inspection of things (constructed)\n"
            "Published on: 2 May 2024\nRecommendations\n1. Chief constables should act.\n"
            "2. Within 3 months, the force should report.\n")
    result = read_inspection(page)
    insp = result.inspection
    assert insp.title == "An inspection of things (constructed)"
    assert [(i.id, i.addressed_to, i.deadline) for i in insp.items] == [
        ("R1", Addressee.ALL_FORCES, None), ("R2", Addressee.THIS_FORCE, "Within 3 months")]
    assert sum("page furniture" in n for n in result.notes) == 2


def test_an_introduction_before_the_list_does_not_end_it() -> None:
    page = ("An inspection of things (constructed)\n\nRecommendations\n\n"
            "We make the following recommendations:\n\n"
            "1. Chief constables should act.\n\n2. The force should report.\n")
    insp = read_inspection(page).inspection
    assert [i.id for i in insp.items] == ["R1", "R2"]


def test_actions_status_csv_neutralises_formula_like_cells(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(NORFOLK_PLAN.read_text(encoding="utf-8").replace(
        "owner: Example ACC (illustrative)", "owner: '+44 1603 000000'", 1), encoding="utf-8")
    assert main(["actions", "status", str(plan), "--report", str(NORFOLK), "--as-of",
                 "2019-10-15", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert "'+44 1603 000000" in {r["owner"] for r in rows}
