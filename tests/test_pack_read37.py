"""Editorial read 35 of the briefing pack, fix round 37: what a reader of the pack gets.

The action plan's rows name each finding in the report's words, but an earlier finding's
fragment ("This was to ensure …") is given only in its marked form, so the report's
paragraph is quoted once; the preamble before the plan is short, with a compact RAG key;
overlapping findings are linked; statuses are said once or twice; the assessment's "In
brief" opens with the shape of its grades; and the s.55 line after the deadline is one
question.  Checked in the text of the PDF, the Word document and the HTML page.
"""

from __future__ import annotations

import re

import pytest
from docread import browser_joins, rendered, review_options, text_of

FORMATS = ("pdf", "docx", "html")


def _pack(case: str, fmt: str) -> str:
    report, options = review_options(case, "pack")
    text = " ".join(text_of(rendered(report, options, fmt), fmt).split())
    return browser_joins(text) if fmt == "html" else text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_earlier_finding_s_row_gives_its_words_marked_not_requoted(fmt: str) -> None:
    text = _pack("norfolk-plan", fmt)
    plan = text[text.rindex("E-2017-AFI-1 2017 area for improvement, carried"):]
    assert plan.startswith("E-2017-AFI-1 2017 area for improvement, carried forward "
                           "(reconsidered under question 2): to “put appropriate supervision "
                           "in place …”")
    # the paragraph's own words, unmarked, only where the summary quotes it whole
    assert text.count("This was to ensure") == text.count(
        "gave the force an area for improvement. This was to ensure")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_plan_starts_under_a_short_introduction_and_its_key_is_a_small_table(fmt: str) -> None:
    text = _pack("norfolk-plan", fmt)
    plan = text[text.rindex("One row for each item in the action plan"):]
    before = plan[:plan.index("Ref Finding")]
    # read 35: no ordering rule at length, no count repeating the summary, no run-on key
    assert "Rating What it means" not in before and "the plan has four items" not in before
    assert "By RAG rating" not in before and "The plan’s items by RAG rating" not in before
    assert "Open items come first" not in before  # the rows' order shows it (read 35)
    # the key: each rating's word beside what it means, one row each, under the plan
    after = plan[plan.index("Rating What it means"):]
    for row in ("Rating What it means", "Red Not closed and past its due date",
                "Amber Due date moved later than first set;",
                "Green Closed with its date, sign-off and evidence reference, or on track",
                "Not in the plan Red once the report’s deadline for it has passed, "
                "otherwise Amber"):
        assert row in after, row
    assert after.index("Not in the plan Red") < after.index("Notes on this pack")


def test_the_pdf_plan_page_holds_four_rows_under_its_introduction() -> None:
    import io

    import pypdf

    report, options = review_options("norfolk-plan", "pack")
    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(
        rendered(report, options, "pdf"))).pages]
    (first,) = [t for t in pages if "One row for each item in the action plan" in t]
    rows = [r for r in ("E-2017-AFI-1", "E2-AFI-2", "E5-REC-1", "E2-AFI-1", "E2-AFI-3")
            if r in first.split("invented for illustration", 1)[1]]  # rows, not the intro
    assert len(rows) == 4, rows  # read 35: three before, under half a page of preamble


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", ("norfolk-plan", "example"))
def test_after_the_s55_deadline_the_pack_asks_one_question(case: str, fmt: str) -> None:
    text = _pack(case, fmt)
    who, due = {"norfolk-plan": ("the Police and Crime Commissioner for Norfolk", "26 June 2019"),
                "example": ("", "6 November 2024")}[case]
    assert re.search(rf"Were the comments of {who}.*? on this report published by {due}, 56 days "
                     r"beginning with the day of publication, [^?]{8,40}\(Police Act 1996, "
                     r"section 55\)\? \{to be completed: the date they were published, or "
                     r"“not yet published”\}", text), text[text.index(due) - 200:][:400]
    assert "Date published:" not in text and "were due by" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_assessment_s_in_brief_opens_with_the_shape_of_its_grades(fmt: str) -> None:
    text = _pack("example", fmt)
    brief = text[text.index("In brief:"):]
    assert brief.startswith("In brief: Three areas were graded good, three adequate, two requires "
                            "improvement and one inadequate: ‘Investigating crime’. ")
    assert "The lowest grade is" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_pack_names_who_publishes_comments_in_a_reader_s_words(fmt: str) -> None:
    example = _pack("example", fmt)
    # the office is not known for a constructed force: its usual kind, not the statute's term
    assert "local policing body" not in example
    assert ("who reports progress to the inspectorate and the police and crime commissioner "
            "(or equivalent).") in example
    # where it is known, the office itself
    assert "the Police and Crime Commissioner for Norfolk" in _pack("norfolk-plan", fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_closure_beside_an_open_earlier_finding_on_its_question_is_linked(fmt: str) -> None:
    text = _pack("norfolk-plan", fmt)
    # the committee paper's rule: E2-AFI-3 closed, E-2017-AFI-1 under question 2 still open
    # read 36: each a bullet of its own, the second naming the closure it questions
    assert ("E2-AFI-3 was closed on 4 October 2019, four days late, signed off by Example "
            "DCC (illustrative). E-2017-AFI-1, the earlier finding under the same "
            "question, is still open: the group may ask what evidence supports the closure of "
            "E2-AFI-3. It is asked to take") in " ".join(text.replace("•", " ").split())


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_earlier_cause_of_concern_on_one_subject_with_a_new_one_asks_for_one_action(
        fmt: str) -> None:
    text = _pack("example", fmt)
    table = text[text.rindex("Findings needing an action plan One row"):]
    row = table[table.index("A-2021-COC"):]
    assert ("Same subject as A4-COC-1, the new cause of concern in the same area: agree one "
            "action for both.") in row[:400], row[:400]
    # several new findings of its kind under its question: which one it matches is not in
    # the data, so Norfolk's earlier area for improvement is linked to none
    assert "Same subject as" not in _pack("norfolk", fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_overdue_item_s_status_is_said_in_the_ask_and_the_table_not_again(fmt: str) -> None:
    text = _pack("norfolk-plan", fmt)
    # the ask gives its date and how late; the table its row; the list under "What is
    # overdue and due next" only who holds it (read 35: said four times)
    assert text.count("overdue by 15 days") == 2, text.count("overdue by 15 days")
    due = text[text.index("one item in the action plan is overdue (E-2017-AFI-1)"):]
    assert "E-2017-AFI-1: Owner Example ACC (illustrative), lead Example Det Supt " \
           "(illustrative)." in due
    # read 36: the ask to allocate it says it has no owner; not listed again
    assert "E2-AFI-2: No owner recorded." not in due


def test_the_rag_key_s_caption_is_not_its_header_again() -> None:
    """Read 36: the printed key read "RAG key" as its caption and again as its first header."""
    from lxml import html as lxml_html

    report, options = review_options("norfolk-plan", "pack")
    page = lxml_html.fromstring(rendered(report, options, "html"))
    (table,) = [t for t in page.iter("table")
                if " ".join(t.findtext("caption", "").split()) == "RAG key"]
    header = [" ".join(th.text_content().split()) for th in table.iter("th")][:2]
    assert header == ["Rating", "What it means"]
