"""The preparer's notes after an s.55 response, on a page of their own, to remove before publishing.

The letter itself stays clean: it never says that its deadline has passed and
holds no checklist.  Everything only the person preparing it needs follows the
letter under one heading that says to remove it: a passed deadline, the
deadlines the report set that had passed by the preparation date (the letter
gives each the report set, never saying it has passed), the report's
other calls to act that are not listed findings (for the signer to decide
whether to answer them), facts not found on import, each placeholder still to
complete, findings whose action plan item sets a date but no action (the letter
gives no date for them), plan targets passed with the work open (the letter gives
the dates neutrally; the signer explains), findings whose latest update the letter
quotes (to check it is current and word it), findings
the plan does not yet hold, and the checks before publishing (among them that
the letter, dated the day it was prepared, is dated the day it is signed).
"""

from __future__ import annotations

from typing import Any

from peeldocs.blocks import (
    Block,
    BulletList,
    Cell,
    Heading,
    Inline,
    Paragraph,
    ParaStyle,
    Table,
    plain,
)
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.prose import count_words
from peeldocs.sections.calls import call_lines, untracked_calls
from peeldocs.sections.common import wording
from peeldocs.sections.items import (
    ItemKind,
    ResponseItem,
    first_target,
    plan_item,
    response_items,
)
from peeldocs.sections.joint import joint_parts
from peeldocs.sections.notices import unknown_callout
from peeldocs.sections.paper import placeholders, runs
from peeldocs.sections.s55_links import to_complete
from peeldocs.sections.s55_plan import target_missed, unallocated
from peeldocs.wording import long_date

NOTES_TITLE = "Before publishing: notes for the preparer (remove this part)"
PLAN_CHECKS = {
    "allocated": "The action, owner and target date for {id} are agreed and given in the response.",
    "missed": "The new target date for {id} is agreed and given in the response.",
}
"""The checks a finding's plan item asks for: no action yet, or a target passed."""
NOTES_PAGES = "Preparer’s notes"
"""What the notes' pages are numbered as, on their own: "Preparer’s notes, page 1 of 2"."""
HEADER_BODY = "the local policing body"
"""What the header leaves to complete when the body is not known."""
HEADER_PLACE = "In the header: {what}"
"""Where that place is, in words true of every format: a PDF or DOCX repeats its header on
each page, a web page has one at its top."""
NOTES_LEAD = ("These notes are for the person preparing the response, not part of it. "
              "Remove this heading and everything after it, except any protective marking at "
              "the end, before the response is published.")


