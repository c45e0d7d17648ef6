"""Editorial read 11 of the comparison pack, read back as a reader gets it in every format.

Published grades name the one report they come from (counted from the data, never a
plural for one report); a past cycle's grades "were" given; "unless its bullet says
otherwise" only where a bullet does; area names in double curly quotes, as report titles
are; cycles on one scale inspected under different frameworks carry a caveat (and
cycles whose framework is not recorded carry none); the bullets across cycles cover
every area the table shows, a status said as the data gives it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docread import review_comparison, text_of
from test_compare_io import NORFOLK_2018

import peeldocs
from peeldocs.build.registry import render
from peeldocs.comparisons.cycle import cycle_end_year
from peeldocs.comparisons.model import Column, GradeEntry, Origin
from peeldocs.comparisons.origins import published_words, with_origins
from peeldocs.comparisons.repeats import framework_caveat, frameworks_differ
from peeldocs.importer.frameworks import cycles as framework_cycles
from peeldocs.model import ASSESSMENT_FRAMEWORKS, Force, Grade, Judgment, Status
from peeldocs.options import Options

ROOT = Path(__file__).resolve().parent.parent
COMPARE = ROOT / "tests" / "fixtures" / "compare"
FORMATS = ("pdf", "docx", "html")
HEAD = "force,cycle,pillar,question,grade,status,source\n"
NAMED = "the published HMICFRS report “Norfolk PEEL 2018”"


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    """The pack the editor read: three constructed tables and the published Norfolk report."""
    return {fmt: " ".join(text_of(review_comparison(fmt), fmt).split()) for fmt in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_published_report_is_named_never_counted_as_several(
        documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    assert "published HMICFRS reports" not in text
    assert f"These grades are from {NAMED}:" in text
    assert text.count(f"Grades marked “published” come from {NAMED}; the others were "
                      "constructed for illustration.") == 2  # under the 2018/19 and Norfolk tables
    assert "Text quoted from the report is Crown copyright." in text
    assert "quoted from the reports" not in text


def _entry(source: str, origin: Origin = Origin.HMICFRS, report: str | None = None,
           force: str = "Kent") -> GradeEntry:
    return GradeEntry(Force(force, force), Column("2018/19", "effectiveness", None),
                      Judgment(Status.GRADED, Grade.GOOD), source, origin, report)


def test_published_sources_are_counted_from_the_data() -> None:
    one = [_entry("a.yaml", report="Kent PEEL 2018"), _entry("a.yaml", report="Kent PEEL 2018")]
    assert published_words(one) == "the published HMICFRS report “Kent PEEL 2018”"
    # two report files, even under one title, are two reports
    two = [*one, _entry("b.yaml", report="Kent PEEL 2018")]
    assert published_words(two) == "published HMICFRS reports"
    # a table copied from published reports does not say how many: never "the report"
    assert published_words([_entry("t.csv:2")]) == "published HMICFRS reports"
    # constructed grades beside the published ones do not change the count
    mixed = [*one, _entry("c.csv:3", Origin.CONSTRUCTED, force="Essex")]
    assert published_words(mixed) == "the published HMICFRS report “Kent PEEL 2018”"


def test_a_lead_lowercases_its_first_letter_only_so_a_title_keeps_its_capitals() -> None:
    lead, _said = with_origins([("x", [_entry("a.yaml", report="Kent PEEL 2018")])],
                               published_too=True)
    assert lead == "All the grades below are from the published HMICFRS report “Kent PEEL 2018”."


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_past_cycle_was_graded_and_no_bullet_is_said_to_differ_when_none_does(
        documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    assert ("In PEEL 2021/22, forces were graded on five tiers: outstanding, good, adequate, "
            "requires improvement and inadequate.") in text
    assert "forces are graded" not in text
    assert ("All 43 forces compared have a grade for each of these. All the "
            "grades below were constructed for illustration.") in text
    assert "unless its bullet says otherwise" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_our_own_quotation_marks_are_double_and_curly(documents: dict[str, str],
                                                       fmt: str) -> None:
    text = documents[fmt]
    assert "‘" not in text and "'" not in text  # no single opening quote, no straight one
    assert "graded good for “Engaging with and treating the public with fairness and respect”" \
        in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_cycles_under_different_frameworks_carry_a_caveat_and_every_area_has_its_bullet(
        documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    # read 21: the frameworks by their published titles, quoted; our own text says "2023–25"
    caveat = ("HMICFRS assessed forces in PEEL 2021/22 under the “PEEL Assessment Framework "
              "2021/22” and in PEEL 2023–25 under the “PEEL Assessment Framework 2023–2025” (the "
              "frameworks’ published titles). Each framework sets "
              "the areas assessed and what they cover, so a grade for an area in one of these "
              "cycles may not be like for like with its grade in another, even under the same "
              "name: compare them with care.")
    assert text.count(caveat) == 1
    # said on the five-tier scale, before its table; the four-tier cycles' frameworks are not
    # recorded, so nothing is said of them
    five = text.index("Judgments on the five-tier scale (PEEL 2021/22 to 2023–25) ")
    assert text.index(caveat) > five > text.index("Judgments on the four-tier scale")
    assert text.index(caveat) < text.index("Preventing crime and anti-social behaviour Adequate",
                                           five)
    assert ("Preventing crime and anti-social behaviour: adequate in 2021/22; not yet graded in "
            "2023–25.") in text
    for bullet in ("Responding to the public: adequate in 2021/22 and requires improvement in "
                   "2023–25.", "Investigating crime: adequate in 2021/22 and good in 2023–25.",
                   "Protecting vulnerable people: adequate in 2021/22 and 2023–25."):
        assert bullet in text


def test_framework_caveat_is_for_any_cycles_whose_recorded_frameworks_differ() -> None:
    assert framework_caveat(("2016", "2017", "2018/19")) == ""  # not recorded: nothing said
    assert framework_caveat(("2021/22",)) == ""
    assert frameworks_differ(("2023-25", "2025-27"))
    assert framework_caveat(("2023-25", "2025-27")).startswith(
        "HMICFRS assessed forces in PEEL 2023–25 under the “PEEL Assessment Framework 2023–2025” "
        "and in PEEL 2025–27 under the “PEEL Assessment Framework 2025–2027” (the frameworks’ "
        "published titles).")
    # the model's list agrees with the project's framework data (which holds the sources)
    assert set(ASSESSMENT_FRAMEWORKS) == set(framework_cycles()[1])


def _pack(tmp_path: Path, rows: str, options: Options | None = None,
          focus: str | None = None) -> dict[str, str]:
    table = tmp_path / "constructed.csv"
    table.write_text(HEAD + rows, encoding="utf-8")
    pack = peeldocs.compare([table], focus=focus, options=options)
    return {fmt: " ".join(text_of(render(pack, fmt), fmt).split()) for fmt in FORMATS}


@pytest.mark.parametrize(("as_of", "verb"), [("2024-06-01", "are"), ("2026-01-15", "were")])
def test_a_cycle_under_way_on_the_pack_date_is_graded_in_the_present(
        tmp_path: Path, as_of: str, verb: str) -> None:
    rows = "".join(f"{f},2023-25,,Investigating crime,{g},,constructed\n"
                   for f, g in (("Kent", "good"), ("Essex", "adequate"), ("Surrey", "good")))
    for fmt, text in _pack(tmp_path, rows, Options(as_of=as_of)).items():
        assert f"In PEEL 2023–25, forces {verb} graded on five tiers" in text, fmt


def test_unless_a_bullet_says_otherwise_only_where_one_does(tmp_path: Path) -> None:
    rows = "".join(f"{f},2021/22,,{a},good,,constructed\n" for f in ("Kent", "Essex", "Surrey")
                   for a in ("Investigating crime", "Responding to the public"))
    rows += "Kent,2021/22,,Protecting vulnerable people,good,,constructed\n" \
            "Essex,2021/22,,Protecting vulnerable people,adequate,,constructed\n"
    for fmt, text in _pack(tmp_path, rows, focus="Kent").items():
        assert ("All 3 forces compared have a grade for each of these, unless "
                "its bullet says otherwise.") in text, fmt
        assert re.search(r"for “Protecting vulnerable people” in 2021/22; .{0,80}2 of the 3 "
                         r"forces compared have a grade for this; there is no entry "
                         r"for Surrey\.", text), fmt


def test_bullets_across_cycles_say_a_status_an_unknown_and_a_gap_as_the_data_gives_them(
        tmp_path: Path) -> None:
    rows = ("Kent,2021/22,,Investigating crime,good,,constructed\n"
            "Kent,2023-25,,Investigating crime,,,constructed\n"
            "Kent,2021/22,,Responding to the public,good,,constructed\n"
            "Kent,2025-27,,Responding to the public,good,,constructed\n"
            "Kent,2021/22,,Protecting vulnerable people,,ungraded,constructed\n"
            "Kent,2023-25,,Protecting vulnerable people,,ungraded,constructed\n")
    for fmt, text in _pack(tmp_path, rows).items():
        # an unknown is said to be missing a grade, never "ungraded" or "not graded"
        assert "Investigating crime: good in 2021/22; the data gives no grade for 2023–25." \
            in text, fmt
        # a cycle between two entries with none is missing from the data, not a status
        assert ("Responding to the public: good in 2021/22 and 2025–27; not in the data used "
                "for 2023–25.") in text, fmt
        assert "Protecting vulnerable people: ungraded in 2021/22 and 2023–25." in text, fmt
        assert ("HMICFRS assessed forces in PEEL 2021/22 under the “PEEL Assessment Framework "
                "2021/22”, in PEEL 2023–25 under the “PEEL Assessment Framework 2023–2025” and in "
                "PEEL 2025–27 under the “PEEL Assessment Framework 2025–2027” (the frameworks’ "
                "published titles).") in text, fmt


def test_cycle_end_years() -> None:
    assert [cycle_end_year(c) for c in ("2016", "2018/19", "2021/22", "2023-25", "2099/00")] \
        == [2016, 2019, 2022, 2025, 2100]


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    """The same pack's PDF and DOCX bytes, for its layout."""
    pack = peeldocs.compare([*sorted(COMPARE.glob("*.csv")), NORFOLK_2018], focus="Norfolk")
    return {fmt: render(pack, fmt) for fmt in ("pdf", "docx")}


