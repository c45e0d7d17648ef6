"""Fix round 38 (editor's read 36): the register, its workbook and the quarterly update paper.

- The table of inspections gives each inspection's date by its kind in one column ('Last
  updated 2 May 2019', 'Published 14 March 2024'): every date the inputs hold shows, none is
  passed off as another kind, and no cell reads 'Not recorded' beside a known date.
- The workbook's Summary rows keep room for what an owner's edits add to 'Latest update':
  'Dated after the register's date.' and HMICFRS's passed deadline, as well as a moved
  target's reason, so a printed row is not cut off.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import openpyxl
import pytest
from docread import reader_text, review_register_documents

from peeldocs.plans.workbook_cells import LATER, SHOWN
from peeldocs.plans.workbook_summary import HEADER_ROW, row_height

FORMATS = ("pdf", "docx", "html")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return review_register_documents(tmp_path_factory.mktemp("read36"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_inspection_s_date_shows_by_its_kind(built: Path, fmt: str) -> None:
    for doc in ("register", "update"):
        text = reader_text(built / doc / f"{doc}.{fmt}")
        # Norfolk's page gives only "Last updated 02/05/2019"; the thematic its publication
        assert "Last updated 2 May 2019" in text and "Published 14 March 2024" in text, doc
        assert "Not recorded" not in text, doc
        assert "Inspection Date" in text, doc


def _lines(value: str, width: float) -> int:
    return sum(len(textwrap.wrap(part, max(1, int(width * 1.2)))) or 1
               for part in value.split("\n"))


def test_summary_rows_keep_room_for_an_update_dated_after_the_register(built: Path) -> None:
    book = openpyxl.load_workbook(built / "register" / "register.xlsx", data_only=True)
    ws = book["Summary"]
    at = [s.heading for s in SHOWN].index("Latest update")
    width = SHOWN[at].width
    checked = 0
    for row in ws.iter_rows(min_row=HEADER_ROW + 1):
        latest = row[at].value
        if not isinstance(latest, str) or not latest:
            continue
        # an owner's new update dated after the register's date leads it with LATER
        need = row_height(_lines(LATER + latest, width))
        assert (ws.row_dimensions[row[0].row].height or 15) >= need, latest
        checked += 1
    assert checked >= 6


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_register_summary_leads_with_what_is_overdue_and_asks_if_it_stands(
        built: Path, fmt: str) -> None:
    text = reader_text(built / "register" / f"register.{fmt}")
    summary = text[text.index("Summary Four findings") if fmt != "html" else
                   text.index("Four findings are past"):text.index("This register tracks")]
    # the headline first: how many are overdue, and by how long
    assert summary.startswith(("Summary Four findings are past their target date, the most "
                               "overdue by more than five years (1,842 days).",
                               "Four findings are past their target date"))
    # the five-year-old findings: whether they still stand is asked, not answered
    quiet = summary.index("no progress reported for more than five years")
    live = summary.index("Whether they are still live, or have been overtaken by later "
                         "inspections, is not recorded.")
    # HMICFRS's deadlines after the headline, not before it (R3's own target was moved)
    assert quiet < live < summary.index("Two recommendations are past HMICFRS’s own deadlines")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_update_paper_s_risk_check_is_a_part_to_complete(built: Path, fmt: str) -> None:
    text = reader_text(built / "update" / f"update.{fmt}")
    assert "(draft, to check)" not in text
    said = ("check this statement, then say how these risks are managed")
    # in the list of parts to complete, and where it is to be completed
    assert f"Paragraph 8.2: {said}" in text
    assert (f"Risk: the actions on six findings are past their target date, the oldest by more "
            f"than five years, and two of them have no owner recorded. {{to be completed: "
            f"{said}}}.") in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_what_falls_due_next_is_said_without_an_unexplained_date(built: Path, fmt: str) -> None:
    text = reader_text(built / "update" / f"update.{fmt}")
    assert "No finding falls due in the next quarter: all open findings are already overdue." \
        in text
    assert "16 April 2025" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_passed_hmicfrs_deadline_leads_the_progress_not_the_owner_cell(
        built: Path, fmt: str) -> None:
    text = reader_text(built / "update" / f"update.{fmt}")
    # R3: its owner and target in the narrow column; the passed deadline leads its progress
    assert "Example ACC (illustrative); 20 December 2024 (26 days overdue) HMICFRS’s deadline " \
           "passed on 14 September 2024. Target moved from 14 September 2024" in text
    assert "(26 days overdue); HMICFRS’s deadline" not in text
