"""Read 25-P and 25-X: the briefing pack's and the comparison's faults, as a reader gets them.

Pack:
1. The decisions (with a plan) and the findings whose deadlines have passed (without one)
   name each finding with a few of the report's own words, not by reference alone.
2. A pack says it was prepared without an action plan, not that none was "supplied".
3. In brief says how late the plan's action on a carried-forward finding is.
4. "Findings to act on" does not count practice among the findings to act on.
6. The labels of the boxes under each question or area are headings (DOCX, HTML, PDF tags).
7. A box names its references ("E2-AFI-1 to E2-AFI-3 are quoted …", not "Its three …");
   "further statements of this kind", not "more such calls".
And the notes on quotation marks (the pack's notes, the action plan's introduction) name
only the marks the quotations carry.
Comparison: the Summary says once that its grades are constructed (25-X fault 4), and the
findings table names the report each row counts from (fault 5).
"""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path
from typing import Any

import docx
import pikepdf
import pytest
from docread import document_text, rendered, review_comparison, review_options, text_of
from pdfstruct import PageContent, marked_refs, walk

import peeldocs
from peeldocs.build.registry import render
from peeldocs.model import Outcome
from peeldocs.sections.order import live_items
from peeldocs.sections.refs import subject

FORMATS = ("pdf", "docx", "html")
COMPARE = Path(__file__).resolve().parent / "fixtures" / "compare"
BOXES = ("Areas for improvement", "Earlier findings revisited",
         "Recommendation made in the findings")


