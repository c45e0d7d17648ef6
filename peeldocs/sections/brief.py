"""The one-page brief: the judgments, what needs doing and what is late.

:func:`brief_candidates` returns the brief at decreasing levels of detail, the
fullest first; each is a section promised to fit on one page.  What a level
leaves out is summarised in words ("and 7 more areas for improvement, listed in
the briefing pack"), never dropped silently and never shortened mid-sentence.
Choosing the level that fits is layout's business (:mod:`peeldocs.build.documents`).
"""

from __future__ import annotations

from dataclasses import dataclass

from peeldocs.blocks import (
    Block,
    BulletList,
    Cell,
    Heading,
    Inline,
    Paragraph,
    Section,
    Table,
    Text,
    plain,
)
from peeldocs.model import Question, Report
from peeldocs.model.scales import Grade
from peeldocs.options import Options
from peeldocs.plans.rules import assess_plan
from peeldocs.sections.common import (
    judged_noun,
    judgment_cell,
    ours,
    report_context,
    unread_clause,
    unread_row,
    verdict_word,
    wording,
)
from peeldocs.sections.counts import unlisted_recommendations
from peeldocs.sections.items import (
    ItemKind,
    ResponseItem,
    count_kinds,
    response_items,
    s55_deadline,
)
from peeldocs.wording import long_date


@dataclass(frozen=True, slots=True)
class Budget:
    """How much of each list one level of the brief shows."""

    rows: int
    items: int
    late: int


def budgets(report: Report, late_total: int) -> list[Budget]:
    """Return the levels of detail to try, fullest first, each showing no more than the last.

    Listed findings go first (down to one), then dated actions (down to one), so
    that the judgments table stays whole; then table rows (down to six), then
    everything to none, one step at a time.
    """
    rows = min(len(report.questions), 16)
    items = min(len(response_items(report)), 12)
    late = min(late_total, 6)
    out = [Budget(rows, items, late)]
    for floor_items, floor_late, floor_rows in ((1, 1, rows), (1, 1, 6), (0, 0, 0)):
        while items > floor_items:
            items -= 1
            out.append(Budget(rows, items, late))
        while late > floor_late:
            late -= 1
            out.append(Budget(rows, items, late))
        while rows > floor_rows:
            rows -= 1
            out.append(Budget(rows, items, late))
    return out


def lowest_graded(questions: tuple[Question, ...], n: int) -> list[Question]:
    """Return ``n`` of the questions (or areas), the lowest graded first chosen, in report order.

    When a brief has room for only some rows, the ones a chief officer must see
    are those graded lowest; anything without a grade comes last.
    """
    if n >= len(questions):
        return list(questions)
    order = list(Grade)  # best first

    def key(pair: tuple[int, Question]) -> tuple[int, int]:
        grade = pair[1].judgment.grade
        return (-order.index(grade) if grade is not None else 1, pair[0])

    chosen = {i for i, _q in sorted(enumerate(questions), key=key)[:n]}
    return [q for i, q in enumerate(questions) if i in chosen]


def _judgments(report: Report, options: Options, budget: Budget) -> list[Block]:
    ctx = report_context(report, options)
    area = judged_noun(report)
    blocks: list[Block] = [Heading(2, "Judgments", anchor="brief-judgments")]
    blocks.extend(ours("brief_headline.j2", options, assessment=report.is_assessment, **ctx))
    shown = lowest_graded(report.questions, budget.rows)
    unread = unread_row(report)
    if shown or unread:
        header = ((Cell(plain("No.")), Cell(plain(area.capitalize())),
                   Cell(plain(verdict_word(report)))),)
        rows = tuple((Cell(plain(str(q.number))), Cell(plain(q.title)), judgment_cell(q.judgment))
                     for q in shown) + ((unread,) if unread else ())
        blocks.append(Table(header, rows, widths=(0.45, 4.4, 2.2),
                            caption=f"Judgments by {area}"))
    more = len(report.questions) - len(shown)
    if more:
        blocks.extend(ours("brief_more.j2", options, counts=[(more, area, area + "s", True)],
                           where="with the judgments in the briefing pack; those in the table "
                                 "are the ones graded lowest"))
        tally: dict[str, int] = {}
        rank: dict[str, int] = {}  # the scale's order, best first; statuses without a grade last
        order = [g.value for g in Grade]
        for q in report.questions:
            label = q.judgment.describe()
            tally[label] = tally.get(label, 0) + 1
            grade = q.judgment.grade
            rank[label] = order.index(grade.value) if grade is not None else len(order)
        blocks.extend(ours("brief_tally.j2", options, total=len(report.questions), noun=area,
                           unread=unread_clause(report),
                           tally=sorted(tally.items(), key=lambda kv: (rank[kv[0]], kv[0]))))
    return blocks


