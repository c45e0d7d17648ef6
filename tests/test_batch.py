"""Batch builds: 43 forces, a broken input, parallel jobs, any executor, safe output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from synthetic import write_reports

import peeldocs
from peeldocs.build.batch import build_many
from peeldocs.cli import main
from peeldocs.errors import PeeldocsError
from peeldocs.sources.files import atomic_write, safe_stem
from peeldocs.sources.written import LEDGER


@pytest.fixture(scope="module")
def forty_three(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_reports(tmp_path_factory.mktemp("forces"))


def test_generator_makes_43_valid_reports_with_real_names(forty_three: list[Path]) -> None:
    assert len(forty_three) == 43
    names = {peeldocs.load_report(p).force.name for p in forty_three}
    assert {"Norfolk Constabulary", "Dyfed-Powys Police", "Metropolitan Police Service"} <= names
    assert all("synthetic" in peeldocs.load_report(p).title for p in forty_three[:3])


def test_batch_of_43_with_one_broken_input(forty_three: list[Path], tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("force: {name: X, short_name: X}\ncycle: 2018/19\njudgment: {status: gud}\n")
    out = tmp_path / "out"
    inputs = [str(p) for p in forty_three[:21]] + [str(broken)] + [str(p) for p in forty_three[21:]]
    # HTML: what is tested is the batch (progress, the failure, the ledger), not a format's
    # layout, and 43 PDF packs took 28 s of the suite's four minutes
    code = main(["build", *inputs, "--format", "html", "--out", str(out), "--jobs", "2"])
    err = capsys.readouterr().err
    assert code == 1
    assert len(list(out.glob("*.html"))) == 43
    assert "broken.yaml:3: judgment.status: 'gud' is not a valid status" in err
    assert "43 built, 1 failed in" in err
    assert "[44/44]" in err  # plain progress lines when not a terminal
    assert [p.name for p in out.glob(".*")] == [LEDGER]  # no temporary files left
    assert len(json.loads((out / LEDGER).read_text())["files"]) == 43  # two workers, one ledger


def test_quiet_prints_nothing_on_success(forty_three: list[Path], tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(forty_three[0]), "--format", "html", "--out", str(tmp_path),
                 "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_library_accepts_any_executor_and_never_prints(
        forty_three: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seen = []
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = build_many(forty_three[:4], ["html"], tmp_path, executor=pool,
                             progress=seen.append)
    assert [r.ok for r in results] == [True] * 4
    assert [Path(r.input) for r in results] == forty_three[:4]  # input order kept
    assert len(seen) == 4
    assert capsys.readouterr() == ("", "")


def test_outputs_that_are_inputs_or_clash_are_refused(tmp_path: Path) -> None:
    data = Path(__file__).resolve().parent.parent / "data" / "norfolk-2018-effectiveness.yaml"
    sneaky = tmp_path / "norfolk.pdf"
    sneaky.write_bytes(data.read_bytes())
    with pytest.raises(PeeldocsError, match="is one of the inputs"):
        build_many([sneaky], ["pdf"], tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for d in ("a", "b"):
        (tmp_path / d / "same.yaml").write_bytes(data.read_bytes())
    with pytest.raises(PeeldocsError, match="would both write"):
        build_many([tmp_path / "a" / "same.yaml", tmp_path / "b" / "same.yaml"], ["pdf"],
                   tmp_path / "out")


def test_output_names_cannot_escape_the_folder(norfolk: peeldocs.Report, tmp_path: Path) -> None:
    assert "/" not in safe_stem("A/B ../x") and not safe_stem("../../x").startswith(".")
    out = tmp_path / "out"
    (path,) = peeldocs.write_pack(norfolk, peeldocs.Options(), ["html"], out, stem="../../evil")
    assert path.resolve().parent == out.resolve()


def test_a_killed_write_never_replaces_a_good_file(tmp_path: Path) -> None:
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"GOOD")
    code = ("import sys; from pathlib import Path; from peeldocs.sources.files import atomic_write; "
            f"atomic_write(Path({str(target)!r}), b'x' * 400_000_000)")
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".pack.pdf.*.part")) and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert target.read_bytes() == b"GOOD"
    atomic_write(target, b"NEW")  # the next write clears what the killed one left
    assert target.read_bytes() == b"NEW"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.pdf"]


def test_a_terminated_cli_build_leaves_no_partial_file(forty_three: list[Path],
                                                        tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "peeldocs.cli", "build",
                             *map(str, forty_three), "--format", "pdf,docx", "--out", str(out),
                             "--jobs", "1", "--quiet"])
    deadline = time.monotonic() + 60
    while len(list(out.glob("*"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) != 0
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".") and p.name != LEDGER]
    assert leftovers == []
    for path in out.iterdir():  # whatever is there is complete (the ledger aside)
        if path.name == LEDGER:
            continue
        data = path.read_bytes()
        assert (data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")) or \
            data.startswith(b"PK")


def test_a_dask_executor_builds_a_batch(forty_three: list[Path], tmp_path: Path) -> None:
    """Any executor with ``submit`` does: a dask cluster's, for a batch of four forces."""
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed; "
                                                            "pip install 'peeldocs[test]'")
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                       dashboard_address=":0", scheduler_port=0)
    try:
        with distributed.Client(cluster) as client:
            results = build_many(forty_three[:4], ["pdf"], tmp_path,
                                 executor=client.get_executor())
    finally:
        cluster.close()
    assert all(r.ok for r in results) and len(results) == 4
    assert sorted(tmp_path.glob("*.pdf")) == sorted(Path(o) for r in results for o in r.outputs)


def test_jobs_must_be_positive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = Path(__file__).resolve().parent.parent / "data" / "norfolk-2018-effectiveness.yaml"
    assert main(["build", str(data), "--jobs", "0", "--out", str(tmp_path)]) == 2
    assert "--jobs must be at least 1" in capsys.readouterr().err


def test_environment_is_left_alone() -> None:
    assert os.environ.get("SOURCE_DATE_EPOCH") == "1700000000"
