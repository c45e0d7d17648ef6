"""What the action plan records of a finding, worded for the published s.55 letter.

The letter states only what the plan records, on the letter's date, and reads as
a letter, not a tracker: the actions once, listed in the plan's words with no
frame around them ("Appoint …; review …."), the state the plan records in a row
of its own ("In progress", "Completed on 4 October 2019": a completion date is
given there, once), who owns and who leads them ("Example ACC; lead: Example Det
Supt"), the latest recorded update with its date, attributed to the force ("On
20 August 2019 the force reported: “…”"; an update given on the day a closed item
was completed is not dated again), and the target date.  The letter says once, at
the head of its responses, that these come from the force's action plan.  A target
passed before the item is closed gives a "Revised target date"
row with a place for the new date, "{to be completed: the new target date}", and
an optional "Reason for the new date" row ("{to be completed: the reason for the
new date, or delete this row}"); a target the plan moved gives its revised date
and the same reason row, with the plan's reason quoted where it records one.  Its
history is for the preparer's notes; with no update recorded, the current
position is a place to complete too.  The target of an item with no action yet is
for the preparer's notes.  A deadline the report set is given in its words and
nothing more here: one that has passed by the letter's date is said to have passed
under it, in plain words, and named in the preparer's notes (:func:`deadline_passed`).
No internal status ("overdue", a RAG) appears.
"""

from __future__ import annotations

import re
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
NEW_REASON = "[[the reason for the new date, or delete this row]]"
"""The optional place for the signer to say why a target moved or was missed, in a row of its own."""
REVISED_LABEL = "Revised target date"
"""The date row's label for a target the plan moved, or one missed."""
REASON_LABEL = "Reason for the new date"
"""The label of the optional row, after the date, saying why a target moved or was missed."""
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


def date_label(plan: ActionItem | None, as_of: date | None = None) -> str:
    """Return the label of the letter's date row.

    "Completed" for a closed item; "Revised target date" for a target the plan moved,
    or (given ``as_of``) one missed; else "Target date".
    """
    if plan is not None and plan.status is ItemStatus.CLOSED:
        return "Completed"
    if plan is not None and plan.target is not None and not unallocated(plan) and (
            first_target(plan) is not None or (as_of is not None and target_missed(plan, as_of))):
        return REVISED_LABEL
    return "Target date"


def date_state(plan: ActionItem | None, as_of: date) -> tuple[Inline, ...] | None:
    """Return an action's date as a published letter words it, true to the plan on ``as_of``.

    Under "Completed", "4 October 2019" (or "Yes" when the plan gives no date; the
    letter gives it in the "Status" row instead, :func:`status_words`);
    under "Target date" (:func:`date_label`), "31 December 2019"; under "Revised
    target date", a target the plan moved with the first one too, "30 September
    2019 (revised from 31 July 2019)", or, for a target passed before the item is
    closed, a place for the new date, "{to be completed: the new target date}" (the
    plan records none): the missed target and its history are the preparer's
    notes', not the published letter's.  Why it moved is a row of its own
    (:func:`date_reason`).  Whether it awaits sign-off is the "Status" row's.  None
    when the plan sets no date, or sets one for an open item with no action yet
    (awaiting allocation): the letter never promises a date for work nobody has been
    given; the notes give the plan's date.
    """
    if plan is None:
        return None
    target = plan.target
    if plan.status is ItemStatus.CLOSED:
        return plain(long_date(plan.closed_on) if plan.closed_on else "Yes")
    if target is None or unallocated(plan):
        return None
    if target_missed(plan, as_of):  # its history is in the preparer's notes
        return runs(NEW_TARGET)
    first = first_target(plan)
    text = long_date(target)
    if first is not None:
        text += f" (revised from {long_date(first)})"
    return plain(text)


def date_reason(plan: ActionItem | None, as_of: date) -> tuple[Inline, ...] | None:
    """Return the "Reason for the new date" row's words, for a target moved or missed, or None.

    The reason the plan records for the move, quoted and attributed ("“…” (the
    force’s action plan)"), or else an optional place for the signer to give it or
    delete the row, "{to be completed: the reason for the new date, or delete this
    row}".  None where the date row is not a revised one (:func:`date_label`).
    """
    if date_label(plan, as_of) != REVISED_LABEL or plan is None:
        return None
    recorded = _unstopped(plan.target_reason) if not target_missed(plan, as_of) else ""
    if recorded:  # its words, attributed, never read as a mark
        return plain(f"“{recorded}” (the force’s action plan)")
    return runs(NEW_REASON)


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


def action_label(plan: ActionItem | None) -> str:
    """Return the label of the letter's action row: "Actions" for several the plan records."""
    return "Actions" if plan is not None and len(_kept(plan)) > 1 else "Action"