def test_pdf_landscape_text_keeps_a_portrait_line_and_tables_the_full_width(
        files: dict[str, bytes]) -> None:
    import io

    import pdfplumber

    portrait_right = 595.28 - 56.0  # the portrait page's text area ends here
    with pdfplumber.open(io.BytesIO(files["pdf"])) as pdf:
        pages = {i: p for i, p in enumerate(pdf.pages) if p.width > p.height}
        assert pages  # the cycles' tables are on landscape pages
        # read 21: the words of a cycle with many columns are on portrait pages, so no
        # landscape page is left 40% blank beside them; only its wide tables turn the page
        stands = next(p for p in pdf.pages
                      if "Where Norfolk stands in 2021/22" in (p.extract_text() or ""))
        assert stands.width < stands.height
        words = stands.extract_words()
        top = next(w["top"] for w in words if w["text"] == "Where")
        body = [w for w in words if w["top"] > top and w["top"] < stands.height - 60]
        assert len(body) > 50  # the bullets, each several lines long
        assert max(w["x1"] for w in body) <= portrait_right + 1
        for page in pages.values():  # what text a landscape page has keeps a portrait line
            boxes = [t.bbox for t in page.find_tables()]
            lines = [w for w in page.extract_words() if 70 < w["top"] < page.height - 60
                     and not any(x0 - 1 <= w["x0"] and w["x1"] <= x1 + 1 and top - 1 <= w["top"]
                                 and w["bottom"] <= bottom + 1 for x0, top, x1, bottom in boxes)]
            assert all(w["x1"] <= portrait_right + 1 for w in lines)
        # a grade table on a landscape page still uses the landscape width
        table = next(p for p in pages.values() if "PEEL 2021/22: grades by force (part 1 of 2)"
                     in (p.extract_text() or ""))
        assert max(w["x1"] for w in table.extract_words()) > 700


