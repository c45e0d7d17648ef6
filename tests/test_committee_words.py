"""What a reader of the committee paper, the s.55 response and the pack gets (editors' faults).

Deadlines in the report's words with any date we worked out labelled as ours;
earlier findings named in words, not codes; the preparer's checklist kept out of
the body; findings grouped, not repeated; quotations that start where a sentence
starts; no disclaimer quoted as the report's summary.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from docread import browser_joins, norfolk_plan, rendered, text_of

from peeldocs.model import Report
from peeldocs.options import Options

FORMATS = ("pdf", "docx", "html")


def _text(report: Report, options: Options, fmt: str) -> str:
    """The text a reader gets; in HTML, as a browser joins the spans that keep dates whole."""
    text = " ".join(text_of(rendered(report, options, fmt), fmt).split())
    return browser_joins(text) if fmt == "html" else text




@pytest.mark.parametrize("fmt", FORMATS)
def test_deadlines_are_the_reports_words_and_our_dates_are_labelled(example: Report,
                                                                      fmt: str) -> None:
    for kind in ("s55", "committee"):
        text = _text(example, Options(document=kind, as_of=date(2024, 10, 1)), fmt)
        assert "as the report sets" not in text and "Deadline set by the report:" not in text
        assert ("within three months of publication (that is, by 12 December 2024)" if kind ==
                "committee" else "“within three months” (that is, by 12 December 2024, three "
                "months from publication)") in text, kind
        assert ("immediately (report published 12 September 2024). Action"  # read 36: never passes
                if kind == "s55" else
                "Immediate (from publication, 12 September 2024): to confirm it is in place") in text, kind
        assert "by 31 March 2025" in text, kind
    s55 = _text(example, Options(document="s55", as_of=date(2024, 10, 1)), fmt)
    assert ("The report’s deadline: “within three months” (that is, by 12 December "
            "2024, three months from publication)") in s55


@pytest.mark.parametrize("fmt", FORMATS)
def test_earlier_findings_are_named_in_words_not_codes(norfolk: Report, fmt: str) -> None:
    options = Options(document="committee", published=date(2019, 5, 2), as_of=date(2019, 6, 10))
    paper = _text(norfolk, options, fmt)
    assert "findings the report finds" not in paper and "finds addressed:" not in paper
    # three quotations are too many for one sentence read aloud: one a line, under a lead-in
    paper = paper.replace("– ", "")  # the PDF's list marks, as text
    assert ("The report finds that the force has addressed three earlier findings: the 2017 area "
            "for improvement, reconsidered under question 3, “[The area for improvement] concerned [the force’s] use of "
            "domestic violence protection notices and orders (DVPNs and DVPOs) and Clare’s Law. …” "
            "(E-2017-AFI-2). The report says: “We are reassured that the force has addressed this "
            "area and made satisfactory improvements.” the 2016 area for improvement, reconsidered under question 4, “… the force needed "
            "to further develop") in paper
    assert "(E-2017-AFI-2); the 2016" not in paper
    # quoted from mid-passage, each reads as the finding it names: never a dangling opening
    for dangling in ("“This concerned", "“First,", "“Second,"):
        assert dangling not in paper
    pack = _text(norfolk, Options(published=date(2019, 5, 2), as_of=date(2019, 6, 10)), fmt)
    assert "finds addressed:" not in pack
    assert ("The report finds that the force has addressed three earlier areas for improvement, "
            "under questions 3 and 4.") in pack  # each is named and quoted on its question's page
    # read 33: the box says what it was about, its opening quoted (marked mid-passage)
    assert "E-2016-AFI-1 2016 area for improvement: “… the force needed to further develop" in pack


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_checklist_is_a_final_part_to_remove(norfolk: Report, fmt: str) -> None:
    text = _text(norfolk, Options(document="committee"), fmt)
    body = text[:text.index("Before issuing: notes for the preparer (remove this part)")]
    assert "To complete before this paper is issued" not in body
    assert "Source and licence" in body and "8.3" in body
    notes = text[len(body):]
    assert "To complete before this paper is issued" in notes
    assert ("Remove this heading and everything after it, except any protective marking at the "
            "end, before the paper is issued.") in notes


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_constructed_summary_is_labelled_once_and_no_disclaimer_is_quoted(
        example: Report, fmt: str) -> None:
    text = _text(example, Options(document="committee", as_of=date(2025, 4, 1)), fmt)
    found = text[text.index("5.1"):text.index("6. Findings")]
    for own in ("(constructed verdict)", "(constructed example)"):  # the data's own labels, quoted
        found = found.replace(own, "")
    assert found.count("onstructed") == 1  # "The constructed report summarises ..."
    assert "This text is constructed" not in text and "imitates the layout" not in found
    assert "We found that Exampleshire Constabulary records crime accurately" in found


@pytest.mark.parametrize("fmt", FORMATS)
def test_recommendations_to_the_committee_quote_from_a_sentence_start(norfolk: Report,
                                                                       fmt: str) -> None:
    options = dataclasses.replace(norfolk_plan(norfolk), document="committee")
    text = _text(norfolk, options, fmt)
    asked = text[text.index("2.1"):text.index("3. Background")]
    assert "“…" not in asked and "“ …" not in asked
    assert "work with …" not in asked and "supervision in …" not in asked


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_paper_gives_the_inspectorates_verdict_on_what_lacks_progress(
        norfolk: Report, example: Report, fmt: str) -> None:
    # Found in review: the paper listed the 2017 finding as overdue or to act on, but never
    # said that the report had found not enough progress on it, in the report's words.
    paper = _text(norfolk, Options(document="committee", published=date(2019, 5, 2),
                                   as_of=date(2019, 6, 10)), fmt)
    found = paper[paper.index("What the report found"):paper.index("6. Findings")]
    assert ("On the 2017 area for improvement, reconsidered under question 2 (E-2017-AFI-1), the report says: "
            "“The force has not made enough progress.” The report adds: “[The force] must do "
            "more to ensure that supervision is consistent and appropriate in all investigations "
            "– not just those that involve vulnerable victims.”") in found
    constructed = _text(example, Options(document="committee", as_of=date(2025, 4, 1)), fmt)
    assert "the report says: “The force hasn’t made enough progress" in constructed
