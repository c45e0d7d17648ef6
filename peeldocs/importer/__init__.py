"""Import a published PEEL page (copied text or saved HTML) into a report.

:func:`import_page` never raises for odd input: it imports what it can read,
says what was missing or skipped in ``notes``, and never invents a grade it did
not read.  Headings are told from paragraphs by the text's own evidence (a short
line with no closing full stop, followed by a paragraph), not by a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from peeldocs.importer import judgments as j
from peeldocs.importer.figures import figures_in, prior_findings_in
from peeldocs.importer.textblocks import (
    BULLET,
    DETAILED,
    blocks,
    html_to_text,
    looks_like_html,
)
from peeldocs.model import (
    CauseOfConcern,
    Finding,
    FindingSection,
    Force,
    Grade,
    Judgment,
    KeyFigure,
    PriorFinding,
    Question,
    Report,
    ReportKind,
    Status,
    cycle_start_year,
    kind_for_cycle,
    normalise_cycle,
    passage_text,
)

NUMBER = re.compile(r"^(?:Question\s+)?(\d{1,2})\.?$", re.I)
UPDATED = re.compile(r"^Last updated:?\s*(\d{1,2})/(\d{1,2})/(\d{4})$", re.I)
AFI_HEAD = re.compile(r"^areas? for improvement$", re.I)
COC_HEAD = re.compile(r"^causes? of concern$", re.I)
REC_HEAD = re.compile(r"^recommendations?$", re.I)
PRACTICE_HEAD = re.compile(r"^(notable|innovative|promising) practice$", re.I)


@dataclass
class ImportResult:
    """What an import found: the report, the kind of page, and notes for the user."""

    report: Report
    kind: str
    notes: list[str] = field(default_factory=list)
    pillar_judgments: dict[str, Judgment] = field(default_factory=dict)


def _is_heading(block: str, following: str | None) -> bool:
    if len(block) > 90 or block.endswith((".", "?", "!", ":", ";", ",")) or BULLET.match(block):
        return False
    if j.grade_of(block) or j.status_of(block) or NUMBER.match(block):
        return False
    return following is not None and (len(following) > 80 or following.endswith("."))


def _question_starts(bl: list[str], first: int) -> list[int]:
    starts = [i for i in range(first, len(bl) - 1)
              if NUMBER.match(bl[i]) and bl[i + 1].endswith("?")]
    if starts:
        return starts
    return [i for i in range(first, len(bl))  # compact pages without number lines
            if bl[i].endswith("?") and re.match(r"(How|To what extent|What)\b", bl[i])]


WORDS = re.compile(r"[a-z]{4,}")


def _prose_grade(paragraph: str, force: Force, about: str) -> Judgment | None:
    """Read "Kent Police is (judged to be) outstanding at ..." when it is about ``about``."""
    names = "|".join(re.escape(n) for n in (force.name, force.short_name, "The force"))
    first = paragraph.split(". ")[0]
    match = re.match(rf"^(?:{names}) (?:is|has been) (?:judged (?:to be |as )?|assessed as )?"
                     rf"({j.GRADE_WORDS}) (?:at|in)\b(.*)", first)
    if not match:
        return None
    shared = set(WORDS.findall(match.group(2).lower())) & set(WORDS.findall(about.lower()))
    return Judgment(Status.GRADED, Grade(match.group(1))) if len(shared) >= 2 else None


def _question(bl: list[str], number: int, letter: str, force: Force,
              notes: list[str]) -> Question:
    title, body = bl[0], bl[1:]
    judgment: Judgment | None = None
    for k, block in enumerate(body[:3]):  # the grade line may follow a status sentence
        if grade := j.grade_of(block):
            judgment = Judgment(Status.GRADED, grade)
        elif status := j.status_of(block):
            judgment = Judgment(status)
        else:
            continue
        body = body[:k] + body[k + 1:]
        break
    afis: list[Finding] = []
    causes: list[CauseOfConcern] = []
    practice: list[Finding] = []
    intro: list[str] = []
    summary: list[str] = []
    sections: list[FindingSection] = []
    if DETAILED in body:  # paragraphs before "Detailed findings for question N" summarise
        cut = body.index(DETAILED)
        summary = [b for b in body[:cut] if not BULLET.match(b) and len(b) > 40]
        body = [b for b in body[:cut] if b not in summary] + body[cut + 1:]
    mode = ""
    for k, block in enumerate(body):
        following = body[k + 1] if k + 1 < len(body) else None
        if AFI_HEAD.match(block):
            mode = "afi"
        elif COC_HEAD.match(block):
            mode = "coc"
        elif REC_HEAD.match(block) and mode == "coc":
            mode = "rec"
        elif PRACTICE_HEAD.match(block):
            mode = "practice"
        elif BULLET.match(block) and mode in ("afi", "rec", "practice"):
            text = BULLET.sub("", block)
            if mode == "afi":
                afis.append(Finding(f"{letter}{number}-AFI-{len(afis) + 1}", text))
            elif mode == "practice":
                practice.append(Finding(f"{letter}{number}-NP-{len(practice) + 1}", text))
            elif causes:
                cause = causes[-1]
                rec = Finding(f"{cause.id}-R{len(cause.recommendations) + 1}", text)
                causes[-1] = CauseOfConcern(cause.id, cause.text, (*cause.recommendations, rec))
        elif mode == "coc" and not _is_heading(block, following):
            causes.append(CauseOfConcern(f"{letter}{number}-COC-{len(causes) + 1}", block))
        elif _is_heading(block, following):
            mode = ""
            sections.append(FindingSection(block, ()))
        else:
            mode = ""
            if sections:
                last = sections[-1]
                sections[-1] = FindingSection(last.heading, (*last.paragraphs, block))
            else:
                intro.append(block)
    if not sections and intro:
        sections, intro = [FindingSection(None, tuple(intro))], []
    prose = " ".join(summary + intro + [passage_text(p) for s in sections for p in s.paragraphs])
    stated = j.judgment_from_prose(prose)
    if stated and stated.status is Status.CARRIED_OVER:
        if judgment and judgment.grade:
            judgment = Judgment(Status.CARRIED_OVER, judgment.grade, stated.from_cycle)
        else:
            notes.append(f"question {number}: carried over from {stated.from_cycle}, but the "
                         "grade is not on the page; recorded as not inspected")
            judgment = Judgment(Status.NOT_INSPECTED)
    elif judgment is None and stated is not None:
        judgment = stated
    if judgment is None:
        first = (summary or intro or [passage_text(p) for s in sections for p in s.paragraphs]
                 or [""])[0]
        judgment = _prose_grade(first, force, title)
    if judgment is None:
        notes.append(f"question {number}: no judgment found; recorded as not graded")
        judgment = Judgment(Status.NOT_GRADED)
    return Question(number, title, judgment, summary=tuple(summary), intro=tuple(intro),
                    areas_for_improvement=tuple(afis), causes_of_concern=tuple(causes),
                    notable_practice=tuple(practice), findings=tuple(sections))


def import_page(text: str, source_url: str | None = None) -> ImportResult:
    """Read a PEEL page's text (or HTML) into a report; see :class:`ImportResult`."""
    if looks_like_html(text):
        text = html_to_text(text)
    bl, notes = blocks(text)
    updated = None
    for i, block in enumerate(bl):
        if match := UPDATED.match(block):
            day, month, year = (int(g) for g in match.groups())
            try:
                updated = date(year, month, day)
            except ValueError:
                notes.append(f"'{block}' is not a real date; ignored")
            del bl[i]
            break
    title_at = next((i for i, b in enumerate(bl[:10]) if j.TITLE.match(b)), None)
    short, cycle = "Unknown force", "2018/19"
    if title_at is not None:
        match = j.TITLE.match(bl[title_at])
        assert match is not None
        short, cycle = match.group("force"), j.normalise_cycle(match.group("year"))
    else:
        notes.append("no title such as 'Norfolk PEEL 2018' found; force and cycle are guesses "
                     "to check")
    name, short = j.force_names(short, text)
    force = Force(name, short)
    start = (title_at or -1) + 1
    pillar_at = next((i for i in range(start, min(start + 4, len(bl)))
                      if bl[i].lower() in j.PILLARS), None)
    whole = " ".join(bl)
    overview = {p: Judgment(Status.GRADED, Grade(m.group(1).lower()))
                for p, pattern in j.OVERVIEW.items() if (m := pattern.search(whole))}
    if pillar_at is None and overview:
        return _overview(force, cycle, bl[title_at] if title_at is not None else short,
                         updated, overview, notes, source_url)
    pillar = bl[pillar_at].lower() if pillar_at is not None else "effectiveness"
    if pillar_at is None:
        notes.append("no pillar line found; assumed effectiveness")
    after = (pillar_at if pillar_at is not None else start - 1) + 1
    head_at = next((i for i in range(after, len(bl)) if bl[i].endswith("?")), None)
    headline = bl[head_at] if head_at is not None else ""
    starts = _question_starts(bl, (head_at if head_at is not None else after) + 1)
    first_q = starts[0] if starts else len(bl)
    summary_from = (head_at if head_at is not None else after) + 1
    judgment: Judgment | None = None
    summary: list[str] = []
    for block in bl[summary_from:first_q]:
        if judgment is None and (grade := j.grade_of(block)):
            judgment = Judgment(Status.GRADED, grade)
        elif judgment is None and (status := j.status_of(block)):
            judgment = Judgment(status)
        else:
            summary.append(block)
    if judgment is None and summary:
        judgment = _prose_grade(summary[0], force, headline)
    if judgment is None:
        notes.append("no judgment for the pillar found; recorded as not graded")
        judgment = Judgment(Status.NOT_GRADED)
    letter = {"effectiveness": "E", "efficiency": "F", "legitimacy": "L"}.get(pillar, "Q")
    questions: list[Question] = []
    priors: list[PriorFinding] = []
    figures: list[KeyFigure] = []
    for n, s in enumerate(starts, start=1):
        end = starts[n] if n < len(starts) else len(bl)
        number_line = NUMBER.match(bl[s])
        number = int(number_line.group(1)) if number_line else n
        chunk = bl[s + 1:end] if NUMBER.match(bl[s]) else bl[s:end]
        if not chunk:
            continue
        q = _question(chunk, number, letter, force, notes)
        if any(q.number == other.number for other in questions):
            notes.append(f"question number {q.number} appears twice; the second is numbered "
                         f"{len(questions) + 1}")
            q = Question(len(questions) + 1, q.title, q.judgment, q.summary, q.intro,
                         q.areas_for_improvement, q.causes_of_concern, q.notable_practice,
                         q.findings)
        questions.append(q)
        paras = [passage_text(p) for p in (*q.intro, *(p for sec in q.findings
                                                       for p in sec.paragraphs))]
        priors += prior_findings_in(paras, q.number, len(priors))
        for p in paras:
            figures += figures_in(p, q.number, len(figures))
    if not questions:
        notes.append("no questions found; the page may be cut short")
    known = normalise_cycle(cycle)
    assessment = known is not None and kind_for_cycle(known) is ReportKind.ASSESSMENT
    if assessment:
        notes.append("a 2021/22 or later report is a force assessment: it has no pillar and no "
                     "overall judgment")
    report = Report(force, cycle, bl[title_at] if title_at is not None else short,
                    kind=ReportKind.ASSESSMENT if assessment else ReportKind.PILLAR,
                    pillar=None if assessment else pillar,
                    headline_question=None if assessment else headline or None,
                    judgment=None if assessment else judgment,
                    last_updated=updated, summary=tuple(summary), questions=tuple(questions),
                    prior_findings=tuple(priors), key_figures=tuple(figures),
                    source_url=source_url)
    _check_cycle(report, notes)
    return ImportResult(report, "pillar", notes)


