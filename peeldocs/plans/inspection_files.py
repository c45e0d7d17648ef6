"""Inspection files: load and check them with located errors, and write them.

An inspection file is YAML (or JSON) holding an :class:`Inspection`.  It is
told from a PEEL report file by its ``items`` and the absence of a ``cycle``;
:func:`load_subject` loads either, so an action plan can answer both.
"""

from __future__ import annotations

import os
import re
from typing import Any

import yaml

from peeldocs.errors import DataError, Problem
from peeldocs.model import Report
from peeldocs.plans.inspection import Addressee, Inspection, InspectionKind
from peeldocs.sources.loading import read_data_file, read_source, validate_source
from peeldocs.sources.schema import structure, unstructure
from peeldocs.sources.yamlsource import Source

Subject = Report | Inspection
"""What an action plan answers: a PEEL report or another inspection."""

_ID = re.compile(r"^[A-Za-z][A-Za-z0-9.-]{0,30}$")


def is_inspection_data(data: Any) -> bool:
    """Tell whether plain data is an inspection file rather than a PEEL report.

    >>> is_inspection_data({"title": "T", "kind": "revisit letter"})
    True
    >>> is_inspection_data({"force": {"name": "Kent Police"}, "cycle": "2017", "kind": "pillar"})
    False
    """
    if not isinstance(data, dict) or "cycle" in data or "questions" in data:
        return False
    return "items" in data or "items_read" in data or \
        data.get("kind") in {k.value for k in InspectionKind}


def check_inspection(src: Source) -> None:
    """Record every cross-field problem of an inspection's plain data."""
    data = src.data if isinstance(src.data, dict) else {}
    items = data.get("items")
    seen: dict[str, int | None] = {}
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        at = ("items", i)
        iid = item.get("id")
        if isinstance(iid, str):
            if not _ID.match(iid):
                src.problem((*at, "id"), f"'{iid}' is not an id: use letters, digits, '.' or "
                                         "'-', starting with a letter (e.g. R1, AFI3)")
            if iid in seen:
                src.problem((*at, "id"), f"duplicate id '{iid}' (first at line {seen[iid]})")
            seen.setdefault(iid, src.line((*at, "id")))
        if item.get("addressed_to") == Addressee.ANOTHER_BODY.value and not item.get("addressee"):
            src.problem((*at, "addressed_to"), "an item addressed to another body needs "
                                               "'addressee' (the body's name as worded)")
        deadline = item.get("deadline")
        if isinstance(deadline, str) and not deadline.strip():
            src.problem((*at, "deadline"), "an empty deadline: remove the key when the item "
                                           "states none")
        text = item.get("text")
        if isinstance(text, str) and not text.strip():
            src.problem((*at, "text"), "the item's text is empty")
    if data.get("items_read") is False and items:
        src.problem(("items_read",), "'items_read: false' says the items were not read, but "
                                     "the file lists some")


def parse_inspection(text: str | bytes, file: str = "<string>") -> Inspection:
    r"""Parse inspection YAML or JSON text; raise :class:`DataError` listing every problem.

    >>> parse_inspection("title: T\nkind: joint\nitems:\n- {id: R1, kind: recommendation, "
    ...                  "text: Do it., addressed_to: all forces}\n").items[0].tracked
    True
    >>> parse_inspection("title: T\nkind: thematic\nitems: []\n", "t.yaml")
    Traceback (most recent call last):
    ...
    peeldocs.errors.DataError: t.yaml:2: kind: ...
    """
    src = read_source(text, file)
    validate_source(src, Inspection, check_inspection)
    if src.problems:
        raise DataError(src.problems)
    return structure(Inspection, src.data)


def load_inspection(path: str | os.PathLike[str]) -> Inspection:
    """Load an inspection file; :class:`DataError` lists every problem with its line.

    >>> import peeldocs
    >>> insp = peeldocs.load_inspection("examples/constructed-thematic-inspection.yaml")
    >>> insp.kind.value, [i.id for i in insp.tracked], [i.id for i in insp.not_tracked]
    ('national thematic', ['R1', 'R2', 'R3', 'AFI1'], ['R4', 'AFI2'])
    """
    data, name = read_data_file(path)
    return parse_inspection(data, name)


def load_subject(path: str | os.PathLike[str]) -> Subject:
    """Load a PEEL report file or an inspection file, whichever it is."""
    data, name = read_data_file(path)
    src = read_source(data, name)  # read once, checked as whichever it is
    inspection = is_inspection_data(src.data)
    if inspection:
        validate_source(src, Inspection, check_inspection)
    else:
        validate_source(src)
    if src.problems:
        raise DataError(src.problems)
    return structure(Inspection, src.data) if inspection else structure(Report, src.data)


def inspection_unknowns(path: str | os.PathLike[str], inspection: Inspection) -> list[Problem]:
    """Return one line for each fact an inspection file leaves unknown, as ``validate`` prints.

    >>> from peeldocs.plans.inspection import InspectionKind
    >>> [str(p) for p in inspection_unknowns("t.yaml", Inspection("T", InspectionKind.JOINT))]
    ['t.yaml: published: unknown: the publication date was not read']
    """
    name = os.fspath(path)
    found = []
    if inspection.kind is InspectionKind.UNKNOWN:
        found.append(Problem(name, None, "kind", "unknown: the kind of inspection was not read"))
    if inspection.published is None:
        found.append(Problem(name, None, "published",
                             "unknown: the publication date was not read"))
    if not inspection.items_read:
        found.append(Problem(name, None, "items", "unknown: the items were not read"))
    for i, item in enumerate(inspection.items):
        if item.addressed_to is Addressee.UNKNOWN:
            found.append(Problem(name, None, f"items[{i}].addressed_to",
                                 f"unknown: whom {item.id} is addressed to was not read"))
    return found


class _Dumper(yaml.SafeDumper):
    """Writes text YAML would fold or normalise double-quoted."""


_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if _UNSAFE.search(text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_inspection(inspection: Inspection) -> str:
    """Return YAML that :func:`parse_inspection` reads back equal; unknowns written as such.

    >>> from peeldocs.plans.inspection import InspectionKind
    >>> insp = Inspection("T", InspectionKind.JOINT)
    >>> parse_inspection(dump_inspection(insp)) == insp
    True
    """
    data = unstructure(inspection)
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=88)


__all__ = ["Subject", "check_inspection", "dump_inspection", "inspection_unknowns",
           "is_inspection_data", "load_inspection", "load_subject", "parse_inspection"]
