"""The commissioner's response to a report under section 55 of the Police Act 1996.

Addressed to HM Chief Inspector of Constabulary: the report and its publication
date, the deadline (publication + 55 days, unknown until the date is known), the
statutory basis, the commissioner's and the chief constable's comments, then each
recommendation, cause of concern and area for improvement verbatim with the
action, owner and date from the action plan, or a marked placeholder where the
plan has none, and a short checklist before publishing.
"""

from __future__ import annotations

from peeldocs.blocks import (
    Block,
    BulletList,
    Callout,
    Cell,
    Heading,
    Inline,
    Paragraph,
    ParaStyle,
    Section,
    Table,
    Tone,
    plain,
)
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.sections.common import ours, points_list, report_context, wording
from peeldocs.sections.items import (
    ItemKind,
    ResponseItem,
    marks_quotations,
    plan_item,
    response_items,
    s55_deadline,
)
from peeldocs.sections.notices import unknown_callout
from peeldocs.sections.paper import marked, placeholders, runs
from peeldocs.wording import long_date


def item_blocks(item: ResponseItem, options: Options, area: str = "question") -> list[Block]:
    """Return one finding verbatim, then the action, owner and date from the plan or placeholders."""
    label = item.kind.value.capitalize()
    where = ""
    if item.question is not None:
        named = area == "area" and item.question_title  # a question is too long for a heading
        where = f" ({area} {item.question}" + (f": {item.question_title})" if named else ")")
    if item.kind is ItemKind.RECOMMENDATION and item.parent:
        where = f" (answering {item.parent})"
    blocks: list[Block] = [Heading(3, f"{label} {item.id}{where}", anchor=f"s55-{item.id}",
                                   in_contents=False),
                           Paragraph(plain(item.text), style=ParaStyle.QUOTE)]
    if item.points:
        blocks.append(points_list(item.points, sub=True))
    if item.deadline:
        blocks.append(Paragraph(plain(f"Deadline as the report words it: {item.deadline}",
                                      italic=True)))
    if item.note:
        blocks.append(Paragraph(plain(f"This is {item.note}. The report says: "
                                      f"“{item.verdict}”", italic=True)))
    plan = plan_item(options.plan, item.id)
    action: tuple[Inline, ...] = (plain("; ".join(plan.actions)) if plan and plan.actions else
                                  runs("[[the action taken or planned, or why none]]"))
    people = " / ".join(p for p in (plan.owner, plan.lead) if p) if plan else ""
    target = (plan.current_target or plan.original_target) if plan else None
    rows = (
        (Cell(plain("Action", bold=True)), Cell(action)),
        (Cell(plain("Owner", bold=True)), Cell(plain(people) if people else runs("[[the owner]]"))),
        (Cell(plain("Date", bold=True)),
         Cell(plain(long_date(target)) if target else runs("[[the target date]]"))),
    )
    blocks.append(Table((), rows, widths=(1.0, 5.0), caption=f"Response to {item.id}"))
    return blocks


def s55_response(report: Report, options: Options) -> Section:
    """Build the s.55 response."""
    ctx = report_context(report, options)
    published = options.published or report.published
    deadline = s55_deadline(published)
    facts = (
        ("To", plain("HM Chief Inspector of Constabulary, HMICFRS")),
        ("From", runs("[[the commissioner’s name and title]]")),
        ("Report", plain(report.title)),
        ("Published", plain(long_date(published)) if published else
         plain("Not supplied")),
        ("Response due by", plain(long_date(deadline)) if deadline else
         plain("Not shown: the publication date was not supplied")),
        ("Statutory basis", plain("Police Act 1996, section 55")),
    )
    head = Table((), tuple((Cell(plain(k, bold=True)), Cell(v)) for k, v in facts),
                 widths=(1.2, 3.0), caption="About this response")
    items = response_items(report)
    body: list[Block] = [
        Heading(2, "Statutory basis", anchor="s55-basis"),
        *marked("s55_basis.j2", options, deadline=deadline, published=published, **ctx),
        Heading(2, "The commissioner’s comments", anchor="s55-commissioner"),
        Paragraph(runs("[[the commissioner’s comments on the report]]")),
        Heading(2, "The chief constable’s comments", anchor="s55-chief"),
        Paragraph(runs("[[the chief constable’s comments, as submitted]]")),
        Heading(2, "Response to each finding", anchor="s55-items"),
        *ours("s55_items.j2", options, total=len(items), has_plan=options.plan is not None,
              marked=marks_quotations(report), overview=report.is_overview,
              unread=ctx["unread"]),
    ]
    missing = {"the action taken or planned, or why none": 0, "the owner": 0,
               "the target date": 0}
    for item in items:
        body.extend(item_blocks(item, options, "area" if report.is_assessment else "question"))
        plan = plan_item(options.plan, item.id)
        missing["the action taken or planned, or why none"] += not (plan and plan.actions)
        missing["the owner"] += not (plan and (plan.owner or plan.lead))
        missing["the target date"] += not (plan and (plan.current_target or plan.original_target))
    checks = tuple((Cell(plain(wording(f"s55_check_{n}.j2", options, deadline=deadline))),
                    Cell(runs("[[yes or no]]"))) for n in (1, 2, 3))
    body += [Heading(2, "Before publishing", anchor="s55-checklist"),
             Table(((Cell(plain("Check")), Cell(plain("Done"))),), checks, widths=(4.0, 2.0),
                   caption="Before publishing")]
    present = [k.value for k in ItemKind if any(i.kind is k for i in items)]
    opening = marked("s55_opening.j2", options, published=published, kinds=present, **ctx)
    todo = [t for t in placeholders([head, *opening, *body]) if not t.startswith("Response to ")]
    at = len(todo) - 1  # the per-finding gaps go before the checklist, in reading order
    todo[at:at] = [f"Response to each finding: {what} ({n} of {len(items)})"
                   for what, n in missing.items() if n]
    blocks: list[Block] = [
        Heading(1, wording("s55_title.j2", options, **ctx), anchor="s55"),
        head,
        *unknown_callout(report, options, "response", findings_only=True),
        Callout("To complete before this response is published", (
            Paragraph(plain(wording("committee_todo.j2", options, count=len(todo), what="response"))),
            *_summarised(todo)), Tone.WARNING),
        *opening,
        *body,
        Heading(2, "Source and licence", anchor="s55-source"),
        *ours("attribution.j2", options, **ctx),
    ]
    return Section("s55", tuple(blocks))


def _summarised(todo: list[str]) -> list[Block]:
    return [BulletList(tuple(plain(t) for t in todo))] if todo else []
