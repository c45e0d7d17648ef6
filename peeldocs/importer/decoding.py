"""From a saved page's bytes to its text: a size limit, and the page's real encoding.

A page saved by a browser or copied into a text editor may be UTF-8, UTF-16
with a byte-order mark, or an older single-byte encoding (Windows-1252 is the
usual one).  :func:`decode_page` reads UTF-8 as it is and any other encoding
only when it can be known: a byte-order mark, the HTML page's own ``charset``
declaration, or charset detection (charset-normalizer) that is confident.  It
says which it used, or refuses with what it found; it never replaces
characters silently.
"""

from __future__ import annotations

import codecs
import re

from peeldocs.importer.result import NotAPeelPageError

MAX_PAGE_BYTES = 16 * 1024 * 1024
"""The largest page imported; a real PEEL page is under 1 MB, a whole saved report a few MB."""

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))
META = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})""", re.I)
# what browsers take these labels to mean (the WHATWG Encoding Standard)
ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252",
           "us-ascii": "cp1252", "iso8859-1": "cp1252", "windows-1252": "cp1252"}
NAMES = {"cp1252": "Windows-1252", "utf-16": "UTF-16", "utf-32": "UTF-32",
         "utf-8-sig": "UTF-8"}


class PageTooLargeError(NotAPeelPageError):
    """The page is larger than a PEEL page can be; it is refused before it is read."""


class PageEncodingError(NotAPeelPageError):
    """The page is not UTF-8 and its encoding cannot be known."""


def check_size(chars: int) -> None:
    """Refuse a page of more than :data:`MAX_PAGE_BYTES` characters, naming the limit."""
    if chars > MAX_PAGE_BYTES:
        raise PageTooLargeError(f"the page is {chars / 1048576:.1f} MB; pages are limited to "
                                f"{MAX_PAGE_BYTES // 1048576} MB (a PEEL page is under 1 MB)")


ATTRIBUTES_MOST = 1000
"""The most attributes one tag of a saved page may carry (the HTML parser is slow beyond)."""
_LONG_TAG = re.compile(r"<[^<>]{4096,}>")


def check_markup(html: str) -> None:
    """Refuse a saved page whose tags carry more attributes than a page has, before parsing.

    The HTML parser checks each attribute against the others of its tag, so a
    tag with tens of thousands costs minutes; only long tags are counted.
    """
    for tag in _LONG_TAG.finditer(html):
        count = len(re.findall(r"""\s[^\s=<>"']+\s*=""", tag.group(0)))
        if count > ATTRIBUTES_MOST:
            raise NotAPeelPageError(
                f"this saved page has a tag with {count} attributes (at character {tag.start()}); "
                f"a page's tags carry at most {ATTRIBUTES_MOST}: save the page again from the "
                "browser, or copy its text")


def _name(codec: str) -> str:
    try:
        canonical = codecs.lookup(codec).name
    except LookupError:
        return codec
    return NAMES.get(canonical, NAMES.get(codec, canonical.upper()))


def decode_page(raw: bytes) -> tuple[str, str | None]:
    """Return (text, note): the page's text and, when it was not UTF-8, how it was read.

    Raises :class:`PageEncodingError` when the encoding cannot be known, and
    :class:`PageTooLargeError` over the size limit.
    """
    check_size(len(raw))
    for bom, codec in BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise PageEncodingError(f"the page starts with a {_name(codec)} byte-order mark "
                                        f"but is not {_name(codec)} (offset {exc.start}); save "
                                        "it again as UTF-8") from None
            note = None if codec == "utf-8-sig" else f"read as {_name(codec)} (its byte-order mark)"
            return text.removeprefix("\ufeff"), note
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        first = exc
    declared = META.search(raw[:8192])
    if declared:
        label = declared.group(1).decode("ascii").lower()
        codec = ALIASES.get(label, label)
        try:
            return raw.decode(codec), f"read as {_name(codec)}, as the page's charset says"
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: detection may still tell
    found = _detected(raw)
    if found is not None:
        codec, text = found
        return text, (f"not UTF-8: read as {_name(codec)}, the encoding charset detection "
                      "found; check the names and quotation marks in the output")
    raise PageEncodingError(
        f"the page is not UTF-8 (byte {raw[first.start]:#04x} at offset {first.start}), declares "
        "no encoding that fits, and its encoding could not be told; save it again as UTF-8")


def _detected(raw: bytes) -> tuple[str, str] | None:
    """Return (codec, text) when charset detection is confident about the page's encoding."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:262144]).best()  # a sample: detection costs what it reads
    if best is None or best.chaos > 0.2 or best.encoding in ("utf_8", "ascii"):
        return None
    codec = "cp1252" if "cp1252" in best.could_be_from_charset else best.encoding
    try:  # Windows-1252 when it reads the same (an English page saved on Windows)
        return codec, raw.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return None
