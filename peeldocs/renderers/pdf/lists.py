"""A bulleted or numbered list as tagged flowables (L, LI, Lbl, LBody).

A sub-list (a list of level 1 just after a list) is tagged as an L inside the
LBody of the last LI of the list before it, after a P holding that item's
words, and a list of level 0 just after that sub-list goes on as the same L
(:class:`ListNesting`), so the tag tree says what the indent shows (WCAG 1.3.1).

On a page-limited page (the one-page brief) the items sit closer, and so do a
list and the sub-list after it, as in the DOCX; the space after the list is a
paragraph's, set closer too (:func:`peeldocs.renderers.pdf.styles.closer`).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus.flowables import _listWrapOn

from peeldocs import blocks as b
from peeldocs.renderers.pdf.flowables import BulletItem, HeadingParagraph
from peeldocs.renderers.pdf.styles import LIMITED_SPACE, LIST_SPACE, Styles, closer, markup
from peeldocs.renderers.pdf.tables import lang_of
from peeldocs.renderers.pdf.tagging import StructElem, Tagged, Tagger
from peeldocs.renderers.pdf.text import Paragraph
from peeldocs.theme import Theme

BULLET_INDENT = 14.0
LABELLED_INDENT = 56.0
"""Where a lettered item's text starts: its label ("(a)") under a numbered paragraph's text
(34 pt in), the text a label's width (:data:`~peeldocs.renderers.pdf.flowables.LABEL_SPACE`) on."""
SHORT_LIST = 6  # a list of at most this many items is never split over two pages


class KeepList(KeepTogether):  # type: ignore[misc]
    """The items of a short list (:data:`SHORT_LIST` or fewer), kept on one page.

    A list of five questions broken after its second read as two lists; it moves
    whole to the next page (and splits as it must only when taller than a page).
    """


def keep_short_lists(story: list[Flowable]) -> list[Flowable]:
    """Return ``story`` with the items of each short list grouped in a :class:`KeepList`."""
    out: list[Flowable] = []
    i = 0
    while i < len(story):
        key: tuple[int, int] = getattr(story[i], "list_of", (0, 0))
        run = story[i:i + key[1]] if 1 < key[1] <= SHORT_LIST else []
        if run and len(run) == key[1] and all(getattr(f, "list_of", None) == key for f in run):
            out.append(KeepList(run))
            i += len(run)
        else:
            out.append(story[i])
            i += 1
    return out


class LeadWithItem(KeepTogether):  # type: ignore[misc]
    """A heading, its lead-in and its list's first item: the page never breaks where the lead ends.

    Kept together where all of it fits.  Where it does not, it breaks inside the
    lead-in (its last paragraph split, or between its paragraphs) so that the heading
    keeps some of its words here and the first item starts overleaf with the words
    that introduce it; only where neither can be done does all of it move on.  So a
    heading and its lead-in never end a page with their list on the next, and the
    page they start on is not left with a gap where they were.
    """

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        """Keep all together, or break inside the lead-in, or move all to the next page."""
        if getattr(self, "_wrapInfo", None) != (avail_w, avail_h):
            self.wrap(avail_w, avail_h)
        content = self._content
        if avail_h < self._H and len(content) >= 3:
            before, last, item = content[:-2], content[-2], content[-1]
            used = _listWrapOn(before, avail_w, self.canv)[1]
            room = avail_h - used - max(last.getSpaceBefore(), before[-1].getSpaceAfter())
            parts = last.split(avail_w, room) if len(before) > 1 or room > 0 else []
            if len(parts) == 2:  # its first lines here, the rest overleaf with the item
                return [*before, parts[0], KeepTogether([parts[1], item])]
            if len(before) > 1 and used <= avail_h:  # the heading and a paragraph of lead here
                return [*before, KeepTogether([last, item])]
        return super().split(avail_w, avail_h)  # type: ignore[no-any-return]


LEAD_PARAGRAPHS = 2
"""A heading's lead-in of up to this many paragraphs keeps with the first item of its list."""


def _lead(flow: Flowable) -> bool:
    """Whether ``flow`` is a paragraph of body text (not a heading) that may lead into a list."""
    return isinstance(flow, Tagged) and isinstance(flow.inner, Paragraph) \
        and not isinstance(flow.inner, HeadingParagraph)


