"""Lay out a grouped horizontal bar chart as simple drawing primitives.

The layout is computed once, in points with the origin at the bottom left, and
drawn by two back ends: reportlab shapes for PDF and inline SVG for HTML
(:mod:`peeldocs.renderers.html.markup`), each measuring text in the bundled font.  DOCX charts are
native Word charts (:mod:`peeldocs.renderers.docx.chart`) and need no layout.
Every bar carries its value as text and the legend names every series, so
nothing depends on colour alone; a chart of one series has no legend (its
caption and categories say what the bars are).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from peeldocs.blocks import BarChart

Measure = Callable[[str, float, bool], float]  # (text, size, bold) -> width in points


@dataclass(frozen=True, slots=True)
class Box:
    """A filled rectangle; ``series`` indexes the theme's series colours."""

    x: float
    y: float
    w: float
    h: float
    series: int


@dataclass(frozen=True, slots=True)
class Rule:
    """A thin line in the rule colour."""

    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True, slots=True)
class Label:
    """Text whose baseline starts (or ends, when ``anchor`` is "end") at x, y."""

    x: float
    y: float
    text: str
    size: float
    bold: bool = False
    anchor: str = "start"


@dataclass(frozen=True, slots=True)
class ChartLayout:
    """The laid-out chart: its size and primitives."""

    width: float
    height: float
    boxes: tuple[Box, ...]
    rules: tuple[Rule, ...]
    labels: tuple[Label, ...]


def wrap(text: str, width: float, size: float, measure: Measure, bold: bool = False) -> list[str]:
    """Greedy word wrap of ``text`` to ``width`` points; long words are cut."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while measure(word, size, bold) > width and len(word) > 1:
            cut = max(1, int(len(word) * width / measure(word, size, bold)) - 1)
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{line} {word}".strip()
        if measure(candidate, size, bold) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines or [""]


def fmt(value: float, suffix: str) -> str:
    """Format a bar's value label."""
    text = f"{value:,.1f}".rstrip("0").rstrip(".") if not float(value).is_integer() else f"{int(value):,}"
    return text + suffix


def layout_bar_chart(chart: BarChart, width: float, measure: Measure,
                     size: float = 8.5) -> ChartLayout:
    """Lay out ``chart`` in ``width`` points and return the primitives."""
    label_w = width * 0.38
    gap = 10.0
    bar_h = size * 1.35
    pad = 6.0
    value_room = max((measure(fmt(v, chart.unit_suffix), size, False)
                      for s in chart.series for v in s.values), default=20.0) + 6
    plot_x = label_w + gap
    plot_w = max(40.0, width - plot_x - value_room)
    top_values = [v for s in chart.series for v in s.values]
    vmax = max([*top_values, 0.0]) or 1.0
    groups = []
    for category in chart.categories:
        lines = wrap(category, label_w, size, measure)
        group_h = max(len(chart.series) * bar_h, len(lines) * size * 1.2) + pad * 2
        groups.append((lines, group_h))
    # legend at the top: a swatch and the series name for each series, in rows that fit the
    # width (a narrow chart clipped "England and Wales" when it ran on in one row)
    keyed = len(chart.series) > 1  # one series needs no key
    items = [size + 4 + measure(s.name, size, False) for s in chart.series] if keyed else []
    start = plot_x if plot_x + sum(w + 16 for w in items) - 16 <= width else 0.0
    places: list[tuple[float, int]] = []  # x and row of each legend item
    lx, row = start, 0
    for w in items:
        if lx > start and lx + w > width:
            lx, row = start, row + 1
        places.append((lx, row))
        lx += w + 16
    rows = row + 1
    legend_h = size * 2.2 + (rows - 1) * size * 1.5 if keyed else size * 0.6
    height = sum(h for _, h in groups) + legend_h + 4
    boxes: list[Box] = []
    rules: list[Rule] = []
    labels: list[Label] = []
    for i, (series, (x, r)) in enumerate(zip(chart.series if keyed else (), places,
                                             strict=True)):
        ly = height - size * 1.2 - r * size * 1.5
        boxes.append(Box(x, ly - 1, size, size, i))
        labels.append(Label(x + size + 4, ly, series.name, size))
    y = height - legend_h
    for gi, (lines, group_h) in enumerate(groups):
        top = y
        text_y = top - pad - size
        for line in lines:
            labels.append(Label(label_w, text_y, line, size, anchor="end"))
            text_y -= size * 1.2
        by = top - pad - bar_h
        for si, series in enumerate(chart.series):
            value = series.values[gi]
            w = plot_w * max(value, 0.0) / vmax
            boxes.append(Box(plot_x, by + 1.5, w, bar_h - 3, si))
            labels.append(Label(plot_x + w + 4, by + bar_h / 2 - size * 0.35,
                                fmt(value, chart.unit_suffix), size, bold=si == 0))
            by -= bar_h
        y -= group_h
        rules.append(Rule(0, y, width, y))
    rules.append(Rule(plot_x, y, plot_x, height - legend_h))
    return ChartLayout(width, height, tuple(boxes), tuple(rules), tuple(labels))
