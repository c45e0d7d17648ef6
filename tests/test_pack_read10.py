"""Editorial read 10-P of the briefing pack: what the reader gets, in every format.

1. The findings' introduction says what else uses the pack's references: the action
   plan when there is one; without one, the table of findings needing an action plan
   (there is no action plan to point to); nothing when the pack has neither.  Without a
   plan, the notes and the other calls to act speak of "an action plan", not "the".
2. "No action plan was supplied" is said once: in the summary's deadlines, not again
   at the head of the findings needing an action plan (which still says it when the
   document has no summary).
3. The plan's RAG column holds the rating's word; the reason for a rating the plan's
   author set is given with the latest update, and the key says so.  Who gave the
   updates, when the plan does not record it, is said as a chief officer reads it.
4. Layout: a heading keeps only the first lines of a long quotation, not the whole of
   it (a page half empty before "Understanding and identifying vulnerability"); the
   action plan's first page holds its table to the foot.
5. Every executive summary ends with the inspectorate's own words, after the key figures.
"""

from __future__ import annotations

import functools
import io
from datetime import date, datetime

import docx
import pdfplumber
import pytest
from docread import PLAN, norfolk_plan, rendered
from test_pack_read8 import _example_options, _norfolk_options, _text

import peeldocs
import peeldocs.blocks as b
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.plans import parse_plan
from peeldocs.sections.plan_table import tracked_plan

FORMATS = ("pdf", "docx", "html")
PUBLISHED = date(2019, 5, 2)
REFERENCE = ("Each area for improvement, cause of concern and recommendation carries this "
             "pack’s reference, such as ")


# the options and reading of read 8's tests: the same documents, shared with them


def _reference_sentence(text: str) -> str:
    start = text.index(REFERENCE)
    return text[start:text.index(".", text.index(")", start)) + 1]


# --- 1. what uses the pack's references --------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_reference_sentence_names_the_action_plan_only_when_there_is_one(
        fmt: str, norfolk: Report, example: Report) -> None:
    planned = _reference_sentence(_text(norfolk, norfolk_plan(norfolk), fmt))
    assert planned == (REFERENCE + "E2-AFI-1 (an area for improvement under question 2), which "
                       "the action plan uses too.")
    unplanned = _text(norfolk, _norfolk_options(), fmt)
    assert _reference_sentence(unplanned) == (
        REFERENCE + "E2-AFI-1 (an area for improvement under question 2), which the table of "
        "findings needing an action plan uses too.")
    assert "Findings needing an action plan One row for each" in unplanned  # the table named
    assert "which the action plan uses too" not in unplanned
    assessed = _text(example, _example_options(), fmt)
    assert _reference_sentence(assessed) == (
        REFERENCE + "A2-AFI-1 (an area for improvement under Police powers and public "
        "treatment), which the table of findings needing an action plan uses too.")
    assert "which the action plan uses too" not in assessed


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_plan_no_sentence_speaks_of_the_action_plan_as_if_there_were_one(
        fmt: str, norfolk: Report, example: Report) -> None:
    """The notes and the other calls to act say what any action plan tracks (the same class
    of sentence as the reference sentence); with a plan, the action plan."""
    unplanned = _text(norfolk, _norfolk_options(), fmt)
    for said in ("so this pack gives them no reference and they are not rows of an action plan.",
                 "The report lists areas for improvement: these are the findings an action plan "
                 "tracks.",
                 "in the executive summary; they are not rows of an action plan."):
        assert said in unplanned, said
    assessed = _text(example, _example_options(), fmt)
    assert "these are the findings an action plan tracks." in assessed
    assert "in the quoted findings, and are not rows of an action plan." in assessed
    for text in (unplanned, assessed):
        assert "the action plan tracks" not in text and "rows of the action plan" not in text
    planned = _text(norfolk, norfolk_plan(norfolk), fmt)
    assert "these are the findings the action plan tracks." in planned
    assert "they are not rows of the action plan." in planned
    assert "an action plan tracks" not in planned


def test_without_a_plan_or_its_section_the_reference_sentence_points_nowhere(
        norfolk: Report) -> None:
    options = _norfolk_options(sections=("cover", "summary", "questions"))
    text = _text(norfolk, options, "pdf")
    assert _reference_sentence(text) == (
        REFERENCE + "E2-AFI-1 (an area for improvement under question 2).")
    assert "uses too" not in text


