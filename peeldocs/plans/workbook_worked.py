"""The register sheet's worked-out columns as formulas, so an owner's edit moves them at once.

'Days slipped', 'Overdue' and 'Days overdue' follow from a row's target dates
and status and the register's as-of date (the About sheet's 'Register as of'),
by the rules of :mod:`~peeldocs.plans.rules`: close an item and it is no longer
overdue; move its target and the days slipped and overdue are worked out again,
on the sheet and on the Summary that shows them.  Each formula is stored with
what it gives for the register as exported, so a previewer that does not
calculate shows the same figures.  ``actions import`` never takes a formula
cell for an owner's edit.

The register sheet's RAG is a locked formula too (:func:`register_rag_formula`):
the rules' rating, or the rating the plan's author set with a reason, so it
never shows an exported rating an edit has made stale, and an owner changes it
by changing the status, owner or dates.  The Summary's RAG is a formula
(:func:`rag_formula`) by the same rules; the author's reason goes in its latest
update (:func:`rag_reason_formula`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from peeldocs.plans.rules import AUTHORS_REASON, SET_BY_AUTHOR

OVERDUE_WORDS = {"yes": "Yes", "no": "No", "unknown": "Unknown"}
"""How the 'Overdue' column says it, as the documents write it."""


def worked_formulas(letters: dict[str, str], row: int, as_of: str) -> dict[str, str]:
    """Return the formula of each worked-out column of one register row, by column key.

    ``letters``: each register column's letter; ``as_of``: a reference to the
    cell holding the register's as-of date.  The target is the current one,
    else the first; a closed item is never overdue, an open one with no target
    date is 'Unknown', one due on the as-of date is not overdue.

    >>> f = worked_formulas({"status": "H", "original_target": "M", "current_target": "N"},
    ...                     3, "About!$B$4")
    >>> print(f["days_slipped"])
    =IF(OR(M3="",N3=""),"",MAX(0,N3-M3))
    >>> print(f["days_overdue"])
    =IF(AND(H3<>"Closed",OR(N3<>"",M3<>"")),IF(IF(N3<>"",N3,M3)<About!$B$4,About!$B$4-IF(N3<>"",N3,M3),""),"")
    """
    status = f"{letters['status']}{row}"
    first, current = f"{letters['original_target']}{row}", f"{letters['current_target']}{row}"
    target = f'IF({current}<>"",{current},{first})'
    untimed = f'AND({current}="",{first}="")'
    return {
        "days_slipped": f'=IF(OR({first}="",{current}=""),"",MAX(0,{current}-{first}))',
        "overdue": (f'=IF({status}="Closed","{OVERDUE_WORDS["no"]}",IF({untimed},'
                    f'"{OVERDUE_WORDS["unknown"]}",IF({target}<{as_of},"{OVERDUE_WORDS["yes"]}",'
                    f'"{OVERDUE_WORDS["no"]}")))'),
        "days_overdue": (f'=IF(AND({status}<>"Closed",OR({current}<>"",{first}<>"")),'
                         f'IF({target}<{as_of},{as_of}-{target},""),"")'),
    }


def stored_value(key: str, value: Any) -> str | int:
    """Return what a worked-out cell's formula gives for the row as exported: '' when blank."""
    if value is None or value == "":
        return ""
    if key == "overdue":
        return OVERDUE_WORDS.get(str(value).lower(), str(value))
    return int(value)


def set_worked_out(ws: Any, rows: list[tuple[int, dict[str, Any]]], letters: dict[str, str],
                   as_of: str) -> dict[str, str | int]:
    """Write the worked-out formulas into a register sheet's rows; return their stored values.

    ``rows``: each row number with its values as exported.  The cells keep the
    style the sheet gave them (locked, grey, numbers as '1,842').
    ``values`` may hold 'authors_rag' (the rating the plan's author set, with a
    reason) and 'rag_today' (the rating the rules give today), for the RAG cell.
    """
    stored: dict[str, str | int] = {}
    for row, values in rows:
        for key, formula in worked_formulas(letters, row, as_of).items():
            cell = ws[f"{letters[key]}{row}"]
            cell.value = formula
            stored[cell.coordinate] = stored_value(key, values.get(key))
        cell = ws[f"{letters['rag']}{row}"]
        refs = {key: f"{col}{row}" for key, col in letters.items()}
        cell.value = register_rag_formula(refs.__getitem__, values.get("authors_rag"))
        stored[cell.coordinate] = values.get("rag_today") or ""
    return stored


