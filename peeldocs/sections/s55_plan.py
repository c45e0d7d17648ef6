"""What the action plan records of a finding, worded for the published s.55 letter.

The letter states only what the plan records, on the letter's date, attributed to
the force and never as the letter's own claim: the actions as the force's action plan records them, by the
state it records, quoted in its words ("The force’s action plan records this action as
completed on 4 October 2019: “(Example) record supervision reviews on the crime
system”.", "… records these actions as in progress: …"), who owns and
who leads them ("Example ACC; lead: Example Det Supt"), the latest recorded update
as what the force reported, dated and quoted ("The force reported on 20 August
2019: “…”"), and the target date.  A target passed before the item is closed gives
only a place for the new date, "{to be completed: the new target date}", with an optional place for
the reason ("{to be completed: the reason for the new date, or delete}"): its
history is for the preparer's notes; with no update recorded, the current position is a place to
complete too.  The target of an item with no action yet is for the preparer's
notes.  A deadline the report set is given in its words and nothing more: one that
has passed by the letter's date is named in the preparer's notes
(:func:`deadline_passed`), never in the letter, which would read as an admission.
No internal status ("overdue", a RAG) appears.
"""

from __future__ import annotations

from datetime import date

from peeldocs.blocks import Inline, plain
from peeldocs.model.deadlines import DeadlineKind, parse_deadline
from peeldocs.plans.plan import ActionItem, ItemStatus, Update
from peeldocs.sections.due import deadline_words
from peeldocs.sections.items import first_target
from peeldocs.sections.paper import runs
from peeldocs.wording import long_date

NEW_TARGET = "[[the new target date]]"
"""The place for the signer to give a missed target's new date."""
NEW_REASON = "[[the reason for the new date, or delete]]"
"""The optional place for the signer to say why a target moved or was missed, after its date."""
CURRENT_POSITION = "[[the current position]]"
"""The place for the signer to give where the work stands when a target passed with no update."""


def target_missed(plan: ActionItem | None, as_of: date) -> bool:
    """Tell whether the plan's target date passed before ``as_of`` with the item still open.

    An item awaiting sign-off is not counted: the plan does not say whether the work
    was done in time.
    """
    return (plan is not None and plan.target is not None and plan.target < as_of
            and plan.status not in (ItemStatus.CLOSED, ItemStatus.PENDING_SIGN_OFF))


def unallocated(plan: ActionItem | None) -> bool:
    """Tell whether the plan sets a target for an open item but records no action for it."""
    return (plan is not None and not plan.actions and plan.target is not None
            and plan.status is not ItemStatus.CLOSED)


def date_label(plan: ActionItem | None) -> str:
    """Return the label of the letter's date row: "Completed" for a closed item, else "Target date"."""
    return "Completed" if plan is not None and plan.status is ItemStatus.CLOSED else "Target date"


def date_state(plan: ActionItem | None, as_of: date) -> tuple[Inline, ...] | None:
    """Return an action's date as a published letter words it, true to the plan on ``as_of``.

    Under "Completed", "4 October 2019" (or "Yes" when the plan gives no date);
    under "Target date" (:func:`date_label`), "31 December 2019"; a target the
    plan moved gives the first one too, "30 September 2019 (revised from 31 July
    2019)", then the reason the plan records for the move, quoted and attributed, or
    else an optional place for it, "{to be completed: the reason for the new date, or
    delete}".  A target passed before the item is closed gives only a place for the
    new date, "{to be completed: the new target date}" (the plan records none), and
    the optional place for the reason after it: the
    missed target and its history are the preparer's notes', not the published
    letter's.  One awaiting sign-off is "…; awaiting sign-off", with no word on the
    date.  None when the plan sets no date, or sets one for an open item with no
    action yet (awaiting allocation): the letter never promises a date for work
    nobody has been given; the notes give the plan's date.
    """
    if plan is None:
        return None
    target = plan.target
    if plan.status is ItemStatus.CLOSED:
        return plain(long_date(plan.closed_on) if plan.closed_on else "Yes")
    if target is None or unallocated(plan):
        return None
    if target_missed(plan, as_of):  # its history is in the preparer's notes
        return runs(f"{NEW_TARGET}; {NEW_REASON}")
    first = first_target(plan)
    text = long_date(target)
    reason: tuple[Inline, ...] = ()
    if first is not None:
        text += f" (revised from {long_date(first)})"
        # why it moved, where the plan records it (its words, attributed, never read as a
        # mark); else an optional place for the signer to give it or delete
        recorded = _unstopped(plan.target_reason)
        reason = (plain(f"; the force’s action plan gives the reason: “{recorded}”")
                  if recorded else runs(f"; {NEW_REASON}"))
    tail = plain("; awaiting sign-off") if target < as_of else ()
    return (*plain(text), *reason, *tail)


def _unstopped(text: str | None) -> str:
    """Return a quotation from the plan without its closing full stop, which the sentence gives."""
    return (text or "").strip().removesuffix(".").strip()


