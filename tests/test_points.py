"""Bulleted lists are lists in the model, in the data format and in every output format."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from docx import Document
from docxread import iter_paragraphs

import peeldocs
from peeldocs.errors import DataError
from peeldocs.model import Finding, FindingSection, Points, Report
from peeldocs.plans.files import findings

LEAD = "The force has improved how it protects vulnerable people:"
ITEMS = ("it has trained every officer in risk assessment (constructed for a test);",
         "it reviews every high-risk case within a day (constructed for a test).")
AFI = "The force should improve how it manages registered sex offenders by:"
POINTS = ("reducing its backlog of visits (constructed);", "assessing risk on time (constructed).")


@pytest.fixture(scope="module")
def listed(norfolk: Report) -> Report:
    q = norfolk.questions[1]
    afi = Finding("E2-AFI-9", AFI, points=POINTS)
    section = FindingSection("Lists (constructed)", ("A paragraph.", Points(ITEMS, LEAD)))
    q = dataclasses.replace(q, areas_for_improvement=(*q.areas_for_improvement, afi),
                            findings=(*q.findings, section))
    return dataclasses.replace(norfolk, summary=(*norfolk.summary, Points(ITEMS)),
                               questions=(norfolk.questions[0], q, *norfolk.questions[2:]))


def test_points_round_trip_through_the_data_format(listed: Report) -> None:
    text = peeldocs.dump_report(listed)
    assert "items:" in text and "points:" in text
    assert peeldocs.parse_report(text, "x.yaml") == listed


def test_a_bad_list_is_reported_with_its_place(listed: Report) -> None:
    text = re.sub(r"(?m)^(\s+)lead: ", r"\1leed: ", peeldocs.dump_report(listed), count=1)
    with pytest.raises(DataError) as info:
        peeldocs.parse_report(text, "x.yaml")
    assert any("leed" in str(p) and "did you mean 'lead'" in str(p) for p in info.value.problems)


def test_one_afi_with_sub_points_is_one_action_plan_row(listed: Report) -> None:
    refs = findings(listed)
    assert "E2-AFI-9" in refs and "E2-AFI-10" not in refs
    assert refs["E2-AFI-9"].text == f"{AFI} {'; '.join(POINTS)}"


def test_html_shows_lists_as_lists(listed: Report) -> None:
    html = peeldocs.render(peeldocs.build_pack(listed, peeldocs.Options()), "html",
                           peeldocs.Options()).decode()
    for item in (*ITEMS, *POINTS):
        escaped = item.replace("(", r"\(").replace(")", r"\)")
        assert re.search(rf"<li[^>]*>(?:<[^>]+>)*\s*{escaped}", html), item
    assert "- it has trained" not in html and "• it has" not in html
    sub = html[html.index('<ul class="sub">'):]
    assert POINTS[0].replace("(", "").split()[0] in sub[:sub.index("</ul>")]  # indented points


def test_docx_shows_lists_as_list_paragraphs(listed: Report) -> None:
    opts = peeldocs.Options()
    data = peeldocs.render(peeldocs.build_pack(listed, opts), "docx", opts)
    document = Document(io.BytesIO(data))
    styles = {p.text.strip(): p.style.name for p in iter_paragraphs(document)}
    for item in (*ITEMS, *POINTS):
        assert "List" in styles[item], (item, styles.get(item))
    assert styles[LEAD] != styles[ITEMS[0]]
    assert styles[POINTS[0]] == "List Bullet 2"  # an AFI's sub-points sit inside it


def test_pdf_tags_lists(listed: Report) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    opts = peeldocs.Options()
    data = peeldocs.render(peeldocs.build_pack(listed, opts), "pdf", opts)
    from pypdf import PdfReader

    text = " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(io.BytesIO(data)).pages)
    assert "reducing its backlog of visits" in text and "- reducing" not in text
    with pikepdf.open(io.BytesIO(data)) as pdf:
        kinds = []
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            kids = node.get("/K")
            if kids is None:
                continue
            kids = kids if isinstance(kids, pikepdf.Array) else [kids]
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    kinds.append(str(kid.S))
                    stack.append(kid)
        assert kinds.count("/L") >= 4  # the summary list, the AFI's points, the findings list


def html_text(report: Report, **options: object) -> str:
    """The text a reader of the HTML gets, with whitespace folded."""
    import html as htmllib

    from peeldocs.options import Options

    page = peeldocs.render(peeldocs.build_pack(report, Options(**options)), "html")  # type: ignore[arg-type]
    body = re.sub(r"<[^>]+>", " ", page.decode("utf-8").split("<body", 1)[1])
    return " ".join(htmllib.unescape(body).split())


@pytest.mark.parametrize("document", ["committee", "s55", "brief"])
def test_every_document_quotes_a_finding_with_its_sub_points(listed: Report, document: str) -> None:
    if document == "brief":  # one page: keep this the only finding so nothing is summarised away
        only = tuple(dataclasses.replace(q, areas_for_improvement=tuple(
            f for f in q.areas_for_improvement if f.points)) for q in listed.questions)
        listed = dataclasses.replace(listed, questions=only, prior_findings=())
    text = html_text(listed, document=document)
    assert AFI in text
    for point in POINTS:
        assert point in text, (document, point)


def test_an_assessment_area_shows_sub_points() -> None:
    example = peeldocs.load_report("examples/exampleshire-2023-25-assessment.yaml")
    n = next(i for i, q in enumerate(example.questions) if q.causes_of_concern)
    q = example.questions[n]
    cause = q.causes_of_concern[0]
    rec = dataclasses.replace(cause.recommendations[0], points=POINTS[1:])
    cause = dataclasses.replace(cause, points=POINTS[:1], recommendations=(rec,))
    afi = Finding(f"A{q.number}-AFI-9", AFI, points=POINTS)
    q = dataclasses.replace(q, areas_for_improvement=(*q.areas_for_improvement, afi),
                            causes_of_concern=(cause, *q.causes_of_concern[1:]))
    questions = list(example.questions)
    questions[n] = q
    text = html_text(dataclasses.replace(example, questions=tuple(questions)))
    # the area's findings quote them with the cause, its recommendation and the area for
    # improvement (the action plan names each finding by its reference instead)
    assert text.count(POINTS[0]) >= 2 and text.count(POINTS[1]) >= 2
    plan = text[text.rindex("Findings needing an action plan"):]
    assert POINTS[0] not in plan and POINTS[1] not in plan
