"""Read 21-C of the committee paper: what an editorial reader still found, and its fixes.

1. (fault 3) The paper's pages are numbered on their own ("Page 5 of 5"), the
   preparer's notes on theirs ("Preparer’s notes, page 1 of 1"), in PDF and in the
   DOCX as LibreOffice lays it out, in Welsh too: removing the notes leaves the
   paper numbered right.
2. (fault 2) Without a marking, the checklist lists its place in every page's
   header and footer, worded as the other lines; with one, it does not.
3. (fault 4) The plan's reason for a rating its author set reads as the plan's
   words, quoted, as its actions and updates do.
4. (fault 5) 7.1 says what the plan records "except as noted at paragraphs 2.2 and
   2.3", the asks that say what it lacks; unqualified when it lacks nothing.
5. (fault 1) A quoted sentence that points back ("But the force needs to assure
   itself that this backlog …") comes with the sentences of its paragraph it points
   to, verbatim; one that opens its paragraph pointing back is left out.
6. (fault 8) DOCX: a numbered paragraph after a table is set apart from it.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
from datetime import date
from pathlib import Path

import docx
import pdfplumber
import pypdf
import pytest
from clients import convert_with_libreoffice
from docread import document_text, norfolk_plan, rendered
from docx.oxml.ns import qn

from peeldocs.i18n.catalogue import COUNT_WORDS
from peeldocs.model import Report
from peeldocs.model.findings import passage_text
from peeldocs.options import Options
from peeldocs.plans.plan import ActionItem, ItemStatus
from peeldocs.sections.calls import report_calls, untracked_calls

FORMATS = ("pdf", "docx", "html")
NOTES = "Before issuing: notes for the preparer (remove this part)"
FOOTER = re.compile(r"(Preparer’s notes, page|Page) (\d+) of (\d+)")
HEADERS_LINE = "In the header and footer of each page: protective marking"
BACKLOG = ("We found a substantial backlog of cases waiting for secondary assessment of risk. "
           "A process has been put in place to prioritise crime over non-crime incidents. But "
           "the force needs to assure itself that this backlog is not causing unnecessary delays "
           "in giving vulnerable victims the right level of safeguarding.")


def _planned(report: Report) -> Options:
    return dataclasses.replace(norfolk_plan(report), document="committee")


def _cases(norfolk: Report, example: Report) -> dict[str, tuple[Report, Options]]:
    """The three inputs read 21 read, as build_review.sh builds them."""
    return {"norfolk-with-plan": (norfolk, _planned(norfolk)),
            "norfolk-no-plan": (norfolk, Options(document="committee", published=date(2019, 5, 2),
                                                 as_of=date(2019, 6, 10))),
            "exampleshire": (example, Options(document="committee", as_of=date(2025, 4, 1)))}


def _footers(pages: list[str]) -> list[tuple[str, int, int]]:
    out = []
    for page in pages:
        found = FOOTER.findall(" ".join(page.split()))
        assert len(found) == 1, page[-200:]
        out.append((found[0][0], int(found[0][1]), int(found[0][2])))
    return out


def _numbered_apart(pages: list[str], notes: str = NOTES,
                    words: tuple[str, str] = ("Page", "Preparer’s notes, page")) -> None:
    """The paper's pages count to the paper's end, the notes' to theirs, each from 1."""
    first = next(i for i, p in enumerate(pages) if notes in " ".join(p.split()))
    assert first >= 2  # a paper of more than one page: the count is tested
    footers = [(w, int(n), int(m)) for page in pages
               for w, n, m in [re.findall(rf"({words[1]}|{words[0]}) (\d+) o[f]? (\d+)",
                                          " ".join(page.split()))[0]]]
    paper, part = footers[:first], footers[first:]
    assert paper == [(words[0], n, len(paper)) for n in range(1, len(paper) + 1)], footers
    assert part == [(words[1], n, len(part)) for n in range(1, len(part) + 1)], footers


# --- 1. page totals without the notes ---------------------------------------------------------

def test_pdf_paper_and_notes_are_numbered_apart(norfolk: Report, example: Report) -> None:
    for name, (report, options) in _cases(norfolk, example).items():
        pages = [p.extract_text() for p in
                 pypdf.PdfReader(io.BytesIO(rendered(report, options, "pdf"))).pages]
        _footers(pages)  # one page number on every page
        _numbered_apart(pages)
        assert name  # each case checked


