"""Editorial read 9-B of the one-page brief: what gives way first, nested sub-lists, the
report's order, quotations inside our sentences, the few areas given the lowest grades.

Each test reads what a reader gets: the PDF's text and structure tree, the DOCX, the HTML.
"""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from pathlib import Path

import docx
import lxml.html
import pikepdf
import pytest
from docread import browser_joins, pdf_pages, rendered, text_of
from docread import review_options as _options
from docx.oxml.ns import qn

import peeldocs
from peeldocs.sections.brief_budget import budgets
from peeldocs.sections.lowest import low_names

ROOT = Path(__file__).parent.parent
NORFOLK = ROOT / "data" / "norfolk-2018-effectiveness.yaml"
EXAMPLE = ROOT / "examples" / "exampleshire-2023-25-assessment.yaml"
FORMATS = ("pdf", "docx", "html")
CASES = ("norfolk-plan", "norfolk", "example")


@pytest.fixture(scope="module")
def built(review_briefs: dict[tuple[str, str], bytes]) -> dict[tuple[str, str], bytes]:
    return review_briefs


@pytest.fixture(scope="module")
def texts(built: dict[tuple[str, str], bytes]) -> dict[tuple[str, str], str]:
    out = {}
    for (case, fmt), data in built.items():
        text = text_of(data, fmt)
        if fmt == "html":
            text = browser_joins(text, ",.:;)’”")
        out[case, fmt] = " ".join(text.split())
    return out


def _text(data: bytes, fmt: str) -> str:
    text = text_of(data, fmt)
    return " ".join((browser_joins(text, ",.:;)’”") if fmt == "html" else text).split())


def _without(report: peeldocs.Report, ref: str) -> peeldocs.Report:
    """Return ``report`` without one of its causes' recommendations (a roomier page)."""
    questions = tuple(dataclasses.replace(q, causes_of_concern=tuple(
        dataclasses.replace(c, recommendations=tuple(r for r in c.recommendations if r.id != ref))
        for c in q.causes_of_concern)) for q in report.questions)
    return dataclasses.replace(report, questions=questions)


# --- 1. the plan's layout gives way before an area for improvement does ---------------------

def test_every_level_that_drops_an_area_for_improvement_has_given_up_the_plans_layout() -> None:
    # read 19: the plan's states are never cut to one sentence (no level says how); the few
    # words naming a plan item the page quotes nowhere go only after the areas for improvement
    report, _ = _options("norfolk-plan")
    levels = budgets(report)
    full = levels[0].other
    assert full == 3 and levels[0].labels == 2  # read 29-B: opening words to a clause first
    assert not hasattr(levels[0], "listed") and not hasattr(levels[0], "late")
    # read 30-B: the plan lines' labels go before any area for improvement, each of which
    # the page quotes (to a short clause) for the lines to refer to by reference
    for level in levels:
        if level.other < full:
            assert level.labels == 0 and level.span == 0, level
    # causes of concern and recommendations remain the last to go
    assert [lv.key for lv in levels[-2:]] == [1, 0] and all(lv.key for lv in levels[:-1])


@pytest.mark.parametrize("fmt", FORMATS)
def test_with_a_plan_the_area_to_allocate_is_quoted_and_labelled_nowhere_else(
        fmt: str, texts: dict[tuple[str, str], str], built: dict[tuple[str, str], bytes]) -> None:
    text = texts["norfolk-plan", fmt]
    report = peeldocs.load_report(NORFOLK)
    afi = next(a for q in report.questions for a in q.areas_for_improvement if a.id == "E2-AFI-2")
    # read 25-B: quoted once, by its opening words in the decisions (the room under "What
    # needs doing" goes to what the report now asks on the overdue 2017 finding)
    # read 29-B: to a clause, so the group reads what it is asked to decide on
    # read 30-B: quoted once, under "What needs doing"; the decision names it by reference
    # read 32: by reference alone, the room going to the section 55 prompt
    assert "name an owner and an action for E2-AFI-2, whose target is 1 November 2019" in text
    assert text.count(afi.text.split(",")[0]) == 1
    assert "Plan: no owner, due 1 November 2019." in text  # read 31-B: on its line
    assert afi.text.split(",")[0] in text
    if fmt == "pdf":
        assert pdf_pages(built["norfolk-plan", "pdf"]) == 1


# --- 2. a cause of concern's recommendations are a list inside its item ---------------------

def test_html_sub_lists_sit_inside_their_parent_item(built: dict[tuple[str, str], bytes]) -> None:
    example = lxml.html.fromstring(built["example", "html"])
    subs = example.xpath('//ul[@class="sub"]')
    assert len(subs) == 2
    for sub in subs:
        assert sub.getparent().tag == "li" and sub.getparent().getparent().tag == "ul"
    parents = [sub.getparent().text_content() for sub in example.xpath('//ul[@class="sub"]')]
    assert parents[0].startswith("Cause of concern in ‘Investigating crime’ (A5-COC-1)")
    assert "Recommendation (A5-REC-3, under A5-COC-1)" in parents[0]
    # both causes of concern are items of one list, not two lists
    assert len(example.xpath('//ul[not(@class)]/li[starts-with(normalize-space(.), '
                             '"Cause of concern")]/..')) == 1


