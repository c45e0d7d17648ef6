"""The one-page brief's list of findings: each cause of concern with its recommendations under it.

A recommendation made under a cause of concern is listed just after it, indented
(a second-level list in every format), and its label names the cause, so the
link is said in words, not by position alone: "Recommendation (A5-REC-3, under
A5-COC-1)".  A cause of concern in the same question or area as an earlier
cause of concern on which the report finds not enough progress says so: "in the
same area as the 2021/22 cause of concern (A-2021-COC-1)", unless the page has
named that earlier finding with its place already.  The link is the
data's (the same question or area, the same kind of finding), never read from
references' text.  Pure functions, no I/O.
"""

from __future__ import annotations

from datetime import date

from peeldocs.blocks import Block, BulletList, Inline, Paragraph, Text
from peeldocs.model import Outcome, Report
from peeldocs.model.deadlines import DeadlineKind, parse_deadline
from peeldocs.plans.plan import ItemStatus, Plan
from peeldocs.plans.rules import assess
from peeldocs.prose import counted, join_words, long_date, overdue_span
from peeldocs.sections.brief_items import CLIP_WORDS, brief_line, clippable, kind_is_key
from peeldocs.sections.brief_named import agreed_with
from peeldocs.sections.committee_figures import figure_line, measured
from peeldocs.sections.items import ItemKind, ResponseItem, plan_item
from peeldocs.sections.order import live_items


def earlier_here(item: ResponseItem, report: Report, named: frozenset[str] = frozenset()) -> str:
    """Say which earlier finding of the same kind, in the same place, lacks progress ("" if none).

    ", in the same area as the 2021/22 cause of concern (A-2021-COC-1)" for a cause
    of concern in a force assessment's area; "under the same question as" in a
    report by question.  Only causes of concern: a report's areas for improvement
    often share a question, and the question is named already.  ``named``: earlier
    findings the page has already named with their place (the paragraph above the
    list): the link is said once (read 19), so not for those.
    """
    if item.kind is not ItemKind.CAUSE_OF_CONCERN or item.question is None:
        return ""
    earlier = [p for p in report.prior_findings
               if p.outcome is Outcome.NOT_ENOUGH_PROGRESS and p.question == item.question
               and p.kind.value == item.kind.value and p.id not in named]
    if not earlier:
        return ""
    place = "in the same area as" if report.is_assessment else "under the same question as"
    links = [f"the {p.cycle} {p.kind.value} ({p.id})" for p in earlier]
    return f", {place} {' and '.join(links)}"


def later_here(item: ResponseItem, report: Report, shown: frozenset[str]) -> str:
    """Name this report's findings of an earlier finding's kind in its place ("" if none).

    The other side of :func:`earlier_here`, said once with the earlier finding where
    the page names it: "another cause of concern (A4-COC-1)" (``shown``: the references the
    page lists below).  Causes of concern only, for the reason :func:`earlier_here` gives.
    """
    if item.kind is not ItemKind.CARRIED_FORWARD or item.question is None:
        return ""
    prior = next((p for p in report.prior_findings if p.id == item.id), None)
    if prior is None or prior.kind.value != ItemKind.CAUSE_OF_CONCERN.value:
        return ""
    here = [i.id for i in live_items(report) if i.kind is ItemKind.CAUSE_OF_CONCERN
            and i.question == item.question and i.id in shown]
    if not here:
        return ""
    noun = ("another " + ItemKind.CAUSE_OF_CONCERN.value if len(here) == 1
            else "further " + ItemKind.CAUSE_OF_CONCERN.plural())
    return f"{noun} ({join_words(here)})"


def findings_list(shown: list[ResponseItem], published: date | None, as_of: date,
                  report: Report, plan: Plan | None,
                  placed: frozenset[ItemKind],
                  opening: frozenset[str] = frozenset(),
                  named: frozenset[str] = frozenset(), dated: bool = True,
                  clip: int = CLIP_WORDS, joint: bool = True, figures: bool = True) -> list[Block]:
    """Return the findings as lists: top-level items, each cause's recommendations indented.

    ``placed``: kinds whose place the sentence above gives for all of them, so
    their lines do not repeat it; ``opening``: findings quoted to ``clip`` words at most;
    ``named``: earlier findings named with their place above the list (:func:`earlier_here`);
    ``joint``: a joint recommendation says whom its action is agreed with (:func:`agreed_with`);
    ``figures``: a cause of concern gives the report's figure behind it (:func:`figure_behind`).
    """
    causes = {i.id for i in shown if i.kind is ItemKind.CAUSE_OF_CONCERN}
    groups: list[tuple[int, list[tuple[Inline, ...]]]] = []
    for item in shown:
        under = item.parent in causes
        line = brief_line(item, published, as_of, report, plan, placed=item.kind in placed,
                          under=item.parent if under else None,
                          link=earlier_here(item, report, named), opening=clip if item.id in opening else 0,
                          dated=dated)
        if figures and item.kind is ItemKind.CAUSE_OF_CONCERN and (said := figure_behind(item, report)):
            line = (*line, Text(said))
        if joint and (who := agreed_with(item, report)):  # read 30-B: a joint one is not the force's alone
            # ours, in roman: in italics after a quotation it read as the report's (read 32)
            line = (*line, Text(f" The force’s response will need agreeing with {who}."))
        if plan is not None and (state := plan_tail(item, plan, published, as_of)):
            # every state labelled alike (read 34): an invented plan says so once, in its
            # lead-in below ("Illustrative action plan as at …")
            line = (*line, Text(state, italic=True))
        level = 1 if under else 0
        if groups and groups[-1][0] == level:
            groups[-1][1].append(line)
        else:
            groups.append((level, [line]))
    return [BulletList(tuple(lines), level=level) for level, lines in groups]


