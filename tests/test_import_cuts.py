"""A real page cut after every line in turn: no document built from a cut states what it cannot know.

Each cut is imported, every document kind is built from it (``allow_unknown``),
and the text of every block is checked for a definite count or an absence the
cut cannot support ("The inspectorate asked two questions." where the page asks
three, "The report gives no recommendations", "It lists no areas for
improvement").  A copy never shows its own end unless it reaches the site's
footer, so a count stated by the PEEL framework ("five questions (two found in
the imported text)") is the only count allowed.  The documents are built, not
rendered: the sections' blocks hold every word the renderers would write.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
from heldout_facts import HELDOUT
from import_facts import REAL

import peeldocs
from peeldocs.importer import NotAPeelPageError, import_page
from peeldocs.model.scales import Grade
from peeldocs.options import Options
from peeldocs.prose import count_words

DOCUMENTS = ("pack", "brief", "committee", "s55")
PAGES = ("kent-2018-legitimacy.txt", "essex-2014-efficiency.txt", "durham-2014-effectiveness.txt",
         "dyfed-powys-2017-effectiveness.txt", "cleveland-2017-effectiveness.txt",
         "durham-2018-efficiency.txt", "kent-2018-efficiency.txt", "cumbria-2018-effectiveness.txt",
         "cheshire-2023-25.txt", "hampshire-2021-22.txt", "cumbria-2023-25.txt")
NUMBER = r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"
# what only a document built from the whole report may say
ABSENCE = re.compile(
    r"\b(?:[Tt]he report|It) (?:gives|lists|carries|holds) no\b(?! overall grade)|"
    r"\bthere is nothing to track\b|\basked no questions\b|\bgrades none\b|"
    r"\bno earlier finding is carried forward\b|\bcarries no earlier finding\b|"
    r"\bThe data supplied (?:gives|holds) no\b|, and no causes of concern\.")
COUNT = re.compile(
    rf"\bThe inspectorate asked (?!at least ){NUMBER} questions?\.|"
    rf"\bThe report (?:gives|lists) {NUMBER}\b|\bOf all \d+\b|\bOf the {NUMBER} (?:questions|areas),|"
    rf"\b(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten) areas were graded\b|"
    rf"\bThe report assesses {NUMBER} areas? of policing and grades\b")


def _strings(obj: Any) -> list[str]:
    """Every string a block holds (its runs, cells, items, captions), in order."""
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, (tuple, list)):
        return [s for item in obj for s in _strings(item)]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [s for f in dataclasses.fields(obj) if f.name not in ("anchor", "url")
                for s in _strings(getattr(obj, f.name))]
    return []


def block_texts(pack: peeldocs.Pack) -> list[str]:
    """Return each block's words as one string (a paragraph, a table, a list)."""
    return [" ".join(_strings(block)) for section in pack.sections for block in section.blocks]


def cuts(text: str) -> list[str]:
    """Return the page cut after every line in turn (its first line, first two, ...)."""
    lines = text.splitlines(keepends=True)
    return ["".join(lines[:n]) for n in range(1, len(lines) + 1)]


def claims(report: peeldocs.Report) -> list[str]:
    """Return every definite count or absence any document built from ``report`` states.

    The one count a cut may support is the number of questions the PEEL framework
    gives the pillar (``questions_expected``), which does not depend on the text.
    """
    known = f"The inspectorate asked {count_words(report.questions_expected or 0)} question"
    found = []
    for document in DOCUMENTS:
        pack = peeldocs.build_pack(report, Options(document=document, allow_unknown=True))
        for text in block_texts(pack):
            found += [f"{document}: {m.group(0)!r} in {text[:160]!r}"
                      for pattern in (ABSENCE, COUNT) for m in pattern.finditer(text)
                      if not (report.questions_expected and m.group(0).startswith(known))]
    return found


@pytest.mark.parametrize("name", PAGES)
def test_no_document_from_any_cut_states_a_count_or_absence_it_cannot_know(name: str) -> None:
    text = (REAL / name).read_text(encoding="utf-8")
    built = 0
    for n, cut in enumerate(cuts(text), start=1):
        try:
            report = import_page(cut).report
        except NotAPeelPageError:
            continue  # too little to name a force and a cycle: refused, nothing built
        built += 1
        assert claims(report) == [], f"{name} cut after line {n}"
    assert built >= 1


