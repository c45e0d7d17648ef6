"""The HTML renderer: one self-contained, accessible page (GOV.UK prefers HTML to PDF).

Everything is in the file: styles inline, charts as inline SVG with a text
alternative, no scripts, no external requests.  Blocks become HTML through
functions that escape every piece of report text (``markupsafe.escape``), and
the page itself comes from an autoescaping, sandboxed Jinja2 template.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import jinja2
import jinja2.sandbox
from markupsafe import Markup, escape

from peeldocs import blocks as b
from peeldocs.errors import UnsupportedBlockError
from peeldocs.renderers.base import RenderSettings
from peeldocs.renderers.html.keeps import keeps, keeps_whole, phrases
from peeldocs.renderers.html.markup import (
    browser_measure,
    contents_html,
    inline,
    lang_attr,
    marked_places,
    nest_lists,
    print_choice,
    svg_chart,
)
from peeldocs.resources import __version__, templates_root
from peeldocs.textclean import printable
from peeldocs.theme import Theme


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.sandbox.ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(templates_root() / "html")),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["places"] = marked_places  # every place to complete marked, wherever it is
    env.filters["phrases"] = phrases
    return env


def _tone(tone: b.Tone | None) -> str:
    return "" if tone is None else f' class="tone-{tone.value.replace(" ", "-")}"'


def _heading(block: b.Heading, shift: int = 1) -> str:
    level = 1 if block.anchor == "cover" else min(block.level + shift, 6)
    text = block.text
    if level == 1:  # a title never breaks before a number ("PEEL 2018/19", "PEEL 2023–25")
        text = re.sub(r" (?=\d)", "\u00a0", text)
    # a heading never breaks inside a hyphenated word ("one-page", "re-offending"), nor inside
    # a range of years or figures ("2023–25": read 34, printed as "PEEL 2023–" / "25")
    words = _HYPHENATED.sub(lambda m: f'<span class="nowrap">{m.group()}</span>', escape(text))
    return f'<h{level} id="{escape(block.anchor)}"{lang_attr(block.lang)}>{words}</h{level}>\n'


_HYPHENATED = re.compile(r"\b\w+(?:-\w+)+\b|\b\d+(?:–\d+)+\b")  # or a span of years: 2023–25


_NUM, _HIGHLIGHT = ' class="num"', ' class="highlight"'
# the attributes of a table that may be shown stacked: table, row, cell, column header,
# row header and row group
_STACKED = (' class="stack" role="table"', ' role="row"', ' role="cell"', ' role="columnheader"',
            ' role="rowheader"', ' role="rowgroup"')


_WORDS = re.compile(r"\w+")
MANY_COLUMNS = 5
"""A table of this many columns or more is one card per row below a desktop's width (pack.css)."""


def repeats(caption: str, heading: b.Heading | None) -> bool:
    """Tell whether a caption says no more than the heading above it (every word in it)."""
    if heading is None or not caption:
        return False
    said = {w.lower() for w in _WORDS.findall(heading.text)}
    return all(w.lower() in said for w in _WORDS.findall(caption))


def _table(block: b.Table, stacked: bool = False, heading: b.Heading | None = None,
           wide: bool = False) -> str:
    """Return the table; one that may be shown stacked (a card per row) states its roles.

    A caption that would only repeat the ``heading`` above the table is left out: the
    heading names the table (``aria-labelledby``) instead.  A table short in print (on
    a landscape page if ``wide``) has class ``keep``: printed, it is never split.
    """
    total = sum(block.widths) or 1
    cols = "".join(f'<col style="width: {100 * w / total:.1f}%">' for w in block.widths)
    table, row, cell, head, rowhead, group = _STACKED if stacked else ("",) * 6
    if block.side_by_side > 1 and not stacked:  # a long, narrow table: one line a row
        table = ' class="compact"'
    elif block.body_size and not stacked:  # the text itself, at the body's size
        table = ' class="body-size"'
    kinds = (["keep"] if keeps_whole(block, wide) else []) + (
        ["many"] if stacked and len(block.widths) >= MANY_COLUMNS else [])
    if kinds:  # classes more, before the roles
        more = " ".join(kinds)
        table = (table.replace(' class="', f' class="{more} ', 1) if ' class="' in table
                 else f' class="{more}"')
    if heading is not None and repeats(block.caption, heading):
        named = f' aria-labelledby="{escape(heading.anchor)}"'
        parts = [f"<table{table}{named}>\n<colgroup>{cols}</colgroup>\n"]
    else:
        # a label-and-value table (no header row) is named for a screen reader only: PDF and
        # DOCX show no caption over it, so no format shows words the others lack (read 31-S)
        hidden = "" if block.header else ' class="visually-hidden"'
        parts = [f"<table{table}>\n<caption{hidden}{lang_attr(block.lang)}>{escape(block.caption)}"
                 f"</caption>\n<colgroup>{cols}</colgroup>\n"]
    numeric = block.numeric_columns
    labels = [f' data-label="{escape(b.inline_text(c.runs))}"'
              for c in block.header[-1]] if block.header else []
    if block.header:
        parts.append(f"<thead{group}>\n")
        for heads in block.header:
            parts.append(f"<tr{row}>")
            parts.extend(f'<th scope="col"{head}{_NUM if i in numeric else ""}>'
                         f"{inline(c.runs)}</th>" for i, c in enumerate(heads))
            parts.append("</tr>\n")
        parts.append("</thead>\n")
    parts.append(f"<tbody{group}>\n")
    first_heads = not block.header or block.row_headers
    for r, cells in enumerate(block.rows):
        parts.append(f"<tr{_HIGHLIGHT if r in block.highlight_rows else ''}{row}>")
        for i, c in enumerate(cells):
            if i == 0 and first_heads:
                parts.append(f'<th scope="row"{_tone(c.tone)}{rowhead}>{inline(c.runs)}</th>')
                continue
            attrs = _tone(c.tone) or (_NUM if i in numeric else "")
            label = labels[i] if i < len(labels) else ""
            parts.append(f"<td{attrs}{label}{cell}>{inline(c.runs)}</td>")
        parts.append("</tr>\n")
    parts.append("</tbody>\n</table>\n")
    return "".join(parts)


