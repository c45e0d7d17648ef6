"""The document body of a DOCX pack, written as WordprocessingML text in one pass.

Writing the body as text and parsing it once is about five times faster than python-docx's
object API.  The package is still python-docx's; the pieces (runs, fields, call-out borders)
come from :mod:`peeldocs.renderers.docx.markup`, whose escaping all report text passes through.
"""

from __future__ import annotations

import re
from typing import Any

from peeldocs import blocks as b
from peeldocs.errors import UnsupportedBlockError
from peeldocs.renderers.base import keep_dates
from peeldocs.renderers.docx import flow, keeps, markup
from peeldocs.renderers.docx.markup import FIELD_END, callout_props, field, link_run, run, table_xml
from peeldocs.theme import Theme

ROLE_STYLES = {b.ParaStyle.BODY: "Normal", b.ParaStyle.LEAD: "Subtitle",
               b.ParaStyle.QUOTE: "Quote", b.ParaStyle.SMALL: "Small Print"}

KEEP_WHOLE_ROWS = 6  # a table of this many rows or fewer never splits across pages
SHORT_TABLE = 0.5  # a table too short to keep its start and tail apart: whole up to this share


class BodyWriter:
    """Walks blocks into body XML text; ``parts`` collects it in order."""

    def __init__(self, document: Any, theme: Theme, pack: b.Pack, style_ids: dict[str, str],
                 width_pt: float) -> None:
        self.doc, self.theme, self.pack, self.style_ids = document, theme, pack, style_ids
        self.indent_right, self.width_pt = 0, width_pt  # twips narrower text (a readable line)
        self.page_pt = 723.0  # the height of the page's text area, set for each section
        self.parts: list[str] = []
        self.after_heading, self.lead, self.after_table = False, 0, False
        self.heading_level = 0  # the level of the last heading written
        self.box = ""  # border and shading of the call-out being written, if any
        self.space_next, self.drawings, self.marks, self.onward = False, 0, 0, False
        self.prior: b.Block | None = None  # the block written before this one
        self.drawing_ns = ""  # declarations a chart's paragraph makes (``xmlns:a="..."``)
        self.bookmarks: dict[str, str] = {}
        self.following: b.Block | None = None  # the block after the one being written
        self.after: tuple[b.Block, ...] = ()  # and all the blocks after it in its section
        self.limited = False  # writing a section with a page limit (the one-page brief)

    def para(self, style: str, content: str, *, keep_next: bool = False,
             align: str | None = None) -> str:
        """Return a paragraph in a named style (inside a call-out, bordered and shaded)."""
        props = f'<w:pStyle w:val="{self.style_ids[style]}"/>' if style != "Normal" else ""
        props += "<w:keepNext/>" if keep_next else ""
        props += self.box
        props += flow.spacing(style, self.space_next, self.limited)  # after a table; on a brief
        props += markup.indent(style, bool(self.box), 0 if style.startswith("Table Text")
                               else self.indent_right)  # a cell keeps its column’s width
        self.space_next = False
        props += f'<w:jc w:val="{align}"/>' if align else ""
        return f"<w:p><w:pPr>{props}</w:pPr>{content}</w:p>" if props else f"<w:p>{content}</w:p>"

    def bookmark(self, anchor: str) -> str:
        """Return the (hidden) bookmark name for a heading's anchor, unique in the document."""
        if anchor not in self.bookmarks:
            stem = "_Toc_" + re.sub(r"[^A-Za-z0-9_]", "_", anchor)[:30]
            name, n = stem, 1
            while name in self.bookmarks.values():
                n, name = n + 1, f"{stem}_{n + 1}"
            self.bookmarks[anchor] = name
        return self.bookmarks[anchor]

    def inline(self, runs: tuple[b.Inline, ...], colour: str | None = None, whole: bool = True) -> str:
        """Return runs (and real hyperlinks); dates kept ``whole`` (read 24-B), not in table cells."""
        out = []
        for item in runs:
            if isinstance(item, b.Link):
                from docx.opc.constants import RELATIONSHIP_TYPE

                rid = self.doc.part.relate_to(item.url, RELATIONSHIP_TYPE.HYPERLINK,
                                              is_external=True)
                out.append(f'<w:hyperlink r:id="{rid}">'
                           f"{link_run(item.text, self.theme.accent)}</w:hyperlink>")
            elif isinstance(item, b.Placeholder):
                fill, ink = self.theme.tone(b.Tone.AMBER)
                out.append(run(item.shown, bold=True, colour=ink, fill=fill, lang=item.lang))
            else:
                out.append(run(keep_dates(item.text) if whole else item.text,
                               bold=item.bold, italic=item.italic, colour=colour, lang=item.lang))
        return "".join(out)

    def block(self, block: b.Block, after: tuple[b.Block, ...] = ()) -> str:
        """Return the XML of one block; ``after`` is the blocks after it in its section.

        No empty paragraph is used for spacing: only two tables in a row are
        kept apart by one, as Word needs.
        """
        self.following = after[0] if after else None
        self.after = after
        follows_table, onward, self.onward = self.after_table, self.onward, False
        self.after_table = isinstance(block, b.Table)
        self.space_next = follows_table and not self.after_table
        xml = self._block(block)
        self.prior = block
        self.space_next = False
        if follows_table and isinstance(block, b.Table):  # kept with it after a table kept onward
            xml = f'<w:p><w:pPr>{"<w:keepNext/>" * onward}<w:spacing w:after="0"/></w:pPr></w:p>' + xml
        return xml

    def _block(self, block: b.Block) -> str:
        follows_heading, self.after_heading = self.after_heading, isinstance(block, b.Heading)
        in_lead, self.lead = self.lead, 1 if isinstance(block, b.Heading) else \
            self.lead + 1 if 0 < self.lead <= 2 and isinstance(block, b.Paragraph) else 0  # a lead
        theme = self.theme
        match block:
            case b.Heading():
                style = "Title" if block.anchor == "cover" else f"Heading {block.level}"
                self.marks += 1
                mark_id = self.marks
                mark = (f'<w:bookmarkStart w:id="{mark_id}" '
                        f'w:name="{self.bookmark(block.anchor)}"/>{run(block.text, lang=block.lang)}'
                        f'<w:bookmarkEnd w:id="{mark_id}"/>')
                if block.anchor == "cover":  # never break a title before a number
                    mark = re.sub(r" (?=\d)", "\u00a0", mark)
                self.heading_level = block.level
                return self.para(style, mark, keep_next=True)
            case b.Paragraph():
                # The first paragraph under a heading stays with what it introduces, but not
                # with a further heading: a chain of headings and one-paragraph sections kept
                # together is longer than Word and LibreOffice honour (a heading stranded).
                # A paragraph just before a table introduces it and stays with it; so do a
                # short lead-in before a first sub-heading (one link) and one before a list.
                content = self.inline(block.runs)
                keep = (follows_heading and block.style is not b.ParaStyle.QUOTE
                        and self.following is not None
                        and not isinstance(self.following, b.Heading)
                        ) or keeps.leads_to_table(self.after) or keeps.kept_with_table(self.after) or (
                    follows_heading and isinstance(self.following, b.Heading)
                    and self.following.level > self.heading_level
                    and keeps.lead_in(content, self.width_pt)) or keeps.quote_answered(
                    block, self.after) or (0 < in_lead <= 2 and isinstance(self.following,
                                                                           b.BulletList)
                                           ) or keeps.opens(block, self.following) or \
                    keeps.answers_onward(self.prior, block, self.after, self.heading_level)
                return self.para(ROLE_STYLES[block.style], content, keep_next=keep)
            case b.NumberedParagraph():
                opens = keeps.opens(block, self.following)  # with what it introduces
                keep_next = "<w:keepNext/>" if keeps.leads_to_table(self.after) or opens else ""
                space = flow.spacing("Normal", self.space_next, self.limited)  # after a table too
                self.space_next = False
                return markup.hanging(block.number, self.inline(block.runs), keep_next + space)
            case b.BulletList() if block.labels:  # each item's label as text, under 2.1's text
                kept = keeps.list_keeps(block.items, keeps.kept_with_table(self.after))
                return markup.labelled(block.labels, [(self.inline(i), k) for i, k in kept])
            case b.BulletList():
                style = "List Number" if block.ordered else "List Bullet"
                style += " 2" if block.level and f"{style} 2" in self.style_ids else ""  # indented
                to_table = keeps.kept_with_table(self.after)  # then kept whole, lead or not
                kept = keeps.list_keeps(block.items, to_table, in_lead > 1 and not to_table)
                paras = [self.para(style, self.inline(i), keep_next=k) for i, k in kept]
                if isinstance(self.following, b.BulletList) and paras:  # its sub-list, or the list
                    paras[-1] = markup.no_space_after(paras[-1])  # it is under: no gap (read 33)
                return "".join(paras)
            case b.Table():
                return self.table(block)
            case b.GradeBadge():
                fill, ink = theme.tone(block.tone)
                content = (run(f"{block.key}: ", colour=theme.muted, lang=block.lang) +
                           run(f"\u00a0{block.label}\u00a0", bold=True, colour=ink, fill=fill,
                               lang=block.lang))
                if block.note:
                    content += run(f"  {block.note}", italic=True, colour=theme.muted,
                                   lang=block.lang)
                return self.para("Judgment", content, keep_next=True)
            case b.StatPanel():  # shaded paragraphs, one per number: no layout table
                out = []
                for item in block.items:
                    fill, ink = theme.tone(item.tone)
                    self.box = callout_props(fill, ink)
                    out.append(self.para("Normal", run(item.value, bold=True, colour=ink, size=16)
                                         + run(f" {item.label}", colour=ink)))
                self.box = ""
                return "".join(out)
            case b.Figure():
                return self.figure(block)
            case b.Callout():  # bordered, shaded paragraphs: no layout table
                fill, ink = theme.tone(block.tone)
                outer, self.box = self.box, callout_props(fill, self.theme.muted if fill else ink)
                table_next = isinstance(self.following, b.Table)  # set apart, as in the PDF
                self.following, self.after = None, ()  # a call-out's paragraphs keep to it
                try:
                    # a heading where it is one (the navigation pane lists it), looking as a
                    # label does: body size and colour, no space above it in the box
                    lvl, box = block.level, self.box
                    self.box += '<w:spacing w:before="0"/>' if lvl else ""
                    inner = self.para(f"Heading {lvl}" if lvl else "Normal", run(
                        block.title, bold=True, lang=block.lang, colour=theme.text if lvl else None,
                        size=theme.base_size if lvl else None), keep_next=True)
                    self.box = box
                    inner += flow.keep_short_group("".join(self._block(c) for c in block.body),
                                              self.width_pt, self.page_pt)
                finally:
                    self.box = outer
                return keeps.space_after(inner, 280) if table_next else inner
            case b.PageBreak():
                return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
            case b.Contents():
                return self.contents(block)
            case _:
                raise UnsupportedBlockError(
                    f"the docx renderer cannot write a {type(block).__name__} block")

    def table(self, block: b.Table) -> str:
        """Return a data table: header rows repeat, rows never split, tones shade cells."""
        theme, text = self.theme, "Table Text Body" if block.body_size else "Table Text"
        total = sum(block.widths)
        widths = [self.width_pt * w / total for w in block.widths]
        rows: list[tuple[bool, list[tuple[str, str | None]]]] = []
        cells: list[tuple[str, str | None]]
        for row in block.header:  # a numeric column's heading aligns with its numbers
            cells = [(self.para(text, "".join(
                run(r.text, bold=True, colour=theme.table_header_text) if isinstance(r, b.Text)
                else self.inline((r,), theme.table_header_text, False) for r in cell.runs),
                align="right" if i in block.numeric_columns else None),
                theme.table_header_fill) for i, cell in enumerate(row)]
            rows.append((True, cells))
        for r, row in enumerate(block.rows):
            cells = []
            strong = r in block.highlight_rows
            for i, cell in enumerate(row):
                fill, ink = theme.tone(cell.tone) if cell.tone is not None else (None, None)
                align = "right" if i in block.numeric_columns else None
                runs = tuple(b.Text(x.text, bold=True, italic=x.italic)
                             if strong and isinstance(x, b.Text) else x for x in cell.runs)
                cells.append((self.para(text, self.inline(runs, ink, False), align=align), fill))
            rows.append((False, cells))
        framed = frozenset(len(block.header) + r for r in block.highlight_rows)
        sized = [[(content, w) for (content, _fill), w in zip(cells, widths, strict=True)]
                 for _head, cells in rows]
        grouped = flow.start_and_tail(sized, len(block.header), self.page_pt, block.grouped_rows)
        # few short rows; too few for a start and a tail (read 23-S); kept with its heading
        whole = (len(rows) <= KEEP_WHOLE_ROWS and flow.short_enough(sized, self.page_pt)) or (
            len(block.rows) <= flow.START_ROWS + flow.TAIL_ROWS
            and flow.short_enough(sized, self.page_pt, SHORT_TABLE)) or (
            block.keep_with_heading and flow.short_enough(sized, self.page_pt, flow.KEPT_WHOLE))
        self.onward = keeps.table_onward(self.following, whole)  # with a table under it
        return table_xml(block.caption, widths, rows, style_id=self.style_ids["Peeldocs Table"],
                         rule=theme.text, whole=whole, framed=framed, grouped=grouped,
                         onward=self.onward)

    def figure(self, block: b.Figure) -> str:
        """Return the chart as a native Word chart (with its workbook and alt text), and its caption."""
        from peeldocs.renderers.docx import chart as docx_chart

        width = min(self.width_pt, 480.0)
        height = docx_chart.chart_height(block.chart, width)
        rid = docx_chart.add_chart(self.doc.part, block.chart, self.theme, block.caption,
                                   self.pack.metadata.created)
        self.drawings += 1  # the body is parsed later, so python-docx cannot count drawings
        # Word shows the title (the caption) with the description: a closing sentence of the alt
        # text that the caption already says is not said twice
        alt = block.alt
        for sentence in re.split(r"(?<=[.!?])\s+", block.caption):
            if sentence and alt.endswith(" " + sentence):
                alt = alt[:-len(sentence)].rstrip()
        inline = docx_chart.inline_xml(rid, width, height, 1000 + self.drawings, block.caption,
                                       alt)
        chart = self.para("Normal", f"<w:r><w:drawing>{inline}</w:drawing></w:r>", keep_next=True)
        if self.drawing_ns:
            chart = f"<w:p {self.drawing_ns}>" + chart.removeprefix("<w:p>")
        return chart + self.para("Caption", run(block.caption))

    def contents(self, block: b.Contents) -> str:
        """Return the contents heading and an entry per heading, each a link to its heading.

        After the link, a tab (no dot leader) and a PAGEREF field whose stored result is
        the heading's page in ``block.pages`` (empty where not known): Word, never asked
        to update fields on opening (it would ask the reader first), shows that number
        until fields are updated; LibreOffice works the number out as it lays the
        document out.
        """
        known = dict(block.pages)
        entries = [blk for sec in self.pack.sections for blk in sec.blocks
                   if isinstance(blk, b.Heading) and blk.in_contents and blk.level <= 2]
        out = [self.para("TOC Heading", run(block.title))] if entries else []
        tabs = f'<w:tabs><w:tab w:val="right" w:leader="none" w:pos="{round(self.width_pt * 20)}"/></w:tabs>'
        for entry in entries:
            name = self.bookmark(entry.anchor)
            page = "<w:r><w:tab/></w:r>" + field(f"PAGEREF {name} \\h",
                                                     str(known.get(entry.anchor, ""))) + FIELD_END
            link = (f'<w:hyperlink w:anchor="{name}" w:history="1">{run(entry.text)}</w:hyperlink>'
                    f"{page}")  # the link's name is the heading's alone
            style = self.style_ids[f"toc {entry.level}"]
            out.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{tabs}</w:pPr>{link}</w:p>')
        return "".join(out)

    def section_break(self, sect_pr: str, mark: str = "") -> None:
        """End the current section with the given (serialised) section properties (and a mark)."""
        self.parts.append(f"<w:p><w:pPr>{sect_pr}</w:pPr>{mark}</w:p>")

