"""What the fourth editorial read found in the register and its update paper, read back.

The main message said first, from the data; whose register it is (the force the
plans record, or a marked placeholder); a rating or moved target said as a
person writes it; a finding cut to its first sentence headed so and said once;
counts in words to ten; typographic apostrophes; and the update's overdue
heading kept with its tables.  Asserted on the text of the PDF, the DOCX, the
HTML and the workbook a reader gets.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pdfplumber
import pytest
from docread import REVIEW_PLANS, reader_text
from pypdf import PdfReader

import peeldocs
from peeldocs.sections.register_message import main_message

FORMATS = ("pdf", "docx", "html")
THEMATIC = ("“Constructed example: an inspection of how forces record and review missing person "
            "reports”")
MESSAGE = ("Four findings are past their target date, the most overdue by more than five "
           "years (1,842 days). Three areas for improvement from the PEEL inspection (E-2017-AFI-1, E2-AFI-1 "
           "and E2-AFI-2) have had no progress reported for more than five years: the latest "
           "update on any of them is dated 2 September 2019, and none has ever been recorded for "
           "E2-AFI-2, which has no owner. Whether they are still live, or have been overtaken by "
           "later inspections, is not recorded. Two recommendations are past HMICFRS’s own "
           "deadlines (R3’s passed on 14 September 2024 and R1’s on 30 September 2024). No "
           "owner has been recorded for a recommendation from the national thematic "
           "inspection (R2) either.")
"""Each inspection is named in full once, where the register says what it covers; briefly here."""
R2_WORDS = "should agree how the return home interview service is commissioned and monitored"


@pytest.fixture(scope="module")
def texts(register_texts: dict[str, str]) -> dict[str, str]:
    """What a reader gets from each document in each format (conftest's register_texts)."""
    return register_texts


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_main_message_is_said_first(texts: dict[str, str], fmt: str) -> None:
    register, update = texts[f"register.{fmt}"], texts[f"update.{fmt}"]
    assert MESSAGE in register
    # first, what matters most (read 33), then what the register covers, before its counts;
    # in the paper, straight after its purpose, where it leads with the quarter
    # (test_register_review5) and says the long-standing point briefly
    assert register.index(MESSAGE) < register.index("This register tracks every finding") < \
        register.index("Where the actions stand")
    assert update.index("1.1") < update.index("1.2 In brief: since 15 October 2024, no progress") < \
        update.index("have had no progress reported for more than five years") < \
        update.index("2. Recommendation")


def test_the_main_message_follows_the_data() -> None:
    # nothing quiet for long and everyone owned: nothing said
    reg = peeldocs.register(REVIEW_PLANS[1:], as_of="2024-10-15")
    recent = dataclasses.replace(reg, entries=tuple(e for e in reg.entries
                                                    if e.state.item.finding == "R3"))
    # read 34: but past HMICFRS's own deadline, whatever its moved target, it stands out
    assert main_message(recent) == ("One recommendation is past HMICFRS’s own deadline (R3’s "
                                    "passed on 14 September 2024).")
    before = dataclasses.replace(recent, as_of=date(2024, 9, 14))
    assert main_message(before) is None
    # one finding never updated: dated from the report, and only the page's date was read
    early = main_message(peeldocs.register(REVIEW_PLANS[:1], as_of="2019-10-15"))
    # read 36: how many are overdue, and by how long, leads
    assert early == ("One finding is past its target date, by 15 days. An area for improvement from the PEEL inspection (E2-AFI-2) has had "
                     "no progress reported for more than five months: no update has been "
                     "recorded for it since the report was last updated, on 2 May 2019, and it "
                     "has no owner.")
    thematic = main_message(peeldocs.register(REVIEW_PLANS[1:], as_of="2024-09-15"))
    assert thematic is not None
    assert "since the report was published on 14 March 2024" in thematic


@pytest.mark.parametrize("fmt", FORMATS)
def test_whose_register_it_is_is_never_invented(texts: dict[str, str], fmt: str) -> None:
    register, update = texts[f"register.{fmt}"], texts[f"update.{fmt}"]
    for text in (register, update):
        assert "no force recorded" not in text
        assert f"and the plan for the national thematic inspection {THEMATIC}" in text
        assert text.count(THEMATIC) == 1  # in full once; then 'the national thematic inspection'
        assert text.count("PEEL 2018/19 effectiveness inspection") <= 2  # in full, and its heading
    # one plan records no force: the title names none, and the paper asks whose it is
    assert register.startswith("Register of actions on HMICFRS")
    assert "Register of {to be completed: the force or office whose register this is}" in update
    assert ("In the table at the top, “Register of”: the force or office whose register this "
            "is") in update and "About this paper: " not in update
    # the marking in every page's header and footer is one of them (read 21-C)
    assert "This paper has 13 parts that only its author can write." in update
    assert "In the header and footer of each page: protective marking" in update


def test_a_register_of_one_force_is_titled_by_it(tmp_path: Path) -> None:
    reg = peeldocs.register(REVIEW_PLANS[:1], as_of="2019-10-15")
    written = peeldocs.write_register(reg, "pdf,docx,html,xlsx", tmp_path / "register")
    paper = peeldocs.write_register(reg, "pdf,docx,html", tmp_path / "update",
                                    document="update")
    title = ("Norfolk Constabulary: register of actions on HMICFRS areas for improvement as of "
             "15 October 2019")
    for path in written:
        if path.suffix == ".xlsx":
            book = openpyxl.load_workbook(path)
            assert book.properties.title == title
            shown = openpyxl.load_workbook(path, data_only=True)  # as exported
            assert any(title in str(c.value) for row in shown["Register"].iter_rows()
                       for c in row if c.value)
        else:
            assert reader_text(path).startswith(title), path
    for path in paper:
        text = reader_text(path)
        assert text.startswith("Norfolk Constabulary: progress on HMICFRS areas for improvement "
                               "as of 15 October 2019"), path
        assert "whose register this is" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_progress_entries_read_as_a_person_writes_them(texts: dict[str, str], fmt: str) -> None:
    for doc in ("register", "update"):
        text = texts[f"{doc}.{fmt}"]
        assert "as the latest update says" not in text and "by hand" not in text.lower()
        assert ("Target moved from 31 July 2019 (as the update of 2 September "
                "2019 says).") in text
    assert ("Rated Green by the plan’s author: Example reason. Closed four days "
            "late but fully delivered.") in texts[f"register.{fmt}"]
    # the row says whose rating it is; the key, whose date rates it (read 36: kept to 3 lines)
    assert "Ratings follow the force’s own target date" in texts[f"register.{fmt}"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_finding_cut_to_its_first_sentence_is_headed_so_and_said_once(
        texts: dict[str, str], fmt: str) -> None:
    update = texts[f"update.{fmt}"]
    for text in texts.values():
        assert "opening words" not in text
    assert "with the finding’s first sentence, the latest update" in update
    assert "Finding (first sentence, verbatim)" in update
    # R2 is quoted once, in 4.2 (the commissioner's share); the overdue table points there
    assert update.count(R2_WORDS) == 1
    assert "Quoted in paragraph 4.2." in update
    overdue = update[update.index("6.1 "):update.index("7. Inspections expected next")]
    # to whom each is addressed is said in every table that lists it
    assert "R1 recommendation addressed to all forces" in overdue
    assert "R3 recommendation addressed to all forces" in overdue
    became = update[update.index("5.2 "):update.index("6.1 ")]
    assert ("5.2 The two findings that became overdue are R3 (target date 20 December 2024; "
            "HMICFRS’s deadline passed on 14 September 2024) and R2 (target date 31 December "
            "2024; the date HMICFRS set; quoted in paragraph 4.2). Each is set out with its "
            "progress under “6. Overdue actions”.") in became
    assert "Became overdue since" not in update  # named there, not tabled a second time


def test_the_overdue_tables_head_their_findings_in_word(register_review: Path) -> None:
    document = docx.Document(str(register_review / "update" / "update.docx"))
    heads = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert ["Ref", "Finding (first sentence, verbatim)", "Actions", "Owner and target date",
            "Progress"] in heads  # five columns in portrait, so the finding reads as prose
    # those that became overdue are named in 5.2, not tabled again ahead of section 6
    assert ["Ref", "Inspection", "Owner", "Target date"] not in heads


@pytest.mark.parametrize("fmt", FORMATS)
def test_counts_follow_one_rule(texts: dict[str, str], fmt: str) -> None:
    register, update = texts[f"register.{fmt}"], texts[f"update.{fmt}"]
    # said once (read 23-R): the intro counts the findings, 'Where the actions stand' the actions
    assert "That is eight findings from two inspections." in register  # read 33: split
    assert register.count("with seven actions planned between them") == 1
    assert ("two awaiting allocation, four in progress, none pending sign-off and two closed"
            in update)
    assert "two findings became overdue" in update
    for text in (register, update):
        assert "8 findings" not in text and "2 findings" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_straight_apostrophe(texts: dict[str, str], fmt: str) -> None:
    for doc in ("register", "update"):
        assert "'" not in texts[f"{doc}.{fmt}"], doc
    assert "National Police Chiefs’ Council" in texts[f"register.{fmt}"]


def test_the_workbook_has_no_straight_apostrophe(register_review: Path) -> None:
    book = openpyxl.load_workbook(register_review / "register" / "register.xlsx")
    shown = [str(c.value) for ws in book.worksheets if ws.title != "As exported"
             for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [v for v in shown if "Chiefs'" in v]


def test_the_overdue_heading_is_kept_with_its_tables(register_review: Path) -> None:
    pages = [" ".join(p.extract_text().split())
             for p in PdfReader(register_review / "update" / "update.pdf").pages]
    [at] = [i for i, text in enumerate(pages) if "6. Overdue actions 6.1" in text]
    assert "Finding (first sentence, verbatim)" in pages[at]
    assert "E-2017-AFI-1" in pages[at]


def test_the_target_date_takes_no_more_than_four_lines(register_review: Path) -> None:
    # the owner and the target date share a column, so the finding has room to read as prose
    with pdfplumber.open(register_review / "update" / "update.pdf") as pdf:
        for page in pdf.pages:
            words = page.extract_words()
            # the table's cell, not 6.1's "more than five years (1,934 days)" (read 24-X)
            count = next((w for i, w in enumerate(words) if w["text"] == "(1,934"
                          and words[i + 1:i + 2] and words[i + 1]["text"] != "days)."), None)
            if count is None:
                continue
            column = [w for w in words if abs(w["x0"] - count["x0"]) < 40
                      and count["top"] - 30 < w["top"] < count["top"] + 30]
            lines = sorted({round(w["top"]) for w in column
                            if w["text"] in ("30", "September", "2019", "(1,934", "days",
                                             "overdue)")})
            assert 2 <= len(lines) <= 4, lines
            return
    pytest.fail("no target date of 1,934 days overdue in the update paper")
