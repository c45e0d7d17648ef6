"""The s.55 response's part for each finding: its heading in words, reference, quotation, response.

Each finding is headed in words ("Recommendation 2 (Investigating crime)"),
numbered across the report in its order where the letter answers more than one
of its kind, as the opening counts them ("Cause of concern (Responding to the
public)" when alone of its kind), so no two headings read alike and none clashes with the
reference in the small line under it ("A5-REC-1"); then the finding verbatim,
the report's deadline (in its words, and whether it had passed by the letter's
date), and an
Action/Status/Progress/Owner/Target date table from the action plan (or placeholders),
worded for publication by :mod:`s55_plan`: what the plan records, as a letter lists it.  A cause of concern
that has recommendations points to them ("The action on this cause of concern
is given under recommendations 1 to 3 below.", "… under the recommendation
below.") instead of a table of its own.
"""

from __future__ import annotations

from datetime import date

from peeldocs.blocks import Block, Cell, Heading, Inline, Paragraph, ParaStyle, Table, plain
from peeldocs.model import Report
from peeldocs.model.deadlines import DeadlineKind, parse_deadline
from peeldocs.options import Options
from peeldocs.prose import join_words
from peeldocs.sections.common import points_list
from peeldocs.sections.items import ItemKind, ResponseItem, plan_item, response_items
from peeldocs.sections.lowest import question_topic
from peeldocs.sections.paper import runs
from peeldocs.sections.s55_links import heading_number, headings_named, subject_links
from peeldocs.sections.s55_plan import (
    PROGRESS_LABEL,
    REASON_LABEL,
    STATUS_LABEL,
    action_label,
    date_label,
    date_reason,
    date_state,
    deadline_passed,
    missed_position,
    people,
    planned_actions,
    progress,
    report_deadline,
    status_words,
)


def item_titles(items: tuple[ResponseItem, ...] | list[ResponseItem], report: Report,
                area: str) -> dict[str, str]:
    """Return each finding's heading in words, numbered across the letter among its kind.

    The letter's opening counts the findings by kind ("its four recommendations"),
    so where the letter answers more than one of a kind, each is numbered in the
    report's order across the whole report, whichever question or area it is on:
    "Recommendation 1 (Responding to the public)", "Recommendation 2 (Investigating
    crime)" ... "Recommendation 4 (Investigating crime)"; one alone of its kind has
    no number, "Cause of concern (Responding to the public)".  Earlier findings are
    numbered among those of the same kind and inspection ("Area for improvement
    from 2017").  So no two headings of a letter read alike.  A question is named
    by what it asks about, "(Specialist capabilities)", in every heading, so they read
    evenly and mean something to a public reader (read 36), by its number where its
    wording gives no topic; its title is given once, under the first
    (:func:`questions_named`); an area of a force assessment always by its name.
    """
    titles = {q.number: q.title for q in report.questions}
    listed = {item.id for item in items}
    seen: dict[tuple[ItemKind, str], int] = {}
    number: dict[str, int] = {}
    for item in [*response_items(report), *items]:  # the report's order, then any others
        if item.id in listed and item.id not in number:
            key = (item.kind, item.earlier or "")
            seen[key] = number[item.id] = seen.get(key, 0) + 1
    out: dict[str, str] = {}
    for item in items:
        # an earlier finding as the data records it: "Area for improvement from 2017"
        kind, _, cycle = (item.earlier or item.kind.value).partition(" from ")
        text = kind[:1].upper() + kind[1:]
        if seen[(item.kind, item.earlier or "")] > 1:
            text += f" {number[item.id]}"
        text += f" from {cycle}" if cycle else ""
        if item.question is not None:
            title = item.question_title or titles.get(item.question)
            # a question by what it asks about, as an area by its name (read 36), else its number
            topic = title if area == "area" else question_topic(title or "")
            text += f" ({topic})" if topic else f" ({area} {item.question})"
        out[item.id] = text
    return out


def questions_named(items: tuple[ResponseItem, ...] | list[ResponseItem], report: Report,
                    area: str) -> dict[str, str]:
    """Return the first finding on each question with the question's title, for its reference line.

    A heading names a question by number only, so every heading reads alike; the
    question is given in full once, under the first heading on it (an area's
    heading names it already: none).
    """
    if area == "area":
        return {}
    titles = {q.number: q.title for q in report.questions}
    out: dict[str, str] = {}
    seen: set[int] = set()
    for item in items:
        title = item.question_title or titles.get(item.question or 0)
        if item.question is not None and item.question not in seen and title:
            seen.add(item.question)
            out[item.id] = title
    return out


