"""Bad and hostile input: a corpus with expected messages, huge inputs, no fetching,
determinism across processes, and nothing lost when a build fails."""

from __future__ import annotations

import dataclasses
import os
import socket
import time
from pathlib import Path

import pytest
from conftest import DATA
from synthetic import synthetic_report, write_reports
from test_loading_errors import expectations

import peeldocs
from peeldocs.build.batch import build_many
from peeldocs.errors import DataError
from peeldocs.model import Finding, Report
from peeldocs.options import Options
from peeldocs.sources.written import LEDGER

HOSTILE = Path(__file__).parent / "hostile"
CASES = sorted(HOSTILE.glob("*.yaml"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_hostile_file_gives_its_expected_message(path: Path) -> None:
    wanted = expectations(path)
    assert wanted, f"{path.name} states no expectation"
    with pytest.raises(DataError) as info:
        peeldocs.load_report(path)
    got = [str(p) for p in info.value.problems]
    rel = os.path.relpath(path)
    for line, where, message in wanted:
        head = f"{rel}:{line}" if line is not None else rel
        prefix = f"{head}: {where}: {message}" if where else f"{head}: {message}"
        assert any(g.startswith(prefix) for g in got), f"\nwanted: {prefix}\ngot: {got}"


def test_a_50_mb_file_is_refused_quickly(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.write(b"summary:\n")
        line = b"- " + b"word " * 200 + b"\n"
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(line)
    start = time.perf_counter()
    with pytest.raises(DataError, match=r"the file is 50\.\d MB; data files are limited to 16 MB"):
        peeldocs.load_report(big)
    assert time.perf_counter() - start < 1


def test_60_questions_and_600_findings_build(tmp_path: Path) -> None:
    """A report far larger than any published one builds in every format (about 120 PDF pages).

    A published report has at most a dozen questions and fifty findings.

    How the cost grows with size is test_linear_cost's business; this one shows nothing
    gives way at a size no real report reaches.
    """
    base = synthetic_report("Test Constabulary", "Test", 7, questions=60)
    questions = tuple(dataclasses.replace(q, areas_for_improvement=tuple(
        Finding(f"Q{q.number}-AFI-{k}", f"Synthetic finding {k} of question {q.number}.")
        for k in range(1, 11))) for q in base.questions)
    report = dataclasses.replace(base, questions=questions)
    text = peeldocs.dump_report(report)
    assert peeldocs.parse_report(text, "big.yaml") == report
    written = peeldocs.write_pack(report, Options(), ["pdf", "docx", "html"], tmp_path)
    assert len(written) == 3
    assert b"Q60-AFI-10" in written[2].read_bytes()


def test_addresses_are_never_fetched(norfolk: Report, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("peeldocs tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    report = dataclasses.replace(norfolk, source_url="http://169.254.169.254/latest/meta-data")
    written = peeldocs.write_pack(report, Options(), ["pdf", "docx", "html"], tmp_path)
    assert len(written) == 3
    assert b"169.254.169.254" in written[2].read_bytes()


@pytest.fixture(scope="module")
def three_inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_reports(tmp_path_factory.mktemp("three"), count=3)


def test_same_bytes_with_one_or_two_jobs(three_inputs: list[Path], tmp_path: Path) -> None:
    formats = ["pdf", "docx", "html"]
    one = build_many(three_inputs, formats, tmp_path / "one", jobs=1)
    two = build_many(three_inputs, formats, tmp_path / "two", jobs=2)
    assert all(r.ok for r in one + two)
    for path in sorted((tmp_path / "one").iterdir()):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name


def test_a_failed_build_leaves_the_earlier_output_untouched(tmp_path: Path) -> None:
    source = tmp_path / "norfolk.yaml"
    source.write_bytes(DATA.read_bytes())
    out = tmp_path / "out"
    (good,) = build_many([source], ["pdf"], out)
    before = (out / "norfolk.pdf").read_bytes()
    source.write_text(source.read_text().replace("grade: good", "grade: goood", 1))
    (bad,) = build_many([source], ["pdf"], out)
    assert good.ok and not bad.ok and "'goood' is not a grade" in bad.problems[0]
    assert (out / "norfolk.pdf").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [LEDGER, "norfolk.pdf"]


def test_a_50_mb_page_is_refused_before_it_is_read(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from peeldocs.cli import main

    page = tmp_path / "page.txt"
    with open(page, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: nothing to read, only its size
    assert main(["import", str(page), "-o", str(tmp_path / "out.yaml")]) == 1
    assert "the file is 50.0 MB; pages are limited to 16 MB" in capsys.readouterr().err
    assert not (tmp_path / "out.yaml").exists()


def test_validate_refuses_a_device_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    from peeldocs.cli import main

    assert main(["validate", "/dev/zero"]) == 1
    err = capsys.readouterr().err
    assert "/dev/zero: not a regular file" in err and "internal error" not in err


def test_a_long_pdf_is_laid_out_once(norfolk: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    """Beyond BALANCED_PAGES no second layout moves a near-empty last page (up to five
    layouts of a 300-page document had made the 500-question build take 27 s, not 7)."""
    from peeldocs.renderers.pdf import renderer

    calls: list[frozenset[str]] = []
    layout = renderer.PdfRenderer._layout

    def counted(self: renderer.PdfRenderer, pack: object, options: object,
                breaks: frozenset[str], measure: bool = False) -> tuple[object, ...]:
        calls.append(breaks)
        return layout(self, pack, options, breaks, measure)  # type: ignore[arg-type]

    monkeypatch.setattr(renderer.PdfRenderer, "_layout", counted)
    # every layout asks for a break before some heading, as a near-empty last page does
    monkeypatch.setattr(renderer, "tail_breaks", lambda *_args: {"summary"})
    options = Options()
    pack = peeldocs.build_pack(norfolk, options)
    peeldocs.render(pack, "pdf", options)
    assert len(calls) == 2  # a short document: laid out again with the break
    calls.clear()
    monkeypatch.setattr(renderer, "BALANCED_PAGES", 0)  # every document counts as long
    peeldocs.render(pack, "pdf", options)
    assert calls == [frozenset()]
