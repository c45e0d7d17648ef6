"""The one-page brief's closing word on earlier findings the report does not carry forward.

Said briefly, after the live findings, in words (how many, of what kind, from
which inspection and where), each with a few of the report's words and its
reference: "The report finds three earlier areas for improvement addressed: on
“its use of domestic violence protection notices …” (E-2017-AFI-2), …".  An
earlier finding's own words, without the account around them ("This was to
ensure that it"), come from :func:`earlier_words`.  Pure functions, no I/O.
"""

from __future__ import annotations

import re

from peeldocs.model import Outcome, PriorFinding, Report
from peeldocs.prose import count_words

# how a report recounts an earlier finding: "First, the force needed to", "This was to ensure
# that it", "This concerned": what follows is what the finding was about, in its words
_RECOUNT = re.compile(
    r"^(?:(?:first|second|third|fourth|also|finally),\s+)?"
    r"(?:this|it|the force|the constabulary)\s+"
    r"(?:(?P<on>concerned|related to|was about)|(?:was|were|needed|had|needs?)\s+to|should|must)\s+"
    r"(?:(?:ensure|make\s+sure)\s+(?:that\s+)?(?:it|the force|the constabulary)\s+)?",
    re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“‘\"(\[])")
GIST_WORDS = 10
"""An addressed finding is named by at most this many of its words."""
_BREAKS = frozenset(("of", "to", "in", "for", "with", "within", "by", "on", "at", "from",
                     "so", "which", "who", "because", "when", "where", "through"))
_DANGLING = frozenset(("a", "an", "the", "its", "their", "and", "or"))


def earlier_words(text: str, limit: int | None = None) -> tuple[str, str]:
    """Return how to introduce an earlier finding's own words, and those words, verbatim.

    "This was to ensure that it put appropriate supervision in place …" gives ("to",
    "put appropriate supervision in place …"); "This concerned its use of …" gives ("on",
    "its use of …").  The words are the rest of its first sentence (an ellipsis when more
    follows), or with ``limit`` at most that many, cut before a linking word once four are
    in.  ("", "") when the text does not recount a finding so: the caller quotes it as it
    stands.
    """
    match = _RECOUNT.match(text.strip())
    if match is None:
        return "", ""
    rest = text.strip()[match.end():]
    parts = _SENTENCE_END.split(rest, maxsplit=1)
    words = parts[0].rstrip(".!?").split()
    cut = len(parts) > 1
    if limit is not None and len(words) > limit:
        stop = next((n for n in range(4, limit + 1) if words[n].lower() in _BREAKS), limit)
        words = words[:stop]
        if " ".join(words).count("(") > " ".join(words).count(")"):  # never "(DVPNs …"
            words = words[:next(n for n, w in enumerate(words) if "(" in w) or 1]
        while len(words) > 1 and words[-1].lower() in _DANGLING:
            words = words[:-1]
        cut = True
    if not words or "[" in " ".join(words):
        return "", ""
    return ("on" if match.group("on") else "to"), " ".join(words).rstrip(",;:") + (" …" if cut else "")


def named_briefly(prior: PriorFinding) -> str:
    """Return an earlier finding by a few of its words and its reference: on “its use of …” (ID)."""
    how, words = earlier_words(prior.text, GIST_WORDS)
    return f"{how} “{words}” ({prior.id})" if words else prior.id

_OUTCOMES = {Outcome.ADDRESSED: "addressed", Outcome.PARTLY_ADDRESSED: "partly addressed",
             Outcome.SUPERSEDED: "superseded", Outcome.STILL_MONITORED: "still monitored"}
_PLURALS = {"area for improvement": "areas for improvement", "cause of concern": "causes of concern"}


def _plural(kind: str) -> str:
    return _PLURALS.get(kind, kind + "s")


def addressed_parts(report: Report, gist: bool = True) -> list[dict[str, object]]:
    """Describe the earlier findings the report does not carry forward, by outcome, in words.

    Each part gives the outcome, how many, what they were ("areas for
    improvement" when all are of one kind) and where each came from ("one from
    2017 under question 3 and two from 2016 under question 4"), then their
    references, each with a few of its words (:func:`named_briefly`) unless ``gist`` is
    off; nothing the report does not say.
    """
    titles = {q.number: q.title for q in report.questions}
    parts: list[dict[str, object]] = []
    for outcome, words in _OUTCOMES.items():
        prior = [p for p in report.prior_findings if p.outcome is outcome]
        if not prior:
            continue
        kinds = {p.kind.value for p in prior}
        one_kind = len(kinds) == 1
        groups: dict[tuple[str, str, int | None], int] = {}
        for p in prior:
            key = (p.kind.value, p.cycle, p.question)
            groups[key] = groups.get(key, 0) + 1
        places = []
        for (kind, cycle, question), n in groups.items():
            what = "" if one_kind else f" {kind if n == 1 else _plural(kind)}"
            place = ""
            if question is not None:
                place = (f" in ‘{titles[question]}’" if report.is_assessment and question in titles
                         else f" under question {question}")
            places.append(f"{count_words(n)}{what} from {cycle}{place}")
        noun = next(iter(kinds)) if one_kind else "finding"
        parts.append({"outcome": words, "count": len(prior),
                      "noun": noun if len(prior) == 1 else _plural(noun),
                      "places": places, "ids": [p.id for p in prior],
                      "named": [named_briefly(p) if gist else p.id for p in prior]})
    return parts


def recounted(named: str, text: str, now: str = "") -> str:
    """Return an earlier finding named plainly with its own words, or "" when its text is not a recount.

    Read 29-B: "[The area for improvement] was to ensure that [the force] put …", with
    three bracketed changes, buried the point.  ``named`` ("the 2017 area for improvement
    (E-2017-AFI-1, question 2)"), then what it asked for in the report's words (:func:`earlier_words`):
    "… to “put appropriate supervision in place …”"; then what the report says is now needed,
    ``now``, "[The force] must do more …" read as "and that it “must do more …”".
    """
    how, words = earlier_words(text)
    if not words:
        return ""
    said = f"{named} {how} “{words}”"
    if now.startswith("[The force] "):
        return f"{said}, and that it “{now[len('[The force] '):].rstrip('.')}”"
    return f"{said}, and says: “{now.rstrip('.')}”" if now else said
