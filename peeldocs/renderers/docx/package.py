"""Package-level truths of a DOCX pack: what it says about itself and its page furniture.

- ``docProps/app.xml`` names peeldocs and nothing else: no application, page,
  word or line counts it did not measure (the reference document's were
  Word's, for an empty page); a thumbnail of some other page is dropped.
- Widow and orphan control is on for every paragraph.
- The cover page has no running header: its first-page header and footer
  carry only the protective marking.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from peeldocs.renderers.docx.xml import find_or_add
from peeldocs.resources import __version__

APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>{application}</Application><DocSecurity>0</DocSecurity>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)
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
