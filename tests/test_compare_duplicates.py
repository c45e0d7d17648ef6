"""Input given more than once: counted once and said in the files table, or refused at both places.

The rule is the grade table's rule for duplicate rows, applied to whole files:
what repeats word for word is counted once, what disagrees is refused.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docread import text_of
from test_compare_io import HEAD, NORFOLK_2018, NORFOLK_CYCLES

import peeldocs
from peeldocs.build.registry import render
from peeldocs.cli import main
from peeldocs.errors import DataError

REPORT = peeldocs.load_report(NORFOLK_2018)
AFIS = sum(len(q.areas_for_improvement) for q in REPORT.questions)


def pack_text(inputs: list[Path | str], fmt: str = "html") -> str:
    """The pack's text as a reader gets it (a file name broken before its suffix rejoined)."""
    text = text_of(render(peeldocs.compare(inputs), fmt), fmt)
    return re.sub(r" \.(yaml|csv)\b", r".\1", text)


def findings_row(text: str) -> str:
    """The 2018/19 row of the findings-by-cycle table, as the reader reads it."""
    found = re.search(r"2018/19 (“[^”]*”, [^”]*?report, last updated \d+ \w+ \d{4}) (\d+) (\d+) "
                      r"(\d+|None listed as)", text)
    assert found, text
    return " ".join(found.groups())


def test_the_same_report_file_twice_is_read_once_and_the_files_table_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(NORFOLK_2018.parent.parent)
    again = f"./data/../data/{NORFOLK_2018.name}"  # another spelling of the same file
    for fmt in ("html", "docx", "pdf"):
        text = pack_text([NORFOLK_2018, NORFOLK_2018, again], fmt)
        assert "Listed three times; read once." in text
        assert findings_row(text) == ("“Norfolk PEEL 2018”, HMICFRS’s PEEL 2018/19 effectiveness "
                                      f"report, last updated 2 May 2019 {AFIS} 0 None listed as")
        # the summary and the findings table quote it, once each: not once per file
        assert text.count("“We recommend Norfolk and Suffolk") == 1
        assert "Effectiveness and Effectiveness" not in text
        assert text.count("Clare’s Law") == 1  # an earlier finding, listed once
        assert text.count(NORFOLK_2018.name) == 1  # in the files table only (provenance)
    text = pack_text([NORFOLK_2018, NORFOLK_2018])
    # what the data is, not how many files: the file given twice is one report
    assert "Data used The published HMICFRS report “Norfolk PEEL 2018” " in text
    assert "Listed twice; read once." in text
    assert "Files compared 1" not in text


def test_a_copy_of_the_same_report_is_listed_and_counted_once(tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_text(NORFOLK_2018.read_text(encoding="utf-8") + "# a comment changes nothing\n",
                    encoding="utf-8")
    text = pack_text([NORFOLK_2018, copy])
    assert "Data used The published HMICFRS report “Norfolk PEEL 2018” " in text  # one report
    assert ("copy.yaml Norfolk Constabulary, PEEL 2018/19 effectiveness: the overall "
            "judgment and five questions. The same report, word for word, as the first file "
            "listed; counted once.") in text
    assert findings_row(text) == ("“Norfolk PEEL 2018”, HMICFRS’s PEEL 2018/19 effectiveness "
                                  f"report, last updated 2 May 2019 {AFIS} 0 None listed as")
    assert text.count("“We recommend Norfolk and Suffolk") == 1  # the findings table only
    assert text.count("Clare’s Law") == 1
    # the same report in two files is one source, named by its title, said once
    assert (f"The published report used is “{REPORT.title}”, HMICFRS’s PEEL 2018/19 "
            "effectiveness report on Norfolk Constabulary, last updated 2 May 2019") in text


def test_two_versions_of_one_report_are_refused_naming_both_lines(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = NORFOLK_2018.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("last_updated:"))
    lines[at] = "last_updated: 2019-06-02\n"
    other = tmp_path / "other.yaml"
    other.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        peeldocs.compare([NORFOLK_2018, other])
    (problem,) = caught.value.problems
    assert (problem.file.endswith("other.yaml"), problem.line, problem.path) == (
        True, at + 1, "last_updated")
    assert problem.message.startswith(
        "Norfolk's 2018/19 effectiveness report is also in ")
    assert f"{NORFOLK_2018.name}:{at + 1}, and the two differ here; give only the version to " \
           "compare" in problem.message
    out = tmp_path / "out"
    assert main(["compare", str(NORFOLK_2018), str(other), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"other.yaml:{at + 1}: last_updated: Norfolk's 2018/19 effectiveness report" in err
    assert "peeldocs: 1 problem in the inputs; nothing written" in err
    assert not out.exists()


def test_a_difference_in_the_findings_is_located_where_it_is(tmp_path: Path) -> None:
    text = NORFOLK_2018.read_text(encoding="utf-8")
    afi = REPORT.questions[1].areas_for_improvement[0]
    first = afi.text.split()[0:4]
    assert text.count(" ".join(first)) == 1
    other = tmp_path / "other.yaml"
    other.write_text(text.replace(" ".join(first), " ".join(first[:3]) + " always"),
                     encoding="utf-8")
    with pytest.raises(DataError) as caught:
        peeldocs.compare([NORFOLK_2018, other])
    (problem,) = caught.value.problems
    line = 1 + text[:text.index(" ".join(first))].count("\n")
    assert (problem.path, problem.line) == ("questions[1].areas_for_improvement[0].text", line)


def test_the_same_grade_table_twice_is_read_once_and_a_copy_repeats_every_grade(
        tmp_path: Path) -> None:
    rows = "Kent,2016,effectiveness,,good,\nEssex,2016,effectiveness,,inadequate,\n"
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    one.write_text(HEAD + rows)
    two.write_text(HEAD + rows.replace("Kent,", "Kent Police,"))
    text = pack_text([one, one])
    assert "one.csv Two entries for two forces (PEEL 2016), each with a grade. Listed twice; " \
           "read once." in text
    text = pack_text([one, two])
    # the other file is named in words (the files table alone gives file names)
    assert ("two.csv Two entries for two forces (PEEL 2016), each with a grade. Two of these "
            "repeat grades in the first file listed and are counted once.") in text
    # one column of grades: its counts read across ("Good", then "1"), never 2 of each
    assert ("What was judged Outstanding Good Requires improvement Inadequate Forces compared "
            "Effectiveness 0 1 0 1 2") in text


def test_a_report_repeating_a_table_s_grade_says_so(tmp_path: Path) -> None:
    text = pack_text([NORFOLK_CYCLES, NORFOLK_2018])
    assert "the overall judgment and five questions." in text and "6 judgments" not in text
    assert "of these repeat" not in text  # the table is of other cycles
    table = tmp_path / "t.csv"
    table.write_text(HEAD + "Norfolk,2018/19,effectiveness,,good,\n"
                            "Norfolk,2018/19,effectiveness,,Good,\n")
    text = pack_text([table, NORFOLK_2018])
    assert ("Two entries for one force (PEEL 2018/19), each with a grade. One of these repeats "
            "a grade in an earlier row of this file and is counted once.") in text
    assert ("Norfolk Constabulary, PEEL 2018/19 effectiveness: the overall judgment and five "
            "questions. One of these repeats a grade in the table of PEEL 2018/19 grades and is "
            "counted once.") in text
