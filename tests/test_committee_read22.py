"""Read 22-C of the committee paper: what an editorial reader still found, and its fixes.

1. (fault 1) Without a plan, what holds only on a date says which: 7.1's section 55
   deadline "As at 10 June 2019, …", 2.3's deadlines "had passed by 1 April 2025",
   and 6.2 that the table's deadlines are shown as they stood on that date.
2. (fault 2) 5.4 (now 5.5) quotes what the report now asks of the 2017 finding, in
   full, once: "[The force] must do more to ensure … vulnerable victims."
3. (fault 4) The good practice the report names in its text, as the pack lists it:
   each quotation once, none where the report names none.
4. (fault 5) A passed deadline reads one way in every row: "Deadline passed (…)".
5. (fault 8) 7.1: "one is in progress and due on 31 December 2019 (E2-AFI-1)".
6. (fault 10) The findings heading says what it holds: "Findings and leads"
   (read 24-C: no status in brackets) when no lead is recorded, "Findings and who leads each" when one is.

Read as a user reads them: PDF text, DOCX text, HTML text as a browser joins it.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
from docread import document_text, norfolk_plan

from peeldocs.model import Report
from peeldocs.options import Options

FORMATS = ("pdf", "docx", "html")
NO_PLAN = Options(document="committee", published=date(2019, 5, 2), as_of=date(2019, 6, 10))
EXAMPLE = Options(document="committee", as_of=date(2025, 4, 1))
MORE = ("“[The force] must do more to ensure that supervision is consistent and appropriate in "
        "all investigations – not just those that involve vulnerable victims.”")
BAIL = ("“A bail management team within the joint justice command monitors the use of bail. It "
        "gives support and advice to the workforce on the effective use of bail legislation. We "
        "consider this to be good practice.”")
CONNECTORS = ("“We were particularly impressed with the partnership work within the South "
              "Norfolk EHH, which runs an innovative scheme called community connectors.”")


def _with_plan(norfolk: Report) -> Options:
    return dataclasses.replace(norfolk_plan(norfolk), document="committee")


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_plan_papers_say_the_date_their_states_hold_on(norfolk: Report, example: Report,
                                                          fmt: str) -> None:
    text = document_text(norfolk, NO_PLAN, fmt)
    # "are due by", not "As at …, must publish", stale by the meeting (read 30-C)
    assert ("The comments of the Police and Crime Commissioner for Norfolk on the report, with "
            "any comments the chief constable submits, are due by 26 June 2019: 56 "
            "days beginning with the day of publication") in text
    assert text.count("are due by 26 June 2019: 56 days") == 1
    constructed = document_text(example, EXAMPLE, fmt)
    assert ("(A5-REC-1 and A5-REC-2) had passed by 1 April 2025. By that date, A4-REC-1 was 20 days past "
            "its deadline, A5-REC-1 110 days and A5-REC-2 1 day. The committee is asked to seek "
            "assurance") in " ".join(constructed.split())  # read 36-C: split
    assert ("a target date where the report sets no deadline. Deadlines are shown as they stood "
            "on 1 April 2025.") in constructed
    # with a plan, 6.2 already gives the date of each state; nothing is said twice
    planned = document_text(norfolk, _with_plan(norfolk), fmt)
    assert "each state is as it stood on 15 October 2019" in planned
    assert "as they stood on" not in planned


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_earlier_finding_is_quoted_with_what_the_report_now_asks(norfolk: Report,
                                                                     fmt: str) -> None:
    for options in (NO_PLAN, _with_plan(norfolk)):
        text = document_text(norfolk, options, fmt)
        found = text[text.index("5. What the report found"):text.index("6. Findings")]
        assert ("On the 2017 area for improvement, reconsidered under question 2 (E-2017-AFI-1), the report "
                f"says: “The force has not made enough progress.” The report adds: {MORE}") in found
        assert "therefore included in the findings table" not in found  # read 35-C: scaffolding
        assert text.count("must do more to ensure that supervision") == 1  # said once


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_good_practice_the_report_names_is_quoted_once(norfolk: Report, example: Report,
                                                           fmt: str) -> None:
    for options in (NO_PLAN, _with_plan(norfolk)):
        text = document_text(norfolk, options, fmt)
        found = text[text.index("5. What the report found"):text.index("6. Findings")]
        found = found.replace("– Question", "Question")  # the PDF's list labels
        # the lead-in points forward to the list ("the following"), in the paper's own words
        assert ("5.3 The report identifies the following as good or innovative practice: "
                "Question 1, "
                f"‘Protecting the public from crime’: {CONNECTORS} (EHH: early help hub) "
                "Question 2, ‘Catching "
                f"criminals’: {BAIL}") in found
        assert text.count("community connectors") == 1
        assert text.count("We consider this to be good practice") == 1
    # the constructed report names none in its text: nothing is claimed
    assert "good or innovative practice" not in document_text(example, EXAMPLE, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_passed_deadline_reads_one_way_in_every_row(example: Report, fmt: str) -> None:
    text = document_text(example, EXAMPLE, fmt)
    # read 35-C: how long ago, as at the paper's date, then the deadline itself
    assert "Deadline passed 1 day ago (31 March 2025) A5-REC-2" in text
    assert "Deadline of" not in text
    # "immediately" is standing (read 29-C)
    assert len(re.findall(r"Deadline passed \d+ days? ago \(", text)) == 3


@pytest.mark.parametrize("fmt", FORMATS)
def test_7_1_says_an_items_status_and_date_plainly(norfolk: Report, fmt: str) -> None:
    text = document_text(norfolk, _with_plan(norfolk), fmt)
    # read 36-C: 7.1 points to the table, whose state cell says it plainly
    assert "In progress; due 31 December 2019" in " ".join(text.split())
    assert ", in progress," not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_findings_heading_says_what_it_holds(norfolk: Report, example: Report,
                                                 fmt: str) -> None:
    for report, options in ((norfolk, NO_PLAN), (example, EXAMPLE)):
        text = document_text(report, options, fmt)
        assert "6. Findings and leads 6.1 " in text
        assert "who leads each" not in text and "owners and status" not in text
    planned = _with_plan(norfolk)
    assert "6. Findings, owners and status 6.1 " in document_text(norfolk, planned, fmt)
    # a plan that records no lead for any finding promises none
    assert planned.plan is not None
    unled = dataclasses.replace(planned, plan=dataclasses.replace(planned.plan, items=tuple(
        dataclasses.replace(i, owner=None, lead=None) for i in planned.plan.items)))
    text = document_text(norfolk, unled, fmt)
    assert "6. Findings and leads 6.1 " in text


def test_the_dated_section_55_sentence_is_its_own_paragraph_in_welsh_too(norfolk: Report) -> None:
    # its own paragraph (7.2), as with a plan: the Welsh catalogue then translates it whole,
    # never taking 7.1's English sentences for the body's name ("Rhaid i No action plan …")
    text = document_text(norfolk, dataclasses.replace(NO_PLAN, language="cy"), "pdf")
    assert ("7.2 Mae sylwadau Comisiynydd Heddlu a Throseddu Norfolk ar yr adroddiad, ynghyd ag "
            "unrhyw sylwadau a gyflwyna’r prif gwnstabl, i fod erbyn 26 Mehefin 2019") in text
    assert "Rhaid i No action plan" not in text
    english = document_text(norfolk, NO_PLAN, "pdf")
    assert "7.2 The comments of the Police and Crime Commissioner for Norfolk" in english
