"""A tracked action plan in the pack: its counts in a sentence, and one row per item."""

from __future__ import annotations

from datetime import date

from peeldocs.blocks import Block, Callout, Cell, Inline, Paragraph, Table, Text, Tone, plain
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.plans.findings import findings
from peeldocs.plans.plan import ActionItem, ItemStatus, Plan
from peeldocs.plans.rules import ItemState, PlanSummary, assess_plan
from peeldocs.prose import count_words, counted, fragment, join_words, overdue_span
from peeldocs.sections.common import ours
from peeldocs.sections.plan_unplanned import (
    NONE_RECORDED,
    RAG_ORDER,
    before_in_table,
    described,
    finding_words,
    rag_key,
    ref_room,
    unplanned,
    unplanned_cells,
    unplanned_rating,
)
from peeldocs.sections.plan_unplanned import (
    RAG_TONES as RAG_TONES,
)
from peeldocs.sections.refs import explain_ref, explain_refs
from peeldocs.wording import long_date

ILLUSTRATIVE_PLAN = "Illustrative action plan"
ILLUSTRATIVE_PLAN_BODY = ("The actions, owners, dates, statuses and updates in this action plan "
                          "are invented for illustration. The findings are the report’s.")


def _due(state: ItemState) -> Cell:
    item = state.item
    target = item.target
    if target is None:
        return Cell(plain("No date set", italic=True))
    # the column says "Due": a cell gives the date, then what happened to it, without full stops
    runs: list[Inline] = [Text(long_date(target))]
    if state.days_slipped and item.original_target:
        runs.append(Text(f"; first set for {long_date(item.original_target)}, moved "
                         f"{counted(state.days_slipped, 'day')} later"))
    if state.overdue:
        runs.append(Text("; "))
        runs.append(Text(overdue_span(state.days_overdue, target, date_shown=True), bold=True))
        return Cell(tuple(runs), tone=Tone.RED)
    if item.status is ItemStatus.CLOSED and item.closed_on:
        late = (item.closed_on - target).days if state.closed_late else 0
        runs.append(Text(f"; closed {long_date(item.closed_on)}"
                         + (f", {counted(late, 'day')} late" if late else "")))
    return Cell(tuple(runs))


def _rag(state: ItemState) -> Cell:
    """Return the rating as its word alone: the narrow column has room for nothing more.

    A rating the plan's author set gives its reason in the latest update's cell
    (:func:`rated_by_author`), where there is room, as the key says.
    """
    word = state.rag.value.capitalize()
    return Cell(plain(word, bold=True), tone=RAG_TONES[state.rag])


def rated_by_author(state: ItemState, quote: bool = False) -> str:
    """Return "Rated Green by the plan's author: <reason>." for a rating set so, else "".

    With ``quote``, the reason is the plan's words in quotation marks, as a paper
    quoting the plan among its own words gives them ("… author: “Closed four days
    late but fully delivered.”"), never read as the paper's own view.
    """
    reason = (state.item.rag_reason or "").strip()
    if not (state.rag_by_hand and reason):
        return ""
    end = "" if reason.endswith((".", "!", "?", "…")) else "."
    said = f"“{reason}”" if quote else reason
    return f"Rated {state.rag.value.capitalize()} by the plan’s author: {said}{end}"


def sign_off(item: ActionItem) -> str:
    """Return "signed off by <who>; evidence: <refs>", what the plan records of each, or ""."""
    parts = [f"signed off by {item.signed_off_by}"] if item.signed_off_by else []
    if item.evidence:
        parts.append(f"evidence: {', '.join(item.evidence)}")
    return "; ".join(parts)


def _status(item: ActionItem) -> Cell:
    """Return the status as a label, without a full stop; sign-off and evidence follow it."""
    text = item.status.value.capitalize()
    signed = sign_off(item)
    if signed:
        text += (", " if item.signed_off_by else "; ") + signed
    return Cell(plain(text))


