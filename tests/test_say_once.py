"""Issue 23, parts 3 and 5: say it once, and wording and typography a reader would sign.

Every document kind (pack, brief, committee paper, s.55 response) is built once
for the Norfolk report (without and with the example action plan) and for the
constructed 2023-25 assessment, in PDF, DOCX and HTML, and read back as a reader
gets it; the comparison likewise.  Each test checks one point of the issue.
"""

from __future__ import annotations

import io
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docread import text_of

import peeldocs
from peeldocs import blocks as b
from peeldocs.model import Report, normalise_cycle
from peeldocs.options import Marking, Options
from peeldocs.plans.files import load_plan
from peeldocs.prose import fragment

# one worker builds this module's documents once (pytest-xdist --dist loadgroup)
pytestmark = pytest.mark.xdist_group("test_say_once")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "norfolk-2018-effectiveness.yaml"
EXAMPLE = ROOT / "examples" / "exampleshire-2023-25-assessment.yaml"
PLAN = ROOT / "examples" / "norfolk-2018-action-plan.yaml"
KINDS = ("pack", "brief", "committee", "s55")
FORMATS = ("pdf", "docx", "html")
SOURCES = ("norfolk", "norfolk-plan", "example")


def _options(source: str, report: Report, kind: str) -> Options:
    if source == "norfolk-plan":
        as_of, published = date(2019, 10, 15), date(2019, 5, 2)
        plan = load_plan(PLAN, report, as_of=as_of, published=published)
        return Options(document=kind, plan=plan, as_of=as_of, published=published,
                       marking=Marking.OFFICIAL)
    return Options(document=kind)


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    norfolk = peeldocs.load_report(DATA)
    return {"norfolk": norfolk, "norfolk-plan": norfolk, "example": peeldocs.load_report(EXAMPLE)}


@pytest.fixture(scope="module")
def built(reports: dict[str, Report]) -> dict[tuple[str, str], tuple[b.Pack, dict[str, bytes]]]:
    """Every document kind for every source, as blocks and as bytes in every format."""
    out = {}
    for source in SOURCES:
        for kind in KINDS:
            options = _options(source, reports[source], kind)
            pack = peeldocs.build_pack(reports[source], options)
            out[source, kind] = (pack, {fmt: peeldocs.render(pack, fmt, options)
                                        for fmt in FORMATS})
    return out


@pytest.fixture(scope="module")
def texts(built: dict[tuple[str, str], tuple[b.Pack, dict[str, bytes]]]
          ) -> dict[tuple[str, str, str], str]:
    """The text a reader gets, by (source, kind, format)."""
    return {(source, kind, fmt): text_of(_no_style(data) if fmt == "html" else data, fmt)
            for (source, kind), (_pack, files) in built.items() for fmt, data in files.items()}


def _no_style(page: bytes) -> bytes:
    """The page without its style sheet, which a reader never sees."""
    return re.sub(rb"<style\b.*?</style>", b"", page, flags=re.S)


@pytest.fixture(scope="module")
def comparison() -> dict[str, bytes]:
    fixtures = sorted((ROOT / "tests" / "fixtures" / "compare").glob("*.csv"))
    pack = peeldocs.compare([*map(str, fixtures), str(DATA)], focus="Norfolk")
    return {fmt: peeldocs.render(pack, fmt) for fmt in FORMATS}


def _blocks(pack: b.Pack) -> list[b.Block]:
    out: list[b.Block] = []

    def walk(blocks: tuple[b.Block, ...]) -> None:
        for block in blocks:
            out.append(block)
            if isinstance(block, b.Callout):
                walk(block.body)

    for section in pack.sections:
        walk(section.blocks)
    return out


def _source_text(source: str) -> str:
    """The data file's own words, folded: what a document may quote as published."""
    path = EXAMPLE if source == "example" else DATA
    return " ".join(path.read_text(encoding="utf-8").split())


# ---- part 3: say it once ------------------------------------------------------------------


