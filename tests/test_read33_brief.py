"""Read 33: the one-page brief, three cases, as a reader gets each format.

B1. With an illustrative plan: the plan is said to be illustrative (read 34: once, in its
    lead-in "Illustrative action plan as at …"; every state beside a quotation is "Plan: …").
B2. With a plan: the grade tally the no-plan brief has is on the page too.
B3. With a plan: "Deadlines and what is late" says what is due next, with its target,
    how soon and its owner gap, not only what is overdue.
B4. Without a plan: question 2's grade is said once, in the tally, not in a sentence of
    its own before it.
B5. With a plan: every area for improvement is a whole clause, not an opening fragment;
    the repeated "must do more" quotation of the earlier finding goes first.
B6. Constructed report: a passed dated deadline says how long ago; "not an HMICFRS report"
    is said once in the opening; no "ours, not the inspectorate's" note.
B7. DOCX: bullets are indented from the margin, as the PDF's are (the shared List Bullet
    numbering: text where it was, bullet 11 pt in), and no gap opens before or after a
    sub-list (the list item before it has no space after).
"""

from __future__ import annotations

import itertools

import pytest

FORMATS = ("pdf", "docx", "html")


@pytest.fixture(scope="module")
def texts(review_brief_texts: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    return review_brief_texts


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_illustrative_plan_is_said_to_be_so_once_in_its_lead_in(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["norfolk-plan", fmt]
    assert "Illustrative plan:" not in text
    assert text.count("Illustrative action plan as at 15 October 2019") == 1
    assert "Plan: in progress, due 31 December 2019." in text
    assert "Illustrative" not in texts["norfolk", fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_both_norfolk_briefs_count_the_grades_alike(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    tally = ("Of the five questions, three were graded good (one carried over from 2016) and one "
             "was graded requires improvement (question 2, ‘How effective is the force at investigating "
             "crime and reducing re-offending?’); question 5 was ungraded.")
    for case in ("norfolk", "norfolk-plan"):
        assert tally in texts[case, fmt], case


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_grade_of_question_2_is_said_once(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    for case in ("norfolk", "norfolk-plan"):
        text = texts[case, fmt]
        judged = text[text.index("Judgments"):text.index("What needs doing")]
        assert judged.count("requires improvement") == 1, case
        assert "the lowest grade it gave a question" not in judged, case


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_deadlines_say_what_is_due_next(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["norfolk-plan", fmt]
    late = text[text.index("Deadlines and what is late"):text.index("Contains public sector")]
    assert "Overdue: E-2017-AFI-1" in late
    # read 34: its line above says it ("Plan: no owner, due 1 November 2019"): not again here
    assert "Due next" not in late and "E2-AFI-2" not in late
    assert "Plan: no owner, due 1 November 2019." in text[:text.index("Deadlines")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_beside_a_plan_each_area_for_improvement_is_a_whole_clause(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["norfolk-plan", fmt]
    for clause in ("staff with the right skills are investigating crimes thoroughly, leading to "
                   "satisfactory outcomes for victims.",
                   "ensuring that investigations are allocated to appropriately trained and "
                   "supported officers",
                   "regular and active supervision of the quality and progress of investigations."):
        assert clause in text, clause


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_passed_dated_deadline_says_how_long_ago(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["example", fmt]
    assert "Due by 31 March 2025; deadline passed one day ago." in text
    assert "Due within six months (12 March 2025); deadline passed 20 days ago." in text
    assert "Due immediately; deadline passed." in text  # no date to count from on the line


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_constructed_brief_says_not_an_hmicfrs_report_once_in_its_opening(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["example", fmt]
    opening = text[text.index("Prepared for"):text.index("Decisions needed")]
    assert opening.count("not an HMICFRS report") == 1
    assert "are ours, not the inspectorate’s" not in text
    assert "are ours, not the inspectorate’s" in texts["norfolk", fmt]


def _bullet_starts(docx_bytes: bytes) -> dict[str, int]:
    """The distance (twips) from the margin to the bullet of each list style, as Word sets it."""
    import io
    import re

    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(docx_bytes))
    numbering = document.part.numbering_part.element
    out = {}
    for name in ("List Bullet", "List Bullet 2"):
        num = document.styles[name].element.find(f".//{qn('w:numId')}").get(qn("w:val"))
        xml = numbering.xml
        abstract = re.search(rf'<w:num w:numId="{num}"[^>]*>\s*<w:abstractNumId w:val="(\d+)"', xml)
        assert abstract is not None
        level = re.search(rf'<w:abstractNum [^>]*w:abstractNumId="{abstract.group(1)}".*?'
                          r'<w:ind w:left="(\d+)" w:hanging="(\d+)"/>', xml, re.S)
        assert level is not None
        out[name] = int(level.group(1)) - int(level.group(2))
    return out


def test_docx_bullets_are_indented_as_the_pdf_indents_them(
        review_briefs: dict[tuple[str, str], bytes]) -> None:
    starts = _bullet_starts(review_briefs["example", "docx"])
    assert 0 < starts["List Bullet"] < starts["List Bullet 2"]


def test_docx_sub_lists_have_no_gap_before_or_after(
        review_briefs: dict[tuple[str, str], bytes]) -> None:
    import io

    import docx
    from docx.shared import Pt

    paras = docx.Document(io.BytesIO(review_briefs["example", "docx"])).paragraphs
    listed = [p.style is not None and p.style.name.startswith("List Bullet") for p in paras]
    changes = [(a, b) for n, (a, b) in enumerate(itertools.pairwise(paras))
               if listed[n] and listed[n + 1] and a.style.name != b.style.name]
    assert len(changes) >= 3  # into a sub-list and out of it
    for before, _after in changes:
        assert before.paragraph_format.space_after == Pt(0), before.text[:40]
