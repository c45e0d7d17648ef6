"""Text, lists and charts as HTML: runs escaped, sub-lists inside their items, charts as SVG.

Every piece of report text reaches the page through :func:`inline` or
:func:`unbreakable`, which escape it (``markupsafe.escape``); a run in another
language than its context carries ``lang``; dates, codes and spans of years (2023–25) are
kept on one line.

Sub-lists sit inside their parent item: what the indent shows, the markup says
(WCAG 1.3.1).  Blocks carry a sub-list as a list of level 1 just after its parent list; in HTML
it belongs inside the parent's last ``<li>``, and a list of level 0 that follows
the sub-list goes on as the same ``<ul>``.

The contents list nests the same way: headings are taken in reading order
across the whole pack, as the PDF and DOCX contents take them, and a level-2
heading belongs to the nearest level-1 heading before it, never to a level-1
heading that comes after it in the same section, nor to one in an earlier
section across a level-1 heading left out of the list.

Bar charts are inline SVG drawn from the shared chart layout.  The layout
(:mod:`chart_layout`) needs text widths.  The page names Arial and falls back to
Liberation Sans, the face peeldocs bundles, so labels are measured in the bundled font
with Pillow and taken a little wider, as browsers' Arial runs. Every chart is drawn
twice, narrow and wide, so its labels stay at least 12 px on a phone and on a desktop;
the two layouts measure mostly the same words.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from markupsafe import Markup, escape
from PIL import ImageFont

from peeldocs import blocks as b
from peeldocs.renderers.base import DATE
from peeldocs.renderers.chart_layout import Measure, layout_bar_chart
from peeldocs.resources import font_path
from peeldocs.theme import Theme

_UNBREAKABLE = re.compile(
    rf"{DATE.pattern}"  # a date: 30 September 2019, as every renderer finds it
    r"|\b(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b"  # a code: E-2017-AFI-1
    r"|\b\d+(?:–\d+)+\b")  # a span of years, never broken at its dash: 2023–25
_DIGIT = re.compile(r"\d")  # both kinds hold a digit: text without one has neither


def unbreakable(text: str) -> Markup:
    """Escape ``text``, keeping dates, hyphenated codes and year spans on one line (``nowrap``).

    A date also has class ``date``: printed in a table's narrow column, where the page
    fixes the column's width, it may break as the PDF's does (pack.css).
    """
    if not _DIGIT.search(text):
        return escape(text)
    out: list[str] = []
    last = 0
    for match in _UNBREAKABLE.finditer(text):
        out.append(escape(text[last:match.start()]))
        kind = "nowrap date" if DATE.fullmatch(match.group()) else "nowrap"
        out.append(f'<span class="{kind}">{escape(match.group())}</span>')
        last = match.end()
    out.append(escape(text[last:]))
    return Markup("".join(out))


_PLACE = re.compile(r"(\{[^{}]*\})")


def marked_places(text: str) -> Markup:
    """Return plain ``text`` escaped, each place to complete in it ("{to be completed: …}") marked.

    For text outside the blocks (the running title, the marking), so that a preparer
    scanning for the highlight finds every place, as in the body (read 29-S).
    """
    return Markup("".join(
        f'<mark class="placeholder">{escape(part)}</mark>' if _PLACE.fullmatch(part)
        else str(escape(part)) for part in _PLACE.split(text) if part))


def lang_attr(tag: str) -> str:
    """Return a ``lang`` attribute for a tag that differs from its context's, or ""."""
    return f' lang="{escape(tag)}"' if tag else ""


SHORT_PLACE = 48
"""A place to complete this long or shorter, in a line of text, prints on one line (pack.css)."""


def inline(runs: tuple[b.Inline, ...]) -> Markup:
    """Return escaped HTML for a run sequence; a run in another language is marked ``lang``."""
    out: list[str] = []
    for run in runs:
        if isinstance(run, b.Link):
            # an address shown as itself is printed once, not again after it (pack.css)
            shown = ' class="address"' if run.text == run.url else ""
            out.append(f'<a href="{escape(run.url)}"{shown}>{escape(run.text)}</a>')
            continue
        if isinstance(run, b.Placeholder):
            mark = f'<mark class="placeholder"{lang_attr(run.lang)}>{escape(run.shown)}</mark>'
            # a short one in a line of text is printed on one line, its highlight unbroken
            short = len(runs) > 1 and len(run.shown) <= SHORT_PLACE
            out.append(f'<span class="one-line">{mark}</span>' if short else mark)
            continue
        text: str = unbreakable(run.text)
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.italic:
            text = f"<em>{text}</em>"
        out.append(f'<span lang="{escape(run.lang)}">{text}</span>' if run.lang else text)
    return Markup("".join(out))


def nest_lists(blocks: Sequence[b.Block], parts: Sequence[str]) -> str:
    """Return the blocks' HTML (``parts``, one per block) with each sub-list in its parent item."""
    out: list[str] = []
    for n, (block, html) in enumerate(zip(blocks, parts, strict=True)):
        lists = [x for x in blocks[max(0, n - 2):n] if isinstance(x, b.BulletList)]
        after_list = bool(n) and lists[-1:] == [blocks[n - 1]]
        if isinstance(block, b.BulletList) and block.level and after_list:
            cut = out[-1].rfind("</li>")  # inside the parent's last item
            out[-1] = out[-1][:cut] + html + out[-1][cut:]
        elif (isinstance(block, b.BulletList) and not block.ordered and len(lists) == 2
              and lists[1].level and not lists[0].level and not lists[0].ordered):
            cut = out[-1].rfind("</ul>")  # the list goes on after its item's sub-list
            items = html[html.index("<li>"):html.rfind("</ul>")]
            out[-1] = out[-1][:cut] + items + out[-1][cut:]
        else:
            out.append(html)
    return "".join(out)


