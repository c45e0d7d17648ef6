"""A running title too long for its line wraps to a second at the same size, and is cut only past two.

The first part of a running title (before " · ") is the document's own title,
which a user may choose at any length; what follows it (the cycle, and a label
saying the content is illustrative) must stay on every page whole.  It was once
set smaller to fit one line, down to 6.5 pt (read 23-S: the Exampleshire s.55's
header at about 6 pt, against 9 pt for Norfolk's): now it keeps its size and
wraps to two lines, and the page's body starts lower by the second.
"""

from __future__ import annotations

import pytest

from peeldocs.renderers.pdf.styles import register_fonts


@pytest.mark.parametrize("title", [
    "Norfolk Constabulary · PEEL 2018/19 effectiveness",
    "A comparison title a user chose to be very long indeed: every force in the east of England "
    "region across all the PEEL cycles supplied · PEEL 2014 to 2023-25 · Illustrative example: "
    "not HMICFRS grades",
    "x" * 300 + " · Illustrative example: not an HMICFRS report",
])
def test_a_running_title_fits_its_line_and_keeps_what_follows_its_first_part(title: str) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from peeldocs.renderers.pdf.styles import FACES
    from peeldocs.renderers.pdf.text import fit_line

    register_fonts()
    text, size = fit_line(title, FACES["regular"], 8.4, 483.0)
    assert stringWidth(text, FACES["regular"], size) <= 483.0 and size >= 6.5
    head, _sep, tail = title.partition(" · ")
    assert text.endswith(tail)  # the cycle and any illustrative label are never cut
    if text != title:
        assert "…" in text and head.startswith(text.partition("…")[0])


@pytest.mark.parametrize(("title", "lines"), [
    ("Norfolk Constabulary · PEEL 2018/19 effectiveness", 1),
    ("{to be completed: the local policing body} · Response to HMICFRS PEEL 2023–25 force "
     "assessment · ILLUSTRATIVE EXAMPLE: NOT AN HMICFRS REPORT", 2),
    ("A comparison title a user chose to be very long indeed: every force in the east of England "
     "region across all the PEEL cycles supplied · PEEL 2014 to 2023-25 · Illustrative example: "
     "not HMICFRS grades", 2),
    ("{to be completed: a place to complete that runs on and on and on} " * 4, 2),
    ("x" * 300 + " · Illustrative example: not an HMICFRS report", 2),
])
def test_a_running_header_keeps_its_size_on_at_most_two_lines(title: str, lines: int) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from peeldocs.renderers.pdf.header import header_lines
    from peeldocs.renderers.pdf.styles import FACES

    register_fonts()
    got, size = header_lines(title, FACES["regular"], 9.0, 483.0)
    assert size == 9.0 and len(got) == lines, got
    assert all(stringWidth(line, FACES["regular"], size) <= 483.0 for line in got)
    _head, sep, tail = title.partition(" · ")
    if sep and "…" in got[0]:
        assert got[-1] == tail  # cut: what follows the first part is kept whole
    for line in got:  # a place to complete is never broken across the two lines
        assert line.count("{") == line.count("}"), got
    words = " ".join(" ".join(got).replace("·", " ").split())
    if "…" in words:  # cut at a word, past two lines only
        assert len(" ".join(got)) < len(title)
    else:  # nothing cut: every word is there, in order
        assert words == " ".join(title.replace("·", " ").split())
