"""Sub-lists inside their parent item: what the indent shows, the markup says (WCAG 1.3.1).

Blocks carry a sub-list as a list of level 1 just after its parent list; in HTML
it belongs inside the parent's last ``<li>``, and a list of level 0 that follows
the sub-list goes on as the same ``<ul>``.
"""

from __future__ import annotations

from collections.abc import Sequence

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
