"""Documents in Welsh and in both languages: wording, language marking, review notice.

Built from the Norfolk report (English data) as the issue asks, and read back
like a user: pikepdf for the PDF's structure tree and /Lang, python-docx for
runs' w:lang and the core properties, the HTML's lang attributes, and the
independent PDF/UA checkers.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import docx
import pikepdf
import pytest
from clients import Browser, axe_ready
from docx.oxml.ns import qn
from pdfread import checker, outloud_findings, page_texts, pdfua_problems
from pdfstruct import walk

import peeldocs
from peeldocs.i18n import UNREVIEWED, load_catalogue

ROOT = Path(__file__).resolve().parent.parent
NORFOLK = ROOT / "data" / "norfolk-2018-effectiveness.yaml"
EXAMPLE = ROOT / "examples" / "exampleshire-2023-25-assessment.yaml"
PUBLISHED = date(2019, 5, 2)


def _write(language: str, folder: Path, document: str = "s55", path: Path = NORFOLK,
           formats: tuple[str, ...] = ("pdf", "docx", "html"), **extra: object) -> list[Path]:
    options = peeldocs.Options(document=document, language=language, published=PUBLISHED,
                               as_of=date(2019, 6, 1), **extra)  # type: ignore[arg-type]
    return peeldocs.write_pack(peeldocs.load_report(path), options, list(formats), folder)


def _struct_langs(pdf_path: Path) -> list[tuple[str, str, str]]:
    """Return (tag, Lang, text-ish) for every structure element that states a language."""
    with pikepdf.open(pdf_path) as pdf:
        out = []
        for _depth, elem in walk(pdf.Root.StructTreeRoot.K):
            if "/Lang" in elem:
                out.append((str(elem.S)[1:], str(elem.Lang), ""))
        return out


def test_s55_in_welsh_reads_adran_55_and_marks_welsh_as_welsh(tmp_path: Path) -> None:
    pdf, docx_path, html = _write("cy", tmp_path)
    assert pdf.name.endswith("-s55-response-cy.pdf")
    text = " ".join(page_texts(pdf))
    assert "adran 55" in text and "Deddf yr Heddlu 1996" in text
    assert "section 55" not in text.replace("Section 55", "")  # our wording is all Welsh
    assert "2 Mai 2019" in text and "26 Mehefin 2019" in text  # dates in Welsh
    assert "May 2019" not in text and "June 2019" not in text
    assert "Tudalen 1 o" in text
    with pikepdf.open(pdf) as doc:
        assert str(doc.Root.Lang) == "cy-GB"
        assert str(doc.Root.StructTreeRoot.K.Lang) == "cy-GB"  # the Document element
    langs = _struct_langs(pdf)
    # the report's findings are quoted in English, and marked so
    assert ("BlockQuote", "en-GB", "") in langs
    # DOCX: Welsh is the document's language, its styles' too; English quotes are marked
    document = docx.Document(str(docx_path))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(".//" + qn("w:lang")).get(qn("w:val")) == "cy-GB"
    assert document.core_properties.language == "cy-GB"
    english_runs = [r.text for p in document.paragraphs for r in p.runs
                    if (lang := r._r.find(".//" + qn("w:lang"))) is not None
                    and lang.get(qn("w:val")) == "en-GB"]
    assert any("progress" in t for t in english_runs)  # the quoted finding
    assert "adran 55" in "".join(p.text for p in document.paragraphs) + "".join(
        c.text for t in document.tables for row in t.rows for c in row.cells)
    # HTML: lang="cy-GB" on the page, English quotations marked inside it
    page = html.read_text(encoding="utf-8")
    assert '<html lang="cy-GB">' in page
    assert re.search(r'<span lang="en-GB">[^<]*progress', page)
    assert "adran 55" in page
    assert '<span class="nowrap">26 Mehefin 2019</span>' in page  # a Welsh date never breaks
    assert "Dyfynnir yr adroddiad fel y’i cyhoeddwyd gan yr arolygiaeth, yn Saesneg." in page


def test_bilingual_s55_has_each_language_whole_welsh_first(tmp_path: Path) -> None:
    pdf, docx_path, html = _write("cy+en", tmp_path)
    assert pdf.name.endswith("-s55-response-cy-en.pdf")
    with pikepdf.open(pdf) as doc:
        assert str(doc.Root.Lang) == "cy-GB"
        sects = [str(e.get("/Lang")) for _d, e in walk(doc.Root.StructTreeRoot.K)
                 if str(e.S) == "/Sect"]
    assert sects == ["cy-GB", "en-GB"]
    text = " ".join(page_texts(pdf))
    assert text.index("adran 55") < text.index("Police Act 1996, section 55")
    page = html.read_text(encoding="utf-8")
    assert '<html lang="cy-GB">' in page
    assert re.search(r'<section class="section s55-en"[^>]* lang="en-GB">', page)
    # each language's part has its title as its h1, marked with its language
    assert re.findall(r"<h1 [^>]*>", page) == ['<h1 id="s55">', '<h1 id="s55-en">']
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))  # anchors of the two parts never clash
    document = docx.Document(str(docx_path))
    langs = {el.get(qn("w:val")) for el in document.element.body.iter(qn("w:lang"))}
    assert langs == {"en-GB"}  # the English part, and English quotations in the Welsh part


def test_english_first_bilingual_marks_welsh_part(tmp_path: Path) -> None:
    pdf, docx_path, html = _write("en+cy", tmp_path)
    with pikepdf.open(pdf) as doc:
        assert str(doc.Root.Lang) == "en-GB"
    page = html.read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in page and 'lang="cy-GB"' in page
    text = " ".join(page_texts(pdf))
    assert text.index("Police Act 1996, section 55") < text.index("adran 55")
    document = docx.Document(str(docx_path))
    langs = {el.get(qn("w:val")) for el in document.element.body.iter(qn("w:lang"))}
    assert "cy-GB" in langs


@pytest.mark.skipif(checker("outloud") is None or checker("pdfua") is None,
                    reason="outloud and pdfua (PyPI, in the test extra) are needed")
@pytest.mark.parametrize(("document", "language"),
                         [("s55", "cy"), ("pack", "cy+en")])
def test_welsh_documents_pass_the_pdf_checkers(document: str, language: str,
                                               tmp_path: Path) -> None:
    """The pack's English words in Welsh paragraphs and cells cross lines and pages: still nested.

    The Welsh s.55 response and the Welsh-first bilingual pack: a bilingual s.55 response
    is the same two parts the pack's checks already cover."""
    (pdf,) = _write(language, tmp_path, document, formats=("pdf",))
    assert outloud_findings(pdf) == []
    assert pdfua_problems(pdf) == ""


