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

from peeldocs.importer import meta
from peeldocs.importer.decoding import check_size
from peeldocs.importer.frameworks import headline_pillar, pillar_framework
from peeldocs.importer.pillar import Page, pillar_page
from peeldocs.importer.result import ImportResult, NotAPeelPageError
from peeldocs.importer.savedpage import html_to_text, page_complete
from peeldocs.importer.textblocks import (
    END,
    QUESTION_END,
    QUESTIONS,
    blocks,
    looks_like_html,
    mark_cut,
)
from peeldocs.importer.welsh import looks_welsh, read_welsh
from peeldocs.model import (
    Force,
    Judgment,
    Question,
    Report,
    ReportKind,
    Status,
    kind_for_cycle,
)

UPDATED = re.compile(r"^Last updated:?\s*(\d{1,2})/(\d{1,2})/(\d{4})$", re.I)
# a force's overview page introduces the year's assessment (its judgments may be cut off)
OVERVIEW_INTRO = re.compile(r"^This is (?:HMIC|HMICFRS)[’'s]* \w+ (?:PEEL\b.{0,80}\b)?assessment of|"
                            r"^This is the first PEEL Assessment of|"
                            r"^The available evidence indicates that:$", re.I | re.M)
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


def _welsh(text: str, source_url: str | None, force: Force | None,
           cycle: str | None) -> ImportResult:
    notes: list[str] = []
    facts: dict[str, str] = {}
    report = read_welsh(text, source_url, notes, facts, force=force, cycle=cycle)
    if report is None:
        raise NotAPeelPageError(
            "could not read the force or the cycle of a PEEL report from this Welsh text: looked "
            "for 'Heddlu Dyfed-Powys', 'Heddlu Gwent', 'Heddlu Gogledd Cymru' or 'Heddlu De "
            "Cymru', 'PEEL 2023–2025' or 'PEEL 2021/22' and a /peel-reports/ address; name the "
            "force and the cycle if the page does not")
    return ImportResult(report, "assessment", notes, facts=facts)


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
    ended = False
    if looks_like_html(text):
        text, ended = html_to_text(text), page_complete(text)
    if looks_welsh(text):  # a page the inspectorate published in Welsh
        return _welsh(text, source_url, force, cycle)
    bl, notes = blocks(text)
    ended = ended or END in bl
    closed = frozenset(int(b[len(QUESTION_END):]) for b in bl if b.startswith(QUESTION_END))
    bl = [b for b in bl if b != END and not b.startswith(QUESTION_END)]
    cut = mark_cut(bl, ended, notes)
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
        report = import_assessment([b for b in bl if not b.startswith(QUESTIONS)], chosen, year,
                                   title, source_url, notes, ended)
        if not report.questions and not (force or title_force or url_force) and \
                not meta.AREAS.search(whole) and not meta.AWARDED.search(whole):  # a news item
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
    listed = next((i for i, b in enumerate(bl) if b.startswith(QUESTIONS)), len(bl))
    head_at = next((i for i in range(start, min(start + 15, listed))
                    if meta.is_headline(bl[i]) or headline_pillar(bl[i], year)), None)
    overview = meta.overview_judgments(bl)
    first = min((i for i, _ in overview.values()), default=len(bl))
    if (len(overview) >= 2 and (head_at is None or first < head_at)) or \
            (head_at is None and (overview or OVERVIEW_INTRO.search(whole))):
        found = {p: jd for p, (_i, jd) in sorted(overview.items(), key=lambda kv: kv[1][0])}
        # an overview covers all three pillars: one whose judgment was not read is unknown,
        # never left out (the documents would count two judgments where the page gives three)
        missing = [p for p in meta.PILLAR_WORDS if p not in found]
        given: dict[str, Judgment] = {}  # what the framework data says of a pillar not read
        for p in missing:
            fw = pillar_framework(year, p)
            if fw is not None and not fw.graded:  # 2014: no overall effectiveness judgment
                given[p] = Judgment(Status.UNGRADED, evidence=fw.ungraded)
                notes.append(f"no judgment for {p}: PEEL {year} gave none (framework data)")
            else:
                notes.append(f"no judgment for {p} found; marked unknown")
        pillars = {p: found.get(p) or given.get(p) or Judgment(Status.UNKNOWN)
                   for p in meta.PILLAR_WORDS}  # PEEL's order
        questions = tuple(Question(i, p.capitalize(), jd)
                          for i, (p, jd) in enumerate(pillars.items(), start=1))
        if updated is not None:  # the line sits in one pillar's section, not at the page's head
            notes.append(f"the page's 'Last updated {updated:%d/%m/%Y}' is one pillar's section's "
                         "date, not the overview's; not kept")
        report = Report(chosen, year, title, pillar="overview", headline_question=None,
                        judgment=None, last_updated=None,
                        questions=questions, source_url=source_url)
        notes.append("an overview page: one judgment per pillar, given as its questions; PEEL "
                     "gave no overall grade before 2021/22, so it has none")
        return ImportResult(report, "overview", notes, dict(found), facts=facts)
    if url_force and not force and url_force != chosen:
        notes.append(f"the page names {chosen.name} but its address names {url_force.name}; "
                     f"imported as {chosen.name}")
    return pillar_page(bl, Page(start, head_at, chosen, year, title, updated, source_url, ended,
                                   closed, cut),
                       (pillar, url_pillar), notes, facts)
