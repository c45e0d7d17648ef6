"""The commissioner's response to a report under section 55 of the Police Act 1996.

A letter to HM Chief Inspector of Constabulary, copied to the Home Secretary
(s.55(6)), that the local policing body publishes: the report and its
publication date, the date the response is due by (the 56th day, counting the
day of publication as the first), the statutory basis, the commissioner's and
the chief constable's comments, then each recommendation, cause of concern and
area for improvement verbatim, headed in words, with the action, owner and the
state of its date from the action plan (or a placeholder).  What only the
preparer needs (the checklist, what to complete, a passed deadline) follows on
a page of its own, headed to be removed before publication (:mod:`s55_notes`).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from peeldocs.blocks import (
    Block,
    Callout,
    Cell,
    Heading,
    Inline,
    PageBreak,
    Paragraph,
    ParaStyle,
    Section,
    Table,
    Text,
    Tone,
    plain,
)
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.plans.plan import ActionItem, ItemStatus
from peeldocs.prose import counted, sentence_case
from peeldocs.sections.common import ours, points_list, report_context, wording
from peeldocs.sections.due import deadline_words
from peeldocs.sections.items import (
    ItemKind,
    ResponseItem,
    marks_quotations,
    plan_item,
    response_items,
    response_order,
    s55_deadline,
)
from peeldocs.sections.notices import ILLUSTRATIVE_TITLE, attribution
from peeldocs.sections.paper import marked, runs
from peeldocs.sections.plan_table import ILLUSTRATIVE_PLAN
from peeldocs.sections.s55_notes import preparer_notes
from peeldocs.wording import long_date

MADE_UP = ("This {what} is built from a report constructed for illustration: it is not an "
           "HMICFRS report, and the force, findings and dates it quotes are invented.")
MADE_UP_PLAN = ("The actions, owners and dates in this {what} come from an action plan "
                "invented for illustration; the findings are the report’s.")


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
    """Return the small line under a finding's heading: its reference and where it stands.

    A plan that does not hold the finding is said to, never "as in the action plan".
    """
    refs = [f"Reference {item.id}"]
    if options.plan is not None and plan_item(options.plan, item.id) is None:
        refs[0] += " (not yet in the action plan)"
    if item.kind is ItemKind.RECOMMENDATION and item.parent:
        parent = titles.get(item.parent, item.parent).split(" (")[0].lower()
        refs.append(f"answers {parent} ({item.parent})")
    if item.in_text:
        refs.append("made in the text of the report’s findings")
    return "; ".join(refs) + "."


def item_blocks(item: ResponseItem, options: Options, titles: dict[str, str],
                published: date | None = None) -> list[Block]:
    """Return one finding: its heading in words, its reference, the finding verbatim, the response.

    ``published`` dates a deadline the report sets relative to publication.
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
    planned = plan_item(options.plan, item.id)
    actions, people, _target = committed(planned)
    if planned is not None and not people:
        people = " / ".join(p for p in (planned.owner, planned.lead) if p)
    action: tuple[Inline, ...] = (plain(actions) if actions else
                                  runs("[[the action taken or planned, or why none]]"))
    state = date_state(planned, options.as_of_date)
    if state and not actions:  # the plan's date shown, as the committee paper shows it
        state = (*state, Text(" (no action recorded yet)", italic=True))
    rows = (
        (Cell(plain("Action", bold=True)), Cell(action)),
        (Cell(plain("Owner", bold=True)), Cell(plain(people) if people else runs("[[the owner]]"))),
        (Cell(plain("Date", bold=True)), Cell(state or runs("[[the target date]]"))),
    )
    # captioned by its heading: a format that shows captions names it by the heading instead
    blocks.append(Table((), rows, widths=(1.0, 5.0), caption=titles[item.id],
                        keep_with_heading=True))
    return blocks


