"""Fonts, paragraph styles and safe inline markup for the PDF renderer."""

from __future__ import annotations

import dataclasses
import functools
import threading
import weakref
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from peeldocs.blocks import Inline, Link, ParaStyle, Placeholder, Text, runs_language
from peeldocs.renderers.base import keep_dates
from peeldocs.resources import font_path
from peeldocs.textclean import printable
from peeldocs.theme import Theme

FAMILY = "PeeldocsSans"
FACES = {
    "regular": FAMILY,
    "bold": f"{FAMILY}-Bold",
    "italic": f"{FAMILY}-Italic",
    "bolditalic": f"{FAMILY}-BoldItalic",
}



SMALL = 0.9
"""Notes and captions as a share of the body size: 9.45 pt at the default 10.5 pt."""
_REGISTERING = threading.Lock()
_registered: list[bool] = []  # set once the whole family is registered


def register_fonts() -> None:
    """Register the bundled TrueType family with reportlab (idempotent, thread-safe).

    Threads rendering at once (a Dask worker with two threads) must never see
    the regular face registered before the family's bold and italic mapping.
    """
    if _registered:
        return
    with _REGISTERING:
        if _registered:
            return
        for face, name in FACES.items():
            pdfmetrics.registerFont(TTFont(name, str(font_path(face))))
        pdfmetrics.registerFontFamily(FAMILY, normal=FACES["regular"], bold=FACES["bold"],
                                      italic=FACES["italic"], boldItalic=FACES["bolditalic"])
        _registered.append(True)


def clean(text: str) -> str:
    """Escape text for reportlab's paragraph markup and make it drawable."""
    return escape(printable(text)).replace("\n", "<br/>")


LANG_OPEN, LANG_CLOSE = "peeldocsLangOpen", "peeldocsLangClose"
"""The canvas callbacks that mark a run's language inside a paragraph (see ``in_language``)."""


def in_language(text: str, lang: str) -> str:
    """Return escaped ``text`` with each word marked as in ``lang`` for a screen reader.

    Each word is wrapped in zero-width callbacks that write ``/Span <</Lang (..)>>
    BDC`` and ``EMC`` into the text object as it is drawn, so the mark never
    spans a line break or a page break; the spaces between stay in the
    paragraph's language, which a screen reader does not speak.
    """
    def mark(word: str) -> str:
        return (f'<onDraw name="{LANG_OPEN}" label="{lang}"/>{word}'
                f'<onDraw name="{LANG_CLOSE}" label=""/>')

    return " ".join(mark(word) if word else word for word in text.split(" "))


def markup(runs: tuple[Inline, ...], link_colour: str, mark_colour: str = "#FFDD00",
           whole_dates: bool = True) -> str:
    """Return reportlab paragraph markup for inline runs; all text is escaped.

    A placeholder is bold, in curly brackets and on a highlight of ``mark_colour``.
    A date's words are joined by no-break spaces (read 24-B: "due 1 / November 2019"),
    but for ``whole_dates`` off: a narrow table column may need to break one.
    """
    out = []
    mixed = runs_language(runs) == ""  # a run in another language than its paragraph's
    for run in runs:
        if isinstance(run, Placeholder):
            out.append(f'<b><span backColor="{mark_colour}">{clean(run.shown)}</span></b>')
        elif isinstance(run, Link):
            href = escape(run.url, {'"': "&quot;"})
            out.append(f'<a href="{href}" color="{link_colour}"><u>{clean(run.text)}</u></a>')
        elif isinstance(run, Text):
            text = clean(keep_dates(run.text) if whole_dates else run.text)
            if mixed and run.lang:
                text = in_language(text, run.lang)
            if run.bold:
                text = f"<b>{text}</b>"
            if run.italic:
                text = f"<i>{text}</i>"
            out.append(text)
    return "".join(out)


_VARIANTS: weakref.WeakKeyDictionary[Any, dict[tuple[str, str], Any]] = \
    weakref.WeakKeyDictionary()


LIMITED_SPACE = 0.6
"""On a page-limited page (the one-page brief), the space after a paragraph, as a share."""
LIST_SPACE = 0.4
"""... and between the items of a list, or a list and its sub-list, as in the DOCX."""


def closer(style: Any, share: float, limited: bool) -> Any:
    """Return ``style`` with ``share`` of its space after on a page-limited page, else itself."""
    return variant(style, "closer", spaceAfter=style.spaceAfter * share) if limited else style


