"""Read 19 of the s.55 response: what an editorial reader still found, and its fixes.

1. The letter's pages are numbered on their own ("Page 3 of 3"), the preparer's
   notes on theirs ("Preparer’s notes, page 1 of 2"), in PDF and in the DOCX as
   LibreOffice lays it out: removing the notes leaves the letter numbered right.
2. The plan's actions read as sentences; the latest update's row says its date.
3. A passed target is stated neutrally in the letter; the notes say it passed.
4. No target date is published for an action not yet allocated; the notes give it.
5. An earlier finding is headed from the data ("Area for improvement from 2017").
6. An earlier finding is cross-referred to the findings of its kind on its subject.
7. The letter's tables are set at the body text's size (other kinds' are not).
8. DOCX: space between the "Illustrative…" call-out and the table under it.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
from datetime import date
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

import peeldocs
from peeldocs import blocks as b
from peeldocs.model import Report
from peeldocs.options import Options

FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer (remove this part)"
FOOTER = re.compile(r"(Preparer’s notes, page|Page) (\d+) of (\d+)")


def _footers(pages: list[str]) -> list[tuple[str, int, int]]:
    """Each page's footer number: (the words before it, the number, the count)."""
    out = []
    for page in pages:
        found = FOOTER.findall(" ".join(page.split()))
        assert len(found) == 1, page[-200:]
        out.append((found[0][0], int(found[0][1]), int(found[0][2])))
    return out


def _numbered_apart(footers: list[tuple[str, int, int]], notes_first: int) -> None:
    """The letter's pages count to the letter's end, the notes' to theirs, each from 1."""
    letter, notes = footers[:notes_first], footers[notes_first:]
    assert letter == [("Page", n, len(letter)) for n in range(1, len(letter) + 1)], footers
    assert notes == [("Preparer’s notes, page", n, len(notes))
                     for n in range(1, len(notes) + 1)], footers


# --- 1. page totals ------------------------------------------------------------------------

def test_pdf_letter_and_notes_are_numbered_apart(norfolk: Report, example: Report) -> None:
    for name, (report, options) in _cases(norfolk, example).items():
        pages = [p.extract_text() for p in
                 pypdf.PdfReader(io.BytesIO(rendered(report, options, "pdf"))).pages]
        first = next(i for i, p in enumerate(pages) if NOTES in " ".join(p.split()))
        assert first >= 2, name  # a letter of more than one page: the count is tested
        _numbered_apart(_footers(pages), first)


