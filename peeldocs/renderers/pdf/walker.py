"""Blocks to tagged flowables: what each block looks like on a PDF page, for one render."""

from __future__ import annotations

import re

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
)

from peeldocs import blocks as b
from peeldocs.errors import UnsupportedBlockError
from peeldocs.renderers.pdf.canvas import PartMark
from peeldocs.renderers.pdf.columns import SideBySide
from peeldocs.renderers.pdf.flowables import (
    CalloutBox,
    ChartFlowable,
    ContentsEntry,
    HeadingParagraph,
    QuoteBar,
)
from peeldocs.renderers.pdf.lists import ListNesting, list_flowables
from peeldocs.renderers.pdf.styles import (
    FACES,
    LIMITED_SPACE,
    Styles,
    clean,
    closer,
    markup,
    variant,
)
from peeldocs.renderers.pdf.tables import grade_badge, stat_panel, table_flowable
from peeldocs.renderers.pdf.tagging import StructElem, Tagged, Tagger
from peeldocs.renderers.pdf.text import Paragraph
from peeldocs.textclean import printable
from peeldocs.theme import Theme

CALLOUT_PAD = 10.0
NUMBER_INDENT = 34.0
COLUMN_GAP = 18.0  # between the columns of a table laid out side by side


class Walker:
    """Turns blocks into tagged flowables for one render.

    The renderer sets, per section, the width, styles and parent structure element
    before handing it the section's blocks.
    """

    def __init__(self, theme: Theme, styles: Styles, pack: b.Pack, tagger: Tagger) -> None:
        self.pack = pack
        self.theme = theme
        self.styles = styles
        self.tagger = tagger
        self.parent: StructElem = tagger.root
        self.width = 0.0
        self.limited = False
        self.following: b.Block | None = None  # the block after the one being laid out
        self.nesting = ListNesting()  # a sub-list's tags go inside its parent item
        self.mark = theme.tone(b.Tone.AMBER)[0]
        self.breaks: frozenset[str] = frozenset()  # headings that start a new page

    def tagged(self, flowable: Flowable, tag: str, alt: str | None = None,
               lang: str = "") -> Tagged:
        """Return ``flowable`` tagged as ``tag`` under the current parent element."""
        attributes = {"Lang": lang} if lang else {}
        return Tagged(flowable, self.parent.add(tag, alt, **attributes), self.tagger)

    def block(self, block: b.Block) -> list[Flowable]:
        """Return the flowables that draw ``block``."""
        s, theme = self.styles, self.theme
        match block:
            case b.Heading():
                style = s.title if block.anchor == "cover" else s.heading(block.level, self.limited)
                text = clean(block.text)
                if block.anchor == "cover":  # never break a title before a number ("PEEL 2018/19")
                    text = re.sub(r" (?=\d)", "\u00a0", text)
                head = HeadingParagraph(text, style, level=block.level,
                                        plain=block.text, anchor=block.anchor)
                room = {1: 160.0, 2: 120.0, 3: 90.0}[block.level]
                if self.limited:  # a page-limited section uses all of its room
                    return [self.tagged(head, f"H{block.level}", lang=block.lang)]
                if block.anchor in self.breaks:  # so that its section ends on a fuller page
                    return [PageBreak(), self.tagged(head, f"H{block.level}", lang=block.lang)]
                return [CondPageBreak(room), self.tagged(head, f"H{block.level}", lang=block.lang)]
            case b.Paragraph():
                style = closer(s.for_role(block.style), LIMITED_SPACE, self.limited)
                para = Paragraph(markup(block.runs, theme.accent, self.mark), style)
                lang = b.runs_language(block.runs)
                if block.style is b.ParaStyle.QUOTE:
                    return [QuoteBar(self.tagged(para, "BlockQuote", lang=lang), theme.quote_bar,
                                     self.tagger, keep=not self.limited)]
                return [self.tagged(para, "P", lang=lang)]
            case b.NumberedParagraph():
                style = variant(s.body, "numbered", leftIndent=NUMBER_INDENT, bulletIndent=0,
                                bulletFontName=FACES["regular"])
                para = Paragraph(markup(block.runs, theme.accent, self.mark), style,
                                 bulletText=printable(block.number) + " ")  # "1.1 This"
                return [self.tagged(para, "P", lang=b.runs_language(block.runs))]
            case b.BulletList():
                return list_flowables(block, s, theme, self.tagger, self.parent, self.mark,
                                      limited=self.limited, following=self.following,
                                      nesting=self.nesting)
            case b.Table() if block.side_by_side > 1 and len(block.rows) > 2 * block.side_by_side:
                n = block.side_by_side  # columns of rows, read down the first, then the next
                width = (self.width - COLUMN_GAP * (n - 1)) / n
                table = table_flowable(block, width, s, theme, self.tagger, self.parent,
                                       compact=True)
                return [SideBySide(table, n, COLUMN_GAP), Spacer(1, 10)]
            case b.Table():
                table = table_flowable(block, self.width, s, theme, self.tagger, self.parent)
                table.keep_with_heading = block.keep_with_heading  # read by keep_headings_with_next
                return [table, Spacer(1, 10)]
            case b.GradeBadge():
                return [grade_badge(block, self.width, s, theme, self.tagger, self.parent),
                        Spacer(1, 10)]
            case b.StatPanel():
                return [stat_panel(block, self.width, s, theme, self.tagger, self.parent),
                        Spacer(1, 12)]
            case b.Figure():
                figure = self.parent.add("Figure", block.alt)
                chart = Tagged(ChartFlowable(block.chart, self.width, theme, figure), figure,
                               self.tagger)
                caption = self.tagged(Paragraph(clean(block.caption), s.caption), "Caption")
                return [KeepTogether([chart, caption]), Spacer(1, 8)]
            case b.Callout():
                fill, _ink = theme.tone(block.tone)
                outer, self.parent = self.parent, self.parent.add("Div")
                self.width -= 2 * CALLOUT_PAD
                try:
                    title = self.tagged(Paragraph(f"<b>{clean(block.title)}</b>", s.body),
                                        f"H{block.level}" if block.level else "P",
                                        lang=block.lang)  # a heading where it is one
                    inner: list[Flowable] = [title]
                    for child in block.body:
                        inner += self.block(child)
                finally:
                    self.width += 2 * CALLOUT_PAD
                    self.parent = outer
                breaker: list[Flowable] = [] if self.limited else [CondPageBreak(90)]
                return [*breaker, CalloutBox(inner, fill, CALLOUT_PAD, self.tagger),
                        Spacer(1, 14)]
            case b.PageBreak():  # a part numbered on its own is marked where it starts
                return [PageBreak(), *([PartMark(block.numbered_apart)] if block.numbered_apart else [])]
            case b.Contents():
                head = HeadingParagraph(clean(block.title), s.headings[0], level=1,
                                        plain=block.title, anchor="contents")
                flows: list[Flowable] = [self.tagged(head, "H1")]
                toc = self.parent.add("TOC")
                for sec in self.pack.sections:
                    for blk in sec.blocks:
                        if isinstance(blk, b.Heading) and blk.in_contents and blk.level <= 2:
                            entry = toc.add("TOCI")
                            para = ContentsEntry(clean(blk.text), s.toc[blk.level - 1],
                                                 blk.anchor, entry, blk.text)
                            flows.append(Tagged(para, entry, self.tagger))
                return flows
            case _:
                raise UnsupportedBlockError(
                    f"the pdf renderer cannot draw a {type(block).__name__} block")