def reference_line(item: ResponseItem, options: Options, titles: dict[str, str],
                   area: str = "question", asks: str = "") -> str:
    """Return the small line under a finding's heading: its reference and what it answers.

    A recommendation the report makes in its findings' text, not in its list, says where:
    "Reference E5-REC-1; set out in the report’s findings on question 5." (``area``: what
    the report's parts are, "question" or "area", an area named by its title).  ``asks``:
    the question's title, under the first finding on it ("Reference E2-AFI-1; question
    2: ‘How effective is the force at investigating crime and reducing re-offending?’.").

    Nothing of the action plan's state: a finding the plan lacks is named in the
    preparer's notes, never in the published letter.
    """
    refs = [f"Reference {item.id}"]
    if asks:  # the first finding on its question: the question in full, once
        refs.append(f"{area} {item.question}: ‘{asks}’")
    if item.kind is ItemKind.RECOMMENDATION and item.parent:
        heading = titles.get(item.parent, "")
        parent = heading.split(" (")[0].lower() if heading_number(heading) is not None else \
            f"the {ItemKind.CAUSE_OF_CONCERN.value}"  # one alone in its question: no number
        refs.append(f"answers {parent} ({item.parent})")
    if item.in_text:  # where the report sets it out, plainly: never "in the text", as if buried
        where = ""
        if item.question is not None:
            title = item.question_title if area == "area" else ""
            where = (f" on ‘{title}’" if title else " on that question" if asks
                     else f" on {area} {item.question}")
        refs.append(f"set out in the report’s findings{where}")
    said = "; ".join(refs)
    return said if said.endswith(("?’", "!’")) else said + "."  # never "re-offending?’."


def item_blocks(item: ResponseItem, options: Options, titles: dict[str, str],
                published: date | None = None,
                answered_by: tuple[str, ...] = (), see_also: str = "",
                area: str = "question", assessor: tuple[str, str] = ("My", "commissioner"),
                jointly: str = "", asks: str = "") -> list[Block]:
    """Return one finding: its heading in words, its reference, the finding verbatim, the response.

    ``published`` dates a deadline the report sets relative to publication.
    ``answered_by``: the references of the recommendations that answer a cause of
    concern; its response is theirs, so it points to them instead of a table.
    ``see_also``: the line linking it to findings on the same subject
    (:func:`~peeldocs.sections.s55_links.cross_references`).
    ``area``: what the report's parts are called, "question" or "area".
    ``assessor``: the signer's "My" (or "Our") and who signs ("commissioner"), for the
    row under the force's quoted update that prompts the signer's own view of it.
    ``jointly``: whom a recommendation is addressed to, in the report's words, when that
    is more than the force ("Norfolk and Suffolk Constabularies"); said under it once.
    ``asks``: the question's title, under the first finding on it (:func:`reference_line`).
    """
    blocks: list[Block] = [Heading(3, titles[item.id], anchor=f"s55-{item.id}", in_contents=False),
                           Paragraph(plain(reference_line(item, options, titles, area, asks)),
                                     style=ParaStyle.SMALL),
                           Paragraph(plain(item.text), style=ParaStyle.QUOTE)]
    if item.points:
        blocks.append(points_list(item.points, sub=True))
    if jointly:  # no force can deliver it alone: the public reader is told so (read 33)
        blocks.append(Paragraph(plain(f"This recommendation is addressed jointly to {jointly}.",
                                      italic=True)))
    planned = plan_item(options.plan, item.id)
    if item.deadline:
        when = report_deadline(item.deadline, published)
        # a sentence, and a deadline passed by the letter's date says so (read 35)
        # a deadline of "immediately" is not a date that passes (read 36)
        gone = deadline_passed(item.deadline, published, options.as_of_date, planned) and \
            parse_deadline(item.deadline).kind is not DeadlineKind.IMMEDIATE
        blocks.append(Paragraph(plain(f"The report’s deadline: {when}"
                                      + ("; it has passed." if gone else "."), italic=True)))
    if item.verdict:  # what it was, and when, its heading says
        blocks.append(Paragraph(plain(f"The report says: “{item.verdict}”", italic=True)))
    if answered_by and item.kind is ItemKind.CARRIED_FORWARD:  # with the current one above
        blocks.append(Paragraph(plain(see_also)))  # :func:`answered_with`
        return blocks
    if see_also:
        blocks.append(Paragraph(plain(see_also, italic=True)))
    if answered_by:
        blocks.append(Paragraph(plain(given_under([titles[r] for r in answered_by]))))
        return blocks
    actions = planned_actions(planned)
    who = people(planned)
    # a deadline of the report's that has passed: the place asks what was done by it, and
    # says nothing of whether it was met (read 33)
    by = " by the report’s deadline" if item.deadline and deadline_passed(
        item.deadline, published, options.as_of_date, planned) else ""
    action: tuple[Inline, ...] = (plain(actions) if actions else runs(
        f"[[the action taken{by} or planned, or why no action is proposed]]"))
    # where the action itself may be "why no action is proposed", its owner and date may go
    unless = "" if actions else ", or delete this row if no action is proposed"
    state = date_state(planned, options.as_of_date)
    why = date_reason(planned, options.as_of_date)
    done = progress(planned, options.as_of_date)  # only what the plan records, attributed
    # a missed target gives where the work stands instead: a place for it with no update
    position = (plain(done[1]) if done else missed_position(planned, options.as_of_date))
    status = status_words(planned)  # the state the plan records, with a completion date
    dated = status.startswith("Completed")  # its date is the status row's, given once
    rows = (
        (Cell(plain(action_label(planned), bold=True)), Cell(action)),
        *(((Cell(plain(STATUS_LABEL, bold=True)), Cell(plain(status))),) if status else ()),
        *(((Cell(plain(PROGRESS_LABEL, bold=True)), Cell(position)),) if position else ()),
        # the force's words quoted: the letter is the signer's, so a place for their own view
        # of them, such as whether they accept a closure (read 33)
        *(((Cell(plain(f"{assessor[0]} assessment", bold=True)), Cell(runs(
            f"[[whether the {assessor[1]} accepts this as complete, or delete this row]]"
            if dated else f"[[the {assessor[1]}’s view of this progress, or delete this row]]"
        ))),) if done else ()),
        (Cell(plain("Owner", bold=True)), Cell(plain(who) if who else runs(f"[[the owner{unless}]]"))),
        *(() if dated else ((Cell(plain(date_label(planned, options.as_of_date), bold=True)),
                             Cell(state or runs(f"[[the target date{unless}]]"))),)),
        # why a target moved or was missed: a row of its own, to keep or delete
        *(((Cell(plain(REASON_LABEL, bold=True)), Cell(why)),) if why else ()),
    )
    # captioned by its heading: a format that shows captions names it by the heading instead
    blocks.append(Table((), rows, widths=(1.75, 4.25), caption=titles[item.id], body_size=True,
                        keep_with_heading=True))
    return blocks