@pytest.mark.xdist_group("libreoffice")
def test_docx_as_libreoffice_lays_it_out_numbers_them_apart(
        norfolk: Report, example: Report, tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (Debian libreoffice-writer-nogui) is not installed")
    paths = []
    for name, (report, options) in _cases(norfolk, example).items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(rendered(report, options, "docx"))
        paths.append(path)
    for pdf in convert_with_libreoffice(paths, tmp_path / "lo").values():
        pages = [p.extract_text() for p in pypdf.PdfReader(pdf).pages]
        first = next(i for i, p in enumerate(pages) if NOTES in " ".join(p.split()))
        _numbered_apart(_footers(pages), first)
    # Word's fields: each count is a reference to a mark on the last page it counts
    data = rendered(*_cases(norfolk, example)["norfolk-with-plan"], "docx")
    document = docx.Document(io.BytesIO(data))
    # read 22: a last, empty section continuing the notes' last page carries the letter's
    # properties, so deleting the notes to the end leaves the letter as it was
    letter, notes, tail = document.sections
    assert tail.start_type == 0  # continuous: no page of its own
    assert tail._sectPr.find(qn("w:footerReference")).get(qn("r:id")) == \
        letter._sectPr.find(qn("w:footerReference")).get(qn("r:id"))
    assert "PAGEREF _PeeldocsPages0" in letter.footer._element.xml
    assert "PAGEREF _PeeldocsPages1" in notes.footer._element.xml
    assert "Preparer’s notes, page " in notes.footer._element.xml
    assert notes._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    body = document.element.body.xml
    assert body.count('w:name="_PeeldocsPages0"') == body.count('w:name="_PeeldocsPages1"') == 1


def test_a_part_numbered_apart_and_the_pages_after_it_each_count_on_their_own() -> None:
    """The renderer's rule for any pack: runs of pages, each numbered from 1 (a bilingual letter)."""
    filler = tuple(b.Paragraph(b.plain("Synthetic test text. " * 60)) for _ in range(12))
    part = (b.PageBreak(numbered_apart="Appendix"), b.Paragraph(b.plain("Synthetic notes.")))
    pack = b.Pack(b.Metadata("Synthetic", "Synthetic", "", (), peeldocs.Options().clock),
                  (b.Section("one", (*filler, *part)), b.Section("two", (*filler, *part))))
    options = peeldocs.Options()
    pages = [" ".join(p.extract_text().split()) for p in
             pypdf.PdfReader(io.BytesIO(peeldocs.render(pack, "pdf", options))).pages]
    shown = [re.findall(r"(Appendix, page|Page) (\d+) of (\d+)", p)[0] for p in pages]
    runs: list[list[tuple[str, str, str]]] = []
    for page in shown:  # consecutive pages with the same words form a run
        if runs and runs[-1][-1][0] == page[0] and int(page[1]) == int(runs[-1][-1][1]) + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    assert [r[0][0] for r in runs] == ["Page", "Appendix, page", "Page", "Appendix, page"]
    for run in runs:  # each numbered from 1 and counted to its own end
        assert run == [(run[0][0], str(n), str(len(run))) for n in range(1, len(run) + 1)]
    assert len(runs[0]) > 1


def test_welsh_footers_number_the_notes_apart_in_welsh(norfolk: Report) -> None:
    options = Options(document="s55", language="cy", published=date(2019, 5, 2),
                      as_of=date(2019, 6, 10))
    pages = [" ".join(p.extract_text().split()) for p in
             pypdf.PdfReader(io.BytesIO(rendered(norfolk, options, "pdf"))).pages]
    assert any(re.search(r"Nodiadau i’r sawl sy’n paratoi, tudalen 1 o \d", p) for p in pages)
    letter = [p for p in pages if "Nodiadau i’r sawl sy’n paratoi, tudalen" not in p]
    assert all(f"Tudalen {n} o {len(letter)}" in p for n, p in enumerate(letter, start=1))


# --- 2 to 4. the plan's words in the letter ---------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_plan_reads_as_a_letter(fmt: str, norfolk: Report, example: Report) -> None:
    report, options = _cases(norfolk, example)["norfolk-with-plan"]
    text = _text(report, options, fmt)
    letter, notes = text.replace("• ", "").split(NOTES)
    # 2: several actions as the force's plan records them, by the state it records (read
    # 24-S), in its words; dated updates attributed to the force (read 23-S: never the
    # letter's instruction or claim)
    # (read 26-S: the actions listed as a plan lists them, its state beside them, never an
    # instruction on its own)
    assert ("Actions (Example) appoint a professional lead for investigations; (Example) review "
            "investigative training provision. Status In progress Progress On 20 August 2019 the "
            "force reported: “Example update.") in letter
    assert not re.search(r"\d{4}: Example update", letter)  # no tracker log line
    # 3: a passed target gives only a place for the new date (and, read 24-S, an optional one
    # for the reason); its history is in the notes
    # (read 25-S: the new date and the reason in rows of their own)
    assert ("Revised target date {to be completed: the new target date} Reason for the new date "
            "{to be completed: the reason for the new date, or delete this row} Yours sincerely"
            ) in letter
    assert "why the target was missed" not in text
    said = re.sub(r"\{to be completed: [^}]*\}", "", letter)
    assert "not met" not in text and "missed" not in said  # the signer's words, not ours
    assert ("Give the reason for the new date where the letter marks a place for it, or delete "
            "that row: E-2017-AFI-1: target date 30 September 2019 (revised from 31 July 2019)"
            ) in notes
    # 4: no date published for work nobody has been given; the notes give the plan's date
    area2 = letter[letter.index("Reference E2-AFI-2"):letter.index("Reference E2-AFI-3")]
    assert "Target date {to be completed: the target date, or delete this row if no action is proposed}" in area2
    assert "1 November 2019" not in letter
    assert ("rather than publish a date for work not yet allocated: E2-AFI-2: target date "
            "1 November 2019") in notes
    # and the checks before publishing ask for each, with a place to say it is done
    checks = notes[notes.index("Checks before publishing Check Done"):]
    assert ("The action, owner and target date for E2-AFI-2 are agreed and given in the response. "
            "{to be completed: yes or no}") in checks
    assert ("The new target date for E-2017-AFI-1 is agreed and given in the response. "
            "{to be completed: yes or no}") in checks


# --- 5 and 6. earlier findings ------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_earlier_findings_are_headed_from_the_data_and_linked(fmt: str, norfolk: Report,
                                                              example: Report) -> None:
    cases = _cases(norfolk, example)
    norfolk_text = _text(*cases["norfolk-no-plan"], fmt).split(NOTES)[0]
    assert "Area for improvement from 2017 (Investigating crime and reducing re-offending) Reference E-2017-AFI-1." in norfolk_text
    assert "carried forward" not in norfolk_text
    assert ("References such as E5-REC-1 are ours, for tracking. Words in square brackets"
            in norfolk_text)
    assert "the report itself does not use them" not in norfolk_text
    # answered straight after the areas for improvement on its question, pointed to them by
    # their headings' numbers (read 25-S), never by a reference "below"
    assert "See also areas for improvement 1 to 3 above, on the same question." in norfolk_text
    assert "See also E" not in norfolk_text
    example_text = _text(*cases["exampleshire"], fmt).split(NOTES)[0]
    assert "Cause of concern from 2021/22 (Responding to the public) Reference A-2021-COC-1." \
        in example_text
    # answered straight after the current cause of concern on its area and its
    # recommendation (read 23-S), so no cross-reference by reference; read 25-S: a "See also"
    # by their headings' numbers
    assert example_text.index("Reference A4-REC-1") < example_text.index(
        "Reference A-2021-COC-1") < example_text.index("Reference A5-COC-1")
    # read 35: answered where they are, not in a second table: one line says so
    assert ("This cause of concern is on the same subject as cause of concern 1 above; the "
            "action on both is given under recommendation 1 above." in example_text)
    assert "See also A" not in example_text


