"""Editors' findings on the pack, brief and comparison, read back as a reader gets them.

Pointers to findings quoted elsewhere are plain and short; a badge does not repeat its grade
in a note; "In brief" names findings in words and each once; the brief counts as "more" only
findings it does not quote; the comparison's cycle intro describes the table it introduces;
the DOCX keeps a short table of earlier findings whole.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import docx
import pytest
from docread import text_of

import peeldocs
from peeldocs.model import Report
from peeldocs.options import Options

ROOT = Path(__file__).resolve().parent.parent
NORFOLK = ROOT / "data" / "norfolk-2018-effectiveness.yaml"
EXAMPLE = ROOT / "examples" / "exampleshire-2023-25-assessment.yaml"
PLAN = ROOT / "examples" / "norfolk-2018-action-plan.yaml"
COMPARE = sorted((ROOT / "tests" / "fixtures" / "compare").glob("*.csv"))
FORMATS = ("pdf", "docx", "html")
PUBLISHED = date(2019, 5, 2)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _text(report: Report, options: Options, fmt: str) -> str:
    return " ".join(text_of(peeldocs.render(peeldocs.build_pack(report, options), fmt,
                                            options), fmt).split())



@pytest.fixture(scope="module")
def with_plan(norfolk: Report) -> Options:
    as_of = date(2019, 10, 15)
    plan = peeldocs.load_plan(PLAN, norfolk, as_of=as_of, published=PUBLISHED)
    return Options(plan=plan, as_of=as_of, published=PUBLISHED)


@pytest.mark.parametrize("fmt", ("pdf", "docx"))
def test_question_sections_point_to_quoted_findings_in_words(norfolk: Report,
                                                             fmt: str) -> None:
    text = _text(norfolk, Options(as_of=date(2019, 6, 10), published=PUBLISHED), fmt)
    assert "E2-AFI-1 to E2-AFI-3 are quoted in the executive summary." in text
    assert "Its three areas" not in text  # read 25-P: "Its" had no antecedent
    assert "are quoted in full in the executive summary" not in text
    # the action plan's pointer is one short sentence
    assert ("The findings are quoted in the executive summary and the findings by question, "
            "under the same references.") in text
    assert "under the reference in the first column" not in text
    # an ungraded question's badge says so once
    assert "Ungraded in this inspection" not in text


@pytest.mark.parametrize("fmt", ("pdf", "docx"))
def test_in_brief_says_an_overdue_finding_once_in_words(norfolk: Report, with_plan: Options,
                                                        fmt: str) -> None:
    text = _text(norfolk, with_plan, fmt)
    opening = text[text.index("In brief:"):text.index("The chief officer group is asked")]
    # the reference follows the finding it names (read 25-P); how late the plan's action is,
    # the decision on it says just below, so In brief does not say it too (read 33)
    assert ("not made enough progress on the 2017 area for improvement (E-2017-AFI-1), reconsidered "
            "under question 2.") in opening
    assert opening.count("E-2017-AFI-1") == 1
    assert "overdue" not in opening
    start = text.index("The chief officer group is asked")
    asks = text[start:text.index("Judgments by question", start)]
    assert "30 September 2019, overdue by 15 days: set a new target date or escalate" in asks


def test_in_brief_leaves_the_passed_deadlines_to_the_asks_that_name_them() -> None:
    example = peeldocs.load_report(EXAMPLE)
    text = _text(example, Options(as_of=date(2025, 4, 1)), "pdf")
    opening = text[text.index("In brief:"):text.index("The chief officer group is asked")]
    # read 33: the asks just below name each, with what it asks; In brief does not list them
    assert "deadlines set by the report have passed" not in opening
    assert "A5-REC-1" not in opening and "A4-REC-1" not in opening
    start = text.index("The chief officer group is asked")
    asks = text[start:text.index("Grades by area", start)]
    assert "each of the four recommendations below, all past their deadlines" in asks
    # read 36: in the order their deadlines fell, as "Deadlines and what is due next" lists them
    assert asks.index("A5-REC-3") < asks.index("A5-REC-1") < asks.index("A4-REC-1") < \
        asks.index("A5-REC-2")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_brief_counts_as_more_only_findings_it_does_not_quote(
        norfolk: Report, with_plan: Options, fmt: str) -> None:
    options = Options(document="brief", plan=with_plan.plan, as_of=with_plan.as_of,
                      published=PUBLISHED)
    text = _text(norfolk, options, fmt)
    # read 25-B: the page quotes none of the three whole (what the report now asks on the
    # overdue 2017 finding has the room), so counts all three; the decisions name the one
    # to allocate by its opening words
    joined = re.sub(r"\( ", "(", re.sub(r" (?=[,;).])", "", text))  # as a browser joins spans
    assert "Plan: no owner, due 1 November 2019." in joined  # read 31-B: on its line
    # read 30-B: every one quoted on the page, to a short clause, so none is counted as more
    assert "E2-AFI-2, whose target is 1 November 2019" in joined  # read 32: by reference
    assert "Area for improvement (E2-AFI-2): “The force should improve how it allocates crime" \
        in joined
    assert "listed verbatim in the briefing pack" not in text
    assert "Two more areas for improvement are listed" not in text


@pytest.fixture(scope="module")
def comparison(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("compare")
    options = Options(as_of=date(2023, 11, 14))
    pack = peeldocs.compare([*COMPARE, NORFOLK], focus="Norfolk", options=options)
    paths = {}
    for fmt in ("pdf", "docx"):
        paths[fmt] = out / f"comparison.{fmt}"
        paths[fmt].write_bytes(peeldocs.render(pack, fmt, options))
    return paths


def test_the_cycle_intro_describes_the_table_it_introduces(comparison: dict[str, Path]) -> None:
    text = " ".join(text_of(comparison["pdf"].read_bytes(), "pdf").split())
    # said as a writer would, not as the tool builds the table (read 31-X)
    assert "compares the PEEL 2018/19 grades of 43 forces, pillar by pillar." in text
    assert "one column for each" not in text and "pillar or question" not in text
    assert "compares the PEEL 2021/22 grades of 43 forces, area by area." in text


def test_the_docx_keeps_the_short_table_of_earlier_findings_whole(
        comparison: dict[str, Path]) -> None:
    document = docx.Document(io.BytesIO(comparison["docx"].read_bytes()))
    (table,) = [t for t in document.tables
                if t.rows[0].cells[0].text == "Revisited in"]
    rows = table._tbl.findall(f"{W}tr")
    assert len(rows) == 5
    for row in rows[:-1]:  # Word keeps a row with the next through its paragraphs
        paragraphs = row.findall(f".//{W}p")
        assert paragraphs and all(p.find(f"{W}pPr/{W}keepNext") is not None
                                  for p in paragraphs)
