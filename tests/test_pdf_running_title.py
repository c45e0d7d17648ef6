"""A running title too long for its line is set smaller, then cut at a word, never losing its end.

The first part of a running title (before " · ") is the document's own title,
which a user may choose at any length; what follows it (the cycle, and a label
saying the content is illustrative) must stay on every page whole.
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

    from peeldocs.renderers.pdf.canvas import fit_line
    from peeldocs.renderers.pdf.styles import FACES

    register_fonts()
    text, size = fit_line(title, FACES["regular"], 8.4, 483.0)
    assert stringWidth(text, FACES["regular"], size) <= 483.0 and size >= 6.5
    head, _sep, tail = title.partition(" · ")
    assert text.endswith(tail)  # the cycle and any illustrative label are never cut
    if text != title:
        assert "…" in text and head.startswith(text.partition("…")[0])
