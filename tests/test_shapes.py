"""Report shapes: pillar reports and force assessments, unknown facts, cycles and forces."""

from __future__ import annotations

import pytest

import peeldocs
from peeldocs.errors import DataError
from peeldocs.model import (
    KNOWN_CYCLES,
    Judgment,
    ReportKind,
    Status,
    normalise_cycle,
    unknown_facts,
)
from peeldocs.model.forces import UnknownForceError, all_forces, force_country, match_force

ASSESSMENT = """\
force: {name: Example Constabulary, short_name: Example}
cycle: "2023-25"
kind: assessment
title: Example PEEL 2023-25 (constructed for a test)
questions:
  - number: 1
    title: Investigating crime
    judgment: {status: graded, grade: adequate}
    causes_of_concern:
      - id: A1-COC-1
        text: The force isn't doing enough to investigate crime.
        recommendations:
          - {id: A1-REC-1, text: The force should review its policy., deadline: within six months}
  - number: 2
    title: Victim service assessment
    judgment: {status: ungraded}
  - number: 3
    title: Protecting vulnerable people
    judgment: {status: unknown}
"""


def problems(text: str) -> list[str]:
    with pytest.raises(DataError) as info:
        peeldocs.parse_report(text, "x.yaml")
    return [str(p) for p in info.value.problems]


def test_an_assessment_has_no_pillar_and_no_overall_judgment() -> None:
    report = peeldocs.parse_report(ASSESSMENT, "x.yaml")
    assert report.kind is ReportKind.ASSESSMENT and report.is_assessment
    assert report.pillar is None and report.judgment is None and report.headline_question is None
    rec = report.questions[0].causes_of_concern[0].recommendations[0]
    assert rec.deadline == "within six months"
    assert [f.path for f in unknown_facts(report)] == ["questions[2].judgment"]
    assert unknown_facts(report)[0].what == "the judgment for area 3"
    again = peeldocs.parse_report(peeldocs.dump_report(report), "y.yaml")
    assert again == report


@pytest.mark.parametrize(("change", "message"), [
    (("kind: assessment\n", ""), "x.yaml:2: cycle: a 2023-25 report is a force assessment"),
    (("kind: assessment\n", "kind: assessment\npillar: efficiency\n"),
     "pillar: a force assessment has no pillar"),
    (("kind: assessment\n", "kind: assessment\njudgment: {status: graded, grade: good}\n"),
     "judgment: a force assessment has no overall judgment"),
    (('cycle: "2023-25"', 'cycle: "2019/20"'), "cycle: '2019/20' is not a PEEL cycle; expected"),
    (('cycle: "2023-25"', 'cycle: "2023-2025"'), "did you mean '2023-25'?"),
])
def test_assessment_shape_is_checked(change: tuple[str, str], message: str) -> None:
    found = problems(ASSESSMENT.replace(*change))
    assert any(message in p for p in found), found


def test_adequate_is_refused_before_2021() -> None:
    text = ("force: {name: X Police, short_name: X}\ncycle: '2017'\ntitle: X\npillar: efficiency\n"
            "judgment: {status: graded, grade: adequate}\n")
    assert any("'adequate' is not a grade on the 2017 scale" in p for p in problems(text))


def test_a_pillar_report_says_what_it_lacks() -> None:
    text = "force: {name: X Police, short_name: X}\ncycle: '2016'\ntitle: X\n"
    found = problems(text)
    assert any("needs 'pillar:'" in p for p in found) and any("needs its overall" in p for p in found)
    found = problems(text + "pillar: efficency\njudgment: {status: unknown}\n")
    assert any("'efficency' is not a pillar" in p for p in found), found
    text += "kind: assessment\n"
    assert any("force assessments began in 2021/22" in p for p in problems(text))


def test_an_unknown_pillar_and_judgment_are_listed_as_unknown() -> None:
    text = ("force: {name: X Police, short_name: X}\ncycle: '2016'\ntitle: X\npillar: unknown\n"
            "judgment: {status: unknown}\n")
    report = peeldocs.parse_report(text, "x.yaml")
    assert [f.what for f in unknown_facts(report)] == ["the pillar", "the overall judgment"]
    assert "not graded" not in report.judgment.describe().lower()  # type: ignore[union-attr]
    with pytest.raises(DataError):
        peeldocs.parse_report(text.replace("{status: unknown}", "{status: unknown, grade: good}"))


def test_an_unknown_judgment_is_never_a_status_the_inspectorate_uses() -> None:
    text = Judgment(Status.UNKNOWN).describe().lower()
    for status in Status:
        if status is not Status.UNKNOWN:
            assert text != status.value
    assert "not found" in text


@pytest.mark.parametrize(("text", "cycle"), [
    ("2016", "2016"), ("2018/19", "2018/19"), ("2018-19", "2018/19"), ("2018/2019", "2018/19"),
    ("2018", "2018/19"), ("2021-22", "2021/22"), ("2023–2025", "2023-25"), ("2023/25", "2023-25"),
    ("2025-2027", "2025-27"), ("2019/20", None), ("2016/17", None), ("twenty", None), ("2020", None),
])
def test_cycles_are_normalised_or_refused(text: str, cycle: str | None) -> None:
    assert normalise_cycle(text) == cycle
    assert cycle is None or cycle in KNOWN_CYCLES


@pytest.mark.parametrize(("text", "name"), [
    ("Norfolk", "Norfolk Constabulary"), ("norfolk constabulary", "Norfolk Constabulary"),
    ("Hampshire and Isle of Wight Constabulary", "Hampshire Constabulary"),
    ("the Met", "Metropolitan Police Service"), ("Avon & Somerset", "Avon and Somerset Constabulary"),
    ("Dyfed Powys", "Dyfed-Powys Police"), ("  West  Midlands Police ", "West Midlands Police"),
])
def test_forces_are_matched_by_name_and_alias(text: str, name: str) -> None:
    assert match_force(text).name == name


def test_an_unknown_force_suggests_the_nearest() -> None:
    with pytest.raises(UnknownForceError, match="did you mean 'Norfolk Constabulary'"):
        match_force("Norfolc Constabulary")
    with pytest.raises(UnknownForceError, match="not a police force of England and Wales"):
        match_force("Police Scotland")
    assert len(all_forces()) == 43
    assert force_country(match_force("Gwent")) == "Wales"
