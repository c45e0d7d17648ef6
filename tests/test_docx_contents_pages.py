"""Read 24 (P fault 1, X fault 1): the DOCX contents shows page numbers when Word opens it.

Word shows a page field's stored result until fields are updated, and asking it to update
them on opening makes it ask the reader first; so each contents entry stores the page its
heading falls on when the build lays the same pack out as the PDF renderer does.
LibreOffice still works the numbers out for itself; how often the two agree is measured
here on the packs the editors read.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import docx
import pypdf
import pytest
from clients import convert_with_libreoffice
from docread import rendered, review_comparison, review_comparison_pack, review_options

import peeldocs
from peeldocs import blocks as b
from peeldocs.build import registry as paging
from peeldocs.build.registry import with_contents_pages
from peeldocs.renderers.pdf.renderer import PdfRenderer

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _stored(data: bytes) -> list[tuple[str, str]]:
    """Each contents entry's text and the result stored in its PAGEREF field, as Word shows it."""
    document = docx.Document(io.BytesIO(data))
    entries = []
    for paragraph in document.paragraphs:
        if not paragraph.style.name.startswith("toc "):
            continue
        runs = list(paragraph._p.iter(f"{W}r"))
        kinds = [next((c.get(f"{W}fldCharType") for c in r.iter(f"{W}fldChar")), None)
                 for r in runs]
        between = runs[kinds.index("separate") + 1:kinds.index("end")]
        shown = "".join(t.text or "" for r in between for t in r.iter(f"{W}t"))
        (link,) = paragraph._p.iter(f"{W}hyperlink")
        entries.append(("".join(t.text or "" for t in link.iter(f"{W}t")), shown))
    return entries


def _norfolk_with_plan() -> tuple[peeldocs.Pack, bytes]:
    report, options = review_options("norfolk-plan", "pack")
    return peeldocs.build_pack(report, options), rendered(report, options, "docx")


def test_each_contents_entry_stores_its_heading_page_from_the_print_layout() -> None:
    pack, data = _norfolk_with_plan()
    stored = _stored(data)
    assert len(stored) == 14 and all(re.fullmatch(r"\d+", page) for _text, page in stored)
    laid = PdfRenderer().heading_pages(pack, pack.options)  # type: ignore[arg-type]
    wanted = [(h.text, str(laid[h.anchor])) for h in pack.blocks()
              if isinstance(h, b.Heading) and h.in_contents and h.level <= 2]
    assert stored == wanted
    assert stored[0] == ("Executive summary", "3")
    # in order through the document, and never asking Word to update fields on opening
    pages = [int(page) for _text, page in stored]
    assert pages == sorted(pages)
    settings = docx.Document(io.BytesIO(data)).settings.element
    assert settings.find(f"{W}updateFields") is None


def test_the_library_call_and_the_comparison_store_numbers_too() -> None:
    stored = _stored(review_comparison("docx"))
    assert stored and all(re.fullmatch(r"\d+", page) for _text, page in stored)
    assert stored[0] == ("Summary", "3")
    # the block the renderer reads is left as it was: the pages are put on a copy
    pack = review_comparison_pack()
    assert all(not blk.pages for blk in pack.blocks() if isinstance(blk, b.Contents))


def test_a_pack_without_a_contents_is_not_laid_out_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> dict[str, int]:
        raise AssertionError("laid out for a contents it does not have")

    monkeypatch.setattr(PdfRenderer, "heading_pages", refuse)
    report, options = review_options("norfolk-plan", "committee")
    data = peeldocs.render(peeldocs.build_pack(report, options), "docx")
    assert not _stored(data)


def test_pages_go_on_every_contents_block_and_unknown_headings_stay_blank() -> None:
    meta = b.Metadata("Synthetic", "Synthetic", "", (), peeldocs.Options().clock)
    pack = b.Pack(meta, (b.Section("c", (b.Contents(),)),
                         b.Section("one", (b.Heading(1, "One", "one"), b.Heading(2, "Two", "two")))))
    laid = with_contents_pages(pack, lambda _pack: {"one": 2})
    (contents,) = [blk for blk in laid.blocks() if isinstance(blk, b.Contents)]
    assert contents.pages == (("one", 2),)
    assert _stored(peeldocs.render(laid, "docx")) == [("One", "2"), ("Two", "")]


def _libreoffice_pages(pdf: Path, texts: list[str]) -> list[int]:
    """The page LibreOffice gives each entry in the contents it lays out itself."""
    reader = pypdf.PdfReader(pdf)
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages[:4])
    found, at = [], 0
    for entry in texts:
        match = re.compile(re.escape(" ".join(entry.split())) + r" (\d+)").search(text, at)
        assert match, entry
        found.append(int(match.group(1)))
        at = match.end()
    return found


