"""Findings of a register named in words and by reference.

In words, counted ("three areas for improvement"), and by reference in natural
order ("R2 and R3"; R2 before R10, an earlier cycle's reference first).
"""

from __future__ import annotations

import re

from peeldocs.plans.register import PLURAL_KINDS, Entry
from peeldocs.prose import count_words, join_words

__all__ = ["findings_words", "ref_order", "refs_words"]


def _base_kind(entry: Entry) -> str:
    """Return the finding's kind without a cycle ("2017 area for improvement" -> its kind)."""
    kind = entry.ref.kind.lower() if entry.ref else "finding"
    return next((k for k in PLURAL_KINDS if kind.endswith(k)), "finding")


def findings_words(entries: list[Entry], *, article: bool = False) -> str:
    """Say what the findings are, counted: 'three areas for improvement', 'a recommendation'.

    One finding is 'one recommendation', or with ``article`` 'a recommendation'.
    """
    kinds = {_base_kind(e) for e in entries}
    kind = kinds.pop() if len(kinds) == 1 else "finding"
    if len(entries) == 1:
        return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}" if article else f"one {kind}"
    return f"{count_words(len(entries))} {PLURAL_KINDS.get(kind, kind + 's')}"


def ref_order(ref: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key for references in natural order: R2 before R3 before R10.

    Numbers compare as numbers; a separator comes before a number, as in a
    dictionary, so an earlier cycle's 'E-2017-AFI-1' comes before 'E2-AFI-1'.

    >>> sorted(["E2-AFI-2", "E-2017-AFI-1", "E2-AFI-1", "R10", "R2"], key=ref_order)
    ['E-2017-AFI-1', 'E2-AFI-1', 'E2-AFI-2', 'R2', 'R10']
    """
    return tuple((1, int(p)) if p.isdigit() else (2, p.lower()) if p.isalpha() else (0, p)
                 for p in re.findall(r"\d+|[^\W\d_]+|[\W_]+", ref))


def refs_words(entries: list[Entry]) -> str:
    """Name the findings by reference, in natural order ('R2 and R3')."""
    return join_words(sorted((e.state.item.finding for e in entries), key=ref_order))