def _unsaid(pack: b.Pack, text: str) -> str:
    """Return ``text`` for the footer, or "" when the last paragraph already says it.

    What follows a page break at the very end (notes to remove before publishing)
    is not the document's last word: the paragraph before that break is.
    """
    blocks = [blk for s in pack.sections for blk in s.blocks]
    tail = pack.sections[-1].blocks if pack.sections else ()
    if any(isinstance(blk, b.PageBreak) for blk in tail):
        blocks = blocks[:max(i for i, blk in enumerate(blocks) if isinstance(blk, b.PageBreak))]
    last = next((blk for blk in reversed(blocks) if isinstance(blk, b.Paragraph)), None)
    return "" if last is not None and text and text in b.inline_text(last.runs) else text


def heading_shift(pack: b.Pack) -> int:
    """Return how far block heading levels move down to leave the page one ``h1``.

    A pack's cover title is the ``h1`` and its level-1 headings become ``h2``; a
    document without a cover whose only level-1 heading is its title keeps it as ``h1``
    (in a document in two languages, each language's part has its own title).
    """
    headings = [blk for s in pack.sections for blk in s.blocks if isinstance(blk, b.Heading)]
    if any(h.anchor == "cover" for h in headings):
        return 1
    titles: dict[str, int] = {}
    for section in pack.sections:
        for blk in section.blocks:
            if isinstance(blk, b.Heading) and blk.level == 1:
                titles[section.language] = titles.get(section.language, 0) + 1
    return 0 if titles and all(n == 1 for n in titles.values()) else 1


_PARA_CLASS = {b.ParaStyle.LEAD: ' class="lead"', b.ParaStyle.SMALL: ' class="small"'}


