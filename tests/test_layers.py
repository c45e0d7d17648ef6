"""The house's direction of dependencies, checked on the source.

model -> loading/importer -> sections -> renderers: sections never import I/O
modules, renderers never import the model or anything about policing.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "peeldocs"
IO_MODULES = {"peeldocs.plan_io", "peeldocs.loading", "peeldocs.output", "peeldocs.batch",
              "peeldocs.yamlsource", "peeldocs.compare_io", "peeldocs.grade_table", "peeldocs.importer",
              "peeldocs.cli"}
POLICING = {"peeldocs.model", "peeldocs.scales", "peeldocs.plan", "peeldocs.plan_findings",
            "peeldocs.sections", "peeldocs.forces", "peeldocs.comparison", "peeldocs.importer"}


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _under(module: str, roots: set[str]) -> bool:
    return any(module == root or module.startswith(root + ".") for root in roots)


@pytest.mark.parametrize("path", sorted((PACKAGE / "sections").glob("*.py")), ids=lambda p: p.name)
def test_sections_never_import_io(path: Path) -> None:
    bad = sorted(m for m in imports(path) if _under(m, IO_MODULES))
    assert bad == [], f"{path.name} imports I/O modules: {bad}"


@pytest.mark.parametrize("path", sorted((PACKAGE / "renderers").glob("*.py")), ids=lambda p: p.name)
def test_renderers_never_import_the_model(path: Path) -> None:
    bad = sorted(m for m in imports(path) if _under(m, POLICING))
    assert bad == [], f"{path.name} imports policing modules: {bad}"



def _loading_files() -> list[Path]:
    """The I/O modules' files (the command line aside: it may use every layer)."""
    files = [PACKAGE / (module.split(".", 1)[1] + ".py") for module in IO_MODULES]
    return sorted([f for f in files if f.exists() and f.name != "cli.py"]
                  + list((PACKAGE / "importer").glob("*.py")))


@pytest.mark.parametrize("path", _loading_files(), ids=lambda p: p.name)
def test_loading_never_imports_sections_or_renderers(path: Path) -> None:
    """Loading comes before sections and renderers in the house's direction."""
    bad = sorted(m for m in imports(path)
                 if _under(m, {"peeldocs.sections", "peeldocs.renderers"}))
    assert bad == [], f"{path.name} imports later layers: {bad}"


_POLICING_WORDS = re.compile(r"\b(?:HMICFRS|PEEL|Constabulary|inspectorate|police)\b|Judgment:",
                             re.IGNORECASE)


@pytest.mark.parametrize("path", sorted((PACKAGE / "renderers").glob("*.py")), ids=lambda p: p.name)
def test_renderers_write_no_policing_words_of_their_own(path: Path) -> None:
    """Reader-facing words come from the blocks (a badge's key, a heading), never a renderer."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {ast.get_docstring(node, clean=False) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)}
    found = [node.value for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and node.value not in docstrings and _POLICING_WORDS.search(node.value)]
    assert found == [], f"{path.name} writes {found}"
