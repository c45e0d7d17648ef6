"""Read 36 of the one-page briefs: what each reader now gets (fix round 38, brief38).

1. Exampleshire: the grades other than the lowest run down the scale, the areas given
   requires improvement named ("two were graded requires improvement (‘…’ and ‘…’), three
   adequate and three good"); the inadequate area's cause of concern gives the report's
   figure behind it ("38 of 65 investigations"), as the other cause of concern does; the
   count of passed deadlines is not said again under "Deadlines" when every one is on its
   finding's line with "deadline passed" (the decisions name them too).
2. With a plan: the check on the section 55 comments is put to the commissioner, who
   publishes them ("confirm with the commissioner whether … were published, and when"),
   never "agree a date"; a recommendation the plan lacks is tied to the commissioner's
   duty to explain the action on it (Police Act 1996, s.55(5B)).
3. (Left for the lead: the closure beside an open earlier finding, see the report.)
4. Without a plan: "Decisions needed (no action plan was seen for this brief):", never
   "(prepared without a plan)", which left the reader asking whether the force has one.
5. The HTML brief prints at the PDF's 10 pt; every brief still one page.
6. A figure after "Figure:" starts in lower case (a capital read as a new sentence).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docread import between, pdf_pages
from docread import review_options as _options

from peeldocs.sections.brief_asks import brief_decisions
from peeldocs.sections.lowest import tally_sentence

FORMATS = ("pdf", "docx", "html")
CSS = Path(__file__).resolve().parent.parent / "templates" / "html" / "pack.css"


@pytest.fixture(scope="module")
def texts(review_brief_texts: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    return {key: " ".join(text.split()) for key, text in review_brief_texts.items()}


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_grades_run_down_the_scale_with_the_areas_named(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    grades = between(texts["example", fmt], "Grades", "What needs doing")
    assert ("Of the other nine areas, two were graded requires improvement (‘Responding to the "
            "public’ and ‘Leadership and force management’), three adequate and three good; "
            "‘Victim service assessment’ was ungraded.") in grades
    assert "three good and three adequate" not in grades


def test_the_tally_runs_worst_first_once_requires_improvement_leads() -> None:
    report, _unused = _options("example")
    rest = tuple(q for q in report.questions if q.title != "Investigating crime")
    said = tally_sentence(rest, by_design="area")
    grades = ["requires improvement", "adequate", "good"]
    assert [said.index(g) for g in grades] == sorted(said.index(g) for g in grades)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_inadequate_areas_cause_of_concern_gives_its_figure(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["example", fmt]
    line = between(text, "(A5-COC-1): “", "(A5-REC-")
    assert "Figure: investigations with effective supervision: 38 of 65 investigations." in line
    assert ("Figure: emergency calls answered within 10 seconds: 71.2%, against the national "
            "standard of 90%.") in text
    assert "Figure: E" not in text  # read 36: no capital after the colon


@pytest.mark.parametrize("fmt", FORMATS)
def test_passed_deadlines_are_not_counted_again_below_their_lines(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["example", fmt]
    assert "Four deadlines set by the report have passed" not in text
    assert text.count("deadline passed") == 4  # each on its recommendation's line
    assert "confirm the action taken on all four recommendations, whose deadlines have passed" \
        in text
    # a deadline not on the page is still named there (Norfolk: none of its own)
    assert "The report sets no deadline of its own." in texts["norfolk", fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_with_a_plan_the_decisions_put_section_55_to_the_commissioner(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    decisions = between(texts["norfolk-plan", fmt], "Decisions needed:", "Judgments")
    assert ("add an item for the joint recommendation E5-REC-1, whose action the commissioner’s "
            "comments must explain") in decisions
    assert "agree a date" not in decisions


def test_the_check_on_publication_asks_the_commissioner() -> None:
    report, options = _options("norfolk-plan")
    said = brief_decisions(report, options, check=True)
    assert said.endswith("; confirm with the commissioner whether the section 55 comments were "
                         "published, and when.")
    example, options = _options("example")
    said = brief_decisions(example, options, check=True)
    assert said.endswith("; confirm with the local policing body whether the section 55 comments "
                         "were published, and when.")


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_plan_the_decisions_say_none_was_seen(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    for case in ("norfolk", "example"):
        text = texts[case, fmt]
        assert text.count("Decisions needed (no action plan was seen for this brief): ") == 1
        assert "prepared without a plan" not in text
    assert "no action plan was seen" not in texts["norfolk-plan", fmt]


def test_the_html_brief_prints_at_the_pdfs_size(review_briefs: dict[tuple[str, str], bytes]) -> None:
    css = CSS.read_text(encoding="utf-8")
    assert ".section.page-limited { break-before: auto; font-size: 10pt;" in css
    for case in ("norfolk-plan", "norfolk", "example"):
        assert pdf_pages(review_briefs[case, "pdf"]) == 1, case

