"""Editorial read 10-B of the one-page brief: the action plan asked for before the s.55
deadline, causes of concern and recommendations never cut from the page, the protective
marking placeholder, the grades said evenly, and a brief that never fails for length.

Each test reads what a reader gets: the PDF's text, the DOCX through python-docx, the HTML text.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date
from pathlib import Path

import docx
import pytest
from docread import (
    browser_joins,
    pdf_pages,
    rendered,
    synthetic_assessment,
    synthetic_report,
    text_of,
    with_concerns,
)
from docread import review_options as _options

import peeldocs
from peeldocs.model import Grade, Judgment, Report, Status
from peeldocs.options import Options
from peeldocs.plans.files import load_plan
from peeldocs.sections.brief_items import is_key
from peeldocs.sections.items import response_items
from peeldocs.sections.lowest import tally_sentence

# one worker builds this module's documents (its module fixtures), not both
pytestmark = pytest.mark.xdist_group("test_brief_read10")

ROOT = Path(__file__).parent.parent
NORFOLK = ROOT / "data" / "norfolk-2018-effectiveness.yaml"
EXAMPLE = ROOT / "examples" / "exampleshire-2023-25-assessment.yaml"
PLAN = ROOT / "examples" / "norfolk-2018-action-plan.yaml"
FORMATS = ("pdf", "docx", "html")


def _text(data: bytes, fmt: str) -> str:
    text = text_of(data, fmt)
    if fmt == "html":
        text = browser_joins(text, ",.:;)’”")
    return " ".join(text.split())


@pytest.fixture(scope="module")
def texts(review_briefs: dict[tuple[str, str], bytes]) -> dict[tuple[str, str], str]:
    return {key: _text(data, key[1]) for key, data in review_briefs.items()}


# --- 1. before the s.55 deadline, with no plan: agree one, so the comments can answer -------

@pytest.mark.parametrize("fmt", FORMATS)
def test_no_plan_before_the_deadline_asks_for_a_plan_for_the_recommendation(
        fmt: str, texts: dict[tuple[str, str], str],
        review_briefs: dict[tuple[str, str], bytes]) -> None:
    text = texts["norfolk", fmt]
    assert ("Decisions needed (no action plan was seen for this brief): agree the chief constable’s comments on the report ({to be completed: "
            "where the draft is}), for the Police "
            "and Crime Commissioner for Norfolk to publish with the commissioner’s own by 26 June "
            "2019; agree an action plan, with an action, an owner and a target date for each "
            "finding, so that the commissioner’s comments can say what action is proposed on the "
            "recommendation (E5-REC-1).") in text
    # after the deadline the example still asks for a plan and for what was done
    assert ("Decisions needed (no action plan was seen for this brief): agree an action plan, with an action, an owner and a target date "
            "for each finding; confirm the action taken on all four recommendations"
            ) in texts["example", fmt]
    if fmt == "pdf":
        assert pdf_pages(review_briefs["norfolk", "pdf"]) == 1


def test_many_recommendations_are_counted_in_the_ask() -> None:
    report = with_concerns(peeldocs.load_report(NORFOLK), 30)  # ten more recommendations
    options = Options(document="brief", published=date(2019, 5, 2), as_of=date(2019, 6, 10))
    text = _text(rendered(report, options, "pdf"), "pdf")
    assert ("so that the commissioner’s comments can say what action is proposed on the 11 "
            "recommendations.") in text or "proposed on the eleven recommendations" in text


# --- 1b. causes of concern and recommendations are never cut from the page ------------------

def _many() -> dict[str, tuple[Report, Options]]:
    example = peeldocs.load_report(EXAMPLE)
    norfolk = peeldocs.load_report(NORFOLK)
    return {
        "example-40": (with_concerns(example, 40), Options(document="brief",
                                                            as_of=date(2025, 4, 1))),
        "example-90": (with_concerns(example, 90), Options(document="brief",
                                                            as_of=date(2025, 4, 1))),
        "norfolk-no-plan-45": (with_concerns(norfolk, 45), Options(
            document="brief", published=date(2019, 5, 2), as_of=date(2019, 6, 10))),
        "norfolk-plan-30": (with_concerns(norfolk, 30), Options(
            document="brief", published=date(2019, 5, 2), as_of=date(2019, 10, 15),
            plan=load_plan(PLAN, norfolk, as_of=date(2019, 10, 15), published=date(2019, 5, 2)))),
        "assessment": (with_concerns(synthetic_assessment(3), 60), Options(document="brief")),
        "thirty": (with_concerns(synthetic_report("Kent Police", "Kent", 3, questions=10), 30),
                   Options(document="brief")),
    }


@pytest.mark.parametrize("case", list(_many()))
def test_every_cause_of_concern_and_recommendation_is_on_the_page(case: str) -> None:
    report, options = _many()[case]
    keys = [i.id for i in response_items(report) if is_key(i)]
    assert len(keys) >= 10
    for fmt in FORMATS:
        data = rendered(report, options, fmt)
        text = _text(data, fmt)
        # a reference wrapped at its hyphen in the PDF is still one reference to a reader
        joined = re.sub(r"-\s+", "-", text)
        missing = [ref for ref in keys if not re.search(rf"{re.escape(ref)}(?![\w-])", joined)]
        assert not missing, (case, fmt, missing)
        if fmt == "pdf":
            assert pdf_pages(data) == 1, case
            assert "one-page brief" in text


# --- 2. protective marking: never in the brief's running text (read 12-B) --------------------
# The marking, or the placeholder for it, belongs at the head and foot of the page (the page
# header and footer, laid out for every internal document), not as the body's last sentence.

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_brief_body_carries_no_marking_sentence(
        fmt: str, texts: dict[tuple[str, str], str],
        review_briefs: dict[tuple[str, str], bytes]) -> None:
    for case in ("norfolk", "example", "norfolk-plan"):
        text = texts[case, fmt]
        assert "Protective marking: {" not in text, case
        assert not re.search(r"(marked changes|real force)\. Protective marking", text), case
    if fmt == "docx":  # the body's paragraphs (the header and footer are not among them)
        for case in ("norfolk", "example"):
            document = docx.Document(io.BytesIO(review_briefs[case, "docx"]))
            assert not [p for p in document.paragraphs if "Protective marking" in p.text], case
            assert document.paragraphs[-1].text.rstrip().endswith(
                ("apart from any marked changes.", "it describes no real force.",
                 "not the inspectorate’s.", "are counted from publication.")), case
            # read 19: the note on references; read 35: the note on the dates we count
    if fmt == "html":
        for case in ("norfolk", "example"):
            main = review_briefs[case, "html"].decode().split("<main", 1)[1].split("</main>")[0]
            assert "Protective marking" not in main, case


# --- 3. the grades said evenly, for any counts ------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_grades_sentence_says_graded_once(fmt: str, texts: dict[tuple[str, str], str]) -> None:
    # (the assessment's page gives its findings the room, read 21; its tally: read 12's test)
    # read 35: "graded" once per clause type, "were graded" for the plural counts and "was
    # graded" for the singular, so that "one requires improvement" never reads as a verb
    said = texts["norfolk", fmt]
    assert ("Of the five questions, three were graded good (one carried over from 2016) and one "
            "was graded requires improvement (question 2, ‘How effective is the force at investigating crime and reducing re-offending?’); question 5 was ungraded.") in said
    tally = said[said.index("Of the five questions"):said.index("was ungraded.")]
    assert tally.count("were graded") == 1 and tally.count("was graded") == 1
    assert tally.count("graded") == 2


def test_the_grades_sentence_for_other_counts() -> None:
    norfolk = peeldocs.load_report(NORFOLK)
    qs = list(norfolk.questions)
    qs[0] = dataclasses.replace(qs[0], judgment=Judgment(Status.GRADED, Grade.INADEQUATE))
    qs[2] = dataclasses.replace(qs[2], judgment=Judgment(Status.UNKNOWN))
    qs[3] = dataclasses.replace(qs[3], judgment=Judgment(Status.NOT_INSPECTED))
    assert tally_sentence(tuple(qs)) == (
        "one was graded requires improvement and one inadequate; one was not inspected, one "
        "was ungraded and one was not found in the imported text")
    graded = tuple(q for q in norfolk.questions if q.judgment.status.has_grade)
    assert tally_sentence(graded) == ("three were graded good (one carried over from 2016) and "
                                      "one was graded requires improvement")
    assert tally_sentence(graded[:1]) == "one was graded good"


# --- 4. a brief never fails to build for length -----------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_welsh_brief_with_a_plan_builds_on_two_pages_titled_as_such(fmt: str) -> None:
    report, options = _options("norfolk-plan")
    options = dataclasses.replace(options, language="cy", marking=Options().marking)
    data = rendered(report, options, fmt)
    text = _text(data, fmt)
    assert "effeithiolrwydd: briff" in text and "briff un dudalen" not in text
    assert "E5-REC-1" in text and "E2-AFI-2" in text
    if fmt == "pdf":
        assert pdf_pages(data) == 2
        meta = __import__("pypdf").PdfReader(io.BytesIO(data)).metadata
        assert meta.title.endswith("effeithiolrwydd: briff")
    if fmt == "html":
        assert re.search(r"<title>[^<]*effeithiolrwydd: briff</title>", data.decode())


def test_an_english_brief_too_long_for_one_page_builds_and_says_so() -> None:
    report = with_concerns(synthetic_report("Test Constabulary", "Test", 7, questions=12), 240)
    options = Options(document="brief")
    data = rendered(report, options, "pdf")
    text = _text(data, "pdf")
    keys = [i.id for i in response_items(report) if is_key(i)]
    joined = re.sub(r"-\s+", "-", text)
    assert all(re.search(rf"{re.escape(ref)}(?![\w-])", joined) for ref in keys)
    assert pdf_pages(data) >= 2 and "one-page brief" not in text and ": brief" in text
    docx_text = _text(rendered(report, options, "docx"), "docx")
    assert "one-page brief" not in docx_text
