"""Who answers a report under section 55, and what the inspectorate was called, on a date.

The local policing body that publishes comments on an HMICFRS report (Police Act
1996 s.55) depends on the force and on the date: a Police and Crime
Commissioner; a Police, Fire and Crime Commissioner; a mayor with policing
functions; the Mayor's Office for Policing and Crime in London; or the Common
Council for the City of London.  ``policing_bodies.csv`` beside this module
holds each office with the dates it held the functions and its source (from
the legislation and the bodies' own pages; gathered for peeldocs, with the
domain notes the team keeps).  A date the table does not cover gives ``None``:
callers show a placeholder, never a guess.  No I/O beyond reading that file.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from peeldocs.model.forces import Force

RECORDED_UNTIL = date(2027, 5, 5)
"""The last day the table speaks for.  No transfer of policing functions was due
before the first mayoral elections of May 2027 (Cumbria; Cheshire and
Warrington) as announced in December 2025; after this day the body is unknown."""

HER_MAJESTY_UNTIL = date(2022, 9, 8)
"""The last day of Her Majesty's Inspectorate; His Majesty's from the next day."""


@dataclass(frozen=True, slots=True)
class PolicingBody:
    """The local policing body of a force on a date, as a letter names and signs for it."""

    kind: str
    """"police and crime commissioner", "mayor", "mayor's office for policing and crime", ..."""
    office: str
    """The office in full: "Police and Crime Commissioner for Norfolk"."""
    short: str
    """What the letter calls it after first naming it: "commissioner", "mayor"."""
    chief_officer: str
    """The force's chief officer: "chief constable", "Commissioner of Police of the Metropolis"."""
    source: str
    """Where the table's row comes from."""

    @property
    def signs_in_person(self) -> bool:
        """True when one person holds the office (a commissioner or mayor), not a body."""
        return self.kind in ("police and crime commissioner", "police, fire and crime commissioner",
                             "mayor")


@dataclass(frozen=True, slots=True)
class _Row:
    force: str
    start: date | None
    end: date | None
    body: PolicingBody | None


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@cache
def _rows() -> tuple[_Row, ...]:
    with open(Path(__file__).with_name("policing_bodies.csv"), encoding="utf-8",
              newline="") as fh:
        return tuple(
            _Row(row["force"], _day(row["from"]), _day(row["to"]),
                 None if row["kind"] == "unknown" else
                 PolicingBody(row["kind"], row["office"], row["short"], row["chief_officer"],
                              row["source"]))
            for row in csv.DictReader(fh))


def policing_body(force: Force, on: date) -> PolicingBody | None:
    """Return the local policing body for ``force`` on ``on``, or None when it is not known.

    >>> from peeldocs.model import Force
    >>> policing_body(Force("North Yorkshire Police", "North Yorkshire"), date(2024, 6, 1)).office
    'Mayor of York and North Yorkshire'
    >>> policing_body(Force("Norfolk Constabulary", "Norfolk"), date(2019, 10, 15)).office
    'Police and Crime Commissioner for Norfolk'
    """
    if on > RECORDED_UNTIL:
        return None
    for row in _rows():
        if row.force == force.name and (row.start is None or row.start <= on) and (
                row.end is None or on <= row.end):
            return row.body
    return None


def chief_officer(force: Force) -> str:
    """Return the title of the force's chief officer ("chief constable" for most forces)."""
    for row in _rows():
        if row.force == force.name and row.body is not None:
            return row.body.chief_officer
    return "chief constable"


def inspectorate_name(on: date) -> str:
    """Return the inspectorate's name on ``on``: Her Majesty's until 8 September 2022, His after.

    >>> inspectorate_name(date(2019, 5, 2))
    'Her Majesty’s Inspectorate of Constabulary and Fire & Rescue Services'
    """
    whose = "Her" if on <= HER_MAJESTY_UNTIL else "His"
    return f"{whose} Majesty’s Inspectorate of Constabulary and Fire & Rescue Services"


def chief_inspector_title(on: date) -> str:
    """Return the Chief Inspector's title on ``on`` ("His Majesty’s Chief Inspector of Constabulary")."""
    whose = "Her" if on <= HER_MAJESTY_UNTIL else "His"
    return f"{whose} Majesty’s Chief Inspector of Constabulary"
