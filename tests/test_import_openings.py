"""Openings of force assessments in all their real wordings, headings in any order.

Built from the real openings of the Cumbria and Essex 2023-25 reports
(tests/fixtures/real/cumbria-2023-25.txt, tests/fixtures/heldout/essex-2023-25.txt;
Crown copyright, Open Government Licence v3.0), rearranged as other reports lay
them out.
"""

from __future__ import annotations

import pytest
from import_facts import REAL

from peeldocs.importer import NotAPeelPageError, import_page

LINES = (REAL / "cumbria-2023-25.txt").read_text(encoding="utf-8").splitlines()
AREAS_LINE = LINES[2]  # "Our inspection assessed how good Cumbria Constabulary is in ten areas ..."
AWARDED = LINES[3]  # "Cumbria Constabulary was awarded no requires improvement or inadequate grades."
VICTIMS = LINES[4]
CYCLE = LINES[7]  # "PEEL 2023–2025"


@pytest.mark.parametrize("lines", [
    LINES,
    ["Overall summary", AREAS_LINE.split(". ")[0] + ".", "Our judgments",
     AREAS_LINE.split(". ")[1], VICTIMS, CYCLE],  # the heading after the first sentence
    ["Our judgments", AREAS_LINE.replace("ten areas", "10 areas").replace("nine of these ten",
                                                                          "9 of these 10"),
     VICTIMS, CYCLE],  # digits
    ["Overall summary", "Our judgments", AREAS_LINE.replace(" nine of these ten as follows:",
                                                            " nine of these, as follows:"),
     VICTIMS, CYCLE],  # Essex's wording
], ids=["as published", "heading after the first sentence", "digits", "nine of these"])
def test_the_force_the_cycle_and_the_count_are_read(lines: list[str]) -> None:
    r = import_page("\n".join(lines) + "\n").report
    assert (r.force.name, r.cycle, r.areas_assessed) == ("Cumbria Constabulary", "2023-25", 10)
    assert r.title == "PEEL 2023–2025: An inspection of Cumbria Constabulary"
    assert [(q.title, q.judgment.describe()) for q in r.questions] == [
        ("Victim service assessment", "Ungraded")]


def test_awarded_no_grades_names_the_force_without_a_count() -> None:
    r = import_page("\n".join(["Overall summary", "Our judgments", AWARDED, VICTIMS, CYCLE])).report
    assert (r.force.name, r.cycle, r.areas_assessed) == ("Cumbria Constabulary", "2023-25", None)
    assert r.questions_not_found  # how many areas, and which, is not in the text


def test_awarded_alone_is_still_the_report() -> None:
    r = import_page("\n".join(["Overall summary", AWARDED, CYCLE])).report
    assert r.force.name == "Cumbria Constabulary" and r.questions_not_found


def test_a_sentence_naming_no_force_of_england_and_wales_is_refused() -> None:
    with pytest.raises(NotAPeelPageError):
        import_page("Overall summary\nThe force was awarded no inadequate grades.\n" + CYCLE)
