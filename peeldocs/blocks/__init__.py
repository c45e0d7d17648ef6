"""The closed set of blocks a pack is made of, and the pack itself.

Blocks carry meaning (a heading of level 2, a cell whose tone is "requires
improvement"), never colours or fonts: a renderer maps tones to its theme.
Renderers dispatch over :data:`Block`; one that meets a block type it does not
handle must raise :class:`~peeldocs.errors.UnsupportedBlockError`.

Every name is importable from here; the block types are defined in
:mod:`peeldocs.blocks.content`, their inline runs in :mod:`peeldocs.blocks.inline`,
the pack and its sections in :mod:`peeldocs.blocks.pack`.
"""

from __future__ import annotations

from peeldocs.blocks.content import (
    BLOCK_TYPES,
    BarChart,
    Block,
    BulletList,
    Callout,
    Cell,
    Contents,
    Figure,
    GradeBadge,
    Heading,
    NumberedParagraph,
    PageBreak,
    PagePlaces,
    Paragraph,
    ParaStyle,
    Series,
    Stat,
    StatPanel,
    Table,
)
from peeldocs.blocks.inline import (
    MARKING_IN_HEADER,
    MARKING_TO_COMPLETE,
    Inline,
    Link,
    Placeholder,
    Text,
    Tone,
    inline_text,
    plain,
    runs_language,
)
from peeldocs.blocks.pack import Metadata, Orientation, Pack, Section

__all__ = [
    "BLOCK_TYPES", "MARKING_IN_HEADER", "MARKING_TO_COMPLETE", "BarChart", "Block", "BulletList",
    "Callout", "Cell", "Contents", "Figure", "GradeBadge", "Heading", "Inline", "Link", "Metadata",
    "NumberedParagraph", "Orientation", "Pack", "PageBreak", "PagePlaces", "ParaStyle", "Paragraph",
    "Placeholder", "Section", "Series", "Stat", "StatPanel", "Table", "Text", "Tone", "inline_text",
    "plain", "runs_language",
]
