"""An inspection other than PEEL, as data: what it recommends, to whom and by when, and its name.

National thematic reports, joint inspections, inspections of one force's
custody or child protection, revisit letters: each makes recommendations,
areas for improvement or causes of concern, verbatim, each addressed to
someone (this force, all forces, chief constables and PCCs, another body)
and often with a deadline.  Plain frozen dataclasses with no I/O; what was
not read is ``unknown`` (an enum member) or ``None`` (a date), never a guess.

Whom an inspection's item addresses and by when are read from its own words.
Whom: the words before "should" ("chief constables", "the force", "the College
of Policing"); by when: "By 31 March 2023," or "within six months" in its text.
Used by :mod:`peeldocs.plans.inspection_reader`; what is not read is unknown.

When a plan is read, an inspection is named by its published title, a PEEL report by
its fields: a PEEL report page's own title ('Norfolk PEEL 2018') names neither its
cycle nor the area inspected, so the register names it from the report's programme,
cycle, pillar and force.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date

from peeldocs.model import OGL_ATTRIBUTION, Report, cycle_words
from peeldocs.model.scales import doc
from peeldocs.plans.findings import FindingRef


class InspectionKind(enum.Enum):
    """What sort of inspection a report comes from."""

    NATIONAL_THEMATIC = "national thematic"
    JOINT = "joint"
    FORCE_INSPECTION = "force inspection"
    REVISIT_LETTER = "revisit letter"
    UNKNOWN = "unknown"


class ItemKind(enum.Enum):
    """What an inspection asks for."""

    RECOMMENDATION = "recommendation"
    AREA_FOR_IMPROVEMENT = "area for improvement"
    CAUSE_OF_CONCERN = "cause of concern"


class Addressee(enum.Enum):
    """To whom an item is addressed; only the first three are the force's to answer."""

    THIS_FORCE = "this force"
    ALL_FORCES = "all forces"
    CHIEF_CONSTABLES_AND_PCCS = "chief constables and PCCs"
    ANOTHER_BODY = "another body"
    UNKNOWN = "unknown"


ADDRESSEE_WORDS = {
    Addressee.THIS_FORCE: "this force",
    Addressee.ALL_FORCES: "all forces",
    Addressee.CHIEF_CONSTABLES_AND_PCCS: "chief constables and police and crime commissioners",
    Addressee.ANOTHER_BODY: "another body",
    Addressee.UNKNOWN: "unknown",
}
"""To whom an item is addressed, in full words, as every format writes it."""

TRACKED = frozenset({Addressee.THIS_FORCE, Addressee.ALL_FORCES,
                     Addressee.CHIEF_CONSTABLES_AND_PCCS, Addressee.UNKNOWN})
"""Addressees whose items a force's plan tracks.  An item whose addressee was not
read is tracked (the force may owe it) and every document says it was not read."""

ID_PREFIX = {ItemKind.RECOMMENDATION: "R", ItemKind.AREA_FOR_IMPROVEMENT: "AFI",
             ItemKind.CAUSE_OF_CONCERN: "CoC"}


@dataclass(frozen=True, slots=True)
class InspectionItem:
    """One recommendation, area for improvement or cause of concern, verbatim."""

    id: str = field(metadata=doc("Stable id that action plans refer to, e.g. R1, AFI3, CoC1."))
    kind: ItemKind = field(metadata=doc("recommendation, area for improvement or cause of "
                                        "concern."))
    text: str = field(metadata=doc("The item as the report words it."))
    addressed_to: Addressee = field(default=Addressee.UNKNOWN, metadata=doc(
        "this force, all forces, chief constables and PCCs, another body, or unknown "
        "when the text was not read for it."))
    number: str | None = field(default=None, metadata=doc(
        "The number the report gives it ('1', '3a'); null when it has none."))
    addressee: str | None = field(default=None, metadata=doc(
        "The words that name whom it is addressed to ('chief constables', "
        "'the College of Policing')."))
    deadline: str | None = field(default=None, metadata=doc(
        "Its deadline as worded: 'By 31 March 2023', 'within six months'."))
    points: tuple[str, ...] = field(default=(), metadata=doc("Its sub-points, verbatim."))

    @property
    def tracked(self) -> bool:
        """True when the force answers it (not addressed to another body)."""
        return self.addressed_to in TRACKED

    @property
    def full_text(self) -> str:
        """The text with its sub-points, if any."""
        if not self.points:
            return self.text
        punctuated = all(p.rstrip().endswith((";", ",", ".", " and", " or")) for p in self.points)
        return " ".join((self.text, ("" if punctuated else "; ").join(
            p if not punctuated else p + " " for p in self.points).strip()))


