"""Read 35 of the one-page briefs: what each reader now gets (fix round 37, brief37).

1. An assessment brief gives the figure behind a cause of concern when the report sets
   one against a yardstick ("71.2%, against the national standard of 90%"), and names
   where its areas for improvement fall ("one in each of ‘…’") when the page has room.
2. "one was graded requires improvement", never "one requires improvement"; "graded" once
   per verb ("two were graded requires improvement, three good and three adequate").
3. A finding's plan note gives its state: "Plan: in progress, due 31 December 2019."
4. The dates we count from a period say so once, in the closing notes.
5. A constructed report's brief says so in its visible title: "… one-page brief (illustrative)".
6. Without a plan the brief says so at its decisions, not under "Deadlines".
7. With no marking given, its placeholder heads and foots the page, as a given marking does
   (read 36: a marking belongs at both; this reverses fix round 37's header-only placeholder).
"""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from docread import between, pdf_pages
from docread import review_options as _options

from peeldocs.sections.brief_named import places
from peeldocs.sections.items import ItemKind, response_items

FORMATS = ("pdf", "docx", "html")
HEAD = "{to be completed: protective marking}"


@pytest.fixture(scope="module")
def texts(review_brief_texts: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    return review_brief_texts


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_cause_of_concern_gives_the_figure_behind_it(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["example", fmt]
    figure = ("Figure: emergency calls answered within 10 seconds: 71.2%, against the national "
              "standard of 90%.")
    assert text.count(figure) == 1
    # on the line of the cause of concern it measures, before that cause's recommendation
    assert text.index("(A4-COC-1): “") < text.index(figure) < text.index("(A4-REC-1")
    assert "Figure:" not in texts["norfolk", fmt]  # the report sets none against a yardstick


def test_areas_for_improvement_one_in_each_are_named_by_area() -> None:
    report, _unused = _options("example")
    afis = [i.id for i in response_items(report) if i.kind is ItemKind.AREA_FOR_IMPROVEMENT]
    assert places(report, afis).startswith("one in each of ‘Police powers and public treatment’, ")
    norfolk, _unused = _options("norfolk")
    assert places(norfolk, ["E2-AFI-1", "E2-AFI-3"]) == "under question 2 (E2-AFI-1 and E2-AFI-3)"


@pytest.mark.parametrize("fmt", FORMATS)
def test_requires_improvement_reads_as_a_grade(fmt: str,
                                               texts: dict[tuple[str, str], str]) -> None:
    for case in ("norfolk", "norfolk-plan"):
        assert "and one was graded requires improvement (question 2" in texts[case, fmt], case
        assert "one requires improvement" not in texts[case, fmt], case
    grades = between(texts["example", fmt], "Grades", "What needs doing")
    assert "Of the other nine areas, two were graded requires improvement" in grades
    assert "three adequate and three good" in grades  # read 36: down the scale
    assert len(re.findall(r"\bgraded\b", grades)) == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_plan_note_gives_its_state(fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["norfolk-plan", fmt]
    assert "Plan: in progress, due 31 December 2019." in text
    assert "Plan: due " not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_counted_dates_are_said_to_be_ours_once(fmt: str,
                                                texts: dict[tuple[str, str], str]) -> None:
    text = texts["example", fmt]
    assert "Dates after a period (“within three months”) are counted from publication." in text
    assert text.count("counted from publication") == 1
    assert "Due within three months (12 December 2024); deadline passed 110 days ago." in text
    assert "counted from publication" not in texts["norfolk", fmt]  # no period to count


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_constructed_reports_brief_says_so_in_its_title(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    title = "Exampleshire Constabulary, PEEL 2023–25 force assessment: one-page brief (illustrative)"
    # (the HTML's text opens with its document title, which said so already)
    assert title + " Prepared for" in " ".join(texts["example", fmt].split())
    assert "(illustrative)" not in texts["norfolk", fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_plan_the_decisions_say_so_not_the_deadlines(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    for case in ("norfolk", "example"):
        text = texts[case, fmt]
        assert text.count("Decisions needed (no action plan was seen for this brief): ") == 1, case
        assert "without" not in text[text.index("Deadlines"):], case
    assert "• The report sets no deadline of its own." in texts["norfolk", "pdf"].replace(
        "\n", " ") or "The report sets no deadline of its own." in texts["norfolk", fmt]
    assert "Four deadlines set by the report have passed." not in texts["example", fmt]  # read 36
    assert "without a plan" not in texts["norfolk-plan", fmt]


def test_the_marking_placeholder_heads_and_foots_the_page(
        review_briefs: dict[tuple[str, str], bytes]) -> None:
    for case in ("norfolk", "example"):
        data = review_briefs[case, "pdf"]
        assert pdf_pages(data) == 1, case
        page = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
        assert page.count(HEAD) == 2, case  # the header's and the footer's
