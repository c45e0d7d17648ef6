"""Welsh-language PEEL pages: the force, cycle, kind and number of areas, read from Welsh text.

HMICFRS publishes its reports on the four Welsh forces in Welsh too.  This
reads what the opening of a Welsh force assessment states, in its own words:

* the force, by its Welsh name ("Heddlu Gwent", "Heddlu Gogledd Cymru");
* the number of areas of policing assessed, in words or figures ("mewn naw maes
  plismona", "mewn 11 o feysydd plismona");
* the cycle, from "PEEL 2023–2025", "Fframwaith Asesu PEEL 2021/22" or the
  page's address (``/peel-reports/heddlu-gwent-2021-22``).

The report records ``language: cy`` and keeps the summary in Welsh.  The areas
themselves, their grades and findings are not read from Welsh text yet: the
report marks them not found (``questions_not_found``), so every document says
so instead of saying what the report does not contain.
"""

from __future__ import annotations

import re

from peeldocs.model import Force, Report, ReportKind
from peeldocs.model.forces import find_force
from peeldocs.textclean import printable

WELSH_FORCES = re.compile(r"\bHeddlu (Dyfed[- ]Powys|Gwent|Gogledd Cymru|De Cymru)\b")
"""The four Welsh forces as the inspectorate's Welsh pages name them."""

_MARKERS = (r"\bharolygiad\b", r"\bplismona\b", r"\bdyfarniad(?:au)?\b", r"\bCrynodeb\b",
            r"\bmaes\b", r"\bheddlu\b", r"\bydym\b", r"\bCymru a Lloegr\b", r"\bllu\b")

NUMBERS_CY = {"un": 1, "dau": 2, "dwy": 2, "tri": 3, "tair": 3, "pedwar": 4, "pedair": 4,
              "pump": 5, "pum": 5, "chwech": 6, "chwe": 6, "saith": 7, "wyth": 8, "naw": 9,
              "deg": 10, "un ar ddeg": 11, "deuddeg": 12, "tri ar ddeg": 13, "pedwar ar ddeg": 14}
"""Welsh number words as a count of areas is written ("naw maes", "deg maes")."""

_WORD = "|".join(sorted((re.escape(w) for w in NUMBERS_CY), key=len, reverse=True))
AREAS_CY = re.compile(
    rf"pa mor dda (?:y )?(?:mae|yw) (?P<force>.+?) mewn (?P<n>\d+|{_WORD}) "
    r"(?:maes(?: o blismona| plismona)?|o feysydd plismona)\b", re.I)
GRADED_CY = re.compile(rf"graddedig mewn (?P<n>\d+|{_WORD}) o[’']r (?:\d+|{_WORD})\b", re.I)
CYCLE_CY = re.compile(r"\bPEEL (?P<a>20\d\d)(?:[–-](?P<b>20\d\d)|/(?P<c>\d\d))\b")
ADDRESS_CY = re.compile(r"/peel-reports/heddlu-(?P<slug>[a-z-]+?)-(?P<a>20\d\d)-(?P<b>\d\d)/?$")


def looks_welsh(text: str) -> bool:
    """Whether ``text`` is a Welsh page: it names a force as "Heddlu ..." in Welsh prose.

    >>> looks_welsh("Asesodd ein harolygiad pa mor dda mae Heddlu Gwent mewn deg maes plismona.")
    True
    >>> looks_welsh("Our inspection assessed how good Gwent Police is in ten areas of policing.")
    False
    """
    found = sum(1 for marker in _MARKERS if re.search(marker, text, re.I))
    return WELSH_FORCES.search(text) is not None and found >= 4


def count_cy(word: str) -> int:
    """Return a count written in Welsh words or figures ("naw" -> 9, "13" -> 13)."""
    return int(word) if word.isdigit() else NUMBERS_CY[word.lower()]


def _cycle(a: str, b: str | None, c: str | None) -> str:
    end = (b or "")[-2:] or c or ""
    return f"{a}/{end}" if a == "2021" or (c and int(a) < 2023) else f"{a}-{end}"


def read_welsh(text: str, source_url: str | None, notes: list[str],
               facts: dict[str, str], *, force: Force | None = None,
               cycle: str | None = None) -> Report | None:
    """Read a Welsh page's opening into a report, or None when it names no force and cycle.

    ``facts`` gets where each fact was read from; ``notes`` what was not read.
    """
    text = printable(text)
    named = WELSH_FORCES.search(text)
    address = ADDRESS_CY.search(source_url or "")
    chosen = force or (find_force(named.group(0)) if named else None)
    facts["force"] = "given" if force else f'"{named.group(0)}"' if named else ""
    year = cycle
    facts["cycle"] = "given" if cycle else ""
    if year is None and (stated := CYCLE_CY.search(text)):
        year = _cycle(stated.group("a"), stated.group("b"), stated.group("c"))
        facts["cycle"] = f'"{stated.group(0)}"'
    if year is None and address:
        year = _cycle(address.group("a"), None, address.group("b"))
        facts["cycle"] = "page address"
    if chosen is None or year is None:
        return None
    facts["language"] = "Welsh (cy): the page's own words"
    areas = AREAS_CY.search(text)
    stated_areas = count_cy(areas.group("n")) if areas else None
    if areas:
        facts["areas"] = f'"{areas.group(0)}"'
    graded = GRADED_CY.search(text)
    if graded:
        facts["graded areas"] = f'"{graded.group(0)}"'
    notes.append("Welsh page: the areas of policing, their grades, findings and recommendations "
                 "are not read from Welsh text yet; the report marks them not found, and "
                 "documents say so")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    summary = tuple(line for line in lines[:12] if len(line) > 60 and not line.startswith("PEEL"))
    welsh_name = named.group(0) if named else chosen.name
    title = f"{welsh_name} PEEL {year.replace('-', '–')}"
    notes.append(f"the title {title!r} is made up from the force and cycle the page names")
    return Report(chosen, year, title, kind=ReportKind.ASSESSMENT, questions=(),
                  areas_assessed=stated_areas, questions_not_found=True,
                  summary=summary[:3], source_url=source_url, language="cy")
