"""The Summary sheet's cells: the formula of each, and what it gives for the register as exported.

Each cell but the inspection's short name shows what the register sheet holds,
so what an owner changes there is what the Summary prints: the status (with a
prompt where a closure lacks its evidence reference or sign-off, or an owner is
given while the finding still awaits allocation), the actions planned with any
'New action' and the closure as recorded, the RAG as a word by the register's
rules, and the latest update led by any reason the plan's author gave for the
rating.  :func:`cached` gives what each formula gives as exported, to store
with it for a previewer that does not calculate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from peeldocs.plans.register import Entry
from peeldocs.plans.rules import AUTHORS_REASON, stale_words
from peeldocs.plans.workbook_about import status_word
from peeldocs.plans.workbook_moved import (
    NO_UPDATE,
    deadline_formula,
    exported_tail,
    moved_formula,
    moved_value,
    no_update_formula,
    no_update_value,
    sentence_formula,
)
from peeldocs.plans.workbook_values import EntryWords, serial, text_literal
from peeldocs.plans.workbook_worked import rag_formula, rag_reason_formula


@dataclass(frozen=True, slots=True)
class Shown:
    """One Summary column: its heading, width, and the register columns it shows.

    ``keys``: one register column, or (a date, a text) shown as 'd mmm yyyy: text'.
    """

    heading: str
    width: int
    keys: tuple[str, ...]
    kind: str = "text"
    empty: str = ""
    """What the cell says when the register's is empty, as the documents say it."""


SHOWN = (
    Shown("Ref", 11, ("finding",)),
    Shown("Inspection", 11, ("inspection",)),
    Shown("Finding (verbatim)", 30, ("finding_text",)),
    Shown("Actions planned", 22, ("actions",)),
    Shown("Status", 12, ("status",)),
    Shown("RAG", 8, ("rag",), "rag"),
    Shown("Owner", 11, ("owner",), empty="No owner recorded"),
    Shown("Target date", 11, ("current_target",), "date"),
    Shown("Days overdue", 8, ("days_overdue",), "number"),
    Shown("Latest update", 26, ("latest_update_date", "latest_update"), "words",
          empty="No update recorded"),
    Shown("New update", 18, ("new_update_date", "new_update")),
)
"""What the Summary prints, left to right: some 170 characters, one landscape page wide, at
about 7 pt or more as a spreadsheet program prints it.  'Actions planned' and 'Latest update'
are worded as the register document words them (:class:`~.workbook_values.EntryWords`)."""


@dataclass(frozen=True, slots=True)
class Placed:
    """Where an entry's row is: its register sheet and row number."""

    sheet: str
    row: int
    entry: Entry


NO_EVIDENCE = "Closed; no evidence reference recorded"
NO_SIGN_OFF = "Closed; no sign-off recorded"
NEITHER = "Closed; no evidence reference or sign-off recorded"
OWNER_GIVEN = "Owner given; status still Awaiting allocation"
"""The Summary's status where an owner is given but the status was not changed to match."""
AWAITING = status_word("awaiting allocation")
NEW_ACTION = "New action (to be added when the file is returned): "


def _ref(sheet: str, column: str, row: int) -> str:
    """Return a reference to another sheet's cell: 'Register'!G3 (quotes doubled)."""
    return f"'{sheet.replace(chr(39), chr(39) * 2)}'!{column}{row}"


def _status_formula(at: Callable[[str], str]) -> str:
    """Return the Summary's status: the register's, with a prompt where something is missing."""
    status, owner, signed = at("status"), f"TRIM({at('owner')})", f"TRIM({at('signed_off_by')})"
    no_ref = f'AND({at("evidence")}="",{at("new_evidence")}="")'
    closed = (f'IF({no_ref},IF({signed}="","{NEITHER}","{NO_EVIDENCE}"),'
              f'IF({signed}="","{NO_SIGN_OFF}",{status}))')
    return (f'=IF({status}="","",IF({status}="Closed",{closed},'
            f'IF(AND({status}="{AWAITING}",{owner}<>""),"{OWNER_GIVEN}",{status})))')


