"""Read 34: the one-page brief, three cases, as a reader gets each format.

B1. With an illustrative plan: every plan state beside a quotation reads "Plan: …"; the
    plan is said to be illustrative once, in its lead-in.
B2. With a plan: "four items" is followed by all four, counted by state, from the plan.
B3. With a plan: a fact is said once: the item due next, whose line above gives its
    target and owner gap, is not given again as "Due next".
B4. Without a plan and before any deadline: the heading is "Deadlines", not "Deadlines
    and what is late".
B5. The assessment's grades: inadequate is "the lowest grade on the scale"; the tally
    counts the other areas, so "inadequate" is said once; "two graded requires improvement".
B6. Why the weakest question got its grade, in the report's words, where the data has
    them (the report's summary paragraph about it), never invented; the fitting cuts it first.
B7. HTML: a cycle's years ("2023–25") are kept together in a heading.
"""

from __future__ import annotations

import dataclasses

import pytest
from docread import review_options

from peeldocs.blocks import Paragraph, inline_text
from peeldocs.renderers.html.renderer import _HYPHENATED
from peeldocs.sections.brief import brief_section
from peeldocs.sections.brief_budget import budgets
from peeldocs.sections.brief_grades import why_graded

FORMATS = ("pdf", "docx", "html")
BY_STATE = ("four items (one overdue, one with no owner, one in progress and one closed four "
            "days late).")


@pytest.fixture(scope="module")
def texts(review_brief_texts: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    return review_brief_texts


def _late(text: str) -> str:
    at = text.index("Deadlines")
    return text[at:text.index("Contains public sector", at)] if "Contains public" in text[at:] \
        else text[at:]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_plan_state_is_labelled_alike(fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["norfolk-plan", fmt]
    assert "Illustrative plan" not in text
    for state in ("Plan: in progress, due 31 December 2019.", "Plan: no owner, due 1 November 2019.",
                  "Plan: closed on 4 October 2019, four days late."):
        assert state in text, state
    assert text.count("Illustrative action plan as at 15 October 2019 (invented;") == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_plan_is_counted_by_state(fmt: str, texts: dict[tuple[str, str], str]) -> None:
    assert BY_STATE in _late(texts["norfolk-plan", fmt])


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_item_due_next_is_not_said_twice(fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["norfolk-plan", fmt]
    late = _late(text)
    assert "Due next" not in late and "E2-AFI-2" not in late
    assert text.count("due 1 November 2019") == 1  # on its line, beside its words
    assert "Overdue: E-2017-AFI-1, 15 days past its target" in late


@pytest.mark.parametrize("fmt", FORMATS)
def test_nothing_late_is_headed_deadlines(fmt: str, texts: dict[tuple[str, str], str]) -> None:
    assert "Deadlines and what is late" not in texts["norfolk", fmt]  # 16 days before s.55
    assert "Deadlines and what is late" in texts["norfolk-plan", fmt]  # E-2017-AFI-1 overdue
    assert "Deadlines and what is late" in texts["example", fmt]  # four deadlines passed


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_assessments_grades_say_inadequate_once(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    text = texts["example", fmt]
    grades = text[text.index("Grades"):text.index("What needs doing")]
    assert ("grades Exampleshire Constabulary inadequate in ‘Investigating crime’, the lowest "
            "grade on the scale.") in grades
    assert grades.count("inadequate") == 1
    assert "Of the other nine areas, two were graded requires improvement" in grades  # read 35
    assert "two requires improvement" not in grades


def test_why_the_weakest_question_was_graded_is_the_reports_summary() -> None:
    report, options = review_options("norfolk")
    found = why_graded(report)
    assert found is not None
    question, quote = found
    assert question.number == 2
    assert quote == ("Norfolk Constabulary needs to improve the way it investigates crime. We "
                     "reviewed investigation files and found that the force has not effectively "
                     "supervised all investigations.")
    # in the report's words: every sentence is in its summary
    summary = " ".join(str(p) for p in report.summary)
    assert all(s in summary for s in quote.split(". "))
    # given where the page has room, after the tally; the first thing cut
    roomy = dataclasses.replace(budgets(report)[0], rows=0)
    section = brief_section(report, options, roomy, pages=None)
    text = " ".join(inline_text(b.runs) for b in section.blocks if isinstance(b, Paragraph))
    assert ("question 5 was ungraded. On question 2, the report’s summary says: “Norfolk "
            "Constabulary needs to improve") in text
    assert budgets(report)[1].why == 0


def test_no_reason_is_given_when_the_data_has_none() -> None:
    report, _options = review_options("norfolk")
    assert why_graded(dataclasses.replace(report, summary=())) is None
    example, _ = review_options("example")
    # a constructed report's summary says only that there are concerns about investigating
    found = why_graded(example)
    assert found is None or found[1] in " ".join(str(p) for p in example.summary)


def test_a_cycles_years_stay_together_in_html() -> None:
    title = "Exampleshire Constabulary, PEEL 2023–25 force assessment: one-page brief"
    kept = _HYPHENATED.findall(title)
    assert "2023–25" in kept and "one-page" in kept
    # a spaced dash between words is not a range
    assert _HYPHENATED.findall("all investigations – not just those") == []
