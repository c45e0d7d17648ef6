"""HTML printed from a browser carries the marking once at the top and once at the foot (read 30-P).

The printed page's margin boxes carry the marking and the running title on every page, as in
PDF and DOCX; the on-screen masthead and the colophon's marking are left out of print, so the
first page does not show them twice, the last page does not show the marking twice, and a long
running title is not wrapped in the page body.  Every document kind shares the renderer: the
pack with a plan, the constructed example's pack, the committee paper and the comparison.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docread import rendered, review_comparison, review_options
from pagefill import poppler_words

MARGIN = 20 * 72 / 25.4  # the printed page's margin (templates/html/pack.css), in points
HEAD = "{to be completed: protective marking}"


def _print(html: bytes, tmp_path: Path, name: str, browser: object | None) -> Path:
    page, printed = tmp_path / f"{name}.html", tmp_path / f"{name}.print.pdf"
    page.write_bytes(html)
    if browser is not None:  # the run's one Chromium (tests/clients.py)
        browser.print_pdf(page, printed)  # type: ignore[attr-defined]
    else:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer", f"--user-data-dir={tmp_path / 'profile'}",
                        f"--print-to-pdf={printed}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
    return printed


def _bands(pdf: Path) -> list[tuple[str, str, str, int]]:
    """Each printed page's top margin, body and foot margin as text, and the top's line count."""
    out = []
    for _width, height, words in poppler_words(pdf):
        top = [w for w in words if w.bottom <= MARGIN]
        body = [w for w in words if w.top > MARGIN and w.bottom < height - MARGIN]
        foot = [w for w in words if w.top >= height - MARGIN]
        out.append((" ".join(w.text for w in top), " ".join(w.text for w in body),
                    " ".join(w.text for w in foot), len({round(w.top) for w in top})))
    return out


def _documents() -> list[tuple[str, bytes, str]]:
    """(name, HTML, marking) for each document kind that prints."""
    out = []
    for case, kind in (("norfolk-plan", "pack"), ("example", "pack"), ("norfolk", "committee")):
        report, options = review_options(case, kind)
        marking = "OFFICIAL" if case == "norfolk-plan" else HEAD
        out.append((f"{case}-{kind}", rendered(report, options, "html"), marking))
    out.append(("comparison", review_comparison("html"), HEAD))
    return out


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
@pytest.mark.xdist_group("chromium")
def test_printed_html_shows_the_marking_once_at_top_and_foot_of_every_page(
        tmp_path: Path, browser: object | None) -> None:
    for name, html, marking in _documents():
        assert html.decode("utf-8").count('class="masthead"') == 1, name  # still on screen
        pages = _bands(_print(html, tmp_path, name, browser))
        assert len(pages) > 1, name
        for n, (top, body, foot, lines) in enumerate(pages, start=1):
            assert top.startswith(marking) and top.count(marking) == 1, (name, n, top)
            assert lines <= 2, (name, n, top)  # the marking's line and the title's, unwrapped
            assert foot.count(marking) == 1, (name, n, foot)
            # the running title is printed once, in the margin, unwrapped
            running = top[len(marking):].strip()
            if n in (1, len(pages)):
                assert not body.startswith(marking), (name, n, body[:80])
                assert not body.endswith(marking), (name, n, body[-80:])
                if running:
                    assert running not in body, (name, n, body[:120])
