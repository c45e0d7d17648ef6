"""Read 33-X (report-compare-register §1): the comparison, as its readers get it.

33-X 1. The Summary opened with three points on constructed grades; the published
     report's findings came fifth to seventh.  What the published report says leads.
33-X 2. "Norfolk was one of 28 forces graded good" mixed a published grade with a
     constructed count, the caveat said once above the list: each point that rests
     on constructed grades now says so where it is said, briefly.
33-X 6. The focus force's row in the grades-by-force tables is marked by more than
     "(focus force)" and colour: the whole row is bold (and framed on paper).
33-X 7. The cover title broke "… : PEEL / comparison"; "Pack prepared" gave the build
     date as if the author had chosen it.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pypdf
import pytest
from docread import review_comparison, text_of

import peeldocs
from peeldocs.build.registry import render
from peeldocs.options import Options

ROOT = Path(__file__).resolve().parent.parent
INPUTS = [*sorted((ROOT / "tests" / "fixtures" / "compare").glob("*.csv")),
          ROOT / "data" / "norfolk-2018-effectiveness.yaml"]
FORMATS = ("pdf", "docx", "html")


def _points(fmt: str) -> list[str]:
    """The Summary's points, in order, as a reader gets them."""
    text = " ".join(text_of(review_comparison(fmt), fmt).replace("•", " ").split())
    body = text.index("Summary", text.index("What was compared") + 20)  # after the contents
    summary = text[body:text.index("What was compared", body)]
    # read 35: the force across cycles before its place among the forces; read 36: the most
    # recent first, the published 2018/19 report after them
    starts = ("Across cycles (illustrative), on the five", "Across cycles (illustrative, but",
              "PEEL 2021/22 (", "PEEL 2018/19 (", "In PEEL 2018/19, the published",
              "The report set", "It revisited", "For the chief officer group")
    return [summary[summary.index(s):] for s in starts]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_summary_gives_the_published_report_after_the_latest_grades(fmt: str) -> None:
    points = _points(fmt)
    # read 36: the comparisons, most recent first; then the report's grades, its findings,
    # its verdict on earlier findings (each point found after the one before it)
    assert [len(p) for p in points] == sorted((len(p) for p in points), reverse=True)
    assert points[4].startswith("In PEEL 2018/19, the published report “Norfolk PEEL 2018” "
                                "graded Norfolk good for effectiveness, but requires improvement "
                                "for effectiveness question 2")
    assert "not made enough progress" in points[6][:points[6].index("For the chief")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_point_on_constructed_grades_says_so_where_it_is_said(fmt: str) -> None:
    points = _points(fmt)
    published = [p[:len(p) - len(points[i + 5])] for i, p in enumerate(points[4:7])]
    assert not any("illustrative" in p for p in published)  # the report's words, as published
    # read 35: a point mixing Norfolk's published grade with constructed ones says which
    assert points[3].startswith("PEEL 2018/19 (illustrative, but Norfolk’s effectiveness grade "
                                "is published): Norfolk was one of 28 forces "
                                "graded good for effectiveness")
    assert points[2].startswith("PEEL 2021/22 (illustrative): Norfolk was graded good for 4")
    # the full statement, once, above the list; no long label repeated in each point
    summary = " ".join(points[0].split())
    assert "(illustrative: constructed" not in summary


def test_a_points_mark_follows_its_own_grades() -> None:
    from peeldocs.comparisons.loading import load_comparison
    from peeldocs.comparisons.over_time import tag
    data = load_comparison(INPUTS)
    norfolk = next(f for f in data.forces() if f.short_name == "Norfolk")
    published = [e for e in data.entries if e.origin.name == "HMICFRS"]
    made = [e for e in data.entries if e.origin.name != "HMICFRS"]
    assert tag(published, norfolk) == ""
    assert tag(published + [e for e in made if e.force.name != norfolk.name], norfolk) == (
        " (illustrative counts)")  # Norfolk's own grades published, the others' constructed
    assert tag(made, norfolk) == " (illustrative)"


def _focus_fonts(page: pypdf.PageObject) -> list[str]:
    seen: list[tuple[str, str]] = []

    def visit(text: str, _cm: object, _tm: object, font: dict[str, str] | None,
              _size: float) -> None:
        if text.strip():
            seen.append((text.strip(), (font or {}).get("/BaseFont", "")))

    page.extract_text(visitor_text=visit)
    at = next(i for i, (t, _f) in enumerate(seen) if t.startswith("Norfolk (focus force)"))
    return [f for _t, f in seen[at:at + 4]]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_focus_forces_row_is_bold_not_marked_by_colour_alone(fmt: str) -> None:
    data = review_comparison(fmt)
    if fmt == "pdf":
        pages = [p for p in pypdf.PdfReader(io.BytesIO(data)).pages
                 if "Norfolk (focus force)" in (p.extract_text() or "")]
        assert len(pages) == 3  # the 2018/19 table and both parts of the 2021/22 one
        assert all("Bold" in f for page in pages for f in _focus_fonts(page))
    elif fmt == "docx":
        rows = [r for t in docx.Document(io.BytesIO(data)).tables for r in t.rows
                if r.cells[0].text == "Norfolk (focus force)"]
        assert len(rows) == 3
        assert all(run.bold for r in rows for c in r.cells for p in c.paragraphs
                   for run in p.runs if run.text.strip())
    else:
        html = data.decode()
        assert html.count('<tr class="highlight"') == 3
        assert "tr.highlight th, tr.highlight td { font-weight: bold;" in html


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_cover_title_breaks_after_its_colon(fmt: str) -> None:
    data = review_comparison(fmt)
    if fmt == "pdf":
        first = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
        lines = [" ".join(line.split()) for line in first.splitlines()]
        at = lines.index("Norfolk Constabulary:")
        assert lines[at + 1] == "PEEL comparison"
    elif fmt == "docx":
        title = docx.Document(io.BytesIO(data)).paragraphs
        assert any(p.text == "Norfolk Constabulary: PEEL\u00a0comparison" for p in title)
    else:
        assert "Norfolk Constabulary: PEEL\u00a0comparison</h1>" in data.decode()
    assert peeldocs.compare(INPUTS, focus="Norfolk").metadata.title == (
        "Norfolk Constabulary: PEEL comparison")  # the properties keep plain spaces


@pytest.mark.parametrize("fmt", FORMATS)
def test_pack_prepared_is_the_date_asked_for_or_says_it_is_the_build_date(fmt: str) -> None:
    built = " ".join(text_of(review_comparison(fmt), fmt).split())
    assert "(the day these files were built)" in built
    pack = peeldocs.compare(INPUTS, focus="Norfolk", options=Options(as_of="2026-01-10"))
    dated = " ".join(text_of(render(pack, fmt), fmt).split())
    assert "Pack prepared 10 January 2026 Prepared by" in dated
    assert "files were built" not in dated


def test_compare_takes_an_as_of_date(tmp_path: Path) -> None:
    from peeldocs.cli.command import main
    assert main(["compare", *map(str, INPUTS), "--focus", "Norfolk", "--as-of", "2026-01-10",
                 "--format", "html", "--out", str(tmp_path), "--quiet"]) == 0
    html = (tmp_path / "comparison-norfolk.html").read_text(encoding="utf-8")
    assert "10 January 2026" in html and "files were built" not in html
