"""The report itself: the force, the cycle, what the report covers, and what it left unknown."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from peeldocs.model.findings import (
    KeyFigure,
    Passage,
    PriorFinding,
    Question,
    recommends_action,
    stated_recommendations,
)
from peeldocs.model.forces import Force
from peeldocs.model.scales import (
    PILLARS,
    UNKNOWN,
    Judgment,
    ReportKind,
    Scale,
    ScaledGrade,
    doc,
    scale_for_cycle,
)

OGL_ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0."


@dataclass(frozen=True, slots=True)
class Report:
    """One PEEL report: a pillar page of a force (to 2018/19) or a force assessment (2021/22 on).

    A force assessment has no pillar, no headline question and no overall
    judgment (absent by design, not "not graded"); its questions are the areas.

    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> report.force.name, report.cycle, report.question(2).judgment.describe()
    ('Norfolk Constabulary', '2018/19', 'Requires improvement')
    """

    force: Force = field(metadata=doc("The force inspected."))
    cycle: str = field(metadata=doc("The PEEL cycle, e.g. 2018/19 or 2023-25."))
    title: str = field(metadata=doc("The page title as published, e.g. Norfolk PEEL 2018."))
    kind: ReportKind = field(default=ReportKind.PILLAR, metadata=doc(
        "pillar (2014 to 2018/19) or assessment (2021/22 on)."))
    pillar: str | None = field(
        default=None,
        metadata=doc("effectiveness, efficiency or legitimacy; 'unknown' when not read; "
                     "absent on a force assessment."),
    )
    headline_question: str | None = field(default=None, metadata=doc(
        "The pillar's question, verbatim; absent on an assessment."))
    judgment: Judgment | None = field(default=None, metadata=doc(
        "The pillar's overall judgment; absent on a force assessment, which has none."))
    programme: str = field(default="PEEL", metadata=doc("The inspection programme."))
    last_updated: date | None = field(default=None, metadata=doc("'Last updated' date."))
    published: date | None = field(default=None, metadata=doc("Publication date, if known."))
    summary: tuple[Passage, ...] = field(default=(), metadata=doc(
        "Summary paragraphs (or lists), verbatim."))
    areas_assessed: int | None = field(
        default=None,
        metadata=doc("A force assessment's number of areas of policing, as the report states it "
                     "('how good Kent Police is in ten areas of policing'); data holding fewer "
                     "areas is incomplete, and that is an unknown fact."),
    )
    questions_not_found: bool = field(
        default=False,
        metadata=doc("True when an import found none of the report's questions (or areas): an "
                     "unknown fact, and no document says what the report does not contain. "
                     "Remove it once the questions are filled in."),
    )
    questions_expected: int | None = field(
        default=None,
        metadata=doc("A pillar report's number of questions, as the PEEL framework of its cycle "
                     "states it (set by an import); data holding fewer questions is incomplete, "
                     "and that is an unknown fact."),
    )
    unseen: tuple[str, ...] = field(
        default=(),
        metadata=doc("What an import did not see of the report, in words ('whether anything "
                     "follows question 2, where it ends'): an unknown fact, and no document "
                     "states a count or an absence while it is set. Remove it once the data is "
                     "checked against the published report."),
    )
    questions: tuple[Question, ...] = field(default=(), metadata=doc("The questions."))
    prior_findings: tuple[PriorFinding, ...] = field(default=(), metadata=doc("Revisited."))
    key_figures: tuple[KeyFigure, ...] = field(default=(), metadata=doc("Stated figures."))
    source_url: str | None = field(default=None, metadata=doc("Address of the source page."))
    publisher: str = field(default="HMICFRS", metadata=doc("Who published the report."))
    licence: str = field(default=OGL_ATTRIBUTION, metadata=doc("Attribution for quoted text."))
    language: str = field(
        default="en",
        metadata=doc("The language of the report's text: 'en', or 'cy' for a page the inspectorate "
                     "published in Welsh. Quotations stay in it; documents mark them so."),
    )
    illustrative: bool = field(
        default=False,
        metadata=doc("True for data constructed to illustrate peeldocs: not an HMICFRS report "
                     "and not Crown copyright; packs label it wherever they quote it."),
    )

    @property
    def is_assessment(self) -> bool:
        """True for a force assessment (2021/22 on), graded area by area."""
        return self.kind is ReportKind.ASSESSMENT

    @property
    def is_overview(self) -> bool:
        """True for a PEEL overview (2014 to 2018/19): one judgment per pillar, no overall one."""
        return self.pillar == "overview"

    @property
    def scale(self) -> Scale:
        """The grading scale of this report's cycle."""
        return scale_for_cycle(self.cycle)

    def question(self, number: int) -> Question:
        """Return the question with this number; KeyError if there is none."""
        for question in self.questions:
            if question.number == number:
                return question
        raise KeyError(number)

    def scaled(self, judgment: Judgment) -> ScaledGrade | None:
        """Return a judgment's grade on this report's scale, or None if ungraded."""
        return None if judgment.grade is None else ScaledGrade(self.scale, judgment.grade)


def cited_title(report: Report) -> str:
    """Return the title a citation gives: the page's, then its pillar ("…: Effectiveness").

    As published when the title names its pillar, there is none, or it is not in English.
    """
    title, pillar = report.title, report.pillar or ""
    if pillar in PILLARS and report.language == "en" and title and pillar not in title.lower():
        return f"{title}: {pillar.capitalize()}"
    return title


def report_scope(report: Report) -> str:
    """Return what a report covers in words: its pillar, or "force assessment"."""
    return report.pillar if report.pillar else "force assessment"


