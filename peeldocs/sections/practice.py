"""Good practice the report names in its own text, quoted verbatim with where it is.

A report often credits what a force does well inside its detailed findings ("We
consider this to be good practice."; "… which runs an innovative scheme called
community connectors.") without listing it as notable practice.  The executive
summary brings these out, each under its question (or area) and heading, in the
report's own words: only whole sentences of its text, never a paraphrase, and
never praise of ours.

What counts is narrow on purpose, since a document that credits what the report
did not is worse than one that leaves it out:

- "good", "notable", "promising", "innovative", "excellent" or "best" practice
  said to be what something is ("We consider this to be good practice", "an
  example of good practice", "we found good practice"), not practice to share,
  follow or be in line with;
- "innovative" or "innovatively" said of what the force does;
- neither in a clause that denies it ("not good practice", "falls short of good
  practice", "little innovative work") nor in a sentence that asks for it or
  supposes it ("should find innovative ways", "it would be good practice to").

A sentence that points back ("We consider this to be good practice.") is quoted
with the sentences before it in its paragraph that say what "this" is, up to
:data:`~peeldocs.sections.referents.BACK`
(:func:`~peeldocs.sections.referents.lead_in`).  A sentence the report lists
as a finding or as notable practice (quoted in the pack under that) is not
listed again.  Linear in the text's length.  Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from peeldocs.blocks import Block, BulletList, Heading, Paragraph, ParaStyle, Text, plain
from peeldocs.model import Question, Report
from peeldocs.model.findings import Passage, passage_text
from peeldocs.sections.basis import squash
from peeldocs.sections.calls import call_lines
from peeldocs.sections.referents import quote_start

_SENTENCE = re.compile(r"\S.*?(?:[.!?][”’\"]?(?=\s+[‘“\"A-Z0-9])|$)", re.S)
_KIND = r"(?:good|notable|promising|innovative|excellent|best)"
_FILL = r"(?:(?:an?|some|much|more|real|clear|such|particularly|very|especially|notably)\s+)*"
_FRAME = (r"(?:\b(?:is|are|was|were|be|been|being|as|found|saw|seen|identified|observed|noted)"
          r"|\b(?:consider|considered|regard|regarded)\s+(?:this|these|that|it|them)"
          r"(?:\s+(?:as|to\s+be))?"
          r"|\b(?:examples?|evidence|instances?)\s+of)\s+")
_PRACTICE = re.compile(_FRAME + _FILL + r"(?:(?:examples?|evidence)\s+of\s+" + _FILL + r")?"
                       + _KIND + r"\s+practice\b", re.I)
_INNOVATIVE = re.compile(r"\binnovative(?:ly)?\b", re.I)
_DENIED = re.compile(r"\b(?:not|no|never|nor|neither|hardly|lacks?|lacking|without|fails?|"
                     r"failed|failing|short\s+of|rather\s+than|instead\s+of|contrary\s+to|"
                     r"little|limited|less|absence|absent|unlike)\b|n[’']t\b", re.I)
_ASKED = re.compile(r"\b(?:should|must|needs?\s+to|needed\s+to|ought|could|would|might|if|"
                    r"whether|unless|encourages?|encouraged|expects?|expected|important|"
                    r"essential|opportunit(?:y|ies))\b", re.I)
_MAY = re.compile(r"\bmay\b")  # lower case only: "in May 2018" supposes nothing
_CLAUSE = re.compile(r"[,;:–—(]")


@dataclass(frozen=True, slots=True)
class Practice:
    """Sentences of the report that name something good practice or innovative, and where."""

    question: Question
    heading: str | None
    quote: str
    """The report's words, verbatim: the sentence, after any it points back to."""


def _credits(sentence: str) -> bool:
    """Return whether a sentence says something is good practice or innovative, undenied."""
    for pattern in (_PRACTICE, _INNOVATIVE):
        for match in pattern.finditer(sentence):
            before = sentence[:match.start()]
            clause = _CLAUSE.split(before)[-1]
            if _DENIED.search(clause) or _ASKED.search(before) or _MAY.search(before):
                continue
            return True
    return False


def _sentences(text: str) -> list[tuple[int, int]]:
    """Return each sentence's span in ``text``."""
    return [m.span() for m in _SENTENCE.finditer(text)]


def _quotes(text: str) -> Iterator[str]:
    """Yield the passages of ``text`` that credit practice: each sentence with what it points to."""
    spans = _sentences(text)
    said = [text[start:end] for start, end in spans]
    taken = -1  # the last sentence already quoted: never twice
    for n, (_start, end) in enumerate(spans):
        sentence = said[n]
        if not _credits(sentence):
            continue
        first = quote_start(said, n, taken + 1)  # with what it points to, if it may be
        if first is None:
            first = n
        taken = n
        yield text[spans[first][0]:end]


