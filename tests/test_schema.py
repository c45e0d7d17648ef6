"""The JSON Schema stays in step with the model: it is generated from it and checked here."""

from __future__ import annotations

import dataclasses

import jsonschema
import yaml
from conftest import DATA

from peeldocs import model
from peeldocs.sources import schema


def _model_classes() -> dict[str, type]:
    return {name: c for name, c in vars(model).items()
            if isinstance(c, type) and dataclasses.is_dataclass(c) and name not in ("ScaledGrade", "UnknownFact")}


def test_every_model_field_is_in_the_schema() -> None:
    s = schema.json_schema()
    defs = {**s["$defs"], "Report": s}
    for name, cls in _model_classes().items():
        assert name in defs, name
        props = defs[name]["properties"]
        assert set(props) == {f.name for f in dataclasses.fields(cls)}, name
        assert defs[name]["additionalProperties"] is False
        for f in dataclasses.fields(cls):
            assert props[f.name].get("description"), f"{name}.{f.name} has no doc"


def test_required_keys_are_the_fields_without_defaults() -> None:
    s = schema.json_schema()
    assert set(s["required"]) == {"force", "cycle", "title"}


def test_enums_list_every_model_value() -> None:
    s = schema.json_schema()
    judgment = s["$defs"]["Judgment"]["properties"]
    assert set(judgment["status"]["enum"]) == {st.value for st in model.Status}
    assert set(judgment["grade"]["enum"]) - {None} == {g.value for g in model.Grade}


def test_the_norfolk_file_is_valid_against_the_published_schema() -> None:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    data["last_updated"] = data["last_updated"].isoformat()
    jsonschema.Draft202012Validator(schema.json_schema()).validate(data)
    jsonschema.Draft202012Validator.check_schema(schema.json_schema())
