"""One question (or area) of a page: its judgment with evidence, findings, lists and headings.

Headings are told from paragraphs by the text's own evidence (a short line with
no closing full stop, followed by a paragraph).  Bullets become lists; an area
for improvement (or recommendation) whose text ends with a colon keeps the
bullets after it as its sub-points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peeldocs.importer import judgments as j
from peeldocs.importer.figures import sentences
from peeldocs.importer.frameworks import PillarFramework, question_titled
from peeldocs.importer.textblocks import BULLET, DETAILED
from peeldocs.model import (
    CauseOfConcern,
    Finding,
    FindingSection,
    Judgment,
    Passage,
    Points,
    Question,
    Status,
    passage_text,
)

NUMBER = re.compile(r"^(?:Question\s+)?(\d{1,2})\.?$", re.I)
AFI_HEAD = re.compile(r"^areas? for improvement(?: \d{1,2})?:?$", re.I)
COC_HEAD = re.compile(r"^(?:accelerated )?causes? (?:of|for) concern(?: \d{1,2})?:?$", re.I)
ANSWER = re.compile(r"^(?:To address (?:this|the|these) causes? (?:of|for) concern|"
                    r".{0,60}\bwe recommend\b|Recommendation \d)", re.I)
REC_HEAD = re.compile(r"^recommendations?(?: \d{1,2})?:?$", re.I)
PRACTICE_HEAD = re.compile(r"^(?:notable|innovative|promising|innovative or promising) "
                           r"practice:?$", re.I)
DEADLINE = re.compile(r"\b(immediately|within (?:\w+|\d+) (?:days?|weeks?|months?|years?)|"
                      r"by \d{1,2} \w+ 20\d\d|by (?:the end of )?\w+ 20\d\d)\b", re.I)


@dataclass(frozen=True)
class Context:
    """What the question reader needs to know about the page."""

    subject: re.Pattern[str]
    letter: str
    pillar: str | None = None
    framework: PillarFramework | None = None
    """The pillar's questions in the framework data, for grades that name a question in short."""


def is_heading(block: str, following: str | None) -> bool:
    """Tell a heading from a paragraph: short, no closing stop, followed by a paragraph."""
    if len(block) > 100 or block.endswith((".", "?", "!", ":", ";", ",")) or BULLET.match(block):
        return False
    if j.line_judgment(block) or NUMBER.match(block):
        return False
    return following is not None and (len(following) > 80 or following.endswith((".", ":")))


def as_passages(blocks: list[str]) -> list[Passage]:
    """Group bullet blocks into lists; a paragraph ending with a colon leads the list after it."""
    out: list[Passage] = []
    for block in blocks:
        if BULLET.match(block):
            item = BULLET.sub("", block).strip()
            last = out[-1] if out else None
            if isinstance(last, Points):
                out[-1] = Points((*last.items, item), last.lead)
            elif isinstance(last, str) and last.endswith(":"):
                out[-1] = Points((item,), last)
            else:
                out.append(Points((item,)))
        else:
            out.append(block)
    return out


def _is_sub_point(text: str, parent: Finding | CauseOfConcern, points: list[str]) -> bool:
    if not (parent.text.endswith(":") or points):
        return False
    return text[:1].islower() or (bool(points) and points[-1].endswith((";", "and", "or")))


def _deadline(text: str) -> str | None:
    match = DEADLINE.search(text)
    return match.group(1) if match else None


class _Findings:
    """Collects AFIs, causes with their recommendations, and practice, in page order.

    Items grow as lists while the question is read (linear in its length) and
    become findings once, in :meth:`afis`, :meth:`causes` and :meth:`practice`.
    """

    def __init__(self, letter: str, number: int) -> None:
        self.prefix = f"{letter}{number}"
        self._afis: list[tuple[Finding, list[str]]] = []
        self._causes: list[tuple[CauseOfConcern, list[str], list[tuple[Finding, list[str]]]]] = []
        self.practice: list[Finding] = []

    def add(self, mode: str, text: str) -> None:
        if mode == "afi":
            last = self._afis[-1] if self._afis else None
            if last and _is_sub_point(text, last[0], last[1]):
                last[1].append(text)
            else:
                self._afis.append((Finding(f"{self.prefix}-AFI-{len(self._afis) + 1}", text), []))
        elif mode == "practice":
            self.practice.append(Finding(f"{self.prefix}-NP-{len(self.practice) + 1}", text))
        elif mode == "coc":
            last_c = self._causes[-1] if self._causes else None
            if last_c and _is_sub_point(text, last_c[0], last_c[1]):
                last_c[1].append(text)
            else:
                self._causes.append((CauseOfConcern(
                    f"{self.prefix}-COC-{len(self._causes) + 1}", text), [], []))
        elif mode == "rec" and self._causes:
            cause, _points, recs = self._causes[-1]
            if recs and _is_sub_point(text, recs[-1][0], recs[-1][1]):
                recs[-1][1].append(text)
            else:
                recs.append((Finding(f"{cause.id}-R{len(recs) + 1}", text, _deadline(text)), []))

    @property
    def has_causes(self) -> bool:
        """Tell whether a cause of concern has been read."""
        return bool(self._causes)

    def afis(self) -> tuple[Finding, ...]:
        """Return the areas for improvement read, with their sub-points."""
        return tuple(_with_points(f, ps) for f, ps in self._afis)

    def causes(self) -> tuple[CauseOfConcern, ...]:
        """Return the causes of concern read, with their points and recommendations."""
        return tuple(CauseOfConcern(c.id, c.text, tuple(_with_points(r, ps) for r, ps in recs),
                                    tuple(points)) for c, points, recs in self._causes)


