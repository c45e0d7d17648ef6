"""All build options in one frozen object."""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from peeldocs.errors import PeeldocsError
from peeldocs.plan import Plan
from peeldocs.theme import Theme, default_theme

DEFAULT_SECTIONS = ("cover", "contents", "summary", "questions", "actions")


class Marking(enum.Enum):
    """Government Security Classifications protective markings."""

    NONE = ""
    OFFICIAL = "OFFICIAL"
    OFFICIAL_SENSITIVE = "OFFICIAL-SENSITIVE"


def marking_from_text(text: str | None) -> Marking:
    """Parse a marking such as ``official-sensitive``; empty means none."""
    wanted = (text or "").strip().upper().replace("_", "-").replace(" ", "-")
    for marking in Marking:
        if marking.value == wanted:
            return marking
    names = ", ".join(m.value for m in Marking if m.value)
    raise PeeldocsError(f"{text!r} is not a protective marking; expected one of: {names}")


def clock_from_environment() -> datetime:
    """Return the build time: ``SOURCE_DATE_EPOCH`` when set, else now (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise PeeldocsError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds"
            ) from None
    return datetime.now(tz=timezone.utc).replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class Options:
    """How to build a pack; every field has a sensible default.

    ``document`` names the kind of document: ``pack`` (the briefing pack), ``brief``,
    ``committee`` or ``s55``, or one a plugin registers; ``sections`` applies to the pack.
    """

    sections: tuple[str, ...] = DEFAULT_SECTIONS
    audience: str = "chief officer group"
    marking: Marking = Marking.NONE
    theme: Theme = field(default_factory=default_theme)
    clock: datetime = field(default_factory=clock_from_environment)
    as_of: date | None = None
    published: date | None = None
    template_dir: Path | None = None
    reference_docx: Path | None = None
    author: str = "peeldocs"
    plan: Plan | None = None
    document: str = "pack"

    @property
    def as_of_date(self) -> date:
        """The date the pack speaks as of: ``as_of`` or the clock's date."""
        return self.as_of or self.clock.date()
