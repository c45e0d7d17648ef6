"""The document kinds and the one-page brief, as a reader gets them."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pypdf
import pytest
from docread import (
    PLAN,
    ROOT,
    body_text_of,
    docx_text,
    html_text,
    norfolk_plan,
    pdf_pages,
    synthetic_assessment,
    with_concerns,
)
from pdfread import fold
from synthetic import synthetic_report

import peeldocs
from peeldocs.build.documents import BRIEF, DocumentKind, build_document, document_kinds
from peeldocs.cli import main
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.prose import count_words
from peeldocs.sections.items import response_items
from peeldocs.sections.s55_plan import report_deadline


def _number(word: str) -> int:
    """A count as the brief writes it: "one" to "ten" in words, then "1,234"."""
    small = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return small.index(word) if word in small else int(word.replace(",", ""))


@pytest.fixture(scope="module")
def stress() -> Report:
    base = synthetic_report("Test Constabulary", "Test", 7, questions=500)
    return with_concerns(base, 60)


@pytest.fixture(scope="module")
def thirty() -> Report:
    return with_concerns(synthetic_report("Kent Police", "Kent", 3, questions=10), 30)



# --- the kinds ------------------------------------------------------------------------

def test_kinds_come_from_the_entry_point_group() -> None:
    kinds = document_kinds()
    assert {"pack", "brief", "committee", "s55"} <= set(kinds)
    for kind in kinds.values():
        for template in kind.templates:
            assert (ROOT / "templates" / "text" / template).exists(), template


def test_a_force_can_assemble_its_own_kind(norfolk: Report) -> None:
    mine = DocumentKind("gold", "gold group brief", ("cover", "brief"), file_suffix="-gold")
    pack = build_document(norfolk, Options(), mine)
    assert [s.name for s in pack.sections] == ["cover", "brief"]
    assert pack.metadata.title.endswith(": gold group brief")


def test_sections_apply_to_the_pack_only(norfolk: Report) -> None:
    with pytest.raises(peeldocs.PeeldocsError, match="briefing pack only"):
        peeldocs.build_pack(norfolk, Options(document="brief", sections=("cover",)))


# --- the one-page brief ---------------------------------------------------------------

@pytest.mark.parametrize("which", ["norfolk", "norfolk-plan", "thirty", "stress"])
def test_brief_is_one_page_in_pdf_and_keeps_the_same_content_elsewhere(
        which: str, norfolk: Report, thirty: Report, stress: Report) -> None:
    report = {"norfolk": norfolk, "norfolk-plan": norfolk, "thirty": thirty,
              "stress": stress}[which]
    options = norfolk_plan(norfolk) if which == "norfolk-plan" else Options()
    options = dataclasses.replace(options, document="brief")
    pack = peeldocs.build_pack(report, options)
    pdf = peeldocs.render(pack, "pdf", options)
    assert pdf_pages(pdf) == 1
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    sizes: set[float] = set()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip() and not re.fullmatch(r"\s*(Page 1 of 1|OFFICIAL)\s*", text):
            sizes.add(round(size * tm[0], 2) if tm[0] else size)

    reader.pages[0].extract_text(visitor_text=visit)
    assert min(sizes) >= 9, sizes
    text = fold(reader.pages[0].extract_text())
    items = response_items(report)
    # listed: quoted whole under "What needs doing", or quoted (to a clause) with what is due;
    # "more" counts only what the brief does not quote
    # (a label of a few opening words, “The force should … …” (E2-AFI-2), is not a quotation)
    # a long area for improvement quoted to its first sentence, named as quoted in full in the
    # pack (read 12-B), is listed too
    cut = re.search(r"The (?:areas? for improvement|findings?) \(([^)]*)\) (?:is|are) quoted in "
                    r"full in the briefing pack", text)
    # (read 29-B: or to a clause of its first sentence: its opening words, then "…")
    opened = {i.id for i in items if cut and i.id in cut.group(1)
              and re.search(re.escape(" ".join(fold(i.text).split()[:8])) + "[^”]*? …”", text)}
    listed = sum(1 for i in items if fold(i.text) in text.split("Deadlines")[0]
                 or i.id in opened
                 or re.search("(?<! …)”[\\s:(]*" + re.escape(i.id), text)
                 or re.search(re.escape(i.id) + "\\): “", text)  # reference, then the words
                 # read 24-B: an earlier finding's reference, then where it is reconsidered
                 or re.search(re.escape(i.id) + "\\), reconsidered [^“]{0,80}: “", text)
                 # read 29-B: an earlier finding's reference and place, then its own words
                 or re.search(re.escape(i.id) + ", [^)]{0,80}\\) (?:to|on) “", text))
    # after a full stop, a bracket or a closing quotation mark (read 25-B: the last finding
    # listed may be quoted, “We recommend … capability.”)
    more = re.search(r"(?:^|[.)”] )([A-Z0-9][^.]*?) (?:is|are) listed verbatim in the briefing pack",
                     text)
    if listed < len(items):  # what does not fit is summarised, with the right counts
        assert more is not None
        # "one more cause of concern, four recommendations and six areas for improvement":
        # "more" only of a kind some of which are listed
        # causes of concern and recommendations left out are named: "(A1-COC-1 and A2-COC-1)"
        kinds = re.sub(r" \([^)]*\)", "", more.group(1))
        counted = sum(_number(part.split()[0].lower()) for part in re.split(r", | and ", kinds))
        assert listed + counted == len(items)
    rows = sum(1 for q in report.questions if f"{q.number} {q.title}" in text)
    if rows == 0:  # no room for the table: the tally counts every judgment
        # (read 31-B: beside a plan the findings' words and their states outlast the tally;
        # the headline keeps the overall grade and the lowest)
        assert f"Of the {count_words(len(report.questions))} questions, " in text or (
            options.plan is not None and "the lowest grade it gave" in text)
    elif rows < len(report.questions):
        hidden = re.search(r"([\w,]+) more questions? (?:is|are) listed with the judgments", text)
        assert hidden is not None
        assert rows + _number(hidden.group(1).lower()) == len(report.questions)
    html, _ = html_text(peeldocs.render(pack, "html", options))
    word = docx_text(peeldocs.render(pack, "docx", options))
    for other in (html, word):
        # the references named in it sit in unbreakable spans in HTML: compared without spaces
        assert (re.sub(r"\s", "", more.group(1)) in re.sub(r"\s", "", other)) if more \
            else "listed verbatim" not in other
        assert sum(1 for i in items
                   if fold(i.text) in other.split("Deadlines")[0]
                   or i.id in opened
                   or re.search("(?<! …)”[\\s:(]*" + re.escape(i.id), other)
                   or re.search(re.escape(i.id) + "\\s?\\): “", other)
                   or re.search(re.escape(i.id) + "\\s?\\), reconsidered [^“]{0,80}: “", other)
                   or re.search(re.escape(i.id) + "\\s?, [^)]{0,80}\\) (?:to|on) “", other)
                   ) == listed


def test_brief_does_not_claim_what_the_report_does_not_say(norfolk: Report) -> None:
    pack = peeldocs.build_pack(norfolk, Options(document="brief"))
    from peeldocs import blocks as pb

    runs = [b.runs for b in pack.sections[0].blocks if isinstance(b, pb.Paragraph)]
    runs += [i for b in pack.sections[0].blocks if isinstance(b, pb.BulletList) for i in b.items]
    text = fold(" ".join(pb.inline_text(r) for r in runs))
    # the recommendation question 5 makes in its text is counted as one, and said where
    assert ("The report gives three areas for improvement, all under question 2, and one "
            "recommendation, made in the text of its findings on question 5; it lists no causes "
            "of concern as such.") in text
    assert "no causes of concern." not in text.lower()
    assert "The publication date was not supplied, so the deadline is not shown." in text


def test_brief_shows_late_actions_from_the_plan(norfolk: Report) -> None:
    options = dataclasses.replace(norfolk_plan(norfolk), document="brief")
    text = body_text_of(peeldocs.render(peeldocs.build_pack(norfolk, options), "pdf", options))
    # as of 15 October 2019 the s.55 deadline has passed: the brief says it was due, no more
    assert ("The comments of the Police and Crime Commissioner for Norfolk, with any comments the chief "
            "constable submits, were due by 26 June 2019") in text
    assert "That date has passed" not in text
    assert "must be published by 26 June 2019" not in text
    # read 19: what is late first; read 21: counted from the target missed
    assert "Overdue: E-2017-AFI-1, 15 days past its target of 30 September 2019" in text


# --- command line, determinism --------------------------------------------------------

def test_cli_builds_each_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(ROOT / "data" / "norfolk-2018-effectiveness.yaml")
    for kind, suffix in (("brief", "-brief"), ("committee", "-committee-paper"),
                         ("s55", "-s55-response")):
        assert main(["build", data, "--document", kind, "--format", "pdf,docx,html", "--out",
                     str(tmp_path), "--quiet", "--actions", str(PLAN), "--as-of",
                     "2019-10-15"]) == 0
        for ext in ("pdf", "docx", "html"):
            assert (tmp_path / f"norfolk-2018-effectiveness{suffix}.{ext}").stat().st_size > 1000
    assert main(["build", data, "--document", "memo", "--out", str(tmp_path)]) == 2
    assert "--document: unknown document 'memo'" in \
        capsys.readouterr().err
    assert main(["build", data, "--document", "brief", "--sections", "cover",
                 "--out", str(tmp_path)]) == 2


@pytest.mark.parametrize("kind", ["brief", "committee", "s55"])
def test_documents_are_reproducible(kind: str, norfolk: Report) -> None:
    options = Options(document=kind)
    for fmt in ("pdf", "docx"):
        first = peeldocs.render(peeldocs.build_pack(norfolk, options), fmt, options)
        again = peeldocs.render(peeldocs.build_pack(norfolk, options), fmt, options)
        assert first == again


def test_brief_metadata(norfolk: Report) -> None:
    pack = build_document(norfolk, Options(), BRIEF)
    assert pack.metadata.title == "Norfolk Constabulary, PEEL 2018/19 effectiveness: one-page brief"
    pdf = pypdf.PdfReader(io.BytesIO(peeldocs.render(pack, "pdf", Options())))
    assert pdf.trailer["/Root"]["/Lang"] == "en-GB"
    assert pdf.metadata.title == pack.metadata.title


@pytest.mark.parametrize("afis", [1, 6])
def test_assessment_brief_is_one_page(afis: int) -> None:
    report = synthetic_assessment(afis)
    options = Options(document="brief")
    pack = peeldocs.build_pack(report, options)
    pdf = peeldocs.render(pack, "pdf", options)
    assert pdf_pages(pdf) == 1
    text = fold(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    assert "force assessment: one-page brief" in text
    assert "It gives no overall grade." in text
    assert "Victim service assessment Ungraded" in text or "; ‘Victim service assessment’ was ungraded." in text
    assert "two causes of concern and four recommendations" in text
    assert "must be published by 26 March 2024" in text
    assert "None" not in text and "unknown" not in text.lower()
    # a sentence never opens "None of …": the count leads (the fix for read 36's round)
    assert "Of the four deadlines set by the report, none has passed by" in text


@pytest.mark.parametrize("kind", ["brief", "committee", "s55"])
def test_each_kind_meets_the_checkable_pdf_ua_rules(kind: str, norfolk: Report) -> None:
    import pikepdf
    from pdfstruct import structure_text
    from test_pdf_tagging import check_pdf_ua

    for report, options in ((norfolk, norfolk_plan(norfolk)), (synthetic_assessment(), Options())):
        options = dataclasses.replace(options, document=kind)
        data = peeldocs.render(peeldocs.build_pack(report, options), "pdf", options)
        with pikepdf.open(io.BytesIO(data)) as pdf:
            by_tag = check_pdf_ua(pdf)
            assert len(by_tag["H1"]) == 1
            assert str(pdf.Root.Lang) == "en-GB"
            text = structure_text(pdf)
            if kind != "brief":  # the placeholders are read out as words, brackets and all
                assert "{to be completed: " in text


def test_brief_says_unknown_and_never_guesses(norfolk: Report) -> None:
    from peeldocs.model import Judgment, Status

    questions = tuple(dataclasses.replace(q, judgment=Judgment(Status.UNKNOWN))
                      if q.number == 3 else q for q in norfolk.questions)
    report = dataclasses.replace(norfolk, pillar="unknown", judgment=Judgment(Status.UNKNOWN),
                                 questions=questions)
    with pytest.raises(peeldocs.PeeldocsError, match="not found in the imported text"):
        peeldocs.build_pack(report, Options(document="brief"))  # refused unless allowed
    options = Options(document="brief", allow_unknown=True)
    text = body_text_of(peeldocs.render(peeldocs.build_pack(report, options), "pdf", options))
    assert "The overall judgment was not found in the imported text." in text
    # the unknown judgment is in the table, or counted as unknown when the table is cut
    assert ("3 How effective is the force at protecting those who are vulnerable from harm, "
            "and supporting victims? Unknown (not found in the imported text)" in text
            or "one was not found in the imported text." in text)
    assert "PEEL 2018/19 [pillar not found in the imported text]: one-page brief" in text
    assert "not graded" not in text.lower() and "unknown in this inspection" not in text


def test_wording_templates_override_by_name(norfolk: Report, tmp_path: Path) -> None:
    (tmp_path / "brief_intro.j2").write_text("For the {{ audience }}: our own opening.\n")
    (tmp_path / "committee_implications.j2").write_text(
        "Finance: none.\n\nRisk: [[the risk implications]]\n")
    options = Options(document="brief", template_dir=tmp_path, audience="gold group")
    text = body_text_of(peeldocs.render(peeldocs.build_pack(norfolk, options), "pdf", options))
    assert "For the gold group: our own opening." in text
    options = dataclasses.replace(options, document="committee")
    text = docx_text(peeldocs.render(peeldocs.build_pack(norfolk, options), "docx", options))
    assert "8.1 Finance: none." in text.replace("\t", " ")
    assert "Paragraph 8.2: the risk implications" in text


def test_a_brief_that_cannot_fit_one_page_still_builds_and_does_not_claim_one_page(
        norfolk: Report, tmp_path: Path) -> None:
    # read 10: a user's brief never fails to build because its text is long
    (tmp_path / "attribution.j2").write_text("Source. " * 900 + "\n")
    options = Options(document="brief", template_dir=tmp_path)
    pack = peeldocs.build_pack(norfolk, options)
    assert pack.metadata.title == "Norfolk Constabulary, PEEL 2018/19 effectiveness: brief"
    pdf = peeldocs.render(pack, "pdf", options)
    text = body_text_of(pdf)
    assert pdf_pages(pdf) > 1 and "one-page brief" not in text
    assert "Norfolk Constabulary, PEEL 2018/19 effectiveness: brief" in text
    assert "E5-REC-1" in text and text.count("Source.") == 900


@pytest.mark.parametrize("kind", ["brief", "committee", "s55"])
def test_html_has_one_h1_and_no_skipped_levels(kind: str, norfolk: Report) -> None:
    import itertools

    from test_html import parse

    options = dataclasses.replace(norfolk_plan(norfolk), document=kind)
    page = parse(peeldocs.render(peeldocs.build_pack(norfolk, options), "html",
                                 options).decode("utf-8"))
    assert not page.errors and not page.stack
    levels = [level for level, _ in page.headings]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    ids = [a["id"] for t, a in page.tags if "id" in a]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("kind", ["brief", "committee", "s55"])
def test_every_page_is_numbered_when_there_is_no_cover(kind: str, norfolk: Report) -> None:
    options = Options(document=kind)
    pdf = pypdf.PdfReader(io.BytesIO(peeldocs.render(peeldocs.build_pack(norfolk, options),
                                                     "pdf")))
    texts = [" ".join(page.extract_text().split()) for page in pdf.pages]
    # the s.55's (read 19) and the committee paper's (read 21-C) preparer's notes are numbered
    # on their own, the letter or paper without them
    letter = [t for t in texts if "Preparer’s notes, page" not in t]
    notes = texts[len(letter):]
    assert (kind in ("s55", "committee")) == bool(notes)
    for run in (letter, notes):
        for number, text in enumerate(run, start=1):
            assert f"age {number} of {len(run)}" in text


@pytest.mark.parametrize("kind", ["brief", "committee", "s55"])
def test_the_illustrative_2023_25_assessment(kind: str) -> None:
    report = peeldocs.load_report(ROOT / "examples" / "exampleshire-2023-25-assessment.yaml")
    assert report.is_assessment
    options = Options(document=kind)
    pack = peeldocs.build_pack(report, options)
    pdf = peeldocs.render(pack, "pdf")
    text = body_text_of(pdf)
    if kind == "brief":
        assert pdf_pages(pdf) == 1
        assert "It gives no overall grade." in text
        return
    for item in response_items(report):
        assert fold(item.text) in text, item.id
        if kind == "s55" and item.deadline:
            when = report_deadline(item.deadline, report.published)
            assert f"The report’s deadline: {when}" in text
    causes = [i for i in response_items(report) if i.kind.value == "cause of concern"]
    assert causes, "the example has causes of concern"


def test_the_brief_has_no_running_header_and_other_kinds_keep_theirs(norfolk: Report) -> None:
    """The brief's title heads its only page; the committee paper is headed on every page."""
    import docx as python_docx

    for kind, headed in (("brief", False), ("committee", True), ("s55", True)):
        options = Options(document=kind, marking="OFFICIAL")
        pack = peeldocs.build_pack(norfolk, options)
        assert bool(pack.metadata.running_title) is headed, kind
        document = python_docx.Document(io.BytesIO(peeldocs.render(pack, "docx", options)))
        header = " ".join(p.text for s in document.sections for p in s.header.paragraphs
                          ).replace("\u00a0", " ")  # phrases kept whole by no-break spaces
        assert "OFFICIAL" in header  # the marking stays
        # the s.55 response is the local policing body's: its pages name it (test_s55_read21.py)
        assert ("Norfolk Constabulary · PEEL 2018/19 effectiveness" in header) is (
            kind == "committee"), kind
        assert ("Police and Crime Commissioner for Norfolk · Response to HMICFRS PEEL 2018/19 "
                "effectiveness inspection" in header) is (kind == "s55"), kind


