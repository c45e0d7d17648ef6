"""Checks that a schema cannot express: scales, statuses, ids and references.

They run over plain data (possibly malformed) so that every problem in a file
is reported together with the structural ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from peeldocs.model import (
    KNOWN_CYCLES,
    OGL_ATTRIBUTION,
    PILLARS,
    SCALE_GRADES,
    UNKNOWN,
    Grade,
    ReportKind,
    Status,
    kind_for_cycle,
    normalise_cycle,
    scale_for_cycle,
)
from peeldocs.sources.yamlsource import Path, Source

_GRADE_WORDS = {g.value for g in Grade}


def grade_message(value: Any, cycle: str | None) -> str:
    """Explain why ``value`` is not a grade on the scale of ``cycle``."""
    try:
        scale = scale_for_cycle(cycle) if isinstance(cycle, str) else None
    except ValueError:
        scale = None
    grades = SCALE_GRADES[scale] if scale else tuple(Grade)
    where = f" on the {cycle} scale" if scale else ""
    expected = ", ".join(g.value for g in grades)
    return f"{value!r} is not a grade{where}; expected one of: {expected}"


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _items(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield i, item


def check_judgment(src: Source, path: Path, judgment: Any, cycle: Any) -> None:
    """Check one judgment: grade on the scale, status and grade agree."""
    if not isinstance(judgment, dict):
        return
    grade, status = judgment.get("grade"), judgment.get("status")
    if grade is not None and grade in _GRADE_WORDS:
        try:
            scale = scale_for_cycle(cycle) if isinstance(cycle, str) else None
        except ValueError:
            scale = None
        if scale and Grade(grade) not in SCALE_GRADES[scale]:
            src.problem((*path, "grade"), grade_message(grade, cycle))
    statuses = {s.value: s for s in Status}
    if status not in statuses:
        return
    if statuses[status].has_grade and grade is None:
        src.problem((*path, "status"), f"status '{status}' needs a grade; add 'grade:'")
    if not statuses[status].has_grade and grade is not None:
        src.problem((*path, "grade"), f"a judgment with status '{status}' has no grade; "
                                      "use status 'graded' or remove the grade")
    if status == Status.CARRIED_OVER.value and not judgment.get("from_cycle"):
        src.problem((*path, "from_cycle"), "a carried-over judgment needs 'from_cycle' "
                                           "(the cycle the grade was given in)")


def check_cycle(src: Source, path: Path, cycle: Any) -> bool:
    """Check that ``cycle`` is a PEEL cycle as data files write it; True when it is."""
    if not isinstance(cycle, str) or cycle in KNOWN_CYCLES:
        return isinstance(cycle, str)
    meant = normalise_cycle(cycle)
    hint = (f"did you mean '{meant}'?" if meant else
            f"expected one of: {', '.join(KNOWN_CYCLES)}")
    src.problem(path, f"{cycle!r} is not a PEEL cycle; {hint}")
    return False


def check_shape(src: Source, data: dict[str, Any], cycle: str | None) -> None:
    """Check the report's kind against its cycle, pillar and overall judgment."""
    kinds = {k.value: k for k in ReportKind}
    kind = kinds.get(data.get("kind", ReportKind.PILLAR.value))
    if kind is None:
        return  # the schema reports a bad kind
    expected = kind_for_cycle(cycle) if cycle else kind
    if kind is not expected:
        if expected is ReportKind.ASSESSMENT:
            src.problem(("kind",) if "kind" in data else ("cycle",),
                        f"a {cycle} report is a force assessment graded area by area; "
                        "add 'kind: assessment'")
        else:
            src.problem(("kind",), f"force assessments began in 2021/22; a {cycle} report is "
                                   "a pillar report ('kind: pillar')")
    pillar = data.get("pillar")
    areas = data.get("areas_assessed")
    if areas is not None and kind is not ReportKind.ASSESSMENT:
        src.problem(("areas_assessed",), "only a force assessment states a number of areas of "
                                         "policing; remove 'areas_assessed:'")
    elif isinstance(areas, int) and not isinstance(areas, bool) and areas < 1:
        src.problem(("areas_assessed",), f"{areas} is not a number of areas; a force assessment "
                                         "assesses at least one")
    asked = data.get("questions_expected")
    if asked is not None and kind is ReportKind.ASSESSMENT:
        src.problem(("questions_expected",), "a force assessment states its number of areas as "
                                             "'areas_assessed:'; remove 'questions_expected:'")
    elif isinstance(asked, int) and not isinstance(asked, bool) and asked < 1:
        src.problem(("questions_expected",), f"{asked} is not a number of questions; a "
                                             "pillar report asks at least one")
    if kind is ReportKind.ASSESSMENT:
        if pillar is not None:
            src.problem(("pillar",), "a force assessment has no pillar; remove 'pillar:'")
        if data.get("judgment") is not None:
            src.problem(("judgment",), "a force assessment has no overall judgment (grades are "
                                       "given area by area); remove 'judgment:'")
        if data.get("headline_question") is not None:
            src.problem(("headline_question",), "a force assessment has no pillar question "
                                                "(its areas are the questions); remove "
                                                "'headline_question:'")
        return
    if pillar is None:
        src.problem(("pillar",) if "pillar" in data else (),
                    "a pillar report needs 'pillar:' (effectiveness, efficiency or legitimacy; "
                    "'unknown' if the page does not say)", key="pillar" in data)
    elif isinstance(pillar, str) and pillar not in (*PILLARS, "overview", UNKNOWN):
        src.problem(("pillar",), f"{pillar!r} is not a pillar; expected one of: "
                                 f"{', '.join(PILLARS)}, overview or unknown")
    if pillar == "overview":  # 2014-2018/19 overviews grade each pillar, never the force
        if data.get("judgment") is not None:
            src.problem(("judgment",), "an overview has no overall judgment (PEEL graded each "
                                       "pillar, given here as its questions, not the force as a "
                                       "whole); remove 'judgment:'")
    elif data.get("judgment") is None:
        src.problem(("judgment",) if "judgment" in data else (),
                    "a pillar report needs its overall 'judgment:' (status 'unknown' if the page "
                    "does not state it)", key="judgment" in data)


