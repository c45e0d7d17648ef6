"""The PDF is tagged (PDF/UA-1) and the claim holds: checked by walking the structure tree."""

from __future__ import annotations

import dataclasses
import io
import itertools
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pdfstruct import PageContent, kids, marked_refs, structure_text, tag, walk
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

import peeldocs
from peeldocs import blocks as b
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.renderers.pdf.structure import write_structure
from peeldocs.renderers.pdf.tagging import Tagged, Tagger, table_callback


def check_pdf_ua(pdf: pikepdf.Pdf) -> dict[str, list[Any]]:
    """Every machine-checkable rule; returns the elements by tag for further checks."""
    root = pdf.Root
    assert bool(root.MarkInfo.Marked) is True
    assert str(root.Lang) == "en-GB"
    assert bool(root.ViewerPreferences.DisplayDocTitle) is True
    meta = pdf.open_metadata()
    assert meta["pdfuaid:part"] == "1"
    assert str(pdf.docinfo["/Producer"]) == meta["pdf:Producer"]
    assert meta["dc:title"]
    tree = root.StructTreeRoot
    document = tree.K
    assert tag(document) == "Document"
    by_tag: dict[str, list[Any]] = {}
    in_tree: set[tuple[int, int]] = set()
    for _depth, elem in walk(document):
        by_tag.setdefault(tag(elem), []).append(elem)
        for ref in marked_refs(pdf, elem):
            assert ref not in in_tree, f"MCID {ref} claimed twice"
            in_tree.add(ref)
    nums = list(tree.ParentTree.Nums)
    parent_tree = dict(zip(nums[::2], nums[1::2], strict=True))
    for i, page in enumerate(pdf.pages):
        assert str(page.obj.Tabs) == "/S"
        assert int(page.obj.StructParents) == i
        content = PageContent(page)
        assert not content.outside, f"page {i + 1}: {content.outside[:5]} outside marked content"
        assert {(i, m) for m in content.mcids} == {r for r in in_tree if r[0] == i}, (
            f"page {i + 1}: MCIDs and structure tree disagree")
        assert len(parent_tree[i]) == len(content.mcids)
        for mcid in content.mcids:  # the ParentTree maps each MCID back to its element
            owner = parent_tree[i][mcid]
            assert any(r == (i, mcid) for r in marked_refs(pdf, owner))
        for annot in page.get("/Annots", []):
            assert annot.Contents, "every annotation has Contents"
            link = parent_tree[int(annot.StructParent)]
            assert tag(link) == "Link"
            objrs = [k for k in kids(link) if isinstance(k, pikepdf.Dictionary)
                     and k.get("/Type") == "/OBJR"]
            # a link wrapped over lines is one Link element holding each line's annotation
            assert annot.objgen in {o.Obj.objgen for o in objrs}
    # headings in order, never skipping a level
    levels = [int(tag(e)[1]) for _d, e in walk(document) if tag(e) in ("H1", "H2", "H3")]
    assert levels[0] == 1
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))
    for figure in by_tag.get("Figure", []):
        assert str(figure.Alt).strip()
        assert len(figure.A.BBox) == 4
    for table in by_tag.get("Table", []):
        cells = [tag(e) for _d, e in walk(table)]
        assert "TH" in cells
        for _d, th in walk(table):
            if tag(th) == "TH":
                assert str(th.A.Scope) in ("/Column", "/Row")
    for item in by_tag.get("LI", []):
        assert [tag(k) for k in kids(item)][:2] == ["Lbl", "LBody"]
    fonts = [f for p in pdf.pages for _n, f in p.Resources.Font.items()]
    assert all("/ToUnicode" in f and "/FontFile2" in f.FontDescriptor for f in fonts)
    return by_tag


@pytest.fixture(scope="module")
def norfolk_tagged(norfolk_pdf: Path) -> pikepdf.Pdf:
    return pikepdf.open(norfolk_pdf)


def test_norfolk_pack_meets_the_checkable_pdf_ua_rules(norfolk_tagged: pikepdf.Pdf) -> None:
    by_tag = check_pdf_ua(norfolk_tagged)
    assert len(by_tag["H1"]) == 6 and len(by_tag["H2"]) == 10  # "Notes on this pack" an H1; good practice an H2
    assert len(by_tag["Figure"]) == 1 and "20.6%" in str(by_tag["Figure"][0].Alt)
    assert len(by_tag["TOCI"]) == 14 and len(by_tag["TOC"]) == 1
    # the contents entries, and the source page's address (wrapped over two lines: one Link)
    assert len(by_tag["Link"]) == 15
    assert len(by_tag["Sect"]) == 5


def test_paragraph_split_over_pages_stays_one_element(norfolk_tagged: pikepdf.Pdf) -> None:
    split = [e for _d, e in walk(norfolk_tagged.Root.StructTreeRoot.K)
             if tag(e) == "BlockQuote" and len({p for p, _ in marked_refs(norfolk_tagged, e)}) > 1]
    assert split