def test_the_checker_finds_what_a_whole_report_may_say() -> None:
    # the same import, once checked against the published report, may state counts and absences
    report = import_page((REAL / "kent-2018-legitimacy.txt").read_text(encoding="utf-8")).report
    whole = dataclasses.replace(report, questions_expected=None, unseen=())  # data by hand
    said = claims(whole)
    assert any("The inspectorate asked two questions." in c for c in said), said
    assert any("gives no" in c or "lists no" in c for c in said), said


def test_a_cut_inside_a_question_title_keeps_it_as_seen_and_counts_from_the_framework() -> None:
    text = (REAL / "kent-2018-efficiency.txt").read_text(encoding="utf-8")
    at = text.index("How well does the force plan for the future?")
    cut = text[:at] + "How well does the force plan"
    result = import_page(cut)
    report = result.report
    assert [(q.number, q.title) for q in report.questions] == [
        (1, "How well does the force use its resources to meet the demand it faces?"),
        (2, "How well does the force plan …")]
    # its grade is the one the pillar's summary gives it in short (read since tests/verify_facts.py)
    assert report.questions[1].judgment.grade is Grade.OUTSTANDING
    assert report.questions[1].judgment.evidence == "The force is outstanding at future planning."
    assert report.questions_expected == 2
    assert report.unseen == ("the rest of question 2 (the imported text stops inside its title)",)
    pack = peeldocs.build_pack(report, Options(allow_unknown=True))
    texts = " ".join(block_texts(pack))
    assert "The inspectorate asked two questions." in texts
    assert "The rest of question 2 (the imported text stops inside its title) was not found in " \
           "the imported text" in texts
    assert claims(report) == []


def test_a_copy_reaching_the_site_footer_is_whole_and_may_count() -> None:
    text = (REAL / "kent-2018-legitimacy.txt").read_text(encoding="utf-8")
    cut = import_page(text).report
    assert cut.unseen or cut.questions_expected != len(cut.questions)
    # the framework gives legitimacy three questions in 2018/19; this copy holds two
    assert cut.questions_expected == 3 and len(cut.questions) == 2
    efficiency = (REAL / "kent-2018-efficiency.txt").read_text(encoding="utf-8")
    assert import_page(efficiency).report.unseen == (
        "the end of the report (the imported text stops in question 2)",)
    whole = import_page(efficiency + "\n\n© Crown copyright\n\nAccessibility\n").report
    assert whole.unseen == () and whole.questions_expected == 2
    assert not peeldocs.model.questions_unread(whole)
    # the site's menu links ("Accessibility", "Cookies") sit at the top too: they end nothing
    menu = import_page("Accessibility\n\nCookies\n\n" + efficiency).report
    assert menu.unseen == import_page(efficiency).report.unseen
    assert [q.number for q in menu.questions] == [1, 2]


@pytest.mark.parametrize("path", sorted([*REAL.glob("*.txt"), *HELDOUT.glob("*.txt")]),
                         ids=lambda p: p.name)
def test_no_document_from_a_real_page_beginning_states_a_count_or_absence(path: Path) -> None:
    # every page kept is a beginning: built whole, it still never says what it cannot know
    try:
        report = import_page(path.read_text(encoding="utf-8")).report
    except NotAPeelPageError:
        return  # not a report (a press release, "What is PEEL?"): refused
    assert claims(report) == []


def test_what_was_not_seen_is_written_to_the_data_file_and_validate_points_at_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from peeldocs.cli import main

    out = tmp_path / "kent.yaml"
    assert main(["import", str(REAL / "kent-2018-efficiency.txt"), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    at = lines.index("unseen:") + 2  # its first item
    assert "questions_expected: 2" in lines
    capsys.readouterr()
    assert main(["validate", str(out)]) == 1
    assert f"{out}:{at}: unseen: unknown: the end of the report (the imported text stops in " \
           "question 2) was not found in the imported text" in capsys.readouterr().err
    report = peeldocs.load_report(out)
    assert report.unseen == ("the end of the report (the imported text stops in question 2)",)
    checked = out.read_text(encoding="utf-8").replace(f"{lines[at - 2]}\n{lines[at - 1]}\n", "")
    out.write_text(checked, encoding="utf-8")  # checked against the page: the note removed
    main(["validate", str(out)])
    assert "unseen" not in capsys.readouterr().err  # the overall judgment is still unknown
