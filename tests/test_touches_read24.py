"""Reads 24-X and 24-C: the touches an editor would still make, read as a reader gets them.

Committee paper (24-C): a joint recommendation is said to be joint, with its owner to be
agreed with the other force (1); 2.4 points to where the overdue dates are (2); the plan's
"awaiting allocation" glossed (3); "Findings and leads" (4); the key figures' lead-in (6);
6.1 says once why the recommendation is in the table (7); the PDF running header leaves no
separator at its line break (8).  Update paper (24-X): a finding never updated is said to
be so (2); the asks lettered (a)-(d), each its own item (3); "more than five years (1,934
days)" (7).  Comparison (24-X): over time one point per scale (4); the Source note in plain
words (5); the cover's count of forces by cycle (6).  Text as a reader gets it: PDF (pypdf,
pdfplumber), DOCX (python-docx), HTML as a browser reads it.
"""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import docx
import pdfplumber
import pytest
from docread import (
    document_text,
    reader_text,
    rendered,
    review_comparison,
    review_options,
    review_register_documents,
    text_of,
)

import peeldocs
from peeldocs.comparisons.common import forces_words
from peeldocs.comparisons.loading import load_comparison

# one worker builds this module's documents (its module fixtures), not both
pytestmark = pytest.mark.xdist_group("test_touches_read24")

FORMATS = ("pdf", "docx", "html")
ROOT = Path(__file__).resolve().parent.parent
NOTES = "Before issuing: notes for the preparer (remove this part)"


def _body(case: str, fmt: str) -> str:
    report, options = review_options(case, "committee")
    text = document_text(report, options, fmt)
    return text[:text.index(NOTES)]


# --- 24-C 1: the joint recommendation ------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_joint_recommendation_is_said_to_be_joint_with_its_owner_agreed(fmt: str) -> None:
    planned = _body("norfolk-plan", fmt)
    assert ("2.2 The committee is asked to note that the action plan does not yet hold the "
            "recommendation under question 5 (E5-REC-1), which the report makes jointly to "
            "Norfolk and Suffolk Constabularies, and to seek assurance from the chief constable "
            "that it will be added with an owner agreed with the other force, actions and a "
            "target date.") in planned
    row = ("Joint recommendation, question 5 (made in the text) We recommend Norfolk and "
           "Suffolk Constabularies to work with other forces in the east of England to develop a "
           "regional specialist capability. To be agreed with the other force")
    assert row in planned
    unplanned = _body("norfolk", fmt)
    assert row in unplanned
    assert ("each finding will have a lead (for the joint recommendation E5-REC-1, one agreed "
            "with the other force) and a target date.") in unplanned
    # recommendations to the force alone are never called joint
    example = _body("example", fmt)
    assert "Joint" not in example and "jointly" not in example and "other force" not in example


# --- 24-C 2, 3: where the overdue dates are; "awaiting allocation" glossed -----------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_overdue_ask_points_to_the_table_that_dates_it(fmt: str) -> None:
    body = _body("norfolk-plan", fmt)
    # read 34: the new findings under the same question are named in a sentence after it
    assert "(E-2017-AFI-1), on which the report found not enough progress, is 15 days overdue after its target date was moved from 31 July 2019 (see paragraphs 6.2 and 6.3)" in " ".join(body.split())
    # the table follows 6.2, and its row for E-2017-AFI-1 gives the dates
    table = body[body.index("6.2 "):body.index("6.3 ")]
    assert "Finding Report text (verbatim)" in table
    assert "overdue (due 30 September 2019; first set for 31 July 2019) E-2017-AFI-1" in table


@pytest.mark.parametrize("fmt", FORMATS)
def test_awaiting_allocation_is_said_as_not_yet_allocated_to_an_owner(fmt: str) -> None:
    body = _body("norfolk-plan", fmt)
    assert ("Not yet allocated to an owner; due 1 November 2019; no actions recorded yet "
            "E2-AFI-2") in body
    assert "Awaiting allocation" not in body and "no owner or actions recorded" not in body


# --- 24-C 4, 6, 7 ---------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_headings_and_lead_ins_read_as_a_clerk_would_write_them(fmt: str) -> None:
    for case in ("norfolk", "example"):
        body = _body(case, fmt)
        assert "6. Findings and leads 6.1 " in body
        assert "(to be confirmed)" not in body and "their leads" not in body
    example = _body("example", fmt)
    # worst-graded area first, each line naming its area: the lead-in does not explain it
    assert ("5.2 The report’s key figures include: Investigations with effective supervision "
            "(‘Investigating crime’): 38 of 65 investigations") in example.replace(": – ", ": ")
    assert "starting with" not in example and "graded lowest" not in example
    for case in ("norfolk-plan", "norfolk"):
        body = _body(case, fmt)
        assert ("first the recommendation, then the areas for improvement, each by question in "
                "the report’s order. The recommendation appears only in the text of the report "
                "(question 5), not among the findings it lists.") in body
        assert "findings the report sets out" not in body and "body of the report" not in body


def test_the_welsh_paper_keeps_the_new_wording_in_welsh() -> None:
    for case, said in (("norfolk", ("Canfyddiadau ac arweinwyr", "I’w gytuno â’r heddlu arall",
                                    "un a gytunwyd â’r heddlu arall")),
                       ("norfolk-plan", ("Heb ei ddyrannu i berchennog eto",
                                         "I’w gytuno â’r heddlu arall"))):
        report, options = review_options(case, "committee")
        text = document_text(report, dataclasses.replace(options, language="cy"), "html")
        for words in said:
            assert words in text, (case, words)
        assert "Findings and leads" not in text and "Not yet allocated" not in text


