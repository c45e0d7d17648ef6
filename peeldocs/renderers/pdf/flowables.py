"""ReportLab flowables the PDF renderer needs beyond platypus' own, all tag-aware."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from peeldocs.blocks import BarChart
from peeldocs.renderers.chart_layout import layout_bar_chart
from peeldocs.renderers.pdf.styles import FACES
from peeldocs.renderers.pdf.tagging import StructElem, Tagger, draw_in_place
from peeldocs.renderers.pdf.text import Paragraph
from peeldocs.theme import Theme


class HeadingParagraph(Paragraph):
    """A heading: a paragraph that also feeds the outline and the contents."""

    def __init__(self, text: str, style: Any, *, level: int, plain: str, anchor: str) -> None:
        super().__init__(text, style)
        self.level = level
        self.plain_text = plain
        self.anchor = anchor


class ContentsEntry(Paragraph):
    """One line of the contents; its page number is drawn once the page is known."""

    def __init__(self, text: str, style: Any, key: str, elem: StructElem, label: str) -> None:
        super().__init__(text, style)
        self.continues = True  # its page number follows: "Action plan 16", not "plan16"
        self.key = key
        self.elem = elem
        self.label = label

    def draw(self) -> None:
        """Draw the entry's text, then its page number as a form filled in at the end.

        The number is painted here, in reading order and in the entry's marked
        content, through a form XObject whose content is written once the
        heading's page is known.
        """
        from peeldocs.renderers.pdf.canvas import ContentsSlot

        super().draw()
        lines = len(getattr(self.blPara, "lines", [])) or 1
        baseline = self.height - self.style.fontSize - (lines - 1) * self.style.leading
        x1, y = self.canv.absolutePosition(self.width, baseline)
        x0, y1 = self.canv.absolutePosition(0, self.height)
        slot = ContentsSlot(
            self.canv.getPageNumber(), (x0, y, x1, y1), self.key, self.style.fontName,
            self.style.fontSize, self.elem, self.label, form=f"TocPage{len(self.canv.contents_slots)}",
            local=(self.width, baseline, self.height))
        self.canv.contents_slots.append(slot)
        tagger = self.canv.tagger
        tagger.begin(self.canv, self.elem)
        self.canv.doForm(slot.form)
        tagger.end(self.canv)


class _Wrapper(Flowable):  # type: ignore[misc]
    """Base for flowables that wrap one inner flowable and decorate it."""

    def __init__(self, inner: Flowable) -> None:
        super().__init__()
        self.inner = inner

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        """Wrap the inner flowable."""
        self.width, self.height = self.inner.wrap(avail_w, avail_h)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        """Space before, as the inner flowable asks."""
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        """Space after, as the inner flowable asks."""
        return float(self.inner.getSpaceAfter())


TAIL_LINES = 2
"""A quotation carries more than this many lines to a new page, where it has them to spare."""


class QuoteBar(_Wrapper):
    """Draws a thin bar (an artifact) left of quoted text: the mark of quotation."""

    def __init__(self, inner: Flowable, colour: str, tagger: Tagger, keep: bool = False) -> None:
        super().__init__(inner)
        self.colour = colour
        self.tagger = tagger
        self.keep = keep  # no two-line tails at the head of a page (not where pages are limited)

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        """Split the inner flowable, keeping the bar on every part.

        With ``keep``, a split that would carry only the last two lines of a
        quotation over to the next page carries three, when three or more stay
        behind: no quotation ends with a two-line tail at the head of a page.
        """
        parts = self.inner.split(avail_w, avail_h)
        style = getattr(getattr(self.inner, "inner", None), "style", None)
        leading = float(getattr(style, "leading", 0) or 0)
        if self.keep and leading and len(parts) == 2:
            head = parts[0].wrap(avail_w, avail_h)[1]
            tail = parts[1].wrap(avail_w, 1e6)[1]
            if tail <= TAIL_LINES * leading + 1 and head >= (TAIL_LINES + 1) * leading - 1:
                parts = self.inner.split(avail_w, head - leading + 1)
        return [QuoteBar(part, self.colour, self.tagger) for part in parts]

    def draw(self) -> None:
        """Draw the bar, then the inner flowable."""
        canv = self.canv
        self.tagger.begin_artifact(canv)
        canv.saveState()
        canv.setStrokeColor(colors.HexColor(self.colour))
        canv.setLineWidth(2)
        canv.line(1, -1, 1, self.height + 1)
        canv.restoreState()
        self.tagger.end(canv)
        draw_in_place(self.inner, canv)


LABEL_SPACE = 22.0
"""The room before a list item's text for its own label ("(a)")."""