def test_a_finding_is_quoted_once_per_document(reports: dict[str, Report],
                                               texts: dict[tuple[str, str, str], str]) -> None:
    for (source, kind, fmt), text in texts.items():
        report = reports[source]
        quotes = [fragment(p.text, p.kind.value) for p in report.prior_findings]
        for q in report.questions:
            quotes += [f.text for f in q.areas_for_improvement]
            for c in q.causes_of_concern:
                quotes += [c.text, *(r.text for r in c.recommendations)]
        for quote in quotes:
            words = " ".join(quote.split())[:90]
            assert text.count(words) <= 1, (source, kind, fmt, words)
    # and the pack still quotes each of them, once
    for source in SOURCES:
        pack_text = texts[source, "pack", "docx"]
        for q in reports[source].questions:
            for f in q.areas_for_improvement:
                assert " ".join(f.text.split())[:90] in pack_text, f.id


def test_the_action_plan_names_findings_the_pack_quotes_by_their_reference(
        texts: dict[tuple[str, str, str], str]) -> None:
    for fmt in FORMATS:
        text = texts["norfolk-plan", "pack", fmt]
        plan = text[text.rindex("Action plan"):]
        # by reference, kind and its opening words, cut (read 35), never its whole text
        assert ("E2-AFI-2 Area for improvement (question 2): “The force should improve how it "
                "allocates crime …”") in plan
        assert "allocates crime, ensuring that" not in plan
        assert ("The findings are quoted in the executive summary and the findings by question, "
                "under the same references.") in text
        assert "quoted in full once" not in text
        # the findings by question name the earlier finding the summary quotes
        assert ("E-2017-AFI-1 (2017 area for improvement, quoted in the executive summary). "
                "Outcome: not enough progress (carried forward).") in text


def test_the_plan_status_paragraph_is_said_once(texts: dict[tuple[str, str, str], str]) -> None:
    for fmt in FORMATS:
        text = texts["norfolk-plan", "pack", fmt]
        # read 35: not before the plan's table either (each row gives its status)
        assert text.count("On 15 October 2019 the plan has four items") == 0, fmt


def test_the_note_on_square_brackets_and_ellipses_is_said_once(
        texts: dict[tuple[str, str, str], str]) -> None:
    for key, text in texts.items():
        notes = len(re.findall(r"[Ss]quare brackets (?:mark words|are this pack)|[Ww]ords in square brackets are", text))
        assert notes <= 1, key
        if "[The area for improvement]" in text:  # a bracketed quotation is explained
            assert notes == 1, key


def test_the_report_s_verdict_on_earlier_findings_is_said_once(
        texts: dict[tuple[str, str, str], str]) -> None:
    verdict = "We are satisfied that the force has suitably addressed these areas"
    for key, text in texts.items():
        assert text.count(verdict) <= 1, key
    assert texts["norfolk", "pack", "pdf"].count(verdict) == 1  # as the report says it


def test_the_constructed_label_is_said_once_at_the_head_of_each_section(
        built: dict[tuple[str, str], tuple[b.Pack, dict[str, bytes]]],
        texts: dict[tuple[str, str, str], str]) -> None:
    pack, _files = built["example", "pack"]
    for section in pack.sections:
        labels = [blk for blk in section.blocks if isinstance(blk, b.Paragraph)
                  and "Constructed for illustration" in b.inline_text(blk.runs)]
        assert len(labels) <= 1, section.name
    for fmt in FORMATS:
        text = texts["example", "pack", fmt]
        # the executive summary's quoted summary and the findings by area: once each
        assert text.count("not the inspectorate’s words") == 2, fmt


def test_no_chart_repeats_a_table_beside_it(
        built: dict[tuple[str, str], tuple[b.Pack, dict[str, bytes]]]) -> None:
    for key, (pack, _files) in built.items():
        for section in pack.sections:
            blocks = section.blocks
            for i, blk in enumerate(blocks):
                if not isinstance(blk, b.Figure):
                    continue
                start = max((j for j in range(i) if isinstance(blocks[j], b.Heading)), default=0)
                end = min((j for j in range(i + 1, len(blocks))
                           if isinstance(blocks[j], b.Heading)), default=len(blocks))
                for other in blocks[start:end]:
                    if isinstance(other, b.Table):
                        cells = {b.inline_text(c.runs) for row in other.rows for c in row}
                        assert not set(blk.chart.categories) <= cells, (key, blk.caption)


