"""What the fourth editorial read found in the comparison, read back as a reader gets it.

The cover says what the data is, not how many files; a question graded in two
cycles but not matched across them is said plainly, with its grades; the
footnote on matching questions is grammatical; the findings table says the
report lists no recommendations and quotes the one its findings make; no straight
apostrophe; and the note on cycles without a report stays on its table's page.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docread import review_comparison, review_comparison_pack, text_of
from pypdf import PdfReader

import peeldocs
from peeldocs.blocks import Pack
from peeldocs.build.registry import render

COMPARE = Path(__file__).resolve().parent / "fixtures" / "compare"
FORMATS = ("pdf", "docx", "html")
HEAD = "force,cycle,pillar,question,grade,status,source\n"


@pytest.fixture(scope="module")
def pdf() -> bytes:
    """The reviewed comparison as a PDF."""
    return review_comparison("pdf")


def _pack() -> Pack:
    return review_comparison_pack()


@pytest.fixture(scope="module")
def documents(pdf: bytes) -> dict[str, str]:
    """The reviewed comparison in each format, as a reader reads it, whitespace folded."""
    pack = _pack()
    data = {"pdf": pdf, "docx": review_comparison("docx"),
            # the page's text, not its style sheet (whose comments are not prose)
            "html": re.sub(rb"<style\b.*?</style>", b" ", render(pack, "html"), flags=re.S)}
    return {fmt: " ".join(text_of(data[fmt], fmt).replace("•", " ").split()) for fmt in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_cover_says_what_the_data_is(documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    assert ("Data used The published HMICFRS report “Norfolk PEEL 2018” and three tables of "
            "grades constructed for illustration") in text
    assert "four files Pack prepared" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_question_graded_in_two_cycles_is_said_plainly(documents: dict[str, str],
                                                         fmt: str) -> None:
    text = documents[fmt]
    # read 21: question 2's grades side by side; the note on it, then a one-line lead for
    # what has one cycle's grade only, before that table
    why = "Effectiveness question 2’s 2017 wording is not recorded, so its 2017 grade may be for a different question."  # read 35
    lead = "For the following, the data holds the 2018/19 entry only."
    last_row = text.rindex("Effectiveness question 5: How effective")  # in the one-cycle table
    assert text.index(why) < text.index(lead) < last_row
    assert "in both" not in text and "The data used grades each of these" not in text
    # the general note on numbering is for a question followed across cycles: none is here
    assert "the data gives the same wording for it in each cycle." not in text
    assert "wording in each, the same" not in text and "not taken for the same" not in text


def test_grades_that_differ_are_each_given_and_not_said_to_be_one_question(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(HEAD + "Kent,2016,effectiveness,1,good,,HMICFRS\n"
                            "Kent,2017,effectiveness,1,inadequate,,HMICFRS\n")
    text = " ".join(text_of(render(peeldocs.compare([table]), "html"), "html").split())
    assert ("No wording of effectiveness question 1 is recorded, so its grades may be for "
            "different questions.") in text  # read 35
    assert "Effectiveness question 1 Good Inadequate" in text  # each grade, side by side
    assert "graded as" not in text
    assert "Apart from" not in text  # nothing else is in one cycle only


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_findings_table_says_the_report_lists_none_but_recommends(
        documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    assert "None listed as recommendations; the question 5 findings recommend action in their text (quoted below the table)." in text  # read 35
    assert ("In PEEL 2018/19, the question 5 findings say: “We recommend Norfolk "
            "and Suffolk Constabularies to work with other forces in the east of England to "
            "develop a regional specialist capability.”") in text
    assert "None listed;" not in text and "in so many words" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_straight_apostrophe(documents: dict[str, str], fmt: str) -> None:
    assert "'" not in documents[fmt]


def test_the_note_on_cycles_without_a_report_is_on_its_tables_page(pdf: bytes) -> None:
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]
    [at] = [i for i, text in enumerate(pages) if "No full report for" in text]
    # said as the table's introduction, so it is kept with the table's start, never left over
    page = pages[at]
    assert page.index("Findings by cycle") < page.index("No full report for") \
        < page.index("Cycle Reports used")