def test_unreviewed_welsh_is_declared_on_the_cover_and_in_properties(tmp_path: Path) -> None:
    pdf, docx_path, html = _write("cy", tmp_path)
    assert load_catalogue("cy").unreviewed()  # no translator has reviewed ours yet
    first_page = page_texts(pdf)[0]
    assert "Welsh wording not yet reviewed by a translator" in first_page
    assert "Geiriad Cymraeg heb ei adolygu gan gyfieithydd" in first_page
    with pikepdf.open(pdf) as doc:
        assert UNREVIEWED in str(doc.docinfo["/Subject"])
    assert UNREVIEWED in docx.Document(str(docx_path)).core_properties.subject
    assert UNREVIEWED in html.read_text(encoding="utf-8")


def test_reviewed_catalogue_drops_the_notice(tmp_path: Path) -> None:
    """Once a translator clears every used message's fuzzy flag, documents stop saying so."""
    shipped = load_catalogue("cy").path
    assert shipped is not None
    folder = tmp_path / "templates"
    (folder / "locale").mkdir(parents=True)
    reviewed = shipped.read_text(encoding="utf-8").replace("#, fuzzy\n", "")
    (folder / "locale" / "cy.po").write_text(reviewed, encoding="utf-8")
    pack = peeldocs.build_pack(peeldocs.load_report(NORFOLK), peeldocs.Options(
        document="s55", language="cy", published=PUBLISHED, template_dir=folder))
    assert UNREVIEWED not in pack.metadata.subject
    texts = [getattr(b, "title", "") for b in pack.blocks()]
    assert not any("adolygu" in t for t in texts)