def test_a_chart_has_a_legend_only_with_more_than_one_series_and_no_chart_repeats_the_plan_counts(
        texts: dict[tuple[str, str, str], str],
        built: dict[tuple[str, str], tuple[b.Pack, dict[str, bytes]]]) -> None:
    _pack, files = built["norfolk-plan", "pack"]
    document = docx.Document(io.BytesIO(files["docx"]))
    charts = [rel.target_part.blob for rel in document.part.rels.values()
              if rel.reltype.endswith("/chart")]
    assert len(charts) == 1  # the plan's counts by status are a sentence, not a chart as well
    legends = [b"<c:legend>" in xml for xml in charts]
    series = [xml.count(b"<c:ser>") for xml in charts]
    assert legends == [n > 1 for n in series]
    for fmt in FORMATS:
        text = texts["norfolk-plan", "pack", fmt]
        assert "Items by status on" not in text, fmt
        # read 35: no count of the statuses before the plan's table; each row says its own
        assert text.count("one awaiting allocation, two in progress and one closed") == 0, fmt
    # the two-series chart keeps its key
    assert "Norfolk England and Wales" in texts["norfolk", "pack", "pdf"]


def test_no_caption_points_to_a_table_above(texts: dict[tuple[str, str, str], str],
                                            comparison: dict[str, bytes]) -> None:
    for key, text in texts.items():
        assert "table above" not in text, key
    for fmt, data in comparison.items():
        assert "table above" not in text_of(data, fmt), fmt


class _Tables(HTMLParser):
    """Each table's caption (or aria-labelledby) with the heading written before it."""

    def __init__(self) -> None:
        super().__init__()
        self.heading, self.found = "", []  # type: ignore[var-annotated]
        self.inside: str | None = None
        self.buffer = ""
        self.labelled: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "h3", "h4", "caption"):
            self.inside, self.buffer = tag, ""
        if tag == "table":
            self.labelled = dict(attrs).get("aria-labelledby")
            if self.labelled:
                self.found.append((self.heading, None))

    def handle_endtag(self, tag: str) -> None:
        if tag == self.inside:
            if tag == "caption":
                self.found.append((self.heading, " ".join(self.buffer.split())))
            else:
                self.heading = " ".join(self.buffer.split())
            self.inside = None

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.buffer += data


def test_no_table_caption_repeats_the_heading_above_it(
        built: dict[tuple[str, str], tuple[b.Pack, dict[str, bytes]]],
        comparison: dict[str, bytes]) -> None:
    pages = [files["html"] for _pack, files in built.values()] + [comparison["html"]]
    named_by_heading = 0
    for page in pages:
        parser = _Tables()
        parser.feed(page.decode("utf-8"))
        for heading, caption in parser.found:
            if caption is None:
                named_by_heading += 1
                continue
            said = {w.lower() for w in re.findall(r"\w+", heading)}
            assert not {w.lower() for w in re.findall(r"\w+", caption)} <= said, (heading, caption)
    assert named_by_heading  # "Judgments by question" under "Judgments by question"


def test_no_item_details_headers(built: dict[tuple[str, str], tuple[b.Pack, dict[str, bytes]]]
                                 ) -> None:
    for key, (_pack, files) in built.items():
        document = docx.Document(io.BytesIO(files["docx"]))
        for table in document.tables:
            heads = [c.text for c in table.rows[0].cells]
            assert "Item" not in heads and "Details" not in heads, (key, heads)
    cover = docx.Document(io.BytesIO(built["norfolk", "pack"][1]["docx"])).tables[0]
    assert [c.text for c in cover.rows[0].cells] == ["Detail", "This report and pack"]


# ---- part 5: wording and typography -------------------------------------------------------


def test_the_overall_judgment_reads_as_a_person_writes_it(
        texts: dict[tuple[str, str, str], str]) -> None:
    for key, text in texts.items():
        assert "was judged" not in text, key
    for fmt in FORMATS:
        assert ("The inspectorate found Norfolk Constabulary to be good at effectiveness, the "
                "pillar that asks: “How effectively does the force reduce crime and keep people "
                "safe?”") in texts["norfolk", "pack", fmt]
        for kind in ("brief", "committee"):
            assert "The inspectorate judged Norfolk Constabulary to be good for effectiveness." \
                in texts["norfolk", kind, fmt]  # read 29-C


