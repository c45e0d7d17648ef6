"""What keeps a long paragraph's layout linear in its length, with reportlab's own line breaking.

reportlab breaks a one-font paragraph into lines by taking words one at a time
from the front of a list (``words.pop(0)``), which costs time in proportion to
the words left: breaking N words costs N squared.  :class:`WordQueue` is that
list with a front that moves instead, so the same algorithm, run on the same
words, gives the same lines in linear time.  :func:`one_font_words` says when
reportlab takes that path and hands it the queue.

A paragraph split across pages hands its rest on as lines already broken
(see :mod:`peeldocs.renderers.pdf.wrap`); :func:`lines_for_split` lets
reportlab's split see only the lines it needs to decide where to cut.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus.paragraph import _split_blParaSimple, split, strip

LONG = 1000  # words: below this the list's own pop(0) costs nothing worth avoiding


class WordQueue:
    """The words reportlab's line breaker takes from the front, and puts back there.

    It supports exactly what the breaker does with its list: a copy (``[:]``),
    truth and length, iteration, ``pop(0)`` and ``[0:0] = pieces``.
    """

    def __init__(self, words: list[Any]) -> None:
        self._words = words
        self._head = 0

    def __len__(self) -> int:
        return len(self._words) - self._head

    def __iter__(self) -> Any:
        return islice(self._words, self._head, None)

    def __getitem__(self, key: slice) -> WordQueue:
        if key != slice(None):
            raise TypeError("a word queue copies whole, as words[:]")
        return WordQueue(self._words[self._head:])

    def __setitem__(self, key: slice, pieces: list[Any]) -> None:
        if key != slice(0, 0):
            raise TypeError("a word queue takes words back only at its front")
        count = len(pieces)
        if count <= self._head:
            self._words[self._head - count:self._head] = pieces
            self._head -= count
        else:
            self._words = [*pieces, *self._words[self._head:]]
            self._head = 0

    def pop(self, index: int = 0) -> Any:
        """Take the first word (the only one the breaker takes)."""
        if index != 0:
            raise TypeError("a word queue gives words only from its front")
        if self._head >= len(self._words):
            raise IndexError("pop from an empty word queue")
        word = self._words[self._head]
        self._words[self._head] = None  # let the word go with its line
        self._head += 1
        return word


def one_font_words(frags: list[Any], style: Any) -> list[Any] | None:
    """Return ``frags`` with their one fragment's words as a queue, if reportlab breaks it word by word.

    None when the text is short or reportlab would take another path (several
    fragments, dots, callbacks, shaping, bidirectional text).
    """
    if len(frags) != 1 or style.wordWrap or style.endDots:
        return None
    frag = frags[0]
    if hasattr(frag, "cbDefn") or hasattr(frag, "backColor") or isinstance(frag, list | tuple):
        return None
    if style.shaping and getFont(style.fontName).shapable:
        return None
    text = getattr(frag, "text", None)
    words = split(strip(text)) if isinstance(text, str) else getattr(frag, "words", None)
    if not isinstance(words, list) or len(words) < LONG:
        return None
    queued = frag.clone(words=WordQueue(list(words)))
    if hasattr(queued, "text"):
        del queued.text
    return [queued]


def lines_for_split(para_lines: Any, avail_h: float, style: Any) -> Any:
    """Return the lines reportlab's split needs to decide where to cut: the first ones only.

    It cuts after the lines that fit ``avail_h`` (at least one line's height
    each), or one line sooner to keep a widow company, and needs the count of
    the rest only to know that there is more than one line left.
    """
    lines = para_lines.lines
    height = min(style.leading, 1.2 * style.fontSize)
    if height <= 0:
        return para_lines
    needed = int(avail_h / height) + 3
    return para_lines if len(lines) <= needed else para_lines.clone(lines=lines[:needed])


def rest_words(para_lines: Any) -> list[Any]:
    """Return the fragments of all of ``para_lines``, as reportlab's split makes them."""
    return list(_split_blParaSimple(para_lines, 0, len(para_lines.lines)))
