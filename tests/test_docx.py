"""Open the Norfolk DOCX with python-docx and check what a Word user gets."""

from __future__ import annotations

import dataclasses
import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import seed_paragraphs
from docx.oxml.ns import qn
from docxread import all_text, iter_paragraphs

import peeldocs
from peeldocs.model import Report
from peeldocs.options import Options

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def document(norfolk_docx: Path) -> docx.document.Document:
    return docx.Document(str(norfolk_docx))


def fold(text: str) -> str:
    return " ".join(text.split())


def test_headings_use_real_styles_by_level(document: docx.document.Document) -> None:
    by_style: dict[str, list[str]] = {}
    for p in document.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    # the title never breaks inside "PEEL 2018/19": a no-break space holds them together
    assert by_style["Title"] == ["Norfolk Constabulary: PEEL\u00a02018/19 effectiveness"]
    assert by_style["Heading 1"] == ["Executive summary", "Findings by question",
                                     "Findings needing an action plan",  # no plan given
                                     "Notes on this pack"]  # its own section, last (read 7)
    h2 = by_style["Heading 2"]
    assert [t.split(":")[0] for t in h2 if t.startswith("Question")] == [
        f"Question {n}" for n in range(1, 6)]
    assert "Judgments by question" in h2
    assert "Investigation quality" in by_style["Heading 3"]
    assert by_style["TOC Heading"] == ["Contents"]
    assert "Quote" in by_style
    assert "List Bullet" in {p.style.name for p in iter_paragraphs(document)}
    # outline levels come from the styles, so the Navigation pane works
    assert document.styles["Heading 2"].element.find(f"{W}pPr/{W}outlineLvl") is not None


def test_table_of_contents_links_each_heading_without_asking_word_to_update_fields(
        document: docx.document.Document) -> None:
    body = document.element.body
    marks = {m.get(f"{W}name") for m in body.iter(f"{W}bookmarkStart")}
    entries = [p for p in document.paragraphs if p.style.name in ("toc 1", "toc 2")]
    for entry in entries:
        # each entry is a link to its heading's bookmark, then a tab (no dot leader, so no
        # line of dots ends in nothing in Word) and a PAGEREF field LibreOffice fills in,
        # its stored result the page from the print layout, for Word (read 24)
        (link,) = entry._p.iter(f"{W}hyperlink")
        assert link.get(f"{W}anchor") in marks
        (instr,) = [t.text.strip() for t in entry._p.iter(f"{W}instrText")]
        assert instr.split()[:2] == ["PAGEREF", link.get(f"{W}anchor")]
        (tab,) = entry._p.iter(f"{W}tabs")
        assert [t.get(f"{W}leader") for t in tab] == ["none"]
        assert entry.text.rsplit("\t", 1)[1].isdigit()
    toc = [p.text.rsplit("\t", 1)[0].strip() for p in entries]
    assert toc[0] == "Executive summary" and "Findings needing an action plan" in toc
    assert sum(t.startswith("Question ") for t in toc) == 5
    # Word asks the reader before it updates fields on opening ("may refer to other files"):
    # it is never asked, so it opens without a prompt (read 9)
    settings = document.settings.element
    assert settings.find(f"{W}updateFields") is None
    assert not [f for f in body.iter(f"{W}fldChar") if f.get(f"{W}dirty") == "true"]
    kinds = [f.get(f"{W}fldCharType") for f in body.iter(f"{W}fldChar")]
    assert kinds.count("begin") == kinds.count("end")


def test_footer_page_n_of_m_and_marking(document: docx.document.Document) -> None:
    section = document.sections[0]
    footer = section.footer._element
    instr = [t.text.strip() for t in footer.iter(f"{W}instrText")]
    assert instr == ["PAGE", "NUMPAGES"]
    assert "Page 1 of 1" in "".join(p.text for p in section.footer.paragraphs)
    assert "OFFICIAL" in [p.text for p in section.header.paragraphs]
    assert "OFFICIAL" in [p.text for p in section.footer.paragraphs]
    for later in document.sections[1:]:
        assert later.header.is_linked_to_previous and later.footer.is_linked_to_previous


