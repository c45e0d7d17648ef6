"""The HTML contents list, read back as a reader gets it: every entry under the heading it follows.

Read 13-C found "About the data" in the comparison's HTML contents repeating the
four sub-entries of the section before it, each linking back there: the
contents builder gave every level-1 heading of a section all of that section's
level-2 headings.  Here the nested list is parsed out of the page and checked
against the headings in the page itself, for the comparison and the briefing
pack, and the PDF's contents is the yardstick for the comparison.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest
from docread import REVIEW_CASES, review_comparison, review_options

import peeldocs
from peeldocs.blocks import Heading
from peeldocs.build.registry import render
from peeldocs.renderers.html.markup import contents_entries

COMPARE = Path(__file__).resolve().parent / "fixtures" / "compare"

Entry = tuple[str, str, list[tuple[str, str]]]
"""A top-level contents entry: its words, its target and its sub-entries (words, target)."""


class _Contents(HTMLParser):
    """Collect the contents list's nesting and the page's headings (level, id, words) in order."""

    def __init__(self) -> None:
        super().__init__()
        self.in_nav = False
        self.depth = 0  # how deep in <ul> inside the contents
        self.href: str | None = None
        self.words: list[str] = []
        self.entries: list[Entry] = []
        self.heading: tuple[int, str] | None = None
        self.headings: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "nav" and "contents" in (found.get("class") or ""):
            self.in_nav = True
        elif self.in_nav and tag == "ul":
            self.depth += 1
        elif self.in_nav and tag == "a":
            self.href, self.words = found.get("href") or "", []
        elif re.fullmatch(r"h[1-6]", tag) and found.get("id"):
            self.heading, self.words = (int(tag[1]), found["id"] or ""), []

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self.in_nav = False
        elif self.in_nav and tag == "ul":
            self.depth -= 1
        elif self.in_nav and tag == "a" and self.href is not None:
            words = " ".join("".join(self.words).split())
            if self.depth == 1:
                self.entries.append((words, self.href, []))
            else:
                assert self.depth == 2, "the contents list nests two levels deep at most"
                self.entries[-1][2].append((words, self.href))
            self.href = None
        elif self.heading is not None and tag == f"h{self.heading[0]}":
            self.headings.append((*self.heading, " ".join("".join(self.words).split())))
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.href is not None or self.heading is not None:
            self.words.append(data)


def _read(html: bytes) -> _Contents:
    parser = _Contents()
    parser.feed(html.decode("utf-8"))
    assert parser.entries, "the page has a contents list"
    return parser


def _assert_entries_follow_the_headings(page: _Contents) -> None:
    """Each entry links to a heading with its words; a sub-entry's heading comes after its
    parent's and before the next entry's, and nothing is listed twice."""
    order = {ident: n for n, (_level, ident, _words) in enumerate(page.headings)}
    words_of = {ident: words for _level, ident, words in page.headings}
    targets = [href for _w, href, subs in page.entries for href in [href, *(h for _s, h in subs)]]
    assert len(targets) == len(set(targets)), "an entry is listed twice"
    starts = []
    for words, href, _subs in page.entries:
        assert href.startswith("#") and href[1:] in order, f"{words!r} links nowhere"
        assert words_of[href[1:]] == words
        starts.append(order[href[1:]])
    assert starts == sorted(starts)  # the contents is in reading order
    for n, (words, _href, subs) in enumerate(page.entries):
        end = starts[n + 1] if n + 1 < len(starts) else len(page.headings)
        for sub, target in subs:
            assert target[1:] in order, f"{sub!r} links nowhere"
            assert words_of[target[1:]] == sub
            assert starts[n] < order[target[1:]] < end, f"{sub!r} is listed under {words!r}"


@pytest.fixture(scope="module")
def comparison() -> dict[str, bytes]:
    return {fmt: review_comparison(fmt) for fmt in ("html", "pdf")}


def test_the_comparison_contents_lists_each_sub_heading_once_under_its_own_section(
        comparison: dict[str, bytes]) -> None:
    page = _read(comparison["html"])
    _assert_entries_follow_the_headings(page)
    entries = {words: (href, [s for s, _h in subs]) for words, href, subs in page.entries}
    # read 13-C: "About the data" has no sub-headings, so no nested list
    assert entries["About the data"] == ("#about-files", [])
    across = next(words for words in entries if words.endswith("across cycles"))
    assert entries[across][1] == [
        "Judgments on the four-tier scale (PEEL 2016 to 2018/19)",
        "Judgments on the five-tier scale (PEEL 2021/22 to 2023–25)",
        "Findings by cycle", "Earlier findings and their outcomes"]
    html = comparison["html"].decode("utf-8")
    nav = re.search(r'<nav class="section contents".*?</nav>', html, flags=re.S)
    assert nav is not None and nav.group(0).count('href="#across-four-tier"') == 1


def _bookmarks(pdf: bytes) -> list[tuple[str, list[str]]]:
    """The PDF's top two bookmark levels: each top-level title with its children's titles."""
    marks: list[tuple[str, list[str]]] = []
    for item in pypdf.PdfReader(io.BytesIO(pdf)).outline:
        if isinstance(item, list):
            marks[-1][1].extend(" ".join(str(child.title).split()) for child in item
                                if not isinstance(child, list))
        else:
            marks.append((" ".join(str(item.title).split()), []))
    return marks


def _nesting(page: _Contents) -> list[tuple[str, list[str]]]:
    return [(words, [s for s, _t in subs]) for words, _h, subs in page.entries]


def test_the_comparison_html_contents_nests_as_the_pdf_bookmarks_do(
        comparison: dict[str, bytes]) -> None:
    marks = _bookmarks(comparison["pdf"])
    assert [m[0] for m in marks[:2]] == ["Norfolk Constabulary: PEEL comparison", "Contents"]
    assert _nesting(_read(comparison["html"])) == marks[2:]  # cover and contents not listed


@pytest.mark.parametrize("case", REVIEW_CASES)
def test_the_pack_contents_lists_each_sub_heading_under_its_own_section(case: str) -> None:
    report, options = review_options(case, "pack")
    pack = peeldocs.build_pack(report, options)
    page = _read(render(pack, "html", options))
    _assert_entries_follow_the_headings(page)
    assert _nesting(page) == _bookmarks(render(pack, "pdf", options))[2:]
    # every listed section heading is in the page: the list leaves none of them out
    listed = {href[1:] for _w, href, _s in page.entries}
    assert {ident for level, ident, _w in page.headings if level == 2} - {"contents"} >= listed


def test_a_sub_heading_belongs_to_the_nearest_section_heading_before_it() -> None:
    heads = [Heading(1, "A", anchor="a"), Heading(2, "A1", anchor="a1"),
             Heading(2, "A2", anchor="a2"), Heading(1, "B", anchor="b"),  # same section as A
             Heading(1, "C", anchor="c"), Heading(2, "C1", anchor="c1"),
             Heading(3, "C1a", anchor="c1a"), Heading(2, "Hidden", anchor="h", in_contents=False),
             Heading(1, "Cover", anchor="cover", in_contents=False),
             Heading(2, "Loose", anchor="loose")]
    got = [(e.heading.text, [s.text for s in e.subs]) for e in contents_entries(heads)]
    assert got == [("A", ["A1", "A2"]), ("B", []), ("C", ["C1"]), ("Loose", [])]