def test_the_welsh_pack_names_the_table_of_findings_in_welsh(norfolk: Report) -> None:
    text = _text(norfolk, _norfolk_options(language="cy"), "html")
    assert ("megis E2-AFI-1 (maes i’w wella o dan gwestiwn 2), y mae’r tabl o ganfyddiadau sydd "
            "angen cynllun gweithredu yn ei ddefnyddio hefyd.") in text
    assert "y mae’r cynllun gweithredu yn ei ddefnyddio hefyd" not in text
    assert "uses too" not in text
    assert "dyma’r canfyddiadau y mae cynllun gweithredu yn eu holrhain." in text
    assert "nid ydynt yn rhesi mewn cynllun gweithredu." in text


# --- 2. no action plan: said once -------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_no_action_plan_is_said_once_in_the_summary_not_again_over_the_table(
        fmt: str, norfolk: Report, example: Report) -> None:
    for report, options, said in (
            (norfolk, _norfolk_options(),
             "This pack was prepared without an action plan, and the report sets no deadline "
             "of its own."),
            (example, _example_options(),
             "Four deadlines set by the report have passed; this pack was prepared without an "
             "action plan.")):
        text = _text(report, options, fmt)
        assert text.count(said) == 1, said
        deadlines = text.rindex("Deadlines and what is due next")  # the heading, not contents
        assert deadlines < text.index(said) < text.index("Findings needing an action plan One")
        assert "Findings needing an action plan One row for each" in text
        assert "Findings needing an action plan This pack was prepared" not in text


def test_without_a_summary_the_findings_needing_a_plan_say_it_first(norfolk: Report) -> None:
    text = _text(norfolk, _norfolk_options(sections=("cover", "questions", "actions")), "pdf")
    assert ("Findings needing an action plan This pack was prepared without an action plan, and "
            "the report sets no deadline of its own.") in text
    assert text.count("prepared without an action plan") == 1


# --- 3. the RAG column, and who gave the updates ------------------------------------------------

REASON = ("Rated Green by the plan’s author: Example reason. Closed four days late but fully "
          "delivered.")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_rating_set_by_the_plans_author_gives_its_reason_with_the_update(
        fmt: str, norfolk: Report) -> None:
    text = _text(norfolk, norfolk_plan(norfolk), fmt)
    assert ("4 October 2019: Example update. Evidence accepted at the example board. "
            + REASON) in text
    assert text.count("Example reason.") == 1
    assert "rated by hand" not in text and "(set manually" not in text
    # read 33: the key, shorter, so the table starts with three rows on its first page
    assert "A rating the plan’s author set is given with its reason." in text
    # who gave the updates: said plainly, once, closing the key, not as a note on the data
    assert ("or one no longer in the report. The plan does not record who gave each "
            "update.") in text
    assert text.count("does not record who gave") == 1 and "attributed" not in text


def test_the_rag_cell_holds_the_word_alone(norfolk: Report) -> None:
    document = docx.Document(io.BytesIO(rendered(norfolk, norfolk_plan(norfolk), "docx")))
    (plan,) = [t for t in document.tables
               if [c.text for c in t.rows[0].cells][6:7] == ["RAG"]]
    rows = {r.cells[0].text: (r.cells[6].text, r.cells[7].text) for r in plan.rows[1:]}
    # the finding the plan holds no item for is rated as the key says (read 30-P)
    assert [rag for rag, _update in rows.values()] == ["Red", "Amber", "Amber", "Green", "Green"]
    assert rows["E2-AFI-3"][1].endswith(REASON)
    assert not any("Rated" in update for ref, (_rag, update) in rows.items() if ref != "E2-AFI-3")


def test_who_gave_the_updates_is_said_of_what_the_plan_holds(norfolk: Report) -> None:
    """Each update, the latest ones, or the latest for named items: never more than is true."""
    base = PLAN.read_text(encoding="utf-8")

    def said(text: str) -> list[str]:
        plan = parse_plan(text, norfolk, as_of=date(2019, 10, 15))
        options = Options(plan=plan, as_of=date(2019, 10, 15), published=PUBLISHED)
        paragraphs = [b.inline_text(blk.runs) for blk in tracked_plan(norfolk, plan, options)
                      if isinstance(blk, b.Paragraph)]
        return [p[p.index("The plan does not record"):] for p in paragraphs
                if "The plan does not record" in p]

    assert said(base) == ["The plan does not record who gave each update."]
    # an earlier update names its giver: only the latest ones are said to lack one
    earlier = base.replace("        text: Example update. Dip sample designed.",
                           "        by: Example Supt\n        text: Example update. Dip sample "
                           "designed.")
    assert said(earlier) == ["The plan does not record who gave the latest updates."]
    # a latest update names its giver: the others are named
    latest = base.replace("        text: Example update. Lead appointed;",
                          "        by: Example Supt\n        text: Example update. Lead appointed;")
    assert said(latest) == ["The plan does not record who gave the latest update for "
                            "E-2017-AFI-1 and E2-AFI-3."]


