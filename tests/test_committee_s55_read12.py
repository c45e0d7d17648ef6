"""Editorial read 12-A: committee papers and s.55 responses, as a reader gets them.

1. A committee paper without an action plan says "To be confirmed" for each lead and
   target date it cannot give, as its paragraphs say, and counts only what is left to write.
3. An earlier finding the report found not enough progress on gets its own ask in §2.
4. Practice is named by the kinds the report records ("innovative or promising practice"
   in 2023–25), never the older cycles' "notable practice" for all.
5. In the s.55 response the commissioner's response to the chief constable's comments has
   its own heading (s.55(5)), in every format and in Welsh.
6. The checks before publishing ask for the letter's date to be the day it is signed.
Each in PDF, DOCX and HTML, read back as text; the DOCX table and headings with python-docx.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date

import docx
import pypdf
import pytest
from docread import document_text, norfolk_plan, rendered

from peeldocs.blocks import MARKING_IN_HEADER
from peeldocs.i18n.catalogue import COUNT_WORDS
from peeldocs.model import Finding, Force, Outcome, Report
from peeldocs.options import Options
from peeldocs.plans.plan import ItemStatus
from peeldocs.sections.committee_figures import practice_kind

FORMATS = ("pdf", "docx", "html")
PAPER_NOTES = "Before issuing: notes for the preparer (remove this part)"
NOTES = "Before publishing: notes for the preparer (remove this part)"
MARKING_IN_HEADERS = f"{{{MARKING_IN_HEADER.label}: {MARKING_IN_HEADER.text}}}"
NO_PLAN = {
    "norfolk": Options(document="committee", published=date(2019, 5, 2), as_of=date(2019, 6, 10)),
    "example": Options(document="committee", as_of=date(2025, 4, 1)),
}


def _reports(norfolk: Report, example: Report) -> dict[str, Report]:
    return {"norfolk": norfolk, "example": example}


def _asks(text: str) -> str:
    return text[text.index("2. Recommendation"):text.index("3. Background")]


# --- 1. no plan: no placeholder in every row contradicting "to be confirmed" ------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_no_plan_paper_says_leads_and_dates_are_to_be_confirmed_as_its_paragraphs_do(
        fmt: str, norfolk: Report, example: Report) -> None:
    for name, report in _reports(norfolk, example).items():
        text = document_text(report, NO_PLAN[name], fmt)
        body, notes = text[:text.index(PAPER_NOTES)], text[text.index(PAPER_NOTES):]
        assert "Without an action plan, the lead" in body, name
        table = body[body.index("Finding Report text (verbatim)"):body.index("7. How progress")]
        assert "{to be completed: the lead}" not in table, name
        assert "{to be completed: the target date}" not in table, name
        assert "To be confirmed" in table, name
        assert "Findings and who leads each:" not in notes, name
        # the count of parts to complete is what the paper still shows for completion
        said = re.search(r"This paper has (\w+) parts that only its author can write", notes)
        assert said is not None, name
        count = COUNT_WORDS.index(said[1]) if said[1] in COUNT_WORDS else int(said[1])
        # the page headers' marking, on every page, is one part to complete, listed once
        # with where it is (read 21-C fault 2)
        in_body = body.count("{to be completed:") - body.count(MARKING_IN_HEADERS) + 1
        assert in_body == count, name
        listed = notes[notes.index("where it appears:"):]
        assert listed.count("In the table at the top") + listed.count("Paragraph ") + listed.count(
            "In the header and footer of each page: protective marking") == count, name


def test_no_plan_docx_findings_table_gives_each_lead_and_date_in_words(
        norfolk: Report, example: Report) -> None:
    for name, report in _reports(norfolk, example).items():
        document = docx.Document(io.BytesIO(rendered(report, NO_PLAN[name], "docx")))
        table = next(t for t in document.tables if t.rows[0].cells[0].text == "Finding")
        header = [c.text for c in table.rows[0].cells]
        lead, when = header.index("Lead"), 3
        rows = [[c.text for c in row.cells] for row in table.rows[1:]]
        assert rows, name
        for row in rows:
            # a joint recommendation's lead is agreed with the other force (read 24-C)
            joint = row[0].startswith("Joint recommendation")
            assert row[lead] == ("To be agreed with the other force" if joint
                                 else "To be confirmed"), (name, row)
            assert "{" not in row[when] and row[when].strip(), (name, row)
        # a finding the report sets no deadline for (an area for improvement) has none yet
        afis = [row for row in rows if row[0].startswith("Area for improvement")]
        assert afis and all(row[when] == "To be confirmed" for row in afis), name


# --- 3. an earlier finding with not enough progress: its own ask -------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_an_earlier_finding_without_enough_progress_gets_its_own_ask(
        fmt: str, norfolk: Report, example: Report) -> None:
    asks = _asks(document_text(example, NO_PLAN["example"], fmt))
    # read 35-C: the new findings in its area are part of the ask, never a list of codes alone
    assert ("2.5 The committee is asked to note that the report found not enough progress on a "
            "cause of concern from 2021/22 in ‘Responding to the public’ (A-2021-COC-1)") in asks
    assert ("on the action the force will take on it, and on the report’s new findings in the "
            "same area (A4-COC-1, A4-REC-1 and A4-AFI-1).") in asks
    assert "new findings in the same area are" not in asks
    asks = _asks(document_text(norfolk, NO_PLAN["norfolk"], fmt))
    assert ("2.3 The committee is asked to note that the report found not enough progress on an "
            "area for improvement from 2017 under question 2 (E-2017-AFI-1), and to seek "
            "assurance from the chief constable on the action the force will take on it, and on "
            "the report’s new findings under the same question (E2-AFI-1, E2-AFI-2 and "
            "E2-AFI-3).") in asks


@pytest.mark.parametrize("fmt", FORMATS)
def test_with_a_plan_an_earlier_finding_is_asked_about_once(fmt: str, norfolk: Report) -> None:
    # overdue on 15 October 2019: the overdue ask names it, and no other
    late = dataclasses.replace(norfolk_plan(norfolk), document="committee")
    asks = _asks(document_text(norfolk, late, fmt))
    assert asks.count("E-2017-AFI-1") == 1
    assert "(E-2017-AFI-1) is 15 days overdue" in asks and "not enough progress" not in asks
    # on 1 September 2019 it is on track in the plan: asked about for what the report found
    early = dataclasses.replace(late, as_of=date(2019, 9, 1))
    asks = _asks(document_text(norfolk, early, fmt))
    assert asks.count("E-2017-AFI-1") == 1
    assert ("is asked to note that the report found not enough progress on an area for "
            "improvement from 2017 under question 2 (E-2017-AFI-1), and to seek assurance from "
            "the chief constable on the action the force will take on it, and on the report’s "
            "new findings under the same question (E2-AFI-1, E2-AFI-2 and E2-AFI-3).") in asks


def test_an_earlier_finding_the_plan_records_closed_is_not_asked_about(norfolk: Report) -> None:
    options = dataclasses.replace(norfolk_plan(norfolk), document="committee")
    assert options.plan is not None
    items = tuple(dataclasses.replace(i, status=ItemStatus.CLOSED, closed_on=date(2019, 9, 20))
                  if i.finding == "E-2017-AFI-1" else i for i in options.plan.items)
    done = dataclasses.replace(options, plan=dataclasses.replace(options.plan, items=items))
    text = document_text(norfolk, done, "pdf")
    assert "E-2017-AFI-1" not in _asks(text)  # done, by the plan: its row says when
    assert "Closed on 20 September 2019 E-2017-AFI-1" in text


def test_every_earlier_finding_without_enough_progress_is_named(norfolk: Report) -> None:
    # the class of input: any report, any number of them, from its data
    priors = tuple(dataclasses.replace(p, outcome=Outcome.NOT_ENOUGH_PROGRESS)
                   for p in norfolk.prior_findings)
    report = dataclasses.replace(norfolk, prior_findings=priors)
    asks = _asks(document_text(report, NO_PLAN["norfolk"], "pdf"))
    assert "found not enough progress on" in asks
    for prior in priors:
        assert prior.id in asks
    assert "the action the force will take on each, and on the report’s new findings" in asks
    # none carried forward: no such ask
    addressed = dataclasses.replace(norfolk, prior_findings=tuple(
        dataclasses.replace(p, outcome=Outcome.ADDRESSED) for p in norfolk.prior_findings))
    assert "not enough progress" not in _asks(document_text(addressed, NO_PLAN["norfolk"], "pdf"))


# --- 4. practice named by the kinds the data records --------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_practice_is_named_in_the_reports_own_terms(fmt: str, norfolk: Report,
                                                    example: Report) -> None:
    text = document_text(example, NO_PLAN["example"], fmt)
    found = text[text.index("5. What the report found"):text.index("6. Findings")]
    # the lead-in points forward to its list (read 23-C: "these" pointed at nothing yet read)
    assert "The report records the following as innovative or promising practice, in its own " \
        "words:" in found
    assert "notable practice" not in text
    # one kind only: that kind
    promising = next(q for q in example.questions if q.notable_practice)
    only = dataclasses.replace(example, questions=tuple(
        q if q.number == promising.number else dataclasses.replace(q, notable_practice=())
        for q in example.questions))
    text = document_text(only, NO_PLAN["example"], fmt)
    assert "The report records the following as promising practice, in its own words:" in text
    # an older cycle's practice, its kind not in its words: the term of its time
    practice = Finding("E1-NP-1", "The force runs a test scheme (made up for this test).")
    older = dataclasses.replace(norfolk, questions=tuple(
        dataclasses.replace(q, notable_practice=(practice,)) if q.number == 1 else q
        for q in norfolk.questions))
    text = document_text(older, NO_PLAN["norfolk"], fmt)
    assert "The report records the following as notable practice, in its own words:" in text


def test_practice_kind_from_each_text_else_from_the_framework() -> None:
    assert practice_kind(["Promising practice: a", "Innovative practice: b"], True) == \
        "innovative or promising practice"
    assert practice_kind(["Innovative practice: b"], True) == "innovative practice"
    assert practice_kind(["“Promising practice – a"], True) == "promising practice"
    assert practice_kind(["Something the force does well."], True) == \
        "innovative or promising practice"
    assert practice_kind(["Something the force does well."], False) == "notable practice"
    assert practice_kind(["Notable practice: a", "Promising practice: b"], True) == \
        "notable or promising practice"


def test_practice_is_named_in_welsh(example: Report) -> None:
    options = dataclasses.replace(NO_PLAN["example"], language="cy")
    text = document_text(example, options, "html")
    assert "fel arfer arloesol neu addawol, yn ei eiriau ei hun:" in text


# --- 5. s.55: the response to the chief constable's comments under its own heading -------------

def _headings(data: bytes, fmt: str) -> list[str]:
    if fmt == "pdf":
        reader = pypdf.PdfReader(io.BytesIO(data))
        out: list[str] = []

        def walk(items: list[object]) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item)
                else:
                    out.append(str(getattr(item, "title", "")))
        walk(reader.outline)
        return out
    if fmt == "docx":
        return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs
                if p.style is not None and (p.style.name or "").startswith("Heading")]
    html = data.decode("utf-8")
    return [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", html,
                                                         re.S)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_response_to_the_chief_constables_comments_has_its_own_heading(
        fmt: str, norfolk: Report, example: Report) -> None:
    cases = {
        "My response to the chief constable’s comments":
            (norfolk, Options(document="s55", published=date(2019, 5, 2),
                              as_of=date(2019, 6, 10))),
        # the body is not known: the letter's own voice, first person (read 30-S)
        "My response to the chief constable’s comments ":
            (example, Options(document="s55", as_of=date(2025, 4, 1))),
    }
    for heading, (report, options) in cases.items():
        heading = heading.strip()
        text = document_text(report, options, fmt)
        chief = text[text.index("The chief constable’s comments {"):
                     text.index("Response to each finding")]
        if fmt == "pdf":  # a page may turn between them: its running foot and head are no text
            # (the head names the local policing body, a place to complete where not known)
            chief = chief.replace("{to be completed: the local policing body} · ", "")
            chief = re.sub(r"(?<=\} )[^{}]*?Page \d+ of \d+ ", "", chief)
        assert chief.startswith(
            "The chief constable’s comments {to be completed: the chief constable’s comments, "
            f"as submitted}} {heading} {{to be completed: the response, or none}} "), heading
        assert chief.count("{to be completed:") == 2, heading  # nothing else under them
        headings = _headings(rendered(report, options, fmt), fmt)
        at = headings.index("The chief constable’s comments")
        assert headings[at + 1] == heading
        notes = text[text.index(NOTES):]
        assert f"Under “{heading}”: the response, or none" in notes


def test_the_response_heading_names_each_kind_of_body_and_chief_officer(norfolk: Report) -> None:
    for force, short, heading in (
            ("City of London Police", "City of London",
             "Our response to the Commissioner of the City of London Police’s comments"),
            ("Metropolitan Police Service", "Metropolitan",
             "Our response to the Commissioner of Police of the Metropolis’s comments")):
        report = dataclasses.replace(norfolk, force=Force(force, short))
        options = Options(document="s55", published=date(2019, 5, 2), as_of=date(2019, 6, 10))
        headings = _headings(rendered(report, options, "docx"), "docx")
        assert heading in headings, force
        assert "My response to the chief constable’s comments" not in headings


def test_the_response_heading_in_welsh(norfolk: Report) -> None:
    options = Options(document="s55", language="cy", published=date(2019, 5, 2),
                      as_of=date(2019, 6, 10))
    for fmt in FORMATS:
        headings = _headings(rendered(norfolk, options, fmt), fmt)
        at = headings.index("Sylwadau’r prif gwnstabl")
        assert headings[at + 1] == "Fy ymateb i sylwadau’r prif gwnstabl", fmt
    text = document_text(norfolk, options, "html")
    assert ("Sylwadau’r prif gwnstabl {i’w gwblhau: sylwadau’r prif gwnstabl, fel y’u "
            "cyflwynwyd} Fy ymateb i sylwadau’r prif gwnstabl {i’w gwblhau: yr "
            "ymateb, neu ddim}") in text


# --- 6. the letter's date is the day it is signed ------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_checks_ask_for_the_letter_to_be_dated_the_day_it_is_signed(
        fmt: str, norfolk: Report, example: Report) -> None:
    cases = {"15 October 2019": (norfolk, dataclasses.replace(norfolk_plan(norfolk),
                                                               document="s55")),
             "1 April 2025": (example, Options(document="s55", as_of=date(2025, 4, 1)))}
    for on, (report, options) in cases.items():
        text = document_text(report, options, fmt)
        letter, notes = text[:text.index(NOTES)], text[text.index(NOTES):]
        assert f"Date {on}" in letter  # dated the day it was prepared, as the issue asks
        checks = notes[notes.index("Checks before publishing Check"):]
        assert (f"The letter is dated {on}, the day it was prepared: if it is signed or "
                "published on another day, its date is changed to that day. "
                "{to be completed: yes or no}") in checks
