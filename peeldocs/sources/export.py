"""Reports as JSON, for dashboards and other tools.

:func:`to_json` gives a report as JSON valid against ``peeldocs schema``, and
:func:`peeldocs.load_report` reads it back to an equal report.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

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
