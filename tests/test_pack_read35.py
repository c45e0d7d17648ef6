"""Editorial read 35 of the briefing pack (fault 1): what each action-plan row is about.

The action-plan tables ("Action plan" with a plan, "Findings needing an action plan"
without) named each finding only by its kind and question ("Area for improvement
(question 2)"), so the three Norfolk rows under question 2 looked the same and the
reader turned back to the executive summary to tell allocation from supervision.  Each
row now gives the finding's own opening words, cut at a clause with an ellipsis, as the
executive summary's short forms are; never a title of ours.  Checked in the text a reader
gets from the PDF, the Word document and the HTML page, and on the PDF's pages.
"""

from __future__ import annotations

import dataclasses
import io
import re

import docx
import pytest
from docread import browser_joins, pdf_pages, rendered, review_options, text_of

FORMATS = ("pdf", "docx", "html")
ALLOCATION = "“The force should improve how it allocates crime …”"
SUPERVISION = "“The force should ensure regular and active supervision …”"
SKILLS = "“The force must ensure that staff with the right skills are investigating crimes …”"


def _plan(case: str, fmt: str, heading: str) -> str:
    report, options = review_options(case, "pack")
    text = " ".join(text_of(rendered(report, options, fmt), fmt).split())
    text = browser_joins(text) if fmt == "html" else text
    return text[text.rindex(heading):]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_plan_table_s_three_question_2_rows_say_which_finding_each_is(fmt: str) -> None:
    plan = _plan("norfolk-plan", fmt, "One row for each item in the action plan")
    for ref, words in (("E2-AFI-1", SKILLS), ("E2-AFI-2", ALLOCATION),
                       ("E2-AFI-3", SUPERVISION)):
        assert re.search(re.escape(ref) + r" Area for improvement \(question 2\): "
                         + re.escape(words), plan), (ref, plan[plan.index(ref):][:200])
    # the report's words, cut: never its whole sentence again, never a title of ours
    assert "allocates crime, ensuring that" not in plan


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", ("norfolk", "example"))
def test_the_findings_needing_a_plan_table_names_each_in_its_words(case: str, fmt: str) -> None:
    plan = _plan(case, fmt, "Findings needing an action plan One row")
    heads = {"norfolk": "Ref Type Question Finding Action", "example": "Ref Type Area Finding "}
    assert heads[case] in plan
    rows = {"norfolk": (("E2-AFI-2 Area for improvement 2 ", ALLOCATION),
                        ("E2-AFI-3 Area for improvement 2 ", SUPERVISION)),
            "example": (("A5-REC-2 Recommendation Investigating crime ",
                         "“The force should make sure that the victim’s wishes are recorded …”"),
                        ("A4-COC-1 Cause of concern Responding to the public ",
                         "“The force isn’t answering emergency calls quickly enough …”"))}[case]
    for start, words in rows:
        assert start + words in plan, (start, plan[plan.index(start.split()[0]):][:200])
    assert "Quoted in full in" not in plan


def test_the_word_plan_table_has_the_words_in_its_finding_column() -> None:
    report, options = review_options("norfolk-plan", "pack")
    document = docx.Document(io.BytesIO(rendered(report, options, "docx")))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Ref"
                 and t.rows[0].cells[5].text == "Status")
    cells = {r.cells[0].text: r.cells[1].text for r in table.rows[1:]}
    assert cells["E2-AFI-2"] == f"Area for improvement (question 2): {ALLOCATION}"


@pytest.mark.parametrize("case", ("norfolk", "example"))
def test_the_words_cost_the_pack_no_page(case: str) -> None:
    report, options = review_options(case, "pack")
    pages = pdf_pages(rendered(report, options, "pdf"))
    assert pages == {"norfolk": 17, "example": 11}[case]  # as read 35 counted them


def test_the_welsh_plan_table_says_the_kind_in_welsh_and_quotes_the_report() -> None:
    report, options = review_options("norfolk-plan", "pack")
    options = dataclasses.replace(options, language="cy")
    text = " ".join(text_of(rendered(report, options, "pdf"), "pdf").split())
    assert f"E2-AFI-2 Maes i’w wella (cwestiwn 2): {ALLOCATION}" in text
