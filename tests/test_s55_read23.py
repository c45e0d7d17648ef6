"""Read 23-S of the s.55 response: what an independent editor still found, and its fixes.

Each is asserted on what a reader gets, in PDF, DOCX and HTML text:

1. (fault 1) With an action plan, the letter says what the plan records as the force's:
   the actions as its action plan records them, by the state it records (read 24-S),
   quoted in its words, and the latest
   update as what the force reported on its date, never a tracker's "Latest update in
   the action plan" label, nor an instruction in the letter's voice ("(Example) Appoint a
   lead") beside an update saying it is done.  Illustrative labels stay; the notes still
   ask the preparer to check each is current.
2. (fault 2) A missed plan target: the letter gives where the work stands and a place
   for the new date, with an optional place for the reason after it (read 24-S); the
   target's history is in the preparer's notes, and no "Reason" row is asked for.
3. (fault 3) The opening says once which findings the letter answers, counted by kind,
   with "on which the report finds the force has not made enough progress" governing
   the earlier findings only; the lead-in of "Response to each finding" does not repeat it.
4. (fault 7) The notes' place in the header is worded for every format; a constructed
   report's document title says it is illustrative, as its body and header do.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date
from pathlib import Path

import docx
import pypdf
import pytest
from docread import rendered, synthetic_assessment, with_concerns
from docread import s55_cases as _cases
from docread import s55_text as _text
from synthetic import synthetic_report

import peeldocs
from peeldocs.build.documents import untranslated_wording
from peeldocs.model import Outcome, Report
from peeldocs.options import Options
from peeldocs.plans.files import load_plan

FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer (remove this part)"
EARLIER = "on which the report finds the force has not made enough progress"


def _parts(report: Report, options: Options, fmt: str) -> tuple[str, str]:
    letter, notes = _text(report, options, fmt).replace("• ", "").split(NOTES)
    return letter, notes


def _entry(letter: str, ref: str) -> str:
    """One finding's part of the letter, from its reference line to the next one's."""
    return letter.split(f"Reference {ref}")[1].split("Reference ")[0]


# --- 1. the plan's actions and updates, attributed to the force ------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_plan_is_said_to_be_the_forces_never_the_letters_claim(
        fmt: str, norfolk: Report, example: Report) -> None:
    letter, notes = _parts(*_cases(norfolk, example)["norfolk-with-plan"], fmt)
    first = _entry(letter, "E2-AFI-1")
    assert ("Actions (Example) appoint a professional lead for investigations; (Example) review "
            "investigative training provision. Status In progress Progress On 20 August 2019 the "
            "force reported: “Example update. Lead appointed; training review under way.” "
            "My assessment {to be completed: the commissioner’s view of this progress, or delete this row} Owner Example ACC (illustrative); lead: "
            "Example Head of Crime (illustrative) Target date 31 December 2019") in first
    assert ("Action (Example) record supervision reviews on the crime system. Status Completed "
            "on 4 October 2019 Progress The force reported on completion: "
            "“Example update. Evidence accepted at the example board.”"
            ) in _entry(letter, "E2-AFI-3")
    # no tracker label, no instruction in the letter's own voice
    for said in ("Latest update", "in the action plan (", "(Example) Appoint", "(Example) Review",
                 "(Example) Record", "(Example) Add"):
        assert said not in letter, said
    # what the plan records is all there is: each action and update verbatim, nothing else
    plan = _cases(norfolk, example)["norfolk-with-plan"][1].plan
    assert plan is not None
    for item in plan.items:
        for action in item.actions:
            assert action in letter, action  # read 26-S: listed, with no frame of quotation
    assert letter.count(" the force reported: ") == 2  # dated: the third is the completion's
    assert letter.count("The force reported on completion: ") == 1
    assert "Dip sample designed" not in letter  # an earlier update: only the latest is given
    # the illustrative plan is still labelled as such, once at the head
    assert "The actions, owners and dates in this response come from an action plan invented" \
        in letter
    # the preparer is still asked to check each is current
    assert ("For these findings the letter gives the actions, their status and latest updates that "
            "the force’s "
            "action plan records, attributed to the force and in the plan’s own words: check "
            "that each is still current and fit to publish, and replace the text with a newer "
            "update, or the letter’s own words, where needed: E2-AFI-1 E2-AFI-3 E-2017-AFI-1"
            ) in notes


def test_the_table_rows_are_action_progress_owner_date_in_the_docx(
        norfolk: Report, example: Report) -> None:
    document = docx.Document(io.BytesIO(rendered(
        *_cases(norfolk, example)["norfolk-with-plan"], "docx")))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    labels = [[r[0] for r in t] for t in tables if t and t[0][0] == "Action"]
    labels += [[r[0] for r in t] for t in tables if t and t[0][0] == "Actions"]
    assert labels == [["Action", "Owner", "Target date"],  # E5-REC-1: not in the plan
                      ["Action", "Owner", "Target date"],  # E2-AFI-2: nothing allocated
                      # read 26-S: the state in a row of its own, a completion dated there once
                      # read 33: under the force's words, the signer's own assessment
                      ["Action", "Status", "Progress", "My assessment", "Owner"],
                      # read 25-S: a missed target's new date and its reason, rows of their own
                      ["Action", "Status", "Progress", "My assessment", "Owner",
                       "Revised target date", "Reason for the new date"],
                      ["Actions", "Status", "Progress", "My assessment", "Owner", "Target date"]]


# --- 2. a missed plan target ------------------------------------------------------------------

MISSED_PLAN = """\
report: {report}
title: Illustrative action plan (invented for a test)
illustrative: true
items:
  - finding: E2-AFI-1
    status: in progress
    actions:
      - (Example) appoint a professional lead for investigations
    owner: Example ACC (illustrative)
    original_target: 2019-07-31
    current_target: 2019-08-31
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missed_target_gives_the_position_and_a_place_for_the_new_date_only(
        fmt: str, norfolk: Report, example: Report) -> None:
    letter, notes = _parts(*_cases(norfolk, example)["norfolk-with-plan"], fmt)
    entry = _entry(letter, "E-2017-AFI-1")
    assert ("Progress On 2 September 2019, when the target date was 30 September 2019, the force reported: “Example update. First dip sample "
            "complete; target moved to allow a second.” "
            "My assessment {to be completed: the commissioner’s view of this progress, or delete this row} Owner Example ACC (illustrative); lead: "
            "Example Det Supt (illustrative) Revised target date {to be completed: the new target "
            "date} Reason for the new date {to be completed: the reason for the new date, or "
            "delete this row} Yours sincerely") in entry
    # the reason is the signer's to give, in its own row: never the plan's history
    # read 36: the target the update was given under is named in its row, and only there
    bare = letter.replace("when the target date was 30 September 2019", "")
    for said in ("Original target", "revised to", "31 July 2019", "30 September 2019",
                 "why the target", "slipped"):
        assert said not in bare, said
    folded = " ".join(notes.split())
    assert ("The action plan’s target date for this finding had passed by 15 October 2019, with "
            "the work not recorded as complete. The letter gives where the work stands and a "
            "place for the new target date, but not the target’s history, given here. Give the "
            "reason for the new date where the letter marks a place for it, or delete that "
            "row: E-2017-AFI-1: target date "
            "30 September 2019 (revised from 31 July 2019)") in folded
    assert ("The new target date for E-2017-AFI-1 is agreed and given in the response. "
            "{to be completed: yes or no}") in folded
    assert "Response to each finding: the new target date (1 of the 5 findings)" in folded
    assert "Response to each finding: the reason for the new date, or delete this row (1 of the 5 findings)" in folded
    assert "why the target was missed" not in folded  # no longer a place the signer must fill


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missed_target_with_no_update_asks_for_the_current_position(
        fmt: str, norfolk: Report, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(MISSED_PLAN.format(report=Path("data/norfolk-2018-effectiveness.yaml")
                                       .resolve()), encoding="utf-8")
    on = date(2019, 10, 15)
    plan = load_plan(path, norfolk, as_of=on, published=date(2019, 5, 2))
    options = Options(document="s55", plan=plan, as_of=on, published=date(2019, 5, 2))
    letter, notes = _parts(norfolk, options, fmt)
    assert ("Action (Example) appoint a professional lead for investigations. Status In "
            "progress Progress {to be completed: the "
            "current position} Owner Example ACC (illustrative) Revised target date {to be "
            "completed: the new target date} Reason for the new date {to be completed: the "
            "reason for the new date, or delete this row}"
            ) in _entry(letter, "E2-AFI-1")
    assert letter.count("the current position") == 1  # only where a target was missed
    folded = " ".join(notes.split())
    assert "Response to each finding: the current position (1 of the 5 findings)" in folded
    assert "E2-AFI-1: target date 31 August 2019 (revised from 31 July 2019)" in folded


# --- 3. which findings the letter answers, said once -------------------------------------------

def _opening(text: str) -> str:
    start = text.index("It includes the chief constable’s comments")
    # up to the report's judgment that follows it (read 35), or else the statute
    end = re.compile(r"The inspectorate |The constructed report |Your report |This overview |The overall "
                     r"judgment |Section 55 of the Police Act 1996 requires").search(text, start)
    assert end is not None
    return text[start:end.start()].strip()


def _earlier_variants(norfolk: Report) -> dict[str, Report]:
    """Norfolk with its earlier findings all found not to have made enough progress, and so on."""
    stuck = tuple(dataclasses.replace(p, outcome=Outcome.NOT_ENOUGH_PROGRESS)
                  for p in norfolk.prior_findings)
    undated = tuple(dataclasses.replace(p, cycle="unknown") if p.id == "E-2017-AFI-1" else p
                    for p in norfolk.prior_findings)
    only = tuple(q for q in norfolk.questions if q.number not in (2, 5))  # nothing to answer
    return {"all-stuck": dataclasses.replace(norfolk, prior_findings=stuck),
            "undated": dataclasses.replace(norfolk, prior_findings=undated),
            "earlier-only": dataclasses.replace(norfolk, questions=tuple(
                dataclasses.replace(q, areas_for_improvement=(), causes_of_concern=())
                for q in norfolk.questions)),
            "nothing": dataclasses.replace(norfolk, prior_findings=(), questions=tuple(
                dataclasses.replace(q, areas_for_improvement=(), causes_of_concern=())
                for q in only))}


# the chief constable's comments and "my response" to them: the statutory formula ("the action I
# have taken or propose to take … or why …") is said once, in the next paragraph (read 30-S)
INCLUDES = "It includes the chief constable’s comments and my response to "
OPENINGS = {  # read 24-S: "or why no action is proposed"; where the earlier ones are answered
    "norfolk": f"{INCLUDES}the report’s recommendation and its three areas for improvement. "
               f"I also respond to the 2017 area for improvement, {EARLIER}.",
    "example": f"{INCLUDES}each of the report’s two causes of concern, its four recommendations and "
               f"its six areas for improvement. I also respond to the 2021/22 cause of "
               f"concern, {EARLIER}.",
    "pillar": f"{INCLUDES}each of the report’s two causes of concern, its two recommendations and "
              f"its three areas for improvement.",
    "assessment": f"{INCLUDES}each of the report’s two causes of concern, its four recommendations "
                  f"and its ten areas for improvement.",
    # the 2017 ones are answered on question 2, the 2016 ones after the report's own: no "where"
    "all-stuck": f"{INCLUDES}the report’s recommendation and its three areas for improvement. "
                 f"I also respond to the two 2017 areas for improvement and the two 2016 "
                 f"areas for improvement, {EARLIER}.",
    "undated": f"{INCLUDES}the report’s recommendation and its three areas for improvement. "
               f"I also respond to the earlier area for improvement, {EARLIER}.",
    "earlier-only": f"{INCLUDES}the report’s recommendation. I also respond to the 2017 "
                    f"area for improvement, {EARLIER}.",
}


def _opening_cases(norfolk: Report, example: Report) -> dict[str, tuple[Report, Options]]:
    cases = _cases(norfolk, example)
    dated = Options(document="s55", published=date(2019, 5, 2), as_of=date(2019, 6, 10))
    pillar = with_concerns(synthetic_report("Test Constabulary", "Test", 7, questions=5), 4)
    return {"norfolk": cases["norfolk-no-plan"], "example": cases["exampleshire"],
            "pillar": (pillar, Options(document="s55")),
            "assessment": (synthetic_assessment(1), Options(document="s55")),
            **{name: (report, dated) for name, report in _earlier_variants(norfolk).items()}}


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_opening_names_the_findings_by_count_and_kind_the_earlier_apart(
        fmt: str, norfolk: Report, example: Report) -> None:
    cases = _opening_cases(norfolk, example)
    for name, wanted in OPENINGS.items():
        text = _text(*cases[name], fmt)
        text = re.sub(r" \S+ · Response to HMICFRS .*? Page \d+ of \d+", "", text)  # a page turn
        assert _opening(text) == wanted, name
        # said once: the lead-in of the findings' part does not list them again
        assert text.count(EARLIER) == (1 if EARLIER in wanted else 0), name
        lead_in = text[text.index("Response to each finding Each finding is quoted"):]
        assert lead_in.startswith("Response to each finding Each finding is quoted verbatim "
                                  "from the report, followed by the response"), name
        assert "This part answers" not in text and "from an earlier inspection on which" \
            not in text, name
    # a report with nothing to answer claims nothing
    nothing = _text(*cases["nothing"], fmt)
    assert _opening(nothing) == "It includes the chief constable’s comments."


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_recommendation_in_the_findings_text_is_said_where_it_is_quoted(
        fmt: str, norfolk: Report, example: Report) -> None:
    text = _text(*_cases(norfolk, example)["norfolk-no-plan"], fmt)
    assert "made in the text of its findings" not in text
    assert ("Recommendation (Specialist capabilities) Reference E5-REC-1; question 5: ‘How effective are the "
            "force’s specialist capabilities?’; set out in the report’s findings on that question."
            ) in text


def test_the_opening_and_the_new_wording_have_welsh(norfolk: Report, example: Report) -> None:
    cases = _opening_cases(norfolk, example)
    cases.update(_cases(norfolk, example))
    for name, (report, options) in cases.items():
        welsh = dataclasses.replace(options, language="cy")
        missing = " | ".join(untranslated_wording(report, welsh))
        for new in ("in response to", "on which the report", "The force reported", "records th",
                    "Progress", "current position", "the reason for", "where the work",
                    "new target date", "In the header", "For these findings", "For this finding",
                    "no action is proposed", "also respond to", "Section 55", "“"):
            assert new not in missing, (name, new, missing)
    welsh = dataclasses.replace(cases["all-stuck"][1], language="cy")
    text = " ".join(_text(cases["all-stuck"][0], welsh, "pdf").split())
    assert ("a’m hymateb i argymhelliad yr adroddiad a 3 meysydd i’w gwella yr adroddiad. "
            "Rwyf hefyd yn ymateb i’r 2 meysydd i’w gwella o 2017 a 2 "
            "meysydd i’w gwella o 2016, y mae’r adroddiad yn canfod") in text


# --- 4. the header's place, and an illustrative document's title ------------------------------

def _titles(report: Report, options: Options) -> dict[str, str]:
    pdf = pypdf.PdfReader(io.BytesIO(rendered(report, options, "pdf")))
    html = rendered(report, options, "html").decode("utf-8")
    found = re.search(r"<title>([^<]*)</title>", html)
    return {"pdf": str(pdf.metadata.title if pdf.metadata else ""),
            "docx": docx.Document(io.BytesIO(rendered(report, options, "docx")))
            .core_properties.title,
            "html": found.group(1) if found else ""}


@pytest.mark.parametrize("kind", ["s55", "pack", "brief", "committee"])
def test_a_constructed_reports_title_says_it_is_illustrative(
        kind: str, norfolk: Report, example: Report) -> None:
    for fmt, title in _titles(example, Options(document=kind, as_of=date(2025, 4, 1))).items():
        assert title.startswith("Exampleshire Constabulary, PEEL 2023–25 force assessment: "), fmt
        assert title.endswith(" (illustrative example: not an HMICFRS report)"), (fmt, title)
    for fmt, title in _titles(norfolk, Options(document=kind, published=date(2019, 5, 2),
                                               as_of=date(2019, 6, 10))).items():
        assert "illustrative" not in title, (fmt, title)
    if kind == "s55":
        # read 35: the response is the body's, not the force's
        assert peeldocs.build_pack(example, Options(document="s55")).metadata.title == (
            "Exampleshire Constabulary, PEEL 2023–25 force assessment: response of the local "
            "policing body under section 55 of the Police Act 1996 (illustrative example: not "
            "an HMICFRS report)")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_headers_place_is_worded_for_every_format(fmt: str, norfolk: Report,
                                                      example: Report) -> None:
    _letter, notes = _parts(*_cases(norfolk, example)["exampleshire"], fmt)
    assert "In the header: the local policing body" in notes
    assert "each page" not in notes and "header of" not in notes