@dataclass(frozen=True, slots=True)
class Inspection:
    """An inspection report's recommendations, areas for improvement and causes of concern.

    >>> insp = Inspection("An inspection of custody", InspectionKind.FORCE_INSPECTION,
    ...                   items=(InspectionItem("R1", ItemKind.RECOMMENDATION, "Do it.",
    ...                                         Addressee.THIS_FORCE),))
    >>> [ref.id for ref in inspection_refs(insp).values()]
    ['R1']
    """

    title: str = field(metadata=doc("The report's title as published."))
    kind: InspectionKind = field(default=InspectionKind.UNKNOWN, metadata=doc(
        "national thematic, joint, force inspection, revisit letter, or unknown."))
    published: date | None = field(default=None, metadata=doc(
        "Publication date (YYYY-MM-DD); null when not known, which documents say."))
    source: str | None = field(default=None, metadata=doc("The report's web address."))
    force: str | None = field(default=None, metadata=doc(
        "The force the report is about, for an inspection of one force."))
    items: tuple[InspectionItem, ...] = field(default=(), metadata=doc(
        "Every recommendation, area for improvement and cause of concern, in report order."))
    items_read: bool = field(default=True, metadata=doc(
        "False when the report's items were not found in the text read: they are unknown, "
        "and no document says the report makes none."))
    illustrative: bool = field(default=False, metadata=doc(
        "True when the text is constructed for an example; every document says so."))
    rights: str = field(default=OGL_ATTRIBUTION, metadata=doc(
        "The attribution of the quoted text."))

    @property
    def tracked(self) -> tuple[InspectionItem, ...]:
        """The items the force answers."""
        return tuple(i for i in self.items if i.tracked)

    @property
    def not_tracked(self) -> tuple[InspectionItem, ...]:
        """The items addressed to other bodies: kept, not tracked."""
        return tuple(i for i in self.items if not i.tracked)


def inspection_refs(inspection: Inspection) -> dict[str, FindingRef]:
    """Every item the force answers, by id, as an action plan refers to it."""
    return {i.id: FindingRef(i.id, i.kind.value, None, i.full_text, deadline=i.deadline)
            for i in inspection.tracked}


def item_id(kind: ItemKind, number: str) -> str:
    """Return the id of an item from its kind and number: ``R1``, ``AFI3``, ``CoC2``."""
    return f"{ID_PREFIX[kind]}{number}"


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


def peel_name(report: Report) -> str:
    """Name a PEEL report without its force: 'PEEL 2018/19 effectiveness inspection'."""
    scope = report.pillar if report.pillar and report.pillar.lower() != "unknown" else ""
    words = (report.programme, cycle_words(report.cycle), scope, "inspection")
    return " ".join(w for w in words if w)


def inspection_title(subject: Report | Inspection) -> str:
    """Return the inspection's title as a reader knows it.

    An inspection's as published; a PEEL report's from its fields ('PEEL 2018/19
    effectiveness inspection of Norfolk Constabulary').
    """
    if isinstance(subject, Inspection):
        return subject.title
    return f"{peel_name(subject)} of {subject.force.name}"
