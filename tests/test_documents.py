"""The one-page brief, the committee paper and the s.55 response, as a reader gets them."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import docx
import pypdf
import pytest
from docxread import all_text
from pdfread import body_text, fold
from synthetic import synthetic_report

import peeldocs
from peeldocs.cli import main
from peeldocs.documents import BRIEF, DocumentKind, build_document, document_kinds
from peeldocs.model import CauseOfConcern, Finding, Report
from peeldocs.options import Marking, Options
from peeldocs.plan_io import load_plan
from peeldocs.sections.items import response_items

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "norfolk-2018-action-plan.yaml"
SECTIONS_IN_ORDER = ("Purpose", "Recommendation", "Background", "The judgments",
                     "Findings and who leads each", "How progress is tracked", "Implications")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.headings: list[str] = []
        self._in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_heading = tag in ("h1", "h2", "h3")
        if self._in_heading:
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_heading = False

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        if self._in_heading:
            self.headings[-1] += data


def html_text(data: bytes) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    return fold(" ".join(parser.parts)), parser.headings


def docx_text(data: bytes) -> str:
    return fold(all_text(docx.Document(io.BytesIO(data))))


def pdf_pages(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def with_concerns(report: Report, findings: int) -> Report:
    """The report with ``findings`` AFIs and causes of concern (each with a recommendation)."""
    questions = list(report.questions)
    for n in range(findings):
        q = questions[n % len(questions)]
        if n % 3 == 0:
            coc = CauseOfConcern(f"Q{q.number}-COC-{n}", f"Synthetic cause of concern {n}: "
                                 "the force does not always safeguard victims well enough.",
                                 (Finding(f"Q{q.number}-COC-{n}-R1", f"Synthetic recommendation "
                                          f"{n}: within six months the force should review it."),))
            q = dataclasses.replace(q, causes_of_concern=(*q.causes_of_concern, coc))
        else:
            afi = Finding(f"Q{q.number}-AFI-X{n}", f"Synthetic area for improvement {n}: the "
                          "force should improve how it supervises investigations and records "
                          "the outcome of each one, so that victims are kept informed.")
            q = dataclasses.replace(q, areas_for_improvement=(*q.areas_for_improvement, afi))
        questions[n % len(questions)] = q
    return dataclasses.replace(report, questions=tuple(questions))


@pytest.fixture(scope="module")
def stress() -> Report:
    base = synthetic_report("Test Constabulary", "Test", 7, questions=500)
    return with_concerns(base, 60)


@pytest.fixture(scope="module")
def thirty() -> Report:
    return with_concerns(synthetic_report("Kent Police", "Kent", 3, questions=10), 30)


def norfolk_plan(report: Report) -> Options:
    plan = load_plan(PLAN, report, as_of=date(2019, 10, 15), published=date(2019, 5, 2))
    return Options(plan=plan, published=date(2019, 5, 2), as_of=date(2019, 10, 15),
                   marking=Marking.OFFICIAL, audience="Police and Crime Panel")


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
    listed = sum(1 for i in items if fold(i.text) in text)
    more = re.search(r"And ((?:(?!And ).)*?), listed verbatim in the briefing pack", text)
    if listed < len(items):  # what does not fit is summarised, with the right counts
        assert more is not None
        counted = sum(int(n) for n in re.findall(r"(\d+) more", more.group(1)))
        assert listed + counted == len(items)
    rows = sum(1 for q in report.questions if f"{q.number} {q.title}" in text)
    if rows < len(report.questions):
        hidden = re.search(r"And (\d+) more questions?, listed with the judgments", text)
        assert hidden is not None and rows + int(hidden.group(1)) == len(report.questions)
    html, _ = html_text(peeldocs.render(pack, "html", options))
    word = docx_text(peeldocs.render(pack, "docx", options))
    for other in (html, word):
        assert (more.group(0) in other) if more else "listed verbatim" not in other
        assert sum(1 for i in items if fold(i.text) in other) == listed


def test_brief_does_not_claim_what_the_report_does_not_say(norfolk: Report) -> None:
    pack = peeldocs.build_pack(norfolk, Options(document="brief"))
    from peeldocs import blocks as pb

    runs = [b.runs for b in pack.sections[0].blocks if isinstance(b, pb.Paragraph)]
    runs += [i for b in pack.sections[0].blocks if isinstance(b, pb.BulletList) for i in b.items]
    text = fold(" ".join(pb.inline_text(r) for r in runs))
    assert "lists no causes of concern as such" in text
    assert "no causes of concern." not in text.lower()
    assert "deadline is unknown" in text


def test_brief_shows_late_actions_from_the_plan(norfolk: Report) -> None:
    options = dataclasses.replace(norfolk_plan(norfolk), document="brief")
    text = body_text_of(peeldocs.render(peeldocs.build_pack(norfolk, options), "pdf", options))
    assert "must be published by 26 June 2019" in text
    assert "overdue by" in text or "more dated action" in text


def body_text_of(pdf: bytes, tmp: Path | None = None) -> str:
    return fold(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))


# --- the committee paper --------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_committee_paper_sections_in_order_and_findings_verbatim(
        fmt: str, norfolk: Report, thirty: Report, tmp_path: Path) -> None:
    for report in (norfolk, thirty):
        options = Options(document="committee")
        (path,) = peeldocs.write_pack(report, options, [fmt], tmp_path / report.force.short_name)
        assert path.name.endswith(f"-committee-paper.{fmt}")
        data = path.read_bytes()
        if fmt == "pdf":
            text, headings = body_text(path), []
        elif fmt == "docx":
            document = docx.Document(io.BytesIO(data))
            text = docx_text(data)
            headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
        else:
            text, headings = html_text(data)
        positions = [text.index(f"{n}. {title}") for n, title in
                     enumerate(SECTIONS_IN_ORDER, start=1)]
        assert positions == sorted(positions)
        if headings:
            numbered = [h for h in headings if re.match(r"\d+\. ", h)]
            assert numbered == [f"{n}. {t}" for n, t in enumerate(SECTIONS_IN_ORDER, start=1)]
        for item in response_items(report):
            assert fold(item.text) in text, item.id
        for q in report.questions:
            assert q.judgment.describe() in text
        assert "[to be completed: the lead]" in text and \
            "[to be completed: the financial implications]" in text
        top = text[:text.index("1. Purpose")]
        assert "To complete before this paper is issued" in top
        assert "Paragraph 7.1: the financial implications" in top
        assert "Findings and who leads each: the lead" in top


def test_committee_paper_takes_leads_and_dates_from_the_plan_only(norfolk: Report) -> None:
    options = dataclasses.replace(norfolk_plan(norfolk), document="committee")
    text = docx_text(peeldocs.render(peeldocs.build_pack(norfolk, options), "docx", options))
    assert "Example ACC (illustrative)" in text
    assert "31 December 2019" in text
    without = docx_text(peeldocs.render(peeldocs.build_pack(norfolk, Options(
        document="committee")), "docx", Options()))
    assert "Example ACC" not in without and "31 December 2019" not in without


def test_placeholders_are_marked_in_every_format(norfolk: Report) -> None:
    options = Options(document="committee")
    pack = peeldocs.build_pack(norfolk, options)
    html = peeldocs.render(pack, "html", options).decode()
    assert '<mark class="placeholder">[to be completed: the financial implications]</mark>' in html
    document = docx.Document(io.BytesIO(peeldocs.render(pack, "docx", options)))
    marked = [r for p in document.paragraphs for r in p.runs
              if r.text == "[to be completed: the financial implications]"]
    assert marked and marked[0].bold and marked[0]._r.rPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}shd") is not None


# --- the s.55 response ----------------------------------------------------------------

@pytest.mark.parametrize(("published", "deadline"), [
    (date(2019, 5, 2), "26 June 2019"),
    (date(2023, 12, 20), "13 February 2024"),
    (date(2024, 1, 31), "26 March 2024"),  # across 29 February
])
def test_s55_deadline(published: date, deadline: str, norfolk: Report) -> None:
    options = Options(document="s55", published=published)
    text = docx_text(peeldocs.render(peeldocs.build_pack(norfolk, options), "docx", options))
    assert f"Response due by {deadline}" in text
    assert f"must be published by {deadline}" in text


def test_s55_deadline_unknown_without_a_publication_date(norfolk: Report) -> None:
    options = Options(document="s55")
    text = docx_text(peeldocs.render(peeldocs.build_pack(norfolk, options), "docx", options))
    assert "Response due by Unknown until the publication date is known" in text


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_s55_lists_every_finding_with_action_or_placeholder(fmt: str, norfolk: Report,
                                                            thirty: Report) -> None:
    for report, options in ((norfolk, norfolk_plan(norfolk)), (norfolk, Options()),
                            (thirty, Options())):
        options = dataclasses.replace(options, document="s55")
        data = peeldocs.render(peeldocs.build_pack(report, options), fmt, options)
        text = (body_text_of(data) if fmt == "pdf" else docx_text(data) if fmt == "docx"
                else html_text(data)[0])
        items = response_items(report)
        for item in items:
            assert fold(item.text) in text, item.id
        planned = {i.finding for i in options.plan.items if i.actions} if options.plan else set()
        missing = [i for i in items if i.id not in planned]
        assert text.count("[to be completed: the action taken or planned, or why none]") == len(missing)
        for check in ("chief constable’s comments are included",
                      "published on the commissioner’s website", "sent to HMICFRS"):
            assert check in text
        assert "HM Chief Inspector of Constabulary" in text and "section 55" in text


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
    assert "unknown document 'memo'; available: brief, committee, pack, s55" in \
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
    assert pack.metadata.title == "Norfolk Constabulary: PEEL 2018/19 effectiveness: one-page brief"
    pdf = pypdf.PdfReader(io.BytesIO(peeldocs.render(pack, "pdf", Options())))
    assert pdf.trailer["/Root"]["/Lang"] == "en-GB"
    assert pdf.metadata.title == pack.metadata.title


# --- current-cycle force assessments --------------------------------------------------

AREAS_2023 = ("Recording data about crime", "Police powers and public treatment",
              "Preventing and deterring crime", "Responding to the public", "Investigating crime",
              "Protecting vulnerable people", "Managing offenders and suspects",
              "Building, supporting and protecting the workforce",
              "Leadership and force management", "Victim service assessment")


def synthetic_assessment(afis_per_area: int = 2) -> Report:
    """A 2023-25 force assessment; every finding is synthetic test text and says so."""
    from peeldocs.model import Grade, Judgment, Question, ReportKind, Status

    grades = (Grade.GOOD, Grade.ADEQUATE, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE,
              Grade.OUTSTANDING)
    questions = []
    for n, title in enumerate(AREAS_2023, start=1):
        ungraded = title == "Victim service assessment"
        judgment = Judgment(Status.UNGRADED) if ungraded else Judgment(Status.GRADED,
                                                                       grades[n % 5])
        afis = tuple(Finding(f"A{n}-AFI-{k}", f"Synthetic test text: area {n} needs "
                             f"improvement {k}; the force should make sure supervisors review "
                             "the work of their teams.") for k in range(1, afis_per_area + 1))
        causes: tuple[CauseOfConcern, ...] = ()
        if n in (5, 6):
            causes = (CauseOfConcern(f"A{n}-COC-1", f"Synthetic test text: cause of concern in "
                                     f"area {n}; the force does not identify vulnerability well.",
                                     (Finding(f"A{n}-COC-1-R1", f"Synthetic test text: the force "
                                              f"should review its training for area {n}.",
                                              deadline="Within six months"),
                                      Finding(f"A{n}-COC-1-R2", "Synthetic test text: the force "
                                              f"should put in place a plan to audit cases in area {n}.",
                                              deadline="By 31 March 2024"))),)
        questions.append(Question(n, title, judgment, areas_for_improvement=afis,
                                  causes_of_concern=causes))
    return Report(peeldocs.model.Force("Kent Police", "Kent"), "2023-25",
                  "Kent PEEL 2023-25 (synthetic test report)", kind=ReportKind.ASSESSMENT,
                  published=date(2024, 1, 31), questions=tuple(questions))


@pytest.mark.parametrize("afis", [1, 6])
def test_assessment_brief_is_one_page(afis: int) -> None:
    report = synthetic_assessment(afis)
    options = Options(document="brief")
    pack = peeldocs.build_pack(report, options)
    pdf = peeldocs.render(pack, "pdf", options)
    assert pdf_pages(pdf) == 1
    text = fold(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    assert "force assessment: one-page brief" in text
    assert "it gives no overall grade" in text
    assert "Victim service assessment Ungraded" in text
    assert "2 causes of concern and 4 recommendations" in text
    assert "must be published by 26 March 2024" in text
    assert "None" not in text and "unknown" not in text.lower()


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_assessment_s55_lists_causes_with_recommendations_and_deadlines(fmt: str) -> None:
    report = synthetic_assessment()
    options = Options(document="s55")
    data = peeldocs.render(peeldocs.build_pack(report, options), fmt, options)
    text = (body_text_of(data) if fmt == "pdf" else docx_text(data) if fmt == "docx"
            else html_text(data)[0])
    for q in report.questions:
        for c in q.causes_of_concern:
            at = text.index(fold(c.text))
            for r in c.recommendations:
                where = text.index(fold(r.text))
                assert where > at
                assert f"Deadline as the report words it: {r.deadline}" in text[where:]
        for afi in q.areas_for_improvement:
            assert fold(afi.text) in text
    assert "Response due by 26 March 2024" in text
    assert text.count("[to be completed: the action taken or planned, or why none]") == len(response_items(report))
    assert "(area 5: Investigating crime)" in text and "(question 5" not in text


def test_assessment_committee_paper(tmp_path: Path) -> None:
    report = synthetic_assessment()
    options = Options(document="committee")
    text = docx_text(peeldocs.render(peeldocs.build_pack(report, options), "docx", options))
    assert "graded area by area on a five-point scale" in text
    assert "Area Judgment Note" in text or "Area" in text
    for item in response_items(report):
        assert fold(item.text) in text
    assert "None" not in text


def _placeholder_texts(blocks: tuple[object, ...]) -> set[str]:
    from peeldocs import blocks as pb

    found: set[str] = set()
    for block in blocks:
        runs: list[tuple[pb.Inline, ...]] = []
        if isinstance(block, pb.Paragraph | pb.NumberedParagraph):
            runs = [block.runs]
        elif isinstance(block, pb.BulletList):
            runs = list(block.items)
        elif isinstance(block, pb.Table):
            runs = [c.runs for row in block.rows for c in row]
        elif isinstance(block, pb.Callout):
            continue  # the list itself
        found |= {r.text for rr in runs for r in rr if isinstance(r, pb.Placeholder)}
    return found


@pytest.mark.parametrize("kind", ["committee", "s55"])
def test_every_placeholder_is_listed_at_the_top(kind: str, norfolk: Report) -> None:
    from peeldocs import blocks as pb

    for options in (Options(document=kind), dataclasses.replace(norfolk_plan(norfolk),
                                                                document=kind)):
        (section,) = peeldocs.build_pack(norfolk, options).sections
        callouts = [b for b in section.blocks if isinstance(b, pb.Callout)]
        assert len(callouts) == 1 and section.blocks.index(callouts[0]) <= 2
        listed = " ".join(pb.inline_text(i) for b in callouts[0].body
                          if isinstance(b, pb.BulletList) for i in b.items)
        everything = _placeholder_texts(section.blocks)
        assert everything
        for text in everything:
            assert text in listed, text


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
                assert "[to be completed: " in text
