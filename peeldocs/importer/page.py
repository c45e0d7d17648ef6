"""Import a published PEEL page (copied text or saved HTML) into a report.

:func:`import_page` reads the force and cycle from the page (its title, its
text or its address) or takes them from the caller, and raises
:class:`NotAPeelPageError` saying what it looked for when it has neither.
Everything else it cannot read is marked unknown, with a note; it never
invents a grade, a status or a pillar.
"""

from __future__ import annotations

import re
from datetime import date

from peeldocs.importer import judgments as j
from peeldocs.importer import meta
from peeldocs.importer.decoding import check_size
from peeldocs.importer.figures import figures_in, prior_findings_in, sentences
from peeldocs.importer.question import NUMBER, Context, as_passages, question_text, read_question
from peeldocs.importer.quoting import bounded
from peeldocs.importer.result import ImportResult, NotAPeelPageError
from peeldocs.importer.textblocks import blocks, html_to_text, looks_like_html
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
    kind_for_cycle,
)

UPDATED = re.compile(r"^Last updated:?\s*(\d{1,2})/(\d{1,2})/(\d{4})$", re.I)
LETTERS = {"effectiveness": "E", "efficiency": "F", "legitimacy": "L"}
# a force's overview page introduces the year's assessment (its judgments may be cut off)
OVERVIEW_INTRO = re.compile(r"^This is (?:HMIC|HMICFRS)[’'s]* \w+ (?:PEEL\b.{0,80}\b)?assessment of|"
                            r"^This is the first PEEL Assessment of|"
                            r"^The available evidence indicates that:$", re.I | re.M)
# the pillar's headline worded as a title, not a question, on the line under the pillar
SUBTITLE = re.compile(r"^(?:How|To what extent)\b[^.?!:;]{5,150}$")
OTHER_TAB = re.compile(r"^(?:Other inspections|Other reports|How well has the force performed in "
                       r"our other inspections\?)$", re.I)


def _last_updated(bl: list[str], notes: list[str]) -> date | None:
    for i, block in enumerate(bl):
        if match := UPDATED.match(block):
            del bl[i]
            day, month, year = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                notes.append(f"'{block}' is not a real date; ignored")
                return None
    return None