def test_core_properties_and_language(document: docx.document.Document) -> None:
    props = document.core_properties
    assert props.title == "Norfolk Constabulary, PEEL 2018/19 effectiveness: briefing pack"
    assert "Norfolk Constabulary" in props.subject
    assert props.author == ""  # the organisation's name when given, never the program's
    assert "HMICFRS" in props.keywords
    assert props.language == "en-GB"
    assert props.created.isoformat().startswith("2023-11-14")
    lang = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "en-GB"
    from lxml import etree

    assert b"en-US" not in etree.tostring(document.styles.element)


def test_tables_repeat_header_rows_and_rows_do_not_split(
        document: docx.document.Document) -> None:
    checked = 0
    for table in document.tables:
        caption = table._tbl.tblPr.find(f"{W}tblCaption")
        assert caption is not None and caption.get(f"{W}val")
        first = table.rows[0]._tr
        header_fill = first.find(f"{W}tc/{W}tcPr/{W}shd")
        if header_fill is not None and header_fill.get(f"{W}fill") == "1D3557":
            assert first.trPr.find(f"{W}tblHeader") is not None
            for row in table.rows[1:]:
                assert row._tr.trPr.find(f"{W}tblHeader") is None
                assert row._tr.trPr.find(f"{W}cantSplit") is not None
            checked += 1
    # judgments, earlier findings, four tables of figures and the action plan (the cover's
    # facts have row headers; the key figures are one chart, not a table beside it)
    assert checked >= 7


def test_grade_cells_are_worded_and_shaded(document: docx.document.Document) -> None:
    judgments = next(t for t in document.tables if t.rows[0].cells[-1].text == "Judgment")
    words = [r.cells[2].text for r in judgments.rows[1:]]
    assert words == ["Good", "Requires improvement", "Good", "Good (carried over from 2016)",
                     "Ungraded"]
    fills = [r.cells[2]._tc.tcPr.find(f"{W}shd").get(f"{W}fill") for r in judgments.rows[1:]]
    assert fills[0] == fills[2] != fills[1]


def test_action_plan_is_a_landscape_section(document: docx.document.Document) -> None:
    first, last = document.sections[0], document.sections[-1]
    assert first.page_width < first.page_height
    assert last.page_width > last.page_height
    assert (last.page_width, last.page_height) == (first.page_height, first.page_width)
    assert (last.left_margin, last.top_margin) == (first.left_margin, first.top_margin)
    assert round(first.page_width.mm) == 210 and round(first.page_height.mm) == 297
    ap = next(t for t in document.tables if t.rows[0].cells[0].text == "Ref")
    # the pack's one order: the report's, grouped by kind (read 7); an earlier finding the
    # report says has not made enough progress leads its question's areas (read 36)
    assert [r.cells[0].text for r in ap.rows[1:]] == ["E5-REC-1", "E-2017-AFI-1", "E2-AFI-1",
                                                      "E2-AFI-2", "E2-AFI-3"]


