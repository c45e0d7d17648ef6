"""Reading judgments, cycles and force names as the inspectorate words them over the years."""

from __future__ import annotations

import re

from peeldocs.model import Grade, Judgment, Status

GRADE_WORDS = "outstanding|good|adequate|requires improvement|inadequate"
GRADE_LINE = re.compile(rf"^({GRADE_WORDS})\.?$", re.I)
STATUS_LINES = [
    (re.compile(r"^(to be graded|not yet graded)\.?$", re.I), Status.NOT_YET_GRADED),
    (re.compile(r"^ungraded\.?$", re.I), Status.UNGRADED),
    (re.compile(r"^(not graded|is not graded)\.?$", re.I), Status.NOT_GRADED),
    (re.compile(r"^not inspected\.?$", re.I), Status.NOT_INSPECTED),
]
TITLE = re.compile(r"^(?P<force>[A-Z][\w'&.,() -]*?)\s+(?:PEEL\s+)?(?P<year>(?:19|20)\d{2}"
                   r"(?:\s*[/-]\s*\d{2,4})?)$")
PILLARS = ("effectiveness", "efficiency", "legitimacy")
OVERVIEW = {
    "effectiveness": re.compile(rf"extent to which the force is effective at [^.]*? is "
                                rf"({GRADE_WORDS})\b", re.I),
    "efficiency": re.compile(rf"extent to which the force (?:is efficient at|operates "
                             rf"efficiently)[^.]*? is ({GRADE_WORDS})\b", re.I),
    "legitimacy": re.compile(rf"extent to which the force (?:is legitimate|treats the public)"
                             rf"[^.]*? is ({GRADE_WORDS})\b", re.I),
}
CARRIED = re.compile(r"(?:not subject to detailed inspection|not (?:been )?inspected)[^.]*?"
                     r"(?:judgment|grade)s? from the (\d{4}(?:/\d{2})?)[^.]*?(?:carried over|"
                     r"still stands?)", re.I)
STILL_STAND = re.compile(r"not inspected in (\d{4})\b.{0,160}?(?:still stands?|carried over)",
                         re.I | re.S)
NOT_INSPECTED = re.compile(r"not been inspected or graded in (\d{4})", re.I)
NOT_GRADED_PROSE = re.compile(r"\bis not graded\b|\bhas not been graded\b", re.I)


def grade_of(block: str) -> Grade | None:
    """Return the grade when the block is a grade on its own line."""
    match = GRADE_LINE.match(block.strip())
    return Grade(match.group(1).lower()) if match else None


def status_of(block: str) -> Status | None:
    """Return the status when the block is a status phrase on its own line."""
    for pattern, status in STATUS_LINES:
        if pattern.match(block.strip()):
            return status
    return None


def normalise_cycle(year: str) -> str:
    """Turn a page's year ("2018", "2018/19", "2023-25") into its PEEL cycle."""
    year = re.sub(r"\s+", "", year)
    if re.fullmatch(r"\d{4}[/-]\d{2,4}", year):
        first, second = re.split(r"[/-]", year)
        sep = "-" if int(second[-2:]) - int(first[-2:]) > 1 else "/"
        return f"{first}{sep}{second[-2:]}"
    cycles = {"2018": "2018/19", "2021": "2021/22", "2023": "2023-25", "2025": "2025-27"}
    return cycles.get(year, year)


def force_names(short: str, text: str) -> tuple[str, str]:
    """Return (full name, short name) for a page title's force, from the list or the text."""
    from peeldocs.forces import all_forces, find_force

    force = find_force(short)
    if force is None and short.strip():
        wanted = short.strip().lower()
        force = next((f for f in all_forces() if f.short_name.lower().startswith(wanted)), None)
    if force is not None:
        return force.name, force.short_name
    found = re.search(rf"\b({re.escape(short.strip())} (?:Constabulary|Police Service|Police))\b",
                      text)
    return (found.group(1) if found else short.strip()), short.strip()


def judgment_from_prose(text: str) -> Judgment | None:
    """Read a carried-over, not-inspected or not-graded judgment stated in a paragraph."""
    if match := CARRIED.search(text):
        return Judgment(Status.CARRIED_OVER, None, match.group(1))
    if match := STILL_STAND.search(text):
        return Judgment(Status.CARRIED_OVER, None, str(int(match.group(1)) - 1))
    if NOT_INSPECTED.search(text):
        return Judgment(Status.NOT_INSPECTED)
    if NOT_GRADED_PROSE.search(text):
        return Judgment(Status.NOT_GRADED)
    return None
