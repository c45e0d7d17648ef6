"""Paragraphs that cost reportlab less: parsed without the markup parser when plain, wrapped once.

A frame wraps a flowable to place it, ``KeepTogether`` wraps its group to
measure it, a table wraps every cell to size its rows and again while drawing
it.  Each wrap breaks the paragraph into lines anew, which is most of the cost
of laying out a pack.  The width alone decides the lines and the height, so a
paragraph asked again at the width it last wrapped to answers from its last
result.

Most paragraphs are plain text (no ``<`` or ``&`` once escaped): for those the
text fragment is the style's own fragment with the text in it, exactly what
reportlab's markup parser would return, without running the parser.
"""

from __future__ import annotations

import weakref
from typing import Any

from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

_FRAGS: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


def _style_frag(style: Any) -> Any:
    """Return the fragment the parser makes for plain text in ``style`` (made once per style)."""
    frag = _FRAGS.get(style)
    if frag is None:
        _style, frags, _bullet = ParaParser().parse("x", style)
        frag = _FRAGS[style] = frags[0] if frags and len(frags) == 1 else False
    return frag


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
    """A reportlab paragraph that skips the markup parser for plain text and wraps once."""

    def __init__(self, text: Any, style: Any = None, bulletText: Any = None, frags: Any = None,
                 **kwargs: Any) -> None:
        if (frags is None and isinstance(text, str) and text.strip() and style is not None
                and "<" not in text
                and "&" not in text and not getattr(style, "bulletText", None)):
            template = _style_frag(style)
            if template is not False:
                text = cleanBlockQuotedText(text)
                frags = [template.clone(text=text)]
                textTransformFrags(frags, style)
        super().__init__(text, style, bulletText, frags, **kwargs)
