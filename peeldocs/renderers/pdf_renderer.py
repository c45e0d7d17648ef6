"""The PDF renderer (reportlab): A4, outline, contents, running header and footer."""

from __future__ import annotations

import functools
import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    Indenter,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import BaseDocTemplate, LayoutError
from reportlab.platypus.flowables import FrameBG

from peeldocs import blocks as b
from peeldocs.errors import RenderError, UnsupportedBlockError
from peeldocs.options import Options
from peeldocs.renderers.pdf_flowables import (
    ChartFlowable,
    ContentsEntry,
    Decor,
    DecoratedCanvas,
    HeadingParagraph,
    QuoteBar,
)
from peeldocs.renderers.pdf_styles import FACES, Styles, clean, make_styles, markup, register_fonts
from peeldocs.renderers.pdf_tables import grade_badge, stat_panel, table_flowable
from peeldocs.theme import Theme

MARGIN = 56.0  # about 20 mm
TOP = 62.0
BOTTOM = 56.0
CALLOUT_PAD = 10.0


class PackDocument(BaseDocTemplate):  # type: ignore[misc]
    """A doc template that feeds headings to the outline and the contents."""

    def afterFlowable(self, flowable: Flowable) -> None:
        """Record headings: bookmark, outline entry and contents entry."""
        if isinstance(flowable, HeadingParagraph):
            key = flowable.anchor
            top = self.frame._y + flowable.height + flowable.getSpaceAfter()
            self.canv.bookmarkPage(key, fit="XYZ", left=0, top=top)
            self.canv.addOutlineEntry(flowable.plain_text, key, flowable.level - 1, closed=False)
            self.canv.heading_pages[key] = self.page


class _Walker:
    """Turns blocks into flowables for one render."""

    def __init__(self, theme: Theme, styles: Styles, frame_width: float,
                 land_width: float, pack: b.Pack) -> None:
        self.pack = pack
        self.theme = theme
        self.styles = styles
        self.width = frame_width
        self.portrait_width = frame_width
        self.land_width = land_width

    def runs(self, runs: tuple[b.Inline, ...]) -> str:
        return markup(runs, self.theme.accent)

    def block(self, block: b.Block) -> list[Flowable]:
        s, theme = self.styles, self.theme
        match block:
            case b.Heading():
                style = s.title if block.anchor == "cover" else s.headings[block.level - 1]
                head = HeadingParagraph(clean(block.text), style, level=block.level,
                                        plain=block.text, anchor=block.anchor,
                                        in_contents=block.in_contents)
                room = {1: 160.0, 2: 120.0, 3: 90.0}[block.level]
                return [CondPageBreak(room), head]
            case b.Paragraph():
                para = Paragraph(self.runs(block.runs), s.for_role(block.style))
                return [QuoteBar(para, theme.quote_bar)] if block.style is b.ParaStyle.QUOTE else [para]
            case b.BulletList():
                style = s.for_role(block.style)
                items = [ListItem(Paragraph(self.runs(item), style), leftIndent=14,
                                  bulletColor=colors.HexColor(theme.muted))
                         for item in block.items]
                return [ListFlowable(items, bulletType="1" if block.ordered else "bullet",
                                     start=None if block.ordered else "•", leftIndent=14,
                                     bulletFontName=style.fontName, bulletFontSize=style.fontSize,
                                     spaceAfter=style.spaceAfter)]
            case b.Table():
                return [table_flowable(block, self.width, s, theme), Spacer(1, 10)]
            case b.GradeBadge():
                return [grade_badge(block, self.width, s, theme), Spacer(1, 10)]
            case b.StatPanel():
                return [stat_panel(block, self.width, s, theme), Spacer(1, 12)]
            case b.Figure():
                drawing = ChartFlowable(block.chart, self.width, theme)
                caption = Paragraph(clean(block.caption), s.caption)
                return [KeepTogether([drawing, caption]), Spacer(1, 8)]
            case b.Callout():
                fill, _ink = theme.tone(block.tone)
                inner: list[Flowable] = [Paragraph(f"<b>{clean(block.title)}</b>", s.body)]
                self.width -= 2 * CALLOUT_PAD
                try:
                    for child in block.body:
                        inner += self.block(child)
                finally:
                    self.width += 2 * CALLOUT_PAD
                return [CondPageBreak(90), FrameBG(color=colors.HexColor(fill), start=True),
                        Spacer(1, CALLOUT_PAD), Indenter(CALLOUT_PAD, CALLOUT_PAD), *inner,
                        Indenter(-CALLOUT_PAD, -CALLOUT_PAD), FrameBG(start=False),
                        Spacer(1, 14)]
            case b.PageBreak():
                return [PageBreak()]
            case b.Contents():
                head = HeadingParagraph(clean(block.title), s.headings[0], level=1,
                                        plain=block.title, anchor="contents", in_contents=False)
                entries: list[Flowable] = [head]
                for sec in self.pack.sections:
                    for blk in sec.blocks:
                        if isinstance(blk, b.Heading) and blk.in_contents and blk.level <= 2:
                            style = s.toc[blk.level - 1]
                            entries.append(ContentsEntry(clean(blk.text), style, blk.anchor))
                return entries
            case _:
                raise UnsupportedBlockError(
                    f"the pdf renderer cannot draw a {type(block).__name__} block")


