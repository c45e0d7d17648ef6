"""A bar chart as a native, editable Word chart: DrawingML chart part plus embedded workbook.

The chart part holds the categories and values as cached text and numbers
(what Word and LibreOffice draw, and what a reader or a test can check), and
points at an embedded workbook written with XlsxWriter so "Edit Data" in Word
opens the figures.  Every bar is labelled with its value and the legend names
every series, so nothing depends on colour alone.  Nothing here knows what the
chart is about: it takes a :class:`~peeldocs.blocks.BarChart`.
"""

from __future__ import annotations

import dataclasses
import io
import math
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from peeldocs.blocks import BarChart
from peeldocs.textclean import printable
from peeldocs.theme import Theme

CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
EMU_PER_PT = 12700
FONT_SIZE = 9.0  # points, the size of every label in the chart


def column(index: int) -> str:
    """Return the spreadsheet column letters for a 0-based index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def number_format(chart: BarChart) -> str:
    """Return the number format of the values: as many decimals as the figures have (up to 2).

    When the figures differ in their decimals, each is shown as it is ("General").
    """
    places = set()
    for series in chart.series:
        for value in series.values:
            text = f"{value:.2f}".rstrip("0").rstrip(".")
            places.add(len(text.partition(".")[2]))
    decimals = max(places, default=0)
    # each value as the source gives it: "90%" beside "71.2%", never "90.0%"
    base = "General" if len(places) > 1 else "#,##0" + ("." + "0" * decimals if decimals else "")
    suffix = chart.unit_suffix.replace('"', "")
    return f'{base}"{suffix}"' if suffix else base


def drawn_order(chart: BarChart) -> BarChart:
    """Return the chart with its categories and series reversed, as a bar chart is drawn.

    Word and LibreOffice draw a horizontal bar chart from the bottom up and list
    its legend in reverse series order.  Reversed here (and the category axis left
    bottom-up), the first category is drawn at the top, the first series at the top
    of each group, and the legend reads in the same order as the bars and the PDF.
    """
    series = tuple(dataclasses.replace(s, values=tuple(reversed(s.values)))
                   for s in reversed(chart.series))
    return dataclasses.replace(chart, categories=tuple(reversed(chart.categories)),
                               series=series)


def workbook(chart: BarChart, title: str, created: datetime) -> bytes:
    """Return the chart's data as an .xlsx workbook: categories in A, one column per series."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.set_properties({"title": printable(title), "created": created.replace(tzinfo=None)})
    sheet = book.add_worksheet("Sheet1")
    bold = book.add_format({"bold": True})
    values = book.add_format({"num_format": number_format(chart)})
    sheet.write_string(0, 0, "", bold)
    for si, series in enumerate(chart.series):
        sheet.write_string(0, si + 1, printable(series.name), bold)
    for ci, category in enumerate(chart.categories):
        sheet.write_string(ci + 1, 0, printable(category))
        for si, series in enumerate(chart.series):
            sheet.write_number(ci + 1, si + 1, float(series.values[ci]), values)
    sheet.set_column(0, 0, min(60, max((len(c) for c in chart.categories), default=10)))
    sheet.set_column(1, len(chart.series), 16)
    book.close()
    return out.getvalue()


def _text_props(theme: Theme, size: float = FONT_SIZE, bold: bool = False) -> str:
    b = ' b="1"' if bold else ' b="0"'
    return (f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{round(size * 100)}"{b}>'
            f'<a:solidFill><a:srgbClr val="{theme.text.lstrip("#").upper()}"/></a:solidFill>'
            f'<a:latin typeface={_q(theme.docx_font)}/><a:cs typeface={_q(theme.docx_font)}/>'
            '</a:defRPr></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>')


def _q(text: str) -> str:
    return '"' + escape(printable(text), {'"': "&quot;"}) + '"'


def _line(colour: str) -> str:
    return f'<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></a:ln></c:spPr>'