# --- 4. layout ----------------------------------------------------------------------------------

def _page_of(pages: list[str], words: str) -> int:
    (found,) = [n for n, page in enumerate(pages) if words in page]
    return found


@functools.lru_cache(maxsize=8)
def _pdf_pages(data: bytes) -> list[tuple[str, float]]:
    """Each page's folded text, and how far down the frame its lowest text reaches (0 to 1).

    Remembered: several tests read the same pack."""
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            height = float(page.height)
            body = [c["bottom"] for c in page.chars if 64 < c["top"] < height - 56]
            out.append((" ".join((page.extract_text() or "").split()),
                        (max(body, default=62.0) - 62.0) / (height - 118.0)))
    return out


def test_a_heading_keeps_the_first_lines_of_a_long_quotation_not_all_of_it() -> None:
    """Half a page is left after some text; a heading then a quotation longer than that."""
    line = "The force should act on what the inspectors found, and it should say how. "
    blocks = (b.Heading(1, "Findings", anchor="findings"),
              *[b.Paragraph(b.plain(line * 4)) for _ in range(5)],
              b.Heading(2, "Understanding vulnerability", anchor="under"),
              b.Paragraph(b.plain(line * 60), style=b.ParaStyle.QUOTE),
              *[b.Paragraph(b.plain(line * 4)) for _ in range(4)])  # a full last page
    pack = b.Pack(b.Metadata("Pack", "A pack", "peeldocs", (), datetime(2023, 11, 14)),
                  (b.Section("findings", blocks),))
    pages = _pdf_pages(peeldocs.render(pack, "pdf"))
    assert len(pages) == 2
    assert "Understanding vulnerability" in pages[0][0]  # with the first lines of its quotation
    assert pages[0][1] > 0.9  # the page is filled, not left half empty


def test_the_norfolk_question_3_heading_is_not_pushed_over_half_a_page(norfolk: Report) -> None:
    for options in (norfolk_plan(norfolk), _norfolk_options()):
        pages = _pdf_pages(rendered(norfolk, options, "pdf"))
        at = _page_of([t for t, _ in pages], "Understanding and identifying vulnerability Norfolk")
        assert "Question 3: How effective is the force at protecting" in pages[at][0]
        assert pages[at][1] > 0.85


def test_the_action_plan_page_holds_its_table_to_the_foot(norfolk: Report) -> None:
    pages = _pdf_pages(rendered(norfolk, norfolk_plan(norfolk), "pdf"))
    first = _page_of([t for t, _ in pages], "Illustrative action plan")  # its first page
    text, fullness = pages[first]
    # its key and tall rows fill the page (read 10: not a quarter of it left blank; read 19:
    # three rows to the foot); the last row goes on with the notes after it, so it is not
    # alone on its page (read 12), and no rows are held back to keep it company
    # (read 30-P: with the row of the finding the plan does not hold, the next row is too
    # tall for the room left, so the page is a little less full)
    assert fullness > 0.85
    last = " ".join(t for t, _ in pages[first + 1:])
    # read 35: the key under the table, no count before it: four rows on the first page
    assert sum(ref in text for ref in ("E-2017-AFI-1", "E2-AFI-2", "E5-REC-1", "E2-AFI-1",
                                       "E2-AFI-3")) == 4
    assert "E2-AFI-3" in last and "Notes on this pack" in last


# --- 5. one order for the summary's close -------------------------------------------------------

@pytest.mark.parametrize(("case", "said"), [("norfolk", "What the inspectorate said"),
                                            ("example", "HM Inspector’s summary")])
def test_the_inspectorates_words_follow_the_judgments_in_every_summary(
        case: str, said: str, norfolk: Report, example: Report) -> None:
    """Read 33: a reader meets the inspectorate's own summary right after its judgments
    (grades), not last, after the key figures."""
    report, options = ((norfolk, _norfolk_options()) if case == "norfolk"
                       else (example, _example_options()))
    pack = peeldocs.build_pack(report, options)
    (summary,) = [s for s in pack.sections if s.name == "summary"]
    headings = [h.text for h in summary.blocks if isinstance(h, b.Heading)]
    judged = "Judgments by question" if case == "norfolk" else "Grades by area"
    assert headings.index(said) == headings.index(judged) + 1
    figures = "Key figures compared" if case == "norfolk" else "Key figure compared"
    assert headings[-1] == figures
    for fmt in FORMATS:
        text = _text(report, options, fmt)
        body = text[text.index(judged, text.index("Executive summary ", 200)):]
        assert body.index(said) < body.index("Findings to act on") < body.index(figures), fmt
