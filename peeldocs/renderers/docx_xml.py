"""The WordprocessingML python-docx has no API for, in one small tested place.

Fields (TOC, PAGE, NUMPAGES), repeating header rows, rows that do not split,
cell and run shading, hyperlinks, alt text, table captions, the document
language, and reproducible zip packaging.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def _el(tag: str, **attrs: str) -> Any:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


_TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
                "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
                "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")


def _insert_in_order(parent: Any, el: Any, order: tuple[str, ...]) -> None:
    """Insert ``el`` where the schema's sequence puts it (Word rejects misordered XML)."""
    name = el.tag.split("}")[1]
    later = order[order.index(name) + 1:]
    for i, child in enumerate(parent):
        if child.tag.split("}")[1] in later:
            parent.insert(i, el)
            return
    parent.append(el)


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


def repeat_header(row: Any) -> None:
    """Mark a table row as a header row repeated at the top of every page."""
    row._tr.get_or_add_trPr().append(_el("w:tblHeader", val="true"))


def cant_split(row: Any) -> None:
    """Keep a table row from breaking across pages."""
    row._tr.get_or_add_trPr().append(_el("w:cantSplit", val="true"))


def shade_cell(cell: Any, fill: str) -> None:
    """Fill a table cell with ``#RRGGBB``."""
    tc_pr = cell._tc.get_or_add_tcPr()
    tc_pr.append(_el("w:shd", val="clear", color="auto", fill=fill.lstrip("#")))


def shade_run(run: Any, fill: str) -> None:
    """Fill the background of a run of text with ``#RRGGBB``."""
    run._r.get_or_add_rPr().append(_el("w:shd", val="clear", color="auto",
                                       fill=fill.lstrip("#")))


def set_column_widths(table: Any, widths_twips: list[int]) -> None:
    """Fix a table's column widths (grid, cells and total) so every client agrees."""
    tbl = table._tbl
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths_twips, strict=True):
        col.set(qn("w:w"), str(width))
    tbl_pr = tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblW")) + tbl_pr.findall(qn("w:tblLayout")):
        tbl_pr.remove(old)
    _insert_in_order(tbl_pr, _el("w:tblW", w=str(sum(widths_twips)), type="dxa"), _TBLPR_ORDER)
    _insert_in_order(tbl_pr, _el("w:tblLayout", type="fixed"), _TBLPR_ORDER)


def table_caption(table: Any, caption: str, description: str = "") -> None:
    """Give a table its accessible title and description (Word's table alt text)."""
    tbl_pr = table._tbl.tblPr
    _insert_in_order(tbl_pr, _el("w:tblCaption", val=caption), _TBLPR_ORDER)
    if description:
        _insert_in_order(tbl_pr, _el("w:tblDescription", val=description), _TBLPR_ORDER)


def add_hyperlink(paragraph: Any, url: str, text: str, colour: str = "1D70B8") -> Any:
    """Append a real external hyperlink with underlined, coloured text."""
    part = paragraph.part
    r_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = _el("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = _el("w:r")
    rpr = _el("w:rPr")
    rpr.append(_el("w:color", val=colour.lstrip("#")))
    rpr.append(_el("w:u", val="single"))
    run.append(rpr)
    t = _el("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)
    return link


def set_alt_text(inline_shape: Any, description: str, title: str = "") -> None:
    """Set the alternative text (``descr``) a screen reader reads for a picture."""
    doc_pr = inline_shape._inline.docPr
    doc_pr.set("descr", description)
    if title:
        doc_pr.set("title", title)


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


def fix_zip_times(data: bytes, when: datetime) -> bytes:
    """Rewrite a zip (DOCX) with every entry dated ``when``: reproducible bytes."""
    stamp = max(when.utctimetuple()[:6], (1980, 1, 1, 0, 0, 0))
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
