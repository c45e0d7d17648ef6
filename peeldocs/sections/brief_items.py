"""The one-page brief's findings: the repeat failures first, each named in words.

A chief officer reads the brief without the report beside them, so every
finding is named by what it is (its kind, its question or area, the year of an
earlier one) and a quotation that is a whole sentence or clause where one fits;
the reference follows in brackets for whoever keeps the action plan.  The order
follows the briefing pack, the worst-graded question (or area) first: in each,
any earlier finding on which the force has not made enough progress (which the
paragraph above the list also names), its causes of concern and recommendations
(each cause's recommendations in deadline order, immediate first) and, where an
earlier finding leads, its areas for improvement; then the other areas for
improvement, each question's in the report's order.  Pure functions, no I/O.
"""

from __future__ import annotations

import re
from datetime import date

from peeldocs.blocks import Inline, Text
from peeldocs.model import Report
from peeldocs.model.deadlines import DeadlineKind, due_words, parse_deadline
from peeldocs.plans.plan import ItemStatus, Plan
from peeldocs.prose import counted, long_date, overdue_span, sentence_case
from peeldocs.sections.brief_addressed import recounted
from peeldocs.sections.brief_labels import (
    CLIP_WORDS,
    LABEL_WORDS,
    QUOTE_WORDS,
    joint_label,
    opening_clause,
    quotation,
    short_label,
    voiced,
)
from peeldocs.sections.calls import follow_up
from peeldocs.sections.items import ItemKind, ResponseItem, plan_item
from peeldocs.sections.order import live_items, worst_first

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“‘\"(\[])")


def is_key(item: ResponseItem) -> bool:
    """Tell whether an item is a cause of concern or a recommendation (the last to go)."""
    return kind_is_key(item.kind)


def kind_is_key(kind: ItemKind) -> bool:
    """Tell whether a kind of finding is a cause of concern or a recommendation."""
    return kind in (ItemKind.CAUSE_OF_CONCERN, ItemKind.RECOMMENDATION)


def by_deadline(items: list[ResponseItem], published: date | None) -> list[ResponseItem]:
    """Return items with each cause's recommendations in deadline order, immediate first."""
    def when(item: ResponseItem) -> tuple[int, date]:
        if not item.deadline:
            return (2, date.max)
        deadline = parse_deadline(item.deadline)
        if deadline.kind is DeadlineKind.IMMEDIATE:
            return (0, date.min)
        due = deadline.due(published)
        return (1, due) if due is not None else (1, date.max)

    out: list[ResponseItem] = []
    run: list[ResponseItem] = []
    for item in [*items, None]:
        if item is not None and item.kind is ItemKind.RECOMMENDATION and item.parent:
            run.append(item)
            continue
        out += sorted(run, key=when)  # stable: ties keep the report's order
        run = []
        if item is not None:
            out.append(item)
    return out


def lead_questions(report: Report) -> list[int | None]:
    """Return the questions (or areas) of earlier findings without enough progress, in order."""
    seen: list[int | None] = []
    for item in live_items(report):
        if item.kind is ItemKind.CARRIED_FORWARD and item.question not in seen:
            seen.append(item.question)
    return seen


def brief_order(report: Report, published: date | None) -> list[ResponseItem]:
    """Return the live findings in the brief's order (see the module docstring).

    Question by question (or area by area), the worst-graded first as in the
    briefing pack: its earlier findings without enough progress, its causes of
    concern and recommendations, and, where an earlier finding leads, its areas
    for improvement; then the other areas for improvement.
    """
    # the report's order within a question (which to quote: brief_labels.by_bearing)
    live = by_deadline(live_items(report), published)
    leads = lead_questions(report)
    out: list[ResponseItem] = []
    for question in [*(q.number for q in worst_first(report.questions)), None]:
        here = [i for i in live if i.question == question]
        out += [i for i in here if i.kind is ItemKind.CARRIED_FORWARD]
        out += [i for i in here if is_key(i)]
        if question is not None and question in leads:
            out += [i for i in here if i.kind is ItemKind.AREA_FOR_IMPROVEMENT]
    out += [i for i in live if is_key(i) and i not in out]
    return out + [i for i in live if i not in out]


def clippable(item: ResponseItem) -> bool:
    """Tell whether an area for improvement can be quoted shorter (:func:`quotation`)."""
    return (item.kind is ItemKind.AREA_FOR_IMPROVEMENT
            and quotation(item.full_text, CLIP_WORDS) != item.full_text.strip())


def sentences(text: str) -> list[str]:
    """Return the sentences of a finding's text, as :func:`quotation` divides them."""
    return _SENTENCE_END.split(text.strip())


