"""Every kind of PDF peeldocs writes passes the independent PDF/UA checkers, not only the pack.

outloud (PDF/UA-1, WCAG 2.2 and what validators miss) and pdfua, on the brief,
committee paper and s.55 response with an action plan, a force assessment,
an overview imported from a real page, and a comparison pack.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from import_facts import REAL
from pdfread import checker, outloud_findings, pdfua_problems

import peeldocs
from peeldocs.importer import import_page
from peeldocs.plans.files import load_plan

ROOT = Path(__file__).resolve().parent.parent
NORFOLK = ROOT / "data" / "norfolk-2018-effectiveness.yaml"
PLAN = ROOT / "examples" / "norfolk-2018-action-plan.yaml"
EXAMPLE = ROOT / "examples" / "exampleshire-2023-25-assessment.yaml"
GRADES = ROOT / "tests" / "fixtures" / "compare" / "constructed-norfolk-cycles.csv"

pytestmark = pytest.mark.skipif(checker("outloud") is None or checker("pdfua") is None,
                                reason="outloud and pdfua (PyPI, in the test extra) are needed")


def _norfolk(document: str, folder: Path) -> Path:
    report = peeldocs.load_report(NORFOLK)
    published = date(2019, 5, 2)
    plan = load_plan(PLAN, report, as_of=date(2019, 10, 15), published=published)
    options = peeldocs.Options(document=document, plan=plan, published=published,
                               as_of=date(2019, 10, 15))
    (path,) = peeldocs.write_pack(report, options, ["pdf"], folder)
    return path


def _example(document: str, folder: Path) -> Path:
    options = peeldocs.Options(document=document)
    (path,) = peeldocs.write_pack(peeldocs.load_report(EXAMPLE), options, ["pdf"], folder)
    return path


def _overview(document: str, folder: Path) -> Path:
    text = (REAL / "cheshire-2018-19-overview.txt").read_text(encoding="utf-8")
    options = peeldocs.Options(document=document)
    (path,) = peeldocs.write_pack(import_page(text).report, options, ["pdf"], folder)
    return path


def _comparison(_document: str, folder: Path) -> Path:
    pack = peeldocs.compare([GRADES, NORFOLK], focus="Norfolk")
    path = folder / "comparison.pdf"
    path.write_bytes(peeldocs.render(pack, "pdf"))
    return path


def _forces43(_document: str, folder: Path) -> Path:
    """43 forces, one column: a portrait matrix in two columns of forces (issue 23)."""
    from synthetic import grade_table

    pack = peeldocs.compare([grade_table(folder / "forces-43.csv")], focus="Norfolk")
    path = folder / "comparison-43.pdf"
    path.write_bytes(peeldocs.render(pack, "pdf"))
    return path


CASES = [(_norfolk, "brief"), (_norfolk, "committee"), (_norfolk, "s55"),
         (_example, "pack"), (_example, "brief"), (_overview, "pack"), (_overview, "s55"),
         (_comparison, "pack"), (_forces43, "pack")]


@pytest.mark.parametrize(("make", "document"), CASES,
                         ids=[f"{make.__name__.strip('_')}-{doc}" for make, doc in CASES])
def test_the_checkers_find_nothing_to_fix(make: object, document: str, tmp_path: Path) -> None:
    path = make(document, tmp_path)  # type: ignore[operator]
    assert outloud_findings(path) == []
    assert pdfua_problems(path) == ""
