"""The briefing pack as read 30-P left it: who says what in "In brief", and one name a table.

- "In brief" says what the report says in one sentence and what the force's plan shows in
  the next: the report cannot say the plan is overdue.
- A recommendation the report makes in its findings' text is called one, with its reference,
  and named as joint where its words address more than the inspected force.
- The table of findings needing an action plan has one name: its heading (HTML's caption is
  the heading, by ``aria-labelledby``, as it repeats it).
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date

import docx
import pytest
from docread import browser_joins, rendered, review_comparison, review_options, text_of

from peeldocs.plans.findings import FindingRef
from peeldocs.plans.plan import Rag
from peeldocs.sections.plan_unplanned import unplanned_rating

FORMATS = ("pdf", "docx", "html")


def _opening(case: str, fmt: str) -> str:
    report, options = review_options(case, "pack")
    text = " ".join(text_of(rendered(report, options, fmt), fmt).split())
    text = browser_joins(text) if fmt == "html" else text
    return text[text.index("In brief:"):text.index("The chief officer group is asked")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_report_s_words_and_the_force_s_plan_are_two_sentences(fmt: str) -> None:
    opening = _opening("norfolk-plan", fmt)
    # the report's words here; the plan's action, overdue, in the decision just below (read 33)
    assert opening.endswith("It says the force has not made enough progress on the 2017 area "
                            "for improvement (E-2017-AFI-1), reconsidered under question 2. ")
    assert "plan’s action" not in opening and "and the plan" not in opening


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", ("norfolk-plan", "norfolk"))
def test_a_recommendation_in_the_findings_text_is_called_one_and_named_joint(
        case: str, fmt: str) -> None:
    opening = _opening(case, fmt)
    assert ("The report lists three areas for improvement to act on and, in the text of its "
            "question 5 findings, makes one recommendation, to Norfolk and Suffolk "
            "Constabularies jointly (E5-REC-1).") in opening
    assert "not listed as a recommendation" not in opening
    assert "recommends action" not in opening


@pytest.mark.parametrize("case", ("norfolk", "example"))
def test_the_findings_needing_a_plan_table_has_one_name(case: str) -> None:
    report, options = review_options(case, "pack")
    page = rendered(report, options, "html").decode("utf-8")
    assert "Findings for the action plan to answer" not in page
    at = page.index('<h2 id="actions"')
    assert page[at:page.index("</h2>", at)].endswith("Findings needing an action plan")
    table = page[at:page.index("</table>", at)]
    assert 'aria-labelledby="actions"' in table and "<caption>" not in table
    for fmt in ("pdf", "docx"):
        text = " ".join(text_of(rendered(report, options, fmt), fmt).split())
        assert "Findings for the action plan to answer" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_finding_the_plan_does_not_hold_has_its_row_in_the_plan_table(fmt: str) -> None:
    report, options = review_options("norfolk-plan", "pack")
    text = " ".join(text_of(rendered(report, options, fmt), fmt).split())
    text = browser_joins(text) if fmt == "html" else text
    plan = text[text.rindex("One row for each item in the action plan"):]
    # the key says in words how such a row is rated; the row says what the plan lacks
    # (read 35: the key a small table under the plan's)
    assert ("Not in the plan Red once the report’s deadline for it has passed, otherwise "
            "Amber") in plan
    row = plan[plan.index("E5-REC-1 Recommendation"):]
    # joint, and the report's words name the parties (read 35: no name said twice)
    assert re.match(r"E5-REC-1 Recommendation \(question 5\), joint: “We recommend Norfolk "
                    r"and Suffolk Constabularies "
                    r"to work with other forces …” Not yet recorded Not yet recorded No date set "
                    r"Not in the plan Amber No item in the plan yet\.", row), row[:300]


def test_the_plan_table_s_rows_in_word() -> None:
    report, options = review_options("norfolk-plan", "pack")
    document = docx.Document(io.BytesIO(rendered(report, options, "docx")))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Ref"
                 and t.rows[0].cells[5].text == "Status")
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert set(rows) == {"E-2017-AFI-1", "E2-AFI-1", "E2-AFI-2", "E2-AFI-3", "E5-REC-1"}
    assert rows["E5-REC-1"][4:7] == ["No date set", "Not in the plan", "Amber"]
    for ref, cells in rows.items():
        assert (cells[5] == "Not in the plan") == (ref == "E5-REC-1"), ref


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_comparison_table_of_constructed_grades_says_so_under_it(fmt: str) -> None:
    # read 30-X: a page of the 2021/22 tables lifted out of the pack says its grades are made up
    note = "All the grades in this table were constructed for illustration."
    text = " ".join(text_of(review_comparison(fmt), fmt).split())
    assert text.count(note) == 2, text.count(note)  # the two parts of the 2021/22 grades
    for part in ("grades by force (part 1 of 2)", "grades by force (part 2 of 2)"):
        table = text[text.rindex(part):]  # the heading, not its contents entry
        assert table.index(note) < table.index("Wiltshire") + 200, part
    # a table mixing published and constructed grades keeps its marks' note
    assert "Grades marked “published” come from the published HMICFRS report" in text


def test_a_finding_left_out_of_any_plan_gets_the_row_and_a_passed_deadline_rates_it_red() -> None:
    # the class of input, not the one example: drop another finding from the plan
    report, options = review_options("norfolk-plan", "pack")
    assert options.plan is not None
    plan = dataclasses.replace(options.plan, items=tuple(
        i for i in options.plan.items if i.finding != "E2-AFI-2"))
    data = rendered(report, dataclasses.replace(options, plan=plan), "docx")
    table = next(t for t in docx.Document(io.BytesIO(data)).tables
                 if t.rows[0].cells[0].text == "Ref" and t.rows[0].cells[5].text == "Status")
    status = {r.cells[0].text: r.cells[5].text for r in table.rows[1:]}
    assert {ref for ref, said in status.items() if said == "Not in the plan"} == {
        "E2-AFI-2", "E5-REC-1"}
    # a deadline the report set, passed by the date of the pack: Red, as the key says
    ref = FindingRef("A5-REC-1", "recommendation", 5, "Words.", deadline="within six months")
    published = date(2024, 9, 12)
    assert unplanned_rating(ref, published, date(2025, 4, 1)) is Rag.RED
    assert unplanned_rating(ref, published, date(2024, 10, 1)) is Rag.AMBER
    assert unplanned_rating(dataclasses.replace(ref, deadline=None), published,
                            date(2030, 1, 1)) is Rag.AMBER
