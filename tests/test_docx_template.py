"""The reference document is read once per process: packs must still be independent."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
from docx.shared import RGBColor

import peeldocs
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.resources import templates_root

HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def links(data: bytes) -> list[str]:
    d = docx.Document(io.BytesIO(data))
    return sorted(r.target_ref for r in d.part.rels.values() if r.reltype == HYPERLINK)


def test_packs_in_one_process_share_nothing(norfolk: Report) -> None:
    options = Options()
    a = dataclasses.replace(norfolk, source_url="https://example.org/a")
    b = dataclasses.replace(norfolk, source_url="https://example.org/b")
    first = peeldocs.render(peeldocs.build_pack(a, options), "docx", options)
    second = peeldocs.render(peeldocs.build_pack(b, options), "docx", options)
    again = peeldocs.render(peeldocs.build_pack(a, options), "docx", options)
    assert first == again
    assert "https://example.org/b" not in links(first)
    assert "https://example.org/a" not in links(second)
    for data in (first, second):
        d = docx.Document(io.BytesIO(data))
        charts = [p for p in d.part.package.iter_parts() if "/charts/" in str(p.partname)]
        assert len(charts) == 1
        assert len(d.sections[0].header.paragraphs) == len(
            docx.Document(io.BytesIO(first)).sections[0].header.paragraphs)


def test_a_changed_reference_document_is_read_again(norfolk: Report, tmp_path: Path) -> None:
    ref = tmp_path / "ref.docx"
    document = docx.Document(str(templates_root() / "docx" / "reference.docx"))
    document.save(str(ref))
    options = Options(reference_docx=ref)
    before = docx.Document(io.BytesIO(peeldocs.render(peeldocs.build_pack(norfolk, options),
                                                      "docx", options)))
    assert before.styles["Heading 1"].font.color.rgb != RGBColor(0xAA, 0x00, 0x00)
    document.styles["Heading 1"].font.color.rgb = RGBColor(0xAA, 0x00, 0x00)
    document.save(str(ref))
    stat = ref.stat()
    os.utime(ref, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    after = docx.Document(io.BytesIO(peeldocs.render(peeldocs.build_pack(norfolk, options),
                                                     "docx", options)))
    assert after.styles["Heading 1"].font.color.rgb == RGBColor(0xAA, 0x00, 0x00)


def test_threads_building_at_once_get_the_same_bytes(norfolk: Report) -> None:
    options = Options()
    pack = peeldocs.build_pack(norfolk, options)
    serial = peeldocs.render(pack, "docx", options)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: peeldocs.render(pack, "docx", options), range(8)))
    assert all(r == serial for r in results)


def _document_xml(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")


def test_the_body_declares_each_namespace_once(norfolk: Report) -> None:
    """The body is parsed into the document in one piece: no element repeats the root's namespaces."""
    from docread import norfolk_plan

    options = norfolk_plan(norfolk)  # the action plan is a landscape section: a section break
    xml = _document_xml(peeldocs.render(peeldocs.build_pack(norfolk, options), "docx", options))
    assert xml.count('xmlns:w="') == 1 and xml.count('xmlns:r="') == 1
    breaks = re.findall(r"<w:p><w:pPr><w:sectPr[^>]*>", xml)
    assert breaks and all("xmlns" not in tag for tag in breaks)
    assert "xmlns" not in re.search(r"<w:sectPr[^>]*>(?!.*<w:sectPr)", xml, re.S).group(0)
    # the chart's paragraph declares the drawing namespace the root does not
    chart_paragraphs = re.findall(r"<w:p [^>]*>(?:(?!</w:p>).)*<c:chart ", xml)
    assert len(chart_paragraphs) == xml.count("<c:chart ") >= 1
    assert all(p.startswith('<w:p xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">')
               for p in chart_paragraphs)


def test_a_reference_whose_root_declares_only_w_and_r(norfolk: Report, tmp_path: Path) -> None:
    """Namespaces the body uses that the reference's root lacks are declared where needed."""
    source = templates_root() / "docx" / "reference.docx"
    ref = tmp_path / "sparse.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(ref, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                start = re.search(r"<w:document[^>]*>", text)
                assert start is not None
                data = (text[:start.start()] + '<w:document xmlns:w="http://schemas.openxml'
                        'formats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.'
                        'openxmlformats.org/officeDocument/2006/relationships">'
                        + text[start.end():]).encode("utf-8")
            zout.writestr(item, data)
    options = Options(reference_docx=ref)
    report = dataclasses.replace(norfolk, source_url="https://example.org/a")
    data = peeldocs.render(peeldocs.build_pack(report, options), "docx", options)
    out = docx.Document(io.BytesIO(data))
    assert len(out.inline_shapes) == 1  # the chart, found through wp:inline
    docpr = out.inline_shapes[0]._inline.docPr
    assert "Norfolk" in docpr.get("descr")
    assert "https://example.org/a" in links(data)
    assert '<w:p xmlns:wp="' in _document_xml(data)
