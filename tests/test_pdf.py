"""Read the Norfolk PDF back as a reader gets it: text, outline, metadata, fonts, pages."""

from __future__ import annotations

import dataclasses
import io
import itertools
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import DATA, seed_paragraphs
from pdfread import body_text, fold, outline, page_texts

import peeldocs
from peeldocs.model import FindingSection, Force, KeyFigure, Report, Unit
from peeldocs.options import Marking, Options
from peeldocs.sources.written import LEDGER

BOTTOM_MARGIN = 56.0


@pytest.fixture(scope="module")
def texts(norfolk_pdf: Path) -> list[str]:
    return page_texts(norfolk_pdf)


def test_every_seed_paragraph_and_afi_is_in_the_pdf(norfolk: Report, norfolk_pdf: Path) -> None:
    whole = body_text(norfolk_pdf)
    for q in norfolk.questions:
        for afi in q.areas_for_improvement:
            assert fold(afi.text) in whole
        for section in q.findings:
            for p in section.paragraphs:
                assert fold(p) in whole, p[:60]
    for block in seed_paragraphs():
        if len(block) > 60 and not block.startswith("•"):
            assert block in whole, block[:60]


def test_each_question_shows_its_judgment_beside_its_title(norfolk: Report,
                                                           texts: list[str]) -> None:
    for q in norfolk.questions:
        heading = f"Question {q.number}: "
        page = next(fold(t) for t in texts if heading + q.title[:30] in fold(t)
                    and "Judgment" in t and not t.startswith("Contents"))
        after = page[page.index(heading):]
        label = q.judgment.grade.label if q.judgment.grade else "Ungraded"
        assert after.index("Judgment") < 250
        assert after.index(label) < after.index("Judgment") + 40, (q.number, after[:300])
    q4 = fold("\n".join(texts))
    assert "Carried over from the 2016 inspection" in q4
    assert "Good (carried over from 2016)" in q4


def test_outline_has_sections_and_questions_nested(norfolk_pdf: Path) -> None:
    entries = outline(norfolk_pdf)
    top = [title for depth, title, _, _ in entries if depth == 0]
    assert top[:2] == ["Norfolk Constabulary: PEEL 2018/19 effectiveness", "Contents"]
    # the notes on method are a section of their own, not a sixth question (read 7)
    assert top[2:] == ["Executive summary", "Findings by question",
                       "Findings needing an action plan",  # no plan given
                       "Notes on this pack"]  # they close the pack
    questions = [t for d, t, _, _ in entries if d == 1 and t.startswith("Question ")]
    assert len(questions) == 5
    depths = [d for d, *_ in entries]
    assert all(b - a <= 1 for a, b in itertools.pairwise(depths))


def test_no_heading_is_stranded_at_a_page_foot(norfolk_pdf: Path) -> None:
    for _depth, title, _page, top in outline(norfolk_pdf):
        assert top > BOTTOM_MARGIN + 60, f"{title!r} sits {top:.0f}pt from the page foot"


def test_executive_summary_fits_three_pages(norfolk_pdf: Path) -> None:
    entries = outline(norfolk_pdf)
    pages = {title: page for _, title, page, _ in entries}
    assert pages["Executive summary"] == 2  # cover, contents, then the summary
    # the report's own summary right after the judgments (read 33), then the live findings
    assert pages["What the inspectorate said"] == pages["Executive summary"]
    assert pages["Findings to act on"] <= pages["Executive summary"] + 1
    assert 1 <= pages["Findings by question"] - pages["Executive summary"] <= 3
    order = [page for _, _, page, _ in entries]
    assert order == sorted(order)
    assert order[-1] == len(page_texts(norfolk_pdf)) - 1


def test_metadata_language_and_display_title(norfolk_pdf: Path) -> None:
    with pikepdf.open(norfolk_pdf) as pdf:
        info = pdf.docinfo
        assert str(info["/Title"]) == "Norfolk Constabulary, PEEL 2018/19 effectiveness: briefing pack"
        assert "Norfolk Constabulary" in str(info["/Subject"])
        assert "HMICFRS" in str(info["/Keywords"])
        assert str(info["/Author"]) == ""  # the organisation when given, never the program
        assert str(pdf.Root.Lang) == "en-GB"
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        assert str(info["/CreationDate"]).startswith("D:20231114")
        assert str(pdf.Root.PageMode) == "/UseOutlines"


