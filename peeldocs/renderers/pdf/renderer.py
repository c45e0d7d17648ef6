"""The PDF renderer (reportlab): A4, tagged (PDF/UA-1), outline, contents, header and footer."""

from __future__ import annotations

import dataclasses
import functools
import io
import re
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import LayoutError

from peeldocs import blocks as b
from peeldocs.errors import RenderError, UnsupportedBlockError
from peeldocs.renderers.base import RenderSettings
from peeldocs.renderers.pdf.balance import SectionEnd, keep_headings_with_next, tail_breaks
from peeldocs.renderers.pdf.breaks import fit_short_sections
from peeldocs.renderers.pdf.canvas import Decor, DecoratedCanvas, PartMark, SectionMark, check_page_limits
from peeldocs.renderers.pdf.columns import SideBySide
from peeldocs.renderers.pdf.document import PackDocument
from peeldocs.renderers.pdf.flowables import (
    CalloutBox,
    ChartFlowable,
    ContentsEntry,
    HeadingParagraph,
    QuoteBar,
)
from peeldocs.renderers.pdf.header import header_size, page_templates
from peeldocs.renderers.pdf.lists import ListNesting, list_flowables
from peeldocs.renderers.pdf.styles import (
    FACES,
    LIMITED_SPACE,
    Styles,
    clean,
    closer,
    make_styles,
    markup,
    measured,
    register_fonts,
    variant,
)
from peeldocs.renderers.pdf.tables import grade_badge, stat_panel, table_flowable
from peeldocs.renderers.pdf.tagging import StructElem, Tagged, Tagger
from peeldocs.renderers.pdf.text import Paragraph
from peeldocs.textclean import printable
from peeldocs.theme import Theme

MARGIN = 56.0  # about 20 mm
TOP = 62.0
BOTTOM = 56.0
CALLOUT_PAD = 10.0
NUMBER_INDENT = 34.0
COLUMN_GAP = 18.0  # between the columns of a table laid out side by side
BALANCED_PAGES = 60  # a longer PDF is laid out once: five layouts of 300 pages cost minutes


class _Walker:
    """Turns blocks into tagged flowables for one render."""

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
        attributes = {"Lang": lang} if lang else {}
        return Tagged(flowable, self.parent.add(tag, alt, **attributes), self.tagger)

    def block(self, block: b.Block) -> list[Flowable]:
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
                    title = self.tagged(Paragraph(f"<b>{clean(block.title)}</b>", s.body), "P",
                                        lang=block.lang)
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


