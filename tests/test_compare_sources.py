"""Where a comparison's grades come from: said as the inputs state it, read back as a reader gets it.

A constructed table is labelled on the cover, in every page's running header and
in the document properties; a table stated to be copied from HMICFRS keeps the
Open Government Licence attribution; a table that does not say is called what it
is, grades as supplied in the file, and nothing more.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import docx
import pypdf
import pytest
from docread import text_of
from pdfread import fold
from test_compare_io import NORFOLK_2018, NORFOLK_CYCLES, PILLARS_2018

import peeldocs
from peeldocs.cli import main
from peeldocs.comparisons.loading import load_comparison, parse_grade_table
from peeldocs.comparisons.model import Origin
from peeldocs.errors import DataError
from peeldocs.model import OGL_ATTRIBUTION, Report
from peeldocs.sources import dump_report

ROOT = Path(__file__).resolve().parent.parent
ALL = "Illustrative example: not HMICFRS grades"
SOME = "Illustrative example: includes constructed grades"
HEAD = "force,cycle,pillar,question,grade,status,source\n"
ROWS = ("Kent,2016,effectiveness,,good,,{0}\n"
        "Essex,2016,effectiveness,,requires improvement,,{0}\n"
        "Surrey,2016,effectiveness,,outstanding,,{0}\n")
FORMATS = ("pdf", "docx", "html")


def table(tmp_path: Path, source: str | None, name: str = "grades.csv") -> Path:
    """A three-force table whose rows say ``source`` (no source column when None)."""
    path = tmp_path / name
    if source is None:
        path.write_text(HEAD.replace(",source", "") + ROWS.replace(",{0}", ""))
    else:
        path.write_text(HEAD + ROWS.format(source))
    return path


def rendered(inputs: list[Path], fmt: str, **kwargs: str) -> bytes:
    return peeldocs.render(peeldocs.compare([str(p) for p in inputs], **kwargs), fmt)


def headers(data: bytes, fmt: str) -> list[str]:
    """The running header of every page after the cover (PDF), of every section (DOCX), or the
    page's masthead (HTML)."""
    if fmt == "pdf":
        return [fold(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(data)).pages[1:]]
    if fmt == "docx":
        return [" ".join(p.text for p in s.header.paragraphs).replace("\u00a0", " ")
                for s in docx.Document(io.BytesIO(data)).sections]  # phrases kept whole (read 34)
    html = data.decode()
    return [html[html.index('<p class="running">'):html.index("</header>")]]


def read(data: bytes, fmt: str) -> str:
    """The document's text; a file name the HTML lets break before its suffix is one word."""
    return text_of(data, fmt).replace(" .yaml", ".yaml").replace(" .csv", ".csv")


