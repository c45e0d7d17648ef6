"""HTML printed from a browser is laid out as the PDF is (read 31: the editor's HTML faults).

The editor scored the pack's HTML below its PDF for what a reader sees on paper: a table's
finding squeezed into a narrow column while short columns took the width, the marking at the
top of each page in small grey type while the foot's was bold, and a judgments table's last
row alone on a page under its repeated header.  These tests print the pack as Chromium prints
it (the run's one browser, tests/clients.py) and read the pages back: where each column
starts, how the marking is set, which rows share a page.  On screen, a table of five columns
or more is a card per row below a desktop's width, so its finding is never a few words a line.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pdfplumber
import pytest
from docread import rendered, review_options
from pagefill import Word, poppler_words
from test_read30_html_print import MARGIN, _print

from peeldocs import blocks as b
from peeldocs.renderers.html.keeps import KEEP_ROWS, keeps_whole

CHROMIUM = pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
_TABLE = re.compile(r"<table([^>]*)>.*?<colgroup>(.*?)</colgroup>\s*<thead[^>]*>(.*?)</thead>"
                    r"(.*?)</table>", re.S)
_PERCENT = re.compile(r"width: ([\d.]+)%")
_TAG = re.compile(r"<[^>]+>")
_PAD = 0.35 * 12  # a printed cell's padding across, each side (pack.css: .35rem, 1rem = 12 pt)


def _printed(case: str, tmp_path: Path, browser: object | None) -> tuple[str, Path]:
    html = rendered(*review_options(case, "pack"), "html")
    return html.decode("utf-8"), _print(html, tmp_path, case, browser)


def _tables(page: str) -> list[tuple[str, list[float], list[str], int]]:
    """Each table's attributes, its columns' widths (percent), the first word of each of its
    last header row's cells, and its rows (header included)."""
    out = []
    for attrs, cols, head, body in _TABLE.findall(page):
        last = head.strip().split("<tr")[-1]
        cells = [_TAG.sub("", c).split() for c in re.findall(r"<th[^>]*>(.*?)</th>", last, re.S)]
        out.append((attrs, [float(w) for w in _PERCENT.findall(cols)], [c[0] for c in cells],
                    head.count("<tr") + body.count("<tr")))
    return out


def _lines(words: list[Word]) -> list[list[Word]]:
    lines: dict[int, list[Word]] = {}
    for word in words:
        lines.setdefault(round(word.top), []).append(word)
    return [sorted(line, key=lambda w: w.x0) for line in lines.values()]


def _header_lines(pdf: Path, firsts: list[str]) -> list[tuple[int, float, list[float]]]:
    """Each printed line that is this header: its page, the page's width, each column's start."""
    found = []
    for n, (width, _height, words) in enumerate(poppler_words(pdf), start=1):
        for line in _lines(words):
            starts = [w for w in line if w.text in firsts]
            if [w.text for w in starts] == firsts:
                found.append((n, width, [w.x0 for w in starts]))
    return found


@CHROMIUM
@pytest.mark.xdist_group("chromium")
def test_printed_columns_are_as_wide_as_the_document_sets_them(
        tmp_path: Path, browser: object | None) -> None:
    """Editor: the causes-of-concern table squeezed the finding; other columns took its width."""
    checked = 0
    for case in ("example", "norfolk-plan"):
        page, pdf = _printed(case, tmp_path, browser)
        for _attrs, widths, firsts, _rows in _tables(page):
            for n, width, starts in _header_lines(pdf, firsts):
                across = width - 2 * MARGIN
                total = sum(widths)
                want = [MARGIN + across * sum(widths[:i]) / total + _PAD for i in range(len(widths))]
                for i, (got, expected) in enumerate(zip(starts, want, strict=True)):
                    assert abs(got - expected) < 3, (case, n, firsts, i, got, expected)
                checked += 1
    assert checked >= 6
    # the causes table's finding column is its widest, as set: not the squeezed one of read 31
    example, _pdf = _printed("example", tmp_path, browser)
    causes = next(w for _a, w, f, _r in _tables(example)
                  if f[:4] == ["Ref", "Type", "Area", "Finding"])
    assert max(causes) == causes[3]


