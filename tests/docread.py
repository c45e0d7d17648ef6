"""Helpers for the document tests: read each format back as text, and synthetic reports.

The synthetic reports' findings are made up for testing and say so in their text.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import os
import re
import shutil
from datetime import date
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import docx
import pypdf
import render_cache
from docxread import all_text
from pdfread import fold
from synthetic import synthetic_report

import peeldocs
from peeldocs.model import CauseOfConcern, Finding, Report
from peeldocs.options import Marking, Options
from peeldocs.plans.files import load_plan

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "norfolk-2018-action-plan.yaml"
SECTIONS_IN_ORDER = ("Purpose", "Recommendation to the committee", "Background", "The judgments",
                     "What the report found", "Findings and leads",
                     "How progress is tracked", "Implications")


class _Text(HTMLParser):
    """An HTML page's text in pieces, a space between them as a reader sees one.

    A span that only keeps its words on one line (``nowrap``: a date, a code, a span of
    years) adds no space at its edges: a browser shows "2023–25," where the pieces alone
    would read "2023–25 ,"."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._spans: list[bool] = []  # for each open span, whether it only keeps words together
        self._glue = False  # the next text joins the last piece
        self._after_text = False  # no tag but a span since the last text
        self.headings: list[str] = []
        self._in_heading = False
        self._in_style = False  # a style sheet is no text a reader gets

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "span":
            kept = "nowrap" in (dict(attrs).get("class") or "").split()
            self._spans.append(kept)
            self._glue = kept and self._after_text
        else:  # any other element's edge is a break a reader may see
            self._glue = self._after_text = False
        self._in_style = tag in ("style", "script")
        if tag in ("h1", "h2", "h3"):  # a heading's text runs to its end, spans and all
            self._in_heading = True
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._spans:
            self._glue = self._spans.pop()
        elif tag != "span":
            self._glue = self._after_text = False
        if tag in ("h1", "h2", "h3"):
            self._in_heading = False
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            return
        if self._glue and self.parts:
            self.parts[-1] += data
        else:
            self.parts.append(data)
        self._glue = False
        self._after_text = True
        if self._in_heading:
            self.headings[-1] += data


def html_text(data: bytes) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    return fold(" ".join(parser.parts)), parser.headings


@render_cache.shared_reading("docx text")
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



def norfolk_plan(report: Report) -> Options:
    plan = load_plan(PLAN, report, as_of=date(2019, 10, 15), published=date(2019, 5, 2))
    return Options(plan=plan, published=date(2019, 5, 2), as_of=date(2019, 10, 15),
                   marking=Marking.OFFICIAL, audience="Police and Crime Panel")



REVIEW_CASES = ("norfolk-plan", "norfolk", "example")
"""The inputs every editorial read had: Norfolk with its plan (15 October 2019, OFFICIAL),
Norfolk without one (10 June 2019) and the constructed example (1 April 2025)."""


def review_options(case: str, kind: str = "brief",
                   as_of: date | None = None) -> tuple[Report, Options]:
    """Return the report and options of one of :data:`REVIEW_CASES` for document ``kind``."""
    published = date(2019, 5, 2)
    if case == "example":
        example = peeldocs.load_report(ROOT / "examples" / "exampleshire-2023-25-assessment.yaml")
        return example, Options(document=kind, as_of=as_of or date(2025, 4, 1))
    report = peeldocs.load_report(ROOT / "data" / "norfolk-2018-effectiveness.yaml")
    if case == "norfolk-plan":
        on = as_of or date(2019, 10, 15)
        plan = load_plan(PLAN, report, as_of=on, published=published)
        return report, Options(document=kind, as_of=on, published=published, plan=plan,
                               marking="OFFICIAL")
    return report, Options(document=kind, as_of=as_of or date(2019, 6, 10), published=published)


def between(text: str, start: str, end: str | None = None) -> str:
    """Return the part of ``text`` from ``start`` up to ``end`` (or to the end)."""
    at = text.index(start)
    return text[at:text.index(end, at)] if end else text[at:]


@functools.lru_cache(maxsize=64)
@render_cache.shared_reading("pdf text")
def body_text_of(pdf: bytes, tmp: Path | None = None) -> str:
    """A PDF's text as pypdf extracts it, whitespace folded (remembered for the last read)."""
    return fold(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))


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


