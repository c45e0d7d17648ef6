"""WordprocessingML as text: escaped report text, runs, fields and call-out borders.

The DOCX body (:mod:`peeldocs.renderers.docx.body`) and the running header and
footer are written as text from these pieces and parsed once.  Every piece of
report text passes through :func:`t` (or :func:`attr` for an attribute), which
escapes it and replaces undrawable characters.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from peeldocs.renderers.docx.flow import keep_with_next
from peeldocs.textclean import printable

NAMESPACES = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
              "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
              "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
              "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
              "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture"}
NS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())


def t(text: str) -> str:
    """Escape text for element content, keeping line breaks and tabs as Word markup."""
    safe = escape(printable(text))
    return safe.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">').replace(
        "\t", '</w:t><w:tab/><w:t xml:space="preserve">')


def attr(text: str) -> str:
    """Quote text for an attribute value."""
    return quoteattr(printable(text))


def run(text: str, *, bold: bool = False, italic: bool = False, colour: str | None = None,
        fill: str | None = None, size: float | None = None, lang: str = "") -> str:
    """Return a run of text with direct character formatting (and its language, if given)."""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if colour:
        props += f'<w:color w:val="{colour.lstrip("#")}"/>'
    if size:
        props += f'<w:sz w:val="{round(size * 2)}"/>'
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill.lstrip("#")}"/>'
    if lang:  # the spelling and hyphenation language of the run, and what a screen reader speaks
        props += f'<w:lang w:val="{lang}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    body = _CODE.sub(lambda m: m.group().replace("-", _NO_BREAK_HYPHEN), t(text))
    return f'<w:r>{rpr}<w:t xml:space="preserve">{body}</w:t></w:r>'


# a code of capitals and digits joined by hyphens ("A5-REC-3", "E-2017-AFI-1"): Word's
# non-breaking hyphen keeps it on one line; python-docx and LibreOffice read it as "-"
_CODE = re.compile(r"\b(?=[A-Z0-9-]*\d)[A-Z0-9]+(?:-[A-Z0-9]+)+\b")
_NO_BREAK_HYPHEN = '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'


_RPR = re.compile(r"<w:rPr>((?:(?!</w:rPr>).)*?)</w:rPr>", re.DOTALL)
_BARE_RUN = re.compile(r"<w:r>(?=<w:t[ >])")


def with_language(xml: str, lang: str) -> str:
    """Return body XML with ``lang`` on every run that names no language of its own.

    ``w:lang`` is the last run property Word's schema allows before the few it
    never writes here, so it is appended to each ``w:rPr``.
    """
    if not lang:
        return xml
    mark = f'<w:lang w:val="{lang}"/>'
    xml = _RPR.sub(lambda m: m.group(0) if "<w:lang " in m.group(1) else
                   f"<w:rPr>{m.group(1)}{mark}</w:rPr>", xml)
    return _BARE_RUN.sub(f"<w:r><w:rPr>{mark}</w:rPr>", xml)


def hanging(label: str, content: str, props: str = "", left: int = 680, hang: int = 680) -> str:
    """Return a paragraph whose label ("2.1", "(a)") hangs to the left of its text, a tab between.

    ``props``: paragraph properties before the indent (keep with next, spacing); ``left``
    and ``hang`` in twentieths of a point.
    """
    return (f'<w:p><w:pPr>{props}<w:ind w:left="{left}" w:hanging="{hang}"/></w:pPr>'
            f"{run(label)}<w:r><w:tab/></w:r>{content}</w:p>")


def labelled(labels: tuple[str, ...], items: list[tuple[str, bool]]) -> str:
    """Return a list whose items carry their own labels ("(a)"), hanging under a paragraph's text.

    ``items``: each item's content and whether it keeps with the next paragraph.
    """
    return "".join(hanging(label, content, "<w:keepNext/>" if keep else "", 1134, 454)
                   for label, (content, keep) in zip(labels, items, strict=True))


def field(instruction: str, shown: str) -> str:
    """Return the runs of a complex field with the result shown before updating."""
    dirty = ' w:dirty="true"' if instruction.startswith("TOC") else ""
    return (f'<w:r><w:fldChar w:fldCharType="begin"{dirty}/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run(shown) if shown else ""}')


FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def callout_props(fill: str | None, rule: str) -> str:
    """Return paragraph properties that draw a call-out: a left rule and shading."""
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill.lstrip("#")}"/>' if fill else ""
    return (f'<w:pBdr><w:left w:val="single" w:sz="24" w:space="8" '
            f'w:color="{rule.lstrip("#")}"/></w:pBdr>{shade}')


BOXED_LISTS = ("List Bullet", "List Number")
"""The list styles a call-out hangs from its own left edge (:func:`indent`)."""


def indent(style: str, boxed: bool, right: int) -> str:
    """Return a paragraph's indent: ``right`` twips from the right; a boxed list hanging.

    A list in a call-out hangs from the box's left edge ('' when neither applies).
    LibreOffice draws a paragraph's left rule by its first line's indent: a list indented as
    the list style has it showed a second bar inside the box's (read 34).

    >>> indent("List Bullet", True, 0)
    '<w:ind w:left="360" w:hanging="360"/>'
    """
    hang = ' w:left="360" w:hanging="360"' if boxed and style in BOXED_LISTS else ""
    edge = f' w:right="{right}"' if right else ""
    return f"<w:ind{hang}{edge}/>" if hang or edge else ""


def link_run(text: str, colour: str) -> str:
    """Return the run of a hyperlink's text: underlined, in the link colour."""
    return (f'<w:r><w:rPr><w:color w:val="{colour.lstrip("#")}"/><w:u w:val="single"/></w:rPr>'
            f'<w:t xml:space="preserve">{t(text)}</w:t></w:r>')


