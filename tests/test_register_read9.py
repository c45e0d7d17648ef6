"""The register and the quarterly update paper after the ninth editorial read (reader C).

What a reader gets in every format: each inspection named in full once, then
briefly, in sentences and tables; the plans named as a person would; one
bracketed form for a carried-forward finding; a total under the table by
inspection; an author's rating that matches the rules' not flagged as theirs;
the update paper saying where the full register is, setting each finding out
once and filling its pages; and a workbook with its marking, whose register it
is, the items addressed to other bodies, explained import-only columns, and
status and RAG as the documents write them, still imported in either case.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import docx
import openpyxl
import pagefill
import pytest
from docread import REVIEW_PLANS
from pypdf import PdfReader
from test_register_xlsx import PLANS, _columns, _export, _row, plans  # noqa: F401  (fixture)

import peeldocs
from peeldocs.cli import main
from peeldocs.plans.register_names import inspection_names

FORMATS = ("pdf", "docx", "html")
THEMATIC = ("Constructed example: an inspection of how forces record and review missing person "
            "reports")
PEEL_FULL = "PEEL 2018/19 effectiveness inspection"
PEEL_LABEL = "PEEL 2018/19 effectiveness (Norfolk Constabulary)"


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_inspection_is_named_in_full_once_then_briefly(register_texts: dict[str, str],
                                                             fmt: str) -> None:
    for doc in ("register", "update"):
        text = register_texts[f"{doc}.{fmt}"]
        # the made-up name and the tool-speak are gone
        assert "Norfolk PEEL 2018" not in text and "supplied" not in text, doc
        assert "the inspection “" not in text, doc
        # in full once in the sentences (the heading over its actions gives it again)
        assert text.count(f"“{THEMATIC}”") == 1, doc
        assert text.count(THEMATIC) == 2, doc  # the sentence, and the heading over its actions
        assert text.count(PEEL_FULL) == 2, doc  # 'its PEEL 2018/19 …', and its heading
        assert ("two action plans: Norfolk Constabulary’s plan for its PEEL 2018/19 "
                "effectiveness inspection, and the plan for the national thematic inspection "
                f"“{THEMATIC}”") in text, doc
        # then briefly, as a person would
        assert "areas for improvement from the PEEL inspection (E-2017-AFI-1, E2-AFI-1 and " \
            "E2-AFI-2)" in text, doc
    update = register_texts[f"update.{fmt}"]
    assert "The national thematic inspection recommends: “By 31 December 2024," in update


def test_tables_name_each_inspection_by_its_short_form(register_review: Path) -> None:
    for doc in ("register", "update"):
        document = docx.Document(str(register_review / doc / f"{doc}.docx"))
        cells = {c.text for t in document.tables for row in t.rows[1:] for c in row.cells}
        # a PEEL inspection by its cycle, scope and force, never 'PEEL inspection' alone (23-R)
        assert {PEEL_LABEL, "National thematic inspection"} <= cells, doc
        assert "PEEL inspection" not in cells, doc
        assert not any("Norfolk PEEL 2018" in c or THEMATIC in c for c in cells), doc
        by_inspection = next(t for t in document.tables
                             if t.rows[0].cells[0].text == "Inspection"
                             and t.rows[-1].cells[0].text == "Total")
        # the name says the kind: no Kind column beside it; a total row in both documents
        assert [c.text for c in by_inspection.rows[0].cells][:3] == \
            ["Inspection", "Date", "Awaiting allocation"]  # read 36: one column
        assert [c.text for c in by_inspection.rows[-1].cells][-5:] == ["2", "4", "0", "2", "8"]


def test_short_forms_are_built_from_the_data_and_told_apart() -> None:
    reg = peeldocs.register(REVIEW_PLANS, as_of="2024-10-15")
    names = inspection_names(reg)
    peel, thematic = (names[line.plan] for line in reg.inspections)
    assert (peel.full, peel.short, peel.label) == (
        f"the {PEEL_FULL} of Norfolk Constabulary", "the PEEL inspection", PEEL_LABEL)
    assert peel.brief == "PEEL inspection"  # a sheet's name, as briefly as tells it apart
    assert (thematic.full, thematic.short) == (
        f"the national thematic inspection “{THEMATIC}”", "the national thematic inspection")
    # two PEEL inspections of different forces: each told apart by its force
    other = dataclasses.replace(reg.inspections[0], plan="suffolk.yaml",
                                force="Suffolk Constabulary",
                                title=f"{PEEL_FULL} of Suffolk Constabulary")
    two = inspection_names(dataclasses.replace(reg, inspections=(*reg.inspections, other)))
    assert {n.short for n in two.values()} == {
        "the PEEL inspection of Norfolk Constabulary", "the PEEL inspection of Suffolk Constabulary",
        "the national thematic inspection"}
    # two inspections of one kind and no force: each by its full name, never a shared short one
    again = dataclasses.replace(reg.inspections[1], plan="again.yaml", title="Another thematic")
    both = inspection_names(dataclasses.replace(reg, inspections=(*reg.inspections, again)))
    assert both[again.plan].short == "the national thematic inspection “Another thematic”"
    assert both[again.plan].label == "Another thematic"


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_bracketed_form_and_an_authors_matching_rating_is_not_an_override(
        register_texts: dict[str, str], fmt: str) -> None:
    for doc in ("register", "update"):
        text = register_texts[f"{doc}.{fmt}"]
        assert "[The area for improvement] was to ensure that [the force]" in text, doc
        assert "[The 2017 area for improvement]" not in text, doc
    register = register_texts[f"register.{fmt}"]
    assert "(set by the plan’s author)" not in register
    assert "Rated Green by the plan’s author: Example reason." in register


def test_an_author_rating_against_the_rules_is_still_shown_as_theirs(tmp_path: Path) -> None:
    text = Path(REVIEW_PLANS[1]).read_text(encoding="utf-8").replace(
        "  - finding: R3\n    status: in progress\n",
        "  - finding: R3\n    status: in progress\n    rag: green\n"
        "    rag_reason: Example reason. Training booked.\n", 1)
    plan = tmp_path / "thematic.yaml"
    plan.write_text(text.replace("report: examples/", f"report: {Path.cwd()}/examples/"),
                    encoding="utf-8")
    reg = peeldocs.register([str(plan)], as_of="2024-10-15")  # R3's target moved: the rules say Amber
    [pdf] = peeldocs.write_register(reg, "pdf", tmp_path / "out")
    said = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)
    assert "RAG Green, set by the plan’s author: Example reason. Training booked." in said


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_update_paper_says_where_the_full_register_is_and_says_each_point_once(
        register_texts: dict[str, str], fmt: str) -> None:
    update = register_texts[f"update.{fmt}"]
    assert ("The full register as of 15 January 2025, with every finding and action, is {to be "
            "completed: where members can read the full register, such as an appendix or a "
            "link}.") in update
    assert "Paragraph 3.2: where members can read the full register, such as an appendix or a " \
        "link" in update
    # R2 quoted once (4.2), pointed to from 5.2 and from its row in 6.3
    assert update.count("should agree how the return home interview service") == 1
    assert update.count("quoted in paragraph 4.2") == 1 and "Quoted in paragraph 4.2." in update
    assert update.count("no progress was reported") == 1 and "No progress was reported" not in update
    # the evidence gap is not news this quarter: said as still so
    assert re.search(r"4\.4 As in the register as of 15 October 2024, no evidence reference", update)


def test_the_update_papers_second_page_is_filled(register_review: Path) -> None:
    pages = [" ".join((p.extract_text() or "").split())
             for p in PdfReader(register_review / "update" / "update.pdf").pages]
    # section 3 ends on page 2, which is filled: section 4 follows it there, or starts page 3
    # with its table after it
    assert "3.2 The register records" in pages[1]
    fill = pagefill.pages(register_review / "update" / "update.pdf")
    starts = next(n for n, page in enumerate(pages) if "4. Where the actions stand" in page)
    assert starts == 1 or (starts == 2 and fill[1].fullness > 0.6), (starts, fill[1].fullness)
    assert "Total 2 4 0 2 8" in pages[starts]
    # no heading is left at the foot of a page: each page's last heading has text after it
    for n, page in enumerate(pages):
        body = page[:page.rfind("Page ")]
        heads = list(re.finditer(r"\b[1-8]\. [A-Z][a-z ]+|\b\d\.\d [A-Z][a-z]+", body))
        if heads:
            assert len(body) - heads[-1].end() > 40, n


def test_the_workbook_carries_the_marking_whose_it_is_and_the_other_bodies(
        register_review: Path) -> None:
    book = openpyxl.load_workbook(register_review / "register" / "register.xlsx")
    about = {r[0].value: r[1].value for r in book["About"].iter_rows(max_col=2)}
    assert about["Register of"] == "{to be completed: the force or office whose register this is}"
    assert about["Protective marking"] == "{to be completed: the marking, such as OFFICIAL}"
    assert "'Plan file' and 'Row check'" in about["Hidden columns"]
    assert about["Statuses"] == "Awaiting allocation, In progress, Pending sign-off, Closed"
    ws = book["Register"]
    for sheet in (ws, book["About"], book["Addressed to other bodies"]):
        # the marking's place, worded as in the header of the register's PDF, DOCX and HTML,
        # atop every page by formula from About's cell (read 28-R)
        assert "{to be completed: protective marking}" in str(sheet["A1"].value)
        assert "{to be completed" not in sheet.oddHeader.center.text
        assert sheet.protection.sheet
    others = book["Addressed to other bodies"]
    rows = [[c.value for c in row] for row in others.iter_rows(min_row=3)]
    assert [r[0] for r in rows] == ["R4", "AFI2"]
    assert rows[0][1:3] == [THEMATIC, "The College of Policing"]
    assert rows[0][3].startswith("The College of Policing should update its authorised")
    cols = _columns(ws)
    for heading in ("Plan file", "Row check"):
        dim = ws.column_dimensions[openpyxl.utils.get_column_letter(cols[heading])]
        assert dim.hidden and dim.outlineLevel == 1
    r = _row(ws, "E-2017-AFI-1")
    assert ws.cell(r, cols["Status"]).value == "In progress"
    assert str(ws.cell(r, cols["RAG"]).value).startswith("=IF(")  # worked out (read 26-R)


def test_a_marking_given_is_printed_on_every_sheet(plans: Path) -> None:  # noqa: F811
    book = openpyxl.load_workbook(_export("marked", "--marking", "OFFICIAL-SENSITIVE"))
    assert {r[0].value: r[1].value for r in book["About"].iter_rows(max_col=2)}[
        "Protective marking"] == "OFFICIAL-SENSITIVE"
    for ws in (book["Register"], book["Addressed to other bodies"], book["About"]):
        assert ws.oddHeader.center.text.split("\n")[0] == ws.oddFooter.center.text == "OFFICIAL-SENSITIVE"


def test_import_reads_status_and_rag_in_either_case(plans: Path,  # noqa: F811
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    exported = _export()
    before = Path(PLANS[1]).read_text(encoding="utf-8")
    # a workbook as written before, in lower case: nothing changed, nothing written
    book = openpyxl.load_workbook(exported)
    ws = book["Register"]
    cols = _columns(ws)
    for r in range(3, ws.max_row + 1):
        for heading in ("Status", "RAG"):
            cell = ws.cell(r, cols[heading])
            cell.value = str(cell.value).lower()
    book.save("lower.xlsx")
    assert main(["actions", "import", "lower.xlsx"]) == 0
    assert "no edits found" in capsys.readouterr().err
    assert Path(PLANS[1]).read_text(encoding="utf-8") == before
    # an edit made from the capitalised drop-down list is read as the status it names
    book = openpyxl.load_workbook(exported)
    ws = book["Register"]
    ws.cell(_row(ws, "R2"), cols["Status"]).value = "In progress"
    ws.cell(_row(ws, "R2"), cols["Owner"]).value = "Example T/ACC (illustrative)"
    book.save("edited.xlsx")
    assert main(["actions", "import", "edited.xlsx"]) == 0
    after = Path(PLANS[1]).read_text(encoding="utf-8")
    assert "- finding: R2\n    status: in progress\n" in after
    # the other-bodies sheet is never read back as a register sheet
    assert "Addressed to other bodies" not in capsys.readouterr().err