def latest_update(state: ItemState, quote: bool = False) -> str:
    """Return the latest update, dated, then the reason for a rating the plan's author set.

    "2 September 2019: First dip sample complete."; with ``quote``, the plan's words
    in quotation marks, as a paper quoting the plan among its own words gives them.
    """
    latest = state.item.latest_update
    if latest is None:
        text = "No update yet."
    else:
        # who gave an update is said in the cell when recorded; when not, once above the table
        who = f" (given by {latest.by})" if latest.by else ""
        words = f"“{latest.text}”" if quote else latest.text
        text = f"{long_date(latest.when)}{who}: {words}"
    rated = rated_by_author(state, quote)
    return f"{text} {rated}" if rated else text


def _update(state: ItemState) -> Cell:
    """Return the latest update's cell (:func:`latest_update`)."""
    return Cell(plain(latest_update(state)))


def _updates_without_giver(states: list[ItemState]) -> str:
    """Return the one sentence saying which latest updates do not record who gave them."""
    missing = [s.item.finding for s in states
               if s.item.latest_update is not None and not s.item.latest_update.by]
    if not missing:
        return ""
    given = sum(1 for s in states if s.item.latest_update is not None)
    if len(missing) == given:
        if given == 1:
            return "The plan does not record who gave the latest update."
        # "each update" only when it records no giver for any update, earlier ones included
        every = not any(u.by for s in states for u in s.item.updates)
        return ("The plan does not record who gave each update." if every
                else "The plan does not record who gave the latest updates.")
    return f"The plan does not record who gave the latest update for {join_words(missing)}."


def by_rag_then_date(states: list[ItemState]) -> list[ItemState]:
    """Return the open items red first, then amber, then green, each by due date.

    Undated items come last in their colour; the closed items follow, in the same order.
    """
    return sorted(states, key=lambda s: (
        s.item.status is ItemStatus.CLOSED, RAG_ORDER[s.rag],
        s.item.target or date.max, s.item.finding))


def summary_paragraphs(summary: PlanSummary, options: Options,
                       report: Report | None = None,
                       states: list[ItemState] | None = None,
                       extra: list[str] | None = None, rows_said: bool = False,
                       ) -> list[Block]:
    """Return the one-paragraph summary of a plan's counts on the as-of date.

    With the ``report``, the next item due is named with what its reference means;
    with the item ``states``, each overdue item and each due within 30 days is named;
    ``extra``: findings the table below gives a row though the plan has no item for them;
    ``rows_said``: the lines above the table already name them, so the count of rows is
    not said again (read 33: the preamble kept the table's rows off its first page).
    """
    statuses = [f"{count_words(n)} {st.value}" for st, n in summary.by_status.items() if n]
    rags = [f"{count_words(n)} {r.value}" for r, n in summary.by_rag.items() if n]
    if len(rags) == 1:
        (only,) = (r for r, n in summary.by_rag.items() if n)
        rags = [f"all {count_words(summary.total)} are {only.value}"]
    nxt = summary.next_due
    return list(ours(
        "plan_summary.j2", options, as_of=options.as_of_date,
        total=counted(summary.total, "item", words=True), statuses=statuses,
        rags=rags,
        overdue=counted(summary.overdue, "item", words=True) + (
            " is" if summary.overdue == 1 else " are"),
        due_soon=("none is" if summary.due_soon == 0 else count_words(summary.due_soon)
                  + (" is" if summary.due_soon == 1 else " are")) + " due",
        overdue_refs=overdue_refs(states or []),
        soon_refs=[s.item.finding for s in sorted(
            (s for s in states or [] if s.due_soon),
            key=lambda s: (s.item.target or date.max,
                           s.item.finding))],
        next_ref=explain_ref(nxt.item.finding, report) if nxt else "",
        next_date=(nxt.item.target) if nxt else None, extra=extra or [], n=summary.total,
        rows_said=rows_said))


def unplanned_refs(report: Report, plan: Plan | None) -> list[str]:
    """Return the findings a plan has no item for yet, each explained ("E5-REC-1 (a ...)")."""
    if plan is None:
        return []
    planned = {i.finding for i in plan.items}
    return explain_refs([fid for fid in findings(report) if fid not in planned], report)


