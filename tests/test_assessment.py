"""Force assessments (2021/22 on): the illustrative example builds into a pack about areas."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date
from pathlib import Path

import docx
import pikepdf
import pytest
from docxread import all_text
from pdfread import page_texts
from test_html import parse
from test_pdf_tagging import check_pdf_ua

import peeldocs
from peeldocs import blocks as b
from peeldocs.model import OGL_ATTRIBUTION, Report
from peeldocs.options import Options
from peeldocs.plans.files import findings, init_plan, load_plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "exampleshire-2023-25-assessment.yaml"
LABEL = "not an HMICFRS report"



@pytest.fixture(scope="module")
def pack(example: Report) -> b.Pack:
    return peeldocs.build_pack(example, Options())


def section(pack: b.Pack, name: str) -> b.Section:
    return next(s for s in pack.sections if s.name == name)


def flat(blocks: tuple[b.Block, ...]) -> list[b.Block]:
    out: list[b.Block] = []
    for block in blocks:
        out.append(block)
        if isinstance(block, b.Callout):
            out += flat(block.body)
    return out


def texts(blocks: tuple[b.Block, ...]) -> str:
    """Everything a reader sees in these blocks, as one string."""
    parts: list[str] = []
    for block in flat(blocks):
        if isinstance(block, b.Heading):
            parts.append(block.text)
        elif isinstance(block, b.Paragraph):
            parts.append(b.inline_text(block.runs))
        elif isinstance(block, b.BulletList):
            parts += [b.inline_text(i) for i in block.items]
        elif isinstance(block, b.Table):
            parts += [b.inline_text(c.runs) for row in (*block.header, *block.rows) for c in row]
        elif isinstance(block, b.GradeBadge):
            parts += [block.label, block.note or ""]
        elif isinstance(block, b.Callout):
            parts.append(block.title)
        elif isinstance(block, b.Figure):
            parts += [block.alt, block.caption]
        elif isinstance(block, b.StatPanel):
            parts += [f"{s.value} {s.label}" for s in block.items]
    return "\n".join(parts)


def table(blocks: tuple[b.Block, ...], caption: str) -> b.Table:
    return next(t for t in flat(blocks) if isinstance(t, b.Table) and t.caption == caption)


def test_the_example_is_an_illustrative_assessment(example: Report) -> None:
    assert example.is_assessment and example.illustrative
    assert example.pillar is None and example.judgment is None
    assert LABEL in example.title and example.licence != OGL_ATTRIBUTION
    assert "CONSTRUCTED FOR ILLUSTRATION" in EXAMPLE.read_text(encoding="utf-8").splitlines()[0]


def test_the_summary_speaks_of_areas_with_grades_table_and_chart(example: Report,
                                                                 pack: b.Pack) -> None:
    blocks = section(pack, "summary").blocks
    text = texts(blocks)
    grades = table(blocks, "Grades by area")
    assert [b.inline_text(h.runs) for h in grades.header[0]] == ["No.", "Area", "Grade"]
    assert [b.inline_text(r[1].runs) for r in grades.rows] == [q.title for q in example.questions]
    assert [b.inline_text(r[2].runs) for r in grades.rows][3:5] == [
        "Requires improvement", "Inadequate"]
    assert b.inline_text(grades.rows[9][2].runs) == "Ungraded"
    assert grades.rows[9][2].tone is b.Tone.NO_GRADE
    # the grades are said once, in the table: no chart and no prose repeats it
    assert not any(isinstance(f, b.Figure) and "grade" in f.caption.lower() for f in flat(blocks))
    # read 35: "In brief" gives the grades' shape once, counts per grade; no area by area
    assert text.count("were graded good") == 1 and "was graded inadequate" not in text
    assert "Question" not in text and "question" not in text
    assert "no overall grade" in text and "cannot be compared directly" in text
    assert "Judgments by question" not in text


def test_causes_of_concern_come_first_with_due_dates(pack: b.Pack) -> None:
    blocks = section(pack, "summary").blocks
    headings = [h.text for h in blocks if isinstance(h, b.Heading)]
    # the inspector's own summary right after the grades (read 33), then what is due
    assert headings.index("Grades by area") < headings.index("HM Inspector’s summary") < \
        headings.index("Causes of concern and recommendations") < headings.index(
        "Findings to act on") < headings.index("Deadlines and what is due next")
    causes = table(blocks, "Causes of concern and recommendations")
    rows = {b.inline_text(r[0].runs): b.inline_text(r[4].runs) for r in causes.rows}
    # the inadequate area (5) before the one that requires improvement (4), as every list of
    # the pack (read 7); the earlier cause of concern without enough progress is with the
    # causes, after them
    assert list(rows) == ["A5-COC-1", "A5-REC-1", "A5-REC-2", "A5-REC-3", "A4-COC-1",
                          "A4-REC-1", "A-2021-COC-1"]
    assert rows["A-2021-COC-1"] == "No new deadline set"
    assert rows["A4-REC-1"] == "Within six months of publication (by 12 March 2025)"
    assert rows["A5-REC-1"] == "Within three months of publication (by 12 December 2024)"
    assert rows["A5-REC-2"] == "31 March 2025"
    assert rows["A5-REC-3"] == "Immediately (report published 12 September 2024)"


def test_without_a_publication_date_relative_deadlines_say_so(example: Report) -> None:
    report = dataclasses.replace(example, published=None)
    blocks = section(peeldocs.build_pack(report, Options()), "summary").blocks
    rows = {b.inline_text(r[0].runs): b.inline_text(r[4].runs)
            for r in table(blocks, "Causes of concern and recommendations").rows}
    assert rows["A4-REC-1"] == "Within six months of publication (publication date not supplied)"
    assert rows["A5-REC-2"] == "31 March 2025"
    # a date given when building still counts
    blocks = section(peeldocs.build_pack(report, Options(published=date(2024, 1, 31))),
                     "summary").blocks
    rows = {b.inline_text(r[0].runs): b.inline_text(r[4].runs)
            for r in table(blocks, "Causes of concern and recommendations").rows}
    assert rows["A4-REC-1"] == "Within six months of publication (by 31 July 2024)"


def test_findings_by_area(example: Report, pack: b.Pack) -> None:
    blocks = section(pack, "questions").blocks
    h2 = [h.text for h in blocks if isinstance(h, b.Heading) and h.level == 2]
    # the notes on how the pack quotes close the findings, once
    assert h2 == [q.title for q in example.questions]  # the notes are a section of their own
    assert blocks[0] == b.Heading(1, "Findings by area", anchor="questions")
    titles = [c.title for c in flat(blocks) if isinstance(c, b.Callout)]
    assert "Innovative or promising practice" in titles and "Cause of concern" in titles
    text = texts(blocks)
    # the executive summary quotes the causes of concern and recommendations: named here
    assert ("A5-COC-1 and its recommendations A5-REC-1, A5-REC-2 and A5-REC-3 are quoted in "
            "full, with their deadlines, in the executive summary.") in text
    assert "The force should stop closing crimes of domestic abuse" not in text
    # without the summary, the findings by area quote them, each with its deadline
    alone = section(peeldocs.build_pack(example, Options(sections=("questions",))), "questions")
    assert "A5-REC-3 The force should stop closing crimes of domestic abuse without a " \
           "supervisor’s review. Due: Immediately (report published 12 September 2024)." in \
           texts(alone.blocks)
    area5 = blocks[blocks.index(b.Heading(2, "Investigating crime", anchor="q5")):]
    kinds = [x.title for x in area5 if isinstance(x, b.Callout)]
    assert kinds.index("Cause of concern") < kinds.index("Area for improvement")  # it has one


def test_constructed_text_is_labelled_wherever_it_is_quoted(example: Report,
                                                            pack: b.Pack) -> None:
    cover = texts(section(pack, "cover").blocks)
    assert "Illustrative example: not an HMICFRS report" in cover
    assert OGL_ATTRIBUTION not in cover and "Crown copyright" not in cover.replace(
        "not Crown copyright", "")
    assert LABEL.upper() in pack.metadata.running_title
    for name in ("summary", "questions"):  # each section says it once, before its first quote
        blocks = flat(section(pack, name).blocks)
        labels = [i for i, x in enumerate(blocks) if isinstance(x, b.Paragraph)
                  and "Constructed for illustration" in b.inline_text(x.runs)]
        quotes = [i for i, x in enumerate(blocks) if isinstance(x, b.Paragraph)
                  and x.style is b.ParaStyle.QUOTE]
        assert len(labels) == 1 and quotes and labels[0] < quotes[0], name
    summary = texts(section(pack, "summary").blocks)
    # read 33: the cover and every running header say it; no paragraph after "In brief"
    # repeats what the pack is, pushing the asks down
    assert "This pack summarises" not in summary and LABEL.upper() in pack.metadata.running_title


def test_a_real_report_keeps_the_crown_copyright_attribution(example: Report) -> None:
    real = dataclasses.replace(example, illustrative=False, licence=OGL_ATTRIBUTION,
                               publisher="HMICFRS", title="Exampleshire PEEL 2023–25")
    pack = peeldocs.build_pack(real, Options())
    cover = texts(section(pack, "cover").blocks)
    assert OGL_ATTRIBUTION in cover and "Crown copyright" in cover
    assert "Illustrative" not in cover and "Constructed" not in texts(
        section(pack, "questions").blocks)


def test_the_action_plan_is_seeded_by_area_with_deadlines(example: Report,
                                                          pack: b.Pack) -> None:
    # without a plan: the findings the plan is to answer, each with the report's deadline
    rows = table(section(pack, "actions").blocks, "Findings needing an action plan").rows
    ids = [b.inline_text(r[0].runs) for r in rows]
    # the pack's one order: causes and recommendations, the inadequate area's first, then the
    # earlier cause of concern, then AFIs
    assert ids[:7] == ["A5-COC-1", "A5-REC-1", "A5-REC-2", "A5-REC-3", "A4-COC-1", "A4-REC-1",
                       "A-2021-COC-1"]
    kinds = [b.inline_text(r[1].runs) for r in rows]
    first_afi = kinds.index("Area for improvement")
    assert set(kinds[:first_afi - 1]) == {"Cause of concern", "Recommendation"}
    assert set(kinds[first_afi:]) == {"Area for improvement"}
    assert len(rows) == 1 + 2 + 4 + 6
    by_id = {b.inline_text(r[0].runs): r for r in rows}
    assert b.inline_text(by_id["A4-REC-1"][2].runs) == "Responding to the public"
    # the pack quotes each finding in its findings by area: the plan names it by reference
    # and its opening words, cut with an ellipsis (read 35: rows of one kind looked alike)
    header = [b.inline_text(c.runs) for c in table(
        section(pack, "actions").blocks, "Findings needing an action plan").header[0]]
    assert b.inline_text(by_id["A5-REC-2"][3].runs) == (
        "“The force should make sure that the victim’s wishes are recorded …”")
    assert header == ["Ref", "Type", "Area", "Finding", "Report’s deadline",
                      "Action", "Owner", "Target date"]  # to be agreed: no plan gives them
    assert b.inline_text(by_id["A4-REC-1"][4].runs).endswith("(by 12 March 2025)")
    # s.55: publication + 55, said once, in the summary's deadlines (read 8-P)
    assert "6 November 2024" in texts(section(pack, "summary").blocks)
    assert "6 November 2024" not in texts(section(pack, "actions").blocks)


def test_actions_init_seeds_targets_from_deadlines(example: Report, tmp_path: Path) -> None:
    plan_path = tmp_path / "plan.yaml"
    result = init_plan(example, plan_path, str(EXAMPLE))
    assert list(result.added) == list(findings(example))
    plan = load_plan(plan_path, example, as_of=date(2024, 10, 1))
    targets = {i.finding: i.original_target for i in plan.items}
    assert targets["A4-REC-1"] == date(2025, 3, 12)
    assert targets["A5-REC-2"] == date(2025, 3, 31)
    assert targets["A5-REC-3"] == date(2024, 9, 12)
    assert targets["A4-AFI-1"] is None and targets["A5-COC-1"] is None
    assert plan.item("A4-REC-1").current_target == date(2025, 3, 12)
    text = " ".join(line.strip().lstrip("#").strip()
                    for line in plan_path.read_text(encoding="utf-8").splitlines())
    assert "A4-REC-1: recommendation, Responding to the public." in text
    assert "Deadline as worded: within six months." in text
    tracked = peeldocs.build_pack(example, Options(plan=plan, as_of=date(2024, 10, 1)))
    rows = table(section(tracked, "actions").blocks, "Action plan").rows
    ids = [b.inline_text(r[0].runs) for r in rows]
    assert sorted(ids) == sorted(findings(example))
    assert ids[0] == "A5-REC-3"  # due "immediately" on publication: the earliest, and overdue
    assert b.inline_text(rows[0][4].runs) == "12 September 2024; overdue by 19 days"
    # read 35: no count before the plan's table (each row gives its state; the summary names
    # what is overdue and due next), and none in the summary either
    assert "the plan has 13 items" not in texts(section(tracked, "actions").blocks)
    assert "the plan has 13 items" not in texts(section(tracked, "summary").blocks)
    undated = dataclasses.replace(example, published=None)
    init_plan(undated, tmp_path / "undated.yaml")
    plan = load_plan(tmp_path / "undated.yaml", undated, as_of=date(2024, 10, 1))
    assert plan.item("A4-REC-1").original_target is None
    assert plan.item("A5-REC-2").original_target == date(2025, 3, 31)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    report = peeldocs.load_report(EXAMPLE)
    out = tmp_path_factory.mktemp("assessment")
    paths = peeldocs.write_pack(report, Options(), ["pdf", "docx", "html"], out)
    return {p.suffix: p for p in paths}


def test_the_example_builds_a_tagged_pdf(built: dict[str, Path]) -> None:
    with pikepdf.open(built[".pdf"]) as pdf:
        by_tag = check_pdf_ua(pdf)
        # read 33: one compared figure is a sentence, not a chart of one pair of bars
        assert "Figure" not in by_tag
        assert len(by_tag["H2"]) >= 10
    pages = page_texts(built[".pdf"])
    assert all(LABEL.upper() in page for page in pages[1:])  # the running header on every page
    assert "Illustrative example: not an HMICFRS report" in pages[0]
    body = " ".join(" ".join(p.split()) for p in pages)
    assert "Grades by area" in body and "Findings by area" in body
    assert "Judgments by question" not in body and OGL_ATTRIBUTION not in body


def test_the_example_builds_a_docx(built: dict[str, Path]) -> None:
    document = docx.Document(str(built[".docx"]))
    text = all_text(document)
    assert "Illustrative example: not an HMICFRS report" in text
    assert "Grades by area" in text and "Causes of concern and recommendations" in text
    assert "Within six months of publication (by 12 March 2025)" in text
    assert OGL_ATTRIBUTION not in text
    header = " ".join(p.text for s in document.sections for p in s.header.paragraphs)
    assert LABEL.upper() in header.replace("\u00a0", " ")  # phrases kept whole (read 34)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "Investigating crime" in headings


def test_the_example_builds_html(built: dict[str, Path]) -> None:
    page = parse(built[".html"].read_text(encoding="utf-8"))
    assert not page.errors
    text = " ".join(" ".join(page.text).split())
    assert "Illustrative example: not an HMICFRS report" in text
    assert "Constructed for illustration; not the inspectorate’s words:" in text
    assert [t for lvl, t in page.headings if lvl == 1][:1]
    assert re.search(r"Investigating crime", text)
    assert OGL_ATTRIBUTION not in text


def test_actions_init_takes_the_publication_date_from_the_command_line(
        example: Report, tmp_path: Path) -> None:
    from peeldocs.cli import main

    source = tmp_path / "undated.yaml"
    source.write_text(EXAMPLE.read_text(encoding="utf-8").replace("published: 2024-09-12\n", ""),
                      encoding="utf-8")
    plan_path = tmp_path / "plan.yaml"
    assert main(["actions", "init", str(source), "-o", str(plan_path),
                 "--published", "2024-01-31"]) == 0
    undated = peeldocs.load_report(source)
    plan = load_plan(plan_path, undated, as_of=date(2024, 10, 1))
    assert plan.item("A4-REC-1").original_target == date(2024, 7, 31)


def test_document_properties_do_not_claim_hmicfrs_for_constructed_data(pack: b.Pack) -> None:
    meta = pack.metadata
    assert meta.subject.startswith("Constructed example (not an HMICFRS report):")
    assert "HMICFRS" not in meta.keywords and meta.rights != OGL_ATTRIBUTION


MINIMAL = """\
force: {name: Kent Police, short_name: Kent}
cycle: 2021/22
kind: assessment
title: Kent PEEL 2021/22
questions:
  - number: 1
    title: Investigating crime
    judgment: {status: graded, grade: adequate}
    causes_of_concern:
      - id: A1-COC-1
        text: A cause.
        recommendations:
          - {id: A1-REC-1, text: A recommendation., deadline: within six months}
          - {id: A1-REC-2, text: Another., deadline: as soon as practicable}
  - number: 2
    title: Victim service assessment
    judgment: {status: ungraded}