@dataclass
class ContentsItem:
    """One entry of the contents list: a heading and the sub-headings that follow it."""

    heading: b.Heading
    subs: list[b.Heading] = field(default_factory=list)


def contents_entries(headings: Iterable[b.Heading]) -> list[ContentsItem]:
    """Group headings, in reading order, into level-1 entries with their level-2 sub-entries.

    A level-2 heading with no listed level-1 heading before it (the first in the
    pack, or after a level-1 heading kept out of the list) is an entry of its own.
    """
    entries: list[ContentsItem] = []
    parent: ContentsItem | None = None
    for heading in headings:
        if heading.level == 1:
            parent = ContentsItem(heading) if heading.in_contents else None
            if parent is not None:
                entries.append(parent)
        elif heading.level == 2 and heading.in_contents:
            if parent is None:
                entries.append(ContentsItem(heading))
            else:
                parent.subs.append(heading)
    return entries


def _link(heading: b.Heading) -> str:
    return f'<a href="#{escape(heading.anchor)}">{escape(heading.text)}</a>'


def contents_html(title: str, sections: Iterable[b.Section]) -> str:
    """Return the contents heading and a nested list linking to every listed heading."""
    headings = (blk for sec in sections for blk in sec.blocks if isinstance(blk, b.Heading))
    items = []
    for entry in contents_entries(headings):
        subs = "".join(f"<li>{_link(s)}</li>" for s in entry.subs)
        nested = f"<ul>{subs}</ul>" if subs else ""
        items.append(f"<li>{_link(entry.heading)}{nested}</li>\n")
    # headings carry no numbers, so neither does the list of them
    return f'<h2 id="contents">{escape(title)}</h2>\n<ul>\n{"".join(items)}</ul>\n'


_PRINT_PART = {False: "Print this part ({label}) too; the document\u2019s pages are then numbered"
                       " without a total.",
               True: "Argraffu\u2019r rhan hon ({label}) hefyd; bydd tudalennau\u2019r ddogfen"
                      " wedyn wedi\u2019u rhifo heb gyfanswm."}


def print_choice(number: int, label: str, welsh: bool) -> str:
    """Return the choice, on screen only, to print a part numbered on its own (pack.css).

    A browser counts only the whole print's pages, never a part's: printed whole, the
    document's "Page 3 of 7" would count the notes for the preparer.  So such a part prints
    only when asked, and the document's pages are "Page 3 of 5" (read 35); no script, a box.
    """
    words = escape(_PRINT_PART[welsh].format(label=label))
    return (f'<p class="print-choice"><input type="checkbox" id="print-part-{number}"> '
            f'<label for="print-part-{number}">{words}</label></p>\n')


SCALE = 1000  # the font size text is measured at, then scaled
BROWSER_WIDER = 1.04  # browsers' Arial runs a little wider than Liberation Sans
_ANCHOR = {False: "start", True: "end"}
_WEIGHT = {False: "", True: ' font-weight="bold"'}


@cache
def _font(bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path("bold" if bold else "regular")), SCALE)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Return the width of ``text`` set at ``size`` in the bundled regular or bold face."""
    return float(_font(bold).getlength(text)) * size / SCALE


def browser_measure() -> Measure:
    """Return a chart measure for the page: :func:`text_width`, a little wider.

    Each text is measured once per measure (Pillow's shaping is the cost); use
    one measure for the charts of one page.
    """
    widths: dict[tuple[str, bool], float] = {}

    def measure(text: str, size: float, bold: bool) -> float:
        width = widths.get((text, bold))
        if width is None:
            width = widths[text, bold] = float(_font(bold).getlength(text))
        return width * size / SCALE * BROWSER_WIDER

    return measure


def svg_chart(figure: b.Figure, theme: Theme, width: float, size: float, kind: str,
              measure: Measure) -> Markup:
    """Return the chart as inline SVG laid out ``width`` CSS px wide with labels of ``size`` px.

    The SVG's accessible name is the alt text alone; the caption is the
    figure's, so it is read once.  ``kind`` names the layout (class ``chart-{kind}``).
    """
    layout = layout_bar_chart(figure.chart, width, measure, size)
    h = layout.height
    series = [escape(colour) for colour in theme.series]
    rule = escape(theme.rule)
    shapes: list[str] = [
        f'<rect x="{box.x:.1f}" y="{h - box.y - box.h:.1f}" width="{box.w:.1f}" '
        f'height="{box.h:.1f}" fill="{series[box.series % len(series)]}"/>'
        for box in layout.boxes]
    shapes.extend(f'<line x1="{r.x1:.1f}" y1="{h - r.y1:.1f}" x2="{r.x2:.1f}" '
                  f'y2="{h - r.y2:.1f}" stroke="{rule}" stroke-width="0.5"/>'
                  for r in layout.rules)
    shapes.extend(f'<text x="{label.x:.1f}" y="{h - label.y:.1f}" font-size="{label.size}" '
                  f'text-anchor="{_ANCHOR[label.anchor == "end"]}"{_WEIGHT[label.bold]}>'
                  f'{escape(label.text)}</text>' for label in layout.labels)
    ident = "fig" + hashlib.sha1(figure.alt.encode()).hexdigest()[:8] + "-" + kind
    return Markup(
        f'<svg class="chart-{escape(kind)}" role="img" aria-labelledby="{escape(ident)}-t" '
        f'viewBox="0 0 {layout.width:.0f} {h:.0f}" width="{layout.width:.0f}" height="{h:.0f}" '
        f'font-family="Arial, Liberation Sans, sans-serif" fill="{escape(theme.text)}">'
        f'<title id="{escape(ident)}-t">{escape(figure.alt)}</title>{"".join(shapes)}</svg>')