def _item_runs(item: ResponseItem) -> tuple[Inline, ...]:
    label = item.kind.value.capitalize()
    if item.kind is ItemKind.RECOMMENDATION and item.parent:
        label += f" (answering {item.parent})"
    runs: list[Inline] = [Text(f"{label}, {item.id}: ", bold=True), Text(item.full_text)]
    if item.deadline:
        runs.append(Text(f" Deadline as worded: {item.deadline}.", italic=True))
    return tuple(runs)


def _needs_doing(report: Report, options: Options, budget: Budget) -> list[Block]:
    items = response_items(report)
    counts = count_kinds(items)
    blocks: list[Block] = [Heading(2, "What needs doing", anchor="brief-actions")]
    blocks.extend(ours("brief_counts.j2", options, counts=counts, kinds=list(ItemKind),
                       assessment=report.is_assessment, total=len(items),
                       overview=report.is_overview,
                       recommending=unlisted_recommendations(report),
                       unread=unread_clause(report)))
    shown = items[:budget.items]
    if shown:
        blocks.append(BulletList(tuple(_item_runs(i) for i in shown)))
    rest = count_kinds(items[budget.items:])
    had = count_kinds(shown)  # "more" only of a kind some of which are listed above
    more = [(n, kind.value, kind.plural(), bool(had[kind])) for kind, n in rest.items() if n]
    if more:
        blocks.extend(ours("brief_more.j2", options, counts=more, where="verbatim in the briefing pack"))
    return blocks


def s55_line(report: Report, options: Options) -> tuple[Inline, ...]:
    """Return the line giving the date by which the commissioner must publish comments."""
    published = options.published or report.published
    return plain(wording("brief_s55.j2", options, deadline=s55_deadline(published),
                         published=published, as_of=options.as_of_date))


def dated_lines(options: Options) -> list[tuple[Inline, ...]]:
    """Return a line for each plan action that is overdue or due within 30 days."""
    if options.plan is None:
        return []
    lines: list[tuple[Inline, ...]] = []
    for state in assess_plan(options.plan, options.as_of_date):
        item = state.item
        target = item.current_target or item.original_target
        if target is None or not (state.overdue or state.due_soon):
            continue
        people = " / ".join(p for p in (item.owner, item.lead) if p)
        who = f"led by {people}" if people else "no owner recorded"  # no capital after ";"
        when = (f"overdue by {state.days_overdue} days (due {long_date(target)})" if state.overdue
                else f"due {long_date(target)}")
        lines.append((Text(f"{item.finding}: ", bold=True), Text(f"{when}; {who}.")))
    return lines


def _late(report: Report, options: Options, budget: Budget) -> list[Block]:
    dated = dated_lines(options)
    lines = [s55_line(report, options)]
    if options.plan is None:
        lines.append(plain(wording("brief_no_plan.j2", options)))
    elif not dated:
        lines.append(plain(wording("brief_none_late.j2", options, as_of=options.as_of_date)))
    lines.extend(dated[:budget.late])
    blocks: list[Block] = [Heading(2, "Deadlines and what is late", anchor="brief-late"),
                           BulletList(tuple(lines))]
    more = len(dated) - budget.late
    if more > 0:
        blocks.extend(ours("brief_more.j2", options, counts=[(more, "dated action",
                                                               "dated actions", bool(dated))],
                           where="in the action plan of the briefing pack"))
    return blocks


def brief_section(report: Report, options: Options, budget: Budget) -> Section:
    """Build the brief at one level of detail."""
    ctx = report_context(report, options)
    published = options.published or report.published
    blocks: list[Block] = [
        Heading(1, wording("brief_title.j2", options, **ctx), anchor="brief"),
        *ours("brief_intro.j2", options, published=published, **ctx),
        *_judgments(report, options, budget),
        *_needs_doing(report, options, budget),
        *_late(report, options, budget),
        *(Paragraph(p.runs) for p in ours("attribution.j2", options, **ctx)),
    ]
    return Section("brief", tuple(blocks), page_limit=1)


def brief_candidates(report: Report, options: Options) -> list[Section]:
    """Return the brief at every level of detail, the fullest first."""
    late_total = len(dated_lines(options))
    return [brief_section(report, options, b) for b in budgets(report, late_total)]
