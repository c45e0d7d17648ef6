from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA

from peeldocs.cli import main

INVALID = Path(__file__).parent / "invalid"


def test_validate_valid_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(DATA)]) == 0
    assert "1 valid, 0 invalid" in capsys.readouterr().err


def test_validate_invalid_files_exit_1_with_one_line_per_problem(
        capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", str(DATA), str(INVALID / "bad-grade.yaml"),
                 str(INVALID / "duplicates.yaml")])
    err = capsys.readouterr().err
    assert code == 1
    assert "bad-grade.yaml:14: questions[0].judgment.grade: 'goood' is not a grade" in err
    assert "duplicates.yaml:16: questions[1].number: duplicate question number 1" in err
    assert "1 valid, 2 invalid" in err
    assert "Traceback" not in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["validate"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2


def test_unknown_format_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build", str(DATA), "--format", "odt", "--out", str(tmp_path)])
    assert code == 2
    assert re.search(r"unknown format 'odt'; available: docx, html, (markdown, )?pdf",
                     capsys.readouterr().err)
    assert not list(tmp_path.iterdir())


def test_schema_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].endswith("2020-12/schema")
    assert "questions" in schema["properties"]


def test_console_script_runs_as_a_module() -> None:
    out = subprocess.run([sys.executable, "-m", "peeldocs.cli", "--version"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.startswith("peeldocs ")
