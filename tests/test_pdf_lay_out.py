"""The PDF renderer lays a pack out without writing it, for fitting a brief to its page.

``PdfRenderer.lay_out`` is what :func:`peeldocs.build.fitting.fit` calls for each
level of detail it tries: the same layout as ``render``'s first, the same page
count and the same refusal of a section over its page limit, without the file.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone

import pypdf
import pytest

import peeldocs
from peeldocs.blocks import Metadata, Pack, Paragraph, Section, Text
from peeldocs.build.fitting import brief_section
from peeldocs.errors import PageLimitError
from peeldocs.renderers.pdf import PdfRenderer


@pytest.mark.parametrize("kind", ["brief", "committee", "pack"])
def test_lay_out_counts_the_pages_render_writes(norfolk: peeldocs.Report, kind: str) -> None:
    pack = peeldocs.build_pack(norfolk, peeldocs.Options(document=kind))
    pages = len(pypdf.PdfReader(io.BytesIO(peeldocs.render(pack, "pdf"))).pages)
    assert PdfRenderer().lay_out(pack, pack.options) == pages


def test_lay_out_refuses_a_section_over_its_page_limit_as_render_does() -> None:
    words = " ".join(["Constructed text for a test of page limits."] * 40)
    section = Section("long", tuple(Paragraph((Text(words),)) for _ in range(12)),
                      page_limit=1)
    meta = Metadata("t", "t", "", (), datetime(2020, 1, 1, tzinfo=timezone.utc))
    pack = Pack(meta, (section,))
    with pytest.raises(PageLimitError):
        PdfRenderer().render(pack, peeldocs.Options())
    with pytest.raises(PageLimitError):
        PdfRenderer().lay_out(pack, peeldocs.Options())
    short = Pack(meta, (Section("short", section.blocks[:1], page_limit=1),))
    assert PdfRenderer().lay_out(short, peeldocs.Options()) == 1


def test_fitting_lays_out_without_writing_a_file(norfolk: peeldocs.Report,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[int] = []
    laid: list[int] = []
    render, lay_out = PdfRenderer.render, PdfRenderer.lay_out
    monkeypatch.setattr(PdfRenderer, "render",
                        lambda self, *a: written.append(1) or render(self, *a))
    monkeypatch.setattr(PdfRenderer, "lay_out",
                        lambda self, *a: laid.append(1) or lay_out(self, *a))
    brief_section.chosen.clear()
    peeldocs.build_pack(norfolk, peeldocs.Options(document="brief", author="Fit test"))
    assert laid and not written
