"""Import never states a falsehood: each class of input from the import-truth issue.

Every page here is constructed for a test from the wording the inspectorate
uses (see tests/fixtures/real/ for real beginnings); none is a published page.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peeldocs
from peeldocs.importer import NotAPeelPageError, import_page
from peeldocs.model import Grade, Points, Status
from peeldocs.plans.files import findings

HEAD = {"efficiency": "How efficiently does the force operate and how sustainable are its "
                      "services to the public?",
        "legitimacy": "How legitimate is the force at keeping people safe and reducing crime?",
        "effectiveness": "How effectively does the force reduce crime and keep people safe?"}


def page(title: str, *blocks: str) -> str:
    return "\n\n".join((title, *blocks)) + "\n"


@pytest.mark.parametrize("pillar", sorted(HEAD))
def test_the_pillar_is_read_from_the_headline_question(pillar: str) -> None:
    result = import_page(page("Durham PEEL 2017", HEAD[pillar], "Good"))
    assert result.report.pillar == pillar
    assert "assumed" not in " ".join(result.notes)


def test_no_pillar_stated_is_unknown_and_the_address_can_state_it() -> None:
    result = import_page(page("Durham PEEL 2017", "Good"))
    assert result.report.pillar == "unknown"
    assert any("pillar" in n and "unknown" in n for n in result.notes)
    url = "https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2017/durham/legitimacy/"
    assert import_page(page("Durham PEEL 2017", "Good"), url).report.pillar == "legitimacy"


PROSE = [
    ("Durham Constabulary remains outstanding in the efficiency with which it keeps people safe "
     "and reduces crime.", "efficiency", Grade.OUTSTANDING),
    ("Cleveland Police requires improvement at protecting those who are vulnerable from harm, and "
     "supporting victims.", None, Grade.REQUIRES_IMPROVEMENT),
    ("Kent Police is judged to be good in the legitimacy with which it keeps people safe and "
     "reduces crime.", "legitimacy", Grade.GOOD),
    ("Norfolk Constabulary has been assessed as good in respect of the efficiency with which it "
     "keeps people safe and reduces crime.", "efficiency", Grade.GOOD),
    ("The force continues to be good at protecting those who are vulnerable from harm.", None,
     Grade.GOOD),
    ("The constabulary was judged as requires improvement in protecting vulnerable people from "
     "harm.", None, Grade.REQUIRES_IMPROVEMENT),
]


@pytest.mark.parametrize(("sentence", "pillar", "grade"), PROSE)
def test_grades_stated_in_prose_are_read_with_their_evidence(sentence: str, pillar: str | None,
                                                            grade: Grade) -> None:
    force = sentence.split(" ")[0]
    title = f"{force if force != 'The' else 'Kent'} PEEL 2017"
    if pillar:  # a pillar judgment in the summary
        r = import_page(page(title, HEAD[pillar], sentence)).report
        judgment = r.judgment
    else:  # a question's judgment in its first paragraph
        question = "How effective is the force at protecting those who are vulnerable from harm?"
        r = import_page(page(title, HEAD["effectiveness"], "1", question, sentence)).report
        judgment = r.questions[0].judgment
    assert judgment is not None and judgment.grade is grade and judgment.status is Status.GRADED
    assert judgment.evidence == sentence


@pytest.mark.parametrize("sentence", [
    "Last year, Kent Police was judged to be good at protecting vulnerable people from harm.",
    "In our 2016 inspection, Kent Police was judged outstanding at protecting vulnerable people.",
    "Kent Police has a good understanding of how to protect vulnerable people from harm.",
    "Kent Police is good at answering calls from the public.",
])
def test_a_grade_word_about_something_else_is_not_the_judgment(sentence: str) -> None:
    question = "How effective is the force at protecting those who are vulnerable from harm?"
    r = import_page(page("Kent PEEL 2017", HEAD["effectiveness"], sentence, "1", question,
                         sentence)).report
    assert r.judgment is not None and r.judgment.status is Status.UNKNOWN
    assert r.questions[0].judgment.status is Status.UNKNOWN


def test_carried_over_keeps_its_cycle_and_missing_is_unknown_not_a_status() -> None:
    r = import_page(page(
        "Durham PEEL 2018", HEAD["efficiency"],
        "1", "How well does the force use its resources to meet the demand it faces?",
        "This question was not subject to detailed inspection in 2018/19, and our judgment from "
        "the 2017 efficiency inspection has been carried over.",
        "2", "How well does the force plan for the future?",
        "This question was not inspected in 2017. The grade and findings from last year’s "
        "inspection still stand.", "Good",
        "3", "How well does the force understand demand?", "The force analyses its demand.",
        "4", "How well does the force lead its workforce?", "Not graded")).report
    q1, q2, q3, q4 = r.questions
    assert (q1.judgment.status, q1.judgment.from_cycle) == (Status.UNKNOWN, "2017")
    assert (q2.judgment.status, q2.judgment.grade, q2.judgment.from_cycle) == (
        Status.CARRIED_OVER, Grade.GOOD, "2016")
    assert q3.judgment.status is Status.UNKNOWN  # nothing stated: unknown, never "not graded"
    assert q4.judgment.status is Status.NOT_GRADED  # the page says so
    assert r.judgment is not None and r.judgment.status is Status.UNKNOWN


@pytest.mark.parametrize(("subject", "link", "word", "want"), [
    ("the force", " is", "good", Grade.GOOD),
    ("the constabulary", " is:", "outstanding", Grade.OUTSTANDING),
    ("Kent Police", ":", "requires improvement", Grade.REQUIRES_IMPROVEMENT),
    ("the force", "", "requires improvement", Grade.REQUIRES_IMPROVEMENT),
    ("Kent Police", ":", "not yet graded", None),
])
def test_overview_pages_whatever_the_subject_and_punctuation(subject: str, link: str, word: str,
                                                             want: Grade | None) -> None:
    text = page("Kent 2016", "Read more about Kent 2016",
                f"The extent to which {subject} is effective at keeping people safe and reducing "
                f"crime{link} {word}.",
                f"The extent to which {subject} is efficient at keeping people safe and reducing "
                "crime is good.",
                f"The extent to which {subject} is legitimate at keeping people safe and reducing "
                "crime is: good.")
    result = import_page(text)
    assert result.kind == "overview" and result.report.force.name == "Kent Police"
    eff = result.pillar_judgments["effectiveness"]
    assert eff.grade is want
    assert eff.status is (Status.GRADED if want else Status.NOT_YET_GRADED)
    assert result.pillar_judgments["efficiency"].grade is Grade.GOOD
    assert result.report.judgment is None  # PEEL gave no overall grade before 2021/22
    peeldocs.parse_report(peeldocs.dump_report(result.report), "x.yaml")


@pytest.mark.parametrize("text", [
    "", "   \n\n", "What is PEEL?\n\nIn 2014, we introduced our police effectiveness, efficiency "
    "and legitimacy (PEEL) inspections, which assess the performance of all 43 police forces.\n",
    "Overall summary\n\nWe set out our detailed findings about things the force is doing well.\n",
])
def test_a_page_without_force_or_cycle_is_refused(text: str) -> None:
    with pytest.raises(NotAPeelPageError, match="looked for"):
        import_page(text)


def test_a_sentence_fragment_is_never_a_force() -> None:
    with pytest.raises(NotAPeelPageError, match="force"):
        import_page("The force has improved 2017\n\nGood\n")


AFI_PAGE = page(
    "Kent PEEL 2017", HEAD["effectiveness"],
    "The force has made progress in several areas:", "• it has a new crime plan;",
    "• it trains its call handlers well.",
    "1", "How effective is the force at investigating crime?", "Good", "Areas for improvement",
    "• The force should improve how it supervises investigations by:",
    "• reviewing open cases every month; and", "• checking the quality of files.",
    "• The force should publish its outcomes.",
    "Investigations", "The force investigates most crime well. It uses the following:",
    "- digital forensics;", "- specialist interviewers.",
    "In our 2016 effectiveness report, we recommended that the force should improve its "
    "supervision. The force has complied with some of this recommendation.",
    "The force reviewed 400 cases in the previous 12 months. We found that 80 percent of 103 "
    "records were accurate and complete, which is an improvement on the level we found.")


def test_a_colon_lead_in_keeps_its_sub_points_as_one_afi_and_one_action() -> None:
    r = import_page(AFI_PAGE).report
    (q,) = r.questions
    first, second = q.areas_for_improvement
    assert first.text == "The force should improve how it supervises investigations by:"
    assert first.points == ("reviewing open cases every month; and",
                            "checking the quality of files.")
    assert second.text == "The force should publish its outcomes." and second.points == ()
    assert [k for k in findings(r) if "AFI" in k] == ["E1-AFI-1", "E1-AFI-2"]


def test_bullets_are_lists_never_quoted_dashes() -> None:
    r = import_page(AFI_PAGE).report
    assert r.summary[-1] == Points(("it has a new crime plan;", "it trains its call handlers well."),
                                   "The force has made progress in several areas:")
    section = r.questions[0].findings[0]
    assert section.paragraphs[0] == Points(("digital forensics;", "specialist interviewers."),
                                           "The force investigates most crime well. It uses the "
                                           "following:")
    text = peeldocs.dump_report(r)
    assert "- - " not in text and "'• " not in text and "- • " not in text


def test_earlier_recommendation_revisited_with_its_outcome() -> None:
    (prior,) = import_page(AFI_PAGE).report.prior_findings
    assert (prior.cycle, prior.kind.value, prior.outcome.value) == (
        "2016", "recommendation", "partly addressed")
    assert prior.text.startswith("In our 2016 effectiveness report, we recommended")


def test_periods_are_not_counts_labels_are_whole_words_and_bases_are_kept() -> None:
    figures = import_page(AFI_PAGE).report.key_figures
    assert not any(f.value == 12 for f in figures)  # "the previous 12 months" is a period
    pct = next(f for f in figures if f.value == 80)
    assert "of 103 records" in pct.label
    for fig in figures:
        words = fig.label.rstrip("…").split()
        assert all(w in fig.source.split() or w.rstrip(",;:") in fig.source for w in words)


@given(st.text(max_size=300), st.sampled_from(["", "Kent PEEL 2017\n\n", "Durham 2016\n\n",
                                                "Overall summary\n\nPEEL 2023–2025\n\n"]))
def test_every_judgment_is_unknown_or_has_evidence_in_the_input(text: str, head: str) -> None:
    source = head + text + ("\n\nOur inspection assessed how good Kent Police is in nine areas "
                            "of policing." if head.startswith("Overall") else "")
    try:
        result = import_page(source)
    except NotAPeelPageError:
        return
    folded = " ".join(source.split())
    r = result.report
    judgments = [q.judgment for q in r.questions] + [r.judgment] + \
        list(result.pillar_judgments.values())
    for judgment in judgments:
        if judgment is None or (judgment.is_unknown and judgment.evidence is None):
            continue
        assert judgment.evidence, judgment
        for part in judgment.evidence.split(" … "):
            assert " ".join(part.split()) in folded, (part, source)
    peeldocs.parse_report(peeldocs.dump_report(r), "fuzz.yaml")


def test_a_carried_over_judgment_without_its_grade_says_so_in_words() -> None:
    r = import_page(page(
        "Durham PEEL 2018", HEAD["efficiency"], "Outstanding",
        "1", "How well does the force use its resources to meet the demand it faces?",
        "This question was not subject to detailed inspection in 2018/19, and our judgment from "
        "the 2017 efficiency inspection has been carried over.")).report
    judgment = r.questions[0].judgment
    assert judgment.describe() == ("Unknown (carried over from 2017; grade not in the imported "
                                   "text)")
    assert "not graded" not in (judgment.status_note() or "").lower()


def test_a_cause_of_concern_and_the_recommendation_that_answers_it() -> None:
    r = import_page(page(
        "Cleveland PEEL 2015", HEAD["effectiveness"], "Inadequate", "1",
        "How effective is the force at protecting from harm those who are vulnerable?",
        "Inadequate", "Cause for concern",
        "The force does not identify vulnerable victims well enough (constructed).",
        "To address this cause for concern the force should immediately take steps to improve "
        "its response to vulnerable victims by ensuring that:",
        "• staff assess and identify vulnerable victims at initial point of contact; and",
        "• staff respond in a timely manner to incidents.",
        "Areas for improvement", "• The force should improve its risk assessments.")).report
    (cause,) = r.questions[0].causes_of_concern
    (rec,) = cause.recommendations
    assert rec.deadline == "immediately" and len(rec.points) == 2
    assert [f.text for f in r.questions[0].areas_for_improvement] == [
        "The force should improve its risk assessments."]
    assert list(findings(r)) == ["E1-AFI-1", "E1-COC-1", "E1-COC-1-R1"]


def test_page_and_address_disagreeing_on_the_pillar_is_unknown() -> None:
    url = "https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2017/kent/efficiency/"
    result = import_page(page("Kent PEEL 2017", HEAD["legitimacy"], "Good"), url)
    assert result.report.pillar == "unknown"
    assert any("address says efficiency" in n for n in result.notes)


def test_site_tabs_are_not_a_pillar_line_and_a_contradiction_is_unknown() -> None:
    tabs = page("Durham PEEL 2017", "Overview", "Effectiveness", "Efficiency", "Legitimacy",
                HEAD["efficiency"], "Good")
    assert import_page(tabs).report.pillar == "efficiency"  # from the question, not the tabs
    result = import_page(page("Durham PEEL 2017", "Effectiveness", HEAD["efficiency"], "Good"))
    assert result.report.pillar == "unknown"
    assert any("headline question asks about efficiency" in n for n in result.notes)
