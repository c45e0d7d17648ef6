"""The DOCX renderer (python-docx): real styles from a reference document, editable in Word."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from peeldocs import blocks as b
from peeldocs.errors import RenderError, UnsupportedBlockError
from peeldocs.options import Options
from peeldocs.renderers import docx_xml as x
from peeldocs.renderers.chart_png import chart_png
from peeldocs.resources import templates_root
from peeldocs.textclean import printable
from peeldocs.theme import Theme

ROLE_STYLES = {b.ParaStyle.BODY: "Normal", b.ParaStyle.LEAD: "Subtitle",
               b.ParaStyle.QUOTE: "Quote", b.ParaStyle.SMALL: "Small Print"}
PARAGRAPH_STYLES = ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Quote",
                    "List Bullet", "List Number", "Caption", "TOC Heading", "toc 1", "toc 2",
                    "Small Print", "Table Text", "Judgment")
TABLE_STYLE = "Peeldocs Table"


def clean(text: str) -> str:
    """Make text storable in XML: control characters become U+FFFD, never vanish."""
    return printable(text)


def reference_path(options: Options) -> Path:
    """Return the reference document whose styles and page setup the pack takes."""
    return options.reference_docx or templates_root() / "docx" / "reference.docx"


def ensure_styles(document: Any) -> None:
    """Add any style the pack uses that a user's reference document lacks."""
    names = {s.name for s in document.styles}
    for name in PARAGRAPH_STYLES:
        if name not in names:
            style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = document.styles["Normal"]
    if TABLE_STYLE not in names:
        style = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
        if "Table Grid" in names:
            style.base_style = document.styles["Table Grid"]


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