def lead_with_first_item(story: list[Flowable], i: int) -> tuple[list[Flowable], int] | None:
    """Return heading ``i`` kept with its lead-in and first item, the other items, and what next.

    A heading, one or two paragraphs of lead-in, then a list (read 28-P): kept as a
    short list whole, the list moved to the next page and left the heading and its
    lead-in at the foot of this one.  The heading, its lead-in and the first item
    go together; the other items (a short list's still kept together) follow, so
    nothing moves on where all of it fits.  None when ``story`` has no such run at ``i``.
    """
    j = i + 1
    while j < len(story) and j - i - 1 < LEAD_PARAGRAPHS and _lead(story[j]):
        j += 1
    if j == i + 1 or j >= len(story):
        return None
    flow = story[j]
    items = list(flow._content) if isinstance(flow, KeepList) else \
        [flow] if isinstance(flow, BulletItem) else []
    if not items:
        return None
    rest = items[1:]
    return [LeadWithItem([*story[i:j], items[0]]),
            *([KeepList(rest)] if len(rest) > 1 else rest)], j + 1


class ListNesting:
    """Where the next list's L goes: the section, the last item of the list before, or that list."""

    def __init__(self) -> None:
        self.top: StructElem | None = None  # the L of the last top-level list, while lists run on
        self.nested = False  # the last list was a sub-list

    def place(self, block: b.Block, section: StructElem) -> tuple[StructElem, StructElem | None]:
        """Return the parent for ``block``'s new L and an L to go on with instead (or None)."""
        if not isinstance(block, b.BulletList):
            self.top, self.nested = None, False
            return section, None
        top = self.top
        item = top.kids[-1] if top is not None and top.kids else None
        body = item.kids[-1] if isinstance(item, StructElem) and item.kids else None
        if block.level and isinstance(body, StructElem):  # inside its last item's LBody
            self.nested = True
            return body, None
        if top is not None and self.nested and not block.ordered:
            self.nested = False
            return section, top
        self.top, self.nested = None, False
        return section, None

    def opened(self, block: b.BulletList, lst: StructElem) -> None:
        """Record the L a top-level list was tagged as."""
        if not block.level:
            self.top = lst


def list_flowables(block: b.BulletList, styles: Styles, theme: Theme, tagger: Tagger,
                   parent: StructElem, mark_fill: str, *, limited: bool,
                   following: b.Block | None, nesting: ListNesting | None = None) -> list[Flowable]:
    """Return one list's items, each tagged LI with its label (Lbl) and body (LBody).

    ``limited``: the section has a page limit; ``following``: the block after the list;
    ``nesting``: where a sub-list's tags go (:class:`ListNesting`).
    """
    into = None
    if nesting is not None:
        parent, into = nesting.place(block, parent)
    lst = into or parent.add("L")
    if nesting is not None:
        nesting.opened(block, lst)
    items: list[Flowable] = []
    tight = closer(styles.for_role(block.style), LIST_SPACE, limited)
    style = closer(styles.for_role(block.style), LIMITED_SPACE, limited)
    for n, item in enumerate(block.items, start=1):
        li = lst.add("LI")
        label, body = li.add("Lbl"), li.add("LBody", **lang_of(item))
        last = n == len(block.items) and not isinstance(following, b.BulletList)
        # an item with a sub-list after it: its words a P, before the sub-list's L in its LBody
        parents = (n == len(block.items) and nesting is not None
                   and isinstance(following, b.BulletList) and following.level > block.level)
        para = Tagged(Paragraph(markup(item, theme.accent, mark_fill), style if last else tight),
                      body.add("P") if parents else body, tagger)
        mark = block.labels[n - 1] if block.labels else \
            f"{n}." if block.ordered else "–" if block.level else "•"
        items.append(BulletItem(para, mark, LABELLED_INDENT + BULLET_INDENT * block.level
                                if block.labels else BULLET_INDENT * (1 + block.level),
                                label, tagger, theme.muted, style.fontSize))
        # which list the item is of, and its length: a short list is kept on one page
        items[-1].list_of = (id(block), len(block.items))
    return items
