"""Read 22 of the s.55 response: what an editorial reader still found, and its fixes.

Each is asserted on what a reader gets, in PDF, DOCX and HTML (and the DOCX as
LibreOffice lays it out):

1. (fault 1) Removing the preparer's notes as they say ("this heading and everything
   after it, except any protective marking at the end") leaves the letter as it was:
   in the DOCX no blank page stamped "Preparer's notes", in HTML the closing marking kept.
2. (fault 3) An earlier finding is named by what it was, as an office writes it: "the
   2017 area for improvement on which the report finds the force has not made enough
   progress" (read 23-S: apart from the report's own, counted), not "earlier finding with
   not enough progress".
3. (fault 5) The running header's place to complete is highlighted as every other is.
4. (fault 4) A missed plan target (read 23-S): the letter gives where the work stands and a
   place for the new date, in rows of their own; no "Reason" row and no target history.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import docx
import pdfplumber
import pypdf
import pytest
from clients import convert_with_libreoffice
from docread import rendered
from docread import s55_cases as _cases
from docread import s55_text as _text
from docx.oxml.ns import qn

from peeldocs.model import Report

FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer (remove this part)"
LEAD = ("Remove this heading and everything after it, except any protective marking at the end, "
        "before the response is published.")
HEADER_PLACE = "{to be completed: the local policing body}"


# --- 1. the notes removed as they say --------------------------------------------------------

def _without_notes(data: bytes) -> bytes:
    """Delete from the notes' heading to the end, as Word does: its last paragraph mark stays."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    kids = list(body)
    start = next(i for i, k in enumerate(kids) if k.tag == qn("w:p")
                 and "".join(k.itertext()).startswith(NOTES))
    last = [k for k in kids if k.tag == qn("w:p")][-1]
    for kid in kids[start:]:
        if kid.tag != qn("w:sectPr") and kid is not last:
            body.remove(kid)
    for child in list(last):
        if child.tag != qn("w:pPr"):
            last.remove(child)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_deleting_the_notes_in_the_docx_leaves_no_page(norfolk: Report, example: Report,
                                                       tmp_path: Path) -> None:
    paths: dict[str, tuple[Path, Path]] = {}
    for name, (report, options) in _cases(norfolk, example).items():
        data = rendered(report, options, "docx")
        whole, cut = tmp_path / f"{name}.docx", tmp_path / f"{name}-cut.docx"
        whole.write_bytes(data)
        cut.write_bytes(_without_notes(data))
        paths[name] = (whole, cut)
    pdfs = convert_with_libreoffice([p for pair in paths.values() for p in pair], tmp_path / "lo")
    for name, (whole, cut) in paths.items():
        pages = [p.extract_text() for p in pypdf.PdfReader(pdfs[whole]).pages]
        letter = sum(NOTES not in t and "Preparer’s notes, page" not in t for t in pages)
        assert f"Page {letter} of {letter}" in pages[letter - 1], name
        assert re.search(r"Preparer’s notes, page 1 of \d", pages[letter]), name
        # what is left is the letter, its pages as they were: no blank page, no notes' footer
        left = [p.extract_text() for p in pypdf.PdfReader(pdfs[cut]).pages]
        assert len(left) == letter, name
        assert f"Page {letter} of {letter}" in left[-1], name
        assert not any("Preparer’s notes" in t or "Error" in t for t in left), name


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_notes_say_exactly_what_to_remove(fmt: str, norfolk: Report, example: Report) -> None:
    for name, case in _cases(norfolk, example).items():
        text = _text(*case, fmt)
        notes = text[text.index(NOTES):]
        assert LEAD in notes, (name, fmt)
        assert "from this heading on" not in notes
    # HTML: the closing marking is what follows the notes, and the lead says to keep it
    page = rendered(*_cases(norfolk, example)["norfolk-with-plan"], "html").decode()
    tail = re.sub(r"<[^>]+>", " ", page[page.index(NOTES):])
    assert " ".join(tail.split()).endswith("OFFICIAL")


