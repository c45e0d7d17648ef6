from __future__ import annotations

import functools
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import render_cache

import peeldocs
from peeldocs.model import Report

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "norfolk-2018-effectiveness.yaml"
SEED = ROOT / "tests" / "fixtures" / "norfolk-2018-effectiveness.seed.txt"
EPOCH = "1700000000"  # 14 November 2023
os.environ["SOURCE_DATE_EPOCH"] = EPOCH  # before any fixture builds a pack
render_cache.install()  # equal packs rendered once per process (tests/render_cache.py)


_SHARES_RENDERS: list[bool] = []


def pytest_configure(config: pytest.Config) -> None:
    """Before the workers start: a folder they share renders in (tests/render_cache.py)."""
    _SHARES_RENDERS.append(render_cache.share())


def pytest_unconfigure(config: pytest.Config) -> None:
    """The process that made the shared folder removes it."""
    if _SHARES_RENDERS and _SHARES_RENDERS[0]:
        render_cache.unshare()


@pytest.fixture(autouse=True)
def _render_cache_rules(request: pytest.FixtureRequest) -> Iterator[None]:
    """Render afresh while a test that may change what a render does runs (render_cache)."""
    render_cache.allowed = ("monkeypatch" not in request.fixturenames
                            and request.node.get_closest_marker("fresh_render") is None)
    yield
    render_cache.allowed = True


def seed_paragraphs() -> list[str]:
    """Every block of the seed text with its whitespace folded."""
    text = SEED.read_text(encoding="utf-8")
    return [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]


_LOAD_REPORT = peeldocs.load_report
_LOADED: dict[tuple[Path, int, int], Report] = {}


@functools.wraps(_LOAD_REPORT)
def _load_shipped_once(path: str | os.PathLike[str]) -> Report:
    """``peeldocs.load_report``, read once per test process for the files the project ships.

    Reports are frozen, so the tests that load ``data/`` and ``examples/`` share one
    reading; any other file (the tests' own, edited in place) is read every time.
    """
    try:
        file = Path(path).resolve()
        shipped = file.parent in (ROOT / "data", ROOT / "examples") and file.is_file()
    except (OSError, ValueError, TypeError):  # a bad path: the library's own error for it
        shipped = False
    if not shipped:
        return _LOAD_REPORT(path)
    stat = file.stat()
    key = (file, stat.st_mtime_ns, stat.st_size)
    if key not in _LOADED:
        _LOADED[key] = _LOAD_REPORT(path)
    return _LOADED[key]


peeldocs.load_report = _load_shipped_once  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def norfolk() -> Report:
    return peeldocs.load_report(DATA)


@pytest.fixture(scope="session")
def example() -> Report:
    """The constructed Exampleshire force assessment (examples/)."""
    return peeldocs.load_report(ROOT / "examples" / "exampleshire-2023-25-assessment.yaml")


@pytest.fixture(autouse=True)
def _fixed_clock() -> Iterator[None]:
    """Every test starts at the fixed build time (not with monkeypatch: see render_cache)."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    yield
    if saved is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = saved


def _norfolk_pack(factory: pytest.TempPathFactory, fmt: str) -> Path:
    """The Norfolk pack with the OFFICIAL marking, built once per test session."""
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    report = peeldocs.load_report(DATA)
    opts = peeldocs.Options(marking=peeldocs.options.Marking.OFFICIAL)
    (path,) = peeldocs.write_pack(report, opts, [fmt], factory.mktemp(fmt))
    return path


@pytest.fixture(scope="session")
def norfolk_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _norfolk_pack(tmp_path_factory, "pdf")


@pytest.fixture(scope="session")
def norfolk_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _norfolk_pack(tmp_path_factory, "docx")


@pytest.fixture(scope="session")
def register_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example register and its update paper in every format (``docread.register_documents``)."""
    from docread import register_documents

    return register_documents(tmp_path_factory.mktemp("update"))


@pytest.fixture(scope="session")
def register_review(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The register and update paper a reviewer read (``docread.review_register_documents``)."""
    from docread import review_register_documents

    return review_register_documents(tmp_path_factory.mktemp("register-review"))


@pytest.fixture(scope="session")
def register_texts(register_review: Path) -> dict[str, str]:
    """The reviewed register and update paper as a reader gets them ("register.pdf", …)."""
    from docread import reader_text

    return {f"{doc}.{fmt}": reader_text(register_review / doc / f"{doc}.{fmt}")
            for doc in ("register", "update") for fmt in ("pdf", "docx", "html")}


@pytest.fixture(scope="session")
def review_briefs() -> dict[tuple[str, str], bytes]:
    """The one-page brief of each review input (``docread.REVIEW_CASES``), by (case, format)."""
    from docread import REVIEW_CASES, rendered, review_options

    return {(case, fmt): rendered(*review_options(case), fmt)
            for case in REVIEW_CASES for fmt in ("pdf", "docx", "html")}


@pytest.fixture(scope="session")
def review_brief_texts(review_briefs: dict[tuple[str, str], bytes]) -> dict[tuple[str, str], str]:
    """Each of :func:`review_briefs` as a reader gets it (``docread.brief_text``)."""
    from docread import brief_text

    return {key: brief_text(data, key[1]) for key, data in review_briefs.items()}


@pytest.fixture(scope="session")
def libreoffice_pdfs(norfolk_docx: Path, register_files: dict[str, Path],
                     tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every DOCX the tests open in LibreOffice, as it prints them, with one start of it.

    Keyed ``pack`` (the Norfolk pack), by brief (``docread.BRIEF_CASES``),
    ``update``, ``register`` and ``bilingual committee``; the tests that read them are in
    ``xdist_group("libreoffice")``.
    """
    from clients import convert_with_libreoffice
    from docread import bilingual_committee, brief_documents

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (Debian libreoffice-writer-nogui) is not installed")
    folder = tmp_path_factory.mktemp("libreoffice")
    wanted = {"pack": norfolk_docx, **brief_documents(folder / "briefs", "docx"),
              "update": register_files["update.docx"],
              "register": register_files["register.docx"],
              "bilingual committee": bilingual_committee(folder / "bilingual")}
    pdfs = convert_with_libreoffice(list(wanted.values()), folder)
    return {name: pdfs[path] for name, path in wanted.items()}


@pytest.fixture(scope="session")
def browser() -> Iterator[object | None]:
    """One Chromium for the run (``clients.Browser``), or None where it cannot run.

    The tests that use it are in ``xdist_group("chromium")``.
    """
    from clients import Browser, axe_ready

    if axe_ready() is not None:
        yield None
        return
    chromium = Browser()
    try:
        yield chromium
    finally:
        chromium.close()


try:  # a fixed hypothesis profile keeps CI time bounded and runs repeatable
    from hypothesis import HealthCheck, settings

    settings.register_profile("peeldocs", max_examples=25, deadline=None, derandomize=True,
                              suppress_health_check=[HealthCheck.too_slow,
                                                     HealthCheck.function_scoped_fixture])
    settings.load_profile("peeldocs")
except ImportError:  # pragma: no cover - hypothesis is in the test extra
    pass
