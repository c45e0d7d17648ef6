"""The s.55 response and the committee paper after editorial read 5, as a reader gets them.

Each test reads the text of the PDF (pypdf), the DOCX (python-docx) and the HTML
built from the review's inputs (the real Norfolk report with and without the
example plan, the constructed Exampleshire assessment) and from variations of
them, so the class of input is covered: a finding is numbered only when its
question or area has more than one of its kind, and every cross-reference
follows (fault 1); the references are said once, where first used, to be ours
(fault 4); the committee paper no longer counts sentences it cannot show (fault
2) nor, without a plan, promises a response and tracking it then says do not
exist (fault 3); the preparer's notes name the row of the table at the top that
every format shows, not the caption only the HTML shows (fault 8).  The Welsh
documents have the new wording in Welsh.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date
from typing import Any

import docx
import pytest
from docread import (
    browser_joins,
    html_text,
    norfolk_plan,
    rendered,
    synthetic_assessment,
    text_of,
)

import peeldocs
from peeldocs.build.documents import untranslated_wording
from peeldocs.model import CauseOfConcern, Finding, Report
from peeldocs.options import Options
from peeldocs.sections.s55_items import given_under, heading_number

FORMATS = ("pdf", "docx", "html")
PUBLISHED = date(2019, 5, 2)
S55_NOTES = "Before publishing: notes for the preparer (remove this part)"
PAPER_NOTES = "Before issuing: notes for the preparer (remove this part)"
OURS = "References such as {ref} are ours, for tracking."  # the letter's, shorter (read 19)
PAPER_OURS = "References such as {ref} are given for tracking; the report itself does not use them."
HEADING = re.compile(r"(?:Cause of concern|Recommendation|Area for improvement)(?: \d+)?"
                     r"(?: from [\d/]+)? \([^)]*\)(?= Reference)")


def _read(report: Report, options: Options, fmt: str) -> str:
    text = " ".join(text_of(rendered(report, options, fmt), fmt).split())
    text = browser_joins(text, "?,.:;)’") if fmt == "html" else text
    return re.sub(r" (?=[?,.:;)])", "", text)


def _s55(**extra: Any) -> Options:
    return Options(document="s55", published=PUBLISHED, as_of=date(2019, 6, 10),
                   **extra)  # type: ignore[arg-type]


def _paper(**extra: Any) -> Options:
    return Options(document="committee", published=PUBLISHED, as_of=date(2019, 6, 10),
                   **extra)  # type: ignore[arg-type]


def _planned(report: Report, document: str) -> Options:
    return dataclasses.replace(norfolk_plan(report), document=document)


def _example(document: str) -> Options:
    return Options(document=document, as_of=date(2025, 4, 1))


def _letter(text: str) -> str:
    return text[:text.index(S55_NOTES)]


def _entry(letter: str, ref: str) -> str:
    return letter.split(f"Reference {ref}")[1].split("Reference")[0]


def _heads(letter: str) -> list[str]:
    return HEADING.findall(letter)


def _with_causes(report: Report, question: int,
                 causes: tuple[CauseOfConcern, ...]) -> Report:
    return dataclasses.replace(report, questions=tuple(
        dataclasses.replace(q, causes_of_concern=causes) if q.number == question else q
        for q in report.questions))


# --- fault 1: numbered only where a question or area has more than one of a kind ------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_exampleshire_headings_each_differ_and_cross_references_follow(
        fmt: str, example: Report) -> None:
    """Found in review 5: two "Cause of concern 1", two "Recommendation 1", six "AFI 1".

    Read 24-S: one recommendation unnumbered beside "Recommendation 1 to 3" while the
    opening counts four: each kind is numbered across the report, so no number repeats.
    """
    letter = _letter(_read(example, _example("s55"), fmt))
    heads = _heads(letter)
    assert heads == [
        "Cause of concern 1 (Responding to the public)",
        "Recommendation 1 (Responding to the public)",
        "Cause of concern from 2021/22 (Responding to the public)",
        "Cause of concern 2 (Investigating crime)", "Recommendation 2 (Investigating crime)",
        "Recommendation 3 (Investigating crime)", "Recommendation 4 (Investigating crime)",
        "Area for improvement 1 (Police powers and public treatment)",
        "Area for improvement 2 (Responding to the public)",
        "Area for improvement 3 (Investigating crime)",
        "Area for improvement 4 (Protecting vulnerable people)",
        "Area for improvement 5 (Building, supporting and protecting the workforce)",
        "Area for improvement 6 (Leadership and force management)"]
    assert len(set(heads)) == len(heads)
    assert "Reference A4-REC-1; answers cause of concern 1 (A4-COC-1)." in letter
    for ref in ("A5-REC-1", "A5-REC-2", "A5-REC-3"):
        assert f"Reference {ref}; answers cause of concern 2 (A5-COC-1)." in letter
    assert ("The action on this cause of concern is given under recommendation 1 below."
            in _entry(letter, "A4-COC-1"))
    assert ("The action on this cause of concern is given under recommendations 2 to 4 below."
            in _entry(letter, "A5-COC-1"))
    # the numbers match the opening's counts: four recommendations, six areas for improvement
    assert "its four recommendations and its six areas for improvement" in letter


def test_exampleshire_docx_and_html_headings_are_unique(example: Report) -> None:
    """The DOCX navigation pane and the HTML outline list each finding once, distinctly."""
    options = _example("s55")
    built = peeldocs.build_pack(example, options)
    paras = docx.Document(io.BytesIO(peeldocs.render(built, "docx", options))).paragraphs
    threes = [p.text for p in paras if p.style.name == "Heading 3"
              and re.match(r"(Cause|Recommendation|Area|Earlier) ", p.text)]
    _text, headings = html_text(peeldocs.render(built, "html", options))
    html_threes = [h.strip() for h in headings if re.match(r"(Cause|Recommendation|Area|"
                                                           r"Earlier) ", h.strip())]
    for found in (threes, html_threes):
        assert len(found) == 13 and len(set(found)) == 13, found


@pytest.mark.parametrize("fmt", FORMATS)
def test_norfolk_numbers_its_three_areas_for_improvement_and_nothing_else(
        fmt: str, norfolk: Report) -> None:
    for options in (_s55(), _planned(norfolk, "s55")):
        text = _read(norfolk, options, fmt)
        assert [h.split(" (")[0] for h in _heads(_letter(text))] == [
            "Recommendation", "Area for improvement 1", "Area for improvement 2",
            "Area for improvement 3", "Area for improvement from 2017"]
        # read 35: the heading by number, the question in full under it, once
        assert ("Recommendation (Specialist capabilities) Reference E5-REC-1; question 5: ‘How effective are "
                "the force’s specialist capabilities?’; set out in the report’s findings") in text
        assert "Area for improvement from 2017 (Investigating crime and reducing re-offending) Reference E-2017-AFI-1." in text
    # the preparer's notes still count each response once, by its own heading
    notes = _read(norfolk, _planned(norfolk, "s55"), fmt).split(S55_NOTES)[1].replace("• ", "")
    for line in ("Response to each finding: the action taken or planned, or why no action is proposed (2 of the 5 findings)",
                 "Response to each finding: the owner, or delete this row if no action is proposed (2 of the 5 findings)",
                 "Response to each finding: the target date, or delete this row if no action is proposed (2 of the 5 findings)",  # one not allocated
                 "Response to each finding: the new target date (1 of the 5 findings)"):
        assert line in notes, line


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbers_follow_the_count_in_each_question_for_any_report(fmt: str,
                                                                 norfolk: Report) -> None:
    """A question with one cause and one recommendation, another with two causes: the class."""
    one = (CauseOfConcern("T1-COC-1", "Synthetic cause of concern for a test.",
                          (Finding("T1-REC-1", "Synthetic recommendation for a test."),)),)
    two = (CauseOfConcern("T3-COC-1", "Synthetic cause of concern one for a test.",
                          (Finding("T3-REC-1", "Synthetic recommendation one for a test."),)),
           CauseOfConcern("T3-COC-2", "Synthetic cause of concern two for a test.",
                          (Finding("T3-REC-2", "Synthetic recommendation two for a test."),
                           Finding("T3-REC-3", "Synthetic recommendation three for a test."))))
    report = _with_causes(_with_causes(norfolk, 1, one), 3, two)
    letter = _letter(_read(report, _s55(), fmt))
    heads = _heads(letter)
    assert len(set(heads)) == len(heads)
    # numbered across the report (read 24-S): question 1's are the first of their kinds
    assert re.search(r"Cause of concern 1 \(Preventing crime, tackling anti-social behaviour and keeping "
                     r"people safe\) Reference T1-COC-1; question 1: ‘[^’]*’",
                     letter)
    assert "Reference T1-REC-1; answers cause of concern 1 (T1-COC-1)." in letter
    assert "given under recommendation 1 below." in _entry(letter, "T1-COC-1")
    assert re.search(r"Cause of concern 3 \(Protecting those who are vulnerable from harm, and supporting "
                     r"victims\) Reference T3-COC-2\.", letter)
    assert "Reference T3-REC-3; answers cause of concern 3 (T3-COC-2)." in letter
    assert "given under recommendation 2 below." in _entry(letter, "T3-COC-1")
    assert "given under recommendations 3 and 4 below." in _entry(letter, "T3-COC-2")
    # and the numbers reach the opening's counts
    assert "each of the report’s three causes of concern, its five recommendations" in letter


def test_an_assessment_with_two_of_a_kind_in_every_area_numbers_them_all() -> None:
    report = synthetic_assessment(afis_per_area=2)
    text = _read(report, Options(document="s55", as_of=date(2024, 2, 1)), "docx")
    heads = _heads(_letter(text))
    assert len(set(heads)) == len(heads)
    afis = [h for h in heads if h.startswith("Area for improvement")]
    # numbered across the report (read 24-S): 1 to 20, two in each of ten areas
    assert [h.split(" (")[0] for h in afis] == [f"Area for improvement {n}" for n in range(1, 21)]
    assert "Cause of concern 1 (Investigating crime)" in heads
    assert "Cause of concern 2 (Protecting vulnerable people)" in heads
    assert "given under recommendations 1 and 2 below." in text
    assert "given under recommendations 3 and 4 below." in text


def test_given_under_and_heading_number() -> None:
    assert heading_number("Recommendation 3 (Investigating crime)") == 3
    assert heading_number("Recommendation (question 5: Is it 2?)") is None
    assert heading_number("Area for improvement 12") == 12
    assert given_under(["Recommendation (Investigating crime and reducing re-offending)"]) == (
        "The action on this cause of concern is given under the recommendation below.")
    assert given_under(["Recommendation 4 (Investigating crime and reducing re-offending)"]).endswith("recommendation 4 below.")
    assert given_under(["Recommendation 1 (x)", "Recommendation 2 (x)", "Recommendation 3 (x)"]
                       ).endswith("recommendations 1 to 3 below.")
    assert given_under(["Recommendation 1 (x)", "Recommendation 3 (x)"]).endswith(
        "recommendations 1 and 3 below.")
    assert given_under(["Recommendation (x)", "Recommendation (y)"]).endswith(
        "given under its recommendations below.")


# --- fault 4: the references are ours, said once where first used ------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_s55_lead_in_says_the_references_are_ours_once(fmt: str, norfolk: Report,
                                                           example: Report) -> None:
    for report, options, ref in ((norfolk, _s55(), "E5-REC-1"),
                                 (norfolk, _planned(norfolk, "s55"), "E5-REC-1"),
                                 (example, _example("s55"), "A4-COC-1")):
        text = _read(report, options, fmt)
        said = OURS.format(ref=ref)
        assert text.count("References such as") == 1
        lead_in = text[text.index("Response to each finding Each finding is quoted"):]
        assert said in lead_in[:lead_in.index("Reference ")]  # before the first one shown
        first = re.search(r"Reference ([A-Z0-9-]+)", text)
        assert first is not None and first.group(1) == ref  # the first the letter shows


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_paper_says_so_in_2_1(fmt: str, norfolk: Report, example: Report) -> None:
    # read 35-C: said at the references' first use, in 2.1, and not again in 6.1
    for report, options, ref in ((norfolk, _paper(), "E5-REC-1"),
                                 (norfolk, _planned(norfolk, "committee"), "E5-REC-1"),
                                 (example, _example("committee"), "A4-COC-1")):
        text = _read(report, options, fmt)
        part = text[text.index("2.1 "):text.index("2.2 ", text.index("2.1 "))]
        assert part.rstrip().endswith(PAPER_OURS.format(ref=ref))
        assert not re.search(r"\b[A-Z]+[0-9]*(?:-[0-9]{4})?-(?:COC|REC|AFI)-[0-9]+\b",
                             text[:text.index("2.1 ")].replace(ref, ""))
        assert text.count("References such as") == 1
        table = text[text.index("Report text (verbatim)"):]
        table = re.sub(r"See [A-Z][A-Z0-9-]*-[0-9]+(?:(?:\s*,\s*|\s+and\s+)[A-Z][A-Z0-9-]*-[0-9]+)*", "", table)  # read 34
        first = re.search(r"\b[A-Z]+[0-9]*(?:-[0-9]{4})?-(?:COC|REC|AFI)-[0-9]+\b", table)
        assert first is not None and first.group(0) == ref  # the table's first row


# --- fault 2: no count of sentences the paper cannot show ---------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_paper_counts_no_unlisted_sentences(fmt: str, norfolk: Report,
                                                          example: Report) -> None:
    for report, options in ((norfolk, _paper()), (norfolk, _planned(norfolk, "committee")),
                            (example, _example("committee"))):
        text = _read(report, options, fmt)
        assert "other sentence" not in text and "should or needs to do" not in text
        assert "The report’s findings that call for action are quoted verbatim below" in text
    text = _read(norfolk, _paper(), fmt)
    assert ("The recommendation appears only in the text of the report (question 5), not among "
            "the findings it lists. The earlier finding") in text


# --- fault 3: without a plan, 1.1 and 2.1 promise nothing the paper lacks ----------------------

PURPOSE_NO_PLAN = ("1.1 This paper informs the committee of the findings of “Norfolk PEEL 2018: "
                   "Effectiveness”, the effectiveness part of HMICFRS’s PEEL 2018/19 inspection "
                   "of Norfolk Constabulary, published on 2 May 2019, and of what it asks of "
                   "the force. 2. Recommendations to the committee 2.1 The committee is asked to "
                   "note the report, its judgments and findings. References such as E5-REC-1 are "
                   "given for tracking; the report itself does not use them. 2.2")


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_plan_purpose_and_recommendation_fit(fmt: str, norfolk: Report,
                                                       example: Report) -> None:
    text = _read(norfolk, _paper(), fmt)
    assert PURPOSE_NO_PLAN in text
    text = _read(example, _example("committee"), fmt)
    assert ("Exampleshire Constabulary, dated 12 September 2024, and of what it asks of the "
            "force. 2. Recommendations to the committee 2.1 The committee is asked to note the report, its "
            "judgments and findings, including the inadequate grade for ‘Investigating crime’ "
            "and the two new causes of concern (A4-COC-1 and A5-COC-1). References such as "
            "A4-COC-1 are given for tracking; the report itself does not use them. 2.2") in text
    for text in (_read(norfolk, _paper(), fmt), _read(example, _example("committee"), fmt)):
        assert "how the force is responding" not in text
        assert "arrangements for tracking" not in text
        assert "This paper was prepared without an action plan" in text  # what 7.1 says, now consistent
    planned = _read(norfolk, _planned(norfolk, "committee"), fmt)  # with a plan: both kept
    assert "published on 2 May 2019, and of how the force is responding to them." in planned
    assert ("is asked to note the report, its judgments and findings, and the arrangements for "
            "tracking progress against them.") in planned


def test_without_a_plan_or_findings_1_1_claims_no_asks(norfolk: Report) -> None:
    bare = dataclasses.replace(norfolk, prior_findings=(), questions=tuple(
        dataclasses.replace(q, areas_for_improvement=(), causes_of_concern=(), findings=())
        for q in norfolk.questions))
    text = _read(bare, _paper(), "docx")
    assert "published on 2 May 2019. 2. Recommendation" in text
    assert "what it asks" not in text and "arrangements for tracking" not in text
    assert "References such as" not in text


# --- fault 8: the notes name what every format shows -------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_notes_name_the_row_of_the_table_at_the_top(fmt: str, norfolk: Report,
                                                        example: Report) -> None:
    text = _read(norfolk, _paper(), fmt)
    paper, notes = text.split(PAPER_NOTES)
    for label, what in (("Report to", "the committee or meeting this paper is for"),
                        ("Date of meeting", "date of the meeting"),
                        ("Report of", "author’s name and role"),
                        ("Contact", "contact officer’s name, telephone and email")):
        assert f"In the table at the top, “{label}”: {what}" in notes
        assert f"{label} {{to be completed: {what}}}" in paper  # the row the reader finds
    assert "About this paper" not in notes
    text = _read(example, _example("s55"), fmt)
    letter, notes = text.split(S55_NOTES)
    assert ("In the table at the top, “From”: the local policing body publishing this response"
            in notes)
    assert "From {to be completed: the local policing body publishing this response}" in letter
    assert "About this response" not in notes
    if fmt != "html":  # the caption is the HTML table's name only; PDF and DOCX never show it
        assert "About this" not in text


# --- Welsh -----------------------------------------------------------------------------------

def test_the_new_wording_has_welsh(norfolk: Report, example: Report) -> None:
    cases = [(norfolk, dataclasses.replace(_s55(), language="cy")),
             (example, dataclasses.replace(_example("s55"), language="cy")),
             (norfolk, dataclasses.replace(_paper(), language="cy")),
             (example, dataclasses.replace(_example("committee"), language="cy"))]
    for report, options in cases:
        missing = " | ".join(untranslated_wording(report, options))
        for new in ("References such as", "what it asks of the force", "judgments and findings",
                    "In the table at the top", "answers the cause of concern",
                    "under the recommendation below", "Cause of concern (",
                    "Recommendation (", "Area for improvement (", "carried forward ("):
            assert new not in missing, (new, missing)
        if options.document == "s55":  # read 19's wording
            for new in (" from 2017 (", " from 2021/22 (", "See also", "not enough progress"):
                assert new not in missing, (new, missing)
    built = peeldocs.build_pack(example, dataclasses.replace(_example("s55"), language="cy"))
    text = " ".join(html_text(peeldocs.render(built, "html"))[0].split())
    assert "Ein cyfeirnodau ni yw rhai fel A4-COC-1" in text
    assert "Achos pryder o 2021/22 (Responding to the public)" in text
    # numbered across the report (read 24-S)
    assert "o dan argymhelliad 1 isod" in text
    assert "Achos pryder 1 (Responding to the public)" in text
