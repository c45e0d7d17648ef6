"""A saved HTML page read as a tree: the report's main content only, one block per paragraph.

The page is parsed with lxml (as a browser builds it), so its structure tells
the report from the site around it: the ``main`` element (or the article, or
the page's content area) is read, never the header, navigation, breadcrumbs,
cookie banner, "Skip to content" link or footer.  The title is the page's own
heading (``h1``), not the browser title with the site's name.  Inline markup
(``<strong>``, ``<a>``, ``<em>``) keeps the spaces around it; each list item is
a bullet of its own; a table row is one line ("Investigating crime – Adequate",
or each area under the grade its column heads), and an image's alt text is
kept as the graphic's words.
"""

from __future__ import annotations

import re

import lxml.html
from lxml.etree import ParserError

from peeldocs.importer.decoding import check_markup
from peeldocs.importer.judgments import GRADE_WORDS
from peeldocs.importer.result import NotAPeelPageError

DROP_TAGS = ("script", "style", "noscript", "template", "svg", "form", "button", "nav",
             "header", "footer", "aside", "iframe", "select", "input", "dialog")
DROP_ROLES = ("navigation", "banner", "contentinfo", "search", "dialog", "alertdialog")
DROP_MARKS = re.compile(r"cookie|breadcrumb|skip-?link|skip-to|site-header|site-footer|"
                        r"share-?(?:this|links|buttons)|social|consultation-banner|"
                        r"print-?(?:this|link)|back-to-top|feedback", re.I)
BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
              "ul", "ol", "table", "main", "blockquote", "dl", "dt", "dd", "figure", "figcaption",
              "caption", "thead", "tbody", "details", "summary", "hr", "pre"}
GRADE_CELL = re.compile(rf"^(?:{GRADE_WORDS})$", re.I)


def _marked(element: lxml.html.HtmlElement) -> bool:
    marks = " ".join(str(element.get(a, "")) for a in ("id", "class", "aria-label"))
    return bool(DROP_MARKS.search(marks)) or element.get("role", "") in DROP_ROLES or \
        element.get("hidden") is not None or element.get("aria-hidden") == "true"


def _main(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    for path in ("//main", "//*[@role='main']", "//article", "//*[@id='main-content']",
                 "//*[@id='content']", "//body"):
        found = root.xpath(path)
        if found:
            return found[0]
    return root


def _clean(text: str) -> str:
    return " ".join(text.split())


class _Writer:
    """Walks the tree, writing blocks; inline text runs on, whitespace kept as one space."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.run: list[str] = []
        self.bullet = False

    def flush(self) -> None:
        text = _clean("".join(self.run))
        if text:
            self.blocks.append(f"• {text}" if self.bullet else text)
        self.run, self.bullet = [], False

    def walk(self, el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in DROP_TAGS or (tag and _marked(el)):
            return
        if tag == "table":
            self.flush()
            self.blocks += _table(el)
            return
        if tag == "img":
            alt = _clean(el.get("alt") or "")
            if alt:
                self.flush()
                self.blocks.append(alt)
            return
        if tag == "br":
            self.flush()
        block = tag in BLOCK_TAGS
        if block:
            self.flush()
            self.bullet = tag == "li"
        if el.text:
            self.run.append(el.text)
        for child in el:
            self.walk(child)
            if child.tail:
                self.run.append(child.tail)
        if block:
            self.flush()


def _cells(row: lxml.html.HtmlElement) -> list[str]:
    return [_clean(cell.text_content()) for cell in row.xpath("./th|./td")]


def _table(table: lxml.html.HtmlElement) -> list[str]:
    """Return one line per row; a grade heading a column gives each area under it that grade."""
    rows = [_cells(r) for r in table.xpath(".//tr")]
    rows = [r for r in rows if any(r)]
    if not rows:
        return []
    head = rows[0]
    if sum(bool(GRADE_CELL.match(c)) for c in head) >= 2:  # columns headed by grades
        out = []
        for row in rows[1:]:
            for grade, cell in zip(head, row, strict=False):
                if GRADE_CELL.match(grade) and cell and not GRADE_CELL.match(cell):
                    out += [f"{area.strip()} – {grade}" for area in re.split(r"\s*[;\n]\s*", cell)
                            if area.strip()]
        return out
    return [" – ".join(c for c in row if c) for row in rows]


def _title(root: lxml.html.HtmlElement, main: lxml.html.HtmlElement) -> str | None:
    """Return the page's own heading when it sits outside the main content."""
    if main.xpath(".//h1"):
        return None
    heading = root.xpath("//h1")
    return _clean(heading[0].text_content()) if heading else None


def html_to_text(html: str) -> str:
    """Return the report's text from a saved page: its main content, one block per paragraph."""
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    check_markup(html)  # refused before the parser meets it
    parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (ParserError, ValueError):
        return ""
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise NotAPeelPageError(
            "this saved page nests its elements too deeply for its text to be read whole (more "
            "than 256 levels); a published HMICFRS page does not: save the page again from the "
            "browser, or copy its text")
    main = _main(root)
    writer = _Writer()
    if title := _title(root, main):
        writer.blocks.append(title)
    writer.walk(main)
    writer.flush()
    return "\n\n".join(writer.blocks) + "\n"


def page_complete(html: str) -> bool:
    """Tell whether a saved page holds its end (the document closes), not a cut-off copy."""
    return re.search(r"</(?:body|html)\s*>\s*$", html.strip()[-200:], re.I) is not None
