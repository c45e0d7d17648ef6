"""Read 36: the s.55 response, as its editor read it in every format.

Each test reads what a reader gets (PDF text, DOCX text, HTML text, and the HTML as a
browser prints it) for the review cases: Norfolk with its illustrative plan (15 October
2019), Norfolk without one (10 June 2019) and the constructed Exampleshire (1 April 2025).
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pypdf
import pytest
from docread import document_text, rendered, review_options

from peeldocs.build.documents import untranslated_wording
from peeldocs.sections.lowest import question_topic

FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer"
Q2 = "Investigating crime and reducing re-offending"


def _s55(case: str, fmt: str) -> str:
    text = " ".join(document_text(*review_options(case, "s55"), fmt).split())
    text = re.sub(r" (?=[,.:;?)’])", "", text)  # HTML text joins inline runs with a space
    return text.split(NOTES, 1)[0]


# --- 1. the opening says what the answered findings sit under --------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_opening_gives_the_grade_the_answered_findings_sit_under(fmt: str) -> None:
    for case in ("norfolk", "norfolk-plan"):
        letter = _s55(case, fmt)
        assert ("The inspectorate judged Norfolk Constabulary to be good for effectiveness. Of the "
                "five findings this letter answers, four are on a question graded requires "
                f"improvement (question 2, {Q2}). Section 55") in letter, case
    letter = _s55("example", fmt)
    assert ("It gives no overall grade. Of the 13 findings this letter answers, ten are in areas "
            "graded inadequate (‘Investigating crime’) or requires improvement (‘Responding to "
            "the public’ and ‘Leadership and force management’).") in letter


# --- 2. a finding's heading names its question by what it asks about -------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_headings_name_the_question_by_its_topic(fmt: str) -> None:
    letter = _s55("norfolk-plan", fmt)
    findings = letter[letter.index("Response to each finding"):]
    assert "Recommendation (Specialist capabilities) Reference E5-REC-1" in findings
    for n in (1, 2, 3):
        assert f"Area for improvement {n} ({Q2}) Reference E2-AFI-{n}" in findings
    assert f"Area for improvement from 2017 ({Q2}) Reference E-2017-AFI-1." in findings
    assert not re.search(r"\((?:question|questions) \d\)", findings)
    # the question in full once, with no doubled stop, and named once in the reference line
    assert "?’." not in findings
    assert ("question 5: ‘How effective are the force’s specialist capabilities?’; set out in the "
            "report’s findings on that question.") in findings
    assert "findings on question 5" not in findings


def test_a_question_worded_otherwise_keeps_its_number() -> None:
    assert question_topic("How effective is the force at investigating crime and reducing "
                          "re-offending?") == Q2
    assert question_topic("How effective are the force’s specialist capabilities?") == \
        "Specialist capabilities"
    assert question_topic("How efficient is the force at planning for the future?") == \
        "Planning for the future"
    assert question_topic("How well does the force understand demand?") == ""


# --- 3. the letter's own words for a constructed report and its deadlines ---------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_constructed_letter_says_your_report_and_immediately_never_passes(fmt: str) -> None:
    letter = _s55("example", fmt)
    body = letter[letter.index("Dear HM Chief Inspector"):]
    assert "Your report grades Exampleshire Constabulary inadequate" in body
    assert "The constructed report" not in body
    assert "The report’s deadline: immediately (report published 12 September 2024). Action" \
        in body
    assert "immediately (report published 12 September 2024); it has passed" not in body


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_update_under_a_missed_target_names_the_target(fmt: str) -> None:
    letter = _s55("norfolk-plan", fmt)
    assert "under the earlier target date" not in letter
    assert ("Progress On 2 September 2019, when the target date was 30 September 2019, the "
            "force reported: “Example update.") in letter


def test_the_new_wording_has_welsh() -> None:
    for case in ("norfolk-plan", "norfolk", "example"):
        report, options = review_options(case, "s55")
        missing = " | ".join(untranslated_wording(report, dataclasses.replace(options,
                                                                             language="cy")))
        for new in ("findings this letter answers", "Your report", "when the target date was",
                    "on that question", "Investigating crime and"):
            assert new not in missing, (case, new, missing)


# --- 4. the file says whose it is -------------------------------------------------------------

def test_the_author_property_is_the_policing_body_where_known() -> None:
    for case in ("norfolk", "norfolk-plan"):
        report, options = review_options(case, "s55")
        pdf = pypdf.PdfReader(io.BytesIO(rendered(report, options, "pdf")))
        assert pdf.metadata is not None
        assert pdf.metadata.author == "Police and Crime Commissioner for Norfolk", case
        core = docx.Document(io.BytesIO(rendered(report, options, "docx"))).core_properties
        assert core.author == "Police and Crime Commissioner for Norfolk", case
    # a body the data does not name is not invented
    report, options = review_options("example", "s55")
    pdf = pypdf.PdfReader(io.BytesIO(rendered(report, options, "pdf")))
    assert not (pdf.metadata or {}).get("/Author")


# --- 5. the letter's pages in print --------------------------------------------------------------

def test_the_pdf_letter_keeps_its_four_pages() -> None:
    for case in ("norfolk", "norfolk-plan"):
        assert "Page 1 of 4" in _s55(case, "pdf"), case


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_the_printed_html_letter_takes_the_pdfs_pages(tmp_path: Path) -> None:
    report, options = review_options("norfolk-plan", "s55")
    page, printed = tmp_path / "s55.html", tmp_path / "s55.print.pdf"
    page.write_bytes(rendered(report, options, "html"))
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", f"--user-data-dir={tmp_path / 'profile'}",
                    f"--print-to-pdf={printed}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    pages = pypdf.PdfReader(str(printed)).pages
    # the notes are left out of print by default: the letter alone, on four pages, not five
    # with one 70% blank (read 36)
    assert len(pages) == 4
    assert "Yours sincerely" in (pages[-1].extract_text() or "")