def test_a_comparison_tells_ungraded_from_missing(comparison: dict[str, bytes]) -> None:
    for fmt, data in comparison.items():
        text = text_of(data, fmt)
        assert "in each of" not in text
        assert "Effectiveness: good in 2016, 2017 and 2018/19." in text
        assert ("42 of the 43 forces compared have a grade for this; there is no entry"
                " for Gwent.") in text
        assert ("42 of the 43 forces compared have a grade for this; Cumbria has no "
                "grade recorded (unknown, rather than ungraded).") in text


def test_the_cycle_is_spelt_with_an_en_dash(texts: dict[tuple[str, str, str], str],
                                           built: dict[tuple[str, str],
                                                       tuple[b.Pack, dict[str, bytes]]],
                                           comparison: dict[str, bytes],
                                           tmp_path: Path) -> None:
    for kind in KINDS:
        for fmt in FORMATS:
            text = texts["example", kind, fmt]
            assert "2023–25" in text and "2023-25" not in text, (kind, fmt)
        props = docx.Document(io.BytesIO(built["example", kind][1]["docx"])).core_properties
        assert "2023–25" in props.title
    for fmt, data in comparison.items():
        assert "2023-25" not in text_of(data, fmt) and "2023–25" in text_of(data, fmt), fmt
    # data files and the command line accept either spelling; file names keep the hyphen
    assert normalise_cycle("2023–25") == normalise_cycle("2023-25") == "2023-25"
    dashed = tmp_path / "exampleshire.yaml"
    dashed.write_text(EXAMPLE.read_text(encoding="utf-8").replace("cycle: 2023-25",
                                                                 "cycle: 2023–25"),
                      encoding="utf-8")
    assert peeldocs.load_report(dashed).cycle == "2023-25"
    (written,) = peeldocs.write_pack(peeldocs.load_report(EXAMPLE), Options(), ["html"],
                                     tmp_path / "out")
    assert "2023-25" in written.name


KIND_CODES = {"area for improvement": "AFI", "cause of concern": "COC", "recommendation": "REC"}


def test_reference_ids_are_in_one_style(reports: dict[str, Report],
                                        texts: dict[tuple[str, str, str], str]) -> None:
    """Current findings: E2-AFI-1 (pillar or area letter, number); earlier: E-2017-AFI-1."""
    for source in ("norfolk", "example"):
        report = reports[source]
        shown = texts[source, "pack", "docx"]
        for q in report.questions:
            for f in q.areas_for_improvement:
                assert re.fullmatch(rf"[A-Z]{q.number}-AFI-\d+", f.id), f.id
            for c in q.causes_of_concern:
                assert re.fullmatch(rf"[A-Z]{q.number}-COC-\d+", c.id), c.id
                for r in c.recommendations:
                    assert re.fullmatch(rf"[A-Z]{q.number}-REC-\d+", r.id), r.id
        for p in report.prior_findings:
            code = KIND_CODES[p.kind.value]
            assert re.fullmatch(rf"[A-Z]-{p.cycle[:4]}-{code}-\d+", p.id), p.id
            assert p.id in shown


def test_our_own_apostrophes_are_curly_and_no_capital_follows_a_semicolon(
        texts: dict[tuple[str, str, str], str]) -> None:
    for (source, kind, fmt), text in texts.items():
        published = _source_text("example" if source == "example" else "norfolk")
        for word in re.findall(r"\w+'\w*", text):  # only the source's own words keep them
            assert word in published, (source, kind, fmt, word)
        # a finding's reference (E2-AFI-1) after a semicolon is a reference, not a sentence
        for found in re.finditer(r"\w+; (?![A-Z]\w*-[A-Z0-9])[A-Z]\w*", text):
            assert found.group() in published, (source, kind, fmt, found.group())


