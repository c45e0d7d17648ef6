"""The main message of the register and the update paper, said first, from the data.

Which open findings have gone longest with no progress reported (how long, since
when), and which have no owner: named in words with their references in brackets.
A finding with no update is dated from its inspection's publication; one whose
inspection has no known date is left out of the count, never given a guessed one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.register import Entry, Register
from peeldocs.plans.register_names import inspection_names
from peeldocs.prose import count_words, counted, join_words, long_date, sentence_case, span_words
from peeldocs.sections.register_refs import findings_words, refs_words
from peeldocs.sections.register_words import overdue_lead, still_live

QUIET_DAYS = 90
"""Longer than a quarter with nothing reported is worth saying first."""
YEAR_DAYS = 365


@dataclass(frozen=True, slots=True)
class _Quiet:
    entry: Entry
    since: date
    """The latest update's date, or else the inspection's publication (or last-updated) date."""
    updated: bool
    published: bool = True
    """With no update: ``since`` is the publication date (False: the page's last-updated date)."""


def _span(days: int) -> str:
    """Say a long time plainly: 'more than five years', 'more than four months'."""
    return span_words(days)


def _from(reg: Register, entries: list[Entry]) -> str:
    """Name the inspections the entries come from, briefly: 'the PEEL inspection'.

    Each was named in full where the document said what it covers.
    """
    names = inspection_names(reg)
    said = [names[e.plan].short if e.plan in names else f"the inspection “{e.inspection}”"
            for e in entries]
    return join_words(list(dict.fromkeys(said)))


def _quiet(reg: Register) -> list[_Quiet]:
    """Return every open finding with the date progress was last reported (or its report's)."""
    lines = {line.plan: line for line in reg.inspections}
    out = []
    for entry in reg.entries:
        line = lines.get(entry.plan)
        if entry.state.item.status is ItemStatus.CLOSED:
            continue
        latest = entry.latest
        published = line.published if line else None
        since = latest.when if latest else published or (line.last_updated if line else None)
        if since is not None and (reg.as_of - since).days > QUIET_DAYS:
            out.append(_Quiet(entry, since, latest is not None, published is not None))
    return out


def _longest(reg: Register) -> tuple[str, list[_Quiet]] | None:
    """Return the opening of the longest-quiet sentence and the findings it names, or None.

    Those quiet for more than a year when any is (else the quietest).
    """
    quiet = _quiet(reg)
    if not quiet:
        return None
    oldest = max((reg.as_of - q.since).days for q in quiet)
    group = [q for q in quiet if (reg.as_of - q.since).days > YEAR_DAYS] if oldest > YEAR_DAYS \
        else [q for q in quiet if (reg.as_of - q.since).days == oldest]
    entries = [q.entry for q in group]
    newest = max(q.since for q in group)
    one = len(group) == 1
    what = findings_words(entries, article=one)
    head = (f"{sentence_case(what)} from "
            f"{_from(reg, entries)} ({refs_words(entries)}) {'has' if one else 'have'} had no "
            f"progress reported for {_span((reg.as_of - newest).days)}")
    return head, group


def quiet_for_years(reg: Register) -> tuple[str, tuple[Entry, ...]] | None:
    """Return the open findings with no progress reported for more than a year, or None.

    With how long, said for the most recently heard of: ('more than five years', findings).
    """
    quiet = [q for q in _quiet(reg) if (reg.as_of - q.since).days > YEAR_DAYS]
    if not quiet:
        return None
    heard = [q for q in quiet if q.updated] or quiet  # how long since any was reported on
    return (_span((reg.as_of - max(q.since for q in heard)).days),
            tuple(q.entry for q in quiet))


def longest_without_news(reg: Register, *, owners: bool = True
                         ) -> tuple[str, tuple[Entry, ...]] | None:
    """Say which open findings have gone longest with no progress reported, or None.

    Those quiet for more than a year when any is (else the quietest): 'Three
    areas for improvement from the PEEL inspection (E-2017-AFI-1, E2-AFI-1 and
    E2-AFI-2) have had no progress reported for more than five years: the latest
    update on any of them is dated 2 September 2019, and none has ever been
    recorded for E2-AFI-2, which has no owner.'  With the findings it named as having no owner.
    ``owners`` False: nothing said of owners (a paper that says so in a sentence of its own).
    """
    longest = _longest(reg)
    if longest is None:
        return None
    head, group = longest
    one = len(group) == 1
    updated = [q for q in group if q.updated]
    never = [q.entry for q in group if not q.updated]
    unowned = tuple(e for e in never if not e.state.item.owner) if owners else ()
    if not updated:
        when = max(q.since for q in group)
        what = "was published on" if all(q.published for q in group) else \
            "was last updated, on"  # only the page's date was read: never called its publication
        said = (f"no update has been recorded for {'it' if one else 'any of them'} since the "
                f"report {what} {long_date(when)}")
    else:
        latest = max(q.since for q in updated)
        said = f"the latest update{'' if one else ' on any of them'} is dated {long_date(latest)}"
        if never:
            said += f", and none has ever been recorded for {refs_words(never)}"
        if never and len(unowned) == len(never):  # the same findings: said in one breath
            said += f", which {'has' if len(never) == 1 else 'have'} no owner"
            return f"{head}: {said}.", unowned
    if unowned and len(unowned) == len(group):
        said += f", and {'it has no owner' if one else 'none of them has an owner'}"
    elif unowned:
        said += f"; {refs_words(list(unowned))} {'has' if len(unowned) == 1 else 'have'} no owner"
    return f"{head}: {said}.", unowned


def without_owner(reg: Register, said: tuple[Entry, ...] = ()) -> str | None:
    """Say which open findings have no owner recorded, by inspection, or None.

    ``said``: those already said to have none (the rest are said to have none 'either').
    """
    open_unowned = [e for e in reg.entries if e.state.item.status is not ItemStatus.CLOSED
                    and not e.state.item.owner and e not in said]
    if not open_unowned:
        return None
    by_plan: dict[str, list[Entry]] = {}
    for entry in open_unowned:
        by_plan.setdefault(entry.plan, []).append(entry)
    parts = [f"{findings_words(entries, article=True)} from {_from(reg, entries)} ({refs_words(entries)})"
             for entries in by_plan.values()]
    return f"No owner has been recorded for {join_words(parts, 'or for')}{' either' if said else ''}."


def closed_without_evidence(reg: Register) -> list[Entry]:
    """Return the closed findings whose plan records no evidence reference."""
    return [e for e in reg.entries if e.state.item.status is ItemStatus.CLOSED
            and not any(x.strip() for x in e.state.item.evidence)]


def without_evidence(reg: Register, *, still: str | None = None) -> str | None:
    """Say which closed findings have no evidence reference recorded, by inspection, or None.

    An audit of a closure asks for its evidence; the plan may hold the evidence
    elsewhere, so it is the reference that is said to be missing, never the evidence.
    ``still``: the earlier register ('the register as of 15 October 2024'); when every
    such closure predates it, the gap is said to be as it was then, not as news.
    """
    closed = closed_without_evidence(reg)
    if not closed:
        return None
    by_plan: dict[str, list[Entry]] = {}
    for entry in closed:
        by_plan.setdefault(entry.plan, []).append(entry)
    parts = [f"{findings_words(entries, article=True)} from {_from(reg, entries)} ({refs_words(entries)})"
             for entries in by_plan.values()]
    one = len(closed) == 1
    # a statement of what an audit needs, never an instruction to the register's author
    record = ("one is needed so that the closure can be audited." if one else
              "one is needed for each so that the closures can be audited.")
    new = {e.key for e in (*reg.changes.closed, *reg.changes.added)} if reg.changes else set()
    if still is not None and not any(e.key in new for e in closed):
        return (f"As in {still}, no evidence reference is recorded for the closure of "
                f"{join_words(parts)}; {record}")
    return f"No evidence reference is recorded for the closure of {join_words(parts)}; {record}"


def past_deadline(reg: Register) -> tuple[int, str]:
    """Return how many open findings are past HMICFRS's own deadline, and when each passed.

    '(R3’s passed on 14 September 2024 and R1’s on 30 September 2024)', earliest first;
    (0, '') when none is.  The force's target may have moved later (read 34).
    """
    past = sorted(reg.past_due(), key=lambda e: (e.due or reg.as_of, e.state.item.finding))
    dates = [f"{e.state.item.finding}’s{' passed' if i == 0 else ''} on {long_date(e.due)}"
             for i, e in enumerate(past) if e.due is not None]
    return len(past), f"({join_words(dates)})" if past else ""


def deadline_sentence(reg: Register, *, dated: bool = True) -> str:
    """Say which recommendations are past HMICFRS's own deadline, or ''; with ``dated``, when."""
    n, dates = past_deadline(reg)
    if not n:
        return ""
    if not dated:  # the update paper's summary: the dates are in its ask (2.1)
        return (f"{refs_words(list(reg.past_due()))} {'is' if n == 1 else 'are'} past HMICFRS’s own "
                f"deadline{'' if n == 1 else 's'}.")
    return (f"{sentence_case(counted(n, 'recommendation', words=True))} "
            f"{'is' if n == 1 else 'are'} past HMICFRS’s own deadline{'' if n == 1 else 's'} "
            f"{dates}.")


def main_message(reg: Register) -> str | None:
    """Return the sentences a reader needs first, or None when nothing stands out.

    How many are overdue, by how long; the longest without progress, and that whether they
    stand is not recorded (read 36); deadlines passed; no owner; no evidence reference.
    """
    longest = longest_without_news(reg)
    text, unowned = longest if longest else ("", ())
    quiet = quiet_for_years(reg)
    live = still_live(len(quiet[1]) > 1) if quiet and text else ""
    said = [s for s in (overdue_lead(reg), text, live, deadline_sentence(reg),
                        without_owner(reg, unowned), without_evidence(reg)) if s]
    return " ".join(said) or None


def _reported(reg: Register) -> list[str]:
    """Say what was reported between the earlier register and the as-of date, in parts."""
    changes = reg.changes
    assert changes is not None and changes.since is not None
    since = changes.since
    updated = [e for e in reg.entries
               if any(since < u.when <= reg.as_of for u in e.state.item.updates)]
    parts = []
    if updated:
        parts.append(f"progress was reported on {counted(len(updated), 'finding', words=True)}")
    if changes.closed:
        parts.append(f"{counted(len(changes.closed), 'finding', words=True)} closed")
    if changes.redated:
        one = len(changes.redated) == 1
        parts.append(f"{counted(len(changes.redated), 'finding', words=True)} had "
                     f"{'its' if one else 'their'} target date changed")
    if changes.added:
        parts.append(f"{counted(len(changes.added), 'finding', words=True)} "
                     f"{'was' if len(changes.added) == 1 else 'were'} added")
    return parts


def _overdue_now(reg: Register) -> str:
    """Say which findings became overdue since the earlier register, and how many open are now."""
    changes = reg.changes
    assert changes is not None
    newly = list(changes.newly_overdue)
    open_n = sum(1 for e in reg.entries if e.state.item.status is not ItemStatus.CLOSED)
    late = len(reg.overdue)
    if not late:
        return "no open finding is past its target date" if open_n else ""
    now = "now " if newly else ""
    if late == open_n:
        whole = (f"the one open finding is {now}past its target date" if late == 1 else
                 f"all {count_words(late)} open findings are {now}past their target date")
    else:
        whole = (f"{count_words(late)} of the {count_words(open_n)} open findings "
                 f"{'is' if late == 1 else 'are'} {now}past {'its' if late == 1 else 'their'} "
                 "target date")
    if not newly:
        return f"none became overdue, and {whole}"
    what = findings_words(newly, article=True) if len(newly) == 1 else findings_words(newly)
    return f"{what} ({refs_words(newly)}) became overdue, and {whole}"


def quarter_message(reg: Register) -> str | None:
    """Return, in brief, what happened between the earlier register and this one.

    A summary of the paper, each point said once: whether any progress was
    reported, which findings became overdue and how many open findings are
    now; the findings longest without progress.  Which findings have no owner
    is said once, in the decisions asked for (read 32); the details (what
    changed, the commissioner's share) once, in the paper's sections.  Without an earlier register or date:
    :func:`main_message`.
    """
    changes = reg.changes
    if changes is None or changes.since is None:
        return main_message(reg)
    done = join_words(_reported(reg)) or "no progress was reported on any finding"
    late = _overdue_now(reg)
    parts = [f"In brief: since {long_date(changes.since)}, {done}"
             + (f"; {late}." if late else ".")]
    # how long, and since when: a finding never updated said to be so, never only "no
    # progress reported for more than five years" (read 24-X); owners are said next
    longest = longest_without_news(reg, owners=False)
    if longest is not None:
        parts.append(longest[0])
    return " ".join([*parts[:1], *filter(None, [deadline_sentence(reg, dated=False)]),
                     *parts[1:]])
