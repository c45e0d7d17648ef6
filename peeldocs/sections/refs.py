"""Finding references (E2-AFI-1) explained in words where a reader first meets them.

A reference is ours, not the report's.  Where a line names a finding by reference
(the executive summary's decisions, the findings whose deadlines have passed), what
follows it is the report's words, quoted as a phrase and never paraphrased
(:func:`subject`; read 25-P: "Allocate E2-AFI-2 …" left the group turning pages to
learn what it was deciding on): what the finding asks for, after its call ("The force
should ensure that", "We recommend … to", or the words we supplied in square brackets
and "was to ensure that"), to the end of that clause, cut before a linking word when
the clause is long.  A clause that opens on "it" is quoted from its verb (“answers at least 90 percent …”):
alone, "it" would name nothing, and the whole call would quote a sentence where
the other lines quote a phrase (read 33).  One that opens on "its" keeps the call
that names the force (“The force should make sure that its plans …”).
Pure functions, no I/O.
"""

from __future__ import annotations

import re

from peeldocs.model import Report, cycle_words
from peeldocs.model.report import text_recommendations
from peeldocs.options import Options
from peeldocs.sections.brief_items import described
from peeldocs.sections.items import ResponseItem
from peeldocs.sections.joint import joint_parts

FINDINGS_TABLE = "the table of findings needing an action plan"
"""What uses the pack's references when no action plan was given: the table of findings."""


def _where(report: Report, number: int | None) -> str | None:
    """Return "question 2", or the area's name in a force assessment."""
    if number is None:
        return None
    if report.is_assessment:
        return next((q.title for q in report.questions if q.number == number), f"area {number}")
    return f"question {number}"


def _kinds(report: Report) -> dict[str, tuple[str, str | None]]:
    out: dict[str, tuple[str, str | None]] = {}
    for p in report.prior_findings:
        place = _where(report, p.question)  # where this report reconsiders it, not where made
        out[p.id] = (f"{cycle_words(p.cycle)} {p.kind.value}"
                     + (", reconsidered" if place is not None else ""), place)
    for q in report.questions:
        where = _where(report, q.number)
        for f in q.areas_for_improvement:
            out[f.id] = ("area for improvement", where)
        for c in q.causes_of_concern:
            out[c.id] = ("cause of concern", where)
            for r in c.recommendations:
                out[r.id] = ("recommendation", where)
    for t in text_recommendations(report):
        out[t.id] = ("recommendation", _where(report, t.question))
    return out


def explain_refs(fids: list[str], report: Report) -> list[str]:
    """Return each reference explained, as :func:`explain_ref`, reading the report once."""
    kinds = _kinds(report)
    return [_explained(fid, kinds.get(fid)) for fid in fids]


def _explained(fid: str, found: tuple[str, str | None] | None) -> str:
    if found is None:
        return fid
    kind, place = found
    where = f" under {place}" if place is not None else ""
    article = "an" if kind[:1] in "aeiou" else "a"
    return f"{fid} ({article} {kind}{where})"


def explain_ref(fid: str, report: Report | None) -> str:
    """Return "E2-AFI-2 (an area for improvement under question 2)", or the id alone."""
    return _explained(fid, _kinds(report).get(fid) if report is not None else None)


def example_ref(report: Report) -> str:
    """Return the first area for improvement, cause of concern or recommendation, explained."""
    for q in report.questions:
        for fid in [f.id for f in q.areas_for_improvement] + [
                c.id for c in q.causes_of_concern]:
            return explain_ref(fid, report)
    return ""


def references_used_by(options: Options) -> str:
    """Return what else uses the pack's finding references, or "" when nothing does.

    "the action plan" when one was given; without one, the table of findings
    needing an action plan, when the document has that section; else nothing.
    """
    if options.plan is not None:
        return "the action plan"
    return FINDINGS_TABLE if "actions" in options.sections else ""


