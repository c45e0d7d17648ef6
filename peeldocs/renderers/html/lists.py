"""Sub-lists inside their parent item: what the indent shows, the markup says (WCAG 1.3.1).

Blocks carry a sub-list as a list of level 1 just after its parent list; in HTML
it belongs inside the parent's last ``<li>``, and a list of level 0 that follows
the sub-list goes on as the same ``<ul>``.

The contents list nests the same way: headings are taken in reading order
across the whole pack, as the PDF and DOCX contents take them, and a level-2
heading belongs to the nearest level-1 heading before it, never to a level-1
heading that comes after it in the same section, nor to one in an earlier
section across a level-1 heading left out of the list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from markupsafe import escape

from peeldocs import blocks as b


def nest_lists(blocks: Sequence[b.Block], parts: Sequence[str]) -> str:
    """Return the blocks' HTML (``parts``, one per block) with each sub-list in its parent item."""
    out: list[str] = []
    for n, (block, html) in enumerate(zip(blocks, parts, strict=True)):
        lists = [x for x in blocks[max(0, n - 2):n] if isinstance(x, b.BulletList)]
        after_list = bool(n) and lists[-1:] == [blocks[n - 1]]
        if isinstance(block, b.BulletList) and block.level and after_list:
            cut = out[-1].rfind("</li>")  # inside the parent's last item
            out[-1] = out[-1][:cut] + html + out[-1][cut:]
        elif (isinstance(block, b.BulletList) and not block.ordered and len(lists) == 2
              and lists[1].level and not lists[0].level and not lists[0].ordered):
            cut = out[-1].rfind("</ul>")  # the list goes on after its item's sub-list
            items = html[html.index("<li>"):html.rfind("</ul>")]
            out[-1] = out[-1][:cut] + items + out[-1][cut:]
        else:
            out.append(html)
    return "".join(out)


@dataclass
class ContentsItem:
    """One entry of the contents list: a heading and the sub-headings that follow it."""

    heading: b.Heading
    subs: list[b.Heading] = field(default_factory=list)


def contents_entries(headings: Iterable[b.Heading]) -> list[ContentsItem]:
    """Group headings, in reading order, into level-1 entries with their level-2 sub-entries.

    A level-2 heading with no listed level-1 heading before it (the first in the
    pack, or after a level-1 heading kept out of the list) is an entry of its own.
    """
    entries: list[ContentsItem] = []
    parent: ContentsItem | None = None
    for heading in headings:
        if heading.level == 1:
            parent = ContentsItem(heading) if heading.in_contents else None
            if parent is not None:
                entries.append(parent)
        elif heading.level == 2 and heading.in_contents:
            if parent is None:
                entries.append(ContentsItem(heading))
            else:
                parent.subs.append(heading)
    return entries


def _link(heading: b.Heading) -> str:
    return f'<a href="#{escape(heading.anchor)}">{escape(heading.text)}</a>'


def contents_html(title: str, sections: Iterable[b.Section]) -> str:
    """Return the contents heading and a nested list linking to every listed heading."""
    headings = (blk for sec in sections for blk in sec.blocks if isinstance(blk, b.Heading))
    items = []
    for entry in contents_entries(headings):
        subs = "".join(f"<li>{_link(s)}</li>" for s in entry.subs)
        nested = f"<ul>{subs}</ul>" if subs else ""
        items.append(f"<li>{_link(entry.heading)}{nested}</li>\n")
    # headings carry no numbers, so neither does the list of them
    return f'<h2 id="contents">{escape(title)}</h2>\n<ul>\n{"".join(items)}</ul>\n'