def figure_behind(item: ResponseItem, report: Report) -> str:
    """Give the first figure the report sets against a comparator's value in a finding's question.

    Else the first figure it gives there at all.  " Figure: emergency calls answered
    within 10 seconds: 71.2%, against the national standard of 90%." (read 35: the number
    behind a cause of concern); "" when the report states none there.  The figure's own
    label and values, as the committee paper gives them.
    """
    here = [f for f in measured(report, every=True) if f.question == item.question is not None]
    # one set against a yardstick the report names first; else the report's own count there
    # (read 36: the inadequate area's "38 of 65 investigations" was left off the page)
    found = [f for f in here if f.comparator_value is not None] or here
    if not found:
        return ""
    line = figure_line(report, found[0], placed=False)
    # read 36: a capital after the colon read as a new sentence; an initialism keeps its capitals
    line = line[:1].lower() + line[1:] if line[1:2].islower() else line
    return f" Figure: {line}."


def counted_note(shown: list[ResponseItem], published: date | None) -> list[Paragraph]:
    """Say once, in the closing notes, that a date we give for a period is our count (read 35).

    "Dates after a period (“within three months”) are counted from publication." when the
    page dates a deadline the report sets as a period from publication (an inspectorate
    might count from another day); nothing otherwise.
    """
    for item in shown:
        deadline = parse_deadline(item.deadline) if item.deadline else None
        if deadline and deadline.kind is DeadlineKind.RELATIVE and deadline.due(published):
            term = deadline.worded.rstrip(".,;:")
            term = term[:1].lower() + term[1:]
            return [Paragraph((Text(f"Dates after a period (“{term}”) are counted from "
                                    "publication."),))]
    return []


def plan_tail(item: ResponseItem, plan: Plan, published: date | None, as_of: date) -> str:
    """Say where the action plan stands on a listed finding, on its line (read 31-B).

    " Plan: overdue by 15 days (due 30 September 2019).", " Plan: no owner, due 1 November
    2019.", " Plan: in progress, due 31 December 2019.", " Plan: closed on 4 October 2019, four days late.",
    " Not in the plan.": the
    finding and its state read together, so the deadlines below need not name it again
    (:func:`stated_here`).  "" where the line says it already (a report deadline passed:
    :func:`peeldocs.sections.brief_items.brief_line` gives the plan's word on it).
    """
    if said_on_line(item, published, as_of):
        return ""
    action = plan_item(plan, item.id)
    if action is None:
        return " Not in the plan."
    if action.status is ItemStatus.CLOSED:
        if action.closed_on is None:
            return " Plan: closed."
        late = (action.closed_on - action.target).days if action.target else 0
        lateness = f", {counted(late, 'day', words=True)} late" if late > 0 else ""
        return f" Plan: closed on {long_date(action.closed_on)}{lateness}."
    state = assess(action, as_of)
    target = action.target
    if target is None:
        return " Plan: no target date."
    if state.overdue:  # a long span in months or years, as every document says it
        return f" Plan: {overdue_span(state.days_overdue, target)}."
    # read 35: its state, as every other line gives one ("in progress, due …")
    who = f"{action.status.value}, " if action.owner or action.lead else "no owner, "
    return f" Plan: {who}due {long_date(target)}."


def said_on_line(item: ResponseItem, published: date | None, as_of: date) -> bool:
    """Tell whether a finding's line gives the plan's word already: its report deadline passed."""
    if not item.deadline:
        return False
    due = parse_deadline(item.deadline).due(published)
    return due is not None and due < as_of


def more_nouns(kind: ItemKind, refs: list[str]) -> tuple[str, str]:
    """Return a kind's nouns, one and many, with the references of those the page leaves out.

    Causes of concern and recommendations are named (whatever the page cuts,
    each stays on it by its reference; ``refs`` leaves out those named elsewhere
    on the page); other kinds are counted.
    """
    named = f" ({join_words(refs)})" if kind_is_key(kind) and refs else ""
    return kind.value + named, kind.plural() + named


def cut_to_opening(shown: list[ResponseItem], whole: int) -> frozenset[str]:
    """Return the areas for improvement to quote to their opening words, ``whole`` kept whole.

    Only those longer than their opening (:func:`clippable`: more than a sentence, or a
    sentence of more than :data:`CLIP_WORDS` words), the longest first (each saves the
    most room); never a cause of concern or a recommendation, which are quoted whole.
    """
    long = sorted((i for i in shown if clippable(i)), key=lambda i: -len(i.full_text))
    return frozenset(i.id for i in long[:max(0, len(long) - whole)])
