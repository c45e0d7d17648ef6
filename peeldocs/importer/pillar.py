"""A pillar page (2014 to 2018/19): its pillar, headline, judgment, summary and questions.

The 2014 pages lay out a headline worded as a title ("How well the force tackles
crime"), the pillar's summary, then "Questions for Effectiveness" and the
questions; later pages put the headline question first.  The PEEL framework
data (:mod:`peeldocs.importer.frameworks`) places each question by its title,
numbers it as the framework does, says how many the pillar has where a source
states it, and lets a prose sentence that names a question in short give its
grade.  What the text does not show (a title cut short, the questions after
the text ends, the end of the last one) is recorded in ``Report.unseen`` and
``Report.questions_expected``, so no document states a count or an absence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from peeldocs.importer import judgments as j
from peeldocs.importer import meta
from peeldocs.importer.figures import figures_in, prior_findings_in, sentences
from peeldocs.importer.frameworks import (
    PillarFramework,
    headline_pillar,
    pillar_framework,
    question_cut,
    question_named,
    question_titled,
)
from peeldocs.importer.question import NUMBER, Context, as_passages, question_text, read_question
from peeldocs.importer.result import ImportResult, bounded
from peeldocs.importer.textblocks import DETAILED, QUESTIONS
from peeldocs.model import (
    UNKNOWN,
    Force,
    Judgment,
    KeyFigure,
    PriorFinding,
    Question,
    Report,
    ReportKind,
    Status,
)
from peeldocs.prose import join_words

LETTERS = {"effectiveness": "E", "efficiency": "F", "legitimacy": "L"}
# the pillar's headline worded as a title, not a question, on the line under the pillar
SUBTITLE = re.compile(r"^(?:How|To what extent)\b[^.?!:;]{5,150}$")
QUESTION_LIKE = re.compile(r"^(?:How|To what extent|What)\b")


@dataclass(frozen=True)
class Page:
    """What the page reader found before the pillar: where it starts, the force, the cycle."""

    start: int
    head_at: int | None
    force: Force
    cycle: str
    title: str
    updated: date | None
    source_url: str | None
    ended: bool
    """True when the text reaches the page's end (the site's footer, or a saved HTML page)."""
    closed: frozenset[int] = frozenset()
    """Questions whose end the text shows (the page's "Summary for question N" after each)."""
    cut: bool = False
    """True when the text stops mid-sentence (its last words are marked "…")."""


def _pillar(bl: list[str], page: Page, head_at: int | None, listed: str | None,
            pillars: tuple[str | None, str | None], notes: list[str],
            facts: dict[str, str]) -> tuple[str | None, int | None, int | None]:
    """Return (pillar, line of the pillar, line of the headline)."""
    given_pillar, url_pillar = pillars
    start = page.start
    lines = [i for i in range(start, min(start + 8, len(bl))) if bl[i].lower() in meta.PILLAR_WORDS]
    pillar_at = lines[0] if len({bl[i].lower() for i in lines}) == 1 else None  # several: tabs
    if head_at is None and pillar_at is not None and pillar_at + 1 < len(bl) and \
            SUBTITLE.match(bl[pillar_at + 1]):  # 2014: "How well the force tackles crime"
        head_at = pillar_at + 1
    headline = bl[head_at] if head_at is not None else None
    asked = (meta.pillar_of_question(headline) or headline_pillar(headline, page.cycle)) \
        if headline else None
    on_page = (bl[pillar_at].lower() if pillar_at is not None else None) or asked or listed
    for other, what in ((asked, "the headline question asks about"),
                        (listed, "the list of questions is for")):
        if other and on_page and on_page != other:
            notes.append(f"the page names {on_page} but {what} {other}; the pillar is marked "
                         "unknown")
            on_page, url_pillar = None, None
    pillar = given_pillar or on_page or url_pillar
    facts["pillar"] = ("given" if given_pillar else
                       f'line "{bl[pillar_at]}"' if pillar_at is not None and on_page else
                       f'question "{headline}"' if asked and on_page else
                       f'heading "Questions for {listed.capitalize()}"' if listed and on_page else
                       "page address" if url_pillar else "")
    if not given_pillar and on_page and url_pillar and on_page != url_pillar:
        notes.append(f"the page is about {on_page} but its address says {url_pillar}; the "
                     "pillar is marked unknown")
        pillar = None
    return pillar, pillar_at, head_at


def pillar_page(bl: list[str], page: Page, pillars: tuple[str | None, str | None],
                notes: list[str], facts: dict[str, str]) -> ImportResult:
    """Read a pillar page's blocks (after the title) into a report."""
    marks = [i for i, b in enumerate(bl) if b.startswith(QUESTIONS)]
    listed = bl[marks[0]][len(QUESTIONS):] if marks else None
    pillar, pillar_at, head_at = _pillar(bl, page, page.head_at, listed, pillars, notes, facts)
    fw = pillar_framework(page.cycle, pillar) if pillar else None
    headline = bl[head_at] if head_at is not None else None
    after = max(x for x in (page.start - 1, pillar_at, head_at) if x is not None) + 1
    starts = _question_starts(bl, after, fw, marks[0] if marks else None)
    first_q = starts[0] if starts else (marks[0] if marks else len(bl))
    judgment: Judgment | None = None
    summary: list[str] = []
    for block in bl[after:first_q]:
        if block.startswith(QUESTIONS) or block == DETAILED:
            continue
        if judgment is None and (found := j.line_judgment(block)):
            judgment = found
        else:
            summary.append(block)
    subject = j.subject_pattern((page.force.name, page.force.short_name))
    named: dict[int, Judgment] = {}  # question grades the summary gives in short
    for k, p in enumerate(summary):
        for at, sentence in enumerate(sentences(p)):
            for about, graded in j.clause_grades(sentence, subject):  # "its use of ... is good"
                if (fq := question_named(about, fw)) is not None and fq.number not in named:
                    named[fq.number] = graded
            match = j.PROSE.match(j.FOUND_THAT.sub("", sentence))
            fq = question_named(match.group("about"), fw) if match else None
            if fq is not None:
                if (jd := j.named_grade(sentence, subject, fq.short)) and fq.number not in named:
                    named[fq.number] = jd
                continue  # a question's grade, never the pillar's
            if judgment is None and k < 2 and at < 2:
                judgment = j.sentence_grade(sentence, subject, headline or "", pillar, overlap=3)
                if pillar is None and judgment is None:  # "... in the efficiency with which ..."
                    found_in = {q: g for q in meta.PILLAR_WORDS
                                if (g := j.sentence_grade(sentence, subject, "", q))}
                    if len(found_in) == 1:
                        (pillar, judgment), = found_in.items()
                        facts["pillar"] = f'"{sentence}"'
                        fw = pillar_framework(page.cycle, pillar)
    if judgment is None and fw is not None and not fw.graded:
        judgment = Judgment(Status.UNGRADED, evidence=fw.ungraded)
    if judgment is None:
        notes.append("no judgment for the pillar found; marked unknown")
        judgment = Judgment(Status.UNKNOWN)
    if pillar is None:
        notes.append("no pillar line, headline question, judgment or address names the pillar; "
                     "marked unknown")
    questions, priors, figures = _questions(bl, starts, fw, Context(
        subject, LETTERS.get(pillar or "", "Q"), pillar, fw), named, notes)
    unseen = _cut_title(bl, after, starts, fw, questions, notes)
    last_seen = questions[-1].number if questions else None
    questions, named_only = _named_only(questions, named, fw, notes)
    unseen += [f"the findings of question {n} (the imported text gives only its grade, in the "
               "pillar's summary)" for n in named_only]
    if named_only and fw is not None and not fw.titles_confirmed:
        several = len(named_only) > 1
        unseen.append(f"the title{'s' if several else ''} of question{'s' if several else ''} "
                      f"{join_words(str(n) for n in named_only)} (the one{'s' if several else ''} "
                      "shown from the PEEL framework data, which no source seen confirms)")
    stops = [u for u in unseen if "stops" in u]  # where the text ends, said once
    if page.cut and last_seen and starts and not stops:
        unseen.append(f"the rest of question {last_seen} (the imported text stops mid-sentence)")
    expected = fw.count if fw is not None else None
    why = f"the PEEL {page.cycle} framework data does not confirm the number"
    if fw is not None and fw.count is not None and len(questions) > fw.count:
        notes.append(f"the page holds {len(questions)} questions but the PEEL {page.cycle} "
                     f"framework gives {pillar} {fw.count}; no count is stated")
        why = f"the imported text holds more than the PEEL {page.cycle} framework gives"
        expected, fw = None, replace(fw, count=None)
    if fw is None or fw.count is None:
        unseen.append(f"how many questions the report asks ({why})")
    elif not page.ended and last_seen and len(questions) >= fw.count and \
            not any("stops" in u for u in unseen) and \
            last_seen not in page.closed:
        unseen.append(f"the end of the report (the imported text stops in question {last_seen})")
    if not questions:
        notes.append("no questions found; the page may be cut short; marked unknown")
        unseen = [u for u in unseen if not u.startswith("how many")]
    for u in unseen:
        notes.append(f"not in the imported text: {u}")
    report = Report(page.force, page.cycle, page.title, kind=ReportKind.PILLAR,
                    pillar=pillar or UNKNOWN, headline_question=headline, judgment=judgment,
                    last_updated=page.updated, summary=tuple(as_passages(summary)),
                    questions=tuple(questions), questions_not_found=not questions,
                    questions_expected=expected if questions else None, unseen=tuple(unseen),
                    prior_findings=tuple(priors), key_figures=tuple(figures),
                    source_url=page.source_url)
    return ImportResult(report, "pillar", notes, facts=facts)


def _questions(bl: list[str], starts: list[int], fw: PillarFramework | None, ctx: Context,
               named: dict[int, Judgment], notes: list[str]
               ) -> tuple[list[Question], list[PriorFinding], list[KeyFigure]]:
    questions: list[Question] = []
    priors: list[PriorFinding] = []
    figures: list[KeyFigure] = []
    numbers: set[int] = set()
    highest = 0
    for n, s in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(bl)
        number_line = NUMBER.match(bl[s])
        chunk = [b for b in (bl[s + 1:end] if number_line else bl[s:end])
                 if not b.startswith(QUESTIONS)]
        if not chunk:
            continue
        placed = question_titled(chunk[0], fw)
        number = int(number_line.group(1)) if number_line else placed.number if placed else \
            highest + 1
        if number in numbers:
            notes.append(f"question number {number} appears twice; the second is numbered "
                         f"{highest + 1}")
            number = highest + 1
        numbers.add(number)  # a set and the highest so far: linear in the questions
        highest = max(highest, number)
        q = read_question(chunk, number, ctx, notes)
        if q.judgment.is_unknown and number in named and q.judgment.from_cycle is None:
            q = replace(q, judgment=named[number])
        elif q.judgment.is_unknown and number in named:  # carried over; the summary's grade
            carried = j.with_grade(q.judgment, named[number])
            q = replace(q, judgment=replace(carried, evidence=f"{q.judgment.evidence} "
                                            f"{named[number].evidence}"))
            notes.append(f"question {number}: its grade is in the pillar's summary: "
                         f"\"{named[number].evidence}\"")
        questions.append(q)
        paras = question_text(q)
        priors += prior_findings_in(paras, q.number, len(priors))
        for p in paras:
            figures += figures_in(p, q.number, len(figures))
    return questions, priors, bounded(figures, sum(len(b) for b in bl), notes)


def _named_only(questions: list[Question], named: dict[int, Judgment],
                fw: PillarFramework | None, notes: list[str]) -> tuple[list[Question], list[int]]:
    """Add each question the summary grades in short but the text does not hold.

    "Merseyside Police is good at protecting vulnerable people." in the pillar's
    summary grades question 3 even when the copy stops before question 3: the
    question is kept with the framework's title and that sentence as evidence,
    and its findings are recorded as not seen.  A question the text holds with
    no grade of its own (a title cut short) takes the summary's grade.
    """
    if fw is None or not named:
        return questions, []
    held = {q.number: k for k, q in enumerate(questions)}
    added: list[int] = []
    for number, judgment in sorted(named.items()):
        if number in held:
            q = questions[held[number]]
            if q.judgment.is_unknown and q.judgment.from_cycle is None:
                questions[held[number]] = replace(q, judgment=judgment)
            continue
        fq = next((f for f in fw.questions if f.number == number), None)
        if fq is None:
            continue
        questions.append(Question(number, fq.title, judgment))
        added.append(number)
        notes.append(f"question {number}: not in the imported text; graded in the pillar's "
                     f"summary (\"{judgment.evidence}\"), titled from the PEEL framework data")
    return sorted(questions, key=lambda q: q.number), added


def _cut_title(bl: list[str], after: int, starts: list[int], fw: PillarFramework | None,
               questions: list[Question], notes: list[str]) -> list[str]:
    """Keep a question title the text ends in the middle of, as seen and marked as cut."""
    if len(bl) <= after or (starts and starts[-1] >= len(bl) - 1) or \
            bl[-1].startswith(QUESTIONS):
        return []
    last = bl[-1]
    fq = question_cut(last, fw)
    if fq is not None and all(q.number != fq.number for q in questions):
        questions.append(Question(fq.number, f"{last} …", Judgment(Status.UNKNOWN)))
        notes.append(f"question {fq.number}: the text ends inside its title; kept as seen")
        return [f"the rest of question {fq.number} (the imported text stops inside its title)"]
    if QUESTION_LIKE.match(last) and not last.endswith((".", "?")) and len(last) < 160:
        return [f"the question that begins ‘{last}’ (the imported text stops inside its title)"]
    return []


def _question_starts(bl: list[str], first: int, fw: PillarFramework | None,
                     listed_at: int | None) -> list[int]:
    starts = [i for i in range(first, len(bl) - 1)
              if NUMBER.match(bl[i]) and bl[i + 1].endswith("?")]
    if starts:
        return starts
    begin = listed_at + 1 if listed_at is not None else first
    return [i for i in range(begin, len(bl))  # compact pages without number lines
            if (bl[i].endswith("?") and QUESTION_LIKE.match(bl[i]) and len(bl[i]) < 200)
            or question_titled(bl[i], fw) is not None]