def test_structure_order_reads_the_pack_in_order(norfolk: Report,
                                                 norfolk_tagged: pikepdf.Pdf) -> None:
    text = structure_text(norfolk_tagged).replace("- ", "-")
    if norfolk.source_url:  # the address, wrapped at a "/", reads as one word, its link apart
        spaced = r"\s?".join(re.escape(c) for c in norfolk.source_url)
        text = re.sub(spaced + r" ?", norfolk.source_url, text)
    pack = peeldocs.build_pack(norfolk, Options(marking=peeldocs.options.Marking.OFFICIAL))
    position = 0
    for block in pack.blocks():
        if isinstance(block, b.Paragraph):
            wanted = " ".join(b.inline_text(block.runs).split())
        elif isinstance(block, b.Heading):
            wanted = " ".join(block.text.split())
        else:
            continue
        wanted = wanted.replace("- ", "-")
        found = text.find(wanted, position)
        assert found >= 0, f"{wanted[:60]!r} not found after position {position}"
        position = found + len(wanted)
    # running headers and footers are artifacts; the marking is read once, on the cover
    assert text.count("OFFICIAL") == 1 and "Page 1 of" not in text


def test_running_header_and_footer_are_artifacts(norfolk_tagged: pikepdf.Pdf) -> None:
    for number, page in enumerate(norfolk_tagged.pages, start=1):
        artifacts = " ".join(PageContent(page).artifact_text)
        assert ("Page " in artifacts) is (number > 1) and "OFFICIAL" in artifacts


def test_stress_pack_with_links_long_tables_and_lists(norfolk: Report, tmp_path: Path) -> None:
    from test_pdf import hostile_report

    report = dataclasses.replace(hostile_report(norfolk),
                                 source_url="https://example.org/peel?a=1&b=<2>")
    (path,) = peeldocs.write_pack(report, Options(), ["pdf"], tmp_path)
    with pikepdf.open(path) as pdf:
        by_tag = check_pdf_ua(pdf)
        tables = [t for t in by_tag["Table"]
                  if len({p for _d, e in walk(t) for p, _ in marked_refs(pdf, e)}) > 2]
        assert tables, "the 200-row table spans pages as one Table element"
        uri_links = [a for p in pdf.pages for a in p.get("/Annots", [])
                     if "/A" in a and a.A.get("/S") == "/URI"]
        assert uri_links and str(uri_links[0].A.URI) == "https://example.org/peel?a=1&b=<2>"
        assert "Gŵyl, ŷd" in structure_text(pdf)


def test_tagging_module_alone_on_a_two_page_document() -> None:
    from peeldocs.renderers.pdf.styles import FAMILY, register_fonts

    register_fonts()
    styles = getSampleStyleSheet()
    styles["BodyText"].fontName = FAMILY
    tagger = Tagger("en-GB")
    sect = tagger.root.add("Sect")
    long_text = " ".join(["A paragraph long enough to cross a page."] * 220)
    para = Tagged(Paragraph(long_text, styles["BodyText"]), sect.add("P"), tagger)
    head = Paragraph("Head", styles["BodyText"])
    cell = Paragraph("Cell", styles["BodyText"])
    table_elem = sect.add("Table")
    th = table_elem.add("THead").add("TR").add("TH", Scope="Column")
    td = table_elem.add("TBody").add("TR").add("TD")
    table = Table([[head], [cell]], renderCB=table_callback(tagger, {id(head): th, id(cell): td}))
    buf = io.BytesIO()

    def decorate(canv: Any, _doc: Any) -> None:
        tagger.begin_artifact(canv, "Pagination")
        canv.drawString(40, 20, f"page {canv.getPageNumber()}")
        tagger.end(canv)

    class TaggedCanvas(Canvas):
        def save(self) -> None:
            write_structure(self, tagger, title="Two pages", language="en-GB",
                            created=datetime(2020, 1, 1, tzinfo=timezone.utc))
            super().save()

    SimpleDocTemplate(buf, pagesize=A4, invariant=1, lang="en-GB", displayDocTitle=1).build(
        [para, table], onFirstPage=decorate, onLaterPages=decorate, canvasmaker=TaggedCanvas)
    data = buf.getvalue()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == 2
        assert len({p for p, _ in marked_refs(pdf, pdf.Root.StructTreeRoot.K.K[0].K[0])}) == 2
        for page in pdf.pages:
            assert not PageContent(page).outside
        assert structure_text(pdf).endswith("Head Cell")


def test_tagged_output_stays_reproducible(norfolk: Report) -> None:
    a = peeldocs.render(peeldocs.build_pack(norfolk, Options()), "pdf", Options())
    b2 = peeldocs.render(peeldocs.build_pack(norfolk, Options()), "pdf", Options())
    assert a == b2
