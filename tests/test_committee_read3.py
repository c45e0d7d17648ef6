"""The committee paper after editorial read 3 (faults C1-C4, C6, C7), as a reader gets it.

Each test reads the text of the PDF, the DOCX and the HTML: an earlier finding
carried forward is said in the findings table to lack progress; a paper dated
after the s.55 deadline leaves a marked place for the date the comments were
published; earlier findings are quoted so they read as findings; a carried-over
judgment is not said to be "not re-inspected"; with a plan, an open item lacking
an owner and/or actions is raised as such and closed items are counted; a passed
deadline reads as one; the implications have a Risk line.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
from docread import document_text, norfolk_plan

from peeldocs.model import Report
from peeldocs.options import Options

FORMATS = ("pdf", "docx", "html")
PUBLISHED = date(2019, 5, 2)


_text = document_text


def _table(text: str) -> str:
    return text[text.index("Finding Report text (verbatim)"):text.index("How progress is tracked")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_earlier_finding_carried_forward_is_said_to_lack_progress_in_the_table(
        fmt: str, norfolk: Report, example: Report) -> None:
    table = _table(_text(norfolk, dataclasses.replace(norfolk_plan(norfolk),
                                                      document="committee"), fmt))
    assert ("Earlier finding: an area for improvement from 2017, question 2; the report found "
            "not enough progress") in table
    assert table.count("the report found not enough progress") == 1  # only the one carried forward
    table = _table(_text(example, Options(document="committee", as_of=date(2025, 4, 1)), fmt))
    assert ("Earlier finding: a cause of concern from 2021/22 in ‘Responding to the public’; the "
            "report found not enough progress") in table


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_paper_after_the_s55_deadline_leaves_a_place_for_the_date_published(
        fmt: str, norfolk: Report, example: Report) -> None:
    late = _text(norfolk, dataclasses.replace(norfolk_plan(norfolk), document="committee"), fmt)
    # the place is in 7.2, which states the duty; section 2 asks, and points there (read 33)
    # read 35-C: a conditional ask, never "establish" what the author can state
    assert ("Commissioner for Norfolk on the report were due by 26 June 2019, 111 days "
            "before the date of this paper, and to note the date they were published (paragraph "
            "7.2) or, if they have not yet been published, to ask when they will be.") in late
    assert ("were due by 26 June 2019: 56 days beginning with the day of publication (Police Act "
            "1996, section 55). Date published: {to be completed: the date they were published, "
            "or “not yet published”}.") in late
    assert "Paragraph 7.2: the date they were published, or “not yet published”" in late  # listed for the preparer
    made_up = _text(example, Options(document="committee", as_of=date(2025, 4, 1)), fmt)
    # a paragraph may run on to the next page: read without the page furniture between
    made_up = re.sub(r" Exampleshire Constabulary · [^{]*?Page \d+ of \d+ (\{to be completed: "
                     r"protective marking\} ?){2}", " ", made_up)
    assert ("were due by 6 November 2024: 56 days beginning with the day of publication (Police "
            "Act 1996, section 55). Date published: {to be completed: the date they were "
            "published, or “not yet published”}.") in made_up
    assert made_up.count("Date published: {to be completed:") == 1
    early = _text(norfolk, Options(document="committee", published=PUBLISHED,
                                   as_of=date(2019, 6, 10)), fmt)
    # due, with a place for the date it is published: the meeting may fall after it (read 30-C)
    assert "on the report, with any comments the chief constable submits, are due by 26 June 2019" in early
    assert early.count("Date published: {to be completed: the date they were published") == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_earlier_findings_addressed_are_quoted_so_they_read_as_findings(
        fmt: str, norfolk: Report) -> None:
    text = _text(norfolk, Options(document="committee", published=PUBLISHED,
                                  as_of=date(2019, 6, 10)), fmt)
    found = text[text.index("5. What the report found"):text.index("6. Findings and ")]
    assert ("the 2017 area for improvement, reconsidered under question 3, “[The area for improvement] "
            "concerned [the force’s] use of domestic violence protection notices") in found
    assert ("the 2016 area for improvement, reconsidered under question 4, “… the force needed to further "
            "develop its serious and organised crime local profile") in found
    assert ("the 2016 area for improvement, reconsidered under question 4, “… [the force] needed to enhance "
            "its approach to the lifetime management of organised criminals") in found
    for dangling in ("“This", "“First", "“Second", "“It "):
        assert dangling not in found


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_carried_over_judgment_says_only_what_the_data_holds(
        fmt: str, norfolk: Report) -> None:
    for kind in ("committee", "pack", "brief"):
        text = _text(norfolk, Options(document=kind, published=PUBLISHED,
                                      as_of=date(2019, 6, 10)), fmt)
        assert "not re-inspected" not in text, kind
    paper = _text(norfolk, Options(document="committee", published=PUBLISHED,
                                   as_of=date(2019, 6, 10)), fmt)
    assert "Good (carried over from 2016)" in paper  # read 36-C: in its grade cell
    pack = _text(norfolk, Options(published=PUBLISHED, as_of=date(2019, 6, 10)), fmt)
    assert "Question 4’s good grade from 2016 was carried over." in pack


@pytest.mark.parametrize("fmt", FORMATS)
def test_with_a_plan_missing_owners_and_actions_are_raised_and_closed_items_counted(
        fmt: str, norfolk: Report) -> None:
    options = dataclasses.replace(norfolk_plan(norfolk), document="committee")
    text = _text(norfolk, options, fmt)
    assert ("is asked to seek assurance from the chief constable that an owner and actions will "
            "be recorded for the area for improvement under question 2, “The force should improve "
            "how it allocates crime …” (E2-AFI-2), for which the action plan records neither, "
            "although it is due in 17 days, on 1 November 2019.") \
        in text
    # read 36-C: 7.1 points to the table for each item's state, not repeating it
    assert ("As at 15 October 2019, the action plan has four items; the table at paragraph 6.2 "
            "gives the state of each.") in text
    # the class, not the example: an owner but no action, and an action but no owner
    assert options.plan is not None
    items = tuple(dataclasses.replace(i, owner="Example ACC", lead=None, actions=())
                  if i.finding == "E2-AFI-1" else
                  dataclasses.replace(i, owner=None, lead=None, actions=("Review allocation",))
                  if i.finding == "E2-AFI-2" else i for i in options.plan.items)
    changed = dataclasses.replace(options, plan=dataclasses.replace(options.plan, items=items))
    text = _text(norfolk, changed, fmt)
    assert ("that an owner will be recorded for the area for improvement under question 2, “The "
            "force should improve how it allocates crime …” (E2-AFI-2), for which the action plan "
            "records none, although it is due in 17 days, on 1 November 2019.") in text
    assert re.search(r"that actions will be recorded for the area for improvement under question "
                     r"2[^()]* \(E2-AFI-1\), for which the action plan records none, although it is "
                     r"due in 77 days, on 31 December 2019\.", text)


@pytest.mark.parametrize("fmt", FORMATS)
def test_passed_deadlines_read_as_passed_and_the_implications_include_risk(
        fmt: str, example: Report) -> None:
    text = _text(example, Options(document="committee", as_of=date(2025, 4, 1)), fmt)
    table = _table(text)
    assert "Deadline passed 1 day ago (31 March 2025) A5-REC-2" in table
    assert "Immediate (from publication, 12 September 2024): to confirm it is in place A5-REC-3" in table  # read 29-C
    assert ("Deadline passed 110 days ago (within three months of publication, that is by "
            "12 December 2024) "
            "A5-REC-1") in table
    assert "Deadline passed:" not in table
    assert "8.4 Risk: {to be completed: the risk implications}" in text
    assert "Paragraph 8.4: the risk implications" in text
