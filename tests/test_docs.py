"""Every command-line example in the manual runs, with the exit code and output it shows.

(The Python examples, ``>>>`` in ``docs/*.md``, run as doctests: see pyproject.toml.)
A ``console`` block holds ``$ peeldocs ...`` lines, each optionally followed by lines of
its output (``...`` matches anything) and ``(exit N)`` (default 0).
"""

from __future__ import annotations

import glob
import re
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, SEED

from peeldocs.cli import main

DOCS = ROOT / "docs"
FENCE = re.compile(r"^```console\n(.*?)^```", re.M | re.S)


@dataclass
class Example:
    page: str
    command: str
    output: list[str]
    exit: int


def blocks() -> list[list[Example]]:
    """Each console block of the manual: its commands run in turn in one folder."""
    found = []
    for page in sorted(DOCS.glob("*.md")):
        for block in FENCE.findall(page.read_text(encoding="utf-8")):
            commands = []
            for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
                command, *rest = chunk.rstrip("\n").split("\n")
                code = 0
                if rest and (m := re.fullmatch(r"\(exit (\d+)\)", rest[-1])):
                    code = int(m.group(1))
                    rest = rest[:-1]
                commands.append(Example(page.name, command, rest, code))
            found.append(commands)
    return found


def test_the_manual_has_command_line_examples() -> None:
    pages = {e.page for block in blocks() for e in block}
    assert {"command-line.md", "action-plans.md", "json.md", "import.md"} <= pages


@pytest.fixture()
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "examples").mkdir()
    shutil.copy(ROOT / "examples" / "norfolk-2018-action-plan.yaml", tmp_path / "examples")
    for example in (ROOT / "examples").glob("constructed-thematic-*"):  # the register's page
        shutil.copy(example, tmp_path / "examples")
    shutil.copy(SEED, tmp_path / "page.txt")
    for folder in ("fixtures/compare", "invalid"):  # grade tables the comparison pages check
        shutil.copytree(ROOT / "tests" / folder, tmp_path / "tests" / folder)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _matches(expected: str, lines: list[str]) -> bool:
    pattern = ".*".join(re.escape(part) for part in expected.split("..."))
    return any(re.fullmatch(pattern, line) for line in lines)


@pytest.mark.parametrize("block", blocks(), ids=lambda b: f"{b[0].page}: {b[0].command[:50]}")
def test_command_line_examples(block: list[Example], workspace: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    for example in block:
        run(example, workspace, capsys)


def run(example: Example, workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Run one example command and check its exit code and output."""
    words = shlex.split(example.command)
    assert words[0] == "peeldocs", "console examples are peeldocs commands"
    redirect = None
    if ">" in words:
        redirect, words = words[words.index(">") + 1], words[:words.index(">")]
    args = []
    for word in words[1:]:
        args.extend(sorted(glob.glob(word)) or [word] if "*" in word else [word])
    try:
        code = main(args)
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    if redirect:
        (workspace / redirect).write_text(out, encoding="utf-8")
    assert code == example.exit, f"{example.command}\n{err}"
    lines = (out + err).splitlines()
    for expected in example.output:
        assert _matches(expected, lines), f"{expected!r} not in:\n{out}{err}"


def test_the_api_reference_covers_every_public_name() -> None:
    import peeldocs

    api = (DOCS / "api.md").read_text(encoding="utf-8")
    missing = [n for n in peeldocs.__all__ if n != "__version__" and f"peeldocs.{n}\n" not in api]
    assert missing == []


def test_the_readme_keeps_its_two_commands_first_and_links_the_manual() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^(make \w+|peeldocs \w+)", readme, re.M)
    assert commands[:2] == ["make demo", "make test"]
    assert "docs/_build/html/index.html" in readme and "make docs" in readme


def test_every_option_is_in_the_manual() -> None:
    import dataclasses

    from peeldocs.options import Options

    table = (DOCS / "python.md").read_text(encoding="utf-8")
    missing = [f.name for f in dataclasses.fields(Options) if f"| `{f.name}` |" not in table]
    assert missing == [], "add these options to the table in docs/python.md"
