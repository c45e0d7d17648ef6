"""The s.55 response's part for each finding: its heading in words, reference, quotation, response.

Each finding is headed in words ("Recommendation 1 (question 5: ...)"), numbered
in the report's order, with its reference in a small line under the heading, the
finding verbatim, and an Action/Owner/Date table from the action plan (or
placeholders).  The Date row is worded for publication, true to the plan:
"Target 30 September 2019 (revised from 31 July 2019); not yet complete",
"Completed on 4 October 2019", never an internal status.  A cause of concern
that has recommendations points to them ("The action on this cause of concern
is given under recommendations 2 to 4.") instead of a table of its own.
"""

from __future__ import annotations

from datetime import date

from peeldocs.blocks import Block, Cell, Heading, Inline, Paragraph, ParaStyle, Table, plain
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.plans.plan import ActionItem, ItemStatus
from peeldocs.prose import join_words
from peeldocs.sections.common import points_list
from peeldocs.sections.due import deadline_words
from peeldocs.sections.items import (
    ItemKind,
    ResponseItem,
    first_target,
    plan_item,
    response_items,
)
from peeldocs.sections.paper import runs
from peeldocs.wording import long_date


def item_titles(items: tuple[ResponseItem, ...] | list[ResponseItem], report: Report,
                area: str) -> dict[str, str]:
    """Return each finding's heading in words, numbered within its kind, from the report's data.

    "Recommendation 1 (question 5: How effective are the force’s specialist
    capabilities?)" the first time a question is named, "(question 5)" after;
    an area of a force assessment by its name, "Cause of concern 1 (Responding to
    the public)".  Numbers follow the report's order (its first cause of concern
    is 1 wherever the response lists it); the reference ("E5-REC-1") is kept for
    the line under it.
    """
    titles = {q.number: q.title for q in report.questions}
    listed = {item.id for item in items}
    seen: dict[ItemKind, int] = {}
    number: dict[str, int] = {}
    for item in [*response_items(report), *items]:  # the report's order, then any others
        if item.id in listed and item.id not in number:
            seen[item.kind] = number[item.id] = seen.get(item.kind, 0) + 1
    named: set[int] = set()
    out: dict[str, str] = {}
    for item in items:
        text = f"{item.kind.value.capitalize()} {number[item.id]}"
        if item.question is not None:
            title = item.question_title or titles.get(item.question)
            if area == "area" and title:
                text += f" ({title})"
            elif title and item.question not in named:
                text += f" ({area} {item.question}: {title})"
            else:
                text += f" ({area} {item.question})"
            named.add(item.question)
        out[item.id] = text
    return out


def reference_line(item: ResponseItem, options: Options, titles: dict[str, str]) -> str:
    """Return the small line under a finding's heading: its reference and what it answers.

    Nothing of the action plan's state: a finding the plan lacks is named in the
    preparer's notes, never in the published letter.
    """
    refs = [f"Reference {item.id}"]
    if item.kind is ItemKind.RECOMMENDATION and item.parent:
        parent = titles.get(item.parent, item.parent).split(" (")[0].lower()
        refs.append(f"answers {parent} ({item.parent})")
    if item.in_text:
        refs.append("made in the text of the report’s findings")
    return "; ".join(refs) + "."


