"""Paragraphs that cost reportlab less: parsed without the markup parser when plain, wrapped once.

A frame wraps a flowable to place it, ``KeepTogether`` wraps its group to
measure it, a table wraps every cell to size its rows and again while drawing
it.  Each wrap breaks the paragraph into lines anew, which is most of the cost
of laying out a pack.  The width alone decides the lines and the height, so a
paragraph asked again at the width it last wrapped to answers from its last
result.

Most paragraphs are plain text (no ``<`` or ``&`` once escaped): for those the
text fragment is the style's own fragment with the text in it, exactly what
reportlab's markup parser would return, without running the parser.  Text that
is wholly bold, italic or both (``<b>Good</b>``, a grade in a table) is one
fragment too, in the family's bold or italic face, again as the parser makes it.

A paragraph longer than a page is split once per page, and reportlab makes
the rest a new paragraph that breaks all its lines again: a paragraph of N
pages was broken N times, a cost quadratic in its length.  The lines of the
rest are the lines already broken after the split (line breaking is greedy:
a line depends only on where it starts and on the width), so the rest takes
them over and breaks nothing again at the same width; reportlab's split is
shown only the lines of the page it cuts.  Breaking a long text the first time
runs reportlab's own algorithm on a word queue
(:mod:`peeldocs.renderers.pdf.longtext`).  The output is the same, byte for
byte; only the time changes.  Text in several fonts (a link, a bold word) still
breaks its rest afresh on each page: reportlab edits the words it hands on.
"""

from __future__ import annotations

import weakref
from typing import Any

from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from peeldocs.renderers.pdf.longtext import lines_for_split, one_font_words, rest_words

_FRAGS: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


def _style_frag(style: Any) -> Any:
    """Return the fragment the parser makes for plain text in ``style`` (made once per style)."""
    frag = _FRAGS.get(style)
    if frag is None:
        _style, frags, _bullet = ParaParser().parse("x", style)
        frag = _FRAGS[style] = frags[0] if frags and len(frags) == 1 else False
    return frag


_WHOLE = (("<i><b>", "</b></i>", 1, 1, "b"), ("<b>", "</b>", 1, 0, "b"), ("<i>", "</i>", 0, 1, "i"))


def _frags(text: str, style: Any) -> list[Any] | None:
    """Return the one fragment the parser would make of ``text``, or None if it takes parsing."""
    tag, bold, italic = "", 0, 0
    if "<" in text:
        whole = next((w for w in _WHOLE if text.startswith(w[0]) and text.endswith(w[1])), None)
        if whole is None:
            return None
        start, end, bold, italic, tag = whole
        text = text[len(start):-len(end)]
    if "<" in text or "&" in text or not text.strip():
        return None
    template = _style_frag(style)
    if template is False:
        return None
    if not tag:
        return [template.clone(text=cleanBlockQuotedText(text))]
    try:
        family = ps2tt(template.fontName)[0]
    except ValueError:  # a face outside any registered family: let the parser decide
        return None
    bold, italic = bold or template.bold, italic or template.italic  # a bold style stays bold
    return [template.clone(text=cleanBlockQuotedText(text), fontName=tt2ps(family, bold, italic),
                           bold=bold, italic=italic, __tag__=tag)]


class WrapOnce:
    """Mixin for a reportlab paragraph: a repeated wrap at the same width costs nothing."""

    width: float
    height: float
    _wrapped_at: float | None = None

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        """Return the size at ``avail_w``, breaking lines only if the width changed."""
        if self._wrapped_at == avail_w and "blPara" in self.__dict__:  # split() may drop it
            return self.width, self.height
        size: tuple[float, float] = super().wrap(avail_w, avail_h)  # type: ignore[misc]
        self._wrapped_at = avail_w
        return size


class Paragraph(WrapOnce, _Paragraph):  # type: ignore[misc]
    """A reportlab paragraph that skips the markup parser for plain text and wraps once.

    The rest of a split paragraph takes over the lines already broken (see the
    module docstring).
    """

    _carried: tuple[list[float], Any] | None = None  # (wrap widths, lines) from a split

    def __init__(self, text: Any, style: Any = None, bulletText: Any = None, frags: Any = None,
                 **kwargs: Any) -> None:
        if (frags is None and isinstance(text, str) and style is not None
                and not getattr(style, "bulletText", None)):
            frags = _frags(text, style)
            if frags is not None:
                textTransformFrags(frags, style)
        super().__init__(text, style, bulletText, frags, **kwargs)

    def breakLines(self, width: Any) -> Any:
        """Break the text into lines, or take the lines a split carried over at this width.

        A long one-font text is broken by reportlab's own algorithm on a word
        queue (:mod:`peeldocs.renderers.pdf.longtext`): the same lines, in linear time.
        """
        carried = self._carried
        if carried is not None:
            if carried[0] == width:
                return carried[1]
            self.frags = rest_words(carried[1])  # another width: break the rest afresh
            self._carried = None
        queued = one_font_words(self.frags, self.style)
        if queued is None:
            return super().breakLines(width)
        whole, self.frags = self.frags, queued
        try:
            lines = super().breakLines(width)
        finally:
            self.frags = whole
        for name in ("text", "words"):  # the lines carry their fragment, as reportlab's do
            lines.__dict__.pop(name, None)
            if hasattr(whole[0], name):
                setattr(lines, name, getattr(whole[0], name))
        return lines

    def split(self, avail_w: float, avail_h: float) -> list[Any]:
        """Split as reportlab does; the rest carries the lines after the split over.

        reportlab is shown only the lines it needs to decide the cut, so a split
        costs the lines of one page, not the whole rest.
        """
        if "blPara" not in self.__dict__:
            self.wrap(avail_w, avail_h)
        full = self.__dict__.get("blPara")
        # only one-font text: reportlab's split of mixed runs edits the words of the
        # lines it hands on (a space added at each line end) and they break afresh
        if full is None or full.kind != 0 or self.style.wordWrap == "CJK":
            return list(super().split(avail_w, avail_h))
        self.blPara = lines_for_split(full, avail_h, self.style)
        try:
            parts: list[Any] = super().split(avail_w, avail_h)
        finally:
            if "blPara" in self.__dict__:
                self.blPara = full
        if len(parts) == 2:
            later = self._wrapWidths[-1]
            rest = full.clone(lines=full.lines[len(parts[0].blPara.lines):])
            parts[1]._carried = ([later, later], rest)
            parts[1]._width_max = getattr(self, "_width_max", 0)
        return parts
