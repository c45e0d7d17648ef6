"""Which section of the briefing pack quotes each finding: a finding is quoted once.

A pack quotes each area for improvement, cause of concern, recommendation and
earlier finding in full once, in the first of its sections that shows it; the
sections after refer to it by its reference ("E2-AFI-1").  What each built-in
section shows is stated here, in one place, so no section needs to ask another:

- the executive summary (``summary``) quotes every live finding: causes of
  concern, recommendations (those made in the findings' text too), areas for
  improvement and earlier findings carried forward; the earlier findings the
  report finds addressed it names by reference only;
- the findings by question or area (``questions``) show every finding of the report;
- the action plan (``actions``) shows every finding it tracks.

A section a plugin adds quotes what it likes: it is not counted here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from peeldocs.blocks import Block, Paragraph, plain
from peeldocs.model import CauseOfConcern, Finding, Report
from peeldocs.options import Options
from peeldocs.plans.findings import findings
from peeldocs.prose import count_words, join_words
from peeldocs.sections.common import finding_blocks
from peeldocs.sections.items import response_items

SUMMARY, QUESTIONS, ACTIONS = "summary", "questions", "actions"


def _summary_ids(report: Report) -> set[str]:
    # the live findings (causes of concern, recommendations, areas for improvement and
    # earlier findings carried forward); those addressed are named there, not quoted;
    # and the practice the report lists, quoted under "Good practice the report names"
    return {i.id for i in response_items(report)} | {
        p.id for q in report.questions for p in q.notable_practice}


def _question_ids(report: Report) -> set[str]:
    ids = {p.id for p in report.prior_findings}
    for q in report.questions:
        ids |= {f.id for f in (*q.areas_for_improvement, *q.notable_practice)}
        for c in q.causes_of_concern:
            ids |= {c.id, *(r.id for r in c.recommendations)}
    return ids


def _plan_ids(report: Report) -> set[str]:
    return set(findings(report))


def quoting_sections(report: Report, sections: Iterable[str]) -> dict[str, str]:
    """Return, for each finding id, the name of the first of ``sections`` that quotes it."""
    shown: dict[str, Callable[[Report], set[str]]] = {
        SUMMARY: _summary_ids, QUESTIONS: _question_ids, ACTIONS: _plan_ids}
    out: dict[str, str] = {}
    for name in sections:
        if name in shown:
            for fid in sorted(shown[name](report)):
                out.setdefault(fid, name)
    return out


def quotes(report: Report, options: Options, section: str, fid: str) -> bool:
    """Tell whether ``section`` of the pack quotes finding ``fid`` in full (else it refers to it).

    A finding no built-in section shows is quoted wherever it appears.
    """
    return quoting_sections(report, options.sections).get(fid, section) == section


def elsewhere(report: Report, options: Options, section: str) -> dict[str, str]:
    """Return the findings ``section`` refers to rather than quotes, with where each is quoted."""
    first = quoting_sections(report, options.sections)
    return {fid: _place(report, name) for fid, name in first.items() if name != section}


def referred(report: Report, refer: dict[str, str]) -> dict[str, str]:
    """Say how the findings by question (or area) give the findings to act on, for its intro.

    ``referred`` is "all" when every area for improvement, cause of concern and
    recommendation is quoted elsewhere (in ``refer``) and only named by reference
    here, "some" when some are, else ""; ``where`` names the place they are quoted.
    """
    ids = [f.id for q in report.questions for f in q.areas_for_improvement]
    ids += [c.id for q in report.questions for c in q.causes_of_concern]
    ids += [r.id for q in report.questions for c in q.causes_of_concern for r in c.recommendations]
    away = [i for i in ids if i in refer]
    places = sorted({refer[i] for i in away})
    where = places[0] if len(places) == 1 else "an earlier section of this pack"
    return {"referred": "" if not away else "all" if len(away) == len(ids) else "some",
            "where": where}


def quoted_in(report: Report, options: Options, fid: str) -> str:
    """Return where the pack quotes ``fid`` in words ("the executive summary")."""
    return _place(report, quoting_sections(report, options.sections).get(fid))


def _place(report: Report, name: str | None) -> str:
    # a section's name in words; one pass over the sections serves every finding
    if name == SUMMARY:
        return "the executive summary"
    if name == QUESTIONS:
        return "the findings by area" if report.is_assessment else "the findings by question"
    return "the action plan"


def ref_span(ids: Sequence[str]) -> str:
    """Return references as a span when they run on ("E2-AFI-1 to E2-AFI-3"), else listed.

    >>> ref_span(["E2-AFI-1", "E2-AFI-2", "E2-AFI-3"])
    'E2-AFI-1 to E2-AFI-3'
    >>> ref_span(["E2-AFI-1", "E2-AFI-3"])
    'E2-AFI-1 and E2-AFI-3'
    """
    parts = [i.rpartition("-") for i in ids]
    if len(ids) > 2 and len({p[0] for p in parts}) == 1 and all(p[2].isdigit() for p in parts):
        numbers = [int(p[2]) for p in parts]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return f"{ids[0]} to {ids[-1]}"
    return join_words(ids)


def quoted_or_named(items: Sequence[Finding | CauseOfConcern],
                    refer: dict[str, str]) -> tuple[Block, ...]:
    """Quote the areas for improvement not quoted earlier in the pack; point to the others.

    >>> from peeldocs.model import Finding
    >>> afi = Finding("E2-AFI-1", "Improve.")
    >>> [type(b).__name__ for b in quoted_or_named([afi], {})]
    ['BulletList']
    >>> quoted_or_named([afi], {"E2-AFI-1": "the executive summary"})[0].runs[0].text
    'E2-AFI-1 is quoted in the executive summary.'
    """
    here = [f for f in items if f.id not in refer]
    blocks: list[Block] = list(finding_blocks(here)) if here else []
    places: dict[str, list[str]] = {}
    for f in items:
        if f.id in refer:
            places.setdefault(refer[f.id], []).append(f.id)
    for where, ids in places.items():
        many = len(ids) > 1
        noun = "areas for improvement" if many else "area for improvement"
        verb = "are" if many else "is"
        if here:
            said = (f"{count_words(len(ids)).capitalize()} more {noun} {verb} quoted in {where} "
                    f"({ref_span(ids)}).")
        else:  # read 25-P: "Its" had no antecedent in a box headed by the kind of finding
            said = f"{ref_span(ids)} {verb} quoted in {where}."
        blocks.append(Paragraph(plain(said)))
    return tuple(blocks)


def practice_quoted_or_named(items: Sequence[Finding], refer: dict[str, str]) -> tuple[Block, ...]:
    """Quote the practice a question (area) lists, or, quoted earlier in the pack, point to it.

    Read 33: the executive summary quotes it; a finding is quoted once per document.
    """
    if not items or any(f.id not in refer for f in items):
        return finding_blocks(items)
    ids = [f.id for f in items]
    where = join_words(sorted({refer[i] for i in ids}))
    return (Paragraph(plain(f"{ref_span(ids)} {'is' if len(ids) == 1 else 'are'} quoted in "
                            f"{where}.")),)
