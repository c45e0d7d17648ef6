"""The PDF read as text (tags, copy and paste, reflow): words never run together."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pdfread import (
    checker,
    element_joins,
    marked_content_texts,
    outline,
    outloud_findings,
    pdfua_problems,
    run_together,
)

import peeldocs
from peeldocs.model import Report
from peeldocs.plans.files import load_plan

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "norfolk-2018-action-plan.yaml"


@pytest.fixture(scope="module")
def planned_pdf(norfolk: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    as_of, published = date(2019, 10, 15), date(2019, 5, 2)
    plan = load_plan(PLAN, norfolk, as_of=as_of, published=published)
    opts = peeldocs.Options(plan=plan, as_of=as_of, published=published)
    (path,) = peeldocs.write_pack(norfolk, opts, ["pdf"], tmp_path_factory.mktemp("plan"))
    return path


def test_wrapped_lines_read_with_a_space(norfolk_pdf: Path, planned_pdf: Path) -> None:
    for path in (norfolk_pdf, planned_pdf):
        assert run_together(path) == []
        assert element_joins(path) == []


def test_the_reading_text_has_the_source_words(norfolk: Report, norfolk_pdf: Path) -> None:
    text = " ".join(t for _p, _m, t, _tops in marked_content_texts(norfolk_pdf))
    folded = " ".join(text.split())
    for paragraph in norfolk.summary:
        assert " ".join(paragraph.split()) in folded
    assert "PEEL 2018/19" in folded and "forthe" not in folded


def test_a_long_paragraph_split_over_pages_reads_on(norfolk: Report, tmp_path: Path) -> None:
    import dataclasses

    long = " ".join(["The force should keep working with partners on this."] * 120)
    question = dataclasses.replace(norfolk.questions[0], intro=(long,))
    report = dataclasses.replace(norfolk, questions=(question, *norfolk.questions[1:]))
    (path,) = peeldocs.write_pack(report, peeldocs.Options(), ["pdf"], tmp_path)
    assert run_together(path) == []
    assert element_joins(path) == []


@pytest.mark.skipif(checker("outloud") is None,
                    reason="outloud (PyPI, in the test extra) is not installed")
def test_outloud_finds_nothing_to_fix(norfolk_pdf: Path, planned_pdf: Path) -> None:
    for path in (norfolk_pdf, planned_pdf):
        assert outloud_findings(path) == []


@pytest.mark.skipif(checker("pdfua") is None,
                    reason="pdfua (PyPI, in the test extra) is not installed")
def test_pdfua_checker_passes(norfolk_pdf: Path, planned_pdf: Path) -> None:
    for path in (norfolk_pdf, planned_pdf):
        assert pdfua_problems(path) == ""


def test_plan_summary_keeps_the_executive_summary_to_three_pages(planned_pdf: Path) -> None:
    # it quotes the live findings and names what is overdue (issue 23): three pages at most
    pages = {title: page for _depth, title, page, _top in outline(planned_pdf)}
    assert pages["Findings by question"] - pages["Executive summary"] <= 3


def test_only_artifacts_and_charts_paint_shapes(norfolk_pdf: Path, planned_pdf: Path) -> None:
    """Shading, badges' backgrounds, rules and bars: artifacts, or inside a Figure."""
    import pikepdf

    for path in (norfolk_pdf, planned_pdf):
        with pikepdf.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                stack: list[str] = []
                for operands, op in pikepdf.parse_content_stream(page):
                    name = str(op)
                    if name in ("BDC", "BMC"):
                        stack.append(str(operands[0]))
                    elif name == "EMC":
                        stack.pop()
                    elif name in ("re", "f", "f*", "S", "B", "b", "l"):
                        assert "/Artifact" in stack or "/Figure" in stack, (number, name, stack)


def test_producer_is_the_same_in_info_and_xmp(norfolk_pdf: Path) -> None:
    import pikepdf

    with pikepdf.open(norfolk_pdf) as pdf:
        producer = str(pdf.docinfo["/Producer"])
        with pdf.open_metadata() as meta:
            assert meta["pdf:Producer"] == producer
    assert producer.startswith("peeldocs ")


def test_no_page_is_left_empty(norfolk_pdf: Path, planned_pdf: Path) -> None:
    from pdfread import _DECORATION, page_texts

    for path in (norfolk_pdf, planned_pdf):
        for number, text in enumerate(page_texts(path), start=1):
            body = [line for line in text.splitlines()
                    if line.strip() and not _DECORATION.match(line.strip())]
            assert len(" ".join(body).split()) > 20, f"page {number} is nearly empty"


def test_an_illustrative_plan_says_so_on_every_page_it_fills(planned_pdf: Path) -> None:
    from pdfread import page_texts

    pages = [t for t in page_texts(planned_pdf) if "E2-AFI-1" in t and "Owner / lead" in t]
    assert pages
    for text in pages:
        assert "(illustrative)" in text


def test_cover_title_whole_and_without_tool_version(norfolk_pdf: Path) -> None:
    from pdfread import page_texts

    cover = page_texts(norfolk_pdf)[0].replace("\u00a0", " ")
    title = cover.splitlines()[:3]  # the title wraps after the colon, never inside the cycle
    assert any(line.strip() == "PEEL 2018/19 effectiveness" for line in title), title
    assert "peeldocs" not in cover and "Page 1 of" not in cover


@pytest.mark.parametrize("kind", ["s55", "committee"])
def test_the_highlight_behind_a_placeholder_is_an_artifact_never_nested(norfolk: Report,
                                                                          kind: str) -> None:
    """The amber behind "{to be completed: …}" is decoration: an artifact, between sequences.

    Found when a pack first had placeholders: the highlight was painted inside the
    paragraph's (or cell's) tagged content, a shape a reader's tools take as content.
    """
    import dataclasses
    import io

    import pikepdf
    from docread import body_text_of, norfolk_plan

    options = dataclasses.replace(norfolk_plan(norfolk), document=kind)
    data = peeldocs.render(peeldocs.build_pack(norfolk, options), "pdf", options)
    assert "to be completed" in body_text_of(data)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        fills = 0
        for page in pdf.pages:
            stack: list[str] = []
            for operands, op in pikepdf.parse_content_stream(page):
                name = str(op)
                if name in ("BDC", "BMC"):
                    tag = str(operands[0])
                    # tagged content and artifacts never nest inside each other
                    artifact = tag == "/Artifact"
                    assert all((t == "/Artifact") == artifact for t in stack), (stack, tag)
                    stack.append(tag)
                elif name == "EMC":
                    stack.pop()
                elif name in ("re", "f", "f*", "S", "B", "b", "l"):
                    assert "/Artifact" in stack or "/Figure" in stack, (name, stack)
                    fills += name in ("f", "f*")
        assert fills  # the highlights were drawn (and checked above)
