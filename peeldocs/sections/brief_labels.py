"""The one-page brief's short labels and its choice of which findings to quote.

A brief names some findings by reference alone (a plan's items, the decisions);
a reference is ours, not the report's, so each is given a few of the report's
own words, quoted and cut with an ellipsis, never paraphrased.  When the page
has room to quote only some areas for improvement, it quotes those the reader
is asked to decide on, then those the report itself bears on most: the ones
sharing most words with the earlier findings it says have not made enough
progress.  A recommendation addressed to more than the force is labelled joint
(:func:`joint_label`).  Pure functions, no I/O.
"""

from __future__ import annotations

import re

from peeldocs.model import Report
from peeldocs.model.findings import passage_text
from peeldocs.sections.calls import follow_up
from peeldocs.sections.items import ItemKind, ResponseItem
from peeldocs.sections.joint import joint_parts

QUOTE_WORDS = 30
"""A sentence of up to this many words is quoted whole; a longer one to a clause boundary."""
CLIP_WORDS = 20
"""A long area for improvement, on a page short of room, is quoted to this many words (read 29-B)."""
_CLAUSE_END = re.compile(r"[,;:](?=\s)")
LABEL_WORDS = 8
"""A label is at most this many of the report's words; on a page short of room, an area for
improvement is quoted so (read 30-B: one short clause each, all on the page beside a plan)."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“‘\"(\[])")
# "The force should ensure that ...": the call itself is the kind's business, the rest names it
CALL = re.compile(r"^(?:the force|it|the constabulary|we recommend\s+(?:that\s+)?[^,.;]*?)"
                   r"\s+(?:should|must|needs?\s+to|to)\s+"
                   r"(?:also\s+)?(?:(?:ensure|make\s+sure)\s+(?:that\s+)?)?", re.IGNORECASE)
# an earlier finding quoted from mid-passage: "[The area ...] was to ensure that [the force] put"
_WAS = re.compile(r"^(?:was|is)\s+to\s+(?:(?:ensure|make\s+sure)\s+(?:that\s+)?)?(?:\[[^\]]*\]\s+)?")
# a label stops before one of these once it has four words: "regular and active supervision"
_BREAKS = frozenset((
    "of", "to", "in", "for", "with", "within", "by", "on", "at", "from", "so", "which", "who",
    "whenever", "because", "when", "where", "whether", "through", "throughout"))
_DANGLING = frozenset(("a", "an", "the", "they", "it", "its", "their", "are", "is", "and", "or"))
_STOP = frozenset((
    "that", "this", "these", "those", "with", "from", "have", "been", "were", "their", "there",
    "which", "should", "must", "ensure", "force", "forces", "constabulary", "also", "more",
    "than", "into", "such", "will", "would", "could", "make", "sure", "area", "areas",
    "improvement", "earlier", "needs", "need"))


def short_label(text: str) -> str:
    """Return a finding's opening words to name it by: “The force should improve how it allocates crime …”.

    From the start of its first sentence, so no quotation starts mid-sentence: a
    call's opening ("The force should ensure that", "We recommend ... to", or the
    words we supplied in square brackets and "was to ensure that") is kept whole,
    then what it asks for, to the end of its first clause, cut before a linking
    word once four words are in, or at :data:`LABEL_WORDS`; a cut is marked with
    an ellipsis.
    """
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    head = ""
    if sentence.startswith("[") and "]" in sentence:
        head = sentence[:sentence.index("]") + 1] + " "
    call = (_WAS if head else CALL).match(sentence[len(head):].lstrip())
    if call:
        head = (head + sentence[len(head):].lstrip()[:call.end()]).rstrip() + " "
    rest = sentence[len(head):] if head else sentence
    whole = rest.rstrip(".!?").split()
    words = re.split(r"[,;:–]\s", rest, maxsplit=1)[0].rstrip(".!?").split()
    if len(words) > LABEL_WORDS:
        stop = next((n for n in range(4, LABEL_WORDS + 1) if words[n].lower() in _BREAKS),
                    LABEL_WORDS)
        words = words[:stop]
        while len(words) > 1 and words[-1].lower() in _DANGLING:  # never "without a …"
            words = words[:-1]
    label = (head + " ".join(words)).rstrip(",;:")
    return f"“{label}{' …' if len(words) < len(whole) or sentence != text.strip() else ''}”"


def quotation(text: str, limit: int = QUOTE_WORDS) -> str:
    """Return the first sentence of ``text`` whole, or cut at a clause when it is long.

    The words are the report's (with any editorial marks already on them); a cut
    is made only where a clause ends, marked with an ellipsis, and the opening is
    never dropped, so the quotation reads from the start of its sentence.
    """
    sentences = _SENTENCE_END.split(text.strip(), maxsplit=1)
    sentence = sentences[0]
    words = sentence.split()
    if len(words) <= limit:
        return sentence + (" …" if len(sentences) > 1 else "")
    head = " ".join(words[:limit])
    cuts = [m.start() for m in _CLAUSE_END.finditer(head) if len(head[:m.start()].split()) >= 5]
    if cuts:
        return head[:cuts[-1]] + " …"
    return head.rstrip(",;:") + " …"


def clipped(text: str) -> str:
    """Return a finding's opening words, quoted: up to :data:`CLIP_WORDS`, cut at a clause.

    Read 29-B: with a plan, the areas for improvement behind the lowest grade appeared
    only as labels of a few words; where the page has room, the group reads what it is
    asked to decide on, to a sentence or clause, an ellipsis for the rest.
    """
    return f"“{quotation(text, CLIP_WORDS)}”"


GIST_WORDS = 6
"""A plan line's gist is at most this many of the report's words (:func:`plan_gist`)."""


def plan_gist(text: str) -> str:
    """Return a few of a finding's own words, verbatim: “regular and active supervision”.

    Read 24-B: "Closed: E2-AFI-3, 4 October 2019" said nothing of what was closed,
    and the opening words of :func:`short_label` ("The force should ensure …") take a
    line a plan item does not have.  What the finding asks for, the words after its
    call ("The force should ensure", "We recommend ... to"), to the end of that clause
    when it has at most :data:`GIST_WORDS` words, else cut before a linking word or a
    verb once three words are in ("staff with the right skills"): the report's words in
    the report's order, quoted as a phrase (no ellipsis: nothing within the quotation
    is left out).  A finding without such a call, or with no such break near its
    start, is named by its opening words (:func:`short_label`).
    """
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    call = None if sentence.startswith("[") else CALL.match(sentence)
    if call is None:
        return short_label(text)
    words = re.split(r"[,;:–]\s", sentence[call.end():], maxsplit=1)[0].rstrip(".!?").split()
    if not words:
        return short_label(text)
    if len(words) > GIST_WORDS:  # to a natural break: before a linking word or a verb
        stop = next((n for n in range(3, GIST_WORDS + 1) if words[n].lower() in _GIST_BREAKS),
                    None)
        if stop is None:  # no break near: its opening words, the rest marked
            return short_label(text)
        words = words[:stop]
    return f"“{' '.join(words).rstrip(',;:')}”"


# a gist stops before one of these: "staff with the right skills | are investigating ..."
_GIST_BREAKS = _BREAKS | frozenset(("are", "is", "was", "were", "has", "have", "will", "and"))



def opening_clause(text: str) -> str:
    """Return a finding's opening words as one short clause, quoted: “The force must ensure …”.

    Its call kept whole ("The force must ensure that") and what it asks for to a natural
    break (:func:`plan_gist`), an ellipsis for the rest: read 30-B, each area for
    improvement beside an action plan "with one short clause each".  A finding without
    such a call, its opening words (:func:`short_label`).
    """
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    call = None if sentence.startswith("[") else CALL.match(sentence)
    gist = plan_gist(text)[1:-1]
    if call is None or not sentence[call.end():].startswith(gist):
        return short_label(text)
    whole = sentence[:call.end()] + gist
    return f"“{whole}{'' if whole == text.strip().rstrip('.') else ' …'}”"


def _stems(text: str) -> set[str]:
    """Return a text's content words, each cut to six letters ("supervision", "supervise")."""
    return {w[:6] for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3 and w not in _STOP}


