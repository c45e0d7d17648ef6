"""What editorial read 22-X asked of the comparison, read back as a reader gets it.

The summary says the report lists no recommendations, then points to the one its
question 5 findings make; it follows Norfolk over time within each grading
scale, labelled illustrative, never across the change of scale.  A question
held for one cycle only whose grade is carried over says from when; the
findings-by-cycle cell sets the findings' other call to act beside the
recommendation, said not to be listed by HMICFRS; the note under the inputs is
plain words.  Checked in PDF, DOCX and HTML text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docread import review_comparison, text_of

from peeldocs.comparisons.loading import load_comparison
from peeldocs.comparisons.over_time import over_time
from peeldocs.comparisons.pack import focus_force

COMPARE = Path(__file__).resolve().parent / "fixtures" / "compare"
FORMATS = ("pdf", "docx", "html")
RECOMMEND = ("“We recommend Norfolk and Suffolk Constabularies to work with other forces in the "
             "east of England to develop a regional specialist capability.”")


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    return {fmt: " ".join(text_of(review_comparison(fmt), fmt).split()) for fmt in FORMATS}


def _summary(text: str) -> str:
    body = text.index("Summary", text.index("What was compared") + 20)  # after the contents
    return text[body:text.index("What was compared", body)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_summary_says_what_none_refers_to_and_quotes_the_recommendation(
        documents: dict[str, str], fmt: str) -> None:
    summary = _summary(documents[fmt])
    assert ("The report set three areas for improvement and no causes of concern. Its areas for "
            "improvement (all under question 2) begin: “The force must ensure that staff with the "
            "right skills are investigating crimes …”; “The force should improve how it allocates "
            "crime …”; and “The force should ensure regular and active supervision …”. It lists no "
            "recommendations, although its question 5 findings make one in their text (quoted "
            "under “Findings by cycle”).") in summary
    assert RECOMMEND not in summary  # quoted once, where the findings are (issue 23)
    assert "it lists none" not in summary


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_summary_follows_the_force_over_time_within_each_scale(
        documents: dict[str, str], fmt: str) -> None:
    summary = _summary(documents[fmt])
    four = ("Across cycles (illustrative, but Norfolk’s 2018/19 effectiveness grade is "
            "published), on the four-tier scale (PEEL 2016 to "
            "2018/19): effectiveness good in 2016, 2017 and 2018/19; efficiency good in 2016, "
            "then outstanding in 2017 and 2018/19; legitimacy good in 2016 and 2017, then requires "
            "improvement in 2018/19.")
    five = ("Across cycles (illustrative), on the five-tier scale (PEEL "
            "2021/22 to 2023–25): preventing crime and anti-social "
            "behaviour adequate in 2021/22, not yet graded in 2023–25; responding to the public "
            "adequate in 2021/22 and requires improvement in 2023–25; investigating crime adequate "
            "in 2021/22 and good in 2023–25; protecting vulnerable people adequate in 2021/22 and "
            "2023–25.")
    assert four in summary and five in summary and summary.index(five) < summary.index(four)  # read 36
    # the four-tier sentence names no five-tier cycle: no change read across the scales
    assert "2021/22" not in four and "2023–25" not in four


def test_over_time_never_reads_a_change_across_the_scales() -> None:
    # one cycle on each scale: nothing to follow within a scale, so nothing is said
    data = load_comparison([COMPARE / "constructed-2018-19-pillars.csv",
                            COMPARE / "constructed-2021-22-areas.csv"])
    assert over_time(data, focus_force("Norfolk")) == ()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_grade_carried_over_is_not_said_to_be_the_only_one(documents: dict[str, str],
                                                             fmt: str) -> None:
    text = documents[fmt]
    assert ("For the following, the data holds the 2018/19 entry only. Effectiveness "
            "question 4’s 2018/19 grade is the one given in 2016, carried over.") in text
    assert "only the 2018/19 grade is available" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_recommendation_cell_sets_the_other_call_to_act_beside_it(
        documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    cell = text.index("None listed as recommendations;")
    # read 35: quoted in a paragraph under the table, the other call to act beside it
    assert text.index(f"In PEEL 2018/19, the question 5 findings say: {RECOMMEND} They also say, "
                      "in a sentence the report does not set out as an area for improvement or a "
                      "recommendation: “The force should review "
                      "its operational briefing and debriefing procedures.”") > cell


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_note_on_sources_is_plain(documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    assert "as the table itself states it" not in text
    assert ("The Source column repeats each table’s own statement of where its grades come "
            "from; it has not been verified independently.") in text
    assert "this pack has not checked" not in text