class _Writer:
    def __init__(self, pack: b.Pack, theme: Theme) -> None:
        self.pack = pack
        self.theme = theme
        self.shift = heading_shift(pack)
        self.callouts = 0
        self.wide = False
        self.heading: b.Heading | None = None  # the last heading written, that a table sits under
        self.measure = browser_measure()  # one for the page's charts: their words recur
        self.parts = 0  # the parts numbered on their own so far (pack.css: @page part-N)

    def section(self, section: b.Section) -> Markup:
        """Return a section's HTML; a part numbered on its own is wrapped, to print apart."""
        self.wide = section.orientation is b.Orientation.LANDSCAPE
        cuts = {i: k.numbered_apart for i, k in enumerate(section.blocks)
                if isinstance(k, b.PageBreak) and k.numbered_apart}
        html, start = [], 0
        for end in [*cuts, len(section.blocks)]:
            blocks = section.blocks[start:end]
            text = nest_lists(blocks, keeps(blocks, [self.block(k) for k in blocks]))
            self.parts += bool(start and start - 1 in cuts)
            if text and start and start - 1 in cuts:  # printed on pages of its own (pack.css)
                choice = print_choice(self.parts, cuts[start - 1],
                                      self.pack.metadata.language.lower().startswith("cy"))
                text = f'<div class="part part-{self.parts}">\n{choice}{text}</div>\n'
            html.append(text)
            start = end + 1  # the part's own page starts its page: no break of its own
        return Markup("".join(html))

    def block(self, block: b.Block) -> str:
        match block:
            case b.Heading():
                self.heading = block
                return _heading(block, self.shift)
            case b.Paragraph():
                if block.style is b.ParaStyle.QUOTE:
                    return f"<blockquote><p>{inline(block.runs)}</p></blockquote>\n"
                return f"<p{_PARA_CLASS.get(block.style, '')}>{inline(block.runs)}</p>\n"
            case b.NumberedParagraph():
                return (f'<p class="numbered"><span class="num">{escape(block.number)}</span> '
                        f"{inline(block.runs)}</p>\n")  # a real space: "1.1 This", not "1.1This"
            case b.BulletList() if block.labels:  # each item's label as text: "(a) note …"
                items = "".join(f'<li><span class="label">{escape(label)}</span> {inline(i)}</li>\n'
                                for label, i in zip(block.labels, block.items, strict=True))
                return f'<ol class="labelled">\n{items}</ol>\n'
            case b.BulletList():
                tag = "ol" if block.ordered else "ul"
                items = "".join([f"<li>{inline(i)}</li>\n" for i in block.items])
                sub = ' class="sub"' if block.level else ""
                return f"<{tag}{sub}>\n{items}</{tag}>\n"
            case b.Table():
                # three columns or more cannot share a phone's width: one card per row there
                return _table(block, stacked=self.wide or len(block.widths) >= 3,
                              heading=self.heading, wide=self.wide)
            case b.GradeBadge():
                # a space between grade and note, so the page reads "Good Carried over ..."
                note = f' <span class="note">{escape(block.note)}</span>' if block.note else ""
                return (f'<p class="badge"{lang_attr(block.lang)}><span class="key">'
                        f"{escape(block.key)}:</span> "
                        f'<span{_tone(block.tone)}><span class="grade">{escape(block.label)}'
                        f"</span></span>{note}</p>\n")
            case b.StatPanel():
                tiles = "".join([f'<p class="stat tone-{i.tone.value.replace(" ", "-")}">'
                                 f"<strong>{escape(i.value)}</strong> {escape(i.label)}</p>"
                                 for i in block.items])
                return f'<div class="stats">{tiles}</div>\n'
            case b.Figure():  # one layout for narrow screens, one for wide: labels >= 12 px
                narrow = svg_chart(block, self.theme, 300, 13, "narrow", self.measure)
                wide = svg_chart(block, self.theme, 600, 13, "wide", self.measure)
                return (f"<figure>{narrow}{wide}<figcaption>{escape(block.caption)}"
                        f"</figcaption></figure>\n")
            case b.Callout():  # a labelled group, not a landmark: the report's own content
                self.callouts += 1
                ident = f"callout-{self.callouts}"
                body = "".join([self.block(child) for child in block.body])
                # a heading where it is one, at the level its section's headings are shifted to
                tag = f"h{min(block.level + self.shift, 6)}" if block.level else "p"
                return (f'<div class="callout tone-{block.tone.value.replace(" ", "-")}" '
                        f'role="group" aria-labelledby="{ident}"><{tag} class="callout-title" '
                        f'id="{ident}"{lang_attr(block.lang)}>{escape(block.title)}</{tag}>'
                        f'{body}</div>\n')
            case b.PageBreak():  # printed, what follows starts a page (pack.css)
                return '<div class="page-break"></div>\n'
            case b.Contents():
                return self.contents(block)
            case _:
                raise UnsupportedBlockError(
                    f"the html renderer cannot write a {type(block).__name__} block")

    def contents(self, block: b.Contents) -> str:
        """Return the contents list: each level-1 heading with the level-2 headings under it."""
        return contents_html(block.title, self.pack.sections)


class HtmlRenderer:
    """Render a pack as one accessible, self-contained HTML page."""

    name = "html"
    suffix = ".html"
    media_type = "text/html"

    def render(self, pack: b.Pack, options: RenderSettings) -> bytes:
        """Return the UTF-8 HTML of ``pack``."""
        writer = _Writer(pack, options.theme)
        render: Callable[[b.Section], Markup] = writer.section
        env = _environment()
        css_template = env.get_template("pack.css")  # compiled once, like the page
        tones = [(t.value.replace(" ", "-"), fill, ink) for t, fill, ink in options.theme.tones]
        fill, ink = options.theme.tone(b.Tone.AMBER)
        parts = [k.numbered_apart for k in pack.blocks()
                 if isinstance(k, b.PageBreak) and k.numbered_apart]
        cover = bool(pack.sections) and any(  # a title page, as the PDF's: no number, no title
            isinstance(k, b.Heading) and k.anchor == "cover" for k in pack.sections[0].blocks)
        welsh = pack.metadata.language.lower().startswith("cy")
        css = Markup(css_template.render(theme=options.theme, tones=tones, placeholder_fill=fill,
                                         placeholder_ink=ink, meta=pack.metadata, parts=parts,
                                         cover=cover, page_of=("Tudalen", "o") if welsh
                                         else ("Page", "of")))
        page = env.get_template("pack.html.j2").render(
            meta=pack.metadata, sections=pack.sections, render=render, css=css, cover=cover,
            version=__version__, licence=_unsaid(pack, pack.metadata.rights))
        return printable(page).encode("utf-8")
