"""The PEEL frameworks data: sourced, consistent, in the manual, and used to place questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from peeldocs.importer import import_page
from peeldocs.importer.frameworks import (
    assessment_framework,
    cycles,
    frameworks_markdown,
    headline_pillar,
    pillar_framework,
    pillar_frameworks,
    question_cut,
    question_named,
    question_titled,
    sources,
)

ROOT = Path(__file__).resolve().parent.parent


def test_the_manual_lists_the_data_with_its_sources() -> None:
    page = (ROOT / "docs" / "frameworks.md").read_text(encoding="utf-8")
    assert page == frameworks_markdown(), "run: python -m peeldocs.importer.frameworks > docs/frameworks.md"
    for fw in pillar_frameworks():
        assert all(q.title in page for q in fw.questions)
    assert "Open Government Licence v3.0" in page
    assert "frameworks" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")


def test_every_cycle_has_a_source_and_counts_never_below_the_titles_listed() -> None:
    pillar_cycles, assessment_cycles = cycles()
    assert pillar_cycles == ["2014", "2015", "2016", "2017", "2018/19"]
    assert assessment_cycles == ["2021/22", "2023-25", "2025-27"]
    assert all(len(text) > 20 for text in sources().values())
    for fw in pillar_frameworks():
        assert fw.count is None or fw.count >= len(fw.questions), fw
        assert [q.number for q in fw.questions] == list(range(1, len(fw.questions) + 1))
        assert fw.headlines
        named = [s.lower() for q in fw.questions for s in q.short]
        assert len(named) == len(set(named)), f"a short name names two questions: {fw}"


@pytest.mark.parametrize(("cycle", "total"), [("2015", 11), ("2018/19", 10), ("2014", 13)])
def test_the_counts_the_inspectorate_states(cycle: str, total: int) -> None:
    # "three key themes or pillars, and eleven questions" (2015), "ten questions" (2018/19),
    # "will answer 13 questions" (2014)
    assert sum(fw.count or 0 for fw in pillar_frameworks(cycle)) == total


def test_a_list_not_confirmed_gives_no_count() -> None:
    assessment = assessment_framework("2025-27")
    assert assessment is not None and not assessment.confirmed
    confirmed = assessment_framework("2023-25")
    assert confirmed is not None and confirmed.confirmed and len(confirmed.areas) == 10


def test_placing_a_question_a_cut_title_and_a_short_name() -> None:
    fw = pillar_framework("2018/19", "efficiency")
    assert fw is not None
    found = question_titled("How well does the force plan for the future?", fw)
    assert found is not None and found.number == 2
    cut = question_cut("How well does the force plan", fw)
    assert cut is not None and cut.number == 2
    assert question_cut("How well does the force", fw) is None  # leads to either question
    named = question_named("planning for the future. It understands", fw)
    assert named is not None and named.number == 2
    effectiveness = pillar_framework("2018/19", "effectiveness")
    assert question_named("investigating crime and tackling serious and organised crime",
                          effectiveness) is None  # names two questions
    assert headline_pillar("How well the force tackles crime", "2014") == "effectiveness"
    assert headline_pillar("How well the force tackles crime", "2017") is None


def test_a_question_listed_alone_keeps_its_framework_number() -> None:
    # Cumbria 2018 effectiveness lists only "How effective is the force at protecting those
    # who are vulnerable from harm, and supporting victims?" under its questions: question 3
    page = ("Cumbria PEEL 2018\n\nHow effectively does the force reduce crime and keep people "
            "safe?\n\nQuestions for Effectiveness\n\nHow effective is the force at protecting those "
            "who are vulnerable from harm, and supporting victims?\n\nCumbria Constabulary is good "
            "at protecting vulnerable people.\n")  # constructed from the real page's lines
    report = import_page(page).report
    assert [(q.number, q.judgment.describe()) for q in report.questions] == [(3, "Good")]
    assert report.questions_expected == 5


def test_more_questions_than_the_framework_gives_states_no_count() -> None:
    page = ("Kent PEEL 2018\n\nEfficiency\n\nHow efficiently does the force operate and how "
            "sustainable are its services to the public?\n\nGood\n\n"
            "How well does the force use its resources to meet the demand it faces?\n\nGood\n\n"
            "How well does the force plan for the future?\n\nGood\n\n"
            "How well does the force do something else?\n\nGood\n")  # constructed
    result = import_page(page)
    assert result.report.questions_expected is None
    assert result.report.unseen == ("how many questions the report asks (the imported text holds "
                                    "more than the PEEL 2018/19 framework gives)",)


def test_area_names_are_whole_and_place_an_area_the_words_alone_miss() -> None:
    areas = assessment_framework("2021/22")
    assert areas is not None
    assert "Building, supporting and protecting the workforce" in areas.areas
    assert "Strategic planning, organisational management and value for money" in areas.areas
    page = ("Overall summary\nOur inspection assessed how good Kent Police is in two areas of "
            "policing. We make graded judgments in two of these two as follows:\n"
            "PEEL Assessment Framework 2021/22\nHM Inspector’s observations\n"
            "Tackling workforce corruption\nKent Police is good at tackling workforce corruption.\n"
            "Investigating crime\nKent Police is adequate at investigating crime.\n")  # constructed
    r = import_page(page).report
    assert [(q.title, q.judgment.describe()) for q in r.questions] == [
        ("Tackling workforce corruption", "Good"), ("Investigating crime", "Adequate")]


def test_other_wordings_of_a_title_place_the_question_too() -> None:
    from dataclasses import replace

    fw = pillar_framework("2018/19", "efficiency")
    assert fw is not None
    other = "Pa mor dda mae’r heddlu’n cynllunio ar gyfer y dyfodol?"  # constructed, not published
    welsh = replace(fw, questions=(fw.questions[0], replace(fw.questions[1], also=(other,))))
    placed = question_titled(other, welsh)
    assert placed is not None and placed.number == 2
    assert question_cut("Pa mor dda mae’r heddlu’n cynllunio", welsh) is placed
