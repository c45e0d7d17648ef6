"""Bounded quotes and bounded lists: what an import writes stays a small multiple of the page.

A figure's source is its own clause, not its whole sentence, and a clause is
cut at a word boundary when it runs far from the figure; a page holds only so
many figures.  Both keep the cost and the size of an import linear in the page
whatever the page holds.
"""

from __future__ import annotations

from peeldocs.model import KeyFigure

CLAUSE_MARKS = ("; ", ": ", " – ", " — ")
REACH = 120
"""How far a figure's quoted clause reaches either side of the figure, at most."""


def quote(text: str, start: int, end: int, reach: int = REACH) -> str:
    """Return the clause of ``text`` holding ``text[start:end]``, verbatim and bounded.

    A clause ends at a semicolon, a colon or a dash; a clause longer than
    ``reach`` characters either side of the figure is cut at a word boundary,
    with "…" where words were left out.  The cost is bounded by ``reach``, never
    by the length of the sentence.
    """
    low = max(0, start - reach)
    left = max((text.rfind(mark, low, start) + len(mark) for mark in CLAUSE_MARKS
                if text.rfind(mark, low, start) >= 0), default=-1)
    if left < 0:
        left = low if low == 0 else text.find(" ", low, start) + 1 or start
    high = min(len(text), end + reach)
    stops = [at for mark in CLAUSE_MARKS if (at := text.find(mark, end, high)) >= 0]
    right = min(stops) + 1 if stops else high
    if not stops and high < len(text):
        right = text.rfind(" ", end, high) if text.rfind(" ", end, high) > end else end
    body = text[left:right].strip(" ;:–—")
    cut_left = left > 0 and not any(text.startswith(m, left - len(m)) for m in CLAUSE_MARKS)
    cut_right = right < len(text) and not stops
    return f"{'…' if cut_left else ''}{body}{'…' if cut_right else ''}"


def bounded(figures: list[KeyFigure], chars: int, notes: list[str]) -> list[KeyFigure]:
    """Keep the first figures a page of ``chars`` characters can hold: one per 250, and 25.

    A real page states one figure in a thousand characters or fewer; more is a
    list of numbers, not findings, and would make the data file many times the
    page.  A note says how many were left out.
    """
    most = 25 + chars // 250
    if len(figures) > most:
        notes.append(f"the text states {len(figures)} figures, more than a page of its length "
                     f"holds; the first {most} are kept")
    return figures[:most]