def test_every_font_is_embedded_truetype(norfolk_pdf: Path) -> None:
    seen = set()
    with pikepdf.open(norfolk_pdf) as pdf:
        for page in pdf.pages:
            for _name, font in page.Resources.Font.items():
                seen.add(str(font.BaseFont))
                descendant = font.get("/DescendantFonts")
                desc = (descendant[0] if descendant else font).FontDescriptor
                assert "/FontFile2" in desc, font.BaseFont
                assert "/ToUnicode" in font, font.BaseFont
    assert any("PeeldocsSans" in s or "Liberation" in s for s in seen), seen


def test_pages_are_a4_and_numbered_n_of_m(norfolk_pdf: Path, texts: list[str]) -> None:
    with pikepdf.open(norfolk_pdf) as pdf:
        sizes = {tuple(round(float(v)) for v in p.MediaBox[2:]) for p in pdf.pages}
    assert sizes <= {(595, 842), (842, 595)}
    assert (842, 595) in sizes  # the action plan is landscape
    n = len(texts)
    assert "Page 1 of" not in texts[0]  # the cover carries no page number
    for i, text in enumerate(texts[1:], start=2):
        assert f"Page {i} of {n}" in text


def test_marking_in_header_and_footer_of_every_page(texts: list[str]) -> None:
    for text in texts:
        assert text.count("OFFICIAL") >= 2


def test_attribution_and_action_plan(texts: list[str]) -> None:
    whole = fold("\n".join(texts))
    assert "Contains public sector information licensed under the Open Government Licence v3.0." in whole
    last = fold(texts[-1])
    assert "Findings needing an action plan" in last and "E2-AFI-1" in last and "E-2017-AFI-1" in last
    # the section 55 deadline is said once, in the summary's deadlines (read 8-P)
    assert whole.count("The publication date was not supplied, so the section 55 deadline is "
                       "not shown.") == 1


def test_s55_deadline_when_publication_date_is_given(norfolk: Report, tmp_path: Path) -> None:
    from datetime import date

    opts = Options(published=date(2019, 5, 2))
    (path,) = peeldocs.write_pack(norfolk, opts, ["pdf"], tmp_path)
    whole = fold(" ".join(page_texts(path)))  # said in full once, in the summary's deadlines
    # after the deadline, asked as one question (read 35)
    assert whole.count("by 26 June 2019, 56 days beginning with the day of publication") == 1


def hostile_report(norfolk: Report) -> Report:
    long_word = "Llanfair" + "pwll" * 73  # 300 characters, no break
    figs = tuple(
        KeyFigure(id=f"X-{i}", label=f"Row {i} <b>&</b>", value=i * 1.5, unit=Unit.PERCENT,
                  source="Made up for a stress test.", question=1)
        for i in range(200)
    )
    q1 = norfolk.questions[0]
    q1 = dataclasses.replace(q1, findings=(
        FindingSection("Heading with <b>&</b> & <para>", (
            "Text with <b>&</b>, &amp; and <font color=red>markup</font> prints literally.",
            "Welsh: Gŵyl, ŷd, Ŵ, Ŷ; right to left: שלום; emoji: 🚓.",
            f"A very long word: {long_word} ends here.",
        )),
    ))
    return dataclasses.replace(
        norfolk, force=Force("Heddlu Dyfed-Powys <&>", "Dyfed-Powys"),
        questions=(q1, *norfolk.questions[1:]), key_figures=figs)


def test_hostile_text_renders_literally(norfolk: Report, tmp_path: Path) -> None:
    report = hostile_report(norfolk)
    (path,) = peeldocs.write_pack(report, Options(), ["pdf"], tmp_path)
    whole = body_text(path)
    assert "Text with <b>&</b>, &amp; and <font color=red>markup</font> prints literally." in whole
    assert "Gŵyl, ŷd, Ŵ, Ŷ" in whole
    assert "Heddlu Dyfed-Powys <&>" in whole
    assert "Row 199 <b>&</b>" in whole
    long_word = "Llanfair" + "pwll" * 73
    assert long_word in whole.replace(" ", "")


def test_two_builds_are_byte_identical(norfolk: Report, tmp_path: Path) -> None:
    a = peeldocs.render(peeldocs.build_pack(norfolk, Options()), "pdf", Options())
    b = peeldocs.render(peeldocs.build_pack(norfolk, Options()), "pdf", Options())
    assert a == b


