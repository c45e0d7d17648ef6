"""Report files: reading YAML and JSON with located errors, the schema, export and writing.

:mod:`~peeldocs.sources.yamlsource` reads YAML keeping each value's line;
:mod:`~peeldocs.sources.loading` checks a file against the schema
(:mod:`~peeldocs.sources.schema`) and the rules a schema cannot say
(:mod:`~peeldocs.sources.checks`) and builds the report;
:mod:`~peeldocs.sources.unknowns` lists the facts an import could not read;
:mod:`~peeldocs.sources.schema` writes a report as YAML or JSON and
:mod:`~peeldocs.sources.files` writes any file atomically.
"""

from __future__ import annotations

from peeldocs.sources.loading import load_report, parse_report
from peeldocs.sources.schema import dump_report, to_json

__all__ = ["dump_report", "load_report", "parse_report", "to_json"]
