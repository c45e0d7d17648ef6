"""Force assessments (2021/22 on): areas of policing, each graded on five tiers or ungraded.

The judgments graphic is read when the text holds it (saved HTML keeps its
words or alt text; copied text often loses it), otherwise each area's own
grade line or judgment sentence ("Cheshire Constabulary is adequate at
investigating crime.").  A grade the text does not state is unknown; where
the graphic and the area's own text disagree, the grade is unknown too.
"""

from __future__ import annotations

import re

from peeldocs.importer import judgments as j
from peeldocs.importer.figures import figures_in, prior_findings_in
from peeldocs.importer.frameworks import assessment_framework, normalise
from peeldocs.importer.meta import AREAS
from peeldocs.importer.question import (
    Context,
    as_passages,
    is_heading,
    question_text,
    read_question,
)
from peeldocs.importer.result import bounded
from peeldocs.importer.textblocks import BULLET
from peeldocs.model import (
    Force,
    Grade,
    Judgment,
    KeyFigure,
    PriorFinding,
    Question,
    Report,
    ReportKind,
    Status,
)

AREA_WORDS = re.compile(
    r"victims? of crime|victim service|recording data|crime data integrity|treating the public|"
    r"treatment of the public|police powers|^preventing|responding to the public|"
    r"investigating crime|protecting vulnerable|managing offenders|serious (?:and )?organised "
    r"crime|the workforce|positive workplace|use of resources|value for money|leadership and "
    r"force management|strategic planning|counter[- ]corruption|^engaging with|strategic "
    r"policing requirement|armed (?:threats|policing)|major incidents|service for victims", re.I)
FOLLOWS = re.compile(r"graded judgments? (?:in|for) .{1,40}? as follows:?$", re.I)
VICTIMS = re.compile(r"We also inspected how effective a service .{3,80}? gives to victims of "
                     r"crime\. We don[’']t make a graded judgment[^.]*\.", re.I)
SUMMARY_END = re.compile(r"^(?:HM|His Majesty[’']s|Her Majesty[’']s) Inspector[’']s "
                         r"(?:summary|observations)$", re.I)
GRADE_IN_LINE = re.compile(rf"^(?:(?P<g1>{j.GRADE_WORDS})\s*[:–—-]?\s+(?P<a1>.+)|"
                           rf"(?P<a2>.+?)\s*[:–—-]?\s+(?P<g2>{j.GRADE_WORDS})\.?)$", re.I)


