"""Page numbers for a contents a renderer cannot lay out itself (the DOCX's, for Word).

Word shows the result a page field had when the document was saved, and updates
fields on opening only after asking the reader; LibreOffice works the numbers out
as it lays the document out.  So a DOCX stores, as each contents entry's result,
the page its heading falls on when the same pack is laid out on A4 pages by a
renderer that can (the PDF's): :func:`with_contents_pages` puts that map on the
pack's :class:`~peeldocs.blocks.Contents` blocks, in data every renderer reads and
none needs to know where it came from.  A pack without a contents is returned
as it is, unlaid: the extra layout is paid only where a contents shows it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping

from peeldocs.blocks import Contents, Heading, Pack


def has_contents(pack: Pack) -> bool:
    """Whether ``pack`` has a contents block whose pages are not yet known."""
    return any(isinstance(blk, Contents) and not blk.pages for blk in pack.blocks())


def with_contents_pages(pack: Pack,
                        heading_pages: Callable[[Pack], Mapping[str, int]]) -> Pack:
    """Return ``pack`` with each contents block given its headings' pages.

    ``heading_pages`` lays a pack out and returns the page of each heading by
    anchor; it is called once (one layout), and only when the pack has a contents whose pages
    are not known.  Headings it does not place keep no page (shown blank).
    """
    if not has_contents(pack):
        return pack
    found = heading_pages(pack)
    anchors = [blk.anchor for blk in pack.blocks() if isinstance(blk, Heading) and blk.in_contents]
    pages = tuple((anchor, found[anchor]) for anchor in dict.fromkeys(anchors)
                  if anchor in found)
    if not pages:
        return pack
    sections = tuple(dataclasses.replace(section, blocks=tuple(
        dataclasses.replace(blk, pages=pages) if isinstance(blk, Contents) and not blk.pages
        else blk for blk in section.blocks)) for section in pack.sections)
    return dataclasses.replace(pack, sections=sections)
