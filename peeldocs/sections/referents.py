"""Sentences that point back, quoted with the sentences before them that they point to.

A sentence lifted out of a report's paragraph can lean on the sentences before it.
It may open with a connective or a pronoun ("But the force needs …", "However, …",
"This means …", "It …"), or name something by pointing back ("this backlog",
"these cases").  Quoted alone, it refers to nothing the reader has; and putting what
it refers to in our own words would be a paraphrase presented as the report's.  So a
quotation takes, verbatim, the sentences before it in its paragraph that it points
to, up to :data:`BACK`.  For a sentence that names "this backlog", that means back
to the sentence that mentions a backlog.  When the paragraph holds no such sentence
within reach, the caller decides: a list of quotations leaves the sentence out, and
other callers quote it with the sentences that are there.

Used by the good practice the pack's summary quotes (:mod:`practice`) and by the
other calls to act that every document kind quotes (:mod:`calls`).  Pure functions:
linear in the number of sentences looked back over.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

BACK = 3
"""At most this many sentences before a pointing-back sentence are quoted with it."""

_OPENS = re.compile(
    r"^[‘“\"(]?(?:But|However|Yet|Nevertheless|Nonetheless|Therefore|Consequently|So|And|"
    r"Also|Despite\s+this|As\s+a\s+result|This|These|That|Those|Such|It|They)\b")
"""A sentence that opens by leaning on the one before: a connective or a pronoun."""
_REGARDS = re.compile(r"\b(?:consider|considered|regard|regarded)\s+(?:this|these|that|it|them)"
                      r"\b|\b(?:found|find|think|believe|judged?|saw|see)\s+(?:this|these|it|"
                      r"them)\b")
"""A sentence that judges what the one before it said ("We consider this to be …")."""
_NAMES = re.compile(r"\b(?:[Tt]his|[Tt]hese)((?:\s+[A-Za-z][A-Za-z-]*){1,3})")
"""A thing named by pointing back ("this backlog", "these medium-risk cases"): the words after."""
_FUNCTION = frozenset({
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "should", "could",
    "can", "may", "might", "must", "means", "meant", "shows", "showed", "suggests", "and",
    "to", "in", "of", "for", "with", "on", "by", "as", "at", "or", "but", "not", "that",
    "which", "who", "be", "been", "being", "does", "did", "the", "a", "an"})
"""Words after "this"/"these" that end the name; first, they make it a pronoun ("this is",
"these are"), which points to the sentence before, not to a thing named."""
_SELF = frozenset({"inspection", "report", "year", "month", "week", "time", "cycle",
                   "assessment", "inspections", "reports", "years"})
"""Things named by "this"/"these" that the reader has without the sentence before ("this report")."""
_VAGUE = frozenset({"new", "same", "other", "such", "kind", "type", "sort", "good", "more",
                    "most", "many", "very", "further", "current", "particular", "specific"})
"""Words in a name that say nothing of what it names ("this new model": the model)."""


def _named(sentence: str) -> tuple[list[frozenset[str]], bool]:
    """Return the things a sentence points back to by name, and whether it points back besides.

    Each thing is the words that name it ("this substantial backlog": {"substantial",
    "backlog"}): a sentence before that uses any of them says what it is.

    >>> _named("But the force needs to assure itself that this backlog is not causing delays.")
    ([frozenset({'backlog'})], True)
    >>> _named("In this inspection we found that this is working well.")
    ([], True)
    >>> _named("In this inspection we found the force works well.")
    ([], False)
    >>> _named("We consider this good practice.")
    ([], True)
    """
    things: list[frozenset[str]] = []
    back = bool(_OPENS.match(sentence) or _REGARDS.search(sentence))
    judged = {m.start() for m in _REGARDS.finditer(sentence)}
    for match in _NAMES.finditer(sentence):
        if any(start < match.start() < start + 20 for start in judged):
            continue  # "consider this good practice": "this" is the sentence before
        words: list[str] = []
        for word in match.group(1).lower().split():
            if word in _FUNCTION:
                break
            words.append(word)
        if not words:
            back = True
        elif not _SELF & set(words) and not _mentions(sentence[:match.start()],
                                                      frozenset(words)):
            named = frozenset(w for w in words if len(w) > 3 and w not in _VAGUE)
            if named:
                things.append(named)
            else:
                back = True
    return things, back


def _mentions(sentence: str, words: frozenset[str]) -> bool:
    """Return whether a sentence uses any of ``words`` (singular or plural).

    >>> _mentions("We found a substantial backlog of cases.", frozenset({"backlog"}))
    True
    >>> _mentions("Cases wait too long.", frozenset({"cases"}))
    True
    """
    forms = {f for word in words
             for f in ((word, word[:-1], word[:-2]) if word.endswith("s") else (word,))
             if len(f) > 2}
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return bool(re.search(rf"\b(?:{alternatives})(?:s|es)?\b", sentence, re.I))


def lead_in(sentences: Sequence[str], n: int, floor: int = 0) -> int | None:
    """Return where to start quoting sentence ``n`` of a paragraph so that it refers to its words.

    ``n`` itself when it stands alone; else the earliest sentence it (or a sentence
    taken with it) points back to, never before ``floor`` (a sentence already quoted)
    nor more than :data:`BACK` before it.  None when what it points to lies outside
    that reach: its paragraph does not say it, or not near enough to quote.

    >>> text = ["We found a backlog of cases.", "A process is in place.",
    ...         "But the force needs to assure itself that this backlog is not harmful."]
    >>> lead_in(text, 2), lead_in(text, 1), lead_in(text, 2, floor=1)
    (0, 1, None)
    """
    things, back = _named(sentences[n])
    first = n
    while back or things:
        if first <= floor or n - first >= BACK:
            return None
        first -= 1
        earlier = sentences[first]
        more, back = _named(earlier)
        things = [t for t in things if not _mentions(earlier, t)] + more
    return first


def quote_start(sentences: Sequence[str], n: int, floor: int = 0) -> int | None:
    """Return where to start quoting sentence ``n``: as :func:`lead_in`, else the sentence before.

    When what it points to is not found near enough, the sentence before it in its
    paragraph is quoted with it (at least the connective then joins what it joins);
    None when it points back and nothing before it may be quoted (it opens its
    paragraph, or follows ``floor``'s sentence already quoted).

    >>> quote_start(["The force runs a scheme.", "It works."], 1)
    0
    >>> quote_start(["A plan is in place.", "But these areas lag."], 1)
    0
    >>> quote_start(["But these areas lag."], 0) is None
    True
    """
    first = lead_in(sentences, n, floor)
    if first is not None:
        return first
    return n - 1 if n > floor else None
