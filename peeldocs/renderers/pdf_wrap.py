"""Wrap each paragraph once: reportlab asks again and again at the same width.

A frame wraps a flowable to place it, ``KeepTogether`` wraps its group to
measure it, a table wraps every cell to size its rows and again while drawing
it.  Each wrap breaks the paragraph into lines anew, which is most of the cost
of laying out a pack.  The width alone decides the lines and the height, so a
paragraph asked again at the width it last wrapped to answers from its last
result.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph as _Paragraph


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
    """A reportlab paragraph that breaks its lines once per width."""
