"""Read 31-X: the comparison, as its readers get it.

31-X 1. Each cycle's section opens as a writer would say it ("compares the PEEL 2018/19
     grades of 43 forces, pillar by pillar"), not as the tool builds the table ("one
     column for each pillar graded for more than one force").
31-X 2. The published report's summary point is two: its grades, then its findings.
31-X 3. In the PDF a cycle's words follow the last cycle's table on its page (a turn to
     landscape still starts a page), so no page is left half empty before them.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from docread import review_comparison, text_of
from pagefill import pages

FORMATS = ("pdf", "docx", "html")


def _text(fmt: str) -> str:
    return " ".join(text_of(review_comparison(fmt), fmt).replace("•", " ").split())


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_cycle_opens_as_a_writer_would_say_it(fmt: str) -> None:
    text = _text(fmt)
    assert "This section compares the PEEL 2018/19 grades of 43 forces, pillar by pillar." in text
    assert "This section compares the PEEL 2021/22 grades of 43 forces, area by area." in text
    assert "one column for each" not in text and "graded for more than one force" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_published_reports_point_is_its_grades_then_its_findings(fmt: str) -> None:
    text = _text(fmt)
    grades = ("In PEEL 2018/19, the published report “Norfolk PEEL 2018” graded Norfolk good for "
              "effectiveness, but requires improvement for effectiveness question 2 (“How "
              "effective is the force at investigating crime and reducing re-offending?”).")
    findings = "The report set three areas for improvement and no causes of concern."
    assert f"{grades} {findings}" in text  # two points, one after the other
    assert "). It set three areas" not in text



def test_a_cycle_follows_the_last_on_its_page_and_no_page_is_left_half_empty(
        tmp_path: Path) -> None:
    # before read 31 the 2018/19 table's last rows and note left page 7 0.41 full and the
    # 2021/22 counts page 9 0.51, each section of a cycle starting a page: 18 pages
    path = tmp_path / "comparison.pdf"
    path.write_bytes(review_comparison("pdf"))
    found = pages(path)
    texts = [" ".join((p.extract_text() or "").split())
             for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages]
    # read 35: each part of the body starts a page (no heading at a page's foot); the
    # 43-force tables are an appendix, its portrait table run on within it
    assert len(found) <= 17, len(found)
    # between the contents and the last page, every page nearly half full or more but the
    # one closing "What was compared" (its "What is missing" list before the body starts)
    middle = [p for p in found[2:-1] if "What is missing" not in texts[p.number - 1]]
    assert all(p.fullness >= 0.45 for p in middle), [(p.number, p.fullness) for p in middle]