def cover(text: str) -> str:
    """The cover's text: up to the contents."""
    return text[:text.index("Contents")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_constructed_table_is_labelled_on_the_cover_and_every_page(
        fmt: str, tmp_path: Path) -> None:
    data = rendered([table(tmp_path, "constructed")], fmt)
    text = read(data, fmt)
    front = cover(text)
    assert ALL in front
    assert "The forces are real police forces, but the grades shown for them are invented" in front
    # said once, by the notice: not again in a sentence about the file (editorial read 6)
    assert "holds grades constructed for illustration" not in front
    assert front.count("they are not HMICFRS judgments") == 1
    # a file is named only in the files table (provenance), never on the cover
    assert "grades.csv" not in front and "Files supplied" not in front
    assert OGL_ATTRIBUTION not in text
    assert "Crown copyright" not in text.replace("not HMICFRS grades and not Crown copyright", "")
    assert "HMICFRS PEEL grades" not in text
    pages = headers(data, fmt)
    assert pages and all(ALL.upper() in page for page in pages), pages  # a banner, in capitals
    files = text[text.index("About the data"):]
    assert "A table of grades constructed for illustration grades.csv" in files \
        and "(file:" not in text
    # where a table's grades come from is as the table states: said once, under the table
    assert "as the table states" not in files
    assert files.count("The Source column repeats the table’s own statement of where its "
                       "grades come from; it has not been verified independently.") == 1


def test_a_constructed_table_is_labelled_in_the_document_properties(tmp_path: Path) -> None:
    path = table(tmp_path, "constructed")
    props = docx.Document(io.BytesIO(rendered([path], "docx"))).core_properties
    assert props.subject.startswith("Constructed example (not HMICFRS grades)")
    assert "illustrative example" in props.keywords and "HMICFRS" not in props.keywords.split(", ")
    assert "not HMICFRS grades and not Crown copyright" in props.comments
    meta = pypdf.PdfReader(io.BytesIO(rendered([path], "pdf"))).metadata
    assert meta is not None and meta.subject.startswith("Constructed example (not HMICFRS grades)")
    html = rendered([path], "html").decode()
    assert 'content="Constructed example (not HMICFRS grades)' in html
    footer = html[html.index("</main>"):]
    assert "Constructed for illustration: not HMICFRS grades" in footer
    assert "Open Government Licence" not in footer


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_table_stated_to_be_copied_from_hmicfrs_keeps_the_attribution(
        fmt: str, tmp_path: Path) -> None:
    data = rendered([table(tmp_path, "HMICFRS")], fmt)
    text = read(data, fmt)
    front = cover(text)
    assert ("One table of grades says its grades are copied from published HMICFRS reports."
            in front)
    assert OGL_ATTRIBUTION in front
    assert "Illustrative" not in text and "constructed" not in text.lower()
    assert "A table of grades copied from published HMICFRS reports" in text
    assert "as the table states" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_table_that_does_not_say_is_grades_as_supplied_and_nothing_more(
        fmt: str, tmp_path: Path) -> None:
    data = rendered([table(tmp_path, None)], fmt)
    text = read(data, fmt)
    front = cover(text)
    assert ("One table of grades does not say where its grades come from, so they are not known "
            "to be HMICFRS judgments.") in front
    assert "before relying" not in text and "check" not in text.lower()
    assert "HMICFRS PEEL grades" not in text and "Open Government Licence" not in text
    assert "Illustrative" not in text
    assert ("A table of grades that does not say where its grades come from"
            in text[text.index("About the data"):])


def test_the_command_says_when_a_table_does_not_say(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    unsaid, said = table(tmp_path, None), table(tmp_path, "HMICFRS", "said.csv")
    assert main(["compare", str(unsaid), str(said), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert f"{unsaid} does not say where its grades come from (add a 'source' column" in err
    assert "said.csv does not say" not in err


@pytest.mark.parametrize("fmt", FORMATS)
def test_constructed_grades_beside_a_real_report_are_labelled_and_the_report_attributed(
        fmt: str) -> None:
    data = rendered([NORFOLK_CYCLES, NORFOLK_2018], fmt)
    text = read(data, fmt)
    front = cover(text)
    assert SOME in front and ALL not in text
    # which grades were constructed, from the counts: all but the report's
    # judgments, counted as a reader counts them: one of the six is ungraded, not a grade
    assert ("All the grades in this pack were constructed for illustration, except Norfolk’s "
            "PEEL 2018/19 effectiveness judgments (the overall judgment and five questions), "
            "which are from the published HMICFRS report “Norfolk PEEL 2018”.") in front
    assert "Some of the grades" not in front
    # the report cited by its title as published, what it covers and its date (review of
    # issue 23: "Norfolk PEEL 2018" alone, undated)
    assert ("The published report used is “Norfolk PEEL 2018”, HMICFRS’s PEEL 2018/19 "
            "effectiveness report on Norfolk Constabulary, last updated 2 May 2019") in front
    # file names only in the files table (provenance), never in the cover's prose
    assert "norfolk-2018-effectiveness.yaml" not in front
    assert "constructed-norfolk-cycles.csv" not in front
    assert OGL_ATTRIBUTION in front  # its earlier findings are quoted
    assert all(SOME.upper() in page for page in headers(data, fmt))
    files = text[text.index("About the data"):]
    assert ("“Norfolk PEEL 2018”, HMICFRS’s PEEL 2018/19 effectiveness report on Norfolk "
            "Constabulary, last updated 2 May 2019 norfolk-2018-effectiveness.yaml") in files
    assert "the overall judgment and five questions" in files and "6 judgments" not in files


def test_a_report_marked_illustrative_is_labelled_in_a_comparison(norfolk: Report,
                                                                  tmp_path: Path) -> None:
    made_up = dataclasses.replace(norfolk, illustrative=True, title="Norfolk (constructed)",
                                  licence="Constructed for a test: not Crown copyright.",
                                  publisher="the peeldocs tests (constructed, not HMICFRS)")
    path = tmp_path / "made-up.yaml"
    path.write_text(dump_report(made_up))
    data = rendered([path, table(tmp_path, "constructed")], "docx")
    text = read(data, "docx")
    assert ALL in cover(text) and OGL_ATTRIBUTION not in text
    assert ("One report is a constructed example, not an HMICFRS report: its judgments are "
            "invented.") in cover(text)
    assert all(ALL.upper() in page for page in headers(data, "docx"))


WRITE = ("write HMICFRS (grades copied from published HMICFRS reports) or constructed (grades "
         "made up for illustration or testing)")


@pytest.mark.parametrize(("cell", "said"), [("made up", "'made up' is not a source"),
                                            ("", "empty"), ("Crown copyright", "'Crown copyright' "
                                                           "is not a source")])
def test_a_bad_source_is_an_error_at_its_line(cell: str, said: str) -> None:
    text = HEAD + "Kent,2016,effectiveness,,good,,constructed\n" + \
        f"Essex,2016,effectiveness,,good,,{cell}\n"
    entries, problems = parse_grade_table(text.encode(), "g.csv")
    assert [str(p) for p in problems] == [f"g.csv:3: source: {said}; {WRITE}"]
    assert [e.force.short_name for e in entries] == ["Kent"]


def test_a_row_without_its_source_and_a_table_of_two_sources_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(HEAD + "Kent,2016,effectiveness,,good,,Constructed\n"
                    "Essex,2016,effectiveness,,good,\n"
                    "Surrey,2016,effectiveness,,good,,hmicfrs\n")
    with pytest.raises(DataError) as caught:
        load_comparison([path])
    assert [(p.line, p.path) for p in caught.value.problems] == [(3, "source"), (4, "source")]
    first, second = (str(p) for p in caught.value.problems)
    assert first.endswith("mixed.csv:3: source: the row has 6 columns and the header 7, so its "
                          f"source is missing; {WRITE}")
    assert second.endswith("mixed.csv:4: source: 'HMICFRS', but line 2 says 'constructed'; one "
                           "table holds grades of one source, so keep constructed grades in a "
                           "table of their own")


def test_source_may_stand_without_status_and_is_read_in_any_case() -> None:
    text = "Force,Cycle,Pillar,Question,Grade,Source\nKent,2016,effectiveness,,good,Illustrative\n"
    entries, problems = parse_grade_table(text.encode(), "s.csv")
    assert problems == [] and [e.origin for e in entries] == [Origin.CONSTRUCTED]


def test_every_constructed_table_shipped_says_so_on_every_row() -> None:
    shipped = [p for folder in ("examples", "tests", "docs", "data")
               for p in (ROOT / folder).rglob("*.csv") if p.name != "forces.csv"]
    assert PILLARS_2018 in shipped and len(shipped) >= 3
    for path in shipped:
        if path.parent.name == "invalid":  # wrong on purpose, for validate: still constructed
            rows = path.read_text(encoding="utf-8").splitlines()[1:]
            assert rows and all(row.endswith(",constructed") for row in rows), path
            continue
        entries, problems = parse_grade_table(path.read_bytes(), path.name)
        assert problems == [] and entries, path
        assert {e.origin for e in entries} == {Origin.CONSTRUCTED}, path
