"""Fix round 37 (editor's read 35): the comparison's order and tables, the register's front page.

Comparison (Norfolk focus, 43 forces, five cycles):
- Norfolk's own material (across cycles, findings by cycle, earlier findings) comes before the
  cycles compared; the 43-force tables of grades by force close the pack as an appendix.
- A summary point that mixes Norfolk's published grade with constructed ones says which is which.
- "Number of forces by grade" has one column for grades not in the data (no grade recorded, or
  no entry), not two.
- A question number whose wording is not recorded in one cycle is said plainly and shortly.
- The recommendation the question 5 findings make is quoted under the findings table, not in a
  narrow column of it.
Register:
- What stands out and then the scope sit under a "Summary" heading; the status totals are said
  once (no status table repeating the by-inspection totals); publication and last-updated dates
  each have a column of their own; "No update recorded." ends like its neighbours.
- The workbook's About prints no "Any other owner (given since issue): none open" row until
  an owner is given since issue.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl
import pytest
from docread import review_comparison, text_of

FORMATS = ("pdf", "docx", "html")


@pytest.fixture(scope="module")
def compared() -> dict[str, str]:
    return {fmt: " ".join(text_of(review_comparison(fmt), fmt).split()) for fmt in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_norfolk_s_own_material_comes_before_the_43_force_tables(compared: dict[str, str],
                                                                 fmt: str) -> None:
    text = compared[fmt]
    body = text.index("Summary", text.index("What was compared") + 20)  # after the contents
    at = body
    for heading in ("Norfolk Constabulary across cycles", "Findings by cycle",
                    "Earlier findings and their outcomes", "Forces compared: PEEL 2018/19",
                    "Number of forces by grade", "Forces compared: PEEL 2021/22",
                    "Appendix: grades by force", "PEEL 2018/19: grades by force",
                    "PEEL 2021/22: grades by force (part 1 of 2)"):
        at = text.index(heading, at)  # each after the one before it
    assert text.index("Forces compared: PEEL 2018/19", body) > text.index(
        "Earlier findings and their outcomes", text.index("Norfolk Constabulary across", body))
    # no table of every force's grades before the appendix
    assert "Dorset" not in text[body:text.index("Appendix: grades by force", body)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_summary_point_mixing_published_and_constructed_grades_says_which(
        compared: dict[str, str], fmt: str) -> None:
    text = compared[fmt]
    summary = text[text.index("Summary", text.index("What was compared") + 20):]
    assert ("PEEL 2018/19 (illustrative, but Norfolk’s effectiveness grade is published): Norfolk "
            "was one of 28 forces graded good for effectiveness") in summary
    assert "Across cycles (illustrative, but Norfolk’s 2018/19 effectiveness grade is published)" \
        in summary
    # the force across cycles before its place among the forces
    assert summary.index("Across cycles (") < summary.index("PEEL 2018/19 (illustrative")


def test_the_counts_table_has_one_column_for_grades_not_in_the_data() -> None:
    document = docx.Document(io.BytesIO(review_comparison("docx")))
    heads = [[c.text.strip() for c in t.rows[0].cells] for t in document.tables
             if "Forces compared" in [c.text.strip() for c in t.rows[0].cells]]
    assert heads and all("Grade not known" not in h and "Not in the data used" not in h
                         for h in heads)
    pillars = next(h for h in heads if "Outstanding" in h and "Adequate" not in h)
    assert pillars == ["What was judged", "Outstanding", "Good", "Requires improvement",
                       "Inadequate", "No grade in the data", "Forces compared",
                       "Of which carried over"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_unrecorded_wording_is_said_plainly_and_the_recommendation_quoted_below(
        compared: dict[str, str], fmt: str) -> None:
    text = compared[fmt]
    assert ("Effectiveness question 2’s 2017 wording is not recorded, so its 2017 grade may be "
            "for a different question.") in text
    assert "has the same number in" not in text
    cell = text.index("None listed as recommendations; the question 5 findings recommend action "
                      "in their text (quoted below the table).")
    quote = text.index("In PEEL 2018/19, the question 5 findings say: “We recommend Norfolk and "
                       "Suffolk Constabularies")
    assert cell < quote < text.index("Earlier findings and their outcomes", cell)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_register_front_page_has_a_summary_heading_and_each_count_once(
        register_texts: dict[str, str], fmt: str) -> None:
    text = " ".join(register_texts[f"register.{fmt}"].split())
    summary = text.index("Summary Four findings are past their target date")  # read 36
    assert summary < text.index("This register tracks every finding in two action plans")
    # the totals by status: the sentence and the by-inspection table's total row, no more
    assert "Status Findings" not in text and "Findings tracked, by status" not in text
    assert "Total 2 4 0 2 8" in text
    # one kind of date to a column
    assert "Date on the report" not in text
    assert "Inspection Date" in text and "Last updated 2 May 2019" in text  # read 36
    assert "No update recorded." in text and "No update recorded " not in text.replace(
        "No update recorded.", "")


def test_the_workbook_about_has_no_empty_owner_row_until_an_owner_is_given(
        tmp_path: Path) -> None:
    from docread import exported_register

    about = openpyxl.load_workbook(exported_register(tmp_path) / "register.xlsx",
                                   data_only=True)["About"]
    said = [" ".join(str(about.cell(r, c).value or "") for c in (1, 2)).strip()
            for r in range(1, about.max_row + 1)]
    # read 35: 'Any other owner (given since issue): none open' printed as noise
    assert not any("Any other owner" in s or s.endswith("none open") for s in said)
    assert "No owner recorded two open, one overdue" in said


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_update_paper_names_its_closures_in_a_line(register_texts: dict[str, str],
                                                        fmt: str) -> None:
    text = " ".join(register_texts[f"update.{fmt}"].split())
    # read 35: the closed findings were counts only
    assert ("The two closed findings are E2-AFI-3 (closed on 4 October 2019) and AFI1 (closed "
            "on 20 August 2024).") in text

