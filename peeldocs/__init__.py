"""peeldocs: turn HMICFRS PEEL inspection reports into briefing packs.

Typical use::

    import peeldocs
    report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    pack = peeldocs.build_pack(report, peeldocs.Options())
    pdf_bytes = peeldocs.render(pack, "pdf")

The heavy engines (reportlab, python-docx) are imported only when a renderer
runs, so ``import peeldocs`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "Options",
    "PeeldocsError",
    "Report",
    "__version__",
    "build_many",
    "build_pack",
    "compare",
    "dump_report",
    "import_page",
    "load_report",
    "parse_report",
    "render",
    "write_pack",
]

_LAZY = {
    "DataError": "peeldocs.errors",
    "PeeldocsError": "peeldocs.errors",
    "Report": "peeldocs.model",
    "Options": "peeldocs.options",
    "build_pack": "peeldocs.assemble",
    "compare": "peeldocs.compare_pack",
    "build_many": "peeldocs.batch",
    "import_page": "peeldocs.importer",
    "dump_report": "peeldocs.loading",
    "load_report": "peeldocs.loading",
    "parse_report": "peeldocs.loading",
    "render": "peeldocs.registry",
    "write_pack": "peeldocs.output",
}

if TYPE_CHECKING:
    from peeldocs.assemble import build_pack
    from peeldocs.batch import build_many
    from peeldocs.compare_pack import compare
    from peeldocs.errors import DataError, PeeldocsError
    from peeldocs.importer import import_page
    from peeldocs.loading import dump_report, load_report, parse_report
    from peeldocs.model import Report
    from peeldocs.options import Options
    from peeldocs.output import write_pack
    from peeldocs.registry import render


def __getattr__(name: str) -> Any:
    """Import public names on first use (PEP 562)."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'peeldocs' has no attribute {name!r}")
