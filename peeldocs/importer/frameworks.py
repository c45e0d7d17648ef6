"""The PEEL frameworks as data: each cycle's pillars, questions and areas, with their sources.

``frameworks.yaml`` (beside this module, shipped in the wheel) holds, for each
cycle to 2018/19, every pillar's headline question, its questions in order with
the short names the reports use in prose, and how many questions a source says
it has; for 2021/22 on, the areas of policing.  The importer uses it to place a
question, to know how many a report has (only where a source states it), and
to read a prose grade that names a question in short ("Kent Police is
outstanding at planning for the future.").  The manual lists it with its
sources (docs/frameworks.md), a page written from the data by
:func:`frameworks_markdown`.  ``python -m peeldocs.importer.frameworks >
docs/frameworks.md`` rewrites it; a test checks the page and ``frameworks.yaml`` agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

FILE = Path(__file__).resolve().parent / "frameworks.yaml"


@dataclass(frozen=True)
class FrameworkQuestion:
    """One question of a pillar: its number, its title and the short names used in prose."""

    number: int
    title: str
    short: tuple[str, ...] = ()
    graded: bool = True
    also: tuple[str, ...] = ()
    """Other wordings of the title the reports use (the Welsh pages' title, for one)."""

    @property
    def titles(self) -> tuple[str, ...]:
        """The title and its other wordings."""
        return (self.title, *self.also)


@dataclass(frozen=True)
class PillarFramework:
    """A pillar in one cycle: headlines, the questions whose titles a source gives, the count."""

    cycle: str
    pillar: str
    headlines: tuple[str, ...]
    questions: tuple[FrameworkQuestion, ...]
    count: int | None
    """How many questions a source says the pillar has; None when no source seen states it."""
    source: str
    graded: bool = True
    ungraded: str = ""
    """Why the pillar has no overall judgment, in the source's words (when ``graded`` is False)."""
    titles_confirmed: bool = True
    """False when the titles are as the reports name the questions, not from a source's list."""


@dataclass(frozen=True)
class AssessmentFramework:
    """The areas of policing of a force assessment cycle, with the source."""

    cycle: str
    areas: tuple[str, ...]
    confirmed: bool
    source: str
    also: tuple[str, ...] = ()
    """Other wordings of the areas' names the reports use (the Welsh pages' names, for one)."""


def normalise(text: str) -> str:
    """Return text as compared with the framework: lower case, plain quotes, single spaces."""
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").lower()
    return " ".join(re.sub(r"[?.:;,]+$", "", text.strip()).split())


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    return data


@cache
def pillar_framework(cycle: str, pillar: str) -> PillarFramework | None:
    """Return the framework of ``pillar`` in ``cycle``, or None when the data has none."""
    entry = _data()["cycles"].get(cycle)
    if entry is None or pillar not in entry["pillars"]:
        return None
    p = entry["pillars"][pillar]
    questions = tuple(FrameworkQuestion(n, q["title"], tuple(q.get("short") or ()),
                                        bool(q.get("graded", True)), tuple(q.get("also") or ()))
                      for n, q in enumerate(p["questions"], start=1))
    count = p.get("count") or (len(questions) if p.get("confirmed") else None)
    return PillarFramework(cycle, pillar, tuple(p["headlines"]), questions, count,
                           " ".join(str(entry["source"]).split()), bool(p.get("graded", True)),
                           " ".join(str(p.get("ungraded", "")).split()),
                           bool(p.get("titles_confirmed", True)))


def pillar_frameworks(cycle: str | None = None) -> list[PillarFramework]:
    """Return every pillar framework (of ``cycle`` only, when given), in the data's order."""
    out = []
    for c, entry in _data()["cycles"].items():
        if cycle is None or c == cycle:
            out += [f for p in entry["pillars"] if (f := pillar_framework(c, p)) is not None]
    return out


@cache
def assessment_framework(cycle: str) -> AssessmentFramework | None:
    """Return the areas of policing of a force assessment cycle, or None when not in the data."""
    entry = _data()["assessments"].get(cycle)
    if entry is None:
        return None
    return AssessmentFramework(cycle, tuple(a["name"] for a in entry["areas"]),
                               bool(entry.get("confirmed")), " ".join(str(entry["source"]).split()),
                               tuple(w for a in entry["areas"] for w in a.get("also") or ()))


def headline_pillar(line: str, cycle: str | None = None) -> str | None:
    """Return the pillar whose headline ``line`` is (in ``cycle``, or any cycle), or None."""
    wanted = normalise(line)
    for f in pillar_frameworks(cycle):
        if any(normalise(h) == wanted for h in f.headlines):
            return f.pillar
    return None


def question_titled(line: str, framework: PillarFramework | None) -> FrameworkQuestion | None:
    """Return the framework question whose title ``line`` is, or None."""
    if framework is None:
        return None
    wanted = normalise(line)
    return next((q for q in framework.questions
                 if any(normalise(t) == wanted for t in q.titles)), None)


def question_cut(line: str, framework: PillarFramework | None) -> FrameworkQuestion | None:
    """Return the question whose title begins with ``line`` (a title cut short), or None.

    The line must be at least four words and lead to exactly one question.
    """
    if framework is None or len(line.split()) < 4 or line.rstrip().endswith("?"):
        return None
    start = normalise(line)
    found = [q for q in framework.questions
             if any(normalise(t).startswith(start) and normalise(t) != start for t in q.titles)]
    return found[0] if len(found) == 1 else None


def question_named(about: str, framework: PillarFramework | None) -> FrameworkQuestion | None:
    """Return the question whose short name ``about`` starts with ("planning for the future")."""
    if framework is None:
        return None
    text = normalise(about)
    found = {q.number: q for q in framework.questions for s in q.short
             if re.match(rf"{re.escape(normalise(s))}\b(?!,? and\b)", text)}
    return next(iter(found.values())) if len(found) == 1 else None


def cycles() -> tuple[list[str], list[str]]:
    """Return (cycles with pillars, cycles of force assessments), in the data's order."""
    return list(_data()["cycles"]), list(_data()["assessments"])


def sources() -> dict[str, str]:
    """Return {cycle: source} for every cycle in the data."""
    out = {c: " ".join(str(e["source"]).split()) for c, e in _data()["cycles"].items()}
    out.update({c: " ".join(str(e["source"]).split()) for c, e in _data()["assessments"].items()})
    return out


def frameworks_markdown() -> str:
    """Return the manual's page listing every cycle's questions and areas with their sources."""
    out = [
        "# The PEEL frameworks",
        "",
        "What each PEEL cycle asks, as peeldocs holds it "
        "(`peeldocs/importer/frameworks.yaml`). `peeldocs import` uses it to place a "
        "question by its title and number it as the framework does, to know how many "
        "questions a pillar has where a source states it (so a copy holding fewer is "
        "said to be partial), and to read a grade a page gives as a sentence naming a "
        "question in short (\"Kent Police is outstanding at planning for the future.\"). "
        "Where a source seen does not confirm a list or a count, the data says so and "
        "the import states no count from it. This page is written from the data "
        "(`python -m peeldocs.importer.frameworks`); a test keeps the two the same.",
        "",
    ]
    pillar_cycles, assessment_cycles = cycles()
    for cycle in pillar_cycles:
        out += [f"## PEEL {cycle}", "", f"Source: {sources()[cycle]}", ""]
        for fw in pillar_frameworks(cycle):
            count = (f"{fw.count} questions" if fw.count is not None else
                     "number of questions not confirmed by a source seen")
            listed = "" if fw.count is not None and fw.count == len(fw.questions) else \
                f"; titles known for {len(fw.questions)}"
            listed += "" if fw.titles_confirmed else "; titles not confirmed by a source seen"
            out += [f"### {fw.pillar.capitalize()} ({count}{listed})", "",
                    f"Headline: {' / '.join(fw.headlines)}", ""]
            if not fw.graded:
                out += [f"No overall judgment: {fw.ungraded}", ""]
            for q in fw.questions:
                short = f" In prose: {'; '.join(q.short)}." if q.short else ""
                ungraded = " Ungraded." if not q.graded else ""
                out.append(f"{q.number}. {q.title}{ungraded}{short}")
            out.append("")
    out += ["## Force assessments (2021/22 on)", "",
            "Each report states how many areas of policing it assessed (\"how good Kent "
            "Police is in ten areas of policing\"); the import takes the count from there.", ""]
    for cycle in assessment_cycles:
        af = assessment_framework(cycle)
        if af is None:
            continue
        state = "confirmed by the source" if af.confirmed else "not confirmed as complete"
        out += [f"### PEEL {cycle} ({len(af.areas)} areas listed, {state})", "",
                f"Source: {af.source}", ""]
        out += [f"- {area}" for area in af.areas] + [""]
    out += ["Contains public sector information licensed under the Open Government Licence "
            "v3.0.", ""]
    return "\n".join(out)


if __name__ == "__main__":
    print(frameworks_markdown(), end="")