def _tags(element: pikepdf.Dictionary, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    tag = str(element.get("/S", ""))
    here = (*path, tag) if tag else path
    out = [here]
    kids = element.get("/K")
    kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            out += _tags(kid, here)
    return out


def test_pdf_sub_lists_are_tagged_inside_their_parent_item(
        built: dict[tuple[str, str], bytes]) -> None:
    with pikepdf.open(io.BytesIO(built["example", "pdf"])) as pdf:
        paths = _tags(pdf.Root.StructTreeRoot)
    nested = [p for p in paths if len(p) > 2 and p[-1] == "/L" and p[-3:-1] == ("/LI", "/LBody")]
    assert len(nested) == 2  # one under each cause of concern, after the P of its words
    # every L sits in a section or in an item's body, never a sub-list beside its parent list
    assert all(p[-2] in ("/Sect", "/LBody") for p in paths if len(p) > 1 and p[-1] == "/L")
    items = [p for p in paths if len(p) >= 4 and p[-1] == "/LI" and p[-4] == "/LI"]
    assert len(items) == 4  # the four recommendations


def test_docx_sub_points_keep_their_own_style(built: dict[tuple[str, str], bytes]) -> None:
    document = docx.Document(io.BytesIO(built["example", "docx"]))
    subs = [p.text for p in document.paragraphs if p.style.name == "List Bullet 2"]
    assert [s.split(":")[0] for s in subs] == [
        "Recommendation (A5-REC-3, under A5-COC-1)", "Recommendation (A5-REC-1, under A5-COC-1)",
        "Recommendation (A5-REC-2, under A5-COC-1)", "Recommendation (A4-REC-1, under A4-COC-1)"]
    # a dash, not the parent's bullet: told apart by more than indent
    marks = {lvl.find(qn("w:pStyle")).get(qn("w:val")): lvl.find(qn("w:lvlText")).get(qn("w:val"))
             for lvl in document.part.numbering_part.element.iter(qn("w:lvl"))
             if lvl.find(qn("w:pStyle")) is not None}
    assert marks["ListBullet2"] == "–" and marks["ListBullet"] != "–"


# --- 3. every area for improvement quoted: the report's order ---------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_all_areas_quoted_are_in_the_reports_order(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["norfolk", fmt]
    at = [text.index(f"Area for improvement ({ref}):") for ref in ("E2-AFI-1", "E2-AFI-3")]
    assert at == sorted(at)  # read 10: the review's page quotes two of the three
    # after the s.55 deadline (one short decision) all three, in the report's order
    report, options = _options("norfolk", as_of=date(2019, 7, 15))
    roomy = text_of(rendered(report, options, fmt), fmt)
    roomy = " ".join((browser_joins(roomy, ",.:;)’”") if fmt == "html" else roomy).split())
    at = [roomy.index(f"Area for improvement ({ref}):") for ref in
          ("E2-AFI-1", "E2-AFI-2", "E2-AFI-3")]
    assert at == sorted(at)


# --- 4. a quotation inside our sentence keeps no full stop of its own ------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_quotation_our_sentence_runs_on_from_has_no_stop_inside(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    assert "vulnerable people”, and that it “must" in texts["norfolk", fmt]
    report, options = _options("example")
    roomier = _without(report, "A5-REC-2")  # the review's page has no line to spare for it
    assert ("(A-2021-COC-1), reconsidered in ‘Responding to the public’, which read: “The force "
            "isn’t answering emergency calls promptly "
            "enough (constructed earlier cause of concern)”, and in the same area the report gives "
            "another cause of concern (A4-COC-1).") in _text(
                rendered(roomier, options, fmt), fmt)
    for case in CASES:
        text = texts[case, fmt]
        assert ".” (" not in text and ".”." not in text, case


# --- 5. the few given a low grade are named; an immediate deadline reads naturally -----------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_tally_names_the_few_given_the_second_lowest_grade(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    report, options = _options("example")
    # where the page has room (here, without the earlier cause of concern quoted): named
    roomy = dataclasses.replace(report, prior_findings=())
    text = " ".join(text_of(rendered(roomy, options, fmt), fmt).split())
    assert ("two were graded requires improvement (‘Responding to the public’ and ‘Leadership "
            "and force management’), three adequate and three good; ‘Victim service assessment’ "
            "was ungraded") in text
    # the review's page has no line to spare: the tally gives way to the findings (read 21);
    # an immediate deadline, passed, reads as every other (read 23-B)
    text = texts["example", fmt]
    assert "Due immediately; deadline passed." in text
    assert "immediately, passed" not in text and "Due immediately; passed" not in text
    # Norfolk: its one lowest graded question is named by the headline; three good are not named
    assert "three were graded good (one carried over from 2016) and one was graded " \
        "requires improvement (question 2, ‘How effective is the force at investigating crime and reducing re-offending?’); question 5 was ungraded." in texts["norfolk", fmt]


def test_the_rule_for_naming_follows_the_grades() -> None:
    example = peeldocs.load_report(EXAMPLE)
    assert low_names(example) == {
        "requires improvement": "‘Responding to the public’ and ‘Leadership and force management’"}
    assert low_names(peeldocs.load_report(NORFOLK)) == {}
