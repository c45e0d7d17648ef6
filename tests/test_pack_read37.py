"""Editorial read 35 of the briefing pack, fix round 37: what a reader of the pack gets.

The action plan's rows name each finding in the report's words, but an earlier finding's
fragment ("This was to ensure …") is given only in its marked form, so the report's
paragraph is quoted once; the preamble before the plan is short, with a compact RAG key;
overlapping findings are linked; statuses are said once or twice; the assessment's "In
brief" opens with the shape of its grades; and the s.55 line after the deadline is one
question.  Checked in the text of the PDF, the Word document and the HTML page.
"""

from __future__ import annotations

import pytest
from docread import browser_joins, rendered, review_options, text_of

FORMATS = ("pdf", "docx", "html")


def _pack(case: str, fmt: str) -> str:
    report, options = review_options(case, "pack")
    text = " ".join(text_of(rendered(report, options, fmt), fmt).split())
    return browser_joins(text) if fmt == "html" else text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_earlier_finding_s_row_gives_its_words_marked_not_requoted(fmt: str) -> None:
    text = _pack("norfolk-plan", fmt)
    plan = text[text.rindex("E-2017-AFI-1 2017 area for improvement, carried"):]
    assert "“[The area for improvement] was to ensure that [the force] put appropriate" in plan
    # the paragraph's own words, unmarked, only where the summary quotes it whole
    assert text.count("This was to ensure") == text.count(
        "gave the force an area for improvement. This was to ensure")
