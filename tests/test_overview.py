"""An overview (PEEL 2014 to 2018/19) grades each pillar and never the force as a whole.

So an imported overview has no overall judgment at all (not an unknown one
that ``validate`` would ask the user to fill in from a report that has none),
and every document built from it says what it is: judgments by pillar, no
overall grade, and, since the overview holds only the pillar judgments, that
any findings would be in each pillar's report, never that there are none.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docread import text_of
from import_facts import REAL

import peeldocs
from peeldocs.cli import main
from peeldocs.importer import import_page
from peeldocs.model import Grade
from peeldocs.options import Options


@pytest.fixture(scope="module")
def overview() -> peeldocs.Report:
    text = (REAL / "cheshire-2018-19-overview.txt").read_text(encoding="utf-8")
    return import_page(text).report


def test_an_imported_overview_has_no_overall_judgment_and_validates(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "overview.yaml"
    assert main(["import", str(REAL / "cheshire-2018-19-overview.txt"), "-o", str(out)]) == 0
    report = peeldocs.load_report(out)
    assert report.pillar == "overview" and report.judgment is None
    assert [(q.title, q.judgment.grade) for q in report.questions] == [
        ("Effectiveness", Grade.GOOD), ("Efficiency", Grade.GOOD), ("Legitimacy", Grade.GOOD)]
    capsys.readouterr()
    assert main(["validate", str(out)]) == 0
    said = capsys.readouterr()
    assert "unknown" not in said.out + said.err and "1 valid" in said.out + said.err


def test_an_overall_judgment_on_an_overview_is_refused_with_the_reason(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "overview.yaml"
    data.write_text("force: {name: Cheshire Constabulary, short_name: Cheshire}\ncycle: 2018/19\n"
                    "title: Cheshire 2018/19\npillar: overview\njudgment: {status: unknown}\n"
                    "questions: []\n", encoding="utf-8")
    assert main(["validate", str(data)]) == 1
    err = capsys.readouterr()
    assert "overview.yaml:5: judgment: an overview has no overall judgment" in err.out + err.err


@pytest.mark.parametrize("document", ["pack", "brief", "committee", "s55"])
@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_every_document_says_what_an_overview_is(overview: peeldocs.Report, document: str,
                                                 fmt: str) -> None:
    options = Options(document=document)
    text = text_of(peeldocs.render(peeldocs.build_pack(overview, options), fmt, options), fmt)
    assert "not found in the imported text" not in text
    assert "Unknown (not found" not in text
    # never "the report gives no areas for improvement": the overview was all that was read
    assert "gives no areas for improvement" not in text and "lists no" not in text
    assert "would be in the report on each pillar" in text
    assert "Question 1" not in text and "Question\n" not in text
    if document in ("pack", "brief", "committee"):
        assert "no overall grade" in text
        assert "Pillar" in text or "pillar" in text
    if document == "pack":
        assert "Judgments by pillar" in text and "Findings by pillar" in text
        assert "What the inspectorate said" not in text  # nothing read to quote under it
        # each pillar's grade in words, once in the table (no sentence above repeats it)
        assert "Pillar Judgment 1 Effectiveness Good 2 Efficiency Good 3 Legitimacy Good" in text
        # no finding to quote: the action plan says nothing of where findings are quoted
        # (it once read "quoted in full once, in , under the reference")
        assert "quoted in full once" not in text and " in , " not in text


def _import_overview(folder: Path) -> Path:
    out = folder / "cheshire-overview.yaml"
    assert main(["import", str(REAL / "cheshire-2018-19-overview.txt"), "-o", str(out)]) == 0
    return out


def test_an_overview_gives_pillar_grades_in_a_comparison(tmp_path: Path) -> None:
    """Its three judgments are the force's pillar grades, beside other forces' pillar grades."""
    table = tmp_path / "grades.csv"
    table.write_text("force,cycle,pillar,question,grade,status,source\n"
                     "Cheshire,2018/19,efficiency,,good,,constructed\n"  # the same: counted once
                     "Kent,2018/19,effectiveness,,requires improvement,,constructed\n"
                     "Kent,2018/19,efficiency,,good,,constructed\n"
                     "Kent,2018/19,legitimacy,,outstanding,,constructed\n", encoding="utf-8")
    pack = peeldocs.compare([_import_overview(tmp_path), table])
    text = text_of(peeldocs.render(pack, "html"), "html")
    assert "Overview question" not in text and "conflicts" not in text
    assert "Effectiveness Efficiency Legitimacy" in text
    # each force's three pillar grades read across its row; the table mixes Cheshire's published
    # grades with constructed ones, so Kent's say they were constructed (HTML's text spaces the
    # marks inside their brackets) and a line under the table says what the mark means
    assert "Cheshire Good Good Good" in text
    assert re.search(r"Kent Requires improvement \( ?constructed ?\) Good \( ?constructed ?\) "
                     r"Outstanding \( ?constructed ?\)", text)
    # one report imported: its title is named (it is the only published source)
    assert ("Grades marked “constructed” were constructed for illustration; the others come from "
            "the published HMICFRS report “Cheshire 2018/19”.") in text


def test_a_report_whose_pillar_was_not_read_is_refused_by_compare(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = Path("data/norfolk-2018-effectiveness.yaml").read_text(encoding="utf-8")
    unread = tmp_path / "norfolk.yaml"
    unread.write_text(data.replace("pillar: effectiveness", "pillar: unknown"), encoding="utf-8")
    line = data.splitlines().index("pillar: effectiveness") + 1
    out = tmp_path / "out"
    assert main(["compare", str(unread), "--format", "pdf", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"norfolk.yaml:{line}: pillar: unknown: the pillar was not found" in err
    assert not out.exists()
