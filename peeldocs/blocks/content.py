"""The block types a section is made of; the runs of text inside them are in ``inline``.

Blocks carry meaning (a heading of level 2, a cell whose tone is "requires
improvement"), never colours or fonts: a renderer maps tones to its theme.
Inline runs (:mod:`peeldocs.blocks.inline`) make up paragraphs, list items and
cells.  :data:`Block` is the closed union renderers dispatch
over; :data:`BLOCK_TYPES` lists its members.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from peeldocs.blocks.inline import Inline, Tone


class ParaStyle(enum.Enum):
    """The role of a paragraph."""

    BODY = "body"
    LEAD = "lead"
    QUOTE = "quote"
    SMALL = "small"


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading of level 1 to 3; ``anchor`` is a stable id for links and bookmarks."""

    level: int
    text: str
    anchor: str
    in_contents: bool = True
    lang: str = ""
    """The heading's language tag where it differs from its section's; "" for the section's."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of inline runs."""

    runs: tuple[Inline, ...]
    style: ParaStyle = ParaStyle.BODY


@dataclass(frozen=True, slots=True)
class NumberedParagraph:
    """A paragraph with its number as committee papers have ("2.1"), hanging in the margin."""

    number: str
    runs: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class BulletList:
    """A bulleted (or numbered) list; each item is a run sequence."""

    items: tuple[tuple[Inline, ...], ...]
    ordered: bool = False
    style: ParaStyle = ParaStyle.BODY
    level: int = 0
    """0 for a list; 1 for the sub-points of the item just before it (indented)."""
    labels: tuple[str, ...] = ()
    """Each item's own label ("(a)", "(b)"), shown as text in place of a bullet or number,
    so that each item can be referred to (a decision minuted by its letter); () for none."""


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: runs plus an optional tone for shading."""

    runs: tuple[Inline, ...]
    tone: Tone | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A table: header rows repeat on every page; widths are relative weights.

    ``row_headers`` makes each row's first cell its header (as in a table with
    no header rows); ``highlight_rows`` are indexes into ``rows`` drawn
    emphasised (framed and bold) so one row stands out, as the focus force does
    in a comparison; the row's own text must also say why.  ``keep_with_heading``
    keeps a short table on the page of its heading and what lies between.  ``side_by_side``
    lets a paged format lay a long, narrow table out in that many columns of
    rows on the page (the header at the head of each, the rows in order down
    the first, then the next), as one table.
    """

    header: tuple[tuple[Cell, ...], ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]
    caption: str
    numeric_columns: tuple[int, ...] = ()
    row_headers: bool = False
    highlight_rows: tuple[int, ...] = ()
    lang: str = ""
    """The caption's language tag where it differs from its section's."""
    side_by_side: int = 1
    keep_with_heading: bool = False
    """Keep the table whole on one page with everything back to the heading before it, where
    they fit a page together: a short table that is the answer to what its heading introduces."""
    grouped_rows: tuple[int, ...] = ()
    """Indexes into ``rows`` of rows a paged format keeps on the page of the row after them:
    a short group of rows that reads as one (an item and its sub-items)."""
    body_size: bool = False
    """Set at the body text's size, not tables' smaller one: a table that is the text itself."""


@dataclass(frozen=True, slots=True)
class GradeBadge:
    """A judgment shown as words and tone, with a note for carried-over and ungraded.

    ``key`` is the word that introduces it ("Judgment", "Grade"): renderers print
    it as given and know nothing of what it means.
    """

    label: str
    tone: Tone
    note: str | None = None
    key: str = "Judgment"
    lang: str = ""
    """The badge's language tag where it differs from its section's."""


@dataclass(frozen=True, slots=True)
class Stat:
    """One headline number and what it counts ("3", "areas for improvement")."""

    value: str
    label: str
    tone: Tone = Tone.NEUTRAL


@dataclass(frozen=True, slots=True)
class StatPanel:
    """A row of headline numbers, each with its label in words."""

    items: tuple[Stat, ...]


@dataclass(frozen=True, slots=True)
class Series:
    """One series of a bar chart."""

    name: str
    values: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class BarChart:
    """A grouped horizontal bar chart: categories down, one bar per series."""

    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit_suffix: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    """A chart with the alt text that states what it shows, and a caption."""

    chart: BarChart
    alt: str
    caption: str


@dataclass(frozen=True, slots=True)
class Callout:
    """A boxed group of blocks (for example the areas for improvement)."""

    title: str
    body: tuple[Block, ...]
    tone: Tone = Tone.NEUTRAL
    lang: str = ""
    """The title's language tag where it differs from its section's."""
    level: int = 0
    """The title's heading level in the document's outline, looking as a label does;
    0 for a label that is not a heading (a notice, a checklist)."""


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Start a new page.

    ``numbered_apart`` labels what follows, to the end of its section, as a part whose pages
    are numbered on their own ("Notes, page 1 of 2"), as are the pages before and after it,
    so removing the part leaves the rest numbered right.
    """

    numbered_apart: str = ""


@dataclass(frozen=True, slots=True)
class Contents:
    """The table of contents; the renderer fills in headings and pages.

    ``pages`` gives, where known, the page each heading falls on when the pack is laid
    out on A4 pages: ``(anchor, page)`` pairs, in the order of the headings.  The build
    sets them (:mod:`peeldocs.build.registry`) for a renderer that cannot lay pages out
    itself (the DOCX stores them as its page fields' results, shown until the word
    processor lays the document out again); empty when not known.
    """

    title: str = "Contents"
    pages: tuple[tuple[str, int], ...] = ()
    starts: tuple[str, ...] = ()
    """The anchors of the headings that open a page of that layout (the first of a section
    aside): a renderer that cannot lay pages out starts a page there too, so that the
    pages it stores are its own."""


class PagePlaces(dict[str, int]):
    """Each heading's page by anchor, and the headings that open a page (``tops``)."""

    def __init__(self, pages: dict[str, int], tops: frozenset[str] = frozenset()) -> None:
        super().__init__(pages)
        self.tops = tops


Block = (
    Heading
    | Paragraph
    | NumberedParagraph
    | BulletList
    | Table
    | GradeBadge
    | StatPanel
    | Figure
    | Callout
    | PageBreak
    | Contents
)

BLOCK_TYPES: tuple[type, ...] = (
    Heading, Paragraph, NumberedParagraph, BulletList, Table, GradeBadge, StatPanel, Figure, Callout,
    PageBreak, Contents,
)