class PdfRenderer:
    """Render a pack as an A4 PDF with outline, contents and embedded fonts."""

    name = "pdf"
    suffix = ".pdf"
    media_type = "application/pdf"

    def render(self, pack: b.Pack, options: Options) -> bytes:
        """Return the PDF bytes of ``pack``."""
        try:
            return self._render(pack, options, split_rows=False)
        except LayoutError:
            try:  # a single table row taller than a page: allow rows to split
                return self._render(pack, options, split_rows=True)
            except LayoutError as exc:
                raise RenderError(f"cannot lay out the PDF: {exc}") from exc

    def _render(self, pack: b.Pack, options: Options, *, split_rows: bool) -> bytes:
        register_fonts()
        theme = options.theme
        styles = make_styles(theme)
        meta = pack.metadata
        buf = io.BytesIO()
        doc = PackDocument(
            buf, pagesize=A4, title=meta.title, author=meta.author, subject=meta.subject,
            keywords=", ".join(meta.keywords), creator="peeldocs", lang=meta.language,
            displayDocTitle=True, invariant=1, initialFontName=FACES["regular"],
            initialFontSize=theme.base_size, leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=TOP, bottomMargin=BOTTOM,
        )
        pw, ph = A4
        lw, lh = landscape(A4)
        doc.addPageTemplates([
            PageTemplate("portrait", [Frame(MARGIN, BOTTOM, pw - 2 * MARGIN, ph - TOP - BOTTOM,
                                            id="p", leftPadding=0, rightPadding=0)],
                         pagesize=A4),
            PageTemplate("landscape", [Frame(MARGIN, BOTTOM, lw - 2 * MARGIN, lh - TOP - BOTTOM,
                                             id="l", leftPadding=0, rightPadding=0)],
                         pagesize=(lw, lh)),
        ])
        walker = _Walker(theme, styles, pw - 2 * MARGIN, lw - 2 * MARGIN, pack)
        story: list[Flowable] = []
        for i, section in enumerate(pack.sections):
            wide = section.orientation is b.Orientation.LANDSCAPE
            walker.width = walker.land_width if wide else walker.portrait_width
            if i:
                story += [NextPageTemplate("landscape" if wide else "portrait"), PageBreak()]
            elif wide:
                story.insert(0, NextPageTemplate("landscape"))
            for block in section.blocks:
                story += walker.block(block)
        for flow in story:
            if isinstance(flow, Table):
                flow.splitInRow = int(split_rows)
        decor = Decor(meta.running_title, meta.marking, theme, meta.created)
        maker: Any = functools.partial(DecoratedCanvas, decor=decor)
        doc.build(story, canvasmaker=maker)
        return buf.getvalue()