@functools.lru_cache(maxsize=64)
def text_of(data: bytes, fmt: str) -> str:
    """The text a reader gets from a document in ``fmt``, whitespace folded.

    Remembered for the last documents read: many tests read the same shared build
    (:func:`rendered`), and reading a PDF's text costs more than building it.
    """
    if fmt == "pdf":
        return body_text_of(data)
    return docx_text(data) if fmt == "docx" else html_text(data)[0]


BRIEF_CASES = ("norfolk", "stress", "assessment", "norfolk-no-plan", "example", "thirty")


def brief_documents(folder: Path, fmt: str,
                    names: tuple[str, ...] = BRIEF_CASES) -> dict[str, Path]:
    """The one-page brief of Norfolk (with its plan, and without one before the s.55
    deadline), a 500-question report, a 30-cause report, an assessment and the example."""
    norfolk = peeldocs.load_report(ROOT / "data" / "norfolk-2018-effectiveness.yaml")
    stress = with_concerns(synthetic_report("Test Constabulary", "Test", 7, questions=500), 60)
    thirty = with_concerns(synthetic_report("Kent Police", "Kent", 3, questions=10), 30)
    example = peeldocs.load_report(ROOT / "examples" / "exampleshire-2023-25-assessment.yaml")
    cases: list[tuple[str, Report, Options]] = [
        ("norfolk", norfolk, norfolk_plan(norfolk)), ("stress", stress, Options()),
        ("assessment", synthetic_assessment(3), Options()),
        ("norfolk-no-plan", norfolk, Options(published=date(2019, 5, 2),
                                              as_of=date(2019, 6, 10))),
        ("example", example, Options(as_of=date(2025, 4, 1))), ("thirty", thirty, Options())]
    out = {}
    for name, report, options in cases:
        if name not in names:
            continue
        options = dataclasses.replace(options, document="brief")
        (out[name],) = peeldocs.write_pack(report, options, [fmt], folder, stem=name)
    return out


REGISTER_PLANS = [ROOT / "examples" / "norfolk-2018-action-plan.yaml",
                  ROOT / "examples" / "constructed-thematic-action-plan.yaml"]


def register_documents(folder: Path) -> dict[str, Path]:
    """The register of the two example plans and its update paper, in every format, by file name."""
    register = peeldocs.register(REGISTER_PLANS, as_of="2024-10-15", since="2024-07-01")
    paths = peeldocs.write_register(register, "pdf,docx,html", folder, document="update",
                                    options=Options(marking="OFFICIAL",
                                                    audience="joint audit committee"))
    paths += peeldocs.write_register(register, "pdf,docx,html", folder, document="register")
    return {p.name: p for p in paths}


def bilingual_committee(folder: Path) -> Path:
    """The Norfolk committee paper in Welsh and English, as tests/test_welsh_documents.py builds it."""
    options = Options(document="committee", language="cy+en", published=date(2019, 5, 2),
                      as_of=date(2019, 6, 1))
    (path,) = peeldocs.write_pack(peeldocs.load_report(ROOT / "data" / "norfolk-2018-effectiveness.yaml"),
                                  options, ["docx"], folder)
    return path


REVIEW_PLANS = ["examples/norfolk-2018-action-plan.yaml",
                "examples/constructed-thematic-action-plan.yaml"]
_BLOCK = re.compile(r"</?(?:p|td|th|tr|li|ul|h[1-6]|caption|div|section|table|br)\b[^>]*>")


def review_register_documents(folder: Path) -> Path:
    """The register (15 October 2024) and its update (15 January 2025) as a reviewer read them.

    Built through the command line into ``folder/register`` (with the workbook) and
    ``folder/update``; returns ``folder``.
    """
    from peeldocs.cli import main

    assert main(["register", *REVIEW_PLANS, "--as-of", "2024-10-15", "--format",
                 "pdf,docx,html,xlsx", "--out", str(folder / "register"), "--quiet"]) == 0
    assert main(["register", *REVIEW_PLANS, "--as-of", "2025-01-15", "--since",
                 str(folder / "register" / "register.xlsx"), "--document", "update",
                 "--format", "pdf,docx,html", "--out", str(folder / "update"), "--quiet"]) == 0
    return folder


def reader_text(path: Path) -> str:
    """What a reader gets from a PDF, DOCX or HTML file, whitespace folded.

    HTML as a browser reads it: inline markup joins words, block elements separate them.
    """
    if path.suffix == ".pdf":
        return fold(" ".join(page.extract_text() for page in pypdf.PdfReader(path).pages))
    if path.suffix == ".docx":
        return docx_text(path.read_bytes())
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.S)
    return fold(unescape(re.sub(r"<[^>]+>", "", _BLOCK.sub(" ", page))))


