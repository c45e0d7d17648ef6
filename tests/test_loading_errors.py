"""Every invalid file in tests/invalid gives the located messages its header expects."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

import peeldocs
from peeldocs.errors import DataError

INVALID = Path(__file__).parent / "invalid"
CASES = sorted(INVALID.glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d*): ([^:]*): (.*)$")


def expectations(path: Path) -> list[tuple[int | None, str, str]]:
    companion = path.with_suffix(".expect")
    text = companion.read_text() if companion.exists() else path.read_bytes().decode(
        "utf-8", "replace")
    found = []
    for line in text.splitlines():
        m = EXPECT.match(line)
        if m:
            found.append((int(m.group(1)) if m.group(1) else None, m.group(2), m.group(3)))
    return found


def expected_prefix(file: str, line: int | None, path: str, message: str) -> str:
    where = f"{file}:{line}" if line is not None else file
    return f"{where}: {path}: {message}" if path else f"{where}: {message}"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_invalid_file_reports_each_problem_with_its_line(path: Path) -> None:
    wanted = expectations(path)
    assert wanted, f"{path.name} states no expectation"
    rel = os.path.relpath(path)
    with pytest.raises(DataError) as info:
        peeldocs.load_report(path)
    got = [str(p) for p in info.value.problems]
    for line, where, message in wanted:
        prefix = expected_prefix(rel, line, where, message)
        assert any(g.startswith(prefix) for g in got), f"\nwanted: {prefix}\ngot:    {got}"


def test_all_problems_are_reported_at_once() -> None:
    path = INVALID / "wrong-type.yaml"
    with pytest.raises(DataError) as info:
        peeldocs.load_report(path)
    assert len(info.value.problems) >= 3
    lines = [p.line for p in info.value.problems]
    assert lines == sorted(lines)


def test_alias_bomb_is_refused_quickly_without_expansion() -> None:
    start = time.perf_counter()
    with pytest.raises(DataError, match="aliases"):
        peeldocs.load_report(INVALID / "alias-bomb.yaml")
    assert time.perf_counter() - start < 5  # generous: an expansion would take minutes


def test_python_tag_is_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"force: !!python/object/apply:os.system ['touch {marker}']\n"
    with pytest.raises(DataError, match="is not allowed"):
        peeldocs.parse_report(text, "x.yaml")
    assert not marker.exists()


def test_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read the file"):
        peeldocs.load_report(tmp_path / "nope.yaml")


def test_bom_and_crlf_are_accepted() -> None:
    from conftest import DATA

    text = DATA.read_text(encoding="utf-8").replace("\n", "\r\n")
    data = b"\xef\xbb\xbf" + text.encode("utf-8")
    assert peeldocs.parse_report(data, "bom.yaml") == peeldocs.load_report(DATA)


def test_a_bare_number_where_text_belongs_suggests_quotes() -> None:
    text = (INVALID / "off-scale.yaml").read_text().replace('cycle: "2016"', "cycle: 2016")
    with pytest.raises(DataError, match=r"cycle: expected text, got a number: 2016 \(put it in quotes\)"):
        peeldocs.parse_report(text, "x.yaml")
