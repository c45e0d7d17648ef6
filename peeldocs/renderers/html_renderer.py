"""The HTML renderer: one self-contained, accessible page (GOV.UK prefers HTML to PDF).

Everything is in the file: styles inline, charts as inline SVG with a text
alternative, no scripts, no external requests.  Blocks become HTML through
functions that escape every piece of report text (``markupsafe.escape``), and
the page itself comes from an autoescaping, sandboxed Jinja2 template.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import cache

import jinja2
import jinja2.sandbox
from markupsafe import Markup, escape

from peeldocs import __version__
from peeldocs import blocks as b
from peeldocs.errors import UnsupportedBlockError
from peeldocs.options import Options
from peeldocs.renderers.chart_layout import layout_bar_chart
from peeldocs.resources import templates_root
from peeldocs.textclean import printable
from peeldocs.theme import Theme


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.sandbox.ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(templates_root() / "html")),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env


def _tone(tone: b.Tone | None) -> str:
    return "" if tone is None else f' class="tone-{tone.value.replace(" ", "-")}"'


_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December")
_UNBREAKABLE = re.compile(
    rf"\b\d{{1,2}} (?:{_MONTHS}) \d{{4}}\b"  # a date: 30 September 2019
    r"|\b(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b")  # a code: E-2017-AFI-1


def unbreakable(text: str) -> Markup:
    """Escape ``text``, keeping dates and hyphenated codes on one line (class ``nowrap``)."""
    out: list[Markup] = []
    last = 0
    for match in _UNBREAKABLE.finditer(text):
        out.append(escape(text[last:match.start()]))
        out.append(Markup('<span class="nowrap">{}</span>').format(match.group()))
        last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def inline(runs: tuple[b.Inline, ...]) -> Markup:
    """Return escaped HTML for a run sequence."""
    out = []
    for run in runs:
        if isinstance(run, b.Link):
            out.append(Markup('<a href="{}">{}</a>').format(run.url, run.text))
            continue
        if isinstance(run, b.Placeholder):
            out.append(Markup('<mark class="placeholder">{}</mark>').format(run.shown))
            continue
        text: Markup = unbreakable(run.text)
        if run.bold:
            text = Markup("<strong>{}</strong>").format(text)
        if run.italic:
            text = Markup("<em>{}</em>").format(text)
        out.append(text)
    return Markup("").join(out)


def _heading(block: b.Heading, shift: int = 1) -> Markup:
    level = 1 if block.anchor == "cover" else min(block.level + shift, 6)
    text = block.text
    if block.anchor == "cover":  # the title never breaks before a number ("PEEL 2018/19")
        text = re.sub(r" (?=\d)", "\u00a0", text)
    return Markup('<h{0} id="{1}">{2}</h{0}>\n').format(level, block.anchor, text)


def _table(block: b.Table, stacked: bool = False) -> Markup:
    total = sum(block.widths) or 1
    cols = Markup("").join(Markup('<col style="width: {:.1f}%">').format(100 * w / total)
                           for w in block.widths)
    parts = [Markup("<table>\n<caption>{}</caption>\n<colgroup>{}</colgroup>\n").format(
        block.caption, cols)]
    # a table that may be shown stacked (one card per row) keeps its roles explicitly
    role: Callable[[str], Markup] = (lambda r: Markup(f' role="{r}"')) if stacked else (
        lambda r: Markup(""))
    if stacked:
        parts[0] = Markup('<table class="stack" role="table">\n<caption>{}</caption>\n'
                          '<colgroup>{}</colgroup>\n').format(block.caption, cols)
    labels = [b.inline_text(c.runs) for c in block.header[-1]] if block.header else []
    if block.header:
        parts.append(Markup("<thead{}>\n").format(role("rowgroup")))
        for row in block.header:
            heads = Markup("").join(
                Markup('<th scope="col"{}{}>{}</th>').format(
                    role("columnheader"), Markup(' class="num"') if i in block.numeric_columns
                    else Markup(""), inline(c.runs))
                for i, c in enumerate(row))
            parts.append(Markup("<tr{}>{}</tr>\n").format(role("row"), heads))
        parts.append(Markup("</thead>\n"))
    parts.append(Markup("<tbody{}>\n").format(role("rowgroup")))
    for r, row in enumerate(block.rows):
        cells: list[Markup] = []
        for i, cell in enumerate(row):
            if (not block.header or block.row_headers) and i == 0:
                cells.append(Markup('<th scope="row"{}{}>{}</th>').format(
                    Markup(_tone(cell.tone)), role("rowheader"), inline(cell.runs)))
                continue
            num = ' class="num"' if i in block.numeric_columns and cell.tone is None else ""
            attrs = Markup(_tone(cell.tone) or num)
            label = Markup(' data-label="{}"').format(labels[i]) if i < len(labels) else ""
            cells.append(Markup("<td{}{}{}>{}</td>").format(attrs, label, role("cell"),
                                                            inline(cell.runs)))
        focus = Markup(' class="highlight"') if r in block.highlight_rows else Markup("")
        parts.append(Markup("<tr{}{}>{}</tr>\n").format(focus, role("row"),
                                                        Markup("").join(cells)))
    parts.append(Markup("</tbody>\n</table>\n"))
    return Markup("").join(parts)


def _svg(block: b.Figure, theme: Theme, width: float, size: float, kind: str) -> Markup:
    """Return the chart as inline SVG laid out ``width`` CSS px wide with labels of ``size`` px.

    The SVG's accessible name is the alt text alone; the caption is the
    figure's, so it is read once.
    """
    from peeldocs.renderers.chart_png import _measure

    def measure(text: str, px: float, bold: bool) -> float:
        return _measure(text, px, bold) * 1.04  # browsers' Arial runs a little wider

    layout = layout_bar_chart(block.chart, width, measure, size)
    h = layout.height
    shapes = []
    for box in layout.boxes:
        colour = theme.series[box.series % len(theme.series)]
        shapes.append(Markup('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" '
                             'fill="{}"/>').format(box.x, h - box.y - box.h, box.w, box.h, colour))
    for rule in layout.rules:
        shapes.append(Markup('<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="{}" '
                             'stroke-width="0.5"/>').format(rule.x1, h - rule.y1, rule.x2,
                                                            h - rule.y2, theme.rule))
    for label in layout.labels:
        weight = ' font-weight="bold"' if label.bold else ""
        anchor = "end" if label.anchor == "end" else "start"
        shapes.append(Markup('<text x="{:.1f}" y="{:.1f}" font-size="{}" text-anchor="{}"{}>{}'
                             '</text>').format(label.x, h - label.y, label.size, anchor,
                                               Markup(weight), label.text))
    ident = "fig" + hashlib.sha1(block.alt.encode()).hexdigest()[:8] + "-" + kind
    return Markup(
        '<svg class="chart-{0}" role="img" aria-labelledby="{1}-t" viewBox="0 0 {2:.0f} {3:.0f}" '
        'width="{2:.0f}" height="{3:.0f}" font-family="Arial, Liberation Sans, sans-serif" '
        'fill="{4}"><title id="{1}-t">{5}</title>{6}</svg>'
    ).format(kind, ident, layout.width, h, theme.text, block.alt, Markup("").join(shapes))


def _unsaid(pack: b.Pack, text: str) -> str:
    """Return ``text`` for the footer, or "" when the last paragraph already says it."""
    last = next((blk for s in reversed(pack.sections) for blk in reversed(s.blocks)
                 if isinstance(blk, b.Paragraph)), None)
    return "" if last is not None and text and text in b.inline_text(last.runs) else text


def heading_shift(pack: b.Pack) -> int:
    """Return how far block heading levels move down to leave the page one ``h1``.

    A pack's cover title is the ``h1`` and its level-1 headings become ``h2``; a
    document without a cover whose only level-1 heading is its title keeps it as ``h1``.
    """
    headings = [blk for s in pack.sections for blk in s.blocks if isinstance(blk, b.Heading)]
    if any(h.anchor == "cover" for h in headings):
        return 1
    return 0 if sum(1 for h in headings if h.level == 1) == 1 else 1


class _Writer:
    def __init__(self, pack: b.Pack, theme: Theme) -> None:
        self.pack = pack
        self.theme = theme
        self.shift = heading_shift(pack)
        self.callouts = 0
        self.wide = False

    def section(self, section: b.Section) -> Markup:
        self.wide = section.orientation is b.Orientation.LANDSCAPE
        return Markup("").join(self.block(block) for block in section.blocks)

    def block(self, block: b.Block) -> Markup:
        match block:
            case b.Heading():
                return _heading(block, self.shift)
            case b.Paragraph():
                if block.style is b.ParaStyle.QUOTE:
                    return Markup("<blockquote><p>{}</p></blockquote>\n").format(
                        inline(block.runs))
                cls = {b.ParaStyle.LEAD: ' class="lead"', b.ParaStyle.SMALL: ' class="small"'}
                return Markup("<p{}>{}</p>\n").format(Markup(cls.get(block.style, "")),
                                                      inline(block.runs))
            case b.NumberedParagraph():
                return Markup('<p class="numbered"><span class="num">{} </span>{}</p>\n').format(
                    block.number, inline(block.runs))
            case b.BulletList():
                tag = "ol" if block.ordered else "ul"
                items = Markup("").join(Markup("<li>{}</li>\n").format(inline(i))
                                        for i in block.items)
                sub = Markup(' class="sub"') if block.level else Markup("")
                return Markup("<{0}{2}>\n{1}</{0}>\n").format(Markup(tag), items, sub)
            case b.Table():
                # three columns or more cannot share a phone's width: one card per row there
                return _table(block, stacked=self.wide or len(block.widths) >= 3)
            case b.GradeBadge():
                note = Markup('<span class="note">{}</span>').format(block.note) \
                    if block.note else Markup("")
                return Markup('<p class="badge"><span class="key">Judgment:</span> <span{}>'
                              '<span class="grade">{}</span></span>{}</p>\n').format(
                    Markup(_tone(block.tone)), block.label, note)
            case b.StatPanel():
                tiles = Markup("").join(
                    Markup('<p class="stat{}"><strong>{}</strong> {}</p>').format(
                        Markup(f" tone-{i.tone.value.replace(' ', '-')}"), i.value, i.label)
                    for i in block.items)
                return Markup('<div class="stats">{}</div>\n').format(tiles)
            case b.Figure():  # one layout for narrow screens, one for wide: labels >= 12 px
                return Markup("<figure>{}{}<figcaption>{}</figcaption></figure>\n").format(
                    _svg(block, self.theme, 300, 13, "narrow"),
                    _svg(block, self.theme, 600, 13, "wide"), block.caption)
            case b.Callout():  # a labelled group, not a landmark: the report's own content
                self.callouts += 1
                ident = f"callout-{self.callouts}"
                body = Markup("").join(self.block(child) for child in block.body)
                return Markup('<div class="callout{}" role="group" aria-labelledby="{}">'
                              '<p class="callout-title" id="{}">{}</p>{}</div>\n').format(
                    Markup(f" tone-{block.tone.value.replace(' ', '-')}"), ident, ident,
                    block.title, body)
            case b.PageBreak():
                return Markup("")
            case b.Contents():
                return self.contents(block)
            case _:
                raise UnsupportedBlockError(
                    f"the html renderer cannot write a {type(block).__name__} block")

    def contents(self, block: b.Contents) -> Markup:
        items = []
        for section in self.pack.sections:
            for blk in section.blocks:
                if isinstance(blk, b.Heading) and blk.in_contents and blk.level == 1:
                    subs = [s for s in section.blocks if isinstance(s, b.Heading)
                            and s.in_contents and s.level == 2]
                    sub = Markup("").join(Markup('<li><a href="#{}">{}</a></li>').format(
                        s.anchor, s.text) for s in subs)
                    nested = Markup("<ol>{}</ol>").format(sub) if subs else Markup("")
                    items.append(Markup('<li><a href="#{}">{}</a>{}</li>\n').format(
                        blk.anchor, blk.text, nested))
        return Markup('<h2 id="contents">{}</h2>\n<ol>\n{}</ol>\n').format(
            block.title, Markup("").join(items))


class HtmlRenderer:
    """Render a pack as one accessible, self-contained HTML page."""

    name = "html"
    suffix = ".html"
    media_type = "text/html"

    def render(self, pack: b.Pack, options: Options) -> bytes:
        """Return the UTF-8 HTML of ``pack``."""
        writer = _Writer(pack, options.theme)
        render: Callable[[b.Section], Markup] = writer.section
        env = _environment()
        css_template = env.get_template("pack.css")  # compiled once, like the page
        tones = [(t.value.replace(" ", "-"), fill, ink) for t, fill, ink in options.theme.tones]
        fill, ink = options.theme.tone(b.Tone.AMBER)
        css = Markup(css_template.render(theme=options.theme, tones=tones, placeholder_fill=fill,
                                         placeholder_ink=ink))
        page = env.get_template("pack.html.j2").render(
            meta=pack.metadata, sections=pack.sections, render=render, css=css,
            version=__version__, licence=_unsaid(pack, pack.metadata.rights))
        return printable(page).encode("utf-8")
