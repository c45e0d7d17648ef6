"""peeldocs: turn HMICFRS PEEL inspection reports into briefing packs.

Typical use::

    import peeldocs
    report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    pack = peeldocs.build_pack(report, peeldocs.Options(marking="OFFICIAL"))
    pdf_bytes = peeldocs.render(pack, "pdf")

Every public name is listed in ``__all__`` (and by ``dir(peeldocs)``) and is
imported on first use, so ``import peeldocs`` stays fast; the heavy engines
(reportlab, python-docx) load only when a renderer runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from peeldocs.resources import __version__

# Public name -> the module that defines it.  Add a line here to export a name.
_LAZY = {
    "DataError": "peeldocs.errors",
    "OptionError": "peeldocs.errors",
    "OptionTypeError": "peeldocs.errors",
    "OutputError": "peeldocs.errors",
    "OverwriteError": "peeldocs.errors",
    "ArgumentTypeError": "peeldocs.errors",
    "PeeldocsError": "peeldocs.errors",
    "UnknownFormatError": "peeldocs.errors",
    "Report": "peeldocs.model",
    "all_forces": "peeldocs.model.forces",
    "match_force": "peeldocs.model.forces",
    "Marking": "peeldocs.options",
    "Options": "peeldocs.options",
    "Pack": "peeldocs.blocks",
    "Plan": "peeldocs.plans.plan",
    "PlanStatus": "peeldocs.plans.status",
    "build_pack": "peeldocs.build.output",
    "compare": "peeldocs.comparisons.pack",
    "build_many": "peeldocs.build.batch",
    "import_page": "peeldocs.importer",
    "dump_report": "peeldocs.sources.schema",
    "load_report": "peeldocs.sources.loading",
    "parse_report": "peeldocs.sources.loading",
    "init_plan": "peeldocs.plans.files",
    "load_plan": "peeldocs.plans.files",
    "parse_plan": "peeldocs.plans.files",
    "assess_plan": "peeldocs.plans.rules",
    "load_plan_status": "peeldocs.plans.status",
    "parse_plan_status": "peeldocs.plans.status",
    "plan_status": "peeldocs.plans.status",
    "plan_to_json": "peeldocs.plans.status",
    "to_json": "peeldocs.sources.schema",
    "json_schema": "peeldocs.sources.schema",
    "render": "peeldocs.build.registry",
    "renderer_names": "peeldocs.build.registry",
    "write_pack": "peeldocs.build.output",
    "Inspection": "peeldocs.plans.inspection",
    "load_inspection": "peeldocs.plans.inspection_files",
    "read_inspection": "peeldocs.plans.inspection_reader",
    "register": "peeldocs.plans.register_files",
    "register_pack": "peeldocs.build.register_output",
    "write_register": "peeldocs.build.register_output",
    "register_workbook": "peeldocs.build.register_output",
    "import_workbook": "peeldocs.plans.workbook_import",
}

# Every public name (kept equal to _LAZY's keys by a test).
__all__ = [
    "ArgumentTypeError",
    "DataError",
    "Inspection",
    "Marking",
    "OptionError",
    "OptionTypeError",
    "Options",
    "OutputError",
    "OverwriteError",
    "Pack",
    "PeeldocsError",
    "Plan",
    "PlanStatus",
    "Report",
    "UnknownFormatError",
    "__version__",
    "all_forces",
    "assess_plan",
    "build_many",
    "build_pack",
    "compare",
    "dump_report",
    "import_page",
    "import_workbook",
    "init_plan",
    "json_schema",
    "load_inspection",
    "load_plan",
    "load_plan_status",
    "load_report",
    "match_force",
    "parse_plan",
    "parse_plan_status",
    "parse_report",
    "plan_status",
    "plan_to_json",
    "read_inspection",
    "register",
    "register_pack",
    "register_workbook",
    "render",
    "renderer_names",
    "to_json",
    "write_pack",
    "write_register",
]

if TYPE_CHECKING:
    from peeldocs.blocks import Pack
    from peeldocs.build.batch import build_many
    from peeldocs.build.output import build_pack, write_pack
    from peeldocs.build.register_output import register_pack, register_workbook, write_register
    from peeldocs.build.registry import render, renderer_names
    from peeldocs.comparisons.pack import compare
    from peeldocs.errors import (
        ArgumentTypeError,
        DataError,
        OptionError,
        OptionTypeError,
        OutputError,
        OverwriteError,
        PeeldocsError,
        UnknownFormatError,
    )
    from peeldocs.importer import import_page
    from peeldocs.model import Report
    from peeldocs.model.forces import all_forces, match_force
    from peeldocs.options import Marking, Options
    from peeldocs.plans.files import init_plan, load_plan, parse_plan
    from peeldocs.plans.inspection import Inspection
    from peeldocs.plans.inspection_files import load_inspection
    from peeldocs.plans.inspection_reader import read_inspection
    from peeldocs.plans.plan import Plan
    from peeldocs.plans.register_files import register
    from peeldocs.plans.rules import assess_plan
    from peeldocs.plans.status import (
        PlanStatus,
        load_plan_status,
        parse_plan_status,
        plan_status,
        plan_to_json,
    )
    from peeldocs.plans.workbook_import import import_workbook
    from peeldocs.sources.loading import load_report, parse_report
    from peeldocs.sources.schema import dump_report, json_schema, to_json


def __getattr__(name: str) -> Any:
    """Import public names on first use (PEP 562)."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'peeldocs' has no attribute {name!r}")


def __dir__() -> list[str]:
    """List the public names without importing them."""
    return sorted(set(__all__) | {n for n in globals() if n.startswith("__")})