def test_docx_landscape_text_is_indented_from_the_right_and_cells_are_not(
        files: dict[str, bytes]) -> None:
    import io

    import docx
    from docx.shared import Pt

    document = docx.Document(io.BytesIO(files["docx"]))
    body = document.element.body
    narrowed = [p for p in document.paragraphs if p.paragraph_format.right_indent]
    texts = [" ".join(p.text.split()) for p in narrowed]
    # read 21: a cycle's words are on portrait pages; the landscape section holds its tables
    # of grades by force and the line under each, which keeps a portrait page's width
    assert any(t.startswith("Grades marked “published”") or t.startswith("PEEL 2021/22: grades by")
               for t in texts)
    assert not any(t.startswith("Norfolk was one of 17 forces graded good for “Engaging")
                   for t in texts)
    # only the landscape sections' text: the cover, the files and the force across cycles are not
    assert not any(t.startswith(("This pack compares", "This section follows",
                                 "This section sets out")) for t in texts)
    indent = {p.paragraph_format.right_indent for p in narrowed}
    assert len(indent) == 1 and abs(indent.pop() - Pt(841.9 - 595.3)) < Pt(2)
    # no table cell is narrowed
    assert not body.xpath(".//w:tc//w:pPr/w:ind[@w:right]")
    assert all(not c.paragraphs[0].paragraph_format.right_indent
               for t in document.tables for r in t.rows for c in r.cells)


def test_no_framework_caveat_where_no_row_sets_two_cycles_side_by_side(tmp_path: Path) -> None:
    rows = ("Kent,2021/22,,Investigating crime,good,,constructed\n"
            "Kent,2023-25,,Recording data about crime,good,,constructed\n")
    for fmt, text in _pack(tmp_path, rows).items():
        assert "Assessment Framework" not in text, fmt
        assert "For the following, the data holds one cycle’s entry only." in text, fmt