def run_on(text: str, limit: int = QUOTE_WORDS) -> str:
    """Return :func:`quotation` for a sentence of ours that goes on after it: no full stop inside.

    British style: "… vulnerable people” (E-2017-AFI-1), and that …", never "people.”
    (E-2017-AFI-1), and"; nor a double stop where our sentence ends just after it.
    """
    quoted = quotation(text, limit)
    if quoted.endswith(". …"):  # the rest left out: "people …", not "people. …"
        return quoted[:-3] + " …"
    return quoted[:-1] if quoted.endswith(".") and not quoted.endswith("..") else quoted


def where(item: ResponseItem, report: Report) -> str:
    """Say where a finding sits: "question 2" or "‘Responding to the public’" ("" if unknown)."""
    titles = {q.number: q.title for q in report.questions}
    title = item.question_title or titles.get(item.question or 0)
    if report.is_assessment and title:
        return f"‘{title}’"
    return f"question {item.question}" if item.question else ""


def described(item: ResponseItem, report: Report) -> str:
    """Name a finding in words: "area for improvement under question 2".

    An earlier finding is named by its cycle and kind and where this report reconsiders
    it, as :func:`revisited` names it ("2017 area for improvement, reconsidered under
    question 2"): never as if it were first made under this report's question.
    """
    if item.kind is ItemKind.CARRIED_FORWARD:
        return revisited(item, report)
    kind: str = item.kind.value
    place = where(item, report)
    if not place:
        return kind
    return f"{kind} in {place}" if place.startswith("‘") else f"{kind} under {place}"


def revisited(item: ResponseItem, report: Report, ref: str = "") -> str:
    """Name an earlier finding by its cycle and kind, and where this report reconsiders it.

    "2017 area for improvement (E-2017-AFI-1), reconsidered under question 2": the
    reference follows the finding (read 24-B: after the question it read as its label); the
    question is where this report revisits it (:attr:`peeldocs.model.PriorFinding.question`).
    """
    named = f" ({ref})" if ref else ""
    if item.kind is not ItemKind.CARRIED_FORWARD:
        return described(item, report) + named  # not an earlier finding
    match = re.fullmatch(r"an? (.+) from (.+)", item.note or "")
    kind = f"{match.group(2)} {match.group(1)}" if match else "earlier finding"
    place = where(item, report)
    if not place:
        return kind + named
    return f"{kind}{named}, reconsidered {'in' if place.startswith('‘') else 'under'} {place}"


def quoted_whole(item: ResponseItem, report: Report) -> bool:
    """Tell whether an earlier finding's text is the finding as the report quotes it, unmarked.

    Text that needed editorial marks ("[The area for improvement] was to ensure …")
    is the report's account of the finding; text quoted as it stands is the finding's
    own words, which the brief introduces as "which read".
    """
    prior = next((p for p in report.prior_findings if p.id == item.id), None)
    return prior is not None and prior.text.strip() == item.text.strip()


def _due(item: ResponseItem, published: date | None, as_of: date, plan: Plan | None,
         dated: bool = True) -> str:
    """Say when an item is due and, once that has passed, what is known of progress.

    One form for every passed deadline, "immediately" too (reads 22 and 23-B): without a
    plan, "Due by 31 March 2025; deadline passed; no action recorded."; an immediate one
    names the publication it runs from (read 21): "Due immediately (from publication, 12
    September 2024); …".  With ``dated`` off (a page short of room) every line is short alike:
    "Due immediately; deadline passed." (the opening dates the publication; the deadlines
    line says no action plan was supplied).  Without a plan a passed deadline is never
    "overdue" (that would say the force has not acted); with one, its item says: closed
    (and when), open (overdue by how long), or no item.
    """
    if not item.deadline:
        return ""
    deadline = parse_deadline(item.deadline)
    due = deadline.due(published)
    immediate_kind = deadline.kind is DeadlineKind.IMMEDIATE
    immediate = immediate_kind and published is not None
    when = (f"immediately (from publication, {long_date(published)})"
            if immediate and dated and published else due_words(item.deadline, published))
    if due is None or due >= as_of:
        return f" Due {when}."
    if plan is None:  # one form for every passed deadline (read 23-B); short of room, "no
        # action recorded" is left to the deadlines line; how long ago a dated one passed (33)
        ago = "" if immediate_kind else f" {counted((as_of - due).days, 'day', words=True)} ago"
        return f" Due {when}; deadline passed{ago}{'; no action recorded' if dated else ''}."
    action = plan_item(plan, item.id)
    if action is None:
        return f" Due {when}; deadline passed. Not in the plan."
    if action.status is ItemStatus.CLOSED:
        closed = f" on {long_date(action.closed_on)}" if action.closed_on else ""
        return f" Due {when}; deadline passed. Closed in the action plan{closed}."
    return f" Due {when}; {overdue_span((as_of - due).days, due, date_shown=True)}."


