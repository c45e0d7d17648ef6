"""The content of the Norfolk pack as plain items, for the bare-engine scripts.

The bare scripts must lay out the same content as peeldocs, or a ratio
compares different work.  So the items come from the pack peeldocs builds (its
block tree, text only): every heading, paragraph, list item, table cell, chart
and caption the pack draws, in order, as ``(kind, payload)``.  What the bare
scripts do not get is everything peeldocs adds in the laying out: tagging,
styles, page templates, running headers, the contents' page numbers.  Making
the items is not timed: only laying them out is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import peeldocs
from peeldocs import blocks as b
from peeldocs.options import Options

DATA = Path(__file__).resolve().parent.parent / "data" / "norfolk-2018-effectiveness.yaml"

Item = tuple[str, Any]


def _text(runs: tuple[b.Inline, ...]) -> str:
    """The words of inline runs as a reader sees them (a placeholder with its label)."""
    return "".join(run.shown if isinstance(run, b.Placeholder) else getattr(run, "text", "")
                   for run in runs)


def _block(block: b.Block) -> list[Item]:
    match block:
        case b.Heading():
            return [("title" if block.anchor == "cover" else f"h{min(block.level, 3)}", block.text)]
        case b.Paragraph():
            return [("p", _text(block.runs))]
        case b.NumberedParagraph():
            return [("p", f"{block.number} {_text(block.runs)}")]
        case b.BulletList():
            return [("bullet", _text(item)) for item in block.items]
        case b.Table():
            rows = [[_text(cell.runs) for cell in row] for row in (*block.header, *block.rows)]
            return [("table", rows)]
        case b.GradeBadge():
            return [("p", block.label + (f" {block.note}" if block.note else ""))]
        case b.StatPanel():
            return [("table", [[stat.value, stat.label] for stat in block.items])]
        case b.Figure():
            chart = block.chart
            return [("chart", (list(chart.categories), [list(s.values) for s in chart.series])),
                    ("p", block.caption)]
        case b.Callout():
            return [("p", block.title)] + [item for child in block.body for item in _block(child)]
        case b.PageBreak():
            return [("break", None)]
        case b.Contents():
            return [("h1", block.title), ("toc", None)]
        case _:
            return [("p", getattr(block, "text", ""))]


def pack_items(pack: b.Pack) -> list[Item]:
    """Return the pack's content as ``(kind, payload)`` items, a page break between sections."""
    items: list[Item] = []
    for i, section in enumerate(pack.sections):
        if i:
            items.append(("break", None))
        for block in section.blocks:
            items += _block(block)
    return items


def load() -> list[Item]:
    """Return the Norfolk pack's content, as the bare scripts lay it out."""
    report = peeldocs.load_report(DATA)
    return pack_items(peeldocs.build_pack(report, Options()))