def chart_xml(chart: BarChart, theme: Theme, workbook_rid: str) -> bytes:
    """Return the chart part: a clustered horizontal bar chart with cached values and labels."""
    n = len(chart.categories)
    fmt = escape(number_format(chart), {'"': "&quot;"})
    cats = "".join(f'<c:pt idx="{i}"><c:v>{escape(printable(c))}</c:v></c:pt>'
                   for i, c in enumerate(chart.categories))
    cat_ref = f"Sheet1!$A$2:$A${n + 1}"
    series = []
    for si, s in enumerate(chart.series):
        col = column(si + 1)
        first = len(chart.series) - 1 - si  # drawn in reverse: the colour of its own series
        colour = theme.series[first % len(theme.series)].lstrip("#").upper()
        pts = "".join(f'<c:pt idx="{i}"><c:v>{float(v)!r}</c:v></c:pt>' for i, v in enumerate(s.values))
        series.append(
            f'<c:ser><c:idx val="{si}"/><c:order val="{si}"/>'
            f"<c:tx><c:strRef><c:f>Sheet1!${col}$1</c:f><c:strCache><c:ptCount val=\"1\"/>"
            f'<c:pt idx="0"><c:v>{escape(printable(s.name))}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
            f'<c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></c:spPr>'
            '<c:invertIfNegative val="0"/>'
            f'<c:dLbls><c:numFmt formatCode="{fmt}" sourceLinked="0"/>'
            '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
            f'{_text_props(theme, bold=si == len(chart.series) - 1)}<c:dLblPos val="outEnd"/>'
            '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>'
            '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
            f"<c:cat><c:strRef><c:f>{cat_ref}</c:f><c:strCache><c:ptCount val=\"{n}\"/>{cats}"
            "</c:strCache></c:strRef></c:cat>"
            f"<c:val><c:numRef><c:f>Sheet1!${col}$2:${col}${n + 1}</c:f><c:numCache>"
            f'<c:formatCode>{fmt}</c:formatCode><c:ptCount val="{n}"/>{pts}'
            "</c:numCache></c:numRef></c:val></c:ser>")
    rule = theme.rule.lstrip("#").upper()
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace xmlns:c="{CHART_URI}" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>'
        '<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>'
        '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
        + "".join(series) +
        '<c:gapWidth val="50"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>'
        '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="1"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'{_line(rule)}{_text_props(theme)}<c:crossAx val="500000002"/><c:crosses val="autoZero"/>'
        '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>'
        '</c:catAx>'
        '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        f'<c:delete val="1"/><c:axPos val="t"/><c:numFmt formatCode="{fmt}" sourceLinked="0"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        '<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>'
        '</c:valAx><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>'
        + (f'<c:legend><c:legendPos val="t"/><c:overlay val="0"/>{_text_props(theme)}'
           '</c:legend>' if len(chart.series) > 1 else '') +  # one series needs no key
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
        f'{_text_props(theme)}'
        f'<c:externalData r:id="{workbook_rid}"><c:autoUpdate val="0"/></c:externalData>'
        '</c:chartSpace>')
    return xml.encode("utf-8")


def chart_height(chart: BarChart, width_pt: float) -> float:
    """Return a height (points) that gives every category its bars and wrapped label."""
    label_chars = max(8.0, width_pt * 0.4 / (FONT_SIZE * 0.5))
    total = 0.0
    for category in chart.categories:
        lines = math.ceil(len(category) / label_chars) or 1
        total += max(len(chart.series) * FONT_SIZE * 1.9, lines * FONT_SIZE * 1.25) + FONT_SIZE
    return round(total + FONT_SIZE * 5, 1)


def add_chart(document_part: Any, chart: BarChart, theme: Theme, title: str,
              created: datetime) -> str:
    """Add a chart part and its workbook to the package; return the chart's relationship id."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document_part.package
    chart_name = package.next_partname("/word/charts/chart%d.xml")
    book_name = PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{chart_name.idx}.xlsx")
    chart = drawn_order(chart)  # the workbook and the drawing in the same order
    book = Part(book_name, CT.SML_SHEET, workbook(chart, title, created), package)
    part = Part(chart_name, CT.DML_CHART, b"", package)
    book_rid = part.relate_to(book, RT.PACKAGE)
    part._blob = chart_xml(chart, theme, book_rid)
    rid: str = document_part.relate_to(part, RT.CHART)
    return rid


def inline_xml(rid: str, width_pt: float, height_pt: float, shape_id: int, title: str,
               alt: str) -> str:
    """Return the ``wp:inline`` drawing that places the chart, with its title and alt text."""
    cx, cy = round(width_pt * EMU_PER_PT), round(height_pt * EMU_PER_PT)
    return (f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{shape_id}" name="Chart {shape_id}" descr={_q(alt)} title={_q(title)}/>'
            '<wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="{CHART_URI}">'
            f'<c:chart xmlns:c="{CHART_URI}" r:id="{rid}"/></a:graphicData></a:graphic></wp:inline>')
