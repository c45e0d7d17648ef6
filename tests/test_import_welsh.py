"""Welsh pages import: the real Welsh openings of the four Welsh forces' assessments.

From the Welsh text alone and with the page's address, each gives the right
force, cycle, kind, number of areas and language; what the importer does not
read from Welsh (the areas, grades and findings) is unknown, and documents say so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import peeldocs
from peeldocs.importer import NotAPeelPageError, import_page
from peeldocs.importer.welsh import count_cy, looks_welsh
from peeldocs.model import ReportKind

WELSH = Path(__file__).resolve().parent / "fixtures" / "real" / "welsh"
BASE = "https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/"

# file, address, force, cycle, areas stated, whether the opening names the cycle itself
PAGES = [
    ("dyfed-powys-2021-22", "heddlu-dyfed-powys-2021-22/", "Dyfed-Powys Police", "2021/22", 13,
     False),
    ("dyfed-powys-2023-25", "heddlu-dyfed-powys-2023-25/", "Dyfed-Powys Police", "2023-25", 9,
     True),
    ("gwent-2021-22", "heddlu-gwent-2021-22", "Gwent Police", "2021/22", 10, True),
    ("north-wales-2021-22", "heddlu-gogledd-cymru-2021-22/", "North Wales Police", "2021/22", 11,
     True),
    ("north-wales-2023-25", "heddlu-gogledd-cymru-2023-25/", "North Wales Police", "2023-25", 10,
     True),
    ("south-wales-2023-25", "heddlu-de-cymru-2023-25/", "South Wales Police", "2023-25", 10,
     True),
]


@pytest.mark.parametrize(("name", "address", "force", "cycle", "areas", "names_cycle"), PAGES,
                         ids=[p[0] for p in PAGES])
def test_welsh_openings_import(name: str, address: str, force: str, cycle: str, areas: int,
                               names_cycle: bool) -> None:
    text = (WELSH / f"{name}-cy.txt").read_text(encoding="utf-8")
    assert looks_welsh(text)
    runs = [BASE + address] + ([None] if names_cycle else [])
    for url in runs:
        result = import_page(text, url)
        report = result.report
        assert (report.force.name, report.cycle, report.kind) == (force, cycle,
                                                                  ReportKind.ASSESSMENT)
        assert report.language == "cy"
        assert report.areas_assessed == areas
        assert report.source_url == url
        # the areas are not read from Welsh: unknown, never "none"
        assert report.questions == () and report.questions_not_found
        assert result.facts["force"].startswith('"Heddlu ')
        assert any("not read from Welsh text" in n for n in result.notes)
        assert all(s and not s.startswith("PEEL") for s in report.summary)  # verbatim Welsh


def test_an_opening_that_does_not_name_its_cycle_needs_its_address() -> None:
    """The 2021/22 Dyfed-Powys opening names no cycle: it is refused, never guessed."""
    text = (WELSH / "dyfed-powys-2021-22-cy.txt").read_text(encoding="utf-8")
    with pytest.raises(NotAPeelPageError, match=r"Welsh text.*name the force and the cycle"):
        import_page(text)
    assert import_page(text, cycle="2021/22").report.cycle == "2021/22"


def test_welsh_counts() -> None:
    assert [count_cy(w) for w in ("naw", "deg", "13", "un ar ddeg", "Wyth")] == [9, 10, 13, 11, 8]


def test_english_pages_are_not_taken_for_welsh() -> None:
    english = ("Overall summary\nOur judgments\nOur inspection assessed how good Dyfed-Powys "
               "Police (Heddlu Dyfed-Powys) is in ten areas of policing.\nPEEL 2023–2025\n")
    assert not looks_welsh(english)


def test_documents_from_a_welsh_report_keep_its_welsh_quotations(tmp_path: Path) -> None:
    text = (WELSH / "gwent-2021-22-cy.txt").read_text(encoding="utf-8")
    report = import_page(text, BASE + "heddlu-gwent-2021-22").report
    for language in ("cy", "en", "cy+en"):
        pack = peeldocs.build_pack(report, peeldocs.Options(
            document="s55", language=language, allow_unknown=True))
        html = peeldocs.render(pack, "html").decode("utf-8")
        assert "Heddlu Gwent" in html
        if language == "en":  # an English document marks the Welsh report's words as Welsh
            assert '<html lang="en-GB">' in html
            assert '<span lang="cy-GB">Heddlu Gwent PEEL 2021/22</span>' in html
            assert "The report is quoted as the inspectorate published it, in Welsh." in html
        else:
            assert "Ymateb i HMICFRS: arolygiad PEEL 2021/22 o Heddlu Gwent" in html
        # what was not read is said, in the document's language
        assert ("ni chafwyd hyd i" in html.lower()) or ("not found in the imported text" in html)


def test_a_bilingual_document_quotes_the_welsh_report_in_its_welsh_part(tmp_path: Path) -> None:
    """``--welsh-report``: the Welsh part quotes the Welsh page, the English part the English."""
    import dataclasses

    from peeldocs.cli import main
    from peeldocs.errors import OptionError, PeeldocsError
    from peeldocs.sources import dump_report
    from peeldocs.sources.unknowns import UnknownFactsError

    welsh = import_page((WELSH / "gwent-2021-22-cy.txt").read_text(encoding="utf-8"),
                        BASE + "heddlu-gwent-2021-22").report
    # constructed for this test: the English report stands in for the English page
    english = dataclasses.replace(welsh, language="en", title="Gwent PEEL 2021/22 (English)",
                                  summary=())
    pack = peeldocs.build_pack(english, peeldocs.Options(
        document="s55", language="cy+en", welsh_report=welsh, allow_unknown=True))
    welsh_part, english_part = pack.sections
    assert "Heddlu Gwent PEEL 2021/22" in str(welsh_part.blocks)
    assert "Gwent PEEL 2021/22 (English)" not in str(welsh_part.blocks)
    assert "Gwent PEEL 2021/22 (English)" in str(english_part.blocks)
    with pytest.raises(UnknownFactsError):  # the Welsh page's unknowns count too
        peeldocs.build_pack(english, peeldocs.Options(document="s55", language="cy+en",
                                                      welsh_report=welsh))
    norfolk = peeldocs.load_report(Path(__file__).resolve().parent.parent / "data" /
                                   "norfolk-2018-effectiveness.yaml")
    with pytest.raises(PeeldocsError, match="not the same report"):
        peeldocs.build_pack(norfolk, peeldocs.Options(document="s55", language="cy+en",
                                                      welsh_report=welsh, allow_unknown=True))
    with pytest.raises(OptionError, match="not a report published in Welsh"):
        peeldocs.Options(welsh_report=english)
    # the command line: --welsh-report loads the Welsh page's data file
    welsh_file, english_file = tmp_path / "gwent-cy.yaml", tmp_path / "gwent.yaml"
    welsh_file.write_text(dump_report(welsh), encoding="utf-8")
    english_file.write_text(dump_report(english), encoding="utf-8")
    assert main(["build", str(english_file), "--document", "s55", "--language", "cy+en",
                 "--welsh-report", str(welsh_file), "--allow-unknown", "--format", "html",
                 "--quiet", "--out", str(tmp_path / "out")]) == 0
    (page,) = (tmp_path / "out").glob("*.html")
    assert "Heddlu Gwent PEEL 2021/22" in page.read_text(encoding="utf-8")
