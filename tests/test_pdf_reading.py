"""The PDF read as text (tags, copy and paste, reflow): words never run together."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pdfread import element_joins, marked_content_texts, run_together

import peeldocs
from peeldocs.model import Report
from peeldocs.plan_io import load_plan

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
