"""Read 35-C: the committee paper's section 2 and the words around it, as readers get them.

35-C 1. A passed section 55 deadline is asked about conditionally (note the date they were
     published, or ask when they will be), never "asked to establish" what the author can
     state; the preparer's notes say to recast it once 7.2 is completed.  With the deadline
     ahead, the notes say to recast it if the meeting falls after it.
35-C 2. The references (E5-REC-1 …) are explained where they are first used, in 2.1.
35-C 3. Each request is its own paragraph, and no paragraph of section 2 ends with a list of
     codes without an ask: the closure of a new finding while the earlier one on the same
     question is overdue is an ask of its own.
35-C 4. A finding missing from the plan is flagged as the other gaps are: bold words, shaded.
35-C 5. Days, as at the paper's date: "15 days overdue", "due in 17 days", "by 110 days",
     "Deadline passed 110 days ago", in section 2, the findings table and 7.1.
35-C 6. 5.5 ends with the report's words (no "It is therefore included in the findings
     table"); a verdict on two earlier findings is said after the list, naming both.
35-C 7. Without a plan: "Without an action plan, the lead …", "Progress on these findings".
35-C 8. An assessment's 4.1 gives the shape of the grades after the lowest.
"""

from __future__ import annotations

import io
import re

import docx
import pytest
from docread import browser_joins, document_text, rendered, review_options

FORMATS = ("pdf", "docx", "html")
NOTES = "Before issuing: notes for the preparer"


def _paper(case: str, fmt: str) -> tuple[str, str]:
    """The paper's body and its preparer's notes, as a reader gets them."""
    text = document_text(*review_options(case, "committee"), fmt)
    text = browser_joins(text) if fmt == "html" else text
    # a paragraph may run over a page: read it without the page furniture between
    text = re.sub(r" (?:Norfolk|Exampleshire) Constabulary · [^{]*?Page \d+ of \d+"
                  r"(?: (?:OFFICIAL|\{to be completed: protective marking\}))*", "", text)
    return text[:text.index(NOTES)], text[text.index(NOTES):]


