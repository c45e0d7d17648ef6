"""Cells of the register's tables: what one action says, in words a reader can check.

Pure functions from a register :class:`~peeldocs.plans.register.Entry` to
table cells and text: its reference, finding (with editorial marks where the
quoted text starts mid-passage) and addressee, the actions planned, the RAG
as a word, and the latest update with any moved target and its reason, led by
the reason recorded for a RAG set by hand.
"""

from __future__ import annotations

import re
from datetime import date

from peeldocs.blocks import Block, Cell, Inline, Paragraph, Text, plain
from peeldocs.plans.inspection import ADDRESSEE_WORDS, Addressee
from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.register import Entry, InspectionLine
from peeldocs.plans.rules import (
    AUTHORS_REASON,
    SET_BY_AUTHOR,
    STALE_DAYS,
    rag_meaning_words,
    ruled_rag,
    stale_words,
)
from peeldocs.prose import counted, opening
from peeldocs.sections.plan_table import RAG_TONES
from peeldocs.wording import long_date

_MOVE = re.compile(r"\b(?:target|deadline|moved|delay|postpon|extend|resched|slip)", re.I)
"""Words by which an update gives the reason a target moved."""

ADDRESSED = {to: words for to, words in ADDRESSEE_WORDS.items() if to is not Addressee.UNKNOWN}
"""To whom an item is addressed, in full words."""


def figure(count: int) -> str:
    """Return a count with thousands separators: '1,842'."""
    return f"{count:,}"


def sentence(text: str) -> str:
    """End a user's text with a full stop unless it already ends a sentence."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


def rag_cell(entry: Entry) -> Cell:
    """Return the RAG as a word alone, toned.

    A reason the plan's author gave for it is not crowded into the narrow RAG
    column: the row's latest update gives it (:func:`rag_reason_words`), first.
    """
    word = entry.state.rag.value.capitalize()
    return Cell((Text(word, bold=True),), tone=RAG_TONES[entry.state.rag])


def rag_reason_words(entry: Entry) -> str:
    """Say the rating with the reason the plan's author gave for it; '' when none was given.

    'RAG Green, set by the plan’s author: <reason>.' where the author's rating
    differs from the rules'; 'Rated Green by the plan’s author: <reason>.'
    where the author gave the rating the rules give (no override is implied).
    """
    reason = hand_reason(entry)
    word = entry.state.rag.value.capitalize()
    if not reason:
        return ""
    return f"RAG {word}, {reason}" if _overridden(entry) else f"Rated {word}{reason}"


def _overridden(entry: Entry) -> bool:
    """Return whether the plan's author set a rating other than the one the rules give."""
    return entry.state.rag_by_hand and entry.state.rag is not ruled_rag(entry.state)


def hand_reason(entry: Entry) -> str:
    """Return the reason the plan's author gave for the rating, to follow it; else ''.

    'set by the plan’s author: <reason>.' when it differs from the rules'
    rating; ' by the plan’s author: <reason>.' (to follow 'Rated Green') when the
    author gave the rating the rules give (no override is implied).
    """
    state, item = entry.state, entry.state.item
    if not (state.rag_by_hand and item.rag_reason):
        return ""
    lead = SET_BY_AUTHOR if _overridden(entry) else AUTHORS_REASON
    return f"{lead}{sentence(item.rag_reason)}"


def rag_key() -> tuple[Block, ...]:
    """Say once what Red, Amber and Green mean under the rules the register applies."""
    # three lines across a landscape page: the row's own 'set by the plan’s author: <reason>'
    # says where an author set a rating, so the key has room for whose date rates it (read 36)
    return (Paragraph(plain(f"RAG ratings: {rag_meaning_words()}. Ratings follow the force’s own "
                            "target date, not HMICFRS’s deadline; an overdue action is never "
                            "rated Green.")),)


def deadline_words(entry: Entry, as_of: date | None) -> str:
    """Say that an open finding is past HMICFRS's own deadline, and when it passed; else ''.

    'the date HMICFRS set' when the target is that deadline, else 'HMICFRS’s deadline
    passed on 14 September 2024' (a target moved past it is the force's own).
    """
    due, item = entry.due, entry.state.item
    if as_of is None or due is None or due >= as_of or item.status is ItemStatus.CLOSED:
        return ""
    if item.target == due:
        return "the date HMICFRS set"
    return f"HMICFRS’s deadline passed on {long_date(due)}"


