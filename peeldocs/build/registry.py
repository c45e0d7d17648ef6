"""Renderers by format name, found through their entry points, and the pages they lay out.

Renderers are registered in the ``peeldocs.renderers`` entry-point group.  A renderer
is any class with ``name``, ``suffix``, ``media_type`` and ``render(pack, options) ->
bytes``; a third party registers one in its own ``pyproject.toml`` and peeldocs finds
it without any change here.

Page numbers for a contents a renderer cannot lay out itself (the DOCX's, for
Word): Word shows the result a page field had when the document was saved, and updates
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
import difflib
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from typing import Any

from peeldocs.blocks import Contents, Heading, Pack, PagePlaces
from peeldocs.errors import (
    ArgumentTypeError,
    OptionError,
    OptionTypeError,
    RenderError,
    UnknownFormatError,
)
from peeldocs.options import Options
from peeldocs.options.names import GROUP, load_object, registered
from peeldocs.renderers.base import Renderer


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
    tops: frozenset[str] = getattr(found, "tops", frozenset())
    starts = tuple(blk.anchor for blk in pack.blocks() if isinstance(blk, Heading)
                   and blk.anchor in tops)
    sections = tuple(dataclasses.replace(section, blocks=tuple(
        dataclasses.replace(blk, pages=pages, starts=starts)
        if isinstance(blk, Contents) and not blk.pages
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


__all__ = ["Renderer", "available_renderers", "get_renderer", "pack_options", "parse_formats",
           "render", "render_with", "renderer_names"]

def _registered() -> dict[str, tuple[str, str]]:
    return registered(GROUP)


def available_renderers() -> dict[str, str]:
    """Return format name to a description of where its renderer comes from."""
    return {name: f"{value} ({dist})" for name, (value, dist) in _registered().items()}


def renderer_names() -> list[str]:
    """Return the installed format names, sorted.

    >>> {"pdf", "docx", "html"} <= set(renderer_names())
    True
    """
    return sorted(_registered())


def parse_formats(value: str | Sequence[str]) -> tuple[str, ...]:
    """Return format names given as a list or a comma-separated string, checked.

    Names are case-insensitive; an unknown one raises
    :class:`~peeldocs.errors.UnknownFormatError` with a did-you-mean.

    >>> parse_formats("PDF, docx")
    ('pdf', 'docx')
    """
    items = value.split(",") if isinstance(value, str) else value
    if isinstance(items, bytes) or not isinstance(items, list | tuple):
        raise OptionTypeError(f"formats: expected format names as a list or a comma-separated "
                              f"string, got {type(value).__name__}: {value!r}")
    names = tuple(_format_name(item) for item in items if not isinstance(item, str)
                  or item.strip())
    if not names:
        raise UnknownFormatError(f"no format given; available: {', '.join(renderer_names())}")
    return names


def _format_name(name: object) -> str:
    """Return the registered name for ``name`` (case-insensitive) or raise with a did-you-mean."""
    if not isinstance(name, str):
        raise OptionTypeError(f"format: expected a format name, got {type(name).__name__}: "
                              f"{name!r}")
    key = name.strip().lower()
    known = renderer_names()
    if key not in known:
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise UnknownFormatError(f"unknown format {name!r}; available: {', '.join(known)}{hint}")
    return key


def get_renderer(name: str) -> Renderer:
    """Return an instance of the renderer for format ``name`` (case-insensitive).

    >>> get_renderer("PDF").suffix
    '.pdf'
    """
    key = _format_name(name)
    renderer: Renderer = load_object(_registered()[key][0])()
    return renderer


def pack_options(pack: Pack, options: Options | None = None) -> Options:
    """Return the options to render ``pack`` with: the ones it was built with.

    ``options`` may be given only when it is the same as the pack's (or the pack
    was made by hand without any); a different one raises
    :class:`~peeldocs.errors.OptionError` naming the fields that differ, rather
    than being silently ignored.
    """
    if options is not None and not isinstance(options, Options):
        raise OptionTypeError(f"options: expected peeldocs.Options, got "
                              f"{type(options).__name__}")
    if pack.options is None:
        return options or Options()
    if not isinstance(pack.options, Options):
        raise OptionTypeError(f"pack.options: expected peeldocs.Options, got "
                              f"{type(pack.options).__name__}")
    if options is not None and options != pack.options:
        differ = [f.name for f in fields(Options)
                  if getattr(options, f.name) != getattr(pack.options, f.name)]
        raise OptionError(f"options: the pack was built with different options "
                          f"({', '.join(differ)}); build the pack with the options you "
                          "want and render it without passing options")
    return pack.options


def render(pack: Pack, format: str, options: Options | None = None) -> bytes:
    """Render ``pack`` in ``format`` (case-insensitive) and return the bytes.

    The pack is rendered with the options it was built with; ``options`` is
    accepted only when it is the same (see :func:`pack_options`).

    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> pack = peeldocs.build_pack(report, peeldocs.Options(marking="OFFICIAL"))
    >>> peeldocs.render(pack, "PDF")[:5]
    b'%PDF-'
    >>> peeldocs.render(pack, "html", peeldocs.Options())
    Traceback (most recent call last):
    ...
    peeldocs.errors.OptionError: options: the pack was built with different options (marking); ...
    """
    if not isinstance(pack, Pack):
        raise ArgumentTypeError.expected("pack", "a Pack (see peeldocs.build_pack)", pack)
    if not isinstance(format, str):
        raise ArgumentTypeError.expected("format", "a format name such as 'pdf'", format)
    return render_with(get_renderer(format), pack, pack_options(pack, options))


def render_with(renderer: Renderer, pack: Pack, options: Options) -> bytes:
    """Render ``pack`` with ``renderer``: every build renders through here.

    A renderer that says it ``needs_page_numbers`` (the DOCX: Word shows a contents'
    stored page numbers) is given a pack whose contents carry the page of each heading
    as the PDF renderer lays the pack out (:mod:`peeldocs.build.registry`), at the cost
    of one layout, only when the pack has a contents.
    """
    if getattr(renderer, "needs_page_numbers", False):
        pack = with_contents_pages(pack, lambda laid: remembered_pages(laid, options,
                                                                       _print_pages))
    with_pages = getattr(renderer, "render_with_pages", None)
    if with_pages is not None and has_contents(pack):  # a DOCX of it next needs no layout
        data, pages = with_pages(pack, options)
        remember_pages(pack, options, pages)
        return bytes(data)
    return renderer.render(pack, options)


def _print_pages(pack: Pack, options: Options) -> dict[str, int]:
    """Return each heading's page in the PDF of ``pack`` ({} if it cannot be laid out).

    The pages of the PDF as written (its last layout), so that a DOCX is the same
    whether or not the PDF was built beside it.
    """
    try:
        layout = getattr(get_renderer("pdf"), "heading_pages", None)
        found = layout(pack, options) if layout is not None else {}
    except (RenderError, UnknownFormatError):  # not laid out: the contents shows no numbers
        return {}
    return found if isinstance(found, PagePlaces) else dict(found)