def test_clock_changes_only_dates(norfolk: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    a = peeldocs.render(peeldocs.build_pack(norfolk, Options()), "pdf", Options())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    b = peeldocs.render(peeldocs.build_pack(norfolk, Options()), "pdf", Options())
    assert a != b
    with pikepdf.open(io.BytesIO(b)) as pdf:  # the info dictionary may sit in an object stream
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:20200913")


def test_marking_never_invented_its_place_marked_on_every_page(norfolk: Report,
                                                               tmp_path: Path) -> None:
    """No marking is invented: the cover's row asks the author for one, and the running
    header and footer of every page carry a placeholder where the marking goes, never a
    marking (read 8-P, fault 1; reads 11-R and 12, the marking only on the cover)."""
    (path,) = peeldocs.write_pack(norfolk, Options(marking=Marking.NONE), ["pdf"], tmp_path)
    texts = [t.replace("{to be completed: the marking, such as OFFICIAL}", "")
             for t in page_texts(path)]
    assert all("OFFICIAL" not in t for t in texts)
    assert all(t.count("{to be completed: protective marking}") == 2 for t in texts)
    assert "Protective marking {to be completed: the marking, such as OFFICIAL}" in " ".join(
        " ".join(t.split()) for t in page_texts(path))


@pytest.mark.skipif(shutil.which("pdftoppm") is None,
                    reason="pdftoppm (Debian poppler-utils) is not installed")
def test_pages_render_to_png(norfolk_pdf: Path, tmp_path: Path, texts: list[str]) -> None:
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(norfolk_pdf), str(tmp_path / "p")],
                   check=True, capture_output=True)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == len(texts)
    assert all(p.stat().st_size > 1000 for p in pngs)


def test_cli_build_writes_the_pdf(tmp_path: Path) -> None:
    from peeldocs.cli import main

    assert main(["build", str(DATA), "--format", "pdf", "--out", str(tmp_path), "--quiet"]) == 0
    out = tmp_path / "norfolk-2018-effectiveness.pdf"
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir() if p.name != LEDGER] == [out.name]  # no temporary files


def test_contents_page_numbers_match_the_outline(norfolk_pdf: Path) -> None:
    import pdfplumber  # reads the page numbers, painted through form XObjects, in their lines

    with pdfplumber.open(norfolk_pdf) as pdf:
        contents = pdf.pages[1].extract_text()
    assert "Contents" in contents
    lines = [" ".join(line.split()) for line in contents.splitlines()]
    for _depth, title, page, _top in outline(norfolk_pdf):
        if title in ("Contents", "Norfolk Constabulary: PEEL 2018/19 effectiveness"):
            continue
        if title.startswith(("Prioritising", "Protecting", "Investigation", "Catching",
                             "Understanding", "Responding", "Supporting", "Working",
                             "Figures stated", "What is overdue", "Deadlines and",
                             "Other points")):
            continue  # level-3 headings are in the outline, not the contents
        tail = title.split()[-1]
        match = [ln for ln in lines if ln.endswith(f"{tail} {page + 1}")]
        assert match, (title, page + 1)


def test_contents_entries_link_to_their_headings(norfolk_pdf: Path) -> None:
    wanted = {title: page for depth, title, page, _ in outline(norfolk_pdf)
              if depth <= 1 and title not in ("Contents",) and not title.startswith("Norfolk")}
    with pikepdf.open(norfolk_pdf) as pdf:
        annots = pdf.pages[1].get("/Annots", [])
        targets = [a.Dest[0] for a in annots if a.get("/Subtype") == "/Link"]
        target_pages = sorted(pdf.pages.index(pdf.pages.from_objgen(t.objgen)) for t in targets)
    assert len(targets) == len(wanted) == 14  # "Notes on this pack" after the findings; "Good practice the report names"
    assert "Notes on this pack" in wanted
    assert target_pages == sorted(wanted.values())


def test_long_tables_repeat_their_header_row_on_every_page(norfolk: Report,
                                                           tmp_path: Path) -> None:
    report = hostile_report(norfolk)
    (path,) = peeldocs.write_pack(report, Options(), ["pdf"], tmp_path)
    pages = [t for t in page_texts(path) if "Row " in t and "<b>&</b>" in t]
    assert len(pages) >= 3  # the 200-row figure table spans pages
    for text in pages:
        head = text.index("Figure\nValue") if "Figure\nValue" in text else text.index("Figure")
        assert head < text.index("Row "), "header row must come before the rows on each page"


def test_chart_is_vector_with_text_labels(norfolk_pdf: Path, texts: list[str]) -> None:
    with pikepdf.open(norfolk_pdf) as pdf:
        for page in pdf.pages:
            xobjects = page.Resources.get("/XObject", {})
            assert not [k for k, v in xobjects.items() if v.get("/Subtype") == "/Image"]
    summary = fold("\n".join(texts[2:5]))
    assert "20.6%" in summary and "16.1%" in summary and "England and Wales" in summary
