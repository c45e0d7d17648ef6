"""What the fifth editorial read found in the register and its update paper, read back.

The paper's summary leads, briefly, with the quarter (whether anything was
reported, what became overdue, how many open findings are overdue), then the
long-standing point and the findings with no owner, each said once; the background's register is nobody's in particular; a plan is named by
its inspection, never by a gap in the data; and a register whose plans record
no one force asks, as the paper does, whose it is.  Asserted on the text of the
PDF, the DOCX and the HTML a reader gets.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docread import REVIEW_PLANS, reader_text

import peeldocs
from peeldocs.sections.register_message import main_message, quarter_message
from peeldocs.sections.register_words import commissioner_name

FORMATS = ("pdf", "docx", "html")
THEMATIC = ("“Constructed example: an inspection of how forces record and review missing person "
            "reports”")
QUARTER = ("In brief: since 15 October 2024, no progress was reported on any finding; two "
           "recommendations (R2 and R3) became overdue, and all six open findings are now past "
           "their target date. R1, R2 and R3 are past HMICFRS’s own deadlines. Three areas "
           "for improvement from the PEEL inspection "
           "(E-2017-AFI-1, E2-AFI-1 and E2-AFI-2) have had no progress reported for more than "
           "five years: the latest update on any of them is dated 2 September 2019, and none "
           "has ever been recorded for E2-AFI-2.")  # read 24-X: a finding never updated is
# said to be so; which findings have no owner is said once, in the asks (read 32)


@pytest.fixture(scope="module")
def texts(register_texts: dict[str, str]) -> dict[str, str]:
    """What a reader gets from each document in each format (conftest's register_texts)."""
    return register_texts


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_paper_leads_with_the_quarter(texts: dict[str, str], fmt: str) -> None:
    update = texts[f"update.{fmt}"]
    assert "1.2 " + QUARTER in update
    assert update.index(QUARTER) < update.index("2. Recommendation")
    # a short summary: the commissioner's share (4.2) and what changed (5.1) are said there
    summary = update[update.index("1.2 "):update.index("2. Recommendation")]
    # short: with the date of the latest update and the finding never updated (read 24-X)
    assert "Police and Crime Commissioner" not in summary and len(summary.split()) < 90
    assert "(R3 and R2)" not in update  # references in their natural order
    # the register's October lead is not repeated whole: the update paper says what the
    # register says of how long (read 24-X: a finding never updated is said to be so), and
    # owners in a sentence of its own, counted across both inspections
    assert "which has no owner" not in update[:update.index("2. Recommendation")]


def _quarter(plans: list[str], as_of: str, since: str) -> str:
    said = quarter_message(peeldocs.register(plans, as_of=as_of, since=since))
    assert said is not None
    return said


def test_the_quarter_is_said_from_the_data() -> None:
    # progress reported, one finding became overdue, some open findings not overdue
    said = _quarter(REVIEW_PLANS, "2024-10-15", "2024-08-25")
    assert said.startswith("In brief: since 25 August 2024, progress was reported on one "
                           "finding; a recommendation (R1) became overdue, and four of the six "
                           "open findings are now past their target date.")
    assert "partly to" not in said  # R2 is not yet overdue
    # a longer span: more progress, and a finding closed
    assert _quarter(REVIEW_PLANS, "2024-10-15", "2024-07-15").startswith(
        "In brief: since 15 July 2024, progress was reported on two findings and one finding "
        "closed;")
    # one of three overdue; the long-standing finding is the only one quiet, and unowned
    one = _quarter(REVIEW_PLANS[:1], "2019-10-15", "2019-06-01")
    assert "and one of the three open findings is now past its target date." in one
    assert one.endswith("An area for improvement from the PEEL inspection (E2-AFI-2) has "
                        "had no progress reported for more than five months: no update has "
                        "been recorded for it since the report was last updated, on 2 May "
                        "2019.")  # its missing owner: in the asks (read 32)
    # with no earlier register or date, the paper says what the register says first
    alone = peeldocs.register(REVIEW_PLANS, as_of="2025-01-15")
    assert quarter_message(alone) == main_message(alone)


def test_the_commissioner_is_named_in_full() -> None:
    both = peeldocs.register(REVIEW_PLANS, as_of="2025-01-15")
    assert commissioner_name(both) == "the Police and Crime Commissioner"
    # a register of one force: its local policing body on the as-of date, from the table
    norfolk = peeldocs.register(REVIEW_PLANS[:1], as_of="2019-10-15")
    assert commissioner_name(norfolk) == "the Police and Crime Commissioner for Norfolk"


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_document_says_the_commissioner_bare(texts: dict[str, str], fmt: str) -> None:
    update = texts[f"update.{fmt}"]
    assert "to the commissioner" not in update
    assert ("One open recommendation falls partly to the Police and Crime Commissioner, "
            "because it is addressed to chief constables and police and crime commissioners.") \
        in update


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_background_is_true_whoever_keeps_the_register(texts: dict[str, str],
                                                           fmt: str) -> None:
    update = texts[f"update.{fmt}"]
    assert "The force keeps" not in update and "the force’s actions" not in update
    assert ("3.2 The register records every item being answered, with its owner, its lead, "
            "its target dates and dated progress updates;") in update


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_plan_is_named_by_its_inspection(texts: dict[str, str], fmt: str) -> None:
    for doc in ("register", "update"):
        text = texts[f"{doc}.{fmt}"]
        assert "does not record whose" not in text
        assert ("two action plans: Norfolk Constabulary’s plan for its PEEL 2018/19 effectiveness "
                f"inspection, and the plan for the national thematic inspection {THEMATIC}") in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_register_asks_whose_it_is(texts: dict[str, str], fmt: str) -> None:
    register = texts[f"register.{fmt}"]
    assert "Register of {to be completed: the force or office whose register this is}" in register
    assert "To complete before this register is issued" in register
    assert ("This register has three parts that only its author can write. Each is shown in "
            "curly brackets") in register
    # its marking in the table, and in every page's header and footer (read 21-C)
    assert "In the header and footer of each page: protective marking" in register
    # pointed to by the row's label, which every format shows; never by the caption, which
    # only the HTML shows (read 16-R)
    assert ("In the table at the top, “Register of”: the force or office whose register this "
            "is") in register
    assert "About this register: " not in register
    # asked before the register's first message
    assert register.index("To complete before") < register.index("Three areas for improvement")


def test_a_register_of_one_force_asks_nothing(tmp_path: Path) -> None:
    # its marking asked for: the title names the force, the page header the marking
    reg = peeldocs.register(REVIEW_PLANS[:1], as_of="2019-10-15")
    options = peeldocs.Options(marking="OFFICIAL")
    for path in peeldocs.write_register(reg, "pdf,docx,html", tmp_path, options=options):
        text = reader_text(path)
        assert "to be completed" not in text and "To complete before" not in text, path