def test_wording_with_no_welsh_yet_stays_english_marked_and_declared(tmp_path: Path) -> None:
    """A user's reworded template has no Welsh: it is shown in English, marked, and counted."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "s55_check_3.j2").write_text("A copy has gone to the inspectorate by post.\n",
                                           encoding="utf-8")
    pack = peeldocs.build_pack(peeldocs.load_report(NORFOLK), peeldocs.Options(
        document="s55", language="cy", published=PUBLISHED, template_dir=folder))
    assert "1 passage of our wording has no Welsh translation yet" in pack.metadata.subject
    html = peeldocs.render(pack, "html").decode("utf-8")
    assert '<span lang="en-GB">A copy has gone to the inspectorate by post.</span>' in html


KINDS = ["pack", "brief", "committee", "s55"]


@pytest.mark.parametrize("language", ["cy", "cy+en", "en+cy"])
@pytest.mark.parametrize("document", KINDS)
def test_every_document_kind_in_every_language(document: str, language: str,
                                               tmp_path: Path) -> None:
    # each kind from both sources: the inspection report in Welsh and English-first,
    # the force assessment Welsh-first
    for source in ((EXAMPLE,) if language == "cy+en" else (NORFOLK,)):
        folder = tmp_path / source.stem
        paths = _write(language, folder, document, source)
        first = language.split("+")[0]
        tag = {"cy": "cy-GB", "en": "en-GB"}[first]
        pdf, docx_path, html = paths
        with pikepdf.open(pdf) as doc:
            assert str(doc.Root.Lang) == tag
            sects = [str(e.get("/Lang")) for _d, e in walk(doc.Root.StructTreeRoot.K)
                     if str(e.S) == "/Sect"]
        wanted = [{"cy": "cy-GB", "en": "en-GB"}[lang] for lang in language.split("+")]
        assert sects[0] == wanted[0] and sects[-1] == wanted[-1]
        assert docx.Document(str(docx_path)).core_properties.language == tag
        page = html.read_text(encoding="utf-8")
        assert f'<html lang="{tag}">' in page
        assert UNREVIEWED in page  # the catalogue is unreviewed: every Welsh document says so


def test_english_documents_are_unchanged_by_the_language_option(tmp_path: Path) -> None:
    report = peeldocs.load_report(NORFOLK)
    plain = peeldocs.build_pack(report, peeldocs.Options(document="s55", published=PUBLISHED))
    explicit = peeldocs.build_pack(report, peeldocs.Options(document="s55", language="en",
                                                            published=PUBLISHED))
    assert plain.sections == explicit.sections
    assert all(s.language == "" for s in plain.sections)
    assert plain.metadata.language == "en-GB"


def test_language_option_is_checked() -> None:
    assert peeldocs.Options(language="CY + EN").language == "cy+en"
    with pytest.raises(peeldocs.errors.OptionError, match=r"language.*expected one of: en, cy"):
        peeldocs.Options(language="fr")
    with pytest.raises(peeldocs.errors.OptionTypeError, match="language"):
        peeldocs.Options(language=1)  # type: ignore[arg-type]


def test_translations_command_lists_unreviewed_and_missing_and_writes_a_po(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from peeldocs.cli import main

    assert main(["translations"]) == 0
    out = capsys.readouterr().out
    total = len(load_catalogue("cy").messages)
    assert f"{total} messages, 0 reviewed by a translator, {total} not yet reviewed" in out
    assert "not reviewed: Police Act 1996, section 55\n          cy: Deddf yr Heddlu 1996, adran 55" in out
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "s55_check_3.j2").write_text("A copy has gone to the inspectorate by post.\n",
                                           encoding="utf-8")
    po = tmp_path / "for-translator.po"
    args = ["translations", str(NORFOLK), "--document", "s55", "--templates", str(folder),
            "--write", str(po)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "(s55): 1 passage(s) of our wording with no Welsh yet" in out
    assert "no Welsh yet: A copy has gone to the inspectorate by post." in out
    written = po.read_text(encoding="utf-8")
    assert 'msgid "A copy has gone to the inspectorate by post."\nmsgstr ""' in written
    assert 'msgid "Police Act 1996, section 55"' in written  # the whole catalogue, to work in
    assert main(args) == 2  # never replaces a translator's file unasked
    assert "exists; add --overwrite" in capsys.readouterr().err
    assert main([*args, "--overwrite"]) == 0


def test_language_option_on_the_command_line(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from peeldocs.cli import main

    assert main(["build", str(NORFOLK), "--document", "s55", "--language", "fr",
                 "--out", str(tmp_path)]) == 2
    assert "--language: 'fr' is not a document language" in capsys.readouterr().err
    assert main(["build", str(NORFOLK), "--document", "s55", "--language", "cy", "--quiet",
                 "--format", "html", "--out", str(tmp_path)]) == 0
    (page,) = tmp_path.glob("*-s55-response-cy.html")
    assert "adran 55" in page.read_text(encoding="utf-8")


@pytest.mark.skipif(axe_ready() is not None, reason=str(axe_ready()))
@pytest.mark.xdist_group("chromium")
@pytest.mark.parametrize("document", ["s55", "pack"])
def test_bilingual_html_passes_axe(document: str, tmp_path: Path, browser: Browser) -> None:
    (html,) = _write("cy+en", tmp_path, document, formats=("html",))
    for view in browser.check(html, (390, 1280)):
        assert view["axe"] == [], view["axe"]  # WCAG 2.1 A and AA, lang attributes included
        assert view["broken"] == []  # Welsh dates never broken mid-date


def test_translator_fields_mutations_and_fallbacks() -> None:
    """Message fields: dates and lists in Welsh, terms mutated after "yn", quotes marked."""
    from peeldocs.i18n.catalogue import Catalogue
    from peeldocs.i18n.catalogue import make_message as message
    from peeldocs.i18n.target import Target
    from peeldocs.i18n.translate import Translator

    catalogue = Catalogue("cy", [
        message("good", "da", reviewed=True), message("cause of concern", "achos pryder"),
        message("area for improvement", "maes i’w wella"),
        message("Question {n} was graded {term}.", "Graddiwyd cwestiwn {n} yn {term:soft}."),
        message("Published on {date}, for each {terms}.", "Cyhoeddwyd ar {date}, ar gyfer pob {terms}."),
        message("The report “{title}” says so.", "Mae’r adroddiad “{title}” yn dweud hynny."),
    ])
    translator = Translator(catalogue, Target("cy", "cy-GB", "en-GB", frozenset({"Kent PEEL"})))
    assert b_text(translator.wording("Question 2 was graded good.")) == "Graddiwyd cwestiwn 2 yn dda."
    assert b_text(translator.wording("Published on 1 March 2024, for each cause of concern and "
                                     "area for improvement.")) == (
        "Cyhoeddwyd ar 1 Mawrth 2024, ar gyfer pob achos pryder a maes i’w wella.")
    runs = translator.wording("The report “Kent PEEL” says so.")
    assert [r.lang for r in runs if r.text == "Kent PEEL"] == ["en-GB"]  # the title is English
    assert translator.wording("No message says this.")[0].lang == "en-GB"
    assert "No message says this." in translator.usage.untranslated
    assert "good" in translator.usage.reviewed and "cause of concern" in translator.usage.unreviewed


def b_text(runs: tuple[object, ...]) -> str:
    from peeldocs.blocks import inline_text

    return inline_text(runs)  # type: ignore[arg-type]


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (Debian libreoffice-writer-nogui) is not installed")
@pytest.mark.xdist_group("libreoffice")
def test_libreoffice_opens_the_bilingual_docx(libreoffice_pdfs: dict[str, Path]) -> None:
    # the bilingual committee paper (docread.bilingual_committee), converted with the others
    text = " ".join(page_texts(libreoffice_pdfs["bilingual committee"]))
    assert "Tudalen 2 o" in text  # footers in the first-named language, the document's
    assert "1. Diben" in text and "1. Purpose" in text


def test_pdf_marks_english_words_inside_a_welsh_paragraph(tmp_path: Path) -> None:
    """The force's English name in a Welsh sentence is a /Span with /Lang (en-GB), word by word."""
    (pdf,) = _write("cy", tmp_path, formats=("pdf",))
    with pikepdf.open(pdf) as doc:
        spans, depth, inside = [], 0, False
        for operands, operator in pikepdf.parse_content_stream(doc.pages[0]):
            op = str(operator)
            if op == "BDC" and str(operands[0]) == "/Span" and "/Lang" in operands[1]:
                inside = str(operands[1].Lang) == "en-GB"
                depth += 1
                spans.append([])
            elif op == "EMC" and inside:
                inside, depth = False, depth - 1
            elif op == "Tj" and inside:
                spans[-1].append(bytes(operands[0]))
    assert len(spans) >= 2  # "Norfolk", "Constabulary" in "… i’ch adroddiad ar arolygiad PEEL … o Norfolk Constabulary …"
    assert all(len(words) == 1 for words in spans)  # never across a line or page break
    assert depth == 0
    text = " ".join(page_texts(pdf))
    # the words still read with their spaces; the report is named by what it inspected
    assert "o Norfolk Constabulary (effeithiolrwydd), a gyhoeddwyd ar 2 Mai 2019" in " ".join(text.split())
