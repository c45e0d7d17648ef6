"""Any valid grade table builds a comparison whose every cell and position is worded."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lxml_html

import peeldocs
from peeldocs.build.registry import render
from peeldocs.model.forces import all_forces

FORCES = [f.short_name for f in all_forces()]
CYCLES = {"2016": ["effectiveness", "efficiency", "legitimacy"],
          "2018-19": ["effectiveness", "efficiency"],
          "2021/22": ["Investigating crime", "Responding to the public"],
          "2023–25": ["Investigating crime", "Protecting vulnerable people"]}
FOUR = ["Outstanding", "good", "Requires Improvement", "inadequate"]
NO_GRADE = ["ungraded", "not yet graded", "not inspected", "not graded", ""]


@st.composite
def row(draw: st.DrawFn) -> list[str]:
    cycle = draw(st.sampled_from(sorted(CYCLES)))
    what = draw(st.sampled_from(CYCLES[cycle]))
    five = cycle.startswith("202")
    pillar, question = ("", what) if five else (what, draw(st.sampled_from(["", "1", "2"])))
    grades = [*FOUR, "adequate"] if five else FOUR
    if draw(st.booleans()):
        return [draw(st.sampled_from(FORCES)), cycle, pillar, question,
                draw(st.sampled_from(grades)), draw(st.sampled_from(["", "graded"]))]
    return [draw(st.sampled_from(FORCES)), cycle, pillar, question, "",
            draw(st.sampled_from(NO_GRADE))]


@given(rows=st.lists(row(), min_size=1, max_size=40), focus=st.booleans())
def test_any_valid_table_builds_with_every_cell_worded(rows: list[list[str]], focus: bool,
                                                       tmp_path_factory: pytest.TempPathFactory) -> None:
    seen: dict[tuple[str, ...], list[str]] = {}
    for r in rows:  # one row per force and column: a conflicting duplicate is an error
        seen.setdefault(tuple(r[:4]), r)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["force", "cycle", "pillar", "question", "grade", "status"])
    writer.writerows(seen.values())
    path = tmp_path_factory.mktemp("t") / "t.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    first = next(iter(seen.values()))[0]
    pack = peeldocs.compare([path], focus=first if focus else None)
    page = lxml_html.fromstring(render(pack, "html"))
    assert all(cell.text_content().strip() for cell in page.xpath("//td | //th"))
    text = " ".join(page.text_content().split())
    assert "What is missing" in text
    if focus:  # followed across cycles where that says more than its one cycle's section
        sections = [s.name for s in pack.sections]
        cycles = {r[1] for r in seen.values() if r[0] == first}
        forces = {r[0] for r in seen.values()}
        assert ("across" in sections) == (len(cycles) > 1 or len(forces) == 1)
    render(pack, "markdown")
