"""No wasted pages: a heading keeps only the start of a long table, and no section ends on a near-empty page.

Keeping a heading with the whole of a table a page long moved both to the next
page, leaving the page before with an introduction alone on it;
:class:`KeepWithStart` keeps the heading with the table's header and first rows
only.  A section whose last page holds a line or two (the tail of findings
before the landscape action plan) is laid out again with a page break before a
heading on the page before, chosen by :func:`tail_breaks` so that both pages
keep at least a fifth of their height in text.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Table,
)

from peeldocs.renderers.pdf.breaks import HeadingBreak
from peeldocs.renderers.pdf.canvas import Mark
from peeldocs.renderers.pdf.flowables import BulletItem, HeadingParagraph
from peeldocs.renderers.pdf.keep import KeepShort, KeepWithStart
from peeldocs.renderers.pdf.lists import KeepList, keep_short_lists, lead_with_first_item
from peeldocs.renderers.pdf.tables import note_company
from peeldocs.renderers.pdf.tagging import Tagged

TAIL = 0.4  # a section's last page less full than this (a share of its height) is moved to
FLOOR = 0.25  # ... when both pages are then at least this full (the last one a little more)
KEEP_FULL = 0.65  # ... and, for a last page already FLOOR full, the page before stays this full


class SectionEnd(Mark):
    """An invisible mark at the end of a section, so the fullness of its last page is known."""

    def frameAction(self, frame: object) -> None:  # reportlab calls it by this name
        """Stay on the page the section's text ends on, however little room is left.

        Placed as a flowable, the mark did not fit a page its last paragraph
        filled to the foot (that paragraph's space after used the last of it), so
        it began a page of its own: an empty page, and a one-page brief "two pages".
        """


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a heading or a section's end fell: page, and how far down the frame (0 to 1)."""

    section: int
    page: int
    down: float
    anchor: str = ""


def tail_breaks(headings: list[Placed], ends: list[Placed], starts: dict[int, int],
                limited: set[int]) -> set[str]:
    """Return the anchors of headings to start a new page, so no section ends near-empty.

    A section (other than one with a page limit) that ends on a page of its own
    less than :data:`TAIL` full, the document's last section included (a paper
    whose implications and source sit alone on its last page), and so does a part
    of a section that a page break ends (a paper's body before the preparer's
    notes), moves its last heading that leaves the page before at least
    :data:`FLOOR` full and brings a little more than that to its last page.  A last page
    already :data:`FLOOR` full moves only a heading low on its page (from
    :data:`KEEP_FULL` down): a page left half empty before a short last one is the worse
    of the two (read 29-C: "page 5 ends with about 45% of the page blank").
    """
    out: set[str] = set()
    for end in ends:
        if end.section in limited:
            continue
        if end.page <= starts.get(end.section, end.page) or end.down >= TAIL:
            continue
        candidates = [h for h in headings if h.section == end.section and h.page == end.page - 1
                      and h.down >= FLOOR and (1 - h.down) + end.down >= FLOOR + 0.05
                      and (1 - h.down) + end.down <= 0.95
                      and (end.down < FLOOR or h.down >= KEEP_FULL)]
        if candidates:
            out.add(max(candidates, key=lambda h: h.down).anchor)
    return out


def _items(flow: Flowable) -> list[Flowable]:
    """Return a flowable, or the items of a kept list, as a list (never nest KeepTogether)."""
    return list(flow._content) if isinstance(flow, KeepTogether) else [flow]


def _leads_in(story: list[Flowable], i: int) -> bool:
    """Whether ``story[i]`` is a paragraph that introduces the table after it (a key, say).

    A paragraph ending in a colon introduces the list after it the same way: it
    never ends a page with its list on the next.
    """
    if not (i + 1 < len(story) and isinstance(story[i], Tagged)
            and isinstance(story[i].inner, Paragraph)):
        return False
    if isinstance(story[i + 1], Table):
        return True
    return (isinstance(story[i + 1], BulletItem | KeepList)
            and story[i].inner.getPlainText().rstrip().endswith(":"))


KEPT_REACH = 8  # how many flowables after a heading may lie before a table kept with it


def _kept_table_end(story: list[Flowable], i: int) -> int | None:
    """Return the index of a table marked ``keep_with_heading`` soon after heading ``i``, if any.

    Only flowables of the heading's own part may lie between: no other heading
    and no page break.
    """
    level = getattr(story[i].inner, "level", 0) if isinstance(story[i], Tagged) else 0
    for j in range(i + 1, min(len(story), i + 1 + KEPT_REACH)):
        flow = story[j]
        # a heading with a one-paragraph introduction comes with its first part, kept whole
        into_part = (j == i + 2 and isinstance(flow, HeadingBreak)) or (
            j in (i + 2, i + 3) and isinstance(flow, Tagged)
            and isinstance(flow.inner, HeadingParagraph) and flow.inner.level > level
            and isinstance(story[i + 1], Tagged) and isinstance(story[i + 1].inner, Paragraph)
            and not isinstance(story[i + 1].inner, HeadingParagraph))
        if into_part:
            continue
        if isinstance(flow, CondPageBreak | PageBreak | NextPageTemplate) or (
                isinstance(flow, Tagged) and isinstance(flow.inner, HeadingParagraph)):
            return None
        if isinstance(flow, Table) and getattr(flow, "keep_with_heading", False):
            return j
    return None


def _first_part(story: list[Flowable], i: int) -> int | None:
    """Return the index of the table of heading ``i``'s first part, if it has one.

    That is: heading ``i``, a one-paragraph introduction, then (after its break)
    a deeper heading with a table straight under it, which the heading and its
    introduction must not be parted from.
    """
    level = getattr(story[i].inner, "level", 0)
    j = i + 3 if i + 2 < len(story) and isinstance(story[i + 2], CondPageBreak) else i + 2
    if j + 1 >= len(story) or not (isinstance(story[i + 1], Tagged)
                                   and type(story[i + 1].inner) is not HeadingParagraph
                                   and isinstance(story[i + 1].inner, Paragraph)):
        return None
    sub = story[j]
    deeper = isinstance(sub, Tagged) and isinstance(sub.inner, HeadingParagraph) and \
        sub.inner.level > level
    return j + 1 if deeper and isinstance(story[j + 1], Table) else None


def keep_headings_with_next(story: list[Flowable]) -> list[Flowable]:
    """Group each heading with the flowable after it, so no heading ends a page.

    A paragraph just before a table (its introduction or its key) stays with
    the table's first rows too.  A table marked ``keep_with_heading`` stays
    whole with everything back to its heading, where all of it fits a page; a
    short table (:func:`short_table`) is never split, with its heading or alone.
    """
    note_company(story)  # a table's last page is shared with what follows it
    story = keep_short_lists(story)
    out: list[Flowable] = []
    i = 0
    while i < len(story):
        flow = story[i]
        is_heading = isinstance(flow, Tagged) and isinstance(flow.inner, HeadingParagraph)
        end = _kept_table_end(story, i) if is_heading else None
        if end is not None:
            group = [f for g in story[i:end + 1] if not isinstance(g, HeadingBreak)
                     for f in (g._content if isinstance(g, KeepTogether) else [g])]
            out.append(KeepTogether(group))  # taller than a page: it splits as it must
            i = end + 1
            continue
        if is_heading and (end := _first_part(story, i)) is not None:
            out.append(KeepWithStart([f for f in story[i:end + 1]
                                      if not isinstance(f, CondPageBreak)]))
            i = end + 1
            continue
        if is_heading and (kept := lead_with_first_item(story, i)) is not None:
            if out and isinstance(out[-1], HeadingBreak):  # the group keeps its heading from
                out.pop()  # the page foot itself: it fits, breaks inside the lead, or moves on
            flows, i = kept  # a heading, its lead-in and its list's first item; the others
            out += flows
            continue
        if is_heading and i + 1 < len(story) and not isinstance(
                story[i + 1], CondPageBreak | PageBreak | NextPageTemplate):
            after = story[i + 1]  # never nest KeepTogether: it reports an endless height
            inner = after._content if isinstance(after, KeepTogether) else [after]
            if _leads_in(story, i + 1):
                inner += _items(story[i + 2])
                i += 1
            out.append(KeepWithStart([flow, *inner]))  # a long table: only its start
            i += 2
            continue
        if _leads_in(story, i):
            out.append(KeepWithStart([flow, *_items(story[i + 1])], lead_in=True))
            i += 2
            continue
        out.append(KeepShort([flow]) if isinstance(flow, Table) else flow)
        i += 1
    return out
