"""A reference document is untrusted input: sizes checked first, nothing external carried.

Its size is checked before it is opened, and nothing in it that points outside
the document is carried into a pack.

A DOCX is a zip of parts.  Before python-docx reads one, every part's
uncompressed size (as the zip states it; the zip reader never yields more than
that, and a part that lies fails its checksum) is checked against a limit per
part and a limit for the whole, so a small file that unpacks to gigabytes is
refused in moments.  Once opened, every external relationship (an attached
template on a server, a linked picture, a hyperlink in a header) is removed with
the markup that used it, so no pack fetches or points at anything the reference
document named.
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path
from typing import Any

from peeldocs.errors import RenderError

PART_MOST = 32 * 1024 * 1024
"""The largest part (uncompressed) of a reference document; styles are kilobytes."""
TOTAL_MOST = 128 * 1024 * 1024
"""The most a reference document may unpack to, all parts together."""
PARTS_MOST = 2000
"""The most parts a reference document may hold."""
FILE_MOST = 64 * 1024 * 1024
"""The largest reference document file."""
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HYPERLINK = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hyperlink"


def check_package(path: Path) -> None:
    """Refuse a reference document that is not a regular file or unpacks beyond the limits."""
    def refuse(why: str) -> RenderError:
        return RenderError(f"{path}: not a usable reference document: {why}")

    try:
        info = path.stat()
    except OSError as exc:
        raise refuse(exc.strerror or str(exc)) from exc
    if not stat.S_ISREG(info.st_mode):
        raise refuse("not a regular file (a device, pipe or socket)")
    if info.st_size > FILE_MOST:
        raise refuse(f"the file is {info.st_size / 1048576:.1f} MB; reference documents are "
                     f"limited to {FILE_MOST // 1048576} MB")
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise refuse(f"not a Word document (.docx): {exc}") from exc
    if len(parts) > PARTS_MOST:
        raise refuse(f"it holds {len(parts)} parts; reference documents are limited to "
                     f"{PARTS_MOST}")
    for part in parts:
        if part.file_size > PART_MOST:
            raise refuse(f"its part {part.filename} unpacks to {part.file_size / 1048576:.0f} "
                         f"MB; a part is limited to {PART_MOST // 1048576} MB")
    total = sum(p.file_size for p in parts)
    if total > TOTAL_MOST:
        raise refuse(f"it unpacks to {total / 1048576:.0f} MB; reference documents are limited "
                     f"to {TOTAL_MOST // 1048576} MB")


def drop_external(document: Any) -> list[str]:
    """Remove every external relationship, and the markup that uses it; return their targets.

    A hyperlink keeps its text (the link is unwrapped); any other element that
    names the relationship (an attached template, a linked picture) is removed.
    """
    from docx.opc.part import XmlPart

    dropped: list[str] = []
    package = document.part.package
    for part in [package, *package.iter_parts()]:
        external = [rid for rid, rel in part.rels.items() if rel.is_external]
        if not external:
            continue
        element = part.element if isinstance(part, XmlPart) else None
        for rid in external:
            dropped.append(str(part.rels[rid].target_ref))
            if element is not None:
                _remove_uses(element, rid)
            part.rels.pop(rid)
    return dropped


def _remove_uses(root: Any, rid: str) -> None:
    users = [el for el in root.iter()
             if any(k.startswith(f"{{{_R}}}") and v == rid for k, v in el.attrib.items())]
    for el in users:
        parent = el.getparent()
        if parent is None:
            continue
        if el.tag == _HYPERLINK:  # keep the words, drop the link
            for key in [k for k in el.attrib if k.startswith(f"{{{_R}}}")]:
                del el.attrib[key]
            index = parent.index(el)
            for child in list(el):
                parent.insert(index, child)
                index += 1
            parent.remove(el)
        else:
            parent.remove(el)
