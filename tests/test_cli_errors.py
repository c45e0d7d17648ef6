"""Command-line errors a user can fix are said as such, naming the path the user gave (exit 1
with the summary line); usage mistakes exit 2 with a did-you-mean."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from conftest import DATA

from peeldocs.cli import main
from peeldocs.sources.written import LEDGER


def test_a_read_only_output_folder_is_named_as_given(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # Root ignores permission bits, so the read-only file system is simulated where the
    # operating system would report it: creating the temporary file in the folder.
    import tempfile

    def read_only(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(tmp_path / ".x.pdf.abc.part"))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    monkeypatch.chdir(tmp_path)
    code = main(["build", str(DATA), "--out", "out/"])
    err = capsys.readouterr().err
    assert code == 1
    assert "cannot write out/: read-only file system" in err
    assert ".part" not in err and "internal error" not in err and "Errno" not in err
    assert "0 built, 1 failed" in err


def test_an_output_folder_under_a_file_is_refused_naming_it(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    # A real operating-system failure that root cannot override: a folder inside a file.
    blocker = tmp_path / "notes.txt"
    blocker.write_text("my notes\n")
    out = str(blocker / "packs")
    code = main(["build", str(DATA), "--out", out, "--format", "pdf,docx"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"cannot write {out}: part of the path is a file, not a folder" in err
    assert "0 built, 1 failed" in err
    assert blocker.read_text() == "my notes\n"


def test_export_to_an_unwritable_place_names_it(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    assert main(["export", str(DATA), "-o", str(blocker / "r.json")]) == 1
    assert f"peeldocs: cannot write {blocker / 'r.json'}: part of the path" in capsys.readouterr().err


def test_a_folder_given_as_input_is_named_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "reports").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "reports"]) == 1
    err = capsys.readouterr().err
    assert "reports: this is a folder, not a data file" in err
    assert "reports/*.yaml" in err
    assert main(["build", ".", "--out", "out"]) == 1
    err = capsys.readouterr().err
    assert ".: this is a folder, not a data file" in err and "0 built, 1 failed" in err


@pytest.mark.parametrize(("args", "words"), [
    (["--sections", "cover,sumary"], ["--sections: unknown section 'sumary'", "did you mean 'summary'?"]),
    (["--format", "pdf,dcx"], ["unknown format 'dcx'", "did you mean 'docx'?"]),
    (["--marking", "secret"], ["--marking: 'secret' is not a protective marking", "OFFICIAL"]),
    (["--templates", "no-such-folder"], ["--templates: no-such-folder is not a folder"]),
    (["--reference-docx", "no.docx"], ["--reference-docx: no.docx is not a file"]),
])
def test_usage_mistakes_exit_2_naming_the_flag(args: list[str], words: list[str], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build", str(DATA), "--out", str(tmp_path / "out"), *args])
    err = capsys.readouterr().err
    assert code == 2, err
    for word in words:
        assert word in err
    assert not (tmp_path / "out").exists()


def test_a_mistyped_command_suggests_the_right_one(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["biuld", str(DATA)])
    assert info.value.code == 2
    assert "did you mean 'build'?" in capsys.readouterr().err


def test_format_names_are_case_insensitive(tmp_path: Path) -> None:
    assert main(["build", str(DATA), "--format", "PDF,Html", "--out", str(tmp_path), "--quiet",
                 "--sections", "Cover"]) == 0
    assert sorted(p.suffix for p in tmp_path.iterdir() if p.name != LEDGER) == [".html", ".pdf"]


@pytest.mark.parametrize(("args", "hint"), [
    (["build", "x.yaml", "--fromat", "pdf"], "did you mean '--format'?"),
    (["build", "x.yaml", "--sectoins=cover"], "did you mean '--sections'?"),
    (["actions", "stauts", "plan.yaml"], "did you mean 'status'?"),
    (["schema", "plan-stats"], "did you mean 'plan-status'?"),
])
def test_mistyped_options_and_subcommands_suggest_the_right_one(
        args: list[str], hint: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(args)
    assert info.value.code == 2
    assert hint in capsys.readouterr().err


def test_a_nul_in_a_path_is_an_error_not_a_crash(norfolk: object, tmp_path: Path) -> None:
    import peeldocs

    with pytest.raises(peeldocs.DataError, match="NUL"):
        peeldocs.load_report("a\x00b.yaml")
    with pytest.raises(peeldocs.OutputError, match="NUL"):
        peeldocs.write_pack(peeldocs.load_report(DATA), None, "html", str(tmp_path / "o\x00ut"))
