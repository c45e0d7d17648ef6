"""One rendering per test process for equal packs: the reader tests of many modules share it.

Hundreds of tests read the same few documents (the Norfolk pack, the reviewed
comparison, the briefs), each module building and rendering its own copy.  A
renderer's output depends only on the pack, the options and ``SOURCE_DATE_EPOCH``
(the determinism tests check that), so :func:`install` wraps each built-in
renderer's ``render`` to remember the bytes for the last :data:`KEPT` renders,
keyed by a digest of those three (an unpicklable pack is rendered afresh).

The test processes of one run (pytest-xdist's workers) share their renders too, in
the folder named by :data:`SHARED` (made by the first process, removed by it at the
end): a worker about to render a pack another is rendering waits for its bytes
instead of rendering it again (one lock file per render).

A cached answer would hide exactly what some tests look at, so it is never used:
- in the modules of :data:`FRESH_MODULES`, which check that two renders agree, count
  the work a render does, or render from several threads, and in doctests;
- while a test that takes ``monkeypatch`` runs (it may change what a render does);
- while a test carries the ``fresh_render`` marker.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
import shutil
import tempfile
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

KEPT = 512
"""How many renders are remembered, the latest used kept."""

FRESH_MODULES = frozenset({
    "test_batch", "test_bench_content", "test_bench_scale", "test_compare_pack",
    "test_documents", "test_docx", "test_docx_template", "test_html", "test_linear_cost",
    "test_newcomer", "test_pdf", "test_pdf_tagging",
    "test_theme_and_wording", "test_update_paper",
})
"""Test modules that always render afresh (see the module docstring)."""

SHARED = "PEELDOCS_TEST_RENDERS"
"""The environment variable naming the folder the run's test processes share renders in."""

_cache: OrderedDict[tuple[str, str], bytes] = OrderedDict()
allowed = True
"""False while the running test must render afresh (set by conftest's autouse fixture)."""
hits = 0
"""How many renders were answered from the cache in this process (for the cache's own test)."""


def _fresh() -> bool:
    """Whether the running test must render afresh: a fresh module, or no test module.

    Doctests (of the package and the manual) render afresh: what they show a reader
    running them is what a render does.
    """
    path = os.environ.get("PYTEST_CURRENT_TEST", "").split("::", 1)[0]
    if not path.startswith("tests/"):
        return True
    return path.rsplit("/", 1)[-1].removesuffix(".py") in FRESH_MODULES


def _key(name: str, pack: Any, options: Any) -> tuple[str, str] | None:
    try:
        data = pickle.dumps((pack, options, os.environ.get("SOURCE_DATE_EPOCH")), protocol=5)
    except Exception:
        return None
    return name, hashlib.sha256(data).hexdigest()


def _wrap(name: str, render: Callable[..., Any]) -> Callable[..., Any]:
    def cached_render(self: Any, pack: Any, options: Any) -> Any:
        global hits
        if not allowed or _fresh():
            return render(self, pack, options)
        key = _key(name, pack, options)
        if key is None:
            return render(self, pack, options)
        if key in _cache:
            _cache.move_to_end(key)
            hits += 1
            return _cache[key]
        data = _shared(key, lambda: render(self, pack, options))
        _cache[key] = data
        while len(_cache) > KEPT:
            _cache.popitem(last=False)
        return data

    cached_render.__wrapped__ = render  # type: ignore[attr-defined]
    cached_render.__doc__ = render.__doc__
    return cached_render


def _shared(key: tuple[str, str], render: Callable[[], Any]) -> Any:
    """The render another process of this run made for ``key``, or this one's, kept for them.

    Bytes, or (bytes, pages): neither is changed after it is made."""
    folder = os.environ.get(SHARED)
    if not folder or not os.path.isdir(folder):
        return render()
    path = os.path.join(folder, "-".join(key).replace(" ", "_"))
    with open(path + ".lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if os.path.exists(path):
            with open(path, "rb") as kept:
                return pickle.load(kept)
        data = render()
        with open(path + ".part", "wb") as part:
            pickle.dump(data, part, protocol=5)
        os.replace(path + ".part", path)
        return data


def shared_reading(name: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Let a reading of documents (text from a PDF, say) be done once per run, not per worker.

    For pure functions of picklable arguments only: the answer is kept in the shared
    folder under a digest of the arguments, as renders are."""
    def wrap(read: Callable[P, R]) -> Callable[P, R]:
        def shared_read(*args: P.args, **kwargs: P.kwargs) -> R:
            digest = hashlib.sha256(pickle.dumps((args, kwargs), protocol=5)).hexdigest()
            answer: R = _shared((name, digest), lambda: read(*args, **kwargs))
            return answer

        shared_read.__doc__ = read.__doc__
        shared_read.__wrapped__ = read  # type: ignore[attr-defined]
        return shared_read
    return wrap


def share() -> bool:
    """Make the folder this run's processes share renders in; whether this process made it.

    Called before pytest-xdist starts its workers, which inherit the environment."""
    if os.environ.get(SHARED):
        return False
    os.environ[SHARED] = tempfile.mkdtemp(prefix="peeldocs-test-renders-")
    return True


def unshare() -> None:
    """Remove the shared folder (by the process that made it, at the end of the run)."""
    shutil.rmtree(os.environ.pop(SHARED, ""), ignore_errors=True)


def install() -> None:
    """Wrap the PDF, DOCX and HTML renderers' ``render`` (once per process)."""
    from peeldocs.renderers.docx.renderer import DocxRenderer
    from peeldocs.renderers.html.renderer import HtmlRenderer
    from peeldocs.renderers.pdf.renderer import PdfRenderer

    for name, cls in (("pdf", PdfRenderer), ("docx", DocxRenderer), ("html", HtmlRenderer)):
        if not hasattr(cls.render, "__wrapped__"):
            cls.render = _wrap(name, cls.render)  # type: ignore[method-assign]
    if not hasattr(PdfRenderer.render_with_pages, "__wrapped__"):  # the builds' way to a PDF
        PdfRenderer.render_with_pages = _wrap(  # type: ignore[method-assign]
            "pdf with pages", PdfRenderer.render_with_pages)
    if not hasattr(PdfRenderer.heading_pages, "__wrapped__"):  # a DOCX's contents pages
        PdfRenderer.heading_pages = _wrap(  # type: ignore[method-assign]
            "pdf heading pages", PdfRenderer.heading_pages)
