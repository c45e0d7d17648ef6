"""Read 29-C: the committee paper, worded as a panel member reads it.

1. "The inspectorate judged Norfolk Constabulary to be good for effectiveness" (never
   "found … to be good at effectiveness"); "requires improvement" as a verb.
2. An "immediately" recommendation is a standing requirement, not a passed deadline, in
   the table and in the recommendations; a cause of concern answered by its
   recommendations says "See the recommendations below".
3. An earlier cause of concern names this report's causes of concern in the same place,
   only where the data places them there.
4. No page of the paper's body left half empty before a short last one (PDF).
6. An item without an owner or actions names its target date when it is soon.
7. The judgments and findings tables have captions that say what they hold, never the
   heading above them again.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from docread import document_text, norfolk_plan, rendered
from pagefill import pages

from peeldocs import Options
from peeldocs.model import Grade, Report

FORMATS = ("pdf", "docx", "html")
EXAMPLE = Options(document="committee", as_of=date(2025, 4, 1))
NO_PLAN = Options(document="committee", published=date(2019, 5, 2), as_of=date(2019, 6, 10))


def _planned(norfolk: Report) -> Options:
    return dataclasses.replace(norfolk_plan(norfolk), document="committee")


def _table(text: str) -> str:
    return text[text.index("Finding Report text (verbatim)"):text.index("7. How progress")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_overall_grade_reads_as_a_person_writes_it(fmt: str, norfolk: Report) -> None:
    text = document_text(norfolk, NO_PLAN, fmt)
    assert "The inspectorate judged Norfolk Constabulary to be good for effectiveness." in text
    assert "found Norfolk Constabulary to be" not in text and "good at effectiveness" not in text
    assert norfolk.judgment is not None and norfolk.judgment.grade is not None
    worse = dataclasses.replace(norfolk, judgment=dataclasses.replace(
        norfolk.judgment, grade=Grade.REQUIRES_IMPROVEMENT))
    text = document_text(worse, NO_PLAN, fmt)
    assert ("The inspectorate judged that Norfolk Constabulary requires improvement for "
            "effectiveness.") in text
    assert "to be requires improvement" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_immediately_is_a_standing_requirement(fmt: str, example: Report) -> None:
    text = document_text(example, EXAMPLE, fmt)
    table = _table(text)
    assert ("Immediate (from publication, 12 September 2024): to confirm it is in place "
            "A5-REC-3") in table
    assert "immediately on publication" not in table
    assert table.count("See A4-REC-1") == 1 and table.count("See A5-REC-1") == 1
    assert "Set by its recommendations" not in text
    # the recommendations say the same: the dated ones passed, the immediate one standing
    assert ("(A5-REC-1 and A5-REC-2) had passed by 1 April 2025. By that date, A4-REC-1 was 20 days past "
            "its deadline, A5-REC-1 110 days and A5-REC-2 1 day. The committee is asked to seek "
            "assurance from the chief constable on the action taken on each.") in text
    # read 30-C: in the past tense, the word order plain
    assert ("is asked to note that the report required immediate action on the recommendation "
            "in ‘Investigating crime’ (A5-REC-3) from publication on 12 "
            "September 2024, and to seek assurance from the chief constable that the action it "
            "requires is in place.") in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_earlier_cause_of_concern_names_the_one_in_its_place(fmt: str,
                                                                example: Report) -> None:
    text = document_text(example, EXAMPLE, fmt)
    # read 35-C: named once, in the ask on the earlier one (section 5 no longer repeats it)
    same = "and on the report’s new findings in the same area (A4-COC-1, A4-REC-1 and A4-AFI-1)"
    assert same in text
    assert "further cause of concern" not in text
    # placed elsewhere by the data: no link claimed
    (prior,) = example.prior_findings
    moved = dataclasses.replace(example, prior_findings=(dataclasses.replace(prior, question=9),))
    assert same not in document_text(moved, EXAMPLE, fmt)


def test_an_earlier_area_for_improvement_claims_no_link(norfolk: Report) -> None:
    text = document_text(norfolk, NO_PLAN, "html")
    assert "further cause of concern" not in text and "in the same question" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_unowned_item_due_soon_is_named_with_its_date(fmt: str, norfolk: Report) -> None:
    text = document_text(norfolk, _planned(norfolk), fmt)
    assert ("(E2-AFI-2), for which the action plan records neither, although it is due in 17 "
            "days, on 1 November 2019.") in text
    # a target far off is the table's to give
    later = dataclasses.replace(_planned(norfolk), as_of=date(2019, 6, 1))
    assert "although it is due" not in document_text(norfolk, later, fmt)


def test_the_tables_are_captioned_by_what_they_hold(norfolk: Report, example: Report) -> None:
    for report, options, judged, found in (
            (norfolk, NO_PLAN, "Judgment for each question",
             "Each finding in the report’s words, with its lead, target date and reference"),
            (norfolk, _planned(norfolk), "Judgment for each question",
             "Each finding in the report’s words, with its owner or lead, state and reference"),
            (example, EXAMPLE, "Grade for each area",
             "Each finding in the report’s words, with its lead, deadline or target date and "
             "reference")):
        html = rendered(report, options, "html").decode()
        captions = re.findall(r"<caption[^>]*>([^<]*)</caption>", html)
        assert judged in captions and found in captions, captions
        headings = re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", html)
        assert not set(captions) & {re.sub(r"<[^>]+>|^[0-9.]+ ", "", h) for h in headings}


def test_no_page_is_left_half_empty_before_a_short_last_one(norfolk: Report,
                                                             tmp_path: Path) -> None:
    pdf = tmp_path / "paper.pdf"
    options = dataclasses.replace(_planned(norfolk), audience="committee")
    pdf.write_bytes(rendered(norfolk, options, "pdf"))
    found = pages(pdf)
    body = found[:-1]  # the preparer's notes are the last page
    # every page but the body's last at least two-thirds full (read 29-C: 0.55 before 7.)
    assert all(p.fullness >= 0.66 for p in body[:-1]), body
    assert body[-1].fullness >= 0.25, body
    # a short last page starts at a section; read 32's five pages end on a full one
    assert body[-1].first_line.startswith("8. Implications") or body[-1].fullness >= 0.66, body
