"""Nothing a user wrote is overwritten: one write rule for every command that writes.

Never an input of the same run; an existing file only when peeldocs wrote it and
nobody has changed it since (the ledger of digests beside it); otherwise refused
with exit 1 naming --overwrite.  Also: concurrent builds into one folder, and
workers that end with their parent."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DATA, SEED
from synthetic import write_reports

import peeldocs
from peeldocs.cli import main
from peeldocs.sources.written import LEDGER, written_by_peeldocs

PLAN = Path(__file__).resolve().parent.parent / "examples" / "norfolk-2018-action-plan.yaml"


def _copy(src: Path, dest: Path) -> Path:
    dest.write_bytes(src.read_bytes())
    return dest


def test_import_again_keeps_a_data_file_the_user_has_edited(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "norfolk.yaml"
    assert main(["import", str(SEED), "-o", str(out)]) == 0
    assert written_by_peeldocs(out)
    assert main(["import", str(SEED), "-o", str(out)]) == 0  # unchanged: replaced
    edited = out.read_text(encoding="utf-8") + "# my note: grade checked against the PDF\n"
    out.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(SEED), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{out} exists and peeldocs did not write it, or it has been changed since" in err
    assert "--overwrite" in err
    assert out.read_text(encoding="utf-8") == edited
    # the first-line marker alone is not enough: a file that merely starts like an import
    fake = _copy(out, tmp_path / "fake.yaml")
    assert main(["import", str(SEED), "-o", str(fake)]) == 1
    assert main(["import", str(SEED), "-o", str(out), "--overwrite"]) == 0
    assert "my note" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", ["report", "plan", "unrelated"])
def test_export_never_replaces_an_input_or_a_file_it_did_not_write(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = _copy(DATA, tmp_path / "norfolk.yaml")
    plan = _copy(PLAN, tmp_path / "plan.yaml")
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    target = {"report": report, "plan": plan, "unrelated": notes}[case]
    before = target.read_bytes()
    args = ["export", str(report), "--plan", str(plan), "--as-of", "2019-10-15",
            "--published", "2019-05-02", "-o", str(target)]
    assert main(args) == 1
    assert "--overwrite" in capsys.readouterr().err
    assert target.read_bytes() == before
    if case == "unrelated":  # the user says so: replaced
        assert main([*args, "--overwrite"]) == 0
        assert json.loads(notes.read_text())["as_of"] == "2019-10-15"
        assert main(args) == 0  # and now peeldocs wrote it, unchanged: replaced again
    else:  # an input never, --overwrite or not
        assert main([*args, "--overwrite"]) == 1
        assert target.read_bytes() == before


def test_build_never_replaces_its_reference_document_or_theme(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["build", str(DATA), "--out", str(out), "--format", "docx", "--quiet"]) == 0
    reference = out / "norfolk-2018-effectiveness.docx"
    before = reference.read_bytes()
    assert main(["build", str(DATA), "--out", str(out), "--format", "docx", "--quiet",
                 "--reference-docx", str(reference), "--overwrite"]) == 1
    assert "is one of the inputs" in capsys.readouterr().err
    assert reference.read_bytes() == before
    theme = out / "norfolk-2018-effectiveness.html"
    theme.write_bytes((Path(peeldocs.__file__).parent.parent / "templates" / "themes" /
                       "default.yaml").read_bytes())
    theme_bytes = theme.read_bytes()
    assert main(["build", str(DATA), "--out", str(out), "--format", "html", "--quiet",
                 "--theme", str(theme), "--overwrite"]) == 1
    assert theme.read_bytes() == theme_bytes


def test_build_keeps_an_output_the_user_has_edited(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    build = ["build", str(DATA), "--out", str(out), "--format", "html,pdf", "--quiet"]
    assert main(build) == 0
    assert main(build) == 0  # what peeldocs wrote, unchanged, is replaced
    html = out / "norfolk-2018-effectiveness.html"
    pdf = out / "norfolk-2018-effectiveness.pdf"
    html.write_text(html.read_text() + "<!-- reviewed by the chief of staff -->")
    pdf_before, html_before = pdf.read_bytes(), html.read_bytes()
    assert main(build) == 1
    assert "--overwrite" in capsys.readouterr().err
    assert html.read_bytes() == html_before and pdf.read_bytes() == pdf_before  # neither written
    assert main([*build, "--overwrite"]) == 0
    assert b"chief of staff" not in html.read_bytes()


def test_compare_keeps_a_file_the_user_wrote(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "grades.csv"
    table.write_text("force,cycle,pillar,question,grade,status,source\n"
                     "Kent,2017,effectiveness,,good,,constructed\n"
                     "Essex,2017,effectiveness,,requires improvement,,constructed\n")
    out = tmp_path / "out"
    out.mkdir()
    mine = out / "comparison-forces.html"
    mine.write_text("my own comparison\n")
    assert main(["compare", str(table), "--format", "html", "--out", str(out)]) == 1
    assert "--overwrite" in capsys.readouterr().err
    assert mine.read_text() == "my own comparison\n"


def test_actions_init_never_writes_over_the_report(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    report = _copy(DATA, tmp_path / "norfolk.yaml")
    assert main(["actions", "init", str(report), "-o", str(report)]) == 1
    assert report.read_bytes() == DATA.read_bytes()


def test_concurrent_builds_into_one_folder_all_succeed(tmp_path: Path) -> None:
    inputs = write_reports(tmp_path / "in", count=4)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "peeldocs.cli", "build", *map(str, inputs), "--format",
               "html,docx", "--out", str(out), "--jobs", "1", "--quiet"]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [(r.returncode, r.communicate(timeout=300)[1]) for r in runs]
    results = [(r.returncode, err) for r, (_code, err) in zip(runs, results, strict=True)]
    assert all(code == 0 for code, _err in results), results
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [LEDGER]
    assert len(json.loads((out / LEDGER).read_text())["files"]) == 8
    assert all(written_by_peeldocs(p) for p in out.iterdir() if p.name != LEDGER)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killing_a_batch_parent_leaves_no_worker(tmp_path: Path) -> None:
    inputs = write_reports(tmp_path / "in", count=12)
    proc = subprocess.Popen([sys.executable, "-m", "peeldocs.cli", "build", *map(str, inputs),
                             "--format", "pdf,docx", "--out", str(tmp_path / "out"), "--jobs",
                             "2", "--quiet"], start_new_session=True)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert workers, "the build started no worker"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15  # a few seconds, at most
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:  # never leave them behind, even when the test fails
        os.kill(w, signal.SIGKILL)
    assert not left, f"workers {left} outlived their parent"
