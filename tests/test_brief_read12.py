"""Editorial read 12-B of the one-page brief: the page uses its room for every area for
improvement, passed deadlines in the order they fell, and earlier findings and ungraded areas
said as the data says them.

Each test reads what a reader gets: the PDF's text (and the DOCX as LibreOffice lays it out),
the DOCX through python-docx, the HTML text.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from docread import between, browser_joins, pdf_pages, rendered, text_of
from docread import review_options as _options
from pagefill import convert_with_libreoffice

import peeldocs
from peeldocs.blocks import Paragraph, inline_text
from peeldocs.model import Judgment, Report, Status
from peeldocs.options import Options
from peeldocs.sections.asks import no_plan_asks
from peeldocs.sections.brief import brief_section
from peeldocs.sections.brief_budget import budgets, fuller
from peeldocs.sections.brief_items import sentences
from peeldocs.sections.brief_list import cut_to_opening
from peeldocs.sections.items import ItemKind, response_items
from peeldocs.sections.lowest import tally_sentence

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "exampleshire-2023-25-assessment.yaml"
FORMATS = ("pdf", "docx", "html")
E2_AFIS = ("E2-AFI-1", "E2-AFI-2", "E2-AFI-3")


def _read(case: str, fmt: str) -> str:
    report, options = _options(case)
    text = text_of(rendered(report, options, fmt), fmt)
    if fmt == "html":  # as a browser joins inline elements
        text = browser_joins(text, ",.:;)’”")
    return " ".join(text.split())


def _roomy(report: Report, options: Options) -> str:
    """The brief's text at its fullest level without the table, on as many pages as it needs."""
    section = brief_section(report, options, dataclasses.replace(budgets(report)[0], rows=0),
                            pages=None)
    return " ".join(" ".join(inline_text(b.runs) for b in section.blocks
                             if isinstance(b, Paragraph)).split())


# --- B1. every area for improvement on the page when it has room ---------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_norfolk_without_a_plan_lists_every_area_for_improvement(fmt: str) -> None:
    report, _unused = _options("norfolk")
    text = _read("norfolk", fmt)
    needs = between(text, "What needs doing", "Deadlines")
    found = {i.id: " ".join(i.full_text.split()) for i in response_items(report)}
    # each of the three, in the report's order; none left to a "one more" sentence
    assert needs.index("(E2-AFI-1):") < needs.index("(E2-AFI-2):") < needs.index("(E2-AFI-3):")
    assert "more area for improvement" not in needs and "listed verbatim" not in needs
    # read 19: every one on the page; a long one is cut to its first sentence only when the
    # page is short of room, as it is once read 21's notes close the page: the longest, marked
    # (read 29-B: quoted, and with room since the earlier finding is said plainly, whole)
    first = sentences(found["E2-AFI-1"])[0]
    if f"“{first} …”" in needs:  # read 31-B: the opening says the pack has it in full
        assert f"Area for improvement (E2-AFI-1): “{first} …”" in needs
        assert "The briefing pack has the findings in full." in text
    else:
        assert all(f"({ref}): “{found[ref]}”" in needs for ref in ("E2-AFI-1", "E2-AFI-2", "E2-AFI-3"))
    for ref in ("E2-AFI-2", "E2-AFI-3"):  # the others whole (read 29-B: quoted)
        assert f"Area for improvement ({ref}): “{found[ref]}”" in needs, ref
    # the recommendation is never the one cut; addressed to more than the force, it is joint
    assert "Joint recommendation (E5-REC-1):" in needs


def test_the_fuller_page_is_one_page_in_pdf_and_as_libreoffice_lays_out_the_docx(
        tmp_path: Path) -> None:
    report, options = _options("norfolk")
    assert pdf_pages(rendered(report, options, "pdf")) == 1
    docx_path = tmp_path / "brief.docx"
    docx_path.write_bytes(rendered(report, options, "docx"))
    laid_out = convert_with_libreoffice([docx_path], tmp_path / "lo")[docx_path]
    data = laid_out.read_bytes()
    assert pdf_pages(data) == 1
    text = " ".join(text_of(data, "pdf").split())
    assert all(f"({ref}):" in text for ref in E2_AFIS)


def test_long_areas_are_cut_to_a_sentence_before_any_is_left_out() -> None:
    report, _unused = _options("norfolk")
    levels = budgets(report)
    steps = [(b.other, b.whole) for b in levels]
    # every area for improvement is kept, each long one quoted whole and then to a sentence,
    # before the first is left out; causes of concern and recommendations go last of all
    first_cut = next(n for n, b in enumerate(levels) if b.other < levels[0].other)
    assert steps[first_cut - 1] == (levels[0].other, 0) and levels[0].whole == 3  # read 29-B
    # read 30-B: then to one short clause each; when some go, the rest stay short and the
    # fitting gives their words back while the page holds them (fuller)
    assert levels[first_cut - 1].span == 0
    assert any(b.whole == 1 for b in fuller(levels[first_cut], levels[0]))
    assert all(b.key == levels[0].key for b in levels[:first_cut + 1])
    shown = [i for i in response_items(report) if i.kind is ItemKind.AREA_FOR_IMPROVEMENT]
    # the longest first (E2-AFI-1, three sentences); read 29-B: a sentence of more than 20
    # words (E2-AFI-2) can be cut to a clause too
    assert cut_to_opening(shown, 2) == {"E2-AFI-1"}
    assert cut_to_opening(shown, 1) == {"E2-AFI-1", "E2-AFI-2"}
    assert cut_to_opening(shown, 0) == {"E2-AFI-1", "E2-AFI-2", "E2-AFI-3"}
    assert cut_to_opening(shown, 3) == frozenset()