NUMBERS = {w: n for n, w in enumerate(("one", "two", "three", "four", "five", "six", "seven",
                                       "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                                       "fourteen", "fifteen"), start=1)}


def areas_stated(text: str) -> int | None:
    """Return the number of areas a report says it assessed ("... in ten areas of policing")."""
    match = AREAS.search(text)
    if match is None:
        return None
    word = match.group("n").lower()
    return int(word) if word.isdigit() and int(word) > 0 else NUMBERS.get(word)


def _key(name: str) -> str:
    words = re.findall(r"[a-z]{4,}", name.lower())
    return " ".join(w[:6] for w in words[:3])


def _graphic(bl: list[str]) -> tuple[int, list[tuple[str, Judgment]]]:
    """Read the judgments graphic after "... as follows:"; return (end index, areas).

    The graphic may pair grade and area on one line, or give grades and areas
    on lines of their own: a grade heading over its areas ("Good", then the
    areas graded good), or each area followed by its grade.  Which of the two
    is told by the first line; an area whose grade cannot be paired is left out.
    """
    at = next((i for i, b in enumerate(bl) if FOLLOWS.search(b)), None)
    if at is None:
        return 0, []
    found: list[tuple[str, Judgment]] = []
    lines: list[tuple[str, Judgment | None]] = []  # (area, None) or (grade line, judgment)
    end = at + 1
    for end in range(at + 1, min(at + 40, len(bl))):
        block = BULLET.sub("", bl[end]).strip()
        if block.startswith("We also inspected") or len(block) > 120 or block.endswith("."):
            break
        if line := j.line_judgment(block):
            lines.append((block, line))
        elif (match := GRADE_IN_LINE.match(block)) and not block.endswith("?"):
            grade = (match.group("g1") or match.group("g2")).lower()
            area = (match.group("a1") or match.group("a2")).strip(" :–—-")
            found.append((area[:1].upper() + area[1:],
                          Judgment(Status.GRADED, Grade(grade), evidence=block)))
        elif AREA_WORDS.search(block):
            lines.append((block, None))
    grade_first = bool(lines) and lines[0][1] is not None
    group: Judgment | None = None
    for k, (text, line) in enumerate(lines):
        if line is not None:
            group = line
            continue
        if grade_first:
            shown = group
        else:  # each area followed by its own grade
            after = lines[k + 1][1] if k + 1 < len(lines) else None
            shown = after
        if shown is not None and shown.grade is not None:
            order = (shown.evidence, text) if grade_first else (text, shown.evidence)
            found.append((text, Judgment(Status.GRADED, shown.grade,
                                         evidence=" … ".join(str(x) for x in order))))
    return end, found


def import_assessment(bl: list[str], force: Force, cycle: str, title: str,
                      source_url: str | None, notes: list[str], ended: bool = False) -> Report:
    """Read a force assessment's areas, findings and recommendations into a report.

    ``ended`` says the text reaches the page's end (the site's footer, or saved
    HTML); otherwise the last area read may go on past the imported text.
    """
    end, graphic = _graphic(bl)
    if not graphic:
        notes.append("the judgments graphic is not in the text; area grades are read from each "
                     "area's own section")
    whole = "\n".join(bl)
    victims = VICTIMS.search(whole)
    begin = next((i + 1 for i, b in enumerate(bl) if SUMMARY_END.match(b)), end)
    starts: list[int] = []
    seen: set[str] = set()
    framework = assessment_framework(cycle)  # the areas as the framework names them
    named = {normalise(a) for a in (*framework.areas, *framework.also)} if framework else set()
    for i in range(begin, len(bl)):
        block = bl[i]
        following = bl[i + 1] if i + 1 < len(bl) else None
        if (AREA_WORDS.search(block) or normalise(block) in named) and len(block) < 110 \
                and block[:1].isupper() \
                and not block.endswith((".", ":", ";", ",")) and ". " not in block \
                and following is not None \
                and (not block.endswith("?") or block.startswith("How good")) \
                and (is_heading(block, following) or len(following) < 110) \
                and _key(block) not in seen:
            seen.add(_key(block))
            starts.append(i)
    subject = j.subject_pattern((force.name, force.short_name))
    ctx = Context(subject, "A")
    areas: list[Question] = []
    priors: list[PriorFinding] = []
    figures: list[KeyFigure] = []
    for n, s in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(bl)
        q = _graded_heading(read_question(bl[s:stop], len(areas) + 1, ctx, notes, noun="area"))
        if re.search(r"victim", q.title, re.I) and victims and q.judgment.is_unknown:
            q = Question(q.number, q.title, Judgment(Status.UNGRADED, evidence=victims.group(0)),
                         q.summary, q.intro, q.areas_for_improvement, q.causes_of_concern,
                         q.notable_practice, q.findings)
        areas.append(q)
        paras = question_text(q)
        priors += prior_findings_in(paras, q.number, len(priors))
        for p in paras:
            figures += figures_in(p, q.number, len(figures))
    figures = bounded(figures, sum(len(b) for b in bl), notes)
    areas = _merge(areas, graphic, notes)
    if victims and not any(re.search(r"victim", q.title, re.I) for q in areas):
        areas.append(Question(len(areas) + 1, "Victim service assessment",
                              Judgment(Status.UNGRADED, evidence=victims.group(0))))
    stated = areas_stated(whole)
    unread = not starts and not graphic  # no area of the report found, the victims line aside
    if not areas:
        notes.append("no areas of policing found; the page may be cut short")
    elif stated and len(areas) < stated:
        notes.append(f"the report assesses {stated} areas of policing; {len(areas)} found, the "
                     "others are unknown")
    elif unread:
        notes.append("no area of policing found but the victim service assessment; the others "
                     "are unknown")
    first = starts[0] if starts else len(bl)
    summary = tuple(b for b in bl[begin:first] if begin > end)  # HM Inspector's summary
    unseen: list[str] = []
    if areas and not stated and not unread:
        unseen.append("how many areas of policing the report assesses (the imported text does "
                      "not hold the sentence that says)")
    elif areas and starts and not ended and not (stated and len(areas) < stated):
        last = _graded_heading(Question(0, bl[starts[-1]], Judgment(Status.UNKNOWN))).title
        unseen.append(f"the end of the report (the imported text stops in the area ‘{last}’)")
    for u in unseen:
        notes.append(f"not in the imported text: {u}")
    return Report(force, cycle, title, kind=ReportKind.ASSESSMENT, questions=tuple(areas),
                  areas_assessed=stated, questions_not_found=unread and not stated,
                  unseen=tuple(unseen),
                  summary=tuple(as_passages(list(summary))),
                  prior_findings=tuple(priors), key_figures=tuple(figures),
                  source_url=source_url)


def disagreement(shown: Judgment, stated: Judgment) -> Judgment:
    """Return the unknown judgment of an area whose graphic and own section disagree, with both."""
    return Judgment(Status.UNKNOWN, evidence=f"the judgments graphic: “{shown.evidence}”; the "
                    f"area’s own section: “{stated.evidence}”")


def _graded_heading(q: Question) -> Question:
    """Split a heading that carries its grade ("Investigating crime: adequate")."""
    match = GRADE_IN_LINE.match(q.title)
    if match is None:
        return q
    area = (match.group("a1") or match.group("a2")).strip(" :–—-")
    shown = Judgment(Status.GRADED, Grade((match.group("g1") or match.group("g2")).lower()),
                     evidence=q.title)
    judgment = shown if q.judgment.is_unknown else q.judgment
    if judgment.grade is not shown.grade:
        judgment = disagreement(shown, judgment)
    return Question(q.number, area[:1].upper() + area[1:], judgment, q.summary, q.intro,
                    q.areas_for_improvement, q.causes_of_concern, q.notable_practice, q.findings)


def _merge(areas: list[Question], graphic: list[tuple[str, Judgment]],
           notes: list[str]) -> list[Question]:
    """Give each area the graphic's grade; a disagreement makes the grade unknown."""
    by_key = {_key(name): (name, jd) for name, jd in graphic}
    out: list[Question] = []
    for q in areas:
        name_jd = by_key.pop(_key(q.title), None)
        if name_jd is None:
            out.append(q)
            continue
        shown = name_jd[1]
        judgment = q.judgment
        if judgment.is_unknown:
            judgment = shown
        elif judgment.grade is not None and judgment.grade != shown.grade:
            notes.append(f"area {q.number} ({q.title}): the judgments graphic says "
                         f"{shown.describe()} but the area's own section says "
                         f"{judgment.describe()}; marked unknown")
            judgment = disagreement(shown, judgment)
        out.append(Question(q.number, q.title, judgment, q.summary, q.intro,
                            q.areas_for_improvement, q.causes_of_concern, q.notable_practice,
                            q.findings))
    for name, jd in by_key.values():  # graded in the graphic, no section of its own in the text
        out.append(Question(len(out) + 1, name, jd))
    return out
