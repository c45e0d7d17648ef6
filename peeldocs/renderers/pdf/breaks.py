"""Page breaks before headings: room for what follows, but no more than a short section needs.

A heading starts a new page when less than its room (120 pt for a level-2
heading) is left, so that it is never left at a page foot with a line or two
under it.  A short last section ("Source and licence") needs less than that:
where the whole of it fits, it stays on the page instead of making a page of
its own.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate, PageBreak

from peeldocs.renderers.pdf.flowables import HeadingParagraph
from peeldocs.renderers.pdf.tagging import Tagged

_FAR = 1.0e6  # wrap height for measuring: nothing is cut short


class HeadingBreak(CondPageBreak):  # type: ignore[misc]
    """Break before a heading unless ``room`` is left, or all that follows to the next one fits."""

    def __init__(self, room: float, following: list[Flowable]) -> None:
        super().__init__(room)
        self.room = room
        self.following = following

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        """Ask for the room, or for the height of the rest of the section when that is less."""
        need = 0.0
        for flow in self.following:
            if isinstance(flow, CondPageBreak):
                continue
            height = flow.wrapOn(self.canv, avail_w, _FAR)[1]
            need += height + flow.getSpaceBefore() + flow.getSpaceAfter()
            if need >= self.room:
                break
        self.height = min(self.room, need)
        return super().wrap(avail_w, avail_h)  # type: ignore[no-any-return]


def _is_heading(flow: Flowable) -> bool:
    return isinstance(flow, Tagged) and isinstance(flow.inner, HeadingParagraph)


def fit_short_sections(story: list[Flowable]) -> list[Flowable]:
    """Give each break before a heading the flowables up to the next heading's break."""
    starts = {i for i, flow in enumerate(story) if type(flow) is CondPageBreak
              and i + 1 < len(story) and _is_heading(story[i + 1])}
    out = list(story)
    for i in sorted(starts):
        end = i + 1
        while end < len(story) and not isinstance(story[end], PageBreak | NextPageTemplate) \
                and end not in starts:
            end += 1
        out[i] = HeadingBreak(story[i].height, story[i + 1:end])
    return out