def bearing_words(report: Report) -> set[str]:
    """Return what the report bears on most: its repeat findings and what it says they now need.

    The earlier findings without enough progress and the sentence after each
    saying what the force must now do (:func:`follow_up`); when there are none,
    the report's own summary.
    """
    texts = []
    for prior in report.prior_findings:
        if prior.outcome.value == "not enough progress":
            texts += [prior.text, follow_up(report, prior.id) or ""]
    if not texts:
        texts = [passage_text(p) for p in report.summary]
    return _stems(" ".join(texts))


def by_bearing(items: list[ResponseItem], report: Report) -> list[ResponseItem]:
    """Return the areas for improvement the report bears on most first; the rest keep their order.

    The rule, for any report: an area for improvement ranks by how many content
    words (cut to six letters, so "supervision" meets "supervise") it shares with
    :func:`bearing_words`; ties, and every other kind of finding, keep the order
    given.  So where a page quotes one area for improvement, it is the one the
    report's repeated criticism is about (Norfolk's supervision of investigations),
    not merely the first listed.
    """
    bearing = bearing_words(report)
    afis = [i for i in items if i.kind is ItemKind.AREA_FOR_IMPROVEMENT]
    ranked = iter(sorted(afis, key=lambda i: -len(_stems(i.full_text) & bearing)))
    return [next(ranked) if i.kind is ItemKind.AREA_FOR_IMPROVEMENT else i for i in items]