def test_welsh_paper_numbers_its_notes_apart_in_welsh(norfolk: Report) -> None:
    for options in (Options(document="committee", language="cy", published=date(2019, 5, 2),
                            as_of=date(2019, 6, 10)),
                    dataclasses.replace(_planned(norfolk), language="cy")):
        pdf = rendered(norfolk, options, "pdf")
        pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
        _numbered_apart(pages, "Cyn cyhoeddi’r papur: nodiadau i’r sawl sy’n paratoi",
                        ("Tudalen", "Nodiadau i’r sawl sy’n paratoi, tudalen"))
        document = docx.Document(io.BytesIO(rendered(norfolk, options, "docx")))
        paper, notes, _ = document.sections  # then an empty tail as the paper (read 22)
        assert "Nodiadau" not in paper.footer._element.xml
        assert "Nodiadau i’r sawl sy’n paratoi, tudalen " in notes.footer._element.xml
        assert notes._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"


@pytest.mark.xdist_group("libreoffice")
def test_docx_as_libreoffice_lays_it_out_numbers_them_apart_and_spaces_tables(
        norfolk: Report, example: Report, tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (Debian libreoffice-writer-nogui) is not installed")
    paths = {}
    for name, (report, options) in _cases(norfolk, example).items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(rendered(report, options, "docx"))
        paths[name] = path
    pdfs = convert_with_libreoffice(list(paths.values()), tmp_path / "lo")
    for pdf in pdfs.values():
        _numbered_apart([p.extract_text() for p in pypdf.PdfReader(pdf).pages])
    # 6. the paragraph after the findings table is set apart from its last rule, as text
    # after a table is (read 21-C: it sat flush against it)
    with pdfplumber.open(pdfs[paths["norfolk-with-plan"]]) as pdf:
        gaps = []
        for page in pdf.pages:
            for word in page.extract_words():
                if word["text"] == "6.3":
                    rules = [r["bottom"] for r in (*page.lines, *page.rects)
                             if r["bottom"] <= word["top"] + 1]
                    if rules:
                        gaps.append(word["top"] - max(rules))
        assert gaps and min(gaps) >= 5, gaps


# --- 2. the marking's place on every page, in the checklist -----------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_checklist_lists_the_marking_in_every_header_and_footer_when_none_was_given(
        fmt: str, norfolk: Report, example: Report) -> None:
    for name, (report, options) in _cases(norfolk, example).items():
        text = document_text(report, options, fmt)
        notes = text[text.index(NOTES):]
        listed = notes[notes.index("where it appears:"):]
        said = re.search(r"This paper has (\w+) parts that only its author can write", notes)
        assert said is not None, name
        count = COUNT_WORDS.index(said[1]) if said[1] in COUNT_WORDS else int(said[1])
        lines = re.findall(r"(?:In the table at the top|In the header and footer of each page|"
                           r"Paragraph \d+\.\d+)", listed)
        assert len(lines) == count, name  # the count is of the lines listed
        if options.marking.value:  # asked for: on every page as given, nothing to complete
            assert HEADERS_LINE not in text and "{to be completed: protective marking}" \
                not in text, name
            continue
        # worded as the line for the table's marking, right after it
        assert (f"In the table at the top, “Protective marking”: the marking, such as OFFICIAL "
                f"{HEADERS_LINE}") in listed.replace("• ", ""), name
        assert listed.count(HEADERS_LINE) == 1, name


def test_welsh_checklist_lists_the_marking_in_every_header_and_footer(norfolk: Report) -> None:
    options = Options(document="committee", language="cy", published=date(2019, 5, 2),
                      as_of=date(2019, 6, 10))
    text = document_text(norfolk, options, "pdf")
    assert "Ym mhennyn a throedyn pob tudalen: marc diogelu" in text
    assert HEADERS_LINE not in text


# --- 3. the plan's rating reason, quoted ------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_plans_rating_reason_reads_as_the_plans_words(fmt: str, norfolk: Report) -> None:
    text = document_text(norfolk, _planned(norfolk), fmt)
    part = text[text.index("6.3"):text.index("7. How progress")]
    assert ("Rated Green by the plan’s author: “Example reason. Closed four days late but fully "
            "delivered.”") in part
    assert "author: Example reason" not in part
    welsh = document_text(norfolk, dataclasses.replace(_planned(norfolk), language="cy"), fmt)
    welsh = welsh.replace("“ ", "“").replace(" ”", "”")  # the English words' span, in HTML
    assert ("gan awdur y cynllun: “Example reason. Closed four days late but fully delivered.”"
            in welsh)


# --- 4. 7.1 never claims more than the plan holds ---------------------------------------------

