"""Read 23-S, faults 4 to 6: the s.55 response's finding order, its PDF running header, its DOCX breaks.

Found by an independent editor reading the three s.55 responses (faults 4 to 6):

4. The Exampleshire 2021/22 cause of concern (A-2021-COC-1), which the report says
   has not been addressed, came last, after five unrelated areas for improvement,
   apart from the current cause of concern and recommendation on the same area,
   patched with "See also … below/above".  Now each earlier finding is answered
   straight after the report's findings of its kind on its question or area, in
   the s.55 response and the committee paper's table (which lists them in the s.55's
   order); a cross-reference is left only where they would still stand apart.
5. The Exampleshire PDF running header was shrunk to about 6 pt to fit one line;
   now it keeps its size (9 pt, as Norfolk's) and wraps to two lines, the body
   starting lower.
6. DOCX as LibreOffice lays it out: a finding's heading, reference and quotation
   ended page 4 with its table on page 5; the short "Checks before publishing"
   table left one row alone on the next page under a repeated header.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
from datetime import datetime
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from docread import rendered
from docread import s55_cases as _cases
from docread import s55_text as _text
from pagefill import convert_with_libreoffice

import peeldocs
from peeldocs import blocks as b
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.sections.items import ItemKind, ResponseItem
from peeldocs.sections.s55_links import cross_references

FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer (remove this part)"


def _letter(report: Report, options: Options, fmt: str) -> str:
    return _text(report, options, fmt).split(NOTES)[0]


def _order(text: str, refs: list[str]) -> list[str]:
    """The references in the order the letter answers them (by their "Reference" lines)."""
    return sorted(refs, key=lambda ref: text.index(f"Reference {ref}"))


# --- 4. an earlier finding with the findings on its subject --------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_earlier_cause_of_concern_follows_the_current_one_on_its_area(
        fmt: str, norfolk: Report, example: Report) -> None:
    report, options = _cases(norfolk, example)["exampleshire"]
    letter = _letter(report, options, fmt)
    assert _order(letter, ["A4-COC-1", "A4-REC-1", "A-2021-COC-1", "A5-COC-1", "A2-AFI-1",
                           "A9-AFI-1"]) == [
        "A4-COC-1", "A4-REC-1", "A-2021-COC-1", "A5-COC-1", "A2-AFI-1", "A9-AFI-1"]
    heads = re.findall(r"(?:Cause of concern|Recommendation)(?: \d)?(?: from \S+)? \(Responding "
                       r"to the public\)", letter)
    # numbered across the report, as the opening counts them (read 24-S)
    assert heads == ["Cause of concern 1 (Responding to the public)",
                     "Recommendation 1 (Responding to the public)",
                     "Cause of concern from 2021/22 (Responding to the public)"]
    # together, pointed to them by their headings' numbers (read 25-S), not by a reference;
    # answered there, not in a table of its own (read 35)
    assert ("This cause of concern is on the same subject as cause of concern 1 above; the "
            "action on both is given under recommendation 1 above.") in letter
    assert "See also A" not in letter
    notes = _text(report, options, fmt).split(NOTES)[1]
    assert "cross-refers" not in notes


def _norfolk_with(norfolk: Report, **moved: int | None) -> Report:
    """Norfolk with its earlier finding moved to another question (test data, not the report's)."""
    prior = tuple(dataclasses.replace(p, question=moved["question"]) if p.id == "E-2017-AFI-1"
                  else p for p in norfolk.prior_findings)
    return dataclasses.replace(norfolk, prior_findings=prior)


@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_an_earlier_finding_is_placed_by_its_subject_in_any_report(fmt: str,
                                                                   norfolk: Report) -> None:
    options = Options(document="s55", as_of=datetime(2019, 6, 10).date())
    refs = ["E5-REC-1", "E2-AFI-1", "E2-AFI-3", "E-2017-AFI-1"]
    # on question 5, which has a recommendation and no area for improvement: after it,
    # before the areas for improvement of question 2
    letter = _letter(_norfolk_with(norfolk, question=5), options, fmt)
    assert _order(letter, refs) == ["E5-REC-1", "E-2017-AFI-1", "E2-AFI-1", "E2-AFI-3"]
    assert "Area for improvement from 2017 (Specialist capabilities" in letter
    # on question 1, which has no finding of this report: last, as it was
    letter = _letter(_norfolk_with(norfolk, question=1), options, fmt)
    assert _order(letter, refs) == ["E5-REC-1", "E2-AFI-1", "E2-AFI-3", "E-2017-AFI-1"]
    # the data names no question: last
    letter = _letter(_norfolk_with(norfolk, question=None), options, fmt)
    assert _order(letter, refs)[-1] == "E-2017-AFI-1"
    assert "See also" not in letter
    # two earlier findings on one question keep the data's order, after its own
    second = dataclasses.replace(norfolk.prior_findings[0], id="E-2017-AFI-9", question=5,
                                 text="Synthetic earlier finding for a test.",
                                 outcome=next(p.outcome for p in norfolk.prior_findings
                                              if p.id == "E-2017-AFI-1"))
    both = dataclasses.replace(_norfolk_with(norfolk, question=5),
                               prior_findings=(second, *_norfolk_with(
                                   norfolk, question=5).prior_findings))
    letter = _letter(both, options, fmt)
    assert _order(letter, [*refs, "E-2017-AFI-9"]) == [
        "E5-REC-1", "E-2017-AFI-9", "E-2017-AFI-1", "E2-AFI-1", "E2-AFI-3"]


def test_the_pack_and_the_brief_keep_their_own_order(example: Report) -> None:
    """Only the s.55 and the committee paper (one function) moved it: the pack's action
    plan puts earlier causes of concern after the causes, the brief earlier findings last."""
    from peeldocs.sections.order import live_items, ordered_items

    pack = [i.id for i in ordered_items(example)]
    assert pack.index("A-2021-COC-1") > pack.index("A5-REC-3")
    assert pack.index("A-2021-COC-1") < pack.index("A2-AFI-1")
    assert [i.id for i in live_items(example)][-1] == "A-2021-COC-1"


def test_a_cross_reference_is_kept_where_findings_still_stand_apart() -> None:
    """The letter always answers them together now; the line is still right if not."""
    def item(ref: str, kind: ItemKind, question: int, earlier: str = "") -> ResponseItem:
        return ResponseItem(ref, kind, "Synthetic test text.", question, earlier=earlier)

    current = item("T4-COC-1", ItemKind.CAUSE_OF_CONCERN, 4)
    other = item("T5-AFI-1", ItemKind.AREA_FOR_IMPROVEMENT, 5)
    old = item("T-2021-COC-1", ItemKind.CARRIED_FORWARD, 4, "cause of concern from 2021/22")
    assert cross_references([current, other, old], "area") == {
        "T4-COC-1": "See also T-2021-COC-1 below, in the same area.",
        "T-2021-COC-1": "See also T4-COC-1 above, in the same area."}
    assert cross_references([current, old, other], "area") == {}


# --- 5. the PDF running header at its size, on two lines --------------------------------------

def _header_and_body(pdf: bytes) -> list[tuple[list[str], set[float], float, float]]:
    """Per page after the first: the header's lines, their sizes, where the header ends and
    where the body starts (pt from the top), split at the header's rule."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages[1:]:
            rule = min(line["top"] for line in page.lines if line["top"] < 80)
            head = page.crop((0, 0, page.width, rule)).extract_text_lines(return_chars=True)
            head = [line for line in head if "marking" not in line["text"]
                    and line["text"] not in ("OFFICIAL",)]
            body = [c for c in page.chars if c["top"] > rule]
            out.append(([line["text"] for line in head],
                        {round(c["size"], 1) for line in head for c in line["chars"]},
                        max(line["bottom"] for line in head), min(c["top"] for c in body)))
    return out


def test_the_running_header_keeps_its_size_and_wraps(norfolk: Report, example: Report) -> None:
    cases = _cases(norfolk, example)
    norfolk_pages = _header_and_body(rendered(*cases["norfolk-no-plan"], "pdf"))
    (norfolk_size,) = norfolk_pages[0][1]
    assert norfolk_size == 9.0 and len(norfolk_pages[0][0]) == 1
    for kind in ("s55", "committee"):
        report, options = cases["exampleshire"]
        options = dataclasses.replace(options, document=kind)
        pack = peeldocs.build_pack(report, options)
        for lines, sizes, head_end, body_start in _header_and_body(rendered(report, options,
                                                                            "pdf")):
            assert sizes == {norfolk_size}, (kind, sizes)  # not shrunk to fit one line
            assert len(lines) == 2, lines
            # broken between its parts, the line break the separator (read 24-C: no "·"
            # left dangling at the end of the first line)
            assert not lines[0].endswith("·") and not lines[1].startswith("·")
            assert " · ".join(lines) == pack.metadata.running_title
            assert body_start > head_end + 12, (kind, head_end, body_start)  # no overlap
    # a document with a cover keeps its smaller header, still whole on one line
    options = dataclasses.replace(cases["exampleshire"][1], document="pack")
    pages = _header_and_body(rendered(example, options, "pdf"))
    assert {s for _lines, sizes, _e, _b in pages for s in sizes} == {8.4}
    assert all(len(lines) == 1 for lines, _s, _e, _b in pages)


# --- 6. DOCX as LibreOffice lays it out ----------------------------------------------------------

def _blocks_apart(pdf: Path) -> list[tuple[str, int, int]]:
    """Each finding whose heading is on another page than its table's first row (or its line
    pointing to where it is answered): (reference, heading's page, that page)."""
    pages = [p.extract_text() for p in pypdf.PdfReader(pdf).pages]
    text = "".join(f"\x00{n}\x00{t}" for n, t in enumerate(pages, 1))
    letter = text.split("Before publishing: notes")[0]

    def page(at: int) -> int:
        return int(re.findall(r"\x00(\d+)\x00", letter[:at])[-1])

    out = []
    for found in re.finditer(r"Reference ([A-Z0-9-]+)[.;]", letter):
        end = re.search(r"\nActions? |The action on this cause of concern|This cause of concern "
                        r"is on the same subject", letter[found.start():])  # read 35
        assert end is not None, found.group(1)
        heading = letter.rfind("\n", 0, found.start() - 1) + 1
        if page(heading) != page(found.start() + end.start() + 1):
            out.append((found.group(1), page(heading), page(found.start() + end.start() + 1)))
    return out


def _with_points(report: Report, words: int) -> Report:
    """Each recommendation led into two sub-points, the first area's title longer by ``words``
    synthetic words, so a finding's page break falls in different places (test data)."""
    def led(finding: b.Block) -> b.Block:
        return dataclasses.replace(finding, text=finding.text.rstrip(".") + " (synthetic test "
                                   "lead-in):", points=("Synthetic test point one.",
                                                        "Synthetic test point two."))

    questions = [dataclasses.replace(q, causes_of_concern=tuple(
        dataclasses.replace(c, recommendations=tuple(led(r) for r in c.recommendations))
        for c in q.causes_of_concern)) for q in report.questions]
    questions[0] = dataclasses.replace(questions[0], title=questions[0].title
                                       + " (synthetic test words)" * words)
    return dataclasses.replace(report, questions=tuple(questions))


def _checks(pdf: Path) -> list[int]:
    """The pages the "Checks before publishing" table's rows are on."""
    pages = [p.extract_text() for p in pypdf.PdfReader(pdf).pages]
    return [n for n, text in enumerate(pages, 1) for line in text.splitlines()
            if line.rstrip().endswith(("{to be completed: yes or no}", "yes or no}"))]


def _pack(fill: int) -> b.Pack:
    """A page of synthetic paragraphs, then a heading and a short table of seven rows."""
    words = "Synthetic test text that fills a line of the page for a test of tables. " * 3
    rows = tuple((b.Cell(b.plain(f"Synthetic check {n}, written long enough to take a line "
                                 "of its own in the table.")), b.Cell(b.plain("Yes")))
                 for n in range(1, 7))
    blocks = (b.Heading(1, "Checks", anchor="checks"),
              *(b.Paragraph(b.plain(words)) for _ in range(fill)),
              b.Heading(2, "Before publishing", anchor="before"),
              b.Table(((b.Cell(b.plain("Check")), b.Cell(b.plain("Done"))),), rows,
                      widths=(5.0, 1.0), caption="Checks"))
    return b.Pack(b.Metadata("Checks", "Synthetic checks", "peeldocs", (),
                             datetime(2023, 11, 14)), (b.Section("checks", blocks),))


@pytest.mark.xdist_group("libreoffice")
def test_docx_keeps_each_finding_and_a_short_table_together(
        norfolk: Report, example: Report, tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (Debian libreoffice-writer-nogui) is not installed")
    paths: dict[str, Path] = {}
    for name, (report, options) in _cases(norfolk, example).items():
        paths[name] = tmp_path / f"{name}.docx"
        paths[name].write_bytes(rendered(report, options, "docx"))
    exampleshire = _cases(norfolk, example)["exampleshire"][1]
    for words in (0, 10):  # with two blocks ahead only, both split a finding (read 23-S)
        report = _with_points(example, words)
        paths[f"points-{words}"] = tmp_path / f"points-{words}.docx"
        paths[f"points-{words}"].write_bytes(rendered(report, exampleshire, "docx"))
    for fill in range(36, 48, 2):  # the table comes at a page foot in one of these or more
        paths[f"table-{fill}"] = tmp_path / f"table-{fill}.docx"
        paths[f"table-{fill}"].write_bytes(peeldocs.render(_pack(fill), "docx"))
    pdfs = convert_with_libreoffice(list(paths.values()), tmp_path / "lo")
    for name, path in paths.items():
        pdf = pdfs[path]
        if name.startswith("table-"):
            text = [p.extract_text() for p in pypdf.PdfReader(pdf).pages]
            rows = [n for n, t in enumerate(text, 1) for k in range(1, 7)
                    if f"Synthetic check {k}," in t]
            assert len(rows) == 6 and len(set(rows)) == 1, (name, rows)
            continue
        assert _blocks_apart(pdf) == [], name
        if not name.startswith("points"):
            checks = _checks(pdf)
            assert checks and len(set(checks)) == 1, (name, checks)
