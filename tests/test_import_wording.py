"""Wording found on real pages the importer had not seen: each class read right or unknown.

Pages here are constructed for a test from the inspectorate's wording (the real
beginnings they come from are in tests/fixtures/real/); none is a published page.
"""

from __future__ import annotations

import pytest

from peeldocs.importer import import_page
from peeldocs.model import Grade, Status

HEAD_2018 = "How effectively does the force reduce crime and keep people safe?"


def overview_2014(efficiency: str) -> str:
    """A 2014 overview page in the shape of the real ones, with ``efficiency`` as its clause."""
    return ("Gwent 2014\n\nThis is the first PEEL Assessment of Gwent Police.\n\n"
            "The available evidence indicates that:\n\n"
            "in terms of its effectiveness, in general, the force requires improvement in "
            "reducing crime and preventing offending;\n\n"
            f"{efficiency}; and\n\n"
            "the force is acting to achieve fairness and legitimacy in most of the practices "
            "that were examined this year.\n")


@pytest.mark.parametrize(("clause", "grade"), [
    ("the efficiency with which the force carries out its responsibilities requires "
     "improvement. However, there has been a notable improvement", Grade.REQUIRES_IMPROVEMENT),
    ("the efficiency with which the constabulary carries out its responsibilities is "
     "outstanding", Grade.OUTSTANDING),
    ("the efficiency with which the force carries out its responsibilities is good",
     Grade.GOOD),
])
def test_a_2014_overview_reads_its_efficiency_clause_in_every_wording(clause: str,
                                                                       grade: Grade) -> None:
    result = import_page(overview_2014(clause))
    assert result.kind == "overview"
    assert list(result.pillar_judgments) == ["efficiency"]
    assert result.pillar_judgments["efficiency"].grade is grade


def test_a_question_sentence_sharing_two_words_with_the_headline_is_not_the_pillar_grade() -> None:
    page = (f"North Yorkshire PEEL 2018\n\n{HEAD_2018}\n\nLast updated 27/09/2019\n\n"
            "North Yorkshire Police is good at looking after vulnerable people who are victims "
            "of crime. From the first contact with a victim, the force recognises when people "
            "need support.\n")
    result = import_page(page)
    assert result.report.pillar == "effectiveness"
    assert result.report.judgment.grade is None
    assert any("no judgment for the pillar" in n for n in result.notes)


def test_the_pillar_sentence_itself_is_still_read() -> None:
    page = (f"North Yorkshire PEEL 2018\n\n{HEAD_2018}\n\nLast updated 27/09/2019\n\n"
            "North Yorkshire Police is good at reducing crime and keeping people safe. It "
            "works well with partners.\n")
    judgment = import_page(page).report.judgment
    assert judgment.grade is Grade.GOOD
    assert judgment.evidence == ("North Yorkshire Police is good at reducing crime and keeping "
                                 "people safe.")


@pytest.mark.parametrize("sentence", [
    "We found that Dyfed-Powys Police is good at reducing crime and keeping people safe.",
    "Overall Dyfed-Powys Police is judged to be good at reducing crime and keeping people safe.",
])
def test_we_found_that_and_overall_lead_ins_keep_the_force_as_subject(sentence: str) -> None:
    page = f"Dyfed-Powys PEEL 2018\n\n{HEAD_2018}\n\n{sentence}\n"
    assert import_page(page).report.judgment.grade is Grade.GOOD


def test_judged_to_require_improvement_is_requires_improvement() -> None:
    page = ("Dyfed-Powys PEEL 2015\n\nHow effective is the force at keeping people safe and "
            "reducing crime?\n\nOverall Dyfed-Powys Police is judged to require improvement at "
            "keeping people safe and reducing crime.\n")
    assert import_page(page).report.judgment.grade is Grade.REQUIRES_IMPROVEMENT


def test_we_found_that_the_force_needs_to_improve_is_no_grade() -> None:
    page = (f"Dyfed-Powys PEEL 2018\n\n{HEAD_2018}\n\nWe found that Dyfed-Powys Police needs "
            "to improve how it protects vulnerable people.\n")
    assert import_page(page).report.judgment.grade is None


def test_not_being_graded_is_not_graded_and_last_years_grade_is_not_read() -> None:
    page = ("Greater Manchester PEEL 2017\n\nLegitimacy\n\nHow legitimate is the force at keeping "
            "people safe and reducing crime?\n\nLast updated 12/12/2017\nNot being graded\n\n"
            "In 2016, the force was judged to be good for legitimacy.\n")
    judgment = import_page(page).report.judgment
    assert judgment.status is Status.NOT_GRADED and judgment.grade is None
    assert judgment.evidence == "Not being graded"


def test_we_judged_that_is_not_read_as_this_inspections_grade() -> None:
    page = (f"Dyfed-Powys PEEL 2018\n\n{HEAD_2018}\n\nWe judged that Dyfed-Powys Police was good "
            "at reducing crime and keeping people safe.\n")
    assert import_page(page).report.judgment.grade is None


@pytest.mark.parametrize("intro", [
    "This is HMICFRS’s fifth PEEL (police effectiveness, efficiency and legitimacy) assessment "
    "of Gwent Police.",
    "This is HMIC’s second assessment of the effectiveness, efficiency and legitimacy with which "
    "Gwent Police keeps people safe and reduces crime.",
    "This is the first PEEL Assessment of Gwent Police.",
])
def test_an_overview_page_cut_before_its_judgments_is_still_an_overview(intro: str) -> None:
    result = import_page(f"Gwent 2016\n\nRead more about Gwent\n\n{intro}\n\nWe found:\n")
    assert result.kind == "overview"
    assert result.pillar_judgments == {} and result.report.judgment is None
