"""The one-page brief's judgments (or grades): the headline, the lowest graded and the tally.

A table of the lowest graded shows only when it says more than the headline; the
tally counts every judgment once ("three were graded good, three adequate, two
requires improvement and one inadequate; one was ungraded").  Pure functions, no I/O.
"""

from __future__ import annotations

import re

from peeldocs.blocks import Block, Cell, Heading, Paragraph, Table, Text, plain
from peeldocs.model import Question, Report, passage_text
from peeldocs.options import Options
from peeldocs.prose import join_words
from peeldocs.sections.brief_budget import Budget
from peeldocs.sections.common import (
    judged_noun,
    judgment_cell,
    ours,
    report_context,
    unread_clause,
    unread_row,
    verdict_word,
)
from peeldocs.sections.lowest import (
    NAMED_MAX,
    low_names,
    lowest_context,
    lowest_graded,
    lowest_group,
    tally_sentence,
)


def brief_judgments(report: Report, options: Options, budget: Budget) -> list[Block]:
    """Return the brief's judgments (a force assessment's grades) at one level of detail."""
    ctx = report_context(report, options)
    area = judged_noun(report)
    # a force assessment speaks of grades, area by area
    blocks: list[Block] = [Heading(2, "Grades" if report.is_assessment else "Judgments",
                                   anchor="brief-judgments")]
    # a constructed report's grades are its own, never "the inspectorate's" (read 32)
    shown, which = lowest_graded(report.questions, budget.rows)
    unread = unread_row(report)
    if which and not unread and len(shown) <= NAMED_MAX and shown == lowest_group(report):
        shown = []  # a table of only what the headline names says it twice: the tally follows
    low = lowest_context(report)
    # read 33: with no table, the tally names the questions given the lowest grade, and the
    # headline does not grade them again ("… and one requires improvement (question 2, ‘…’)")
    merged = _merged(report, low, bool(budget.tally and not shown and not unread))
    blocks.extend(ours("brief_headline.j2", options, assessment=report.is_assessment,
                       constructed=report.illustrative, in_tally=bool(merged), **low, **ctx))
    if shown or unread:
        header = ((Cell(plain("No.")), Cell(plain(area.capitalize())),
                   Cell(plain(verdict_word(report)))),)
        rows = tuple((Cell(plain(str(q.number))), Cell(plain(q.title)), judgment_cell(q.judgment))
                     for q in shown) + ((unread,) if unread else ())
        blocks.append(Table(header, rows, widths=(0.45, 4.4, 2.2),
                            caption=f"Judgments by {area}"))
    more = len(report.questions) - len(shown)
    if more and shown:  # with no table, the tally below says it all
        named = lowest_context(report)["lowest"]  # the headline names the lowest graded
        said = named is not None and which.endswith(f"graded {named}, the lowest grade")
        blocks.extend(ours("brief_more.j2", options, counts=[(more, area, area + "s", True)],
                           where="with the judgments in the briefing pack" + (
                               "" if said else f"; the table shows {which}")))
    if more and budget.tally:  # a page short of room: the headline names the lowest
        # read 34: an assessment's headline grades its lowest areas; the tally counts the others
        named = lowest_group(report) if report.is_assessment and low["lowest"] and not (
            shown or unread) else []
        rest = tuple(q for q in report.questions if q not in named)
        blocks.extend(ours("brief_tally.j2", options, total=len(rest), noun=area,
                           unread=unread_clause(report), other=bool(named),
                       tally=tally_sentence(rest,
                                           names={**(low_names(report) if budget.named else {}),
                                                  **merged},
                                           by_design=area)))
    if not shown and not unread and len(blocks) == 3:  # no table: headline and tally, one paragraph
        first, second = blocks[1], blocks[2]
        if isinstance(first, Paragraph) and isinstance(second, Paragraph):
            blocks[1:] = [Paragraph((*first.runs, Text(" "), *second.runs))]
    why = why_graded(report) if budget.why else None
    if why and isinstance(blocks[-1], Paragraph):  # read 34: why the weakest got its grade
        q, quote = why
        where = f"‘{q.title}’" if report.is_assessment else f"question {q.number}"
        whose = "the constructed report’s" if report.illustrative else "the report’s"
        blocks[-1] = Paragraph((*blocks[-1].runs, Text(f" On {where}, {whose} summary says: "),
                                Text(f"“{quote}”", italic=True)))
    return blocks


_PLAIN = frozenset(("force", "forces", "constabulary", "police", "policing", "with", "that",
                    "this", "from", "their", "how", "effective", "well", "does", "good", "about"))
"""Words that say nothing of what a question is about, for :func:`why_graded`'s match."""

_QUOTE_WORDS = 40
"""The sentences :func:`why_graded` quotes run to at most this many words."""


def _stems(text: str) -> set[str]:
    """Return a text's content words, each cut to six letters ("investigates", "investigating")."""
    return {w[:6] for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3 and w not in _PLAIN}


def _sentences(text: str) -> list[str]:
    return [t for t in re.split(r"(?<=[.!?])\s+(?=[A-Z“‘])", text.strip()) if t]


def why_graded(report: Report) -> tuple[Question, str] | None:
    """Return the weakest question (or area) and the report's own words on it, or None.

    Read 34: a brief that gives the grade and goes straight to the findings is a register
    extract.  Only where one question has the lowest grade and it is below good: its own
    summary's opening, else the paragraph of the report's summary whose first sentence
    shares most content words with its title (two or more, and more than any other), never
    a guess.  The first sentence, and the next when it too is about the question and the
    two run to :data:`_QUOTE_WORDS` words or fewer.
    """
    low = lowest_group(report)
    if len(low) != 1 or low[0].judgment.grade is None or low[0].judgment.grade.value not in (
            "requires improvement", "inadequate"):
        return None
    q = low[0]
    title = _stems(q.title)
    if q.summary:
        said = _sentences(passage_text(q.summary[0]))
    else:
        scored = sorted(((len(_stems(f[0]) & title), n, f) for n, p in enumerate(report.summary)
                         if (f := _sentences(passage_text(p)))), reverse=True)
        if not scored or scored[0][0] < 2 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return None
        said = scored[0][2]
    if not said:
        return None
    quote = said[0]
    if len(said) > 1 and _stems(said[1]) & title and len(f"{quote} {said[1]}".split()) <= _QUOTE_WORDS:
        quote = f"{quote} {said[1]}"
    return q, quote



def _merged(report: Report, low: dict[str, object], tallied: bool) -> dict[str, str]:
    """Return the lowest grade and the questions given it, for the tally to name (else empty).

    Only for questions (an assessment's headline names its lowest areas in its first
    sentence), a few of them, when the tally is on the page and no table shows them.
    """
    names = low["lowest_names"]
    if (not tallied or report.is_assessment or low["lowest"] is None or low["lowest_many"]
            or not isinstance(names, list) or len(report.questions) < 2):
        return {}
    return {str(low["lowest"]): join_words(str(n) for n in names)}