def test_an_earlier_finding_follows_the_data_for_any_question(norfolk: Report) -> None:
    """An earlier area for improvement on question 1 is answered after question 1's own.

    It was last, far from them, with "See also" lines both ways; read 23-S placed it
    with its subject instead, so no cross-reference is needed.
    """
    from peeldocs.model import Finding

    q1 = dataclasses.replace(norfolk.questions[0], areas_for_improvement=(
        Finding("E1-AFI-1", "Synthetic test text: the force should do better."),))
    prior = tuple(dataclasses.replace(p, question=1) if p.id == "E-2017-AFI-1" else p
                  for p in norfolk.prior_findings)
    report = dataclasses.replace(norfolk, questions=(q1, *norfolk.questions[1:]),
                                 prior_findings=prior)
    options = Options(document="s55", published=date(2019, 5, 2), as_of=date(2019, 6, 10))
    text = _text(report, options, "pdf").split(NOTES)[0]
    assert "Area for improvement from 2017 (Preventing crime, tackling anti-social behaviour and keeping people safe" in text
    assert text.index("Reference E1-AFI-1") < text.index("Reference E-2017-AFI-1") \
        < text.index("Reference E2-AFI-1")
    assert "See also area for improvement 1 above, on the same question." in text
    assert "See also E" not in text


# --- 7 and 8. type size and space ------------------------------------------------------------

def _sizes(pdf: bytes, words: tuple[str, ...]) -> dict[str, float]:
    """The font size of the first character of each of ``words`` where it starts a line."""
    found: dict[str, float] = {}
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            for line in page.extract_text_lines(return_chars=True):
                for word in words:
                    if word not in found and line["text"].startswith(word):
                        found[word] = round(line["chars"][0]["size"], 1)
    return found


def test_the_letters_tables_are_set_at_body_size(norfolk: Report) -> None:
    report, options = _cases(norfolk, norfolk)["norfolk-with-plan"]
    sizes = _sizes(rendered(report, options, "pdf"),
                   ("Dear HM Chief Inspector", "To Her Majesty", "Action (Example)", "Owner"))
    body = sizes.pop("Dear HM Chief Inspector")
    assert set(sizes.values()) == {body}, sizes
    # the committee paper's tables keep the smaller size their pagination was tested at
    paper = dataclasses.replace(options, document="committee")
    with pdfplumber.open(io.BytesIO(rendered(report, paper, "pdf"))) as pdf:
        cells = [c["size"] for p in pdf.pages for c in p.chars if c["text"] == "E"
                 and "E2-AFI-1" in p.extract_text()]
    assert min(cells) < body
    # DOCX: the cells' style is the body's size
    document = docx.Document(io.BytesIO(rendered(report, options, "docx")))
    cell = document.tables[0].rows[0].cells[1].paragraphs[0]
    assert cell.style.name == "Table Text Body"
    assert cell.style.font.size == document.styles["Normal"].font.size
    assert document.styles["Table Text"].font.size < document.styles["Normal"].font.size


def test_docx_sets_the_call_out_apart_from_the_table_under_it(norfolk: Report) -> None:
    report, options = _cases(norfolk, norfolk)["norfolk-with-plan"]
    document = docx.Document(io.BytesIO(rendered(report, options, "docx")))
    body = list(document.element.body)
    table = next(i for i, e in enumerate(body) if e.tag.endswith("}tbl"))
    last = body[table - 1]  # the call-out's last paragraph, shaded, with space after it
    assert "<w:shd" in last.xml and "".join(last.itertext()).startswith("The actions, owners")
    spacing = last.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    assert spacing is not None and int(spacing.get(qn("w:after"))) >= 240
    # and not by an empty paragraph (tests/test_docx_signoff.py)
