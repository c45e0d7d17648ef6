"""Issue 23, part 1: the s.55 response is statutorily safe, as a reader gets it in every format.

Police Act 1996 s.55 as amended by the Policing and Crime Act 2017 s.37: every
recommendation answered (one made in a finding's own text included), the local
policing body that publishes the response named and signed for by force and
date, the chief officer's comments, copies to HM Chief Inspector and the Home
Secretary, a letter that never admits lateness, and the inspectorate named as
it was on the preparation date.  Documents are built once per module.
"""

from __future__ import annotations

import csv
import dataclasses
import itertools
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from docread import PLAN, browser_joins, norfolk_plan, text_of

import peeldocs
from peeldocs.cli import main
from peeldocs.model import Force, Report
from peeldocs.model.bodies import RECORDED_UNTIL, inspectorate_name, policing_body
from peeldocs.model.forces import all_forces
from peeldocs.options import Options

FORMATS = ("pdf", "docx", "html")
REC = ("We recommend Norfolk and Suffolk Constabularies to work with other forces in the east "
       "of England to develop a regional specialist capability.")
BODIES = Path(peeldocs.__file__).parent / "model" / "policing_bodies.csv"
NOTES = "Before publishing: notes for the preparer (remove this part)"


def _text(report: Report, options: Options, fmt: str) -> str:
    """The text a reader gets; in HTML, as a browser joins the spans that keep dates whole."""
    text = text_of(peeldocs.render(peeldocs.build_pack(report, options), fmt, options), fmt)
    return browser_joins(text) if fmt == "html" else text


@pytest.fixture(scope="module")
def report() -> Report:
    return peeldocs.load_report(Path(__file__).parent.parent / "data" /
                                "norfolk-2018-effectiveness.yaml")


@pytest.fixture(scope="module")
def late(report: Report) -> dict[str, str]:
    """The response prepared after its deadline (15 October 2019; due 26 June 2019), per format."""
    options = dataclasses.replace(norfolk_plan(report), document="s55")
    return {fmt: _text(report, options, fmt) for fmt in FORMATS}


@pytest.fixture(scope="module")
def on_time(report: Report) -> dict[str, str]:
    """The response prepared before its deadline, without a plan, per format."""
    options = Options(document="s55", published=date(2019, 5, 2), as_of=date(2019, 6, 1))
    return {fmt: _text(report, options, fmt) for fmt in FORMATS}


# --- every recommendation, one made in a finding's own text included --------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_recommendation_made_in_the_text_gets_its_own_response(fmt: str,
                                                                late: dict[str, str]) -> None:
    text = late[fmt]
    # the plan does not hold it: the preparer's notes say so, the published letter never
    # (found in review: "(not yet in the action plan)" was left for the signer to delete)
    # read 35: headings name the question by number; its title once, under the first
    assert ("Recommendation (Specialist capabilities) Reference E5-REC-1; question 5: ‘How effective are the "
            "force’s specialist capabilities?’; set out in the report’s findings on that question."
            ) in text
    assert "as in the action plan" not in text
    notes = text[text.index("Before publishing: notes for the preparer"):]
    letter = text[:text.index("Before publishing: notes")]
    assert "not yet in the action plan" not in letter and "recorded yet" not in letter
    assert ("The action plan does not yet hold this finding, so nothing from the plan is shown "
            "for it: add it to the plan, or write the response here: E5-REC-1") in notes.replace(
                "• ", "")
    assert REC in text
    # it has its own action, owner and date to complete, like any other recommendation
    start = text.index("Recommendation (Specialist capabilities")
    entry = text[start:text.index("Area for improvement 1", start)]
    assert "{to be completed: the action taken or planned, or why no action is proposed}" in entry
    assert ("Each recommendation has a response: the action the commissioner has taken or "
            "proposes to take, or why the commissioner has not taken or does not propose to take "
            "any action (section 55(5B))") in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_pack_marks_it_as_recommended_in_the_findings(fmt: str, report: Report) -> None:
    text = _text(report, Options(published=date(2019, 5, 2), as_of=date(2019, 6, 1)), fmt)
    question5 = text[text.index("Question 5: How effective are the force’s specialist"):]
    assert "Recommendation made in the findings" in question5
    # quoted once, in the executive summary; the box names it (read 36)
    assert "Recommendation made in the findings E5-REC-1 is quoted in the executive summary." \
        in " ".join(question5.split())
    assert f"E5-REC-1: {REC}" in text
    # counted as a recommendation, not as one the report does not list
    assert ("The report lists three areas for improvement. It lists no causes of concern. It also "
            "makes one recommendation in the text of its findings on question 5, which it does not "
            "list as such.") in text
    assert "recommend action" not in text


