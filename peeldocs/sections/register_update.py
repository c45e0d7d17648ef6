"""The quarterly update paper, in the committee-paper form, as one section of blocks.

Purpose, recommendation, background, where the actions stand, what changed
since the last update, what is overdue and why, inspections expected next and
implications, with what only its author can write as marked placeholders,
listed at the top.  Each finding is set out once: one the paper quotes in full
in its own paragraph (one shared with the commissioner) is pointed to there
from the tables, and those that became overdue are named, not tabled again
ahead of the overdue actions.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from peeldocs.blocks import Block, BulletList, Callout, Cell, Heading, Section, Table, Tone, plain
from peeldocs.options import Options
from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.register import Register
from peeldocs.prose import counted, join_words, long_date
from peeldocs.sections.common import ours, wording
from peeldocs.sections.paper import Numbering, placeholders, runs
from peeldocs.sections.register_asks import decisions, quoted_marks
from peeldocs.sections.register_cells import deadline_words
from peeldocs.sections.register_docs import (
    by_owner,
    moved_before,
    notices,
    paper_context,
    since_tables,
)
from peeldocs.sections.register_message import quarter_message, without_evidence
from peeldocs.sections.register_refs import ref_order
from peeldocs.sections.register_tables import inspection_table, overdue_table, removed_note, since_label
from peeldocs.sections.register_words import (
    WHOSE,
    attribution,
    commissioner_note,
    marking_row,
    shared_with_commissioner,
)
from peeldocs.wording import render_text


def _overdue_by_inspection(reg: Register, n: Numbering,
                           quoted_at: dict[str, str]) -> list[Block]:
    """Return the overdue actions, one table under each inspection's name, numbered."""
    out: list[Block] = []
    labels = reg.labels()
    for i, line in enumerate(reg.inspections, start=1):
        table = overdue_table(tuple(e for e in reg.overdue if e.plan == line.plan), labels,
                              as_of=reg.as_of, inspection=False, actions=True, finding=True,
                              caption="Most overdue first, with each finding’s first sentence",
                              quoted_at=quoted_at)
        if table is not None:
            out += [n.subheading(labels[line.plan], f"update-overdue-{i}"), table]
    return out


def _quoted_in_update(reg: Register) -> set[str]:
    """Return the plans whose finding text the update paper quotes: overdue, and newly so."""
    newly = reg.changes.newly_overdue if reg.changes else ()
    return {e.plan for e in (*reg.overdue, *newly) if e.quoted}


def _newly_overdue(reg: Register, quoted_at: dict[str, str], overdue_at: str) -> str | None:
    """Name the findings that became overdue since the last update, with their target dates.

    Their findings and progress are set out once, under the overdue actions
    (``overdue_at``), or where the paper quotes them (``quoted_at``).
    """
    newly = sorted(reg.changes.newly_overdue if reg.changes else (),
                   key=lambda e: (e.state.item.target or reg.as_of, ref_order(e.state.item.finding)))
    if not newly:
        return None
    # a target moved past HMICFRS's own deadline: when that passed is said too (read 34)
    named = [f"{e.state.item.finding} (target date "
             f"{long_date(e.state.item.target) if e.state.item.target else 'not recorded'}"
             + "".join(f"; {w}" for w in (deadline_words(e, reg.as_of),) if w)
             + (f"; quoted in {quoted_at[e.key]})" if e.key in quoted_at else ")")
             for e in newly]
    one = len(newly) == 1
    what = "The finding that became overdue is" if one else \
        f"The {counted(len(newly), 'finding', words=True)} that became overdue are"
    return (f"{what} {join_words(named)}. {'It' if one else 'Each'} is set out with its "
            f"progress under {overdue_at}.")


def _asks(reg: Register, options: Options, n: Numbering, ctx: dict[str, Any]) -> list[Block]:
    """Return the recommendation: its lead-in numbered, each decision an item labelled (a), (b) ….

    Read 24-X: four asks in one sentence of ninety words; a secretariat minutes each
    decision by its letter.
    """
    lead, *asks = render_text("update_recommendation.j2", options.template_dir, **ctx,
                              asks=decisions(reg))
    labels = tuple(f"({chr(ord('a') + i)})" for i in range(len(asks)))
    return [n.para(runs(lead)), BulletList(tuple(runs(a) for a in asks), labels=labels)]


def due_next(reg: Register) -> str:
    """Say which open findings fall due in the next quarter (91 days), by their target dates.

    'Due in the next quarter (by 16 April 2025): R7 (target 31 March 2025).'; with none,
    that none is, and, when every open finding is already overdue, so (read 36: the date
    is said to be the next quarter's end).  Items addressed to other bodies are not tracked
    as the force's actions, so they are not counted (read 33).
    """
    by = reg.as_of + timedelta(days=91)
    open_ = [e for e in reg.entries if e.state.item.status is not ItemStatus.CLOSED]
    due = sorted((e for e in open_ if not e.state.overdue and e.state.item.current_target
                  and reg.as_of < e.state.item.current_target <= by),
                 key=lambda e: (e.state.item.current_target, e.key))
    if due:
        return (f"Due in the next quarter (by {long_date(by)}): " + join_words(
            [f"{e.state.item.finding} (target {long_date(e.state.item.current_target)})"
             for e in due if e.state.item.current_target]) + ".")
    if open_ and all(e.state.overdue for e in open_):
        return ("No finding falls due in the next quarter: all open findings are already "
                "overdue.")
    return f"No open finding falls due in the next quarter (by {long_date(by)})."


