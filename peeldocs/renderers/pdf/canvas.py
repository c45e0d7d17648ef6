"""The canvas of a pack: fixed dates, what can only be drawn once pages are counted, page limits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from peeldocs import blocks as b
from peeldocs.errors import PageLimitError
from peeldocs.renderers.pdf.header import header_lines, header_size, leading
from peeldocs.renderers.pdf.styles import FACES, LANG_CLOSE, LANG_OPEN
from peeldocs.renderers.pdf.tagging import StructElem, Tagger
from peeldocs.renderers.pdf.text import draw_with_places, page_numbers, page_of
from peeldocs.theme import Theme


@dataclass(frozen=True)
class Decor:
    """What the running header and footer show."""

    running_title: str
    marking: str
    theme: Theme
    created: datetime
    title: str = ""
    language: str = "en-GB"
    cover: bool = True  # the first page is a cover, which carries no page number


@dataclass(frozen=True)
class ContentsSlot:
    """Where a contents entry's page number goes, and the entry's structure element."""

    page: int  # 1-based
    rect: tuple[float, float, float, float]
    key: str
    font: str
    size: float
    elem: StructElem
    label: str
    form: str = ""  # the form XObject that holds the number
    local: tuple[float, float, float] = (0.0, 0.0, 0.0)  # entry width, baseline, height


def timestamp(created: datetime) -> TimeStamp:
    """Return a reportlab timestamp fixed at ``created`` (UTC), for reproducible output."""
    stamp = TimeStamp(invariant=True)
    stamp.t = created.timestamp()
    stamp.lt = created.utctimetuple()
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp


class LanguageText(PDFTextObject):  # type: ignore[misc]
    """A text object that marks runs in another language as ``/Span <</Lang ..>>`` sequences.

    A paragraph's words call :func:`_lang_open` and :func:`_lang_close` as they
    are drawn (see ``styles.in_language``).  The span opens just before the next
    text actually shown, so a line or page break between the call and its word
    leaves nothing open, and a span still open when the text object ends is
    closed inside it: marked content always nests within the text object.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pending_lang = ""
        self.open_spans = 0

    def _textOut(self, text: str, TStar: int = 0) -> None:
        if self.pending_lang and text.strip():
            self._code.append(f"/Span <</Lang ({self.pending_lang})>> BDC")
            self.open_spans += 1
            self.pending_lang = ""
        super()._textOut(text, TStar)

    def close_span(self) -> None:
        """End the open language span, if any; forget one not yet begun."""
        self.pending_lang = ""
        if self.open_spans:
            self._code.append("EMC")
            self.open_spans -= 1

    def getCode(self) -> str:
        """Close any language span still open, then end the text object."""
        while self.open_spans:
            self.close_span()
        return str(super().getCode())


def _lang_open(canvas: Any, _kind: str, label: str) -> None:
    """Mark the next text drawn as in language ``label`` (see :class:`LanguageText`)."""
    text = canvas._curr_tx_info["tx"]
    if isinstance(text, LanguageText):
        text.pending_lang = label


def _lang_close(canvas: Any, _kind: str, _label: str) -> None:
    """End the language span :func:`_lang_open` began."""
    text = canvas._curr_tx_info["tx"]
    if isinstance(text, LanguageText):
        text.close_span()


class DecoratedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that draws what needs the page count once every page is laid out.

    That is "Page N of M" with the running header and footer (as artifacts) and
    the contents page numbers (as content).
    """

    def __init__(self, *args: Any, decor: Decor, tagger: Tagger,
                 parts: dict[int, str] | None = None, measure: bool = False,
                 **kwargs: Any) -> None:
        kwargs["invariant"] = 1
        self.measure = measure  # laid out only to count the pages: no file is written
        super().__init__(*args, **kwargs)
        self._decor = decor
        self.parts = parts if parts is not None else {}  # filled as the pages are laid out
        self.tagger = tagger
        self._doc._timeStamp = timestamp(decor.created)
        self._saved_pages: list[dict[str, Any]] = []
        self.heading_pages: dict[str, int] = {}
        self.text_open = False  # between beginText and drawText: a paragraph is being drawn
        self.contents_slots: list[ContentsSlot] = []
        self.showOutline()
        self.setNamedCB(LANG_OPEN, _lang_open)
        self.setNamedCB(LANG_CLOSE, _lang_close)

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> LanguageText:
        """Return a text object that can mark words in another language."""
        self.text_open = True
        return LanguageText(self, x, y, direction=direction)

    def drawText(self, aTextObject: Any) -> None:
        """Draw a text object; shapes drawn while one was open were its decoration."""
        self.text_open = False
        super().drawText(aTextObject)

    def rect(self, x: float, y: float, width: float, height: float, stroke: int = 1,
             fill: int = 0) -> None:
        """Draw a rectangle (a placeholder's highlight): see :meth:`_decoration`."""
        self._decoration(lambda: super(DecoratedCanvas, self).rect(
            x, y, width, height, stroke=stroke, fill=fill))

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        """Draw a line, as an artifact when a paragraph's text is open (a link's underline)."""
        self._decoration(lambda: super(DecoratedCanvas, self).line(x1, y1, x2, y2))

    def _decoration(self, draw: Any) -> None:
        """Draw a shape; in open text, as an artifact between two sequences (Tagger.aside)."""
        if self.text_open:
            self.tagger.aside(self, draw)
        else:
            draw()

    def showPage(self) -> None:
        """Keep the finished page's state; decorations are drawn in :meth:`save`."""
        self._saved_pages.append(dict(self.__dict__))
        self._doc.pageCounter += 1  # later bookmarks and links refer to the next page
        self._startPage()

    def save(self) -> None:
        """Draw what needed the page count, add the structure tree, then write the file.

        When the canvas only measures (:meth:`PdfRenderer.lay_out`), nothing is written.
        """
        if self.measure:
            return
        numbers = page_numbers(self.parts, len(self._saved_pages))
        for slot in self.contents_slots:
            self.define_contents_number(slot)
        self._doc.pageCounter = 1  # the pages are now added for real, in order
        annotations: int = self.__dict__["_annotationCount"]
        for number, state in enumerate(self._saved_pages, start=1):
            self.__dict__.update(state)
            self._annotationCount = annotations  # names must stay unique across pages
            self.draw_decorations(number, numbers[number - 1])
            for slot in self.contents_slots:
                if slot.page == number and slot.key in self.heading_pages:
                    self.draw_contents_number(slot)
            annotations = self._annotationCount
            super().showPage()
        from peeldocs.renderers.pdf.structure import write_structure

        write_structure(self, self.tagger, title=self._decor.title,
                        language=self._decor.language, created=self._decor.created)
        super().save()

    def define_contents_number(self, slot: ContentsSlot) -> None:
        """Write the form that shows a contents entry's page number (painted in its place)."""
        width, baseline, height = slot.local
        self.beginForm(slot.form, 0, 0, width, height)
        number = self.heading_pages.get(slot.key)
        if number is not None:
            self.setFont(slot.font, slot.size)
            self.setFillColor(colors.HexColor(self._decor.theme.text))
            self.drawRightString(width, baseline, str(number))
        self.endForm()

    def draw_contents_number(self, slot: ContentsSlot) -> None:
        """Link a contents entry, number included, to its heading."""
        x0, y, x1, y1 = slot.rect
        start = self.tagger.annotation_count(self)
        self.linkRect("", slot.key, (x0, y - 3, x1, y1), relative=0, thickness=0)
        self.tagger.links_since(self, slot.elem, start, f"Go to {slot.label}")

    def draw_decorations(self, number: int, shown: tuple[int, int, str]) -> None:
        """Draw the running header and footer of page ``number``, as pagination artifacts.

        ``shown`` is the number its footer gives, of how many, in which part.
        """
        d, theme = self._decor, self._decor.theme
        width, height = self._pagesize
        margin = 56.0
        size = theme.base_size * 0.8
        self.tagger.begin_artifact(self, "Pagination")
        self.saveState()
        self.setFillColor(colors.HexColor(theme.muted))
        self.setFont(FACES["regular"], size)
        if (number > 1 or not d.cover) and d.running_title:  # no cover: page 1 is headed too
            # at its one size, on two lines where one cannot hold it (the frame leaves room)
            lines, head_size = header_lines(d.running_title, FACES["regular"],
                                            header_size(theme.base_size, d.cover),
                                            width - 2 * margin)
            rule = height - 40 - leading(head_size) * (len(lines) - 1)
            for at, text in enumerate(lines):  # a place as in the text; a space ends a line
                draw_with_places(self, margin, rule + 6 + leading(head_size) * (len(lines) - 1 - at),
                                 text + " " * (at < len(lines) - 1), FACES["regular"], head_size,
                                 theme.tone(b.Tone.AMBER), theme.muted)
            self.setFont(FACES["regular"], size)
            self.setStrokeColor(colors.HexColor(theme.rule))
            self.setLineWidth(0.5)
            self.line(margin, rule, width - margin, rule)
        if number > 1 or not d.cover:  # a cover carries no page number; other pages do
            number, total, label = shown
            # a part's label on a line of its own above the marking's, so neither reads as prose
            self.drawRightString(width - margin, 42 if label and d.marking else 30,
                                 page_of(number, total, d.language, label))
        if d.marking:
            self.setFont(FACES["bold"], size * 1.15)
            ink = theme.text
            if d.marking.startswith("{"):  # a placeholder: highlighted, as in the text
                fill, ink = theme.tone(b.Tone.AMBER)
                wide = stringWidth(d.marking, FACES["bold"], size * 1.15) + 4
                self.setFillColor(colors.HexColor(fill))
                for base in (height - 22, 30):
                    self.rect(width / 2 - wide / 2, base - 3, wide, size * 1.15 + 3, 0, 1)
            self.setFillColor(colors.HexColor(ink))
            self.drawCentredString(width / 2, height - 22, d.marking)
            self.drawCentredString(width / 2, 30, d.marking)
        self.restoreState()
        self.tagger.end(self)


class Mark(Flowable):  # type: ignore[misc]
    """An invisible mark in the story that takes no room; ``index`` names its section."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        """Take no room."""
        return 0.0, 0.0

    def draw(self) -> None:
        """Draw nothing."""


class SectionMark(Mark):
    """An invisible mark at the start of a section, so its pages can be counted."""


class PartMark(Mark):
    """An invisible mark where a part numbered on its own starts, with the part's label."""

    def __init__(self, label: str) -> None:
        super().__init__(-1)
        self.label = label


def check_page_limits(pack: b.Pack, starts: dict[int, int], last_page: int) -> None:
    """Raise :class:`PageLimitError` when a section takes more pages than it promised."""
    for i, section in enumerate(pack.sections):
        if section.page_limit is None or i not in starts:
            continue
        end = starts[i + 1] - 1 if i + 1 in starts else last_page
        pages = end - starts[i] + 1
        if pages > section.page_limit:
            raise PageLimitError(section.name, section.page_limit, pages)