def to_quote(items: list[ResponseItem], report: Report, first: frozenset[str] = frozenset(),
             last: frozenset[str] = frozenset()) -> list[ResponseItem]:
    """Return the areas for improvement in the order a page with room for only some quotes them.

    Those named in ``first`` (the decisions a reader is asked to take: allocate
    one, add one) first, those in ``last`` (closed in the action plan: nothing
    left to decide) last, and within each the ones the report bears on most
    (:func:`by_bearing`).  Which are quoted is chosen so; they are listed in the
    report's order, never this one.
    """
    ranked = by_bearing([i for i in items if i.kind is ItemKind.AREA_FOR_IMPROVEMENT], report)
    return sorted(ranked, key=lambda i: (i.id not in first, i.id in last))


def joint_label(item: ResponseItem, report: Report, label: str) -> str:
    """Return a recommendation's label, saying when it is addressed to more than the force.

    Read 23-B: "We recommend Norfolk and Suffolk Constabularies to work with other forces
    in the east of England …" cannot be the force's alone to act on, and the commissioner's
    comments will have to speak for a joint arrangement: "Joint recommendation (E5-REC-1)";
    one to the force alone that names other forces to work with, "Recommendation, with other
    forces".  Whom it addresses is read from the report's own words
    (:func:`~peeldocs.sections.joint.joint_parts`), never from a list of forces.
    """
    if item.kind is not ItemKind.RECOMMENDATION:
        return label
    first, others = joint_parts(item.text, report)
    if first and first != report.force.name:
        return f"Joint {label[:1].lower()}{label[1:]}"
    return f"{label}, with other forces" if others else label


def voiced(words: str) -> str:
    """Return a finding's words for its label line, in quotation marks: they are the report's.

    Read 25-B: "We recommend Norfolk and Suffolk Constabularies …" unquoted, in a brief
    written in the force's voice, let "We" be read as the force's own; read 29-B: with the
    recommendation quoted, areas for improvement given verbatim but unquoted read as ours.
    Every finding's words are quoted; quotation marks inside turn single.

    >>> voiced("We recommend the force to act.")
    '“We recommend the force to act.”'
    >>> voiced("The force should act. …")
    '“The force should act. …”'
    """
    return "“" + words.replace("“", "‘").replace("”", "’") + "”"