def _actions_formula(words: EntryWords, at: Callable[[str], str]) -> str:
    """Return the actions planned, any new action, and a closure as the register sheet records it.

    As the register document says them (:func:`~peeldocs.sections.register_cells.actions_text`):
    'Closed on 4 October 2019, signed off by …. Evidence: ….'
    """
    status, new = at("status"), f"TRIM({at('new_action')})"
    when, signed = at("closed_on"), f"TRIM({at('signed_off_by')})"
    evidence, more = at("evidence"), f"TRIM({at('new_evidence')})"
    joined = f'SUBSTITUTE({new},CHAR(10),"; ")'  # one action to a line
    lines = f"{text_literal(NEW_ACTION)}&{sentence_formula(joined)}"
    if words.planned:
        planned = f'{text_literal(words.planned)}&IF({new}="",""," "&{lines})'
    elif words.planned is None:  # the document's words as they stand, with any new action
        planned = f'{text_literal(words.actions)}&IF({new}="",""," "&{lines})'
    else:
        planned = f'IF({new}="","No actions recorded.",{lines})'
    listed = (f'IF({evidence}="",{more},IF({more}="",{evidence},'
              f'{evidence}&"; "&SUBSTITUTE({more},CHAR(10),"; ")))')
    target = f'IF(ISNUMBER({at("current_target")}),{at("current_target")},{at("original_target")})'
    days, small = f"({when}-{target})", ",".join(f'"{w}"' for w in _SMALL)
    late = (f'IF(AND(ISNUMBER({when}),ISNUMBER({target})),IF({when}>{target},", "&IF({days}<=10,'
            f'CHOOSE({days},{small}),TEXT({days},"#,##0"))&IF({days}=1," day"," days")'
            f'&" after its target",""),"")')  # a late closure is a fact of the row (read 32)
    closure = (f'IF({status}<>"Closed",""," Closed"&IF({when}="",'
               f'" (date not recorded)"," on "&TEXT({when},"d mmmm yyyy")&{late})'
               f'&IF({signed}="",", sign-off not recorded",", signed off by "&{signed})&"."'
               f'&IF({listed}=""," No evidence reference recorded.",'
               f'" Evidence: "&{sentence_formula(listed)}))')
    return f"={planned}" + ("" if words.planned is None else f"&{closure}")


_SMALL = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

NO_DATE = "Date not given: "
"""What leads an owner's new update on the Summary when its date was not given."""
LATER = "Dated after the register’s date. "
"""What leads a Summary row's latest update when its new update or closure is dated after the
date the figures are as at: shown as returned, but later than the figures (read 30-R)."""


def later_formula(at: Callable[[str], str], as_of: str) -> str:
    """Return, as a formula expression, :data:`LATER` or ''.

    :data:`LATER` when the row's new update or closure is dated after the register's
    date in ``as_of``.
    """
    when, closed = at("new_update_date"), at("closed_on")
    return (f'IF(OR(IF(ISNUMBER({when}),{when}>{as_of},FALSE),'
            f'IF(ISNUMBER({closed}),{closed}>{as_of},FALSE)),{text_literal(LATER)},"")')


def _latest_formula(words: EntryWords, at: Callable[[str], str],
                    reason: str | None, entry: Entry | None, as_of: str | None = None) -> str:
    """Return the latest update as the register document gives it, led by a rating's reason.

    It is said to be old only while the finding is open and no new update is written
    beside it ("Nothing reported since then." beside an owner's new update, read 26-R).
    A moved target is said from the register row's dates and reason as they now stand
    (read 28-R), and a finding with no update says so only until a new one is written.
    """
    before, after = stale_words(words.age) if words.age is not None else ("", "")
    still = f'AND({at("status")}<>"Closed",{at("new_update")}="")'
    parts = [later_formula(at, as_of)] if as_of else []
    parts += [reason] if reason else []
    if before:
        parts.append(f'IF({still},{text_literal(before)},"")')
    parts.append(deadline_formula(at, entry, as_of, words.deadline))
    parts.append(moved_formula(at, entry, exported_tail(entry, words.moved)))
    parts.append(no_update_formula(at) if _no_update(words) else text_literal(words.latest))
    if after:
        parts.append(f'IF({still},{text_literal(after)},"")')
    return "=" + "&".join(parts)


def _no_update(words: EntryWords) -> bool:
    """Whether the finding had no update when the register was issued."""
    return words.age is None and words.latest == NO_UPDATE


