"""The update paper tells its reader what each overdue finding is, and says only what is so.

Each overdue finding's first sentence, quoted as the register quotes them (with
its editorial marks); the commissioner's share said with whether it is
overdue and owned; the source note said of the text actually quoted; one rule
for how late an action is; how an old update is marked; and the workbook
quoting a carried-forward finding as the documents do.  Asserted on the text
of the PDF, the DOCX and the HTML, and on the workbook's cells.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from docread import REVIEW_PLANS, reader_text
from pdfread import fold

import peeldocs
from peeldocs.cli import main
from peeldocs.prose import opening
from peeldocs.sections.register_words import LICENCE, attribution

PLANS = REVIEW_PLANS
FORMATS = ("pdf", "docx", "html")
SHARE = ("One open recommendation falls partly to the Police and Crime Commissioner, because it is addressed to "
         "chief constables and police and crime commissioners. The national thematic inspection "
         "recommends: “By 31 December 2024, chief constables and police and crime commissioners "
         "should agree how the return home interview service is commissioned and monitored.” "
         "This is recommendation R2. Its target date was 31 December 2024: on 15 January 2025 "
         "it is 15 days overdue.")  # that it has no owner: once, in the asks (read 32)
"""The commissioner's share: the inspection and its words first, then the reference, the date
and the days overdue."""
@pytest.fixture(scope="module")
def out(register_review: Path) -> Path:
    """The review's register (15 October 2024) and update (15 January 2025)."""
    return register_review


@pytest.fixture(scope="module")
def texts(out: Path) -> dict[str, str]:
    """What a reader gets from each document in each format, whitespace folded."""
    return {f"{doc}.{fmt}": reader_text(out / doc / f"{doc}.{fmt}")
            for doc in ("register", "update") for fmt in FORMATS}


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start):text.index(end, text.index(start))]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_overdue_finding_is_quoted_where_it_is_listed(texts: dict[str, str],
                                                            fmt: str) -> None:
    text = texts[f"update.{fmt}"]
    reg = peeldocs.register(PLANS, as_of="2025-01-15", since="2024-10-15")
    overdue = _section(text, "6. Overdue actions", "7. Inspections expected next")
    became = _section(text, "5.2 ", "The actions on six findings are past")
    shared = _section(text, "4.2 ", "4.3 ")
    assert len(reg.overdue) == 6
    for entry in reg.overdue:
        assert entry.quoted is not None
        words = fold(opening(entry.quoted))
        # R2 is quoted in 4.2 (the commissioner's share); its row in 6.3 points there
        assert words in (shared if entry.state.item.finding == "R2" else overdue), \
            entry.state.item.finding
        assert words[0].isupper() or words.startswith("[")  # starts at a sentence start
    assert "Quoted in paragraph 4.2." in overdue
    for ref in ("R2", "R3"):
        entry = next(e for e in reg.overdue if e.state.item.finding == ref)
        # named in 5.2, quoted once elsewhere: 5.2 says where
        assert ref in became and fold(opening(entry.quoted or "")) not in became
    assert "Each is set out with its progress under “6. Overdue actions”." in became
    # a finding quoted from mid-passage keeps the register's editorial marks
    assert "[The area for improvement] was to ensure that [the force] put appropriate" in overdue
    # a longer finding is cut at a sentence end, and the cut is marked
    assert "leading to satisfactory outcomes for victims. …" in overdue
    assert "It should review its approach" not in overdue


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_commissioners_share_says_it_is_overdue_and_unowned(texts: dict[str, str],
                                                                fmt: str) -> None:
    assert SHARE in texts[f"update.{fmt}"]
    # on 15 October 2024 R2 was not yet due; its missing owner is said in the asks (read 32)
    reg = peeldocs.register(PLANS, as_of="2024-10-15")
    from peeldocs.sections.register_words import commissioner_note

    assert (commissioner_note(reg) or "").endswith(
        "This is recommendation R2. Its target date is 31 December 2024.")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_source_note_speaks_of_the_text_quoted(texts: dict[str, str], fmt: str,
                                                   tmp_path: Path) -> None:
    text = texts[f"update.{fmt}"]
    source = text[text.rindex("Source and licence"):]
    assert "Finding text is quoted verbatim from HMICFRS reports." in source
    assert "was constructed for illustration: it is not from an HMICFRS report." in source
    # a paper with nothing overdue quotes no finding: it says so, and claims no HMICFRS text
    reg = peeldocs.register(PLANS[1:], as_of="2024-09-15")
    assert not reg.overdue
    [path] = peeldocs.write_register(reg, fmt, tmp_path / "early", document="update")
    early = reader_text(path)
    assert "quoted verbatim" not in early and "No finding text is quoted." in early
    # a Norfolk plan with nothing overdue still names the licence of what it draws on
    norfolk = peeldocs.register(PLANS[:1], as_of="2019-10-15")
    said = " ".join(p.runs[0].text for p in attribution(norfolk, set()))  # type: ignore[union-attr]
    assert said == "No finding text is quoted. " + LICENCE