def seamless(fill: str) -> str:
    """Return borders in a header cell's own fill, so no light rule or seam crosses it."""
    return "<w:tcBorders>" + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{fill.lstrip("#")}"/>'
        for side in ("top", "left", "bottom", "right")) + "</w:tcBorders>"


def table_xml(caption: str, widths_pt: list[float],
              rows: list[tuple[bool, list[tuple[str, str | None]]]], *, style_id: str,
              rule: str, whole: bool, framed: frozenset[int] = frozenset(),
              grouped: frozenset[int] = frozenset(), onward: bool = False) -> str:
    """Return a table: rows of (is header, cells of XML and fill); header rows repeat.

    Rows never split; ``whole`` keeps every row with the next (the table moves
    as one), ``grouped`` rows keep with the next, ``framed`` rows are ruled
    above and below in ``rule``; ``onward``: the last row too keeps with what follows.
    """
    twips = [round(w * 20) for w in widths_pt]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    # Word's "Header Row" and "First Column": a table without header rows (label and
    # value) has its first column as headers, as the PDF's row headers (TH scope Row)
    head_row = any(is_head for is_head, _cells in rows)
    look = ('w:val="04A0" w:firstRow="1"' if head_row else 'w:val="0480" w:firstRow="0"')
    out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{style_id}"/>'
           f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:jc w:val="left"/>'
           f'<w:tblLayout w:type="fixed"/><w:tblLook {look} '
           'w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
           f"<w:tblCaption w:val={attr(caption)}/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"]
    frame = "".join(f'<w:{side} w:val="single" w:sz="18" w:space="0" '
                    f'w:color="{rule.lstrip("#")}"/>' for side in ("top", "bottom"))
    for r, (is_head, cells) in enumerate(rows):
        head = "<w:tblHeader/>" if is_head else ""
        if (whole or r in grouped) and (r < len(rows) - 1 or onward):  # keep with the next
            cells = [(keep_with_next(content), fill) for content, fill in cells]
        borders = f"<w:tcBorders>{frame}</w:tcBorders>" if r in framed else ""
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{head}</w:trPr>")
        for (content, fill), width in zip(cells, twips, strict=True):
            shade = (f'<w:shd w:val="clear" w:color="auto" w:fill="{fill.lstrip("#")}"/>'
                     if fill else "")
            edges = borders or (seamless(fill) if is_head and fill else "")
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{edges}{shade}'
                       f"</w:tcPr>{content}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def columns_props(sect_pr: str, columns: int, *, continuous: bool) -> str:
    """Return section properties with ``columns`` columns of text, continuing on the same page."""
    cols = (f'<w:cols w:num="{columns}" w:space="360"/>' if columns > 1
            else '<w:cols w:space="720"/>')
    sect_pr = re.sub(r"<w:type [^>]*/>", "", sect_pr)
    kind = '<w:type w:val="continuous"/>' if continuous else ""
    sect_pr = re.sub(r"(<w:pgSz\b)", kind + r"\1", sect_pr, count=1)  # w:type before w:pgSz
    if re.search(r"<w:cols\b", sect_pr):  # in its place in the schema's order
        return re.sub(r"<w:cols\b[^>]*/>|<w:cols\b.*?</w:cols>", cols, sect_pr, count=1,
                      flags=re.S)
    return re.sub(r"(<w:titlePg\b|<w:docGrid\b|</w:sectPr>)", cols + r"\1", sect_pr, count=1)


def no_space_after(para: str) -> str:
    """Return a list paragraph (its spacing has no ``w:after``) with no space after it."""
    if "<w:spacing" in para:
        return para.replace("<w:spacing", '<w:spacing w:after="0"', 1)
    at = min(i for i in (para.find("<w:ind"), para.find("<w:jc"), para.find("</w:pPr>")) if i >= 0)
    return f'{para[:at]}<w:spacing w:after="0"/>{para[at:]}'