def overdue_refs(states: list[ItemState]) -> list[str]:
    """Return the references of the overdue items, the longest overdue first."""
    late = sorted((s for s in states if s.overdue),
                  key=lambda s: (s.item.target or date.max,
                                 s.item.finding))
    return [s.item.finding for s in late]


def tracked_plan(report: Report, plan: Plan, options: Options,
                 refer: dict[str, str] | None = None) -> list[Block]:
    """Return the counts in a sentence, the key and the items, red first.

    A finding in ``refer`` (its id, and where the pack quotes it) is named by its
    reference and what it is, not quoted again.
    """
    refer = refer or {}
    quote = any(fid not in refer for fid in findings(report))
    states = by_rag_then_date(assess_plan(plan, options.as_of_date))
    refs = findings(report)
    missing = unplanned(refs, plan)
    # read 35: no count before the table (the executive summary names what is overdue and
    # due next; each row gives its own status), and the key under it, as a small table
    blocks: list[Block] = []
    if plan.illustrative:  # said once, boxed at the table's head (and in its caption)
        # under the section's heading (level 1), its label a level-2 heading (read 25-P)
        blocks.append(Callout(ILLUSTRATIVE_PLAN, (Paragraph(plain(ILLUSTRATIVE_PLAN_BODY)),),
                              Tone.WARNING, level=2))
    header = tuple(Cell(plain(h)) for h in (
        "Ref", "Finding (verbatim)" if quote else "Finding", "Actions",
        "Owner / lead", "Due", "Status", "RAG", "Latest update"))
    rows: list[tuple[Cell, ...]] = []
    published = options.published or report.published
    # a finding the plan does not hold yet takes its place among the open items by rating
    waiting = sorted(missing, key=lambda r: RAG_ORDER[
        unplanned_rating(r, published, options.as_of_date)])
    for state in states:
        while waiting and not before_in_table(state, waiting[0], published, options):
            rows.append(unplanned_cells(report, waiting.pop(0), quote, refer, published, options))
        item = state.item
        ref = refs.get(item.finding)
        if ref is None:
            cell = Cell(plain("This finding is no longer in the report.", italic=True))
        elif not quote:  # what it is, and which: the report's opening words (read 35)
            cell = Cell((Text(described(ref) + ": "), *finding_words(ref)))
        elif ref.id in refer:
            cell = Cell(finding_words(ref))
        else:
            cell = Cell(plain(fragment(ref.text, ref.kind) if ref.carried_forward else ref.text))
        people = " / ".join(p for p in (item.owner, item.lead) if p)
        rows.append((
            Cell((Text(item.finding, bold=True),), tone=Tone.WARNING if (
                ref and ref.carried_forward) or item.finding_gone else None),
            cell,
            # what the plan does not record yet is said as a fact, not as a placeholder to edit
            Cell(plain("; ".join(item.actions) or NONE_RECORDED, italic=not item.actions)),
            Cell(plain(people or NONE_RECORDED, italic=not people)),
            _due(state),
            _status(item),
            _rag(state),
            _update(state),
        ))
    rows.extend(unplanned_cells(report, ref, quote, refer, published, options) for ref in waiting)
    caption = ("Action plan (illustrative example: actions, owners, dates and updates invented)"
               if plan.illustrative else "Action plan")
    blocks.append(Table((header,), tuple(rows),
                        widths=ref_room((1.15, 2.8, 1.7, 1.3, 1.4, 1.2, 1.0, 2.1) if quote else
                                        (1.15, 2.85, 1.6, 1.3, 1.9, 1.35, 0.8, 1.75),
                                        [s.item.finding for s in states] + [r.id for r in missing],
                                        1.35, takes_from=1), caption=caption))
    # under the table, how to read it: what the plan does not record, then the key, a
    # table, so the next section's heading is set apart from it as from any table
    blocks.extend(ours("rag_key.j2", options, givers=_updates_without_giver(states)))
    return [*blocks, rag_key(bool(missing))]