def import_page(text: str, source_url: str | None = None, *, force: Force | None = None,
                cycle: str | None = None, pillar: str | None = None) -> ImportResult:
    r"""Read a PEEL page's text (or HTML) into a report; see :class:`ImportResult`.

    ``force``, ``cycle`` and ``pillar`` supply facts the page lacks (and win
    over what it says).  Raises :class:`NotAPeelPageError` when neither the
    page nor the caller gives a force and a cycle.

    >>> page = ("Norfolk PEEL 2018\n\nEffectiveness\n\nHow effectively does the force reduce "
    ...         "crime and keep people safe?\n\nGood\n")   # constructed, cut short
    >>> result = import_page(page)
    >>> result.report.force.name, result.report.cycle, result.report.pillar
    ('Norfolk Constabulary', '2018/19', 'effectiveness')
    >>> result.report.judgment.describe(), result.report.judgment.evidence
    ('Good', 'Good')
    """
    check_size(len(text))  # refused at once: a page is never unbounded work
    if looks_like_html(text):
        text = html_to_text(text)
    bl, notes = blocks(text)
    updated = _last_updated(bl, notes)
    whole = "\n".join(bl)
    title_at, title_force, title_cycle = meta.read_title(bl)
    url_force, url_cycle, url_pillar = meta.from_address(source_url)
    in_text = meta.force_in_text(whole)
    text_cycle = meta.cycle_in_text(whole)
    facts: dict[str, str] = {}
    chosen = force or title_force or url_force or (in_text[0] if in_text else None)
    facts["force"] = ("given" if force else f'title "{bl[title_at]}"' if title_force and
                      title_at is not None else "page address" if url_force else
                      f'"{in_text[1]}"' if in_text else "")
    year = cycle or title_cycle or url_cycle or (text_cycle[0] if text_cycle else None)
    facts["cycle"] = ("given" if cycle else f'title "{bl[title_at]}"' if title_cycle and
                      title_at is not None else "page address" if url_cycle else
                      f'"{text_cycle[1]}"' if text_cycle else "")
    missing = [what for what, value in (("force", chosen), ("cycle", year)) if value is None]
    if missing or chosen is None or year is None:
        raise NotAPeelPageError(
            f"could not read the {' or the '.join(missing)} of a PEEL report from this text: "
            "looked for a title such as 'Kent PEEL 2017' or 'Durham 2016', 'how good <force> "
            "is in ... areas of policing', 'PEEL 2023–2025', 'PEEL Assessment Framework "
            "2021/22' and a /peel-reports/ or /peel-assessments/ address; name the force of "
            "England and Wales and the cycle if the page does not")
    title = bl[title_at] if title_at is not None else f"{chosen.short_name} PEEL {year}"
    if kind_for_cycle(year) is ReportKind.ASSESSMENT:
        from peeldocs.importer.assessment import import_assessment

        if title_force is None:  # the title these reports are published under
            shown = {"2023-25": "2023–2025", "2025-27": "2025–2027"}.get(year, year)
            title = f"PEEL {shown}: An inspection of {meta.name_on_page(whole, chosen)}"
        report = import_assessment(bl, chosen, year, title, source_url, notes)
        if not report.questions and not (force or title_force or url_force) and \
                not meta.AREAS.search(whole):  # a news item naming the report, not the report
            raise NotAPeelPageError(
                f"this text names {report.title!r} but holds none of it (no areas of policing, "
                "no 'how good <force> is in ... areas of policing'); import the report's own "
                "page, or name the force if this is a page of the report")
        return ImportResult(report, "assessment", notes, facts=facts)
    start = (title_at if title_at is not None else -1) + 1
    if any(OTHER_TAB.match(b) for b in bl[start:start + 4]):
        raise NotAPeelPageError(
            f"this is the 'Other inspections' page of {chosen.name}'s PEEL {year} assessment: it "
            "lists other inspections and holds no PEEL judgment; import a pillar or overview page")
    head_at = next((i for i in range(start, min(start + 15, len(bl))) if meta.is_headline(bl[i])),
                   None)
    overview = meta.overview_judgments(bl)
    first = min((i for i, _ in overview.values()), default=len(bl))
    if (len(overview) >= 2 and (head_at is None or first < head_at)) or \
            (head_at is None and (overview or OVERVIEW_INTRO.search(whole))):
        found = {p: jd for p, (_i, jd) in sorted(overview.items(), key=lambda kv: kv[1][0])}
        # an overview covers all three pillars: one whose judgment was not read is unknown,
        # never left out (the documents would count two judgments where the page gives three)
        missing = [p for p in meta.PILLAR_WORDS if p not in found]
        for p in missing:
            notes.append(f"no judgment for {p} found; marked unknown")
        pillars = {p: found.get(p, Judgment(Status.UNKNOWN)) for p in meta.PILLAR_WORDS}  # PEEL's order
        questions = tuple(Question(i, p.capitalize(), jd)
                          for i, (p, jd) in enumerate(pillars.items(), start=1))
        report = Report(chosen, year, title, pillar="overview", headline_question=None,
                        judgment=None, last_updated=updated,
                        questions=questions, source_url=source_url)
        notes.append("an overview page: one judgment per pillar, given as its questions; PEEL "
                     "gave no overall grade before 2021/22, so it has none")
        return ImportResult(report, "overview", notes, dict(found), facts=facts)
    if url_force and not force and url_force != chosen:
        notes.append(f"the page names {chosen.name} but its address names {url_force.name}; "
                     f"imported as {chosen.name}")
    return _pillar_page(bl, start, head_at, chosen, year, title, updated, source_url,
                        (pillar, url_pillar), notes, facts)


