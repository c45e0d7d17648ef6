"""The tests' render cache answers only equal packs, and never where a test must render afresh.

See ``tests/render_cache.py``: the determinism tests, the linear-cost counts and any
test that takes ``monkeypatch`` render afresh; the cache must never hand one pack's
bytes to another.  This module takes no ``monkeypatch`` on purpose.
"""

from __future__ import annotations

import os

import pytest
import render_cache

import peeldocs
from peeldocs.model import Report


def _pack(report: Report, marking: str = "OFFICIAL") -> peeldocs.Pack:
    # an author no other test uses: no other module's render of it can be in the cache
    return peeldocs.build_pack(report, peeldocs.Options(document="committee", marking=marking,
                                                        author="Render cache test"))


def test_an_equal_pack_is_rendered_once_and_a_different_one_afresh(norfolk: Report) -> None:
    first = peeldocs.render(_pack(norfolk), "html")
    before = render_cache.hits
    assert peeldocs.render(_pack(norfolk), "html") == first  # an equal pack, built again
    assert render_cache.hits == before + 1
    other = peeldocs.render(_pack(norfolk, "OFFICIAL-SENSITIVE"), "html")
    assert render_cache.hits == before + 1 and other != first
    assert "OFFICIAL-SENSITIVE" in other.decode()


def test_another_build_time_is_rendered_afresh(norfolk: Report) -> None:
    pack = _pack(norfolk, "")
    first = peeldocs.render(pack, "pdf")
    before = render_cache.hits
    saved = os.environ["SOURCE_DATE_EPOCH"]
    os.environ["SOURCE_DATE_EPOCH"] = "1600000000"
    try:
        again = peeldocs.render(pack, "pdf")
    finally:
        os.environ["SOURCE_DATE_EPOCH"] = saved
    assert render_cache.hits == before and again != first


@pytest.mark.fresh_render
def test_a_marked_test_renders_afresh(norfolk: Report) -> None:
    pack = _pack(norfolk, "OFFICIAL-SENSITIVE")
    before = render_cache.hits
    assert peeldocs.render(pack, "docx") and peeldocs.render(pack, "docx")
    assert render_cache.hits == before


def test_the_determinism_and_cost_modules_render_afresh(norfolk: Report) -> None:
    pack = _pack(norfolk, "")
    saved = os.environ["PYTEST_CURRENT_TEST"]
    os.environ["PYTEST_CURRENT_TEST"] = "tests/test_docx.py::test_rebuilds_are_byte_identical (call)"
    try:
        before = render_cache.hits
        peeldocs.render(pack, "html")
        peeldocs.render(pack, "html")
        assert render_cache.hits == before
    finally:
        os.environ["PYTEST_CURRENT_TEST"] = saved
    assert {"test_docx", "test_documents", "test_linear_cost", "test_pdf"} <= \
        render_cache.FRESH_MODULES


def test_the_run_s_processes_share_one_folder_of_renders() -> None:
    """Made before pytest-xdist starts its workers, so each worker has it (and the same)."""
    folder = os.environ.get(render_cache.SHARED, "")
    assert os.path.isdir(folder) and "peeldocs-test-renders-" in folder


def test_a_render_kept_in_the_shared_folder_is_not_made_again() -> None:
    made: list[int] = []

    def render() -> bytes:
        made.append(1)
        return b"%PDF- one render"

    key = ("pdf", f"test-{os.getpid()}-{id(made)}")  # a key no pack digest can be
    assert render_cache._shared(key, render) == b"%PDF- one render"
    assert render_cache._shared(key, render) == b"%PDF- one render"  # as another process would
    assert made == [1]


def test_a_shared_reading_is_done_once_for_equal_arguments() -> None:
    read: list[bytes] = []

    @render_cache.shared_reading(f"test reading {os.getpid()}")
    def words(data: bytes) -> str:
        read.append(data)
        return data.decode().upper()

    assert words(b"one") == "ONE" and words(b"one") == "ONE" and words(b"two") == "TWO"
    assert read == [b"one", b"two"]
