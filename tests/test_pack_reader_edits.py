"""The briefing pack as an editor with the report beside them reads it (the second pack review).

Each test asserts on what a reader gets: the text of the PDF, of the DOCX and of
the HTML as a browser reads it, for a pillar report and a force assessment,
with and without a plan.
"""

from __future__ import annotations

import dataclasses
import re
import zipfile
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
import yaml
from docread import browser_joins, norfolk_plan, text_of

import peeldocs
from peeldocs.model import Report
from peeldocs.options import Options

ROOT = Path(__file__).parent.parent
NORFOLK = ROOT / "data" / "norfolk-2018-effectiveness.yaml"
FORMATS = ("pdf", "docx", "html")


def _text(report: Report, options: Options, fmt: str) -> str:
    data = peeldocs.render(peeldocs.build_pack(report, options), fmt, options)
    text = " ".join(text_of(data, fmt).split())
    # the test reader joins an element's text with a space, where a browser runs it on
    return re.sub(r" (?=[,.;:)])", "", text) if fmt == "html" else text




NO_PLAN = Options(as_of=date(2019, 6, 10), published=date(2019, 5, 2))


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_earlier_finding_in_the_question_text_is_not_quoted_again_above_it(
        norfolk: Report, fmt: str) -> None:
    text = _text(norfolk, NO_PLAN, fmt)
    # read 33: the box says what each was about, its opening sentence quoted (cut, marked),
    # not the whole passage again: the words after its first sentence are in the text once
    assert "E-2017-AFI-2 2017 area for improvement: “[The area for improvement] concerned " \
           "[the force’s] use of domestic violence protection notices and orders (DVPNs and " \
           "DVPOs) and Clare’s Law. …” Outcome: addressed." in text
    assert text.count("We asked the force to review this and ensure it was making best use") == 1
    assert text.count("This would enhance its understanding of the threat") == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_summary_opens_with_the_bottom_line_and_names_the_live_s55_deadline(
        norfolk: Report, fmt: str) -> None:
    text = _text(norfolk, NO_PLAN, fmt)
    brief = text.index("In brief:")
    opening = text[brief:text.index("The chief officer group is asked")]
    opening = browser_joins(opening) if fmt == "html" else opening  # "(E-2017-AFI-1)" whole
    assert "good at effectiveness" in opening and "Question 2 was graded requires improvement" \
        in opening
    # the recommendation the report makes only in its findings' text is not counted as listed
    assert ("The report lists three areas for improvement to act on and, in the text of its "
            "question 5 findings, makes one recommendation, to Norfolk and Suffolk "
            "Constabularies jointly (E5-REC-1).") in opening
    # the finding lacking progress is named in words (the summary quotes it just below)
    assert ("not made enough progress on the 2017 area for improvement (E-2017-AFI-1), "
            "reconsidered under question 2") in opening
    assert "E-2017-AFI-1" in opening
    assert "on E-2017-AFI-1" not in opening
    # read 33: the deadline still ahead is in the ask just below, not in In brief as well
    assert "26 June 2019" not in opening
    asks = text[text.index("The chief officer group is asked"):]
    assert asks.index("publish with the commissioner’s own by 26 June 2019") < asks.index(
        "Judgments by question")
    due = text.index("Deadlines and what is due next", brief)  # no plan: nothing is "overdue"
    # the chief constable's comments are part of what is published (found in review: the
    # group's most urgent step before the deadline was not said)
    s55 = text.index("must publish comments on this report, with any comments the chief constable submits, "
                     "by 26 June 2019, 16 days after this pack was prepared (Police Act 1996, "
                     "section 55).")
    # the report's own summary follows the judgments (read 33), before what is due
    assert text.index("What the inspectorate said", brief) < due < s55