@pytest.mark.parametrize("kind", ["committee", "s55"])
def test_a_missing_publication_date_is_said_as_the_pack_says_it(norfolk: Report, kind: str) -> None:
    """The report has a date; the data did not supply it: the deadline is not shown, not unknown."""
    options = Options(document=kind)
    text = " ".join(peeldocs.render(peeldocs.build_pack(norfolk, options), "html", options)
                    .decode("utf-8").split())
    assert ("publication date was not supplied, so the deadline is not shown" in text if
            kind == "committee" else "publication date was not supplied, so the date the "
            "response is due by is not shown" in text)
    assert "deadline is unknown" not in text and "is not recorded" not in text


def test_the_html_brief_has_no_empty_masthead_and_its_title_keeps_one_page_whole(
        norfolk: Report) -> None:
    html = peeldocs.render(peeldocs.build_pack(norfolk, Options(document="brief")), "html")
    page = html.decode("utf-8")
    # no running title (its title says the same); the masthead holds only the marking's
    # placeholder, which the author completes
    assert 'class="running"' not in page
    assert re.search(r'<header[^>]*>\s*<p class="marking"><mark class="placeholder">'
                     r'\{to be completed: protective marking\}</mark></p>\s*</header>', page), \
        page[:2000]
    assert '<span class="nowrap">one-page</span> brief</h1>' in page
    marked = peeldocs.render(peeldocs.build_pack(
        norfolk, Options(document="brief", marking="OFFICIAL")), "html").decode("utf-8")
    assert '<p class="marking">OFFICIAL</p>' in marked and 'class="running"' not in marked