"""


def test_a_sparse_real_assessment_builds_in_every_format(tmp_path: Path) -> None:
    report = peeldocs.parse_report(MINIMAL, "kent.yaml")
    pack = peeldocs.build_pack(report, Options())
    summary = section(pack, "summary").blocks
    headings = [h.text for h in summary if isinstance(h, b.Heading)]
    assert "HM Inspector’s observations" not in headings  # no summary given, no empty heading
    rows = {b.inline_text(r[0].runs): b.inline_text(r[4].runs)
            for r in table(summary, "Causes of concern and recommendations").rows}
    assert rows["A1-REC-1"] == "Within six months of publication (publication date not supplied)"
    assert rows["A1-REC-2"] == "As worded: “as soon as practicable”"
    cover = texts(section(pack, "cover").blocks)
    assert OGL_ATTRIBUTION in cover and "Illustrative" not in cover
    # said once, in the summary's deadlines; the action plan section does not repeat it
    said = ("This pack was prepared without an action plan. Two deadlines set by the report from its publication "
            "are not dated here: the publication date was not supplied.")
    assert said in texts(summary) and said not in texts(section(pack, "actions").blocks)
    alone = peeldocs.build_pack(report, Options(sections=("cover", "actions")))
    assert said in texts(section(alone, "actions").blocks)  # no summary: the section says it
    paths = {p.suffix: p for p in peeldocs.write_pack(report, Options(),
                                                      ["pdf", "docx", "html"], tmp_path)}
    with pikepdf.open(paths[".pdf"]) as pdf:
        check_pdf_ua(pdf)
    text = all_text(docx.Document(str(paths[".docx"])))
    assert "Findings by area" in text and "Victim service assessment" in text
    assert "Grades by area" in " ".join(parse(paths[".html"].read_text(encoding="utf-8")).text)


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_an_area_is_introduced_by_its_grade_and_a_question_by_its_judgment(fmt: str,
                                                                         norfolk: Report) -> None:
    """An assessment's pack speaks of grades by area; a pillar report's of judgments."""
    from docread import text_of

    example = peeldocs.load_report(EXAMPLE)
    area = text_of(peeldocs.render(peeldocs.build_pack(example), fmt), fmt)
    assert "Grade: Adequate" in area.replace("\u00a0", " ")
    question = text_of(peeldocs.render(peeldocs.build_pack(norfolk), fmt), fmt)
    assert "Judgment: Requires improvement" in question.replace("\u00a0", " ")


@pytest.mark.parametrize("document", ["brief", "committee"])
def test_the_brief_and_committee_paper_head_an_assessments_column_grade(document: str) -> None:
    import docx as python_docx

    options = peeldocs.Options(document=document)
    example = peeldocs.load_report(EXAMPLE)
    if document == "brief":  # room for the table: the causes of concern alone, no AFIs
        example = dataclasses.replace(example, questions=tuple(
            dataclasses.replace(q, areas_for_improvement=(), causes_of_concern=tuple(
                dataclasses.replace(c, recommendations=()) for c in q.causes_of_concern))
            for q in example.questions))
    data = peeldocs.render(peeldocs.build_pack(example, options), "docx", options)
    tables = python_docx.Document(io.BytesIO(data)).tables
    headers = [[c.text for c in t.rows[0].cells] for t in tables]
    assert any(h[:3] == ["No.", "Area", "Grade"] for h in headers), headers
