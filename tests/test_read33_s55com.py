"""Read 33: the s.55 response in the commissioner's own voice, and the committee paper's asks.

Each test reads what a reader gets (PDF text, DOCX text, HTML text) for the three review
cases: Norfolk with its illustrative plan (15 October 2019, after the 56 days), Norfolk
without one (10 June 2019) and the constructed Exampleshire (1 April 2025).
"""

from __future__ import annotations

import re

import pytest
from docread import document_text, review_options

FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer"
TIMING = ("These comments are published on {to be completed: the date they are published, and "
          "the reason for their timing}.")


def _s55(case: str, fmt: str) -> tuple[str, str]:
    text = " ".join(document_text(*review_options(case, "s55"), fmt).split())
    letter, notes = text.split(NOTES, 1)
    return letter, notes


def _paper(case: str, fmt: str) -> str:
    return " ".join(document_text(*review_options(case, "committee"), fmt).split())


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_opening_is_the_commissioners_with_no_signpost(fmt: str) -> None:
    for case, earlier in (("norfolk-plan", "the 2017 area for improvement"),
                          ("example", "the 2021/22 cause of concern")):
        letter, _notes = _s55(case, fmt)
        assert (f"I also respond to {earlier}, on which the report finds the force has not made "
                "enough progress.") in letter, case
        assert "the response comes below" not in letter and "It also responds" not in letter


@pytest.mark.parametrize("fmt", FORMATS)
def test_after_the_56_days_a_required_place_for_the_timing_that_admits_nothing(fmt: str) -> None:
    for case in ("norfolk-plan", "example"):  # both prepared after the period ended
        letter, notes = _s55(case, fmt)
        assert letter.count(TIMING) == 1, case
        # read 35: required, straight after the duty it recites whole, before the comments
        assert letter.index("56 days beginning with") < letter.index(TIMING) < letter.index(
            "comments on the report}"), case
        assert not re.search(r"\blate\b|56-day|ended on", letter.replace(TIMING, "")), case
        assert "the letter says when these comments are published, with a place for the date" \
            in notes, case
    letter, notes = _s55("norfolk", fmt)  # within the period: no such place
    assert "These comments are published" not in letter and "their timing" not in notes


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_forces_quoted_update_has_a_row_for_the_commissioners_view(fmt: str) -> None:
    letter, notes = _s55("norfolk-plan", fmt)
    view = ("My assessment {to be completed: the commissioner’s view of this progress, or "
            "delete this row}")
    assert letter.count(view) == 2  # E2-AFI-1 and E-2017-AFI-1, both in progress
    assert ("My assessment {to be completed: whether the commissioner accepts this as complete, "
            "or delete this row}") in letter  # E2-AFI-3, closed on 4 October 2019
    # the update given under a missed target must not read as the new date's reason (read 35)
    assert ("E-2017-AFI-1: its update must not read as the reason for the new target date; give "
            "a newer update, if there is one, with that reason") in notes
    letter, _notes = _s55("norfolk", fmt)  # no plan, no quoted update, no row
    assert "My assessment" not in letter


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_joint_recommendation_says_so_under_it(fmt: str) -> None:
    for case in ("norfolk-plan", "norfolk"):
        letter, _notes = _s55(case, fmt)
        assert letter.count("This recommendation is addressed jointly to Norfolk and Suffolk "
                            "Constabularies.") == 1, case
    letter, _notes = _s55("example", fmt)
    assert "addressed jointly" not in letter


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_passed_report_deadline_asks_for_the_action_taken_by_it(fmt: str) -> None:
    letter, _notes = _s55("example", fmt)
    by = ("{to be completed: the action taken by the report’s deadline or planned, or why no "
          "action is proposed}")
    assert letter.count(by) == 4  # A4-REC-1, A5-REC-1 to A5-REC-3: all passed by 1 April 2025
    assert not re.search(r"deadline (?:has )?passed|missed|\blate\b", letter)
    letter, _notes = _s55("norfolk", fmt)
    assert "by the report’s deadline" not in letter


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_ask_holds_no_form_field_and_the_duty_is_said_once(fmt: str) -> None:
    for case, ask in (("norfolk-plan", "2.6"), ("example", "2.6")):
        text = _paper(case, fmt)
        asks = text[text.index("2. Recommendations to the committee"):text.index("3. Background")]
        assert "Date published" not in asks and "section 55" not in asks, case
        assert re.search(rf"{ask} The committee is asked to note that the comments of "
                         r".*? were due by \d+ \w+ \d{4}, \d+ days before the date of this "
                         r"paper, and to note the date they were published \(paragraph 7\.2\) "
                         r"or, if they have not yet been published, to ask when they will be\.",
                         asks), case
        assert re.search(r"7\.2 The comments of .*? 56 days beginning with the day of "
                         r"publication \(Police Act 1996, section 55\)\. Date published: "
                         r"\{to be completed", text), case
        assert text.count("Police Act 1996, section 55") == 1, case


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_wording(fmt: str) -> None:
    planned = _paper("norfolk-plan", fmt)
    assert "As at 15 October 2019, the action plan has four items" in planned
    assert "On 15 October 2019 the action plan has" not in planned
    # an earlier finding beside the new ones on its question, from the data
    assert "(E-2017-AFI-1), on which the report found not enough progress, is 15 days overdue" \
        in planned
    # read 35-C: no list of codes without an ask; the closure of a new one on the same question
    # is an ask of its own
    assert "The report’s new findings under the same question are" not in planned
    assert ("on what evidence supports the closure of E2-AFI-3 while E-2017-AFI-1, under the "
            "same question, is still overdue.") in planned
    assert "brackets are ours" not in planned
    example = _paper("example", fmt)
    assert "the two new causes of concern (A4-COC-1 and A5-COC-1)" in example
    # (the paragraph runs over a page in the PDF: read either side of the page furniture)
    assert "The report’s new findings in the same area are" not in example
    assert "the same area (A4-COC-1, A4-REC-1 and A4-AFI-1)." in example
    assert "new causes of concern" not in _paper("norfolk", fmt)


@pytest.mark.parametrize("kind", ("s55", "committee", "pack"))
def test_square_brackets_are_said_to_be_added_in_quoting(kind: str) -> None:
    text = " ".join(document_text(*review_options("norfolk-plan", kind), "pdf").split())
    assert "Words in square brackets are added in quoting, or replace the report’s own words" in text
    assert "brackets are ours" not in text
