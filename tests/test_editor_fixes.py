"""An independent editor's faults, fixed as a reader gets the documents.

Placeholders in curly brackets (square brackets mark words added to a
quotation), the s.55 response naming the inspection it answers, and a plan's
owner or date never shown without an action.  Documents are built once per module.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from docread import browser_joins, norfolk_plan, text_of

import peeldocs
from peeldocs.model import Report
from peeldocs.options import Options

# one worker builds this module's documents (its module fixtures), not both
pytestmark = pytest.mark.xdist_group("test_editor_fixes")

ROOT = Path(__file__).parent.parent
FORMATS = ("pdf", "docx", "html")
KINDS = ("pack", "brief", "committee", "s55")


def _text(report: Report, options: Options, fmt: str) -> str:
    """The text a reader gets; in HTML, as a browser joins the spans that keep dates whole."""
    text = " ".join(text_of(peeldocs.render(peeldocs.build_pack(report, options), fmt, options),
                            fmt).split())
    return browser_joins(text) if fmt == "html" else text



@pytest.fixture(scope="module")
def planned(norfolk: Report) -> dict[tuple[str, str], str]:
    """Every document kind with the example plan, in every format."""
    options = norfolk_plan(norfolk)
    return {(kind, fmt): _text(norfolk, dataclasses.replace(options, document=kind), fmt)
            for kind in KINDS for fmt in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_no_placeholder_uses_the_square_brackets_of_a_quotation(
        planned: dict[tuple[str, str], str], kind: str, fmt: str) -> None:
    text = planned[kind, fmt]
    assert "[to be completed" not in text
    assert not re.search(r"\[[^\]]*to be completed", text)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_s55_response_says_once_what_each_mark_means(
        planned: dict[tuple[str, str], str], fmt: str) -> None:
    text = planned["s55", fmt]
    assert "{to be completed: the commissioner’s comments on the report}" in text
    assert text.count("Each is shown in curly brackets, highlighted and marked “to be completed”") == 1
    assert text.count("Words in square brackets are added in quoting, or replace the report’s own words") == 1
    # the one quotation with words added really uses square brackets
    assert "[The area for improvement] was to ensure" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_paper_says_what_curly_brackets_mean(
        planned: dict[tuple[str, str], str], fmt: str) -> None:
    text = planned["committee", fmt]
    assert "Each is shown in curly brackets, highlighted and marked “to be completed”" in text
    assert "{to be completed: " in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_s55_response_names_the_report_by_its_cited_title_and_the_inspection(
        planned: dict[tuple[str, str], str], fmt: str) -> None:
    """Read 24-S: one name for the report, the title the source line cites, tied once to the
    inspection (cycle and pillar); never the web page's bare "Report: Norfolk PEEL 2018"."""
    text = planned["s55", fmt]
    assert "Report “Norfolk PEEL 2018: Effectiveness” Published 2 May 2019" in text
    assert ("to your report “Norfolk PEEL 2018: Effectiveness” on the PEEL 2018/19 inspection of "
            "Norfolk Constabulary (effectiveness), published on 2 May 2019.") in text
    assert "Source: HMICFRS, “Norfolk PEEL 2018: Effectiveness”" in text
    assert "“Report: Norfolk PEEL 2018”" not in text


def test_the_s55_response_for_an_assessment_says_force_assessment() -> None:
    report = peeldocs.load_report(ROOT / "examples" / "exampleshire-2023-25-assessment.yaml")
    text = _text(report, Options(document="s55"), "html")
    assert "to your report on the PEEL 2023–25 inspection of Exampleshire Constabulary" in text
    assert "(force assessment), published on" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_plan_date_without_an_action_is_no_commitment(
        planned: dict[tuple[str, str], str], fmt: str) -> None:
    text = planned["s55", fmt]
    entry = text[text.index("Reference E2-AFI-2"):text.index("Reference E2-AFI-3")]
    assert "Action {to be completed: the action taken or planned, or why no action is proposed}" in entry
    assert "Owner {to be completed: the owner, or delete this row if no action is proposed}" in entry
    # read 19: no date published for work nobody has been given; the plan's target and that no
    # action is recorded are for the preparer (their notes) and the committee (its paper)
    assert "Target date {to be completed: the target date, or delete this row if no action is proposed}" in entry and "recorded yet" not in entry
    assert "1 November 2019" not in entry
    notes = text[text.index("Before publishing: notes for the preparer"):]
    assert "E2-AFI-2: target date 1 November 2019" in notes
    assert "records no action for this finding," in notes  # one finding, said in the singular
    paper = planned["committee", fmt]
    assert ("Not yet allocated to an owner; due 1 November 2019; no actions "
            "recorded yet") in paper  # the same date and fact, flagged
    # an item with an action keeps its owner, and its date, completed
    done = text[text.index("Reference E2-AFI-3"):]
    assert "Status Completed on 4 October 2019" in done
    assert "the target date, or delete this row if no action is proposed (2 of the 5 findings)" in text


