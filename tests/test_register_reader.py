"""The register and its quarterly update paper as a PCC office's analyst reads them.

What the actions are and who signed them off, the reasons recorded for a moved
target or a RAG set by hand, what RAG means, to whom each recommendation is
addressed, a quarter with no progress said plainly, the force named, counts of
what is said, publication dates, and table markup and layout: asserted on the
text of the PDF, the DOCX (and as LibreOffice lays it out), the HTML and the
workbook, for the two example plans and for plans built here.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from html import unescape
from pathlib import Path

import docx
import openpyxl
import pagefill
import pytest
from docread import REVIEW_PLANS, docx_text, reader_text
from pagefill import convert_with_libreoffice, sparse_pages
from pypdf import PdfReader
from test_update_paper_findings import SHARE

import peeldocs
from peeldocs.plans.register import Register
from peeldocs.sections.register_docs import quiet
from peeldocs.sections.register_words import plans_words

PLANS = REVIEW_PLANS
THEMATIC = ("Constructed example: an inspection of how forces record and review missing person "
            "reports")


@pytest.fixture(scope="module")
def out(register_review: Path) -> Path:
    """The review's documents: the register on 15 October 2024, the update on 15 January 2025."""
    return register_review


@pytest.fixture(scope="module")
def texts(out: Path) -> dict[str, str]:
    """What a reader gets from each document in each format, whitespace folded."""
    got = {}
    for doc in ("register", "update"):
        for fmt in ("pdf", "docx", "html"):
            got[f"{doc}.{fmt}"] = reader_text(out / doc / f"{doc}.{fmt}")
    return got


FORMATS = ("pdf", "docx", "html")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_register_says_what_each_action_is_and_who_signed_off_a_closed_one(
        texts: dict[str, str], fmt: str) -> None:
    text = texts[f"register.{fmt}"]
    assert "(Example) add supervision checks to the monthly performance meeting." in text
    assert ("Closed on 4 October 2019, four days after its target, signed off by Example DCC "
            "(illustrative). Evidence: "
            "Example evidence reference (illustrative).") in text
    # a closed item with no evidence reference recorded says so, not nothing; it is the
    # reference the plan lacks (its update may say evidence was accepted), never the evidence
    assert "signed off by Example DCC (illustrative). No evidence reference recorded." in text
    assert "No evidence recorded" not in text
    assert "No actions recorded." in text  # E2-AFI-2 and R2 have none yet


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_update_paper_says_what_the_overdue_actions_are(texts: dict[str, str],
                                                            fmt: str) -> None:
    text = texts[f"update.{fmt}"]
    assert "(Example) revise the risk grading policy." in text
    assert "(Example) appoint a professional lead for investigations; (Example) review " \
           "investigative training provision." in text


def test_the_workbook_has_the_actions_sign_off_and_evidence(out: Path) -> None:
    ws = openpyxl.load_workbook(out / "register" / "register.xlsx")["Register"]
    heads = [c.value for c in ws[2]]
    rows = [dict(zip(heads, (c.value for c in row), strict=False))
            for row in ws.iter_rows(min_row=3)]
    closed = next(r for r in rows if r["Ref"] == "E2-AFI-3")
    assert closed["Actions planned"] == "(Example) record supervision reviews on the crime system"
    assert closed["Signed off by"] == "Example DCC (illustrative)"
    assert closed["Evidence"] == "Example evidence reference (illustrative)"


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_register_keeps_every_recorded_reason(texts: dict[str, str], fmt: str) -> None:
    text = texts[f"register.{fmt}"]
    assert ("Target moved from 14 September 2024: Example reason. Training slots moved to "
            "November.") in text
    # a rating the author set as the rules would (a closed item is Green) is not flagged as
    # set by them; its reason has room with the latest update, not called an override
    assert "Green (set by the plan’s author)" not in text
    assert "RAG rating set by the plan’s author" not in text
    assert ("Rated Green by the plan’s author: Example reason. Closed four days "
            "late but fully delivered.") in text
    assert "set manually" not in text and "set by the owner" not in text
    assert "by hand" not in text.lower()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_reason_given_in_an_update_is_not_called_missing(texts: dict[str, str],
                                                          fmt: str) -> None:
    for doc in ("register", "update"):
        text = texts[f"{doc}.{fmt}"]
        assert ("Target moved from 31 July 2019 (as the update of 2 September "
                "2019 says).") in text
        assert "as the latest update says" not in text
        assert "no reason recorded" not in text.lower()


