"""Third-party renderers and sections are found through entry points."""

from __future__ import annotations

import importlib.metadata
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import peeldocs
from peeldocs.build.registry import available_renderers
from peeldocs.cli import main
from peeldocs.errors import PeeldocsError
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.options.names import GROUP, registered


def _plugin_installed() -> bool:
    try:
        importlib.metadata.distribution("peeldocs-markdown")
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


needs_plugin = pytest.mark.skipif(
    not _plugin_installed(),
    reason="the example plugin is not installed: pip install -e examples/peeldocs-markdown "
           "(make test does this)")


@pytest.fixture(autouse=True)
def _fresh_registry() -> Iterator[None]:
    registered.cache_clear()
    yield
    registered.cache_clear()


@needs_plugin
def test_example_plugin_is_discovered(capsys: pytest.CaptureFixture[str]) -> None:
    assert "(peeldocs-markdown)" in available_renderers()["markdown"]
    assert main(["formats"]) == 0
    out = capsys.readouterr().out
    assert "markdown\tpeeldocs_markdown.renderer:MarkdownRenderer (peeldocs-markdown)" in out
    assert "pdf\tpeeldocs.renderers.pdf.renderer:PdfRenderer (peeldocs)" in out


@needs_plugin
def test_example_plugin_builds_a_pack_with_its_section(norfolk: Report, tmp_path: Path) -> None:
    opts = Options(sections=("cover", "summary", "sources"))
    (path,) = peeldocs.write_pack(norfolk, opts, ["markdown"], tmp_path)
    text = path.read_text()
    assert path.suffix == ".md"
    assert "# Sources" in text and "Publisher: HMICFRS" in text
    assert "| **Good (carried over from 2016)** |" in text
    assert "Contains public sector information licensed under the Open Government Licence" in text


def test_example_plugin_modules_are_small() -> None:
    root = Path(__file__).resolve().parent.parent / "examples" / "peeldocs-markdown"
    for module in ("renderer.py", "section.py"):
        assert len((root / "peeldocs_markdown" / module).read_text().splitlines()) < 80


def test_duplicate_registration_names_both_packages(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    info = tmp_path / "rival_renderers-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: rival-renderers\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[{GROUP}]\npdf = rival.module:Pdf\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(PeeldocsError) as error:
        registered(GROUP)
    message = str(error.value)
    assert "renderer 'pdf' is registered twice" in message
    assert "peeldocs" in message and "rival-renderers" in message
    assert "rival.module:Pdf" in message
    monkeypatch.setattr(sys, "path", [p for p in sys.path if p != str(tmp_path)])