@pytest.mark.parametrize("kind", ["committee", "brief", "pack"])
def test_the_same_item_is_in_the_committee_paper_brief_and_action_plan(kind: str,
                                                                       report: Report) -> None:
    options = Options(document=kind, published=date(2019, 5, 2), as_of=date(2019, 6, 1))
    text = _text(report, options, "pdf")
    assert "E5-REC-1" in text and REC in text


def test_actions_init_adds_it_and_a_plan_merge_keeps_it_stable(tmp_path: Path,
                                                               report: Report) -> None:
    data = Path(__file__).parent.parent / "data" / "norfolk-2018-effectiveness.yaml"
    fresh = tmp_path / "fresh.yaml"
    assert main(["actions", "init", str(data), "-o", str(fresh)]) == 0
    assert "finding: E5-REC-1" in fresh.read_text(encoding="utf-8")
    # an existing plan that predates it: the merge adds the item and changes nothing else
    merged = tmp_path / "plan.yaml"
    shutil.copy(PLAN, merged)
    before = PLAN.read_text(encoding="utf-8")
    assert main(["actions", "init", str(data), "-o", str(merged)]) == 0
    after = merged.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n")) and "finding: E5-REC-1" in after
    assert main(["actions", "init", str(data), "-o", str(merged)]) == 0
    assert merged.read_text(encoding="utf-8") == after  # stable: a second merge is a no-op
    plan = peeldocs.load_plan(merged, report, as_of=date(2019, 10, 15))
    assert [i.finding for i in plan.items].count("E5-REC-1") == 1
    options = Options(plan=plan, document="s55", published=date(2019, 5, 2),
                      as_of=date(2019, 10, 15))
    merged_text = _text(report, options, "pdf")
    assert "Reference E5-REC-1; question 5: ‘How effective are the force’s specialist " \
        "capabilities?’; set out in the report’s findings" in merged_text
    assert "not yet in the action plan" not in merged_text