@pytest.mark.xdist_group("libreoffice")
def test_stored_numbers_agree_with_libreoffice(tmp_path: Path) -> None:
    """Word's own layout cannot be run here; LibreOffice's, of the same DOCX, stands in.

    Measured when written (read 24): the Norfolk pack with its plan agrees within a page
    for all 14 entries, 5 exactly (the PDF keeps "Findings to act on" with its list and
    its chart with its table whole, so its summary runs a page longer than LibreOffice's);
    without a plan 12 of 14 exactly; the constructed example 12 of 19 exactly, all within
    a page.  The comparison agrees within a page up to its landscape tables of grades
    by force (12 of 18 exactly); there the PDF's rows are taller than LibreOffice's (20
    forces a page against 24), so its two parts take five pages where LibreOffice takes
    four, and the entries after them are up to two pages later: the PDF layout is an
    estimate of a word processor's, not the same engine.
    """
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (Debian libreoffice-writer-nogui) is not installed")
    documents = {"pack": _norfolk_with_plan()[1], "comparison": review_comparison("docx")}
    agreement = {}
    for name, off in pages_apart(documents, tmp_path).items():
        apart = [abs(n) for n in off]
        agreement[name] = (apart.count(0), len(apart), apart)
    exact, total, apart = agreement["pack"]
    assert max(apart) <= 1 and exact >= 1, agreement["pack"]
    exact, total, apart = agreement["comparison"]
    tables = [text for text, _page in _stored(documents["comparison"])].index(
        "Norfolk Constabulary across cycles")
    assert max(apart[:tables]) <= 1 and max(apart) <= 2 and exact >= total // 2, apart


def pages_apart(documents: dict[str, bytes], tmp_path: Path) -> dict[str, list[int]]:
    """Each DOCX's stored contents page numbers less LibreOffice's own, entry by entry, by name."""
    paths = {name: tmp_path / f"{name}.docx" for name in documents}
    for name, path in paths.items():
        path.write_bytes(documents[name])
    pdfs = convert_with_libreoffice(list(paths.values()), tmp_path / "lo")
    out = {}
    for name, path in paths.items():
        stored = _stored(documents[name])
        own = _libreoffice_pages(pdfs[path], [text for text, _page in stored])
        out[name] = [int(page) - lo for (_text, page), lo in zip(stored, own, strict=True)]
    return out


def _count_layouts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the PDF layouts made for contents pages, with nothing remembered yet."""
    laid: list[int] = []
    with_pages, pages_only = PdfRenderer.render_with_pages, PdfRenderer.heading_pages
    monkeypatch.setattr(PdfRenderer, "render_with_pages",
                        lambda self, *a: laid.append(1) or with_pages(self, *a))
    monkeypatch.setattr(PdfRenderer, "heading_pages",  # a DOCX alone: laid out, not written
                        lambda self, *a: laid.append(1) or pages_only(self, *a))
    monkeypatch.setattr(paging, "_laid", type(paging._laid)())
    return laid


def test_an_equal_pack_rendered_again_is_laid_out_once(norfolk: peeldocs.Report,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A second DOCX of an equal pack (a batch's, a script's) reuses the first one's layout."""
    laid = _count_layouts(monkeypatch)
    options = peeldocs.Options(author="Laid out once test")
    first = peeldocs.render(peeldocs.build_pack(norfolk, options), "docx")
    again = peeldocs.render(peeldocs.build_pack(norfolk, options), "docx")
    assert first == again and len(laid) == 1
    peeldocs.render(peeldocs.build_pack(norfolk, peeldocs.Options(author="Another")), "docx")
    assert len(laid) == 2


def test_a_build_of_pdf_and_docx_lays_the_pack_out_once_and_both_agree(
        norfolk: peeldocs.Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The DOCX's contents takes its numbers from the PDF written beside it, whatever the
    order the formats are asked in; a DOCX built alone is the same file."""
    laid = _count_layouts(monkeypatch)
    options = peeldocs.Options(author="Both formats test")
    both = peeldocs.write_pack(norfolk, options, ["docx", "pdf"], tmp_path / "both")
    assert [p.suffix for p in both] == [".docx", ".pdf"] and len(laid) == 1
    monkeypatch.setattr(paging, "_laid", type(paging._laid)())
    (alone,) = peeldocs.write_pack(norfolk, options, ["docx"], tmp_path / "alone")
    assert alone.read_bytes() == both[0].read_bytes()