def missed_position(plan: ActionItem | None, as_of: date) -> tuple[Inline, ...] | None:
    """Return a place for the current position where a target was missed and no update is recorded.

    The letter gives where the work stands instead of the missed date; when the plan
    records no update by ``as_of``, that is for the signer to give.  None otherwise.
    """
    if plan is None or not target_missed(plan, as_of) or unallocated(plan) \
            or progress(plan, as_of) is not None:
        return None
    return runs(CURRENT_POSITION)


def planned_actions(plan: ActionItem | None) -> str:
    """Return the plan's actions as the force's action plan records them, by the item's state.

    Quoted in the plan's words and attributed to it, never the letter's own claim,
    worded by the state the plan records, so that the row gives the action taken or
    proposed (s.55(5B)): an item the plan records as closed gives its actions as
    completed, with the date it was closed where the plan records one; one awaiting
    sign-off, as awaiting sign-off (the plan does not say the work is done); one in
    progress, as in progress;
    one not yet allocated, as planned.  A label at an action's head ("(Example)")
    stays; a closing full stop is left out of the quotation.

    >>> from datetime import date
    >>> planned_actions(ActionItem("X", ItemStatus.IN_PROGRESS,
    ...                            ("appoint a lead", "review training.")))
    'The force’s action plan records these actions as in progress: “appoint a lead”; “review training”.'
    >>> planned_actions(ActionItem("X", ItemStatus.CLOSED, ("record reviews",),
    ...                            closed_on=date(2019, 10, 4)))
    'The force’s action plan records this action as completed on 4 October 2019: “record reviews”.'
    >>> planned_actions(ActionItem("X"))
    ''
    """
    if plan is None:
        return ""
    kept = [a.strip().removesuffix(".").strip() for a in plan.actions if a.strip().strip(".")]
    if not kept:
        return ""
    which = "this action" if len(kept) == 1 else "these actions"
    return (f"The force’s action plan records {which} as {_recorded_state(plan)}: "
            + "; ".join(f"“{a}”" for a in kept) + ".")


def _recorded_state(plan: ActionItem) -> str:
    """Return the state the plan records for an item's actions, in words, dated when closed."""
    if plan.status is ItemStatus.CLOSED:
        return f"completed on {long_date(plan.closed_on)}" if plan.closed_on else "completed"
    if plan.status is ItemStatus.PENDING_SIGN_OFF:
        return "awaiting sign-off"
    if plan.status is ItemStatus.IN_PROGRESS:
        return "in progress"
    return "planned"


def people(plan: ActionItem | None) -> str:
    """Return who owns and who leads an action, for the letter's "Owner" row, each as recorded.

    The owner under the row's own label, the lead labelled: "Example ACC;
    lead: Example Det Supt" (never a capital after the semicolon, never an
    unlabelled "/"); the same person in both roles once; "Lead: Example Det Supt"
    when the plan records only a lead.  "" when it records neither.
    """
    if plan is None:
        return ""
    owner, lead = plan.owner, plan.lead
    if owner and lead and owner != lead:
        return f"{owner}; lead: {lead}"
    if lead and not owner:
        return f"Lead: {lead}"
    return owner or ""


PROGRESS_LABEL = "Progress"
"""The progress row's label: in it, what the force reported, dated and in its own words."""


def progress(plan: ActionItem | None, as_of: date) -> tuple[str, str] | None:
    """Return the plan's latest progress update recorded by ``as_of``: its row label and words.

    ("Progress", "The force reported on 20 August 2019: “Example update. Lead
    appointed.”"): the plan's own words, in quotation marks, said to be the force's
    report and dated, never the letter's claim; who gave it where the plan records
    that: "The force reported on 20 August 2019, in an update given by …: “…”".
    None when the plan records none by that date: nothing is ever supplied for it.
    """
    if plan is None:
        return None
    held = [u for u in plan.updates if u.when <= as_of and u.text.strip()]
    if not held:
        return None
    latest: Update = max(held, key=lambda u: u.when)  # the first of a day's, as the plan holds
    who = f", in an update given by {latest.by}" if latest.by else ""
    return (PROGRESS_LABEL,
            f"The force reported on {long_date(latest.when)}{who}: “{latest.text.strip()}”")


def report_deadline(worded: str, published: date | None) -> str:
    """Return a deadline the report sets, in its words, with the date we work out from it.

    "by 31 March 2025"; "within six months of publication (that is, by 12 March
    2025)"; "immediately (report published 12 September 2024)".  Never whether it
    has passed: the letter is published, and that is the preparer's to know.
    """
    return deadline_words(worded, published)


def deadline_passed(worded: str, published: date | None, as_of: date,
                    plan: ActionItem | None) -> date | None:
    """Return the date a deadline the report sets fell on, when it passed before ``as_of``.

    None when the plan records the finding as closed, when the date cannot be
    worked out (no publication date, a wording that cannot be read), or on the
    day itself.
    """
    deadline = parse_deadline(worded)
    due = deadline.due(published) if deadline.kind is not DeadlineKind.UNREAD else None
    closed = plan is not None and plan.status is ItemStatus.CLOSED
    return None if due is None or due >= as_of or closed else due
