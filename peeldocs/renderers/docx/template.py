"""The reference document, read and prepared once per process, copied for each pack.

Opening a reference document means unzipping it and parsing several hundred
kilobytes of styles: most of the cost of a small pack.  So it is opened once
per file (and again only if the file changes), prepared (body emptied, missing
styles added, widow control, truthful app.xml, document language, header and
footer parts present, fields set to update on open) and each pack gets a copy: its XML trees copied, its other
parts shared read-only, its relationships rebuilt with the same ids.
"""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peeldocs.errors import RenderError


@dataclass(frozen=True)
class Prepared:
    """A prepared reference document and what every pack needs to know about it.

    ``deflated`` maps the id of each unchanging part's bytes to (those bytes,
    CRC-32, deflated bytes), so a pack's zip reuses them instead of compressing
    the same styles again.
    """

    document: Any
    style_ids: dict[str, str]
    deflated: dict[int, tuple[bytes, int, bytes]]


_CACHE: dict[tuple[str, int, int, str], Prepared] = {}
_LOCK = threading.Lock()


PARAGRAPH_STYLES = ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Quote",
                    "List Bullet", "List Number", "Caption", "TOC Heading", "toc 1", "toc 2",
                    "Small Print", "Table Text", "Judgment")
TABLE_STYLE = "Peeldocs Table"
BODY_TABLE_TEXT = "Table Text Body"


def ensure_styles(document: Any) -> None:
    """Add any style the pack uses that a user's reference document lacks."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    names = {s.name for s in document.styles}
    for name in PARAGRAPH_STYLES:
        if name not in names:
            style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = document.styles["Normal"]
    if BODY_TABLE_TEXT not in names:  # a table that is the text itself, at the body's size
        style = document.styles.add_style(BODY_TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Table Text"]
        style.font.size = document.styles["Normal"].font.size or Pt(10.5)
    if TABLE_STYLE not in names:
        style = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
        if "Table Grid" in names:
            style.base_style = document.styles["Table Grid"]


def prepared(path: Path, language: str) -> Prepared:
    """Return the prepared reference document at ``path``, reading it only when it changed.

    Word is never asked to update fields when the file opens (it would ask the
    reader first, about fields that "may refer to other files"): the page number
    and count it lays out itself, and a contents list needs no update to be used.
    """
    try:
        stat = path.stat()
    except OSError as exc:
        raise RenderError(f"{path}: not a usable reference document: {exc.strerror}") from exc
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, language)
    with _LOCK:
        found = _CACHE.get(key)
        if found is None:
            for old in [k for k in _CACHE if k[0] == key[0] and k[1:3] != key[1:3]]:
                del _CACHE[old]  # the file changed since
            found = _CACHE[key] = _prepare(path, language)
    return found


def _prepare(path: Path, language: str) -> Prepared:
    import docx
    from docx.opc.part import XmlPart
    from docx.oxml.ns import qn

    from peeldocs.renderers.docx import xml as x
    from peeldocs.renderers.docx.package import truthful_properties, widow_control
    from peeldocs.renderers.docx.untrusted import check_package, drop_external

    check_package(path)  # untrusted: sizes checked before anything is unpacked
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a bad package
        raise RenderError(f"{path}: not a usable reference document: {exc}") from exc
    drop_external(document)  # nothing outside the document is carried into a pack
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    ensure_styles(document)
    widow_control(document)
    truthful_properties(document)
    x.set_language(document, language)
    style_ids = {st.name: st.style_id for st in document.styles}
    _freeze(document)
    return Prepared(document, style_ids, {
        id(part.blob): (part.blob, *x.deflate(part.blob))
        for part in document.part.package.iter_parts() if not isinstance(part, XmlPart)})


def _freeze(document: Any) -> None:
    """Turn every XML part a pack never changes into a plain part holding its bytes.

    A pack changes only the body, the headers and footers and the core
    properties; styles, numbering, settings, fonts and theme are
    serialised once here instead of copied and serialised for every pack.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.part import Part, XmlPart

    package = document.part.package
    _ = document.core_properties  # python-docx adds the part if the reference has none
    changing = {id(document.part), id(package.part_related_by(RT.CORE_PROPERTIES))}
    changing |= {id(rel.target_part) for rel in document.part.rels.values()
                 if rel.reltype in (RT.HEADER, RT.FOOTER)}  # any header or footer a pack fills
    parts = list(package.iter_parts())
    frozen: dict[int, Any] = {}
    for part in parts:
        if isinstance(part, XmlPart) and id(part) not in changing:
            plain = Part(part.partname, part.content_type, part.blob, package)
            plain.__dict__["rels"] = part.rels  # the same relationships (python-docx's cache)
            frozen[id(part)] = plain
    for owner in [package, *parts]:
        for rel in owner.rels.values():
            if not rel.is_external and id(rel.target_part) in frozen:
                rel._target = frozen[id(rel.target_part)]
                owner.rels.related_parts[rel.rId] = rel._target


def copy_document(source: Prepared) -> Any:
    """Return a new python-docx document with the same parts as the prepared one.

    XML parts (body, header, footer, core properties) get a copy of their tree;
    the other parts' bytes are shared.
    """
    from docx.opc.part import XmlPart

    package = source.document.part.package
    new_package = type(package)()
    copies: dict[int, Any] = {}
    parts = list(package.iter_parts())
    for part in parts:
        if isinstance(part, XmlPart):
            new = type(part)(part.partname, part.content_type, copy.deepcopy(part.element),
                             new_package)
        else:
            new = copy.copy(part)
            new.__dict__.pop("rels", None)  # python-docx caches relationships here
            new._package = new_package
        copies[id(part)] = new
    for part in parts:
        _copy_rels(part.rels, copies[id(part)].rels, copies)
    _copy_rels(package.rels, new_package.rels, copies)
    return new_package.main_document_part.document


def _copy_rels(source: Any, target: Any, copies: dict[int, Any]) -> None:
    for rel in source.values():
        dest = rel.target_ref if rel.is_external else copies[id(rel.target_part)]
        target.add_relationship(rel.reltype, dest, rel.rId, rel.is_external)
