"""Read 34: the committee paper's, s.55 response's and pack's wording, as a reader gets it.

Each test reads the text of the three review cases (Norfolk with its illustrative plan on
15 October 2019, Norfolk without one on 10 June 2019, the constructed Exampleshire on
1 April 2025) in PDF, DOCX and HTML.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from docread import document_text, review_options

FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer"


def _text(case: str, kind: str, fmt: str, language: str = "en") -> str:
    report, options = review_options(case, kind)
    if language != "en":
        options = dataclasses.replace(options, language=language)
    return " ".join(document_text(report, options, fmt).split())


def _asks(text: str) -> str:
    asks = text[text.index("2. Recommendations to the committee"):text.index("3. Background")]
    # a paragraph may follow a page break: read it without the page furniture between
    return re.sub(r" Norfolk Constabulary · PEEL 2018/19 effectiveness Page \d+ of \d+"
                  r"(?: OFFICIAL)*", "", asks)


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_plan_7_1_never_says_the_force_has_none(fmt: str) -> None:
    for case in ("norfolk", "example"):
        text = _text(case, "committee", fmt)
        assert "Once the force has an action plan" not in text, case
        assert ("Progress on these findings is to be reviewed by {to be completed: "
                "the board or meeting that will oversee the force’s response}") in text, case


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_new_findings_on_the_same_question_are_a_sentence_of_their_own(fmt: str) -> None:
    asks = _asks(_text("norfolk-plan", "committee", fmt))
    # only the earlier finding is overdue: nothing stands between it and "is overdue"
    assert "is 15 days overdue after its target date was moved from 31 July 2019 (see paragraphs " \
        "6.2 and 6.3)" in asks
    assert "new findings under the same question:" not in asks
    # read 35-C: no list of codes without an ask; each request a paragraph of its own
    assert "The report’s new findings under the same question are" not in asks
    # E2-AFI-3 closed while the 2017 finding on the same question is overdue: its own ask
    assert re.search(r"will be completed\. 2\.\d The committee is asked to seek assurance from "
                     r"the chief constable on what evidence supports the closure of E2-AFI-3 "
                     r"while E-2017-AFI-1, under the same question, is still "
                     r"overdue\.",
                     asks)
    # without a plan nothing is closed: no such question, the new findings named in the ask
    plain = _asks(_text("norfolk", "committee", fmt))
    assert ("on the action the force will take on it, and on the report’s new findings under "
            "the same question (E2-AFI-1, E2-AFI-2 and E2-AFI-3).") in plain
    assert "evidence supports the closure" not in plain
    example = _asks(_text("example", "committee", fmt))
    assert "new findings in the same area (A4-COC-1, A4-REC-1 and A4-AFI-1)" in example


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_s55_ask_holds_whether_or_not_the_comments_were_published(fmt: str) -> None:
    for case, at in (("norfolk-plan", "7.2"), ("example", "7.2")):
        asks = _asks(_text(case, "committee", fmt))
        assert "note whether" not in asks and "establish" not in asks, case
        assert re.search(r"The committee is asked to note that the comments of .*? on the "
                         r"report were due by "
                         r"\d+ \w+ \d{4}, \d+ days before the date of this paper, and to note "
                         rf"the date they were published \(paragraph {re.escape(at)}\) or, if "
                         r"they have not yet been published, to ask when they will be\.",
                         asks), case


@pytest.mark.parametrize("fmt", FORMATS)
def test_5_4_quotes_the_reports_verdict_on_each_finding_addressed(fmt: str) -> None:
    text = _text("norfolk", "committee", fmt).replace("– ", "")
    part = text[text.index("5.5 "):text.index("5.6 ")]
    # read 36-C: every verdict after the list when one is on several (read 35-C)
    said = text[text.index("5.6 "):text.index("6. Findings")]
    assert ("5.6 Of E-2017-AFI-2, the report says: “We are reassured that the force has addressed "
            "this area and made satisfactory improvements.” Of E-2016-AFI-1 and E-2016-AFI-2, the "
            "report says: “We are satisfied that the force has suitably addressed these areas for "
            "improvement.”") in said
    assert "of both" not in text and "(E-2016-AFI-1). The report says" not in part


@pytest.mark.parametrize("fmt", FORMATS)
def test_7_1_says_an_item_with_no_owner_is_not_yet_allocated(fmt: str) -> None:
    text = _text("norfolk-plan", "committee", fmt)
    # read 35-C: said in 2.3's ask, which 7.1 points to ("except as noted at paragraphs 2.2
    # and 2.3"), so not again in 7.1
    # read 36-C: 7.1 no longer repeats each state; the table holds it
    assert "E2-AFI-2" in text
    assert "(E2-AFI-2, not yet allocated)" not in text
    assert "(E2-AFI-1, not yet allocated)" not in text  # it has an owner


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_cause_of_concern_names_its_recommendations_by_reference(fmt: str) -> None:
    text = _text("example", "committee", fmt)
    assert "See the recommendations below" not in text
    assert "See A4-REC-1 A4-COC-1" in text
    assert "See A5-REC-1, A5-REC-2 and A5-REC-3 A5-COC-1" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_brackets_note_has_its_noun(fmt: str) -> None:
    for case in ("norfolk", "norfolk-plan"):
        text = _text(case, "s55", fmt)
        assert "in place of the report’s" not in text, case
        assert "Words in square brackets are added in quoting, or replace the report’s own words" \
            in text, case


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_s55_deadline_quotes_the_report_then_gives_our_reading(fmt: str) -> None:
    letter = _text("example", "s55", fmt).split(NOTES, 1)[0]
    assert "within six months of publication" not in letter
    assert ("The report’s deadline: “within six months” (that is, by 12 March 2025, six months "
            "from publication)") in letter
    assert ("The report’s deadline: “within three months” (that is, by 12 December 2024, three "
            "months from publication)") in letter
    assert "The report’s deadline: by 31 March 2025" in letter  # a date: the report's own


@pytest.mark.parametrize("fmt", FORMATS)
def test_to_complete_follows_the_letter_and_names_its_counts(fmt: str) -> None:
    notes = _text("example", "s55", fmt).split(NOTES, 1)[1]
    todo = notes[notes.index("To complete"):notes.index("Signature: the office")]
    places = ["In the header: the local policing body", "In the table at the top",
              "Under “My comments”", "the action taken by the report’s deadline or planned",
              "the action taken or planned, or why", "the owner, or delete", "the target date, or"]
    at = [todo.index(p) for p in places]
    assert at == sorted(at), places  # the header first, the two kinds of action together
    # 13 findings, 10 tables (read 35: the earlier cause of concern answered with the current
    # one): named as tables
    assert "(4 of the 10 response tables)" in todo
    norfolk = _text("norfolk-plan", "s55", fmt).split(NOTES, 1)[1]
    assert "the owner, or delete this row if no action is proposed (2 of the 5 findings)" in norfolk
    assert "(2 of 5)" not in norfolk


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_s55_duty_is_any_comments_the_chief_constable_submits(fmt: str) -> None:
    pack = _text("norfolk", "pack", fmt)
    assert ("The Police and Crime Commissioner for Norfolk must publish comments on this "
            "report, with any comments the chief constable submits, by 26 June 2019") in pack
    for case, kind in (("norfolk", "pack"), ("norfolk", "committee"), ("norfolk", "brief"),
                       ("norfolk-plan", "committee")):
        assert "with the chief constable’s comments" not in _text(case, kind, fmt), (case, kind)
    assert "with any comments the chief constable submits" in _text("norfolk", "brief", fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_no_plan_decision_says_which_finding_is_joint(fmt: str) -> None:
    pack = _text("norfolk", "pack", fmt)
    # read 36: the asks are bullets, so the decision opens its own item ("• Agree an action…")
    assert ("Agree an action, an owner and a date for each finding to act on (E5-REC-1 is "
            "addressed jointly to Norfolk and Suffolk Constabularies, so its action is to be "
            "agreed with the other force).") in pack
    assert "addressed jointly" not in _text("example", "pack", fmt).split("Findings to act on")[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_cover_labels_the_report_title(fmt: str) -> None:
    pack = _text("norfolk", "pack", fmt)
    assert "Report title Norfolk PEEL 2018" in pack and "Published as" not in pack


@pytest.mark.parametrize("fmt", FORMATS)
def test_findings_to_act_on_counts_no_practice(fmt: str) -> None:
    pack = _text("example", "pack", fmt)
    part = pack[pack.index("Findings to act on The report lists"):]
    part = part[:part.index("Below are the areas for improvement")]
    assert "innovative or promising practice" not in part
    assert "Innovative or promising practice the report names" in pack  # its own section


def test_welsh_readers_get_the_new_committee_wording_in_welsh() -> None:
    text = _text("norfolk", "committee", "pdf", language="cy")
    # read 35-C: the new findings are part of the ask; progress "on these findings"
    assert ("ac ar ganfyddiadau newydd yr adroddiad o dan yr un cwestiwn (E2-AFI-1, E2-AFI-2 ac "
            "E2-AFI-3).") in text
    assert "Caiff cynnydd ar y canfyddiadau hyn ei adolygu gan" in text
    pack = _text("norfolk", "pack", "pdf", language="cy")
    assert "Teitl yr adroddiad" in pack
