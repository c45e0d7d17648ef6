"""The asks at the head of a pack's executive summary, one point a bullet.

Read 36: the asks were one sentence of sixty words ("… to note the judgments and
that E2-AFI-3 was closed …, although E-2017-AFI-1 … is still open: the group may
ask …; and to take these decisions:"), with the one hard date inside it.  Now a
short lead ("The chief officer group is asked to:" or "… asked to note the judgments, and:"), then
each thing to note or agree as a bullet of its own: the judgments, each closure
and the earlier finding still open beside it, the section 55 comments with their
date, the action plan, the findings past their deadlines.  The wording is the
templates' (``asks_list.j2``, included by ``purpose.j2`` and
``assessment_purpose.j2``): a paragraph that starts "• " is a bullet.  Pure
functions, no I/O.
"""

from __future__ import annotations

from peeldocs.blocks import Block, BulletList, Inline, Paragraph, plain
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.plans.plan import ItemStatus
from peeldocs.prose import count_words, counted, join_words, long_date
from peeldocs.sections.asks import NAMED_MAX, asks, finding_named
from peeldocs.sections.committee_asks import open_beside_closed
from peeldocs.sections.common import report_context, wording
from peeldocs.sections.items import ItemKind, s55_deadline
from peeldocs.sections.joint import joint_asks
from peeldocs.sections.order import live_items
from peeldocs.sections.paper import runs
from peeldocs.wording import render_text

BULLET = "• "
"""How a template marks a paragraph as a bullet of the list it runs in."""


def closure_notes(report: Report, options: Options) -> list[str]:
    """Return what the group is to note of each closed item, a sentence each, as the plan records it.

    "E2-AFI-3 was closed on 4 October 2019, four days late, signed off by …."; then, where
    an earlier finding under the same question is still open (the committee's rule,
    :func:`~peeldocs.sections.committee_asks.open_beside_closed`), a sentence of its own:
    "E-2017-AFI-1, the earlier finding under the same question, is still open: the
    group may ask what evidence supports the closure of E2-AFI-3."  What the plan does
    not record is said so.
    """
    assert options.plan is not None
    closed = [i for i in options.plan.items if i.status is ItemStatus.CLOSED]
    if len(closed) > NAMED_MAX:
        return [f"The action plan records {count_words(len(closed))} items as closed: "
                f"{join_words(i.finding for i in closed)}."]
    out, beside = [], open_beside_closed(report, options)
    where = "in the same area" if report.is_assessment else "under the same question"
    for item in closed:
        when, target = item.closed_on, item.target
        said = f"closed on {long_date(when)}" if when else "closed (no date of closure is recorded)"
        if when and target:  # the target itself is in the action plan's table
            late = (when - target).days
            said += f", {counted(late, 'day', words=True)} late" if late > 0 else \
                ", by its target date"
        said += (f", signed off by {item.signed_off_by}" if item.signed_off_by
                 else ", with no sign-off recorded")
        out.append(f"{item.finding} was {said}.")
        if refs := beside.get(item.finding):
            one = len(refs) == 1
            out.append(f"{join_words(refs)}, the earlier finding{'' if one else 's'} {where}, "
                       f"{'is' if one else 'are'} still open: the group may ask what evidence "
                       f"supports the closure of {item.finding}.")
    return out


def passed_noun(report: Report, refs: tuple[str, ...]) -> str:
    """Name the findings past their deadlines: "recommendations" when all are; else "findings"."""
    found = {i.id: i for i in live_items(report)}
    kinds = {found[r].kind for r in refs if r in found}
    kind = kinds.pop() if len(kinds) == 1 and all(r in found for r in refs) else None
    if kind is None:
        return "finding" if len(refs) == 1 else "findings"
    return kind.value if len(refs) == 1 else kind.plural()


def bulleted(texts: tuple[str, ...] | list[str]) -> list[Block]:
    """Return a template's paragraphs as blocks: each run of "• " paragraphs one bullet list.

    Placeholders (``[[...]]``) are marked in bullets as in paragraphs.
    """
    out: list[Block] = []
    items: list[tuple[Inline, ...]] = []
    for text in texts:
        if text.startswith(BULLET):
            items.append(runs(text[len(BULLET):]))
            continue
        if items:
            out.append(BulletList(tuple(items)))
            items = []
        out.append(Paragraph(runs(text)))
    if items:
        out.append(BulletList(tuple(items)))
    return out


def asks_blocks(name: str, report: Report, options: Options,
                **context: object) -> tuple[Block, ...]:
    """Return the purpose paragraphs of template ``name`` with the asks, each point a bullet.

    Before the section 55 deadline the group is asked to agree the chief officer's
    comments, which the pack does not hold: where their draft is, is a marked
    placeholder in that bullet ("{to be completed: where the draft is}"), with the date
    they are to be published by.  The findings past their deadlines follow the ask to
    confirm the action taken on them, in the order the deadlines fell.
    """
    wanted = asks(report, options)
    dated = any(i.deadline for i in live_items(report) if i.kind is ItemKind.RECOMMENDATION)
    deadline = s55_deadline(options.published or report.published)
    # before the section 55 deadline, the group agrees the chief officer's comments
    s55 = "" if deadline is None or deadline < options.as_of_date else wording(
        "brief_decide.j2", options, s55=True, deadline=deadline, **report_context(report, options))
    texts = render_text(name, options.template_dir, has_plan=options.plan is not None,
                        dated=dated, decisions=list(wanted.decisions), passed=list(wanted.passed),
                        passed_noun=passed_noun(report, wanted.passed), s55=s55,
                        closed=closure_notes(report, options) if options.plan else [],
                        joint=joint_asks(((i.id, i.text) for i in live_items(report)), report),
                        **context)
    blocks = bulleted(texts)
    if wanted.passed:  # each named with a few of its words (read 25-P), not by reference alone
        return (*blocks, BulletList(tuple(plain(finding_named(report, r)) for r in wanted.passed),
                                      level=1))  # under the ask to confirm
    if not wanted.decisions:
        return tuple(blocks)
    return (*blocks, BulletList(tuple(plain(d) for d in wanted.decisions)))