def _ruled(at: Callable[[str], str]) -> str:
    """Return the rules' rating as a formula expression, as :func:`~.rules.assess` gives it.

    Closed is Green, Amber until its date, sign-off and evidence are recorded; overdue Red;
    else Amber or Green (Green only with an action or update recorded, old or new).
    """
    status, overdue, slipped, owner = at("status"), at("overdue"), at("days_slipped"), at("owner")
    # a closure is Green once its date, sign-off and evidence reference are all recorded
    audited = (f'AND(ISNUMBER({at("closed_on")}),TRIM({at("signed_off_by")})<>"",'
               f'OR(TRIM({at("evidence")})<>"",TRIM({at("new_evidence")})<>""))')
    progress = "OR(" + ",".join(f'TRIM({at(k)})<>""' for k in (
        "actions", "new_action", "latest_update", "new_update")) + ")"
    return (f'IF({status}="Closed",IF({audited},"Green","Amber"),'
            f'IF({overdue}="{OVERDUE_WORDS["yes"]}","Red",'
            f'IF(OR(IF(ISNUMBER({slipped}),{slipped}>0,FALSE),'
            f'{status}="Awaiting allocation",TRIM({owner})="",'
            f'{overdue}="{OVERDUE_WORDS["unknown"]}",NOT({progress})),"Amber","Green")))')


def register_rag_formula(at: Callable[[str], str], authors: str | None) -> str:
    """Return a register sheet RAG cell's formula: the author's rating, else the rules'.

    ``authors``: the rating the plan's author set with a reason ('Red'), or None.
    It is kept while 'RAG reason' is filled in, except that an overdue item is
    never Green, as :func:`~peeldocs.plans.rules.assess` does.

    >>> print(register_rag_formula(lambda k: {"status": "H"}.get(k, "X") + "3", None)[:31])
    =IF(H3="Closed",IF(AND(ISNUMBER
    """
    if not authors:
        return f"={_ruled(at)}"
    kept = (f'AND(TRIM({at("rag_reason")})<>"",NOT(AND({at("overdue")}='
            f'"{OVERDUE_WORDS["yes"]}","{authors}"="Green")))')
    return f'=IF({kept},"{authors}",{_ruled(at)})'


def _kept(at: Callable[[str], str], authors: str | None) -> str:
    """Return whether a Summary row keeps the rating with a reason, as a formula expression."""
    overdue, rag, reason = at("overdue"), at("rag"), f"TRIM({at('rag_reason')})"
    set_as = f'"{authors}"' if authors else rag  # the author's, not the rules' Red it gave way to
    return (f'AND({reason}<>"",{rag}<>"",NOT(AND({overdue}="{OVERDUE_WORDS["yes"]}",'
            f'{set_as}="Green")))')


def rag_formula(at: Callable[[str], str], authors: str | None = None) -> str:
    """Return a Summary RAG cell's formula: the rules of :func:`~peeldocs.plans.rules.assess`.

    ``at``: the reference to a register column's cell on the row, by column key.
    A rating with a reason in 'RAG reason' is the author's and is kept (its reason
    goes in the row's latest update, :func:`rag_reason_formula`), except that an
    overdue item is never Green; otherwise closed is Green, overdue Red, a slipped
    target, an item awaiting allocation or with no owner or no target date, or with
    no action and no update recorded, Amber, else Green.  It follows the worked-out
    'Overdue' and 'Days slipped' cells, so
    an owner's edit to the status, owner or a target moves it.  ``authors``: the
    rating the plan's author set ('Green'), which the register sheet's RAG shows
    while kept.  The cell holds the word alone.
    """
    return f'=IF({_kept(at, authors)},{at("rag")},{_ruled(at)})'


def rag_reason_formula(at: Callable[[str], str], authors: str | None = None) -> str:
    """Return, as a formula expression, the rating with its reason while :func:`rag_formula` keeps it.

    'Rated Green by the plan’s author: <reason>. ' (or 'RAG Green, set by the plan’s
    author: ' where the rules would rate it otherwise), as the register document's
    latest update begins; '' otherwise.
    """
    rag, reason = at("rag"), f"TRIM({at('rag_reason')})"
    ends = ",".join(f'RIGHT({reason})="{mark}"' for mark in ".!?…")
    said = f'IF(OR({ends}),{reason},{reason}&".")'
    note = (f'IF({rag}={_ruled(at)},"Rated "&{rag}&"{AUTHORS_REASON}",'
            f'"RAG "&{rag}&", {SET_BY_AUTHOR}")&{said}&" "')
    return f'IF({_kept(at, authors)},{note},"")'
