"""Read 14-A, faults 1 and 2: the committee paper with a plan says what the force is doing.

Built as a reader gets it, in PDF, DOCX and HTML, from the Norfolk report with the
example plan (15 October 2019): each finding's state gives the plan's status with
its date, an item due soon with no owner or actions is flagged in words, and after
the findings table each plan item's actions and latest update are given, dated and
quoted from the plan, the illustrative plan labelled so, each finding named by its
reference, not quoted again.  Without a plan the paper says none of this.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from docread import document_text, norfolk_plan

import peeldocs
from peeldocs import blocks as b
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.plans.plan import ItemStatus, Update

FORMATS = ("pdf", "docx", "html")
NOTES = "Before issuing: notes for the preparer (remove this part)"
LEAD = "6.3 The force’s action plan records the following actions and updates, in the plan’s words"


def _paper(report: Report, options: Options, fmt: str) -> str:
    text = document_text(report, dataclasses.replace(options, document="committee"), fmt)
    return text[:text.index(NOTES)].replace("• ", "")


def _part(text: str, start: str, end: str) -> str:
    return text[text.index(start):text.index(end, text.index(start))]


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_state_gives_the_plans_status_with_its_date(fmt: str, norfolk: Report) -> None:
    text = _paper(norfolk, norfolk_plan(norfolk), fmt)
    table = _part(text, "Finding Report text (verbatim) Owner / lead State Ref", "6.3 ")
    assert "In progress; due 31 December 2019 E2-AFI-1" in table
    # due soon with nothing recorded: flagged in words, not by colour alone
    assert ("Not yet allocated to an owner; due 1 November 2019; no actions recorded "
            "yet E2-AFI-2") in table
    assert "Closed on 4 October 2019, 4 days late E2-AFI-3" in table
    assert ("In progress; 15 days overdue (due 30 September 2019; first set for 31 July "
            "2019) E-2017-AFI-1") in table
    # read 35-C: the overdue one says by how many days, as at the date 6.2 gives
    assert " days" not in table.replace("4 days late", "").replace("15 days overdue", "")
    assert "Not yet in the action plan E5-REC-1" in table


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_plan_item_gives_its_actions_and_latest_update_in_the_plans_words(
        fmt: str, norfolk: Report) -> None:
    text = _paper(norfolk, norfolk_plan(norfolk), fmt)
    part = _part(text, "6.3 ", "6.4 The report also says")
    # an item with neither is not named again: its row in the table says so (read 23-C)
    lead = LEAD + " (an illustrative plan: its actions and updates are invented for the example):"
    assert part.startswith(lead)
    between = part[len(lead):part.index("E2-AFI-1.")]  # a page's furniture at most, in a PDF
    assert "E2-AFI-2" not in between and "records" not in between
    assert ("E2-AFI-1. Actions: “(Example) appoint a professional lead for investigations”; "
            "“(Example) review investigative training provision”. Latest update, 20 August 2019: "
            "“Example update. Lead appointed; training review under way.”") in part
    assert ("E2-AFI-3. Action: “(Example) record supervision reviews on the crime system”. "
            "Signed off by Example DCC (illustrative); evidence: Example evidence reference "
            "(illustrative). Latest update, 4 October 2019: “Example update. Evidence accepted "
            "at the example board.” Rated Green by the plan’s author: “Example reason. Closed "
            "four days late but fully delivered.”") in part  # the plan's words (read 21-C)
    assert ("E-2017-AFI-1. Action: “(Example) add supervision checks to the monthly performance "
            "meeting”. Latest update, 2 September 2019: “Example update. First dip sample "
            "complete; target moved to allow a second.”") in part
    # in the findings table's order; only the latest update; each finding by reference only
    assert part.index("E2-AFI-1.") < part.index("E2-AFI-3.") < part.index("E-2017-AFI-1.")
    assert "Dip sample designed" not in text
    assert "E2-AFI-2" not in part and "E5-REC-1" not in part  # the table says it once
    for finding in ("investigations involving vulnerable people",
                    "This supervision should be properly recorded"):
        assert text.count(finding) == 1, finding  # the table quotes it; 6.3 never again


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_overdue_recommendation_points_to_what_the_force_is_doing(
        fmt: str, norfolk: Report) -> None:
    text = _paper(norfolk, norfolk_plan(norfolk), fmt)
    assert ("2.4 The Police and Crime Panel is asked to note that an area for improvement from "
            "2017 under question 2 (E-2017-AFI-1), on which the report found not enough "
            "progress, is 15 days overdue after its target date was moved from 31 July 2019 "
            "(see paragraphs 6.2 and 6.3), and to seek assurance from the chief constable on when "
            "it will be completed.") in text
    assert LEAD in text  # the paragraph it names is the one that gives them


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_plan_the_paper_gives_no_plan_words(fmt: str, norfolk: Report) -> None:
    options = Options(published=date(2019, 5, 2), as_of=date(2019, 6, 10))
    text = _paper(norfolk, options, fmt)
    for said in ("in the plan’s words", "Latest update", "In progress;", "actions recorded yet",
                 "paragraph 6.3"):
        assert said not in text, said
    assert "6.3 The report also says, in the text of its findings" in text


def _plan_options(norfolk: Report, **changes: object) -> Options:
    options = norfolk_plan(norfolk)
    assert options.plan is not None
    return dataclasses.replace(options, document="committee",
                               plan=dataclasses.replace(options.plan, **changes))


def test_a_real_plans_words_are_not_called_illustrative_and_its_giver_is_named(
        norfolk: Report) -> None:
    options = _plan_options(norfolk, illustrative=False)
    assert options.plan is not None
    items = tuple(dataclasses.replace(i, updates=(*i.updates, Update(date(2019, 10, 1),
                  "Second dip sample under way.", by="Det Supt Jones")))
                  if i.finding == "E-2017-AFI-1" else i for i in options.plan.items)
    options = dataclasses.replace(options, plan=dataclasses.replace(options.plan, items=items))
    text = _paper(norfolk, options, "html")
    assert (LEAD + ": E2-AFI-1. ") in text and "records neither yet" not in text
    assert "illustrative plan" not in text
    assert ("Latest update, 1 October 2019 (given by Det Supt Jones): “Second dip sample under "
            "way.”") in text


def _state_cell(pack: b.Pack, ref: str) -> b.Cell:
    (table,) = [blk for s in pack.sections for blk in s.blocks if isinstance(blk, b.Table)
                and blk.caption.startswith("Each finding in the report’s words")]
    (row,) = [r for r in table.rows if b.inline_text(r[-1].runs) == ref]
    return row[3]


def test_only_an_item_due_soon_lacking_an_owner_or_actions_is_flagged(norfolk: Report) -> None:
    options = _plan_options(norfolk)
    flagged = _state_cell(peeldocs.build_pack(norfolk, options), "E2-AFI-2")
    assert flagged.tone is b.Tone.AMBER
    # in words, in bold, beside the colour: each warning whole, never the punctuation
    # between them (read 30-C; its status says "Not yet allocated to an owner", read 24-C)
    assert [r.text for r in flagged.runs if isinstance(r, b.Text) and r.bold] == [
        "Not yet allocated to an owner", "no actions recorded yet"]
    assert b.inline_text(flagged.runs).startswith("Not yet allocated to an owner; due 1 November")
    assert options.plan is not None
    owned = tuple(dataclasses.replace(i, owner="ACC Smith", actions=("Review allocation",),
                                      status=ItemStatus.IN_PROGRESS)
                  if i.finding == "E2-AFI-2" else i for i in options.plan.items)
    options = dataclasses.replace(options, plan=dataclasses.replace(options.plan, items=owned))
    cell = _state_cell(peeldocs.build_pack(norfolk, options), "E2-AFI-2")
    assert cell.tone is None
    assert b.inline_text(cell.runs) == "In progress; due 1 November 2019"
    text = _paper(norfolk, options, "html")
    assert "E2-AFI-2. Action: “Review allocation”. No update yet." in text
    assert "It records neither yet" not in text


def test_a_plan_recording_no_actions_or_updates_adds_no_paragraph(norfolk: Report) -> None:
    options = _plan_options(norfolk)
    assert options.plan is not None
    bare = tuple(dataclasses.replace(i, actions=(), updates=()) for i in options.plan.items)
    options = dataclasses.replace(options, plan=dataclasses.replace(options.plan, items=bare))
    text = _paper(norfolk, options, "html")
    assert "in the plan’s words" not in text and "paragraph 6.3" not in text
    assert "6.3 The report also says, in the text of its findings" in text