def date_state(plan: ActionItem | None, as_of: date) -> tuple[Inline, ...] | None:
    """Return an action's date with its state on ``as_of``, as the committee paper words it.

    "Closed on 4 October 2019", "Due 31 December 2019", or "Overdue by 15 days
    (due 30 September 2019)": a target date that has passed is never shown bare,
    as if it were still ahead.  None when the plan sets no date.
    """
    if plan is None:
        return None
    target = plan.current_target or plan.original_target
    if plan.status is ItemStatus.CLOSED:
        return plain(f"Closed on {long_date(plan.closed_on)}" if plan.closed_on else "Closed")
    if target is None:
        return None
    if target < as_of:
        return (Text(f"Overdue by {counted((as_of - target).days, 'day')}", bold=True),
                Text(f" (due {long_date(target)})"))
    return plain(f"Due {long_date(target)}")


def committed(plan: ActionItem | None) -> tuple[str, str, date | None]:
    """Return the action, owner and target date the plan commits to a finding; "" or None for none.

    An owner or a date with no action is no commitment (a date alone would read
    as a promise nobody made), so without an action all three are left to complete.
    """
    if plan is None or not plan.actions:
        return "", "", None
    people = " / ".join(p for p in (plan.owner, plan.lead) if p)
    return "; ".join(plan.actions), people, plan.current_target or plan.original_target


def constructed_notice(report: Report, options: Options, what: str = "response") -> list[Block]:
    """Return the one notice, at the head, that the report or the plan is constructed.

    ``what`` names the document it opens: "response" or "paper".
    """
    made_up_plan = options.plan is not None and options.plan.illustrative
    said = [text for text, on in ((MADE_UP, report.illustrative), (MADE_UP_PLAN, made_up_plan))
            if on]
    if not said:
        return []
    title = ILLUSTRATIVE_TITLE if report.illustrative else ILLUSTRATIVE_PLAN
    return [Callout(title, tuple(Paragraph(plain(t.format(what=what))) for t in said),
                    Tone.WARNING)]


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
        ("Published", plain(long_date(published)) if published else
         runs("[[the publication date]]")),
        # stated whether or not it has passed: the letter says no more, the preparer's notes do
        ("Response due by", plain(long_date(deadline)) if deadline else
         runs("[[the date the response is due by]]")),
        ("Statutory basis", plain("Police Act 1996, section 55")),
    ]
    head = Table((), tuple((Cell(plain(k, bold=True)), Cell(v)) for k, v in facts),
                 widths=(1.2, 3.0), caption="About this response")
    items = tuple(response_order(response_items(report), options.plan, options.as_of_date))
    titles = item_titles(items, report, "area" if report.is_assessment else "question")
    chief = sentence_case(f"the {ctx['chief_officer']}’s comments")
    present = [k.value for k in ItemKind if any(i.kind is k for i in items)]
    letter: list[Block] = [
        *marked("s55_opening.j2", options, published=published, kinds=present, **ctx),
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
    for item in items:
        letter.extend(item_blocks(item, options, titles, published))
    signed = _signed(ctx)
    blocks: list[Block] = [
        Heading(1, wording("s55_title.j2", options, **ctx), anchor="s55"),
        *constructed_notice(report, options),
        head,
        *letter,
        *signed,
        *_distribution(),
        Heading(2, "Source and licence", anchor="s55-source"),
        *(dataclasses.replace(b, style=ParaStyle.SMALL) if isinstance(b, Paragraph) else b
          for b in attribution(report, options, **ctx)),
        PageBreak(),
        *preparer_notes(report, options, [head, *letter], signed, set(titles.values()),
                        deadline=deadline, late=late,
                        recommends=any(i.kind is ItemKind.RECOMMENDATION for i in items),
                        **ctx),
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


def _distribution() -> list[Block]:
    """Return who else receives the response: the letter goes to HMCI, a copy to the Home Secretary.

    Police Act 1996 s.55(6): a copy to the inspectors of constabulary (the
    addressee) and to the Secretary of State, the Home Secretary.
    """
    return [Paragraph(plain("Copy to the Home Secretary (section 55(6))"))]
