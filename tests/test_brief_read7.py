"""The one-page brief as editorial read 7-B left it (faults 1-12), for the class of input.

Each test asserts on what a reader gets: the text of the PDF, of the DOCX and of the HTML as
a browser reads it, for the three review inputs (Norfolk with its illustrative plan on 15
October 2019, Norfolk without a plan on 10 June 2019, the constructed Exampleshire assessment
without a plan on 1 April 2025), and on constructed reports where the rule, not the example,
is what is tested.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from docread import between, browser_joins, pdf_pages, rendered, text_of
from docread import review_options as _options

import peeldocs
from peeldocs.blocks import inline_text
from peeldocs.model import Finding
from peeldocs.sections.brief_due import plan_position
from peeldocs.sections.brief_items import brief_order
from peeldocs.sections.brief_labels import by_bearing, short_label
from peeldocs.sections.calls import follow_up
from peeldocs.sections.items import ItemKind, response_items

ROOT = Path(__file__).parent.parent
NORFOLK = ROOT / "data" / "norfolk-2018-effectiveness.yaml"
EXAMPLE = ROOT / "examples" / "exampleshire-2023-25-assessment.yaml"
FORMATS = ("pdf", "docx", "html")
PUBLISHED = date(2019, 5, 2)
CASES = ("norfolk-plan", "norfolk", "example")
WIDER = ("it “must do more to ensure that supervision is consistent and appropriate in "
         "all investigations – not just those that involve vulnerable victims”")


def _read(data: bytes, fmt: str) -> str:
    text = text_of(data, fmt)
    if fmt == "html":
        text = browser_joins(text, ",.:;)’”")
    return " ".join(text.split())


@pytest.fixture(scope="module")
def built(review_briefs: dict[tuple[str, str], bytes]) -> dict[tuple[str, str], bytes]:
    return review_briefs


@pytest.fixture(scope="module")
def texts(built: dict[tuple[str, str], bytes]) -> dict[tuple[str, str], str]:
    return {key: _read(data, key[1]) for key, data in built.items()}


def test_every_brief_is_one_page(built: dict[tuple[str, str], bytes]) -> None:
    for case in CASES:
        assert pdf_pages(built[case, "pdf"]) == 1, case


# --- 1. no finding is named by our code alone -----------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_decisions_and_the_plan_name_each_finding_in_the_reports_words(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["norfolk-plan", fmt]
    # read 30-B: E2-AFI-2, which the reader is asked to allocate, is named in the decisions
    # by its reference and a few of its words, the action first; every area for improvement
    # is quoted under "What needs doing"; the plan's lines name them by reference
    # read 31-B: what is overdue first; each area for improvement to a whole clause, its
    # state in the plan on its line
    assert ("Decisions needed: re-date or escalate the 2017 area for improvement (E-2017-AFI-1); name an owner and an action for "
            "E2-AFI-2, whose target is 1 November 2019") in text  # read 32
    assert ("Area for improvement (E2-AFI-2): “The force should improve how it allocates crime, "
            "ensuring") in text
    assert "Plan: closed on 4 October 2019" in text
    assert "Plan: in progress, due 31 December 2019." in text
    _head, lines = plan_position(*_options("norfolk-plan"), quoted=frozenset({"E2-AFI-2"}))
    said = " ".join(inline_text(line) for line in lines)
    assert "Closed: E2-AFI-3 (“regular and active supervision”), closed on 4 October 2019" in said
    assert "In progress: E2-AFI-1 (“staff with the right skills”), due 31 December 2019." in said
    # every other reference on the page is next to the report's words: quoted, or labelled
    report = peeldocs.load_report(NORFOLK)
    for item in response_items(report):
        if item.id not in text or item.id in ("E2-AFI-1", "E2-AFI-3"):
            continue
        first = text.index(item.id)
        before = text[max(0, first - 400):first]
        whole = (f"({item.id}): {' '.join(item.text.split()[:6])}" in text  # quoted in full
                 or f"({item.id}): “" in text
                 # read 24-B: the reference after the finding, its place after it
                 or re.search(rf"\({re.escape(item.id)}\), reconsidered [^“]{{0,60}}: “", text)
                 or text[first:].startswith(f"{item.id} “")  # labelled where it is named
                 # read 31-B: the overdue earlier finding, the first decision, by its year and
                 # kind; the paragraph below quotes it
                 or re.search(rf"the \d{{4}} [a-z ]+ \({re.escape(item.id)}\)", text))
        assert whole or "”" in before[-160:] or item.text.split()[0] in before, item.id


def test_a_label_starts_where_the_finding_starts_and_marks_its_cut() -> None:
    assert short_label("The force should improve how it allocates crime, ensuring that X.") == \
        "“The force should improve how it allocates crime …”"
    assert short_label("The force should ensure regular and active supervision of the quality "
                       "and progress of investigations. This supervision should be recorded.") == \
        "“The force should ensure regular and active supervision …”"
    assert short_label("The force isn't answering calls.") == "“The force isn't answering calls”"
    # never ends on a word that leaves the phrase hanging
    assert not short_label("The force should stop closing crimes of domestic abuse without a "
                           "supervisor's review.").endswith(" a …”")


# --- 2. the report's 2018 verdict on the 2017 finding ---------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_wider_2018_call_on_the_2017_finding_is_quoted(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    for case in ("norfolk", "norfolk-plan"):
        needs = between(texts[case, fmt], "What needs doing", "Deadlines")
        assert ("(E-2017-AFI-1, question 2) to “put appropriate supervision") in needs, case
    # with a plan, the plan's state on lines of its own (read 19) leaves no room for the call
    # that follows; it is never quoted twice
    needs = between(texts["norfolk", fmt], "What needs doing", "Deadlines")
    assert ("investigations involving vulnerable people”, and that " + WIDER) in needs
    for case in ("norfolk", "norfolk-plan"):
        assert texts[case, fmt].count("must do more to ensure") <= 1, case  # quoted once


def test_the_follow_up_is_the_reports_next_call_in_the_same_paragraph() -> None:
    report = peeldocs.load_report(NORFOLK)
    assert follow_up(report, "E-2017-AFI-1") == (
        "[The force] must do more to ensure that supervision is consistent and appropriate in all "
        "investigations – not just those that involve vulnerable victims.")
    assert follow_up(report, "E-2017-AFI-2") is None  # addressed: the report asks nothing more
    assert follow_up(report, "no-such-id") is None


# --- 3. one line for the item whose target moved -------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_moved_target_and_its_lateness_are_said_together(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    late = between(texts["norfolk-plan", fmt], "Deadlines")
    # read 19: under "Overdue", how late first; the dates in the order things happened (read 10)
    # read 21: counted from the target missed, the owner named
    assert ("Overdue: E-2017-AFI-1, 15 days past its target of 30 September 2019 (first set for "
            "31 July 2019), owner Example ACC (illustrative)." in late)
    assert "target moved from 31 July 2019;" not in late  # never half the story on one line
    assert late.count("30 September 2019") == 1  # read 31-B: the closure is said above


# --- 4. "no action plan" never reads as the force having none -------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missing_plan_is_said_to_be_not_supplied(fmt: str,
                                                    texts: dict[tuple[str, str], str]) -> None:
    assert "Four deadlines set by the report have passed." not in texts["example", fmt]  # read 36
    for kind in ("pack", "brief", "committee", "s55"):
        report, options = _options("example", kind)
        text = _read(rendered(report, options, fmt), fmt)
        assert "with no action plan" not in text.lower(), kind


# --- 5 and 6. what the reader must decide, first; good news under what needs doing ----------

@pytest.mark.parametrize("fmt", FORMATS)
def test_decisions_come_straight_after_the_opening(fmt: str,
                                                   texts: dict[tuple[str, str], str]) -> None:
    for case in ("norfolk", "norfolk-plan"):
        text = texts[case, fmt]
        # read 30-B: with every finding quoted to a clause, the opening says where they are whole
        assert re.search(r"was published on 2 May 2019\.( The briefing pack has the findings in "
                         r"full\.)? Decisions? needed(?: \(no action plan was seen for this brief\))?: ", text), case
        assert text.index("needed") < text.index("Judgments"), case
        addressed = ("The report finds three earlier areas for improvement addressed "
                     "(E-2017-AFI-2, E-2016-AFI-1 and E-2016-AFI-2).")
        assert addressed in between(text, "What needs doing", "Deadlines"), case
    # before the section 55 deadline, without a plan: the comments the chief officer signs,
    # and (read 10) a plan, so that the comments can say what is proposed on the recommendation
    assert ("Decisions needed (no action plan was seen for this brief): agree the chief constable’s comments on the report ({to be completed: "
            "where the draft is}), for the Police "
            "and Crime Commissioner for Norfolk to publish with the commissioner’s own by 26 June "
            "2019; agree an action plan, with an action, an owner and a target date for each "
            "finding, so that the commissioner’s comments can say what action is proposed on the "
            "recommendation (E5-REC-1).") in texts["norfolk", fmt]
    assert "agree the chief constable’s comments" not in texts["norfolk-plan", fmt]  # past it


# --- 7. the area for improvement quoted is the one the report bears on ----------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_area_for_improvement_quoted_is_the_one_on_the_repeat_failure(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    # with room on the page every area for improvement is quoted, in the report's order (which
    # the report bears on most decides only which to quote when not all fit: by_bearing);
    # "all under question 2" is said once, above the list
    needs = between(texts["norfolk", fmt], "What needs doing", "Deadlines")
    assert ("Area for improvement (E2-AFI-3): “The force should ensure regular and "
            "active supervision of the quality and progress of investigations.") in needs
    # read 12-B: before the s.55 deadline the decisions also ask for a plan; rather than one
    # area giving way, the longest is quoted to its first sentence and every one is listed
    assert needs.index("(E2-AFI-1):") < needs.index("(E2-AFI-2):") < needs.index("(E2-AFI-3):")
    assert "One more area for improvement" not in needs
    # with room (after the deadline, one short decision) every one, in the report's order
    roomy = _read(rendered(*_options("norfolk", as_of=date(2019, 7, 15)), fmt), fmt)
    roomy = between(roomy, "What needs doing", "Deadlines")
    assert roomy.index("(E2-AFI-1):") < roomy.index("(E2-AFI-2):") < roomy.index("(E2-AFI-3):")


def test_the_rule_ranks_by_shared_words_whatever_the_order_or_ids() -> None:
    report = peeldocs.load_report(NORFOLK)
    q2 = report.questions[1]
    afis = (Finding("X-9", "The force should publish its estates strategy."),
            Finding("X-1", "The force should review how it records lost property."),
            Finding("X-5", "The force should make sure supervisors monitor the quality and "
                           "progress of investigations."))
    changed = dataclasses.replace(report, questions=(
        report.questions[0], dataclasses.replace(q2, areas_for_improvement=afis),
        *report.questions[2:]))
    ranked = [i.id for i in by_bearing(list(response_items(changed)), changed)
              if i.kind is ItemKind.AREA_FOR_IMPROVEMENT]
    assert ranked[0] == "X-5"  # shares "quality", "progress", "investigations", "supervi…"
    assert ranked[1:] == ["X-9", "X-1"]  # no shared words: the report's order kept
    # without an earlier finding lacking progress, nothing to bear on: the report's order
    plain = dataclasses.replace(changed, prior_findings=(), summary=())
    assert [i.id for i in brief_order(plain, PUBLISHED)
            if i.kind is ItemKind.AREA_FOR_IMPROVEMENT] == ["X-9", "X-1", "X-5"]


# --- 8. the earlier cause of concern without progress is quoted -----------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_assessments_repeat_cause_of_concern_is_quoted(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["example", fmt]
    # its reference first, as on the list's lines; no stop inside the quotation, ours after it
    # (the names of the two areas graded requires improvement give way to it: read 8-B)
    # read 12-B: the area that reconsiders it, and its own words as they "read"
    # read 19: the page names it with its place; its words give way to the deadlines in the
    # report's own terms and the s.55 line's naming both sets of comments
    # read 21: and this report's cause of concern in the same area, by its reference
    assert ("not made enough progress on the 2021/22 cause of concern (A-2021-COC-1), "
            "reconsidered in ‘Responding to the public’, where it gives another cause of concern "
            "(A4-COC-1).") in text
    report = peeldocs.load_report(EXAMPLE)
    for item in response_items(report):  # and still every cause of concern and recommendation
        if item.kind in (ItemKind.CAUSE_OF_CONCERN, ItemKind.RECOMMENDATION):
            assert f"({item.id}" in text and f": “{item.text}" in text, item.id  # quoted


# --- 9. the note on marks is accurate, and the licence line agrees with it ------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_marks_note_says_brackets_are_ours_in_every_kind(fmt: str) -> None:
    note = "Words in square brackets are added in quoting, or replace the report’s own words"
    for kind in ("pack", "brief", "committee", "s55"):
        report, options = _options("norfolk-plan", kind)
        text = _read(rendered(report, options, fmt), fmt)
        if kind == "brief":  # read 29-B: the brief quotes the 2017 finding without brackets
            assert text.count(note) == ("[the force]" in text), kind
            continue
        assert "[the force]" in text and text.count(note) == 1, kind
        assert "Square brackets mark words added" not in text, kind
        assert "mark words this pack adds" not in text, kind
        if "Crown copyright" in text:
            assert "reproduced verbatim apart from any marked changes." in text, kind
            assert "reproduced verbatim." not in text, kind


def test_the_welsh_catalogue_has_the_new_wording() -> None:
    po = (ROOT / "templates" / "locale" / "cy.po").read_text(encoding="utf-8")
    for msgid in ("Words in square brackets are added in quoting, or replace the report’s own words; an "
                  "ellipsis marks words left out.",
                  "Words in square brackets are added in quoting, or replace the report’s own words.",
                  "Quoted text is Crown copyright and is reproduced verbatim apart from any "
                  "marked changes."):
        assert f'msgid "{msgid}"' in po, msgid
    assert "Square brackets mark words added" not in po


# --- 10. the local policing body is named, or left for the author ---------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_policing_body_is_named_or_left_to_complete(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    assert ("The comments of {to be completed: the local policing body}, with any comments the chief "
            "constable submits, were due by 6 November 2024") in texts["example", fmt]
    assert "The comments of the local policing body" not in texts["example", fmt]
    assert ("The comments of the Police and Crime Commissioner for Norfolk, with any comments the chief "
            "constable submits, were due by 26 June 2019") in texts["norfolk-plan", fmt]


# --- 11 and 12. header and placeholder layout -----------------------------------------------

def test_the_docx_header_has_no_empty_line_under_the_marking(
        built: dict[tuple[str, str], bytes]) -> None:
    import io

    import docx

    header = docx.Document(io.BytesIO(built["norfolk-plan", "docx"])).sections[0].header
    assert [p.text for p in header.paragraphs] == ["OFFICIAL"]


def test_the_html_placeholder_outline_stands_clear_of_the_words_beside_it(
        built: dict[tuple[str, str], bytes]) -> None:
    html = built["norfolk-plan", "html"].decode()
    rule = re.search(r"mark\.placeholder \{[^}]*\}", html)
    # read 32: a margin left a space before a following full stop ("…} ."); the words beside
    # it are kept clear by the real space before it and a thin outline, hard on the highlight
    assert rule and "margin: 0;" in rule.group(0) and "outline: 1.5px dashed" in rule.group(0)
    # a real space before it, too (read 34: a short place is kept on one line by a span)
    assert re.search(r"Date published: (<span class=\"one-line\">)?<mark", html)
