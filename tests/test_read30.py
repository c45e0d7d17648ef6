"""Reads 30-S and 30-C: the s.55 letter and the committee paper, as their readers get them.

30-S 1. The opening says the statute's formula ("the action I have taken or propose to
     take … or why …") once, in the paragraph on section 55; the first paragraph says
     what the letter includes.
30-S 2. Every letter's headings are in its body's voice: "My comments" where the body is
     not known (the letter's first line says "This is my response").
30-S 3. A letter prepared after the 56-day period holds one optional, marked place for the
     signer's own sentence on it ("{optional: …}"), never a bare admission.
30-C 1. Without a plan and before the s.55 deadline, the paper says the comments "are due
     by" the date (never "As at …, must publish", stale by the meeting), leaves a "Date
     published" place, and asks the committee to note the deadline in section 2.
30-C 3. Without a plan, the paper says it was prepared without one (the tool cannot know
     the force has none) and the preparer's notes ask to check.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date

import docx
import pytest
from docread import document_text, norfolk_plan, rendered, s55_cases, s55_text

from peeldocs import Options
from peeldocs.model import Report

FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer (remove this part)"
FORMULA = "or why I have not taken or do not propose to take any action"
NO_PLAN = Options(document="committee", published=date(2019, 5, 2), as_of=date(2019, 6, 10))


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_letter_says_the_formula_once_in_its_own_voice(
        fmt: str, norfolk: Report, example: Report) -> None:
    for name, (report, options) in s55_cases(norfolk, example).items():
        letter = s55_text(report, options, fmt).split(NOTES)[0]
        assert letter.count(FORMULA) == 1, name
        assert "It includes the chief constable’s comments and my response to " in letter, name
        assert "My comments {to be completed:" in letter, name
        assert "My response to the chief constable’s comments {to be completed:" in letter, name
        assert "Comments on the report" not in letter, name


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_letter_after_the_period_leaves_its_timing_to_the_signer(
        fmt: str, norfolk: Report, example: Report) -> None:
    """Read 30-S asked for a marked place in the letter for why it is late; a paragraph there
    left LibreOffice "Response to each finding" alone at a page foot (read 21), so the
    checklist asks instead, and the letter never names the period it missed."""
    cases = s55_cases(norfolk, example)
    for name in ("norfolk-with-plan", "exampleshire"):
        letter, notes = s55_text(*cases[name], fmt).split(NOTES)
        assert "{optional" not in letter and "statutory period" not in letter, name
        # read 35: a required place for when and why, which the checklist points to; never "late"
        assert ("After its paragraph on section 55, the letter says when these comments are "
                "published, with a place for the date and the reason for their timing") in notes
        assert letter.count("These comments are published on {to be completed: the date they "
                            "are published, and the reason for their timing}.") == 1, name


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_paper_without_a_plan_gives_the_s55_date_as_due_and_asks_to_note_it(
        fmt: str, norfolk: Report) -> None:
    text = document_text(norfolk, NO_PLAN, fmt)
    assert "As at" not in text and "must publish comments" not in text
    assert ("7.2 The comments of the Police and Crime Commissioner for Norfolk on the report, "
            "with any comments the chief constable submits, are due by 26 June 2019: 56 days beginning "
            "with the day of publication (Police Act 1996, section 55). Date published: "
            "{to be completed: the date they were published, or “not yet published”}") in text
    recommendations = text[text.index("2. Recommendations to the committee"):
                           text.index("3. Background")]
    assert ("The committee is asked to note that the comments of the Police and Crime "
            "Commissioner for Norfolk on the report, with any comments the chief constable "
            "submits, are due by 26 June 2019, 16 days after the date of this paper (Police Act "
            "1996, section 55).") in recommendations
    # once the deadline has passed, the paper says "were due by"; section 2 now raises it too,
    # asking whether they were published, never a claim they were late (read 31-C); the date
    # published is completed in 7.2, where the duty is stated (read 33)
    planned = dataclasses.replace(norfolk_plan(norfolk), document="committee")
    late = document_text(norfolk, planned, fmt)
    assert "were due by 26 June 2019" in late
    asks = late[late.index("2. Recommendations to the committee"):late.index("3. Background")]
    # read 35-C: conditional, never asking the committee to establish what the author can state
    assert ("and to note the date they were published (paragraph 7.2) or, if they have not yet "
            "been published, to ask when they will be.") in asks
    assert "establish" not in asks
    assert "Date published" not in asks


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_paper_without_a_plan_says_it_was_prepared_without_one(
        fmt: str, norfolk: Report) -> None:
    text = document_text(norfolk, NO_PLAN, fmt)
    paper, notes = text.split("To complete before this paper is issued")
    assert "recorded yet" not in text
    assert ("2.2 The committee is asked to note that this paper was prepared without an action "
            "plan, and to seek assurance") in paper
    assert "Without an action plan, the lead" in paper
    assert "7.1 Progress on these findings is to be reviewed by" in paper
    assert ("This paper was prepared without an action plan. Before it is issued, check with "
            "the force whether it has recorded one since; if it has, prepare the paper again "
            "with the plan") in notes
    planned = dataclasses.replace(norfolk_plan(norfolk), document="committee")
    assert "prepared without an action plan" not in document_text(norfolk, planned, fmt)


def test_the_immediate_recommendation_is_noted_in_the_past_plainly(example: Report) -> None:
    """30-C 4: "requires action on … immediately, from its publication" read clumsily."""
    for fmt in FORMATS:
        text = document_text(example, Options(document="committee", as_of=date(2025, 4, 1)),
                             fmt)
        assert ("is asked to note that the report required immediate action on the "
                "recommendation in ‘Investigating crime’ (A5-REC-3) from publication on 12 "
                "September 2024, and to seek assurance") in text
        assert "immediately, from its publication" not in text


def test_a_flagged_state_is_bold_in_its_own_words(norfolk: Report) -> None:
    """30-C 5: the bold began at a semicolon; each warning is bold whole, in DOCX and HTML."""
    options = dataclasses.replace(norfolk_plan(norfolk), document="committee")
    document = docx.Document(io.BytesIO(rendered(norfolk, options, "docx")))
    (cell,) = [c for t in document.tables for row in t.rows for c in row.cells
               if c.text.startswith("Not yet allocated to an owner")]
    bold = [r.text for p in cell.paragraphs for r in p.runs if r.bold]
    assert cell.text == "Not yet allocated to an owner; due 1 November 2019; no actions recorded yet"
    assert bold == ["Not yet allocated to an owner", "no actions recorded yet"]
    html = rendered(norfolk, options, "html").decode()
    strong = re.findall(r"<strong>([^<]*)</strong>", html)
    assert "Not yet allocated to an owner" in strong and "no actions recorded yet" in strong
    assert not any(s.startswith(";") for s in strong)
