"""Read 23-C of the committee paper: what an independent editor still found, and its fixes.

1. 2.4 points to 6.3 in three words; 6.2 says where owners come from and the date the
   states hold on, in plain words; an item with no owner or actions is said to lack them
   in 2.3 and in the table, not a third time in 6.3.
2. 5.3's lead-in points forward to its list ("the following"), in the paper's words.
3. 6.1 says what the table holds and that the earlier finding is last, as sentences a
   member can read aloud; 5.5 says where the earlier finding is (section 6).
4. The report is cited by its page title and its pillar, from the data ("Norfolk PEEL
   2018: Effectiveness"), in 1.1 and in every document's source line.
5. The preparer's notes say the paper's voice assumes an author who is not the chief
   constable, naming the paragraphs to recast.
6. States are dates ("due 1 November 2019", "overdue (due 30 September 2019"), never
   counts of days that are stale by the meeting; 6.2 gives the date they hold on.
7. Figures read as prose: "71.2%, against the national standard of 90%", "an estimated 94%".
8. "Findings, owners and status"; a "Date of paper" line in the front block.
9. (layout) 6.3's lead-in ends with a colon, so its list starts on its page.

Read as a user reads them: PDF text, DOCX text, HTML text as a browser joins it.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from docread import document_text, rendered, review_options
from pdfread import page_texts

from peeldocs.model import Direction, KeyFigure, Report, Unit, cited_title
from peeldocs.model.scales import ReportKind

FORMATS = ("pdf", "docx", "html")
NOTES = "Before issuing: notes for the preparer (remove this part)"


def _paper(case: str, fmt: str, **changes: object) -> tuple[str, str]:
    """Return the committee paper's body and its preparer's notes, as a reader gets them."""
    report, options = review_options(case, "committee")
    text = document_text(report, dataclasses.replace(options, **changes), fmt)  # type: ignore[arg-type]
    return text[:text.index(NOTES)], text[text.index(NOTES):]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_plan_paragraphs_say_each_thing_once_in_plain_words(fmt: str) -> None:
    body, _notes = _paper("norfolk-plan", fmt)
    assert ("2.4 The committee is asked to note that an area for improvement from 2017 under "
            "question 2 (E-2017-AFI-1), on which the report found not enough progress, is 15 days "
            "overdue after its target date was moved from 31 July 2019 (see paragraphs 6.2 and "
            "6.3), and to seek assurance "
            "from the chief constable on when it will be completed.") in body
    assert ("6.2 Owners and leads are those the force’s action plan records (“To be confirmed” "
            "where it records none), and each state is as it stood on 15 October 2019.") in body
    assert "where it records neither, they are to be confirmed" not in body
    # E2-AFI-2 lacks an owner and actions: said in 2.3 and in its row, not again in 6.3
    assert "(E2-AFI-2), for which the action plan records neither, although it is due in 17 days, on 1 November 2019." in body
    assert "Not yet allocated to an owner; due 1 November 2019; no actions recorded yet" in body
    assert "records neither yet" not in body
    assert "E2-AFI-2" not in body[body.index("6.3 "):body.index("6.4 ")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_lead_ins_point_forward_and_6_1_reads_aloud(fmt: str) -> None:
    for case in ("norfolk-plan", "norfolk"):
        body, _notes = _paper(case, fmt)
        assert "5.3 The report identifies the following as good or innovative practice: " in body
        assert "calls these" not in body and "under the question and heading given" not in body
        assert ("The recommendation appears only in the text of the report (question 5), not "
                "among the findings it lists. The earlier finding on which the report found not "
                "enough progress is listed last.") in body
        assert "it carries forward" not in body and "The table holds" not in body
        # read 35-C: "It is therefore included in the findings table" was drafting scaffolding
        assert "therefore included in the findings table" not in body
        assert "with the findings below" not in body
    body, _notes = _paper("example", fmt)
    assert "The report records the following as innovative or promising practice, in its own " \
        "words:" in body
    assert "records these as" not in body


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_report_is_cited_by_its_title_and_pillar(fmt: str) -> None:
    body, _notes = _paper("norfolk", fmt)
    assert ("1.1 This paper informs the committee of the findings of “Norfolk PEEL 2018: "
            "Effectiveness”, the effectiveness part of HMICFRS’s PEEL 2018/19 inspection of "
            "Norfolk Constabulary, published on 2 May 2019, and of what it asks of the force.") \
        in body
    assert "Source: HMICFRS, “Norfolk PEEL 2018: Effectiveness”, last updated 2 May 2019" in body
    assert "“Norfolk PEEL 2018”" not in body
    # every document kind that cites the report cites it the same way
    for kind in ("pack", "s55", "brief"):
        report, options = review_options("norfolk", kind)
        text = document_text(report, options, fmt)
        assert "“Norfolk PEEL 2018: Effectiveness”" in text, kind
        assert "“Norfolk PEEL 2018”" not in text, kind


def test_the_cited_title_is_built_from_the_data_for_any_report(norfolk: Report,
                                                              example: Report) -> None:
    assert cited_title(norfolk) == "Norfolk PEEL 2018: Effectiveness"
    for pillar in ("efficiency", "legitimacy"):
        other = dataclasses.replace(norfolk, pillar=pillar, title="Kent PEEL 2017")
        assert cited_title(other) == f"Kent PEEL 2017: {pillar.capitalize()}"
    # a title naming its pillar, a force assessment, an overview, a pillar not read and a
    # Welsh page (whose pillar label is the page's, not ours) keep the title as published
    named = dataclasses.replace(norfolk, title="PEEL: Police effectiveness 2016 – Norfolk")
    assert cited_title(named) == named.title
    assert cited_title(example) == example.title
    assert example.kind is ReportKind.ASSESSMENT
    for changed in (dataclasses.replace(norfolk, pillar="overview"),
                    dataclasses.replace(norfolk, pillar="unknown"),
                    dataclasses.replace(norfolk, language="cy", title="Heddlu Dyfed-Powys PEEL")):
        assert cited_title(changed) == changed.title


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_notes_say_who_the_papers_voice_assumes(fmt: str) -> None:
    for case, paras in (("norfolk-plan", "paragraphs 2.2, 2.3, 2.4, 2.5 and 6.4"),
                        ("norfolk", "paragraphs 2.2, 2.3 and 6.3"),
                        ("example", "paragraphs 2.2, 2.3, 2.4 and 2.5")):
        body, notes = _paper(case, fmt)
        assert ("The paper is written for an author who is not the chief constable, such as an "
                "officer of ") in notes, case
        assert (f"{paras} ask the committee to seek assurance from, or put questions to, the "
                "chief constable. If the chief constable or another chief officer presents it, "
                "recast them to say what the force will do, and by when.") in notes, case
        assert "written for an author" not in body, case  # the committee never reads it
    _body, notes = _paper("norfolk", fmt)
    assert "an officer of the Police and Crime Commissioner for Norfolk or of the committee" \
        in notes


@pytest.mark.parametrize("fmt", FORMATS)
def test_states_give_their_dates_and_days_as_at_the_papers_date(fmt: str) -> None:
    # read 35-C (issue 23 §2: "overdue by N days"): a committee reads days; each count is as
    # at the date the paper gives its states on, with the date itself beside it
    body, _notes = _paper("norfolk-plan", fmt)
    table = body[body.index("Finding Report text (verbatim)"):body.index("6.3 ")]
    assert "Not yet allocated to an owner; due 1 November 2019; no actions recorded yet" in table
    assert "In progress; 15 days overdue (due 30 September 2019; first set for 31 July 2019)" in table
    assert "although it is due in 17 days, on 1 November 2019." in body
    assert "within 30 days" not in body
    # a day later the counts move with the date they hold on
    later, _notes = _paper("norfolk-plan", fmt, as_of=date(2019, 10, 16))
    assert "16 days overdue (due 30 September 2019" in later
    assert "although it is due in 16 days, on 1 November 2019." in later


def _figure(**fields: object) -> KeyFigure:
    base = dict(id="E2-FIG-9", label="Calls answered", value=25.0, unit=Unit.PERCENT,
                source="Made up for this test.", question=2, direction=Direction.NEUTRAL)
    return KeyFigure(**{**base, **fields})  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", FORMATS)
def test_figures_read_as_prose(fmt: str, norfolk: Report) -> None:
    body, _notes = _paper("example", fmt)
    assert ("Emergency calls answered within 10 seconds (‘Responding to the public’): 71.2%, "
            "against the national standard of 90%") in body
    assert "Crime recording accuracy (‘Recording data about crime’): an estimated 94%" in body
    assert "(estimate)" not in body and "; lower than" not in body
    # the class, not the example: a named comparator, one without a value, an earlier value
    figures = (_figure(label="Calls answered (estimated)", comparator="England and Wales",
                       comparator_value=20.6, comparison="higher"),
               _figure(id="E2-FIG-8", label="Files reviewed", comparator="national average",
                       comparison="lower"),
               _figure(id="E2-FIG-7", label="Repeat victims", previous_value=31.0,
                       previous_period="2017/18"))
    made = dataclasses.replace(norfolk, key_figures=figures)
    _report, options = review_options("norfolk", "committee")
    text = document_text(made, options, fmt)
    assert "Calls answered: an estimated 25%, against 20.6% for England and Wales" in text
    assert "Files reviewed: 25%, lower than the national average" in text
    assert "Repeat victims: 25%, against 31% in 2017/18" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_heading_and_the_date_of_the_paper(fmt: str) -> None:
    body, _notes = _paper("norfolk-plan", fmt)
    assert "6. Findings, owners and status 6.1 " in body
    top = body[:body.index("1. Purpose")]
    assert "Date of meeting {to be completed: date of the meeting}" in top
    assert "Date of paper 15 October 2019" in top
    for case, when in (("norfolk", "10 June 2019"), ("example", "1 April 2025")):
        body, _notes = _paper(case, fmt)
        assert f"Date of paper {when}" in body[:body.index("1. Purpose")], case
        assert "6. Findings and leads 6.1 " in body, case


def test_the_new_wording_is_in_welsh() -> None:
    report, options = review_options("norfolk-plan", "committee")
    text = document_text(report, dataclasses.replace(options, language="cy"), "html")
    assert "Dyddiad y papur" in text and "Canfyddiadau, perchnogion a statws" in text
    assert "Y perchnogion a’r arweinwyr yw’r rhai a gofnodir yng nghynllun gweithredu’r heddlu" \
        in text
    assert "y rhan am effeithiolrwydd o arolygiad PEEL 2018/19 HMICFRS" in text
    assert "Mae’r papur wedi’i ysgrifennu ar gyfer awdur nad yw’n brif gwnstabl" in text
    # read 35-C: 5.5 ends with the report's words, no drafting scaffolding after them
    assert "Felly mae wedi’i gynnwys yn nhabl y canfyddiadau" not in text
    for english in ("Date of paper", "Owners and leads are", "written for an author",
                    "identifies the following", "therefore included"):
        assert english not in text, english


def test_the_plans_entries_start_on_the_page_of_their_lead_in(tmp_path: Path) -> None:
    """6.3 ends with a colon and its list follows it on the same page, never stranded."""
    report, options = review_options("norfolk-plan", "committee")
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(rendered(report, options, "pdf"))
    pages = [" ".join(t.split()) for t in page_texts(pdf)]
    (page,) = [t for t in pages if "6.3 The force’s action plan records the following" in t]
    assert "(an illustrative plan: its actions and updates are invented for the example):" in page
    assert "E2-AFI-1. Actions:" in page
