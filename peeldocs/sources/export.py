"""Reports as YAML and JSON, for editing by hand, dashboards and other tools.

:func:`dump_report` gives a report as YAML and :func:`to_json` as JSON valid
against ``peeldocs schema``; :func:`peeldocs.load_report` reads either back
to an equal report.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import yaml

from peeldocs.model import Report
from peeldocs.sources.schema import unstructure


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