def test_plan_statuses_and_due_dates_read_as_labels(
        built: dict[tuple[str, str], tuple[b.Pack, dict[str, bytes]]]) -> None:
    document = docx.Document(io.BytesIO(built["norfolk-plan", "pack"][1]["docx"]))
    (plan,) = [t for t in document.tables if t.rows[0].cells[0].text == "Ref"
               and t.rows[0].cells[-1].text.startswith("Latest update")]
    heads = [c.text for c in plan.rows[0].cells]
    due, status = heads.index("Due"), heads.index("Status")
    rows = plan.rows[1:]
    assert [r.cells[status].text.split(",")[0] for r in rows] == [
        "In progress", "Awaiting allocation", "Not in the plan", "In progress",
        "Closed"]  # closed last; a finding the plan does not hold among the open (read 30-P)
    for row in rows:
        assert not row.cells[status].text.endswith("."), row.cells[status].text
        assert not row.cells[due].text.startswith("Due"), row.cells[due].text
        assert not row.cells[due].text.endswith("."), row.cells[due].text
    assert rows[0].cells[due].text == ("30 September 2019; first set for 31 July 2019, moved "
                                       "61 days later; overdue by 15 days")


def test_the_cover_gives_one_date_when_published_and_updated_agree(
        texts: dict[tuple[str, str, str], str]) -> None:
    for fmt in FORMATS:
        example = texts["example", "pack", fmt]
        cover = example[:example.index("Contents")]
        assert "Published 12 September 2024" in cover and "Last updated" not in cover
        norfolk = texts["norfolk", "pack", fmt]
        cover = norfolk[:norfolk.index("Contents")]
        assert "Last updated 2 May 2019" in cover and "Published Not supplied" in cover


def test_report_page_is_said_in_plain_words(texts: dict[tuple[str, str, str], str]) -> None:
    for key, text in texts.items():
        assert "Report page" not in text, key
    assert "Report title Norfolk PEEL 2018" in texts["norfolk", "pack", "docx"]


def test_the_docx_author_is_the_organisation_or_empty(reports: dict[str, Report],
        built: dict[tuple[str, str], tuple[b.Pack, dict[str, bytes]]]) -> None:
    for key, (_pack, files) in built.items():
        props = docx.Document(io.BytesIO(files["docx"])).core_properties
        # read 36: the s.55 letter is the policing body's, and says so where the data names it
        body = "Police and Crime Commissioner for Norfolk" if key[1] == "s55" and key[0].startswith(
            "norfolk") else ""
        assert props.author == body and "peeldocs" not in props.last_modified_by, key
    options = Options(author="Office of the Police and Crime Commissioner for Norfolk")
    data = peeldocs.render(peeldocs.build_pack(reports["norfolk"], options), "docx", options)
    assert docx.Document(io.BytesIO(data)).core_properties.author == options.author


def test_a_spacing_slip_in_the_source_is_quoted_as_published_and_noted_once(
        texts: dict[tuple[str, str, str], str]) -> None:
    for fmt in FORMATS:
        text = texts["norfolk", "pack", fmt]
        assert text.count("offending.The force") == 2  # the quotation, and the note's example
        assert text.count("Quotations are as published, including the report’s own typing "
                          "slips such as “offending.The force”.") == 1
        assert "slips included" not in text and "runs into the next" not in text
        assert "offending. The force has worked" not in text  # never edited
    for kind in ("brief", "committee", "s55"):  # these do not quote that passage
        assert "typing slips" not in texts["norfolk", kind, "docx"]
    assert "typing slips" not in texts["example", "pack", "docx"]


def test_a_force_s_movement_names_an_ungraded_or_missing_cycle_between(tmp_path: Path) -> None:
    grades = tmp_path / "grades.csv"
    grades.write_text(
        "force,cycle,pillar,question,grade,status,source\n"
        "Norfolk,2016,effectiveness,,good,,constructed\n"
        "Norfolk,2017,effectiveness,,,not inspected,constructed\n"
        "Norfolk,2018/19,effectiveness,,good,,constructed\n"
        "Norfolk,2016,efficiency,,good,,constructed\n"
        "Norfolk,2017,legitimacy,,good,,constructed\n"
        "Norfolk,2018/19,efficiency,,outstanding,,constructed\n", encoding="utf-8")
    text = text_of(peeldocs.render(peeldocs.compare([grades], focus="Norfolk"), "html"), "html")
    # a force the inspectorate did not grade, and a cycle the data lacks, each said as such
    assert "Effectiveness: good in 2016 and 2018/19; not inspected in 2017." in text
    assert ("Efficiency: good in 2016 and outstanding in 2018/19; not in the data used for "
            "2017.") in text