SUBJECT_WORDS = 12
"""A subject is at most this many of the report's words."""
SUBJECT_LEAST = 5
"""A long clause is cut only once this many words are in."""

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“‘\"(\[])")
# the call, which the kind of finding already says: "The force should (also) ensure that"
_CALL = re.compile(r"^(?:the force|it|the constabulary|we recommend\s+(?:that\s+)?[^,.;]*?)"
                   r"\s+(?:should|must|needs?\s+to|to)\s+"
                   r"(?:also\s+)?(?:(?:ensure|make\s+sure)\s+(?:that\s+)?)?", re.IGNORECASE)
# an earlier finding quoted from mid-passage: "[The area …] was to ensure that [the force] put"
_WAS = re.compile(r"^\[[^\]]*\]\s+(?:was|is)\s+to\s+(?:(?:ensure|make\s+sure)\s+(?:that\s+)?)?"
                  r"(?:\[[^\]]*\]\s+)?")
# a long clause is cut before one of these: "the victim’s wishes are recorded | whenever …"
_BREAKS = frozenset((
    "to", "in", "for", "with", "within", "by", "on", "at", "from", "so", "which", "who",
    "whenever", "because", "when", "where", "whether", "through", "throughout", "before",
    "after", "until", "unless", "if", "while", "without", "and", "or", "but", "are", "is",
    "was", "were", "has", "have", "will"))
# a subject that opens on the force's pronoun, and a call that names the force
_IT = re.compile(r"^(?:it|its)\b", re.IGNORECASE)
_NAMER = re.compile(r"^(?:the force|the constabulary)\s", re.IGNORECASE)
_DANGLING = frozenset(("a", "an", "the", "they", "it", "its", "their", "of", "and", "or"))


def subject(text: str, skip: str = "") -> str:
    """Return what a finding asks for, in its own words: “improve how it allocates crime”.

    ``skip``: words after the call that the line says otherwise (whom a joint
    recommendation works with), so the subject is what follows them: “develop a
    regional specialist capability”.  "" when the finding has no words to quote.
    """
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()
    call = _WAS.match(sentence) or _CALL.match(sentence)
    rest = sentence[call.end():] if call else sentence
    if skip and rest.lower().startswith(skip.lower()):
        after = rest[len(skip):].lstrip(" ,")
        rest = after[3:] if after.lower().startswith("to ") else after or rest
    # the first clause; a bracketed aside ("(constructed example)") is not what it asks for
    words = re.split(r"[,;:–]\s|\s\(", rest, maxsplit=1)[0].rstrip(".!?”’").split()
    if len(words) > SUBJECT_WORDS:  # to a natural break, else at the most words
        stop = next((n for n in range(SUBJECT_LEAST, SUBJECT_WORDS + 1)
                     if words[n].lower() in _BREAKS), SUBJECT_WORDS)
        words = words[:stop]
    while len(words) > 1 and words[-1].lower() in _DANGLING:  # never "without a"
        words = words[:-1]
    said = " ".join(words).rstrip(",;:")
    if call is not None and len(words) > 2 and words[0].lower() == "it" and _NAMER.match(sentence):
        # “it answers at least 90 percent …”: the pronoun names nothing out of its sentence;
        # what is asked starts at the verb, a phrase as the other subjects are (read 33)
        said = " ".join(words[1:])
    if said and call is not None and _IT.match(said) and _NAMER.match(sentence):
        # “it answers at least 90 percent …” says nothing of what "it" is: the call that
        # names the force is quoted too (“The force should make sure that it answers …”)
        said = f"{sentence[:call.end()].rstrip()} {said}"
    return f"“{said}”" if said else ""


def named(item: ResponseItem, report: Report) -> str:
    """Name a finding for a decision: "E2-AFI-2, “improve how it allocates crime” (area …)".

    Its reference, what it asks for in the report's words (:func:`subject`), then
    what kind of finding it is and where the report makes it (:func:`described`).
    A joint recommendation's subject leaves out whom it works with, which the
    decision says in its own words.
    """
    _first, others = joint_parts(item.text, report)  # "to work with other forces in …"
    words = subject(item.full_text, others.removeprefix("to "))
    return f"{item.id}{', ' + words if words else ''} ({described(item, report)})"
