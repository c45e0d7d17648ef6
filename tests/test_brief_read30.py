"""Read 30-B on the one-page brief: what a reader gets in PDF, DOCX and HTML.

F1. With a plan, the areas for improvement are quoted under "What needs doing", next to
    the recommendation; the decisions and the plan's lines refer to them by reference.
F2. The decision leads with the action and names its finding by reference and a few of its
    words, never a long quotation cut mid-sentence.
F3. Areas for improvement the page does not quote are named by reference and area, where
    the page has room.
F4. With a plan, a finding the plan lacks is shown under what is late, on a line of its own.
F5. A late closure: "closed on 4 October 2019, four days after its target of 30 September 2019".
F8. A joint recommendation says whom its action is to be agreed with, from its own words.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from docread import between, pdf_pages
from docread import review_options as _options

from peeldocs.blocks import BulletList, Paragraph, inline_text
from peeldocs.sections.brief import brief_section
from peeldocs.sections.brief_budget import budgets
from peeldocs.sections.brief_named import agreed_with, places
from peeldocs.sections.items import ItemKind, response_items

FORMATS = ("pdf", "docx", "html")
CASES = ("norfolk-plan", "norfolk", "example")


@pytest.fixture(scope="module")
def built(review_briefs: dict[tuple[str, str], bytes]) -> dict[tuple[str, str], bytes]:
    """The reviewed briefs, rendered once per test process (conftest's ``review_briefs``)."""
    return review_briefs


@pytest.fixture(scope="module")
def texts(review_brief_texts: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    return review_brief_texts


def _section_text(case: str, **budget: int) -> str:
    report, options = _options(case)
    level = dataclasses.replace(budgets(report)[0], **budget)
    section = brief_section(report, options, level, pages=None)
    return " ".join(inline_text(b.runs) if isinstance(b, Paragraph) else
                    " ".join(inline_text(i) for i in b.items) if isinstance(b, BulletList)
                    else "" for b in section.blocks)


# --- F1: every area for improvement under "What needs doing", with a plan ----------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_with_a_plan_every_area_for_improvement_is_quoted_under_what_needs_doing(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    report, _unused = _options("norfolk-plan")
    text = texts["norfolk-plan", fmt]
    needs = between(text, "What needs doing", "Deadlines")
    late = between(text, "Deadlines", "Contains public sector")
    source = {i.id: " ".join(i.text.split()) for i in response_items(report)}
    afis = [i.id for i in response_items(report) if i.kind is ItemKind.AREA_FOR_IMPROVEMENT]
    assert afis == ["E2-AFI-1", "E2-AFI-2", "E2-AFI-3"]
    for ref in afis:
        found = re.search(rf"Area for improvement \({ref}\): “([^”]+)”", needs)
        assert found is not None, ref
        words = found.group(1).removesuffix(" …")
        assert source[ref].startswith(words), (ref, words)  # the report's words, from the start
        assert len(words.split()) >= 7, (ref, words)  # a clause, not a reference
        # read 31-B: its line gives its state in the plan; it is not named again below
        # read 33: the first state of an illustrative plan says so
        assert re.search(rf"\({ref}\): “[^”]+” (?:Illustrative p|P)lan: [^.]+\.", needs), ref
        # read 33: what is due next is named again, so that the section stands alone
        assert not re.search(rf"{ref}[ ,(]", re.sub(r"Due next: [^.]*\.", "", late)), ref
    assert "“The force" not in late
    # next to the recommendation, and the pack is not said to hold findings the page lacks
    assert needs.index("(E2-AFI-3)") < needs.index("Joint recommendation (E5-REC-1)")
    assert "listed verbatim in the briefing pack" not in needs
    assert "The briefing pack has the findings in full." in text


# --- F2: the decision leads with the action ----------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_decision_names_its_finding_by_reference_and_a_few_words(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    decisions = between(texts["norfolk-plan", fmt], "Decisions needed", "Judgments")
    # read 31-B: what is overdue first
    assert decisions.startswith("Decisions needed: re-date or escalate the 2017 area for improvement (E-2017-AFI-1); name an "
                                "owner and an action for E2-AFI-2, whose target is 1 November 2019; ")
    # read 32: the list below quotes it; the room goes to the section 55 prompt
    assert "add an item for the joint recommendation E5-REC-1, whose action" in decisions  # read 36
    # no quotation inside an instruction runs past a few words
    for quoted in re.findall(r"“([^”]+)”", decisions):
        assert len(quoted.split()) <= 6, quoted
    assert "…" not in decisions


# --- F3: the areas for improvement not quoted, named by reference and area ----------------------

def test_areas_for_improvement_not_quoted_are_named_by_area_in_the_reports_order() -> None:
    report, _unused = _options("example")
    afis = [i.id for i in response_items(report) if i.kind is ItemKind.AREA_FOR_IMPROVEMENT]
    # read 35: one in each of six areas, named without a reference each, so that it fits
    assert places(report, afis) == (
        "one in each of ‘Police powers and public treatment’, ‘Responding to the public’, "
        "‘Investigating crime’, ‘Protecting vulnerable people’, ‘Building, supporting and "
        "protecting the workforce’ and ‘Leadership and force management’")
    norfolk, _unused = _options("norfolk")
    assert places(norfolk, ["E2-AFI-1", "E2-AFI-3"]) == "under question 2 (E2-AFI-1 and E2-AFI-3)"
    # on a page with room for the sentence but not the quotations, the brief says it
    text = _section_text("example", other=0, rows=0)
    assert ("Six areas for improvement, one in each of ‘Police powers and public treatment’, "
            "‘Responding to the public’,") in text
    assert "are listed verbatim in the briefing pack." in text
    # a page short of room counts them, and says where they are
    text = _section_text("example", other=0, rows=0, places=0)
    assert "Six areas for improvement are listed verbatim in the briefing pack." in text


# --- F4: what the plan lacks, under what is late ----------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_recommendation_missing_from_the_plan_is_shown_as_late(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    # read 31-B: said on its line, and the decisions ask for an item for it
    text = texts["norfolk-plan", fmt]
    assert "regional specialist capability.” Not in the plan." in text
    assert "add an item for the joint recommendation E5-REC-1" in text
    assert "Not in the plan: " not in between(text, "Deadlines")


# --- F5: how late an item closed ----------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_late_closure_says_when_it_closed_and_how_many_days_late(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    # read 31-B: on the finding's line
    needs = between(texts["norfolk-plan", fmt], "What needs doing", "Deadlines")
    assert re.search(r"\(E2-AFI-3\): “[^”]+” Plan: closed on 4 October 2019, four days late\.",
                     needs)


# --- F8: a joint recommendation is agreed with the others it names ------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_joint_recommendation_says_whom_it_is_agreed_with(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    needs = between(texts["norfolk", fmt], "What needs doing", "Deadlines")
    line = needs[needs.index("Joint recommendation (E5-REC-1)"):]
    assert line.index("capability.”") < line.index(
        "The force’s response will need agreeing with Suffolk Constabulary and other forces in "
        "the east of England.")


def test_whom_a_recommendation_is_agreed_with_comes_from_its_own_words() -> None:
    report, _unused = _options("norfolk")
    item = next(i for i in response_items(report) if i.id == "E5-REC-1")
    assert agreed_with(item, report) == "Suffolk Constabulary and other forces in the east of England"
    alone = dataclasses.replace(item, text="The force should review its briefing procedures.")
    assert agreed_with(alone, report) == ""
    three = dataclasses.replace(item, text="We recommend Norfolk, Suffolk and Essex "
                                           "Constabularies to agree a joint policy.")
    assert agreed_with(three, report) == "Suffolk Constabulary and Essex Constabulary"
    partners = dataclasses.replace(item, text="We recommend that the force works with "
                                              "neighbouring forces to share data.")
    assert agreed_with(partners, report) == "neighbouring forces"
    afi = next(i for i in response_items(report) if i.kind is ItemKind.AREA_FOR_IMPROVEMENT)
    assert agreed_with(afi, report) == ""


# --- every brief still one page ---------------------------------------------------------------

def test_every_brief_is_one_page_in_pdf(built: dict[tuple[str, str], bytes]) -> None:
    for case in CASES:
        assert pdf_pages(built[case, "pdf"]) == 1, case
