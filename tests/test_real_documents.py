"""Documents built from real published pages, read as the chief officer who signs them would.

Each test imports a real page beginning (tests/fixtures/real/), builds documents
from it and checks what a reader gets: nothing the import did not read is stated
as a fact, and the wording is what a chief officer would sign.
"""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pypdf
import pytest
from docread import text_of
from import_facts import REAL

import peeldocs
import peeldocs.blocks
from peeldocs.cli import main
from peeldocs.importer import import_page
from peeldocs.options import Options

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "exampleshire-2023-25-assessment.yaml"

DOCUMENTS = ("pack", "brief", "committee", "s55")


def imported(name: str) -> peeldocs.Report:
    return import_page((REAL / name).read_text(encoding="utf-8")).report


def read(report: peeldocs.Report, document: str = "pack", fmt: str = "pdf") -> str:
    options = Options(document=document, allow_unknown=True)
    return text_of(peeldocs.render(peeldocs.build_pack(report, options), fmt, options), fmt)


def test_an_overview_missing_a_pillar_judgment_has_it_unknown_never_left_out() -> None:
    # the Humberside 2016 page repeats its effectiveness line where legitimacy's should be
    report = imported("humberside-2016-overview.txt")
    assert [(q.title, q.judgment.describe()) for q in report.questions] == [
        ("Effectiveness", "Not yet graded"), ("Efficiency", "Requires improvement"),
        ("Legitimacy", "Unknown (not found in the imported text)")]
    text = read(report)
    assert "The overview covers three pillars." in text
    assert "The judgment for legitimacy was not found in the imported text." in text
    assert "Check before use" in text
    assert "two pillar" not in text


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_an_overview_names_its_pillars_never_question_numbers(fmt: str) -> None:
    text = read(imported("kent-2017-overview.txt"), fmt=fmt)
    # every pillar's judgment in words, "not yet graded" included: once in the table of
    # judgments (no sentence above repeats it), and with each pillar's findings
    assert ("Pillar Judgment 1 Effectiveness Not yet graded 2 Efficiency Good 3 Legitimacy "
            "Outstanding") in text
    for pillar, grade in (("Effectiveness", "Not yet graded"), ("Efficiency", "Good"),
                          ("Legitimacy", "Outstanding")):
        assert re.search(rf"{pillar} Judgment:? {grade}", text), pillar
    assert "Question 1" not in text


# what a document may say only about a report it has read all of
ABSENCE = ("report gives no", "lists no", "asked no questions", "there is nothing to track", "assesses one area",
           "grades none", "carries no earlier finding")
FORMATS = ("pdf", "docx", "html")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("document", DOCUMENTS)
def test_an_assessment_read_in_part_never_says_what_the_report_lacks(document: str,
                                                                      fmt: str) -> None:
    # the copied page holds the summary only: "how good Norfolk Constabulary is in ten areas
    # of policing" and the victim service line; nine areas were not read
    report = imported("norfolk-2023-25.txt")
    assert report.areas_assessed == 10 and len(report.questions) == 1
    text = read(report, document, fmt)
    assert not [words for words in ABSENCE if words in text], text
    assert "Of the report’s ten areas of policing, nine were not found in the imported text" \
        in text
    if document != "brief":
        assert "nine of the ten areas of policing the report assesses" in text  # the warning
    if document in ("pack", "brief", "committee"):
        assert "Nine more areas the report assesses" in text