def ref_cell(entry: Entry, *, addressee: bool = False) -> Cell:
    """Return the finding's id and kind, with ``addressee`` to whom it is addressed.

    The addressee is our words, so it goes here and never in a column of quotations.
    """
    kind = entry.ref.kind if entry.ref else "finding no longer in the report"
    runs: tuple[Inline, ...] = (Text(entry.state.item.finding, bold=True), Text(f" {kind}"))
    to = addressed_to(entry)
    if addressee and to:
        runs += (Text(f" addressed to {to}"),)
    elif addressee and entry.addressed_to is Addressee.UNKNOWN:
        runs += (Text(" (whom it is addressed to was not read from the report)"),)
    return Cell(runs)


def addressed_to(entry: Entry) -> str | None:
    """Return to whom the item is addressed in words, when the plan's inspection records it."""
    if entry.addressed_to is None or entry.addressed_to is Addressee.UNKNOWN:
        return None
    return ADDRESSED[entry.addressed_to]


NO_EVIDENCE_REFERENCE = "No evidence reference recorded."
"""Said of a closed item whose plan records no evidence: it is the reference that is missing."""


FIRST_SENTENCE = "Finding (first sentence, verbatim)"
"""The header over a finding cut to its first sentence (an ellipsis marks the cut)."""


def finding_text(entry: Entry) -> str:
    """Return the finding as quoted, with square brackets where it starts mid-passage."""
    quoted = entry.quoted
    return "Not in the report now" if quoted is None else quoted


def finding_cell(entry: Entry, *, short: bool = False) -> Cell:
    """Return the finding quoted verbatim and nothing else; ``short``: its first sentence."""
    text = finding_text(entry)
    return Cell((Text(opening(text) if short and entry.quoted else text),))


def planned_text(entry: Entry) -> str:
    """Return the actions the plan lists, as a sentence; '' when it lists none."""
    said = "; ".join(a.strip() for a in entry.state.item.actions if a.strip())
    return sentence(said) if said else ""


def actions_text(entry: Entry) -> str:
    """Return the actions the plan lists, and for a closed item its sign-off and evidence."""
    item = entry.state.item
    parts = [planned_text(entry) or "No actions recorded."]
    if item.status is ItemStatus.CLOSED:
        when = f" on {long_date(item.closed_on)}" if item.closed_on else " (date not recorded)"
        target = item.target
        if item.closed_on and target and item.closed_on > target:  # a late closure is a fact
            when += f", {counted((item.closed_on - target).days, 'day', words=True)} after its target"
        who = f", signed off by {item.signed_off_by}" if item.signed_off_by else \
            ", sign-off not recorded"
        parts.append(f"Closed{when}{who}.")
        evidence = "; ".join(e.strip() for e in item.evidence if e.strip())
        # the plan may lack only the reference, not the evidence itself: say which is missing
        parts.append(f"Evidence: {sentence(evidence)}" if evidence else NO_EVIDENCE_REFERENCE)
    return " ".join(parts)


def latest_text(entry: Entry) -> str:
    """Return the latest update with its date, or that there is none."""
    latest = entry.latest
    if latest is None:
        return "No update recorded"
    by = f" ({latest.by})" if latest.by else ""
    return f"{long_date(latest.when)}{by}: {latest.text}"


def stale(entry: Entry, as_of: date) -> bool:
    """Whether the entry's latest update is more than a quarter (90 days) before ``as_of``."""
    latest = entry.latest
    return latest is not None and (as_of - latest.when).days > STALE_DAYS


def stale_mark(entries: tuple[Entry, ...], as_of: date) -> str:
    """Say, quoted, how the progress entries of the old updates among ``entries`` are marked.

    As :func:`~peeldocs.plans.rules.stale_words` marks them: '“Nothing reported since
    then”', '“Not updated for … days”', or both joined by 'or'; '' when none is old.
    """
    marks = {"Nothing reported since then" if stale_words(update_age(e, as_of))[1]
             else "Not updated for … days" for e in entries if stale(e, as_of)}
    return " or ".join(f"“{m}”" for m in sorted(marks))


