"""The DOCX renderer (python-docx): real styles from a reference document, editable in Word."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docx.shared import RGBColor
from lxml import etree

from peeldocs import blocks as b
from peeldocs.renderers.base import RenderSettings
from peeldocs.renderers.docx import xml as x
from peeldocs.renderers.docx.body import BodyWriter
from peeldocs.renderers.docx.flow import keep_tail
from peeldocs.renderers.docx.markup import NAMESPACES, columns_props, with_language
from peeldocs.renderers.docx.package import (
    PartFooters,
    cover_without_running_header,
    header_and_footer,
    own_numbering,
)
from peeldocs.renderers.docx.template import copy_document, prepared
from peeldocs.resources import templates_root
from peeldocs.textclean import printable


def reference_path(options: RenderSettings) -> Path:
    """Return the reference document whose styles and page setup the pack takes."""
    return options.reference_docx or templates_root() / "docx" / "reference.docx"


def _section_properties(reference: Any, landscape: bool, keep_headers: bool,
                        footer: str = "") -> tuple[str, float]:
    """Return a serialised ``w:sectPr`` in the wanted orientation, and its text width (pt).

    ``footer``: the relationship id of the footer of a part numbered on its own (from
    page 1).  The text declares no namespace its document's root declares: it goes
    into that document's XML as it is.
    """
    sect = copy.deepcopy(reference)
    size = sect.find(qn("w:pgSz"))
    width, height = int(size.get(qn("w:w"))), int(size.get(qn("w:h")))
    if (width > height) != landscape:
        width, height = height, width
        size.set(qn("w:w"), str(width))
        size.set(qn("w:h"), str(height))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    else:
        size.attrib.pop(qn("w:orient"), None)
    if not keep_headers:
        for ref in sect.findall(qn("w:headerReference")) + sect.findall(qn("w:footerReference")):
            sect.remove(ref)
        for first_page in sect.findall(qn("w:titlePg")):  # only the cover's first page differs
            sect.remove(first_page)
    if footer:
        own_numbering(sect, footer)
    margins = sect.find(qn("w:pgMar"))
    left = int(margins.get(qn("w:left"))) if margins is not None else 1134
    right = int(margins.get(qn("w:right"))) if margins is not None else 1134
    text = x.without_declared(etree.tostring(sect, encoding="unicode"), reference.nsmap)
    return text, (width - left - right) / 20


def _text_height(reference: Any, landscape: bool) -> float:
    """Return the height (pt) of a page's text area in the given orientation."""
    size, margins = reference.find(qn("w:pgSz")), reference.find(qn("w:pgMar"))
    sides = [int(size.get(qn("w:w"))), int(size.get(qn("w:h")))]
    top = int(margins.get(qn("w:top"))) if margins is not None else 1247
    bottom = int(margins.get(qn("w:bottom"))) if margins is not None else 1134
    return ((min(sides) if landscape else max(sides)) - abs(top) - abs(bottom)) / 20


COLUMN_GAP_PT = 18.0  # between the columns of a table laid out side by side


AHEAD = 8
"""How many blocks ahead (this one counted) a block is written knowing: all that lies between
a finding's heading and its table in the s.55 response (read 23-S: with two, its quotation
ended a page and its table began the next).  A constant: writing stays linear."""
_TINY = ('<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
         '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>')
"""A paragraph a point high, for the empty ones that close a part numbered apart."""