@dataclass(frozen=True, slots=True)
class UnknownFact:
    """A fact a report marks unknown: where it is and what it is, for a reader."""

    path: str
    """Where it is in the data, e.g. ``questions[2].judgment``."""
    what: str
    """What it is, in words, e.g. "the judgment for question 3"."""
    plural: bool = False
    """True when ``what`` names several things ("the questions, ..."), for the verb."""


def missing_areas(report: Report) -> int:
    """Return how many of the areas a force assessment states it assessed the data lacks."""
    if report.areas_assessed is None:
        return 0
    return max(report.areas_assessed - len(report.questions), 0)


def missing_questions(report: Report) -> int:
    """Return how many of the questions the framework gives a pillar report the data lacks."""
    if report.questions_expected is None or report.is_assessment:
        return 0
    return max(report.questions_expected - len(report.questions), 0)


def questions_unread(report: Report) -> bool:
    """Return True when the data lacks some of the report's questions (or areas).

    Then no document may say what the report does not contain ("no areas for
    improvement"): the part of the report that would hold them was not read.
    """
    return report.questions_not_found or missing_areas(report) > 0 or \
        missing_questions(report) > 0 or bool(report.unseen)


_SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count(n: int) -> str:  # as peeldocs.prose.count_words, which the model may not import
    return _SMALL[n] if 0 <= n < len(_SMALL) else f"{n:,}"


def _unread_fact(report: Report) -> UnknownFact | None:
    missing = missing_areas(report)
    if missing and report.areas_assessed is not None:
        share = f"all {_count(missing)}" if not report.questions else \
            f"{_count(missing)} of the {_count(report.areas_assessed)}"
        return UnknownFact("areas_assessed",
                           f"{share} areas of policing the report assesses (with their grades and "
                           "findings)", plural=missing > 1)
    lacking = missing_questions(report)
    if lacking and report.questions_expected is not None:
        return UnknownFact("questions_expected",
                           f"{_count(lacking)} of the {_count(report.questions_expected)} "
                           "questions the report asks (with their judgments and findings)",
                           plural=lacking > 1)
    if not report.questions_not_found:
        return None
    if report.is_assessment:
        other = "the other " if report.questions else "the "
        return UnknownFact("questions_not_found",
                           f"{other}areas of policing (with their grades and findings)", plural=True)
    return UnknownFact("questions_not_found", "the questions (with their judgments and findings)",
                       plural=True)


def unknown_facts(report: Report) -> tuple[UnknownFact, ...]:
    """Return every fact ``report`` marks unknown, in data order."""
    facts: list[UnknownFact] = []
    if report.pillar == UNKNOWN:
        facts.append(UnknownFact("pillar", "the pillar"))
    if report.judgment is not None and report.judgment.is_unknown:
        facts.append(UnknownFact("judgment", "the overall judgment"))
    noun = "area" if report.is_assessment else "question"
    if unread := _unread_fact(report):
        facts.append(unread)
    if report.unseen:
        facts.append(UnknownFact("unseen", "; ".join(report.unseen),
                                 plural=len(report.unseen) > 1))
    for i, question in enumerate(report.questions):
        if question.judgment.is_unknown:  # an overview's "questions" are its pillars
            what = question.title.lower() if report.is_overview else \
                f"{noun} {question.number}"
            facts.append(UnknownFact(f"questions[{i}].judgment", f"the judgment for {what}"))
    return tuple(facts)


def recommending_questions(report: Report) -> list[int]:
    """Return the questions (or areas) whose quoted text recommends action in so many words."""
    return [q.number for q in report.questions if recommends_action(q)]


@dataclass(frozen=True, slots=True)
class TextRecommendation:
    """A recommendation the report makes in a finding's own text, not in a list of them."""

    id: str
    """Its reference, numbered after the question's listed recommendations: "E5-REC-1"."""
    question: int
    """The question (or area) whose findings make it."""
    text: str
    """The sentence that makes it, verbatim."""


_LETTERS = {"effectiveness": "E", "efficiency": "F", "legitimacy": "L"}
_PREFIX = re.compile(r"^([A-Z]+\d+)-")


def _prefix(report: Report, question: Question) -> str:
    """Return the stem of a question's references ("E5"): its findings' own, or the pillar's."""
    ids = [*(f.id for f in question.areas_for_improvement),
           *(f.id for f in question.notable_practice), *(c.id for c in question.causes_of_concern)]
    for fid in ids:
        if match := _PREFIX.match(fid):
            return match.group(1)
    letter = "A" if report.is_assessment else _LETTERS.get(report.pillar or "", "Q")
    return f"{letter}{question.number}"


def _squash(text: str) -> str:
    return " ".join(text.split()).lower()


def text_recommendations(report: Report) -> tuple[TextRecommendation, ...]:
    """Return every recommendation made in the findings' text and not listed with it, in order.

    Each has a stable reference, so an action plan can answer it like any other.

    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> [(r.id, r.question) for r in text_recommendations(report)]
    [('E5-REC-1', 5)]
    """
    out: list[TextRecommendation] = []
    for q in report.questions:
        if not recommends_action(q):
            continue
        # a sentence that repeats one of the question's listed recommendations is that one
        listed = [_squash(r.text) for c in q.causes_of_concern for r in c.recommendations]
        taken = {r.id for c in q.causes_of_concern for r in c.recommendations}
        n = len(taken)
        for sentence in stated_recommendations(q):
            key = _squash(sentence)
            if any(key in known or known in key for known in listed):
                continue
            n += 1
            while f"{_prefix(report, q)}-REC-{n}" in taken:
                n += 1
            out.append(TextRecommendation(f"{_prefix(report, q)}-REC-{n}", q.number, sentence))
    return tuple(out)
