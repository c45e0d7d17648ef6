"""HTML printed from Chromium: headings keep with their text, the sign-off with the letter (read 34).

The editors printed every HTML document and found: "Area for improvement 1 (…)" and
"Reference E2-AFI-1." ending a page, the quotation and its table on the next; a pack's
"Question 4" heading, grade and one line ("The report lists no areas for improvement under
this question.") ending a page, its box and text on the next, and "Question 5" with only its
box; "HM Inspector's summary" and its italic label line ending a page; an s.55 letter's last
page holding only "Yours sincerely", the signature, the office, "Copy to…" and the source;
and the title broken inside its years ("PEEL 2023–" / "25 inspection").  These tests print
the documents as Chromium prints them and read the pages back.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from docread import rendered, review_options
from test_read30_html_print import _print
from test_read32_html_print import _body_lines

from peeldocs import blocks as b
from peeldocs.renderers.html.keeps import keeps

CHROMIUM = pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")


def _pages(case: str, kind: str, tmp_path: Path, browser: object | None) -> list[list[str]]:
    html = rendered(*review_options(case, kind), "html")
    return _body_lines(_print(html, tmp_path, f"{case}-{kind}", browser))


def _para(text: str, style: b.ParaStyle = b.ParaStyle.BODY) -> b.Paragraph:
    return b.Paragraph((b.Text(text),), style)


def test_a_slight_block_under_a_heading_keeps_with_what_follows_it() -> None:
    """A reference line, a grade, a label or a short box under a heading: class keep-next."""
    heading = b.Heading(2, "Area for improvement 1", "afi-1")
    reference = _para("Reference E2-AFI-1.", b.ParaStyle.SMALL)
    quote = _para("The force must ensure that staff with the right skills investigate. " * 3,
                  b.ParaStyle.QUOTE)
    long = _para("A paragraph of the report's own text, long enough to be text. " * 3)
    blocks = [heading, reference, quote, long]
    out = keeps(blocks, ["<h3>x</h3>", '<p class="small">r</p>', "<blockquote><p>q</p>",
                         "<p>t</p>"])
    assert out[1].startswith('<p class="keep-next small">'), out[1]
    assert out[2] == "<blockquote><p>q</p>" and out[3] == "<p>t</p>"  # the quotation: substantial
    # a heading's only line keeps with the heading, and no further (no chain of headings)
    out = keeps([heading, reference, heading, long], ["<h3>x</h3>", "<p>r</p>", "<h3>y</h3>",
                                                      "<p>t</p>"])
    assert out[1] == "<p>r</p>"


def test_a_closing_prints_with_its_lines_and_the_block_before_it_and_a_greeting_does_not() -> None:
    """"Yours sincerely," and the lines under it go with the table and line before it."""
    table = b.Table(header=(), rows=((b.Cell((b.Text("Action"),)),),), widths=(1.0,),
                    caption="The response")
    blocks = [_para("Dear Sir Thomas,"), _para("This letter answers the report. " * 6),
              _para("See also areas for improvement 1 to 3 above."), table,
              _para("Yours sincerely,"), _para("{the name}"), _para("Commissioner"),
              b.Heading(2, "Source and licence", "source"),
              _para("Source: HMICFRS.", b.ParaStyle.SMALL)]
    parts = ["<p>d</p>", "<p>l</p>", "<p>s</p>", "<table></table>", "<p>y</p>", "<p>n</p>",
             "<p>c</p>", "<h2>S</h2>", '<p class="small">x</p>']
    out = keeps(blocks, parts)
    assert out[2].startswith('<div class="sign-off">') and out[6].endswith("</div>\n")
    # a short last part of the letter, from its heading, goes whole with the closing
    out = keeps([b.Heading(2, "Area for improvement 3", "afi-3"), *blocks[2:]],
                ["<h3>a</h3>", *parts[2:]])
    assert out[0].startswith('<div class="sign-off">\n<h3') and out[1] == '<p class="keep-next">s</p>'
    assert "".join(out).count("sign-off") == 1  # the greeting starts no sign-off
    assert out[-2] == '<h2 class="keep-prev">S</h2>'  # the source never starts a page alone


def test_a_span_of_years_is_never_broken_at_its_dash() -> None:
    """Editor: the printed H1 read "PEEL 2023–" / "25 inspection"."""
    page = rendered(*review_options("example", "s55"), "html").decode("utf-8")
    title = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert title is not None and '<span class="nowrap">2023–25</span>' in title.group(1)


@CHROMIUM
@pytest.mark.xdist_group("chromium")
@pytest.mark.parametrize("case", ["norfolk", "norfolk-plan", "example"])
def test_a_finding_s_heading_and_reference_never_end_a_printed_page(
        case: str, tmp_path: Path, browser: object | None) -> None:
    """Editor: "Area for improvement 1 (…)" and "Reference E2-AFI-1." ended p.2."""
    pages = _pages(case, "s55", tmp_path, browser)
    for n, lines in enumerate(pages[:-1], start=1):
        assert not lines[-1].startswith("Reference "), (case, n, lines[-3:])
        assert not re.match(r"(Area for improvement|Recommendation|Cause of concern)", lines[-1])
    for n, lines in enumerate(pages, start=1):  # the sign-off never alone on the last page
        assert lines[0] not in {"Yours sincerely,", "Source and licence"}, (case, n, lines[:3])
        assert len(lines) > 6, (case, n, lines)
    if case == "example":  # the years whole in the title
        assert any(line.startswith("2023–25 inspection") or "PEEL 2023–25" in line
                   for line in pages[0][:3]), pages[0][:3]
        assert not any(line.endswith("2023–") for page in pages for line in page)


@CHROMIUM
@pytest.mark.xdist_group("chromium")
@pytest.mark.parametrize("case", ["norfolk", "example"])
def test_a_question_s_heading_grade_and_one_line_never_end_a_printed_page(
        case: str, tmp_path: Path, browser: object | None) -> None:
    """Editor: Question 4's heading, grade and one line ended p.13; Question 5's heading and
    its box ended p.14; "HM Inspector's summary" and its label line ended p.2."""
    pages = _pages(case, "pack", tmp_path, browser)
    slight = ("Judgment:", "Grade:", "The report lists no areas for improvement",
              "Constructed for illustration; not the inspectorate", "HM Inspector’s summary")
    boxes = ("Recommendation made in the findings", "Area for improvement")
    for n, lines in enumerate(pages[:-1], start=1):
        assert not any(line.startswith(slight) or re.match(r"Question \d: ", line)
                       for line in lines[-2:]), (case, n, lines[-3:])
        assert not any(line in boxes for line in lines[-3:]), (case, n, lines[-3:])
    text = [line for page in pages for line in page]
    assert "HM Inspector’s summary" in text or case == "norfolk"
