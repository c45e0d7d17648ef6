"""Draw a laid-out bar chart as a PNG with Pillow, for formats that take images."""

from __future__ import annotations

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from peeldocs.blocks import BarChart
from peeldocs.renderers.chart_layout import layout_bar_chart
from peeldocs.resources import font_path
from peeldocs.theme import Theme

SCALE = 1000  # font size units for measuring


@cache
def _font(bold: bool, size_px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path("bold" if bold else "regular")), size_px)


def _measure(text: str, size: float, bold: bool) -> float:
    return float(_font(bold, SCALE).getlength(text)) * size / SCALE


def chart_png(chart: BarChart, width_pt: float, theme: Theme, dpi: int = 220) -> tuple[bytes, float, float]:
    """Return (PNG bytes, width in points, height in points) for ``chart`` at ``dpi``."""
    layout = layout_bar_chart(chart, width_pt, _measure)
    k = dpi / 72
    w, h = round(layout.width * k), round(layout.height * k)
    image = Image.new("RGB", (w, h), "#FFFFFF")
    draw = ImageDraw.Draw(image)
    for box in layout.boxes:
        colour = theme.series[box.series % len(theme.series)]
        x0, y0 = box.x * k, h - (box.y + box.h) * k
        draw.rectangle((x0, y0, x0 + max(box.w * k, 1), y0 + box.h * k), fill=colour)
    for rule in layout.rules:
        draw.line((rule.x1 * k, h - rule.y1 * k, rule.x2 * k, h - rule.y2 * k),
                  fill=theme.rule, width=max(1, round(0.5 * k)))
    for label in layout.labels:
        font = _font(label.bold, round(label.size * k))
        anchor = "rs" if label.anchor == "end" else "ls"
        draw.text((label.x * k, h - label.y * k), label.text, font=font, fill=theme.text,
                  anchor=anchor)
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(dpi, dpi), optimize=False, compress_level=3)
    return buf.getvalue(), layout.width, layout.height
