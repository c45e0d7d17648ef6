"""Sphinx configuration for the peeldocs manual: offline, fast, warnings are errors (make docs)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")  # the manual is reproducible too
os.environ["COLUMNS"] = "80"  # argparse help wraps the same everywhere

import peeldocs  # noqa: E402

project = "peeldocs"
author = "peeldocs developers"
copyright = "peeldocs developers; report text Crown copyright, Open Government Licence v3.0"
release = version = peeldocs.__version__
language = "en_GB"

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "conftest.py"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": False}
add_module_names = False
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "alabaster"
html_title = f"peeldocs {release} manual"
html_static_path: list[str] = []
html_last_updated_fmt = None
html_show_sourcelink = False
html_theme_options = {"description": "HMICFRS PEEL reports into briefing packs",
                      "fixed_sidebar": False, "show_relbars": True,
                      "page_width": "1120px"}


class CliHelp(SphinxDirective):
    """``{cli-help} build``: the help of a ``peeldocs`` subcommand, taken from the parser."""

    optional_arguments = 2

    def run(self) -> list[nodes.Node]:
        """Return the help text as a literal block."""
        import argparse

        from peeldocs.cli import make_parser

        parser: Any = make_parser()
        for name in self.arguments:
            action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
            parser = action.choices[name]
        text = parser.format_help()
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return [block]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``cli-help`` directive."""
    app.add_directive("cli-help", CliHelp)
    return {"parallel_read_safe": True}