def _one_item_plan(tmp_path: Path, body: str) -> Register:
    plan = tmp_path / "plan.yaml"
    plan.write_text("report: examples/constructed-thematic-inspection.yaml\nitems:\n" + body,
                    encoding="utf-8")
    return peeldocs.register([plan], as_of="2024-10-15")


def _cells(reg: Register, tmp_path: Path) -> str:
    [path] = peeldocs.write_register(reg, "docx", tmp_path / "out", document="register")
    return docx_text(path.read_bytes())


def test_a_moved_target_with_no_reason_anywhere_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path.cwd()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").mkdir()
    shutil.copy(root / "examples" / "constructed-thematic-inspection.yaml", tmp_path / "examples")
    reg = _one_item_plan(tmp_path, (
        "  - finding: R1\n    status: in progress\n    owner: ACC Test\n"
        "    original_target: 2024-09-30\n    current_target: 2024-12-31\n"
        "    updates:\n      - when: 2024-10-01\n        text: Review step designed.\n"))
    assert "Target moved from 30 September 2024: no reason recorded." in _cells(reg, tmp_path)


@pytest.mark.parametrize("fmt", FORMATS)
def test_rag_is_defined_once_and_an_unallocated_item_is_not_green(texts: dict[str, str],
                                                                  fmt: str) -> None:
    text = texts[f"register.{fmt}"]
    assert text.count("RAG ratings: Red means overdue") == 1
    assert "Amber means at risk" in text and "Green means closed with all three recorded, or on track" in text
    # R2 has no owner and is awaiting allocation: Amber, never Green
    r2 = text[text.index("R2 recommendation"):]
    r2 = r2[:r2.index("R3 recommendation")]
    assert "Amber" in r2 and "Green" not in r2


def test_no_overdue_item_is_green_in_any_register(out: Path) -> None:
    for as_of in ("2024-10-15", "2025-01-15", "2030-01-01"):
        reg = peeldocs.register(PLANS, as_of=as_of)
        assert all(e.state.rag.value == "red" for e in reg.overdue), as_of


