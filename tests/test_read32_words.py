"""Read 32 wording: what a reader gets in the brief, committee paper, s.55 response and pack.

W1. Brief with a plan: the passed section 55 deadline is said to have passed, and the
    decisions prompt "confirm with the commissioner whether the section 55 comments were published, and when"; the
    item without an owner is named with "whose target is" (the item's date, not the
    decision's); the plan is "as at" its date.
W2. Brief without a plan: whom the joint recommendation's response is agreed with is said
    in our voice, in roman, not in italics after the quotation.
W3. Constructed report: "The constructed report grades", never "The inspectorate graded";
    the committee paper says "constructed" at its head only, names the inadequate grade and
    the causes of concern in its first ask; a no-plan paper says "without an action plan"
    once in the paper.
W4. s.55 response: the earlier finding's response comes "after" the new findings.
W5. Pack with a plan: the plan's four items beside the table's five rows are reconciled.
"""

from __future__ import annotations

import re

import pytest
from docread import between, document_text, pdf_pages, rendered
from docread import review_options as _options

import peeldocs
from peeldocs.blocks import BulletList, Paragraph, Text

FORMATS = ("pdf", "docx", "html")


def _text(case: str, kind: str, fmt: str) -> str:
    report, options = _options(case, kind)
    return document_text(report, options, fmt)


# --- W1 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_brief_with_plan_says_the_s55_deadline_passed_and_prompts_the_decision(fmt: str) -> None:
    text = _text("norfolk-plan", "brief", fmt)
    decisions = between(text, "Decisions needed:", "Judgments")
    assert ("were due by 26 June 2019 (Police Act 1996, section 55); that deadline has passed. "
            "Date published:") in text
    # read 36: the comments must explain the action on the recommendation the plan lacks; the
    # check on publication gives way to it on this page (the deadline line asks for the date)
    assert decisions.rstrip().endswith(
        "E5-REC-1, whose action the commissioner’s comments must explain.")
    assert "agree a date" not in decisions
    assert "E2-AFI-2, whose target is 1 November 2019" in decisions
    assert ", due 1 November 2019" not in decisions
    assert "Illustrative action plan as at 15 October 2019" in text
    assert "action plan on 15 October" not in text


# --- W2 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_brief_without_plan_says_the_joint_agreement_in_our_voice(fmt: str) -> None:
    text = _text("norfolk", "brief", fmt)
    assert ("regional specialist capability.” The force’s response will need agreeing with "
            "Suffolk Constabulary and other forces in the east of England.") in text
    assert "Its action is to be agreed" not in text


def test_the_joint_agreement_is_roman_not_italic() -> None:
    report, options = _options("norfolk", "brief")
    pack = peeldocs.build_pack(report, options)
    runs = [r for s in pack.sections for b in s.blocks for r in _runs(b)
            if isinstance(r, Text) and "will need agreeing with" in r.text]
    assert runs and not any(r.italic for r in runs)


def _runs(block: object) -> list[object]:
    if isinstance(block, Paragraph):
        return list(block.runs)
    if isinstance(block, BulletList):
        return [r for item in block.items for r in item]
    return []


# --- W3 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_constructed_brief_grades_are_the_constructed_reports(fmt: str) -> None:
    text = _text("example", "brief", fmt)
    assert "The constructed report grades Exampleshire Constabulary inadequate in" in text
    assert "The inspectorate graded" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_constructed_committee_paper_says_so_at_its_head_and_asks_on_the_worst(fmt: str) -> None:
    text = _text("example", "committee", fmt)
    paper = text.split("Before issuing: notes for the preparer")[0]
    # the paper's own words (not the report's quotations or the running header) say it once
    assert paper.count("Illustrative example: not an HMICFRS report") == 1  # the head's box
    body = paper[paper.index("1. Purpose"):]  # after the head: the paper's own words
    ours = re.sub(r"\([^()]*constructed[^()]*\)", "", body)
    ours = ours.replace("ILLUSTRATIVE EXAMPLE: NOT AN HMICFRS REPORT", "")
    assert "report constructed for illustration" not in ours
    assert "The report this paper describes was constructed" not in ours
    assert "The text quoted here was constructed for illustration" not in ours
    assert "constructed for illustration" not in ours.split("Source and licence")[0]
    assert ("2.1 The committee is asked to note the report, its judgments and findings, "
            "including the inadequate grade for ‘Investigating crime’ and the two new causes "
            "of concern (A4-COC-1 and A5-COC-1).") in text  # read 33: the 2021/22 one is older


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_plan_committee_paper_says_without_an_action_plan_once(fmt: str) -> None:
    text = _text("norfolk", "committee", fmt)
    paper = text.split("Before issuing: notes for the preparer")[0]
    assert paper.count("without an action plan") == 1
    assert "Without an action plan, the lead" in paper
    assert "Progress on these findings is to be reviewed by" in paper
    # a paper with no inadequate grade or cause of concern asks as before
    assert "2.1 The committee is asked to note the report, its judgments and findings." in text


# --- W4 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", ("norfolk", "example"))
def test_s55_opening_says_the_earlier_response_comes_after(case: str) -> None:
    text = _text(case, "s55", "pdf")
    # read 33: the commissioner says it, with no signpost to the form's layout
    assert "also respond to" in text and "the response comes below" not in text
    assert "beside the new findings" not in text


# --- W5 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_pack_reconciles_plan_items_with_table_rows(fmt: str) -> None:
    text = _text("norfolk-plan", "pack", fmt)
    # the section's first sentence gives the row beyond the plan's items; the count follows
    # without saying it again (read 33: the preamble kept the table off its first page)
    assert ("One row for each item in the action plan, and one for each finding the report "
            "makes that the plan has no item for yet: E5-REC-1 (a recommendation under question "
            "5).") in text
    # read 35: no count before the table at all (the summary names what is overdue and due
    # next; each row gives its status), so none to reconcile with the rows
    assert "On 15 October 2019 the plan has four items" not in text


def test_brief_with_the_prompt_stays_on_one_page() -> None:
    report, options = _options("norfolk-plan", "brief")
    assert pdf_pages(rendered(report, options, "pdf")) == 1
