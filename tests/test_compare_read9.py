"""What the ninth editorial read found in the comparison, read back as a reader gets it.

1. No tool-speak: the comparison never says "supplied" (who supplied what is not
   the reader's business); "the data used" names what the cover calls "Data used".
2. The DOCX contents list opens in Word without a prompt to update fields (no
   ``updateFields``, no dirty field): each entry links to its heading, and
   LibreOffice lays the page numbers out; the shaded call-out on the change of
   grading scale is kept whole on one page.
3. The grades held in one cycle only: a one-line lead before their table, and why
   a question number has a row per cycle in short sentences under it.
4. The protective marking: the marking asked for on the cover and every page,
   else a placeholder on the cover marked for completion, as the briefing pack does.
Asserted on the PDF (pypdf), DOCX (python-docx and its XML) and HTML text.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from docread import folded_texts, review_comparison, text_of
from test_compare_io import NORFOLK_2018

import peeldocs
from peeldocs.build.registry import render
from peeldocs.model import Report
from peeldocs.options import Options, marking_from_text
from peeldocs.sources import dump_report

COMPARE = Path(__file__).resolve().parent / "fixtures" / "compare"
FORMATS = ("pdf", "docx", "html")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PLACEHOLDER = "to be completed: the marking, such as OFFICIAL"


def _inputs() -> list[Path]:
    return [*sorted(COMPARE.glob("*.csv")), NORFOLK_2018]


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    """The reviewed comparison (no marking asked for) in each format."""
    return {fmt: review_comparison(fmt) for fmt in FORMATS}


@pytest.fixture(scope="module")
def documents(rendered: dict[str, bytes]) -> dict[str, str]:
    """The reviewed comparison as a reader reads it (``docread.folded_texts``)."""
    return folded_texts(rendered)


# 1. no "supplied"

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_comparison_never_says_supplied(documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    assert "supplied" not in text.lower()
    assert "42 of the 43 forces compared have a grade for this" in text
    assert "“Not in the data used” means the data used holds nothing for that force" in text
    assert "Data used The published HMICFRS report “Norfolk PEEL 2018”" in text


def test_a_cell_with_no_entry_says_not_in_the_data_used(rendered: dict[str, bytes]) -> None:
    document = docx.Document(io.BytesIO(rendered["docx"]))
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert "Not in the data used" in cells  # Gwent's legitimacy grade
    assert "Not known: the data gives no grade" in cells  # Cumbria's efficiency grade
    assert not [c for c in cells if "supplied" in c]


# 2. DOCX: the contents list and the call-out

def test_the_docx_opens_without_asking_to_update_fields(rendered: dict[str, bytes]) -> None:
    with zipfile.ZipFile(io.BytesIO(rendered["docx"])) as z:
        settings = z.read("word/settings.xml").decode()
        body = z.read("word/document.xml").decode()
    assert "updateFields" not in settings
    assert 'w:dirty="true"' not in body
    document = docx.Document(io.BytesIO(rendered["docx"]))
    marks = {m.get(f"{W}name") for m in document.element.body.iter(f"{W}bookmarkStart")}
    entries = [p for p in document.paragraphs if p.style.name in ("toc 1", "toc 2")]
    assert len(entries) > 10
    for entry in entries:  # each a link to its heading, its page number LibreOffice's to fill
        (link,) = entry._p.iter(f"{W}hyperlink")
        assert link.get(f"{W}anchor") in marks
        assert [t.get(f"{W}leader") for t in entry._p.iter(f"{W}tab") if t.get(f"{W}val")] \
            == ["none"]


def test_the_scale_change_call_out_keeps_its_lines_together(rendered: dict[str, bytes]) -> None:
    document = docx.Document(io.BytesIO(rendered["docx"]))
    paragraphs = document.paragraphs
    at = next(i for i, p in enumerate(paragraphs)
              if p.text == "The grading scale changed after PEEL 2018/19")
    title, body = paragraphs[at], paragraphs[at + 1]
    assert body.text.startswith("Up to PEEL 2018/19, HMICFRS graded on four tiers")
    assert title.paragraph_format.keep_with_next
    assert body.paragraph_format.keep_together  # never split across two pages
    assert paragraphs[at + 2].text.startswith("Judgments on the five-tier scale")


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (Debian libreoffice-writer-nogui) is not installed")
@pytest.mark.xdist_group("libreoffice")
def test_libreoffice_numbers_the_contents_and_keeps_the_call_out_whole(
        rendered: dict[str, bytes], tmp_path: Path) -> None:
    from clients import convert_with_libreoffice

    source = tmp_path / "comparison.docx"
    source.write_bytes(rendered["docx"])
    pdf = convert_with_libreoffice([source], tmp_path)[source]
    pages = [" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(pdf).pages]
    contents = next(n for n, page in enumerate(pages) if " Contents " in f" {page} ")
    titles = [p.text.rsplit("\t", 1)[0].strip()  # less the page number stored for Word
              for p in docx.Document(io.BytesIO(rendered["docx"])).paragraphs
              if p.style.name in ("toc 1", "toc 2")]
    at = 0
    for title in titles:  # each entry followed by the page its heading is on
        found = re.compile(re.escape(title) + r" (\d+)\b").search(pages[contents], at)
        assert found, title
        at, page = found.end(), int(found.group(1))
        assert title in pages[page - 1].replace(pages[contents], ""), (title, page)
    box = [n for n, page in enumerate(pages)
           if "The grading scale changed after PEEL 2018/19" in page and n != contents]
    assert len(box) == 1
    assert "whether a grade rose or fell across the change" in pages[box[0]]


# 3. grades in one cycle only

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_one_cycle_table_has_a_short_lead_and_short_sentences_under_it(
        documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    four = text.index("Judgments on the four-tier scale (PEEL 2016 to 2018/19)", 3000)
    row = text.index("Effectiveness question 2: How effective is the force at investigating",
                     four)
    why = text.index("Effectiveness question 2’s 2017 wording is not recorded, so its 2017 grade may be for a different question.", row)  # read 35
    lead = text.index("For the following, the data holds the 2018/19 entry only.", why)
    # read 21: question 2's grades side by side, its caveat a note, then the one-cycle table
    assert four < row < why < lead
    # on the five-tier scale every such grade is from one cycle: it is named
    assert "For the following, the data holds the 2021/22 entry only." in text
    for gone in ("The data supplied grades each of these", "is shown in a row of its own",
                 "judgment carried over)", "question numbered 2"):
        assert gone not in text


def test_three_cycles_of_one_number_each_get_a_row_and_a_reason(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("force,cycle,pillar,question,grade,status,source\n"
                     "Kent,2015,efficiency,1,good,,HMICFRS\n"
                     "Kent,2016,efficiency,1,good,,HMICFRS\n"
                     "Kent,2017,efficiency,1,inadequate,,HMICFRS\n", encoding="utf-8")
    html = render(peeldocs.compare([table]), "html")
    text = " ".join(text_of(html, "html").split())
    # read 21: one number's grades side by side, with the caveat under the table
    assert ("No wording of efficiency question 1 is recorded, so its grades may be for "
            "different questions.") in text  # read 35
    assert "Efficiency question 1 Good Good Inadequate" in text
    assert "graded the same" not in text and "in both" not in text
    assert "Efficiency question 1: good" not in text  # no movement said for a number


# 4. the protective marking

@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_marking_the_cover_asks_for_one(documents: dict[str, str],
                                                   rendered: dict[str, bytes], fmt: str) -> None:
    cover = documents[fmt][:documents[fmt].index("Contents")]
    assert re.search(r"Protective marking \W?" + re.escape(PLACEHOLDER), cover), cover[-300:]
    if fmt == "pdf":  # no marking is invented: the header and footer mark its place
        first = pypdf.PdfReader(io.BytesIO(rendered["pdf"])).pages[3].extract_text()
        assert "OFFICIAL" not in first
        assert first.count("{to be completed: protective marking}") == 2


def test_a_marking_asked_for_is_on_the_cover_and_every_page() -> None:
    options = Options(marking=marking_from_text("OFFICIAL"))
    pack = peeldocs.compare(_inputs(), focus="Norfolk", options=options)
    pdf = pypdf.PdfReader(io.BytesIO(render(pack, "pdf", options)))
    for page in pdf.pages:  # header and footer
        assert (page.extract_text() or "").count("OFFICIAL") >= 2
    document = docx.Document(io.BytesIO(render(pack, "docx", options)))
    section = document.sections[0]
    assert "OFFICIAL" in "".join(p.text for p in section.header.paragraphs)
    assert "OFFICIAL" in "".join(p.text for p in section.footer.paragraphs)
    for fmt in FORMATS:
        text = " ".join(text_of(render(pack, fmt, options), fmt).split())
        cover = text[:text.index("Contents")]
        assert "Protective marking OFFICIAL" in cover and PLACEHOLDER not in cover


def test_the_note_on_question_numbers_is_where_a_question_is_followed_across_cycles(
        tmp_path: Path, norfolk: Report) -> None:
    note = "Questions are numbered within each cycle’s inspection"
    earlier = dataclasses.replace(norfolk, cycle="2017", prior_findings=(), illustrative=True,
                                  publisher="a constructed example (not HMICFRS)",
                                  licence="Constructed for a test: not Crown copyright.")
    paths = []
    for n, report in enumerate((earlier, norfolk)):
        paths.append(tmp_path / f"report-{n}.yaml")
        paths[-1].write_text(dump_report(report), encoding="utf-8")
    followed = " ".join(text_of(render(peeldocs.compare(paths), "html"), "html").split())
    assert note in followed  # question 2 is one row across 2017 and 2018/19: said why
    # the reviewed pack follows no question across cycles: its short sentences say enough
    reviewed = " ".join(text_of(render(peeldocs.compare(_inputs(), focus="Norfolk"), "html"),
                                "html").split())
    # where a wording is not recorded, the note on that question says it instead, once
    assert note not in reviewed
    assert "Effectiveness question 2’s 2017 wording is not recorded" in reviewed
