"""What the sixth editorial read found in the comparison, read back as a reader gets it.

A question number graded in two cycles is never said to be "graded the same in
both" unless the data gives the same wording for it in each; the findings table
quotes the recommendation a report makes in its findings' text instead of
saying that it "recommends action in so many words"; the HTML page's headings
and text keep one left edge in the sections with wide tables; the DOCX has its
contents list; the cover says once that grades were constructed.
"""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import docx
import pytest
from docread import folded_texts, review_comparison, review_comparison_pack, text_of
from lxml import html as lxml_html
from test_compare_io import NORFOLK_2018

import peeldocs
from peeldocs.blocks import Heading, Pack
from peeldocs.build.registry import render
from peeldocs.model import CauseOfConcern, Finding, Report
from peeldocs.model.report import text_recommendations
from peeldocs.sources import dump_report

COMPARE = Path(__file__).resolve().parent / "fixtures" / "compare"
FORMATS = ("pdf", "docx", "html")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _pack() -> Pack:
    return review_comparison_pack()


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    """The reviewed comparison, in each format."""
    return {fmt: review_comparison(fmt) for fmt in FORMATS}


@pytest.fixture(scope="module")
def documents(rendered: dict[str, bytes]) -> dict[str, str]:
    """The reviewed comparison as a reader reads it (``docread.folded_texts``)."""
    return folded_texts(rendered)


def _constructed(report: Report, **changes: object) -> Report:
    """A copy of a real report, marked as constructed for a test."""
    return dataclasses.replace(report, prior_findings=(), illustrative=True,
                               publisher="a constructed example (not HMICFRS)",
                               licence="Constructed for a test: not Crown copyright.", **changes)


def _compared(tmp_path: Path, *reports: Report) -> str:
    paths = []
    for n, report in enumerate(reports):
        path = tmp_path / f"report-{n}.yaml"
        path.write_text(dump_report(report), encoding="utf-8")
        paths.append(path)
    return " ".join(text_of(render(peeldocs.compare(paths), "html"), "html").split())