@CHROMIUM
@pytest.mark.xdist_group("chromium")
def test_printed_marking_at_the_top_is_set_as_at_the_foot(
        tmp_path: Path, browser: object | None) -> None:
    """Editor: the top marking was small grey type, the foot's bold: both bold, black, one size."""
    for case, marking in (("norfolk-plan", "OFFICIAL"), ("example", "{to")):
        _page, pdf = _printed(case, tmp_path, browser)
        with pdfplumber.open(pdf) as doc:
            for number, sheet in enumerate(doc.pages, start=1):
                top = [c for c in sheet.chars if c["bottom"] <= MARGIN]
                foot = [c for c in sheet.chars if c["top"] >= sheet.height - MARGIN]
                first = min(c["top"] for c in top)
                head = [c for c in top if abs(c["top"] - first) < 1]  # the marking's line
                mark = [c for c in foot if "Bold" in c["fontname"]]
                assert "".join(c["text"] for c in head).startswith(marking), (case, number)
                assert mark, (case, number)
                for c in head:
                    assert "Bold" in c["fontname"], (case, number, c["text"])
                    assert c["size"] == pytest.approx(mark[0]["size"], abs=0.1), (case, number)
                    # black, or a place to complete's near-black ink on its highlight (read 33)
                    assert max(c["non_stroking_color"]) < 0.1, c
                # the running title is still there, under it, in smaller type; not on the
                # cover, which has none, as the PDF's has none (read 33)
                if number == 1:
                    continue
                title = [c for c in top if c["top"] > first + 1]
                assert title and max(c["size"] for c in title) < mark[0]["size"], (case, number)


@CHROMIUM
@pytest.mark.xdist_group("chromium")
def test_a_short_table_prints_whole_and_a_long_one_leaves_no_row_alone(
        tmp_path: Path, browser: object | None) -> None:
    """Editor: the judgments table's last row was alone on a page under its repeated header."""
    page, pdf = _printed("norfolk-plan", tmp_path, browser)
    texts = [" ".join(w.text for w in words) for _w, _h, words in poppler_words(pdf)]
    first = [n for n, t in enumerate(texts) if "Judgment 1 How effective is the force at" in t]
    last = [n for n, t in enumerate(texts) if "are the force’s specialist capabilities? Ungraded" in t]
    assert first == last and len(first) == 1, (first, last)
    assert len(_header_lines(pdf, ["No.", "Question", "Judgment"])) == 1  # never repeated
    judgments = next(a for a, _w, f, _r in _tables(page) if f == ["No.", "Question", "Judgment"])
    assert "keep" in judgments
    # the example's table of findings needing a plan is long: it splits, never one row alone
    example, pdf = _printed("example", tmp_path, browser)
    heads = _header_lines(pdf, ["Ref", "Type", "Area", "Report’s", "Action", "Owner", "Target"])
    assert len(heads) >= 2  # split, its header repeated
    pages = poppler_words(pdf)
    for n, _width, starts in heads:
        rows = [w for w in pages[n - 1][2]
                if re.fullmatch(r"A\d*-(?:\d{4}-)?(?:AFI|REC|COC)-\d+", w.text) and w.x0 < starts[1]]
        assert len(rows) >= 2, (n, [w.text for w in rows])
    # read 35: each row names its finding in the report's words, in a column of its own
    long = next(a for a, _w, f, _r in _tables(example)
                if f[:5] == ["Ref", "Type", "Area", "Finding", "Report’s"])
    assert "keep" not in long


def _table(rows: int, text: str = "A short cell") -> b.Table:
    cells = tuple(b.Cell((b.Text(text),)) for _ in range(3))
    return b.Table(header=(cells,), rows=(cells,) * rows, widths=(1, 2, 1), caption="Rows")


def test_which_tables_print_whole() -> None:
    """A few short rows are kept whole; many rows, or rows of long text, split by rows."""
    assert keeps_whole(_table(5))
    assert not keeps_whole(_table(KEEP_ROWS))  # its header makes one row too many
    assert not keeps_whole(_table(8, "A quoted finding of some length. " * 12))
    assert keeps_whole(_table(8, "A finding of some length."))


@CHROMIUM
@pytest.mark.xdist_group("chromium")
def test_a_table_of_many_columns_is_cards_below_a_desktop_width(
        tmp_path: Path, browser: object | None) -> None:
    """At a tablet's width the causes table's finding was squeezed: there it is one card a row."""
    if browser is None:
        pytest.skip("the browser checks need axe-core and puppeteer-core (tools/axe-setup.sh)")
    html = rendered(*review_options("example", "pack"), "html")
    page = tmp_path / "example.html"
    page.write_bytes(html)
    attrs, _w, _f, rows = next(t for t in _tables(html.decode("utf-8")) if t[2][3:4] == ["Finding"])
    assert "many" in attrs
    narrow, desk = browser.check(page, [600, 1280])  # type: ignore[attr-defined]
    assert {t["rows"]: t["display"] for t in narrow["tables"]}[rows] == "block"
    assert {t["rows"]: t["display"] for t in desk["tables"]}[rows] == "table"
    assert narrow["scrollWidth"] <= 600
