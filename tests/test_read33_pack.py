"""The briefing pack's content as the read-33 editor found it, read back as readers get it.

The editor read all three packs (Norfolk with a plan, Norfolk without, the constructed
Exampleshire assessment) in PDF, DOCX laid out by LibreOffice and HTML, and found: a
paragraph saying what the pack is (the cover says it) between "In brief" and the asks;
the inspectorate's own summary last, after the figures chart; the action plan's
preamble so long that its table started with two rows; Exampleshire's ask quoting one
recommendation whole where the others are phrases; its listed practice counted but not
quoted in the summary; and a chart of one pair of bars.  These tests read the documents
(PDF text, DOCX through LibreOffice, HTML text) for what replaced each.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docread import rendered, review_options, text_of
from pagefill import convert_with_libreoffice

FORMATS = ("pdf", "docx", "html")
CASES = ("norfolk-plan", "norfolk", "example")


def _text(case: str, fmt: str) -> str:
    report, options = review_options(case, "pack")
    return " ".join(text_of(rendered(report, options, fmt), fmt).split())


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", CASES)
def test_the_asks_follow_in_brief_and_the_inspectorate_follows_the_judgments(
        case: str, fmt: str) -> None:
    text = _text(case, fmt)
    brief = text.index("In brief:")
    asks = text.index("The chief officer group is asked", brief)
    assert "This pack summarises" not in text
    # only the assessment's one line on its grades lies between (no overall grade)
    between = text[brief:asks]
    assert "It sets out the judgments" not in between and "The pack sets out" not in between
    judged = "Grades by area" if case == "example" else "Judgments by question"
    said = "HM Inspector’s summary" if case == "example" else "What the inspectorate said"
    at = text.index(judged, asks)
    assert asks < at < text.index(said, at) < text.index("Findings to act on", at)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_example_quotes_a_phrase_for_each_ask_its_practice_and_its_one_figure(
        fmt: str) -> None:
    text = _text("example", fmt)
    text = re.sub(r" ([,).;:])", r"\1", text)  # as a browser joins spans
    start = text.index("The chief officer group is asked")
    asks = text[start:text.index("Grades by area", start)]
    for phrase in ("“every investigation has a documented supervisory review”",
                   "“the victim’s wishes are recorded”",
                   "“stop closing crimes of domestic abuse without a supervisor’s review”",
                   "“answers at least 90 percent of emergency calls within 10 seconds”"):
        assert phrase in asks, phrase
    assert "“The force should" not in asks
    summary = text[start:text.index("Findings by area", text.index("Key figure compared", start))]
    assert "A6-IPP-1, ‘Protecting vulnerable people’: “Innovative practice: a mental health " \
        "nurse works in the control room at peak times (constructed example).”" in summary
    assert "Key figure compared Emergency calls answered within 10 seconds (‘Responding to the " \
        "public’): 71.2%, against the national standard of 90%, as stated in the report." \
        in summary
    assert "Key figures compared" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_addressed_earlier_finding_says_what_it_was_about(fmt: str) -> None:
    text = _text("norfolk-plan", fmt).replace(" .", ".")
    assert "E-2017-AFI-2 2017 area for improvement: “[The area for improvement] concerned " \
        "[the force’s] use of domestic violence protection notices and orders (DVPNs and " \
        "DVPOs) and Clare’s Law. …” Outcome: addressed." in text
    assert "described in this question’s findings" not in text


def _plan_first_page(pdf: Path) -> str:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        texts = [page.extract_text() or "" for page in document.pages]
    (first,) = [t for t in texts if "Illustrative action plan" in t]  # read 35: key at the foot
    return first


def test_the_plan_table_starts_with_three_rows_in_the_pdf_and_the_docx(tmp_path: Path) -> None:
    """Read 33: about 15 lines of preamble left two rows on the plan's first page."""
    report, options = review_options("norfolk-plan", "pack")
    pdf = tmp_path / "pack.pdf"
    pdf.write_bytes(rendered(report, options, "pdf"))
    docx = tmp_path / "pack.docx"
    docx.write_bytes(rendered(report, options, "docx"))
    laid_out = convert_with_libreoffice([docx], tmp_path / "lo")[docx]
    for name, path in (("pdf", pdf), ("docx", laid_out)):
        page = _plan_first_page(path)
        table = page[page.index("Latest update"):]  # the rows, after the table's header
        rows = [ref for ref in ("E-2017-AFI-1", "E2-AFI-2", "E5-REC-1", "E2-AFI-1", "E2-AFI-3")
                if re.search(rf"^{ref} ", table, re.M)]
        assert len(rows) >= 3, (name, rows)
        assert "The table below has five rows" not in page  # the first sentence names the row
