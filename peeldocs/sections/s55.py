"""The commissioner's response to a report under section 55 of the Police Act 1996.

Addressed to HM Chief Inspector of Constabulary: the report and its publication
date, the deadline (publication + 55 days, unknown until the date is known), the
statutory basis, the commissioner's and the chief constable's comments, then each
recommendation, cause of concern and area for improvement verbatim with the
action, owner and date from the action plan, or a marked placeholder where the
plan has none, and a short checklist before publishing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

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
from peeldocs.plans.plan import ActionItem
from peeldocs.prose import sentence_case
from peeldocs.sections.common import ours, points_list, report_context, wording
from peeldocs.sections.items import (
    ItemKind,
    ResponseItem,
    marks_quotations,
    plan_item,
    response_items,
    s55_deadline,
)
from peeldocs.sections.notices import attribution, unknown_callout
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
    if item.in_text:
        where = where[:-1] + ", made in the text of its findings)"
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
    actions, people, target = committed(plan_item(options.plan, item.id))
    action: tuple[Inline, ...] = (plain(actions) if actions else
                                  runs("[[the action taken or planned, or why none]]"))
    planned = plan_item(options.plan, item.id)
    held = (planned.current_target or planned.original_target) if planned else None
    when = (plain(long_date(target)) if target else
            runs(f"[[the target date]] (the action plan holds {long_date(held)} as its target, "
                 "but records no action yet)") if held else runs("[[the target date]]"))
    rows = (
        (Cell(plain("Action", bold=True)), Cell(action)),
        (Cell(plain("Owner", bold=True)), Cell(plain(people) if people else runs("[[the owner]]"))),
        (Cell(plain("Date", bold=True)), Cell(when)),
    )
    blocks.append(Table((), rows, widths=(1.0, 5.0), caption=f"Response to {item.id}"))
    return blocks


def committed(plan: ActionItem | None) -> tuple[str, str, date | None]:
    """Return the action, owner and target date the plan commits to a finding; "" or None for none.

    An owner or a date with no action is no commitment (a date alone would read
    as a promise nobody made), so without an action all three are left to complete.
    """
    if plan is None or not plan.actions:
        return "", "", None
    people = " / ".join(p for p in (plan.owner, plan.lead) if p)
    return "; ".join(plan.actions), people, plan.current_target or plan.original_target


def s55_response(report: Report, options: Options) -> Section:
    """Build the s.55 response: a dated letter from the local policing body, signed and copied."""
    ctx = report_context(report, options)
    # the report by what it inspected, not its web page's title ("Report: Norfolk PEEL 2018")
    ctx["report_name"] = wording("s55_report.j2", options, **ctx)
    published = options.published or report.published
    deadline = s55_deadline(published)
    late = deadline is not None and options.as_of_date > deadline
    body = ctx["body"]
    sender = (plain(body.office) if body else
              runs("[[the local policing body publishing this response]]"))
    facts = [
        ("To", plain(f"{ctx['chief_inspector']}, {ctx['inspectorate']}")),
        ("From", sender),
        ("Date", plain(long_date(options.as_of_date))),
        ("Report", plain(ctx["report_name"])),
        ("Published", plain(long_date(published)) if published else plain("Not supplied")),
    ]
    if not late:  # the letter never says its own deadline has passed: the checklist does
        facts.append(("Response due by", plain(long_date(deadline)) if deadline else
                      plain("Not shown: the publication date was not supplied")))
    facts.append(("Statutory basis", plain("Police Act 1996, section 55")))
    head = Table((), tuple((Cell(plain(k, bold=True)), Cell(v)) for k, v in facts),
                 widths=(1.2, 3.0), caption="About this response")
    items = response_items(report)
    chief = sentence_case(f"the {ctx['chief_officer']}’s comments")
    before: list[Block] = [
        Heading(2, "Statutory basis", anchor="s55-basis"),
        *marked("s55_basis.j2", options, deadline=deadline, published=published, **ctx),
        Heading(2, sentence_case(f"the {ctx['body_short']}’s comments"), anchor="s55-commissioner"),
        Paragraph(runs(f"[[the {ctx['body_short']}’s comments on the report]]")),
        Heading(2, chief, anchor="s55-chief"),
        Paragraph(runs(f"[[the {ctx['chief_officer']}’s comments, as submitted]]")),
        Paragraph(runs(f"[[any response to the {ctx['chief_officer']}’s comments, or none]]")),
        Heading(2, "Response to each finding", anchor="s55-items"),
        *ours("s55_items.j2", options, total=len(items), has_plan=options.plan is not None,
              marked=marks_quotations(report), overview=report.is_overview,
              unread=ctx["unread"]),
    ]
    findings: list[Block] = []
    missing = {"the action taken or planned, or why none": 0, "the owner": 0,
               "the target date": 0}
    for item in items:
        findings.extend(item_blocks(item, options, "area" if report.is_assessment else "question"))
        actions, people, target = committed(plan_item(options.plan, item.id))
        missing["the action taken or planned, or why none"] += not actions
        missing["the owner"] += not people
        missing["the target date"] += target is None
    after = [*_signed(ctx), *_distribution(ctx),
             *_checklist(options, deadline=deadline, late=late, **ctx,
                        recommends=any(i.kind is ItemKind.RECOMMENDATION for i in items))]
    present = [k.value for k in ItemKind if any(i.kind is k for i in items)]
    opening = marked("s55_opening.j2", options, published=published, kinds=present, **ctx)
    todo = [*placeholders([head, *opening, *before]),
            *(f"Response to each finding: {what} ({n} of {len(items)})"
              for what, n in missing.items() if n),
            *(t.replace("Opening: ", "Signature: ", 1) for t in placeholders(after))]
    blocks: list[Block] = [
        Heading(1, wording("s55_title.j2", options, **ctx), anchor="s55"),
        head,
        *unknown_callout(report, options, "response", findings_only=True),
        Callout("To complete before this response is published", (
            Paragraph(plain(wording("committee_todo.j2", options, count=len(todo), what="response"))),
            *_summarised(todo)), Tone.WARNING),
        *opening,
        *before,
        *findings,
        *after,
        Heading(2, "Source and licence", anchor="s55-source"),
        *attribution(report, options, **ctx),
    ]
    return Section("s55", tuple(blocks))


def _signed(ctx: dict[str, Any]) -> list[Block]:
    """Return the closing and the signature block of the local policing body, or placeholders."""
    body = ctx["body"]
    if body is None:
        lines = ["[[the name of the person signing]]",
                 "[[the office of the local policing body publishing this response]]"]
    elif body.signs_in_person:
        lines = [f"[[the name of the {body.kind}]]", body.office]
    else:
        lines = ["[[the name and role of the person signing]]", f"For the {body.office}"]
    return [Paragraph(plain("Yours sincerely,")),
            *(Paragraph(runs(line)) for line in lines)]


def _distribution(ctx: dict[str, Any]) -> list[Block]:
    """Return who receives a copy of the published response (Police Act 1996 s.55(6))."""
    return [Heading(2, "Copies to", anchor="s55-copies"),
            BulletList((plain(f"{ctx['chief_inspector']}, {ctx['inspectorate']} (section 55(6))"),
                        plain("The Home Secretary, the Secretary of State (section 55(6))"))),
            ]


def _checklist(options: Options, **ctx: Any) -> list[Block]:
    """Return the checks before publishing; a passed deadline asks for the date it was published."""
    rows = []
    for n in (1, 5, 2, 3, 4) if ctx["recommends"] else (1, 2, 3, 4):
        done = ("[[the date it was published]]" if n == 2 and ctx["late"] else "[[yes or no]]")
        rows.append((Cell(plain(wording(f"s55_check_{n}.j2", options, **ctx))), Cell(runs(done))))
    return [Heading(2, "Before publishing", anchor="s55-checklist"),
            Table(((Cell(plain("Check")), Cell(plain("Done"))),), tuple(rows), widths=(4.0, 2.0),
                  caption="Before publishing")]


def _summarised(todo: list[str]) -> list[Block]:
    return [BulletList(tuple(plain(t) for t in todo))] if todo else []
