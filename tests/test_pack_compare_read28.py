"""Reads 28-P and 28-X: the briefing pack's and the comparison's last faults, as a reader gets them.

Pack:
1. Without a plan, the ask on deadlines that have passed names the findings' kind
   ("recommendations" when all are) and reads in one plain clause.
2. Practice is said to be under the areas that have it, never "under each area".
3. The earlier findings are counted once in the lead-in of "Findings to act on"; their
   outcomes are said once, after the list.
4. With a plan, a closure is put to the group to note: when, how late, who signed it off.
5. The sentence on statements left out of "Other points" is in the list's lead-in, so it
   never sits alone at a page top (PDF; DOCX as LibreOffice lays it out).
6. A heading's lead-in is never left at a page foot with its list overleaf: the words
   that introduce the list share a page with its first item, and the Norfolk executive
   summary stays within three pages (tests/test_pdf.py).
Comparison:
1. The sentence the report does not set out as a finding is described without contradiction.
2. The report's areas for improvement are named by their opening words, not only counted.
3. The reading notes name only the marks the tables use.
4. The Source column's note is a plain statement.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
from docread import (
    document_text,
    rendered,
    review_comparison,
    review_options,
    synthetic_assessment,
    text_of,
)
from pagefill import convert_with_libreoffice

from peeldocs.comparisons.loading import load_comparison, report_entries
from peeldocs.comparisons.model import ComparisonSet
from peeldocs.comparisons.origins import marks_used
from peeldocs.comparisons.summary import report_points
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.plans.plan import ItemStatus
from peeldocs.sections.asks_lead import closure_notes, passed_noun
from peeldocs.sections.common import wording

FORMATS = ("pdf", "docx", "html")


def _text(case: str, fmt: str, **changes: Any) -> str:
    report, options = review_options(case, "pack")
    return document_text(report, dataclasses.replace(options, **changes), fmt)


def _pages(data: bytes) -> list[str]:
    """Each page's text, whitespace folded."""
    return [" ".join((p.extract_text() or "").split())
            for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def _page_of(pages: list[str], words: str, start: int = 0) -> int:
    return next(n for n, page in enumerate(pages) if n >= start and words in page)


# --- pack 1: the ask on passed deadlines ------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_passed_deadline_ask_names_recommendations_in_one_plain_clause(fmt: str) -> None:
    text = _text("example", fmt)
    # read 36: the ask a bullet of its own, the list under it in deadline order
    assert ("Confirm what action has been taken on each of the four recommendations below, "
            "all past their deadlines, and who reports progress to the inspectorate and the "
            "police and crime commissioner (or equivalent). They are listed in the order their "
            "deadlines fell.") in text
    assert "whose deadlines have passed" not in text and "four findings below" not in text


def test_the_ask_calls_findings_of_several_kinds_findings() -> None:
    report, _options = review_options("example", "pack")
    assert passed_noun(report, ("A5-REC-1", "A4-REC-1")) == "recommendations"
    assert passed_noun(report, ("A5-REC-1",)) == "recommendation"
    assert passed_noun(report, ("A5-REC-1", "A4-COC-1")) == "findings"  # mixed kinds
    assert passed_noun(report, ("A5-REC-1", "not-a-ref")) == "findings"  # not known: no kind


# --- pack 2: practice under the areas that have it --------------------------------------------

def _with_practice_in(report: Report, areas: int) -> Report:
    """The example with the first area's practice example copied to ``areas`` areas."""
    example = next(p for q in report.questions for p in q.notable_practice)
    questions = tuple(dataclasses.replace(q, notable_practice=(example,)) if n < areas
                      else dataclasses.replace(q, notable_practice=())
                      for n, q in enumerate(report.questions))
    return dataclasses.replace(report, questions=questions)


@pytest.mark.parametrize("fmt", FORMATS)
def test_practice_is_said_to_be_under_the_areas_that_have_it(fmt: str) -> None:
    text = _text("example", fmt)
    # read 34: not counted among the findings to act on; its own section names it
    assert "It also names two examples of innovative or promising practice" not in text
    assert "Innovative or promising practice the report names" in text
    assert "under each area" not in text


def test_practice_in_many_areas_is_under_their_areas() -> None:
    report, options = review_options("example", "pack")
    one = document_text(_with_practice_in(report, 1), options, "html")
    # read 34: never counted among the findings to act on, however many areas have it
    assert "(under ‘Recording data about crime’, quoted below)" not in one
    many = document_text(_with_practice_in(report, 5), options, "html")
    assert "examples of innovative or promising practice (quoted below)" not in many
    assert "under each area" not in many


# --- pack 3: the earlier findings said once ---------------------------------------------------

@pytest.mark.parametrize("case", ["norfolk", "norfolk-plan"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_earlier_findings_are_counted_once_and_their_outcomes_said_once(
        case: str, fmt: str) -> None:
    text = _text(case, fmt)
    start = text.rindex("Findings to act on")  # the summary's heading, not the contents entry
    part = text[start:text.index("Findings by question", start)]
    assert "It revisits four earlier findings." in part
    assert "three addressed" not in part and "one with not enough progress" not in part
    assert part.count("The report finds that the force has addressed three earlier areas for "
                      "improvement, under questions 3 and 4.") == 1
    assert part.index("It revisits four earlier findings.") < part.index("E-2017-AFI-1") \
        < part.index("has addressed three earlier")


# --- pack 4: a closure is put to the group to note --------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_closure_is_put_to_the_group_to_note(fmt: str) -> None:
    text = _text("norfolk-plan", fmt)
    start = text.index("The chief officer group is asked")
    asks = text[start:text.index("Judgments by question", start)]
    # read 36: a short lead, then each thing to note a bullet of its own
    assert " ".join(asks.replace("•", " ").split()).startswith(
        "The chief officer group is asked to note the judgments, and: E2-AFI-3 was closed on "
        "4 October 2019, four days late, signed off by Example DCC (illustrative). "
        "E-2017-AFI-1, the earlier finding under the same question, is still open: the group "
        "may ask what evidence supports the closure of E2-AFI-3. It is asked to take these "
        "decisions:")
    # the other decisions follow, as before; the finding itself is quoted below
    assert "Decide on E-2017-AFI-1" in asks


LINKED = ("E-2017-AFI-1, the earlier finding under the same question, is still open: "
          "the group may ask what evidence supports the closure of E2-AFI-3.")
"""Read 35: a closure beside an open earlier finding on its question says so (read 36: apart)."""


def test_a_closure_says_what_the_plan_does_not_record() -> None:
    report, options = review_options("norfolk-plan", "pack")
    assert options.plan is not None
    items = tuple(dataclasses.replace(i, signed_off_by=None, closed_on=date(2019, 9, 30))
                  if i.status is ItemStatus.CLOSED else i for i in options.plan.items)
    plan = dataclasses.replace(options.plan, items=items)
    assert closure_notes(report, dataclasses.replace(options, plan=plan)) == [
        "E2-AFI-3 was closed on 30 September 2019, by its target date, with no sign-off "
        "recorded.", LINKED]
    undated = tuple(dataclasses.replace(i, closed_on=None) for i in items)
    (note, linked) = closure_notes(report, dataclasses.replace(
        options, plan=dataclasses.replace(plan, items=undated)))
    assert note == "E2-AFI-3 was closed (no date of closure is recorded), with no sign-off " \
                   "recorded."
    assert linked == LINKED
    many = tuple(dataclasses.replace(i, status=ItemStatus.CLOSED) for i in items)
    (note,) = closure_notes(report, dataclasses.replace(
        options, plan=dataclasses.replace(plan, items=many)))
    assert note.startswith("The action plan records four items as closed: "
                           "E-2017-AFI-1, E2-AFI-1")
    # many closures counted in the ask, before the one decision left (E5-REC-1 has no item)
    text = document_text(report, dataclasses.replace(options, plan=dataclasses.replace(
        plan, items=many)), "html")
    assert ("is asked to note the judgments, and: The action plan records four items as closed: "
            "E-2017-AFI-1, E2-AFI-1, E2-AFI-2 and E2-AFI-3. It is asked to take "
            "this decision:") in " ".join(text.replace("•", " ").split())


# --- pack 5 and 6: what introduces a list stays with it ---------------------------------------

def test_the_left_out_statements_are_said_before_the_list_on_its_page() -> None:
    for case in ("norfolk", "norfolk-plan"):
        report, options = review_options(case, "pack")
        pages = _pages(rendered(report, options, "pdf"))
        lead = _page_of(pages, "The report makes three further statements of this kind")
        assert "Question 1, ‘Prioritising crime prevention’" in pages[lead], case
        whole = " ".join(pages)
        assert whole.index("left out here, as those findings track them. In its own words") \
            < whole.index("Question 1, ‘Prioritising crime prevention’")


LEAD_ENDS = {"norfolk": ("It revisits four earlier findings.", "Recommendation, E5-REC-1"),
             "norfolk-plan": ("It revisits four earlier findings.", "Recommendation, E5-REC-1"),
             "example": ("the worst-graded area first.", "Area for improvement, A5-AFI-1")}


@pytest.mark.parametrize("case", sorted(LEAD_ENDS))
def test_the_findings_lead_in_ends_on_the_page_of_the_first_finding_in_pdf(case: str) -> None:
    report, options = review_options(case, "pack")
    pages = _pages(rendered(report, options, "pdf"))
    heading = _page_of(pages, "Findings to act on The report lists", 2)
    last_words, first_item = LEAD_ENDS[case]
    item = _page_of(pages, first_item, heading)
    assert last_words in pages[item], (case, heading, item)
    assert item - heading <= 1


def test_the_findings_lead_in_stays_with_the_first_finding_in_the_docx(tmp_path: Path) -> None:
    paths = []
    for case in sorted(LEAD_ENDS):
        report, options = review_options(case, "pack")
        path = tmp_path / f"{case}.docx"
        path.write_bytes(rendered(report, options, "docx"))
        paths.append(path)
    laid_out = convert_with_libreoffice(paths, tmp_path / "lo")
    for path in paths:
        pages = _pages(laid_out[path].read_bytes())
        last_words, first_item = LEAD_ENDS[path.stem]
        heading = _page_of(pages, "Findings to act on The report lists", 2)
        item = _page_of(pages, first_item, heading)
        assert last_words in pages[item], path.stem
        left_out = _page_of(pages, "The report makes three further statements") \
            if path.stem != "example" else None
        if left_out is not None:
            assert "Question 1, ‘Prioritising crime prevention’" in pages[left_out]


# --- comparison --------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_comparison_says_plainly_what_it_read(fmt: str) -> None:
    text = " ".join(text_of(review_comparison(fmt), fmt).split())
    # 1: what the report does not make the sentence, without "not a finding" in its findings
    assert ("They also say, in a sentence the report does not set out as an area for improvement "
            "or a recommendation: “The force should review its operational briefing and "
            "debriefing procedures.”") in text
    assert "does not list as a finding" not in text
    # 2: the areas for improvement named, not only counted
    assert ("The report set three areas for improvement and no causes of concern. Its areas for "
            "improvement (all under question 2) begin: “The force must ensure that staff with "
            "the right skills are investigating crimes …”; “The force should improve how it "
            "allocates crime …”; and “The force should ensure regular and active supervision "
            "…”.") in text
    # 3: only the mark the tables carry
    assert "are marked “(published)”, and a line under the table says what the mark means." \
        in text
    assert "(constructed)" not in text
    # 4: a plain statement
    assert ("The Source column repeats each table’s own statement of where its grades come "
            "from; it has not been verified independently.") in text
    assert "this pack has not checked" not in text


def test_many_findings_of_a_kind_are_named_by_their_places() -> None:
    # ten areas for improvement, one in each area: by place; two causes, each by its words
    entries, facts, _titles = report_entries(synthetic_assessment(afis_per_area=1), "kent.yaml")
    said = " ".join(report_points(ComparisonSet(tuple(entries), (facts,)), facts.force, facts))
    assert ("Its areas for improvement are in ‘Recording data about crime’, ‘Police powers and "
            "public treatment’,") in said
    assert "and ‘Victim service assessment’. Its causes" in said  # "in" said once, not per area
    # in two places: each opening with its own place
    assert ("Its causes of concern begin: “Synthetic test text …” (‘Investigating crime’); and "
            "“Synthetic test text …” (‘Protecting vulnerable people’).") in said


def test_the_marks_named_are_those_the_tables_use() -> None:
    root = Path(__file__).resolve().parent
    tables = sorted((root / "fixtures" / "compare").glob("*.csv"))
    data = load_comparison([*tables, root.parent / "data" / "norfolk-2018-effectiveness.yaml"])
    force = next(f for f in data.forces() if f.short_name == "Norfolk")
    assert marks_used(data, force) == ["published"]
    only = load_comparison(tables[:1])
    assert marks_used(only, None) == []  # one kind of source: nothing marked
    said = wording("compare_reading.j2", Options(), matrix=False, mixed=True,
                   marks=["published", "constructed"])
    assert "are marked “(published)” or “(constructed)”, and a line under the table says " \
           "what the marks mean." in said
    assert re.search(r"marked", wording("compare_reading.j2", Options(), matrix=False,
                                        mixed=True, marks=[])) is None


def test_the_closure_ask_is_in_welsh_in_a_welsh_pack() -> None:
    report, options = review_options("norfolk-plan", "pack")
    text = document_text(report, dataclasses.replace(options, language="cy"), "html")
    # read 36: the lead, then each thing to note a bullet of its own, each in Welsh
    assert ("Gofynnir i’r grŵp prif swyddogion nodi’r dyfarniadau, a: Caewyd E2-AFI-3 ar "
            "4 Hydref 2019, 4 diwrnod yn hwyr, a’i gymeradwyo gan Example DCC (illustrative). "
            "Mae E-2017-AFI-1, y canfyddiad cynharach o dan yr un cwestiwn, yn dal ar agor: gall "
            "y grŵp ofyn pa dystiolaeth sy’n cefnogi cau E2-AFI-3. Gofynnir iddo wneud y "
            "penderfyniadau hyn:") in " ".join(text.replace("•", " ").split())
    assert "asked to note" not in text and "was closed on" not in text
