"""Grade tables: tolerant where the truth is not at stake, located errors where it is."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from peeldocs.comparisons.loading import load_comparison, normalise_cycle, parse_grade_table
from peeldocs.comparisons.model import Column
from peeldocs.errors import DataError
from peeldocs.model import Grade, Status

FIXTURES = Path(__file__).parent / "fixtures" / "compare"
PILLARS_2018 = FIXTURES / "constructed-2018-19-pillars.csv"
AREAS_2021 = FIXTURES / "constructed-2021-22-areas.csv"
NORFOLK_CYCLES = FIXTURES / "constructed-norfolk-cycles.csv"
NORFOLK_2018 = Path(__file__).parent.parent / "data" / "norfolk-2018-effectiveness.yaml"
HEAD = "force,cycle,pillar,question,grade,status\n"


@pytest.mark.parametrize(("text", "cycle"), [
    ("2016", "2016"), ("2018/19", "2018/19"), ("2018-19", "2018/19"), ("2018/2019", "2018/19"),
    (" 2018 – 19 ", "2018/19"), ("2021-2022", "2021/22"), ("2023-2025", "2023-25"),
    ("2023–25", "2023-25"), ("2023/25", "2023-25"), ("2018", "2018/19"), ("2023‐2025", "2023-25"),
])
def test_cycles_are_normalised(text: str, cycle: str) -> None:
    assert normalise_cycle(text) == cycle


def test_a_cycle_that_is_not_one_is_refused_with_a_suggestion() -> None:
    with pytest.raises(ValueError, match=r"'2018/20' is not a PEEL cycle; did you mean '2018/19'"):
        normalise_cycle("2018/20")
    with pytest.raises(ValueError, match="expected one of: 2014"):
        normalise_cycle("2019/20")


def test_untidy_real_world_table_loads_whole() -> None:
    """BOM, CRLF, spaces, case, aliases and cycle spellings: every row is read."""
    raw = PILLARS_2018.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with PILLARS_2018.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    entries, problems = parse_grade_table(raw, "t.csv")
    assert problems == []
    assert len(entries) == len(rows)
    assert {e.column.cycle for e in entries} == {"2018/19"}
    assert len({e.force.name for e in entries}) == 43
    met = [e for e in entries if e.force.name == "Metropolitan Police Service"]
    assert met and all(e.source.startswith("t.csv:") for e in met)
    cumbria = next(e for e in entries if e.force.short_name == "Cumbria"
                   and e.column.pillar == "efficiency")
    assert cumbria.judgment.status is Status.UNKNOWN and cumbria.judgment.grade is None
    carried = [e for e in entries if e.judgment.status is Status.CARRIED_OVER]
    assert {e.force.short_name for e in carried} == {"Dorset", "Kent"}


def test_a_grade_without_status_is_graded_and_statuses_without_grades_stay_as_given() -> None:
    text = HEAD + ("Kent,2016,effectiveness,,Requires Improvement,\n"
                   "Kent,2021/22,,Investigating crime,ADEQUATE,GRADED\n"
                   "Kent,2023-25,,Responding to the public,,not yet graded\n"
                   "Kent,2016,efficiency,,,\n")
    entries, problems = parse_grade_table(text.encode(), "k.csv")
    assert problems == []
    got = [(e.column.cycle, e.judgment.status, e.judgment.grade) for e in entries]
    assert got == [("2016", Status.GRADED, Grade.REQUIRES_IMPROVEMENT),
                   ("2021/22", Status.GRADED, Grade.ADEQUATE),
                   ("2023-25", Status.NOT_YET_GRADED, None),
                   ("2016", Status.UNKNOWN, None)]
    assert entries[1].column == Column("2021/22", None, "Investigating crime")


BAD_ROWS = [
    ("Norfok,2016,effectiveness,,good,", "force", "did you mean"),
    ("Kent,2016,effectiveness,,adequate,", "grade", "not a grade on the 2016 scale"),
    ("Kent,2018-2020,effectiveness,,good,", "cycle", "did you mean '2018/19'"),
    ("Kent,2016,effectivness,,good,", "pillar", "not a pillar; did you mean 'effectiveness'?"),
    ("Kent,2016,efficiency,,good,ungraded", "status", "has no grade"),
    ("Kent,2016,legitimacy,,,graded", "grade", "needs a grade"),
    ("Kent,2021/22,effectiveness,Investigating crime,good,", "pillar", "no pillars"),
    ("Kent,2021/22,,,good,", "question", "give the area's name"),
    ("Kent,2016,effectiveness,x,good,", "question", "not a question number"),
    ("Kent,2016,effectiveness,3,good,maybe", "status", "not a status"),
    ("Kent,2016", "", "expected 6 columns, found 2"),
]


def test_every_bad_row_is_reported_at_once_with_file_line_and_column() -> None:
    text = HEAD + "".join(row + "\n" for row, _col, _msg in BAD_ROWS)
    entries, problems = parse_grade_table(text.encode(), "bad.csv")
    assert entries == []
    assert [(p.file, p.line, p.path) for p in problems] == [
        ("bad.csv", n, col) for n, (_row, col, _msg) in enumerate(BAD_ROWS, start=2)]
    for problem, (_row, _col, message) in zip(problems, BAD_ROWS, strict=True):
        assert message in problem.message
        assert str(problem).startswith(f"bad.csv:{problem.line}: ")


def test_spreadsheet_exports_with_empty_trailing_columns_and_no_status_column() -> None:
    text = ("Force,Cycle,Pillar,Question,Grade,Status,,\r\n"
            "Kent,2017,legitimacy,,good,Carried-Over,,\r\n\r\n,,,,,,,\r\n")
    entries, problems = parse_grade_table(text.encode(), "x.csv")
    assert problems == [] and entries[0].judgment.status is Status.CARRIED_OVER
    entries, problems = parse_grade_table(b"force,cycle,pillar,question,grade\nKent,2017,"
                                          b"legitimacy,,good\n", "y.csv")
    assert problems == [] and entries[0].judgment.status is Status.GRADED


def test_lines_are_counted_right_with_a_bom_and_crlf() -> None:
    text = "\ufeff" + HEAD.replace("\n", "\r\n") + "Kent,2016,effectiveness,,good,\r\n" \
        "Kent,2016,efficiency,,adequate,\r\n"
    _entries, problems = parse_grade_table(text.encode(), "b.csv")
    assert [str(p) for p in problems] == [
        "b.csv:3: grade: 'adequate' is not a grade on the 2016 scale; expected one of: "
        "outstanding, good, requires improvement, inadequate"]


def test_wrong_header_names_the_expected_columns() -> None:
    _entries, problems = parse_grade_table(b"force,cycle,grade\nKent,2016,good\n", "h.csv")
    assert [str(p) for p in problems] == [
        "h.csv:1: the header row must be force,cycle,pillar,question,grade,status,source (status "
        "and source may be left out); got: force, cycle, grade"]


def test_text_that_is_not_utf8_is_located() -> None:
    _entries, problems = parse_grade_table(HEAD.encode() + b"K\xe9nt,2016,,,,\n", "l.csv")
    assert problems[0].line == 2 and "UTF-8" in problems[0].message


def test_quoted_fields_spanning_lines_keep_the_first_line(tmp_path: Path) -> None:
    text = HEAD + 'Kent,2016,effectiveness,,good,\n"Kent\n",2016,efficiency,,goood,\n'
    _entries, problems = parse_grade_table(text.encode(), "q.csv")
    assert [(p.line, p.path) for p in problems] == [(3, "grade")]


def test_a_conflicting_duplicate_is_an_error_naming_both_rows(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text(HEAD + "Kent,2016,effectiveness,,good,\nkent ,2016,Effectiveness,,Good,\n"
                    "Kent Police,2016,effectiveness,,inadequate,\n")
    with pytest.raises(DataError) as caught:
        load_comparison([path])
    (problem,) = caught.value.problems
    assert (problem.line, problem.path) == (4, "grade")
    assert "conflicts with 'Good'" in problem.message and "dup.csv:2" in problem.message


def test_report_and_grade_table_agreeing_is_fine_and_disagreeing_is_located(
        tmp_path: Path) -> None:
    same = tmp_path / "same.csv"
    same.write_text(HEAD + "Norfolk,2018/19,effectiveness,,good,\n")
    data = load_comparison([same, NORFOLK_2018])
    assert len([e for e in data.entries if e.column.question is None]) == 1
    other = tmp_path / "other.csv"
    other.write_text(HEAD + "Norfolk,2018-19,effectiveness,2,good,\n")
    with pytest.raises(DataError) as caught:
        load_comparison([NORFOLK_2018, other])
    assert [(p.file.endswith("other.csv"), p.line) for p in caught.value.problems] == [(True, 2)]


def test_problems_in_several_files_come_together(tmp_path: Path) -> None:
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    one.write_text(HEAD + "Kent,2016,effectiveness,,goood,\n")
    two.write_text("wrong,header\n")
    with pytest.raises(DataError) as caught:
        load_comparison([one, two, tmp_path / "absent.csv", tmp_path / "page.txt"])
    text = str(caught.value)
    assert "one.csv:2: grade:" in text and "two.csv:1:" in text and "cannot read" in text
    assert "page.txt: expected a grade table (.csv) or a report data file (.yaml)" in text


def test_the_files_table_counts_rows_in_words_and_with_thousands_separated(
        tmp_path: Path) -> None:
    from docread import text_of

    import peeldocs
    from peeldocs.build.registry import render
    from peeldocs.model.forces import all_forces

    columns = [(pillar, str(q) if q else "") for pillar, last in (
        ("effectiveness", 13), ("efficiency", 12), ("legitimacy", 12)) for q in range(last + 1)]
    assert len(all_forces()) * len(columns) == 1720
    big = tmp_path / "big.csv"
    big.write_text(HEAD + "".join(f"{force.name},2016,{pillar},{q},good,\n"
                                  for force in all_forces() for pillar, q in columns))
    empty = tmp_path / "empty.csv"
    empty.write_text(HEAD)
    text = text_of(render(peeldocs.compare([big, empty]), "html"), "html")
    assert "1,720 entries for 43 forces (PEEL 2016), each with a grade" in text
    assert "empty.csv No entries" in text
    assert not re.search(r"(?<![\d,])0 (grades|entries|forces)", text) and "1720" not in text
