"""Action plans: seeding, merging without loss, the rules at their edges, errors, output."""

from __future__ import annotations

import csv
import dataclasses
import io
import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from test_loading_errors import expectations

import peeldocs
from peeldocs.cli import main
from peeldocs.errors import DataError
from peeldocs.model import Finding, Report
from peeldocs.options import Options
from peeldocs.plans.files import init_plan, load_plan, parse_plan
from peeldocs.plans.plan import ActionItem, ItemStatus, Plan, Rag, Update
from peeldocs.plans.rules import assess, assess_plan, summarise

AS_OF = date(2019, 10, 15)
EXAMPLE = ROOT / "examples" / "norfolk-2018-action-plan.yaml"


def test_init_writes_one_item_per_finding(norfolk: Report, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    result = init_plan(norfolk, path, "data/norfolk-2018-effectiveness.yaml")
    # the recommendation question 5 makes in its text is a finding to answer too
    assert result.added == ("E-2017-AFI-1", "E2-AFI-1", "E2-AFI-2", "E2-AFI-3", "E5-REC-1")
    text = path.read_text()
    assert text.startswith("# Action plan for: Norfolk Constabulary, PEEL 2018/19 effectiveness")
    assert "carried forward: not enough progress" in text
    plan = load_plan(path, norfolk, as_of=AS_OF)
    assert [i.finding for i in plan.items] == list(result.added)
    for item in plan.items:
        assert item.status is ItemStatus.AWAITING_ALLOCATION
        assert (item.owner, item.lead, item.current_target, item.actions) == (None, None, None, ())
    assert plan.report == "data/norfolk-2018-effectiveness.yaml"


def test_reinit_with_nothing_new_does_not_touch_the_file(norfolk: Report,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    init_plan(norfolk, path)
    before = path.read_bytes()
    os.utime(path, (1, 1))
    result = init_plan(norfolk, path)
    assert not result.written and path.read_bytes() == before
    assert path.stat().st_mtime == 1


def user_edits(text: str) -> str:
    text = text.replace(
        "  - finding: E2-AFI-1\n    status: awaiting allocation\n    actions: []\n    owner:\n",
        "  - finding: E2-AFI-1  # the big one\n    status: in progress\n    actions:\n"
        "      - Appoint a professional lead   # agreed 3 June\n"
        "    owner: 'ACC Smith'\n")
    text = text.replace("    updates: []\n  # E2-AFI-2",
                        "    updates:\n      - when: 2019-06-03\n        text: Lead appointed.\n"
                        "        by: DCI Jones\n\n  # my own note about E2-AFI-2\n  # E2-AFI-2", 1)
    return text + "# a closing comment of mine\n"


def test_reinit_keeps_user_edits_and_comments_byte_for_byte(norfolk: Report,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    init_plan(norfolk, path)
    edited = user_edits(path.read_text())
    path.write_text(edited)
    q2 = norfolk.question(2)
    changed_q2 = dataclasses.replace(q2, areas_for_improvement=(
        *q2.areas_for_improvement[:2], Finding("E2-AFI-4", "A corrected finding.")))
    corrected = dataclasses.replace(norfolk, questions=(norfolk.questions[0], changed_q2,
                                                        *norfolk.questions[2:]))
    result = init_plan(corrected, path)
    assert result.added == ("E2-AFI-4",) and result.marked_gone == ("E2-AFI-3",)
    new = path.read_text()
    # Remove exactly what init added; what is left is the user's file, byte for byte.
    added_block = new[new.index("  # E2-AFI-4"):new.index("# a closing comment")]
    restored = new.replace("    finding_gone: true\n", "", 1).replace(added_block, "")
    assert restored == edited
    plan = load_plan(path, corrected, as_of=AS_OF)
    assert plan.item("E2-AFI-3").finding_gone
    assert plan.item("E2-AFI-1").owner == "ACC Smith"
    assert plan.item("E2-AFI-1").updates == (Update(date(2019, 6, 3), "Lead appointed.",
                                                    "DCI Jones"),)
    assert init_plan(corrected, path).written is False  # idempotent


def item(days: int | None, status: ItemStatus = ItemStatus.IN_PROGRESS, **kw: object) -> ActionItem:
    target = AS_OF + timedelta(days=days) if days is not None else None
    kw.setdefault("owner", "ACC Example")
    kw.setdefault("actions", ("Review the policy.",))  # in hand: Green needs progress (read 32)
    return ActionItem("E2-AFI-1", status=status, original_target=target, current_target=target,
                      **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("days", "status", "overdue", "soon", "rag"), [
    (0, ItemStatus.IN_PROGRESS, False, True, Rag.GREEN),             # due today
    (0, ItemStatus.AWAITING_ALLOCATION, False, True, Rag.AMBER),     # due today, not started
    (30, ItemStatus.AWAITING_ALLOCATION, False, True, Rag.AMBER),    # due in 30 days
    (31, ItemStatus.AWAITING_ALLOCATION, False, False, Rag.AMBER),   # not allocated: never green
    (31, ItemStatus.IN_PROGRESS, False, False, Rag.GREEN),           # owned, in hand
    (-1, ItemStatus.IN_PROGRESS, True, False, Rag.RED),              # a day overdue
    (-1, ItemStatus.PENDING_SIGN_OFF, True, False, Rag.RED),
    (-1, ItemStatus.AWAITING_ALLOCATION, True, False, Rag.RED),      # overdue beats unallocated
    (None, ItemStatus.AWAITING_ALLOCATION, False, False, Rag.AMBER),  # no date yet
    (None, ItemStatus.IN_PROGRESS, False, False, Rag.AMBER),         # no date: cannot be on track
])
def test_rules_at_their_boundaries(days: int | None, status: ItemStatus, overdue: bool,
                                   soon: bool, rag: Rag) -> None:
    state = assess(item(days, status), AS_OF)
    assert (state.overdue, state.due_soon, state.rag) == (overdue, soon, rag)
    assert state.days_overdue == (-days if overdue and days else 0)


AUDITED = {"signed_off_by": "Example DCC", "evidence": ("Board minute 12/24",)}
"""What a closure records beside its date, for it to be rated Green (read 30-R)."""


def test_closed_is_green_and_closed_late_is_noted() -> None:
    late = item(-10, ItemStatus.CLOSED, closed_on=AS_OF - timedelta(days=5), **AUDITED)
    state = assess(late, AS_OF)
    assert (state.rag, state.overdue, state.closed_late) == (Rag.GREEN, False, True)
    on_time = item(-10, ItemStatus.CLOSED, closed_on=AS_OF - timedelta(days=10))
    assert assess(on_time, AS_OF).closed_late is False


def test_slipped_target_is_amber_and_counted() -> None:
    slipped = dataclasses.replace(item(60), original_target=AS_OF + timedelta(days=20))
    state = assess(slipped, AS_OF)
    assert (state.days_slipped, state.rag) == (40, Rag.AMBER)


def test_rag_set_by_hand_wins() -> None:
    state = assess(item(-5, rag=Rag.AMBER, rag_reason="agreed extension"), AS_OF)
    assert (state.rag, state.rag_by_hand, state.overdue) == (Rag.AMBER, True, True)
    assert assess(item(20, rag=Rag.RED, rag_reason="supplier failed"), AS_OF).rag is Rag.RED


def test_an_overdue_item_is_never_green_even_when_set_so_by_hand() -> None:
    state = assess(item(-5, rag=Rag.GREEN, rag_reason="agreed extension"), AS_OF)
    assert (state.rag, state.rag_by_hand, state.overdue) == (Rag.RED, False, True)


def test_an_item_with_no_owner_is_at_least_amber() -> None:
    unowned = assess(item(60, owner=None), AS_OF)
    assert unowned.rag is Rag.AMBER
    assert assess(item(-1, owner=None), AS_OF).rag is Rag.RED
    closed = item(-1, ItemStatus.CLOSED, owner=None, closed_on=AS_OF - timedelta(days=2),
                  **AUDITED)
    assert assess(closed, AS_OF).rag is Rag.GREEN


@pytest.mark.parametrize("missing", ["closed_on", "signed_off_by", "evidence"])
def test_a_closure_is_amber_until_its_date_sign_off_and_evidence_are_recorded(
        missing: str) -> None:
    """Read 30-R: the register says evidence is needed for an audit; until then, Amber."""
    given = {"closed_on": AS_OF - timedelta(days=2), **AUDITED}
    given[missing] = () if missing == "evidence" else None
    state = assess(item(-1, ItemStatus.CLOSED, **given), AS_OF)
    assert (state.rag, state.overdue) == (Rag.AMBER, False)


def test_sorted_by_status_then_due_date_and_summarised() -> None:
    plan = Plan((
        dataclasses.replace(item(5), finding="C"),
        dataclasses.replace(item(1), finding="B"),
        dataclasses.replace(item(3, ItemStatus.AWAITING_ALLOCATION), finding="A"),
        dataclasses.replace(item(-2, ItemStatus.CLOSED, closed_on=AS_OF, **AUDITED),
                            finding="D"),
        dataclasses.replace(item(-3), finding="E"),
    ))
    states = assess_plan(plan, AS_OF)
    assert [s.item.finding for s in states] == ["A", "E", "B", "C", "D"]
    summary = summarise(states)
    assert summary.by_status[ItemStatus.IN_PROGRESS] == 3
    assert (summary.overdue, summary.due_soon) == (1, 3)
    assert summary.next_due is not None and summary.next_due.item.finding == "B"
    assert summary.by_rag == {Rag.RED: 1, Rag.AMBER: 1, Rag.GREEN: 3}


def test_plan_problems_are_located(norfolk: Report) -> None:
    path = Path(__file__).parent / "invalid_plans" / "problems.yaml"
    published = date(2019, 5, 2)
    with pytest.raises(DataError) as info:
        load_plan(path, norfolk, as_of=AS_OF, published=published)
    got = [str(p) for p in info.value.problems]
    rel = os.path.relpath(path)
    for line, where, message in expectations(path):
        prefix = f"{rel}:{line}: {where}: {message}"
        assert any(g.startswith(prefix) for g in got), f"\nwanted: {prefix}\ngot: {got}"


def test_the_example_plan_is_valid_and_says_it_is_illustrative(norfolk: Report) -> None:
    text = EXAMPLE.read_text()
    assert text.startswith("# ILLUSTRATIVE EXAMPLE ONLY.")
    plan = load_plan(EXAMPLE, norfolk, as_of=AS_OF, published=date(2019, 5, 2))
    assert plan.title and "invented" in plan.title
    assert len(plan.items) == 4


def test_status_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["actions", "status", str(EXAMPLE), "--report", str(DATA), "--as-of",
                 "2019-10-15", "--format", "csv"])
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["finding"] for r in rows] == ["E2-AFI-2", "E-2017-AFI-1", "E2-AFI-1", "E2-AFI-3"]
    overdue = rows[1]
    assert (overdue["overdue"], overdue["days_overdue"], overdue["rag"]) == ("yes", "15", "red")
    assert (overdue["days_slipped"], overdue["kind"]) == ("61", "2017 area for improvement")
    assert rows[3]["rag_by_hand"] == "yes" and rows[3]["closed_on"] == "2019-10-04"


def test_status_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actions", "status", str(EXAMPLE), "--report", str(DATA),
                 "--as-of", "2019-10-15"]) == 0
    out = capsys.readouterr().out
    assert "Action plan as of 15 October 2019: 4 items" in out
    assert "E-2017-AFI-1: 15 days overdue" in out
    assert "next due:  E2-AFI-2 on 1 November 2019" in out


