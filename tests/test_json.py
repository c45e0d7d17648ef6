"""Reports and action plans as JSON: valid against ``peeldocs schema``, read back equal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from conftest import DATA, ROOT
from hypothesis import given
from hypothesis import strategies as st
from test_properties import with_text

import peeldocs
from peeldocs.cli import main
from peeldocs.errors import DataError
from peeldocs.plans.rules import assess_plan

PLAN = ROOT / "examples" / "norfolk-2018-action-plan.yaml"
AS_OF = date(2019, 10, 15)


def test_report_json_is_valid_against_the_schema_and_reads_back_equal(
        norfolk: peeldocs.Report, tmp_path: Path) -> None:
    text = peeldocs.to_json(norfolk)
    data = json.loads(text)
    jsonschema.Draft202012Validator(peeldocs.json_schema()).validate(data)
    assert data["questions"][1]["judgment"] == {"status": "graded", "grade": "requires improvement"}
    path = tmp_path / "norfolk.json"
    path.write_text(text, encoding="utf-8")
    assert peeldocs.load_report(path) == norfolk
    assert peeldocs.parse_report(text.encode("utf-8")) == norfolk


@given(st.text(max_size=60))
def test_any_text_round_trips_through_json(text: str) -> None:
    report = with_text(peeldocs.load_report(DATA), text)
    assert peeldocs.parse_report(peeldocs.to_json(report), "x.json") == report


def test_bad_json_reports_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"force": {"name": "N", "short_name": "N"}, "cycle": 2018, "cycle": "x"}')
    with pytest.raises(DataError) as info:
        peeldocs.load_report(path)
    text = str(info.value)
    assert "duplicate key 'cycle'" in text
    path.write_text('{"force": ')
    with pytest.raises(DataError, match="not valid JSON"):
        peeldocs.load_report(path)


def test_to_json_refuses_what_is_not_a_report() -> None:
    with pytest.raises(TypeError, match="plan_to_json"):
        peeldocs.to_json({"force": "x"})  # type: ignore[arg-type]


def test_plan_json_carries_derived_state_and_reads_back_equal(norfolk: peeldocs.Report) -> None:
    plan = peeldocs.load_plan(PLAN, norfolk, as_of=AS_OF)
    when = date(2020, 6, 1)
    data = json.loads(peeldocs.plan_to_json(plan, norfolk, when))
    jsonschema.Draft202012Validator(peeldocs.json_schema(peeldocs.PlanStatus)).validate(data)
    states = {s.item.finding: s for s in assess_plan(plan, when)}
    assert data["as_of"] == "2020-06-01"
    assert data["total"] == len(plan.items) == len(data["items"])
    assert data["overdue"] == sum(s.overdue for s in states.values()) > 0
    for item in data["items"]:
        state = states[item["item"]["finding"]]
        assert (item["rag"], item["overdue"], item["days_overdue"], item["days_slipped"]) == \
            (state.rag.value, state.overdue, state.days_overdue, state.days_slipped)
    assert any(i["days_slipped"] > 0 for i in data["items"])
    status = peeldocs.plan_status(plan, norfolk, when)
    assert peeldocs.parse_plan_status(json.dumps(data)) == status


def test_cli_export_writes_the_report_and_the_plan(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(DATA), "--format", "json"]) == 0
    assert peeldocs.parse_report(capsys.readouterr().out) == peeldocs.load_report(DATA)
    out = tmp_path / "plan.json"
    assert main(["export", str(DATA), "--plan", str(PLAN), "--as-of", "2019-10-15",
                 "-o", str(out)]) == 0
    status = peeldocs.load_plan_status(out)
    assert status.as_of == AS_OF and status.force.short_name == "Norfolk"
    assert main(["schema", "plan-status"]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator(schema).validate(json.loads(out.read_text()))


def test_cli_export_of_a_bad_report_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(ROOT / "tests" / "invalid" / "bad-grade.yaml")]) == 1
    assert "bad-grade.yaml:14" in capsys.readouterr().err


def test_actions_status_prints_the_same_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actions", "status", str(PLAN), "--report", str(DATA), "--as-of", "2019-10-15",
                 "--format", "json"]) == 0
    report = peeldocs.load_report(DATA)
    plan = peeldocs.load_plan(PLAN, report, as_of=AS_OF)
    assert capsys.readouterr().out.strip() == peeldocs.plan_to_json(plan, report, AS_OF)


def test_schema_plan_describes_plan_files(capsys: pytest.CaptureFixture[str]) -> None:
    from peeldocs.sources.yamlsource import read_yaml

    assert main(["schema", "plan"]) == 0
    schema = json.loads(capsys.readouterr().out)
    data = read_yaml(PLAN.read_bytes(), str(PLAN)).data
    jsonschema.Draft202012Validator(schema).validate(data)
    data["items"][0]["statuss"] = "closed"
    assert not jsonschema.Draft202012Validator(schema).is_valid(data)
