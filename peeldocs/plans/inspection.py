"""An inspection other than PEEL, as data: what it recommends and to whom.

National thematic reports, joint inspections, inspections of one force's
custody or child protection, revisit letters: each makes recommendations,
areas for improvement or causes of concern, verbatim, each addressed to
someone (this force, all forces, chief constables and PCCs, another body)
and often with a deadline.  Plain frozen dataclasses with no I/O; what was
not read is ``unknown`` (an enum member) or ``None`` (a date), never a guess.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from peeldocs.model import OGL_ATTRIBUTION
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
