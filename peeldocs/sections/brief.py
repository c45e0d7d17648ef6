"""The one-page brief: the judgments, what needs doing and what is late.

:func:`brief_candidates` returns the brief at decreasing levels of detail, the
fullest first; each is a section promised to fit on one page.  What a level
leaves out is summarised in words ("and 7 more areas for improvement, listed in
the briefing pack"), never dropped silently and never shortened mid-sentence.
Choosing the level that fits is layout's business (:mod:`peeldocs.build.documents`).
"""

from __future__ import annotations

import re

from peeldocs.blocks import (
    Block,
    BulletList,
    Heading,
    Inline,
    Paragraph,
    Section,
    Text,
    inline_text,
    plain,
)
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.plans.plan import ItemStatus
from peeldocs.sections.asks import NAMED_MAX, decided_refs, plan_needs
from peeldocs.sections.brief_addressed import addressed_parts
from peeldocs.sections.brief_asks import brief_decisions
from peeldocs.sections.brief_budget import Budget, budgets, fuller
from peeldocs.sections.brief_due import due_in_words, mark_note, plan_position, s55_line
from peeldocs.sections.brief_grades import brief_judgments
from peeldocs.sections.brief_items import (
    brief_order,
    is_key,
    lead_phrase,
    unplanned,
)
from peeldocs.sections.brief_labels import CLIP_WORDS, LABEL_WORDS, to_quote
from peeldocs.sections.brief_list import (
    counted_note,
    cut_to_opening,
    findings_list,
    later_here,
    more_nouns,
)
from peeldocs.sections.brief_named import places
from peeldocs.sections.common import (
    ours,
    report_context,
    unread_clause,
    wording,
)
from peeldocs.sections.counts import shared_places, stated_phrase, unlisted_recommendations
from peeldocs.sections.due import due_sentence
from peeldocs.sections.items import (
    ItemKind,
    ResponseItem,
    count_kinds,
    plan_item,
    response_items,
    s55_deadline,
)
from peeldocs.sections.levels import Levels
from peeldocs.sections.order import live_items
from peeldocs.sections.paper import runs


def _shown(report: Report, options: Options, budget: Budget) -> list[ResponseItem]:
    """Return the findings this level lists, in the brief's order (:func:`brief_order`).

    Earlier findings without enough progress are not among them: the paragraph
    before the list names them (:func:`_leads`).
    """
    order = brief_order(report, options.published or report.published)
    key = [i.id for i in order if is_key(i)][:budget.key]
    # when not all fit: those the decisions name first, then those the report bears on most;
    # those quoted keep the brief's (the report's) order
    plan = options.plan
    closed = frozenset(i.id for i in order if plan is not None and (a := plan_item(plan, i.id))
                       and a.status is ItemStatus.CLOSED)
    other = [i.id for i in to_quote(order, report, decided_refs(report, options), closed)]
    other = other[:budget.other]
    return [i for i in order if i.id in key or i.id in other]


def _leads(report: Report, budget: Budget) -> list[ResponseItem]:
    """Return the earlier findings without enough progress this level quotes."""
    return [i for i in live_items(report) if i.kind is ItemKind.CARRIED_FORWARD][:budget.lead]


def _above(report: Report, options: Options, budget: Budget) -> frozenset[str]:
    """Return the references of every finding this level quotes under "What needs doing"."""
    return frozenset(i.id for i in (*_leads(report, budget), *_shown(report, options, budget)))


