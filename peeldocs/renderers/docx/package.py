"""Package-level truths of a DOCX pack: what it says about itself and its page furniture.

- ``docProps/app.xml`` names peeldocs and nothing else: no application, page,
  word or line counts it did not measure (the reference document's were
  Word's, for an empty page); a thumbnail of some other page is dropped.
- Widow and orphan control is on for every paragraph.
- The cover page has no running header: its first-page header and footer
  carry only the protective marking.
- The running header (marking, title, wrapping only between its " · " phrases) and
  footer (marking, "Page X of Y"); a part numbered on its own ("Notes, page 1 of 2")
  is a section with a footer of its own, its pages numbered from 1, and each count is a page reference to a
  hidden bookmark on the last page it counts, so the document's own pages are
  counted without the part's (Word and LibreOffice update both on opening).
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

from peeldocs import blocks as b
from peeldocs.renderers.docx.markup import FIELD_END, NS, field, run
from peeldocs.renderers.docx.xml import find_or_add
from peeldocs.resources import __version__
from peeldocs.theme import Theme

APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>{application}</Application><DocSecurity>0</DocSecurity>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)
PLACE = re.compile(r"(\{[^{}]*\})")
"""A place the author completes, as every format prints it: "{to be completed: …}"."""
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def truthful_properties(document: Any) -> None:
    """Replace app.xml with what we know, and drop any inherited thumbnail."""
    package = document.part.package
    for part in package.parts:
        if str(part.partname) == "/docProps/app.xml":
            part._blob = APP_XML.format(application=escape(f"peeldocs {__version__}")).encode()
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == THUMBNAIL:
            del package.rels[rel_id]


def widow_control(document: Any) -> None:
    """Turn widow and orphan control on by default and in every paragraph style."""
    styles = document.styles.element
    defaults = find_or_add(styles, "w:docDefaults", first=True)
    ppr = find_or_add(find_or_add(defaults, "w:pPrDefault"), "w:pPr")
    if ppr.find(qn("w:widowControl")) is None:
        ppr.insert(0, OxmlElement("w:widowControl"))
    for off in styles.iter(qn("w:widowControl")):
        if off.get(qn("w:val")) in ("0", "false", "off"):
            off.set(qn("w:val"), "1")


def cover_without_running_header(document: Any, marking: str, bold_marking: Any,
                                 style_ids: dict[str, str]) -> None:
    """Give the first section a first-page header and footer holding only the marking.

    ``style_ids`` maps style names to ids: the styles part of a pack is shared
    and read-only (see :mod:`peeldocs.renderers.docx.template`).
    """
    section = document.sections[0]
    section.different_first_page_header_footer = True
    for part in (section.first_page_header, section.first_page_footer):
        part.is_linked_to_previous = False
        para = part.paragraphs[0]
        name = "Footer" if part is section.first_page_footer else "Header"
        para._p.get_or_add_pPr().style = style_ids.get(name)
        if marking:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            bold_marking(para.add_run(marking))


def _para(style_ids: dict[str, str], style: str, content: str, align: str | None = None) -> str:
    props = f'<w:pStyle w:val="{style_ids[style]}"/>' if style in style_ids else ""
    props += f'<w:jc w:val="{align}"/>' if align else ""
    return f"<w:p><w:pPr>{props}</w:pPr>{content}</w:p>"


def _marking(meta: b.Metadata, theme: Theme) -> str:
    """Return the marking's run: a marking still to complete highlighted as every placeholder is."""
    fill, ink = theme.tone(b.Tone.AMBER) if meta.marking.startswith("{") else (None, theme.text)
    return run(meta.marking, bold=True, colour=ink, fill=fill) if meta.marking else ""


PHRASE = 50
"""A running title's phrase this long or shorter is never broken across the header's lines."""


def _running(title: str, theme: Theme) -> str:
    """Return the running title's runs, each place to complete in it highlighted as in the text.

    Each short phrase between " · " has no-break spaces, so a header too long for one line
    wraps between its phrases ("… assessment · / ILLUSTRATIVE EXAMPLE: NOT AN HMICFRS
    REPORT"), never inside one, as the PDF's does (read 34).
    """
    fill, ink = theme.tone(b.Tone.AMBER)
    title = " · ".join(p.replace(" ", "\u00a0") if len(p) <= PHRASE else p
                       for p in title.split(" · "))
    return "".join(run(part, colour=ink, fill=fill) if PLACE.fullmatch(part) else run(part)
                   for part in PLACE.split(title) if part)