# --- 24-C 8: the running header's line break -----------------------------------------------
def test_a_running_header_that_wraps_leaves_no_separator_at_a_line_end() -> None:
    report, options = review_options("example", "committee")
    with pdfplumber.open(io.BytesIO(rendered(report, options, "pdf"))) as pdf:
        for page in pdf.pages[:2]:
            top = page.crop((0, 0, page.width, 80)).extract_text()
            lines = [line.strip() for line in top.splitlines() if line.strip()]
            assert "Exampleshire Constabulary · PEEL 2023–25 force assessment" in lines
            assert "ILLUSTRATIVE EXAMPLE: NOT AN HMICFRS REPORT" in lines
            assert not any(line.endswith("·") or line.startswith("·") for line in lines), lines


# --- 24-X 2, 3, 7: the update paper ---------------------------------------------------------
@pytest.fixture(scope="module")
def update_texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = review_register_documents(tmp_path_factory.mktemp("read24"))
    return {p.suffix[1:]: reader_text(p) for p in (folder / "update").iterdir()
            if p.suffix in (".pdf", ".docx", ".html")}


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_update_paper_says_a_finding_was_never_updated(update_texts: dict[str, str],
                                                           fmt: str) -> None:
    text = update_texts[fmt]
    assert ("Three areas for improvement from the PEEL inspection (E-2017-AFI-1, E2-AFI-1 and "
            "E2-AFI-2) have had no progress reported for more than five years: the latest "
            "update on any of them is dated 2 September 2019, and none has ever been recorded "
            "for E2-AFI-2.") in text  # the missing owners: once, in the asks (read 32)
    assert ("6.1 The actions on six findings are past their target date, the most overdue by "
            "more than five years (1,934 days).") in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_update_papers_asks_are_lettered_items(update_texts: dict[str, str],
                                                   fmt: str) -> None:
    text = update_texts[fmt]
    asks = text[text.index("2.1 "):text.index("3. Background")]
    # (b): the recommendations past HMICFRS's own deadlines (read 34)
    assert [m.group(1) for m in re.finditer(r"\(([a-e])\) ", asks)] == ["a", "b", "c", "d", "e"]
    assert asks.startswith("2.1 The chief officer group is asked to: (a) note the position")
    assert ("(d) decide whether the three areas for improvement with no progress reported "
            "for more than five years (E-2017-AFI-1, E2-AFI-1 and E2-AFI-2; E2-AFI-2 has had "
            "none at all) are still live") in asks  # read 33: the three named together
    assert "Paragraph 2.1(e): any further decision it is asked to make" in text


def test_each_ask_is_its_own_list_item_in_docx_and_html(tmp_path: Path) -> None:
    folder = review_register_documents(tmp_path)
    paras = [p.text for p in docx.Document(str(folder / "update" / "update.docx")).paragraphs]
    lettered = [p for p in paras if re.match(r"\([a-e]\)\t", p)]
    assert [p[:4] for p in lettered] == ["(a)\t", "(b)\t", "(c)\t", "(d)\t", "(e)\t"]
    assert lettered[1].startswith("(b)\trequire a recovery date")  # read 34
    assert lettered[2].startswith("(c)\tname an owner for the two findings")
    page = (folder / "update" / "update.html").read_text(encoding="utf-8")
    lists = re.findall(r'<ol class="labelled">(.*?)</ol>', page, flags=re.S)
    assert len(lists) == 1 and lists[0].count("<li>") == 5
    assert '<li><span class="label">(a)</span> note the position' in lists[0]


# --- 24-X 4, 5, 6: the comparison -----------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_comparison_cover_summary_and_note_say_what_the_data_covers(fmt: str) -> None:
    text = text_of(review_comparison(fmt), fmt)
    assert ("Forces 43 forces (PEEL 2018/19 and 2021/22); Norfolk only for PEEL 2016, 2017 and "
            "2023–25") in text
    assert ("The Source column repeats each table’s own statement of where its grades come "
            "from; it has not been verified independently.") in text
    assert "describes itself" not in text


def test_the_summary_follows_each_scale_in_a_point_of_its_own() -> None:
    document = docx.Document(io.BytesIO(review_comparison("docx")))
    points = [p.text for p in document.paragraphs if p.text.startswith("Across cycles")]
    assert len(points) == 2
    # read 36: the most recent scale first
    assert "on the four-tier scale" in points[1] and "five-tier" not in points[1]
    assert points[0].startswith("Across cycles (illustrative), on the five-tier scale (PEEL "
                                "2021/22 to 2023–25):")  # said in full once, briefly here
    assert all(len(p.split()) < 70 for p in points)  # each readable at a glance


def test_one_cycle_of_all_forces_is_counted_plainly() -> None:
    data = load_comparison([ROOT / "tests" / "fixtures" / "compare" /
                            "constructed-2018-19-pillars.csv"])
    assert forces_words(data) == f"{len(data.forces())} forces"


def test_the_register_still_says_it_in_one_sentence_with_owners(tmp_path: Path) -> None:
    # the register (not the update paper) keeps its sentence, owners included
    reg = peeldocs.register([str(ROOT / "examples" / "norfolk-2018-action-plan.yaml"),
                             str(ROOT / "examples" / "constructed-thematic-action-plan.yaml")],
                            as_of="2024-10-15")
    [html] = peeldocs.write_register(reg, "html", tmp_path / "register")
    text = reader_text(html)
    assert "none has ever been recorded for E2-AFI-2, which has no owner." in text
