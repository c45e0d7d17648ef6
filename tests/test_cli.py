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


def test_build_takes_theme_reference_and_templates(tmp_path: Path) -> None:
    import docx

    from peeldocs.resources import templates_root

    theme = tmp_path / "theme.yaml"
    theme.write_text((templates_root() / "themes" / "default.yaml").read_text()
                     .replace('heading: "#1D3557"', 'heading: "#4C2C92"'))
    words = tmp_path / "words"
    words.mkdir()
    (words / "pack_subtitle.j2").write_text("Prepared for the Police and Crime Panel")
    ref = docx.Document(str(templates_root() / "docx" / "reference.docx"))
    ref.styles["Normal"].font.name = "Georgia"
    ref.save(str(tmp_path / "ref.docx"))
    out = tmp_path / "out"
    assert main(["build", str(DATA), "--format", "docx,html", "--out", str(out), "--quiet",
                 "--theme", str(theme), "--reference-docx", str(tmp_path / "ref.docx"),
                 "--templates", str(words)]) == 0
    html = (out / "norfolk-2018-effectiveness.html").read_text()
    assert "#4C2C92" in html and "Prepared for the Police and Crime Panel" in html
    d = docx.Document(str(out / "norfolk-2018-effectiveness.docx"))
    assert d.styles["Normal"].font.name == "Georgia"


def test_build_reports_missing_option_files_as_usage_errors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(DATA), "--out", str(tmp_path), "--theme", "nope.yaml"]) == 2
    assert "nope.yaml: cannot read the theme" in capsys.readouterr().err
    assert main(["build", str(DATA), "--out", str(tmp_path), "--templates", "nowhere"]) == 2


def test_unexpected_errors_are_one_line_unless_debug(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import peeldocs.cli.command as cli

    def boom(*_args: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cli, "run_validate", boom)
    assert main(["validate", str(DATA)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == ("peeldocs: internal error: RuntimeError: disk on fire "
                           "(run with --debug for a traceback)")
    with pytest.raises(RuntimeError):
        main(["--debug", "validate", str(DATA)])
    with pytest.raises(RuntimeError):  # after the command name as well
        main(["validate", str(DATA), "--debug"])


def test_validate_checks_a_grade_table_as_a_comparison_reads_it(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    table = Path(__file__).parent / "fixtures" / "compare" / "constructed-2018-19-pillars.csv"
    assert main(["validate", str(table), str(DATA)]) == 0
    assert capsys.readouterr().err.splitlines() == ["2 valid, 0 invalid"]
    monkeypatch.chdir(INVALID)
    bad = "grades.csv"  # a constructed table, one problem of each kind on each row from 3
    assert main(["validate", str(DATA), bad, "absent.csv"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{bad}:3: force: 'Norfok' is not a police force of England and Wales; did you mean "
        "'Norfolk Constabulary'?",
        f"{bad}:4: grade: 'adequate' is not a grade on the 2016 scale; expected one of: "
        "outstanding, good, requires improvement, inadequate",
        f"{bad}:5: grade: Kent 2016 Effectiveness: 'Inadequate' conflicts with 'Good' at "
        f"{bad}:2",
        f"{bad}:6: status: a row with status 'ungraded' has no grade, but the grade is 'good'",
        "absent.csv: cannot read the file: No such file or directory",
        "1 valid, 2 invalid"]
