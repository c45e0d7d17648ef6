"""The 43 territorial police forces of England and Wales, with the other names they go by.

:class:`Force` is a force as a report names it.  ``forces.csv`` beside this
module holds each force's name as HMICFRS writes it, a short name and the
country.  :func:`match_force` finds a force from any of
its names or aliases, case-insensitively, and says what it meant when it finds
none.  No I/O beyond reading that bundled file.
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from peeldocs.model.scales import doc


@dataclass(frozen=True, slots=True)
class Force:
    """A police force as HMICFRS names it."""

    name: str = field(metadata=doc("Full name, e.g. Norfolk Constabulary."))
    short_name: str = field(metadata=doc("Short name, e.g. Norfolk."))

    @property
    def in_prose(self) -> str:
        """Return the name as a sentence uses it: "the Metropolitan Police Service", "Kent Police".

        A name that is a service takes "the", as HMICFRS writes it; a sentence
        starting with it capitalises the article.
        """
        return f"the {self.name}" if self.name.endswith("Service") else self.name


ALIASES: dict[str, tuple[str, ...]] = {
    "Hampshire Constabulary": (
        "Hampshire and Isle of Wight Constabulary", "Hampshire and Isle of Wight",
        "Hampshire and the Isle of Wight",
    ),
    "Metropolitan Police Service": (
        "Metropolitan Police", "the Metropolitan Police", "Met", "the Met", "MPS",
        "Metropolitan Police Service (MPS)",
    ),
    "Dyfed-Powys Police": ("Dyfed Powys Police", "Dyfed Powys", "Heddlu Dyfed-Powys"),
    "Avon and Somerset Constabulary": ("Avon and Somerset Police", "Avon & Somerset"),
    "Devon and Cornwall Police": ("Devon & Cornwall", "Devon and Cornwall Constabulary"),
    "City of London Police": ("City of London",),
    "Greater Manchester Police": ("GMP",),
    "Thames Valley Police": ("TVP",),
    "South Wales Police": ("Heddlu De Cymru",),
    "North Wales Police": ("Heddlu Gogledd Cymru",),
    "Gwent Police": ("Heddlu Gwent",),
}
"""Other names a force is known by (former names, abbreviations, Welsh names)."""


class UnknownForceError(ValueError):
    """No force of England and Wales has the name given; the message suggests one."""


@cache
def _rows() -> tuple[tuple[Force, str], ...]:
    with open(Path(__file__).with_name("forces.csv"), encoding="utf-8", newline="") as fh:
        return tuple((Force(row["name"], row["short_name"]), row["country"])
                     for row in csv.DictReader(fh))


def all_forces() -> tuple[Force, ...]:
    """Return the 43 forces in alphabetical order of name.

    >>> len(all_forces()), all_forces()[0].short_name
    (43, 'Avon and Somerset')
    """
    return tuple(force for force, _country in _rows())


def _key(text: str) -> str:
    """Fold case, '&', punctuation and spacing so that names compare loosely."""
    text = text.lower().replace("&", " and ").replace("\u2019", "'")
    return " ".join(re.sub(r"[^a-z0-9']+", " ", text).split())


@cache
def _index() -> dict[str, Force]:
    index: dict[str, Force] = {}
    for force, _country in _rows():
        names = (force.name, force.short_name, *ALIASES.get(force.name, ()))
        for name in names:
            index.setdefault(_key(name), force)
    return index


def match_force(text: str) -> Force:
    """Return the force named by ``text`` (its name, short name or an alias).

    Raises :class:`UnknownForceError` naming the closest force when there is one.

    >>> match_force("hampshire and isle of wight constabulary").name
    'Hampshire Constabulary'
    >>> match_force("Norfolk").name
    'Norfolk Constabulary'
    """
    key = _key(text)
    index = _index()
    if key in index:
        return index[key]
    close = difflib.get_close_matches(key, list(index), n=1, cutoff=0.75)
    if close:
        hint = f"; did you mean '{index[close[0]].name}'?"
    else:
        hint = "; expected one of the 43 forces of England and Wales, e.g. 'Kent Police' or 'Kent'"
    raise UnknownForceError(f"{text.strip()!r} is not a police force of England and Wales{hint}")


def find_force(text: str) -> Force | None:
    """Return the force named by ``text``, or None when it names none (no guessing)."""
    try:
        return match_force(text)
    except UnknownForceError:
        return None


@cache
def _welsh_names() -> dict[str, str]:
    with open(Path(__file__).with_name("forces.csv"), encoding="utf-8", newline="") as fh:
        return {row["name"]: row["welsh_name"] for row in csv.DictReader(fh) if row.get("welsh_name")}


def welsh_name(force: Force) -> str | None:
    """Return a Welsh force's name in Welsh, as the force and HMICFRS write it, or None.

    >>> welsh_name(match_force("North Wales"))
    'Heddlu Gogledd Cymru'
    """
    return _welsh_names().get(force.name)


def force_country(force: Force) -> str:
    """Return "England" or "Wales" for one of the 43 forces."""
    for known, country in _rows():
        if known.name == force.name:
            return country
    raise UnknownForceError(f"{force.name!r} is not one of the 43 forces")