def preparer_notes(report: Report, options: Options, letter: list[Block], signed: list[Block],
                   titles: set[str], head: Table | None = None, **ctx: Any) -> list[Block]:
    """Return the preparer's part: what to complete and check, and a passed deadline.

    ``letter`` is the letter up to its closing, ``signed`` the closing and signature,
    ``titles`` the headings (and captions) of the findings' responses, ``head`` the
    table at the top (its places named by row, as every format shows it); ``ctx["tables"]``
    counts the responses to complete (a cause of concern answered by its
    recommendations has none of its own).
    """
    items = response_items(report)
    blocks: list[Block] = [Heading(2, NOTES_TITLE, anchor="s55-preparer"),
                           Paragraph(plain(NOTES_LEAD), style=ParaStyle.SMALL)]
    if ctx["deadline"] is None:  # a passed deadline is said once, in the checks below
        blocks.append(Paragraph(plain(
            "The publication date was not supplied, so the date the response is due by is not "
            "shown: it is the 56th day counting the day the report was published as the first "
            "(section 55(5A)).")))
    blocks += passed_deadlines(ctx.get("passed", []), options)
    blocks += other_calls(report)
    blocks.extend(unknown_callout(report, options, "response", findings_only=True))
    # in the order the places appear: the header, on every page, first (read 34)
    todo = [*([HEADER_PLACE.format(what=HEADER_BODY)] if ctx["body"] is None else []),
            *to_complete(letter, titles, ctx["tables"], head, findings=len(items)),
            *(t.replace("Opening: ", "Signature: ", 1) for t in placeholders(signed))]
    if todo:
        blocks += [Heading(3, "To complete", anchor="s55-todo", in_contents=False),
                   Paragraph(plain(wording("committee_todo.j2", options, count=len(todo),
                                           what="response"))),
                   BulletList(tuple(plain(t) for t in todo))]
    held = _dates_without_action(items, options)
    if held:
        one = len(held) == 1
        blocks += [Paragraph(plain(
            "The action plan sets a target date but records no action for "
            + ("this finding, so the response leaves its action and target date"
               if one else "these findings, so the response leaves their actions and target "
               "dates")
            + " to complete rather than publish a date for work not yet allocated:")),
            BulletList(tuple(plain(t) for t in held))]
    missed = _missed_targets(items, options)
    if missed:
        one = len(missed) == 1
        blocks += [Paragraph(plain(
            ("The action plan’s target date for this finding had passed" if one else
             "The action plan’s target dates for these findings had passed")
            + f" by {long_date(options.as_of_date)}, with the work not recorded as complete. "
            + ("The letter gives where the work stands and a place for the new target date, "
               "but not the target’s history, given here. Give the reason for the new date "
               "where the letter marks a place for it, or delete that row:" if one else
               "The letter gives where the work on each stands and a place for its new target "
               "date, but not the targets’ history, given here. Give the reason for each new "
               "date in the row the letter marks for it, or delete that row:"))),
            BulletList(tuple(plain(t) for t in missed))]
    planned = ctx.get("progressed", [])
    if planned:  # the plan's words go into a published letter: the preparer checks them
        one = len(planned) == 1
        blocks += [Paragraph(plain(
            ("For this finding the letter gives the actions, their status and latest update"
             if one else
             "For these findings the letter gives the actions, their status and latest updates")
            + " that the force’s action plan records, attributed to the force and in the "
            "plan’s own words: check that " + ("they are" if one else "each is")
            + " still current and fit to publish, and replace the text with a newer update, "
            "or the letter’s own words, where needed:")),
            # an update that may tell of a date the letter leaves out: the two points linked
            BulletList(tuple(plain(f"{ref}: its update must not read as the reason for the "
                                   "new target date; give a newer update, if there is one, "
                                   "with that reason" if any(
                                       t.startswith(f"{ref}:") for t in missed) else ref)
                             for ref in planned))]
    blocks += joint_recommendations(report, items)
    blocks += same_subject(ctx.get("links", []))
    absent = [i.id for i in items if options.plan is not None
              and plan_item(options.plan, i.id) is None]
    if absent:
        one = len(absent) == 1
        blocks += [Paragraph(plain(
            "The action plan does not yet hold "
            + ("this finding, so nothing from the plan is shown for it: add it"
               if one else "these findings, so nothing from the plan is shown for them: add them")
            + " to the plan, or write the response here:")),
            BulletList(tuple(plain(ref) for ref in absent))]
    blocks += _checklist(options, [(h.split(":")[0], "allocated") for h in held]
                         + [(m.split(":")[0], "missed") for m in missed], **ctx)
    return blocks


def passed_deadlines(passed: list[tuple[Inline, ...]], options: Options) -> list[Block]:
    """Name the deadlines the report set that had passed by the preparation date, or none.

    ``passed`` holds one line per finding: its heading, reference and deadline in
    the report's words.  The letter gives each deadline (with the date it falls on, where
    the report counts from publication) and says it has passed; the signer says
    what was done by it.
    """
    if not passed:
        return []
    one = len(passed) == 1
    return [Paragraph(plain(
        f"By {long_date(options.as_of_date)}, when this response was prepared, "
        + ("the deadline the report set for this finding had passed. The letter gives the "
           "deadline and says it has passed: say in the response "
           "what was done by that date, or what remains to be done:" if one else
           "the deadlines the report set for these findings had passed. The letter gives each "
           "deadline and says it has passed: say in each response "
           "what was done by that date, or what remains to be done:"))),
        BulletList(tuple(passed))]


def joint_recommendations(report: Report, items: tuple[ResponseItem, ...]) -> list[Block]:
    """Name each recommendation the report addresses to more than the force, for agreeing jointly.

    Whom it addresses is the report's own words (:func:`~peeldocs.sections.joint.joint_parts`),
    never a force or body this library supplies: "E5-REC-1 is addressed to Norfolk and
    Suffolk Constabularies, to work with other forces in the east of England: consider
    agreeing its response with the other forces named and their local policing bodies."
    """
    out: list[Block] = []
    for item in items:
        first, others = joint_parts(item.text, report) \
            if item.kind is ItemKind.RECOMMENDATION else ("", "")
        if first:
            out.append(Paragraph(plain(
                f"{item.id} is addressed to {first}" + (f", {others}" if others else "")
                + ": consider agreeing its response with the other forces named and their "
                "local policing bodies.")))
    return out