def closures(reg: Register) -> str:
    """Name the closed findings with their closing dates, in a line (read 35: counts only).

    "The two closed findings are E2-AFI-3 (closed on 4 October 2019) and AFI1 (closed
    on 20 August 2024)."; "" when none is closed.
    """
    shut = [e.state.item for e in reg.entries if e.state.item.status is ItemStatus.CLOSED]
    said = [f"{i.finding} (" + (f"closed on {long_date(i.closed_on)}" if i.closed_on
                                else "no closing date recorded") + ")" for i in shut]
    if not said:
        return ""
    lead = "The one closed finding is" if len(said) == 1 else \
        f"The {counted(len(said), 'closed finding', words=True)} are"
    return f"{lead} {join_words(said)}."


def update_section(reg: Register, options: Options) -> Section:
    """Build the quarterly update paper in the committee-paper form."""
    ctx = paper_context(reg, options)
    changes = reg.changes
    since = since_label(changes)
    n = Numbering("update")
    body: list[Block] = [
        n.heading("Purpose"), *n.template("update_purpose.j2", options, **ctx),
        *([n.para(plain(message))] if (message := quarter_message(reg)) else []),
        n.heading("Recommendation"), *_asks(reg, options, n, ctx),
        n.heading("Background"), *n.template("update_background.j2", options, **ctx),
        n.heading("Where the actions stand"), *n.template("update_position.j2", options, **ctx),
        # the counts, said in words, lead into their table by inspection (its total row the
        # same counts); the commissioner's share follows, never kept with a table it does not
        # introduce
        inspection_table(reg, total=True),
    ]
    quoted_at: dict[str, str] = {}
    if (note := commissioner_note(reg)) is not None:
        body.append(n.para(plain(note)))
        quoted_at = {e.key: f"paragraph {n.section}.{n.paragraph}"
                     for e in shared_with_commissioner(reg) if e.quoted}
    # a closure that cannot be audited is still so this quarter: said as still so
    still = since if changes is not None and changes.source is not None else None
    body += [*([n.para(plain(shut))] if (shut := closures(reg)) else []),
             *([n.para(plain(gap))] if (gap := without_evidence(reg, still=still)) else []),
             *by_owner(reg, "update-owners", n),
             n.heading("Since the last update"),
             # the paper shows moved targets only for the overdue actions, under their heading
             *n.template("update_since.j2", options, **{
                 **ctx, "overdue": ctx["newly_overdue"],
                 "moved_before": moved_before(reg, reg.overdue),
                 "moved_where": "“Overdue actions”"})]
    if changes is not None:
        overdue_at = f"“{n.section + 1}. Overdue actions”"
        if (newly := _newly_overdue(reg, quoted_at, overdue_at)) is not None:
            body.append(n.para(plain(newly)))
        body += [*since_tables(reg, since, "update", overdue_at, n, skip=("overdue",)),
                 *removed_note(changes, since)]
    body += [n.heading("Overdue actions"),
             # what falls due next quarter, with the overdue count it follows (read 33)
             *n.template("update_overdue.j2", options, **{**ctx, "grouped": True,
                                                         "due_next": due_next(reg)}),
             *_overdue_by_inspection(reg, n, quoted_at),
             n.heading("Inspections expected next"),
             *n.template("update_expected.j2", options, **ctx),
             # the risk offered as a draft the author keeps or edits, from the counts (read 33)
             n.heading("Implications"), *n.template("update_implications.j2", options, **{
                 **ctx, "unowned": sum(1 for e in reg.overdue if not e.state.item.owner)})]
    title = wording("update_title.j2", options, **ctx)
    facts = [("Report to", runs(f"The {options.audience}")),
             *([] if ctx["force"] else [("Register of", runs(WHOSE))]),
             ("Date of meeting", runs("[[date of the meeting]]")),
             ("Report of", runs("[[author’s name and role]]")),
             ("Contact", runs("[[contact officer’s name, telephone and email]]")),
             marking_row(options)]
    head = Table((), tuple((Cell(plain(k, bold=True)), Cell(v)) for k, v in facts),
                 widths=(1.0, 3.0), caption="About this paper")
    todo = placeholders([head, *body], top=head)
    checklist = Callout("To complete before this paper is issued", (
        *ours("committee_todo.j2", options, count=len(todo), what="paper"),
        BulletList(tuple(plain(t) for t in todo)),
    ), Tone.WARNING)
    # the notice that this is an example comes first; the facts table keeps it apart from the
    # checklist, so two call-outs never run together as one shaded block (as Word joins them)
    blocks: list[Block] = [Heading(1, title, anchor="update"), *notices(reg, paper=True), head, checklist,
                           *body, Heading(2, "Source and licence", anchor="update-source"),
                           *attribution(reg, _quoted_in_update(reg), quoted_marks(reg))]
    return Section("update", tuple(blocks))
