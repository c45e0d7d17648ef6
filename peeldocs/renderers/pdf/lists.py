"""A bulleted or numbered list as tagged flowables (L, LI, Lbl, LBody).

On a page-limited page (the one-page brief) the items sit closer, and so do a
list and the sub-list after it, as in the DOCX; the space after the list is a
paragraph's, set closer too (:func:`peeldocs.renderers.pdf.styles.closer`).
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from peeldocs import blocks as b
from peeldocs.renderers.pdf.flowables import BulletItem
from peeldocs.renderers.pdf.styles import LIMITED_SPACE, LIST_SPACE, Styles, closer, markup
from peeldocs.renderers.pdf.tables import lang_of
from peeldocs.renderers.pdf.tagging import StructElem, Tagged, Tagger
from peeldocs.renderers.pdf.text import Paragraph
from peeldocs.theme import Theme

BULLET_INDENT = 14.0


def list_flowables(block: b.BulletList, styles: Styles, theme: Theme, tagger: Tagger,
                   parent: StructElem, mark_fill: str, *, limited: bool,
                   following: b.Block | None) -> list[Flowable]:
    """Return one list's items, each tagged LI with its label (Lbl) and body (LBody).

    ``limited``: the section has a page limit; ``following``: the block after the list.
    """
    lst = parent.add("L")
    items: list[Flowable] = []
    tight = closer(styles.for_role(block.style), LIST_SPACE, limited)
    style = closer(styles.for_role(block.style), LIMITED_SPACE, limited)
    for n, item in enumerate(block.items, start=1):
        li = lst.add("LI")
        label, body = li.add("Lbl"), li.add("LBody", **lang_of(item))
        last = n == len(block.items) and not isinstance(following, b.BulletList)
        para = Tagged(Paragraph(markup(item, theme.accent, mark_fill), style if last else tight),
                      body, tagger)
        mark = f"{n}." if block.ordered else "–" if block.level else "•"
        items.append(BulletItem(para, mark, BULLET_INDENT * (1 + block.level),
                                label, tagger, theme.muted, style.fontSize))
    return items