class PdfRenderer:
    """Render a pack as a tagged A4 PDF with outline, contents and embedded fonts."""

    name = "pdf"
    suffix = ".pdf"
    media_type = "application/pdf"

    def render(self, pack: b.Pack, options: RenderSettings) -> bytes:
        """Return the PDF bytes of ``pack``.

        A section ending on a near-empty page is laid out again with a page break before a
        heading on the page before (at most twice more).  A second break that would add a
        page replaces the one before it instead (one before "Implications", then one above
        it, left that heading alone on a page); if that adds a page too, the layout stays.
        """
        breaks: frozenset[str] = frozenset()
        added = breaks
        data, wanted, pages = self._layout(pack, options, breaks)
        for _attempt in range(2 if pages <= BALANCED_PAGES else 0):
            if wanted <= breaks:
                break
            trial = breaks | wanted
            laid = self._layout(pack, options, trial)
            if laid[2] > pages and added:
                trial = (breaks - added) | wanted
                laid = self._layout(pack, options, trial)
                if laid[2] > pages:
                    break
            added, breaks = wanted - breaks, trial
            data, wanted, pages = laid
        return data

    def _layout(self, pack: b.Pack, options: RenderSettings,
                breaks: frozenset[str]) -> tuple[bytes, frozenset[str], int]:
        try:
            return self._render(pack, options, split_rows=False, breaks=breaks)
        except LayoutError:
            try:  # a single table row taller than a page: allow rows to split
                return self._render(pack, options, split_rows=True, breaks=breaks)
            except LayoutError as exc:
                raise RenderError(f"cannot lay out the PDF: {exc}") from exc

    def _render(self, pack: b.Pack, options: RenderSettings, *, split_rows: bool,
                breaks: frozenset[str]) -> tuple[bytes, frozenset[str], int]:
        register_fonts()
        theme = options.theme
        styles = make_styles(theme)
        meta = dataclasses.replace(
            pack.metadata, title=printable(pack.metadata.title),
            subject=printable(pack.metadata.subject), author=printable(pack.metadata.author),
            keywords=tuple(printable(k) for k in pack.metadata.keywords),
            running_title=printable(pack.metadata.running_title))
        buf = io.BytesIO()
        doc = PackDocument(
            buf, pagesize=A4, title=meta.title, author=meta.author, subject=meta.subject,
            keywords=", ".join(meta.keywords), creator="peeldocs", lang=meta.language,
            displayDocTitle=True, invariant=1, initialFontName=FACES["regular"],
            initialFontSize=theme.base_size, leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=TOP, bottomMargin=BOTTOM,
        )
        cover = bool(pack.sections) and any(
            isinstance(k, b.Heading) and k.anchor == "cover" for k in pack.sections[0].blocks)
        (pw, _ph), (lw, _lh) = A4, landscape(A4)
        doc.addPageTemplates(page_templates(  # a running header of two lines: the body lower
            (MARGIN, TOP, BOTTOM), meta.running_title, header_size(theme.base_size, cover)))
        tagger = Tagger(meta.language)
        walker = _Walker(theme, styles, pack, tagger)
        walker.breaks = breaks
        story: list[Flowable] = []
        for i, section in enumerate(pack.sections):
            wide = section.orientation is b.Orientation.LANDSCAPE
            walker.width = (lw if wide else pw) - 2 * MARGIN
            walker.styles = measured(styles, lw - pw) if wide and section.narrow_text else styles
            walker.nesting = ListNesting()
            walker.parent = tagger.root.add("Sect", **(
                {"Lang": section.language} if section.language else {}))
            if i:
                story += [NextPageTemplate("landscape" if wide else "portrait"), PageBreak()]
            elif wide:
                story.insert(0, NextPageTemplate("landscape"))
            story.append(SectionMark(i))
            walker.limited = section.page_limit is not None
            for at, block in enumerate(section.blocks):
                walker.following = next(iter(section.blocks[at + 1:at + 2]), None)
                if not isinstance(block, b.BulletList):
                    walker.nesting.place(block, walker.parent)  # lists run on no further
                flows = walker.block(block)
                if isinstance(block, b.Figure) and len(story) > 1 and isinstance(story[-2], Table):
                    # a chart stays on the page of the table it illustrates
                    spacer = story.pop()
                    table = story.pop()
                    figure = [f for flow in flows for f in (
                        flow._content if isinstance(flow, KeepTogether) else [flow])]
                    flows = [KeepTogether([table, spacer, *figure])]  # never nested: see wrap
                if isinstance(block, b.PageBreak):  # a part ends here: its last page measured too
                    story.append(SectionEnd(i))
                story += flows
            while story and isinstance(story[-1], Spacer):  # never a page of nothing but space
                story.pop()
            story.append(SectionEnd(i))
        for flow in story:
            if isinstance(flow, Table):
                flow.splitInRow = int(split_rows)
        story = keep_headings_with_next(fit_short_sections(story))
        decor = Decor(meta.running_title, meta.marking, theme, meta.created, meta.title,
                      meta.language, cover)
        doc.section_starts, doc.parts, doc.placed, doc.ends = {}, {}, [], []
        maker: Any = functools.partial(DecoratedCanvas, decor=decor, tagger=tagger, parts=doc.parts)
        doc.build(story, canvasmaker=maker)
        check_page_limits(pack, doc.section_starts, doc.page)
        limited = {i for i, s in enumerate(pack.sections) if s.page_limit is not None}
        wanted = tail_breaks(doc.placed, doc.ends, doc.section_starts, limited)
        return buf.getvalue(), frozenset(wanted), doc.page