def moved_words(entry: Entry) -> str:
    """Say that the target moved, from when and why ('' when it never moved and has no reason).

    A target moved with no reason recorded is said to have no reason only when
    no update was given either (an update may give the reason in its own words).
    """
    item = entry.state.item
    was, now = item.original_target, item.current_target
    reason = sentence(item.target_reason) if item.target_reason else ""
    if was and now and was != now:
        told = next((u for u in reversed(item.updates) if _MOVE.search(u.text)), None)
        if reason:
            return f"Target moved from {long_date(was)}: {reason} "
        if told is not None and told is entry.latest:
            # what is recorded: the update speaks of the move, not that it is the reason (read 33)
            return (f"Target moved from {long_date(was)} (as the update of "
                    f"{long_date(told.when)} says). ")
        if told is not None:
            return (f"Target moved from {long_date(was)}: "
                    f"{long_date(told.when)} update: {sentence(told.text)} ")
        return f"Target moved from {long_date(was)}: no reason recorded. "
    return f"Reason recorded for the target: {reason} " if reason else ""


def update_age(entry: Entry, as_of: date | None) -> int:
    """Return how many days old the latest update is on ``as_of`` (0 with none)."""
    return (as_of - entry.latest.when).days if as_of and entry.latest else 0


def latest_cell(entry: Entry, as_of: date | None, *, rag_reason: bool = False,
                dated: bool = False) -> Cell:
    """Return the reason for a moved target, the latest update, and whether it is old.

    Whether it is old is said as :func:`~peeldocs.plans.rules.stale_words` says it,
    as the register workbook says it too.  With ``rag_reason`` (a table with a RAG
    column), a reason the plan's author gave for the rating comes first, in its
    own sentence (:func:`rag_reason_words`), so the narrow RAG cell holds the word.
    With ``dated`` only the update's date is given (its words are quoted elsewhere).
    """
    item = entry.state.item
    parts: list[Inline] = []
    if rag_reason and (said := rag_reason_words(entry)):
        parts.append(Text(f"{said} "))
    old = as_of is not None and item.status is not ItemStatus.CLOSED and stale(entry, as_of)
    before, after = stale_words(update_age(entry, as_of)) if old else ("", "")
    if before:
        parts.append(Text(before, bold=True))
    if not dated and (moved := moved_words(entry)):
        parts.append(Text(moved))
    latest = entry.latest
    # a sentence like its neighbours ("2 September 2019. Nothing reported since then.")
    parts.append(Text(latest_text(entry) if latest and not dated else
                      f"{long_date(latest.when)}." if latest else "No update recorded."))
    if after:
        parts.append(Text(after, bold=True))
    return Cell(tuple(parts))


def published_words(line: InspectionLine, *, say_which: bool = False) -> str:
    """Return when the inspection was published, as a date a reader reads as one.

    Where only the report page's 'last updated' date was read, that date is
    given and said to be so ('2 May 2019 (last updated)'), never passed off as
    the publication date; ``say_which`` leads each by its kind ('Published …').
    """
    if line.published is not None:
        day = long_date(line.published)
        return f"Published {day}" if say_which else day
    if line.last_updated is not None:
        day = long_date(line.last_updated)
        return f"Last updated {day}" if say_which else f"{day} (last updated)"
    return "Not recorded"


def published_heading(lines: tuple[InspectionLine, ...]) -> tuple[str, ...]:
    """Head the dates: 'Published', or 'Date' when any has only the page's 'last updated'.

    Read 36: two columns left half their cells 'Not recorded', read as gaps.
    """
    return ("Date",) if dates_differ(lines) else ("Published",)


def date_cells(line: InspectionLine, lines: tuple[InspectionLine, ...]) -> tuple[str, ...]:
    """Return an inspection's date under :func:`published_heading`'s column.

    Every date the input holds shows, by its kind ('Last updated 2 May 2019');
    a date it does not hold stays unknown, never inferred from the other.
    """
    return (published_words(line, say_which=dates_differ(lines)),)


def dates_differ(lines: tuple[InspectionLine, ...]) -> bool:
    """Say whether any inspection's date is the page's 'last updated' rather than publication."""
    return any(line.published is None and line.last_updated is not None for line in lines)