def formula(shown: Shown, place: Placed, letters: dict[str, str],
            words: EntryWords | None = None, as_of: str | None = None) -> str:
    """Return the formula of one Summary cell, showing the register sheet's cell.

    Where the register's cell is empty it shows ``shown.empty``.  With ``words``,
    the actions and latest update are the register document's, following the
    register sheet's status, closure and an owner's new action or update; with
    ``as_of`` (the register's date cell), the latest update says when an edit is dated
    after it.

    >>> print(formula(SHOWN[0], Placed("Register", 3, None), {"finding": "A"}))  # type: ignore[arg-type]
    =IF('Register'!A3="","",'Register'!A3)
    """
    def at(key: str) -> str:
        return _ref(place.sheet, letters[key], place.row)

    if shown.keys == ("status",):  # an owner's new evidence reference counts, as import will
        return _status_formula(at)
    authors = None
    if place.entry is not None and (item := place.entry.state.item).rag is not None \
            and item.rag_reason:
        authors = status_word(item.rag.value)
    if shown.keys == ("actions",) and words is not None:
        return _actions_formula(words, at)
    if shown.kind == "words" and words is not None:
        reason = rag_reason_formula(at, authors) if "rag_reason" in letters else None
        return _latest_formula(words, at, reason, place.entry, as_of)
    if shown.kind == "rag":
        return rag_formula(at, authors)
    cells = [at(key) for key in shown.keys]
    empty = f'"{shown.empty}"'
    if len(cells) == 1:  # an owner of only spaces is no owner, as About counts it
        test = f"TRIM({cells[0]})" if shown.keys == ("owner",) else cells[0]
        return f'=IF({test}="",{empty},{cells[0]})'
    when, text = cells  # a new update given no date says so, as its cell is highlighted
    shown_text = f'IF({when}="","{NO_DATE}",TEXT({when},"d mmm yyyy")&": ")&{text}'
    return f'=IF({text}="",{empty},{shown_text})'


def _status_value(values: dict[str, Any]) -> str:
    """Return what :func:`_status_formula` gives for a row's values."""
    status = str(values.get("status") or "")
    if status.lower() == "closed":
        no_ref = not values.get("evidence") and not values.get("new_evidence")
        signed = str(values.get("signed_off_by") or "").strip()
        return (NEITHER if not signed else NO_EVIDENCE) if no_ref else \
            (NO_SIGN_OFF if not signed else status)
    if status.lower() == AWAITING.lower() and str(values.get("owner") or "").strip():
        return OWNER_GIVEN
    return status


def cached(shown: Shown, values: dict[str, Any], words: EntryWords | None,
           entry: Entry | None = None) -> str | int | None:
    """Return what a Summary cell's formula gives for the row as exported (None: not worked out).

    Text as text; a date as its serial; what :func:`formula` shows, so a previewer
    that does not calculate shows what a spreadsheet program would.
    """
    got = [values.get(k) for k in shown.keys]
    if shown.keys == ("status",):
        return _status_value(values)
    if shown.keys == ("actions",):
        return words.actions if words is not None else str(got[0] or "")
    if shown.kind == "words":
        if words is None:
            return None
        before, after = stale_words(words.age) if words.age is not None else ("", "")
        still = (str(values.get("status") or "").lower() != "closed"
                 and not values.get("new_update"))
        rag = values.get("rag_today") or ""
        reason = "" if not words.hand else (f"Rated {rag}{words.hand} " if words.hand.startswith(
            AUTHORS_REASON) else f"RAG {rag}, {words.hand} ")
        moved = moved_value(values, exported_tail(entry, words.moved))
        latest = no_update_value(values) if _no_update(words) else words.latest
        open_ = str(values.get("status") or "").lower() != "closed"
        return (reason + (before if still else "") + (words.deadline if open_ else "") + moved
                + latest + (after if still else ""))
    if len(got) == 2:
        when, text = got
        if not text:
            return shown.empty
        return (f"{when.day} {when:%b %Y}: " if isinstance(when, date) else NO_DATE) + str(text)
    value = got[0]
    if value is None or str(value).strip() == "":
        return shown.empty
    if isinstance(value, date):
        return serial(value)
    return value if isinstance(value, int) else str(value)
