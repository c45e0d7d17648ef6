"""The committee paper's answer to "how bad is it?" and "what is going well?".

Part of "What the report found", after the report's own summary: a few of the
figures the report states that measure something (a count out of a total, a
figure the report says is better higher or lower, one compared with others, or
a rate: a percentage or a figure per 100,000), those of the worst-graded
question or area first, each under its label with the report's value; then
the notable, innovative or promising practice the report records, verbatim,
named by the kinds the report gives it (:func:`practice_kind`), and the good
practice its text names besides, as the briefing pack lists it
(:func:`~peeldocs.sections.practice.named_practice`).  Only what the
data holds: with no such figure and no such practice, nothing is said, and no
practice is inferred from a finding's wording.
"""

from __future__ import annotations

import re
from typing import Any

from peeldocs.blocks import Block, BulletList, ParaStyle, Text, plain
from peeldocs.model import Report
from peeldocs.model.findings import Direction, KeyFigure, Unit
from peeldocs.options import Options
from peeldocs.sections.calls import call_lines
from peeldocs.sections.common import comparator_in_prose, comparison_phrase, figure_value
from peeldocs.sections.lowest import grade_groups
from peeldocs.sections.paper import Numbering
from peeldocs.sections.practice import glosses, named_practice
from peeldocs.wording import render_text

FIGURES_SHOWN = 4
"""The paper gives at most this many figures: a committee reads the pack for the rest."""


RATES = frozenset({Unit.PERCENT, Unit.PER_100000})
"""Units whose figure measures something on its own: a proportion or a rate, never a bare count."""


def _judged(fig: KeyFigure) -> bool:
    """Whether the report gives a figure a yardstick: a total, a better direction, a comparison."""
    return (fig.denominator is not None or fig.direction is not Direction.NEUTRAL
            or fig.comparator_value is not None or bool(fig.comparison))


def measured(report: Report, every: bool = False) -> list[KeyFigure]:
    """Return the figures that measure something, the worst-graded question's (area's) first.

    A figure measures something when the report gives it out of a total, says
    whether higher or lower is better, or compares it, or when it is a rate (a
    percentage, a figure per 100,000: "crime recording accuracy, 94%"); a bare
    count ("seven districts", "146 posts removed") does not.  Within a grade,
    those the report gives a yardstick first, then the report's order; at most
    :data:`FIGURES_SHOWN` (``every``: all of them).
    """
    rank = {q.number: i for i, (_label, group) in enumerate(grade_groups(report.questions))
            for q in group}
    found = [f for f in report.key_figures if _judged(f) or f.unit in RATES]
    found.sort(key=lambda f: (rank.get(f.question, len(rank)) if f.question is not None
                              else len(rank), not _judged(f)))
    return found if every else found[:FIGURES_SHOWN]


def _where(report: Report, number: int | None, period: str | None = None) -> str:
    titles = {q.number: q.title for q in report.questions}
    place = ("" if number is None else f"‘{titles[number]}’" if report.is_assessment
             and number in titles else f"question {number}")
    said = ", ".join(p for p in (place, period or "") if p)
    return f" ({said})" if said else ""


_ESTIMATE = re.compile(r"\s*\((?:an? )?estimated?\)$", re.I)
"""A label's own note that its figure is an estimate: "Crime recording accuracy (estimate)"."""


def figure_line(report: Report, fig: KeyFigure, placed: bool = True) -> str:
    """Return one figure as prose: its label, where it is, its value and what it is against.

    "Emergency calls answered within 10 seconds (‘Responding to the public’): 71.2%,
    against the national standard of 90%"; "Crime recording accuracy (‘Recording data
    about crime’): an estimated 94%" (a label noting an estimate says it by the value);
    "Files where the investigation was effective: 45 of 60 files".  ``placed``: name
    its question or area (not when the lead-in names the one all share).
    """
    label = _ESTIMATE.sub("", fig.label)
    value = figure_value(fig)
    if label != fig.label:
        value = f"an estimated {value}"
    where = _where(report, fig.question if placed else None, fig.period)
    return f"{label}{where}: {value}" + "".join(f", {part}" for part in _against(fig))