def _needs_doing(report: Report, options: Options, budget: Budget) -> list[Block]:
    items = response_items(report)
    counts = count_kinds(items)
    quoted = _leads(report, budget)
    followed = quoted[:budget.follow]
    listed = frozenset(i.id for i in _shown(report, options, budget))
    leads = [lead_phrase(i, report, quoted=i in quoted, follow=i in followed,
                         link=later_here(i, report, listed), gist=bool(budget.gist))
             for i in live_items(report) if i.kind is ItemKind.CARRIED_FORWARD]
    blocks: list[Block] = [Heading(2, "What needs doing", anchor="brief-actions")]
    blocks.extend(ours("brief_counts.j2", options, counts=counts, kinds=list(ItemKind),
                       assessment=report.is_assessment, total=len(items),
                       overview=report.is_overview,
                       recommending=unlisted_recommendations(report),
                       stated=stated_phrase(report, counts[ItemKind.RECOMMENDATION]),
                       unread=unread_clause(report), leads=leads,
                       at=shared_places(items, report)))
    live = live_items(report)
    shown = _shown(report, options, budget)
    published = options.published or report.published
    missing = unplanned(report, options.plan)
    # a kind's place said above for all of it is not said on each line; a long area for
    # improvement quoted to its first sentence when the page is short of room
    cut = [i.id for i in shown if i.id in cut_to_opening(shown, budget.whole)]
    # the paragraph above names each earlier finding without enough progress, with its place:
    # a cause of concern in the same place is not linked to it again on its line
    blocks += findings_list(shown, published, options.as_of_date, report, options.plan,
                            frozenset(shared_places(items, report)), frozenset(cut),
                            named=frozenset(i.id for i in live if
                                            i.kind is ItemKind.CARRIED_FORWARD),
                            dated=bool(budget.dated),
                            clip=CLIP_WORDS if budget.span else LABEL_WORDS,
                            joint=bool(budget.joint), figures=bool(budget.figure))
    # an earlier finding is named above, by its words or its reference: not counted again
    left = [i for i in live if i not in shown and i.kind is not ItemKind.CARRIED_FORWARD]
    rest = count_kinds(left)
    # "more" only of a kind some of which the brief quotes
    had = count_kinds(shown)
    # what the plan lacks is named under "Deadlines and what is late": not named twice
    named = frozenset(i.id for i in missing)
    more = [(n, *more_nouns(kind, [i.id for i in left if i.kind is kind and i.id not in named]),
             bool(had[kind])) for kind, n in rest.items() if n]
    # read 30-B: areas for improvement not quoted are named by reference and place, if room
    unquoted = [i.id for i in items if i in left and i.kind is ItemKind.AREA_FOR_IMPROVEMENT]
    spots = places(report, unquoted) if budget.places and [
        k for k, n in rest.items() if n] == [ItemKind.AREA_FOR_IMPROVEMENT] else ""
    tail = [*(ours("brief_more.j2", options, counts=more, where="verbatim in the briefing pack",
                   places=spots) if more else ()),
            # where the rest of a finding quoted to a clause is, the opening says (read 31-B: a
            # line given to naming them kept a clause of a finding off the page)
            *ours("brief_addressed.j2", options,
                  parts=addressed_parts(report, gist=bool(budget.recap)))]
    if tail:  # what is left to the pack and what is addressed: one short paragraph, good news last
        blocks.append(Paragraph(tuple(r for n, p in enumerate(tail)
                                      for r in ((Text(" "),) if n else ()) + p.runs)))
    return blocks


def _late(report: Report, options: Options, budget: Budget) -> list[Block]:
    above = _above(report, options, budget)
    lines = [s55_line(report, options)]
    late = True  # with a plan: what is overdue, or that nothing is
    subs: tuple[tuple[Inline, ...], ...] = ()
    if options.plan is not None:  # where it stands, then each state on a short line of its own
        # an item quoted above, or named in words in the decisions, by its reference alone
        # the findings the decisions ask an item for, by reference: not said again (read 24-B)
        missing = plan_needs(report, options).missing
        head, subs = plan_position(report, options, above | decided_refs(report, options),
                                   labels=budget.labels,
                                   asked=frozenset(missing) if len(missing) <= NAMED_MAX
                                   else frozenset(),
                                   stated=frozenset(i.id for i in _shown(report, options, budget)))
        lines.append(plain(head))
    else:  # without a plan the sentence names each passed or coming deadline by its reference
        listed = frozenset(i.id for i in _shown(report, options, budget) if i.deadline)
        due = due_in_words(report, options)
        # read 36: every deadline passed or coming is on its finding's line above, with its
        # date: "Four deadlines set by the report have passed" only said it again
        if not all(i.ref in listed for i in due.items) or due.undated or due.unread or not due.passed:
            lines.append(plain(due_sentence(due, options, listed, words=True)))  # the ask is at the top
        s55 = s55_deadline(options.published or report.published)
        # read 34: a heading promising what is late, over nothing late, is just "Deadlines"
        late = bool(due.passed) or (s55 is not None and s55 < options.as_of_date)
    title = "Deadlines and what is late" if late else "Deadlines"
    blocks: list[Block] = [Heading(2, title, anchor="brief-late"),
                           BulletList(tuple(lines))]
    if subs:
        blocks.append(BulletList(subs, level=1))
    return blocks


def _decisions(report: Report, options: Options, budget: Budget) -> list[Block]:
    """Return what the reader is asked to decide, at the top (:func:`brief_decisions`)."""
    decided = brief_decisions(report, options, _above(report, options, budget),
                              s55_ask=bool(budget.ask), longer=budget.labels > 1,
                              check=bool(budget.check), label=bool(budget.labels))
    if not decided:
        return []
    lead, rest = decided.split(": ", 1)
    # read 35: said here, not under "Deadlines"; read 36: "(prepared without a plan)" was unclear
    lead += " (no action plan was seen for this brief)" if options.plan is None else ""
    return [Paragraph((Text(f"{lead}: ", bold=True), *runs(rest)))]