def same_subject(links: list[tuple[str, str, bool]]) -> list[Block]:
    """Say that one action may answer a current finding and an earlier one the letter cross-refers.

    ``links``: (current finding, earlier finding, apart) for each pair on one subject,
    as the data links them (:func:`~peeldocs.sections.s55_links.subject_links`).  Only
    a pair the letter answers apart, cross-referred ("See also … in the same area"), is
    named: one answered together is plain to the signer.
    """
    return [Paragraph(plain(
        f"The letter cross-refers {current} and {earlier}, which are on the same subject: one "
        "action may answer both. If it does, give it once and refer to it from the other."))
        for current, earlier, apart in links if apart]


def other_calls(report: Report) -> list[Block]:
    """Quote the report's other calls to act, which are not listed findings, for the signer.

    The letter answers each listed finding; a sentence such as "The force should
    review its operational briefing and debriefing procedures." is not one, so
    the signer decides whether the commissioner's comments respond to it.
    """
    calls = untracked_calls(report)
    if not calls:
        return []
    one = len(calls) == 1
    return [Paragraph(plain(
        "The report also says, in the text of its findings, that the force should act on "
        + ("this point, which it does not list as a recommendation, cause of concern or area "
           "for improvement. The letter does not answer it: decide whether to respond to it, "
           "for example in the comments on the report:" if one else
           f"these {count_words(len(calls))} points, which it does not list as recommendations, "
           "causes of concern or areas for improvement. The letter does not answer them: decide "
           "whether to respond to any, for example in the comments on the report:"))),
        BulletList(call_lines(calls, report), style=ParaStyle.QUOTE)]


def _dates_without_action(items: tuple[ResponseItem, ...], options: Options) -> list[str]:
    """Return each finding whose plan item sets a target date but records no action yet."""
    return [f"{item.id}: target date {long_date(planned.target)}" for item in items
            if (planned := plan_item(options.plan, item.id)) is not None and unallocated(planned)
            and planned.target is not None]


def _missed_targets(items: tuple[ResponseItem, ...], options: Options) -> list[str]:
    """Return each finding whose plan target passed, open, by the letter's date, with the target."""
    out = []
    for item in items:
        planned = plan_item(options.plan, item.id)
        if planned is not None and planned.target and target_missed(
                planned, options.as_of_date) and not unallocated(planned):  # its date is not given
            first = first_target(planned)
            out.append(f"{item.id}: target date {long_date(planned.target)}" + (
                f" (revised from {long_date(first)})" if first else ""))
    return out


def _checklist(options: Options, plan_checks: list[tuple[str, str]], **ctx: Any) -> list[Block]:
    """Return the checks before publishing; a passed deadline asks for the date it is published.

    The letter's date is the preparation date; a check asks for it to be the day it is signed
    or published, if that is another.  ``plan_checks`` adds one for each finding whose plan
    item has no action yet ("allocated": its action, owner and date agreed and given) or
    whose plan target passed with the work open ("missed": its new date agreed and given).
    """
    rows = []
    # the letter is dated the day it was prepared (6): the signer dates it the day it is signed
    for n in (1, 5, 2, 6, 3, 4) if ctx["recommends"] else (1, 2, 6, 3, 4):
        done = ("[[the date this response is published]]" if n == 2 and ctx["late"]
                else "[[yes or no]]")
        rows.append((Cell(plain(wording(f"s55_check_{n}.j2", options, **ctx))), Cell(runs(done))))
    rows[2 if ctx["recommends"] else 1:0] = [(Cell(plain(PLAN_CHECKS[what].format(id=ref))),
                                              Cell(runs("[[yes or no]]"))) for ref, what in plan_checks]
    return [Heading(3, "Checks before publishing", anchor="s55-checklist", in_contents=False),
            Table(((Cell(plain("Check")), Cell(plain("Done"))),), tuple(rows), widths=(4.0, 2.0),
                  caption="Checks before publishing")]
