"""The house's direction of dependencies, checked on the source.

model -> loading/importer -> sections -> renderers: sections never import I/O
modules, renderers never import the model or anything about policing.
"""

from __future__ import annotations

import ast
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