# 1. a question number graded in two cycles: only the number is shared

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_grade_for_a_question_number_whose_wording_is_unknown_is_not_said_to_be_the_same(
        documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    # read 21: side by side, with the caveat in a note under the table
    assert "Effectiveness question 2’s 2017 wording is not recorded, so its 2017 grade may be for a different question." in text  # read 35
    # the 2017 grade is in its row, where the table marks where it comes from
    assert "(2018/19 wording) Not in the data used Requires improvement Requires " \
           "improvement" in text
    # nothing reads as one question followed from 2017 to 2018/19
    assert "in both" not in text and "was graded as" not in text
    assert not re.search(r"Effectiveness question 2: requires improvement in 2017", text)


def test_a_question_worded_the_same_in_both_cycles_is_one_row_followed_across_them(
        tmp_path: Path, norfolk: Report) -> None:
    text = _compared(tmp_path, _constructed(norfolk, cycle="2017"), norfolk)
    assert "cannot be said to be the same question" not in text
    assert "in one cycle only" not in text  # every question is one row across the two cycles
    # one row, with its wording, and a grade in each cycle's column
    assert re.search(r"Effectiveness question 2: How effective is the force at investigating crime "
                     r"and reducing re-offending\? Requires improvement \( ?constructed ?\) "
                     r"Requires improvement Effectiveness question 3", text)


def test_a_question_worded_differently_in_two_cycles_is_said_not_to_be_known_the_same(
        tmp_path: Path, norfolk: Report) -> None:
    reworded = tuple(dataclasses.replace(q, title="How well does the force investigate crime?")
                     if q.number == 2 else q for q in norfolk.questions)
    text = _compared(tmp_path, _constructed(norfolk, cycle="2017", questions=reworded),
                     norfolk)
    assert ("Effectiveness question 2 has a row for 2017 and one for 2018/19: the wording "
            "differs, so they cannot be taken to be one question.") in text
    assert "Effectiveness question 2: How well does the force investigate crime? 2017" in text
    assert "in both" not in text and "Effectiveness question 2: requires improvement in" not in text


def test_two_cycles_without_wording_beside_one_with_it_are_each_given(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("force,cycle,pillar,question,grade,status,source\n"
                     "Norfolk,2016,legitimacy,2,good,,constructed\n"
                     "Norfolk,2017,legitimacy,2,,ungraded,constructed\n", encoding="utf-8")
    report = _constructed(peeldocs.load_report(NORFOLK_2018), pillar="legitimacy")
    path = tmp_path / "norfolk.yaml"
    path.write_text(dump_report(report), encoding="utf-8")
    text = " ".join(text_of(render(peeldocs.compare([table, path]), "html"), "html").split())
    assert ("Legitimacy question 2’s 2016 and 2017 wordings are not recorded, so its 2016 and "
            "2017 grades may be for different questions.") in text  # read 35
    assert "(2018/19 wording) Good Ungraded" in text  # each entry, side by side


# 2. a recommendation made in the findings' text is quoted, not alluded to

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_findings_table_quotes_the_recommendation_the_findings_make(
        documents: dict[str, str], fmt: str, norfolk: Report) -> None:
    (stated,) = text_recommendations(norfolk)
    assert stated.text.startswith("We recommend Norfolk and Suffolk Constabularies")
    text = documents[fmt]
    assert ("2018/19 “Norfolk PEEL 2018”, HMICFRS’s PEEL 2018/19 effectiveness report, last updated 2 May 2019 3 0 "
            "None listed as recommendations; the question 5 findings recommend action in their "
            "text (quoted below the table). In PEEL 2018/19, the question 5 findings "
            f"say: “{stated.text}”") in text  # read 35
    assert "in so many words" not in text and "The report lists no recommendations" not in text


def test_a_report_listing_recommendations_quotes_the_others_its_findings_make(
        tmp_path: Path, norfolk: Report) -> None:
    concern = CauseOfConcern("E2-COC-1", "Constructed for a test: a cause of concern.",
                             (Finding("E2-REC-1", "Constructed for a test: a listed one."),))
    questions = tuple(dataclasses.replace(q, causes_of_concern=(concern,)) if q.number == 2
                      else q for q in norfolk.questions)
    text = _compared(tmp_path, _constructed(norfolk, questions=questions))
    assert "1 listed as recommendations; the question 5 findings also recommend action" in text
    assert ("In PEEL 2018/19, the question 5 findings also say: “We recommend "
            "Norfolk and Suffolk Constabularies") in text


def test_reports_on_two_pillars_in_one_cycle_name_each_question_with_its_pillar(
        tmp_path: Path, norfolk: Report) -> None:
    text = _compared(tmp_path, norfolk, _constructed(norfolk, pillar="efficiency"))
    assert ("In PEEL 2018/19, the effectiveness question 5 findings say: “We "
            "recommend") in text
    assert "The efficiency question 5 findings say: “We recommend" in text


# 3. HTML: one left edge for the headings and text of every section

def test_every_heading_and_paragraph_is_in_a_section_of_the_main_content(
        rendered: dict[str, bytes]) -> None:
    page = lxml_html.fromstring(rendered["html"])
    for element in page.iter("h1", "h2", "h3", "h4", "p"):
        if element.getparent().tag in ("header", "footer"):  # running title; licence line
            continue
        section = next(a for a in element.iterancestors() if a.tag in ("section", "nav"))
        assert "section" in section.get("class", "").split(), element.text_content()
        assert section.getparent().get("id") == "main", element.text_content()
    # a wide section widens its tables, not itself: its headings keep the column's edge
    style = page.find(".//style").text
    assert not re.search(r"\.section\.wide\s*\{[^}]*(width|margin)", style)
    assert re.search(r"\.section\.wide table\s*\{[^}]*width", style)


@pytest.mark.xdist_group("chromium")
def test_the_headings_and_text_of_wide_sections_keep_the_page_s_left_edge(
        rendered: dict[str, bytes], browser: object, tmp_path: Path) -> None:
    from clients import Browser

    if not isinstance(browser, Browser):
        pytest.skip("the browser checks cannot run here (clients.axe_ready)")
    path = tmp_path / "comparison.html"
    path.write_bytes(rendered["html"])
    for view in browser.check(path, (390, 1000, 1280)):
        assert len(view["textLefts"]) == 1, (view["width"], view["textLefts"])
        assert view["textLefts"][0] >= 16  # never at the window's edge
        assert view["scrollWidth"] <= view["width"]
    wide = view["tables"]  # at 1280, the grades by force are wider than the text column
    assert max(t["width"] for t in wide) > 900


# 4. DOCX: the contents list the PDF and HTML have

def test_the_docx_has_a_contents_list_of_every_section_and_subsection(
        rendered: dict[str, bytes]) -> None:
    document = docx.Document(io.BytesIO(rendered["docx"]))
    styles = [p.style.name for p in document.paragraphs]
    assert styles.count("TOC Heading") == 1
    entries = [p for p in document.paragraphs if p.style.name in ("toc 1", "toc 2")]
    headings = [(p.style.name[-1], p.text) for p in document.paragraphs
                if p.style.name in ("Heading 1", "Heading 2")]
    # each entry's text, then the page number stored for Word (read 24)
    assert [(p.style.name[-1], p.text.rsplit("\t", 1)[0].strip()) for p in entries] == headings
    assert ("1", "Norfolk Constabulary across cycles") in headings and len(headings) > 10
    marks = {m.get(f"{W}name") for m in document.element.body.iter(f"{W}bookmarkStart")}
    for entry in entries:  # each links to its heading and ends in its page number's field
        (link,) = entry._p.iter(f"{W}hyperlink")
        assert link.get(f"{W}anchor") in marks
        (field,) = [t.text for t in entry._p.iter(f"{W}instrText")]
        assert field.split()[:2] == ["PAGEREF", link.get(f"{W}anchor")]
    # the same entries as the PDF's and the HTML's contents
    pack = _pack()
    wanted = [b.text for s in pack.sections for b in s.blocks
              if isinstance(b, Heading) and b.in_contents and b.level <= 2]
    assert [p.text.rsplit("\t", 1)[0].strip() for p in entries] == wanted


# 5. the cover says once that grades were constructed, and still labels them

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_cover_says_once_that_grades_were_constructed(documents: dict[str, str],
                                                          fmt: str) -> None:
    text = documents[fmt]
    cover = text[:text.index("Contents")]
    assert cover.count("Illustrative example: includes constructed grades") == 1
    assert cover.count("constructed for illustration") == 2  # the notice, and the data used
    assert "files hold grades" not in cover and "they are not HMICFRS grades" not in cover
    assert "The constructed grades are not HMICFRS judgments" in cover
    assert ("Data used The published HMICFRS report “Norfolk PEEL 2018” and three tables of "
            "grades constructed for illustration") in cover


def test_a_carried_over_grade_under_a_repeated_number_reads_without_nested_brackets(
        tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("force,cycle,pillar,question,grade,status,source\n"
                     "Kent,2016,efficiency,3,good,carried over,HMICFRS\n"
                     "Kent,2017,efficiency,3,good,,HMICFRS\n", encoding="utf-8")
    text = " ".join(text_of(render(peeldocs.compare([table]), "html"), "html").split())
    assert ("No wording of efficiency question 3 is recorded, so its grades may be for "
            "different questions.") in text  # read 35
    assert "Efficiency question 3 Good (carried over) Good" in text
    assert "((" not in text and "))" not in text


def test_no_empty_table_where_every_grade_on_a_scale_is_in_one_cycle_only(
        tmp_path: Path) -> None:
    """Two question numbers without wording, nothing else: no table of header alone."""
    table = tmp_path / "t.csv"
    table.write_text("force,cycle,pillar,question,grade,status,source\n"
                     "Kent,2016,effectiveness,1,good,,HMICFRS\n"
                     "Kent,2017,effectiveness,1,inadequate,,HMICFRS\n", encoding="utf-8")
    page = lxml_html.fromstring(render(peeldocs.compare([table]), "html"))
    tables = page.findall(".//table")
    assert tables and all(t.findall(".//tbody/tr") for t in tables)
    text = " ".join(page.text_content().split())
    # read 21: one number without wording in two cycles is one row, its grades side by side
    assert "Kent: judgments on the four-tier scale" in text
    assert "Kent: judgments in one cycle only on the four-tier scale" not in text
