"""The house's direction of dependencies, checked on the source.

The layer order and what each part may import are import-linter contracts in
``pyproject.toml`` (``lint-imports``, run by ``make test`` and here).  This file
checks what a contract cannot say: that no module imports itself back through
any chain (function-local imports included), and that renderers write no
policing words of their own.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "peeldocs"


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Return the strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph.modules):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_no_module_imports_itself_back() -> None:
    """No import circle anywhere in the package, function-local and TYPE_CHECKING imports included."""
    assert _cycles(grimp.build_graph("peeldocs")) == []


def test_the_cycle_finder_finds_a_circle() -> None:
    """The check above would see a circle: a graph with one is reported."""
    graph = grimp.ImportGraph()
    for name in ("p", "p.a", "p.b", "p.c"):
        graph.add_module(name)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.c")
    graph.add_import(importer="p.c", imported="p.a")
    assert _cycles(graph) == [["p.a", "p.b", "p.c"]]


def test_import_contracts_are_kept() -> None:
    """The layer contracts in pyproject.toml hold (the same check ``make lint`` runs)."""
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("lint-imports is not installed (pip install -e '.[dev]')")
    result = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout


def test_only_shared_helpers_sit_at_the_package_root() -> None:
    """The root holds the package face and at most nine helpers every layer may use."""
    helpers = sorted(p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py")
    assert len(helpers) <= 9, helpers
    assert not [h for h in helpers if h.startswith(("cli_", "plan_", "compare_"))]


_POLICING_WORDS = re.compile(r"\b(?:HMICFRS|PEEL|Constabulary|inspectorate|police)\b|Judgment:",
                             re.IGNORECASE)


@pytest.mark.parametrize("path", sorted((PACKAGE / "renderers").rglob("*.py")),
                         ids=lambda p: str(p.relative_to(PACKAGE / "renderers")))
def test_renderers_write_no_policing_words_of_their_own(path: Path) -> None:
    """Reader-facing words come from the blocks (a badge's key, a heading), never a renderer."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {ast.get_docstring(node, clean=False) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)}
    found = [node.value for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and node.value not in docstrings and _POLICING_WORDS.search(node.value)]
    assert found == [], f"{path.name} writes {found}"
