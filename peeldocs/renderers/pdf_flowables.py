"""ReportLab pieces the PDF renderer needs beyond platypus' own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from peeldocs.blocks import BarChart
from peeldocs.renderers.chart_layout import layout_bar_chart
from peeldocs.renderers.pdf_styles import FACES
from peeldocs.theme import Theme


class HeadingParagraph(Paragraph):  # type: ignore[misc]
    """A heading: a paragraph that also feeds the outline and the contents."""

    def __init__(self, text: str, style: Any, *, level: int, plain: str, anchor: str,
                 in_contents: bool) -> None:
        super().__init__(text, style)
        self.level = level
        self.plain_text = plain
        self.anchor = anchor
        self.in_contents = in_contents


class ContentsEntry(Paragraph):  # type: ignore[misc]
    """One line of the contents; its page number is drawn once the page is known."""

    def __init__(self, text: str, style: Any, key: str) -> None:
        super().__init__(text, style)
        self.key = key

    def draw(self) -> None:
        """Draw the entry's text and leave a slot for its page number."""
        super().draw()
        lines = len(getattr(self.blPara, "lines", [])) or 1
        baseline = self.height - self.style.fontSize - (lines - 1) * self.style.leading
        x, y = self.canv.absolutePosition(self.width, baseline)
        x0, y0 = self.canv.absolutePosition(0, self.height)
        slots = self.canv.__dict__.setdefault("_contents_slots", [])
        slots.append((self.canv.getPageNumber(), x0, y, x, y0, self.key,
                      self.style.fontName, self.style.fontSize))


class QuoteBar(Flowable):  # type: ignore[misc]
    """Draws a thin bar left of a wrapped flowable: the mark of quoted text."""

    def __init__(self, inner: Flowable, colour: str, gap: float = 12) -> None:
        super().__init__()
        self.inner = inner
        self.colour = colour
        self.gap = gap

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        """Wrap the inner flowable; the bar takes no width of its own."""
        self.width, self.height = self.inner.wrap(avail_w, avail_h)
        return self.width, self.height

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        """Split the inner flowable, keeping the bar on every part."""
        return [QuoteBar(part, self.colour, self.gap)
                for part in self.inner.split(avail_w, avail_h)]

    def getSpaceBefore(self) -> float:
        """Space before, as the inner flowable asks."""
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        """Space after, as the inner flowable asks."""
        return float(self.inner.getSpaceAfter())

    def draw(self) -> None:
        """Draw the bar, then the inner flowable."""
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(colors.HexColor(self.colour))
        canv.setLineWidth(2)
        canv.line(1, -1, 1, self.height + 1)
        canv.restoreState()
        self.inner.drawOn(canv, 0, 0)


class ChartFlowable(Flowable):  # type: ignore[misc]
    """A bar chart drawn as vector shapes and real text, laid out by :mod:`chart_layout`."""

    def __init__(self, chart: BarChart, width: float, theme: Theme) -> None:
        super().__init__()

        def measure(text: str, size: float, bold: bool) -> float:
            return float(stringWidth(text, FACES["bold" if bold else "regular"], size))

        self.layout = layout_bar_chart(chart, width, measure)
        self.theme = theme

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        """Return the chart's fixed size."""
        return self.layout.width, self.layout.height

    def draw(self) -> None:
        """Draw bars, rules and labels."""
        canv, theme = self.canv, self.theme
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
            canv.setFont(FACES["bold" if label.bold else "regular"], label.size)
            if label.anchor == "end":
                canv.drawRightString(label.x, label.y, label.text)
            else:
                canv.drawString(label.x, label.y, label.text)
        canv.restoreState()


@dataclass(frozen=True)
class Decor:
    """What the running header and footer show."""

    running_title: str
    marking: str
    theme: Theme
    created: datetime


def timestamp(created: datetime) -> TimeStamp:
    """Return a reportlab timestamp fixed at ``created`` (UTC), for reproducible output."""
    stamp = TimeStamp(invariant=True)
    stamp.t = created.timestamp()
    stamp.lt = created.utctimetuple()
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp


class DecoratedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that draws header and footer ("Page N of M") once the page count is known."""

    def __init__(self, *args: Any, decor: Decor, **kwargs: Any) -> None:
        kwargs["invariant"] = 1
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._doc._timeStamp = timestamp(decor.created)
        self._saved_pages: list[dict[str, Any]] = []
        self.heading_pages: dict[str, int] = {}
        self.showOutline()

    def showPage(self) -> None:
        """Keep the finished page's state; decorations are drawn in :meth:`save`."""
        self._saved_pages.append(dict(self.__dict__))
        self._doc.pageCounter += 1  # later bookmarks and links refer to the next page
        self._startPage()

    def save(self) -> None:
        """Draw headers, footers and contents page numbers, now that all are known; save."""
        total = len(self._saved_pages)
        slots = self.__dict__.get("_contents_slots", [])
        pages = self.heading_pages
        self._doc.pageCounter = 1  # the pages are now added for real, in order
        for number, state in enumerate(self._saved_pages, start=1):
            self.__dict__.update(state)
            self.draw_decorations(number, total)
            for page, x0, y, x1, y1, key, font, size in slots:
                if page == number and key in pages:
                    self.setFont(font, size)
                    self.setFillColor(colors.HexColor(self._decor.theme.text))
                    self.drawRightString(x1, y, str(pages[key]))
                    self.linkRect("", key, (x0, y, x1, y1), relative=0, thickness=0)
            super().showPage()
        super().save()

    def draw_decorations(self, number: int, total: int) -> None:
        """Draw the running header and footer of one page."""
        d, theme = self._decor, self._decor.theme
        width, height = self._pagesize
        margin = 56.0
        size = theme.base_size * 0.8
        self.saveState()
        self.setFillColor(colors.HexColor(theme.muted))
        self.setFont(FACES["regular"], size)
        if number > 1:
            self.drawString(margin, height - 34, d.running_title)
            self.setStrokeColor(colors.HexColor(theme.rule))
            self.setLineWidth(0.5)
            self.line(margin, height - 40, width - margin, height - 40)
        self.drawRightString(width - margin, 30, f"Page {number} of {total}")
        if d.marking:
            self.setFillColor(colors.HexColor(theme.text))
            self.setFont(FACES["bold"], size * 1.15)
            self.drawCentredString(width / 2, height - 22, d.marking)
            self.drawCentredString(width / 2, 30, d.marking)
        self.restoreState()