# --- the letter never admits lateness -------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_late_letter_admits_nothing_and_asks_when_it_is_published(
        fmt: str, late: dict[str, str]) -> None:
    text = late[fmt]
    # the letter never names the period it missed: any explanation is the signer's own words,
    # which its checklist asks for (read 29-S: the right call; read 30-S asked for a marked
    # place, which left LibreOffice a heading alone at a page foot, so it is not added)
    letter = text[:text.index(NOTES)]
    assert "{optional" not in letter
    # read 35: a required sentence on when it is published, its date and reason the signer's,
    # saying nothing of the timing itself
    place = ("These comments are published on {to be completed: the date they are published, "
             "and the reason for their timing}.")
    assert letter.count(place) == 1
    letter = letter.replace(place, "")
    for admission in ("That date has passed", "had to be published", "has passed",
                      "must be published by", "fell before", "record the date", "56-day period",
                      "ended on", "the timing", "was prepared"):
        assert admission not in letter, admission
    assert not re.search(r"\blate\b", letter)
    # nor says any deadline, the report's or a plan's, has passed (review 8: "(that is, by 12
    # March 2025; passed)" after each recommendation read as an admission)
    # (a place for the signer to say why a plan's target moved is theirs to word: not counted)
    said = re.sub(r"\{to be completed: [^}]*\}", "", letter)
    assert not re.search(r"\b(?:passed|overdue|missed)\b", said, re.IGNORECASE)
    # nor states the deadline it missed (issue 23; found in review: "Date 15 October 2019"
    # two lines above "Response due by 26 June 2019" recorded the breach)
    assert "Response due by" not in letter and "26 June 2019" not in letter
    assert "Date 15 October 2019 Report “Norfolk PEEL 2018: Effectiveness”" in letter
    # read 35 (over read 24-S): the duty recited whole, its 56 days as on time, never cut
    assert "56-day" not in letter
    assert ("to publish comments on it, with those of the chief constable and any response to "
            "them, before the end of the period of 56 days beginning with the day on which the "
            "report is published. Where the report makes a recommendation, my comments must "
            "explain the action I "
            "have taken or propose to take in response to it, or why I have not taken or do not "
            "propose to take any action."
            ) in letter
    checklist = text[text.index("Checks before publishing Check"):]
    # the preparer learns the period has ended, that the letter is silent on it (any
    # explanation is the body's own words), and records the date it is published: nothing
    # reads as if the response had already been published
    assert ("The 56-day period for publishing this response (section 55(5A)) ended on 26 June "
            "2019, before it was prepared on 15 October 2019. After its paragraph on section 55, "
            "the letter says when these comments are published, with a place for the date and "
            "the reason for their timing, in the commissioner’s own words: complete it before "
            "publishing. Record the date this response is published.") in checklist
    assert "{to be completed: the date this response is published}" in checklist
    assert "fell before" not in text and "the date it was published" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_on_time_letter_leaves_its_deadline_to_the_checklist(fmt: str, on_time: dict[str, str]) -> None:
    text = on_time[fmt]
    # not in the letter (review 8: internal, in a letter to HMCI), only in the checklist
    assert "Response due by" not in text and "26 June 2019" not in text[:text.index(NOTES)]
    assert text.count("26 June 2019") == 1
    assert ("The response is published by 26 June 2019, within 56 days beginning with the day the "
            "report was published (section 55(5A)).") in text
    # a letter prepared within the period recites the rule (read 24-S: only a late one does not)
    assert ("and any response to them, before the end of the period of 56 days beginning with "
            "the day on which the report is published.") in text[:text.index(NOTES)]
    assert "website" not in text  # section 55 does not say where: only the 56 days


