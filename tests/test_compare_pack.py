"""Comparison packs, read back as a reader gets them, in every format.

The grade tables are constructed (tests/fixtures/compare/README.md); expected
counts are computed from the table here, not written into the test.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

import docx
import pikepdf
import pypdf
import pytest
from lxml import html as lxml_html
from pdfread import fold
from test_compare_io import AREAS_2021, PILLARS_2018
from test_pdf_tagging import check_pdf_ua

import peeldocs
from peeldocs.build.registry import render
from peeldocs.comparisons.common import position_sentence
from peeldocs.comparisons.model import Column, ComparisonSet, GradeEntry, position
from peeldocs.model import Force, Grade, Judgment, Status

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def expected_position() -> str:
    """Norfolk's effectiveness position in 2018/19, counted straight from the CSV."""
    with PILLARS_2018.open(encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["pillar"].strip().lower() == "effectiveness"]
    grades = Counter(" ".join(r["grade"].lower().split()) for r in rows)
    norfolk = next(" ".join(r["grade"].lower().split()) for r in rows
                   if r["force"].strip() in ("Norfolk", "Norfolk Constabulary"))
    assert norfolk == "good"
    lower = grades["requires improvement"] + grades["inadequate"]
    return (f"Norfolk was one of {grades['good']} forces graded good for effectiveness in "
            f"2018/19; {grades['outstanding']} forces were graded outstanding, and {lower} were "
            f"graded lower ({grades['requires improvement']} requires improvement, "
            f"{grades['inadequate']} inadequate).")


@pytest.fixture(scope="module")
def forces43() -> dict[str, bytes]:
    pack = peeldocs.compare([PILLARS_2018, AREAS_2021], focus="Norfolk")
    return {fmt: render(pack, fmt) for fmt in ("pdf", "docx", "html", "markdown")}


def pdf_pages(data: bytes) -> list[tuple[str, bool]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [(fold(page.extract_text() or ""), page.mediabox.width > page.mediabox.height)
            for page in reader.pages]


def test_43_force_pdf_is_tagged_landscape_with_repeated_headers(forces43: dict[str, bytes]) -> None:
    pdf = pikepdf.open(io.BytesIO(forces43["pdf"]))
    by_tag = check_pdf_ua(pdf)
    assert len(by_tag["Table"]) >= 4 and by_tag["TH"]
    row_heads = [th for th in by_tag["TH"] if str(th.A.Scope) == "/Row"]
    assert len(row_heads) >= 3 * 43, "every force's name heads its row in each matrix"
    pages = pdf_pages(forces43["pdf"])
    matrix = [text for text, wide in pages if "Force Effectiveness Efficiency Legitimacy" in text]
    assert len(matrix) >= 2, "the 43-row matrix runs over pages with its header repeated"
    # read 21: three grade columns fit a portrait page (each about as wide as five on
    # landscape); only the nine areas' tables of grades by force need landscape pages
    assert not any(wide for text, wide in pages if "Force Effectiveness" in text)
    assert all(wide for text, wide in pages if "Force Engaging with" in text)
    assert not any(wide for text, wide in pages if "Where Norfolk stands in" in text)
    text = fold(" ".join(t for t, _wide in pages))
    for name in ("Avon and Somerset", "Metropolitan", "Wiltshire", "Norfolk (focus force)"):
        assert name in text
    assert f"Page 2 of {len(pages)}" in text and f"Page {len(pages)} of {len(pages)}" in text
    assert expected_position() in text


def test_43_force_docx_matrix_rows_cells_and_focus(forces43: dict[str, bytes]) -> None:
    document = docx.Document(io.BytesIO(forces43["docx"]))
    matrix = [t for t in document.tables if len(t.rows) == 44 and t.cell(0, 0).text == "Force"]
    assert len(matrix) == 3  # 2018/19 pillars, and 2021/22's ten areas in two tables
    pillars = matrix[0]
    assert [c.text for c in pillars.rows[0].cells] == ["Force", "Effectiveness", "Efficiency",
                                                        "Legitimacy"]
    assert pillars.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in pillars.rows[1:]}
    assert rows["Gwent"][2] == "Not in the data used"
    # an unknown never reads like a grade: it says there is none
    assert rows["Cumbria"][1] == "Not known: the data gives no grade"
    assert rows["Kent"][2].endswith("(carried over)")
    focus = next(r for r in pillars.rows if r.cells[0].text == "Norfolk (focus force)")
    assert all(run.bold for cell in focus.cells for p in cell.paragraphs for run in p.runs)
    assert all(c.text.strip() for t in matrix for r in t.rows for c in r.cells)
    sections = document.sections
    assert any(s.page_width > s.page_height for s in sections)
    body = "\n".join(p.text for p in document.paragraphs)
    assert expected_position() in " ".join(body.split())


