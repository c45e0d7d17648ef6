"""Whom an inspection's item addresses and by when, read from its own words.

Whom: the words before "should" ("chief constables", "the force", "the College
of Policing"); by when: "By 31 March 2023," or "within six months" in its text.
Used by :mod:`peeldocs.plans.inspection_reader`; what is not read is unknown.
"""

from __future__ import annotations

import re

from peeldocs.plans.inspection import Addressee

MONTH = ("january|february|march|april|may|june|july|august|september|october|november|"
         "december")
LEAD_DEADLINE = re.compile(r"^((?:by|before|no later than|on or before|within|in the next)\s+"
                           r"[^,]{3,60}|immediately),\s+", re.I)
_TAIL_DEADLINE = re.compile(rf"\b((?:by|before|no later than)\s+(?:the\s+end\s+of\s+)?"
                            rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{MONTH})\s+\d{{4}}|within\s+"
                            r"(?:\d{1,2}|[a-z-]+)\s+(?:months?|weeks?|days?)(?:\s+of\s+"
                            r"(?:the\s+)?(?:publication(?:\s+of\s+(?:this|the)\s+report)?|this\s+report))?)",
                            re.I)
SUBJECT = re.compile(r"^(?:we\s+recommend\s+that\s+)?(.{2,160}?)\s+(?:should|must|needs?\s+to)\b",
                     re.I)
_PREAMBLE = re.compile(r"^(?:to\s+address\s+(?:this|these|the)\s+(?:causes?\s+of\s+concern|"
                       r"concerns?)\s*,\s*)?(?:we\s+recommend\s+that\s*,?\s*)?", re.I)
"""How a cause of concern's recommendation opens: 'To address this cause of concern, we
recommend that, within three months, the force should:'."""
_SHARED = re.compile(r"\bpartners(?:hips?)?\b|\bpartnerships?\b", re.I)
"""Safeguarding partners and local partnerships: the police are one of them, so the force may
owe the item; whom it falls to is left to be checked, and it is tracked."""
_PCCS = re.compile(r"commissioners?|\bPCCs?\b|\bPFCCs?\b|\bmayor", re.I)
_FORCES = re.compile(r"chief\s+constables|\ball\s+(?:police\s+)?forces|^forces\b|\bpolice\s+forces"
                     r"|every\s+(?:police\s+)?force|each\s+(?:police\s+)?force", re.I)
_THIS_FORCE = re.compile(r"\bthe\s+(?:force|constabulary)\b|\bthe\s+chief\s+constable\b|"
                         r"\b(?:police|constabulary|police\s+service)$", re.I)


def addressee_of(text: str) -> tuple[Addressee, str | None]:
    """Return whom an item's words address, and the words naming them.

    >>> addressee_of("By 31 March 2023, chief constables should review vetting.")
    (<Addressee.ALL_FORCES: 'all forces'>, 'chief constables')
    >>> addressee_of("The College of Policing should publish guidance.")[0].value
    'another body'
    >>> addressee_of("Improve the quality of investigations.")[0].value
    'unknown'
    """
    body = LEAD_DEADLINE.sub("", _PREAMBLE.sub("", LEAD_DEADLINE.sub("", text.strip())))
    match = SUBJECT.match(body)
    if not match or "." in match.group(1):
        return Addressee.UNKNOWN, None
    who = match.group(1).strip().strip(",")
    if _SHARED.search(who) and not _THIS_FORCE.search(who):
        return Addressee.UNKNOWN, who
    if _FORCES.search(who):
        return (Addressee.CHIEF_CONSTABLES_AND_PCCS if _PCCS.search(who)
                else Addressee.ALL_FORCES), who
    if _THIS_FORCE.search(who):
        return Addressee.THIS_FORCE, who
    if who[:1].isupper() or who.lower().startswith("the "):
        return Addressee.ANOTHER_BODY, who
    return Addressee.UNKNOWN, None


def deadline_of(text: str) -> str | None:
    """Return the deadline as worded in an item's text, or None when it states none.

    >>> deadline_of("By 31 March 2023, chief constables should act.")
    'By 31 March 2023'
    >>> deadline_of("The force should, within six months, review its policy.")
    'within six months'
    """
    if match := LEAD_DEADLINE.match(text.strip()):
        return match.group(1)
    if match := _TAIL_DEADLINE.search(text):
        return match.group(1)
    return None


_PRONOUN = re.compile(r"^(?:this|these|that|those|it|they|such|which|doing\s+so)\b", re.I)


def names_someone(block: str) -> bool:
    """Tell whether a paragraph is an item of its own: someone named 'should' act."""
    match = SUBJECT.match(_PREAMBLE.sub("", LEAD_DEADLINE.sub("", block)))
    return match is not None and _PRONOUN.match(match.group(1)) is None and \
        addressee_of(block)[0] is not Addressee.UNKNOWN