@pytest.mark.parametrize("kind", ["brief", "committee"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_brief_and_committee_paper_say_was_due_by_without_a_bare_that_date_has_passed(
        kind: str, fmt: str, report: Report) -> None:
    late_text = _text(report, dataclasses.replace(norfolk_plan(report), document=kind), fmt)
    assert "were due by 26 June 2019" in late_text
    assert "That date has passed" not in late_text
    early = Options(document=kind, published=date(2019, 5, 2), as_of=date(2019, 6, 1))
    assert "must be published by 26 June 2019" in _text(report, early, fmt) or \
        "on the report, with any comments the chief constable submits, are due by " \
        "26 June 2019" in _text(report, early, fmt)


# --- copies, date, closing, signature, chief officer's comments ---------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_copies_go_to_hm_chief_inspector_and_the_home_secretary(fmt: str,
                                                              late: dict[str, str]) -> None:
    text = late[fmt]
    letter = text[:text.index(NOTES)]
    # a letter to HM Chief Inspector, copied to the Home Secretary: never copied to its addressee
    assert ("To Her Majesty’s Chief Inspector of Constabulary, Her Majesty’s Inspectorate of "
            "Constabulary and Fire & Rescue Services") in letter
    assert "Dear HM Chief Inspector," in letter
    assert "Copy to the Home Secretary (section 55(6))" in letter
    assert letter.count("Chief Inspector of Constabulary") == 1
    assert "Secretary of State" not in letter  # the letter: "the Home Secretary", said once
    checklist = text[text.index("Checks before publishing Check"):]
    # read 29-S: the recipients as section 55(6) names them
    assert ("A copy of the published response has been sent to the inspectors of constabulary "
            "(section 55(6)).") in checklist
    assert ("A copy of the published response has been sent to the Secretary of State "
            "(section 55(6)).") in checklist


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_letter_is_dated_closed_and_signed_by_the_local_policing_body(
        fmt: str, late: dict[str, str]) -> None:
    text = late[fmt]
    assert "Date 15 October 2019" in text
    assert "From Police and Crime Commissioner for Norfolk" in text
    assert "This is my response, as Police and Crime Commissioner for Norfolk, to your report" in text
    assert ("Yours sincerely, {to be completed: the name of the police and crime commissioner} "
            "Police and Crime Commissioner for Norfolk") in text
    assert "Signature: the name of the police and crime commissioner" in text  # in the to-do list


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_chief_officers_comments_have_their_own_section(fmt: str,
                                                            late: dict[str, str]) -> None:
    text = late[fmt]
    # s.55(5): the chief constable's comments, and the commissioner's response to them, each
    # under its own heading (read 12): the commissioner's words never under the chief's name
    chief = ("The chief constable’s comments {to be completed: the chief constable’s comments, "
             "as submitted}")
    reply = ("My response to the chief constable’s comments {to be completed: the "
             "response, or none}")  # in a PDF, perhaps on the next page, after its footer
    assert chief in text and reply in text and text.index(chief) < text.index(reply)
    assert "The chief constable’s comments are included, as submitted, with any response to " \
           "them (section 55(4) and (5))." in text


@pytest.mark.parametrize(("force", "on", "signed"), [
    ("Greater Manchester Police", date(2017, 5, 7), "Police and Crime Commissioner for Greater "
                                                   "Manchester"),
    ("Greater Manchester Police", date(2017, 5, 8), "Mayor of Greater Manchester"),
    ("West Yorkshire Police", date(2021, 5, 10), "Mayor of West Yorkshire"),
    ("North Yorkshire Police", date(2018, 6, 1), "Police and Crime Commissioner for North "
                                                "Yorkshire"),
    ("North Yorkshire Police", date(2019, 6, 1), "Police, Fire and Crime Commissioner for North "
                                                "Yorkshire"),
    ("North Yorkshire Police", date(2024, 5, 7), "Mayor of York and North Yorkshire"),
    ("South Yorkshire Police", date(2024, 6, 1), "Mayor of South Yorkshire"),
    ("West Midlands Police", date(2024, 6, 1), "Police and Crime Commissioner for the West "
                                              "Midlands"),
    ("Essex Police", date(2018, 1, 1), "Police, Fire and Crime Commissioner for Essex"),
    ("Cumbria Constabulary", date(2023, 3, 31), "Police and Crime Commissioner for Cumbria"),
    ("Cumbria Constabulary", date(2023, 4, 1), "Police, Fire and Crime Commissioner for Cumbria"),
])
def test_the_signature_block_names_the_body_for_the_force_and_date(
        force: str, on: date, signed: str, report: Report) -> None:
    short = next(f.short_name for f in all_forces() if f.name == force)
    other = dataclasses.replace(report, force=Force(force, short))
    text = _text(other, Options(document="s55", published=on - timedelta(days=10), as_of=on),
                 "docx")
    assert f"From {signed}" in text
    assert "Yours sincerely, {to be completed: the name of the " in text
    assert text.split("Yours sincerely, ")[1].split(" Copy to")[0].endswith(signed)


@pytest.mark.parametrize(("force", "signed", "chief"), [
    ("Metropolitan Police Service", "For the Mayor’s Office for Policing and Crime",
     "Commissioner of Police of the Metropolis"),
    ("City of London Police", "For the Common Council of the City of London",
     "Commissioner of the City of London Police"),
])
def test_london_bodies_are_signed_for_and_their_chief_officers_named(
        force: str, signed: str, chief: str, report: Report) -> None:
    short = next(f.short_name for f in all_forces() if f.name == force)
    other = dataclasses.replace(report, force=Force(force, short))
    text = _text(other, Options(document="s55", published=date(2019, 5, 2),
                                as_of=date(2019, 6, 1)), "pdf")
    assert f"{{to be completed: the name and role of the person signing}} {signed}" in text
    assert f"The {chief}’s comments" in text


@pytest.mark.parametrize("on", [date(2018, 11, 15), RECORDED_UNTIL + timedelta(days=1)])
def test_an_unknown_body_is_a_placeholder_never_a_guess(on: date, report: Report) -> None:
    other = dataclasses.replace(report, force=Force("North Yorkshire Police", "North Yorkshire"))
    assert policing_body(other.force, on) is None
    text = _text(other, Options(document="s55", published=on - timedelta(days=10), as_of=on),
                 "html")
    assert "{to be completed: the local policing body publishing this response}" in text
    assert "{to be completed: the office of the local policing body publishing this " \
           "response}" in text
    assert "Police and Crime Commissioner for North Yorkshire" not in text


def test_the_bodies_table_covers_every_force_without_gaps_and_gives_a_source() -> None:
    with open(BODIES, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert all(row["source"].strip() for row in rows)
    for force in all_forces():
        mine = sorted((r for r in rows if r["force"] == force.name), key=lambda r: r["from"])
        assert mine, force.name
        assert mine[-1]["to"] == ""  # open-ended to the day the table speaks for
        for before, after in itertools.pairwise(mine):  # contiguous, no overlap
            end = date.fromisoformat(before["to"])
            assert date.fromisoformat(after["from"]) == end + timedelta(days=1), force.name
        # every PEEL report (2014 on) has a body, or a marked unknown month
        assert policing_body(force, date(2014, 1, 1)) is not None, force.name


# --- the inspectorate as it was named on the preparation date ------------------------------

def test_the_inspectorate_is_her_majestys_until_8_september_2022() -> None:
    assert inspectorate_name(date(2022, 9, 8)).startswith("Her Majesty’s Inspectorate")
    assert inspectorate_name(date(2022, 9, 9)).startswith("His Majesty’s Inspectorate")


@pytest.mark.parametrize("kind", ["pack", "brief", "committee", "s55"])
@pytest.mark.parametrize(("on", "whose"), [(date(2019, 6, 1), "Her"),
                                           (date(2023, 6, 1), "His")])
def test_every_kind_names_the_inspectorate_as_on_the_preparation_date(
        kind: str, on: date, whose: str, report: Report) -> None:
    text = _text(report, Options(document=kind, published=date(2019, 5, 2), as_of=on), "pdf")
    other = "His" if whose == "Her" else "Her"
    assert f"{whose} Majesty’s Inspectorate of Constabulary and Fire & Rescue Services" in text
    assert f"{other} Majesty’s" not in text


def test_a_text_recommendation_is_numbered_after_the_listed_and_never_doubles_one() -> None:
    from peeldocs.model import FindingSection
    from peeldocs.model.report import text_recommendations

    example = peeldocs.load_report(Path(__file__).parent.parent / "examples" /
                                   "exampleshire-2023-25-assessment.yaml")
    area = example.question(5)
    listed = area.causes_of_concern[0].recommendations[0].text
    words = (FindingSection("Constructed for a test", (
        f"Constructed for a test. We recommend that {listed[0].lower()}{listed[1:]} "
        "We also recommend the force reviews its case files every quarter.",)),)
    changed = dataclasses.replace(example, questions=tuple(
        dataclasses.replace(q, findings=words) if q.number == 5 else q
        for q in example.questions))
    found = text_recommendations(changed)
    # the repeat of a listed recommendation is that one; the new one follows the listed three
    assert [(r.id, r.text) for r in found] == [
        ("A5-REC-4", "We also recommend the force reviews its case files every quarter.")]
