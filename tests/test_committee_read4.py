"""The committee paper after editorial read 4 (faults 4, 6, 7, 10 and 11), as a reader gets it.

Each test reads the text of the PDF, the DOCX and the HTML of the paper built
from the review's inputs (the real Norfolk report with and without the example
plan, the constructed Exampleshire assessment) and from variations of them, so
the class of input is covered, not the three examples: 6.1 says the order the
table actually uses and what it holds; 7.1 accounts for every item of
the plan; an assessment's table names areas as the rest of the paper does; the
date column and 2.2 say what they hold when the report dates no finding (or
every finding).  The Welsh paper has the new wording in Welsh.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
from docread import document_text, norfolk_plan
from synthetic import synthetic_report

import peeldocs
from peeldocs.build.documents import untranslated_wording
from peeldocs.model import Report
from peeldocs.model.findings import FindingSection
from peeldocs.options import Options
from peeldocs.plans.plan import ItemStatus
from peeldocs.sections.calls import report_calls

FORMATS = ("pdf", "docx", "html")
PUBLISHED = date(2019, 5, 2)


_text = document_text


def _no_plan(**extra: object) -> Options:
    return Options(document="committee", published=PUBLISHED, as_of=date(2019, 6, 10),
                   **extra)  # type: ignore[arg-type]


def _planned(report: Report) -> Options:
    return dataclasses.replace(norfolk_plan(report), document="committee")


def _example_options() -> Options:
    return Options(document="committee", as_of=date(2025, 4, 1))


def _findings_part(text: str) -> str:
    return text[text.index("6. Findings"):text.index("7. How progress")]


def _table(text: str) -> str:
    start = text.index("Finding Report text (verbatim)")
    end = text.find("7. How progress")
    return text[start:end if end > start else len(text)]


# --- fault 6: the order 6.1 gives is the order the table has -------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_6_1_says_the_table_is_grouped_by_kind_and_it_is(fmt: str, norfolk: Report,
                                                       example: Report) -> None:
    text = _findings_part(_text(norfolk, _no_plan(), fmt))
    assert ("6.1 The report’s findings that call for action are quoted verbatim below. They are "
            "grouped by kind: first the recommendation, then the areas for improvement, each by "
            "question in the report’s order.") in text
    # the earlier finding last, said as what it is (read 23-C: "it carries forward" was ambiguous)
    assert ("The earlier finding on which the report found not enough progress is listed last.") \
        in text
    assert "in the report’s order, with the earlier finding" not in text
    refs = re.findall(r"\b(E5-REC-1|E2-AFI-[123]|E-2017-AFI-1)\b", _table(text))
    assert refs == ["E5-REC-1", "E2-AFI-1", "E2-AFI-2", "E2-AFI-3", "E-2017-AFI-1"]
    text = _findings_part(_text(example, _example_options(), fmt))
    assert ("They are grouped by kind: first the causes of concern and recommendations, then the "
            "areas for improvement, each by area in the report’s order. The earlier finding on "
            "which the report found not enough progress is listed after the cause of concern "
            "and recommendation in ‘Responding to the public’.") in text  # read 25-C: exactly
    refs = re.findall(r"\bA-?[0-9]+-(?:COC|REC|AFI)-[0-9]\b", re.sub(
        r"See [A-Z][A-Z0-9-]*-[0-9]+(?:(?:\s*,\s*|\s+and\s+)[A-Z][A-Z0-9-]*-[0-9]+)*", "", _table(text)))  # read 34
    kinds = [r.split("-")[-2] for r in refs]
    # each cause, its recs; the earlier cause of concern after those on its area (read 23-S)
    assert kinds[:7] == ["COC", "REC", "COC", "COC", "REC", "REC", "REC"]
    assert refs[2] == "A-2021-COC-1" and set(kinds[7:]) == {"AFI"}
    areas = [int(r[1]) for r in refs[7:]]
    assert areas == sorted(areas)  # the areas for improvement area by area, as the report


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_table_of_one_kind_is_simply_in_the_reports_order(fmt: str) -> None:
    report = synthetic_report("Synthetic Constabulary", "Synthetic", 7)  # areas for improvement
    text = _findings_part(_text(report, _no_plan(), fmt))
    assert "6.1 The report’s findings that call for action are quoted verbatim below, in the " \
        "report’s order." in text
    assert "grouped by kind" not in text


# --- fault 4: what the table holds ----------------------------------------------------------
# (read 5 dropped the count of the report's other "should" sentences: a panel would ask which,
# and the paper could not answer; tests/test_s55_committee_read5.py)

@pytest.mark.parametrize("fmt", FORMATS)
def test_6_1_says_what_the_table_holds(fmt: str, norfolk: Report, example: Report) -> None:
    assert any(c.sentence.startswith("The force should review its operational briefing")
               for c in report_calls(norfolk))  # the report has such sentences; none counted
    for options in (_no_plan(), _planned(norfolk)):
        text = _findings_part(_text(norfolk, options, fmt))
        assert ("The recommendation appears only in the text of the report (question 5), not "
                "among the findings it lists.") in text
        assert "other sentence" not in text
        assert text.index("The recommendation appears only") < text.index("6.2")  # said in 6.1
    text = _findings_part(_text(example, _example_options(), fmt))
    # no recommendation made only in its text: 6.1's first sentence says what the table holds
    assert "The table lists" not in text and "The table holds" not in text
    assert "other sentence" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_other_call_is_not_counted_either(fmt: str) -> None:
    report = synthetic_report("Synthetic Constabulary", "Synthetic", 7)
    q = report.questions[0]
    said = FindingSection("Synthetic heading", (
        "Synthetic text made up for the test. The force should review its synthetic rota.",))
    report = dataclasses.replace(report, questions=(
        dataclasses.replace(q, findings=(*q.findings, said)), *report.questions[1:]))
    assert len(report_calls(report)) == 1
    text = _findings_part(_text(report, _no_plan(), fmt))
    assert "other sentence" not in text and "should or needs to do" not in text


# --- fault 7: every item of the plan is accounted for ----------------------------------------

_COUNT = r"(none|one|two|three|four|five|six|seven|eight|nine|ten)"


def _accounted(sentence: str) -> tuple[int, int]:
    """Return the plan's total and the sum of the counts its parts give."""
    words = ("none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
             "ten")
    total, parts = sentence.split(": ", 1)
    first = re.search(rf"has {_COUNT} items?", total)
    assert first is not None
    counts = re.findall(rf"(?:^|, | and ){_COUNT}(?=,? (?:is|are|in progress|awaiting|pending))",
                        parts)
    return words.index(first.group(1)), sum(words.index(c) for c in counts)


