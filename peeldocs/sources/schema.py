"""The data format, derived from the model: a JSON Schema, a structurer, and YAML and JSON out.

The schema is generated from the dataclasses in :mod:`peeldocs.model`, so the
format cannot drift from the model; ``peeldocs schema`` prints it for editors.
:func:`structure` turns already-validated plain data into model objects and
:func:`unstructure` does the reverse for :func:`peeldocs.dump_report`.

For editing by hand, dashboards and other tools, :func:`dump_report` gives a
report as YAML and :func:`to_json` as JSON valid against ``peeldocs schema``;
:func:`peeldocs.load_report` reads either back to an equal report.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import re
import types
import typing
from datetime import date
from functools import cache
from typing import Any, TypeVar

import yaml

from peeldocs import model
from peeldocs.model import Report

T = TypeVar("T")

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
SCHEMA_ID = "https://peeldocs.invalid/schema/report.json"


@cache
def hints(cls: type) -> dict[str, Any]:
    """Return the resolved type hints of a dataclass (cached)."""
    return typing.get_type_hints(cls)


def _split_optional(tp: Any) -> tuple[Any, bool]:
    """Return (inner type, is-optional) for ``X | None``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


def _union_args(tp: Any) -> tuple[Any, ...]:
    """Return the members of a union of several non-null types (``str | Points``), or ()."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = tuple(a for a in typing.get_args(tp) if a is not type(None))
        return args if len(args) > 1 else ()
    return ()


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if members := _union_args(tp):
        return {"anyOf": [_type_schema(m, defs) for m in members]}
    inner, optional = _split_optional(tp)
    schema: dict[str, Any]
    if isinstance(inner, type) and dataclasses.is_dataclass(inner):
        _define(inner, defs)
        ref = {"$ref": f"#/$defs/{inner.__name__}"}
        return {"anyOf": [ref, {"type": "null"}]} if optional else ref
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        values: list[Any] = [m.value for m in inner]
        return {"enum": [*values, None] if optional else values}
    if typing.get_origin(inner) is tuple:
        item = typing.get_args(inner)[0]
        schema = {"type": "array", "items": _type_schema(item, defs)}
    elif inner is date:
        schema = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    else:
        names = {str: "string", int: "integer", float: "number", bool: "boolean"}
        schema = {"type": names[inner]}
    if optional:
        schema["type"] = [schema["type"], "null"]
    return schema


def _define(cls: Any, defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder against recursion
    properties: dict[str, Any] = {}
    required: list[str] = []
    for f in dataclasses.fields(cls):
        prop = _type_schema(hints(cls)[f.name], defs)
        if "doc" in f.metadata:
            prop = {**prop, "description": f.metadata["doc"]}
        properties[f.name] = prop
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    defs[cls.__name__] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


@cache
def _schema_for(cls: type) -> dict[str, Any]:
    defs: dict[str, Any] = {}
    _define(cls, defs)
    top = defs.pop(cls.__name__)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID if cls is model.Report else SCHEMA_ID.replace("report", cls.__name__.lower()),
        "title": f"peeldocs {cls.__name__}",
        **top,
        "$defs": defs,
    }


def json_schema(cls: type = model.Report) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a data file holding a ``cls`` (a report).

    >>> import peeldocs
    >>> schema = peeldocs.json_schema()
    >>> schema["title"], "questions" in schema["properties"]
    ('peeldocs Report', True)
    >>> peeldocs.json_schema(peeldocs.PlanStatus)["title"]
    'peeldocs PlanStatus'
    """
    import copy

    return copy.deepcopy(_schema_for(cls))


def structure(cls: type[T], data: Any) -> T:
    """Build a model object of type ``cls`` from validated plain data."""
    return typing.cast(T, _structure(cls, data))


def _structure(tp: Any, data: Any) -> Any:
    if members := _union_args(tp):  # plain text, or the dataclass member for a mapping
        wanted = next((m for m in members if dataclasses.is_dataclass(m)), None)
        return _structure(wanted, data) if isinstance(data, dict) and wanted else data
    inner, _ = _split_optional(tp)
    if data is None:
        return None
    if isinstance(inner, type) and dataclasses.is_dataclass(inner):
        fields = hints(inner)
        return inner(**{k: _structure(fields[k], v) for k, v in data.items()})
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return inner(data)
    if typing.get_origin(inner) is tuple:
        item = typing.get_args(inner)[0]
        return tuple(_structure(item, v) for v in data)
    if inner is date:
        return data if isinstance(data, date) else date.fromisoformat(data)
    return data


def unstructure(obj: Any) -> Any:
    """Return plain data (dicts, lists, scalars) for a model object; defaults omitted."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if f.default is not dataclasses.MISSING and value == f.default:
                continue
            out[f.name] = unstructure(value)
        return out
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, tuple | list):
        return [unstructure(v) for v in obj]
    return obj


def dumps(data: Any, indent: int | None) -> str:
    """Return ``data`` as JSON text, dates in ISO form, non-ASCII kept."""
    return json.dumps(data, indent=indent, ensure_ascii=False, default=date.isoformat)


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """Return ``report`` as JSON text that :func:`peeldocs.load_report` reads back equal.

    >>> import json, peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> json.loads(peeldocs.to_json(report))["force"]["short_name"]
    'Norfolk'
    >>> peeldocs.parse_report(peeldocs.to_json(report), "norfolk.json") == report
    True
    """
    if not isinstance(report, Report):
        raise TypeError(f"to_json: expected a Report, got {type(report).__name__} "
                        "(for a plan use plan_to_json)")
    return dumps(unstructure(report), indent)


_UNSAFE_PLAIN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


class _Dumper(yaml.SafeDumper):
    """Writes text that YAML would fold or normalise (NEL, tabs, BOM) double-quoted."""


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if _UNSAFE_PLAIN.search(text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_report(report: Report) -> str:
    """Return YAML for ``report`` that :func:`peeldocs.parse_report` loads back equal.

    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> peeldocs.parse_report(dump_report(report)) == report
    True
    """
    return yaml.dump(unstructure(report), Dumper=_Dumper, allow_unicode=True,
                     sort_keys=False, width=88)
