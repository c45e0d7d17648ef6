"""A briefing pack, a brief and a comparison pack, read page by page as a reader would.

Each test checks one statement found untrue, unsupported or repeated on reading,
in the text each format gives its reader.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date
from pathlib import Path

import pypdf
import pytest
from docread import text_of
from pdfread import fold
from test_compare_io import NORFOLK_2018, NORFOLK_CYCLES, PILLARS_2018

import peeldocs
from peeldocs.errors import DataError
from peeldocs.model import Report
from peeldocs.options import Options

FORMATS = ("pdf", "docx", "html")
EXAMPLE = Path(__file__).parent.parent / "examples" / "exampleshire-2023-25-assessment.yaml"
AS_OF = date(2020, 1, 31)


def _cover(data: bytes, fmt: str, first: str) -> str:
    """The cover as its reader gets it: page 1 of the PDF, else up to the contents."""
    if fmt == "pdf":
        return fold(pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text())
    text = text_of(data, fmt)
    start = text.index(first)
    return text[start:text.index("Contents", start)]


def _text(report: Report, options: Options, fmt: str) -> str:
    return text_of(peeldocs.render(peeldocs.build_pack(report, options), fmt, options), fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_pack_cover_gives_the_preparation_date_once(fmt: str, norfolk: Report) -> None:
    options = Options(as_of=AS_OF, audience="Police and Crime Panel")
    data = peeldocs.render(peeldocs.build_pack(norfolk, options), fmt, options)
    cover = _cover(data, fmt, "Norfolk Constabulary: PEEL 2018/19")
    assert cover.count("31 January 2020") == 1
    assert cover.lower().count("prepared") == 1
    assert "Pack prepared 31 January 2020" in cover
    # nothing else the cover said is lost: who it is for, every fact, the source and licence
    assert "Briefing pack for the Police and Crime Panel" in cover
    for fact in ("Force Norfolk Constabulary", "Inspection PEEL 2018/19", "Pillar Effectiveness",
                 "Report title Norfolk PEEL 2018", "Last updated 2 May 2019",
                 "Published Not supplied", "Source: HMICFRS, “Norfolk PEEL 2018: Effectiveness”",
                 "Contains public sector information licensed under the Open Government "
                 "Licence v3.0."):
        assert fact in cover, fact


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_comparison_cover_gives_the_preparation_date_once(fmt: str) -> None:
    options = Options(as_of=AS_OF)
    data = peeldocs.render(peeldocs.compare([PILLARS_2018], options=options), fmt)
    cover = _cover(data, fmt, "PEEL comparison of 43 forces")
    assert cover.count("31 January 2020") == 1 and cover.lower().count("pack prepared") == 1
    assert "Prepared by {to be completed: name and role}" in cover  # read 21: who, to complete
    assert "Comparison pack for the chief officer group" in cover
    assert "Forces within a cycle and across cycles" not in cover  # one cycle, no force followed


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_brief_says_the_publication_date_was_not_supplied(fmt: str, norfolk: Report) -> None:
    """The report has a publication date; only the data file lacks it."""
    text = _text(norfolk, Options(document="brief"), fmt)
    assert ("The publication date of the report “Norfolk PEEL 2018: Effectiveness”, by His Majesty’s "
            "Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS), was not "
            "supplied.") in text
    assert "The publication date was not supplied, so the deadline is not shown." in text
    assert "no publication date recorded" not in text and "not recorded" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_brief_says_where_the_findings_recommend_action(fmt: str, norfolk: Report) -> None:
    text = _text(norfolk, Options(document="brief"), fmt)
    # the recommendation made in question 5's text is counted, and said where it is made
    assert ("The report gives three areas for improvement, all under question 2, and one "
            "recommendation, made in the text of its findings on question 5; it lists no causes "
            "of concern as such.") in text
    assert "recommend action" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_action_plan_says_which_recommended_action_has_no_row(fmt: str,
                                                                  norfolk: Report) -> None:
    plan = _text(norfolk, Options(), fmt)
    plan = plan[plan.rindex("One row for each area for improvement"):]
    # the recommendation made in question 5's text has its own row now
    assert "also recommend action" not in plan and "has no row for it" not in plan
    # its words are quoted in the executive summary; the plan gives it a row by reference
    assert re.search(r"E5-REC-1 Recommendation, joint: addressed to Norfolk and Suffolk "
                     r"Constabularies, to work with other forces in the east of England 5\b", plan)
    # a report that lists its recommendations has a row for each: no such sentence
    listed = _text(peeldocs.load_report(EXAMPLE), Options(), fmt)
    assert "also recommend action" not in listed


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_constructed_pillar_report_is_not_called_an_hmicfrs_report(fmt: str,
                                                                      norfolk: Report) -> None:
    made_up = dataclasses.replace(norfolk, illustrative=True, publisher="the peeldocs tests",
                                  licence="Constructed for a test: not Crown copyright.")
    text = _text(made_up, Options(), fmt)
    # read 33: the cover says what the pack is; no paragraph after In brief says it again
    assert "Illustrative example: not an HMICFRS report" in text
    assert "This pack summarises" not in text
    assert "quoted verbatim from the constructed example (not an HMICFRS report)" in text
    assert "HMICFRS PEEL 2018/19 report" not in text and "from the HMICFRS report" not in text
    real = _text(norfolk, Options(), fmt)
    assert "This pack summarises" not in real and "Briefing pack for the chief officer group" in real


def test_a_constructed_report_must_name_who_constructed_it() -> None:
    """Left at its default, the cover's 'Source:' line would say HMICFRS."""
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("publisher:")
    without = text[:start] + text[text.index("\n", start) + 1:]
    with pytest.raises(DataError) as caught:
        peeldocs.parse_report(without, "made-up.yaml")
    assert any(p.message.startswith("constructed example data is not published by HMICFRS; "
                                    "give a 'publisher:'") for p in caught.value.problems)


@pytest.mark.parametrize("fmt", FORMATS)
def test_comparison_sentences_read_as_a_chief_officer_would_write_them(fmt: str) -> None:
    text = text_of(peeldocs.render(peeldocs.compare([PILLARS_2018, NORFOLK_CYCLES, NORFOLK_2018],
                                                    focus="Norfolk"), fmt), fmt)
    assert ("In PEEL 2018/19, forces were graded on four tiers: outstanding, good, requires "
            "improvement and inadequate.") in text
    assert "grades on the four-tier scale" not in text
    # the question with its wording, then the force's grade and where it came from, in one
    # bracket (HTML's text puts a space where its bold label ends)
    assert re.search(r"Effectiveness question 4 ?: How effective is the force at tackling serious "
                     r"and organised crime\? \(Norfolk: good, carried over from 2016\)", text), fmt
    assert "(carried over from 2016))" not in text
    assert "Efficiency: good in 2016, then outstanding in 2017 and 2018/19." in text
    assert "outstanding in 2017 and outstanding in 2018/19" not in text