@pytest.mark.parametrize("fmt", FORMATS)
def test_7_1_accounts_for_every_item_of_the_plan(fmt: str, norfolk: Report) -> None:
    text = _text(norfolk, _planned(norfolk), fmt)
    # read 36-C: the count, and the table (one row a finding) for each item's state
    assert ("As at 15 October 2019, the action plan has four items; the table at paragraph 6.2 "
            "gives the state of each.") in text
    for ref in ("E-2017-AFI-1", "E2-AFI-2", "E2-AFI-1", "E2-AFI-3"):
        assert ref in text[text.index("Owner / lead"):text.index("6.3 ")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_7_1_accounts_for_later_and_undated_items_of_another_plan(fmt: str,
                                                                  norfolk: Report) -> None:
    options = _planned(norfolk)
    assert options.plan is not None
    moved = {"E-2017-AFI-1": {"current_target": date(2020, 1, 31)},
             "E2-AFI-2": {"original_target": None, "current_target": None},
             "E2-AFI-3": {"status": ItemStatus.PENDING_SIGN_OFF, "closed_on": None,
                          "current_target": date(2020, 2, 28)}}
    items = tuple(dataclasses.replace(i, **moved.get(i.finding, {}))  # type: ignore[arg-type]
                  for i in options.plan.items)
    changed = dataclasses.replace(options, plan=dataclasses.replace(options.plan, items=items))
    text = _text(norfolk, changed, fmt)
    assert ("As at 15 October 2019, the action plan has four items; the table at paragraph 6.2 "
            "gives the state of each.") in text  # read 36-C: each state in the table
    table = text[text.index("Owner / lead"):text.index("6.3 ")]
    for state in ("due 31 January 2020 (first set for 31 July 2019)", "Pending sign-off",
                  "no date set"):
        assert state in table, state


# --- fault 10: an assessment's areas by name; a cause's date in plain words ------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_an_assessments_table_names_areas_as_the_paper_does(fmt: str, norfolk: Report,
                                                            example: Report) -> None:
    table = _table(_text(example, _example_options(), fmt))
    assert not re.search(r", area [0-9]", table)
    assert "Cause of concern in ‘Responding to the public’ The force isn’t answering" in table
    assert "Recommendation in ‘Investigating crime’ The force should make sure that every" \
        in table
    assert "Area for improvement in ‘Investigating crime’" in table
    assert ("Earlier finding: a cause of concern from 2021/22 in ‘Responding to the public’; the "
            "report found not enough progress") in table
    assert "See A4-REC-1 A4-COC-1" in table
    assert "See A5-REC-1, A5-REC-2 and A5-REC-3 A5-COC-1" in table
    assert "See its recommendations" not in table
    norfolk_table = _table(_text(norfolk, _no_plan(), fmt))  # a report that numbers questions
    assert "Area for improvement, question 2 The force must ensure" in norfolk_table