class _Writer:
    """Walks blocks into one python-docx document."""

    def __init__(self, document: Any, theme: Theme, pack: b.Pack) -> None:
        self.doc = document
        self.theme = theme
        self.pack = pack
        self.break_before = False
        self.after_heading = False
        # python-docx looks styles up by a linear scan on every assignment; do it once
        self.style_ids = {st.name: st.style_id for st in document.styles}
        default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.default_style = default.name if default is not None else "Normal"

    # -- helpers ---------------------------------------------------------
    def width_pt(self) -> float:
        section = self.doc.sections[-1]
        return float((section.page_width - section.left_margin - section.right_margin) / 12700)

    def paragraph(self, container: Any, style: str, first: Any = None) -> Any:
        para = first if first is not None else container.add_paragraph()
        para._p.style = None if style == self.default_style else self.style_ids[style]
        if self.break_before:
            para.paragraph_format.page_break_before = True
            self.break_before = False
        return para

    def runs(self, para: Any, runs: tuple[b.Inline, ...], colour: str | None = None) -> None:
        for run in runs:
            if isinstance(run, b.Link):
                x.add_hyperlink(para, run.url, clean(run.text), self.theme.accent)
                continue
            r = para.add_run(clean(run.text))
            r.bold = run.bold or None
            r.italic = run.italic or None
            if colour:
                r.font.color.rgb = _rgb(colour)

    # -- blocks ----------------------------------------------------------
    def block(self, container: Any, block: b.Block) -> None:
        """Write one block into ``container`` (the document body or a table cell)."""
        follows_heading, self.after_heading = self.after_heading, isinstance(block, b.Heading)
        theme = self.theme
        match block:
            case b.Heading():
                style = "Title" if block.anchor == "cover" else f"Heading {block.level}"
                para = self.paragraph(container, style)
                para.paragraph_format.keep_with_next = True  # also for references lacking it
                para.add_run(clean(block.text))
            case b.Paragraph():
                para = self.paragraph(container, ROLE_STYLES[block.style])
                if follows_heading and block.style is not b.ParaStyle.QUOTE:
                    para.paragraph_format.keep_with_next = True  # a short lead-in
                self.runs(para, block.runs)
            case b.BulletList():
                style = "List Number" if block.ordered else "List Bullet"
                for item in block.items:
                    self.runs(self.paragraph(container, style), item)
            case b.Table():
                self.table(container, block)
            case b.GradeBadge():
                fill, ink = theme.tone(block.tone)
                para = self.paragraph(container, "Judgment")
                para.paragraph_format.keep_with_next = True
                key = para.add_run("Judgment: ")
                key.font.color.rgb = _rgb(theme.muted)
                label = para.add_run(f"\u00a0{clean(block.label)}\u00a0")
                label.bold = True
                label.font.color.rgb = _rgb(ink)
                x.shade_run(label, fill)
                if block.note:
                    note = para.add_run(f"  {clean(block.note)}")
                    note.italic = True
                    note.font.color.rgb = _rgb(theme.muted)
            case b.StatPanel():
                self.stats(container, block)
            case b.Figure():
                png, w_pt, _h = chart_png(block.chart, min(self.width_pt(), 480.0), theme)
                para = self.paragraph(container, "Normal")
                para.paragraph_format.keep_with_next = True
                shape = para.add_run().add_picture(io.BytesIO(png), width=Pt(w_pt))
                x.set_alt_text(shape, clean(block.alt), clean(block.caption))
                caption = self.paragraph(container, "Caption")
                caption.add_run(clean(block.caption))
            case b.Callout():
                fill, _ink = theme.tone(block.tone)
                table = container.add_table(rows=1, cols=1)
                table._tbl.tblPr.style = self.style_ids[TABLE_STYLE]
                x.table_caption(table, clean(block.title))
                cell = table.rows[0].cells[0]
                x.shade_cell(cell, fill)
                title = self.paragraph(cell, "Normal", first=cell.paragraphs[0])
                title.add_run(clean(block.title)).bold = True
                for child in block.body:
                    self.block(cell, child)
                container.add_paragraph().paragraph_format.space_after = Pt(2)
            case b.PageBreak():
                self.break_before = True
            case b.Contents():
                self.contents(container, block)
            case _:
                raise UnsupportedBlockError(
                    f"the docx renderer cannot write a {type(block).__name__} block")

    def table(self, container: Any, block: b.Table) -> None:
        theme = self.theme
        n_cols = len(block.widths)
        table = container.add_table(rows=0, cols=n_cols)
        table._tbl.tblPr.style = self.style_ids[TABLE_STYLE]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        x.table_caption(table, clean(block.caption))
        total = sum(block.widths)
        widths = [Pt(self.width_pt() * w / total) for w in block.widths]
        x.set_column_widths(table, [int(w.twips) for w in widths])
        for r, row in enumerate((*block.header, *block.rows)):
            is_head = r < len(block.header)
            tr = table.add_row()
            x.cant_split(tr)
            if is_head:
                x.repeat_header(tr)
            for c, (cell, value) in enumerate(zip(tr.cells, row, strict=True)):
                cell.width = widths[c]
                para = self.paragraph(cell, "Table Text", first=cell.paragraphs[0])
                if c in block.numeric_columns and not is_head:
                    para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                colour = None
                if is_head:
                    x.shade_cell(cell, theme.table_header_fill)
                    colour = theme.table_header_text
                elif value.tone is not None:
                    fill, colour = theme.tone(value.tone)
                    x.shade_cell(cell, fill)
                runs = tuple(b.Text(t.text, bold=True) if is_head and isinstance(t, b.Text)
                             else t for t in value.runs)
                self.runs(para, runs, colour)
        container.add_paragraph().paragraph_format.space_after = Pt(2)

    def stats(self, container: Any, block: b.StatPanel) -> None:
        table = container.add_table(rows=1, cols=max(1, len(block.items)))
        table._tbl.tblPr.style = self.style_ids[TABLE_STYLE]
        x.table_caption(table, "Headline numbers")
        for cell, item in zip(table.rows[0].cells, block.items, strict=False):
            fill, ink = self.theme.tone(item.tone)
            x.shade_cell(cell, fill)
            value = self.paragraph(cell, "Table Text", first=cell.paragraphs[0])
            run = value.add_run(clean(item.value))
            run.bold = True
            run.font.size = Pt(20)
            run.font.color.rgb = _rgb(ink)
            label = self.paragraph(cell, "Table Text")
            label.add_run(clean(item.label)).font.color.rgb = _rgb(ink)
        container.add_paragraph().paragraph_format.space_after = Pt(2)

    def contents(self, container: Any, block: b.Contents) -> None:
        self.paragraph(container, "TOC Heading").add_run(clean(block.title))
        entries = [blk for sec in self.pack.sections for blk in sec.blocks
                   if isinstance(blk, b.Heading) and blk.in_contents and blk.level <= 2]
        if not entries:
            entries = [b.Heading(1, "Update this field to list the headings", "none")]
        paras = []
        for entry in entries:
            para = self.paragraph(container, f"toc {entry.level}")
            paras.append(para)
        x.add_field(paras[0], 'TOC \\o "1-2" \\h \\z \\u', clean(entries[0].text),
                    result_paragraphs=paras)
        for para, entry in zip(paras[1:], entries[1:], strict=True):
            para.add_run(clean(entry.text))


