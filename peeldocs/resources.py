"""The package's version, and where the shipped templates, themes and fonts live.

In a wheel the top-level ``templates/`` folder is installed as
``peeldocs/templates``; in a source checkout it sits beside the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__version__ = "0.1.0"
"""The version of peeldocs (``peeldocs.__version__``), written into every document's properties."""

PACKAGE_DIR = Path(__file__).resolve().parent
FONT_DIR = PACKAGE_DIR / "fonts"


@cache
def templates_root() -> Path:
    """Return the folder holding ``text/``, ``themes/`` and ``docx/``."""
    for candidate in (PACKAGE_DIR / "templates", PACKAGE_DIR.parent / "templates"):
        if (candidate / "text").is_dir():
            return candidate
    raise FileNotFoundError("peeldocs templates are missing from this installation")


FONT_FILES = {
    "regular": "LiberationSans-Regular.ttf",
    "bold": "LiberationSans-Bold.ttf",
    "italic": "LiberationSans-Italic.ttf",
    "bolditalic": "LiberationSans-BoldItalic.ttf",
}


def font_path(face: str) -> Path:
    """Return the path of a bundled font face (regular, bold, italic, bolditalic)."""
    return FONT_DIR / FONT_FILES[face]