def test_every_drawing_has_alt_text_stating_values(document: docx.document.Document) -> None:
    pics = list(document.element.body.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"))
    assert pics
    for pic in pics:
        descr = pic.get("descr")
        assert descr and "20.6%" in descr and "16.1%" in descr


def test_every_seed_paragraph_and_afi_is_in_the_text(norfolk: Report,
                                                     document: docx.document.Document) -> None:
    text = fold(all_text(document))
    for q in norfolk.questions:
        for afi in q.areas_for_improvement:
            assert afi.text in text
    for block in seed_paragraphs():
        if len(block) > 60 and not block.startswith("•"):
            assert block in text, block[:60]
    assert "Contains public sector information licensed under the Open Government Licence v3.0." in text


def test_rebuilds_are_byte_identical(norfolk: Report) -> None:
    a = peeldocs.render(peeldocs.build_pack(norfolk, Options()), "docx", Options())
    b = peeldocs.render(peeldocs.build_pack(norfolk, Options()), "docx", Options())
    assert a == b
    times = {i.date_time for i in zipfile.ZipFile(io.BytesIO(a)).infolist()}
    assert times == {(2023, 11, 14, 22, 13, 20)}


def test_links_are_real_hyperlinks(norfolk: Report, tmp_path: Path) -> None:
    url = "https://example.org/peel/norfolk?x=1&y=<2>"
    report = dataclasses.replace(norfolk, source_url=url)
    (path,) = peeldocs.write_pack(report, Options(), ["docx"], tmp_path)
    d = docx.Document(str(path))
    links = list(d.element.body.iter(f"{W}hyperlink"))
    assert links
    rid = links[0].get(qn("r:id"))
    assert d.part.rels[rid].target_ref == url and d.part.rels[rid].is_external


def test_hostile_text_survives(norfolk: Report, tmp_path: Path) -> None:
    from test_pdf import hostile_report

    report = hostile_report(norfolk)
    q1 = report.questions[0]
    bad = dataclasses.replace(q1.findings[0], paragraphs=(*q1.findings[0].paragraphs,
                                                          "Bell\x07 and null\x00 characters."))
    report = dataclasses.replace(report, questions=(
        dataclasses.replace(q1, findings=(bad,)), *report.questions[1:]))
    (path,) = peeldocs.write_pack(report, Options(), ["docx"], tmp_path)
    text = all_text(docx.Document(str(path)))
    assert "Text with <b>&</b>, &amp; and <font color=red>markup</font> prints literally." in text
    assert "Gŵyl, ŷd, Ŵ, Ŷ" in text and "Row 199 <b>&</b>" in text
    assert "Bell\ufffd and null\ufffd characters." in text


def test_user_reference_document_supplies_styles_and_header(norfolk: Report,
                                                            tmp_path: Path) -> None:
    from peeldocs.resources import templates_root

    ref = docx.Document(str(templates_root() / "docx" / "reference.docx"))
    ref.styles["Normal"].font.name = "Georgia"
    ref.sections[0].header.paragraphs[0].text = "Constabulary branding"
    ref_path = tmp_path / "brand.docx"
    ref.save(str(ref_path))
    (path,) = peeldocs.write_pack(norfolk, Options(reference_docx=ref_path), ["docx"], tmp_path)
    out = docx.Document(str(path))
    assert out.styles["Normal"].font.name == "Georgia"
    header = [p.text for p in out.sections[0].header.paragraphs]
    assert header[0] == "Constabulary branding"
    # each phrase of the running title is kept whole by no-break spaces (read 34)
    assert any("Norfolk Constabulary" in " ".join(h.split()) for h in header[1:])


def test_a_reference_without_our_styles_still_works(norfolk: Report, tmp_path: Path) -> None:
    plain_ref = tmp_path / "plain.docx"
    docx.Document().save(str(plain_ref))
    (path,) = peeldocs.write_pack(norfolk, Options(reference_docx=plain_ref), ["docx"], tmp_path)
    out = docx.Document(str(path))
    assert {"Small Print", "Table Text", "Judgment"} <= {s.name for s in out.styles}


def test_bad_reference_is_a_clear_error(norfolk: Report, tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    with pytest.raises(peeldocs.PeeldocsError, match="not a usable reference document"):
        peeldocs.write_pack(norfolk, Options(reference_docx=bad), ["docx"], tmp_path)


def test_text_only_paragraph_walk_matches_body(document: docx.document.Document) -> None:
    assert sum(1 for _ in iter_paragraphs(document)) > len(document.paragraphs)


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (Debian libreoffice-writer-nogui) is not installed")
@pytest.mark.xdist_group("libreoffice")
def test_libreoffice_opens_and_converts_the_pack(libreoffice_pdfs: dict[str, Path],
                                                 norfolk: Report) -> None:
    from pdfread import body_text, page_texts

    pdf = libreoffice_pdfs["pack"]  # the session's Norfolk DOCX, converted with the briefs
    texts = page_texts(pdf)
    assert len(texts) >= 10
    text = body_text(pdf)
    for afi in norfolk.question(2).areas_for_improvement:
        assert afi.text in text
    assert "Good (carried over from 2016)" in text
    for page in texts:
        assert page.count("OFFICIAL") >= 2
    chart_page = next(page for page in texts if "Norfolk against England and Wales" in page)
    # each value is the native chart's own label, once: no table beside it repeats them
    on_chart = {"20.6%": 1, "16.1%": 1, "15.5%": 1, "10.3%": 2, "7.2%": 1,
                "Charge rate for all crime": 1}
    for label, count in on_chart.items():
        assert chart_page.count(label) == count, label
    # no heading is left at the foot of a page in LibreOffice either
    import pdfplumber
    from pdfread import outline

    entries = outline(pdf)
    assert len(entries) >= 10
    with pdfplumber.open(pdf) as laid_out:
        for _depth, title, page, top in entries:
            if top > 56 + 60:
                continue
            # near the foot, a heading keeps at least two lines of what follows with it (the
            # DOCX asks for keep-with-next and widow control, which LibreOffice honours)
            sheet = laid_out.pages[page]
            said = set(title.split())
            lines = {round(w["top"]) for w in sheet.extract_words()
                     if sheet.height - w["bottom"] > 45 and sheet.height - w["top"] < top - 2
                     and w["text"] not in said}
            assert len(lines) >= 2, f"{title!r} sits {top:.0f}pt from the page foot, alone"


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (Debian libreoffice-writer-nogui) is not installed")
@pytest.mark.xdist_group("libreoffice")
def test_contents_give_page_numbers_as_libreoffice_lays_the_pack_out(
        libreoffice_pdfs: dict[str, Path], norfolk_docx: Path) -> None:
    """Each contents entry ends in the number of the page its heading is on."""
    import re

    from pdfread import page_texts

    titles = [p.text.rsplit("\t", 1)[0].strip()  # less the page number stored for Word
              for p in docx.Document(str(norfolk_docx)).paragraphs
              if p.style.name in ("toc 1", "toc 2")]
    assert len(titles) >= 10
    texts = page_texts(libreoffice_pdfs["pack"])
    contents = next(n for n, page in enumerate(texts) if "\nContents" in "\n" + page)
    listed = " ".join(texts[contents].split())
    at = 0
    for title in titles:  # in order, each followed by its page number (no dot leader)
        found = re.compile(re.escape(title) + r" (\d+)\b").search(listed, at)
        assert found, title
        at, page = found.end(), int(found.group(1))
        assert contents + 1 < page <= len(texts), (title, page)
        # the heading's words (or the end of a two-line heading) are on that page
        assert title[-25:] in " ".join(texts[page - 1].split()), (title, page)


@pytest.mark.parametrize("kind", ["brief", "committee", "s55"])
def test_word_is_not_asked_to_update_fields_without_a_contents_list(norfolk: Report,
                                                                     kind: str) -> None:
    """Only a contents list needs Word to update fields on opening (and so to ask first)."""
    from docread import rendered

    options = Options(document=kind, published="2019-05-02", as_of="2019-06-10")
    with zipfile.ZipFile(io.BytesIO(rendered(norfolk, options, "docx"))) as z:
        settings = z.read("word/settings.xml").decode()
        footer = "".join(z.read(n).decode() for n in z.namelist() if "footer" in n)
    assert "updateFields" not in settings
    # Word lays out page numbers without being asked, and the fields in footers with them:
    # the s.55 letter (read 19) and the committee paper (read 21-C) count their own pages to a
    # mark on their last, not the preparer's notes after them
    assert ("PAGEREF _PeeldocsPages0" if kind in ("s55", "committee") else "NUMPAGES") in footer