class BulletItem(_Wrapper):
    """A list item: the bullet (Lbl) and the item's paragraph (LBody), tagged apart."""

    def __init__(self, inner: Flowable, bullet: str | None, indent: float, label: StructElem,
                 tagger: Tagger, colour: str, size: float) -> None:
        super().__init__(inner)
        self.bullet = bullet
        self.indent = indent
        self.label = label
        self.tagger = tagger
        self.colour = colour
        self.size = size

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        """Wrap the body in the width left after the bullet."""
        _w, self.height = self.inner.wrap(avail_w - self.indent, avail_h)
        self.width = avail_w
        return self.width, self.height

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        """Split the body; only the first part carries the bullet."""
        parts = self.inner.split(avail_w - self.indent, avail_h)
        return [BulletItem(p, self.bullet if i == 0 else None, self.indent, self.label,
                           self.tagger, self.colour, self.size) for i, p in enumerate(parts)]

    def draw(self) -> None:
        """Draw the bullet (Lbl) and the body (LBody)."""
        canv = self.canv
        if self.bullet is not None:
            size = self.size
            self.tagger.begin(canv, self.label)
            canv.saveState()
            canv.setFillColor(colors.HexColor(self.colour))
            canv.setFont(FACES["regular"], size)
            # a label longer than a bullet or "1." ("(a)") has a label's width before the body
            at = self.indent - size if len(self.bullet) <= 2 else self.indent - LABEL_SPACE
            canv.drawString(at, self.height - size, self.bullet)
            canv.restoreState()
            self.tagger.end(canv)
        self.inner.drawOn(canv, self.indent, 0)


class CalloutBox(Flowable):  # type: ignore[misc]
    """A shaded box around a group of flowables; it splits across pages like text."""

    def __init__(self, children: list[Flowable], fill: str, pad: float, tagger: Tagger,
                 top: bool = True, bottom: bool = True) -> None:
        super().__init__()
        self.children = children
        self.fill = fill
        self.pad = pad
        self.tagger = tagger
        self.top, self.bottom = top, bottom

    def _layout(self, avail_w: float) -> list[tuple[Flowable, float, float]]:
        placed = []
        for i, child in enumerate(self.children):
            _w, h = child.wrap(avail_w - 2 * self.pad, 10_000_000)
            before = 0.0 if i == 0 else float(child.getSpaceBefore())
            after = 0.0 if i == len(self.children) - 1 else float(child.getSpaceAfter())
            placed.append((child, before + h + after, h))
        return placed

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        """Return the box's size: its children plus padding."""
        self.width = avail_w
        body = sum(total for _c, total, _h in self._layout(avail_w))
        self.height = body + self.pad * (int(self.top) + int(self.bottom))
        return self.width, self.height

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        """Put what fits in a first box and the rest in a second."""
        room = avail_h - self.pad * int(self.top) - 2
        first: list[Flowable] = []
        rest = list(self.children)
        used = 0.0
        while rest:
            child = rest[0]
            _w, h = child.wrap(avail_w - 2 * self.pad, room - used)
            before = float(child.getSpaceBefore()) if first else 0.0
            if used + before + h <= room:
                first.append(rest.pop(0))
                used += before + h + float(child.getSpaceAfter())
                continue
            parts = child.split(avail_w - 2 * self.pad, room - used - before)
            if len(parts) >= 2:
                first.append(parts[0])
                rest = [*parts[1:], *rest[1:]]
            break
        if not first or not rest:
            return []  # nothing (or, by rounding, everything) fits: try the next frame
        return [CalloutBox(first, self.fill, self.pad, self.tagger, self.top, False),
                CalloutBox(rest, self.fill, self.pad, self.tagger, False, self.bottom)]

    def draw(self) -> None:
        """Draw the shading (an artifact), then each child in turn."""
        canv = self.canv
        self.tagger.begin_artifact(canv)
        canv.saveState()
        canv.setFillColor(colors.HexColor(self.fill))
        canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canv.restoreState()
        self.tagger.end(canv)
        y = self.height - self.pad * int(self.top)
        for child, total, h in self._layout(self.width):
            before = float(child.getSpaceBefore()) if child is not self.children[0] else 0.0
            child.drawOn(canv, self.pad, y - before - h)
            y -= total


class ChartFlowable(Flowable):  # type: ignore[misc]
    """A bar chart drawn as vector shapes and real text, laid out by :mod:`chart_layout`."""

    def __init__(self, chart: BarChart, width: float, theme: Theme, figure: StructElem) -> None:
        super().__init__()

        def measure(text: str, size: float, bold: bool) -> float:
            return float(stringWidth(text, FACES["bold" if bold else "regular"], size))

        self.layout = layout_bar_chart(chart, width, measure)
        self.theme = theme
        self.figure = figure

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        """Return the chart's fixed size."""
        return self.layout.width, self.layout.height

    def draw(self) -> None:
        """Draw bars, rules and labels; record the figure's bounding box."""
        canv, theme = self.canv, self.theme
        x0, y0 = canv.absolutePosition(0, 0)
        x1, y1 = canv.absolutePosition(self.layout.width, self.layout.height)
        self.figure.set_attribute("BBox", [round(v, 2) for v in (x0, y0, x1, y1)])
        canv.saveState()
        for box in self.layout.boxes:
            canv.setFillColor(colors.HexColor(theme.series[box.series % len(theme.series)]))
            canv.rect(box.x, box.y, box.w, box.h, stroke=0, fill=1)
        canv.setStrokeColor(colors.HexColor(theme.rule))
        canv.setLineWidth(0.5)
        for rule in self.layout.rules:
            canv.line(rule.x1, rule.y1, rule.x2, rule.y2)
        canv.setFillColor(colors.HexColor(theme.text))
        for label in self.layout.labels:
            face = FACES["bold" if label.bold else "regular"]
            canv.setFont(face, label.size)
            # each label ends with a space, so copied text reads "Norfolk 20.6% ..."
            if label.anchor == "end":
                canv.drawRightString(label.x + stringWidth(" ", face, label.size), label.y,
                                     label.text + " ")
            else:
                canv.drawString(label.x, label.y, label.text + " ")
        canv.restoreState()
