"""What editorial read 21-X asked of the comparison, read back as a reader gets it.

A short summary up front, built only from what the pack shows (the focus force's
standing in each cycle, the published report's own judgments and findings), each
point on constructed grades labelled, and what the group is asked to note a
marked placeholder; "Prepared by" on the cover, listed with the other parts to
complete; a question number whose wording is not recorded for one cycle set side
by side with a note; plain words about the inputs; a framework's published title
quoted; and in PDF a cycle's words on portrait pages, only its wide tables landscape.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docread import review_comparison, text_of
from pagefill import pages
from pypdf import PdfReader

import peeldocs
from peeldocs.build.registry import render
from peeldocs.options import Options

COMPARE = Path(__file__).resolve().parent / "fixtures" / "compare"
FORMATS = ("pdf", "docx", "html")
SUMMARY = (
    # the grades' source said once, at the head (read 25-X), not in each point
    "All grades in this summary are constructed for illustration, except Norfolk’s 2018/19 "
    "effectiveness grades, which are published.",
    # read 36: the force across cycles, then its place among the forces, the most recent
    # first (read 35); a point mixing its
    # published grade with constructed ones says which is which
    "Across cycles (illustrative, but Norfolk’s 2018/19 effectiveness grade is published), on the "
    "four-tier scale (PEEL 2016 to 2018/19):",
    "PEEL 2021/22 (illustrative): Norfolk was graded good for 4 of the 9 "
    "areas compared, adequate for 4 and requires improvement for 1 (“Managing offenders and "
    "suspects”, where it was one of 10 forces graded requires improvement). These are on the "
    "five-tier scale, so they are not compared with earlier cycles’ grades.",
    "PEEL 2018/19 (illustrative, but Norfolk’s effectiveness grade is published): Norfolk was one "
    "of 28 forces graded good for effectiveness, one of 12 forces "
    "graded outstanding for efficiency and one of 13 forces graded requires improvement for "
    "legitimacy.",
    # then the published report (read 36: the most recent first; read 33-X had it lead)
    "In PEEL 2018/19, the published report “Norfolk PEEL 2018” graded Norfolk good for "
    "effectiveness, but requires improvement for effectiveness question 2 (“How effective is the "
    "force at investigating crime and reducing re-offending?”).",
    "The report set three areas for "
    "improvement and no causes of concern. Its areas for improvement (all under question 2) "
    "begin: “The force must ensure that staff with the right skills are investigating crimes …”; "
    "“The force should improve how it allocates crime …”; and “The force should ensure regular "
    "and active supervision …”. It lists no recommendations, although its question 5 "
    "findings make one in their text (quoted under “Findings by cycle”).",
    "It revisited four earlier findings, of which it found three addressed; for the 2017 area for "
    "improvement revisited under question 2, the force had not made enough progress.",
    "For the chief officer group to note: {to be completed: what the chief officer group is asked "
    "to note or decide}",
)


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return {fmt: review_comparison(fmt) for fmt in FORMATS}


@pytest.fixture(scope="module")
def documents(files: dict[str, bytes]) -> dict[str, str]:
    return {fmt: " ".join(text_of(data, fmt).split()) for fmt, data in files.items()}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_summary_up_front_says_only_what_the_pack_shows(documents: dict[str, str],
                                                           fmt: str) -> None:
    text = documents[fmt]
    body = text.index("Summary", text.index("What was compared") + 20)  # after the contents
    at = [text.index(point, body) for point in SUMMARY]
    assert at == sorted(at) and at[-1] < text.index("What was compared", body)
    # where the grades come from is said once; no trend across the change of scale
    summary = text[body:text.index("What was compared", body)]
    assert summary.count("constructed") == 1 and "(illustrative:" not in summary
    for word in ("rose", "fell", "improved", "declined", "better than", "worse than"):
        assert word not in summary, word


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_cover_asks_who_prepared_it_and_lists_what_to_complete(documents: dict[str, str],
                                                                   fmt: str) -> None:
    text = documents[fmt]
    assert "Prepared by {to be completed: name and role}" in text
    listed = text.index("To complete before this pack is issued")
    assert listed < text.index("Contents")
    for item in ("On the cover, “Prepared by”: name and role",
                 "On the cover, “Protective marking”: the marking, such as OFFICIAL",
                 "Under “Summary”: what the chief officer group is asked to note or decide"):
        assert text.index(item) > listed, item
    assert "In the header and footer of each page: protective marking" in text
    assert "This pack has four parts that only its author can write." in text


def test_a_marking_given_is_not_listed_to_complete(tmp_path: Path) -> None:
    pack = peeldocs.compare([COMPARE / "constructed-2018-19-pillars.csv"],
                            options=Options(marking="OFFICIAL"))
    text = " ".join(text_of(render(pack, "html"), "html").split())
    assert "This pack has two parts that only its author can write." in text
    assert "“Protective marking”" not in text and "Prepared by" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_number_without_its_wording_in_one_cycle_is_side_by_side_with_a_note(
        documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    row = text.index("Effectiveness question 2: How effective is the force at investigating "
                     "crime and reducing re-offending? (2018/19 wording)")
    note = text.index("Effectiveness question 2’s 2017 wording is not recorded, so its 2017 grade may be for a different question.")  # read 35
    assert row < note < text.index("For the following, the data holds the 2018/19 entry only.")
    for gone in ("following for one cycle only", "cannot be taken to be one question",
                 "has a row for 2017 and one for 2018/19"):
        assert gone not in text, gone


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_words_about_the_inputs_are_plain(documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    for gone in ("less usual kind", "The source given for", "with the same grade; it is counted",
                 "for this in the data", "have a grade in the data", "in the data, so",
                 "The data has grades for only one force"):
        assert gone not in text, gone
    # only the mark the tables use (read 28-X): no "(constructed)" appears in them
    assert ("Grades from a different source from the rest of their table are marked "
            "“(published)”, and a line under the table says what the mark means.") in text
    assert "(constructed)" not in text
    assert ("One of these repeats a grade in the constructed table of PEEL 2018/19 grades and is "
            "counted once.") in text
    # the distinction between no entry and no grade recorded is kept
    assert "42 of the 43 forces compared have a grade for this; there is no entry for Gwent." \
        in text
    assert "“Not in the data used” means the data used holds nothing" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_framework_is_named_by_its_published_title(documents: dict[str, str],
                                                     fmt: str) -> None:
    text = documents[fmt]
    assert "under the “PEEL Assessment Framework 2023–2025” (the frameworks’ published " \
           "titles)" in text
    assert text.count("2023–2025") == 1  # the quoted title only; our own text says 2023–25


def test_pdf_words_are_on_portrait_pages_and_no_page_is_wasted(files: dict[str, bytes],
                                                               tmp_path: Path) -> None:
    path = tmp_path / "c.pdf"
    path.write_bytes(files["pdf"])
    found = pages(path)
    texts = [" ".join((p.extract_text() or "").split())
             for p in PdfReader(io.BytesIO(files["pdf"])).pages]
    # before read 21 the pack was 20 pages, four of its landscape pages 40% blank
    assert len(found) <= 18, len(found)
    middle = found[1:-1]
    assert all(p.fullness >= 0.2 for p in middle), [(p.number, p.fullness) for p in middle]
    for page, text in zip(found, texts, strict=True):
        # only tables of grades by force turn the page; the words are on portrait pages
        if any(w in text for w in ("Where Norfolk stands in", "Number of forces by grade",
                                   "This section sets out")):
            assert not page.landscape, page.number
        if page.landscape:
            assert "Force" in text, page.number
    assert sum(p.landscape for p in found) == 5  # the nine areas' two tables of grades by force