@pytest.fixture(scope="module")
def committee_default(norfolk: Report) -> dict[str, str]:
    """The committee paper with the plan and no audience given, in every format."""
    options = dataclasses.replace(norfolk_plan(norfolk), document="committee",
                                  audience=Options().audience)
    return {fmt: _text(norfolk, options, fmt) for fmt in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_committee_paper_with_no_audience_names_no_committee(
        committee_default: dict[str, str], fmt: str) -> None:
    text = committee_default[fmt]
    assert "Report to {to be completed: the committee or meeting this paper is for}" in text
    assert "chief officer group" not in text
    assert "This paper informs the committee of the findings" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_is_asked_to_decide_on_unowned_and_overdue_items(
        planned: dict[tuple[str, str], str], fmt: str) -> None:
    text = planned["committee", fmt]
    assert "Report to The Police and Crime Panel" in text
    # the panel notes and seeks assurance; the chief constable assigns owners and dates
    assert ("The Police and Crime Panel is asked to note that the action plan does not yet hold "
            "the recommendation under question 5 (E5-REC-1), which the report makes jointly to "
            "Norfolk and Suffolk Constabularies, and to seek assurance from the chief constable "
            "that it will be added with an owner agreed with the other force") in text
    assert ("The Police and Crime Panel is asked to seek assurance from the chief constable that "
            "an owner and actions will be recorded for the area for improvement under question 2, "
            "“The force should improve how it allocates crime …” (E2-AFI-2), for which the "
            "action plan records neither, although it is due in 17 days, on 1 November 2019.") in text
    # whole sentences, from their start: never "“… was to ensure …” nor cut mid-phrase
    # quoted from a sentence start to a clause end, or not at all (the table quotes in full)
    assert ("is asked to note that an area for improvement from 2017 under question 2 "
            "(E-2017-AFI-1), on which the report found not enough progress, is 15 days overdue after its target date was moved from 31 July 2019 (see paragraphs 6.2 and 6.3), and to "
            "seek assurance from the chief "
            "constable on when it will be completed.") in text
    assert "“…" not in text[:text.index("3. Background")]
    for doing in ("asked to agree", "the action to recover", "act at once"):
        assert doing not in text
    tracking = text[text.index("How progress is tracked"):]
    assert "records each finding" not in tracking


def test_without_a_plan_the_committee_decides_owners_and_passed_deadlines() -> None:
    report = peeldocs.load_report(ROOT / "examples" / "exampleshire-2023-25-assessment.yaml")
    text = _text(report, Options(document="committee", as_of=date(2025, 10, 15)), "html")
    assert ("is asked to note that this paper was prepared without an action plan, and to seek assurance "
            "from the chief constable that each finding will have a lead") in text
    # grouped by kind and place, not "the recommendation in X (1), the recommendation in X (2)"
    # (in the report's order, as the table below)
    assert ("is asked to note that the deadlines the report set for the recommendation in "
            "‘Responding to the public’ (A4-REC-1) and the two recommendations in ‘Investigating "
            "crime’ (A5-REC-1 and A5-REC-2) had passed by 15 October 2025") in re.sub(
                r" (?=[,.:;)])", "", text)
    # no plan: the paper never says the force records each finding in its plan
    assert "Progress on these findings is to be reviewed by" in text
    assert "records each finding in its action plan" not in text
    early = _text(report, Options(document="committee", as_of=date(2024, 10, 1)), "html")
    # its one sentence is quoted in full in the table below, so not again here
    # "immediately" holds from publication day on: a standing requirement, never "passed"
    # (read 29-C); the others are three months and more after
    assert ("the report required immediate action on the recommendation in ‘Investigating "
            "crime’ (A5-REC-3) from publication on 12 September 2024, and to seek "
            "assurance from the chief constable that the action it requires is in place") in early
    assert "had passed by 1 October 2024" not in early


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_paper_gives_the_publication_date_once(
        planned: dict[tuple[str, str], str], fmt: str) -> None:
    text = planned["committee", fmt]
    body = text[:text.index("Source and licence")]
    assert body.count("2 May 2019") == 1  # published and last updated the same day
    assert "published on 2 May 2019" in body
    assert "last updated" not in body


@pytest.fixture(scope="module")
def pack_html(norfolk: Report) -> str:
    return peeldocs.render(peeldocs.build_pack(norfolk, Options()), "html",
                           Options()).decode("utf-8")


def test_the_key_figures_chart_gives_every_period_and_no_direction(pack_html: str) -> None:
    svg = pack_html[pack_html.index('<svg class="chart-narrow"'):]
    svg = svg[:svg.index("</svg>")]
    title = re.search(r"<title[^>]*>([^<]*)</title>", svg)
    assert title is not None
    alt = title.group(1)
    # the report gives 2017/18 for two figures and no period for the third: never invented
    assert "Charge rate for all crime (2017/18): 15.5% against 10.3%" in alt
    assert ("Voluntary attendance rate for domestic abuse suspects (period not stated): 7.2% "
            "against 10.3%") in alt
    assert "A longer bar is a higher figure, not a better one." in alt
    labels = " ".join(re.findall(r">([^<>]+)</text>", svg))
    assert labels.count("(2017/18)") == 2 and "(period not stated)" in labels
    figure = pack_html[pack_html.index('<svg class="chart-narrow"'):]
    caption = re.search(r"<figcaption>([^<]*)</figcaption>", figure)
    assert caption is not None
    assert caption.group(1) == ("Norfolk against England and Wales, as stated in the report. "
                                "A longer bar is a higher figure, not a better one.")
    for word in ("better than", "worse than", "outperform", "underperform"):
        assert word not in alt and word not in caption.group(1)