def test_43_force_html_highlights_the_focus_row_with_row_headers(
        forces43: dict[str, bytes]) -> None:
    page = lxml_html.fromstring(forces43["html"])
    assert page.get("lang") == "en-GB"
    (focus, *_rest) = page.xpath("//tr[@class='highlight']")
    head = focus.xpath("./th[@scope='row']")[0]
    assert head.text_content() == "Norfolk (focus force)"
    assert all(cell.text_content().strip() for cell in page.xpath("//td"))
    # read 21: the nine areas' tables of grades by force only; the pillars' fit a portrait page
    (wide,) = page.xpath("//section[contains(@class, 'wide')]")
    assert "PEEL 2021/22: grades by force (part 1 of 2)" in wide.text_content()  # read 35
    assert "Where Norfolk stands" not in wide.text_content()
    assert expected_position() in " ".join(page.text_content().split())


def test_43_force_markdown_plugin_renders_the_same_pack(forces43: dict[str, bytes]) -> None:
    text = forces43["markdown"].decode()
    assert "| **Norfolk (focus force)** | **Good** |" in text
    assert text.count("| Force | Effectiveness | Efficiency | Legitimacy |") == 1


def _set(grades: dict[str, tuple[Status, Grade | None]]) -> ComparisonSet:
    column = Column("2016", "effectiveness", None)
    return ComparisonSet(tuple(
        GradeEntry(Force(n, n), column, Judgment(s, g), "t.csv") for n, (s, g) in grades.items()))


def test_position_below_the_top_with_nobody_higher_says_so_and_the_top_alone_says_none_lower(
        ) -> None:
    data = _set({"A": (Status.GRADED, Grade.GOOD), "B": (Status.GRADED, Grade.INADEQUATE)})
    column = data.entries[0].column
    good = position_sentence(position(data, Force("A", "A"), column, data.forces()),
                             "effectiveness")
    assert good.startswith("A was the only force graded good for effectiveness in 2016; no force "
                           "was graded higher, and 1 was graded lower (inadequate).")
    alone = _set({"A": (Status.GRADED, Grade.OUTSTANDING), "B": (Status.GRADED, Grade.OUTSTANDING)})
    top = position_sentence(position(alone, Force("A", "A"), column, alone.forces()),
                            "effectiveness")
    assert top.startswith("A was one of 2 forces graded outstanding for effectiveness in 2016; "
                          "no force was graded lower.")


def test_position_counts_ties_and_says_only_when_alone() -> None:
    good = (Status.GRADED, Grade.GOOD)
    data = _set({"A": (Status.GRADED, Grade.OUTSTANDING), "B": good, "C": good,
                 "D": (Status.CARRIED_OVER, Grade.GOOD), "E": (Status.UNGRADED, None)})
    column = data.entries[0].column
    forces = (*data.forces(), Force("F", "F"))
    top = position_sentence(position(data, Force("A", "A"), column, forces), "effectiveness")
    assert top.startswith("A was the only force graded outstanding for effectiveness in 2016; "
                          "3 were graded lower (all good).")
    # nothing is higher than the top of the scale: that goes without saying
    assert "no force was graded higher" not in top
    # the force left ungraded is told apart from the one the data used lacks
    assert top.endswith("4 of the 6 forces compared have a grade for this; "
                        "the data has nothing at all for F in 2016 and E was ungraded.")
    tie = position_sentence(position(data, Force("B", "B"), column, forces), "effectiveness")
    assert tie.startswith("B was one of 3 forces graded good for effectiveness in 2016; 1 force "
                          "was graded outstanding, and none lower.")
    carried = position_sentence(position(data, Force("D", "D"), column, forces), "effectiveness")
    assert carried.endswith("D’s grade was carried over.")  # never "not re-inspected": unknown
    none = position_sentence(position(data, Force("E", "E"), column, forces), "effectiveness")
    assert none.startswith("E has no grade for effectiveness in 2016 (ungraded).")
    missing = position_sentence(position(data, Force("F", "F"), column, forces), "effectiveness")
    assert missing.startswith("F: the data has no grade for effectiveness in 2016.")


def test_position_says_in_words_which_forces_are_ungraded_missing_or_unknown() -> None:
    """Issue 23: not "no grade or status for 1"; unknown is never taken for ungraded."""
    data = _set({"A": (Status.GRADED, Grade.GOOD), "B": (Status.UNGRADED, None),
                 "C": (Status.UNKNOWN, None), "D": (Status.UNKNOWN, None)})
    column = data.entries[0].column
    forces = (*data.forces(), Force("E", "E"))
    said = position_sentence(position(data, Force("A", "A"), column, forces), "effectiveness")
    assert said.endswith("1 of the 5 forces compared has a grade for this; "
                         "the data has nothing at all for E in 2016, B was ungraded and "
                         "2 forces (C and D) have no grade recorded (unknown, rather than "
                         "ungraded).")
    assert "grade or status" not in said


def test_rebuilds_are_byte_identical(forces43: dict[str, bytes]) -> None:
    again = peeldocs.compare([PILLARS_2018, AREAS_2021], focus="Norfolk")
    assert render(again, "pdf") == forces43["pdf"]
    assert render(again, "docx") == forces43["docx"]
