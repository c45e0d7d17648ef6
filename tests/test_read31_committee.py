"""Read 31-C: the committee paper, as its readers get it in every format.

31-C 1. When the 56-day section 55 period has passed by the paper's date, section 2
     asks the committee to note that the comments were due, and says plainly that
     whether they were published is still to be completed: never that they were late,
     which the data cannot show.  Section 7 points to that paragraph, not a second place.
31-C 3. The paper's own recommendations are headed "Recommendation(s) to the committee",
     never a bare "Recommendations" beside the inspectorate's.
"""

from __future__ import annotations

import re

import pytest
from docread import REVIEW_CASES, document_text, review_options

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
            said = re.search(r"(2\.\d+) The committee is asked to note that the comments of .*? "
                             r"were due by \d+ \w+ \d{4} \(Police Act 1996, section 55\)\. "
                             r"Date published: \{to be completed: the date they were published, "
                             r"or “not yet published”\}", asks)
            assert said, case
            assert f"Paragraph {said.group(1)} says whether they were published." in text, case
            assert f"Paragraph {said.group(1)}: the date they were published" in text, case
        else:  # Norfolk without a plan, 10 June 2019: still ahead
            assert "are due by 26 June 2019 (Police Act 1996, section 55)." in asks, case
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
