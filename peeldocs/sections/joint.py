"""Whom a recommendation is addressed to, when it is more than the inspected force.

"We recommend Norfolk and Suffolk Constabularies to work with other forces in
the east of England to develop a regional specialist capability" is a joint
recommendation: no force can close it alone, so a decision to add it to an
action plan, and the plan's row, say so.  The parties are the report's own
words (who it recommends, and the other forces it names to work with), never
a force this library supplies.  Pure functions, no I/O.
"""

from __future__ import annotations

import re

from peeldocs.model import Report

_WHO = re.compile(r"\brecommends?\s+(?:that\s+)?(?:,[^,]*,\s*)?(?P<who>[^.;:]+?)\s+"
                  r"(?:to|should|must|shall)\b", re.IGNORECASE)
_WITH = re.compile(r"\b(?:with|and)\s+(?P<with>(?:the\s+)?(?:other|neighbouring|partner|"
                   r"surrounding|regional|all)\s+(?:police\s+)?forces\b[^.;:,]*?)"
                   r"(?=\s+to\b|[.;:,]|$)", re.IGNORECASE)
_FORCES = re.compile(r"\b(?:constabularies|forces|police services|polices)\b", re.IGNORECASE)
_A_FORCE = re.compile(r"\b(?:constabular\w*|police|force)\b", re.IGNORECASE)


def joint_parties(text: str, report: Report) -> str:
    """Return whom a joint recommendation is addressed to, in the report's words, or "".

    "Norfolk and Suffolk Constabularies, with other forces in the east of
    England"; "" when the text addresses the inspected force alone (or no one
    by name).
    """
    found = _WHO.search(text)
    who = re.split(r"\s+with\s+", found["who"])[0].strip() if found else ""
    several = bool(who) and bool(_FORCES.search(who) or (" and " in who and _A_FORCE.search(who)))
    partners = _WITH.search(text)
    if not several and partners is None:
        return ""
    first = who if several else report.force.name
    return f"{first}, with {partners['with'].strip()}" if partners else first


def joint_note(text: str, report: Report) -> str:
    """Return "a joint recommendation, to …" for a joint recommendation's text, else ""."""
    parties = joint_parties(text, report)
    return f"a joint recommendation, to {parties}" if parties else ""
