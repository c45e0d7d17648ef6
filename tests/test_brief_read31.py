"""Read 31-B on the one-page brief with an action plan: what a reader gets in PDF, DOCX and HTML.

B1. Every live finding is quoted to a whole clause or sentence (never an opening fragment),
    and its line says where the plan stands on it ("Plan: due …", "Plan: no owner, due …",
    "Plan: closed on …, four days late", "Not in the plan").
B2. What is overdue is named first: the first decision, and the one line under the plan.
B3. The earlier (2017) finding's outcome stays, with what the report says it now needs.
B4. One page in PDF and as LibreOffice lays out the DOCX; the fitting still keeps causes of
    concern and recommendations last to go on a 30-finding report with a plan; Welsh too.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from docread import between, pdf_pages, rendered, synthetic_report, with_concerns
from docread import brief_text as _text
from docread import review_options as _options
from pagefill import convert_with_libreoffice, pages

from peeldocs.options import Options
from peeldocs.plans.plan import ActionItem, ItemStatus, Plan
from peeldocs.sections.brief_items import is_key
from peeldocs.sections.items import ItemKind, response_items

FORMATS = ("pdf", "docx", "html")
NOW_ASKS = ("it “must do more to ensure that supervision is consistent and appropriate in all "
            "investigations – not just those that involve vulnerable victims”")
STATES = {"E2-AFI-1": "Plan: in progress, due 31 December 2019.",  # read 33: first, marked
          "E2-AFI-2": "Plan: no owner, due 1 November 2019.",
          "E2-AFI-3": "Plan: closed on 4 October 2019, four days late.",
          "E5-REC-1": "Not in the plan."}


@pytest.fixture(scope="module")
def built() -> dict[str, bytes]:
    return {fmt: rendered(*_options("norfolk-plan"), fmt) for fmt in FORMATS}


@pytest.fixture(scope="module")
def texts(built: dict[str, bytes]) -> dict[str, str]:
    return {fmt: _text(data, fmt) for fmt, data in built.items()}


# --- B1: each finding to a whole clause, with its state in the plan ----------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_every_live_finding_is_a_whole_clause_with_its_plan_state(
        fmt: str, texts: dict[str, str]) -> None:
    report, _unused = _options("norfolk-plan")
    needs = between(texts[fmt], "What needs doing", "Deadlines")
    source = {i.id: " ".join(i.full_text.split()) for i in response_items(report)
              if i.kind is not ItemKind.CARRIED_FORWARD}
    assert set(source) == set(STATES)
    for ref, state in STATES.items():
        found = re.search(rf"\({ref}\): “([^”]+)” (?:[^“”]*?)?{re.escape(state)}", needs)
        assert found is not None, (ref, needs)
        words = found.group(1)
        if words.endswith(" …"):  # cut only where a sentence or clause ends
            words = words.removesuffix(" …")
            assert source[ref].startswith(words), ref
            assert words.endswith(".") or source[ref][len(words)] in ",;", (ref, words)
            assert len(words.split()) >= 12, (ref, words)  # not a few opening words
        else:
            assert words == source[ref], ref


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_plan_states_are_not_said_twice(fmt: str, texts: dict[str, str]) -> None:
    late = between(texts[fmt], "Deadlines", "Contains public sector")
    for said in ("No owner:", "In progress:", "Closed:", "Not in the plan:"):
        assert said not in late, said
    # read 33: only what is due next is named again, so that the section stands alone
    assert late.count("E2-AFI-") == 0 and "Due next" not in late  # read 34: its line says it
    assert "“The force" not in late


# --- B2: what is overdue first ------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_what_is_overdue_is_named_first(fmt: str, texts: dict[str, str]) -> None:
    text = texts[fmt]
    assert between(text, "Decisions needed", "Judgments").startswith(
        "Decisions needed: re-date or escalate the 2017 area for improvement (E-2017-AFI-1); ")
    late = between(text, "Deadlines")
    assert late.index("four items (one overdue, one with no owner, one in progress and one closed four days late).") < late.index(
        "Overdue: E-2017-AFI-1, 15 days past its target of 30 September 2019 (first set for 31 "
        "July 2019), owner Example ACC (illustrative).")


def test_a_finding_named_twice_in_the_decisions_is_given_its_words_once() -> None:
    example = _options("example")[0]
    item = next(i for i in response_items(example) if i.id == "A5-REC-1")
    plan = Plan((ActionItem("A5-REC-1", ItemStatus.IN_PROGRESS, owner="Test ACC",
                            original_target=date(2024, 12, 12)),), title="Test plan")
    options = Options(document="brief", as_of=date(2025, 4, 1), plan=plan)
    decisions = between(_text(rendered(example, options, "pdf"), "pdf"), "Decisions needed",
                        "Grades")
    assert decisions.startswith("Decisions needed: re-date or escalate the recommendation "
                                "A5-REC-1")  # read 32: its label where the page has room
    assert decisions.count(" ".join(item.text.split()[:5])) <= 1  # read 32: words if room
    assert "A5-REC-1, whose target is 12 December 2024" in decisions


# --- B3: the earlier finding's outcome, with what it now needs ----------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_earlier_finding_keeps_what_the_report_now_asks(fmt: str,
                                                            texts: dict[str, str]) -> None:
    needs = between(texts[fmt], "What needs doing", "Deadlines")
    assert ("It says the force has not made enough progress on the 2017 area for improvement "
            "(E-2017-AFI-1, question 2) to “put appropriate supervision") in needs
    # read 33: beside a plan, what the report now asks of it (a second quotation of the same
    # finding) goes before the grade tally and the areas for improvement's clauses
    assert NOW_ASKS not in needs
    assert ("The report finds three earlier areas for improvement addressed (E-2017-AFI-2, "
            "E-2016-AFI-1 and E-2016-AFI-2).") in needs


# --- B4: one page, the class of input -----------------------------------------------------------

def test_one_page_in_pdf_and_as_libreoffice_lays_out_the_docx(
        built: dict[str, bytes], tmp_path: Path) -> None:
    assert pdf_pages(built["pdf"]) == 1
    path = tmp_path / "brief.docx"
    path.write_bytes(built["docx"])
    for _docx, pdf in convert_with_libreoffice([path], tmp_path / "lo").items():
        assert len(pages(pdf)) == 1


def test_a_long_overdue_item_is_said_in_months_on_its_line() -> None:
    report, options = _options("norfolk-plan")
    late = dataclasses.replace(options, as_of=date(2020, 6, 1))
    text = _text(rendered(report, late, "pdf"), "pdf")
    assert not re.search(r"overdue by \d[\d,]{2,} days", text)
    assert "Plan: overdue by more than" in text or "Plan: overdue by" not in text


def test_thirty_findings_with_a_plan_keep_every_cause_of_concern_and_recommendation() -> None:
    report = with_concerns(synthetic_report("Test Constabulary", "Test", 7, questions=6), 30)
    items = response_items(report)
    keys = [i.id for i in items if is_key(i)]
    afis = [i.id for i in items if i.kind is ItemKind.AREA_FOR_IMPROVEMENT]
    plan = Plan((ActionItem(keys[0], ItemStatus.IN_PROGRESS, owner="Test ACC",
                            original_target=date(2020, 1, 31)),
                 ActionItem(afis[0], ItemStatus.CLOSED, owner="Test ACC",
                            original_target=date(2020, 1, 31), closed_on=date(2020, 2, 3))),
                title="Test plan")
    options = Options(document="brief", as_of=date(2020, 3, 1), plan=plan)
    data = rendered(report, options, "pdf")
    text = re.sub(r"-\s+", "-", _text(data, "pdf"))
    assert pdf_pages(data) == 1
    assert all(re.search(rf"{re.escape(ref)}(?![\w-])", text) for ref in keys)
    assert "Test plan" in text and "Overdue: " in text


def test_the_welsh_brief_gives_each_plan_state_in_welsh() -> None:
    report, options = _options("norfolk-plan")
    welsh = dataclasses.replace(options, language="cy")
    text = _text(rendered(report, welsh, "pdf"), "pdf")
    for said in ("Cynllun: ar y gweill, erbyn 31 Rhagfyr 2019.", "Cynllun: dim perchennog, erbyn",
                 "Cynllun: wedi’i gau ar 4 Hydref 2019", "Nid yn y cynllun."):
        assert said in text, said
    assert "Plan: " not in text and "Not in the plan" not in text
