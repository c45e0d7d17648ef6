"""What the twelfth editorial read found in the briefing pack and the comparison, read back.

Pack: the executive summary quotes what the report now asks of the earlier
finding it carries forward, not only its 2017 words; the cover labels the
report's title as what it was published as.  Comparison: the sources named in
plain words before the substance, the files at the end; one count table for a
cycle; a cover notice in one tight paragraph; one form for "graded lower".
Layout, in the PDF and the DOCX: a short list is kept on one page, a long table
starts with enough rows or on the next page, and no table's last page holds
one or two rows alone.  Asserted on what a reader gets.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path

import docx
import pypdf
import pytest
from docread import norfolk_plan, review_comparison, text_of

import peeldocs
from peeldocs.blocks import (
    BulletList,
    Cell,
    Heading,
    Metadata,
    Pack,
    Paragraph,
    Section,
    Table,
    plain,
)
from peeldocs.build.registry import render
from peeldocs.model import Report
from peeldocs.options import Options

COMPARE = Path(__file__).resolve().parent / "fixtures" / "compare"
FORMATS = ("pdf", "docx", "html")
NOW = ("The report now says: “[The force] must do more to ensure that supervision is "
       "consistent and appropriate in all investigations – not just those that involve "
       "vulnerable victims.”")


def _fold(data: bytes, fmt: str) -> str:
    if fmt == "html":  # the page's text, not its style sheet
        data = re.sub(rb"<style\b.*?</style>", b" ", data, flags=re.S)
    return " ".join(text_of(data, fmt).replace("•", " ").split())


def _pdf_pages(data: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split())
            for p in pypdf.PdfReader(io.BytesIO(data)).pages]


# the briefing pack

@pytest.mark.parametrize("planned", [True, False])
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_summary_quotes_what_the_report_now_asks_of_the_2017_finding(
        norfolk: Report, fmt: str, planned: bool) -> None:
    options = norfolk_plan(norfolk) if planned else Options(as_of="2019-06-10")
    text = _fold(render(peeldocs.build_pack(norfolk, options), fmt, options), fmt)
    # HTML's text has a space where a bold label or a linked reference ends
    text = text.replace(" :", ":").replace(" ;", ";")
    start = text.rindex("Findings to act on")  # the summary's heading, not its contents entry
    summary = text[start:text.index("Findings by question", start)]
    # the finding's 2017 words, then the report's wider call, in its bullet
    assert ("E-2017-AFI-1: [The area for improvement] was to ensure that [the force] put "
            "appropriate supervision in place to consistently monitor the quality and progress "
            "of investigations involving vulnerable people. " + NOW) in summary
    assert text.count("The report now says") == 1
    # quoted there, it is no longer counted among the calls left out
    assert ("The report makes three further statements of this kind in the passages "
            "behind E2-AFI-1 and E2-AFI-2; they are left out here, as those findings track them.") in summary


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_cover_says_what_the_report_was_published_as(norfolk: Report, fmt: str) -> None:
    options = Options(as_of="2019-06-10")
    text = _fold(render(peeldocs.build_pack(norfolk, options), fmt, options), fmt)
    cover = text[:text.index("Contents")]
    assert "Report title Norfolk PEEL 2018" in cover and "Inspection PEEL 2018/19" in cover
    assert "Title Norfolk PEEL 2018" not in cover


def test_the_welsh_cover_has_the_label_too(norfolk: Report) -> None:
    options = Options(as_of="2019-06-10", language="cy")
    text = _fold(render(peeldocs.build_pack(norfolk, options), "html", options), "html")
    assert "Teitl yr adroddiad Norfolk PEEL 2018" in text


def test_the_action_plans_last_page_never_holds_one_row_alone(norfolk: Report) -> None:
    options = norfolk_plan(norfolk)
    pages = _pdf_pages(render(peeldocs.build_pack(norfolk, options), "pdf", options))
    plan = [p for p in pages if "Ref Finding Actions" in p]
    assert plan
    for page in plan:  # every page of the plan's table holds two rows, or its last row and the
        # notes that close the section (read 19: rows to the first page's foot, not held back)
        rows = re.findall(r"\b(?:E-2017-AFI-1|E2-AFI-\d|E5-REC-1) (?:2017 area|Area|Rec)", page)
        assert len(rows) >= 2 or (rows and "Notes on this pack" in page), page


# the comparison

@pytest.fixture(scope="module")
def compared() -> dict[str, bytes]:
    return {fmt: review_comparison(fmt) for fmt in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_sources_are_named_in_plain_words_and_the_files_come_last(
        compared: dict[str, bytes], fmt: str) -> None:
    text = _fold(compared[fmt], fmt)
    body = text[text.index("What was compared", text.index("Contents") + 30):]
    front = body[:body.index("Forces compared: PEEL")]
    for source in ("A table of grades constructed for illustration, for PEEL 2018/19",
                   "A table of grades constructed for illustration, for PEEL 2021/22",
                   "A table of grades constructed for illustration, for PEEL 2016, 2017 and "
                   "2023–25",
                   "“Norfolk PEEL 2018”, HMICFRS’s PEEL 2018/19 effectiveness report on Norfolk "
                   "Constabulary, last updated 2 May 2019"):
        assert source in front, source
    assert ".csv" not in front and ".yaml" not in front and "entries" not in front
    assert "Efficiency: no grade recorded for Cumbria." in front
    assert "neither a grade nor a status" not in text
    assert "as given here" not in text
    # the file-level detail is a note at the end: after everything it describes
    files = text[text.rindex("About the data"):]
    assert text.rindex("About the data") > text.index("Earlier findings and their outcomes",
                                                       text.index("Contents") + 400)
    assert "constructed-2021-22-areas" in files and "430 entries for 43 forces" in files
    assert ("The Source column repeats each table’s own statement of where its grades come "
            "from; it has not been verified independently." in files)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_cycles_counts_are_one_table(compared: dict[str, bytes], fmt: str) -> None:
    text = _fold(compared[fmt], fmt)
    assert "Number of forces by grade (part" not in text
    assert "PEEL 2021/22: grades by force (part 1 of 2)" in text  # split for width
    if fmt == "docx":
        document = docx.Document(io.BytesIO(compared["docx"]))
        from docx.oxml.ns import qn

        counts = [t for t in document.tables
                  if "number of forces by grade" in t._tbl.tblPr.find(qn("w:tblCaption")).get(
                      qn("w:val"))]
        assert [len(t.rows) - 1 for t in counts] == [3, 9]  # 2018/19's three, 2021/22's nine


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_cover_notice_is_one_tight_paragraph(compared: dict[str, bytes], fmt: str) -> None:
    text = _fold(compared[fmt], fmt)
    cover = text[:text.index("Contents")]
    assert ("All the grades in this pack were constructed for illustration, except Norfolk’s "
            "PEEL 2018/19 effectiveness judgments (the overall judgment and five questions), "
            "which are from the published HMICFRS report “Norfolk PEEL 2018”. The constructed "
            "grades are not HMICFRS judgments, although the forces named are real, and counts, "
            "positions and comparisons that include them are illustrative too: do not quote or "
            "rely on them.") in cover
    for stale in ("set out below", "named below", "The other grades"):
        assert stale not in cover, stale


@pytest.mark.parametrize("fmt", FORMATS)
def test_where_norfolk_stands_says_graded_lower_one_way(compared: dict[str, bytes],
                                                        fmt: str) -> None:
    text = _fold(compared[fmt], fmt)
    assert ("4 forces were graded outstanding and 19 good, and 8 were graded lower (all "
            "requires improvement).") in text
    assert not re.search(r"and \d+ (?:was|were) graded (?:requires|inadequate|adequate|good)",
                         text)


# page breaks, in any document

def test_the_comparisons_short_list_and_long_tables_keep_together(
        compared: dict[str, bytes]) -> None:
    pages = _pdf_pages(compared["pdf"])
    listed = [[n for n, p in enumerate(pages) if f"Effectiveness question {q}: How" in p
               and "(Norfolk: " in p] for q in range(1, 6)]  # the list in 2018/19's section
    assert all(len(on) == 1 for on in listed), listed
    assert len({on[0] for on in listed}) == 1  # the five questions on one page, not two and three
    for n, page in enumerate(pages):
        if "Grades by force" in page and not page.startswith("Contents"):
            # a long table starts with eight rows or more
            after = page[page.rindex("Grades by force"):]
            assert len(re.findall(r"(?:Good|Outstanding|Adequate|improvement|Inadequate|"
                                  r"used|grade)(?= [A-Z])", after)) >= 8 or n + 1 == len(pages), \
                page


def _filler_pack(filler: int, items: int = 5, rows: int = 0) -> Pack:
    words = "The force has made progress against this area for improvement this quarter. "
    blocks = [Heading(1, "Layout", anchor="top"), Paragraph(plain(words * 36)),
              Paragraph(plain("Some words " * (filler * 8)))]
    if items:
        blocks += [Paragraph(plain("The questions, as the report words them:")),
                   BulletList(tuple(plain(f"Question {n}: how effective is the force at "
                                          "keeping people safe and reducing crime?")
                                    for n in range(1, items + 1)))]
    if rows:
        blocks += [Heading(2, "Grades by force", anchor="grades"),
                   Table(((Cell(plain("Force")), Cell(plain("Grade"))),),
                         tuple((Cell(plain(f"Force{n:02d}")), Cell(plain("Good")))
                               for n in range(1, rows + 1)),
                         widths=(3.0, 2.0), caption="Grades by force")]
    blocks.append(Paragraph(plain("End of the section.")))
    return Pack(Metadata("Layout", "test", "test", (), datetime(2024, 1, 1)),
                (Section("body", tuple(blocks)),))


@pytest.mark.parametrize("filler", range(0, 40, 3))
def test_a_short_list_is_never_split_across_pdf_pages(filler: int) -> None:
    pages = _pdf_pages(peeldocs.render(_filler_pack(filler), "pdf"))
    on = [n for n, p in enumerate(pages) for q in range(1, 6) if f"Question {q}:" in p]
    assert len(set(on)) == 1, (filler, on)


@pytest.mark.parametrize("filler", range(0, 48, 3))
def test_a_long_table_starts_with_eight_rows_and_ends_with_three(filler: int) -> None:
    pages = _pdf_pages(peeldocs.render(_filler_pack(filler, items=0, rows=60), "pdf"))
    counts = [len(re.findall(r"Force\d\d Good", p)) for p in pages]
    held = [c for c in counts if c]
    assert sum(held) == 60
    assert held[0] >= 8 and held[-1] >= 3, (filler, counts)


def test_the_docx_keeps_a_short_list_and_a_long_tables_start_and_tail() -> None:
    document = docx.Document(io.BytesIO(peeldocs.render(_filler_pack(0, rows=60), "docx")))
    items = [p for p in document.paragraphs if p.text.startswith("Question ")]
    assert [bool(p.paragraph_format.keep_with_next) for p in items] == [True] * 4 + [False]
    (table,) = document.tables

    def kept(row: int) -> bool:
        return all(p.paragraph_format.keep_with_next
                   for c in table.rows[row].cells for p in c.paragraphs)

    assert all(kept(r) for r in range(0, 8))  # the header and the first rows start together
    assert not kept(30)  # the middle flows
    assert kept(58) and kept(59)  # the last three rows share a page


def test_a_one_section_comparison_keeps_its_files_note_after_what_was_compared() -> None:
    # four pages at most (issue 23): the note goes where there is room, and says where
    pack = peeldocs.compare([COMPARE / "constructed-2018-19-pillars.csv"])
    text = _fold(render(pack, "pdf"), "pdf")
    assert "are listed under “About the data” below." in text
    assert "at the end of the pack" not in text
    body = text[text.index("What was compared", text.index("Contents") + 30):]
    notes = body.index("About the data", body.index("What is missing"))  # the heading
    assert notes < body.index("Forces compared: PEEL 2018/19")