def test_cli_init_then_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.yaml"
    assert main(["actions", "init", str(DATA), "-o", str(plan)]) == 0
    assert "added E2-AFI-3" in capsys.readouterr().err
    assert main(["actions", "init", str(DATA), "-o", str(plan)]) == 0
    assert "up to date" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text("items:\n  - finding: NOPE\n")
    assert main(["actions", "status", str(bad), "--report", str(DATA)]) == 1
    assert "bad.yaml:2: items[0].finding: 'NOPE' is not a finding" in capsys.readouterr().err


@pytest.fixture(scope="module")
def tracked_options(norfolk: Report) -> Options:
    plan = load_plan(EXAMPLE, norfolk, as_of=AS_OF, published=date(2019, 5, 2))
    return Options(plan=plan, as_of=AS_OF, published=date(2019, 5, 2))


def test_plan_rows_in_the_pdf(norfolk: Report, tracked_options: Options, tmp_path: Path) -> None:
    from pdfread import body_text

    (path,) = peeldocs.write_pack(norfolk, tracked_options, ["pdf"], tmp_path)
    text = body_text(path)
    # the Due column's cells give the date without repeating "Due", and no cell ends in a stop
    assert ("30 September 2019; first set for 31 July 2019, moved 61 days later; overdue by "
            "15 days") in text
    assert "30 September 2019; closed 4 October 2019, 4 days late" in text
    assert "Due 30 September" not in text and "Overdue by" not in text
    # a rating the plan's author set: its word in the RAG column, its reason once, with the
    # latest update, where there is room (read 10: eight lines in the narrow RAG column)
    assert ("Evidence accepted at the example board. Rated Green by the plan’s author: "
            "Example reason. Closed four days late but fully delivered.") in text
    assert text.count("Example reason.") == 1
    assert "rated by hand" not in text and "set manually" not in text
    assert "A rating the plan’s author set is given with its reason." in text  # read 33: shorter
    # who gave the updates is not recorded: said once, with the key, not in every cell
    assert "who gave it is not recorded" not in text and "attributed" not in text
    assert text.count("The plan does not record who gave each update.") == 1
    assert "2 September 2019: Example update." in text
    # the plan is illustrative: said once, boxed at the table's head, not in each column heading
    assert text.count("Illustrative action plan") == 1
    assert ("The actions, owners, dates, statuses and updates in this action plan are invented "
            "for illustration.") in text
    assert "Actions (illustrative)" not in text and "Latest update (illustrative)" not in text
    # the counts by status are said in the summary sentence, not again in a chart
    assert "Items by status" not in text and "Bar chart of action plan" not in text
    assert ("Closed, signed off by Example DCC (illustrative); evidence: Example evidence "
            "reference (illustrative) ") in text
    assert "In progress." not in text and "Awaiting allocation." not in text
    # read 35: the key is a small table under the plan's, each rating's word on its colour
    assert "Rating What it means Red Not closed and past its due date" in text
    # the key says the rules assess() applies: an item not allocated is Amber whenever it is
    # due (the parametrised rule test above), and so is one with no action or update
    assert ("Amber Due date moved later than first set; not allocated; no owner, due date, "
            "action or update recorded; or closed with no date, sign-off or evidence reference "
            "Green Closed with its date, sign-off and evidence reference, or on track") in text
    assert "due within 30 days and not yet allocated" not in text
    # the carried-forward finding is quoted once, in the findings by question, not again here
    assert "Carried forward: not enough progress since an earlier inspection" not in text
    # the section's first sentence names the row for E5-REC-1, so the count does not say it
    # again (read 33: a shorter preamble); the fifth row's rating is its own
    assert "one for each finding the report makes that the plan has no item for yet: E5-REC-1" \
        in text
    summary = "On 15 October 2019 the plan has four items: one awaiting allocation, two in " \
              "progress and one closed. The plan’s items by RAG rating: one red, one amber and " \
              "two green."
    assert summary not in text  # read 35: no count before the plan; each row gives its status
    assert "The table below has five rows" not in text
    assert ("Were the comments of the Police and Crime Commissioner for Norfolk on this report "
            "published by 26 June 2019") in text  # read 35: one question
    assert ",." not in text
    # the plan's first page is not left mostly empty: the table starts under its introduction
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        (first,) = [p for p in pdf.pages
                    if "Illustrative action plan" in (p.extract_text() or "")]
        words = first.extract_words()
        assert any(w["text"] == "E-2017-AFI-1" for w in words)
        body = [w for w in words if w["top"] < first.height * 0.9]  # not the page footer
        assert max(w["bottom"] for w in body) / first.height > 0.6


