"""``peeldocs import`` on the command line: exit codes, facts supplied, nothing a user wrote lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DATA, SEED

import peeldocs
from peeldocs.cli import main

PAGE = ("Overall summary\n\nWe set out our detailed findings about things the force is doing "
        "well (constructed text).\n\nInvestigating crime\n\nThe force is good at investigating "
        "crime.\n")


def test_a_page_without_force_or_cycle_exits_1_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for text in ("", "What is PEEL?\n\nIn 2014, we introduced PEEL inspections.\n", PAGE):
        src = tmp_path / "page.txt"
        src.write_text(text, encoding="utf-8")
        out = tmp_path / "out.yaml"
        assert main(["import", str(src), "-o", str(out)]) == 1
        assert not out.exists()
        err = capsys.readouterr().err
        assert "looked for" in err and "nothing written" in err


def test_force_and_cycle_supplied_on_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "page.txt"
    src.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "kent.yaml"
    assert main(["import", str(src), "-o", str(out), "--force", "kent", "--cycle", "2023-2025",
                 "--explain"]) == 0
    report = peeldocs.load_report(out)
    assert (report.force.name, report.cycle, report.is_assessment) == ("Kent Police", "2023-25",
                                                                       True)
    explained = capsys.readouterr().out
    assert "force: given" in explained
    assert 'area 1 (Investigating crime): Good <- "The force is good at investigating crime."' \
        in explained


@pytest.mark.parametrize(("args", "message"), [
    (["--force", "Kentt Police"], "did you mean 'Kent Police'?"),
    (["--cycle", "2019/20"], "is not a PEEL cycle"),
    (["--pillar", "speed"], "invalid choice"),
    (["--source", "page.html"], "is not a web address"),
])
def test_bad_facts_are_usage_mistakes(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      args: list[str], message: str) -> None:
    src = tmp_path / "page.txt"
    src.write_text(PAGE, encoding="utf-8")
    try:
        code = main(["import", str(src), "--summary", *args])
    except SystemExit as exc:  # argparse rejects a bad choice itself
        code = int(exc.code or 0)
    assert code == 2
    assert message in capsys.readouterr().err


def test_the_output_never_replaces_the_input(tmp_path: Path) -> None:
    src = tmp_path / "page.txt"
    src.write_bytes(SEED.read_bytes())
    assert main(["import", str(src), "-o", str(src)]) == 1
    assert main(["import", str(src), "-o", str(tmp_path / "." / "page.txt"), "--overwrite"]) == 1
    assert src.read_bytes() == SEED.read_bytes()


def test_a_curated_file_is_kept_unless_overwrite(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    curated = tmp_path / "norfolk-2018-effectiveness.yaml"
    curated.write_bytes(DATA.read_bytes())
    assert main(["import", str(SEED), "-o", str(curated)]) == 1
    assert "peeldocs did not write it" in capsys.readouterr().err
    assert curated.read_bytes() == DATA.read_bytes()
    assert main(["import", str(SEED), "-o", str(curated), "--overwrite"]) == 0
    assert curated.read_text(encoding="utf-8").startswith("# Imported by peeldocs import from")


def test_an_earlier_import_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "norfolk.yaml"
    assert main(["import", str(SEED), "-o", str(out)]) == 0
    first = out.read_text(encoding="utf-8")
    assert first.startswith("# Imported by peeldocs import from norfolk-2018-effectiveness.seed")
    assert main(["import", str(SEED), "-o", str(out), "--source",
                 "https://example.org/peel/norfolk"]) == 0
    assert peeldocs.load_report(out).source_url == "https://example.org/peel/norfolk"


def test_notes_go_to_stderr_and_summary_to_stdout(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "kent.txt"
    src.write_text("Kent PEEL 2017\n\nHow effective is the force at keeping people safe and "
                   "reducing crime?\n\nThe force works with partners (constructed text).\n",
                   encoding="utf-8")
    assert main(["import", str(src), "--summary"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["judgment"]["status"] == "unknown" and data["pillar"] == "effectiveness"
    assert "no judgment for the pillar found; marked unknown" in captured.err


def test_pillar_supplied_when_the_page_lacks_it(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "durham.txt"
    src.write_text("Durham PEEL 2017\n\nDurham Constabulary is outstanding at planning for the "
                   "future.\n", encoding="utf-8")
    assert main(["import", str(src), "--summary"]) == 0
    assert json.loads(capsys.readouterr().out)["pillar"] == "unknown"
    assert main(["import", str(src), "--summary", "--pillar", "efficiency"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pillar"] == "efficiency" and data["judgment"]["status"] == "unknown"


def test_the_pillar_named_by_the_judgment_sentence(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "durham.txt"
    src.write_text("Durham PEEL 2017\n\nDurham Constabulary is judged to be outstanding in the "
                   "efficiency with which it keeps people safe and reduces crime.\n",
                   encoding="utf-8")
    assert main(["import", str(src), "--summary"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pillar"] == "efficiency" and data["judgment"]["grade"] == "outstanding"