def _plan_with(options: Options, *items: ActionItem, drop: str = "") -> Options:
    plan = options.plan
    assert plan is not None
    kept = tuple(i for i in plan.items if i.finding != drop)
    return dataclasses.replace(options, plan=dataclasses.replace(plan, items=(*kept, *items)))


def _full(finding: str) -> ActionItem:
    return ActionItem(finding, ItemStatus.IN_PROGRESS, actions=("Synthetic test action",),
                      owner="Synthetic owner", current_target=date(2020, 3, 31))


@pytest.mark.parametrize("fmt", FORMATS)
def test_what_the_plan_records_points_to_what_it_lacks(fmt: str, norfolk: Report) -> None:
    records = ("The force’s action plan records the actions, owners and target dates it has set "
               "against the report’s findings")
    text = document_text(norfolk, _planned(norfolk), fmt)
    assert f"{records}, except as noted at paragraphs 2.2 and 2.3." in text
    # the paragraphs named are the ones that say what the plan lacks
    assert re.search(r"2\.2 The [\w ]+ is asked to note that the action plan does not yet "
                     r"hold the recommendation", text)
    assert re.search(r"2\.3 The [\w ]+ is asked to seek assurance from the chief constable "
                     r"that an owner and actions will be recorded", text)
    # one gap: one paragraph; none: said without exception
    one = _plan_with(_planned(norfolk), _full("E2-AFI-2"), drop="E2-AFI-2")
    text = document_text(norfolk, one, fmt)
    assert f"{records}, except as noted at paragraph 2.2." in text
    assert re.search(r"2\.2 The [\w ]+ is asked to note that the action plan does not yet "
                     r"hold", text)
    whole = _plan_with(one, _full("E5-REC-1"))
    text = document_text(norfolk, whole, fmt)
    assert f"{records}. Progress" in text and "except as noted" not in text
    welsh = document_text(norfolk, dataclasses.replace(_planned(norfolk), language="cy"), fmt)
    assert "ac eithrio fel y nodir ym mharagraffau 2.2 a 2.3." in welsh


# --- 5. a quotation that points back, with what it points to ----------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_quoted_call_that_points_back_comes_with_what_it_points_to(
        fmt: str, norfolk: Report, example: Report) -> None:
    for name, (report, options) in _cases(norfolk, example).items():
        text = document_text(report, options, fmt)
        if report is example:
            continue
        assert f"Question 3, ‘Supporting vulnerable victims’: “{BACKLOG}”" in text, name
        assert "“But the force" not in text, name
        # every quotation opening with a connective or pronoun is of a whole passage
        for quoted in re.findall(r"“((?:But|However|This|These|It|They)\b[^”]*)”", text):
            assert quoted.startswith(("It makes", "This paper")), quoted


def _with_paragraphs(report: Report, *paragraphs: str) -> Report:
    q = report.questions[2]
    section = dataclasses.replace(q.findings[0], paragraphs=paragraphs)
    q = dataclasses.replace(q, findings=(section, *q.findings[1:]))
    return dataclasses.replace(report, questions=(*report.questions[:2], q,
                                                  *report.questions[3:]))


def test_calls_that_point_back_are_quoted_from_what_they_point_to_or_left_out(
        norfolk: Report) -> None:
    report = _with_paragraphs(
        norfolk,
        "Synthetic test text. We found delays in synthetic referrals. The force has a plan. "
        "However, the force should review these referrals weekly.",
        "But the force must also publish synthetic results.",
        "Synthetic test text about staffing. The force should train synthetic staff. This "
        "means the force needs to check synthetic rotas.")
    quotes = [c.quote for c in untracked_calls(report) if c.question.number == 3]
    # "these referrals": back to the sentence that names them, verbatim, in order
    assert ("We found delays in synthetic referrals. The force has a plan. However, the force "
            "should review these referrals weekly.") in quotes
    # opens its paragraph pointing back: nothing of its paragraph to quote with it
    assert not any("publish synthetic results" in q for q in quotes)
    # a call within the next one's lead-in is quoted there only, never twice
    joined = [q for q in quotes if "synthetic staff" in q]
    assert joined == ["The force should train synthetic staff. This means the force needs to "
                      "check synthetic rotas."], quotes
    whole = " ".join(passage_text(p) for q in report.questions for s in q.findings
                     for p in s.paragraphs)
    for quote in quotes:  # never a paraphrase: each is one run of the report's own words
        assert " ".join(quote.split()) in " ".join(whole.split()), quote
    # each call is still counted once where a listed finding tracks it
    assert len({c.sentence for c in report_calls(norfolk)}) == len(report_calls(norfolk))
