"""What python-docx has no API for at the package level, in one small place.

Fields in headers and footers (PAGE, NUMPAGES), updating fields when the file
opens, the document language, and reproducible zip packaging.  The body itself
is written as WordprocessingML text by :mod:`peeldocs.renderers.docx_body`.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def _el(tag: str, **attrs: str) -> Any:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def add_field(paragraph: Any, instruction: str, result: str = "",
              result_paragraphs: list[Any] | None = None) -> None:
    """Append a complex field (``PAGE``, ``NUMPAGES``, ``TOC ...``) with a shown result.

    The result text is what readers see before fields are updated; Word and
    LibreOffice replace it when they update fields.
    """
    p = paragraph._p
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None)):
        run = _el("w:r")
        if kind == "instr":
            instr = _el("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run.append(instr)
        else:
            run.append(_el("w:fldChar", fldCharType=kind, **({"dirty": "true"}
                                                               if kind == "begin" and
                                                               instruction.startswith("TOC")
                                                               else {})))
        p.append(run)
    if result:
        run = _el("w:r")
        t = _el("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = result
        run.append(t)
        p.append(run)
    end = _el("w:r")
    end.append(_el("w:fldChar", fldCharType="end"))
    if result_paragraphs:  # a multi-paragraph result: the field ends in the last one
        result_paragraphs[-1]._p.append(end)
    else:
        p.append(end)


def update_fields_on_open(document: Any) -> None:
    """Ask Word to update fields (the table of contents) when the file opens."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        settings.append(_el("w:updateFields", val="true"))


def set_language(document: Any, lang: str) -> None:
    """Make ``lang`` the default language of all text in the document."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = _el("w:docDefaults")
        document.styles.element.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = _el("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = _el("w:rPr")
        rpr_default.append(rpr)
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = _el("w:lang")
        rpr.append(el)
    el.set(qn("w:val"), lang)
    el.set(qn("w:eastAsia"), lang)


class _FixedTimeZip:
    """A stand-in for python-docx's zip writer that dates every entry the same."""

    def __init__(self, stream: io.BytesIO, when: tuple[int, int, int, int, int, int]) -> None:
        self.zip = zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED)
        self.when = when

    def write(self, uri: Any, blob: bytes) -> None:
        info = zipfile.ZipInfo(uri.membername, date_time=self.when)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, blob)

    def close(self) -> None:
        self.zip.close()


def save_reproducibly(document: Any, when: datetime) -> bytes:
    """Save a python-docx document with every zip entry dated ``when``: reproducible bytes."""
    from docx.opc.pkgwriter import PackageWriter

    stamp = max(when.utctimetuple()[:6], (1980, 1, 1, 0, 0, 0))
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    writer: Any = _FixedTimeZip(out, stamp)  # duck-types python-docx's PhysPkgWriter
    package_writer: Any = PackageWriter
    package_writer._write_content_types_stream(writer, parts)
    package_writer._write_pkg_rels(writer, package.rels)
    package_writer._write_parts(writer, parts)
    writer.close()
    return out.getvalue()
