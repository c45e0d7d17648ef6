"""How a question or pillar was judged: a grade, or the status that says why there is none."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from peeldocs.model.fielddoc import doc
from peeldocs.model.scales import Grade


class Status(enum.Enum):
    """Whether and how a question or pillar was judged in this report."""

    GRADED = "graded"
    UNGRADED = "ungraded"
    NOT_YET_GRADED = "not yet graded"
    NOT_GRADED = "not graded"
    NOT_INSPECTED = "not inspected"
    CARRIED_OVER = "carried over"
    UNKNOWN = "unknown"

    @property
    def has_grade(self) -> bool:
        """True when a judgment with this status carries a grade."""
        return self in (Status.GRADED, Status.CARRIED_OVER)


@dataclass(frozen=True, slots=True)
class Judgment:
    """A grade, or a status that says why there is none."""

    status: Status = field(metadata=doc("graded, ungraded, carried over, ..."))
    grade: Grade | None = field(default=None, metadata=doc("The grade, when there is one."))
    from_cycle: str | None = field(
        default=None, metadata=doc("For a carried-over grade: the cycle it was given in.")
    )
    evidence: str | None = field(
        default=None, metadata=doc("The sentence or line the judgment was read from, verbatim; "
                                   "for an unknown judgment whose sources disagree (a "
                                   "judgments table and an area's own section), both.")
    )

    @property
    def is_unknown(self) -> bool:
        """True when the judgment was not read from the source."""
        return self.status is Status.UNKNOWN

    def describe(self) -> str:
        """Return the judgment in words, never blank ("Good (carried over from 2016)")."""
        if self.status is Status.UNKNOWN and self.from_cycle:
            return f"Unknown (carried over from {self.from_cycle}; grade not in the imported text)"
        if self.status is Status.UNKNOWN and self.evidence:
            return "Unknown (the imported text gives two different grades)"
        if self.status is Status.UNKNOWN:
            return "Unknown (not found in the imported text)"
        if self.grade is not None and self.status is Status.CARRIED_OVER:
            return f"{self.grade.label} (carried over from {self.from_cycle})"
        if self.grade is not None:
            return self.grade.label
        return str(self.status.value).capitalize()

    def status_note(self) -> str | None:
        """Return the note a reader needs beside the grade, or None for a plain grade."""
        if self.status is Status.CARRIED_OVER:
            return f"Carried over from the {self.from_cycle} inspection."
        if self.status is Status.GRADED:
            return None
        if self.status is Status.UNKNOWN and self.from_cycle:
            return (f"Carried over from the {self.from_cycle} inspection, but the grade is not in "
                    "the imported text; check it against the published report.")
        if self.status is Status.UNKNOWN and self.evidence:
            return (f"The imported text gives two different grades ({self.evidence}); check it "
                    "against the published report.")
        if self.status is Status.UNKNOWN:
            return "Not found in the imported text; check it against the published report."
        return f"{self.status.value.capitalize()} in this inspection."
