"""Force assessments (2021/22 and 2023-25), as copied text and as saved HTML.

The pages are constructed for these tests from the structure of published
assessments (tests/fixtures/real/ holds real beginnings); the findings are
made up and say so.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

import peeldocs
from peeldocs.cli import main
from peeldocs.importer import import_page
from peeldocs.model import Grade, Status

OPENING_2023 = """Overall summary
Our judgments
Our inspection assessed how good Cheshire Constabulary is in six areas of policing. We make graded judgments in five of these six as follows:
{graphic}We also inspected how effective a service Cheshire Constabulary gives to victims of crime. We don’t make a graded judgment for this area.
We set out our detailed findings about things the constabulary is doing well and where the constabulary should improve in the rest of this report.
PEEL 2023–2025
Forces are assessed against the characteristics of good performance, set out in the PEEL Assessment Framework 2023–2025.
HM Inspector’s summary
I am pleased with some aspects of the performance of the constabulary (constructed text).
"""
OPENING_2021 = """Overall summary
Our inspection assessed how good Cheshire Constabulary is in six areas of policing. We make graded judgments in five of these six as follows:
{graphic}We also inspected how effective a service Cheshire Constabulary gives to victims of crime. We don’t make a graded judgment in this overall area.
Important changes to PEEL
We now assess forces against the characteristics of good performance, set out in the PEEL Assessment Framework 2021/22.
HM Inspector’s observations
I am pleased with the performance of the constabulary (constructed text).
"""
AREAS = """Victim service assessment
This is constructed text about the service the constabulary gives to victims of crime, written for a test.
Recording data about crime
Good
The constabulary records crime accurately (constructed text). It has improved since our last inspection.
Investigating crime
Cheshire Constabulary is adequate at investigating crime.
Area for improvement 1
The constabulary should make sure that:
• investigations are allocated to officers with the right skills; and
• supervisors review investigations regularly.
Main findings
The constabulary investigates most crime well, but it needs to improve its supervision (constructed text).
Protecting vulnerable people
Requires improvement
Cause of concern
The constabulary doesn’t always protect vulnerable people well enough (constructed text).
Recommendations
Within six months, the constabulary should review its safeguarding policy.
By 31 March 2024, the constabulary should train all its staff in risk assessment.
Innovative practice
The constabulary runs a scheme that pairs officers with support workers (constructed text).
Managing offenders and suspects
The constabulary manages offenders and suspects through a joint team (constructed text), and it works well with partners.
Responding to the public
Area for improvement 1
Cheshire Constabulary should improve the way it flags vulnerable people on its incident logs
The constabulary’s command and control system can highlight vulnerable people, but call handlers don’t always use it (constructed text).
Promising practice
A joint triage car with mental health nurses
The constabulary runs a triage car with nurses at weekends (constructed text).
Meeting the strategic policing requirement
We don’t make a graded judgment for this area. The constabulary plans for national threats with its neighbours (constructed text).
Leadership and force management
Cheshire Constabulary is outstanding at leadership and force management.
The chief officer team is visible and sets clear priorities (constructed text).
"""
GRAPHIC = ("Outstanding\nLeadership and force management\nGood\nRecording data about crime\n"
           "Managing offenders and suspects\nAdequate\nInvestigating crime\n"
           "Requires improvement\nProtecting vulnerable people\n")


def as_html(text: str, alt_graphic: bool) -> str:
    """The page as saved HTML: paragraphs, bullet lists, and the graphic as a list or alt text."""
    parts: list[str] = []
    items: list[str] = []
    for line in text.splitlines():
        if line.startswith("• "):
            items.append(f"<li>{html.escape(line[2:])}</li>")
            continue
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if line == "@GRAPHIC@":
            if alt_graphic:
                parts.append("<div class='judgments'>" + "".join(
                    f"<img src='g{i}.svg' alt='{html.escape(a)}: {g}'>" for i, (a, g) in enumerate(
                        [("Leadership and force management", "outstanding"),
                         ("Recording data about crime", "good"),
                         ("Managing offenders and suspects", "good"),
                         ("Investigating crime", "adequate"),
                         ("Protecting vulnerable people", "requires improvement")])) + "</div>")
            else:
                lines = GRAPHIC.splitlines()
                parts.append("<div>" + "".join(f"<h3>{x}</h3>" if peeldocs.model.Grade.__members__
                                              .get(x.upper().replace(" ", "_")) else f"<p>{x}</p>"
                                              for x in lines) + "</div>")
        elif line:
            parts.append(f"<p>{html.escape(line)}</p>")
    return ("<!DOCTYPE html><html lang='en'><head><title>PEEL</title></head><body><main>"
            + "\n".join(parts) + "</main></body></html>")


def text_page(opening: str, graphic: str = "") -> str:
    return opening.format(graphic=graphic) + AREAS


@pytest.mark.parametrize("opening", [OPENING_2023, OPENING_2021], ids=["2023-25", "2021-22"])
def test_copied_text_without_the_graphic(opening: str) -> None:
    result = import_page(text_page(opening))
    r = result.report
    cycle = "2023-25" if "2023" in opening else "2021/22"
    assert (result.kind, r.force.name, r.cycle, r.pillar, r.judgment) == (
        "assessment", "Cheshire Constabulary", cycle, None, None)
    got = {q.title: (q.judgment.status, q.judgment.grade) for q in r.questions}
    assert got == {
        "Victim service assessment": (Status.UNGRADED, None),
        "Recording data about crime": (Status.GRADED, Grade.GOOD),
        "Investigating crime": (Status.GRADED, Grade.ADEQUATE),
        "Protecting vulnerable people": (Status.GRADED, Grade.REQUIRES_IMPROVEMENT),
        "Managing offenders and suspects": (Status.UNKNOWN, None),  # not stated: never guessed
        "Responding to the public": (Status.UNKNOWN, None),
        "Meeting the strategic policing requirement": (Status.UNGRADED, None),  # as the page says
        "Leadership and force management": (Status.GRADED, Grade.OUTSTANDING)}
    assert any("graphic is not in the text" in n for n in result.notes)
    investigating = next(q for q in r.questions if q.title == "Investigating crime")
    assert investigating.judgment.evidence == "Cheshire Constabulary is adequate at investigating crime."
    (afi,) = investigating.areas_for_improvement
    assert afi.text == "The constabulary should make sure that:"
    assert len(afi.points) == 2
    protecting = next(q for q in r.questions if q.title == "Protecting vulnerable people")
    (cause,) = protecting.causes_of_concern
    assert [rec.deadline for rec in cause.recommendations] == ["Within six months",
                                                               "By 31 March 2024"]
    assert len(protecting.notable_practice) == 1
    responding = next(q for q in r.questions if q.title == "Responding to the public")
    assert [f.text for f in responding.areas_for_improvement] == [
        "Cheshire Constabulary should improve the way it flags vulnerable people on its incident "
        "logs"]
    assert [f.text for f in responding.notable_practice] == [
        "A joint triage car with mental health nurses"]
    assert any("triage car with nurses at weekends" in str(p) for s in responding.findings
               for p in s.paragraphs) or any("triage car with nurses" in str(p)
                                             for p in responding.intro)
    peeldocs.parse_report(peeldocs.dump_report(r), "x.yaml")


@pytest.mark.parametrize("alt", [False, True], ids=["graphic-text", "graphic-alt-text"])
@pytest.mark.parametrize("opening", [OPENING_2023, OPENING_2021], ids=["2023-25", "2021-22"])
def test_saved_html_with_the_graphic(opening: str, alt: bool) -> None:
    page = as_html(text_page(opening, "@GRAPHIC@\n"), alt)
    r = import_page(page).report
    got = {q.title: q.judgment.grade for q in r.questions}
    assert got["Managing offenders and suspects"] is Grade.GOOD  # from the graphic
    assert got["Investigating crime"] is Grade.ADEQUATE
    assert got["Leadership and force management"] is Grade.OUTSTANDING
    managing = next(q for q in r.questions if q.title == "Managing offenders and suspects")
    assert managing.judgment.evidence and "Managing offenders and suspects" in \
        managing.judgment.evidence


def test_the_graphic_and_the_text_disagreeing_is_unknown() -> None:
    graphic = GRAPHIC.replace("Adequate\nInvestigating crime", "Good\nInvestigating crime")
    result = import_page(text_page(OPENING_2023, graphic))
    q = next(q for q in result.report.questions if q.title == "Investigating crime")
    assert q.judgment.status is Status.UNKNOWN
    assert any("graphic says Good but the area's own section says Adequate" in n
               for n in result.notes)
    # both evidences kept, and the documents say the text disagrees, not that it is silent
    assert q.judgment.evidence is not None and "Good" in q.judgment.evidence and \
        "is adequate at investigating crime" in q.judgment.evidence
    assert q.judgment.describe() == "Unknown (the imported text gives two different grades)"


def test_summary_json_of_an_assessment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "cheshire.txt"
    src.write_text(text_page(OPENING_2023), encoding="utf-8")
    assert main(["import", str(src), "--summary"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["kind"], data["pillar"], data["judgment"]) == ("assessment", None, None)
    areas = {q["title"]: q for q in data["questions"]}
    assert areas["Investigating crime"]["grade"] == "adequate"
    assert areas["Investigating crime"]["areas_for_improvement"] == [
        "The constabulary should make sure that:"]
    assert areas["Protecting vulnerable people"]["causes_of_concern"][0].startswith(
        "The constabulary doesn’t always")
    assert areas["Managing offenders and suspects"]["status"] == "unknown"
    assert [r["deadline"] for r in data["recommendations"]] == ["Within six months",
                                                                "By 31 March 2024"]


def test_the_cycle_from_the_address_and_the_force_from_the_text() -> None:
    text = ("Overall summary\nOur inspection assessed how good Devon and Cornwall Police is in "
            "nine areas of policing.\n")
    url = "https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/devon-and-cornwall-2023-2025/"
    r = import_page(text, url).report
    assert (r.force.name, r.cycle, r.questions) == ("Devon and Cornwall Police", "2023-25", ())


def test_a_graphic_with_grade_and_area_on_one_line_in_any_order() -> None:
    text = ("Overall summary\nOur inspection assessed how good Kent Police is in four areas of "
            "policing. We make graded judgments in three of these four as follows:\n"
            "• Good: investigating crime\n• Requires improvement – Protecting vulnerable people\n"
            "• Responding to the public: adequate\nWe also inspected how effective a service Kent "
            "Police gives to victims of crime. We don’t make a graded judgment for this area.\n"
            "PEEL 2023–2025\n")
    r = import_page(text).report
    assert [(q.title, q.judgment.describe()) for q in r.questions] == [
        ("Investigating crime", "Good"), ("Protecting vulnerable people", "Requires improvement"),
        ("Responding to the public", "Adequate"), ("Victim service assessment", "Ungraded")]
    assert r.questions[1].judgment.evidence == "Requires improvement – Protecting vulnerable people"


@pytest.mark.parametrize("graphic", [
    "Investigating crime\nAdequate\nProtecting vulnerable people\nGood\n",
    "Adequate\nInvestigating crime\nGood\nProtecting vulnerable people\n",
    "Investigating crime Adequate\nProtecting vulnerable people Good\n",
], ids=["area-then-grade", "grade-then-areas", "one-line"])
def test_the_graphic_in_either_order_pairs_each_area_with_its_own_grade(graphic: str) -> None:
    text = ("Overall summary\nOur inspection assessed how good Kent Police is in three areas of "
            "policing. We make graded judgments in two of these three as follows:\n" + graphic +
            "We also inspected how effective a service Kent Police gives to victims of crime. We "
            "don’t make a graded judgment for this area.\nPEEL 2023–2025\n")
    r = import_page(text).report
    got = {q.title: q.judgment.grade for q in r.questions}
    assert got["Investigating crime"] is Grade.ADEQUATE
    assert got["Protecting vulnerable people"] is Grade.GOOD


def test_an_area_heading_that_carries_its_grade() -> None:
    text = ("Overall summary\nOur inspection assessed how good Kent Police is in two areas of "
            "policing.\nPEEL 2023–2025\nHM Inspector’s summary\nI am pleased (constructed).\n"
            "Investigating crime: adequate\nThe force investigates crime well enough (constructed "
            "text) and it has improved.\nProtecting vulnerable people – Good\nKent Police is "
            "inadequate at protecting vulnerable people.\n")
    r = import_page(text).report
    first, second = r.questions
    assert (first.title, first.judgment.grade, first.judgment.evidence) == (
        "Investigating crime", Grade.ADEQUATE, "Investigating crime: adequate")
    assert second.title == "Protecting vulnerable people"
    assert second.judgment.status is Status.UNKNOWN  # heading and sentence disagree
