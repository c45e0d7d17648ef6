"""The pack: named sections of blocks with the document properties every renderer writes."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from peeldocs.blocks.content import Block


class Orientation(enum.Enum):
    """Page orientation of a section."""

    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


@dataclass(frozen=True, slots=True)
class Section:
    """A named section of the pack: a sequence of blocks on its own pages.

    ``page_limit``, when set, is a promise the section's builder makes and a paged
    renderer keeps: it raises :class:`~peeldocs.errors.PageLimitError` rather than
    spill the section onto more pages.
    """

    name: str
    blocks: tuple[Block, ...]
    orientation: Orientation = Orientation.PORTRAIT
    page_limit: int | None = None
    language: str = ""
    """The language tag of the section's wording ("cy-GB"); "" for the document's."""
    narrow_text: bool = False
    """In a landscape section, text keeps a portrait page's width, for a readable line;
    tables still take the landscape width they need."""


@dataclass(frozen=True, slots=True)
class Metadata:
    """Document properties every renderer writes."""

    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]
    created: datetime
    language: str = "en-GB"
    marking: str = ""
    running_title: str = ""
    rights: str = (
        "Contains public sector information licensed under the Open Government Licence v3.0.")
    """The attribution of the quoted text (the OGL one unless the data says otherwise)."""


@dataclass(frozen=True, slots=True)
class Pack:
    """A briefing pack: metadata and ordered sections, ready for any renderer.

    ``options`` are the options the pack was built with (set by
    :func:`peeldocs.build_pack`); :func:`peeldocs.render` renders with them, so
    a pack is always rendered the way it was built.

    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> pack = peeldocs.build_pack(report, peeldocs.Options(marking="OFFICIAL"))
    >>> pack.metadata.marking, pack.options.marking.value
    ('OFFICIAL', 'OFFICIAL')
    """

    metadata: Metadata
    sections: tuple[Section, ...] = field(default=())
    options: object | None = None
    """The :class:`peeldocs.Options` the pack was built with; None for a pack made by hand.

    Typed as ``object`` so that the block vocabulary, the lowest layer, knows
    nothing of the build options; :func:`peeldocs.render` checks it.
    """

    def blocks(self) -> tuple[Block, ...]:
        """Return every top-level block of every section, in order."""
        return tuple(b for s in self.sections for b in s.blocks)
