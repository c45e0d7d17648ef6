"""Synthetic PEEL reports for the 43 forces, for batch tests and benchmarks.

The force names are real (tests/fixtures/forces.csv); everything else is made
up for testing, deterministic, labelled "synthetic" in the report itself and marked
``illustrative``, so every document built from one says it is not an HMICFRS report.
"""

from __future__ import annotations

import csv
import dataclasses
import random
from datetime import date
from pathlib import Path

from peeldocs.model import (
    Finding,
    FindingSection,
    Force,
    Grade,
    Judgment,
    KeyFigure,
    Question,
    Report,
    Status,
    Unit,
)
from peeldocs.sources import dump_report

FORCES = Path(__file__).parent / "fixtures" / "forces.csv"
GRADES = (Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE)
WORDS = ("the force", "neighbourhood teams", "investigations", "supervision", "victims",
         "partners", "the control room", "safeguarding", "training", "evaluation")


def forces() -> list[tuple[str, str]]:
    with open(FORCES, encoding="utf-8") as fh:
        return [(row["name"], row["short_name"]) for row in csv.DictReader(fh)]


def sentence(rng: random.Random) -> str:
    words = rng.sample(WORDS, 4)
    return f"Synthetic test text: {words[0]} and {words[1]} work with {words[2]} on {words[3]}."


def synthetic_report(name: str, short: str, seed: int, questions: int = 5) -> Report:
    rng = random.Random(seed)
    qs = []
    for n in range(1, questions + 1):
        status = Status.UNGRADED if n == questions else Status.GRADED
        grade = rng.choice(GRADES) if status is Status.GRADED else None
        afis = tuple(Finding(f"E{n}-AFI-{k}", sentence(rng))
                     for k in range(1, rng.randint(0, 3) + 1))
        findings = tuple(FindingSection(f"Synthetic heading {n}.{h}",
                                        tuple(" ".join(sentence(rng) for _ in range(6))
                                              for _ in range(rng.randint(2, 4))))
                         for h in range(1, 3))
        qs.append(Question(n, f"Synthetic question {n} for {short}?", Judgment(status, grade),
                           areas_for_improvement=afis, findings=findings))
    figs = tuple(KeyFigure(f"F{i}", f"Synthetic rate {i}", round(rng.uniform(5, 30), 1),
                           Unit.PERCENT, "Synthetic source sentence.", period="2017/18",
                           comparator="England and Wales",
                           comparator_value=round(rng.uniform(5, 30), 1), question=1)
                 for i in range(1, 4))
    return Report(Force(name, short), "2018/19", f"{short} PEEL 2018 (synthetic test report)",
                  pillar="effectiveness",
                  headline_question="How effectively does the force reduce crime and keep people safe?",
                  judgment=Judgment(Status.GRADED, rng.choice(GRADES)), last_updated=date(2019, 5, 2),
                  summary=(sentence(rng), sentence(rng)), questions=tuple(qs), key_figures=figs,
                  illustrative=True, publisher="the peeldocs tests (synthetic, not HMICFRS)",
                  licence="Synthetic test text made up by the peeldocs tests: not an HMICFRS "
                          "report and not Crown copyright.")


def write_reports(folder: Path, count: int = 43) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, (name, short) in enumerate(forces()[:count]):
        path = folder / f"{short.lower().replace(' ', '-')}-2018-effectiveness.yaml"
        path.write_text(dump_report(synthetic_report(name, short, i)), encoding="utf-8")
        paths.append(path)
    return paths


def with_ten_findings(report: Report) -> Report:
    """The report with ten areas for improvement under every question (synthetic text)."""
    questions = tuple(dataclasses.replace(q, areas_for_improvement=tuple(
        Finding(f"Q{q.number}-AFI-{k}", f"Synthetic finding {k} of question {q.number}.")
        for k in range(1, 11))) for q in report.questions)
    return dataclasses.replace(report, questions=questions)


def long_paragraph(kilobytes: int, seed: int = 1, extra: tuple[str, ...] = ()) -> str:
    """A paragraph of synthetic sentences, ``kilobytes`` long; half of them end with a word of ``extra``."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < kilobytes * 1024:
        text = sentence(rng)
        if extra and rng.random() < 0.5:
            text = f"{text[:-1]} {rng.choice(extra)}."
        out.append(text)
        size += len(text) + 1
    return " ".join(out)


def with_long_finding(text: str) -> Report:
    """A one-question synthetic report whose findings are the one paragraph ``text``."""
    report = synthetic_report("Test Constabulary", "Test", 7, 1)
    question = dataclasses.replace(report.questions[0],
                                   findings=(FindingSection("A long finding", (text,)),))
    return dataclasses.replace(report, questions=(question,))


def grade_table(path: Path, cycle: str = "2018/19", pillar: str = "effectiveness",
                seed: int = 1) -> Path:
    """Write a one-column grade table for all 43 forces (grades made up, source 'constructed')."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["force", "cycle", "pillar", "question", "grade", "status", "source"])
        for name, _short in forces():
            writer.writerow([name, cycle, pillar, "", rng.choice(GRADES).value, "",
                             "constructed"])
    return path