def brief_section(report: Report, options: Options, budget: Budget,
                  pages: int | None = 1) -> Section:
    """Build the brief at one level of detail, promised to fit on ``pages`` (None: any number).

    Only a brief on one page calls itself a one-page brief.
    """
    ctx = report_context(report, options)
    published = options.published or report.published
    needs = _needs_doing(report, options, budget)
    # a later line sends the reader to the briefing pack for what it leaves out: said once
    later = any(isinstance(b, Paragraph) and "in the briefing pack" in inline_text(b.runs)
                for b in needs)
    # nor is the pack named for "the findings in full" when this page quotes every one whole
    shown = _shown(report, options, budget)
    whole = all(i in shown for i in live_items(report) if i.kind is not ItemKind.CARRIED_FORWARD
                ) and not cut_to_opening(shown, budget.whole)
    blocks: list[Block] = [
        Heading(1, wording("brief_title.j2", options, one_page=pages == 1, **ctx), anchor="brief"),
        *ours("brief_intro.j2", options, published=published, pack_named=later or whole,
              **ctx),
        *_decisions(report, options, budget),  # what the reader must act on: seen first
        *brief_judgments(report, options, budget),
        *needs,
        *_late(report, options, budget),
    ]
    # the opening names the report, its publisher and date: the source is not said twice
    named = published is not None and report.last_updated in (None, published)
    # its opening labels a constructed report as such: the closing note need not say it again
    # one page: the report is named above, its address is in the pack and every other kind;
    # the plan is named on its own line under "Deadlines and what is late" (read 23-B)
    source = [*ours("attribution.j2", options, **{**ctx, "source_url": None}, named=named,
                    labelled=True, plan_title=None), *counted_note(shown, published)]
    # the protective marking, asked for or a placeholder, is the page's header and footer's
    # the source and its licence: one closing paragraph
    if source:
        blocks.append(_as_one(tuple(source)))
    noted = _refs_note(mark_note(blocks), report, options) if budget.refs else mark_note(blocks)
    return Section("brief", tuple(noted),
                   page_limit=pages)


def _refs_note(blocks: list[Block], report: Report, options: Options) -> list[Block]:
    """Say once, in the closing notes, that the references are ours (read 19).

    The brief is often read alone: a reader might take "E2-AFI-2" for the
    inspectorate's.  The example is the first reference to a finding of this
    report the page gives (else to an earlier finding); a page that gives none
    says nothing of them.
    """
    text = " ".join(inline_text(b.runs) if isinstance(b, Paragraph) else
                    " ".join(inline_text(i) for i in b.items) if isinstance(b, BulletList) else ""
                    for b in blocks)
    ref = (_first_on(text, [i.id for i in response_items(report)
                            if i.kind is not ItemKind.CARRIED_FORWARD])
           or _first_on(text, [p.id for p in report.prior_findings]))
    if not ref or report.illustrative:  # a constructed report's references are all ours (read 33)
        return blocks
    note = ours("brief_refs.j2", options, ref=ref, has_plan=options.plan is not None)
    last = blocks[-1]
    if isinstance(last, Paragraph):  # the closing notes: one paragraph
        return [*blocks[:-1], _as_one((last, *note))]
    return [*blocks, _as_one(tuple(note))]


def _first_on(text: str, refs: list[str]) -> str:
    """Return whichever of ``refs`` comes first in ``text`` ("" if none is in it)."""
    found = [(m.start(), ref) for ref in refs
             if (m := re.search(rf"(?<![\w-]){re.escape(ref)}(?![\w-])", text))]
    return min(found)[1] if found else ""


def _as_one(blocks: tuple[Block, ...]) -> Paragraph:
    """Return paragraphs run together as one, a space between each (never small: 9 pt or more)."""
    runs: list[Inline] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            runs += [*((Text(" "),) if runs else ()), *block.runs]
    return Paragraph(tuple(runs))


def brief_candidates(report: Report, options: Options) -> Levels[tuple[Budget, int | None]]:
    """Return the brief at every level of detail, the fullest first, each made when looked at.

    On one page, then two: a user's brief never fails to build because its text
    is long.  When even the shortest form cannot fit one page, the same levels
    follow on two pages (the title then no longer says one page), and last the
    shortest on as many as it needs.  A level that fits grows back, a step at a time,
    while the page holds it (:func:`fuller`).
    """
    planned = options.plan is not None
    levels = budgets(report, planned)
    paged: list[tuple[Budget, int | None]] = [
        *((b, pages) for pages in (1, 2) for b in levels), (levels[-1], None)]
    return Levels(paged, lambda level: brief_section(report, options, *level),
                  limits=[pages for _b, pages in paged],
                  grow=lambda level: [(b, level[1]) for b in fuller(level[0], levels[0],
                                                                   planned)])
