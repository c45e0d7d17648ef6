"""Read 36-C: the committee paper's asks and 7.1, as readers get them in every format.

36-C 1. The ask on an overdue earlier finding says the report found not enough progress
     on it, and that its target date was already moved.
36-C 2. The ask on a closure names the earlier finding still overdue.
36-C 3. 7.1 points to the findings table for each item's state, never repeating it.
36-C 4. Without a plan, 7.1's placeholder names no plan.
"""

from __future__ import annotations

import re

import pytest
from docread import browser_joins, document_text, review_options

FORMATS = ("pdf", "docx", "html")
NOTES = "Before issuing: notes for the preparer"


def _body(case: str, fmt: str) -> str:
    """The paper's body, without the page furniture, as a reader gets it."""
    text = document_text(*review_options(case, "committee"), fmt)
    text = browser_joins(text) if fmt == "html" else text
    text = re.sub(r" (?:Norfolk|Exampleshire) Constabulary · [^{]*?Page \d+ of \d+"
                  r"(?: (?:OFFICIAL|\{to be completed: protective marking\}))*", "", text)
    return text[:text.index(NOTES)]


def _asks(body: str) -> str:
    return body[body.index("2. Recommendations to the committee"):body.index("3. Background")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_overdue_earlier_finding_is_asked_about_with_its_history(fmt: str) -> None:
    asks = _asks(_body("norfolk-plan", fmt))
    assert ("(E-2017-AFI-1), on which the report found not enough progress, is 15 days overdue "
            "after its target date was moved from 31 July 2019 (see paragraphs 6.2 and 6.3)"
            ) in asks
    assert ("what evidence supports the closure of E2-AFI-3 while E-2017-AFI-1, under the same "
            "question, is still overdue.") in asks
    assert "not enough progress" in _asks(_body("norfolk", fmt))  # no plan: its own ask


@pytest.mark.parametrize("fmt", FORMATS)
def test_7_1_points_to_the_table_and_the_overdue_state_is_not_repeated(fmt: str) -> None:
    body = _body("norfolk-plan", fmt)
    tracked = body[body.index("7. How progress is tracked"):body.index("8. Implications")]
    assert ("As at 15 October 2019, the action plan has four items; the table at paragraph 6.2 "
            "gives the state of each.") in tracked
    assert "overdue" not in tracked
    assert "E-2017-AFI-1" not in tracked


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_plan_7_1_names_no_plan(fmt: str) -> None:
    for case in ("norfolk", "example"):
        body = _body(case, fmt)
        tracked = body[body.index("7. How progress is tracked"):body.index("8. Implications")]
        assert "the plan" not in tracked, case
        assert ("{to be completed: the board or meeting that will oversee the force’s "
                "response}") in tracked, case


@pytest.mark.parametrize("fmt", FORMATS)
def test_section_5_gives_the_finding_not_addressed_first_and_verdicts_alike(fmt: str) -> None:
    for case in ("norfolk-plan", "norfolk"):
        body = _body(case, fmt).replace("– ", "")
        found = body[body.index("5. What the report found"):body.index("6. Findings")]
        assert found.index("(E-2017-AFI-1), the report says: “The force has not made enough "
                           "progress.”") < found.index("has addressed three earlier findings")
        # every verdict after the list, none on a line of it
        assert "The report says: “We are reassured" not in found, case
        assert ("Of E-2017-AFI-2, the report says: “We are reassured that the force has "
                "addressed this area and made satisfactory improvements.” Of E-2016-AFI-1 and "
                "E-2016-AFI-2, the report says:") in found, case


@pytest.mark.parametrize("fmt", FORMATS)
def test_square_brackets_are_explained_before_their_first_use(fmt: str) -> None:
    note = ("Words in square brackets are added in quoting, or replace the report’s own words; "
            "an ellipsis marks words left out.")
    for case in ("norfolk-plan", "norfolk"):
        body = _body(case, fmt)
        first = re.search(r"(?<!\[)\[(?![\[]|to be completed)", body)
        assert first is not None
        at = body.index(note)
        # said in the paragraph that first uses them, and once
        assert body.rfind(" 5.", 0, first.start()) < at, case
        assert body.count("Words in square brackets") == 1, case


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_carried_over_grade_is_said_in_its_cell_not_a_column_of_dashes(fmt: str) -> None:
    body = " ".join(_body("norfolk-plan", fmt).split())
    judged = body[body.index("4. The judgments"):body.index("5. What the report found")]
    assert "Note" not in judged
    assert "—" not in judged
    assert "Good (carried over from 2016)" in judged


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_abbreviation_the_quotation_leaves_unexpanded_is_glossed_from_the_report(
        fmt: str) -> None:
    body = " ".join(_body("norfolk", fmt).split())
    # the quotation as published, then the report's own expansion beside it
    assert ("“We were particularly impressed with the partnership work within the South Norfolk "
            "EHH, which runs an innovative scheme called community connectors.” (EHH: early help "
            "hub)") in body


def test_only_what_the_report_spells_out_is_glossed() -> None:
    from peeldocs.sections.practice import glosses
    report, _options = review_options("norfolk", "committee")
    assert glosses("within the South Norfolk EHH, which", report) == " (EHH: early help hub)"
    assert glosses("an early help hub (EHH) in each district", report) == ""
    assert glosses("the XQZ team", report) == ""  # never invented


@pytest.mark.parametrize("fmt", FORMATS)
def test_several_passed_deadlines_are_said_in_short_sentences(fmt: str) -> None:
    asks = " ".join(_asks(_body("example", fmt)).split())
    ask = asks[asks.index("2.3 "):asks.index("2.4 ")]
    assert ("had passed by 1 April 2025. By that date, A4-REC-1 was 20 days past its deadline, "
            "A5-REC-1 110 days and A5-REC-2 1 day. The committee is asked to seek assurance from "
            "the chief constable on the action taken on each.") in ask
    for sentence in re.split(r"(?<=\.) (?=[A-Z])", ask[4:]):
        assert len(sentence.split()) <= 40, sentence


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_placeholder_inside_a_recommendation_to_the_committee(fmt: str) -> None:
    for case in ("example", "norfolk", "norfolk-plan"):
        body = " ".join(_body(case, fmt).split())
        assert "{to be completed" not in _asks(body), case
    body = " ".join(_body("example", fmt).split())
    assert "note that the comments of the local policing body on the report were due" in body
    # the author names it once, where the duty is stated
    assert "7.2 The comments of {to be completed: the local policing body} on the report" in body