def test_an_assessment_read_in_part_is_refused_unless_allowed_and_counted_as_unknown() -> None:
    report = imported("cheshire-2021-22.txt")  # "in 12 areas of policing"
    with pytest.raises(peeldocs.PeeldocsError, match=r"11 of the 12 areas of policing the report "
                                                     r"assesses .* were not found in the imported "
                                                     r"text; fill them in"):
        peeldocs.build_pack(report, Options())
    text = read(report)
    assert ("The report assesses 12 areas of policing, but only one was found in the imported "
            "text (it is assessed without a grade)") in text
    pack = peeldocs.build_pack(report, Options(allow_unknown=True))
    # the counts are in words and in the table of grades (no chart repeats the table)
    summary = next(s for s in pack.sections if s.name == "summary")
    said = " ".join(peeldocs.blocks.inline_text(blk.runs) for blk in summary.blocks
                    if isinstance(blk, peeldocs.blocks.Paragraph))
    assert ("‘Victim service assessment’ was ungraded. Of the report’s 12 areas of policing, 11 "
            "were not found in the imported text.") in said
    (grades,) = [blk for blk in summary.blocks if isinstance(blk, peeldocs.blocks.Table)
                 and blk.caption == "Grades by area"]
    assert [[peeldocs.blocks.inline_text(c.runs) for c in row] for row in grades.rows] == [
        ["1", "Victim service assessment", "Ungraded"],
        ["—", "11 more areas the report assesses", "Unknown (not found in the imported text)"]]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("document", DOCUMENTS)
def test_a_pillar_page_without_its_questions_never_says_what_the_report_lacks(
        document: str, fmt: str) -> None:
    # Cleveland 2018 effectiveness was inadequate, with causes of concern; the copy holds only
    # the grade and the summary
    report = imported("cleveland-2018-effectiveness.txt")
    assert report.questions == () and report.questions_not_found
    text = read(report, document, fmt)
    assert not [words for words in ABSENCE if words in text], text
    assert "The report’s questions were not found in the imported text" in text
    if document != "brief":
        assert "Check before use" in text and "the questions (with their judgments and " \
                                              "findings)" in text


def test_a_pillar_page_without_its_questions_has_no_empty_table_or_section() -> None:
    text = read(imported("essex-2014-effectiveness.txt"))
    assert "No. Question Judgment" not in text  # a table of nothing but its header
    assert ("Findings by question The report’s questions were not found in the imported text, "
            "so no findings can be shown here; check the published report.") in text
    # data supplied by hand with no questions says so of the data, not of the report
    report = dataclasses.replace(imported("essex-2014-effectiveness.txt"),
                                 questions_not_found=False)
    text = read(report)
    assert "The data supplied gives no judgment by question." in text
    assert "asked no questions" not in text


def test_filling_in_the_areas_ends_the_unknown() -> None:
    report = peeldocs.load_report(EXAMPLE)
    complete = dataclasses.replace(report, areas_assessed=len(report.questions))
    assert peeldocs.model.unknown_facts(complete) == ()
    short = dataclasses.replace(report, areas_assessed=len(report.questions) + 1)
    assert [f.what for f in peeldocs.model.unknown_facts(short)] == [
        "one of the 11 areas of policing the report assesses (with their grades and findings)"]
    assert read(complete) == read(report)


