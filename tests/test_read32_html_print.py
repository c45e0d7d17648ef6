"""HTML printed from a browser: places to complete sit in their lines, pages end well (read 32).

The editors printed every document's HTML from Chromium and found: a place to complete
("{to be completed: …}", highlighted, dashed) whose outline reached the lines above and
below, with a space before the full stop or bracket after it ("…implications} ."); headings
and lead-ins alone at a page's foot, and "Yours sincerely," parted from its signature; the
notes for the preparer running on from the letter or paper instead of starting a page, as
in the PDF.  These tests print the documents as Chromium prints them and read the pages
back (tests/clients.py: the run's one browser).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pdfplumber
import pytest
from docread import rendered, review_options
from pagefill import poppler_words
from test_read30_html_print import MARGIN, _print

CHROMIUM = pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
_CASES = [(case, kind) for case in ("norfolk-plan", "norfolk", "example")
          for kind in ("s55", "committee")]
_HEADING = re.compile(r"<h[234][^>]*>(.*?)</h[234]>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _printed(case: str, kind: str, tmp_path: Path, browser: object | None) -> tuple[str, Path]:
    # printed with the notes, their box ticked (read 35: else they are left out of the print)
    html = rendered(*review_options(case, kind), "html").replace(
        b'id="print-part-1">', b'id="print-part-1" checked>')
    return html.decode("utf-8"), _print(html, tmp_path, f"{case}-{kind}", browser)


def _body_lines(pdf: Path) -> list[list[str]]:
    """Each printed page's lines of text between its top and foot margins."""
    pages = []
    for _width, height, words in poppler_words(pdf):
        lines: dict[int, list[str]] = {}
        for word in sorted(words, key=lambda w: (round(w.top), w.x0)):
            if MARGIN - 2 < word.top < height - MARGIN + 2:
                lines.setdefault(round(word.top), []).append(word.text)
        pages.append([" ".join(line) for _top, line in sorted(lines.items())])
    return pages


def test_a_place_to_complete_has_no_margin_nor_padding_and_its_outline_hard_on_it() -> None:
    """Editor: the dashed outline overlapped the lines above and below; "} ." had a space."""
    page = rendered(*review_options("example", "s55"), "html").decode("utf-8")
    rule = re.search(r"mark\.placeholder \{([^}]*)\}", page)
    assert rule is not None
    style = rule.group(1)
    assert "margin: 0;" in style and "padding: 0;" in style and "outline-offset: 0;" in style
    assert "box-decoration-break: clone" in style
    assert "</mark> ." not in page and "( <mark" not in page  # no space in the markup either


@CHROMIUM
@pytest.mark.xdist_group("chromium")
@pytest.mark.parametrize(("case", "kind"), _CASES)
def test_printed_pages_end_well_and_the_notes_start_a_page(
        case: str, kind: str, tmp_path: Path, browser: object | None) -> None:
    """Editor: headings and "Yours sincerely," alone at a page foot; notes ran on."""
    page, pdf = _printed(case, kind, tmp_path, browser)
    headings = [" ".join(_TAG.sub("", h).split()) for h in _HEADING.findall(page)]
    pages = _body_lines(pdf)
    text = " ".join(" ".join(lines) for lines in pages)
    # a place to complete is followed by its punctuation, with no space before it
    assert not re.search(r"\}\s+[.,;:)]|\(\s+\{", text), re.findall(r".{30}\}\s+[.,;:)]", text)
    for n, lines in enumerate(pages[:-1], start=1):
        last = lines[-1]
        assert last != "Yours sincerely,", (case, kind, n)
        for heading in headings:  # a heading's last line never ends a page
            assert not (heading.endswith(last) and len(last) > 3), (case, kind, n, heading)
    # the notes' heading, balanced over two lines ("… notes for / the preparer (remove …)")
    notes = [n for n, lines in enumerate(pages) if any(line.startswith("Before ")
                                                       and "notes for" in line for line in lines)]
    assert notes, (case, kind)
    assert "notes for" in pages[notes[0]][0], (case, kind, pages[notes[0]][:2])


@CHROMIUM
@pytest.mark.xdist_group("chromium")
def test_a_highlight_stays_within_its_line(tmp_path: Path, browser: object | None) -> None:
    """Editor: a placeholder's box reached the lines above and below, the more when it wrapped."""
    _page, pdf = _printed("example", "s55", tmp_path, browser)
    with pdfplumber.open(pdf) as doc:
        checked = 0
        for sheet in doc.pages:
            chars = [c for c in sheet.chars if c["text"].strip()]
            for rect in sheet.rects:
                if rect["height"] > 30 or rect["width"] < 5 or not rect.get("fill"):
                    continue
                inside = [c for c in chars if rect["x0"] - 1 <= c["x0"] and c["x1"] <= rect["x1"] + 1
                          and rect["top"] - 1 <= (c["top"] + c["bottom"]) / 2 <= rect["bottom"] + 1]
                if not inside or not any(c["text"] == "{" for c in inside):
                    continue
                # no other line's words within the box (a wrapped place: one box a line,
                # save one alone in a table's cell, one box of its own lines)
                tops = {round(c["top"]) for c in inside}
                others = [c for c in chars if rect["x0"] <= c["x0"] <= rect["x1"]
                          and round(c["top"]) not in tops
                          and rect["top"] < (c["top"] + c["bottom"]) / 2 < rect["bottom"]]
                assert not others, [c["text"] for c in others]
                checked += 1
        assert checked >= 5