def test_a_long_passed_s55_deadline_is_left_to_the_action_plan(norfolk: Report) -> None:
    options = norfolk_plan(norfolk)
    text = _text(norfolk, options, "pdf")
    summary = text[text.index("In brief:"):text.index("What the inspectorate said")]
    assert "26 June 2019" not in summary
    assert "published by 26 June 2019" in text  # the action plan still asks it (read 35)
    recent = _text(norfolk, dataclasses.replace(NO_PLAN, as_of=date(2019, 7, 1)), "html")
    assert ("published by 26 June 2019 (Police Act 1996, section 55), five days before this "
            "pack was prepared?") in recent


@pytest.mark.parametrize("fmt", FORMATS)
def test_notes_on_method_are_said_once_after_the_findings(norfolk: Report, fmt: str) -> None:
    text = _text(norfolk, NO_PLAN, fmt)
    notes = text.rindex("Notes on this pack")
    for note in ("Words in square brackets are added in quoting, or replace the report’s own words",
                 "including the report’s own typing slips such as “offending.The force”",
                 "begins “We recommend” is treated as a recommendation",
                 "should, must or needs to act are quoted after the findings to act on"):
        assert text.count(note) == 1, note
        assert text.index(note) > notes, note
    # they close the pack, after the action plan: placed before it, they were left alone on
    # the page before the landscape plan
    assert text.rindex("The force should review its operational briefing") \
        < text.rindex("Findings needing an action plan") < notes
    assert "it calls for action like any other" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_area_with_nothing_to_act_on_says_so_in_one_line(example: Report, fmt: str) -> None:
    text = _text(example, Options(as_of=date(2025, 4, 1)), fmt)
    found = re.search(r"Managing offenders and suspects Grade:? Good", text)
    assert found is not None
    area = found.start()
    assert text[area:area + 150].count(
        "The report lists no areas for improvement or causes of concern in this area.") == 1
    # the grades are in the table, said once; numbers to ten in words
    assert "The report assesses ten areas of policing and grades nine of them" in text
    assert "constructed for illustration" in text and "peeldocs example" not in text


def test_a_partial_import_never_says_a_question_lists_nothing(example: Report) -> None:
    partial = dataclasses.replace(example, questions=example.questions[:7],
                                  areas_assessed=len(example.questions))
    text = _text(partial, Options(as_of=date(2025, 4, 1), allow_unknown=True), "html")
    assert "The report lists no areas for improvement" not in text
    norfolk = peeldocs.load_report(NORFOLK)
    whole = _text(norfolk, NO_PLAN, "html")
    assert whole.count("The report lists no areas for improvement under this question.") == 3


def test_the_docx_chart_legend_reads_in_the_order_of_the_bars_and_numbers_as_stated(
        norfolk: Report, example: Report) -> None:
    # the example's one compared figure is a sentence (read 33): a second, synthetic, makes a chart
    (called,) = [f for f in example.key_figures if f.comparator_value is not None]
    twice = dataclasses.replace(example, key_figures=(*example.key_figures, dataclasses.replace(
        called, id="A4-FIG-9", label="Synthetic second figure")))
    for report, force, mixed in ((norfolk, "Norfolk", False), (twice, "Exampleshire", True)):
        data = peeldocs.render(peeldocs.build_pack(report, Options(as_of=date(2025, 4, 1))),
                               "docx")
        with zipfile.ZipFile(BytesIO(data)) as z:
            xml = z.read("word/charts/chart1.xml").decode()
        names = re.findall(r"<c:tx>.*?<c:v>([^<]*)</c:v>", xml)
        # drawn bottom-up and listed in reverse: the force last here is first on the page
        assert names[-1] == force
        assert '<c:orientation val="minMax"/></c:scaling><c:delete val="0"/>' in xml
        assert ('formatCode="General&quot;%&quot;"' in xml) is mixed  # 90% beside 71.2%


def test_the_figure_label_uses_the_report_s_words() -> None:
    data = yaml.safe_load(NORFOLK.read_text(encoding="utf-8"))
    labels = [f["label"] for f in data["key_figures"]]
    assert "Crimes finalised: suspect identified, victim does not support an investigation" \
        in labels
    assert not any("support action" in label for label in labels)
    assert "Open Government Licence" in NORFOLK.read_text(encoding="utf-8")