def _against(fig: KeyFigure) -> list[str]:
    """Say what a figure is set against, as prose after its value, from the figure's data.

    A comparator the report gives a value for: "against the national standard of
    90%" (a common noun), "against 20.6% for England and Wales" (a name); one
    without a value: "lower than England and Wales"; an earlier value: "against
    52% in 2017/18".
    """
    parts = []
    if fig.comparator:
        named = comparator_in_prose(fig.comparator)
        if fig.comparator_value is None:
            parts.append(f"{comparison_phrase(fig.comparison)} {named}")
        else:
            stated = figure_value(fig, fig.comparator_value)
            common = fig.comparator[:1].islower()  # "national standard", not "England"
            parts.append(f"against {named} of {stated}" if common
                         else f"against {stated} for {named}")
    if fig.previous_value is not None:
        earlier = fig.previous_period or "an earlier period"
        parts.append(f"against {figure_value(fig, fig.previous_value)} in {earlier}")
    return parts


_KIND = re.compile(r"(notable|innovative|promising)(?: or (innovative|promising))? practice\b",
                   re.I)
PRACTICE_KINDS = ("notable", "innovative", "promising")
"""The kinds of practice PEEL reports record: "notable" in the cycles to 2018/19, "innovative"
and "promising" in the force assessments since 2021/22."""


def practice_kind(texts: list[str], assessment: bool) -> str:
    """Name the practice quoted, in the report's terms: "promising practice", "innovative or …".

    Each text that opens with its kind ("Promising practice: the force …") gives
    it; a text that does not is named by its framework's term: "innovative or
    promising practice" in a force assessment, "notable practice" before.
    """
    kinds: set[str] = set()
    for text in texts:
        found = _KIND.match(text.strip(" “‘\"'"))
        if found is None:
            kinds |= {"innovative", "promising"} if assessment else {"notable"}
        else:
            kinds |= {k.lower() for k in found.groups() if k}
    named = [k for k in PRACTICE_KINDS if k in kinds]
    return " or ".join([", ".join(named[:-1]), named[-1]] if len(named) > 1 else named) \
        + " practice"


def figures_and_practice(report: Report, options: Options, n: Numbering,
                         **ctx: Any) -> list[Block]:
    """Return the key figures and the practice the report records, each a short list."""
    blocks: list[Block] = []
    figures = measured(report)
    if figures:
        shown = {f.question for f in figures}
        one = ""
        if len(shown) == 1 and None not in shown:  # all of one question: named once
            one = _where(report, figures[0].question).strip(" ()")
        # worst-graded area first (measured()), each line naming its area: not said again
        blocks += [n.para(plain(_said("figures", options, one=one, **ctx))),
                   BulletList(tuple(plain(figure_line(report, f, placed=not one))
                                    for f in figures), level=1)]
    practice = [(q.number, p.text) for q in report.questions for p in q.notable_practice]
    if practice:
        kind = practice_kind([text for _number, text in practice], report.is_assessment)
        blocks += [n.para(plain(_said("practice", options, count=len(practice), kind=kind,
                                      **ctx))),
                   BulletList(tuple(plain(f"“{text}”{glosses(text, report)}"
                                          f"{_where(report, number)}")
                                    for number, text in practice), level=1)]
    named = named_practice(report)  # what its text credits besides: the pack's list, once
    if named:
        blocks += [n.para(plain(_said("named", options, listed=bool(practice), **ctx))),
                   # the report's own expansion of what the quotation abbreviates (read 36-C)
                   BulletList(tuple((*line, Text(glosses(call.quote, report))) if
                                    glosses(call.quote, report) else line
                                    for line, call in zip(call_lines(named, report), named,
                                                          strict=True)),
                              style=ParaStyle.QUOTE, level=1)]
    return blocks


def _said(what: str, options: Options, **ctx: Any) -> str:
    return " ".join(render_text("committee_figures.j2", options.template_dir, what=what, **ctx))
