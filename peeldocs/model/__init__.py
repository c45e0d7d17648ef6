"""The PEEL report domain: plain, frozen dataclasses with no I/O and no rendering.

A :class:`Report` is one published HMICFRS PEEL report: one pillar page of one
force (2014 to 2018/19) or one whole-force assessment graded area by area (from
2021/22).  Every text field holds the inspectorate's words verbatim; fields the
source does not state are ``None`` or empty, and a judgment or pillar that was
not read is marked unknown, never guessed.

Every name is importable from here; the definitions live in
:mod:`peeldocs.model.report` (the report, its force and what it left unknown),
:mod:`peeldocs.model.findings` (questions and their findings),
:mod:`peeldocs.model.scales` (judgments and their status),
:mod:`peeldocs.model.findings` (stated figures) and :mod:`peeldocs.model.scales`
(grades, scales and cycles).
"""

from __future__ import annotations

from peeldocs.model.findings import (
    CauseOfConcern,
    Direction,
    Finding,
    FindingKind,
    FindingSection,
    KeyFigure,
    Outcome,
    Passage,
    Points,
    PriorFinding,
    Question,
    Unit,
    passage_text,
)
from peeldocs.model.forces import Force
from peeldocs.model.report import (
    OGL_ATTRIBUTION,
    Report,
    UnknownFact,
    cited_title,
    missing_areas,
    missing_questions,
    questions_unread,
    report_scope,
    unknown_facts,
)
from peeldocs.model.scales import (
    ASSESSMENT_FRAMEWORKS,
    KNOWN_CYCLES,
    PILLARS,
    SCALE_GRADES,
    UNKNOWN,
    Grade,
    Judgment,
    ReportKind,
    Scale,
    ScaledGrade,
    Status,
    cycle_start_year,
    cycle_words,
    kind_for_cycle,
    normalise_cycle,
    scale_for_cycle,
)
from peeldocs.model.scales import doc as doc  # where the model's dataclasses used to find it

__all__ = [
    "ASSESSMENT_FRAMEWORKS", "KNOWN_CYCLES", "OGL_ATTRIBUTION", "PILLARS", "SCALE_GRADES",
    "UNKNOWN", "CauseOfConcern",
    "Direction", "Finding", "FindingKind", "FindingSection", "Force", "Grade", "Judgment",
    "KeyFigure", "Outcome", "Passage", "Points", "PriorFinding", "Question", "Report",
    "ReportKind", "Scale", "ScaledGrade", "Status", "Unit", "UnknownFact", "cited_title", "cycle_start_year",
    "cycle_words",
    "kind_for_cycle", "missing_areas", "missing_questions", "normalise_cycle", "passage_text",
    "questions_unread",
    "report_scope", "scale_for_cycle", "unknown_facts",
]
