"""A tracked action plan in the pack: counts, a status chart and one row per item."""

from __future__ import annotations

from peeldocs.blocks import (
    BarChart,
    Block,
    BulletList,
    Callout,
    Cell,
    Figure,
    Inline,
    Series,
    Table,
    Text,
    Tone,
    plain,
)
from peeldocs.model import Outcome, Report
from peeldocs.options import Options
from peeldocs.plan import ItemStatus, Plan, Rag
from peeldocs.plan_io import findings
from peeldocs.plan_rules import ItemState, PlanSummary, assess_plan, summarise
from peeldocs.sections.common import ours
from peeldocs.wording import long_date

RAG_TONES = {Rag.RED: Tone.RED, Rag.AMBER: Tone.AMBER, Rag.GREEN: Tone.GREEN}


def carried_forward(report: Report) -> list[Block]:
    """Return a callout of the earlier findings the report says made not enough progress."""
    prior = [p for p in report.prior_findings if p.outcome is Outcome.NOT_ENOUGH_PROGRESS]
    if not prior:
        return []
    items: list[tuple[Inline, ...]] = [
        (Text(f"{p.id} ({p.cycle}{', question ' + str(p.question) if p.question else ''}): ",
              bold=True), Text(p.text), Text(f" {p.verdict}", italic=True))
        for p in prior
    ]
    return [Callout("Carried forward: not enough progress since an earlier inspection",
                    (BulletList(tuple(items)),), Tone.WARNING)]


def _due(state: ItemState) -> Cell:
    item = state.item
    target = item.current_target or item.original_target
    if target is None:
        return Cell(plain("No date set", italic=True))
    runs: list[Inline] = [Text(long_date(target))]
    if state.days_slipped:
        runs.append(Text(f" (was {long_date(item.original_target)}; slipped "
                         f"{state.days_slipped} days)"))
    if state.overdue:
        runs.append(Text(f" Overdue by {state.days_overdue} days", bold=True))
        return Cell(tuple(runs), tone=Tone.RED)
    if item.status is ItemStatus.CLOSED and item.closed_on:
        late = " (late)" if state.closed_late else ""
        runs.append(Text(f" Closed {long_date(item.closed_on)}{late}"))
    return Cell(tuple(runs))


def _rag(state: ItemState) -> Cell:
    word = state.rag.value.capitalize() + (" (by hand)" if state.rag_by_hand else "")
    return Cell(plain(word, bold=True), tone=RAG_TONES[state.rag])


def summary_paragraphs(summary: PlanSummary, options: Options) -> list[Block]:
    """Return the one-paragraph summary of a plan's counts on the as-of date."""
    return list(ours("plan_summary.j2", options, s=summary, as_of=options.as_of_date,
                     statuses=list(ItemStatus), rags=list(Rag)))


def tracked_plan(report: Report, plan: Plan, options: Options) -> list[Block]:
    """Return counts, a chart of status counts and the items, sorted by status then date."""
    states = assess_plan(plan, options.as_of_date)
    summary = summarise(states)
    refs = findings(report)
    blocks = summary_paragraphs(summary, options)
    labels = [st.value.capitalize() for st in ItemStatus]
    counts = tuple(float(summary.by_status[st]) for st in ItemStatus)
    alt = "Bar chart of action plan items by status: " + "; ".join(
        f"{label}: {int(n)}" for label, n in zip(labels, counts, strict=True)) + "."
    blocks.append(Figure(BarChart(tuple(labels), (Series("Items", counts),)), alt=alt,
                         caption=f"Items by status on {long_date(options.as_of_date)}"))
    header = tuple(Cell(plain(h)) for h in ("Ref", "Finding (verbatim)", "Actions",
                                            "Owner / lead", "Due", "Status", "RAG",
                                            "Latest update"))
    rows: list[tuple[Cell, ...]] = []
    for state in states:
        item = state.item
        ref = refs.get(item.finding)
        finding = ref.text if ref else "This finding is no longer in the report."
        people = " / ".join(p for p in (item.owner, item.lead) if p) or "To be assigned"
        latest = item.latest_update
        update = f"{long_date(latest.when)}: {latest.text}" if latest else "None yet"
        if state.rag_by_hand and item.rag_reason:
            update += f" RAG set by hand: {item.rag_reason}"
        rows.append((
            Cell((Text(item.finding, bold=True),), tone=Tone.WARNING if (
                ref and ref.carried_forward) or item.finding_gone else None),
            Cell(plain(finding, italic=ref is None)),
            Cell(plain("; ".join(item.actions) or "To be assigned")),
            Cell(plain(people)),
            _due(state),
            Cell(plain(item.status.value.capitalize())),
            _rag(state),
            Cell(plain(update)),
        ))
    planned = {i.finding for i in plan.items}
    for ref in refs.values():
        if ref.id not in planned:
            rows.append((Cell((Text(ref.id, bold=True),)), Cell(plain(ref.text)),
                         *(Cell(plain("Not in the action plan", italic=True)) for _ in range(6))))
    blocks.append(Table((header,), tuple(rows),
                        widths=(1.2, 3.1, 1.8, 1.3, 1.3, 0.9, 0.8, 2.1), caption="Action plan"))
    return blocks