def test_validate_points_at_the_line_and_a_pillar_report_has_no_area_count(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "norfolk.yaml"
    assert main(["import", str(REAL / "norfolk-2023-25.txt"), "-o", str(out)]) == 0
    line = out.read_text(encoding="utf-8").splitlines().index("areas_assessed: 10") + 1
    capsys.readouterr()
    assert main(["validate", str(out)]) == 1
    assert f"{out}:{line}: areas_assessed: unknown: nine of the ten areas of policing the " \
           "report assesses (with their grades and findings) were not found in the imported " \
           "text; fill them in from the published report" in capsys.readouterr().err
    pillar = tmp_path / "pillar.yaml"
    pillar.write_text(peeldocs.dump_report(dataclasses.replace(
        imported("kent-2017-legitimacy.txt"), areas_assessed=3)), encoding="utf-8")
    assert main(["validate", str(pillar)]) == 1
    assert "areas_assessed: only a force assessment states a number of areas" in \
        capsys.readouterr().err


def test_a_short_last_section_stays_on_the_page_it_fits() -> None:
    # "Source and licence" fitted under "7. Implications" but went to a page of its own
    options = Options(document="committee", allow_unknown=True)
    pdf = peeldocs.render(peeldocs.build_pack(imported("essex-2014-effectiveness.txt"), options),
                          "pdf", options)
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    # (the paper has grown a section, "What the report found", since: 8. Implications now)
    # the preparer's notes follow on a page of their own, to remove before issue
    assert len(pages) <= 4 and "Before issuing: notes for the preparer" in pages[-1]
    assert "Source and licence" in pages[-2] and "Source and licence" not in pages[-1]
    assert re.search(r"\b8\. ?Implications", pages[-2]), pages[-2]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_the_metropolitan_police_service_takes_the_article(document: str) -> None:
    text = read(imported("metropolitan-2018-19-overview.txt"), document, "docx")
    assert not re.search(r"\b(?:of|on|grades|[.:]) Metropolitan Police Service", text), text
    if document == "pack":
        # read 33: no paragraph after In brief says what the pack is (the cover does)
        assert "This pack summarises" not in text
        assert "This overview grades the Metropolitan Police Service pillar by pillar." in text
    if document == "committee":
        assert "inspection of the Metropolitan Police Service: overview" in text


def test_an_unknown_pillar_judgment_quotes_its_question_before_asking_for_a_check() -> None:
    text = read(imported("north-yorkshire-2018-effectiveness.txt"))
    assert ("The overall judgment on North Yorkshire Police’s effectiveness (“How effectively "
            "does the force reduce crime and keep people safe?”) was not found in the imported "
            "text; check it against the published report.") in text


def test_a_heading_never_breaks_at_the_hyphen_of_one_page() -> None:
    # "Essex Police, PEEL 2014 effectiveness: one-" / "page brief" was the title of the brief
    options = Options(document="brief", allow_unknown=True)
    pdf = peeldocs.render(peeldocs.build_pack(imported("essex-2014-effectiveness.txt"), options),
                          "pdf", options)
    lines = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().splitlines()
    assert "one-page brief" in lines
    assert not [line for line in lines if line.endswith("one-")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_cover_of_an_overview_never_calls_it_a_pillar(fmt: str) -> None:
    text = read(imported("durham-2016-overview.txt"), fmt=fmt)
    assert "Pillar Overview" not in text
    assert "Report Overview, judged pillar by pillar (no overall grade)" in text


def test_a_2014_pillar_headline_worded_as_a_title_is_the_headline_not_a_quotation() -> None:
    # "Effectiveness" / "How well the force tackles crime" / "Last updated 12/11/2014"
    report = imported("essex-2014-effectiveness.txt")
    assert report.headline_question == "How well the force tackles crime"
    assert report.summary == ()
    assert "What the inspectorate said" not in read(report)


def test_a_carried_over_grade_not_in_the_text_is_said_to_be_carried_over() -> None:
    # Cleveland 2017: "This question was not inspected in 2017. The grade and findings from last
    # year's inspection still stand."
    text = read(imported("cleveland-2017-effectiveness.txt"))
    assert ("Question 2’s grade from 2016 was carried over, but the grade "
            "was not found in the imported text.") in text


def test_an_overview_lists_its_pillars_in_peel_order_whichever_were_read() -> None:
    # Cheshire 2014 states the efficiency grade only; PEEL 2014 graded neither effectiveness
    # nor legitimacy as a whole (the framework data), so those are ungraded, never left out
    report = imported("cheshire-2014-overview.txt")
    assert [(q.number, q.title, q.judgment.describe()) for q in report.questions] == [
        (1, "Effectiveness", "Ungraded"), (2, "Efficiency", "Good"), (3, "Legitimacy", "Ungraded")]
    # a later overview with a pillar not read keeps it unknown
    humberside = imported("humberside-2016-overview.txt")
    assert humberside.questions[2].judgment.describe() == "Unknown (not found in the imported text)"


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_earlier_recommendation_revisited_is_not_called_an_area_for_improvement(
        fmt: str) -> None:
    # Kent 2018 legitimacy revisits the 2017 recommendation on stop and search data
    text = read(imported("kent-2018-legitimacy.txt"), fmt=fmt)
    assert "Earlier area for improvement" not in text
    # the summary names it briefly; its question names it as a recommendation, its box quoting
    # its opening (read 33: what it was about), the question's findings the whole
    assert re.search(r"does not carry forward one earlier finding\. Partly addressed: an earlier "
                     r"recommendation, under question \d ?\.", text)
    assert re.search(r"P-2017-1 2017 recommendation: “[^”]*” Outcome: partly addressed\.", text)
    assert text.count("In our 2017 legitimacy report, we recommended that all forces") <= 2
    # part of the report was not read: no claim that it sets no deadline
    assert "the report sets no deadline" not in text
    assert ("This pack was prepared without an action plan, and the imported "
            "text gives no deadline.") in text  # read 25-P: not "supplied"


def test_an_s55_response_warns_only_of_what_hides_findings() -> None:
    # it states no judgment, so an unknown judgment is not its reader's concern
    kent = imported("kent-2018-legitimacy.txt")  # questions 1 and 2 of the three
    whole = dataclasses.replace(kent, questions_expected=None, unseen=())
    assert "Check before use" not in read(whole, "s55")
    # the third question's findings are not in the copy: that is the response's concern
    assert ("must be checked against the published report before this response is used: one of "
            "the three questions the report asks (with their judgments and findings)") \
        in " ".join(read(kent, "s55").split())
    text = read(imported("cleveland-2018-effectiveness.txt"), "s55")
    assert ("One fact was not found in the imported text and must be checked against the "
            "published report before this response is used: the questions (with their "
            "judgments and findings).") in text


def test_an_overview_never_promises_findings_that_follow() -> None:
    text = read(imported("durham-2016-overview.txt"))
    assert "The findings that follow are quoted verbatim" not in text
    assert ("Each pillar below gives its judgment as the overview states it. The findings behind "
            "each judgment are in the report on that pillar, which the data supplied does not "
            "include.") in text


def test_an_assessment_title_made_up_on_import_names_the_force_as_the_page_does() -> None:
    # the page: "how good Hampshire and Isle of Wight Constabulary is in ten areas of policing"
    report = imported("hampshire-2021-22.txt")
    assert report.force.name == "Hampshire Constabulary"  # the force, as listed
    assert report.title == "PEEL 2021/22: An inspection of Hampshire and Isle of Wight Constabulary"
    assert "Source: HMICFRS, “PEEL 2021/22: An inspection of Hampshire and Isle of Wight " \
           "Constabulary”." in read(report, "brief")


@pytest.mark.parametrize("name", ["cheshire-2018-19-overview.txt", "kent-2017-overview.txt"])
def test_an_action_plan_with_no_findings_says_nothing_of_where_they_are_quoted(name: str) -> None:
    # an overview lists no findings: the plan once said "quoted in full once, in , under …"
    text = " ".join(read(imported(name)).split())
    assert "quoted in full once" not in text and " in , " not in text
    assert "This plan has nothing to track until those findings are added." in text


@pytest.mark.parametrize(("name", "said"), [
    ("cheshire-2018-19-overview.txt",
     "‘Effectiveness’, ‘Efficiency’ and ‘Legitimacy’ were graded good."),
    ("kent-2017-overview.txt",
     "The lowest grade is good, given to ‘Efficiency’. ‘Effectiveness’ was not yet graded.")])
def test_an_overviews_bottom_line_says_no_lowest_of_equal_grades_and_names_the_not_graded(
        name: str, said: str) -> None:
    text = " ".join(read(imported(name)).split())
    assert said in text
    assert "The lowest grade is good, given to ‘Effectiveness’, ‘Efficiency’" not in text