@pytest.mark.parametrize("fmt", FORMATS)
def test_lateness_follows_one_rule_and_the_rating_does_not_say_who_set_it(
        texts: dict[str, str], fmt: str) -> None:
    register, update = texts[f"register.{fmt}"], texts[f"update.{fmt}"]
    # one form in every table, with the day count, however long or short the wait
    assert "30 September 2019 (1,842 days overdue)" in register
    assert "30 September 2024 (15 days overdue)" in register
    assert "30 September 2019 (1,934 days overdue)" in update
    assert "20 December 2024 (26 days overdue)" in update
    for text in (register, update):
        assert "Overdue since" not in text and "Overdue by" not in text
    for text in (register, update):
        assert "(overdue since then)" not in text and "set by the owner" not in text
        assert "and is marked so" not in text
    assert "Rated Green by the plan’s author: Example reason." in register
    assert "each is marked “Nothing reported since then”" in update and "in bold" not in update


def test_the_workbook_quotes_a_carried_forward_finding_as_the_documents_do(out: Path) -> None:
    book = openpyxl.load_workbook(out / "register" / "register.xlsx")
    cells = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row
             if c.value]
    assert any(c.startswith("[The area for improvement] was to ensure that [the force] put")
               for c in cells)
    assert not any(c.startswith("This was to ensure") for c in cells)


def test_opening_keeps_the_first_sentence_and_marks_the_cut() -> None:
    assert opening("The force should act. It should also report.") == "The force should act. …"
    assert opening("Chief constables should: review; and publish.") == \
        "Chief constables should: review; and publish."
    assert opening("[The area] was to ensure it acted. Then “More” followed.") == \
        "[The area] was to ensure it acted. …"
    assert opening("By 30 Sept. 2024 forces should act.") == "By 30 Sept. 2024 forces should act."


def test_the_workbook_shows_plan_file_names_and_still_imports(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    root = Path.cwd()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").mkdir()
    for name in ("constructed-thematic-inspection.yaml", "constructed-thematic-action-plan.yaml"):
        shutil.copy(root / "examples" / name, tmp_path / "examples")
    plan = "examples/constructed-thematic-action-plan.yaml"
    reg = peeldocs.register([plan], as_of="2024-10-15")
    [book_path] = peeldocs.write_register(reg, "xlsx", tmp_path / "out", document="register")
    book = openpyxl.load_workbook(book_path)
    shown = [ws for ws in book.worksheets if ws.sheet_state == "visible"
             and any(c.value == "Plan file" for c in ws[2])]
    assert shown
    for ws in shown:
        cols = {c.value: c.column for c in ws[2]}
        names = {ws.cell(r, cols["Plan file"]).value for r in range(3, ws.max_row + 1)}
        assert names == {"constructed-thematic-action-plan.yaml"}  # no folder shown
        row = next(r for r in range(3, ws.max_row + 1) if ws.cell(r, cols["Ref"]).value == "R2")
        ws.cell(row, cols["Owner"]).value = "Example Supt Missing (illustrative)"
    book.save(book_path)
    assert main(["actions", "import", str(book_path)]) == 0
    assert "Example Supt Missing (illustrative)" in Path(plan).read_text(encoding="utf-8")


def test_the_example_notice_and_the_checklist_are_kept_apart(out: Path) -> None:
    """Word joins adjacent shaded call-outs into one block; the facts table stands between."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = docx.Document(str(out / "update" / "update.docx"))
    body = [Paragraph(el, doc) if el.tag.endswith("}p") else Table(el, doc)
            for el in doc.element.body if el.tag.endswith(("}p", "}tbl"))]
    texts = [b.text if isinstance(b, Paragraph) else "" for b in body]
    notice = texts.index("Illustrative example")
    todo = texts.index("To complete before this paper is issued")
    between = [b for b in body[notice + 1:todo] if isinstance(b, Table)]
    assert notice < todo and between
    # the table between is the facts about the paper, not part of either call-out
    assert between[0].rows[0].cells[0].text == "Report to"
