"""What the fifth editorial read found in the comparison, read back as a reader gets it.

No sentence tells the reader to check the pack: the purpose says the grades are
as the sources give them, and the note on constructed grades says where the
others come from; and a question graded in one cycle only whose grade was
carried over from a cycle the data has no grade for says so beside it.
Asserted on the PDF, DOCX and HTML text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docread import review_comparison, text_of

import peeldocs
from peeldocs.blocks import Pack
from peeldocs.build.registry import render

COMPARE = Path(__file__).resolve().parent / "fixtures" / "compare"
FORMATS = ("pdf", "docx", "html")
HEAD = "force,cycle,pillar,question,grade,status,source\n"


def _text(pack: Pack | None, fmt: str) -> str:
    data = review_comparison(fmt) if pack is None else render(pack, fmt)
    if fmt == "html":  # the page's text, not its style sheet
        data = re.sub(rb"<style\b.*?</style>", b" ", data, flags=re.S)
    return " ".join(text_of(data, fmt).replace("•", " ").split())


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    """The reviewed comparison in each format, whitespace folded."""
    return {fmt: _text(None, fmt) for fmt in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_sentence_tells_the_reader_to_check_the_pack(documents: dict[str, str],
                                                        fmt: str) -> None:
    text = documents[fmt]
    assert "before relying" not in text and "check those" not in text.lower()
    assert "The grades are taken as given in the sources listed below. • " in text \
        or "The grades are taken as given in the sources listed below. A table" in text
    # the page's running head and foot may fall between the two sentences in the PDF
    flowing = re.sub(r" Norfolk · PEEL [^{]*? Page \d+ of \d+( \{to be completed: protective marking\})*",
                     "", text)
    assert "at the end of the pack. In the tables" in flowing
    # the caution is in the note on constructed grades, as a fact about the others
    # the notice names where the other grades come from, in one sentence before the caution
    assert ("which are from the published HMICFRS report “Norfolk PEEL 2018”. The constructed "
            "grades are not HMICFRS judgments") in text
    assert "named below" not in text and "set out below" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_carried_over_grade_is_said_beside_no_grade_in_its_cycle(documents: dict[str, str],
                                                                   fmt: str) -> None:
    text = documents[fmt]
    # the lead says only that each is in one cycle, never "no grade in 2016" beside a row
    # carried over from 2016; the row itself says where its grade comes from (read 9)
    assert "For the following, the data holds the 2018/19 entry only." in text
    assert "no grade for them in 2016" not in text
    assert "Good (carried over from 2016;" in text


def test_the_others_are_said_as_their_sources_state(tmp_path: Path) -> None:
    made = tmp_path / "made.csv"
    made.write_text(HEAD + "Kent,2016,effectiveness,,good,,constructed\n"
                           "Essex,2016,effectiveness,,good,,constructed\n")
    copied = tmp_path / "copied.csv"
    copied.write_text(HEAD + "Surrey,2016,effectiveness,,good,,HMICFRS\n")
    unsaid = tmp_path / "unsaid.csv"
    unsaid.write_text(HEAD.replace(",source", "") + "Sussex,2016,effectiveness,,good,\n")
    both = _text(peeldocs.compare([made, copied, unsaid]), "html")
    assert ("The other grades are from the table of grades that says they were copied from "
            "published HMICFRS reports, or from a table of grades that does not say where their "
            "grades come from; those are not known to be HMICFRS judgments.") in both
    one = _text(peeldocs.compare([made, unsaid]), "html")
    assert ("The other grades are from a table of grades that does not say where their grades "
            "come from, so they are not known to be HMICFRS judgments.") in one
    # a pack with nothing constructed has no such note, and no instruction either
    real = _text(peeldocs.compare([copied, unsaid]), "html")
    assert "The other grades" not in real and "before relying" not in real
    assert "The grades are taken as given in the sources listed below." in real


def test_a_carried_over_grade_in_one_cycle_names_its_cycle_only_when_known(
        tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(HEAD + "Kent,2016,efficiency,,good,,HMICFRS\n"
                            "Kent,2018/19,efficiency,,good,,HMICFRS\n"
                            "Kent,2018/19,effectiveness,4,good,carried over,HMICFRS\n"
                            "Kent,2016,legitimacy,2,outstanding,,HMICFRS\n", encoding="utf-8")
    text = _text(peeldocs.compare([table]), "html")
    assert "For the following, the data holds one cycle’s entry only." in text
    assert "Effectiveness question 4 (2018/19 wording not recorded) 2018/19 Good " \
           "(carried over)" in text
    assert "carried over from" not in text  # the table gives no cycle: none is named
    assert "has two rows" not in text  # two numbers, each in one cycle: nothing to explain
