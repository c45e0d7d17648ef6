"""libyaml reads data files as PyYAML's own parser does: the same values, lines and problems.

``read_yaml`` parses with libyaml when PyYAML has it (about fifteen times faster on
the Norfolk report) and reads text that libyaml refuses again with PyYAML's own
parser, so that a problem is said in the same words on every machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from peeldocs.sources import yamlsource
from peeldocs.sources.yamlsource import read_yaml

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted({*ROOT.glob("data/*.yaml"), *ROOT.glob("examples/*.yaml"),
                *ROOT.glob("tests/fixtures/**/*.yaml"), *ROOT.glob("tests/hostile/*.yaml"),
                *ROOT.glob("tests/invalid/*.yaml"), *ROOT.glob("tests/invalid_plans/*.yaml")})


def _both(text: str | bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    fast = read_yaml(text, "f.yaml")
    monkeypatch.setattr(yamlsource, "_LOADERS", (yaml.SafeLoader,))
    own = read_yaml(text, "f.yaml")
    return fast, own


def test_libyaml_is_used_where_pyyaml_has_it() -> None:
    assert yaml.__with_libyaml__, "PyYAML's wheel brings libyaml on Linux"
    assert yamlsource._LOADERS[0] is yaml.CSafeLoader
    assert yamlsource._LOADERS[-1] is yaml.SafeLoader


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_and_test_file_reads_the_same_with_either_parser(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, own = _both(path.read_bytes(), monkeypatch)
    assert (fast.data, fast.lines, fast.key_lines) == (own.data, own.lines, own.key_lines)
    assert fast.problems == own.problems


@pytest.mark.parametrize("text", [
    "a: 1\n\tb: 2\n",          # a tab libyaml words differently
    "a: b\x00c\n",             # a character neither accepts
    "a: '\ud800'\n",           # a lone surrogate: libyaml raises no YAML error at all
    "a: [1,\n",                # unclosed
    "- a\nb: 1\n",             # a list then a mapping
    "a: &x 1\nb: *x\n",        # an alias: refused by us, from the events
    "a: 1\na: 2\n",            # a duplicate key
    "",                        # empty
    "x: " + "[" * 70 + "]" * 70 + "\n",  # nested too deep
])
def test_a_problem_is_said_in_the_same_words_and_line_whichever_parser(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, own = _both(text, monkeypatch)
    assert fast.problems, text
    assert fast.problems == own.problems