def _with_points(finding: Finding, points: list[str]) -> Finding:
    return Finding(finding.id, finding.text, finding.deadline, tuple(points)) if points else finding


def read_question(bl: list[str], number: int, ctx: Context, notes: list[str],
                  noun: str = "question") -> Question:
    """Read one question (title first) into a :class:`Question`; notes say what was missing."""
    title, body = bl[0], bl[1:]
    judgment: Judgment | None = None
    for k, block in enumerate(body[:3]):  # the grade line may follow a status sentence
        if line := j.line_judgment(block):
            judgment = line
            body = body[:k] + body[k + 1:]
            break
    summary: list[str] = []
    if DETAILED in body:  # paragraphs before "Detailed findings for question N" summarise
        cut = body.index(DETAILED)
        summary = [b for b in body[:cut] if not BULLET.match(b) and len(b) > 40]
        summed = set(summary)
        body = [b for b in body[:cut] if b not in summed] + body[cut + 1:]
    collected = _Findings(ctx.letter, number)
    intro: list[str] = []
    sections: list[tuple[str | None, list[str]]] = []
    mode = ""
    for k, block in enumerate(body):
        following = body[k + 1] if k + 1 < len(body) else None
        text = BULLET.sub("", block).strip()
        if AFI_HEAD.match(block):
            mode = "afi"
        elif COC_HEAD.match(block):
            mode = "coc"
        elif REC_HEAD.match(block) and mode in ("coc", "rec"):
            mode = "rec"
        elif PRACTICE_HEAD.match(block):
            mode = "practice"
        elif mode and (BULLET.match(block) or _findingish(text, mode) or (
                mode in ("coc", "rec") and not is_heading(block, following))):
            if mode == "coc" and ANSWER.match(text) and collected.has_causes:
                mode = "rec"  # the recommendation that answers the cause
            collected.add(mode, text)
            if mode == "practice" and not BULLET.match(block):
                mode = ""  # one practice per heading; what follows describes it
        elif is_heading(block, following):
            mode = ""
            sections.append((block, []))
        else:
            mode = ""
            (sections[-1][1] if sections else intro).append(block)
    if not sections and intro:
        sections, intro = [(None, intro)], []
    findings = tuple(FindingSection(h, tuple(as_passages(ps))) for h, ps in sections)
    paragraphs = [*summary, *intro, *(p for _h, ps in sections for p in ps)]
    stated = j.prose_status(" ".join(p for p in paragraphs[:3] if not BULLET.match(p)))
    if stated is not None and stated.from_cycle is not None:
        judgment = j.with_grade(stated, judgment)
        if judgment.status is Status.UNKNOWN:
            notes.append(f"{noun} {number}: carried over from {stated.from_cycle}, but the grade "
                         "is not on the page; marked unknown")
    elif judgment is None and stated is not None:
        judgment = stated
    if judgment is None:
        for p in [x for x in paragraphs[:2] if not BULLET.match(x)]:
            for sentence in sentences(p)[:2]:
                judgment = j.sentence_grade(sentence, ctx.subject, title)
                if judgment:
                    break
            if judgment:
                break
    placed = question_titled(title, ctx.framework)
    if judgment is None and placed is not None and placed.short:  # "... is good at <short name>."
        judgment = next((found for p in paragraphs if not BULLET.match(p) for s in sentences(p)
                         if (found := j.named_grade(s, ctx.subject, placed.short))), None)
    if judgment is None:
        notes.append(f"{noun} {number} ({title[:50]}): no judgment found; marked unknown")
        judgment = Judgment(Status.UNKNOWN)
    return Question(number, title, judgment, summary=tuple(as_passages(summary)),
                    intro=tuple(as_passages(intro)),
                    areas_for_improvement=collected.afis(),
                    causes_of_concern=collected.causes(),
                    notable_practice=tuple(collected.practice), findings=findings)


def _findingish(text: str, mode: str) -> bool:
    """Tell whether an unbulleted paragraph under a findings heading reads like a finding."""
    if mode == "practice":
        return True
    return bool(re.match(r"^[A-Z][^.]{0,60}?\b(?:should|needs? to|must)\b", text)) or \
        (text.endswith(":") and mode != "")


def question_text(q: Question) -> list[str]:
    """Return a question's paragraphs as plain text (lists joined), for figures and priors."""
    return [passage_text(p) for p in (*q.intro, *(p for s in q.findings for p in s.paragraphs))]
