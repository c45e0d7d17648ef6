"""The quarterly update paper as its reader gets it: wording, agreement, old updates, layout.

Also: the command line's global options (--debug, --quiet) on either side of every command.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import docx
import pytest
from pagefill import convert_with_libreoffice
from pypdf import PdfReader

from peeldocs.cli import main
from peeldocs.cli.command import make_parser

PLANS = ["examples/norfolk-2018-action-plan.yaml", "examples/constructed-thematic-action-plan.yaml"]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("update")
    assert main(["register", *PLANS, "--as-of", "2024-10-15", "--format", "xlsx,docx",
                 "--out", str(where), "--quiet"]) == 0
    assert main(["register", *PLANS, "--as-of", "2025-01-15", "--since",
                 str(where / "register.xlsx"), "--document", "update", "--format", "pdf,docx",
                 "--out", str(where), "--quiet"]) == 0
    return where


@pytest.fixture(scope="module")
def text(out: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(out / "update.pdf").pages)


@pytest.fixture(scope="module")
def paper(out: Path) -> docx.document.Document:
    return docx.Document(str(out / "update.docx"))


def _all_text(document: docx.document.Document) -> str:
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_our_wording_uses_curly_apostrophes(paper: docx.document.Document, text: str) -> None:
    assert "'" not in _all_text(paper)
    assert "author’s name and role" in text and "contact officer’s" in text


def test_target_moved_before_the_earlier_register_is_said_so(text: str) -> None:
    flat = " ".join(text.split())
    # a quiet quarter says once that no target date changed, not again as a count
    assert "no target date changed" in flat
    assert "no findings had their target date changed" not in flat
    # the moved targets a reader sees in section 6 are said to be old news, plainly
    assert ("The moved targets shown for E-2017-AFI-1 and R3 in “Overdue actions” date from "
            "before the register as of 15 October 2024.") in flat
    assert "not since" not in flat
    assert "Target moved from 14 September 2024: Example reason." in flat
    # the update gives the reason in its own words: the cell does not also say there is none
    assert ("Target moved from 31 July 2019 (as the update of 2 September "
            "2019 says).") in flat
    assert "no reason recorded" not in flat


def test_old_updates_are_said_in_words(text: str) -> None:
    flat = " ".join(text.split())
    # a span of years is named by its date, not as "more than a quarter"
    assert "Not updated for 1,962 days" not in flat and "1,962" not in flat
    assert "Nothing reported since then." in flat
    assert "Not updated for 135 days (more than a quarter)." not in flat
    assert "They are listed under the inspection that made each, most overdue first" in flat
    # each count said once (editorial read 11): "four of them … four of them" no more
    assert ("Four of them have a recorded update, and in each case the latest is more than a "
            "quarter (90 days) old; each is marked “Nothing reported since then”. No update or "
            "reason is recorded for the other two.") in flat
    assert "The latest update of four of them" not in flat


def test_each_inspection_named_once_over_its_overdue_actions(paper: docx.document.Document) -> None:
    overdue = [t for t in paper.tables if t.rows[0].cells[-1].text == "Progress"]
    assert len(overdue) == 2
    assert all("Inspection" not in (c.text for c in t.rows[0].cells) for t in overdue)
    headings = [p.text for p in paper.paragraphs if p.style.name == "Heading 3"]
    # numbered as a part of "6. Overdue actions", as every part of a numbered section is
    assert "6.2 PEEL 2018/19 effectiveness inspection of Norfolk Constabulary" in headings


def test_title_said_once_and_names_what_is_tracked(paper: docx.document.Document) -> None:
    title = "HMICFRS inspections: progress on recommendations and areas for improvement " \
            "as of 15 January 2025"
    assert paper.paragraphs[0].text == title or any(p.text == title for p in paper.paragraphs)
    assert _all_text(paper).count(title) == 1
    assert "Subject" not in [r.cells[0].text for t in paper.tables for r in t.rows]
    marking, header = (p.text for p in paper.sections[0].header.paragraphs)
    assert marking == "{to be completed: protective marking}"  # none given: its place marked
    assert header.startswith("HMICFRS inspections progress update, 15 January 2025")
    assert paper.core_properties.title == title


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_source_and_licence_is_not_alone_on_the_last_page(out: Path, tmp_path: Path) -> None:
    pdf = convert_with_libreoffice([out / "update.docx"], tmp_path)[out / "update.docx"]
    last = PdfReader(pdf).pages[-1].extract_text()
    assert "Source and licence" in last
    assert "8.3" in last  # kept with the paragraphs before it


def _commands(parser: argparse.ArgumentParser, above: tuple[str, ...] = ()) -> list[list[str]]:
    """Every command and sub-command the parser knows, as the words that name it."""
    found: list[list[str]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, command in action.choices.items():
                found += [[*above, name], *_commands(command, (*above, name))]
    return found


COMMANDS = _commands(make_parser())


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("flag", ["--quiet", "--debug"])
def test_global_options_either_side_of_every_command(command: list[str], flag: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    for argv in ([flag, *command, "--help"], [*command, flag, "--help"]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 0, argv
        assert flag in capsys.readouterr().out


def test_quiet_after_the_command_is_quiet_and_debug_is_kept(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "data/norfolk-2018-effectiveness.yaml", "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["--quiet", "validate", "data/norfolk-2018-effectiveness.yaml"]) == 0
    assert capsys.readouterr().err == ""
    with pytest.raises(SystemExit) as exit_:
        main(["compare", "--quiet", "--nonsense"])
    assert exit_.value.code == 2
    assert "did you mean '--quiet'" not in capsys.readouterr().err


def test_the_register_document_says_how_its_overdue_table_is_listed(out: Path) -> None:
    """The register keeps one overdue table with an inspection column: it is not grouped."""
    text = _all_text(docx.Document(str(out / "register.docx")))
    assert "They are listed most overdue first" in text
    assert "under the inspection that made each" not in text