def footer_xml(meta: b.Metadata, theme: Theme, style_ids: dict[str, str], total: str,
               label: str = "", width: int = 0) -> str:
    """Return a footer's paragraphs: the marking, then "Page X of Y" (``total`` counts Y).

    ``label`` names a part numbered on its own: "Notes, page 1 of 2".  Given the
    text ``width`` (twips) of every page, marking and page number share one line,
    as in the PDF: the marking at a centre tab stop, the number at a right one at
    the text's edge (the template's Footer stops, 4680 and 9360, are cleared: set
    for a US Letter page, they left "Page X of Y" a line below the marking in
    LibreOffice, read 32).  A document with landscape pages keeps two paragraphs,
    each aligned on its own page's width.
    """
    page, of = ("Tudalen", "o") if meta.language.lower().startswith("cy") else ("Page", "of")
    words = f"{label}, {page.lower()} " if label else f"{page} "
    marking = _marking(meta, theme)
    number = (run(words) + field("PAGE", "1") + FIELD_END + run(f" {of} ")
              + field(total, "1") + FIELD_END)
    if marking and width:
        style = f'<w:pStyle w:val="{style_ids["Footer"]}"/>' if "Footer" in style_ids else ""
        stops = ('<w:tab w:val="clear" w:pos="4680"/><w:tab w:val="clear" w:pos="9360"/>'
                 f'<w:tab w:val="center" w:pos="{width // 2}"/>'
                 f'<w:tab w:val="right" w:pos="{width}"/>')
        return (f"<w:p><w:pPr>{style}<w:tabs>{stops}</w:tabs></w:pPr>"
                f"<w:r><w:tab/></w:r>{marking}<w:r><w:tab/></w:r>{number}</w:p>")
    return (_para(style_ids, "Footer", marking, "center") if marking else "") + _para(
        style_ids, "Footer", number, "right")


def header_and_footer(document: Any, meta: b.Metadata, theme: Theme, style_ids: dict[str, str],
                      total: str = "NUMPAGES", width: int = 0) -> None:
    """Write the running header (marking, title) and footer ("Page X of Y", marking).

    ``width``: the text width (twips) of every page, for a one-line footer (:func:`footer_xml`).
    """
    marking = _marking(meta, theme)
    # no empty paragraph under the marking when there is no running title (a one-page brief)
    header = (_para(style_ids, "Header", marking, "center") if marking else "") + (
        _para(style_ids, "Header", _running(meta.running_title, theme))
        if meta.running_title or not marking else "")
    section = document.sections[0]
    for part, xml in ((section.header.part, header),
                      (section.footer.part, footer_xml(meta, theme, style_ids, total, width=width))):
        root = part.element
        blank = not "".join(root.itertext()).strip() and not root.findall(".//" + qn("w:drawing"))
        if blank:
            for child in root.findall(qn("w:p")):
                root.remove(child)
        root.extend(parse_xml(f"<w:hdr {NS}>{xml}</w:hdr>"))


AFTER_PAGE_NUMBERS = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                      "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings")
"""What follows ``w:pgNumType`` in a ``w:sectPr``, in the schema's order."""


def own_numbering(sect: Any, footer: str) -> None:
    """Give a section's properties the footer ``footer`` (a relationship id), numbered from 1."""
    for old in [*sect.findall(qn("w:footerReference")), *sect.findall(qn("w:titlePg")),
                *sect.findall(qn("w:pgNumType"))]:
        sect.remove(old)
    sect.insert(0, OxmlElement("w:footerReference", {qn("w:type"): "default", qn("r:id"): footer}))
    numbers = OxmlElement("w:pgNumType", {qn("w:start"): "1"})
    after = next((child for child in sect if child.tag in {qn(t) for t in AFTER_PAGE_NUMBERS}), None)
    if after is None:
        sect.append(numbers)
    else:
        after.addprevious(numbers)


class PartFooters:
    """The footers of the runs of pages numbered on their own, and the bookmarks they count to.

    The document's first pages use the template's footer; a part numbered on its own
    starts a run of its own, and so do the document's pages after it (each language's
    response in a bilingual one), each with a footer of its own counting its pages alone.
    """

    def __init__(self, document: Any, meta: b.Metadata, theme: Theme,
                 style_ids: dict[str, str]) -> None:
        self.document, self.meta, self.theme, self.style_ids = document, meta, theme, style_ids
        self.footer = ""  # the relationship id of the open run's footer ("" for the first run)
        self.apart = False  # the open run is a part numbered on its own
        self.open = "_PeeldocsPages0"  # the bookmark that ends the pages now being written
        self.count = 0
        self.width = 0  # the text width (twips) of every page, for one-line footers

    def main_total(self, pack: b.Pack) -> str:
        """Return the field that counts the first run of pages: all pages, unless there are parts."""
        apart = any(isinstance(k, b.PageBreak) and k.numbered_apart for k in pack.blocks())
        return f"PAGEREF {self.open}" if apart else "NUMPAGES"

    def end(self) -> str:
        """Return the bookmark that ends the pages now being written (once), for their count."""
        if not self.open:
            return ""
        mark = 90000 + self.count  # clear of the headings' bookmark ids
        name, self.open = self.open, ""
        return f'<w:bookmarkStart w:id="{mark}" w:name="{name}"/><w:bookmarkEnd w:id="{mark}"/>'

    def end_in(self, last: str) -> str:
        """Return the document's last paragraph (or table) with the end of its pages marked."""
        mark = self.end() if self.footer else ""
        if not mark:
            return last
        at = last.rfind("</w:p>")
        return last[:at] + mark + last[at:] if at >= 0 else last + f"<w:p>{mark}</w:p>"

    def start(self, label: str) -> None:
        """Start a run of pages numbered on their own: a part's (named by ``label``) or the rest's."""
        self.count += 1
        self.open, self.apart = f"_PeeldocsPages{self.count}", bool(label)
        part, self.footer = self.document.part.add_footer_part()
        root = part.element
        for child in list(root):
            root.remove(child)
        root.extend(parse_xml(f"<w:ftr {NS}>"
                              + footer_xml(self.meta, self.theme, self.style_ids,
                                           f"PAGEREF {self.open}", label, self.width)
                              + "</w:ftr>"))
