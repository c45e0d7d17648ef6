"""Doctests (in the package's docstrings and the manual's pages) run as a reader would run
them: in a fresh folder holding the repository's ``data``, ``examples`` and ``tests``, so
they read ``data/...`` and write ``out/`` without touching the checkout; the clock is fixed."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent

# the manual's Sphinx settings are not tests; nor is the LibreOffice server, which runs under
# Debian's python3 (its UNO bridge is not in the virtualenv)
collect_ignore = ["docs/conf.py", "docs/_build", "tests/lo_server.py"]


@pytest.fixture(autouse=True)
def _doctest_setting(request: pytest.FixtureRequest,
                     tmp_path_factory: pytest.TempPathFactory) -> None:
    if isinstance(request.node, pytest.DoctestItem):
        # asked for here, not as an argument: a test that takes monkeypatch itself is one that
        # may change what a render does (tests/render_cache.py)
        monkeypatch: pytest.MonkeyPatch = request.getfixturevalue("monkeypatch")
        folder = tmp_path_factory.mktemp("example")
        for name in ("data", "examples", "tests"):
            (folder / name).symlink_to(ROOT / name, target_is_directory=True)
        monkeypatch.chdir(folder)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
