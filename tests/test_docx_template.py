"""The reference document is read once per process: packs must still be independent."""

from __future__ import annotations

import dataclasses
import io
import os
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
