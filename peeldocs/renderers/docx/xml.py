"""What python-docx has no API for at the package level, in one small place.

Updating fields when the file opens, the document language, the main part's
tree made in one parse, and reproducible zip packaging that reuses the compressed
bytes of parts no pack changes.  The body itself is written as WordprocessingML
text by :mod:`peeldocs.renderers.docx.body`.
"""

from __future__ import annotations

import re
import secrets
import struct
import zlib
from datetime import datetime
from typing import Any

from docx.opc.packuri import PACKAGE_URI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from lxml import etree

_DECLARATION = re.compile(r' xmlns:([A-Za-z_][\w.-]*)="([^"]*)"')


def _el(tag: str, **attrs: str) -> Any:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def find_or_add(parent: Any, tag: str, *, first: bool = False) -> Any:
    """Return ``parent``'s child ``tag``, adding it (as the first child when ``first``) if absent."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        if first:
            parent.insert(0, child)
        else:
            parent.append(child)
    return child


def set_language(document: Any, lang: str) -> None:
    """Make ``lang`` the default language of all text in the document."""
    defaults = find_or_add(document.styles.element, "w:docDefaults", first=True)
    rpr = find_or_add(find_or_add(defaults, "w:rPrDefault", first=True), "w:rPr")
    el = find_or_add(rpr, "w:lang")
    el.set(qn("w:val"), lang)
    el.set(qn("w:eastAsia"), lang)


def without_declared(xml: str, declared: dict[str | None, str]) -> str:
    """Drop from ``xml``'s first start tag the namespace declarations ``declared`` already makes.

    lxml drops them when it moves an element into a tree that declares the same
    prefixes: text that goes straight into the document's XML must match.
    """
    end = xml.index(">")
    start = _DECLARATION.sub(lambda m: "" if declared.get(m.group(1)) == m.group(2)
                             else m.group(0), xml[:end])
    return start + xml[end:]


def replace_body(document: Any, body_xml: str, declarations: str = "") -> None:
    """Give the main document part a new tree: its root with ``body_xml`` as the body, in one parse.

    Moving a built element into the document costs lxml time quadratic in the
    element's size (it re-resolves the namespace of every node against a cache
    that grows by one entry per node), so a long table took seconds; parsing
    the whole part once is linear.  ``declarations`` (``xmlns:p="uri"`` text)
    are added to the root: namespaces the body uses that the reference
    document's root does not declare.
    """
    part = document.part
    root = part.element
    body = root.find(qn("w:body"))
    for child in list(body):
        body.remove(child)
    mark = f"peeldocs-body-{secrets.token_hex(16)}"  # text no reference document holds
    body.text = mark
    before, after = etree.tostring(root, encoding="unicode").split(mark)
    if declarations:
        end = before.index(">")
        before = f"{before[:end]} {declarations}{before[end:]}"
    part._element = parse_xml(before + body_xml + after)


def deflate(blob: bytes) -> tuple[int, bytes]:
    """Return the CRC-32 and the raw deflate stream of ``blob``, as a zip entry stores them."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return zlib.crc32(blob), packer.compress(blob) + packer.flush()


class _ZipWriter:
    """A minimal zip writer: deflated entries, all dated the same, reusing compressed parts.

    Stands in for python-docx's zip writer (it has the same ``write`` method).
    ``deflated`` holds parts compressed earlier, by the id of their bytes.
    """

    def __init__(self, when: tuple[int, int, int, int, int, int],
                 deflated: dict[int, tuple[bytes, int, bytes]]) -> None:
        year, month, day, hour, minute, second = when
        self.date = (year - 1980) << 9 | month << 5 | day
        self.time = hour << 11 | minute << 5 | second // 2
        self.deflated = deflated
        self.chunks: list[bytes] = []
        self.offset = 0
        self.directory: list[bytes] = []

    def write(self, uri: Any, blob: bytes) -> None:
        """Add one entry."""
        name = uri.membername.encode("utf-8")
        known = self.deflated.get(id(blob))
        crc, data = known[1:] if known is not None and known[0] is blob else deflate(blob)
        fields = (20, 0x800, 8, self.time, self.date, crc, len(data), len(blob), len(name))
        local = struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0)
        self.directory.append(struct.pack("<IH", 0x02014B50, 0x0314) +
                              struct.pack("<HHHHHIIIHHHHHII", *fields, 0, 0, 0, 0,
                                          0o100644 << 16, self.offset) + name)
        self.chunks += (local, name, data)
        self.offset += len(local) + len(name) + len(data)

    def getvalue(self) -> bytes:
        """Return the finished zip file."""
        directory = b"".join(self.directory)
        end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(self.directory), len(self.directory),
                          len(directory), self.offset, 0)
        return b"".join(self.chunks) + directory + end


def save_reproducibly(document: Any, when: datetime,
                      deflated: dict[int, tuple[bytes, int, bytes]] | None = None) -> bytes:
    """Save a python-docx document with every zip entry dated ``when``: reproducible bytes."""
    from docx.opc.pkgwriter import PackageWriter

    stamp = max(when.utctimetuple()[:6], (1980, 1, 1, 0, 0, 0))
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    writer = _ZipWriter(stamp, deflated or {})
    package_writer: Any = PackageWriter
    package_writer._write_content_types_stream(writer, parts)
    writer.write(PACKAGE_URI.rels_uri, package.rels.xml)
    for part in parts:
        writer.write(part.partname, part.blob)
        if len(part.rels):
            writer.write(part.partname.rels_uri, part.rels.xml)
    return writer.getvalue()
