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
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any

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


REMEMBERED = 8
"""How many layouts :func:`remembered_pages` keeps, the latest used last."""
_laid: OrderedDict[tuple[Pack, Any], Mapping[str, int]] = OrderedDict()
_lock = threading.Lock()  # a batch may build in threads


def remember_pages(pack: Pack, options: Any, pages: Mapping[str, int]) -> None:
    """Keep the pages a render laid ``pack`` out on, for :func:`remembered_pages` to give."""
    try:
        with _lock:
            _laid.pop((pack, options), None)
    except TypeError:  # unhashable: nothing kept
        return
    _keep((pack, options), pages)


def _keep(key: tuple[Pack, Any], pages: Mapping[str, int]) -> None:
    """Keep ``pages`` as the latest used, dropping the oldest beyond :data:`REMEMBERED`."""
    with _lock:
        _laid[key] = pages
        while len(_laid) > REMEMBERED:
            del _laid[next(iter(_laid))]


def remembered_pages(pack: Pack, options: Any,
                     lay_out: Callable[[Pack, Any], Mapping[str, int]]) -> Mapping[str, int]:
    """Return ``lay_out(pack, options)``, remembered for the last few equal packs and options.

    A pack rendered as DOCX again (a batch's second format, a script's second call)
    is laid out once: equal packs and options lay out alike.  A pack or options
    holding something unhashable is laid out each time.
    """
    key = (pack, options)
    try:
        with _lock:
            found = _laid.pop(key, None)
    except TypeError:
        return lay_out(pack, options)
    if found is None:
        found = lay_out(pack, options)
    _keep(key, found)
    return found
