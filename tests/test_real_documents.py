"""Documents built from real published pages, read as the chief officer who signs them would.

Each test imports a real page beginning (tests/fixtures/real/), builds documents
from it and checks what a reader gets: nothing the import did not read is stated
as a fact, and the wording is what a chief officer would sign.
"""

from __future__ import annotations

import pytest
from docread import text_of
from import_facts import REAL

import peeldocs
from peeldocs.importer import import_page
from peeldocs.options import Options

DOCUMENTS = ("pack", "brief", "committee", "s55")


def imported(name: str) -> peeldocs.Report:
    return import_page((REAL / name).read_text(encoding="utf-8")).report


def read(report: peeldocs.Report, document: str = "pack", fmt: str = "pdf") -> str:
    options = Options(document=document, allow_unknown=True)
    return text_of(peeldocs.render(peeldocs.build_pack(report, options), fmt, options), fmt)


def test_an_overview_missing_a_pillar_judgment_has_it_unknown_never_left_out() -> None:
    # the Humberside 2016 page repeats its effectiveness line where legitimacy's should be
    report = imported("humberside-2016-overview.txt")
    assert [(q.title, q.judgment.describe()) for q in report.questions] == [
        ("Effectiveness", "Not yet graded"), ("Efficiency", "Requires improvement"),
        ("Legitimacy", "Unknown (not found in the imported text)")]
    text = read(report)
    assert "The overview covers three pillars." in text
    assert "The judgment for legitimacy was not found in the imported text." in text
    assert "Check before use" in text
    assert "two pillar" not in text


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_an_overview_names_its_pillars_never_question_numbers(fmt: str) -> None:
    text = read(imported("kent-2017-overview.txt"), fmt=fmt)
    assert ("Efficiency was graded good. Legitimacy was graded outstanding. Effectiveness was "
            "not yet graded.") in text
    assert "Question 1" not in text
