"""The one-page brief as editorial read 8-B left it (faults 1-7), for the class of input.

Each test asserts on what a reader gets: the text of the PDF, of the DOCX and of the HTML as a
browser reads it, for the three review inputs (Norfolk with its illustrative plan on 15 October
2019, Norfolk without a plan on 10 June 2019, the constructed Exampleshire assessment without a
plan on 1 April 2025), and on changed reports where the rule, not the example, is tested.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date
from pathlib import Path

import docx
import pytest
from docread import between, browser_joins, pdf_pages, rendered, text_of
from docread import review_options as _options

from peeldocs.blocks import BulletList, inline_text
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.sections.asks import no_plan_asks
from peeldocs.sections.brief import brief_candidates
from peeldocs.sections.brief_list import earlier_here
from peeldocs.sections.counts import shared_places
from peeldocs.sections.items import ItemKind, response_items
from peeldocs.sections.lowest import tally_sentence

ROOT = Path(__file__).parent.parent
FORMATS = ("pdf", "docx", "html")
PUBLISHED = date(2019, 5, 2)
CASES = ("norfolk-plan", "norfolk", "example")
E2_AFIS = ("E2-AFI-1", "E2-AFI-2", "E2-AFI-3")


def _read(data: bytes, fmt: str) -> str:
    text = text_of(data, fmt)
    if fmt == "html":
        text = browser_joins(text, ",.:;)’”")
    return " ".join(text.replace(" – ", " ").split()) if fmt == "pdf" else " ".join(text.split())


@pytest.fixture(scope="module")
def built(review_briefs: dict[tuple[str, str], bytes]) -> dict[tuple[str, str], bytes]:
    return review_briefs


@pytest.fixture(scope="module")
def texts(built: dict[tuple[str, str], bytes]) -> dict[tuple[str, str], str]:
    return {key: _read(data, key[1]) for key, data in built.items()}


# --- 1. without a plan, once deadlines pass, the decisions lead ------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_plan_passed_deadlines_open_with_the_decisions(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["example", fmt]
    asks = ("Decisions needed (no action plan was seen for this brief): agree an action plan, with an action, an owner and a target date "
            "for each finding; confirm the action taken on all four recommendations, whose "
            "deadlines have passed, and who reports progress on them.")
    # read 23-B: after the section 55 deadline, a check on the comments (read 24-B), last;
    # read 35: on this page it gives way to the figure behind a cause of concern (the
    # deadline line's "Date published: {…}" asks for it)
    # all four: the report makes no others (read 10); "all four" names every one, and the
    # page lists each with its deadline (read 19), so no list of references here
    assert asks in text and text.index(asks) < text.index("Grades")
    # the group owns delivery: it confirms the action taken (a panel seeks assurance); said once
    assert "seek assurance" not in text and text.count("confirm the action taken") == 1
    late = between(text, "Deadlines")
    # issue 23 point 2's words for passed deadlines without a plan
    assert "Four deadlines set by the report have passed." not in late  # read 36: each line says it
    assert "confirm that" not in text.lower()  # nothing asked about what no input records


@pytest.mark.parametrize("fmt", FORMATS)
def test_after_the_s55_deadline_alone_an_action_plan_is_still_asked_for(fmt: str) -> None:
    report, options = _options("norfolk", as_of=date(2019, 7, 15))
    text = _read(rendered(report, options, fmt), fmt)
    # read 23-B: no input says whether the comments were published: a check (read 24-B)
    assert ("Decisions needed (no action plan was seen for this brief): agree an action plan, with an action, an owner and a target date "
            "for each finding; confirm with the commissioner whether the section 55 comments were published, and when.") in text
    assert "seek assurance" not in text  # the report sets no deadline of its own
    # before the section 55 deadline: the chief constable's comments and (read 10) a plan, so
    # that the comments can say what action is proposed on the recommendation (s.55(5B))
    before = _read(rendered(*_options("norfolk"), fmt), fmt)
    assert "Decisions needed (no action plan was seen for this brief): agree the chief constable’s comments on the report" in before
    assert ("; agree an action plan, with an action, an owner and a target date for each "
            "finding, so that the commissioner’s comments can say what action is proposed on the "
            "recommendation (E5-REC-1).") in before


def test_the_no_plan_asks_follow_the_data(norfolk: Report, example: Report) -> None:
    # before the s.55 deadline: a plan, so that the comments can answer the recommendation
    assert no_plan_asks(norfolk, Options(as_of=date(2019, 6, 10), published=PUBLISHED)) == [
        "agree an action plan, with an action, an owner and a target date for each finding, so "
        "that the commissioner’s comments can say what action is proposed on the recommendation "
        "(E5-REC-1)"]
    # with no recommendation, the plan alone
    none = dataclasses.replace(norfolk, questions=tuple(
        dataclasses.replace(q, findings=()) for q in norfolk.questions))
    assert no_plan_asks(none, Options(as_of=date(2019, 6, 10), published=PUBLISHED)) == [
        "agree an action plan, with an action, an owner and a target date for each finding"]
    # one deadline passed: named in the singular, whatever its kind
    one = no_plan_asks(example, Options(as_of=date(2024, 9, 20)))
    assert one[-1] == ("confirm the action taken on the recommendation whose deadline has "
                       "passed (A5-REC-3), and who reports progress on it")
    # no findings to act on: nothing to plan
    empty = dataclasses.replace(example, questions=tuple(
        dataclasses.replace(q, areas_for_improvement=(), causes_of_concern=())
        for q in example.questions), prior_findings=())
    assert no_plan_asks(empty, Options(as_of=date(2025, 4, 1))) == []


# --- 2. the fullest level that fits: every area for improvement with room -------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_with_room_every_area_for_improvement_is_quoted(
        fmt: str, texts: dict[tuple[str, str], str], norfolk: Report) -> None:
    # read 10: before the s.55 deadline the page also asks for a plan, and has room for two of
    # the three; after it (one short decision) there is room for every one
    text = _read(rendered(*_options("norfolk", as_of=date(2019, 7, 15)), fmt), fmt)
    needs = between(text, "What needs doing", "Deadlines")
    found = {i.id: i for i in response_items(norfolk)}
    for ref in E2_AFIS:
        assert f"Area for improvement ({ref}): “{found[ref].text}”" in needs, ref
    assert "listed verbatim in the briefing pack" not in text
    assert "The briefing pack has the findings in full" not in text
    # read 12-B: before the s.55 deadline (a longer decision) every one too, the longest
    # (E2-AFI-1) to its first sentence, the rest of it named as in the pack
    # read 19: sub-headings set closer on the page, every one is quoted whole; read 21's notes
    # at the close take a line, so the longest is cut to its first sentence again
    # read 29-B: the earlier finding said plainly gives back the line: every one whole again
    # read 30-B: the joint recommendation's partners take it: the longest to its first sentence
    review = texts["norfolk", fmt]
    assert sum(f"Area for improvement ({ref}): “{found[ref].text}”" in review
               for ref in E2_AFIS) == 2  # read 33: the grade said once gave the line back;
    # read 35: "(prepared without a plan)" at the decisions takes it: the longest to a sentence
    # read 31-B: the opening says the pack has the findings in full
    assert f"(E2-AFI-1): “{found['E2-AFI-1'].text}”" not in review  # read 35: to a sentence
    assert "One more area for improvement" not in review


def test_every_brief_is_one_page_in_pdf(built: dict[tuple[str, str], bytes]) -> None:
    """The review's three briefs; the 30-cause and 500-question briefs, and each of these
    as LibreOffice lays out the DOCX, are in the session's one LibreOffice run
    (``docread.BRIEF_CASES``, read by ``test_documents_clients``)."""
    for case in CASES:
        assert pdf_pages(built[case, "pdf"]) == 1, case


# --- 3. where the areas for improvement are, when they share a place -------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_count_says_where_the_areas_for_improvement_are(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    for case in ("norfolk", "norfolk-plan"):
        assert ("The report gives three areas for improvement, all under question 2, and one "
                "recommendation, made in the text of its findings on question 5; it lists no "
                "causes of concern as such.") in texts[case, fmt], case
    # Exampleshire's findings are in several areas: no place is claimed for any kind
    assert ("The report gives six areas for improvement, two causes of concern and four "
            "recommendations.") in texts["example", fmt]


def test_a_shared_place_is_said_only_when_every_finding_of_a_kind_has_it(
        norfolk: Report, example: Report) -> None:
    items = list(response_items(norfolk))
    assert shared_places(items, norfolk)[ItemKind.AREA_FOR_IMPROVEMENT] == "all under question 2"
    two = [i for i in items if i.id in E2_AFIS[:2]]
    assert shared_places(two, norfolk)[ItemKind.AREA_FOR_IMPROVEMENT] == "both under question 2"
    moved = [dataclasses.replace(i, question=3) if i.id == "E2-AFI-1" else i for i in items]
    assert ItemKind.AREA_FOR_IMPROVEMENT not in shared_places(moved, norfolk)
    one_area = [i for i in response_items(example) if i.question == 5
                and i.kind is ItemKind.CAUSE_OF_CONCERN]
    assert shared_places(one_area, example) == {
        ItemKind.CAUSE_OF_CONCERN: "in ‘Investigating crime’"}


# --- 4 and 5. causes joined up; recommendations under their cause -------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_cause_in_the_area_of_an_earlier_one_says_so_and_recommendations_name_their_cause(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["example", fmt]
    # read 19: the paragraph above names the earlier cause of concern with its area, so the
    # line does not link it again (the link is kept where the page has not named it)
    assert ("(A-2021-COC-1), reconsidered in ‘Responding to the public’") in text
    assert ("Cause of concern in ‘Responding to the public’ (A4-COC-1): “The force isn’t "
            "answering emergency calls quickly enough") in text
    assert "in the same area as" not in text
    assert "Cause of concern in ‘Investigating crime’ (A5-COC-1): “The force" in text  # no link
    for rec, cause in (("A5-REC-3", "A5-COC-1"), ("A5-REC-1", "A5-COC-1"),
                       ("A5-REC-2", "A5-COC-1"), ("A4-REC-1", "A4-COC-1")):
        said = f"Recommendation ({rec}, under {cause}): "
        assert said in text and text.index(f"({cause})") < text.index(said), rec


def test_recommendations_are_a_second_level_list_in_docx_and_html(
        built: dict[tuple[str, str], bytes]) -> None:
    document = docx.Document(io.BytesIO(built["example", "docx"]))
    styles = {p.text.split(":")[0]: p.style.name for p in document.paragraphs if "(A" in p.text}
    assert styles["Cause of concern in ‘Investigating crime’ (A5-COC-1)"] == "List Bullet"
    assert styles["Recommendation (A5-REC-3, under A5-COC-1)"] == "List Bullet 2"
    html = built["example", "html"].decode("utf-8")
    sub = re.findall(r'<ul class="sub">(.*?)</ul>', html, re.S)
    assert any("A5-REC-3" in s and "A5-REC-2" in s for s in sub)
    assert any("A4-REC-1" in s for s in sub)


def test_the_link_comes_from_the_data_not_the_references(example: Report) -> None:
    cause = next(i for i in response_items(example) if i.id == "A4-COC-1")
    assert earlier_here(cause, example) == (
        ", in the same area as the 2021/22 cause of concern (A-2021-COC-1)")
    # renamed references: the same link; the earlier one moved to another area: none
    renamed = dataclasses.replace(example, prior_findings=tuple(
        dataclasses.replace(p, id="OLD-7") if p.id == "A-2021-COC-1" else p
        for p in example.prior_findings))
    assert earlier_here(cause, renamed).endswith("(OLD-7)")
    moved = dataclasses.replace(example, prior_findings=tuple(
        dataclasses.replace(p, question=1) if p.id == "A-2021-COC-1" else p
        for p in example.prior_findings))
    assert earlier_here(cause, moved) == ""
    other = next(i for i in response_items(example) if i.id == "A5-COC-1")
    assert earlier_here(other, example) == ""


# --- 6. an illustrative plan says so on its line; statuses one to a line --------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_an_illustrative_plan_is_labelled_on_its_line_and_listed_by_status(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    late = between(texts["norfolk-plan", fmt], "Deadlines")
    # read 19: each state a line of its own, what is late first, never one sentence
    at = [late.index(s) for s in (
        "Illustrative action plan as at 15 October 2019 (invented; the findings are the report’s): "
        "four items (one overdue, one with no owner, one in progress and one closed four days late).", "Overdue: E-2017-AFI-1")]
    assert at == sorted(at)
    # read 31-B: the other states are on the findings' own lines above
    assert "No owner: " not in late and "In progress: " not in late and "Closed: " not in late
    # read 24-B: the count is what the list holds; the decisions ask for the missing item
    assert "No item yet" not in late


def test_the_plan_statuses_are_sub_points_when_room_and_a_real_plan_is_not_called_illustrative(
        norfolk: Report) -> None:
    report, options = _options("norfolk-plan")
    assert options.plan is not None
    # the fullest level lists the statuses one to a line (in DOCX, List Bullet 2)
    full = brief_candidates(report, options)[0]
    subs = [b for b in full.blocks if isinstance(b, BulletList) and b.level == 1]
    # read 31-B: beside the findings' own lines, what is overdue alone
    assert [inline_text(i).split(":")[0] for i in subs[0].items] == ["Overdue"]
    assert options.plan is not None
    real = dataclasses.replace(options, plan=dataclasses.replace(options.plan, illustrative=False))
    text = _read(rendered(report, real, "pdf"), "pdf")
    # read 23-B: named by its title on that line, once
    assert ("Action plan “Illustrative action plan (invented for the example)” as at 15 October "
            "2019: four items (one overdue, one with no owner, one in progress and one closed four days late).") in text
    assert "Illustrative action plan as at" not in text and "(invented;" not in text
    assert "Action plan: “" not in text


# --- 7. the tally reads as English -----------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_requires_improvement_is_said_as_a_grade(fmt: str,
                                                texts: dict[tuple[str, str], str]) -> None:
    for case in ("norfolk",):  # read 31-B: beside a plan the tally gives way to findings
        assert ("three were graded good (one carried over from 2016) and one was graded "
                "requires improvement (question 2, ‘How effective is the force at investigating crime and reducing re-offending?’); question 5 was ungraded.") in texts[case, fmt]
    # read 10: "were graded" once, the counts after it share it; what has no grade follows;
    # read 35: "graded" once per verb ("were graded", "was graded"), never twice in a row
    for text in texts.values():
        tally = re.search(r"Of the \w+ (?:questions|areas), [^.]*\.", text)
        said = re.findall(r"\b(?:was|were) graded\b", tally.group()) if tally else []
        assert len(said) == len(set(said)) and not re.search(r"\bgraded\b", re.sub(
            r"\b(?:was|were) graded\b", "", tally.group() if tally else "")), text


def test_the_tally_rule_holds_wherever_the_grade_falls(norfolk: Report) -> None:
    said = tally_sentence(norfolk.questions)
    assert said == ("three were graded good (one carried over from 2016) and one was graded "
                    "requires improvement; one was ungraded")
    worst = tuple(q for q in norfolk.questions if q.number == 2)
    assert tally_sentence(worst) == "one was graded requires improvement"
