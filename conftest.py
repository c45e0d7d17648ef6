"""Doctests (in the package's docstrings and the manual's pages) run from the repository root
with a fixed clock, so their paths and dates are those the examples show."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def _doctest_setting(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if isinstance(request.node, pytest.DoctestItem):
        monkeypatch.chdir(ROOT)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


collect_ignore = ["docs/conf.py", "docs/_build"]  # the manual's Sphinx settings are not tests
