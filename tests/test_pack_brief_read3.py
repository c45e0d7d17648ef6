"""The briefing pack and one-page brief as the third editorial read left them (faults 1-14).

Each test asserts on what a reader gets: the text of the PDF, of the DOCX and of
the HTML as a browser reads it, for the three review inputs (Norfolk with its
illustrative plan on 15 October 2019, Norfolk without a plan on 10 June 2019,
and the constructed Exampleshire assessment without a plan on 1 April 2025).
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import docx
import pytest
from docread import browser_joins, rendered, text_of

import peeldocs
from peeldocs.model import passage_text
from peeldocs.options import Options
from peeldocs.sections.calls import report_calls

# one worker builds this module's documents once (pytest-xdist --dist loadgroup)
pytestmark = pytest.mark.xdist_group("test_pack_brief_read3")

ROOT = Path(__file__).parent.parent
NORFOLK = ROOT / "data" / "norfolk-2018-effectiveness.yaml"
EXAMPLE = ROOT / "examples" / "exampleshire-2023-25-assessment.yaml"
PLAN = ROOT / "examples" / "norfolk-2018-action-plan.yaml"
FORMATS = ("pdf", "docx", "html")
PUBLISHED = date(2019, 5, 2)


def _options(case: str, kind: str) -> tuple[peeldocs.Report, Options]:
    if case == "example":
        return peeldocs.load_report(EXAMPLE), Options(document=kind, as_of=date(2025, 4, 1))
    report = peeldocs.load_report(NORFOLK)
    if case == "norfolk-plan":
        as_of = date(2019, 10, 15)
        plan = peeldocs.load_plan(PLAN, report, as_of=as_of, published=PUBLISHED)
        return report, Options(document=kind, as_of=as_of, published=PUBLISHED, plan=plan)
    return report, Options(document=kind, as_of=date(2019, 6, 10), published=PUBLISHED)


@pytest.fixture(scope="module")
def texts() -> dict[tuple[str, str, str], str]:
    """Every case, kind and format, as a reader gets the text."""
    out = {}
    for case in ("norfolk-plan", "norfolk", "example"):
        for kind in ("pack", "brief"):
            report, options = _options(case, kind)
            for fmt in FORMATS:
                text = text_of(rendered(report, options, fmt), fmt)
                if fmt == "html":
                    text = browser_joins(text, ",.:;)’”")
                out[case, kind, fmt] = " ".join(text.split())
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_plan_nothing_is_called_overdue(
        fmt: str, texts: dict[tuple[str, str, str], str]) -> None:
    """Fault 1: no plan, so nothing is known of what the force did: "passed", never "overdue"."""
    for case in ("norfolk", "example"):
        for kind in ("pack", "brief"):
            # our wording never says it ("The investigations policy is overdue for review" is
            # the report's own sentence, about a policy)
            assert not re.search(r"overdue (?:by|since)|\bis overdue(?! for review)|are overdue",
                                 texts[case, kind, fmt]), (case, kind)
    brief = texts["example", "brief", fmt]
    # read 23-B: the immediate deadline, passed, in the same form as every other
    # read 33: a dated deadline says how long ago it passed
    for due in ("Due immediately; deadline passed.",
                "Due within three months (12 December 2024); deadline passed 110 days ago.",
                "Due by 31 March 2025; deadline passed one day ago.",
                "Due within six months (12 March 2025); deadline passed 20 days ago."):
        assert due in brief, due
    assert "Four deadlines set by the report have passed." not in brief  # read 36: each line says it


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_pack_says_the_report_lists_only_what_it_lists(
        fmt: str, texts: dict[tuple[str, str, str], str]) -> None:
    """Fault 2: a recommendation made in the text is not said to be listed."""
    for case in ("norfolk", "norfolk-plan"):
        text = texts[case, "pack", fmt]
        assert ("Findings to act on The report lists three areas for improvement. It lists no "
                "causes of concern. It also makes one recommendation in the text of its findings "
                "on question 5, which it does not list as such.") in text
        assert "lists three areas for improvement and one recommendation" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_figure_labels_say_what_the_report_says(
        fmt: str, texts: dict[tuple[str, str, str], str]) -> None:
    """Fault 3: the 91 are positions not held by accredited detectives, not vacancies."""
    text = texts["norfolk", "pack", fmt]
    assert "still to fill" not in text
    assert re.search(r"Investigator positions not held by accredited detectives, which officers "
                     r"and staff working towards the required national accreditation standard "
                     r"are to fill \|? ?91", text)
    assert "Investigator posts held by accredited detectives" in text
    report = peeldocs.load_report(NORFOLK)
    figure = next(f for f in report.key_figures if f.value == 91)
    assert "remaining 91 positions" in figure.source and "PIP2" in figure.source
    assert "PIP2" not in figure.label  # the report's abbreviation, said in the report's words


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_brief_says_where_the_plan_stands_and_what_to_decide(
        fmt: str, texts: dict[tuple[str, str, str], str]) -> None:
    """Faults 4, 7, 12: the plan's position in one line, counted from it; the decisions."""
    text = texts["norfolk-plan", "brief", fmt]
    # an item the page quotes nowhere is named with its opening words, once (read 7-B fault 1);
    # the moved target said where the item is dated, not split over two lines (fault 3)
    # read 8-B fault 6: the illustrative plan says so on its line; its statuses one to a line
    # read 19: each state on a line of its own, what is late first
    # read 31-B: each finding's line gives its state in the plan; under the plan, what is
    # overdue alone, with its owner
    at = [text.index(line) for line in (
        "victims. …” Plan: in progress, due 31 December 2019.",
        "Plan: no owner, due 1 November 2019.",
        "Plan: closed on 4 October 2019, four days late.",
        "capability.” Not in the plan.",
        "Illustrative action plan as at 15 October 2019 (invented; the findings are the report’s): "
        "four items (one overdue, one with no owner, one in progress and one closed four days late).",
        "Overdue: E-2017-AFI-1, 15 days past its target of 30 September 2019 (first set for 31 "
        "July 2019), owner Example ACC (illustrative).")]
    assert at == sorted(at)
    assert "No owner:" not in text and "In progress:" not in text and "Closed:" not in text
    assert "No item yet" not in text
    # read 24-B: once their deadline has passed, a check on the section 55 comments
    # read 31-B: what is overdue first; the check gives way to the findings' words (the
    # deadline line asks for the date published)
    assert ("Decisions needed: re-date or escalate the 2017 area for improvement (E-2017-AFI-1); name an owner and an action for "
            "E2-AFI-2, whose target is 1 November 2019; add an item for the joint recommendation E5-REC-1, whose action the commissioner’s comments must explain.") in text
    # said once, in the decisions at the top, not again in "What needs doing"
    assert "The action plan has no item for the recommendation under question 5" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_pack_asks_for_the_decisions_the_data_calls_for(
        fmt: str, texts: dict[tuple[str, str, str], str]) -> None:
    """Fault 7: with a plan, the decisions it calls for; without one, assurance on progress."""
    text = texts["norfolk-plan", "pack", fmt]
    at = [text.index(s) for s in (
        # read 36: a short lead, each thing to note a bullet of its own
        "The chief officer group is asked to note the judgments, and:",
        "E2-AFI-3 was closed on 4 October 2019, four days late, signed off by Example DCC "
        "(illustrative).",
        "E-2017-AFI-1, the earlier finding under the same question, is still open: the group "
        "may ask what evidence supports the closure of E2-AFI-3.",
        "It is asked to take these decisions:",
        "Allocate E2-AFI-2, “improve how it allocates crime” (area for improvement under question 2), "
        "due 1 November 2019: it has "
        "no owner or action yet.",
        # a joint recommendation says whom the item is to be agreed with (read 7, fault 6)
        "Add an item to the action plan for E5-REC-1, “develop a regional specialist capability” "
        "(recommendation under question 5): it is "
        "addressed jointly to Norfolk and Suffolk Constabularies, so its action is to be agreed "
        "with the other force.",
        # the date it was due, and how late it is now (read 7, fault 4)
        "Decide on E-2017-AFI-1, “put appropriate supervision in place” (2017 area for improvement, "
        "reconsidered under question 2), first set for 31 July 2019, due 30 September "
        "2019, overdue by 15 days: set a new target date or escalate.")]
    assert at == sorted(at)
    assert "overdue since" not in text[:text.index("Judgments by question")]
    assert "agree owners and dates for the actions in the action plan" not in text
    example = texts["example", "pack", fmt]
    # the report's order grouped by kind, as every list of the pack (read 7, fault 3)
    # read 36: each ask a bullet; the passed ones in the order their deadlines fell
    asks = [example.index(s) for s in (
        "The chief officer group is asked to:", "Note the grades.",
        "Agree an action, an owner and a date for each finding to act on.",
        "Confirm what action has been taken on each of the four recommendations below, all past "
        "their deadlines, and who reports progress to the inspectorate and the police and crime "
        "commissioner (or equivalent). They are listed in the order their deadlines fell.")]
    assert asks == sorted(asks)
    # each named with a few of its own words, not by reference alone (read 25-P)
    at = [example.index(s) for s in (
        "A5-REC-3, “stop closing crimes of domestic abuse without a supervisor’s review” "
        "(recommendation in ‘Investigating crime’)",
        "A5-REC-1, “every investigation has a documented supervisory review” (recommendation in "
        "‘Investigating crime’)",
        "A4-REC-1, “answers at least 90 percent of emergency calls within 10 seconds” "
        "(recommendation in ‘Responding to the public’)",
        "A5-REC-2, “the victim’s wishes are recorded” (recommendation in ‘Investigating crime’)")]
    assert at == sorted(at)
    assert "to note the deadlines" not in example


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_passed_s55_deadline_leaves_the_publication_date_to_complete(
        fmt: str, texts: dict[tuple[str, str, str], str]) -> None:
    """Fault 8: after the deadline, the date the comments were published is the author's."""
    blank = "; that deadline has passed. Date published: {to be completed: the date, or “not yet”}."  # the brief: short
    assert ("The comments of the Police and Crime Commissioner for Norfolk, with any comments the chief "
            "constable submits, were due by 26 June 2019 (Police Act 1996, section 55)"
            + blank) in texts["norfolk-plan", "brief", fmt]
    # read 35: the pack asks it as one question, the place to complete its answer
    assert ("Were the comments of the Police and Crime Commissioner for Norfolk on this report "
            "published by 26 June 2019, 56 days beginning with the day of publication, 2 May 2019 "
            "(Police Act 1996, section 55)? {to be completed: the date they were published, or "
            "“not yet published”}") in texts["norfolk-plan", "pack", fmt]
    assert blank in texts["example", "brief", fmt]
    assert "Date published" not in texts["norfolk", "brief", fmt]  # still ahead


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_plan_the_last_page_is_the_findings_needing_one_with_columns_to_agree(
        fmt: str, texts: dict[tuple[str, str, str], str]) -> None:
    """Fault 5: headed for what it is, with the action, owner and date to be agreed."""
    # read 19-P: a cause of concern answered by its recommendations is met through them
    for case, rows, met in (("norfolk", 5, 0), ("example", 13, 2)):
        text = texts[case, "pack", fmt]
        page = text[text.rindex("Findings needing an action plan"):]
        assert "Action Owner Target date" in page or "Action | Owner | Target date" in page
        assert page.count("{to be agreed: owner}") == rows, case
        assert page.count("{to be agreed: action}") == rows - met, case
        assert page.count("Met through") == met, case
    assert "Findings needing an action plan" not in texts["norfolk-plan", "pack", fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_other_calls_to_act_are_quoted_verbatim_and_labelled_as_not_findings(
        fmt: str, texts: dict[tuple[str, str, str], str]) -> None:
    """Fault 6: the report's own "should / needs to" sentences, with where they are."""
    text = texts["norfolk", "pack", fmt]
    start = text.index("Other points the report says need action")
    part = text[start:text.index("Good practice the report names", start)]  # the next part
    assert "does not list these as areas for improvement" in part
    for where, said in (
            ("Question 1, ‘Prioritising crime prevention’", "The force needs to fully implement"),
            # "this backlog": quoted after the sentences it points back to (read 21-C)
            ("Question 3, ‘Supporting vulnerable victims’", "We found a substantial backlog of "
             "cases waiting for secondary assessment of risk. A process has been put in place to "
             "prioritise crime over non-crime incidents. But the force needs to assure itself"),
            ("Question 5, ‘Working with others’", "The force should review its operational "
             "briefing and debriefing procedures.")):
        assert f"{where}: “{said}" in part, where
    report = peeldocs.load_report(NORFOLK)
    whole = " ".join(" ".join(passage_text(p) for q in report.questions for s in q.findings
                              for p in s.paragraphs).split())
    # "It must do more …" just after "The force has not made enough progress." is found, "It"
    # named in brackets; it lies behind the 2017 finding, so it is not an extra point (read 7)
    assert any(c.sentence.startswith("[The force] must do more to ensure that supervision is "
                                     "consistent") and c.underlies == ("E-2017-AFI-1",)
               for c in report_calls(report))
    assert "Question 2" not in part
    for quoted in re.findall(r"“([^”]+)”", part):  # every quotation is the report's own words
        quoted = quoted.replace("[The force]", "It")  # but for the words added in brackets
        assert " ".join(quoted.split()) in whole, quoted
    assert "We recommend Norfolk" not in part  # a finding already quoted as one is not repeated
    assert "Other points the report says need action" not in texts["example", "pack", fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_we_recommend_note_only_where_the_report_has_one(
        fmt: str, texts: dict[tuple[str, str, str], str]) -> None:
    """Fault 9: the Norfolk-only note is not in a pack whose report lists its recommendations."""
    assert "begins “We recommend”" not in texts["example", "pack", fmt]
    assert "begins “We recommend”" in texts["norfolk", "pack", fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_area_for_improvement_has_a_singular_heading(
        fmt: str, texts: dict[tuple[str, str, str], str]) -> None:
    """Fault 10: an area with one area for improvement is headed in the singular."""
    text = texts["example", "pack", fmt]
    part = text[text.index("Police powers and public treatment", text.index("Each area below")):]
    part = part[:part.index("Preventing and deterring crime")]
    assert "Area for improvement" in part and "Areas for improvement" not in part
    assert "Areas for improvement" in texts["norfolk", "pack", fmt]  # three under question 2


def test_word_does_not_read_the_chart_sentence_twice() -> None:
    """Fault 13: the chart's title (its caption) and description do not repeat a sentence."""
    report, options = _options("norfolk", "pack")
    data = peeldocs.render(peeldocs.build_pack(report, options), "docx", options)
    document = docx.Document(io.BytesIO(data))
    frames = document.element.body.findall(".//{*}docPr")
    charts = [(f.get("title") or "", f.get("descr") or "") for f in frames
              if "Bar chart" in (f.get("descr") or "")]
    assert charts
    for title, descr in charts:
        said = f"{title} {descr}"
        assert said.count("A longer bar is a higher figure, not a better one.") == 1
        assert "Charge rate for all crime (2017/18): 15.5% against 10.3%" in descr


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_assessment_brief_heads_its_grades_as_grades(
        fmt: str, texts: dict[tuple[str, str, str], str]) -> None:
    """Fault 12: the 2023-25 assessment grades area by area; the brief says "Grades"."""
    text = texts["example", "brief", fmt]
    assert "Grades The constructed report grades Exampleshire Constabulary inadequate" in text
    assert "Judgments" not in text
    assert "Judgments The inspectorate judged Norfolk" in texts["norfolk", "brief", fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_before_the_s55_deadline_the_brief_names_the_chief_constables_comments(
        fmt: str, texts: dict[tuple[str, str, str], str]) -> None:
    """Read 4: the chief constable's comments, published with the commissioner's, are due too."""
    text = texts["norfolk", "brief", fmt]
    assert ("The comments of the Police and Crime Commissioner for Norfolk, with any comments the chief "
            "constable submits, must be published by 26 June 2019, in 16 days") in text