def _asks(body: str) -> str:
    return body[body.index("2. Recommendations to the committee"):body.index("3. Background")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_passed_s55_deadline_is_a_conditional_ask_the_notes_say_to_recast(fmt: str) -> None:
    for case, ask, days in (("norfolk-plan", "2.6", 111), ("example", "2.6", 146)):
        body, notes = _paper(case, fmt)
        asks = _asks(body)
        assert "establish" not in asks, case
        assert re.search(rf"{ask} The committee is asked to note that the comments of .*? were "
                         rf"due by \d+ \w+ \d{{4}}, {days} days before the date of this paper, "
                         r"and to note the date they were published \(paragraph 7\.2\) or, if "
                         r"they have not yet been published, to ask when they will be\.",
                         asks), case
        assert (f"Once paragraph 7.2 records whether the comments were published, recast "
                f"paragraph {ask} to say which applies") in notes, case
    body, notes = _paper("norfolk", fmt)  # 10 June 2019: the deadline is ahead
    assert ("are due by 26 June 2019, 16 days after the date of this paper (Police Act 1996, "
            "section 55).") in _asks(body)
    assert ("Paragraphs 2.4 and 7.2 say that the comments are due by 26 June 2019. If the "
            "meeting is after that date, recast them to say whether the comments were "
            "published, and on what date.") in notes


@pytest.mark.parametrize("fmt", FORMATS)
def test_references_are_explained_where_first_used_and_every_paragraph_asks(fmt: str) -> None:
    code = re.compile(r"\b[A-Z]+[0-9]*(?:-[0-9]{4})?-(?:COC|REC|AFI)-[0-9]+\b")
    for case in ("norfolk-plan", "norfolk", "example"):
        body, _notes = _paper(case, fmt)
        asks = _asks(body)
        first = code.search(body)
        assert first is not None, case
        explained = f"References such as {first.group(0)} are given for tracking; the report " \
                    "itself does not use them."
        # the explanation is in 2.1, the paragraph where the first code is, and said once
        assert explained in asks.split(" 2.2 ")[0], case
        assert body.count("are given for tracking") == 1, case
        assert first.start() > body.index("2.1 "), case
        for para in re.split(r" 2\.\d+ ", asks)[1:]:
            sentences = re.split(r"(?<=[.)])\s+(?=[A-Z])", para.strip())
            for sentence in sentences:
                assert sentence.startswith(("The committee is asked", "References such as")), \
                    (case, sentence)
        assert "new findings under the same question are" not in asks, case
        assert "new findings in the same area are" not in asks, case


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_closure_beside_an_overdue_earlier_finding_is_its_own_ask(fmt: str) -> None:
    asks = _asks(_paper("norfolk-plan", fmt)[0])
    assert re.search(r"\(E-2017-AFI-1\) is 15 days overdue \(see paragraphs 6\.2 and 6\.3\), "
                     r"and to seek assurance from the chief constable on when it will be "
                     r"completed\. 2\.5 The committee is asked to seek assurance from the chief "
                     r"constable on what evidence supports the closure of E2-AFI-3 while the "
                     r"earlier finding under the same question is still overdue\. 2\.6 ", asks)
    plain = _asks(_paper("norfolk", fmt)[0])
    assert ("on the action the force will take on it, and on the report’s new findings under "
            "the same question (E2-AFI-1, E2-AFI-2 and E2-AFI-3).") in plain


@pytest.mark.parametrize("fmt", FORMATS)
def test_days_are_counted_in_section_2_the_table_and_7_1(fmt: str) -> None:
    body, _notes = _paper("norfolk-plan", fmt)
    asks = _asks(body)
    assert "(E-2017-AFI-1) is 15 days overdue" in asks
    assert "although it is due in 17 days, on 1 November 2019." in asks
    table = body[body.index("Finding Report text (verbatim)"):body.index("6.3 ")]
    assert "In progress; 15 days overdue (due 30 September 2019; first set for 31 July 2019)" \
        in table
    assert ("As at 15 October 2019, the action plan has four items: one is 15 days overdue "
            "(E-2017-AFI-1), one is due in 17 days, on 1 November 2019 (E2-AFI-2), one is in "
            "progress and due on 31 December 2019 (E2-AFI-1) and one is closed (E2-AFI-3).") \
        in body
    example, _notes = _paper("example", fmt)
    assert ("had passed by 1 April 2025 (A4-REC-1 by 20 days, A5-REC-1 by 110 days and "
            "A5-REC-2 by 1 day)") in _asks(example)
    for said in ("Deadline passed 20 days ago (within six months of publication",
                 "Deadline passed 110 days ago (within three months of publication",
                 "Deadline passed 1 day ago (31 March 2025)"):
        assert said in example, said


def _state_cell(document: docx.document.Document, ref: str) -> docx.table._Cell:
    for table in document.tables:
        for row in table.rows:
            if row.cells[-1].text.strip() == ref:
                return row.cells[-2]
    raise AssertionError(ref)


def test_a_finding_missing_from_the_plan_is_flagged_as_the_overdue_one_is() -> None:
    data = rendered(*review_options("norfolk-plan", "committee"), "docx")
    document = docx.Document(io.BytesIO(data))
    missing, overdue = _state_cell(document, "E5-REC-1"), _state_cell(document, "E-2017-AFI-1")

    def fill(cell: docx.table._Cell) -> str | None:
        shd = cell._tc.tcPr.find(docx.oxml.ns.qn("w:shd")) if cell._tc.tcPr is not None else None
        return None if shd is None else shd.get(docx.oxml.ns.qn("w:fill"))

    assert missing.text.strip() == "Not yet in the action plan"
    assert fill(missing) is not None and fill(missing) == fill(overdue)
    assert all(run.bold for p in missing.paragraphs for run in p.runs if run.text.strip())


@pytest.mark.parametrize("fmt", FORMATS)
def test_section_5_says_each_thing_once_and_without_scaffolding(fmt: str) -> None:
    body, _notes = _paper("norfolk-plan", fmt)
    assert "therefore included in the findings table" not in body
    assert "of both" not in body
    assert ("5.5 Of E-2016-AFI-1 and E-2016-AFI-2, the report says: “We are satisfied that the "
            "force has suitably addressed these areas for improvement.”") in body
    assert body.count("We are satisfied that the force has suitably addressed") == 1
    example, _notes = _paper("example", fmt)
    assert "further cause of concern" not in example


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_plan_the_paper_speaks_to_the_reader(fmt: str) -> None:
    for case in ("norfolk", "example"):
        body, _notes = _paper(case, fmt)
        assert "Until an action plan is supplied" not in body, case
        assert "6.2 Without an action plan, the lead" in body, case
        assert "Progress against the force’s action plan" not in body, case
        assert "7.1 Progress on these findings is to be reviewed by" in body, case


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_assessments_4_1_gives_the_shape_of_the_grades(fmt: str) -> None:
    body, _notes = _paper("example", fmt)
    assert ("4.1 The constructed report grades Exampleshire Constabulary inadequate in "
            "‘Investigating crime’, the lowest grade on the scale. It gives no overall grade. Of "
            "the other nine areas, two were graded requires improvement (‘Responding to the "
            "public’ and ‘Leadership and force management’), three adequate and three good; "
            "‘Victim service assessment’ was ungraded.") in body  # brief37: 'graded' once a verb
    norfolk, _notes = _paper("norfolk", fmt)
    assert "Of the other" not in norfolk[norfolk.index("4.1 "):norfolk.index("5. What")]
