"""Editorial read 24-B of the one-page brief: each plan line says what its finding is, the
plan's count is what its list holds, the section 55 ask is a check that stays true, an earlier
finding's reference follows the finding, and no date is split across lines.

Each test reads what a reader gets: the PDF's text and its lines, the DOCX through
python-docx and as LibreOffice lays it out, the HTML text as a browser joins it.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pypdf
import pytest
from docread import between, brief_text, document_text, rendered, review_options
from pagefill import convert_with_libreoffice, pages

import peeldocs
from peeldocs.options import Options
from peeldocs.renderers.base import DATE, MONTHS, keep_dates
from peeldocs.sections.brief_budget import CUTS
from peeldocs.sections.brief_labels import plan_gist
from peeldocs.sections.items import response_items

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("pdf", "docx", "html")
CASES = ("norfolk", "norfolk-plan", "example")
CHECK = "confirm with the commissioner whether the section 55 comments were published, and when"  # read 32


@pytest.fixture(scope="module")
def texts() -> dict[tuple[str, str], str]:
    return {(case, fmt): brief_text(rendered(*review_options(case), fmt), fmt)
            for case in CASES for fmt in FORMATS}


# --- fault 1: each plan line says what its finding is -------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_each_plan_line_gives_a_few_of_its_findings_words(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["norfolk-plan", fmt]
    late = between(text, "Deadlines")
    # read 30-B: the areas for improvement are quoted once, under "What needs doing"; the
    # plan's lines name each by reference, and the closed one says how late it closed
    # read 31-B: each line above gives its finding's state in the plan, a whole clause quoted
    assert "In progress:" not in late and "Closed:" not in late
    needs = between(text, "What needs doing", "Deadlines")
    assert ("(E2-AFI-1): “The force must ensure that staff with the right skills are "
            "investigating crimes thoroughly, leading to satisfactory outcomes for victims. …” "
            "Plan: in progress, due 31 December 2019.") in needs
    assert ("(E2-AFI-3): “The force should ensure regular and active supervision of the quality "
            "and progress of investigations. …” Plan: closed on 4 October 2019, four days "
            "late.") in needs
    # the decision names its finding by reference and a few of its words, the action first
    assert ("name an owner and an action for E2-AFI-2, whose target is 1 November 2019") in text
    assert "(E-2017-AFI-1, question 2) to “put appropriate" in text  # read 29-B: no brackets


def test_what_is_now_needed_outlasts_the_last_area_for_improvement_and_the_gists_outlast_it(
        ) -> None:
    # read 25-B: what the report says is now needed on an overdue earlier finding (its
    # present bar) outlasts the whole words of the finding the decisions name, which the
    # decision then quotes by its opening words; the plan's gists outlast both (read 24-B)
    # read 30-B: every area for improvement on the page, to one short clause each, outlasts
    # what is now needed and the plan lines' labels
    assert (CUTS.index(("span", 0)) < CUTS.index(("follow", 0)) < CUTS.index(("labels", 0))
            < CUTS.index(("other", 1)) < CUTS.index(("other", 0)))
    assert CUTS[-1] == ("key", 0)  # causes of concern and recommendations last to go


def test_a_plan_gist_is_the_reports_own_words_in_order() -> None:
    # never a paraphrase: the words inside the quotation marks stand in the finding as given
    for path in ("data/norfolk-2018-effectiveness.yaml",
                 "examples/exampleshire-2023-25-assessment.yaml"):
        report = peeldocs.load_report(ROOT / path)
        for item in response_items(report):
            gist = plan_gist(item.full_text)
            assert gist.startswith("“") and gist.endswith("”"), item.id
            words = gist[1:-1].removesuffix(" …")
            assert words in " ".join(item.full_text.split()), item.id
    # what the finding asks for, to a natural break; a long run with no break near is cut
    # from its opening words, the cut marked
    assert plan_gist("The force should ensure regular and active supervision of the quality "
                     "and progress of investigations.") == "“regular and active supervision”"
    assert plan_gist("We recommend Norfolk and Suffolk Constabularies to work with other forces "
                     "in the east of England.") == "“work with other forces”"
    assert plan_gist("The force should make sure that every investigation has a documented "
                     "supervisory review within seven days.").endswith(" …”")


# --- fault 2: the count line agrees with what follows -------------------------------------------

def test_the_plans_count_is_what_its_list_holds(tmp_path: Path) -> None:
    report, options = review_options("norfolk-plan")
    document = docx.Document(io.BytesIO(rendered(report, options, "docx")))
    paragraphs = [(" ".join(p.text.split()), p.style.name) for p in document.paragraphs]
    head = next(n for n, (t, _s) in enumerate(paragraphs)
                if t.startswith("Illustrative action plan as at 15 October 2019"))
    assert paragraphs[head][0].endswith("): four items (one overdue, one with no owner, one in progress and one closed four days late).")
    subs = [t for t, s in paragraphs[head + 1:] if s == "List Bullet 2"]
    # read 30-B: what the plan lacks is on a line of its own, after what is overdue
    # read 31-B: the others' states are on their lines above; what is overdue, here, first
    assert [t.split(":")[0] for t in subs] == ["Overdue"]
    # and the decisions at the top ask for an item for it, by reference and a few words
    text = brief_text(rendered(report, options, "pdf"), "pdf")
    assert "add an item for the joint recommendation E5-REC-1" in \
        between(text, "Decisions needed", "Judgments")
    assert "No item yet" not in text
    html = rendered(report, options, "html").decode("utf-8")
    (sub,) = re.findall(r'<ul class="sub">(.*?)</ul>', html, re.S)
    assert sub.count("<li") == 1


# --- fault 3: the section 55 ask stays true once the date is filled in ------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_section_55_ask_is_a_check_that_stays_true(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    for case, end in (("norfolk-plan", "Judgments"), ("example", "Grades")):
        decisions = between(texts[case, fmt], "Decisions needed", end)
        # read 31-B: beside a plan, the check gives way to the findings' words
        # read 35: on the example's page, to the figure behind a cause of concern
        assert decisions.rstrip().endswith(CHECK + ".") or case == "norfolk-plan" or (
            "71.2%" in texts[case, fmt]), case
        assert "if not yet published" not in texts[case, fmt], case
        # the date it asks for is the deadline line's placeholder, on the same page
        assert "Date published: {to be completed: the date, or “not yet”}" in texts[case, fmt]
    assert CHECK not in texts["norfolk", fmt]  # before the deadline: agree them by it


# --- fault 6: an earlier finding's reference follows the finding ---------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_an_earlier_findings_reference_follows_the_finding(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    for case in ("norfolk", "norfolk-plan"):
        text = texts[case, fmt]
        # read 29-B: its reference and place in one bracket, then its own words
        assert ("the 2017 area for improvement (E-2017-AFI-1, question 2) to “put" in text), case
        assert "question 2 (E-2017-AFI-1)" not in text, case
    text = texts["example", fmt]
    assert ("the 2021/22 cause of concern (A-2021-COC-1), reconsidered in ‘Responding to the "
            "public’, where it gives another cause of concern (A4-COC-1).") in text
    assert "public’ (A-2021-COC-1)" not in text


# --- fault 7: a date's day, month and year on one line ---------------------------------------

_SPLIT = re.compile(rf"\b\d{{1,2}}\s*\n\s*(?:{MONTHS})\b|\b(?:{MONTHS})\s*\n\s*\d{{4}}\b")
"""A date broken across two lines of extracted text."""


def _split_dates(pdf: Path | bytes) -> list[str]:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    lines = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    return _SPLIT.findall(lines)


def test_no_date_is_split_across_lines_in_pdf_or_in_libreoffice(tmp_path: Path) -> None:
    docs = []
    for case in CASES:
        report, options = review_options(case)
        pdf = rendered(report, options, "pdf")
        assert not _split_dates(pdf), case
        # the reviewed line: "due 1" ended one line and "November 2019" began the next
        path = tmp_path / f"{case}.docx"
        path.write_bytes(rendered(report, options, "docx"))
        docs.append(path)
    for path, pdf_path in convert_with_libreoffice(docs, tmp_path / "lo").items():
        assert not _split_dates(pdf_path), path.name
        assert len(pages(pdf_path)) == 1, path.name  # still one page


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_date_kept_whole_still_reads_as_words(fmt: str) -> None:
    report, options = review_options("norfolk-plan")
    text = brief_text(rendered(report, options, fmt), fmt)
    assert "due 1 November 2019" in text and "first set for 31 July 2019" in text
    assert all(len(d.split()) == 3 for d in DATE.findall(text))
    if fmt == "docx":  # the no-break space is inside dates only; a space to str.split()
        raw = " ".join(p.text for p in docx.Document(io.BytesIO(rendered(report, options, fmt)))
                       .paragraphs)
        assert "1\u00a0November\u00a02019" in raw
        assert re.sub(r"\d{1,2}\u00a0\w+\u00a0\d{4}", "", raw).count("\u00a0") == 0


def test_dates_are_kept_whole_in_every_document_kind_but_not_in_narrow_table_cells() -> None:
    assert keep_dates("due 1 November 2019; 31 Rhagfyr 2019") == (
        "due 1\u00a0November\u00a02019; 31\u00a0Rhagfyr\u00a02019")
    assert keep_dates("in 2019 November") == "in 2019 November"  # not a date as written
    report, options = review_options("norfolk-plan", "committee")
    text = brief_text(rendered(report, options, "pdf"), "pdf")
    # a narrow table column may break a date between its words, never inside its digits
    assert "In progress; due 31 December 2019" in text
    assert "due 3 1 December" not in text


def test_welsh_dates_are_kept_whole_too() -> None:
    report = peeldocs.load_report(ROOT / "data" / "norfolk-2018-effectiveness.yaml")
    options = Options(document="brief", language="cy", published=review_options("norfolk")[1]
                      .published, as_of=review_options("norfolk")[1].as_of)
    assert not _split_dates(rendered(report, options, "pdf"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_pack_names_the_earlier_finding_as_the_brief_does(fmt: str) -> None:
    # the pack's summaries name an earlier finding through the brief's wording: the same fix
    text = document_text(*review_options("norfolk-plan", "pack"), fmt)
    assert ("not made enough progress on the 2017 area for improvement (E-2017-AFI-1), "
            "reconsidered under question 2") in text
    assert "question 2 (E-2017-AFI-1)" not in text