# --- A. passed deadlines in the order they fell due -----------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_decisions_name_passed_deadlines_earliest_first(fmt: str) -> None:
    # read 19: a list in deadline order says so; "all four" names every one without a list
    report, options = _options("example")
    text = text_of(rendered(report, dataclasses.replace(options, as_of=date(2025, 3, 20)), fmt),
                   fmt)
    text = " ".join((browser_joins(text, ",.:;)’”") if fmt == "html" else text).split())
    assert ("whose deadlines have passed (in deadline order: A5-REC-3, A5-REC-1 and "
            "A4-REC-1)") in text
    assert "all four recommendations, whose deadlines have passed, and who" in _read("example",
                                                                                      fmt)


def _with_deadlines(report: Report, deadlines: dict[str, str]) -> Report:
    questions = []
    for q in report.questions:
        causes = tuple(dataclasses.replace(c, recommendations=tuple(
            dataclasses.replace(r, deadline=deadlines.get(r.id, r.deadline))
            for r in c.recommendations)) for c in q.causes_of_concern)
        questions.append(dataclasses.replace(q, causes_of_concern=causes))
    return dataclasses.replace(report, questions=tuple(questions))


def test_passed_deadlines_are_in_date_order_for_any_report() -> None:
    example = peeldocs.load_report(EXAMPLE)
    # the other way round: the area listed second has the earliest deadline
    changed = _with_deadlines(example, {"A4-REC-1": "immediately",
                                        "A5-REC-3": "by 31 January 2025",
                                        "A5-REC-1": "within six months",
                                        "A5-REC-2": "within three months"})
    asks = no_plan_asks(changed, Options(as_of=date(2025, 4, 1)))
    assert asks[-1] == ("confirm the action taken on all four recommendations, whose "
                        "deadlines have passed, and who reports progress on them"), asks
    # only some passed: those, in the order they fell, said to be so (read 19)
    asks = no_plan_asks(changed, Options(as_of=date(2025, 2, 1)))
    assert "(in deadline order: A4-REC-1, A5-REC-2 and A5-REC-3)" in asks[-1], asks


# --- E. earlier findings and ungraded areas said as the data says them ----------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_an_earlier_finding_is_reconsidered_under_its_question(fmt: str) -> None:
    for case in ("norfolk", "norfolk-plan"):
        text = _read(case, fmt)
        # read 29-B: where it is reconsidered beside its reference; its own words, no brackets
        assert ("not made enough progress on the 2017 area for improvement (E-2017-AFI-1, "
                "question 2) to “put appropriate supervision") in text
        assert "2017 area for improvement under question 2" not in text
        # the report's account of it (marked with brackets) is not "which read"
        assert "(E-2017-AFI-1), which read" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_earlier_cause_of_concerns_own_words_are_what_it_read(fmt: str) -> None:
    # the review's page has no line to spare for its words (read 19): a roomier one quotes them
    report, options = _options("example")
    questions = tuple(dataclasses.replace(q, causes_of_concern=tuple(
        dataclasses.replace(c, recommendations=c.recommendations[:2])
        for c in q.causes_of_concern)) for q in report.questions)
    roomier = dataclasses.replace(report, questions=questions)
    text = " ".join(text_of(rendered(roomier, options, fmt), fmt).split())
    if fmt == "html":
        text = browser_joins(text, ",.:;)’”")
    assert ("2021/22 cause of concern (A-2021-COC-1), reconsidered in ‘Responding to the public’, "
            "which read: “The force isn’t answering emergency calls promptly enough") in text
    assert "(A-2021-COC-1): “The force isn’t" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_area_the_inspectorate_does_not_grade_is_said_to_be_so(fmt: str) -> None:
    # the assessment's page gives its findings the room (read 21): its tally where it has room
    report, options = _options("example")
    assert "‘Victim service assessment’ was ungraded." in _roomy(report, options)
    assert "one was graded requires improvement (question 2, ‘How effective is the force at investigating crime and reducing re-offending?’); question 5 was ungraded." in _read("norfolk", fmt)
    for case in ("example", "norfolk"):
        assert "one was ungraded" not in _read(case, fmt)


def test_only_the_ungraded_status_is_by_design() -> None:
    example = peeldocs.load_report(EXAMPLE)
    qs = list(example.questions)
    said = tally_sentence(tuple(qs), by_design="area")
    # read 29-B: which one is named, not "one is ungraded by design"
    assert said.endswith("; ‘Victim service assessment’ was ungraded"), said
    # a force not graded that year, and a grade not read, are never called "by design"
    qs[0] = dataclasses.replace(qs[0], judgment=Judgment(Status.NOT_GRADED))
    qs[1] = dataclasses.replace(qs[1], judgment=Judgment(Status.UNKNOWN))
    said = tally_sentence(tuple(qs), by_design="area")
    assert "one was not graded" in said and "one was not found in the imported text" in said
    assert said.count("ungraded") == 1
    assert re.search(r"‘Victim service assessment’ was ungraded", said)
