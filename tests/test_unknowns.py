"""Facts not found on import: validate lists them by line, build refuses or marks each one."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import docx
import pytest
from docxread import all_text
from pdfread import page_texts
from test_assessment import EXAMPLE, flat, section, table, texts
from test_html import parse

import peeldocs
from peeldocs import blocks as b
from peeldocs.cli import main
from peeldocs.model import Judgment, Report, Status
from peeldocs.options import Options
from peeldocs.sources.unknowns import UnknownFactsError, parse_path
from peeldocs.sources.written import LEDGER

UNKNOWN = "Unknown (not found in the imported text)"
FORBIDDEN = ("not graded", "not inspected", "was unknown", "ungraded")


def assessment_text(area: int = 5) -> str:
    """The example with one area's grade marked unknown, as an importer would write it."""
    text = EXAMPLE.read_text(encoding="utf-8")
    old = f"- number: {area}\n"
    start = text.index(old)
    judgment = text.index("  judgment:\n", start)
    end = text.index("\n", text.index("grade:", judgment))
    return text[:judgment] + "  judgment:\n    status: unknown" + text[end:]


def pillar_text() -> str:
    return ("force: {name: Kent Police, short_name: Kent}\ncycle: '2017'\ntitle: Kent PEEL 2017\n"
            "pillar: unknown\njudgment:\n  status: unknown\nquestions:\n"
            "  - number: 1\n    title: How effective is the force at preventing crime?\n"
            "    judgment: {status: graded, grade: good}\n"
            "  - number: 2\n    title: How effective is the force at investigating crime?\n"
            "    judgment: {status: unknown}\n")


@pytest.fixture(scope="module")
def unknown_area() -> Report:
    return peeldocs.parse_report(assessment_text(), "x.yaml")


def test_paths_parse_back() -> None:
    assert parse_path("questions[2].judgment") == ("questions", 2, "judgment")
    assert parse_path("pillar") == ("pillar",)


def test_validate_lists_every_unknown_with_its_line(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    a, p = tmp_path / "a.yaml", tmp_path / "p.yaml"
    a.write_text(assessment_text(), encoding="utf-8")
    p.write_text(pillar_text(), encoding="utf-8")
    assert main(["validate", str(a), str(p), str(EXAMPLE)]) == 1
    err = capsys.readouterr().err.splitlines()
    line = assessment_text().splitlines().index("    status: unknown") + 1
    assert f"{a}:{line}: questions[4].judgment: unknown: the judgment for area 5 was not " \
           "found in the imported text; fill it in from the published report" in err
    assert f"{p}:4: pillar: unknown: the pillar was not found in the imported text; fill it in " \
           "from the published report" in err
    assert any(e.startswith(f"{p}:6: judgment: unknown: the overall judgment") for e in err)
    assert any(e.startswith(f"{p}:13: questions[1].judgment: unknown: the judgment for "
                            "question 2") for e in err)
    assert err[-1] == "1 valid, 0 invalid, 2 with unknown facts"
    assert main(["validate", str(EXAMPLE)]) == 0


def test_build_refuses_unknowns_unless_allowed(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.yaml"
    src.write_text(assessment_text(), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(src), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "questions[4].judgment: unknown: the judgment for area 5" in err
    assert "--allow-unknown" in err
    assert not out.exists() or not list(out.iterdir())
    assert main(["build", str(src), "--out", str(out), "--quiet", "--allow-unknown",
                 "--format", "pdf,docx,html"]) == 0
    assert sorted(p.suffix for p in out.iterdir() if p.name != LEDGER) == [".docx", ".html", ".pdf"]


def test_the_library_refuses_unknowns_unless_allowed(unknown_area: Report) -> None:
    with pytest.raises(UnknownFactsError, match="the judgment for area 5"):
        peeldocs.build_pack(unknown_area, Options())


def test_an_unknown_area_is_marked_at_each_place_and_once_on_the_cover(
        unknown_area: Report) -> None:
    pack = peeldocs.build_pack(unknown_area, Options(allow_unknown=True))
    cover = flat(section(pack, "cover").blocks)
    warnings = [c for c in cover if isinstance(c, b.Callout) and "not found" in c.title]
    assert len(warnings) == 1 and "the judgment for area 5" in texts(warnings[0].body)
    summary = section(pack, "summary").blocks
    cell = table(summary, "Grades by area").rows[4][2]
    assert b.inline_text(cell.runs) == UNKNOWN and cell.tone is b.Tone.NEUTRAL
    said = texts(summary)
    # the counts are in words (no chart of them repeats the table): never counted as graded
    assert "‘Investigating crime’ was graded" not in said
    assert "‘Investigating crime’ was ungraded" not in said
    assert "The grade for ‘Investigating crime’ was not found in the imported text" in said
    areas = section(pack, "questions").blocks
    badge = next(x for x in areas[areas.index(b.Heading(2, "Investigating crime", "q5")):]
                 if isinstance(x, b.GradeBadge))
    assert badge.label == UNKNOWN and badge.tone is b.Tone.NEUTRAL
    assert badge.note and "check it against the published report" in badge.note
    for sentence in said.replace("\n", ".").split("."):
        if "Investigating crime" in sentence:
            assert not any(word in sentence.lower() for word in FORBIDDEN), sentence


def test_an_unknown_pillar_report_never_says_not_graded() -> None:
    report = peeldocs.parse_report(pillar_text(), "p.yaml")
    pack = peeldocs.build_pack(report, Options(allow_unknown=True))
    everything = "\n".join(texts(s.blocks) for s in pack.sections)
    assert not any(word in everything.lower() for word in FORBIDDEN), everything
    assert "Pillar\nUnknown (not found in the imported text)" in everything
    assert "The overall judgment on Kent Police’s [pillar not found in the imported text] " \
           "was not found in the imported text" in everything
    assert "The judgment for question 2 was not found in the imported text" in everything
    assert pack.metadata.title == ("Kent Police, PEEL 2017 (pillar not found in the imported "
                                   "text): briefing pack")
    assert "pillar not found in the imported text" in pack.metadata.running_title


def test_unknowns_show_in_every_format(unknown_area: Report, tmp_path: Path) -> None:
    paths = {p.suffix: p for p in peeldocs.write_pack(
        unknown_area, Options(allow_unknown=True), ["pdf", "docx", "html"], tmp_path)}
    pdf = " ".join(" ".join(p.split()) for p in page_texts(paths[".pdf"]))
    word = " ".join(all_text(docx.Document(str(paths[".docx"]))).split())
    html = " ".join(" ".join(parse(paths[".html"].read_text(encoding="utf-8")).text).split())
    for text in (pdf, word, html):
        assert text.count("Check before use: facts not found in the imported text") == 1
        assert "the judgment for area 5" in text
        assert "Unknown (not found in the imported text)" in text or (
            "Unknown (not found in the" in text)


def test_an_ungraded_area_is_still_ungraded(unknown_area: Report) -> None:
    report = dataclasses.replace(unknown_area, questions=tuple(
        dataclasses.replace(q, judgment=Judgment(Status.UNGRADED)) if q.number == 5 else q
        for q in unknown_area.questions))
    pack = peeldocs.build_pack(report, Options())
    cell = table(section(pack, "summary").blocks, "Grades by area").rows[4][2]
    assert b.inline_text(cell.runs) == "Ungraded" and cell.tone is b.Tone.NO_GRADE