def _parts(q: Question) -> Iterator[tuple[str | None, Passage]]:
    for passage in (*q.summary, *q.intro):
        yield None, passage
    for section in q.findings:
        for passage in section.paragraphs:
            yield section.heading, passage


def named_practice(report: Report) -> list[Practice]:
    """Return what the report's text calls good practice or innovative, in report order.

    A quotation that is (or holds) a listed finding or notable practice, or one the
    report makes twice (its summary and its findings), is given once: under its
    heading when it has one.
    """
    listed = [squash(text) for q in report.questions
              for text in (*(f.text for f in q.areas_for_improvement),
                           *(f.text for f in q.notable_practice),
                           *(c.text for c in q.causes_of_concern),
                           *(r.text for c in q.causes_of_concern for r in c.recommendations))]
    found: dict[str, Practice] = {}
    for q in report.questions:
        for heading, passage in _parts(q):
            for quote in _quotes(passage_text(passage)):
                key = squash(quote)
                if any(k and (k in key or key in k) for k in listed):
                    continue
                if key not in found or (heading and not found[key].heading):
                    found[key] = Practice(q, heading, quote.strip())
    return list(found.values())


def practice_lead(report: Report) -> str:
    """Return the lead-in to the list: "The report calls these good practice or innovative …"."""
    noun = "area" if report.is_assessment else "question"
    listed = any(q.notable_practice for q in report.questions)
    return (f"{'Besides the practice it lists, the' if listed else 'The'} report calls these "
            f"good practice or innovative in the text of its findings. In its own words, under "
            f"the {noun} and heading given:")


def listed_lead(report: Report, count: int) -> str:
    """Return the lead-in to the practice the report lists: "The report lists these …"."""
    noun = "area" if report.is_assessment else "question"
    return (f"The report lists {'this example' if count == 1 else 'these examples'} of "
            f"practice. In its own words, under the {noun} given:")


def practice_blocks(report: Report, anchor: str = "summary-practice") -> list[Block]:
    """Return the heading, the lead-in and the list of good practice the report names, or none.

    The practice the report lists (notable, innovative or promising) first, quoted
    under its question or area, so the summary shows it and does not only count it
    (read 33); then what its text credits besides (:func:`named_practice`).
    """
    listed = [(p.id, Practice(q, None, p.text)) for q in report.questions
              for p in q.notable_practice]
    practice = named_practice(report)
    if not listed and not practice:
        return []
    # an assessment lists "innovative or promising practice", not good practice (read 34)
    title = ("Innovative or promising practice the report names" if report.is_assessment
             else "Good practice the report names")
    blocks: list[Block] = [Heading(2, title, anchor=anchor)]
    if listed:
        blocks += [Paragraph(plain(listed_lead(report, len(listed)))),
                   BulletList(tuple((Text(f"{ref}, ", bold=True), *line) for ref, line in zip(
                       (r for r, _p in listed), call_lines([p for _r, p in listed], report),
                       strict=True)), style=ParaStyle.QUOTE)]  # by reference, as boxes name it
    if practice:
        blocks += [Paragraph(plain(practice_lead(report))),
                   BulletList(call_lines(practice, report), style=ParaStyle.QUOTE)]
    return blocks


_ABBREVIATION = re.compile(r"\b([A-Z]{2,6})s?\b")


def glosses(quote: str, report: Report) -> str:
    """Return " (EHH: early help hub)" for abbreviations a quotation leaves unexpanded.

    Read 36-C: "the South Norfolk EHH" in a quotation from mid-report, where the report
    had spelt it out pages before ("an early help hub (EHH)").  Only what the report
    itself spells out, in its words, is given; the quotation is never changed, and
    one that spells out its own abbreviations is left alone.
    """
    said = " ".join(passage_text(p) for q in report.questions for _h, p in _parts(q))
    out: list[str] = []
    for abbreviation in dict.fromkeys(_ABBREVIATION.findall(quote)):
        if f"({abbreviation})" in quote:
            continue
        size = len(abbreviation)
        for found in re.finditer(rf"((?:[\w’'-]+\s+){{{size}}})\({abbreviation}\)", said):
            words = found.group(1).split()
            if "".join(w[0] for w in words).upper() == abbreviation:
                out.append(f"{abbreviation}: {' '.join(words)}")
                break
    return f" ({'; '.join(out)})" if out else ""
