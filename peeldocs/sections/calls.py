"""Other sentences in which the report says the force should, must or needs to act.

A report's detailed findings often say "The force should review ..." or "the
force needs to assure itself ..." without listing it as an area for
improvement.  The pack lists these after the findings to act on, quoted
verbatim with where they are, and says that the report does not list them:
they are never counted as findings, never given a reference and never rows of
the action plan.  Only whole sentences of the report's own text are taken, the
force named as the one to act ("the force", or its name); a sentence that is a
listed finding, or repeats one, is left out.

A sentence in the passage behind a listed finding (:mod:`peeldocs.sections.basis`)
is not an extra point: the finding tracks it, so the list leaves it out and
says which findings such sentences underlie.  Linear in the text's length.
Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from peeldocs.blocks import Block, BulletList, Heading, Paragraph, ParaStyle, Text, plain
from peeldocs.model import Question, Report
from peeldocs.model.findings import passage_text
from peeldocs.prose import count_words, join_words
from peeldocs.sections.basis import Basis, question_bases, squash
from peeldocs.sections.order import in_pack_order
from peeldocs.sections.referents import quote_start

_SENTENCE_END = re.compile(r"(?<=[.!?”’])\s+(?=[‘“\"A-Z0-9])")
_ACT = r"\s+(?:should|must|needs? to)\s+(?!not\b|have\b|be\s+(?:commended|congratulated))"


@dataclass(frozen=True, slots=True)
class Call:
    """One sentence of the report calling on the force to act, and where it is."""

    question: Question
    heading: str | None
    sentence: str
    underlies: tuple[str, ...] = ()
    """The listed findings whose passage holds the sentence (their references); () if none."""
    before: str = ""
    """The sentences before it in its paragraph that it points back to, verbatim ("" if none)."""

    @property
    def quote(self) -> str:
        """The report's words as quoted: the sentence, after any it points back to."""
        return f"{self.before} {self.sentence}" if self.before else self.sentence


def _names(report: Report) -> str:
    names = ["the force", "the constabulary"]
    names += [re.escape(n) for n in (report.force.name, report.force.short_name) if n]
    return "|".join(names)


def _pattern(report: Report) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_names(report)}){_ACT}", re.IGNORECASE)


_IT = re.compile(rf"^It(?={_ACT})")


def _sentences(text: str, subject: re.Pattern[str]) -> list[str]:
    """Split a passage into sentences, naming the force where "It" stands for it.

    "It must …" just after a sentence whose subject is the force reads
    "[The force] must …": the words added in square brackets, as in every quotation.
    """
    out: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        if out and subject.match(out[-1]) and _IT.match(sentence):
            sentence = _IT.sub("[The force]", sentence, count=1)
        out.append(sentence)
    return out


def report_calls(report: Report) -> list[Call]:
    """Return the sentences of the findings' text calling on the force to act, in report order.

    Sentences that are, or repeat, a listed finding or a recommendation made in
    the text are left out: the pack quotes those as findings.  A sentence in the
    passage behind a listed finding carries that finding's reference in
    ``underlies``.
    """
    pattern = _pattern(report)
    subject = re.compile(rf"(?:{_names(report)})\b", re.IGNORECASE)  # a sentence about the force
    bases = question_bases(report)
    found: list[Call] = []
    seen: set[str] = set()
    for q in report.questions:
        basis = bases.get(q.number) or Basis(())
        mine = [k for k in basis.exact if k]
        parts = [(None, q.intro), *((s.heading, s.paragraphs) for s in q.findings)]
        for heading, passages in parts:
            for passage in passages:
                text = passage_text(passage)
                sentences = _sentences(text, subject)
                calls = _calls(sentences, pattern, seen, mine)
                if not calls:
                    continue
                under = basis.behind(text, [sentences[n].strip() for _, n in calls])
                # a listed finding tracks them: counted, not quoted, each call its own
                found += [Call(q, heading, sentences[n].strip(), under,
                               " ".join(s.strip() for s in sentences[first:n]))
                          for first, n in (calls if under else _merged(calls))]
    return found