def item_blocks(item: ResponseItem, options: Options, titles: dict[str, str],
                published: date | None = None, answered_by: tuple[str, ...] = ()) -> list[Block]:
    """Return one finding: its heading in words, its reference, the finding verbatim, the response.

    ``published`` dates a deadline the report sets relative to publication.
    ``answered_by``: the references of the recommendations that answer a cause of
    concern; its response is theirs, so it points to them instead of a table.
    """
    blocks: list[Block] = [Heading(3, titles[item.id], anchor=f"s55-{item.id}", in_contents=False),
                           Paragraph(plain(reference_line(item, options, titles)),
                                     style=ParaStyle.SMALL),
                           Paragraph(plain(item.text), style=ParaStyle.QUOTE)]
    if item.points:
        blocks.append(points_list(item.points, sub=True))
    if item.deadline:
        blocks.append(Paragraph(plain("The report’s deadline: "
                                      + deadline_words(item.deadline, published), italic=True)))
    if item.note:
        blocks.append(Paragraph(plain(f"This is {item.note}. The report says: "
                                      f"“{item.verdict}”", italic=True)))
    if answered_by:
        blocks.append(Paragraph(plain(given_under([titles[r] for r in answered_by]))))
        return blocks
    planned = plan_item(options.plan, item.id)
    actions, people, _target = committed(planned)
    if planned is not None and not people:
        people = " / ".join(p for p in (planned.owner, planned.lead) if p)
    action: tuple[Inline, ...] = (plain(actions) if actions else
                                  runs("[[the action taken or planned, or why none]]"))
    state = date_state(planned, options.as_of_date)
    rows = (
        (Cell(plain("Action", bold=True)), Cell(action)),
        (Cell(plain("Owner", bold=True)), Cell(plain(people) if people else runs("[[the owner]]"))),
        (Cell(plain("Date", bold=True)), Cell(state or runs("[[the target date]]"))),
    )
    # captioned by its heading: a format that shows captions names it by the heading instead
    blocks.append(Table((), rows, widths=(1.0, 5.0), caption=titles[item.id],
                        keep_with_heading=True))
    return blocks


def answered_by(items: tuple[ResponseItem, ...] | list[ResponseItem],
                options: Options) -> dict[str, tuple[str, ...]]:
    """Return each cause of concern answered by its recommendations, with their references.

    Its response is theirs, so it gets a line pointing to them instead of a table
    to complete.  One whose action plan item records actions of its own keeps its
    table: those are the plan's facts, and the letter never drops them.
    """
    out = {}
    for cause in items:
        planned = plan_item(options.plan, cause.id)
        children = tuple(i.id for i in items if i.parent == cause.id)
        if cause.kind is ItemKind.CAUSE_OF_CONCERN and children and not (
                planned is not None and planned.actions):
            out[cause.id] = children
    return out


def given_under(headings: list[str]) -> str:
    """Say where a cause of concern's action is given, by its recommendations' headings.

    "The action on this cause of concern is given under recommendation 2." (or
    "recommendations 2 and 3", "recommendations 2 to 4"), numbered as the letter
    heads them.
    """
    numbers = [int(h.split(" (")[0].rsplit(" ", 1)[1]) for h in headings]
    if len(numbers) == 1:
        where = f"recommendation {numbers[0]}"
    elif len(numbers) > 2 and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        where = f"recommendations {numbers[0]} to {numbers[-1]}"
    else:
        where = "recommendations " + join_words(str(n) for n in numbers)
    return f"The action on this cause of concern is given under {where}."


def date_state(plan: ActionItem | None, as_of: date) -> tuple[Inline, ...] | None:
    """Return an action's date as a published letter words it, true to the plan on ``as_of``.

    "Completed on 4 October 2019"; "Target 31 December 2019"; a target the plan
    moved gives the first one too, "Target 30 September 2019 (revised from 31
    July 2019)"; one passed before the item is closed says so, "...; not yet
    complete" (or "; awaiting sign-off").  No internal status ("overdue", a RAG).
    None when the plan sets no date.
    """
    if plan is None:
        return None
    target = plan.current_target or plan.original_target
    if plan.status is ItemStatus.CLOSED:
        return plain(f"Completed on {long_date(plan.closed_on)}" if plan.closed_on
                     else "Completed")
    if target is None:
        return None
    text = f"Target {long_date(target)}"
    if (first := first_target(plan)) is not None:
        text += f" (revised from {long_date(first)})"
    if target < as_of:
        text += ("; awaiting sign-off" if plan.status is ItemStatus.PENDING_SIGN_OFF
                 else "; not yet complete")
    return plain(text)


def committed(plan: ActionItem | None) -> tuple[str, str, date | None]:
    """Return the action, owner and target date the plan commits to a finding; "" or None for none.

    An owner or a date with no action is no commitment (a date alone would read
    as a promise nobody made), so without an action all three are left to complete.
    """
    if plan is None or not plan.actions:
        return "", "", None
    people = " / ".join(p for p in (plan.owner, plan.lead) if p)
    return "; ".join(plan.actions), people, plan.current_target or plan.original_target
