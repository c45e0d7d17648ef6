"""What an editor found in the comparison pack (review of issue 23), read back as a reader gets it.

Questions carry their wording and never share a row across years unless it is the
same; published and constructed grades are told apart in words in every table and
bullet; files are counted in entries; file names stay in the files table; the
report is cited with its date; the cover and findings say each thing once,
plainly; short tables stay whole and the running header fits one line.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pagefill
import pytest
from docread import review_comparison, text_of
from test_compare_io import NORFOLK_2018

import peeldocs
from peeldocs.build.registry import render
from peeldocs.sources import dump_report

ROOT = Path(__file__).resolve().parent.parent
COMPARE = ROOT / "tests" / "fixtures" / "compare"
FORMATS = ("pdf", "docx", "html")
HEAD = "force,cycle,pillar,question,grade,status,source\n"


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    """The reviewed comparison: the three constructed tables and the real Norfolk report."""
    return {fmt: review_comparison(fmt) for fmt in (*FORMATS, "markdown")}


def read(data: bytes, fmt: str) -> str:
    """The reader's text; a file name an HTML cell lets break before its suffix is one word."""
    return re.sub(r" \.(yaml|csv)\b", r".\1", text_of(data, fmt))


@pytest.mark.parametrize("fmt", FORMATS)
def test_questions_carry_their_wording_and_two_years_share_a_row_only_when_it_is_the_same(
        documents: dict[str, bytes], fmt: str) -> None:
    text = read(documents[fmt], fmt)
    for number, title in ((1, "How effective is the force at preventing crime, tackling "
                              "anti-social behaviour and keeping people safe?"),
                          (5, "How effective are the force’s specialist capabilities?")):
        assert f"Effectiveness question {number}: {title}" in text
    # read 21: 2017's question 2 (no wording in the data) and 2018/19's share a row, whose
    # label says whose wording it gives; a note under the table says they may differ
    assert "Effectiveness question 2: How effective is the force at investigating crime and " \
        "reducing re-offending? (2018/19 wording)" in text
    rows = [line for line in documents["markdown"].decode().splitlines()
            if line.startswith("| Effectiveness question 2")]
    assert len(rows) == 1 and rows[0].count("|") == 5  # the question and three cycles
    assert "Effectiveness question 2’s 2017 wording is not recorded, so its 2017 grade may be for a different question." in text  # read 35


