"""Read 31-C: the committee paper, as its readers get it in every format.

31-C 1. When the 56-day section 55 period has passed by the paper's date, section 2
     asks the committee to note that the comments were due, and says plainly that
     whether they were published is still to be completed: never that they were late,
     which the data cannot show.  Section 7 points to that paragraph, not a second place.
31-C 2. As LibreOffice lays out the DOCX, no page ends with a numbered section heading
     ("4. The judgments" was left alone at the foot of page 1 with the plan).
31-C 3. The paper's own recommendations are headed "Recommendation(s) to the committee",
     never a bare "Recommendations" beside the inspectorate's.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pdfplumber
import pytest
from docread import REVIEW_CASES, document_text, rendered, review_options
from pagefill import BOTTOM, TOP, convert_with_libreoffice

FORMATS = ("pdf", "docx", "html")
ASKS = re.compile(r"2\. Recommendations? to the committee (.*?) 3\. Background")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_passed_s55_deadline_is_raised_in_section_2_without_claiming_lateness(
        fmt: str) -> None:
    seen = set()
    for case in REVIEW_CASES:
        report, options = review_options(case, "committee")
        text = document_text(report, options, fmt)
        match = ASKS.search(text)
        assert match, case
        asks = match.group(1)
        passed = "were due by" in text
        seen.add(passed)
        if passed:  # Norfolk with its plan (15 October 2019) and the example (1 April 2025)
            # read 33: the ask is an ask, with no form field; the duty and the date published
            # are in 7.2, said once
            # read 35-C: a conditional ask, never to establish what the author can state
            said = re.search(r"2\.\d+ The committee is asked to note that the comments of "
                             r".*? were due by \d+ \w+ \d{4}, \d+ days before the date of this "
                             r"paper, and to note the date they were published \(paragraph "
                             r"(7\.\d)\) or, if they have not yet been published, to ask when "
                             r"they will be\.",
                             asks)
            assert said, case
            assert "section 55" not in asks and "Date published" not in asks, case
            assert re.search(rf"{re.escape(said.group(1))} The comments of .*? were due by \d+ "
                             r"\w+ \d{4}: 56 days beginning with the day of publication \(Police "
                             r"Act 1996, section 55\)\. Date published: \{to be completed: the "
                             r"date they were published, or “not yet published”\}", text), case
            assert f"Paragraph {said.group(1)}: the date they were published" in text, case
        else:  # Norfolk without a plan, 10 June 2019: still ahead
            assert ("are due by 26 June 2019, 16 days after the date of this paper (Police Act "
                    "1996, section 55).") in asks, case
        for claim in ("late", "not published", "has not been published", "were not"):
            assert not re.search(rf"\b{claim}\b", asks.replace("“not yet published”", "")), case
    assert seen == {True, False}


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_papers_own_recommendations_say_whose_they_are(fmt: str) -> None:
    for case in REVIEW_CASES:
        text = document_text(*review_options(case, "committee"), fmt)
        assert re.search(r"2\. Recommendations? to the committee 2\.1 The committee is asked",
                         text), case
        assert not re.search(r"\d\. Recommendations?(?! to the committee)\b", text), case


HEADING = re.compile(r"^\d+\. [A-Z][^.]*$")  # "4. The judgments", never "4.1 The …"


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (Debian libreoffice-writer-nogui) is not installed")
@pytest.mark.xdist_group("libreoffice")
def test_no_page_ends_with_a_section_heading_as_libreoffice_lays_it_out(tmp_path: Path) -> None:
    papers = []
    for case in REVIEW_CASES:
        papers.append(tmp_path / f"{case}.docx")
        papers[-1].write_bytes(rendered(*review_options(case, "committee"), "docx"))
    for paper, pdf in convert_with_libreoffice(papers, tmp_path / "lo").items():
        with pdfplumber.open(pdf) as laid_out:
            for number, page in enumerate(laid_out.pages, start=1):
                body = page.crop((0, TOP, page.width, page.height - BOTTOM)).extract_text()
                lines = [line.strip() for line in (body or "").splitlines() if line.strip()]
                assert lines, (paper.stem, number)
                assert not HEADING.match(lines[-1]), (paper.stem, number, lines[-1])
