"""The s.55 response and committee paper after editorial read 8-A, as a reader gets them.

Each fault the reader ranked, tested on the text of the PDF (pypdf), the DOCX
(python-docx, and as LibreOffice lays it out) and the HTML: the letter gives a
report deadline in its words only, never "passed", and the preparer's notes name
those passed by the preparation date (fault 1); the report's other calls to act,
not listed findings, quoted for the signer and the committee, never as entries
to answer (fault 2); a long findings table starts on the page of its lead-in,
its header repeated, instead of leaving half a page empty (fault 3); no "Response
due by" row in the letter (fault 4); a numbered lead-in never alone at a DOCX
page foot, "lead" said as the column says it, a cause of concern's lead through
its recommendations, "Recommendations" over several (faults 5, 6, 8, 9).
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date
from pathlib import Path

import docx
import pypdf
import pytest
from docread import document_text, norfolk_plan, rendered
from pagefill import convert_with_libreoffice

from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.sections.calls import untracked_calls
from peeldocs.sections.items import response_items

FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer (remove this part)"
PAPER_NOTES = "Before issuing: notes for the preparer (remove this part)"
BRIEFING = "The force should review its operational briefing and debriefing procedures."


def _cases(norfolk: Report, example: Report, document: str) -> dict[str, tuple[Report, Options]]:
    """The three cases the reader read: Norfolk with and without the plan, Exampleshire."""
    return {
        "norfolk-with-plan": (norfolk, dataclasses.replace(norfolk_plan(norfolk),
                                                           document=document)),
        "norfolk-no-plan": (norfolk, Options(document=document, published=date(2019, 5, 2),
                                             as_of=date(2019, 6, 10))),
        "exampleshire": (example, Options(document=document, as_of=date(2025, 4, 1))),
    }


# --- faults 1 and 4: the letter never says a deadline passed, nor when it was due ----------

@pytest.mark.parametrize("fmt", FORMATS)
def test_no_letter_admits_lateness_nor_gives_the_date_it_is_due_by(
        fmt: str, norfolk: Report, example: Report) -> None:
    for name, (report, options) in _cases(norfolk, example, "s55").items():
        text = document_text(report, options, fmt)
        letter = text[:text.index(NOTES)]
        said = re.sub(r"\{to be completed: [^}]*\}", "", letter)  # the signer's places: theirs
        # read 35: a report's deadline line says, plainly, when it has passed; nothing else does
        said = re.sub(r"The report’s deadline: [^;]*;\s*it has passed\s*\.", "", said)
        found = re.findall(r"\b(?:passed|overdue|late|lateness|missed)\b", said, re.IGNORECASE)
        assert not found, (name, found)
        assert "Response due by" not in letter and "due by" not in letter, name
        assert "Statutory basis Police Act 1996, section 55" in letter, name


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_preparer_learns_which_report_deadlines_had_passed(fmt: str, example: Report) -> None:
    text = document_text(example, Options(document="s55", as_of=date(2025, 4, 1)), fmt)
    notes = text[text.index(NOTES):]
    assert ("By 1 April 2025, when this response was prepared, the deadlines the report set for "
            "these findings had passed. The letter gives each deadline and "
            "says it has passed: say in each response what was done by that date, or "
            "what remains to be done:") in notes
    for line in ("Recommendation 1 (Responding to the public) (A4-REC-1): “within six months” "
                 "(that is, by 12 March 2025, six months from publication)",
                 "Recommendation 4 (Investigating crime) (A5-REC-3): immediately (report "
                 "published 12 September 2024)"):
        assert line in notes
    # one passed ("immediately", a week after publication): said of it alone
    week = document_text(example, Options(document="s55", as_of=date(2024, 9, 20)), fmt)
    assert ("By 20 September 2024, when this response was prepared, the deadline the report set "
            "for this finding had passed. The letter gives the deadline and "
            "says it has passed") in week
    assert "(A5-REC-3): immediately" in week and "(A4-REC-1): “within" not in week
    # on the day of publication none has passed: the notes say nothing of it
    first = document_text(example, Options(document="s55", as_of=date(2024, 9, 12)), fmt)
    assert "when this response was prepared, the deadline" not in first


# --- fault 2: the report's other calls to act, for the signer and the committee -------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_s55_notes_quote_the_reports_other_calls_to_act_for_the_signer(
        fmt: str, norfolk: Report, example: Report) -> None:
    calls = untracked_calls(norfolk)
    assert BRIEFING in [c.sentence for c in calls]
    for name, (report, options) in _cases(norfolk, example, "s55").items():
        text = document_text(report, options, fmt)
        letter, notes = text[:text.index(NOTES)], text[text.index(NOTES):]
        if report is example:  # it makes no such call: nothing is said
            assert "The report also says" not in text
            continue
        assert BRIEFING not in letter, name  # never an entry of the letter to answer
        assert letter.count("Reference ") == len(response_items(report)), name
        assert ("The report also says, in the text of its findings, that the force should act on "
                "these three points, which it does not list as recommendations, causes of "
                "concern or areas for improvement. The letter does not answer them: decide "
                "whether to respond to any, for example in the comments on the report:") in notes
        assert f"Question 5, ‘Working with others’: “{BRIEFING}”" in notes, name
        for call in calls:  # each verbatim, once, with where it is (and what it points to)
            assert notes.count(f"“{call.quote}”") == 1, call.quote


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_paper_names_them_after_its_findings_table(
        fmt: str, norfolk: Report, example: Report) -> None:
    for name, (report, options) in _cases(norfolk, example, "committee").items():
        text = document_text(report, options, fmt)
        body = text[:text.index(PAPER_NOTES)]
        if report is example:
            assert "The report also says" not in body
            continue
        section = body[body.index("6. Findings"):body.index("7. How progress")]
        # with a plan, 6.3 gives what it records of each item, under the table too
        number = "6.4" if options.plan is not None else "6.3"
        said = section.index(f"{number} The report also says, in the text of its findings")
        assert section.index("E-2017-AFI-1") < said, name  # after the table
        assert re.search(r"so the findings table does not hold them\. The (committee|Police and "
                         r"Crime Panel) may wish to ask the chief constable whether the force "
                         r"will respond to them:", section), name
        assert f"Question 5, ‘Working with others’: “{BRIEFING}”" in section, name
        assert section.count(BRIEFING) == 1, name


# --- fault 3: a long findings table starts on its lead-in's page, header repeated ----------

def test_the_norfolk_findings_table_starts_under_its_lead_in_not_a_page_later(
        norfolk: Report) -> None:
    for options in (Options(document="committee", published=date(2019, 5, 2),
                            as_of=date(2019, 6, 10)),
                    dataclasses.replace(norfolk_plan(norfolk), document="committee")):
        pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(
            rendered(norfolk, options, "pdf"))).pages]
        # paragraph 6.2 itself, at a line's start: 2.4 refers to it by number (read 24-C)
        lead = next(i for i, p in enumerate(pages) if re.search(r"^6\.2\s", p, re.M))
        # the lead-in, its table's header and its first row share the page with 6.2
        assert "Report text (verbatim)" in pages[lead] and "E5-REC-1" in pages[lead]
        # the table ends there, or splits: its header repeated on the next page, with the rest
        rest = pages[lead].split("Report text (verbatim)", 1)[1]
        assert "E-2017-AFI-1" in rest or (
            "Report text (verbatim)" in pages[lead + 1] and "E-2017-AFI-1" in pages[lead + 1])


# --- fault 5 (and 6, 8, 9): the committee paper's words and its DOCX layout ----------------

def test_a_numbered_lead_in_ending_in_a_colon_keeps_with_what_follows(
        norfolk: Report, tmp_path: Path) -> None:
    options = Options(document="committee", published=date(2019, 5, 2), as_of=date(2019, 6, 10))
    data = rendered(norfolk, options, "docx")
    document = docx.Document(io.BytesIO(data))
    leads = [p for p in document.paragraphs if re.match(r"\d+\.\d+\t", p.text)
             and p.text.rstrip().endswith(":")]
    assert any("quoted verbatim:" in p.text for p in leads)
    for paragraph in leads:
        assert paragraph.paragraph_format.keep_with_next, paragraph.text
    # as LibreOffice lays it out: no page ends on a lead-in
    path = tmp_path / "paper.docx"
    path.write_bytes(data)
    pdf = convert_with_libreoffice([path], tmp_path)[path]
    for page in pypdf.PdfReader(pdf).pages:
        lines = [line for line in page.extract_text().splitlines()
                 if line.strip() and not re.match(r"(Page \d+ of \d+|Norfolk Constabulary ·)",
                                                  line.strip())]
        assert lines and not lines[-1].rstrip().endswith("verbatim:"), lines[-1:]


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_word_for_who_leads_as_the_column_says_it(fmt: str, norfolk: Report,
                                                       example: Report) -> None:
    cases = _cases(norfolk, example, "committee")
    for name in ("norfolk-no-plan", "exampleshire"):
        text = document_text(*cases[name], fmt)
        assert "Lead" in text and "will have a lead" in text, name
        assert "will have an owner" not in text, name
    planned = document_text(*cases["norfolk-with-plan"], fmt)
    assert "Owner / lead" in planned
    assert ("6.2 Owners and leads are those the force’s action plan records") in planned


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_cause_of_concern_has_one_lead_and_its_dates_through_its_recommendations(
        fmt: str, example: Report) -> None:
    """Read 19-P: one accountable lead, as the pack's table asks one owner; its dates are its
    recommendations' (below), never a second set."""
    text = document_text(example, Options(document="committee", as_of=date(2025, 4, 1)), fmt)
    table = text[text.index("Finding Report text (verbatim)"):text.index("7. How progress")]
    for ref, recs in (("A4-COC-1", "See A4-REC-1"), ("A5-COC-1", "See A5-REC-1, A5-REC-2 and "
                                                                 "A5-REC-3")):
        row = table[:table.index(f" {ref}")].rsplit("Cause of concern", 1)[1]
        assert "To be confirmed" in row and recs in row, ref  # by reference (read 34)
        assert "{to be completed: the lead}" not in row, ref
    # every finding: no plan records its lead, said so (read 12), nothing left to write
    assert table.count("To be confirmed") >= len(response_items(example))
    assert "Findings and who leads each:" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_several_recommendations_are_headed_in_the_plural(fmt: str, norfolk: Report,
                                                          example: Report) -> None:
    for name, (report, options) in _cases(norfolk, example, "committee").items():
        text = document_text(report, options, fmt)
        assert "2. Recommendations to the committee 2.1" in text, name
    data = rendered(*_cases(norfolk, example, "committee")["norfolk-with-plan"], "docx")
    headings = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs
                if p.style is not None and p.style.name == "Heading 2"]
    assert "2. Recommendations to the committee" in headings