def answered_by(items: tuple[ResponseItem, ...] | list[ResponseItem],
                options: Options) -> dict[str, tuple[str, ...]]:
    """Return each cause of concern answered by its recommendations, with their references.

    Its response is theirs, so it gets a line pointing to them instead of a table
    to complete.  One whose action plan item records actions or progress of its
    own keeps its table: those are the plan's facts, and the letter never drops them.
    """
    out = {}
    for cause in items:
        children = tuple(i.id for i in items if i.parent == cause.id)
        if cause.kind is ItemKind.CAUSE_OF_CONCERN and children and not _own(cause, options):
            out[cause.id] = children
    # an earlier cause of concern on the subject of a current one is answered where that one
    # is, not by a second table to complete (read 35)
    kinds = {i.id: i for i in items}
    for current, earlier, _apart in subject_links(items):
        if kinds[current].kind is ItemKind.CAUSE_OF_CONCERN and not _own(kinds[earlier], options):
            out[earlier] = out.get(current, (current,))
    return out


def _own(item: ResponseItem, options: Options) -> bool:
    """Tell whether the action plan records actions or progress of a finding's own."""
    planned = plan_item(options.plan, item.id)
    return planned is not None and bool(planned.actions or progress(planned, options.as_of_date))


def answered_with(items: tuple[ResponseItem, ...] | list[ResponseItem],
                  answers: dict[str, tuple[str, ...]], titles: dict[str, str]) -> dict[str, str]:
    """Return the line of each earlier cause of concern answered with a current one on its subject.

    "This cause of concern is on the same subject as cause of concern 1 above; the
    action on both is given under recommendation 1 above." (or "…, and the action on
    both is given there." when the current one has its own table).  It stands in for
    the "See also" line: one line, no table (``answers``: :func:`answered_by`).
    """
    out = {}
    for current, earlier, _apart in subject_links(items):
        given = answers.get(earlier)
        if not given or answers.get(current, (current,)) != given:
            continue
        same = ("This cause of concern is on the same subject as "
                f"{headings_named([current], titles)} above")
        out[earlier] = (same + ", and the action on both is given there." if given == (current,)
                        else same + "; the action on both is given under "
                        f"{headings_named(list(given), titles)} above.")
    return out


def given_under(headings: list[str]) -> str:
    """Say where a cause of concern's action is given, by its recommendations' headings.

    "The action on this cause of concern is given under recommendation 1 below."
    (or "recommendations 1 and 2", "recommendations 1 to 3"), numbered as the
    letter heads them; they follow it, in its question or area.  A recommendation
    alone in its question has no number: "… given under the recommendation below."
    """
    numbers = [heading_number(h) for h in headings]
    known = [n for n in numbers if n is not None]
    if len(known) < len(numbers):  # unnumbered: alone of its kind in its question or area
        where = "the recommendation" if len(numbers) == 1 else "its recommendations"
    elif len(known) == 1:
        where = f"recommendation {known[0]}"
    elif len(known) > 2 and known == list(range(known[0], known[0] + len(known))):
        where = f"recommendations {known[0]} to {known[-1]}"
    else:
        where = "recommendations " + join_words(str(n) for n in known)
    return f"The action on this cause of concern is given under {where} below."