def _calls(sentences: list[str], pattern: re.Pattern[str], seen: set[str],
           mine: list[str]) -> list[tuple[int, int]]:
    """Return a paragraph's calls to act: where each one's quotation starts, and where it is.

    A call that points back ("But the force needs to assure itself that this
    backlog …") is quoted after the sentences of its paragraph it points to, verbatim
    (:func:`~peeldocs.sections.referents.quote_start`); one that opens its paragraph
    and points back is left out, never paraphrased.
    """
    calls: list[tuple[int, int]] = []
    for n, sentence in enumerate(sentences):
        if not (pattern.search(sentence) or sentence.startswith("[The force]")):
            continue
        key = squash(sentence)
        if key in seen or any(key in k or k in key for k in mine):
            continue
        first = quote_start(sentences, n)
        if first is not None:
            seen.add(key)
            calls.append((first, n))
    return calls


def _merged(calls: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the calls to quote: one within the next one's lead-in is quoted there only."""
    out: list[tuple[int, int]] = []
    for first, n in calls:
        while out and first <= out[-1][1]:
            first = min(first, out.pop()[0])
        out.append((first, n))
    return out


def untracked_calls(report: Report) -> list[Call]:
    """Return the calls to act that no listed finding underlies: what nothing else tracks."""
    return [c for c in report_calls(report) if not c.underlies]


def _left_out(calls: list[Call], report: Report) -> str:
    """Say how many calls lie behind listed findings, and which findings, in one sentence."""
    behind = [c for c in calls if c.underlies]
    if not behind:
        return ""
    refs = in_pack_order(list(dict.fromkeys(r for c in behind for r in c.underlies)), report)
    many = len(behind) > 1
    # read 25-P: "more such calls" read as informal; what it counts, said plainly
    return (f"The report makes {count_words(len(behind))} further statement"
            f"{'s' if many else ''} of this kind in "
            f"the passage{'s' if many else ''} behind {join_words(refs)}; "
            f"{'they are' if many else 'it is'} left out here, as "
            f"{'those findings track' if len(refs) > 1 else 'that finding tracks'} "
            f"{'them' if many else 'it'}.")


class Placed(Protocol):
    """A quotation of the report and where it is: a call to act, or named good practice."""

    @property
    def question(self) -> Question:
        """The question (or area) it is under."""

    @property
    def heading(self) -> str | None:
        """The report's heading it is under, if any."""

    @property
    def quote(self) -> str:
        """The report's words, verbatim."""


def call_lines(calls: Sequence[Placed], report: Report) -> tuple[tuple[Text, ...], ...]:
    """Return one list line per quotation: where it is, in bold, then the words verbatim.

    "Question 5, ‘Working with others’: “The force should review …”"; an area of
    a force assessment by its name.  Calls to act and named good practice alike.
    """
    lines = []
    for call in calls:
        where = (f"‘{call.question.title}’" if report.is_assessment
                 else f"Question {call.question.number}")
        if call.heading:
            where += f", ‘{call.heading}’"
        lines.append((Text(f"{where}: ", bold=True), Text(f"“{call.quote}”")))
    return tuple(lines)


def calls_blocks(report: Report, anchor: str = "summary-calls",
                 planned: bool = True, shown: frozenset[str] = frozenset()) -> list[Block]:
    """Return the heading, the lead-in and the list of other calls to act, or none.

    Only the calls that no listed finding underlies are quoted; the lead-in says how
    many others lie behind listed findings, and which (before the list, never parted
    from it at a page top).  Not
    ``planned`` (no action plan given), they are said not to be rows of an action
    plan, not of "the" action plan, which there is not.  ``shown``: sentences already
    quoted above (what the report now asks of an earlier finding, :func:`follow_up`),
    neither listed nor counted as left out.
    """
    every = [c for c in report_calls(report) if c.sentence not in shown]
    calls = [c for c in every if not c.underlies]
    if not calls:
        return []
    noun = "area" if report.is_assessment else "question"
    lines = call_lines(calls, report)
    # what the list leaves out, and why, is said in its lead-in (read 28-P): after the list,
    # the sentence fell alone at the top of a page, parted from the list it qualifies
    rest = _left_out(every, report)
    lead = ("The report does not list these as areas for improvement, causes of concern or "
            "recommendations, so this pack gives them no reference and they are not rows of "
            f"{'the' if planned else 'an'} action plan.{' ' + rest if rest else ''} In its own "
            f"words, under the {noun} and heading given, it says the force should, must or "
            "needs to act:")
    return [Heading(3, "Other points the report says need action", anchor=anchor),
            Paragraph(plain(lead)), BulletList(tuple(lines), style=ParaStyle.QUOTE)]


def follow_up(report: Report, finding_id: str) -> str | None:
    """Return the report's call to act that follows an earlier finding in its own paragraph.

    A report that revisits an earlier finding quotes it, gives its verdict and
    often says what is now needed ("The force has not made enough progress. It
    must do more to ensure ..."): the first sentence after the finding's words,
    in the same paragraph, that calls on the force to act, as :func:`report_calls`
    quotes it ("[The force] must …").  None when the report says no such thing.
    """
    prior = next((p for p in report.prior_findings if p.id == finding_id), None)
    if prior is None or not squash(prior.text):
        return None
    wanted = squash(prior.text)
    pattern = _pattern(report)
    subject = re.compile(rf"(?:{_names(report)})\b", re.IGNORECASE)
    for q in report.questions:
        passages = (*q.summary, *q.intro, *(p for s in q.findings for p in s.paragraphs))
        for passage in passages:
            text = passage_text(passage)
            if wanted not in squash(text):
                continue
            sentences = _sentences(text, subject)
            seen = ""
            for n, sentence in enumerate(sentences):
                seen += " " + squash(sentence)
                if wanted in seen:
                    return next((s.strip() for s in sentences[n + 1:]
                                 if pattern.search(s) or s.startswith("[The force]")), None)
    return None


def follow_ups(report: Report) -> dict[str, str]:
    """Return :func:`follow_up` for every earlier finding with a verdict, reading each passage once.

    A passage is looked at closely only where one of its sentences is an earlier
    finding's verdict, found through an index of the verdicts; then, as in
    :func:`follow_up`, the first calling sentence after the finding's words.  So the
    cost grows with the report's text and the findings, not their product.
    """
    by_verdict: dict[str, list[tuple[str, str]]] = {}
    for prior in report.prior_findings:
        if squash(prior.text) and squash(prior.verdict):
            by_verdict.setdefault(squash(prior.verdict), []).append((prior.id, squash(prior.text)))
    out: dict[str, str] = {}
    if not by_verdict:
        return out
    pattern = _pattern(report)
    subject = re.compile(rf"(?:{_names(report)})\b", re.IGNORECASE)
    for q in report.questions:
        for passage in (*q.summary, *q.intro, *(p for s in q.findings for p in s.paragraphs)):
            sentences = _sentences(passage_text(passage), subject)
            for sentence in sentences:
                waiting = by_verdict.get(squash(sentence), [])
                for ref, wanted in waiting:  # the findings this passage quotes, found once
                    if said := _after(sentences, wanted, pattern):
                        out[ref] = said
                waiting[:] = [w for w in waiting if w[0] not in out]
    return out


def _after(sentences: list[str], wanted: str, pattern: re.Pattern[str]) -> str | None:
    """Return the first calling sentence after the words ``wanted``, as :func:`follow_up` does."""
    seen = ""
    for n, sentence in enumerate(sentences):
        seen += " " + squash(sentence)
        if wanted in seen:
            return next((s.strip() for s in sentences[n + 1:]
                         if pattern.search(s) or s.startswith("[The force]")), None)
    return None
