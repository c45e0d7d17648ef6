"""One force across cycles, over the change of grading scale; and the compare command."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from pathlib import Path

import docx
import pikepdf
import pytest
from docxread import all_text
from lxml import html as lxml_html
from pdfread import fold
from test_compare_io import AREAS_2021, NORFOLK_2018, NORFOLK_CYCLES, PILLARS_2018
from test_compare_pack import pdf_pages
from test_pdf_tagging import check_pdf_ua

import peeldocs
import peeldocs.build.output
from peeldocs.build.registry import render
from peeldocs.cli import main
from peeldocs.sources.written import LEDGER

BREAK = "The grading scale changed after PEEL 2018/19"
RANKING = re.compile(r"\b(better|worse|improved|declined|deteriorated|up from|down from)\b", re.I)


@pytest.fixture(scope="module")
def across() -> dict[str, str]:
    pack = peeldocs.compare([NORFOLK_CYCLES, NORFOLK_2018])
    out = {}
    for fmt in ("pdf", "docx", "html", "markdown"):
        data = render(pack, fmt)
        if fmt == "pdf":
            check_pdf_ua(pikepdf.open(io.BytesIO(data)))
            out[fmt] = " ".join(text for text, _wide in pdf_pages(data))
        elif fmt == "docx":
            document = docx.Document(io.BytesIO(data))
            out[fmt] = fold(all_text(document))
        elif fmt == "html":
            out[fmt] = fold(lxml_html.fromstring(data).text_content())
        else:
            out[fmt] = fold(data.decode())
    return out


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "markdown"])
def test_the_scale_break_is_drawn_between_the_two_scales_and_said(across: dict[str, str],
                                                                   fmt: str) -> None:
    text = across[fmt]
    four = text.rindex("Judgments on the four-tier scale")  # in the body, not the contents
    brk = text.rindex(BREAK)
    five = text.rindex("Judgments on the five-tier scale")
    assert four < brk < five
    assert "never says whether a grade rose or fell across the change" in text
    assert not RANKING.search(text), RANKING.search(text)


def test_judgments_cycle_by_cycle_from_table_and_report(across: dict[str, str]) -> None:
    document_text = across["markdown"]
    assert "| What was judged | 2016 | 2017 | 2018/19 |" in document_text
    assert "| What was judged | 2023–25 |" in document_text  # our text spells it with an en dash
    assert "| Investigating crime | Good |" in document_text
    assert "| Preventing crime and anti-social behaviour | Not yet graded |" in document_text
    plain_text = document_text.replace("\\*", "*").replace("*", "")
    # a question graded in one cycle only is not padded with a gap for each other cycle
    assert ("| Effectiveness question 4: How effective is the force at tackling serious and "
            "organised crime? | 2018/19 | Good (carried over from 2016; published) |") in plain_text
    # read 21: a question number in two cycles with one wording not recorded is set side by
    # side, both grades in one row, and the caveat is a note under the table
    row = ("| Effectiveness question 2: How effective is the force at investigating crime and "
           "reducing re-offending? (2018/19 wording) | Not in the data used | Requires "
           "improvement | Requires improvement (published) |")
    note = "Effectiveness question 2’s 2017 wording is not recorded, so its 2017 grade may be for a different question."  # read 35: plainly and shortly
    lead = "For the following, the data holds the 2018/19 entry only."
    table = "| Effectiveness question 1: How effective is the force at preventing crime"
    assert plain_text.index(row) < plain_text.index(note) < plain_text.index(lead) \
        < plain_text.index(table)
    assert "cannot be taken to be one question" not in plain_text
    assert "following for one cycle only" not in plain_text
    # only the number is shared: never "graded ... in both", read as one question followed
    assert "in both" not in plain_text and "graded as" not in plain_text
    assert plain_text.count("Not in the data used") <= 4  # the key, and three real gaps
    assert "Across the cycles on this scale:" in plain_text
    assert "Where there is more than one grade" not in plain_text


def test_findings_counts_come_from_reports_and_gaps_are_said(across: dict[str, str]) -> None:
    report = peeldocs.load_report(NORFOLK_2018)
    afis = sum(len(q.areas_for_improvement) for q in report.questions)
    causes = sum(len(q.causes_of_concern) for q in report.questions)
    text = across["markdown"]
    # the row names the report it counts from (read 25-X): its title, what it is, its date
    assert re.search(rf"\| 2018/19 \| “Norfolk PEEL 2018”, HMICFRS’s PEEL 2018/19 effectiveness "
                     rf"report, [^|]*\| {afis} \| {causes} \|", text)
    assert "No report in the data used" not in text  # no row of gaps: said once instead
    assert ("No full report for Norfolk for 2016, 2017 or 2023–25 was used for this pack (only tables "
            "of grades), so findings are "
            "not counted for those cycles.") in text
    outcomes = [p.outcome.value for p in report.prior_findings]
    assert outcomes and all(o.capitalize() in across["docx"] or "Not enough progress" in
                            across["docx"] for o in outcomes)
    assert "The data used holds one force, Norfolk Constabulary" in text


def test_a_pack_with_a_focus_force_and_every_kind_of_input(tmp_path: Path) -> None:
    inputs = [PILLARS_2018, AREAS_2021, NORFOLK_CYCLES, NORFOLK_2018]
    paths = peeldocs.build.output.write_comparison(inputs, ["pdf", "html"], tmp_path,
                                                   focus="norfolk constabulary")
    assert [p.name for p in paths] == ["comparison-norfolk.pdf", "comparison-norfolk.html"]
    text = " ".join(t for t, _wide in pdf_pages(paths[0].read_bytes()))
    assert "Forces compared: PEEL 2018/19" in text and "Forces compared: PEEL 2021/22" in text
    assert "Norfolk Constabulary across cycles" in text and BREAK in text
    assert "Legitimacy: no entry for Gwent." in text
    assert "Efficiency: no grade recorded for Cumbria." in text
    # the cycles with Norfolk's grades only are named together, the sentence said once (read 33)
    folded = " ".join(text.split())
    assert ("PEEL 2016, 2017 and 2023–25: the data used has grades for Norfolk only; the other 42 "
            "forces compared are not in it.") in folded
    assert folded.count("the other 42 forces compared are not in it") == 1
    assert ("one force has a grade for each of these, so there is nothing to compare them with "
            "and they are not "
            "in the tables below. These grades are from the published HMICFRS report "
            "“Norfolk PEEL 2018”:") in text
    assert ("Effectiveness question 1: How effective is the force at preventing crime, tackling "
            "anti-social behaviour and keeping people safe? (Norfolk: good)") in text


def test_a_focus_force_missing_from_a_cycle_is_said_once(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("force,cycle,pillar,question,grade,status\nKent,2016,effectiveness,,good,\n"
                     "Essex,2016,effectiveness,,good,\nKent,2017,effectiveness,,good,\n")
    text = fold(render(peeldocs.compare([table], focus="Kent"), "markdown").decode())
    assert "Kent was one of 2 forces graded good for effectiveness in 2016; no force was graded " \
           "higher, and none lower." in text
    assert "The data used has nothing at all for 41 forces of England and Wales: Avon and " \
           "Somerset, Bedfordshire," in text
    pack = peeldocs.compare([table], focus="Essex")
    assert "Forces compared: PEEL 2017" not in fold(render(pack, "markdown").decode())
    table.write_text(table.read_text() + "Surrey,2017,efficiency,,good,\n")
    text = fold(render(peeldocs.compare([table], focus="Essex"), "markdown").decode())
    assert "one force has a grade for each of these, so there is nothing to compare them with" in text
    assert "- **Effectiveness** (Kent: good) - **Efficiency** (Surrey: good)" in text
    assert "Where Essex stands in 2017" not in text
    table.write_text(table.read_text() + "Surrey,2017,effectiveness,,inadequate,\n")
    text = fold(render(peeldocs.compare([table], focus="Essex"), "markdown").decode())
    assert "The data has no grades for Essex Police in PEEL 2017, so its position " \
           "cannot be stated." in text


def test_compare_command_writes_and_exits_by_kind_of_problem(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(["compare", str(PILLARS_2018), "--focus", "Met", "--format", "pdf,docx,html",
                 "--out", str(out), "--title", "Force comparison", "--marking", "official"])
    assert code == 0
    assert sorted(p.name for p in out.iterdir() if p.name != LEDGER) == [
        "comparison-metropolitan.docx", "comparison-metropolitan.html",
        "comparison-metropolitan.pdf"]
    html = (out / "comparison-metropolitan.html").read_text()
    assert "<title>Force comparison</title>" in html and "OFFICIAL" in html
    assert main(["compare", str(PILLARS_2018), "--focus", "Norfok", "--out", str(out)]) == 2
    assert "did you mean 'Norfolk" in capsys.readouterr().err
    assert main(["compare", str(PILLARS_2018), "--format", "pfd", "--out", str(out)]) == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("force,cycle,pillar,question,grade,status\nKent,2016,effectiveness,,adequate,\n")
    assert main(["compare", str(bad), "--out", str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2: grade: 'adequate' is not a grade on the 2016 scale" in err
    assert not (tmp_path / "none").exists()
    assert main(["compare", str(NORFOLK_CYCLES), "--focus", "Kent", "--out", str(out)]) == 2


def test_an_assessment_report_joins_the_grade_table_by_area_name(tmp_path: Path) -> None:
    """A constructed 2021/22 assessment (its text says so) and the 43-force table agree."""
    from peeldocs.model import Finding, Force, Grade, Judgment, Question, Report, ReportKind, Status
    from peeldocs.sources import dump_report

    with AREAS_2021.open(newline="") as fh:
        areas = [row for row in csv.reader(fh) if row[0] == "Norfolk"]
    questions = []
    for number, (_force, _cycle, _pillar, area, grade, status, _source) in enumerate(areas,
                                                                                    start=1):
        judgment = (Judgment(Status.GRADED, Grade(grade.lower())) if grade
                    else Judgment(Status(status.lower())))
        questions.append(Question(number, area.upper(), judgment, areas_for_improvement=(
            Finding(f"A{number}-AFI-1", "Constructed for a test; not HMICFRS text."),)))
    report = Report(Force("Norfolk Constabulary", "Norfolk"), "2021/22",
                    "Norfolk PEEL 2021/22 (constructed for a test)", kind=ReportKind.ASSESSMENT,
                    questions=tuple(questions), illustrative=True,
                    licence="Constructed for a test: not Crown copyright.",
                    publisher="the peeldocs tests (constructed, not HMICFRS)")
    path = tmp_path / "norfolk-2021-22.yaml"
    path.write_text(dump_report(report))
    pack = peeldocs.compare([AREAS_2021, path], focus="Norfolk")
    text = fold(render(pack, "markdown").decode())
    assert re.search(r"\| 2021/22 \| “Norfolk PEEL 2021/22 \(constructed for a test\)”, a "
                     r"constructed example of a PEEL 2021/22 force assessment[^|]*\| 10 \| 0 \| 0 \|",
                     text)
    assert "Norfolk (focus force)" in text and "conflicts" not in text
    assert text.count("| What was judged | 2021/22 |") == 1


def test_within_one_scale_the_movement_is_said_and_gaps_in_the_span_are_named(
        across: dict[str, str]) -> None:
    text = across["html"]
    assert "Efficiency: good in 2016 and outstanding in 2017." in text
    assert "Effectiveness: good in 2016, 2017 and 2018/19." in text
    assert "There is nothing for Norfolk in PEEL 2021/22." in text
    # questions changed between cycles: no movement is said for a question number
    assert "Effectiveness question 2: requires improvement in" not in text
    assert "Effectiveness question 2: How effective is the force at investigating crime and " \
        "reducing re-offending? (2018/19 wording)" in text




@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "markdown"])
def test_a_count_of_no_recommendations_is_qualified_where_the_text_recommends(
        across: dict[str, str], fmt: str) -> None:
    """The briefing pack's qualification, in the comparison's table cell itself (issue 23).

    A note elsewhere can fall on another page, and "see the note below the table"
    points by position alone.
    """
    from peeldocs.model.report import recommending_questions, text_recommendations

    report = peeldocs.load_report(NORFOLK_2018)
    assert recommending_questions(report) == [5]  # the briefing pack lists it as E5-REC-1
    afis = sum(len(q.areas_for_improvement) for q in report.questions)
    text = across[fmt]
    (stated,) = text_recommendations(report)  # the sentence itself, quoted as the data has it
    cells = ["2018/19", "“Norfolk PEEL 2018”, HMICFRS’s PEEL 2018/19 effectiveness report, "
             r"[^|]*?\d{4}", str(afis), "0",
             re.escape("None listed as recommendations; the question 5 findings recommend "
                       "action in their text (quoted below the table).")]
    flat = " ".join(text.split())
    assert re.search(r"\s*\|?\s*".join(cells), flat), text
    # read 35: the sentence itself under the table, not in a narrow column
    assert f"In PEEL 2018/19, the question 5 findings say: “{stated.text}”" in flat
    assert "see the note" not in text and "Note:" not in text


def test_no_note_when_the_report_lists_its_recommendations_or_recommends_nothing(
        tmp_path: Path) -> None:
    from docread import synthetic_assessment, text_of

    from peeldocs.model import FindingSection
    from peeldocs.sources import dump_report

    listing = tmp_path / "kent.yaml"
    assessment = synthetic_assessment()
    listing.write_text(dump_report(assessment))
    text = text_of(render(peeldocs.compare([listing]), "html"), "html")
    # the row names the report it counts from (read 25-X), then its counts
    assert re.search(r"2023–25 “[^”]+”, [^“”]*?PEEL 2023–25 force assessment[^“”]*? 20 2 4 ",
                     text) and "see the note" not in text
    assert "We recommend" not in dump_report(assessment)
    norfolk = peeldocs.load_report(NORFOLK_2018)
    words = (FindingSection("Findings", ("Constructed for a test: this recommends nothing.",)),)
    quiet = [dataclasses.replace(q, summary=(), intro=(), findings=words) if q.number == 5
             else q for q in norfolk.questions]
    silent = tmp_path / "norfolk.yaml"
    silent.write_text(dump_report(dataclasses.replace(norfolk, questions=tuple(quiet))))
    text = text_of(render(peeldocs.compare([silent]), "html"), "html")
    assert re.search(r"2018/19 “Norfolk PEEL 2018”, HMICFRS’s PEEL 2018/19 effectiveness report, "
                     r"[^“”]*?\d{4} \d+ 0 0 Earlier", text) and "Note:" not in text


def test_a_report_whose_pillar_was_not_read_is_refused_even_beside_a_table(
        tmp_path: Path) -> None:
    """Its grades fit no column; naming it 'report (pillar not known)' left half a pack."""
    from peeldocs.errors import DataError

    report = tmp_path / "unread.yaml"
    report.write_text(NORFOLK_2018.read_text(encoding="utf-8").replace(
        "\npillar: effectiveness\n", "\npillar: unknown\n"), encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("force,cycle,pillar,question,grade\nNorfolk,2018/19,efficiency,,good\n")
    with pytest.raises(DataError) as err:
        peeldocs.compare([table, report])
    assert "unread.yaml:14: pillar: unknown: the pillar was not found in the imported text" \
        in str(err.value)


def test_an_assessment_recommending_action_without_listing_it_is_qualified_by_area(
        tmp_path: Path) -> None:
    from docread import synthetic_assessment, text_of

    from peeldocs.model import FindingSection
    from peeldocs.sources import dump_report

    words = (FindingSection(None, ("Synthetic test text: we recommend that the force reviews "
                                   "its training.",)),)
    areas = tuple(dataclasses.replace(q, causes_of_concern=(),
                                      findings=words if q.number == 5 else q.findings)
                  for q in synthetic_assessment().questions)
    report = dataclasses.replace(synthetic_assessment(), questions=areas)
    path = tmp_path / "kent.yaml"
    path.write_text(dump_report(report))
    text = text_of(render(peeldocs.compare([path]), "html"), "html")
    said = ("In PEEL 2023–25, the “Investigating crime” findings say: “Synthetic test text: we "
            "recommend that the force reviews its training.”")
    assert re.search(r"2023–25 “[^”]+”, [^“”]*?PEEL 2023–25 force assessment[^“”]*? 20 0 None "
                     r"listed as recommendations; the “Investigating crime” findings recommend "
                     r"action in their text \(quoted below the table\)\. " + re.escape(said), text)
    assert "see the note" not in text
    briefing = peeldocs.build_pack(report, peeldocs.Options(sections="cover,summary"))
    # the briefing pack counts the recommendation made in the text and lists it (issue 23)
    pack_text = text_of(render(briefing, "html"), "html")
    assert ("makes one recommendation in the text of its findings on ‘Investigating crime’, "
            "which it does not list as such") in pack_text
    # that recommendation has no deadline: the group is not asked to note deadlines
    assert "to note the deadlines" not in pack_text
    # read 36: with the section 55 ask the asks are a list ("is asked to: Note the grades. …")
    assert re.search(r"is asked to:? [Nn]ote the grades", pack_text)
    assert re.search(r"[Aa]gree an action, an owner and a date for each finding", pack_text)
    assert "note the deadlines" not in pack_text
