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
from collections.abc import Iterable

from peeldocs.model import Report

_WHO = re.compile(r"\brecommends?\s+(?:that\s+)?(?:,[^,]*,\s*)?(?P<who>[^.;:]+?)\s+"
                  r"(?:to|should|must|shall)\b", re.IGNORECASE)
_WITH = re.compile(r"\b(?:with|and)\s+(?P<with>(?:the\s+)?(?:other|neighbouring|partner|"
                   r"surrounding|regional|all)\s+(?:police\s+)?forces\b[^.;:,]*?)"
                   r"(?=\s+to\b|[.;:,]|$)", re.IGNORECASE)
_FORCES = re.compile(r"\b(?:constabularies|forces|police services|polices)\b", re.IGNORECASE)
_A_FORCE = re.compile(r"\b(?:constabular\w*|police|force)\b", re.IGNORECASE)


def joint_parts(text: str, report: Report) -> tuple[str, str]:
    """Return whom a joint recommendation is addressed to, and whom they are to work with.

    ("Norfolk and Suffolk Constabularies", "to work with other forces in the east
    of England"), in the report's words; ("", "") when the text addresses the
    inspected force alone (or no one by name).  The second part says "to work
    with" only where the report does, else "with".
    """
    found = _WHO.search(text)
    who = re.split(r"\s+with\s+", found["who"])[0].strip() if found else ""
    several = bool(who) and bool(_FORCES.search(who) or (" and " in who and _A_FORCE.search(who)))
    partners = _WITH.search(text)
    if not several and partners is None:
        return "", ""
    first = who if several else report.force.name
    if partners is None:
        return first, ""
    others = partners["with"].strip()
    working = re.search(r"\bwork(?:ing)?\s+(?:\w+\s+)?with\s+" + re.escape(others), text,
                        re.IGNORECASE)
    return first, f"{'to work with' if working else 'with'} {others}"


def joint_parties(text: str, report: Report) -> str:
    """Return whom a joint recommendation is addressed to, in the report's words, or "".

    "Norfolk and Suffolk Constabularies, to work with other forces in the east of
    England": the addressees before the comma, those they work with after it.
    """
    first, others = joint_parts(text, report)
    return f"{first}, {others}" if others else first


def joint_note(text: str, report: Report) -> str:
    """Return, for a joint recommendation's text, whom it is addressed to and so who agrees it.

    "it is addressed jointly to Norfolk and Suffolk Constabularies, to work with
    other forces in the east of England, so its action is to be agreed jointly, not
    by Norfolk Constabulary alone"; "" for a recommendation to the inspected force alone.
    """
    first, others = joint_parts(text, report)
    if not first:
        return ""
    several = first != report.force.name
    return (f"it is addressed {'jointly ' if several else ''}to {first}"
            f"{', ' + others if others else ''}, so its action is to be agreed jointly, not by "
            f"{report.force.in_prose} alone")


def jointly_to(text: str, report: Report) -> str:
    """Return whom a recommendation is addressed to when that is more than the inspected force.

    "Norfolk and Suffolk Constabularies", in the report's words; "" for one addressed
    to the inspected force alone (even one naming other forces to work with).
    """
    first, _others = joint_parts(text, report)
    return first if first and first != report.force.name else ""


def other_addressees(text: str, report: Report) -> str:
    """Return "the other force" (or "the other forces") a joint recommendation is addressed to.

    Counted from the report's own words: "Norfolk and Suffolk Constabularies" names
    two, so one other; "" for a recommendation to the inspected force alone.
    """
    who = jointly_to(text, report)
    if not who:
        return ""
    names = [p for p in re.split(r",\s*|\s+and\s+", who) if p.strip()]
    return "the other force" if len(names) == 2 else "the other forces"


def joint_asks(items: Iterable[tuple[str, str]], report: Report) -> str:
    """Return, for an ask to agree an action for each finding, which of them are joint.

    `` (E5-REC-1 is addressed jointly to Norfolk and Suffolk Constabularies, so its
    action is to be agreed with the other force)`` from each finding's reference and
    text, as the report addresses it (read 34: the no-plan pack asked to agree an action
    for each finding without saying one was not Norfolk's alone); "" when none is joint.
    """
    said = [f"{ref} is addressed jointly to {who}, so its action is to be agreed with "
            f"{other_addressees(text, report)}"
            for ref, text in items if (who := jointly_to(text, report))]
    return f" ({'; '.join(said)})" if said else ""