def _header_footer(document: Any, meta: b.Metadata, theme: Theme) -> None:
    section = document.sections[0]
    header, footer = section.header, section.footer
    blank = all(not p.text.strip() for p in header.paragraphs) and not header._element.findall(
        ".//" + qn("w:drawing"))
    para = header.paragraphs[0] if blank else header.add_paragraph()
    para.style = document.styles["Header"]
    if meta.marking:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(clean(meta.marking))
        run.bold = True
        run.font.color.rgb = _rgb(theme.text)
        para = header.add_paragraph(style=document.styles["Header"])
    para.add_run(clean(meta.running_title))
    fpara = footer.paragraphs[0] if all(not p.text.strip() for p in footer.paragraphs) \
        else footer.add_paragraph()
    fpara.style = document.styles["Footer"]
    fpara.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fpara.add_run("Page ")
    x.add_field(fpara, "PAGE", "1")
    fpara.add_run(" of ")
    x.add_field(fpara, "NUMPAGES", "1")
    if meta.marking:
        mark = footer.add_paragraph(style=document.styles["Footer"])
        mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = mark.add_run(clean(meta.marking))
        run.bold = True
        run.font.color.rgb = _rgb(theme.text)


def _new_section(document: Any, landscape: bool) -> None:
    """Start a new page in a new section, in the given orientation (margins kept)."""
    previous = document.sections[-1]
    was_landscape = previous.page_width > previous.page_height
    section = document.add_section(WD_SECTION.NEW_PAGE)
    if was_landscape != landscape:
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = section.page_height, section.page_width


class DocxRenderer:
    """Render a pack as a Word document styled by a reference document."""

    name = "docx"
    suffix = ".docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def render(self, pack: b.Pack, options: Options) -> bytes:
        """Return the DOCX bytes of ``pack``."""
        ref = reference_path(options)
        try:
            document = docx.Document(str(ref))
        except Exception as exc:  # python-docx raises several types for a bad package
            raise RenderError(f"{ref}: not a usable reference document: {exc}") from exc
        body = document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        ensure_styles(document)
        meta = pack.metadata
        x.set_language(document, meta.language)
        _header_footer(document, meta, options.theme)
        writer = _Writer(document, options.theme, pack)
        for i, section in enumerate(pack.sections):
            landscape = section.orientation is b.Orientation.LANDSCAPE
            if i:
                _new_section(document, landscape)
            elif landscape:
                first = document.sections[0]
                first.orientation = WD_ORIENT.LANDSCAPE
                first.page_width, first.page_height = first.page_height, first.page_width
            for block in section.blocks:
                writer.block(document, block)
        props = document.core_properties
        props.title, props.subject = clean(meta.title), clean(meta.subject)
        props.author = clean(meta.author)
        props.keywords = clean(", ".join(meta.keywords))
        props.language = meta.language
        props.last_modified_by = meta.author
        props.comments = "Contains public sector information licensed under the Open Government Licence v3.0."
        created = meta.created.replace(tzinfo=None)
        props.created = props.modified = created
        props.revision = 1
        x.update_fields_on_open(document)
        buf = io.BytesIO()
        document.save(buf)
        return x.fix_zip_times(buf.getvalue(), meta.created)
