"""The quarterly update paper and the register document: what a committee reads, in every
format, to the standards of the other documents (PDF/UA checkers, heading structure, header
rows that repeat, LibreOffice opens the DOCX)."""

from __future__ import annotations

import io
import itertools
import re
import shutil
from pathlib import Path

import docx
import pikepdf
import pypdf
import pytest
from clients import Browser, axe_ready
from pdfread import checker, outloud_findings, pdfua_problems
from test_html import parse

import peeldocs
from peeldocs.cli import main
from peeldocs.sources.written import LEDGER

ROOT = Path(__file__).resolve().parent.parent
PLANS = [ROOT / "examples" / "norfolk-2018-action-plan.yaml",
         ROOT / "examples" / "constructed-thematic-action-plan.yaml"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def register() -> peeldocs.plans.register.Register:  # type: ignore[name-defined]
    return peeldocs.register(PLANS, as_of="2024-10-15", since="2024-07-01")


@pytest.fixture(scope="module")
def files(register_files: dict[str, Path]) -> dict[str, Path]:
    """The update paper and the register in every format, built once per run (conftest)."""
    return register_files


SECTIONS = ["1. Purpose", "2. Recommendation", "3. Background", "4. Where the actions stand",
            "5. Since the last update", "6. Overdue actions", "7. Inspections expected next",
            "8. Implications"]


def test_update_pdf_reads_as_a_committee_paper(files: dict[str, Path]) -> None:
    reader = pypdf.PdfReader(files["update.pdf"])
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    positions = [text.index(s) for s in SECTIONS]
    assert positions == sorted(positions)
    assert ("the register tracks eight findings (two "
            "awaiting allocation, four in progress, none pending sign-off and two closed), with seven "
            "actions planned between them.") in text
    # the overdue count is said once, where the overdue actions are (section 6)
    assert "Four findings are overdue" not in text
    assert "The actions on four findings are past their target date, the most overdue by" in text
    assert "This paper updates the joint audit committee" in text
    assert "Since 1 July 2024: one finding closed and one finding became overdue" in text
    assert "{to be completed: inspections expected in the coming quarter" in text
    assert "Example update. Review step designed; system change requested." in text  # latest
    assert "OFFICIAL" in reader.pages[0].extract_text()
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {total}" in page.extract_text()
    assert reader.metadata.title == "HMICFRS inspections: progress on recommendations and " \
                                    "areas for improvement as of 15 October 2024"
    # the illustrative examples are said to be such, and the constructed text is not HMICFRS's
    assert "This paper draws on a register that includes constructed examples" in text
    assert "is constructed for illustration; it is not from an HMICFRS report" in text


def test_overdue_items_come_first_most_overdue_first(files: dict[str, Path]) -> None:
    text = " ".join(" ".join(p.extract_text().split())
                    for p in pypdf.PdfReader(files["update.pdf"]).pages)
    table = text[text.index("6. Overdue actions 6.1"):text.index("7. Inspections expected next")]
    order = [table.index(ref) for ref in ("E-2017-AFI-1", "E2-AFI-2", "E2-AFI-1", "R1")]
    assert order == sorted(order)


@pytest.mark.skipif(checker("outloud") is None or checker("pdfua") is None,
                    reason="outloud and pdfua (PyPI, in the test extra) are needed")
@pytest.mark.parametrize("name", ["update.pdf", "register.pdf"])
def test_the_pdf_checkers_find_nothing_to_fix(files: dict[str, Path], name: str) -> None:
    assert outloud_findings(files[name]) == []
    assert pdfua_problems(files[name]) == ""


@pytest.mark.parametrize("name", ["update.pdf", "register.pdf"])
def test_pdf_is_tagged_with_one_h1_and_its_language(files: dict[str, Path], name: str) -> None:
    from pdfstruct import structure_text
    from test_pdf_tagging import check_pdf_ua

    with pikepdf.open(files[name]) as pdf:
        by_tag = check_pdf_ua(pdf)
        assert len(by_tag["H1"]) == 1 and str(pdf.Root.Lang) == "en-GB"
        if name == "update.pdf":  # placeholders are read out as words, brackets and all
            assert "{to be completed: " in structure_text(pdf)


@pytest.mark.parametrize("name", ["update.html", "register.html"])
def test_html_has_one_h1_no_skipped_levels_and_its_language(files: dict[str, Path],
                                                           name: str) -> None:
    page = parse(files[name].read_text(encoding="utf-8"))
    assert not page.errors and not page.stack
    levels = [level for level, _ in page.headings]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    assert page.all("html")[0].get("lang") == "en-GB"
    assert all(th.get("scope") for th in page.all("th"))


@pytest.mark.parametrize("name", ["update.docx", "register.docx"])
def test_docx_has_real_headings_and_repeating_header_rows(files: dict[str, Path],
                                                          name: str) -> None:
    document = docx.Document(str(files[name]))
    styles = [p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert styles.count("Heading 1") == 1
    assert document.core_properties.language == "en-GB"
    assert document.core_properties.title.startswith(("HMICFRS inspections: progress on",
                                                      "Register of actions on HMICFRS"))
    data_tables = [t for t in document.tables if len(t.rows) > 1
                   and t.rows[0]._tr.trPr is not None
                   and t.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None]
    assert len(data_tables) >= 3


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (Debian libreoffice-writer-nogui) is not installed")
@pytest.mark.xdist_group("libreoffice")
def test_libreoffice_opens_the_docx(libreoffice_pdfs: dict[str, Path]) -> None:
    for name in ("update", "register"):  # files["update.docx"], files["register.docx"]
        text = pypdf.PdfReader(libreoffice_pdfs[name]).pages[0].extract_text()
        assert re.search(r"(recommendations|areas for improvement) as of 15 October 2024",
                         " ".join(text.split()))


def test_output_is_reproducible(register: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    for fmt in ("pdf", "docx", "html"):
        one = peeldocs.render(peeldocs.register_pack(register, "update", peeldocs.Options()), fmt)  # type: ignore[arg-type]
        two = peeldocs.render(peeldocs.register_pack(register, "update", peeldocs.Options()), fmt)  # type: ignore[arg-type]
        assert one == two, fmt
    assert peeldocs.register_workbook(register) == peeldocs.register_workbook(register)  # type: ignore[arg-type]


def test_without_since_the_paper_says_it_cannot_tell_what_changed(tmp_path: Path) -> None:
    reg = peeldocs.register(PLANS, as_of="2024-10-15")
    pdf = peeldocs.render(peeldocs.register_pack(reg, "update"), "pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "No earlier register was given for comparison" in text
    assert main(["register", *map(str, PLANS), "--as-of", "2024-10-15", "--document", "update",
                 "--format", "pdf,docx", "--out", str(tmp_path), "--quiet"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != LEDGER) == ["update.docx",
                                                                              "update.pdf"]


@pytest.mark.xdist_group("chromium")
def test_html_passes_axe_at_phone_and_desktop_widths(files: dict[str, Path],
                                                     browser: Browser | None) -> None:
    reason = axe_ready()
    if reason is not None or browser is None:
        pytest.skip(str(reason))
    for name in ("update.html", "register.html"):
        for view in browser.check(files[name], (320, 390, 1280)):
            assert view["axe"] == [], (name, view["axe"])  # WCAG 2.1 A and AA
            assert view["broken"] == [], name


def test_reader_facing_text_never_mentions_options_or_internals(files: dict[str, Path]) -> None:
    from test_signoff import INTERNALS

    for name in ("update.pdf", "register.pdf"):
        text = " ".join(p.extract_text() for p in pypdf.PdfReader(files[name]).pages)
        assert INTERNALS.search(text) is None, (name, INTERNALS.search(text))
    for name in ("update.docx", "register.docx"):
        text = "\n".join(p.text for p in docx.Document(str(files[name])).paragraphs)
        assert INTERNALS.search(text) is None, name
