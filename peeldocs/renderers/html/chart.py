"""Bar charts for the HTML page: inline SVG drawn from the shared chart layout.

The layout (:mod:`chart_layout`) needs text widths.  The page names Arial and
falls back to Liberation Sans, the face peeldocs bundles, so labels are measured
in the bundled font with Pillow and taken a little wider, as browsers' Arial runs.
Every chart is drawn twice, narrow and wide, so its labels stay at least 12 px
on a phone and on a desktop; the two layouts measure mostly the same words.
"""

from __future__ import annotations

import hashlib
from functools import cache

from markupsafe import Markup, escape
from PIL import ImageFont

from peeldocs import blocks as b
from peeldocs.renderers.chart_layout import Measure, layout_bar_chart
from peeldocs.resources import font_path
from peeldocs.theme import Theme

SCALE = 1000  # the font size text is measured at, then scaled
BROWSER_WIDER = 1.04  # browsers' Arial runs a little wider than Liberation Sans
_ANCHOR = {False: "start", True: "end"}
_WEIGHT = {False: "", True: ' font-weight="bold"'}


@cache
def _font(bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path("bold" if bold else "regular")), SCALE)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Return the width of ``text`` set at ``size`` in the bundled regular or bold face."""
    return float(_font(bold).getlength(text)) * size / SCALE


def browser_measure() -> Measure:
    """Return a chart measure for the page: :func:`text_width`, a little wider.

    Each text is measured once per measure (Pillow's shaping is the cost); use
    one measure for the charts of one page.
    """
    widths: dict[tuple[str, bool], float] = {}

    def measure(text: str, size: float, bold: bool) -> float:
        width = widths.get((text, bold))
        if width is None:
            width = widths[text, bold] = float(_font(bold).getlength(text))
        return width * size / SCALE * BROWSER_WIDER

    return measure


def svg_chart(figure: b.Figure, theme: Theme, width: float, size: float, kind: str,
              measure: Measure) -> Markup:
    """Return the chart as inline SVG laid out ``width`` CSS px wide with labels of ``size`` px.

    The SVG's accessible name is the alt text alone; the caption is the
    figure's, so it is read once.  ``kind`` names the layout (class ``chart-{kind}``).
    """
    layout = layout_bar_chart(figure.chart, width, measure, size)
    h = layout.height
    series = [escape(colour) for colour in theme.series]
    rule = escape(theme.rule)
    shapes: list[str] = [
        f'<rect x="{box.x:.1f}" y="{h - box.y - box.h:.1f}" width="{box.w:.1f}" '
        f'height="{box.h:.1f}" fill="{series[box.series % len(series)]}"/>'
        for box in layout.boxes]
    shapes.extend(f'<line x1="{r.x1:.1f}" y1="{h - r.y1:.1f}" x2="{r.x2:.1f}" '
                  f'y2="{h - r.y2:.1f}" stroke="{rule}" stroke-width="0.5"/>'
                  for r in layout.rules)
    shapes.extend(f'<text x="{label.x:.1f}" y="{h - label.y:.1f}" font-size="{label.size}" '
                  f'text-anchor="{_ANCHOR[label.anchor == "end"]}"{_WEIGHT[label.bold]}>'
                  f'{escape(label.text)}</text>' for label in layout.labels)
    ident = "fig" + hashlib.sha1(figure.alt.encode()).hexdigest()[:8] + "-" + kind
    return Markup(
        f'<svg class="chart-{escape(kind)}" role="img" aria-labelledby="{escape(ident)}-t" '
        f'viewBox="0 0 {layout.width:.0f} {h:.0f}" width="{layout.width:.0f}" height="{h:.0f}" '
        f'font-family="Arial, Liberation Sans, sans-serif" fill="{escape(theme.text)}">'
        f'<title id="{escape(ident)}-t">{escape(figure.alt)}</title>{"".join(shapes)}</svg>')