def _text(case: str, fmt: str, **changes: Any) -> str:
    report, options = review_options(case, "pack")
    return document_text(report, dataclasses.replace(options, **changes), fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_decision_names_its_finding_in_the_report_s_own_words(fmt: str) -> None:
    text = _text("norfolk-plan", fmt)
    start = text.index("to take these decisions:")
    asks = text[start:text.index("Judgments by question", start)]
    for said in ("Allocate E2-AFI-2, “improve how it allocates crime” (area for improvement "
                 "under question 2), due 1 November 2019",
                 "Add an item to the action plan for E5-REC-1, “develop a regional specialist "
                 "capability” (recommendation under question 5)",
                 "Decide on E-2017-AFI-1, “put appropriate supervision in place” (2017 area for "
                 "improvement, reconsidered under question 2), first set for 31 July 2019, "
                 "due 30 September 2019"):
        assert said in asks, said
    # every quoted phrase is the report's words, in its order
    report, _options = review_options("norfolk-plan", "pack")
    found = " ".join(" ".join(i.full_text for i in live_items(report)).split())
    for phrase in re.findall(r"“([^”]+)”", asks):
        assert phrase in found, phrase


@pytest.mark.parametrize("fmt", FORMATS)
def test_passed_deadlines_are_listed_with_what_each_finding_asks(fmt: str) -> None:
    text = _text("example", fmt)
    start = text.index("The chief officer group is asked")
    asks = text[start:text.index("Grades by area", start)]
    assert "on each of the four recommendations below, all past their deadlines" in asks
    # never “it answers …” (read 25); from the verb, a phrase as the other three are, not the
    # whole sentence (read 33)
    assert "A4-REC-1, “answers at least 90 percent of emergency calls within 10 seconds” " \
           "(recommendation in ‘Responding to the public’)" in asks
    assert "“it " not in asks and "“The force should" not in asks
    assert "(A5-REC-1, A5-REC-2" not in asks  # not by reference alone


@pytest.mark.parametrize(("text", "said"), [
    ("The force should improve how it allocates crime, ensuring that investigations are "
     "allocated to appropriately trained and supported officers.", "improve how it allocates crime"),
    ("The force must ensure that staff with the right skills are investigating crimes "
     "thoroughly, leading to satisfactory outcomes.",
     "staff with the right skills are investigating crimes thoroughly"),
    ("[The area for improvement] was to ensure that [the force] put appropriate supervision in "
     "place to consistently monitor the quality and progress of investigations involving "
     "vulnerable people.",
     "put appropriate supervision in place"),
    ("The force should make sure that the victim’s wishes are recorded whenever a crime is "
     "closed because the victim does not support a prosecution.", "the victim’s wishes are recorded"),
    ("The force isn’t answering emergency calls promptly enough (constructed earlier cause of "
     "concern).", "The force isn’t answering emergency calls promptly enough"),
])
def test_a_subject_is_the_report_s_own_words_cut_at_a_clause(text: str, said: str) -> None:
    assert subject(text) == f"“{said}”"
    words = subject(text).strip("“”")
    assert words in text and len(words.split()) <= 12


@pytest.mark.parametrize(("text", "said"), [
    ("The force should make sure that it answers at least 90 percent of emergency calls within "
     "10 seconds.", "answers at least 90 percent of emergency calls within 10 seconds"),
    ("The force should make sure that its plans for demand are based on a full understanding.",
     "The force should make sure that its plans for demand are based on a full understanding"),
    ("The constabulary must ensure its officers complete a risk assessment at every domestic "
     "abuse incident.", "The constabulary must ensure its officers complete a risk assessment at "
     "every domestic abuse incident"),
])
def test_a_subject_that_opens_on_it_says_what_it_is(text: str, said: str) -> None:
    """Editor: “it answers at least 90 percent …” had no antecedent (read 25); quoted from the
    verb, as the other subjects are (read 33); "its …" keeps the call naming the force."""
    assert subject(text) == f"“{said}”"
    assert said in text  # the report's words, in its order


def test_a_joint_recommendation_s_subject_leaves_out_whom_it_works_with() -> None:
    text = ("We recommend Norfolk and Suffolk Constabularies to work with other forces in the "
            "east of England to develop a regional specialist capability.")
    assert subject(text, "work with other forces in the east of England") == \
        "“develop a regional specialist capability”"
    assert subject("") == ""


@pytest.mark.parametrize("fmt", FORMATS)
def test_in_brief_says_how_late_the_carried_forward_action_is(fmt: str) -> None:
    text = _text("norfolk-plan", fmt)
    # said once, in the decision on it just below In brief (read 33), not in In brief too
    assert "The force’s action on it is overdue" not in text
    assert ("Decide on E-2017-AFI-1, “put appropriate supervision in place” (2017 area for "
            "improvement, reconsidered under question 2), first set for 31 July 2019, "
            "due 30 September 2019, overdue by "
            "15 days: set a new target date or escalate.") in text.replace(" ,", ",")


@pytest.mark.parametrize("fmt", FORMATS)
def test_practice_is_named_apart_from_the_findings_to_act_on(fmt: str) -> None:
    text = _text("example", fmt)
    # read 34: practice is no finding to act on, so it is not counted there; its own section
    # names it
    assert ("Findings to act on The report lists six areas for improvement, two causes of "
            "concern and four recommendations. It revisits one earlier finding") in text
    assert "It also names two examples of innovative or promising practice" not in text
    assert "under each area" not in text  # two areas of ten have an example (read 28-P)
    assert "and the innovative or promising practice is under each area" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_pack_without_a_plan_says_how_it_was_prepared(fmt: str) -> None:
    for case, said in (("norfolk", "This pack was prepared without an action plan, and the "
                                   "report sets no deadline of its own."),
                       ("example", "Four deadlines set by the report have passed; this pack was "
                                   "prepared without an action plan.")):
        text = _text(case, fmt)
        assert text.count(said) == 1, case
        assert "action plan was supplied" not in text, case


def _pdf_headings(data: bytes, level: int) -> list[str]:
    """The text of each structure element tagged H<level>, in order."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = [PageContent(p) for p in pdf.pages]
        return [" ".join("".join(pages[p].text.get(m, "") for p, m in marked_refs(pdf, e)).split())
                for _d, e in walk(pdf.Root.StructTreeRoot.K) if str(e.S) == f"/H{level}"]


def test_box_labels_are_headings_under_their_question_in_every_format() -> None:
    report, options = review_options("norfolk-plan", "pack")
    word = docx.Document(io.BytesIO(rendered(report, options, "docx")))
    styled = {p.text: p.style.name for p in word.paragraphs if p.text in (*BOXES,
                                                                          "Illustrative action plan")}
    assert styled == {**dict.fromkeys(BOXES, "Heading 3"), "Illustrative action plan": "Heading 2"}
    # a box label looks as it did: the body's size, not the heading's
    label = next(p for p in word.paragraphs if p.text == "Areas for improvement")
    assert label.runs[0].font.size.pt == pytest.approx(10, abs=1.5)
    html = rendered(report, options, "html").decode("utf-8")
    for box in BOXES:  # one level below the question's <h3>, as the report's own headings
        assert re.search(rf'<h4 class="callout-title" id="callout-\d+">{box}</h4>', html), box
    pdf = rendered(report, options, "pdf")
    h3 = _pdf_headings(pdf, 3)
    for box in BOXES:
        assert box in h3, box
    assert "Illustrative action plan" in _pdf_headings(pdf, 2)
    # a notice that is not part of an outline stays a label: the cover's, the s.55 checklist
    example, ex_options = review_options("example", "pack")
    cover = rendered(example, dataclasses.replace(ex_options, sections=("cover",)), "html")
    assert b'<p class="callout-title"' in cover


@pytest.mark.parametrize("fmt", FORMATS)
def test_boxes_name_their_references_and_say_further_statements(fmt: str) -> None:
    text = _text("norfolk", fmt)
    assert "E2-AFI-1 to E2-AFI-3 are quoted in the executive summary." in text
    assert "Its three areas for improvement" not in text
    assert ("The report makes three further statements of this kind in the passages behind "
            "E2-AFI-1 and E2-AFI-2") in text
    assert "more such call" not in text
    example = _text("example", fmt)
    assert "A2-AFI-1 is quoted in the executive summary." in example
    assert "Its area for improvement" not in example


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_notes_name_only_the_marks_the_quotations_carry(fmt: str) -> None:
    text = _text("norfolk", fmt)
    notes = text[text.rindex("Notes on this pack"):]
    # read 33: the boxes of earlier findings quote each one's opening, cut: an ellipsis marks it
    assert "Clare’s Law. …” Outcome: addressed." in text
    assert ("Words in square brackets are added in quoting, or replace the report’s own words; an "
            "ellipsis marks words left out.") in notes
    # where a quoted earlier finding starts mid-passage, an ellipsis is used and explained
    report, options = review_options("norfolk", "pack")
    second = next(p for p in report.prior_findings if p.text.startswith("Second"))
    changed = dataclasses.replace(report, prior_findings=tuple(
        dataclasses.replace(p, outcome=Outcome.NOT_ENOUGH_PROGRESS) if p is second else p
        for p in report.prior_findings))
    text = document_text(changed, options, fmt)
    assert "… [the force] needed to enhance" in text
    assert ("Words in square brackets are added in quoting, or replace the report’s own words; an ellipsis "
            "marks words left out.") in text[text.rindex("Notes on this pack"):]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_action_plan_introduction_names_only_the_marks_used(fmt: str) -> None:
    report, options = review_options("norfolk", "pack")
    alone = dataclasses.replace(options, sections=("cover", "actions"))
    text = document_text(report, alone, fmt)
    assert ("Findings are quoted verbatim. Words in square brackets are added in quoting, or "
            "replace the report’s own words.") in text
    assert "ellipsis" not in text
    example, ex_options = review_options("example", "pack")
    text = document_text(example, dataclasses.replace(ex_options, sections=("cover", "actions")),
                         fmt)
    assert "Findings are quoted verbatim." in text
    assert "square brackets" not in text and "ellipsis" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_comparison_says_once_that_its_grades_are_constructed(fmt: str) -> None:
    text = " ".join(text_of(review_comparison(fmt), fmt).split())
    body = text.index("Summary", text.index("What was compared") + 20)  # after the contents
    summary = text[body:text.index("What was compared", body)]
    assert summary.startswith("Summary All grades in this summary are constructed for "
                              "illustration, except Norfolk’s 2018/19 effectiveness grades, "
                              "which are published.")
    assert "illustrative: constructed" not in summary
    # said in full once, and briefly by each point that rests on constructed grades (read 33-X)
    # read 35: a point mixing Norfolk's published grade with constructed ones says which
    assert ("PEEL 2018/19 (illustrative, but Norfolk’s effectiveness grade is published): Norfolk "
            "was one of 28 forces graded good for effectiveness") in summary


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_comparison_s_findings_row_names_its_report(fmt: str) -> None:
    text = " ".join(text_of(review_comparison(fmt), fmt).split())
    row = text[text.rindex("Reports used"):]
    assert ("2018/19 “Norfolk PEEL 2018”, HMICFRS’s PEEL 2018/19 effectiveness report, last "
            "updated 2 May 2019 3 0") in row


def _summary_of(paths: list[Path], focus: str | None = None) -> str:
    text = " ".join(text_of(render(peeldocs.compare([str(p) for p in paths], focus=focus),
                                   "html"), "html").split())
    body = text.index("Summary", text.index("What was compared") + 20)
    return text[body:text.index("What was compared", body)]


def test_a_summary_of_constructed_grades_alone_says_so_once() -> None:
    summary = _summary_of([COMPARE / "constructed-2018-19-pillars.csv",
                           COMPARE / "constructed-2021-22-areas.csv"], "Kent")
    assert summary.startswith("Summary All grades in this summary are constructed for "
                              "illustration. PEEL 2021/22 (illustrative): Kent was")  # read 36: newest first
    assert "(illustrative:" not in summary and summary.count("constructed") == 1


def test_grades_of_a_source_not_stated_keep_each_point_s_own_label(tmp_path: Path) -> None:
    # a table that does not say where its grades come from: one sentence cannot say it for
    # every point, so each point keeps its own label, as before (read 21-X)
    unsourced = tmp_path / "unsourced-2021-22.csv"
    lines = (COMPARE / "constructed-2021-22-areas.csv").read_text(
        encoding="utf-8-sig").splitlines()
    unsourced.write_text("\n".join(",".join(line.split(",")[:-1]) for line in lines) + "\n",
                         encoding="utf-8")
    summary = _summary_of([COMPARE / "constructed-2018-19-pillars.csv", unsourced], "Kent")
    assert "All grades in this summary" not in summary
    assert "PEEL 2018/19 (illustrative: constructed grades): Kent was" in summary
    assert "PEEL 2021/22 (from grades whose source is not stated): Kent was" in summary