def test_plan_rows_in_the_docx(norfolk: Report, tracked_options: Options,
                               tmp_path: Path) -> None:
    import docx
    from docxread import all_text

    (path,) = peeldocs.write_pack(norfolk, tracked_options, ["docx"], tmp_path)
    d = docx.Document(str(path))
    plan_table = next(t for t in d.tables if t.rows[0].cells[0].text == "Ref"
                      and t.rows[0].cells[-1].text == "Latest update")
    heads = [c.text for c in plan_table.rows[0].cells]
    assert heads == ["Ref", "Finding", "Actions", "Owner / lead", "Due", "Status", "RAG",
                     "Latest update"]  # the illustrative label is said once, above the table
    refs = [r.cells[0].text for r in plan_table.rows[1:]]
    # open items red, amber, green by date; the closed item last
    # the finding the plan has no item for has its row, among the open items by rating (read 30-P)
    assert refs == ["E-2017-AFI-1", "E2-AFI-2", "E5-REC-1", "E2-AFI-1", "E2-AFI-3"]
    rag = [r.cells[6].text for r in plan_table.rows[1:]]
    assert rag == ["Red", "Amber", "Amber", "Green", "Green"]  # the word alone
    assert plan_table.rows[3].cells[5].text == "Not in the plan"
    assert plan_table.rows[5].cells[7].text == (
        "4 October 2019: Example update. Evidence accepted at the example board. Rated Green by "
        "the plan’s author: Example reason. Closed four days late but fully delivered.")
    assert "Open items come first" not in all_text(d)  # read 35: the rows' order shows it
    # the finding the plan has no item for is named, and its row says what it lacks
    assert ("One row for each item in the action plan, and one for each finding the report "
            "makes that the plan has no item for yet: E5-REC-1 (a recommendation under "
            "question 5).") in all_text(d)
    assert "; overdue by 15 days" in all_text(d)
    descrs = [p.get("descr") for p in d.element.body.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    # no chart repeats the summary sentence's counts by status
    assert not any(x and "action plan items by status" in x for x in descrs)
    assert "Items by status" not in all_text(d)
    assert all_text(d).count("The plan does not record who gave each update.") == 1


def test_updates_without_a_giver_are_named_once(norfolk: Report) -> None:
    from peeldocs.blocks import Paragraph, Table
    from peeldocs.sections.plan_table import tracked_plan

    text = EXAMPLE.read_text(encoding="utf-8")
    plan = parse_plan(text, norfolk, as_of=AS_OF)
    updated = [i for i in plan.items if i.latest_update is not None]
    assert updated and not any(i.latest_update.by for i in updated)
    options = Options(plan=plan, as_of=AS_OF, published=date(2019, 5, 2))

    def notes(blocks: list[object]) -> list[str]:
        """Return the sentences saying who gave no update (they close the RAG key)."""
        said = ["".join(r.text for r in b.runs) for b in blocks if isinstance(b, Paragraph)]
        return [s[s.index("The plan does not record"):] for s in said
                if "The plan does not record" in s]

    assert notes(tracked_plan(norfolk, plan, options)) == [
        "The plan does not record who gave each update."]
    # one update with its giver: that cell names them, and the note names only the others
    text = text.replace("        text: Example update. Lead appointed;",
                        "        by: Example Supt\n        text: Example update. Lead appointed;")
    plan = parse_plan(text, norfolk, as_of=AS_OF)
    options = Options(plan=plan, as_of=AS_OF, published=date(2019, 5, 2))
    blocks = tracked_plan(norfolk, plan, options)
    assert notes(blocks) == ["The plan does not record who gave the latest update for "
                             "E-2017-AFI-1 and E2-AFI-3."]
    cells = ["".join(r.text for r in c.runs) for b in blocks if isinstance(b, Table)
             for row in b.rows for c in row]
    assert "20 August 2019 (given by Example Supt): Example update. Lead appointed; training " \
           "review under way." in cells


def test_parse_plan_from_text(norfolk: Report) -> None:
    plan = parse_plan("items:\n  - finding: E2-AFI-1\n    status: in progress\n", norfolk,
                      as_of=AS_OF)
    assert plan.item("E2-AFI-1").status is ItemStatus.IN_PROGRESS
    with pytest.raises(KeyError):
        plan.item("E2-AFI-9")


@pytest.mark.parametrize(("overdue", "due_soon", "expected"), [
    (0, 0, "No items are overdue and none is due within 30 days."),
    (1, 0, "One item is overdue and none is due within 30 days."),
    (0, 1, "No items are overdue and one is due within 30 days."),
    (2, 3, "Two items are overdue and three are due within 30 days."),
])
def test_plan_summary_counts_read_as_english(overdue: int, due_soon: int, expected: str) -> None:
    from peeldocs.blocks import inline_text
    from peeldocs.plans.plan import ItemStatus, Rag
    from peeldocs.plans.rules import PlanSummary
    from peeldocs.sections.plan_table import summary_paragraphs

    summary = PlanSummary(total=5, by_status={ItemStatus.IN_PROGRESS: 5}, by_rag={Rag.GREEN: 5},
                          overdue=overdue, due_soon=due_soon, next_due=None)
    (para,) = summary_paragraphs(summary, Options(as_of=date(2019, 10, 15)))
    assert expected in inline_text(para.runs)  # type: ignore[attr-defined]