def check_report(src: Source) -> None:
    """Run every cross-field check on a report's plain data, recording problems."""
    data = _mapping(src.data)
    cycle = data.get("cycle")
    if not check_cycle(src, ("cycle",), cycle):
        cycle = None
    check_shape(src, data, cycle)  # without a known cycle, against the kind it states
    check_judgment(src, ("judgment",), data.get("judgment"), cycle)
    if data.get("illustrative") is True and data.get("licence") in (None, OGL_ATTRIBUTION):
        src.problem(("illustrative",), "constructed example data is not Crown copyright; give a "
                                       "'licence:' that says what it is instead of the Open "
                                       "Government Licence attribution")
    if data.get("illustrative") is True and data.get("publisher") in (None, "HMICFRS"):
        src.problem(("illustrative",), "constructed example data is not published by HMICFRS; "
                                       "give a 'publisher:' that says who constructed it (the "
                                       "cover's 'Source:' line shows it)")
    url = data.get("source_url")
    if isinstance(url, str) and not url.lower().startswith(("https://", "http://")):
        src.problem(("source_url",), f"{url[:60]!r} is not a web address; it must start with "
                                     "https:// or http:// (local files are never linked)")
    ids: dict[str, Path] = {}

    def claim(path: Path, item: dict[str, Any]) -> None:
        fid = item.get("id")
        if not isinstance(fid, str):
            return
        if fid in ids:
            first = src.line(ids[fid])
            src.problem((*path, "id"), f"duplicate id '{fid}' (first used at line {first})")
        else:
            ids[fid] = (*path, "id")

    numbers: dict[int, Path] = {}
    for i, question in _items(data.get("questions")):
        qpath: Path = ("questions", i)
        number = question.get("number")
        if isinstance(number, int) and not isinstance(number, bool):
            if number in numbers:
                first = src.line(numbers[number])
                src.problem((*qpath, "number"),
                            f"duplicate question number {number} (first at line {first})")
            numbers.setdefault(number, (*qpath, "number"))
        check_judgment(src, (*qpath, "judgment"), question.get("judgment"), cycle)
        for key in ("areas_for_improvement", "notable_practice", "causes_of_concern"):
            for j, item in _items(question.get(key)):
                claim((*qpath, key, j), item)
                for k, rec in _items(item.get("recommendations")):
                    claim((*qpath, key, j, "recommendations", k), rec)
    for key in ("prior_findings", "key_figures"):
        for i, item in _items(data.get(key)):
            claim((key, i), item)
            ref = item.get("question")
            if isinstance(ref, int) and not isinstance(ref, bool) and ref not in numbers:
                known = ", ".join(str(n) for n in sorted(numbers)) or "none"
                src.problem((key, i, "question"),
                            f"question {ref} does not exist in this report (questions: {known})")
    for i, fig in _items(data.get("key_figures")):
        num, den = fig.get("numerator"), fig.get("denominator")
        if (num is None) != (den is None):
            src.problem(("key_figures", i), "give both numerator and denominator, or neither")
        elif isinstance(num, int) and isinstance(den, int) and not 0 <= num <= den:
            src.problem(("key_figures", i, "numerator"),
                        f"numerator {num} is not between 0 and the denominator {den}")
