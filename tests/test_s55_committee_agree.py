"""The s.55 response and the committee paper agree, and each says only what is true.

What a reader of the PDF, DOCX and HTML gets: one order of findings in both
documents; the committee paper quotes the report's own summary; it asks the
committee to note and seek assurance; a missed deadline reads as such, once; a
constructed plan is labelled at the head; the s.55 headings name a question's
title once; the response's first finding follows its heading on the same page.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pypdf
import pytest
from docread import docx_text, html_text, norfolk_plan
from pdfread import fold

import peeldocs
from peeldocs.model import Report
from peeldocs.options import Options

FORMATS = ("pdf", "docx", "html")
REF = re.compile(r"\b(?:[A-Z]\d*-(?:\d{4}-)?(?:REC|AFI|COC)-\d+|[A-Z]-\d{4}(?:/\d\d)?-[A-Z]+-\d+)\b")


def _text(report: Report, options: Options, fmt: str) -> str:
    data = peeldocs.render(peeldocs.build_pack(report, options), fmt, options)
    if fmt == "pdf":
        return fold(" ".join(p.extract_text() for p in pypdf.PdfReader(__import__("io").BytesIO(
            data)).pages))
    return docx_text(data) if fmt == "docx" else html_text(data)[0]




def _cases(norfolk: Report, example: Report) -> list[tuple[Report, Options]]:
    return [(norfolk, norfolk_plan(norfolk)),
            (norfolk, Options(published=date(2019, 5, 2), as_of=date(2019, 6, 10))),
            (example, Options(as_of=date(2025, 4, 1)))]


def _order(text: str, refs: list[str]) -> list[str]:
    """The references in the order a reader meets them in ``text``, each once."""
    seen: list[str] = []
    # a cause of concern's row names its recommendations ("See A4-REC-1", read 34): not their place
    text = re.sub(r"See [A-Z][A-Z0-9-]*-[0-9]+(?:(?:\s*,\s*|\s+and\s+)[A-Z][A-Z0-9-]*-[0-9]+)*", "", text)
    for ref in REF.findall(text):
        if ref in refs and ref not in seen:
            seen.append(ref)
    return seen


@pytest.mark.parametrize("fmt", FORMATS)
def test_both_documents_list_the_findings_in_one_order(
        fmt: str, norfolk: Report, example: Report) -> None:
    for report, options in _cases(norfolk, example):
        refs = [i.id for q in report.questions for i in (*q.areas_for_improvement,
                                                         *q.causes_of_concern)]
        refs += [r.id for q in report.questions for c in q.causes_of_concern
                 for r in c.recommendations]
        refs += [p.id for p in report.prior_findings if p.outcome.value == "not enough progress"]
        refs += ["E5-REC-1"] if report is norfolk else []
        s55 = _text(report, dataclasses.replace(options, document="s55"), fmt)
        s55 = s55[s55.index("Response to each finding"):s55.index("Yours sincerely")]
        s55 = re.sub(r"See also \S+ (?:above|below)", "", s55)  # a cross-reference: not its place
        paper = _text(report, dataclasses.replace(options, document="committee"), fmt)
        paper = paper[paper.index("6. Findings"):]
        assert _order(s55, refs) == _order(paper, refs), (report.force.name, options.plan)
    # the report's order whatever the plan says: the overdue earlier finding and the closed
    # area for improvement stay where the report puts them (found in review: with a plan the
    # overdue 2017 finding had moved ahead of the areas for improvement)
    wanted = ["E5-REC-1", "E2-AFI-1", "E2-AFI-2", "E2-AFI-3", "E-2017-AFI-1"]
    for kind in ("s55", "committee"):
        planned = _text(norfolk, dataclasses.replace(norfolk_plan(norfolk), document=kind), fmt)
        if kind == "committee":
            planned = planned[planned.index("6. Findings"):]
        assert _order(planned, wanted) == wanted, kind
    # each cause of concern with its recommendations, area by area, the earlier cause of
    # concern on emergency calls straight after the current one on its area (read 23-S: it
    # was last, after five unrelated areas for improvement); then the areas for improvement
    paper = _text(example, Options(document="committee", as_of=date(2025, 4, 1)), fmt)
    wanted = ["A4-COC-1", "A4-REC-1", "A-2021-COC-1", "A5-COC-1", "A5-REC-1", "A5-REC-2",
              "A5-REC-3", "A2-AFI-1", "A4-AFI-1", "A5-AFI-1", "A6-AFI-1", "A8-AFI-1"]
    assert _order(paper[paper.index("6. Findings and "):], wanted) == wanted
    assert ("The earlier finding on which the report found not enough progress is listed after "
            "the cause of concern and recommendation in ‘Responding to the public’.") in " ".join(
                paper.split())  # read 25-C: what it follows, exactly


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_paper_quotes_what_the_report_found(
        fmt: str, norfolk: Report, example: Report) -> None:
    text = _text(norfolk, Options(document="committee"), fmt)
    found = text[text.index("5. What the report found"):text.index("6. Findings and ")]
    assert "The report summarises what the inspectors found in these words, quoted verbatim:" \
        in found
    found = re.sub(r" (?=[,.:;])", "", found)  # HTML text joins inline elements with a space
    for passage in norfolk.summary:
        assert fold(" ".join(str(passage).split()[:12])) in found
    found = found.replace("– ", "")  # the PDF's list marks, as text
    assert ("The report finds that the force has addressed three earlier findings: the 2017 "
            "area for improvement, reconsidered under question 3, “[The area for improvement] concerned "
            "[the force’s] use of "
            "domestic") in found
    made_up = _text(example, Options(document="committee", as_of=date(2025, 4, 1)), fmt)
    assert "The constructed report summarises its findings in these words:" in made_up
    assert "The constructed report grades Exampleshire Constabulary inadequate" in made_up
    assert "The inspectorate graded" not in made_up
    # its title is not quoted inside a sentence that already names the report
    assert "report “Exampleshire PEEL 2023–25 (constructed" not in made_up


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missed_deadline_reads_as_missed_and_is_said_once(fmt: str, example: Report) -> None:
    text = _text(example, Options(document="committee", as_of=date(2025, 4, 1)), fmt)
    table = re.sub(r" (?=[,.:;)])", "", text[text.index("Finding Report text (verbatim)"):])
    assert "Passed (" not in table and "The report’s deadline" not in table
    assert ("Deadline passed 20 days ago (within six months of publication, that is by 12 March "
            "2025) A4-REC-1") in table
    assert "as the report sets" not in table
    assert "Due when its recommendations are due" not in text
    s55 = re.sub(r" (?=[,.:;)])", "", _text(example, Options(document="s55",
                                                             as_of=date(2025, 4, 1)), fmt))
    # the report's words first, the date we worked out labelled as ours; a sentence that says
    # when it has passed, plainly (read 35, over review 8's "; passed" in the brackets)
    assert ("The report’s deadline: “within six months” (that is, by "
            "12 March 2025, six months from publication); it has passed. Action") in s55
    assert "set by the report" not in s55 and "as the report sets" not in s55


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_constructed_plan_is_labelled_once_at_the_head(fmt: str, norfolk: Report) -> None:
    options = dataclasses.replace(norfolk_plan(norfolk), document="committee")
    text = _text(norfolk, options, fmt)
    head = text[:text.index("Report to")]
    assert ("Illustrative action plan The actions, owners and dates in this paper come from an "
            "action plan invented for illustration") in head
    assert text.count("invented for illustration") == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_paper_says_its_table_is_in_the_reports_order(fmt: str, norfolk: Report,
                                                          example: Report) -> None:
    """6.1 says the order its table is in, and it is the order the table has (and the s.55's)."""
    text = _text(norfolk, Options(document="committee", published=date(2019, 5, 2),
                                  as_of=date(2019, 6, 10)), fmt)
    grouped = ("quoted verbatim below. They are grouped by kind: first the recommendation, then "
               "the areas for improvement, each by question in the report’s order. The recommendation "
               "appears only in the text of the report (question 5), not among the findings it "
               "lists. The earlier finding on which the report found "
               "not enough progress is listed last.")
    assert grouped in text
    assert "in the report’s order, with the earlier finding" not in text  # it is not
    assert "Progress on these findings is to be reviewed by" in text
    planned = re.sub(r" (?=[,.:;)])", "", _text(  # HTML text joins inline elements with a space
        norfolk, dataclasses.replace(norfolk_plan(norfolk), document="committee"), fmt))
    assert "overdue items" not in planned and "closed items last" not in planned
    assert grouped in planned
    assert ("6.2 Owners and leads are those the force’s action plan records (“To be confirmed” "
            "where it records none), and each state is as it stood on 15 October 2019.") in planned
    made_up = _text(example, Options(document="committee", as_of=date(2025, 4, 1)), fmt)
    assert ("quoted verbatim below. They are grouped by kind: first the causes of concern and "
            "recommendations, then the areas for improvement, each by area in the report’s "
            "order. The earlier finding on which the report found not enough progress is listed "
            "after the cause of concern and recommendation in ‘Responding to the public’.") in \
        made_up  # after the cause of concern (23-S), said exactly (25-C)


@pytest.mark.parametrize("fmt", FORMATS)
def test_s55_headings_name_a_question_once_and_the_checks_cite_55_5A_rightly(
        fmt: str, norfolk: Report) -> None:
    text = _text(norfolk, Options(document="s55", published=date(2019, 5, 2),
                                  as_of=date(2019, 6, 10)), fmt)
    title = "How effective is the force at investigating crime and reducing re-offending?"
    letter = text[text.index("Response to each finding"):text.index("Yours sincerely")]
    letter = re.sub(r" (?=[?,.:;)])", "", letter)  # HTML text joins inline elements with a space
    # read 35: every heading by number, the question in full once under the first
    assert letter.count(f"question 2: ‘{title}’") == 1 and "(question 2:" not in letter
    assert "Area for improvement 2 (Investigating crime and reducing re-offending) Reference E2-AFI-2." in letter
    assert ", on question" not in letter
    assert "website" not in text
    text = re.sub(r" (?=[?,.:;)])", "", text)
    assert ("The response is published by 26 June 2019, within 56 days beginning with the day "
            "the report was published (section 55(5A)).") in text


def _pages(pdf: bytes) -> list[str]:
    return [fold(p.extract_text()) for p in pypdf.PdfReader(__import__("io").BytesIO(pdf)).pages]


def _same_page(pages: list[str]) -> None:
    at = next(i for i, p in enumerate(pages) if "Response to each finding Each finding is quoted" in
              p.replace("\n", " "))
    assert re.search(r"(Recommendation|Cause of concern|Area for improvement)(?: 1)? \(",
                     pages[at].replace("\n", " ")), "the first finding is on the next page"


def test_the_first_finding_follows_its_heading_in_pdf(norfolk: Report, example: Report) -> None:
    for report, options in _cases(norfolk, example):
        options = dataclasses.replace(options, document="s55")
        _same_page(_pages(peeldocs.render(peeldocs.build_pack(report, options), "pdf", options)))


def test_a_reference_never_breaks_across_lines_in_docx(example: Report) -> None:
    """Word's non-breaking hyphen inside a reference; python-docx still reads "A5-REC-3"."""
    import docx as python_docx

    options = Options(document="committee", as_of=date(2025, 4, 1))
    data = peeldocs.render(peeldocs.build_pack(example, options), "docx", options)
    document = python_docx.Document(__import__("io").BytesIO(data))
    assert "A5-REC-3" in docx_text(data)
    xml = document.element.xml
    assert "A5<" in xml and "<w:noBreakHyphen/>" in xml
    assert not re.search(r">A5-REC-3<", xml)  # no plain hyphen a line can break at
    # ordinary hyphenated words keep their hyphen
    assert "body-worn" in docx_text(data)
