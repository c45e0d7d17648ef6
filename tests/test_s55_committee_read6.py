"""Issue 23, a sixth read: the source's address, the committee's figures and practice, said once.

Found by an editorial reader: documents cited the report with no address; the
committee paper quoted only the summary ("how bad is it?", "what is going
well?"); 6.2 said a lead the plan lacks was "to be confirmed" while the cells
asked for one to be written in; one sentence carried three quotations.  Each is
checked as a reader gets it, in every format.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date

import docx
import pypdf
import pytest
from docread import browser_joins, norfolk_plan, rendered, text_of

from peeldocs.model import Report
from peeldocs.model.findings import Direction, KeyFigure, Unit
from peeldocs.options import Options
from peeldocs.sections.committee_figures import FIGURES_SHOWN, measured

FORMATS = ("pdf", "docx", "html")
KINDS = ("pack", "brief", "committee", "s55")
URL = "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2018/norfolk/effectiveness/"
NO_PLAN = Options(published=date(2019, 5, 2), as_of=date(2019, 6, 10))


def _text(report: Report, options: Options, fmt: str) -> str:
    """The text a reader gets, an address wrapped over two lines read as one word."""
    text = " ".join(text_of(rendered(report, options, fmt), fmt).split())
    text = browser_joins(text) if fmt == "html" else text
    if report.source_url:
        spaced = r"\s?".join(re.escape(c) for c in report.source_url)
        text = re.sub(spaced, report.source_url, text)
    text = re.sub(r" Norfolk Constabulary · PEEL [^ ]+ [a-z]+ Page \d+ of \d+", "", text)
    text = text.replace(" {to be completed: protective marking}", "")  # the page headers' marking
    return text.replace("– ", "")  # the PDF's list marks, as text


def _links(data: bytes, fmt: str) -> list[str]:
    """The addresses a reader can follow: PDF link annotations, DOCX hyperlinks, HTML anchors."""
    if fmt == "pdf":
        return [str(a.get_object()["/A"]["/URI"]) for page in pypdf.PdfReader(io.BytesIO(data)).pages
                for a in page.get("/Annots") or [] if "/URI" in a.get_object().get("/A", {})]
    if fmt == "docx":
        document = docx.Document(io.BytesIO(data))
        return [r.target_ref for r in document.part.rels.values() if r.is_external]
    return re.findall(r'<a href="(https?://[^"]+)"', data.decode())


# --- the source line gives the report's address where the data has it ------------------------

def test_the_norfolk_data_gives_its_source_page(norfolk: Report) -> None:
    assert norfolk.source_url == URL


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_document_cites_the_report_with_its_address_as_a_link(
        norfolk: Report, kind: str, fmt: str) -> None:
    options = dataclasses.replace(NO_PLAN, document=kind)
    text = _text(norfolk, options, fmt)
    if kind == "brief":  # one page: its opening names the report and its date, no address
        assert "was published on 2 May 2019" in text and "Source:" not in text
        return
    # the page's title, then its pillar as the page shows it (read 23-C)
    assert (f"Source: HMICFRS, “Norfolk PEEL 2018: Effectiveness”, last updated 2 May 2019, at "
            f"{URL}.") in text
    assert text.count(URL) == (2 if kind == "committee" else 1)  # said once (and in 3.1)
    assert "Source page:" not in text
    assert URL in _links(rendered(norfolk, options, fmt), fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_without_an_address_none_is_invented(norfolk: Report, kind: str, fmt: str) -> None:
    unknown = dataclasses.replace(norfolk, source_url=None)
    options = dataclasses.replace(NO_PLAN, document=kind)
    text = _text(unknown, options, fmt)
    assert "https://" not in text and "published at" not in text
    if kind == "brief":  # its opening names the report and its date
        assert "Source:" not in text and "was published on 2 May 2019" in text
        return
    assert "Source: HMICFRS, “Norfolk PEEL 2018: Effectiveness”, last updated 2 May 2019." \
        in text
    assert ", at " not in text.split("Source: HMICFRS", 1)[1][:80]
    if kind == "committee":
        assert "The report is published on the HMICFRS website." in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_background_gives_the_address(norfolk: Report, fmt: str) -> None:
    text = _text(norfolk, dataclasses.replace(NO_PLAN, document="committee"), fmt)
    assert f"The report is published on the HMICFRS website at {URL}." in text


# --- the committee paper: how bad is it, and what is going well --------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_paper_gives_the_reports_key_figures(norfolk: Report, fmt: str) -> None:
    text = _text(norfolk, dataclasses.replace(NO_PLAN, document="committee"), fmt)
    found = text[text.index("5. What the report found"):text.index("6. Findings")]
    assert ("5.2 The report’s key figures for question 2 include: Files where the investigation "
            "was effective: 45 of 60 files Files ineffectively supervised or with no supervision "
            "recorded: 27 of 60 files Files where not all lines of enquiry were pursued: 16 of 60 "
            "files Files where victims received good care: 49 of 60 files 5.3") in found
    # the data records no notable practice for Norfolk: none is claimed; the good practice its
    # text names ("We consider this to be good practice") is quoted as the pack lists it (read 22)
    assert "notable practice" not in found
    assert "5.3 The report identifies the following as good or innovative practice:" in found


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_paper_quotes_the_practice_the_data_records(example: Report,
                                                                   fmt: str) -> None:
    text = _text(example, Options(document="committee", as_of=date(2025, 4, 1)), fmt)
    found = text[text.index("5. What the report found"):text.index("6. Findings")]
    # review 8: plain words, and the report's 94% crime-recording figure (a rate) is not
    # left out: the inadequate area's figure first, then the others worst-graded first
    assert ("The report’s key figures include: Investigations with effective supervision "
            "(‘Investigating crime’): 38 of 65 investigations Emergency calls answered within 10 seconds (‘Responding to the "
            "public’): 71.2%, against the national standard of 90% Crime recording accuracy "
            "(‘Recording data about crime’): an estimated 94%") in found  # as prose (read 23-C)
    assert "Among the figures" not in found and "first:" not in found
    practice = [p.text for q in example.questions for p in q.notable_practice]
    assert practice
    # read 12: named by the kinds the report records ("Promising practice: …", "Innovative
    # practice: …"), the 2023–25 terms, never the older cycles' "notable practice"
    assert "The report records the following as innovative or promising practice, in its own " \
        "words:" in found
    assert "notable practice" not in found
    for words in practice:
        assert f"“{' '.join(words.split())}”" in found  # verbatim


def test_figures_shown_are_measures_worst_graded_first_and_few(norfolk: Report) -> None:
    shown = measured(norfolk)
    assert [f.id for f in shown] == ["E2-FIG-1", "E2-FIG-2", "E2-FIG-3", "E2-FIG-4"]
    assert len(shown) == FIGURES_SHOWN
    # a bare count measures nothing: a report with only those gives no figures paragraph
    bare = KeyFigure("X-FIG-1", "Districts", 7, Unit.COUNT, "In all seven districts.",
                     direction=Direction.NEUTRAL, question=1)
    counted = dataclasses.replace(norfolk, key_figures=(bare,))
    assert measured(counted) == []
    text = _text(counted, dataclasses.replace(NO_PLAN, document="committee"), "docx")
    assert "key figures" not in text


# --- 6.2 and the cells agree ----------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_lead_the_plan_lacks_is_to_be_confirmed_in_the_cells_too(norfolk: Report,
                                                                    fmt: str) -> None:
    options = dataclasses.replace(norfolk_plan(norfolk), document="committee")
    text = _text(norfolk, options, fmt)
    assert ("6.2 Owners and leads are those the force’s action plan records (“To be confirmed” "
            "where it records none), and each state is as it stood on 15 October 2019.") in text
    table = text[text.index("Owner / lead State Ref"):text.index("7. How progress")]
    assert "{to be completed: the lead}" not in text
    assert table.count("To be confirmed") == 1  # E2-AFI-2 (no owner)
    # E5-REC-1 (not in the plan) is joint: its lead to be agreed with the other force (read 24-C)
    assert re.search(r"capability\. To be agreed with the other force Not yet in the action plan "
                     r"E5-REC-1", table)


# --- three quotations in one sentence become a list --------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_two_earlier_findings_stay_one_sentence_three_are_listed(norfolk: Report,
                                                                 fmt: str) -> None:
    options = dataclasses.replace(NO_PLAN, document="committee")
    listed = _text(norfolk, options, fmt)
    assert "“…” (E-2017-AFI-2); the 2016" not in listed and "(E-2017-AFI-2); the" not in listed
    assert ("The report finds that the force has addressed three earlier findings: the 2017 area "
            "for improvement, reconsidered under question 3,") in listed
    two = dataclasses.replace(norfolk, prior_findings=tuple(
        p for p in norfolk.prior_findings if p.id != "E-2016-AFI-2"))
    text = _text(two, options, fmt)
    assert re.search(r"The report finds that the force has addressed two earlier findings: the "
                     r"2017 area .*\(E-2017-AFI-2\) and the 2016 area for improvement, reconsidered under "
                     r"question 4, .*\(E-2016-AFI-1\)\.", text)


def test_printed_html_shows_an_address_once(norfolk: Report) -> None:
    """Print CSS adds a link's address after its text; an address shown as itself is not doubled."""
    page = rendered(norfolk, dataclasses.replace(NO_PLAN, document="s55"), "html").decode()
    assert f'<a href="{URL}" class="address">{URL}</a>' in page
    assert 'a[href^="http"]:not(.address)::after' in page
    assert 'a[href^="http"]::after' not in page
