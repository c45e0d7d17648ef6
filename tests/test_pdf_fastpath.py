"""The PDF renderer's shortcuts give exactly what reportlab would have given without them.

Plain and wholly bold or italic paragraphs skip reportlab's markup parser
(:mod:`peeldocs.renderers.pdf.wrap`): their fragments must equal the parser's,
for every style the renderer uses.  A paragraph asked for its size twice at one
width breaks its lines once.
"""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.platypus import Paragraph as PlainParagraph
from reportlab.platypus import paragraph as rl_paragraph

from peeldocs.renderers.pdf.styles import make_styles, register_fonts
from peeldocs.renderers.pdf.wrap import Paragraph
from peeldocs.theme import default_theme

TEXTS = [
    "Good", "Requires improvement", "  spaced  out  ", "Question 2: “reducing re‑offending”",
    "<b>Good</b>", "<i>How effectively does the force reduce crime?</i>",
    "<i><b>Outstanding</b></i>", "<b>Tom &amp; Jerry</b>", "&lt;b&gt;literal&lt;/b&gt;",
    "<b>one</b> and <b>two</b>", "<b>open", "close</b>", "<i>x</i> <b>y</b>",
    "<b><i>inner italic</i></b>", "<b></b>", "<b> </b>", "line<br/>break",
]


def _styles() -> list[Any]:
    register_fonts()
    s = make_styles(default_theme())
    found = [s.body, s.lead, s.quote, s.small, s.cell, s.cell_head, s.title, s.caption,
             *s.headings, *s.toc]
    return [*found, s.cell.clone("toned", textColor="#b00020"),
            s.cell.clone("strong", fontName=s.cell_head.fontName)]


def _frag_dicts(para: Any) -> list[dict[str, Any]]:
    return [{k: v for k, v in vars(f).items()} for f in para.frags]


@pytest.mark.parametrize("text", TEXTS)
def test_fragments_equal_the_parsers_for_every_style(text: str) -> None:
    for style in _styles():
        try:
            theirs = PlainParagraph(text, style)
        except ValueError:  # bad markup: refused just the same
            with pytest.raises(ValueError):
                Paragraph(text, style)
            continue
        ours = Paragraph(text, style)
        assert _frag_dicts(ours) == _frag_dicts(theirs), (text, style.name)
        width = 200.0
        assert ours.wrap(width, 1000) == theirs.wrap(width, 1000), (text, style.name)
        assert len(ours.blPara.lines) == len(theirs.blPara.lines), (text, style.name)


def test_a_second_wrap_at_the_same_width_breaks_no_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[float] = []
    original = rl_paragraph.Paragraph.breakLines

    def counting(self: Any, width: Any) -> Any:
        calls.append(width)
        return original(self, width)

    monkeypatch.setattr(rl_paragraph.Paragraph, "breakLines", counting)
    para = Paragraph("A paragraph long enough to wrap onto more than one line " * 4,
                     _styles()[0])
    first = para.wrap(300, 1000)
    assert para.wrap(300, 1000) == first and len(calls) == 1
    para.wrap(200, 1000)  # a new width is broken anew
    assert len(calls) == 2

