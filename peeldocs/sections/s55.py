"""The commissioner's response to a report under section 55 of the Police Act 1996.

A letter to HM Chief Inspector of Constabulary, copied to the Home Secretary
(s.55(6)), that the local policing body publishes: the report and its
publication date (never the date the response is due by: that is internal, and
once passed it would admit lateness; the preparer's checklist gives it), an
opening naming the findings it answers, counted by kind, with the earlier ones
the report finds not enough progress on apart (:func:`answered_findings`), the
statutory basis, the commissioner's comments, the chief
constable's and the commissioner's response to them, each under its own heading
(s.55(5)), then, after a sentence saying how they are given (the references it
gives are ours, for tracking, and it says so),
each finding verbatim in the report's order, headed in words and numbered
across the report where the letter answers more than one of its kind (an earlier
finding by what the data says it was: "Area for improvement from 2017"), with the
action, latest recorded progress, owner and lead, and target date from the action
plan, attributed to the force (a passed target gives only a place for the new date)
or a placeholder; a cause of concern answered by its
recommendations points to them instead.  What only the preparer needs (the
checklist, what to complete, a passed deadline, what the plan lacks) follows on
pages of its own, numbered on their own ("Preparer’s notes, page 1 of 2") so that
the letter's count is right once they are removed (:mod:`s55_notes`).
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
from peeldocs.model import UNKNOWN, Report
from peeldocs.options import Options
from peeldocs.plans.plan import ActionItem
from peeldocs.prose import count_words, sentence_case
from peeldocs.sections.calls import follow_ups
from peeldocs.sections.common import ours, report_context, wording
from peeldocs.sections.items import (
    ItemKind,
    ResponseItem,
    plan_item,
    response_items,
    s55_deadline,
)
from peeldocs.sections.joint import jointly_to
from peeldocs.sections.notices import ILLUSTRATIVE_TITLE, attribution
from peeldocs.sections.paper import marked, runs
from peeldocs.sections.plan_table import ILLUSTRATIVE_PLAN
from peeldocs.sections.s55_items import (
    answered_by,
    answered_with,
    item_blocks,
    item_titles,
    questions_named,
)
from peeldocs.sections.s55_links import (
    cross_references,
    judgment_said,
    marks_said,
    run_on,
    subject_links,
    with_follow_up,
)
from peeldocs.sections.s55_notes import NOTES_PAGES, preparer_notes
from peeldocs.sections.s55_plan import deadline_passed, progress, report_deadline
from peeldocs.wording import long_date

MADE_UP = ("This {what} is built from a report constructed for illustration: it is not an "
           "HMICFRS report, and the force, findings and dates it quotes are invented.")
MADE_UP_PLAN = ("The actions, owners and dates in this {what} come from an action plan "
                "invented for illustration; the findings are the report’s.")


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
    # and by its published title, the one the source line cites, where the data gives it: a
    # constructed report's title says it is constructed, and the notice at the head says so
    ctx["report_title"] = ("" if report.illustrative or ctx["title"] in (None, "", UNKNOWN)
                           else ctx["title"])
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
        # by its published title, quoted as the opening and the source line quote it
        ("Report", plain(f"“{ctx['report_title']}”" if ctx["report_title"] else
                         ctx["report_name"])),
        ("Published", plain(long_date(published)) if published else
         runs("[[the publication date]]")),
        ("Statutory basis", plain("Police Act 1996, section 55")),
    ]
    head = Table((), tuple((Cell(plain(k, bold=True)), Cell(v)) for k, v in facts),
                 widths=(1.2, 3.0), caption="About this response", body_size=True)
    # the report's order, whatever the plan says of them; an earlier finding's verdict with
    # what the report now asks of it, as the brief and committee paper quote it
    now = follow_ups(report)
    items = [with_follow_up(i, now.get(i.id, "")) for i in response_items(report)]
    titles = item_titles(items, report, "area" if report.is_assessment else "question")
    answers = answered_by(items, options)
    chief = sentence_case(f"the {ctx['chief_officer']}’s comments")
    # in the signer's voice, as the letter is ("My comments"; "Our comments" from a body of
    # several people); a body not known signs in person, as the letter's first line says
    my = "Our" if body and not body.signs_in_person else "My"
    own = f"{my} comments"
    # s.55(5): the chief officer's comments and any response to them, each under its own heading
    reply = f"{my} response to the {ctx['chief_officer']}’s comments"
    current, earlier = answered_findings(items)
    area = "area" if report.is_assessment else "question"
    linked = cross_references(items, area, titles) | answered_with(items, answers, titles)
    entries: list[Block] = []
    asks = questions_named(items, report, area)  # each question in full, once
    for item in items:  # what the marks in a quotation mean is said once, in the lead-in
        entries.extend(item_blocks(item, options, titles, published, answers.get(item.id, ()),
                                   linked.get(item.id, ""), area, (my, ctx["body_short"]),
                                   jointly_to(item.text, report)
                                   if item.kind is ItemKind.RECOMMENDATION else "",
                                   asks.get(item.id, "")))
    letter: list[Block] = [
        # the report's judgment, from the data (read 35), ends the opening (read 36: a line less)
        *run_on(marked("s55_opening.j2", options, published=published, current=current,
                       earlier=earlier, **ctx),
                judgment_said(report, options, ctx, [i.question for i in items])),
        # the statute said once: its row in the table at the top names it, this recites it
        # after the 56 days the duty is still recited whole, and the letter is never silent
        # on its timing: a required sentence, its date and reason the signer's, admitting
        # nothing of ours (issue 23 §1; read 35), run on after the duty (read 36: a line less)
        *run_on(marked("s55_basis.j2", options, deadline=deadline, published=published, **ctx),
                (Paragraph(runs(TIMING)),) if late else ()),
        Heading(2, own, anchor="s55-commissioner"),
        Paragraph(runs(f"[[the {ctx['body_short']}’s comments on the report]]")),
        Heading(2, chief, anchor="s55-chief"),
        Paragraph(runs(f"[[the {ctx['chief_officer']}’s comments, as submitted]]")),
        Heading(2, reply, anchor="s55-reply"),
        Paragraph(runs("[[the response, or none]]")),  # its heading says to what
        Heading(2, "Response to each finding", anchor="s55-items"),
        # which findings it answers is said once, in the opening; here only how they are given
        *ours("s55_items.j2", options, total=len(items), has_plan=options.plan is not None,
              marks=marks_said(entries), overview=report.is_overview,
              unread=ctx["unread"],
              first_ref=items[0].id if items else ""),  # our references, said to be ours
    ]
    letter.extend(entries)
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
        PageBreak(numbered_apart=NOTES_PAGES),  # the letter's pages counted without them
        *preparer_notes(report, options, [head, *letter], signed, set(titles.values()), head,
                        deadline=deadline, late=late,
                        tables=sum(not answers.get(i.id) for i in items),
                        progressed=[i.id for i in items if not answers.get(i.id)
                                    and _from_plan(plan_item(options.plan, i.id),
                                                   options.as_of_date)],
                        recommends=any(i.kind is ItemKind.RECOMMENDATION for i in items),
                        passed=_passed(items, titles, published, options),
                        # a pair answered together needs no note that one action may do
                        links=[k for k in subject_links(items) if k[1] not in answers],
                        **ctx),
    ]
    return Section("s55", tuple(blocks))


TIMING = ("These comments are published on "
          "[[the date they are published, and the reason for their timing]].")
"""The required sentence, after the 56 days, saying when the comments are published and why then."""


def answered_findings(items: list[ResponseItem] | tuple[ResponseItem, ...]
                      ) -> tuple[list[str], list[str]]:
    """Return the findings the letter answers, in words: the report's own, then earlier ones.

    Counted by kind, in the report's order of kinds: (["the report’s recommendation",
    "its three areas for improvement"], ["the 2017 area for improvement"]); with more
    than one of the first kind, "each of the report’s two causes of concern".  The
    earlier findings by kind and the inspection the data dates them to ("the two 2017
    areas for improvement", or "the earlier cause of concern" when it gives none), for
    the opening to say once that the report finds the force has
    not made enough progress on them, and on them only.
    """
    current: list[str] = []
    for kind in (k for k in ItemKind if k is not ItemKind.CARRIED_FORWARD):
        n = sum(i.kind is kind for i in items)
        if n:
            noun = kind.value if n == 1 else f"{count_words(n)} {kind.plural()}"
            current.append(("its " if current else "the report’s " if n == 1
                            else "each of the report’s ") + noun)
    groups: dict[tuple[str, str], int] = {}
    for item in items:
        if item.kind is ItemKind.CARRIED_FORWARD:
            was, _, cycle = (item.earlier or "finding").partition(" from ")
            key = (was, "" if cycle.strip() in ("", UNKNOWN) else cycle.strip())
            groups[key] = groups.get(key, 0) + 1
    earlier = []
    for (was, cycle), n in groups.items():
        noun = was if n == 1 else f"{count_words(n)} {_PLURALS.get(was, was + 's')}"
        # "the 2017 area for improvement", "the two 2017 areas for improvement"; undated,
        # "the earlier area for improvement" (never "from an earlier inspection on which …")
        first, _, rest = noun.partition(" ") if n > 1 else ("", "", noun)
        earlier.append(f"the {first + ' ' if first else ''}{cycle or 'earlier'} {rest}")
    return current, earlier


_PLURALS = {k.value: k.plural() for k in ItemKind} | {"finding": "findings"}


def _from_plan(planned: ActionItem | None, as_of: date) -> bool:
    """Tell whether the letter gives a finding's actions or latest update from the action plan."""
    return planned is not None and (bool(planned.actions) or progress(planned, as_of) is not None)


def _passed(items: list[ResponseItem] | tuple[ResponseItem, ...], titles: dict[str, str],
            published: date | None, options: Options) -> list[tuple[Inline, ...]]:
    """Return each finding whose report deadline had passed by the preparation date, in words.

    "Recommendation 1 (Investigating crime) (A4-REC-1): within six months of
    publication (that is, by 12 March 2025)", the heading and the deadline as the
    letter gives them (runs apart, so each is worded as it is there); none the
    plan records as closed.
    """
    out: list[tuple[Inline, ...]] = []
    for item in items:
        if item.deadline and deadline_passed(item.deadline, published, options.as_of_date,
                                             plan_item(options.plan, item.id)):
            out.append((Text(titles[item.id]), Text(" ("), Text(item.id), Text("): "),
                        Text(report_deadline(item.deadline, published))))
    return out


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
