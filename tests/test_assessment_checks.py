"""Validation of current-cycle reports beyond the kind, cycle and pillar rules."""

from __future__ import annotations

import pytest
from test_assessment import EXAMPLE

import peeldocs
from peeldocs.errors import DataError


def problems(text: str) -> list[str]:
    with pytest.raises(DataError) as info:
        peeldocs.parse_report(text, "x.yaml")
    return [str(p) for p in info.value.problems]


TEXT = EXAMPLE.read_text(encoding="utf-8")


def test_the_example_is_valid() -> None:
    assert peeldocs.parse_report(TEXT, "x.yaml").is_assessment


@pytest.mark.parametrize(("change", "message"), [
    (("kind: assessment\n", "kind: assessment\nheadline_question: How good is it?\n"),
     "headline_question: a force assessment has no pillar question"),
    (("kind: assessment\n", "kind: assessment\npillar: legitimacy\n"),
     "pillar: a force assessment has no pillar"),
    (("kind: assessment\n", "kind: assessment\njudgment: {status: graded, grade: good}\n"),
     "judgment: a force assessment has no overall judgment"),
    (("kind: assessment\n", ""), "cycle: a 2023-25 report is a force assessment"),
    (("cycle: 2023-25", "cycle: 2019/20"), "'2019/20' is not a PEEL cycle"),
    (("cycle: 2023-25", "cycle: 2023/25"), "did you mean '2023-25'?"),
    (("cycle: 2023-25", "cycle: '2017'"), "force assessments began in 2021/22"),
    (("    grade: inadequate", "    grade: inadequat"), "'inadequat' is not a grade on the "
                                                        "2023-25 scale"),
])
def test_assessment_rules(change: tuple[str, str], message: str) -> None:
    assert change[0] in TEXT
    found = problems(TEXT.replace(*change, 1))
    assert any(message in p for p in found), found


def test_every_problem_has_its_line() -> None:
    text = TEXT.replace("kind: assessment\n", "kind: assessment\npillar: legitimacy\n"
                                              "headline_question: Q?\n", 1)
    found = problems(text)
    lines = text.splitlines()
    for p in found:
        line = int(p.split(":")[1])
        key = p.split(": ")[1].split(".")[0]
        assert lines[line - 1].startswith(key), (p, lines[line - 1])


def test_adequate_is_refused_on_a_pillar_report_and_accepted_on_an_assessment() -> None:
    pillar = ("force: {name: Kent Police, short_name: Kent}\ncycle: 2018/19\ntitle: Kent\n"
              "pillar: efficiency\njudgment: {status: graded, grade: adequate}\n")
    assert any("'adequate' is not a grade on the 2018/19 scale" in p for p in problems(pillar))
    assert "grade: adequate" in TEXT


def test_constructed_data_may_not_claim_the_crown_copyright_licence() -> None:
    start = TEXT.index("licence:")
    end = TEXT.index("published:")
    found = problems(TEXT[:start] + TEXT[end:])
    assert any("illustrative: constructed example data is not Crown copyright" in p
               for p in found), found
