"""The scale benchmark measures what it says: inputs of the sizes it names, and growth read right.

``bench/scale.py`` divides a time by a size; if an input is not the size the
table names (a grade table with fewer rows, a paragraph shorter than its
kilobytes, questions without their ten findings), a growth ratio says nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from synthetic import long_paragraph, synthetic_report, with_long_finding, with_ten_findings

import peeldocs

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def bench() -> Iterator[tuple[ModuleType, ModuleType]]:
    sys.path.insert(0, str(BENCH))
    try:
        import scale
        import table

        yield scale, table
    finally:
        sys.path.remove(str(BENCH))


@pytest.mark.parametrize("rows", [100, 250])
def test_the_grade_table_has_the_rows_it_names(bench: tuple[ModuleType, ModuleType],
                                               tmp_path: Path, rows: int) -> None:
    scale, _table = bench
    path = scale.grade_table(rows, tmp_path)
    assert len(path.read_text(encoding="utf-8").splitlines()) == rows + 1  # and the header
    pack = peeldocs.compare([path])  # a table peeldocs loads without a problem
    assert pack.metadata.title


def test_inputs_are_the_sizes_named() -> None:
    text = long_paragraph(50)
    assert 50 * 1024 <= len(text) < 50 * 1024 + 200
    (finding,) = with_long_finding(text).questions[0].findings
    assert finding.paragraphs == (text,)
    report = with_ten_findings(synthetic_report("Test Constabulary", "Test", 7, 25))
    assert len(report.questions) == 25
    assert {len(q.areas_for_improvement) for q in report.questions} == {10}


def test_the_growth_table_shows_each_size_over_the_smallest(
        bench: tuple[ModuleType, ModuleType]) -> None:
    _scale, table = bench
    lines = table.scale_table({"rounds": 2, "clock": "CPU time", "series": [
        {"name": "pack", "format": "pdf", "unit": "question", "sizes": [25, 200, 400],
         "ms_per_unit": [16.5, 18.2, 19.0], "growth": [1.0, 1.1, 1.15]}]})
    assert lines[-1] == "| pack (25 to 400) | PDF | question | 16.5 | 1.10 at 200, 1.15 at 400 |"
    assert "CPU time, best of 2 rounds" in lines[0]
