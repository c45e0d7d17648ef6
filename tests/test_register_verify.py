"""Issue 27 tried as a force's performance officer would: pasted pages in the shapes real
reports take, registers of several inspections, and workbooks edited the ways owners do.

Every page of text here is a CONSTRUCTED EXAMPLE written for these tests, not HMICFRS text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peeldocs.cli import main
from peeldocs.plans.inspection_reader import read_inspection

CONSTRUCTED_LIST = """\
A constructed joint inspection of the response to child exploitation (constructed example)
Published: 12 January 2024

Our recommendations

1) Exampleshire Constabulary should, by 30 April 2024, make sure that all missing children
are assessed for the risk of exploitation when they return.

2) By 31 July 2024, the chief constable should record the voice of the child in every referral.

Page 14 of 32

3) The force should improve its supervision of child abuse investigations.

Joint inspection of child exploitation in Exampleshire

4) The force should publish its exploitation strategy.

Conclusion

The force should be proud of its staff.
"""


def test_a_list_broken_by_page_numbers_and_running_headers_is_read_whole() -> None:
    """A copy from a PDF carries page numbers and running headers between items."""
    got = read_inspection(CONSTRUCTED_LIST)
    assert [i.id for i in got.inspection.items] == ["R1", "R2", "R3", "R4"]
    assert got.inspection.items[2].text == ("The force should improve its supervision of child "
                                            "abuse investigations.")
    assert got.unplaced == ("The force should be proud of its staff.",)


def test_a_block_that_reads_like_an_item_but_was_not_taken_is_named_in_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("page.txt").write_text(CONSTRUCTED_LIST, encoding="utf-8")
    assert main(["import", "page.txt", "--inspection", "-o", "insp.yaml"]) == 0
    head = Path("insp.yaml").read_text(encoding="utf-8").split("title:")[0]
    assert "nothing the reader looks for was left unread" not in head
    assert "#   The force should be proud of its staff." in head
    assert "not read as an item" in capsys.readouterr().err


def _two_inspections_with_one_title(tmp_path: Path) -> list[str]:
    """Two revisit letters to one force, titled alike (as letters are), with a plan each."""
    title = "Exampleshire Constabulary: revisit letter (constructed example)"
    for name, published, kind in (("march", "2024-03-05", "revisit letter"),
                                  ("may", "2024-05-03", "revisit letter")):
        (tmp_path / f"{name}.yaml").write_text(
            f"title: '{title}'\nkind: {kind}\npublished: {published}\nillustrative: true\n"
            "items:\n- {id: AFI1, kind: area for improvement, addressed_to: this force,\n"
            "   text: The force should improve its crime recording.}\n"
            "- {id: AFI2, kind: area for improvement, addressed_to: this force,\n"
            "   text: The force should improve its audits.}\n", encoding="utf-8")
        assert main(["actions", "init", f"{name}.yaml", "-o", f"{name}-plan.yaml"]) == 0
    return ["march-plan.yaml", "may-plan.yaml"]


def test_inspections_with_the_same_title_are_counted_apart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    import peeldocs

    monkeypatch.chdir(tmp_path)
    plans = _two_inspections_with_one_title(tmp_path)
    reg = peeldocs.register(plans, as_of="2024-06-01")
    counts = {label: sum(n.values()) for label, n in reg.by_inspection().items()}
    assert counts == {
        "Exampleshire Constabulary: revisit letter (constructed example) (published 5 March 2024)": 2,
        "Exampleshire Constabulary: revisit letter (constructed example) (published 3 May 2024)": 2}
    assert main(["register", *plans, "--as-of", "2024-06-01", "--format", "xlsx", "--sheets",
                 "per-inspection", "--out", "out", "--quiet"]) == 0
    book = openpyxl.load_workbook("out/register.xlsx")
    assert [book[name].max_row for name in book.sheetnames[:-1]] == [3, 3]