class DocxRenderer:
    """Render a pack as a Word document styled by a reference document."""

    name = "docx"
    suffix = ".docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    needs_page_numbers = True
    """Word shows a contents field's stored page number until its fields are updated, and
    asks the reader before updating them on opening: the build gives the contents the
    pages of a print layout (:attr:`peeldocs.blocks.Contents.pages`) to store."""

    def render(self, pack: b.Pack, options: RenderSettings) -> bytes:
        """Return the DOCX bytes of ``pack``."""
        meta = pack.metadata
        template = prepared(reference_path(options), meta.language)
        document = copy_document(template)
        style_ids = template.style_ids
        body = document.element.body
        parts = PartFooters(document, meta, options.theme, style_ids)
        if not any(s.orientation is b.Orientation.LANDSCAPE for s in pack.sections):
            parts.width = round(20 * _section_properties(body.find(qn("w:sectPr")), False, True)[1])
        header_and_footer(document, meta, options.theme, style_ids, parts.main_total(pack),
                          parts.width)
        if pack.sections and pack.sections[0].name == "cover":
            def bold_marking(run: Any) -> None:
                fill, ink = options.theme.tone(b.Tone.AMBER)
                placeholder = meta.marking.startswith("{")
                run.bold = True
                run.font.color.rgb = RGBColor.from_string(
                    (ink if placeholder else options.theme.text).lstrip("#").upper())
                if placeholder:  # highlighted as every placeholder in the text is
                    shading = run._r.get_or_add_rPr().makeelement(qn("w:shd"), {
                        qn("w:val"): "clear", qn("w:color"): "auto",
                        qn("w:fill"): fill.lstrip("#")})
                    run._r.get_or_add_rPr().append(shading)

            cover_without_running_header(document, printable(meta.marking), bold_marking, style_ids)
        final = body.find(qn("w:sectPr"))
        declared = document.element.nsmap
        missing = {p: u for p, u in NAMESPACES.items() if declared.get(p) != u and p != "pic"}
        writer = BodyWriter(document, options.theme, pack, style_ids, 0.0)
        # as lxml placed them when the body was moved in: the drawing namespaces on
        # the chart's paragraph, any other on the root
        writer.drawing_ns = " ".join(f'xmlns:{p}="{missing.pop(p)}"' for p in ("wp", "a")
                                     if p in missing)
        orientations = [s.orientation is b.Orientation.LANDSCAPE for s in pack.sections] or [False]
        # the headings the print layout opens a page with: the contents' numbers are its pages
        starts = {a for blk in pack.blocks() if isinstance(blk, b.Contents) for a in blk.starts}
        continuing = False  # the part of a section after a table in columns: no new page
        start = 0
        before_part = ""  # the section properties of the pages before a part numbered apart
        for i, section in enumerate(pack.sections):
            if i:  # a section break paragraph carries the properties of the section it ends
                sect, _ = _section_properties(final, orientations[i - 1], keep_headers=i == 1,
                                              footer=parts.footer)
                keep_tail(writer.parts, start, writer.width_pt, writer.page_pt)
                writer.section_break(columns_props(sect, 1, continuous=True) if continuing
                                     else sect, parts.end() if parts.apart else "")
                if parts.apart:  # the pages after a part are numbered on their own
                    parts.start("")
                continuing = False
            _, writer.width_pt = _section_properties(final, orientations[i], True)
            narrow = orientations[i] and section.narrow_text  # text as wide as a portrait page's
            writer.indent_right = round(20 * (writer.width_pt - _section_properties(
                final, False, True)[1])) if narrow else 0
            writer.page_pt = _text_height(final, orientations[i])
            start, blocks = len(writer.parts), section.blocks
            writer.limited = section.page_limit is not None
            lang = section.language if section.language != meta.language else ""
            for n, block in enumerate(blocks):
                if i and isinstance(block, b.Table) and block.side_by_side > 1 \
                        and len(block.rows) > 2 * block.side_by_side:
                    continuing = self._in_columns(writer, block, blocks[n + 1:n + 3], final,
                                                  orientations[i], continuing, lang)
                    continue
                if isinstance(block, b.PageBreak):  # what ends before a break fills its page
                    keep_tail(writer.parts, start, writer.width_pt, writer.page_pt)
                if isinstance(block, b.PageBreak) and block.numbered_apart:  # a new section
                    sect, _ = _section_properties(final, orientations[i], not i, parts.footer)
                    writer.section_break(sect, parts.end())
                    before_part = sect
                    parts.start(block.numbered_apart)
                    start = len(writer.parts)
                    continue
                written = writer.block(block, blocks[n + 1:n + AHEAD])
                if isinstance(block, b.Heading) and block.anchor in starts and n \
                        and not writer.limited:  # a page the print layout starts here
                    written = written.replace("<w:keepNext/>", "<w:keepNext/><w:pageBreakBefore/>",
                                              1)
                writer.parts.append(with_language(written, lang))
                if isinstance(block, b.PageBreak):
                    start = len(writer.parts)
        if not writer.limited:  # a page-limited section's tail kept together only spills
            keep_tail(writer.parts, start, writer.width_pt, writer.page_pt)  # the last page too
        tail = parts.apart and not continuing and before_part
        if tail:  # a part at the end: deleting it (to the end) leaves the pages before as they were
            last, _ = _section_properties(final, orientations[-1], len(orientations) == 1,
                                          parts.footer)
            # both closing paragraphs a point high: a full last page never spills onto an
            # empty one of their own ("Notes, page 2 of 1" in LibreOffice, read 29-S)
            writer.parts.append(f"<w:p><w:pPr>{_TINY}{last}</w:pPr>{parts.end()}</w:p>")
            writer.parts.append(f"<w:p><w:pPr>{_TINY}</w:pPr></w:p>")
            last = columns_props(before_part, 1, continuous=True)
        elif writer.parts:  # in the last paragraph with text: an empty one at the end may be dropped
            writer.parts[-1] = parts.end_in(writer.parts[-1])
        if writer.parts and writer.parts[-1].endswith("</w:tbl>"):
            writer.parts.append("<w:p/>")  # Word needs a paragraph between a table and the end
        if not tail:
            last, _ = _section_properties(final, orientations[-1], len(orientations) == 1,
                                          parts.footer)
        if continuing:
            last = columns_props(last, 1, continuous=True)
        x.replace_body(document, "".join(writer.parts) + last,
                       " ".join(f'xmlns:{p}="{u}"' for p, u in missing.items()))
        props = document.core_properties
        props.title, props.subject = printable(meta.title), printable(meta.subject)
        props.author = printable(meta.author)
        props.keywords = printable(", ".join(meta.keywords))
        props.language = meta.language
        props.last_modified_by = meta.author
        props.comments = printable(meta.rights)
        created = meta.created.replace(tzinfo=None)
        props.created = props.modified = created
        props.revision = 1
        return x.save_reproducibly(document, meta.created, template.deflated)

    @staticmethod
    def _in_columns(writer: BodyWriter, block: b.Table, after: tuple[b.Block, ...], final: Any,
                    landscape: bool, continuing: bool, lang: str) -> bool:
        """Write a long, narrow table in columns of rows: a section of its own on the same page.

        Word and LibreOffice balance the columns and repeat the header row at the
        head of each.  Return True: what follows continues on the same page.
        """
        here, width = _section_properties(final, landscape, keep_headers=False)
        n = block.side_by_side
        writer.section_break(columns_props(here, 1, continuous=continuing))
        writer.width_pt = (width - COLUMN_GAP_PT * (n - 1)) / n
        try:
            writer.parts.append(with_language(writer.block(block, after), lang))
        finally:
            writer.width_pt = width
        writer.section_break(columns_props(here, n, continuous=True))
        return True