@pytest.mark.parametrize("fmt", FORMATS)
def test_whom_each_recommendation_is_addressed_to_is_said(texts: dict[str, str],
                                                         fmt: str) -> None:
    register = texts[f"register.{fmt}"]
    assert "R2 recommendation addressed to chief constables and police and crime " \
        "commissioners" in register
    # the addressee is ours: never inside the verbatim finding
    assert "Addressed to all forces." not in register
    assert "commissioners. Addressed to" not in register
    assert SHARE in texts[f"update.{fmt}"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_quarter_with_no_progress_is_said_plainly(texts: dict[str, str], fmt: str) -> None:
    text = texts[f"update.{fmt}"]
    # both registers named: the paper is not a register, so never "this one" (read 16-R)
    said = ("Between the registers as of 15 October 2024 and 15 January 2025, no update was "
            "recorded, "
            "nothing closed and no target date changed, but two findings became overdue.")
    assert text.count(said) == 1  # in 5.1, where what changed is said; not again in 2.1
    assert re.search(r"5\.1 " + re.escape(said), text)
    # 1.2 says there was no progress; 5.1 gives the detail without saying it again
    assert text.count("no progress was reported on any finding") == 1
    assert "No progress was reported" not in text
    # what 5.1 has just said is not said again in other words
    assert "no findings had their target date changed" not in text
    assert "no findings closed" not in text


def test_a_quarter_with_an_update_is_not_called_quiet() -> None:
    reg = peeldocs.register(PLANS, as_of="2024-10-15", since="2024-07-01")
    assert not quiet(reg)  # AFI1 closed and E2... updated in that time
    reg = peeldocs.register(PLANS, as_of="2025-01-15", since="2024-10-15")
    assert quiet(reg)
    assert not quiet(peeldocs.register(PLANS, as_of="2025-01-15"))  # no earlier point: unsaid


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_force_is_named_only_for_its_own_plan(texts: dict[str, str], fmt: str) -> None:
    plans = ("two action plans: Norfolk Constabulary’s plan for its PEEL 2018/19 effectiveness "
             f"inspection, and the plan for the national thematic inspection “{THEMATIC}”")
    register, update = texts[f"register.{fmt}"], texts[f"update.{fmt}"]
    assert f"This register tracks every finding in {plans}. That is eight findings from two " \
        "inspections. Two more findings are addressed to other bodies" in register
    assert f"(HMICFRS) in {plans}." in update
    for text in (register, update):
        assert "supplied" not in text and "Norfolk PEEL 2018" not in text
        assert "no force recorded" not in text
        assert "Norfolk Constabulary is" not in text and "Constabulary’s progress" not in text


def test_a_force_is_named_only_for_the_plans_that_record_it() -> None:
    reg = peeldocs.register(PLANS, as_of="2025-01-15")
    said = plans_words(reg)
    assert said.startswith("two action plans: Norfolk Constabulary’s plan for its PEEL 2018/19 "
                           "effectiveness inspection, ")
    assert said.count("Norfolk Constabulary") == 1
    assert f"the plan for the national thematic inspection “{THEMATIC}”" in said
    other = dataclasses.replace(reg.inspections[1], force="Suffolk Constabulary")
    two = plans_words(dataclasses.replace(reg, inspections=(reg.inspections[0], other)))
    assert f"Suffolk Constabulary’s plan for the national thematic inspection “{THEMATIC}”" in two
    none = dataclasses.replace(reg, inspections=(dataclasses.replace(reg.inspections[0],
                                                                     force=None),))
    # no force recorded for the plan: it is not called the force's, only its inspection named
    assert "Constabulary’s" not in plans_words(none)
    assert plans_words(none) == ("the action plan for the PEEL 2018/19 effectiveness inspection "
                                 "of Norfolk Constabulary")
    many = dataclasses.replace(reg, inspections=reg.inspections * 3)
    assert plans_words(many) == ("six action plans (three plans of Norfolk "
                                 "Constabulary and three plans for inspections of more than "
                                 "one force)")


@pytest.mark.parametrize("fmt", FORMATS)
def test_counts_and_numbers_read_as_a_person_writes_them(texts: dict[str, str],
                                                        fmt: str) -> None:
    update = texts[f"update.{fmt}"]
    assert "none pending sign-off and two closed), with seven actions planned between them" \
        in update
    assert "causes of concern of His Majesty’s" not in update  # only kinds present
    assert "recommendations and areas for improvement of His Majesty’s" in update
    assert "30 September 2019 (1,934 days overdue)" in update and "1934" not in update
    assert re.search(r"\b1,842\b", texts[f"register.{fmt}"])
    assert "(more than a quarter)" not in update.replace("(90 days)", "")
    assert "Nothing reported since then." in update
    assert "This paper draws on a register that includes constructed examples" in update
    assert "not HMICFRS’s" not in update
    register = texts[f"register.{fmt}"]
    assert "[The area for improvement] was to ensure that [the force] put appropriate " \
           "supervision in place" in register
    assert "the words in square brackets are added in quoting" in register


def test_the_owners_table_belongs_with_where_the_actions_stand(texts: dict[str, str]) -> None:
    text = texts["update.pdf"]
    owners = text.index("Open findings by owner")
    assert text.index("4. Where the actions stand") < owners < text.index("5. Since the last")


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_inspection_gives_its_publication_date(texts: dict[str, str], fmt: str) -> None:
    for doc in ("register", "update"):
        text = texts[f"{doc}.{fmt}"]
        # only the page's last-updated date was read: never given as the publication date
        # (reads 15-R, 16-R); each date said by its kind, no 'Not recorded' gaps (read 36)
        assert "Date on the report" not in text and "Published (or last updated)" not in text
        flat = " ".join(text.split())
        assert "Last updated 2 May 2019" in flat and "Published 14 March 2024" in flat
        assert "Not recorded" not in flat
        assert "(last updated)" not in flat and "(published)" not in flat


def test_html_tables_have_captions_and_references_as_row_headers(out: Path) -> None:
    update = (out / "update" / "update.html").read_text(encoding="utf-8")
    register = (out / "register" / "register.html").read_text(encoding="utf-8")
    for page in (update, register):
        # a caption adds to its heading, never repeats it
        shown = re.findall(r"<h[23][^>]*>([^<]+)</h[23]>\s*(?:<[^>]+>\s*)*?<caption[^>]*>"
                           r"([^<]+)</caption>", page)
        assert shown
        for heading, caption in shown:
            assert unescape(heading).split(". ", 1)[-1] not in unescape(caption), heading
    captions = re.findall(r"<caption[^>]*>([^<]+)</caption>", update)
    assert "Open and overdue findings, by owner" in captions
    assert "Most overdue first, with each finding’s first sentence" in captions
    assert re.search(r'<th scope="row"[^>]*><strong>(?:<span[^>]*>)?E2-AFI-3', register)


def test_docx_header_cells_have_no_light_rules(out: Path) -> None:
    document = docx.Document(str(out / "register" / "register.docx"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for table in document.tables:
        for cell in table.rows[0].cells:
            fill = cell._tc.find(f"{w}tcPr/{w}shd")
            if fill is None:
                continue
            edges = cell._tc.findall(f"{w}tcPr/{w}tcBorders/*")
            assert {e.get(f"{w}color") for e in edges} == {fill.get(f"{w}fill")}
            assert {e.tag.rsplit("}", 1)[1] for e in edges} == {"top", "left", "bottom", "right"}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_no_page_is_near_empty_in_pdf_or_as_libreoffice_lays_out_the_docx(
        out: Path, tmp_path: Path) -> None:
    docxs = [out / "register" / "register.docx", out / "update" / "update.docx"]
    laid = convert_with_libreoffice(docxs, tmp_path)
    for pdf in [out / "register" / "register.pdf", out / "update" / "update.pdf",
                *laid.values()]:
        assert [(p.number, p.fullness, p.first_line) for p in sparse_pages(pdf)] == [], pdf
    # section 8 is not split from its paragraphs, as LibreOffice lays out the update paper
    pages = [p.extract_text() for p in PdfReader(laid[docxs[1]]).pages]
    eight = next(i for i, t in enumerate(pages) if "8. Implications" in t)
    assert "8.3" in pages[eight]


def test_the_long_inspection_title_is_not_repeated_in_the_notices(texts: dict[str, str]) -> None:
    for doc in ("register", "update"):
        text = texts[f"{doc}.pdf"]
        notice = text[text.index("Illustrative example"):]
        notice = notice[:notice.index("HMICFRS report.") + 1]
        # the notice names it briefly: the paragraph on what the document covers names it in full
        assert THEMATIC not in notice, doc
        assert "The text of the national thematic inspection is constructed" in notice, doc


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_running_head_is_one_line_and_the_every_action_page_is_filled(
        out: Path, tmp_path: Path) -> None:
    """Editorial read 3: the DOCX running head wrapped on portrait pages; the first page of
    'Every action' held two rows and was 40% blank; a hand-set RAG's reason filled a narrow
    coloured cell."""
    import subprocess

    docx_path = out / "register" / "register.docx"
    laid = convert_with_libreoffice([docx_path], tmp_path)[docx_path]
    for pdf in (laid, out / "register" / "register.pdf"):
        first = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
                               check=True, capture_output=True, text=True).stdout
        lines = [line.strip() for line in first.splitlines() if line.strip()]
        assert lines[0] == "{to be completed: protective marking}", (pdf, lines[:2])
        assert lines[1] == "HMICFRS actions register as of 15 October 2024 · ILLUSTRATIVE " \
                           "EXAMPLE", (pdf, lines[:3])
    pages = [" ".join((p.extract_text() or "").split())
             for p in PdfReader(out / "register" / "register.pdf").pages]
    every = next(t for t in pages if "Every finding and its actions RAG ratings:" in t)
    assert all(ref in every for ref in ("E-2017-AFI-1", "E2-AFI-2", "E2-AFI-1")), every


def test_each_inspections_actions_start_where_the_last_ended(out: Path) -> None:
    """Read 16-R: the last PEEL row alone on a landscape page, and the next inspection's table
    on a fresh page after it.  A table of tall rows starts under its heading where a quarter of
    a landscape page is left, not only where 180 pt are."""
    pages = pagefill.pages(out / "register" / "register.pdf")
    wide = [p for p in pages if p.landscape]
    assert len(wide) >= 3
    for page in wide[:-1]:  # the last holds the other bodies and the source: short by nature
        assert page.fullness >= 0.4, (page.number, page.fullness)
    texts = [" ".join((p.extract_text() or "").split())
             for p in PdfReader(out / "register" / "register.pdf").pages]
    peel_ends = next(i for i, t in enumerate(texts) if "E2-AFI-3" in t and "Every finding and its actions" not in t)
    assert "Constructed example: an inspection of how forces record" in texts[peel_ends]