def browser_joins(text: str, closers: str = ",.:;)’") -> str:
    """Join words as a browser shows HTML: no space before ``closers`` or after "(".

    Text taken from HTML puts a space at every element edge; a browser shows a
    date kept whole in a span, or a link before a full stop, with none.
    """
    return re.sub(r"\( ", "(", re.sub(f" ([{closers}])", r"\1", text))


@functools.cache
def rendered(report: Report, options: Options, fmt: str) -> bytes:
    """Build and render one document, once per test process for equal inputs.

    Reports and options are frozen, so equal ones give equal bytes: the reader tests
    of several modules share one build instead of each making its own.
    """
    return peeldocs.render(peeldocs.build_pack(report, options), fmt, options)


def document_text(report: Report, options: Options, fmt: str) -> str:
    """One document's text as a reader gets it, whitespace folded.

    In HTML joined as a browser shows it; no space before closing punctuation in any
    format, so one expected sentence fits all three.
    """
    text = " ".join(text_of(rendered(report, options, fmt), fmt).split())
    text = browser_joins(text) if fmt == "html" else text
    return re.sub(r" (?=[,.:;)])", "", text)


def folded_texts(documents: dict[str, bytes]) -> dict[str, str]:
    """Each format's text as a reader reads it, whitespace folded, HTML without its CSS."""
    data = {**documents, "html": re.sub(rb"<style\b.*?</style>", b" ", documents["html"],
                                        flags=re.S)}
    return {fmt: " ".join(text_of(data[fmt], fmt).replace("•", " ").split()) for fmt in data}


@functools.lru_cache(maxsize=1)
def review_comparison_pack() -> peeldocs.Pack:
    """The comparison the editors read: three constructed tables and the published Norfolk
    report, focused on Norfolk (built once per test process)."""
    tables = sorted((ROOT / "tests" / "fixtures" / "compare").glob("*.csv"))
    return peeldocs.compare([*tables, ROOT / "data" / "norfolk-2018-effectiveness.yaml"],
                            focus="Norfolk")


@functools.lru_cache(maxsize=8)
def review_comparison(fmt: str) -> bytes:
    """The reviewed comparison rendered as ``fmt``, rendered once per test process."""
    from peeldocs.build.registry import render

    return render(review_comparison_pack(), fmt)


def brief_text(data: bytes, fmt: str) -> str:
    """A brief's text as a reader gets it: HTML joined as a browser shows it, then folded."""
    text = text_of(data, fmt)
    if fmt == "html":  # as a browser joins inline elements
        text = browser_joins(text, ",.:;)’”")
    return " ".join(text.split())


def s55_cases(norfolk: Report, example: Report) -> dict[str, tuple[Report, Options]]:
    """The three inputs the s.55 editorial reads had, as build_review.sh builds them."""
    planned = dataclasses.replace(norfolk_plan(norfolk), document="s55", as_of=date(2019, 10, 15))
    return {"norfolk-with-plan": (norfolk, planned),
            "norfolk-no-plan": (norfolk, Options(document="s55", published=date(2019, 5, 2),
                                                 as_of=date(2019, 6, 10))),
            "exampleshire": (example, Options(document="s55", as_of=date(2025, 4, 1)))}


def s55_text(report: Report, options: Options, fmt: str) -> str:
    """An s.55 response's text, folded, then in HTML joined as a browser shows it."""
    text = " ".join(text_of(rendered(report, options, fmt), fmt).split())
    return browser_joins(text, "?,.:;)’") if fmt == "html" else text


def exported_register(folder: Path) -> Path:
    """Copy the reviewed register's plans and sources into ``folder`` and export its workbook
    there as an action owner receives it (``register.xlsx``, as of 15 October 2024)."""
    from peeldocs.cli import main

    for name in (*REVIEW_PLANS, "examples/constructed-thematic-inspection.yaml",
                 "data/norfolk-2018-effectiveness.yaml"):
        (folder / name).parent.mkdir(exist_ok=True)
        shutil.copy(ROOT / name, folder / name)
    here = Path.cwd()
    os.chdir(folder)  # the plans named as an owner's copy names them, relative to its folder
    try:
        assert main(["register", *REVIEW_PLANS, "--as-of", "2024-10-15", "--format", "xlsx",
                     "--out", ".", "--quiet"]) == 0
    finally:
        os.chdir(here)
    return folder
