"""The HTML pack, checked with an HTML parser against the accessibility rules."""

from __future__ import annotations

import dataclasses
import itertools
from html.parser import HTMLParser
from pathlib import Path

import pytest

import peeldocs
from peeldocs.model import Report
from peeldocs.options import Marking, Options

VOID = {"meta", "br", "img", "input", "link", "hr", "rect", "line", "col"}


class Page(HTMLParser):
    """Collects what the rules need: elements, attributes, text and nesting errors."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self._heading: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = int(tag[1])
            self.headings.append((self._heading, ""))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> in {self.stack[-3:]}")
            return
        self.stack.pop()
        if tag.startswith("h") and tag[1:].isdigit():
            self._heading = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._heading is not None:
            level, text = self.headings[-1]
            self.headings[-1] = (level, text + data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def html(norfolk: Report) -> str:
    opts = Options(marking=Marking.OFFICIAL)
    return peeldocs.render(peeldocs.build_pack(norfolk, opts), "html", opts).decode("utf-8")


def test_well_formed_and_lang(html: str) -> None:
    page = parse(html)
    assert not page.errors and not page.stack
    assert page.all("html")[0]["lang"] == "en-GB"
    assert html.startswith("<!DOCTYPE html>")
    assert page.all("title")


def test_skip_link_landmarks_and_headings(html: str) -> None:
    page = parse(html)
    first_link = page.all("a")[0]
    assert first_link["href"] == "#main" and first_link.get("class") == "skip-link"
    assert page.all("main")[0]["id"] == "main"
    for landmark in ("header", "nav", "main", "footer"):
        assert page.all(landmark), landmark
    levels = [level for level, _ in page.headings]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    ids = [a["id"] for t, a in page.tags if "id" in a]
    assert len(ids) == len(set(ids))
    for link in page.all("a"):
        href = link["href"] or ""
        if href.startswith("#"):
            assert href[1:] in ids, href


def test_tables_have_header_cells_with_scope(html: str) -> None:
    page = parse(html)
    assert len(page.all("table")) >= 7  # the summary names earlier findings in words (issue 23)
    # every table is named: by its caption, or by the heading above it that the caption would
    # only repeat
    named = [t for t in page.all("table") if t.get("aria-labelledby")]
    assert len(page.all("caption")) + len(named) == len(page.all("table"))
    ids = {h.get("id") for level in ("h1", "h2", "h3", "h4") for h in page.all(level)}
    assert named and all(t["aria-labelledby"] in ids for t in named)
    ths = page.all("th")
    assert ths and all(th.get("scope") in ("col", "row") for th in ths)


def test_chart_is_inline_svg_with_a_text_alternative(html: str) -> None:
    page = parse(html)
    svgs = page.all("svg")  # a narrow and a wide layout; CSS shows one
    assert [s["class"] for s in svgs] == ["chart-narrow", "chart-wide"]
    for svg in svgs:
        assert svg["role"] == "img"
        (title_id,) = (svg["aria-labelledby"] or "").split()
        title = html[html.index(f'id="{title_id}"'):]
        title = title[:title.index("</title>")]
        assert "20.6%" in title and "16.1%" in title
        assert "values as stated in the report" not in title  # the caption is read once


def test_grades_in_words_and_self_contained(html: str) -> None:
    text = " ".join(" ".join(parse(html).text).split())
    assert "Good (carried over from 2016)" in text and "Requires improvement" in text
    assert "Ungraded" in text
    assert "<script" not in html and "<link" not in html and "src=" not in html
    assert "@import" not in html and "url(" not in html
    assert "@media print" in html
    assert "Contains public sector information licensed under the Open Government Licence v3.0." in text


def test_every_seed_paragraph_is_in_the_html(norfolk: Report, html: str) -> None:
    text = " ".join(" ".join(parse(html).text).split())
    for q in norfolk.questions:
        for section in q.findings:
            for p in section.paragraphs:
                assert " ".join(p.split()) in text


def test_report_text_cannot_inject_markup(norfolk: Report) -> None:
    from test_pdf import hostile_report

    report = dataclasses.replace(hostile_report(norfolk),
                                 source_url='https://example.org/"><script>alert(1)</script>')
    out = peeldocs.render(peeldocs.build_pack(report, Options()), "html", Options()).decode()
    assert "<script" not in out
    page = parse(out)
    assert not page.errors
    text = " ".join(page.text)
    assert "Text with <b>&</b>, &amp; and <font color=red>markup</font> prints literally." in text
    assert "Gŵyl" in text


def test_html_is_reproducible(norfolk: Report, tmp_path: Path) -> None:
    a = peeldocs.render(peeldocs.build_pack(norfolk, Options()), "html", Options())
    b = peeldocs.render(peeldocs.build_pack(norfolk, Options()), "html", Options())
    assert a == b


def test_landmarks_of_one_role_have_distinct_names(html: str) -> None:
    page = parse(html)
    roles = {"header": "banner", "footer": "contentinfo", "main": "main", "nav": "navigation",
             "aside": "complementary"}
    names: dict[str, list[str]] = {}
    for tag, attrs in page.tags:
        role = attrs.get("role") or roles.get(tag)
        if tag == "section" and (attrs.get("aria-label") or attrs.get("aria-labelledby")):
            role = "region"
        if role in ("banner", "contentinfo", "main", "navigation", "complementary", "region"):
            names.setdefault(role, []).append(attrs.get("aria-label") or
                                              attrs.get("aria-labelledby") or "")
    assert names["main"] and names["navigation"]
    for role, labels in names.items():
        assert len(labels) == len(set(labels)), (role, labels)
    assert not page.all("aside")  # call-outs are the report's content, not complementary
    groups = [a for t, a in page.tags if a.get("role") == "group"]
    assert groups and all(g.get("aria-labelledby") for g in groups)