def _pillar_page(bl: list[str], start: int, head_at: int | None, force: Force, cycle: str,
                 title: str, updated: date | None, source_url: str | None,
                 pillars: tuple[str | None, str | None], notes: list[str],
                 facts: dict[str, str]) -> ImportResult:
    given_pillar, url_pillar = pillars
    lines = [i for i in range(start, min(start + 8, len(bl))) if bl[i].lower() in meta.PILLAR_WORDS]
    line_pillars = {bl[i].lower() for i in lines}
    pillar_at = lines[0] if len(line_pillars) == 1 else None  # several: the site's tabs
    if head_at is None and pillar_at is not None and pillar_at + 1 < len(bl) and \
            SUBTITLE.match(bl[pillar_at + 1]):  # 2014: "How well the force tackles crime"
        head_at = pillar_at + 1
    headline = bl[head_at] if head_at is not None else None
    asked = meta.pillar_of_question(headline) if headline else None
    on_page = (bl[pillar_at].lower() if pillar_at is not None else None) or asked
    if asked and on_page != asked:
        notes.append(f"the pillar line says {on_page} but the headline question asks about "
                     f"{asked}; the pillar is marked unknown")
        on_page, url_pillar = None, None
    pillar = given_pillar or on_page or url_pillar
    facts["pillar"] = ("given" if given_pillar else
                       f'line "{bl[pillar_at]}"' if pillar_at is not None else
                       f'question "{headline}"' if on_page else
                       "page address" if url_pillar else "")
    if not given_pillar and on_page and url_pillar and on_page != url_pillar:
        notes.append(f"the page is about {on_page} but its address says {url_pillar}; the "
                     "pillar is marked unknown")
        pillar = None
    after = max(x for x in (start - 1, pillar_at, head_at) if x is not None) + 1
    starts = _question_starts(bl, after)
    first_q = starts[0] if starts else len(bl)
    judgment: Judgment | None = None
    summary: list[str] = []
    for block in bl[after:first_q]:
        if judgment is None and (found := j.line_judgment(block)):
            judgment = found
        else:
            summary.append(block)
    subject = j.subject_pattern((force.name, force.short_name))
    for p in summary[:2] if judgment is None else ():
        for sentence in sentences(p)[:2]:
            judgment = judgment or j.sentence_grade(sentence, subject, headline or "", pillar,
                                                     overlap=3)
            if pillar is None and judgment is None:  # "... in the efficiency with which ..."
                named = {q: found for q in meta.PILLAR_WORDS
                         if (found := j.sentence_grade(sentence, subject, "", q))}
                if len(named) == 1:
                    (pillar, judgment), = named.items()
                    facts["pillar"] = f'"{sentence}"'

    if judgment is None:
        notes.append("no judgment for the pillar found; marked unknown")
        judgment = Judgment(Status.UNKNOWN)
    if pillar is None:
        notes.append("no pillar line, headline question, judgment or address names the pillar; "
                     "marked unknown")
    ctx = Context(subject, LETTERS.get(pillar or "", "Q"), pillar)
    questions: list[Question] = []
    priors: list[PriorFinding] = []
    figures: list[KeyFigure] = []
    for n, s in enumerate(starts, start=1):
        end = starts[n] if n < len(starts) else len(bl)
        number_line = NUMBER.match(bl[s])
        chunk = bl[s + 1:end] if number_line else bl[s:end]
        if not chunk:
            continue
        number = int(number_line.group(1)) if number_line else n
        if any(number == other.number for other in questions):
            notes.append(f"question number {number} appears twice; the second is numbered "
                         f"{len(questions) + 1}")
            number = len(questions) + 1
        q = read_question(chunk, number, ctx, notes)
        questions.append(q)
        paras = question_text(q)
        priors += prior_findings_in(paras, q.number, len(priors))
        for p in paras:
            figures += figures_in(p, q.number, len(figures))
    figures = bounded(figures, sum(len(b) for b in bl), notes)
    if not questions:
        notes.append("no questions found; the page may be cut short; marked unknown")
    report = Report(force, cycle, title, kind=ReportKind.PILLAR, pillar=pillar or UNKNOWN,
                    headline_question=headline, judgment=judgment, last_updated=updated,
                    summary=tuple(as_passages(summary)), questions=tuple(questions),
                    questions_not_found=not questions,
                    prior_findings=tuple(priors), key_figures=tuple(figures),
                    source_url=source_url)
    return ImportResult(report, "pillar", notes, facts=facts)


def _question_starts(bl: list[str], first: int) -> list[int]:
    starts = [i for i in range(first, len(bl) - 1)
              if NUMBER.match(bl[i]) and bl[i + 1].endswith("?")]
    if starts:
        return starts
    return [i for i in range(first, len(bl))  # compact pages without number lines
            if bl[i].endswith("?") and re.match(r"(How|To what extent|What)\b", bl[i])
            and len(bl[i]) < 200]
