"""What the update paper drafts for its author from the register: its asks and marks.

The decisions the data supports are drafted as asks (name an owner for the
open findings with none; decide whether those with no progress reported for
more than a year are still live), each naming its findings; any further
decision stays a marked placeholder.  The note on square brackets and
ellipses is said only when a quotation the paper shows carries them; whether
nothing at all was reported since the earlier register is told too.
"""

from __future__ import annotations

from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.register import Entry, Register
from peeldocs.prose import opening
from peeldocs.sections.register_message import past_deadline, quiet_for_years
from peeldocs.sections.register_refs import findings_words, refs_words
from peeldocs.sections.register_words import commissioner_name, shared_with_commissioner
from peeldocs.wording import marks_note


def _the(entries: list[Entry]) -> str:
    """Name the findings with 'the': 'the recommendation', 'the two findings'."""
    return f"the {findings_words(entries).removeprefix('one ')}"


def decisions(reg: Register) -> list[str]:
    """Return the asks the register's data supports, each to follow 'to' in the recommendation.

    'require a recovery date and an update for the two recommendations past HMICFRS’s own
    deadlines (R3’s passed on 14 September 2024 and R1’s on 30 September 2024)';

    'name an owner for the two findings that have none (E2-AFI-2 and R2), agreeing with the
    office of the Police and Crime Commissioner who leads R2, which is addressed to police and
    crime commissioners as well as chief constables';
    'decide whether the three areas for improvement with no progress reported for more than
    five years (E-2017-AFI-1, E2-AFI-1 and E2-AFI-2; E2-AFI-2 has had none at all) are still
    live, or have been overtaken by later inspections'.
    """
    asks = []
    past, dates = list(reg.past_due()), past_deadline(reg)[1]
    if past:  # what HMICFRS asks about first (read 34): the force's moved target is no answer
        asks.append(f"require a recovery date and an update for {_the(past)} past HMICFRS’s "
                    f"own deadline{'' if len(past) == 1 else 's'} {dates}")
    unowned = [e for e in reg.entries if e.state.item.status is not ItemStatus.CLOSED
               and not e.state.item.owner]
    if unowned:
        one = len(unowned) == 1
        asks.append(f"name an owner for {_the(unowned)} that {'has' if one else 'have'} none "
                    f"({refs_words(unowned)})")
        shared = [e for e in unowned if e in shared_with_commissioner(reg)]
        if shared:  # the group cannot settle alone what is addressed to the commissioner too
            asks[-1] += (f", agreeing with the office of {commissioner_name(reg)} "
                         f"who leads {refs_words(shared)}, which "
                         f"{'is' if len(shared) == 1 else 'are'} addressed to police and crime "
                         "commissioners as well as chief constables")
    quiet = quiet_for_years(reg)
    if quiet is not None:
        span, entries = quiet
        one = len(entries) == 1
        heard = [e for e in entries if e.latest is not None]
        never = [e for e in entries if e.latest is None]
        # one never updated is said to have had none at all, never "none for five years"
        if heard and never:
            # the three named together, then which had none at all (read 33: not split in two)
            which = (f"with no progress reported for {span} ({refs_words(list(entries))}; "
                     f"{refs_words(never)} {'has' if len(never) == 1 else 'have'} had none "
                     "at all)")
        elif never:
            which = f"with no progress ever reported ({refs_words(never)})"
        else:
            which = f"with no progress reported for {span} ({refs_words(heard)})"
        asks.append(f"decide whether {_the(list(entries))} {which} {'is' if one else 'are'} "
                    f"still live, or {'has' if one else 'have'} been overtaken by "
                    f"{'a later inspection' if one else 'later inspections'}")
    return asks


def quoted_marks(reg: Register) -> str:
    """Say what the marks in the paper's quotations mean, or '' when none carries any.

    The paper quotes each overdue finding's first sentence (an ellipsis where
    more follows) and the items shared with the commissioner; a finding quoted
    from mid-passage carries our square brackets.
    """
    quoted = [e for e in (*reg.overdue, *shared_with_commissioner(reg))
              if e.quoted is not None and e.ref is not None]
    brackets = any(e.quoted != e.ref.text for e in quoted if e.ref is not None)
    ellipsis = any(opening(e.quoted) != e.quoted.strip() for e in quoted if e.quoted)
    return marks_note(brackets, ellipsis) if brackets or ellipsis else ""


def quiet(reg: Register) -> bool:
    """Tell whether nothing was reported between the earlier point and the as-of date.

    No progress update dated in that time, nothing closed, re-dated or added.
    """
    changes = reg.changes
    if changes is None or changes.since is None:
        return False
    since = changes.since
    updated = any(since < u.when <= reg.as_of for e in reg.entries for u in e.state.item.updates)
    return not (updated or changes.closed or changes.redated or changes.added)