def _overview(force: Force, cycle: str, title: str, updated: date | None,
              found: dict[str, Judgment], notes: list[str], source_url: str | None) -> ImportResult:
    questions = tuple(Question(i, f"{p.capitalize()}", jd)
                      for i, (p, jd) in enumerate(found.items(), start=1))
    report = Report(force, cycle, title, pillar="overview",
                    headline_question="How does the force perform overall?",
                    judgment=Judgment(Status.NOT_GRADED), last_updated=updated, questions=questions,
                    source_url=source_url)
    return ImportResult(report, "overview", notes, dict(found))


def _check_cycle(report: Report, notes: list[str]) -> None:
    try:
        cycle_start_year(report.cycle)
    except ValueError:
        notes.append(f"cycle {report.cycle!r} not understood")


def summary(result: ImportResult) -> dict[str, Any]:
    """Return the ``--summary`` JSON object of an import."""
    r = result.report

    def jd(judgment: Judgment | None) -> dict[str, Any] | None:
        if judgment is None:
            return None
        return {"grade": judgment.grade.value if judgment.grade else None,
                "status": judgment.status.value}

    return {
        "force": r.force.name,
        "cycle": r.cycle,
        "kind": result.kind,
        "pillar": r.pillar if result.kind == "pillar" else None,
        "judgment": jd(r.judgment),
        "last_updated": r.last_updated.isoformat() if r.last_updated else None,
        "questions": [] if result.kind == "overview" else [
            {"number": q.number, "title": q.title, **(jd(q.judgment) or {}),
             "areas_for_improvement": [f.text for f in q.areas_for_improvement]}
            for q in r.questions],
        "pillar_judgments": {p: jd(x) for p, x in result.pillar_judgments.items()},
        "prior_findings": [{"cycle": p.cycle, "outcome": p.outcome.value}
                           for p in r.prior_findings],
        "figures": len(r.key_figures),
    }
