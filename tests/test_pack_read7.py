"""Editorial read 7 of the briefing pack: what the reader gets, in every format.

1. A sentence of the report calling for action that lies in the passage behind a
   listed finding is not shown as an extra, untracked point; the list keeps what
   nothing else tracks and says which findings track the rest.
2. An earlier cause of concern with not enough progress is with the causes of
   concern, and counted there.
3. One order of references throughout the pack: the report's, grouped by kind.
6. A joint recommendation says so, from its own words, in the decision and the plan row.
7. "Notes on this pack" is a top-level section, in every format's headings.
8. Earlier findings the report describes are "described", not "quoted"; notes at
   least 9 pt; placeholders in the plan table short and never in fragments.
(4 and 5 are asserted in test_pack_brief_read3.py and test_summaries_due.py.)
And in PDF, no quotation ends with a two-line tail at the head of a page.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date
from pathlib import Path

import docx
import pdfplumber
import pytest
from docread import browser_joins, rendered, text_of
from pdfread import outline
from reportlab.platypus import Flowable
from synthetic import synthetic_report

from peeldocs.model import Finding, FindingSection, Report
from peeldocs.options import Options
from peeldocs.renderers.pdf.flowables import QuoteBar
from peeldocs.renderers.pdf.styles import make_styles, register_fonts
from peeldocs.renderers.pdf.tagging import Tagged, Tagger
from peeldocs.renderers.pdf.text import Paragraph
from peeldocs.sections.calls import report_calls
from peeldocs.sections.joint import joint_parties
from peeldocs.theme import contrast_ratio, default_theme

ROOT = Path(__file__).parent.parent
FORMATS = ("pdf", "docx", "html")
PUBLISHED = date(2019, 5, 2)


def _norfolk_options() -> Options:
    return Options(as_of=date(2019, 6, 10), published=PUBLISHED)


def _example_options() -> Options:
    return Options(as_of=date(2025, 4, 1))


def _text(report: Report, options: Options, fmt: str) -> str:
    text = text_of(rendered(report, options, fmt), fmt)
    if fmt == "html":
        text = browser_joins(text, ",.:;)’”")
    return " ".join(text.split())


def _calls_part(text: str) -> str:
    start = text.index("Other points the report says need action The report")
    # up to the next part: the good practice the report names (read 19), or its own words
    return text[start:min(text.find(end, start) % (len(text) + 1) for end in (
        "Good practice the report names", "What the inspectorate said"))]


# --- 1. calls behind a listed finding --------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_only_calls_no_listed_finding_tracks_are_listed(fmt: str, norfolk: Report) -> None:
    part = _calls_part(_text(norfolk, _norfolk_options(), fmt))
    listed = re.findall(r"(Question \d), ‘[^’]+’: “", part)
    # the local policing model, the MASH backlog, armed briefing: nothing else tracks them
    assert listed == ["Question 1", "Question 3", "Question 5"]
    for behind in ("initial and subsequent allocation", "most appropriately skilled officers",
                   "supervision is consistent and appropriate", "investigative training"):
        assert behind not in part, behind
    # what the report now asks of E-2017-AFI-1 is quoted with it, above: not counted here
    assert ("The report makes three further statements of this kind in the passages "
            "behind E2-AFI-1 and E2-AFI-2; they are left out here, as those findings track them.") in part


def test_each_call_knows_the_finding_it_lies_behind(norfolk: Report) -> None:
    under = {c.sentence.split()[-1]: c.underlies for c in report_calls(norfolk)}
    assert under["crimes."] == ("E2-AFI-2",)  # "... allocation of crimes."
    assert under["complexity."] == ("E2-AFI-2",)  # same passage
    assert under["victims."] == ("E-2017-AFI-1",)  # the earlier finding's passage and verdict
    assert under["investigations."] == ("E2-AFI-1",)  # shares the AFI's words
    assert under["safeguarding."] == ()
    assert under["procedures."] == ()


def _with_passages(*passages: str, afi: str) -> Report:
    report = synthetic_report("Synthetic Constabulary", "Synthetic", 7)
    q = report.questions[0]
    q = dataclasses.replace(
        q, areas_for_improvement=(Finding("S1-AFI-9", afi),),
        findings=(*q.findings, FindingSection("Synthetic heading", passages)))
    return dataclasses.replace(report, questions=(q, *report.questions[1:]))


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_call_in_a_findings_passage_is_left_out_and_another_kept(fmt: str) -> None:
    """For the class of input: a made-up report, its AFI and the passage that leads to it."""
    report = _with_passages(
        "Made-up text: rota cover is thin at night. The force should review how it staffs "
        "its night rota in the control room.",
        "Made-up text: kit is old. The force should replace its ageing radio handsets.",
        afi="The force should make sure its night rota in the control room has enough staff.")
    calls = {c.sentence: c.underlies for c in report_calls(report)}
    assert calls["The force should review how it staffs its night rota in the control room."] \
        == ("S1-AFI-9",)
    assert calls["The force should replace its ageing radio handsets."] == ()
    text = _text(report, Options(as_of=date(2019, 6, 10)), fmt)
    start = text.index("Other points the report says need action The report")
    part = text[start:start + 2000]
    assert "“The force should replace its ageing radio handsets.”" in part
    assert "night rota" not in part
    assert ("one further statement of this kind in the passage behind S1-AFI-9; "
            "it is left out here") in part


# --- 2. the earlier cause of concern with the causes ----------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_earlier_cause_of_concern_is_with_the_causes_and_counted(
        fmt: str, example: Report) -> None:
    text = _text(example, _example_options(), fmt)
    start = text.index("Causes of concern and recommendations The report gives")
    causes = text[start:text.index("Findings to act on", start)]
    assert ("The report gives two causes of concern with four recommendations. They come first "
            "because the force must act on them by the deadlines the report sets. It also says "
            "the force has not made enough progress on the 2021/22 cause of concern "
            # read 24-B: the reference after the finding, not after the area revisiting it
            "(A-2021-COC-1), reconsidered in ‘Responding to the public’, listed after them; it "
            "sets no new deadline for it.") in causes
    assert "Earlier cause of concern: not enough progress" in causes
    assert "No new deadline set" in causes
    act = text[text.index("Findings to act on", start):text.index("Deadlines and what", start)]
    assert "A-2021-COC-1" not in act.split("made enough progress.", 1)[1]  # not among the AFIs


# --- 3. one order of references ---------------------------------------------------------------

ORDER = ["A5-COC-1", "A5-REC-1", "A5-REC-2", "A5-REC-3", "A4-COC-1", "A4-REC-1", "A-2021-COC-1",
         "A5-AFI-1", "A4-AFI-1", "A9-AFI-1", "A2-AFI-1", "A6-AFI-1", "A8-AFI-1"]
"""By kind, the worst-graded area first within each (issue 23 point 2): the inadequate area
(A5), then requires improvement (A4, A9), then adequate (A2), then good (A6, A8)."""


def _in_order(part: str) -> list[str]:
    found = [m.group() for m in re.finditer(r"A(?:-2021|\d)-(?:COC|REC|AFI)-\d", part)]
    return list(dict.fromkeys(found))


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_list_of_the_pack_keeps_one_order(fmt: str, example: Report) -> None:
    text = _text(example, _example_options(), fmt)
    body = text[text.index("In brief:"):]
    # read 36: the ask lists the recommendations past their deadlines in the order the
    # deadlines fell, and says so, as "Deadlines and what is due next" does
    ask = body[body.index("The chief officer group is asked"):body.index("Grades by area")]
    assert "They are listed in the order their deadlines fell." in ask
    assert _in_order(ask) == ["A5-REC-3", "A5-REC-1", "A4-REC-1", "A5-REC-2"]
    parts = {
        "causes": body[body.index("Finding (verbatim)"):body.index("Findings to act on")],
        "findings": body[body.index("Findings to act on"):body.index("Deadlines and what")],
        "plan": body[body.rindex("Findings needing an action plan"):],
    }
    for name, part in parts.items():
        refs = _in_order(part)
        assert len(refs) >= 4, (name, refs)
        assert refs == [r for r in ORDER if r in refs], (name, refs)


# --- 6. joint recommendations ----------------------------------------------------------------

def test_whom_a_recommendation_is_addressed_to_comes_from_its_words(norfolk: Report) -> None:
    assert joint_parties("We recommend Norfolk and Suffolk Constabularies to work with other "
                         "forces in the east of England to develop a regional specialist "
                         "capability.", norfolk) == (
        "Norfolk and Suffolk Constabularies, to work with other forces in the east of England")
    assert joint_parties("We recommend the force works with neighbouring forces to agree a "
                         "protocol.", norfolk) == "Norfolk Constabulary, with neighbouring forces"
    for alone in ("We recommend that the force reviews its rota.",
                  "The force should make sure that it answers 90 percent of calls.",
                  "HMICFRS recommends that chief constables should stop doing this."):
        assert joint_parties(alone, norfolk) == "", alone


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_joint_recommendation_says_so_in_the_plan_row(fmt: str, norfolk: Report,
                                                       example: Report) -> None:
    text = _text(norfolk, _norfolk_options(), fmt)
    plan = text[text.rindex("Findings needing an action plan"):]
    assert ("E5-REC-1 Recommendation, joint: addressed to Norfolk and Suffolk Constabularies, "
            "to work with other forces in the east of England") in plan
    other = _text(example, _example_options(), fmt)  # recommendations to the force alone
    assert "joint recommendation" not in other and ", joint:" not in other


# --- 7. the notes are a section of their own --------------------------------------------------

def test_the_notes_are_a_top_level_heading_in_every_format(norfolk: Report,
                                                           tmp_path: Path) -> None:
    options = _norfolk_options()
    html = rendered(norfolk, options, "html").decode()
    levels = dict((t, int(n)) for n, t in re.findall(r"<h(\d)[^>]*>([^<]+)</h\d>", html))
    assert levels["Notes on this pack"] == levels["Findings by question"]
    document = docx.Document(io.BytesIO(rendered(norfolk, options, "docx")))
    h1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert h1.index("Findings by question") < h1.index("Notes on this pack")
    pdf = tmp_path / "pack.pdf"  # the PDF's own outline, as a reader's bookmarks show it
    pdf.write_bytes(rendered(norfolk, options, "pdf"))
    top = [title for depth, title, _page, _top in outline(pdf) if depth == 0]
    assert top.index("Findings by question") < top.index("Notes on this pack")


# --- 8. smaller points -------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_earlier_findings_the_report_describes_are_not_called_quoted(
        fmt: str, norfolk: Report) -> None:
    text = _text(norfolk, _norfolk_options(), fmt)
    # read 33: what each was about, its opening in the report's words, not only "described"
    assert "E-2016-AFI-1 2016 area for improvement: “… the force needed to further develop its " \
        "serious and organised crime local profile in conjunction with other organisations. …” " \
        "Outcome: addressed." in text
    assert "quoted in this question’s findings" not in text


def test_notes_are_at_least_nine_point_with_contrast(norfolk: Report) -> None:
    options = _norfolk_options()
    with pdfplumber.open(io.BytesIO(rendered(norfolk, options, "pdf"))) as pdf:
        sizes = set()
        for page in pdf.pages:
            for line in page.extract_text_lines(return_chars=True):
                if line["text"].startswith(("Square brackets mark words", "Source: HMICFRS")):
                    sizes |= {round(c["size"], 2) for c in line["chars"]}
    assert sizes and min(sizes) >= 9, sizes
    document = docx.Document(io.BytesIO(rendered(norfolk, options, "docx")))
    assert document.styles["Small Print"].font.size.pt >= 9
    assert contrast_ratio(default_theme().muted, "#FFFFFF") >= 4.5


def test_plan_placeholders_are_short_and_one_box_in_html(example: Report) -> None:
    html = rendered(example, _example_options(), "html").decode()
    plan = html[html.rindex("Findings needing an action plan"):]
    assert plan.count("{to be agreed: date}") == 11  # its two causes of concern: none of their own
    assert "{to be agreed: target date}" not in plan
    # a placeholder alone in a cell is one box and its column has room for it on two lines
    assert "td > mark.placeholder:only-child { display: inline-block; }" in html
    assert "td:has(> mark.placeholder:only-child) { min-width: 9.5em; }" in html


# --- the page foot: no quotation ends with a two-line tail at the head of a page ---------------

def _quote(lines: int, keep: bool) -> tuple[QuoteBar, float]:
    register_fonts()
    styles = make_styles(default_theme())
    text = " ".join(f"Line {n} of a made-up quotation, long enough to fill its line of the "
                    f"column it sits in and then some more words." for n in range(lines))
    tagger = Tagger("en-GB")
    para = Paragraph(text, styles.quote)
    bar = QuoteBar(Tagged(para, tagger.root.add("BlockQuote"), tagger), "#8EA8C3", tagger,
                   keep=keep)
    return bar, float(styles.quote.leading)


def _lines(part: Flowable, leading: float) -> int:
    return round(part.wrap(300, 1e6)[1] / leading)


def test_a_split_quotation_carries_at_least_three_lines_over() -> None:
    bar, leading = _quote(5, keep=True)
    total = _lines(bar, leading)
    head, tail = bar.split(300, (total - 2) * leading + 1)  # room for all but two lines
    assert _lines(tail, leading) == 3 and _lines(head, leading) == total - 3
    free, _leading = _quote(5, keep=False)  # a page-limited section uses all of its room
    head, tail = free.split(300, (total - 2) * leading + 1)
    assert _lines(tail, leading) == 2