# --- fault 11: the date column and 2.2 say what they hold -------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_plan_the_date_column_and_2_2_fit_what_the_report_dates(
        fmt: str, norfolk: Report, example: Report) -> None:
    text = _text(norfolk, _no_plan(), fmt)  # no finding of the report has a deadline
    assert "Finding Report text (verbatim) Lead Target date Ref" in text
    assert "Lead State Ref" not in text
    assert ("2.2 The committee is asked to note that this paper was prepared without an action plan, and to "
            "seek assurance from the chief constable that each finding will have a lead (for the "
            "joint recommendation E5-REC-1, one agreed with the other force) and a target "
            "date.") in text
    assert "where the report sets no deadline" not in text
    assert ("6.2 Without an action plan, the lead and a target date for each are "
            "to be confirmed.") in text
    text = _text(example, _example_options(), fmt)  # some have deadlines, some not
    assert "Finding Report text (verbatim) Lead Deadline or target date Ref" in text
    assert ("each finding will have a lead, and a target date where the report sets no "
            "deadline.") in text
    planned = _text(norfolk, _planned(norfolk), fmt)  # a plan's column holds each state
    assert "Finding Report text (verbatim) Owner / lead State Ref" in planned


@pytest.mark.parametrize("fmt", FORMATS)
def test_when_the_report_dates_every_finding_the_column_is_its_deadline(
        fmt: str, example: Report) -> None:
    dated = dataclasses.replace(example, prior_findings=(), questions=tuple(
        dataclasses.replace(q, areas_for_improvement=()) for q in example.questions))
    text = _text(dated, _example_options(), fmt)
    assert "Finding Report text (verbatim) Lead Deadline Ref" in text
    assert "seek assurance from the chief constable that each finding will have a lead." in text
    assert "target date" not in _findings_part(text)
    assert ("Without an action plan, the lead for each is to be confirmed; the "
            "date given is the report’s deadline.") in text


# --- the Welsh paper has the new wording in Welsh --------------------------------------------

def test_the_new_wording_has_welsh(norfolk: Report, example: Report) -> None:
    cases = [(norfolk, dataclasses.replace(_no_plan(), language="cy")),
             (norfolk, dataclasses.replace(_planned(norfolk), language="cy")),
             (example, dataclasses.replace(_example_options(), language="cy"))]
    for report, options in cases:
        untranslated = untranslated_wording(report, options)
        missing = " | ".join(untranslated)
        for new in ("grouped by kind", "The table holds", "Target date",
                    "Deadline or target date", "Each finding has",
                    "lead and a target date", "will have a lead", "key figures",
                    # read 23-C's wording
                    "The table lists", "Owners and leads are", "listed last",
                    "identifies the following", "records the following", "Date of paper",
                    "another chief officer presents it"):
            assert new not in missing, (new, missing)
        assert not any(m.startswith(("Cause of concern in", "Recommendation in",
                                     "Area for improvement in")) for m in untranslated)
    built = peeldocs.build_pack(example, dataclasses.replace(_example_options(), language="cy"))
    html = peeldocs.render(built, "html").decode("utf-8")
    assert "Maent wedi’u grwpio yn ôl math" in html
    assert "Dyddiad cau neu ddyddiad targed" in html
