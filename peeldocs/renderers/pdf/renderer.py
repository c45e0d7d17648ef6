"""The PDF renderer (reportlab): A4, tagged (PDF/UA-1), outline, contents, header and footer.

Its doc template (:class:`PackDocument`) records where headings and sections fall as
the pages are laid out: headings feed the outline, the bookmarks and the contents'
page numbers; the start of each section and the fullness of its last page (see
:mod:`peeldocs.renderers.pdf.balance`) let the renderer keep its page limits and lay
out again a section that would end on a near-empty page.
"""

from __future__ import annotations

import dataclasses
import functools
import io
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import BaseDocTemplate, LayoutError

from peeldocs import blocks as b
from peeldocs.errors import RenderError
from peeldocs.renderers.base import RenderSettings
from peeldocs.renderers.pdf.balance import (
    Placed,
    SectionEnd,
    keep_headings_with_next,
    tail_breaks,
)
from peeldocs.renderers.pdf.breaks import fit_short_sections
from peeldocs.renderers.pdf.canvas import (
    Decor,
    DecoratedCanvas,
    PartMark,
    SectionMark,
    check_page_limits,
)
from peeldocs.renderers.pdf.flowables import HeadingParagraph
from peeldocs.renderers.pdf.header import header_size, page_templates
from peeldocs.renderers.pdf.lists import ListNesting
from peeldocs.renderers.pdf.styles import (
    FACES,
    make_styles,
    measured,
    register_fonts,
)
from peeldocs.renderers.pdf.tagging import Tagged, Tagger
from peeldocs.renderers.pdf.walker import Walker
from peeldocs.textclean import printable

MARGIN = 56.0  # about 20 mm
TOP = 62.0
BOTTOM = 56.0
BALANCED_PAGES = 60  # a longer PDF is laid out once: five layouts of 300 pages cost minutes


class PackDocument(BaseDocTemplate):  # type: ignore[misc]
    """A doc template that feeds headings to the outline and the contents."""

    section_starts: dict[int, int]
    parts: dict[int, str]  # a page and the label of the part starting on it ("" for none)
    placed: list[Placed]  # where each heading fell
    ends: list[Placed]  # where each section ended

    def _down(self, y: float) -> float:
        """How far down the frame ``y`` is, from 0 (its top) to 1 (its foot)."""
        frame = self.frame
        return (frame._y1 + frame._height - y) / frame._height  # type: ignore[no-any-return]

    def afterFlowable(self, flowable: Flowable) -> None:
        """Record headings: bookmark, outline entry and page for the contents."""
        if isinstance(flowable, SectionMark):
            self.section_starts[flowable.index] = self.page
            self.parts[self.page] = ""
            return
        if isinstance(flowable, PartMark):
            self.parts[self.page] = flowable.label
            return
        if isinstance(flowable, SectionEnd):
            self.ends.append(Placed(flowable.index, self.page, self._down(self.frame._y)))
            return
        heading = flowable.inner if isinstance(flowable, Tagged) else flowable
        if isinstance(heading, HeadingParagraph):
            key = heading.anchor
            top = self.frame._y + flowable.height + flowable.getSpaceAfter()
            self.canv.bookmarkPage(key, fit="XYZ", left=0, top=top)
            self.canv.addOutlineEntry(heading.plain_text, key, heading.level - 1, closed=False)
            self.canv.heading_pages[key] = self.page
            self.placed.append(Placed(max(self.section_starts, default=0), self.page,
                                      self._down(top), key))


TOP_OF_PAGE = 0.03
"""How far down the frame (0 to 1) a heading still opens its page."""


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
        return self.render_with_pages(pack, options)[0]

    def render_with_pages(self, pack: b.Pack, options: RenderSettings,
                          ) -> tuple[bytes, dict[str, int]]:
        """Return the PDF bytes of ``pack`` (as :meth:`render`) and the page of each heading.

        The pages, keyed by the heading's anchor, are those of the file returned: a
        build that writes a DOCX too gives its contents these numbers (``build.registry``).
        """
        return self._final(pack, options, measure=False)

    def _final(self, pack: b.Pack, options: RenderSettings, *, measure: bool,
               ) -> tuple[bytes, dict[str, int]]:
        """Lay out, then again with the breaks a near-empty last page asks for (see render)."""
        breaks: frozenset[str] = frozenset()
        added = breaks
        data, wanted, pages, headings = self._layout(pack, options, breaks, measure)
        for _attempt in range(2 if pages <= BALANCED_PAGES else 0):
            if wanted <= breaks:
                break
            trial = breaks | wanted
            laid = self._layout(pack, options, trial, measure)
            if laid[2] > pages and added:
                trial = (breaks - added) | wanted
                laid = self._layout(pack, options, trial, measure)
                if laid[2] > pages:
                    break
            added, breaks = wanted - breaks, trial
            data, wanted, pages, headings = laid
        return data, headings

    def lay_out(self, pack: b.Pack, options: RenderSettings) -> int:
        """Lay ``pack`` out as :meth:`render` first does and return its page count.

        No file is written (about a third of the time of :meth:`render`); a section
        over its page limit raises :class:`~peeldocs.errors.PageLimitError` as there.
        """
        return self._layout(pack, options, frozenset(), measure=True)[2]

    def heading_pages(self, pack: b.Pack, options: RenderSettings) -> dict[str, int]:
        """Return the page each heading falls on in the PDF :meth:`render` writes.

        Keyed by the heading's anchor, counted from the first page, as the PDF's
        contents gives them; laid out as :meth:`render` does (its last layout),
        without writing the file.
        """
        return self._final(pack, options, measure=True)[1]

    def _layout(self, pack: b.Pack, options: RenderSettings,
                breaks: frozenset[str], measure: bool = False,
                ) -> tuple[bytes, frozenset[str], int, dict[str, int]]:
        try:
            return self._render(pack, options, split_rows=False, breaks=breaks, measure=measure)
        except LayoutError:
            try:  # a single table row taller than a page: allow rows to split
                return self._render(pack, options, split_rows=True, breaks=breaks,
                                    measure=measure)
            except LayoutError as exc:
                raise RenderError(f"cannot lay out the PDF: {exc}") from exc

    def _render(self, pack: b.Pack, options: RenderSettings, *, split_rows: bool,
                breaks: frozenset[str], measure: bool = False,
                ) -> tuple[bytes, frozenset[str], int, dict[str, int]]:
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
        walker = Walker(theme, styles, pack, tagger)
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
        maker: Any = functools.partial(DecoratedCanvas, decor=decor, tagger=tagger, parts=doc.parts,
                                       measure=measure)
        doc.build(story, canvasmaker=maker)
        check_page_limits(pack, doc.section_starts, doc.page)
        limited = {i for i, s in enumerate(pack.sections) if s.page_limit is not None}
        wanted = tail_breaks(doc.placed, doc.ends, doc.section_starts, limited)
        # a heading at the top of a page, not its section's first: the DOCX starts a page there
        tops = frozenset(h.anchor for h in doc.placed if h.down < TOP_OF_PAGE
                         and h.page != doc.section_starts.get(h.section))
        return buf.getvalue(), frozenset(wanted), doc.page, b.PagePlaces(
            dict(doc.canv.heading_pages), tops)
