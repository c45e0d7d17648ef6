"""Faults an independent accessibility audit found (issue 23, part 6), read as a reader gets them.

- A committee paper's paragraph number ran into its first word ("1.1This paper
  informs") in the PDF's text and structure tree, and in the HTML's innerText.
- An HTML grade badge ran its grade into its note ("GoodCarried over from the
  2016 inspection").
- A DOCX label-and-value table ("About this paper", a finding in the s.55 response) said its
  first row was a header row; its headers are its first column.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import docx
import pypdf
import pytest
from docx.oxml.ns import qn
from pdfread import marked_content_texts
from test_signoff import AXE, _axe_ready

import peeldocs
from peeldocs.options import Options

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "exampleshire-2023-25-assessment.yaml"
RUN_IN = re.compile(r"\b\d+\.\d+[A-Za-z]")  # "1.1This"


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """The committee paper, s.55 response and pack of both example reports, in every format."""
    out: dict[str, dict[str, Path]] = {}
    folder = tmp_path_factory.mktemp("audit")
    for name, source in (("norfolk", ROOT / "data" / "norfolk-2018-effectiveness.yaml"),
                         ("example", EXAMPLE)):
        report = peeldocs.load_report(source)
        for kind in ("committee", "s55", "pack"):
            paths = peeldocs.write_pack(report, Options(document=kind), ["pdf", "docx", "html"],
                                        folder / f"{name}-{kind}")
            out[f"{name} {kind}"] = {p.suffix[1:]: p for p in paths}
    return out


def _browser_text(path: Path) -> str:
    result = subprocess.run(["node", str(AXE), str(path), "390"], capture_output=True, text=True,
                            timeout=240, check=True)
    return str(json.loads(result.stdout)[0]["text"])


def test_committee_paragraph_numbers_are_words_of_their_own_in_the_pdf(
        papers: dict[str, dict[str, Path]]) -> None:
    for name in ("norfolk committee", "example committee"):
        pdf = papers[name]["pdf"]
        text = "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
        assert "1.1 This paper informs" in " ".join(text.split()), name
        assert not RUN_IN.search(text), (name, RUN_IN.findall(text)[:5])
        # the structure tree's reading: what a screen reader says
        tagged = [t for _page, _mcid, t, _tops in marked_content_texts(pdf)]
        numbered = [t for t in tagged if re.match(r"\d+\.\d+\s", t)]
        assert len(numbered) >= 7, name  # one paragraph at least in each part
        assert not any(RUN_IN.match(t) for t in tagged), name


@pytest.mark.skipif(_axe_ready() is not None, reason=str(_axe_ready()))
def test_html_numbers_and_badges_read_as_separate_words(papers: dict[str, dict[str, Path]]) -> None:
    committee = _browser_text(papers["norfolk committee"]["html"])
    assert "1.1 This paper informs" in committee
    assert not RUN_IN.search(committee), RUN_IN.findall(committee)[:5]
    pack = _browser_text(papers["norfolk pack"]["html"])
    assert "Good Carried over from the 2016 inspection" in pack
    # an ungraded question's badge says "Ungraded" once: no note repeats it
    assert "Ungraded in this inspection" not in pack
    for glued in ("GoodCarried", "UngradedUngraded"):
        assert glued not in pack


def _look(table: docx.table.Table) -> dict[str, str]:
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    return {k.split("}")[1]: v for k, v in look.attrib.items()}


def _header_row(table: docx.table.Table) -> bool:
    tr_pr = table.rows[0]._tr.trPr
    return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


def test_docx_label_and_value_tables_mark_their_first_column_as_headers(
        papers: dict[str, dict[str, Path]]) -> None:
    seen = set()
    for name, paths in papers.items():
        for table in docx.Document(str(paths["docx"])).tables:
            caption = table._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val"))
            look = _look(table)
            if _header_row(table):  # a header row, repeated, and said to be one
                assert look["firstRow"] == "1", (name, caption)
                continue
            # no header row: the first column holds the headers, and says so
            assert (look["firstRow"], look["firstColumn"]) == ("0", "1"), (name, caption)
            assert all(row.cells[0].paragraphs[0].runs[0].bold for row in table.rows), caption
            # the s.55 response's tables are captioned by their finding's heading
            seen.add("a finding" if re.match(r"(Recommendation|Area for improvement|Cause of "
                                             r"concern) \d+ \(", caption) else caption)
    assert {"About this paper", "About this response", "a finding"} <= seen, seen
