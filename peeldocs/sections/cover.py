"""The cover: what the pack is, whose report, the overall judgment and the source."""

from __future__ import annotations

import dataclasses
from datetime import date

from peeldocs.blocks import (
    Block,
    Cell,
    Heading,
    Paragraph,
    ParaStyle,
    Section,
    Table,
    plain,
)
from peeldocs.model import UNKNOWN, Report, cycle_words
from peeldocs.options import Options
from peeldocs.sections.common import badge, report_context, wording
from peeldocs.sections.notices import attribution, illustrative_callout, unknown_callout
from peeldocs.sections.paper import MARKING_TO_COMPLETE
from peeldocs.wording import long_date

ASSESSMENT_ROW = "Force assessment, graded area by area (no overall grade)"
OVERVIEW_ROW = "Overview, judged pillar by pillar (no overall grade)"


def pillar_label(pillar: str) -> str:
    """Return the pillar for the cover; an unknown one says it was not found."""
    if pillar == UNKNOWN:
        return "Unknown (not found in the imported text)"
    return pillar.capitalize()


def _row(label: str, value: str) -> tuple[Cell, Cell]:
    return (Cell(plain(label, bold=True)), Cell(plain(value)))


def _dates(last_updated: date | None, published: date | None) -> tuple[tuple[Cell, Cell], ...]:
    """Return the report's dates: one row when it was last updated on the day it was published."""
    if last_updated is not None and last_updated == published:
        return (_row("Published", long_date(published)),)
    return (_row("Last updated", long_date(last_updated) if last_updated else "Not stated"),
            _row("Published", long_date(published) if published else "Not supplied"))


def cover(report: Report, options: Options) -> Section:
    """Build the cover section."""
    ctx = report_context(report, options)
    published = options.published or report.published
    facts: tuple[tuple[Cell, Cell], ...] = (
        _row("Force", report.force.name),
        _row("Inspection", f"{report.programme} {cycle_words(report.cycle)}"),
        *((_row("Pillar", pillar_label(report.pillar)),) if report.pillar and
          not report.is_overview else ()),
        *((_row("Report", OVERVIEW_ROW),) if report.is_overview else ()),
        *((_row("Report", ASSESSMENT_ROW),) if report.is_assessment else ()),
        _row("Report title", report.title),
        *_dates(report.last_updated, published),
        _row("Pack prepared", long_date(options.as_of_date)),
    )
    # a pack goes to a meeting and is passed on: with no marking asked for, the row asks for
    # one (the running header and footer stay unmarked), never invents one
    facts = (*facts, _row("Protective marking", options.marking.value) if options.marking.value
             else (Cell(plain("Protective marking", bold=True)), Cell((MARKING_TO_COMPLETE,))))
    blocks: tuple[Block, ...] = (
        Heading(1, wording("pack_title.j2", options, **ctx), anchor="cover", in_contents=False),
        Paragraph(plain(wording("pack_subtitle.j2", options, **ctx)), style=ParaStyle.LEAD),
        *illustrative_callout(report, options),
        *unknown_callout(report, options),
        *((Paragraph(plain(report.headline_question, italic=True), style=ParaStyle.QUOTE),)
          if report.headline_question else ()),
        *((badge(report.judgment),) if report.judgment else ()),
        # the header names what each column holds (never "Item | Details")
        Table(header=((Cell(plain("Detail")), Cell(plain("This report and pack"))),), rows=facts,
              widths=(1, 2.2), caption="About this pack"),
        # the source line gives the page's address, where known, as a link (said once)
        *(dataclasses.replace(p, style=ParaStyle.SMALL) if isinstance(p, Paragraph) else p
          for p in attribution(report, options, **ctx)),
    )
    return Section("cover", blocks)
