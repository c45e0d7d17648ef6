"""Overview pages (2014 to 2018/19): one sentence per pillar, such as "The extent to ... is good".

The subject may be "the force", "the constabulary" or the force's name; the
grade may follow "is", "is:", ":" or nothing ("... reducing crime requires
improvement"), and may be "not yet graded".
"""

from __future__ import annotations

import re

from peeldocs.importer.judgments import GRADE_WORDS
from peeldocs.model import Grade, Judgment, Status

OVERVIEW = re.compile(
    r"(?:^|(?<=[.:;]\s))(?:the )?extent to which (?P<what>[^.:]{5,200}?)(?:\s+is:?|:)?\s+"
    rf"(?P<grade>{GRADE_WORDS}|not yet graded|to be graded|not graded|ungraded)\s*[.;]?\s*$",
    re.I | re.M)
EFFICIENCY_2014 = re.compile(rf"^the efficiency with which the force carries out its "
                             rf"responsibilities is (?P<grade>{GRADE_WORDS})\b", re.I | re.M)
PILLAR_OF = [
    ("effectiveness", re.compile(r"\beffective(?:ly)?\b", re.I)),
    ("efficiency", re.compile(r"\befficien(?:t|tly)\b", re.I)),
    ("legitimacy", re.compile(r"\blegitima(?:te|tely)\b", re.I)),
]
STATUS_WORDS = {"not yet graded": Status.NOT_YET_GRADED, "to be graded": Status.NOT_YET_GRADED,
                "not graded": Status.NOT_GRADED, "ungraded": Status.UNGRADED}


def _judgment(word: str, evidence: str) -> Judgment:
    word = word.lower()
    if word in STATUS_WORDS:
        return Judgment(STATUS_WORDS[word], evidence=evidence)
    return Judgment(Status.GRADED, Grade(word), evidence=evidence)


def overview_judgments(blocks: list[str]) -> dict[str, tuple[int, Judgment]]:
    """Return {pillar: (block index, judgment)} for each overview sentence in ``blocks``."""
    found: dict[str, tuple[int, Judgment]] = {}
    for i, block in enumerate(blocks):
        for match in OVERVIEW.finditer(block):
            pillars = [p for p, pattern in PILLAR_OF if pattern.search(match.group("what"))]
            if len(pillars) == 1 and pillars[0] not in found:
                found[pillars[0]] = (i, _judgment(match.group("grade"), match.group(0).strip()))
        old = EFFICIENCY_2014.search(block)
        if old and "efficiency" not in found:
            found["efficiency"] = (i, _judgment(old.group("grade"), old.group(0).strip()))
    return found