def unplanned(report: Report, plan: Plan | None) -> list[ResponseItem]:
    """Return the causes of concern and recommendations a given plan holds no item for."""
    if plan is None:
        return []
    return [i for i in live_items(report) if is_key(i) and plan_item(plan, i.id) is None]


def lead_phrase(item: ResponseItem, report: Report, *, quoted: bool,
                follow: bool = True, link: str = "", gist: bool = True) -> str:
    """Name an earlier finding without enough progress for the sentence that leads the brief.

    "the 2017 area for improvement (E-2017-AFI-1), reconsidered under question 2: “[The area
    for improvement] was to ensure …”" (an earlier finding quoted as it stands: ", which read:
    “…”"), then what the report says is now needed
    (:func:`follow_up`: ", and that “[the force] must do more …”"); with
    ``follow`` off, its own words without what is now needed; with ``quoted`` off, a
    clause of its opening words (read 21: a reference alone says nothing of what it was
    about), or with ``gist`` off too, its place.  ``link``: this report's findings of the
    same kind in the same place, listed below ("another cause of concern (A4-COC-1)"), said once.
    """
    if not quoted:  # its opening words (with ``gist``): the pack quotes it whole
        words = f": {short_label(item.full_text)}" if gist else ""
        said = f"the {revisited(item, report, item.id + words)}"
        return f"{said}, where it gives {link}" if link else said
    # its first sentence, the reference before the words; its own words "read" so
    kind, _, place = revisited(item, report).partition(", reconsidered ")
    prior = next((p.text for p in report.prior_findings if p.id == item.id), "")
    plainly = recounted(f"the {kind} ({item.id}{', ' + place.split(' ', 1)[1] if place else ''})",
                        prior, (follow_up(report, item.id) or "") if follow else "")
    if plainly:  # its own words, no brackets (read 29-B)
        same = "in the same area" if report.is_assessment else "under the same question"
        return f"{plainly}, and {same} the report gives {link}" if link else plainly
    what = f"the {revisited(item, report, item.id)}"
    intro = ", which read:" if quoted_whole(item, report) else ":"
    said = f"{what}{intro} “{run_on(item.full_text, 60)}”"
    now = (follow_up(report, item.id) or "").rstrip(".") if follow else ""  # needed now
    if now and now.startswith("[The force]"):
        said = f"{said}, and that “[the force]{now[len('[The force]'):]}”"
    elif now:
        said = f"{said}, and says: “{now}”"
    same = "in the same area" if report.is_assessment else "under the same question"
    return f"{said}, and {same} the report gives {link}" if link else said


def brief_line(item: ResponseItem, published: date | None, as_of: date,
               report: Report, plan: Plan | None = None, *, placed: bool = False,
               under: str | None = None, link: str = "",
               opening: int = 0, dated: bool = True) -> tuple[Inline, ...]:
    """Return one finding as the brief lists it: what it is and its reference in bold, its words.

    An earlier finding without enough progress says so first; a cause of concern's
    recommendation, listed just after it, is not placed again, nor is a finding whose
    place the sentence above the list gives for all of its kind (``placed``: "three
    areas for improvement, all under question 2").  ``plan``: the action plan, which
    alone can say whether a passed deadline has been met.  ``under``: the cause of
    concern it is listed under, named in its brackets; ``link``: a clause after the label
    (an earlier finding in the same place); ``opening``: its opening words (up to that many,
    to a sentence or clause), an ellipsis for the rest, which the briefing pack quotes in full.
    """
    label = sentence_case(item.kind.value if placed else described(item, report))
    if item.parent:  # listed under its cause of concern, whose place is given
        label = "Recommendation"
    label = joint_label(item, report, label)
    # words first, references in brackets ("Recommendation (A5-REC-3, under A5-COC-1)")
    ref = f"{item.id}, under {under}" if under else item.id
    named = f"{label} ({ref})"
    if item.kind is ItemKind.CARRIED_FORWARD:  # the reference after the finding it names
        named = f"Not enough progress on the {revisited(item, report, ref)}"
    head = ([Text(named, bold=True), Text(f"{link}: ")] if link
            else [Text(f"{named}: ", bold=True)])
    words = voiced(opening_clause(item.full_text)[1:-1] if opening == LABEL_WORDS else
                   quotation(item.full_text, opening) if opening else item.full_text)
    runs: list[Inline] = [*head, Text(words)]
    tail = _due(item, published, as_of, plan, dated)
    if tail:
        runs.append(Text(tail, italic=True))
    return tuple(runs)


__all__ = ["CLIP_WORDS", "QUOTE_WORDS", "quotation"]
