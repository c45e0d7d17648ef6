"""Write templates/docx/reference.docx: the styles, page setup and language of DOCX packs.

Run with `make reference-docx`. Users may copy the result, restyle it in Word
(fonts, colours, a logo in the header) and pass it with --reference-docx; the
pack then takes its styles, headers and page setup.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from peeldocs.renderers.docx.xml import set_language

HEADING = RGBColor(0x1D, 0x35, 0x57)
TEXT = RGBColor(0x0B, 0x0C, 0x0C)
MUTED = RGBColor(0x50, 0x5A, 0x5F)
FONT = "Arial"


def set_font(style, size: float, *, bold: bool = False, colour: RGBColor = TEXT,
             italic: bool = False) -> None:
    style.font.name = FONT
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = colour


def spacing(style, before: float, after: float, line: float | None = None) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if line:
        fmt.line_spacing = line


def paragraph_style(doc, name: str, base: str = "Normal"):
    try:
        return doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[base]
        style.quick_style = True
        return style


def language(doc, lang: str) -> None:
    """Set the document default language (body text) and the theme language to ``lang``."""
    set_language(doc, lang)
    settings = doc.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), lang)


def left_border(style, colour: str) -> None:
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for k, v in (("w:val", "single"), ("w:sz", "18"), ("w:space", "8"), ("w:color", colour)):
        left.set(qn(k), v)
    borders.append(left)
    ppr.append(borders)


def table_style(doc) -> None:
    style = doc.styles.add_style("Peeldocs Table", WD_STYLE_TYPE.TABLE)
    style.base_style = doc.styles["Normal Table"]
    tbl_pr = style.element.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = OxmlElement("w:tblPr")
        style.element.append(tbl_pr)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "bottom", "insideH"):
        el = OxmlElement(f"w:{edge}")
        for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"),
                     ("w:color", "B1B4B6")):
            el.set(qn(k), v)
        borders.append(el)
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge, width in (("top", 60), ("left", 100), ("bottom", 60), ("right", 100)):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(width))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)


def build(path: Path) -> None:
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(0.9), Cm(0.9)
    language(doc, "en-GB")
    styles = doc.styles
    set_font(styles["Normal"], 10.5)
    spacing(styles["Normal"], 0, 7, 1.2)
    set_font(styles["Title"], 28, bold=True, colour=HEADING)
    spacing(styles["Title"], 0, 12, 1.0)
    title_ppr = styles["Title"].element.get_or_add_pPr()
    for child in title_ppr.findall(qn("w:pBdr")):
        title_ppr.remove(child)
    set_font(styles["Subtitle"], 13, colour=HEADING)
    spacing(styles["Subtitle"], 0, 10)
    for level, size in ((1, 22), (2, 15), (3, 12)):
        style = styles[f"Heading {level}"]
        set_font(style, size, bold=True, colour=HEADING)
        spacing(style, 0 if level == 1 else 14, 7, 1.0)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.keep_together = True
    styles["Heading 1"].paragraph_format.page_break_before = False
    quote = styles["Quote"]
    set_font(quote, 10.5)
    quote.paragraph_format.left_indent = Cm(0.5)
    quote.paragraph_format.right_indent = Cm(0)
    left_border(quote, "8EA8C3")
    spacing(quote, 0, 7, 1.2)
    set_font(styles["List Bullet"], 10.5)
    sub_bullet(doc)
    set_font(styles["Caption"], 9, colour=MUTED)
    set_font(styles["TOC Heading"], 22, bold=True, colour=HEADING)
    small = paragraph_style(doc, "Small Print")
    set_font(small, 9.5, colour=MUTED)  # notes on method: small, never under 9 pt
    spacing(small, 0, 4, 1.1)
    cell = paragraph_style(doc, "Table Text")
    set_font(cell, 9)
    spacing(cell, 0, 0, 1.1)
    judgment = paragraph_style(doc, "Judgment")
    set_font(judgment, 11)
    spacing(judgment, 4, 10)
    for level in (1, 2):
        toc = paragraph_style(doc, f"toc {level}")
        set_font(toc, 10.5, bold=level == 1)
        spacing(toc, 6 if level == 1 else 0, 2)
        toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
    table_style(doc)
    for style in ("Header", "Footer"):
        set_font(styles[style], 8.5, colour=MUTED)
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    doc.core_properties.title = "peeldocs reference document"
    doc.core_properties.author = "peeldocs"
    doc.core_properties.language = "en-GB"
    doc.save(str(path))


def sub_bullet(doc: docx.document.Document) -> None:
    """Give "List Bullet 2" a dash, so a sub-point is told from its parent by more than indent."""
    numbering = doc.part.numbering_part.element
    for lvl in numbering.iter(qn("w:lvl")):
        style = lvl.find(qn("w:pStyle"))
        if style is None or style.get(qn("w:val")) != "ListBullet2":
            continue
        lvl.find(qn("w:lvlText")).set(qn("w:val"), "\u2013")
        fonts = lvl.find(qn("w:rPr")).find(qn("w:rFonts"))
        for key in ("w:ascii", "w:hAnsi"):
            fonts.set(qn(key), "Arial")


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else "templates/docx/reference.docx"))
