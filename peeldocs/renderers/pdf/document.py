"""The PDF's doc template: it records where headings and sections fall as the pages are laid out.

Headings feed the outline, the bookmarks and the contents' page numbers; the
start of each section and the fullness of its last page (see
:mod:`peeldocs.renderers.pdf.balance`) let the renderer keep its page limits
and lay out again a section that would end on a near-empty page.
"""

from __future__ import annotations

from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import BaseDocTemplate

from peeldocs.renderers.pdf.balance import Placed, SectionEnd
from peeldocs.renderers.pdf.canvas import PartMark, SectionMark
from peeldocs.renderers.pdf.flowables import HeadingParagraph
from peeldocs.renderers.pdf.tagging import Tagged


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
