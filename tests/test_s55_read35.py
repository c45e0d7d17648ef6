"""Read 35: the s.55 response, as its editor read it in every format.

Each test reads what a reader gets (PDF text, DOCX text, HTML text) for the review cases:
Norfolk with its illustrative plan (15 October 2019, after the 56 days), Norfolk without
one (10 June 2019, within them) and the constructed Exampleshire (1 April 2025, after them
and after every deadline its recommendations set).
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date

import docx
import pypdf
import pytest
from docread import document_text, rendered, review_options

import peeldocs
from peeldocs.build.documents import untranslated_wording
from peeldocs.model import Status
from peeldocs.plans.plan import ActionItem, ItemStatus, Update
from peeldocs.sections.s55_plan import progress

FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer"
TIMING = ("These comments are published on {to be completed: the date they are published, and "
          "the reason for their timing}.")
DUTY = ("to publish comments on it, with those of the chief constable and any response to them, "
        "before the end of the period of 56 days beginning with the day on which the report is "
        "published.")


def _s55(case: str, fmt: str, **dated: date) -> tuple[str, str]:
    text = " ".join(document_text(*review_options(case, "s55", **dated), fmt).split())
    text = re.sub(r" (?=[,.:;?)’])", "", text)  # HTML text joins inline runs with a space
    letter, notes = text.split(NOTES, 1)
    return letter, notes


def _entry(letter: str, ref: str) -> str:
    return letter.split(f"Reference {ref}")[1].split("Reference ")[0]


# --- 1. a late letter recites the duty whole and says when it is published ---------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_late_letter_recites_the_56_days_and_says_when_it_is_published(fmt: str) -> None:
    on_time, _notes = _s55("norfolk", fmt)
    assert DUTY in on_time and "These comments are published" not in on_time
    for case, ended in (("norfolk-plan", "26 June 2019"), ("example", "6 November 2024")):
        letter, notes = _s55(case, fmt)
        # the statute as the on-time letter recites it, then the required sentence: its date
        # and reason are the signer's to give, so nothing of ours admits lateness
        assert f"{DUTY} Where the report makes a recommendation" in letter, case
        assert letter.count(TIMING) == 1 and "any action. " + TIMING in letter, case
        assert "if wished" not in letter and "delete this paragraph" not in letter, case
        assert ended not in letter and not re.search(r"\blate\b|56-day", letter), case
        assert ("After its paragraph on section 55, the letter says when these comments are "
                "published, with a place for the date and the reason for their timing") in notes
        assert "Under “My comments”: if wished" not in notes, case


# --- 2. an update given under a missed target never explains the new date ---------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_an_update_given_before_a_missed_target_says_it_was_under_the_earlier_one(
        fmt: str) -> None:
    letter, notes = _s55("norfolk-plan", fmt)
    entry = _entry(letter, "E-2017-AFI-1")
    assert ("Progress On 2 September 2019, when the target date was 30 September 2019, the force reported: "
            "“Example update. First dip sample complete; target moved to allow a second.”"
            ) in entry
    assert "Revised target date {to be completed: the new target date}" in entry
    # read 36: the target an update was given under is named where the update is, once
    assert "31 July 2019" not in letter and letter.replace(
        "when the target date was 30 September 2019", "").count("30 September 2019") == 0
    # a target still ahead: its update is simply dated
    assert "Progress On 20 August 2019 the force reported:" in _entry(letter, "E2-AFI-1")
    assert ("E-2017-AFI-1: its update must not read as the reason for the new target date; give "
            "a newer update, if there is one, with that reason") in notes


def test_only_an_update_before_the_missed_target_is_said_to_be_under_it() -> None:
    def item(said: date) -> ActionItem:
        return ActionItem("X", ItemStatus.IN_PROGRESS, ("act",), current_target=date(2019, 9, 30),
                          updates=(Update(said, "Synthetic update for a test."),))
    before = progress(item(date(2019, 9, 2)), date(2019, 10, 15))
    after = progress(item(date(2019, 10, 2)), date(2019, 10, 15))
    ahead = progress(item(date(2019, 9, 2)), date(2019, 9, 15))
    assert before and before[1].startswith("On 2 September 2019, when the target date was 30 September 2019,")
    assert after and after[1].startswith("On 2 October 2019 the force reported")
    assert ahead and ahead[1].startswith("On 2 September 2019 the force reported")


# --- 3. the report's judgment, from the data ------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_letter_states_the_reports_judgment_after_its_opening(fmt: str) -> None:
    for case in ("norfolk", "norfolk-plan"):
        letter, _notes = _s55(case, fmt)
        # read 36: and the grade of the question most findings answered are on, run on in the
        # opening's paragraph (a paragraph of its own cost the letter a page)
        assert ("on which the report finds the force has not made enough progress. The "
                "inspectorate judged Norfolk Constabulary to be good for effectiveness. Of the five "
                "findings this letter answers, four are on a question graded requires improvement "
                "(question 2, Investigating crime and reducing re-offending). Section 55"
                ) in letter, case
    letter, _notes = _s55("example", fmt)
    assert ("Your report grades Exampleshire Constabulary inadequate in ‘Investigating "
            "crime’, the lowest grade on the scale. It gives no overall grade. Of the 13 findings "
            "this letter answers, ten are in areas graded inadequate (‘Investigating crime’) or "
            "requires improvement (‘Responding to the public’ and ‘Leadership and force "
            "management’). Section 55") in letter
    # its causes of concern are counted in the opening just before
    assert "each of the report’s two causes of concern" in letter


def test_a_judgment_the_data_lacks_is_not_written_about() -> None:
    report, options = review_options("norfolk", "s55")
    for judgment in (None, dataclasses.replace(report.judgment, status=Status.UNKNOWN,
                                               grade=None)):
        letter = document_text(dataclasses.replace(report, judgment=judgment),
                               dataclasses.replace(options, allow_unknown=True), "pdf")
        letter = " ".join(letter.split()).split(NOTES)[0]
        assert "judged" not in letter and "overall judgment" not in letter, judgment
        assert "Section 55 of the Police Act 1996 requires" in letter


# --- 4. an earlier cause of concern answered with the current one on its subject ----------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_earlier_cause_of_concern_points_to_where_it_is_answered(fmt: str) -> None:
    letter, notes = _s55("example", fmt)
    entry = _entry(letter, "A-2021-COC-1")
    assert ("This cause of concern is on the same subject as cause of concern 1 above; the action "
            "on both is given under recommendation 1 above.") in entry
    assert "Action" not in entry and "Owner" not in entry and "See also" not in entry
    # one table for the subject, under recommendation 1, counted once in the notes
    assert "(10 of the 10 response tables)" in notes and "of the 11" not in notes
    assert "cross-refers" not in notes


# --- 5. headings read evenly --------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_headings_name_the_question_by_number_and_its_title_once(fmt: str) -> None:
    letter, _notes = _s55("norfolk", fmt)
    findings = letter[letter.index("Response to each finding"):]
    title = "How effective is the force at investigating crime and reducing re-offending?"
    for n in (1, 2, 3):
        assert f"Area for improvement {n} (Investigating crime and reducing re-offending) Reference E2-AFI-{n}" in findings
    assert "(question 2:" not in findings and "(question 5:" not in findings
    assert findings.count(title) == 1
    assert f"Reference E2-AFI-1; question 2: ‘{title}’ " in findings  # read 36: no “?’.”
    assert "Area for improvement from 2017 (Investigating crime and reducing re-offending) Reference E-2017-AFI-1." in findings


# --- 6. the title names the response as the body's --------------------------------------------

def test_the_title_names_the_response_as_the_local_policing_bodys() -> None:
    report, options = review_options("norfolk-plan", "s55")
    title = ("Norfolk Constabulary, PEEL 2018/19 effectiveness: response of the Police and Crime "
             "Commissioner for Norfolk under section 55 of the Police Act 1996")
    assert pypdf.PdfReader(io.BytesIO(rendered(report, options, "pdf"))).metadata.title == title
    assert docx.Document(io.BytesIO(rendered(report, options, "docx"))).core_properties.title \
        == title
    assert f"<title>{title}</title>" in rendered(report, options, "html").decode("utf-8")
    report, options = review_options("example", "s55")
    assert peeldocs.build_pack(report, options).metadata.title.startswith(
        "Exampleshire Constabulary, PEEL 2023–25 force assessment: response of the local policing "
        "body under section 55")


# --- 7. a recommendation's deadline line is a sentence that says when it has passed ------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_deadline_line_ends_with_a_full_stop_and_says_when_it_has_passed(fmt: str) -> None:
    letter, notes = _s55("example", fmt)
    assert ("The report’s deadline: “within six months” (that is, by 12 March 2025, six months "
            "from publication); it has passed. Action") in _entry(letter, "A4-REC-1")
    assert "The report’s deadline: by 31 March 2025; it has passed. Action" in letter
    assert "The letter gives each deadline and says it has passed" in notes
    # before any deadline falls: a sentence, nothing said of passing
    early, _notes = _s55("example", fmt, as_of=date(2024, 9, 15))
    assert ("The report’s deadline: “within six months” (that is, by 12 March 2025, six months "
            "from publication). Action") in early
    assert "The report’s deadline: by 31 March 2025. Action" in early
    assert "it has passed" not in early.replace(
        "immediately (report published 12 September 2024); it has passed.", "")


# --- Welsh ------------------------------------------------------------------------------------

def test_the_new_wording_has_welsh() -> None:
    for case in ("norfolk-plan", "norfolk", "example"):
        report, options = review_options(case, "s55")
        missing = " | ".join(untranslated_wording(report, dataclasses.replace(options,
                                                                             language="cy")))
        for new in ("These comments are published", "it has passed", "under the earlier",
                    "same subject", "question 2:", "question 5:", "judged", "grades",
                    "After its paragraph", "must not read"):
            assert new not in missing, (case, new, missing)