def variant(style: Any, name: str, **changes: Any) -> Any:
    """Return ``style`` with ``changes``, made once per style and change.

    Cells share the variant, so each is set up (and its plain-text fragment
    made) once per render instead of once per cell.
    """
    made = _VARIANTS.setdefault(style, {})
    key = (name, repr(sorted(changes.items())))
    if key not in made:
        made[key] = style.clone(name, **changes)
    return made[key]


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one render, derived from the theme."""

    body: ParagraphStyle
    lead: ParagraphStyle
    quote: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    headings: tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]
    title: ParagraphStyle
    toc: tuple[ParagraphStyle, ParagraphStyle]
    caption: ParagraphStyle

    def heading(self, level: int, limited: bool) -> ParagraphStyle:
        """Return a heading's style; on a page-limited page a sub-heading is set closer.

        The one-page brief's sub-headings keep :data:`LIMITED_SPACE` of their space
        before and after, as its DOCX sets them; a top-level heading keeps its own.
        """
        style = self.headings[level - 1]
        if not limited or level < 2:
            return style
        return variant(style, "limited", spaceBefore=style.spaceBefore * LIMITED_SPACE,
                       spaceAfter=style.spaceAfter * LIMITED_SPACE)

    def for_role(self, role: ParaStyle) -> ParagraphStyle:
        """Return the style for a paragraph role."""
        return {ParaStyle.BODY: self.body, ParaStyle.LEAD: self.lead,
                ParaStyle.QUOTE: self.quote, ParaStyle.SMALL: self.small}[role]


def measured(styles: Styles, narrower: float) -> Styles:
    """Return ``styles`` with text (paragraphs, lists, headings) ``narrower`` pt from the right.

    Table cells and captions keep the full width: a landscape table needs it, a
    paragraph read across it does not.
    """
    def cut(style: ParagraphStyle) -> ParagraphStyle:
        return variant(style, "measured", rightIndent=style.rightIndent + narrower)

    heads = tuple(cut(h) for h in styles.headings)
    return dataclasses.replace(styles, body=cut(styles.body), lead=cut(styles.lead),
                               quote=cut(styles.quote), small=cut(styles.small),
                               headings=(heads[0], heads[1], heads[2]))


@functools.lru_cache(maxsize=32)
def make_styles(theme: Theme) -> Styles:
    """Build the paragraph styles for a theme (made once per theme; never changed after)."""
    size = theme.base_size
    text = colors.HexColor(theme.text)
    base = ParagraphStyle("body", fontName=FAMILY, bulletFontName=FAMILY, fontSize=size,
                          leading=size * theme.leading,
                          textColor=text, alignment=TA_LEFT, spaceAfter=size * 0.65,
                          allowWidows=0, allowOrphans=0, splitLongWords=1, embeddedHyphenation=1,
                          uriWasteReduce=0.3)
    heads = []
    for level, hsize in enumerate(theme.heading_sizes, start=1):
        heads.append(ParagraphStyle(
            f"h{level}", parent=base, fontName=FACES["bold"], fontSize=hsize,
            leading=hsize * 1.2, textColor=colors.HexColor(theme.heading),
            spaceBefore=hsize * (0.9 if level > 1 else 0), spaceAfter=hsize * 0.55,
            keepWithNext=1, embeddedHyphenation=0))  # "one-page brief", never "one-" / "page"
    return Styles(
        body=base,
        lead=ParagraphStyle("lead", parent=base, fontSize=size * 1.25, leading=size * 1.7,
                            textColor=colors.HexColor(theme.heading)),
        quote=ParagraphStyle("quote", parent=base, leftIndent=12),
        # notes on method and caveats: small, yet at least 9 pt at the default 10.5
        small=ParagraphStyle("small", parent=base, fontSize=size * SMALL, leading=size * 1.2,
                             textColor=colors.HexColor(theme.muted)),
        cell=ParagraphStyle("cell", parent=base, fontSize=size * 0.86, leading=size * 1.12,
                            spaceAfter=0),
        cell_head=ParagraphStyle("cellhead", parent=base, fontName=FACES["bold"],
                                 fontSize=size * 0.86, leading=size * 1.12, spaceAfter=0,
                                 textColor=colors.HexColor(theme.table_header_text)),
        headings=(heads[0], heads[1], heads[2]),
        title=ParagraphStyle("title", parent=heads[0], fontSize=theme.heading_sizes[0] * 1.35,
                             leading=theme.heading_sizes[0] * 1.6, spaceBefore=0,
                             spaceAfter=size)
        ,
        toc=(ParagraphStyle("toc1", parent=base, fontName=FACES["bold"], spaceBefore=8,
                            leftIndent=0, rightIndent=40, spaceAfter=3),
             ParagraphStyle("toc2", parent=base, leftIndent=16, rightIndent=40,
                            spaceAfter=2)),
        caption=ParagraphStyle("caption", parent=base, fontSize=size * SMALL,
                               textColor=colors.HexColor(theme.muted), spaceBefore=2),
    )