# --- 2. an earlier finding named as an office writes it --------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_an_earlier_finding_is_named_by_kind(fmt: str, norfolk: Report, example: Report) -> None:
    cases = _cases(norfolk, example)
    earlier = ("from an earlier inspection on which the report finds the force has not made "
               "enough progress")
    earlier = "on which the report finds the force has not made enough progress"
    for name in ("norfolk-with-plan", "norfolk-no-plan"):
        text = _text(*cases[name], fmt)
        assert ("my response to the report’s recommendation and its three areas for improvement. "
                "I also respond to the "
                "2017 area for improvement, "
                f"{earlier}.") in text
        assert text.count(earlier) == 1  # said once, of the earlier finding only
        assert "This part answers" not in text
        assert "with not enough progress" not in text and "that the report gives" not in text
    text = _text(*cases["exampleshire"], fmt)
    assert (f"I also respond to the 2021/22 cause of concern, {earlier}.") in text
    assert "with not enough progress" not in text


# --- 3. the running header's place to complete, highlighted ---------------------------------

def test_the_header_place_is_highlighted_in_pdf(norfolk: Report, example: Report) -> None:
    report, options = _cases(norfolk, example)["exampleshire"]
    with pdfplumber.open(io.BytesIO(rendered(report, options, "pdf"))) as pdf:
        for page in pdf.pages:
            head = [c for c in page.chars if c["top"] < 50]
            assert HEADER_PLACE in "".join(c["text"] for c in head)
            start = "".join(c["text"] for c in head).index(HEADER_PLACE)
            first, last = head[start], head[start + len(HEADER_PLACE) - 1]
            fills = [r for r in page.rects if r["top"] < 50 and r["fill"]
                     and r["x0"] <= first["x0"] and r["x1"] >= last["x1"]]
            assert fills, page.page_number  # a highlight behind the whole place, every page
    # a known body: nothing highlighted in the header
    report, options = _cases(norfolk, example)["norfolk-no-plan"]
    with pdfplumber.open(io.BytesIO(rendered(report, options, "pdf"))) as pdf:
        assert not [r for r in pdf.pages[0].rects if r["top"] < 50 and r["fill"]]


def test_the_header_place_is_highlighted_in_docx(norfolk: Report, example: Report) -> None:
    report, options = _cases(norfolk, example)["exampleshire"]
    document = docx.Document(io.BytesIO(rendered(report, options, "docx")))
    runs = [r for p in document.sections[0].header.paragraphs for r in p.runs]
    for r in runs:  # the header's phrases are kept whole by no-break spaces (read 34)
        r.text = r.text.replace("\u00a0", " ")
    place = [r for r in runs if r.text == HEADER_PLACE]
    assert place and place[0]._r.find(f"{qn('w:rPr')}/{qn('w:shd')}") is not None
    rest = [r for r in runs if r.text and r.text != HEADER_PLACE]
    assert rest and all(r._r.find(f"{qn('w:rPr')}/{qn('w:shd')}") is None for r in rest)
    assert "".join(r.text for r in runs).startswith(HEADER_PLACE + " · Response to HMICFRS")


# --- 4. why a target was missed, in a row of its own -----------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missed_target_gives_the_position_and_a_place_for_the_date(
        fmt: str, norfolk: Report, example: Report) -> None:
    text = _text(*_cases(norfolk, example)["norfolk-with-plan"], fmt)
    letter = text[:text.index(NOTES)]
    entry = letter[letter.index("Reference E-2017-AFI-1"):]
    assert ("Progress On 2 September 2019, when the target date was 30 September 2019, the force reported: “Example update. First dip sample "
            "complete; target moved to allow a second.” "
            "My assessment {to be completed: the commissioner’s view of this progress, or delete this row} Owner Example ACC (illustrative); lead: "
            "Example Det Supt (illustrative) Revised target date {to be completed: the new target "
            "date}") in entry
    # read 25-S: an optional row of its own for the reason, never the plan's history
    assert "Reason for the new date {to be completed: the reason for the new date, or delete " \
        "this row}" in entry
    assert "why the target" not in letter
    assert "Original target" not in letter and "revised to" not in letter


def test_the_missed_targets_rows_in_the_docx(norfolk: Report, example: Report) -> None:
    document = docx.Document(io.BytesIO(rendered(
        *_cases(norfolk, example)["norfolk-with-plan"], "docx")))
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    at = rows.index(["Revised target date", "{to be completed: the new target date}"])
    assert rows[at + 1] == ["Reason for the new date",
                            "{to be completed: the reason for the new date, or delete this row}"]
    assert rows[at - 2][0] == "My assessment"  # read 33: the signer's own view of it
    assert rows[at - 3][0] == "Progress" and rows[at - 3][1].startswith(
        "On 2 September 2019, when the target date was 30 September 2019, the force reported: “Example update. First dip sample")
    assert not any(r[0] == "Reason" for r in rows)  # the row says what reason it holds
