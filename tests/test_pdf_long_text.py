"""A paragraph many pages long: the same lines as reportlab's own, one structure element, its text whole.

The layout of a long paragraph was quadratic in its length (reportlab breaks
the rest of a split paragraph anew on every page, and takes words from the
front of a list).  The lines must come out exactly as reportlab's own
algorithm makes them, and the reader must still get one paragraph.  Speed is
measured by ``bench/run.py --scale``, not here.
"""

from __future__ import annotations

import io
from typing import Any

import pikepdf
import pytest
from pdfstruct import PageContent, marked_refs, tag, walk
from reportlab.platypus import Paragraph as ReportlabParagraph
from synthetic import long_paragraph, with_long_finding

import peeldocs
from peeldocs.options import Options
from peeldocs.renderers.pdf.longtext import WordQueue
from peeldocs.renderers.pdf.styles import make_styles, register_fonts
from peeldocs.renderers.pdf.text import Paragraph
from peeldocs.theme import default_theme

# words reportlab may break inside a line end (embedded hyphens, a long address),
# a soft hyphen and a no-break space: every path of its line breaker
AWKWARD = ("well-being", "multi-agency", "co\u00adordination", "non\u00a0breaking",
           "https://www.justiceinspectorates.gov.uk/hmicfrs/publications/peel-assessment-2021-22/",
           "Supercalifragilistic-antidisestablishmentarianism-floccinaucinihilipilification-words")


def long_text(kilobytes: int, seed: int = 1, awkward: bool = False) -> str:
    return long_paragraph(kilobytes, seed, AWKWARD if awkward else ())


def lines_of(para: Any) -> list[tuple[float, list[tuple[str, str]]]]:
    """A paragraph's lines as (spare width, [(word type, word)]), to compare exactly."""
    return [(round(line[0], 9), [(type(w).__name__, str(w)) for w in line[1]])
            for line in para.blPara.lines]


@pytest.fixture(scope="module")
def body() -> Any:
    register_fonts()
    return make_styles(default_theme()).body


@pytest.mark.parametrize("awkward", [False, True])
def test_a_long_paragraph_breaks_into_reportlabs_own_lines(body: Any, awkward: bool) -> None:
    text = long_text(12, awkward=awkward)
    ours, theirs = Paragraph(text, body), ReportlabParagraph(text, body)
    ours.wrap(451.0, 700.0)
    theirs.wrap(451.0, 700.0)
    assert len(theirs.blPara.lines) > 100
    assert lines_of(ours) == lines_of(theirs)


@pytest.mark.parametrize("awkward", [False, True])
def test_the_rest_of_a_split_paragraph_is_laid_out_as_reportlab_lays_it(body: Any,
                                                                        awkward: bool) -> None:
    """Page after page at one width, then the rest at another width: line for line the same."""
    text = long_text(24, seed=2, awkward=awkward)
    ours: Any = Paragraph(text, body)
    theirs: Any = ReportlabParagraph(text, body)
    for _page in range(3):
        ours.wrap(451.0, 700.0)
        theirs.wrap(451.0, 700.0)
        assert lines_of(ours) == lines_of(theirs)
        ours_parts, theirs_parts = ours.split(451.0, 700.0), theirs.split(451.0, 700.0)
        assert len(ours_parts) == len(theirs_parts) == 2
        assert lines_of(ours_parts[0]) == lines_of(theirs_parts[0])
        ours, theirs = ours_parts[1], theirs_parts[1]
    # a narrower frame (a call-out, a landscape page's column): the rest breaks afresh
    ours.wrap(300.0, 700.0)
    theirs.wrap(300.0, 700.0)
    assert lines_of(ours) == lines_of(theirs)
    assert ours.getPlainText() == theirs.getPlainText()


def test_the_word_queue_does_what_the_line_breaker_does_with_a_list() -> None:
    words = WordQueue(["a", "b", "c", "d"])
    copy = words[:]
    assert copy.pop(0) == "a" and copy.pop(0) == "b"
    copy[0:0] = ["b2", "b1"]  # a word split at a line end goes back to the front
    assert list(copy) == ["b2", "b1", "c", "d"] and len(copy) == 4
    copy[0:0] = ["x", "y", "z"]  # more than was taken
    assert list(copy) == ["x", "y", "z", "b2", "b1", "c", "d"]
    while copy:
        copy.pop(0)
    assert list(words) == ["a", "b", "c", "d"]  # the copy is its own
    with pytest.raises(IndexError):
        copy.pop(0)


@pytest.fixture(scope="module")
def long_pdf() -> tuple[str, pikepdf.Pdf]:
    text = long_text(40, seed=3)
    options = Options()
    data = peeldocs.render(peeldocs.build_pack(with_long_finding(text), options), "pdf", options)
    return text, pikepdf.open(io.BytesIO(data))


def test_a_long_paragraph_is_one_p_element_holding_its_whole_text(
        long_pdf: tuple[str, pikepdf.Pdf]) -> None:
    text, pdf = long_pdf
    holding = elements_holding(pdf, text)
    assert len(holding) == 1, "the paragraph is one structure element"
    elem, refs, own = holding[0]
    # the element a short finding gets (a quotation of the report)
    short = "Synthetic test text: a finding of one sentence."
    options = Options()
    data = peeldocs.render(peeldocs.build_pack(with_long_finding(short), options), "pdf", options)
    with pikepdf.open(io.BytesIO(data)) as small:
        ((short_elem, _refs, _own),) = elements_holding(small, short)
        assert tag(elem) == tag(short_elem) == "BlockQuote"
    assert len({page for page, _mcid in refs}) >= 8  # it runs across pages, in order
    assert refs == sorted(refs)
    assert own == " ".join(text.split())


def elements_holding(pdf: pikepdf.Pdf, text: str) -> list[tuple[Any, list[tuple[int, int]], str]]:
    """The structure elements whose own marked content holds the start or the end of ``text``."""
    pages = [PageContent(p) for p in pdf.pages]
    first, last = text[:40], text[-40:]
    holding = []
    for _depth, elem in walk(pdf.Root.StructTreeRoot.K):
        refs = list(marked_refs(pdf, elem))
        own = " ".join(" ".join(pages[page].text.get(mcid, "") for page, mcid in refs).split())
        if first in own or last in own:
            holding.append((elem, refs, own))
    return holding