def planned_actions(plan: ActionItem | None) -> str:
    """Return the plan's actions once, as the letter's action row lists them.

    The plan's own words, as a chief officer lists actions in a published
    response: no frame around them ("as the plan sets them out"), several joined by
    semicolons, the first letter a capital where the plan's starts with a small one,
    one closing full stop.  A label at an action's head ("(Example)") stays, and
    the plan's words after it are as the plan has them.  Where
    they come from, the force's action plan, the letter says once, at the head of its
    responses; the state the plan records is the "Status" row's (:func:`status_words`).

    >>> planned_actions(ActionItem("X", ItemStatus.IN_PROGRESS,
    ...                            ("appoint a lead", "review training.")))
    'Appoint a lead; review training.'
    >>> planned_actions(ActionItem("X", ItemStatus.CLOSED, ("(Example) record reviews",)))
    '(Example) record reviews.'
    >>> planned_actions(ActionItem("X"))
    ''
    """
    kept = _kept(plan) if plan is not None else []
    if not kept:
        return ""
    text = "; ".join(kept)
    return text[:1].upper() + text[1:] + "."


def _kept(plan: ActionItem) -> list[str]:
    """Return the plan's actions with any closing full stop left out, empty ones dropped."""
    return [a.strip().removesuffix(".").strip() for a in plan.actions if a.strip().strip(".")]


STATUS_LABEL = "Status"
"""The label of the row giving the state the plan records for an item's actions."""


def status_words(plan: ActionItem | None) -> str:
    """Return the state the plan records for an item's actions, for the letter's "Status" row.

    "In progress", "Awaiting sign-off" (the plan does not say the work is done),
    "Planned" (not yet allocated), or "Completed on 4 October 2019" ("Completed"
    when the plan gives no date): the completion date is given here, once.  ""
    when the plan records no action: the letter then leaves the action to complete
    and states no state of its own.
    """
    if plan is None or not _kept(plan):
        return ""
    if plan.status is ItemStatus.CLOSED:
        return f"Completed on {long_date(plan.closed_on)}" if plan.closed_on else "Completed"
    if plan.status is ItemStatus.PENDING_SIGN_OFF:
        return "Awaiting sign-off"
    if plan.status is ItemStatus.IN_PROGRESS:
        return "In progress"
    return "Planned"


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

    ("Progress", "On 20 August 2019 the force reported: “Example update. Lead
    appointed.”"): the plan's own words, in quotation marks, said to be the force's
    report and dated, never the letter's claim; who gave it where the plan records
    that: "On 20 August 2019 the force reported, in an update given by …: “…”".  An
    update given on the day a closed item was completed is not dated again ("The
    force reported on completion: “…”"): the "Status" row gives the date once.  One
    given before a target since missed says so ("On 2 September 2019, when the
    target date was 30 September 2019, the force reported: “…”"), so it is never read as the
    reason for the new date asked for beside it.  None when the plan records none by
    that date: nothing is ever supplied for it.
    """
    if plan is None:
        return None
    held = [u for u in plan.updates if u.when <= as_of and u.text.strip()]
    if not held:
        return None
    latest: Update = max(held, key=lambda u: u.when)  # the first of a day's, as the plan holds
    who = f", in an update given by {latest.by}" if latest.by else ""
    words = f"“{latest.text.strip()}”"
    if plan.status is ItemStatus.CLOSED and plan.closed_on == latest.when:
        return PROGRESS_LABEL, f"The force reported on completion{who}: {words}"
    # given before a target since missed: it speaks of that target, never of the new date the
    # letter asks for beside it, so it says so, the missed date left to the notes (read 35)
    # the date named, so a reader who has not seen the plan knows which (read 36)
    then = (f", when the target date was {long_date(plan.target)}," if plan.target is not None
            and target_missed(plan, as_of) and latest.when <= plan.target else "")
    return PROGRESS_LABEL, f"On {long_date(latest.when)}{then} the force reported{who}: {words}"


def report_deadline(worded: str, published: date | None) -> str:
    """Return a deadline the report sets, in its words, with the date we work out from it.

    "by 31 March 2025"; "“within six months” (that is, by 12 March 2025, six months
    from publication)": the report's words quoted, our reading after them in our own
    voice (read 34: "within six months of publication" put "of publication" in the
    report's mouth); "immediately (report published 12 September 2024)".  Never
    whether it has passed: the letter is published, and that is the preparer's to know.
    """
    deadline = parse_deadline(worded)
    due = deadline.due(published)
    if deadline.kind is DeadlineKind.RELATIVE and due is not None:
        said = " ".join(worded.split())
        span = re.sub(r"\s+(?:of|from|after)\s+.*$", "", said, flags=re.IGNORECASE)
        reading = (f"{span[len('within '):]} from publication"
                   if span.lower().startswith("within ") else "counting from publication")
        return f"“{said}” (that is, by {long_date(due)}, {reading})"
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