def test_a_question_number_in_two_years_without_wording_is_side_by_side_with_a_note(
        tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(HEAD + "Kent,2016,effectiveness,1,good,,HMICFRS\n"
                            "Kent,2017,effectiveness,1,inadequate,,HMICFRS\n"
                            "Kent,2016,effectiveness,,good,,HMICFRS\n"
                            "Kent,2017,effectiveness,,good,,HMICFRS\n")
    text = render(peeldocs.compare([table]), "markdown").decode()
    assert "| Effectiveness | Good | Good |" in text  # a pillar is the same thing every year
    # read 21: both grades side by side, the caveat a note; never followed as one question
    assert "| Effectiveness question 1 | Good | Inadequate |" in text
    assert "Effectiveness question 1: good in" not in text
    assert ("No wording of effectiveness question 1 is recorded, so its grades may be for "
            "different questions.") in " ".join(text.split())  # read 35


@pytest.mark.parametrize("fmt", FORMATS)
def test_published_and_constructed_grades_are_told_apart_in_words(
        documents: dict[str, bytes], fmt: str) -> None:
    text = read(documents[fmt], fmt)
    # the matrix: Norfolk's published effectiveness grade among constructed ones, and a key
    assert re.search(r"Norfolk \(focus force\)\s+Good \( ?published ?\)", text), fmt
    assert ("Grades marked “published” come from the published HMICFRS report “Norfolk PEEL 2018”; "
            "the others were "
            "constructed for illustration.") in text
    # bullets: a position and a grade's course over the years say whose grades are whose
    assert ("Norfolk’s grade here is the published one; the other forces’ grades were "
            "constructed for illustration.") in text
    assert ("Effectiveness: good in 2016, 2017 and 2018/19. The 2016 and 2017 grades were "
            "constructed for illustration; the 2018/19 grade is the published one.") in text
    assert ("Legitimacy: good in 2016 and 2017, then requires improvement in 2018/19. These "
            "grades were constructed for illustration.") in text
    # how to read the marks is said once, where a reader starts (captions are not on the page)
    assert text.count("a line under the table says what the mark means") == 1  # one mark used
    # the questions only the report grades are said to be published ones
    assert "These grades are from the published HMICFRS report “Norfolk PEEL 2018”:" in text


def test_a_pack_from_one_kind_of_source_marks_no_cell(tmp_path: Path) -> None:
    text = render(peeldocs.compare([COMPARE / "constructed-2018-19-pillars.csv"],
                                   focus="Norfolk"), "markdown").decode()
    assert "(published)" not in text and "(constructed)" not in text
    assert "Grades marked" not in text and "These grades were constructed" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_files_are_counted_in_entries_and_named_only_in_the_files_table(
        documents: dict[str, bytes], fmt: str) -> None:
    text = read(documents[fmt], fmt)
    assert "128 entries for 43 forces (PEEL 2018/19); 127 of them hold a grade." in text
    assert "430 entries for 43 forces (PEEL 2021/22); 387 of them hold a grade." in text
    # read 14: a count of grades in numerals, not "ten" beside "127" (the sentence starts
    # with its count of entries in words where it is small, so a sentence never opens on a digit)
    assert ("11 entries for one force (PEEL 2016, 2017 and 2023–25); 10 of them hold a grade."
            in text)
    assert "ten of them" not in text
    assert not re.search(r"\d+ grades for", text)
    for path in (*COMPARE.glob("*.csv"), NORFOLK_2018):
        assert text.count(path.name) == 1, path.name  # its row of the files table
    assert "(file:" not in text and "Files supplied" not in text
    assert ("One of these repeats a grade in the constructed table of PEEL 2018/19 grades and "
            "is counted once.") in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_report_is_cited_by_its_title_with_its_date(
        documents: dict[str, bytes], fmt: str) -> None:
    text = read(documents[fmt], fmt)
    cover = text[:text.index("Contents")]
    assert re.search(r"The published report used is “Norfolk PEEL 2018”, HMICFRS’s PEEL 2018/19 "
                     r"effectiveness report on Norfolk Constabulary, last updated 2 May 2019 ?\.",
                     cover)


def test_a_publication_date_the_data_holds_is_given(tmp_path: Path) -> None:
    report = dataclasses.replace(peeldocs.load_report(NORFOLK_2018), published=date(2019, 5, 2))
    path = tmp_path / "norfolk.yaml"
    path.write_text(dump_report(report), encoding="utf-8")
    text = render(peeldocs.compare([path]), "markdown").decode()
    assert ("“Norfolk PEEL 2018”, HMICFRS’s PEEL 2018/19 effectiveness report on Norfolk "
            "Constabulary, published 2 May 2019") in text
    undated = dataclasses.replace(report, published=None, last_updated=None)
    path.write_text(dump_report(undated), encoding="utf-8")
    text = render(peeldocs.compare([path]), "markdown").decode()
    assert "(its date is not in the data used)" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_cover_and_findings_say_each_thing_once_plainly(
        documents: dict[str, bytes], fmt: str) -> None:
    text = read(documents[fmt], fmt)
    for said in ("The grades from", "judgments taken from", "as each states", "Files supplied",
                 "PEEL 2014 to", "listed as such", "carried forward", "Counts come from"):
        assert said not in text, said
    # constructed grades are said once on the cover, in its notice (editorial read 6)
    assert "hold grades constructed for illustration" not in text
    assert "say their grades" not in text
    assert "Judgments on the four-tier scale (PEEL 2016 to 2018/19)" in text
    assert "Judgments on the five-tier scale (PEEL 2021/22 to 2023–25)" in text
    assert "In PEEL 2018/19, the question 5 findings say: “We recommend" in text  # read 35
    assert "Not enough progress made" in text  # as the report says it, and no more
    assert "peeldocs" not in text.lower()  # no reader-facing text names the tool


def test_short_count_tables_stay_whole_on_one_pdf_page(documents: dict[str, bytes]) -> None:
    import io

    import pypdf

    pages = [" ".join((p.extract_text() or "").split())
             for p in pypdf.PdfReader(io.BytesIO(documents["pdf"])).pages]
    # read 14: "Of which carried over" follows the total, so a row's counts add up to it
    rows = ("Effectiveness 5 28 8 2 0 43 0", "Efficiency 12 21 6 3 1 43 0",
            "Legitimacy 6 23 13 0 1 43 2")  # read 35: one column for grades not in the data
    assert any(all(row in page for row in rows) for page in pages), pages


def test_the_files_table_has_a_caption_of_its_own_in_html(documents: dict[str, bytes]) -> None:
    html = documents["html"].decode()
    assert "<caption>Each file used and what it holds</caption>" in html


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_docx_running_header_is_one_line_as_libreoffice_lays_it_out(
        documents: dict[str, bytes], tmp_path: Path) -> None:
    (tmp_path / "c.docx").write_bytes(documents["docx"])
    pdf = pagefill.convert_with_libreoffice([tmp_path / "c.docx"], tmp_path)[tmp_path / "c.docx"]
    out = subprocess.run(["pdftotext", "-layout", "-f", "3", "-l", "3", str(pdf),
                          "-"], check=True, capture_output=True, text=True).stdout
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    assert lines[0] == "{to be completed: protective marking}", lines[:3]  # the marking's place
    assert lines[1] == "Norfolk · PEEL 2016 to 2023–25 · ILLUSTRATIVE EXAMPLE: INCLUDES " \
                       "CONSTRUCTED GRADES", lines[:3]
    assert lines[2] == "Summary"  # read 21: the summary leads what was compared
