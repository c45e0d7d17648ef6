"""What a newcomer met: the README example under mypy --strict, equal options equal, clear
TypeErrors, what a wrong file is and which command takes it, the user's path in write errors,
what was built when interrupted, a did-you-mean for markings."""

from __future__ import annotations

import errno
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from synthetic import write_reports

import peeldocs
from peeldocs.cli import main
from peeldocs.errors import ArgumentTypeError, OptionError
from peeldocs.options import Options


def test_the_readme_example_passes_mypy_strict(tmp_path: Path) -> None:
    block = re.search(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    assert block is not None
    example = tmp_path / "readme_example.py"
    example.write_text(block.group(1))
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                          "--cache-dir", os.devnull, str(example)], capture_output=True,
                         text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


def test_options_made_alike_are_equal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")  # the clock is "now": made a second apart
    first = Options(marking="OFFICIAL", published="2019-05-02")
    time.sleep(1.05)
    second = Options(marking="OFFICIAL", published="2019-05-02")
    assert first == second and hash(first) == hash(second)
    assert first != Options(marking="OFFICIAL", published="2019-05-02", clock="2020-01-01T00:00")
    report = peeldocs.load_report(DATA)
    pack = peeldocs.build_pack(report, first)
    assert peeldocs.render(pack, "html", second).startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize(("call", "words"), [
    (lambda: peeldocs.build_pack("data/norfolk.yaml"),  # type: ignore[arg-type]
     "report: expected a Report; load the file first with peeldocs.load_report(path), got str"),
    (lambda: peeldocs.write_pack("data/norfolk.yaml", None, "pdf", "out"),  # type: ignore[arg-type]
     "report: expected a Report"),
    (lambda: peeldocs.render("pack", "pdf"),  # type: ignore[arg-type]
     "pack: expected a Pack (see peeldocs.build_pack), got str"),
])
def test_a_wrong_argument_is_a_clear_type_error(call: object, words: str) -> None:
    with pytest.raises(TypeError) as info:
        call()  # type: ignore[operator]
    assert isinstance(info.value, ArgumentTypeError)
    assert words in str(info.value)


def test_a_misspelt_marking_gets_a_did_you_mean(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    with pytest.raises(OptionError, match="did you mean 'OFFICIAL'"):
        Options(marking="OFFICAL")
    assert main(["build", str(DATA), "--marking", "OFFICAL", "--out", str(tmp_path)]) == 2
    assert "did you mean 'OFFICIAL'?" in capsys.readouterr().err


def _kinds(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    pdf = tmp_path / "w.pdf"
    pdf.write_bytes(peeldocs.render(peeldocs.build_pack(peeldocs.load_report(DATA)), "pdf"))
    docx = tmp_path / "w.docx"
    docx.write_bytes(peeldocs.render(peeldocs.build_pack(peeldocs.load_report(DATA)), "docx"))
    page = tmp_path / "page.txt"
    page.write_text("Kent PEEL 2017\n\nEffectiveness\n\nHow effectively does the force reduce "
                    "crime and keep people safe?\n\nGood\n")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Kent PEEL 2017\n\nThe force’s work\n".encode("cp1252"))
    html = tmp_path / "page.html"
    html.write_text("<!DOCTYPE html><html><body><p>Kent PEEL 2017</p></body></html>")
    table = tmp_path / "g.csv"
    table.write_text("force,cycle,pillar,question,grade\nKent,2017,effectiveness,,good\n")
    plan = ROOT / "examples" / "norfolk-2018-action-plan.yaml"
    return {"pdf": (pdf, "this is a PDF document"), "docx": (docx, "a Word document"),
            "page": (page, "the copied text of a page"), "latin": (latin, "copied text"),
            "html": (html, "a saved web page"), "table": (table, "peeldocs compare takes"),
            "plan": (plan, "this is an action plan")}


@pytest.mark.parametrize("kind", ["pdf", "docx", "page", "latin", "html", "table", "plan"])
def test_a_wrong_file_is_named_with_the_command_that_takes_it(
        kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, words = _kinds(tmp_path)[kind]
    assert main(["build", str(path), "--out", str(tmp_path / "out"), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert words in err and "internal error" not in err
    if kind in ("pdf", "page", "latin", "html"):
        assert "peeldocs import" in err


@pytest.mark.parametrize("command", ["compare", "actions-init"])
def test_write_errors_name_the_path_given(command: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    import tempfile

    def read_only(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(tmp_path / ".x.1.abc.part"))

    table = tmp_path / "g.csv"
    table.write_text("force,cycle,pillar,question,grade,status,source\n"
                     "Kent,2017,effectiveness,,good,,constructed\n")
    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    monkeypatch.chdir(tmp_path)
    if command == "compare":
        code = main(["compare", str(table), "--format", "html", "--out", "packs/"])
        named = "cannot write packs: read-only file system"
    else:
        code = main(["actions", "init", str(DATA), "-o", "plan.yaml"])
        named = "cannot write plan.yaml: read-only file system"
    err = capsys.readouterr().err
    assert code == 1
    assert named in err and ".part" not in err and "internal error" not in err


def _interrupted_build(inputs: list[Path], out: Path) -> subprocess.CompletedProcess[str]:
    """Build ``inputs`` one at a time and send SIGINT once two DOCX files are written."""
    proc = subprocess.Popen([sys.executable, "-m", "peeldocs.cli", "build", *map(str, inputs),
                             "--format", "pdf,docx", "--out", str(out), "--jobs", "1",
                             "--quiet"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while (len(list(out.glob("*.docx"))) < 2 and proc.poll() is None
           and time.monotonic() < deadline):
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, "", err)


def test_an_interrupted_build_says_what_was_built(tmp_path: Path) -> None:
    # forty, so that plenty is left to build when the signal lands, however late a loaded
    # machine lets this process send it (with ten, a full run once saw all ten built first);
    # a machine so loaded that the build ends before this process can send the signal gets
    # two more tries in fresh folders
    inputs = write_reports(tmp_path / "in", count=40)
    for attempt in range(3):
        out = tmp_path / f"out{attempt}"
        proc = _interrupted_build(inputs, out)
        if proc.returncode != 0:
            break
    err = proc.stderr
    assert proc.returncode == 130, err
    match = re.search(r"interrupted: (\d+) of 40 built \((\d+) files in .*\), 0 failed, "
                      r"(\d+) not built", err)
    assert match, err
    built, files, left = (int(g) for g in match.groups())
    # a report whose files are written but not yet counted when the signal lands is
    # counted as not built (a full run under load met it), so at least one is counted
    assert built >= 1 and files == 2 * built and built + left == 40
    assert len(list(out.glob("*.docx"))) >= built
