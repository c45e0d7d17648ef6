"""Editorial read 23-B of the one-page brief: the references note on the planned brief, the
plan named once, a joint recommendation said to be joint, one form for every passed
deadline, and a conditional ask for the section 55 comments once their deadline has passed.

Each test reads what a reader gets: the PDF's text, the DOCX through python-docx and as
LibreOffice lays it out, the HTML text as a browser joins it.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from docread import between, rendered
from docread import brief_text as _text
from docread import review_options as _options
from pagefill import convert_with_libreoffice, pages

from peeldocs.sections.brief_labels import joint_label
from peeldocs.sections.items import ItemKind, response_items

FORMATS = ("pdf", "docx", "html")
CASES = ("norfolk", "norfolk-plan", "example")
LATE_ASK = "confirm with the commissioner whether the section 55 comments were published, and when"  # read 24-B, read 32


@pytest.fixture(scope="module")
def texts() -> dict[tuple[str, str], str]:
    return {(case, fmt): _text(rendered(*_options(case), fmt), fmt)
            for case in CASES for fmt in FORMATS}


# --- fault 1: the planned brief says its references are ours --------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_planned_brief_says_its_references_are_ours(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    for case in ("norfolk", "norfolk-plan"):  # read 33: a constructed report's are all ours
        text = texts[case, fmt]
        notes = re.findall(r"References such as (\S+) are ours, not the inspectorate’s\.", text)
        assert len(notes) == 1, case
        # the example is a reference the page gives before the note
        assert text.index(notes[0]) < text.index("References such as"), case


# --- fault 2 (as far as the page holds): the finding to decide on is quoted whole -----------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_planned_brief_quotes_the_finding_it_asks_an_owner_for(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["norfolk-plan", fmt]
    needs = between(text, "What needs doing", "Deadlines")
    # read 30-B: every area for improvement is quoted under "What needs doing" (to one
    # short clause beside the plan), and the decision names it by reference and a few words
    # read 31-B: to a whole clause, not its opening fragment
    assert ("Area for improvement (E2-AFI-2): “The force should improve how it allocates crime, "
            "ensuring that investigations are allocated to appropriately trained and supported "
            "officers …”") in needs
    # read 32: by reference alone, the room going to the section 55 prompt
    assert ("name an owner and an action for E2-AFI-2, whose target is"
            in between(text, "Decisions needed", "Judgments"))
    assert "listed verbatim in the briefing pack" not in needs
    assert "The briefing pack has the findings in full." in between(text, "brief", "Decisions")


# --- fault 4: the plan is named once -----------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_plan_is_named_once_not_again_after_its_list(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["norfolk-plan", fmt]
    assert "Action plan: “" not in text
    assert "Illustrative action plan (invented for the example)" not in text
    assert text.count("Illustrative action plan as at 15 October 2019 (invented; the findings are "
                      "the report’s): four items (one overdue, one with no owner, one in progress and one closed four days late).") == 1


def test_a_plan_that_is_not_illustrative_is_named_by_its_title() -> None:
    report, options = _options("norfolk-plan")
    assert options.plan is not None
    plan = dataclasses.replace(options.plan, illustrative=False, title="Norfolk PEEL plan")
    text = _text(rendered(report, dataclasses.replace(options, plan=plan), "html"), "html")
    assert "Action plan “Norfolk PEEL plan” as at 15 October 2019: four items (one overdue, one with no owner, one in progress and one closed four days late)." in text
    assert "Action plan: “" not in text


# --- fault 5: a joint recommendation says so ------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_recommendation_to_more_than_the_force_is_called_joint(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    for case in ("norfolk", "norfolk-plan"):
        # read 25-B: in quotation marks, the inspectorate's "We", never the force's
        assert ("Joint recommendation (E5-REC-1): “We recommend Norfolk and Suffolk "
                "Constabularies") in texts[case, fmt], case
    # the example's recommendations are to the force alone
    assert "Joint recommendation" not in texts["example", fmt]
    assert "Recommendation (A5-REC-3, under A5-COC-1)" in texts["example", fmt]


def test_joint_is_read_from_the_recommendations_words_not_a_force_name() -> None:
    report, _unused = _options("norfolk")
    rec = next(i for i in response_items(report) if i.kind is ItemKind.RECOMMENDATION)
    alone = dataclasses.replace(rec, text="We recommend that the force reviews its "
                                "specialist capability.")
    two = dataclasses.replace(rec, text="We recommend Kent Police and Essex Police to agree a "
                              "shared firearms licensing unit.")
    partners = dataclasses.replace(rec, text="The force should work with neighbouring forces "
                                   "to agree a shared capability.")
    assert joint_label(alone, report, "Recommendation") == "Recommendation"
    assert joint_label(two, report, "Recommendation") == "Joint recommendation"
    assert joint_label(partners, report, "Recommendation") == ("Recommendation, with other "
                                                               "forces")
    area = next(i for i in response_items(report) if i.kind is ItemKind.AREA_FOR_IMPROVEMENT)
    assert joint_label(dataclasses.replace(area, text=two.text), report, "Area") == "Area"


# --- fault 6: one form for every passed deadline ---------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_every_passed_deadline_reads_the_same_immediately_included(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    needs = between(texts["example", fmt], "What needs doing", "Deadlines")
    # all four alike: with "no action recorded" on each, or (a page short of room, the
    # deadlines line saying no plan was supplied) on none
    # read 33: a dated deadline says how long ago it passed
    full = len(re.findall(r"; deadline passed(?: [\w ]+ ago)?; no action recorded\.", needs))
    short = len(re.findall(r"; deadline passed(?: [\w ]+ ago)?\.", needs))
    assert (full, short) in ((4, 0), (0, 4)), (full, short)
    assert re.search(r"Due immediately( \(from publication, 12 September 2024\))?; deadline "
                     r"passed[.;]", needs)
    assert "Due immediately; no action recorded." not in needs
    assert "Four deadlines set by the report have passed." not in \
        texts["example", fmt]  # read 36: each line says it


# --- fault 7: the section 55 comments, once their deadline has passed -----------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_after_the_s55_deadline_the_decisions_ask_for_the_comments_if_not_published(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    # read 31-B: beside a plan the check gives way to the findings' words (the deadline line
    # asks for the date published); read 35: on the example's page, to the figure behind a
    # cause of concern (the check then ends a roomier brief's decisions)
    for case in ("norfolk-plan", "example"):
        decisions = between(texts[case, fmt], "Decisions needed", "Grades" if case == "example"
                            else "Judgments")
        assert decisions.rstrip().endswith(LATE_ASK + ".") or case == "norfolk-plan" or (
            "71.2%" in texts[case, fmt]), case
        assert "deadline has passed" not in decisions.replace("whose deadlines have passed", "")
    # before the deadline the ask is to agree them by it, not conditionally
    before = between(texts["norfolk", fmt], "Decisions needed", "Judgments")
    assert LATE_ASK not in before and "by 26 June 2019" in before


# --- every brief still one A4 page, in PDF and as LibreOffice lays out the DOCX -------------

def test_each_brief_is_one_page_in_pdf_and_in_libreoffice(tmp_path: Path) -> None:
    docs = []
    for case in CASES:
        report, options = _options(case)
        assert len(pages(_write(tmp_path / f"{case}.pdf", rendered(report, options, "pdf")))) == 1
        docs.append(_write(tmp_path / f"{case}.docx", rendered(report, options, "docx")))
    for path, pdf in convert_with_libreoffice(docs, tmp_path / "lo").items():
        assert len(pages(pdf)) == 1, path.name


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
