"""The committee paper and the s.55 response, as a reader gets them in every format."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date
from pathlib import Path

import docx
import pytest
from docread import (
    SECTIONS_IN_ORDER,
    body_text_of,
    docx_text,
    html_text,
    norfolk_plan,
    synthetic_assessment,
    text_of,
    with_concerns,
)
from pdfread import body_text, fold
from synthetic import synthetic_report

import peeldocs
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.sections.items import response_items
from peeldocs.sections.s55_plan import report_deadline


@pytest.fixture(scope="module")
def thirty() -> Report:
    return with_concerns(synthetic_report("Kent Police", "Kent", 3, questions=10), 30)


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
        # "Recommendations" over several (review 8), "Recommendation" over one
        plural = "s" if re.search(r"\b2\.2\s", text) else ""
        titles = [t.replace("Recommendation", "Recommendation" + plural) for t in SECTIONS_IN_ORDER]
        positions = [text.index(f"{n}. {title}") for n, title in enumerate(titles, start=1)]
        assert positions == sorted(positions)
        if headings:
            numbered = [h for h in headings if re.match(r"\d+\. ", h)]
            assert numbered == [f"{n}. {t}" for n, t in enumerate(titles, start=1)]
        for item in response_items(report):
            assert fold(item.text) in text, item.id
        for q in report.questions:  # the grade in words, and what is not a plain grade noted
            j = q.judgment
            assert (j.grade.label if j.grade is not None else j.describe()) in text
            if j.status.value == "carried over":
                assert j.describe() in text  # read 36-C: "Good (carried over from 2016)"
        # no plan: no lead or date to give, said in the table as the paragraph above says it
        # (read 12: never a placeholder in every row contradicting "to be confirmed")
        assert "{to be completed: the lead}" not in text and "To be confirmed" in text
        assert "{to be completed: the financial implications}" in text
        # the checklist is never in the body: a final part for the preparer, to remove
        top = text[:text.index("1. Purpose")]
        assert "To complete before this paper is issued" not in top
        notes = text[text.index("Before issuing: notes for the preparer (remove this part)"):]
        assert text.index("Source and licence") < text.index("Before issuing: notes for")
        assert "To complete before this paper is issued" in notes
        assert "Paragraph 8.1: the financial implications" in notes
        assert "Findings and who leads each:" not in notes


def test_committee_paper_takes_leads_and_dates_from_the_plan_only(norfolk: Report) -> None:
    options = dataclasses.replace(norfolk_plan(norfolk), document="committee")
    text = docx_text(peeldocs.render(peeldocs.build_pack(norfolk, options), "docx", options))
    assert "Example ACC (illustrative)" in text
    assert "31 December 2019" in text
    without = docx_text(peeldocs.render(peeldocs.build_pack(norfolk, Options(
        document="committee")), "docx"))
    assert "Example ACC" not in without and "31 December 2019" not in without


def test_placeholders_are_marked_in_every_format(norfolk: Report) -> None:
    options = Options(document="committee")
    pack = peeldocs.build_pack(norfolk, options)
    html = peeldocs.render(pack, "html", options).decode()
    assert '<mark class="placeholder">{to be completed: the financial implications}</mark>' in html
    document = docx.Document(io.BytesIO(peeldocs.render(pack, "docx", options)))
    marked = [r for p in document.paragraphs for r in p.runs
              if r.text == "{to be completed: the financial implications}"]
    assert marked and marked[0].bold and marked[0]._r.rPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}shd") is not None


# --- the s.55 response ----------------------------------------------------------------

@pytest.mark.parametrize(("published", "deadline"), [
    (date(2019, 5, 2), "26 June 2019"),
    (date(2023, 12, 20), "13 February 2024"),
    (date(2024, 1, 31), "26 March 2024"),  # across 29 February
])
def test_s55_deadline(published: date, deadline: str, norfolk: Report) -> None:
    options = Options(document="s55", published=published, as_of=published)
    text = docx_text(peeldocs.render(peeldocs.build_pack(norfolk, options), "docx", options))
    # the date it is due by is the preparer's, in the checklist; never in the letter (review 8)
    assert "Response due by" not in text
    assert f"The response is published by {deadline}, within 56 days" in text
    assert f"must be published by {deadline}" not in text
    later = Options(document="s55", published=published, as_of=date(2026, 1, 1))
    text = docx_text(peeldocs.render(peeldocs.build_pack(norfolk, later), "docx", later))
    # the letter never admits lateness, nor states the deadline it missed; the preparer's
    # notes after it ask for the date it was published
    letter = text[:text.index("Before publishing: notes for the preparer")]
    assert "That date has passed" not in text and "had to be published" not in text
    assert "must be published by" not in text and "Response due by" not in letter
    assert deadline not in letter
    assert "fell before" not in letter
    assert (f"The 56-day period for publishing this response (section 55(5A)) ended on "
            f"{deadline}, before it was prepared on 1 January 2026. After its paragraph on "
            "section 55, the letter says when these comments are published") in text
    assert "{to be completed: the date this response is published}" in text


def test_s55_deadline_not_shown_without_a_publication_date(norfolk: Report) -> None:
    """The report has a date; the data did not supply it, so no deadline is computed or guessed."""
    options = Options(document="s55")
    text = docx_text(peeldocs.render(peeldocs.build_pack(norfolk, options), "docx", options))
    assert "Published {to be completed: the publication date}" in text
    assert "Response due by" not in text
    assert "publication date was not supplied, so the date the response is due by is not " \
           "shown" in text[text.index("Before publishing: notes for the preparer"):]


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
        # a cause of concern with recommendations is answered by theirs, unless it has actions
        parents = {i.parent for i in items if i.parent} - planned
        missing = [i for i in items if i.id not in planned and i.id not in parents]
        assert text.count("The action on this cause of concern is given under") == len(parents)
        assert text.count("{to be completed: the action taken or planned, or why no action is proposed}") == len(missing)
        for check in ("chief constable’s comments are included",
                      "sent to the inspectors of constabulary (section 55(6))",
                      "Copy to the Home Secretary (section 55(6))",
                      "sent to the Secretary of State (section 55(6))"):
            assert check in text
        assert "Majesty’s Chief Inspector of Constabulary" in text and "section 55" in text


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_assessment_s55_lists_causes_with_recommendations_and_deadlines(fmt: str) -> None:
    report = synthetic_assessment()
    options = Options(document="s55")
    data = peeldocs.render(peeldocs.build_pack(report, options), fmt, options)
    text = (body_text_of(data) if fmt == "pdf" else docx_text(data) if fmt == "docx"
            else re.sub(r" (?=[,.:;)])", "", html_text(data)[0]))
    for q in report.questions:
        for c in q.causes_of_concern:
            at = text.index(fold(c.text))
            for r in c.recommendations:
                where = text.index(fold(r.text))
                assert where > at
                when = report_deadline(r.deadline, report.published)
                assert f"The report’s deadline: {when}" in text[where:]
        for afi in q.areas_for_improvement:
            assert fold(afi.text) in text
    assert "Response due by" not in text and "The response is published by 26 March 2024" in text
    # each cause of concern points to its recommendations instead of a table of its own
    causes = [c for q in report.questions for c in q.causes_of_concern if c.recommendations]
    assert text.count("{to be completed: the action taken or planned, or why no action is proposed}") == len(
        response_items(report)) - len(causes)
    assert text.count("The action on this cause of concern is given under") == \
        len(causes)
    assert "(Investigating crime)" in text and "question 5" not in text


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
        start = 0
        if kind == "s55":  # listed in the preparer's notes after the letter, not at its top
            notes = [b.anchor for b in section.blocks if isinstance(b, pb.Heading)]
            start = section.blocks.index(next(
                b for b in section.blocks if isinstance(b, pb.Heading)
                and b.anchor == "s55-preparer"))
            assert "s55-preparer" in notes and isinstance(section.blocks[start - 1], pb.PageBreak)
            listed = " ".join(pb.inline_text(i) for b in section.blocks[start:]
                              if isinstance(b, pb.BulletList) for i in b.items)
        else:
            callouts = [b for b in section.blocks if isinstance(b, pb.Callout)
                        and b.title == "To complete before this paper is issued"]
            assert len(callouts) == 1 and section.blocks.index(callouts[0]) == len(
                section.blocks) - 1  # the last part, after the preparer's heading and a break
            assert isinstance(section.blocks[-4], pb.PageBreak)
            assert section.blocks[-3].anchor == "committee-preparer"  # type: ignore[union-attr]
            listed = " ".join(pb.inline_text(i) for b in callouts[0].body
                              if isinstance(b, pb.BulletList) for i in b.items)
        # (the checks in the s.55 notes are the preparer's own, answered there)
        everything = _placeholder_texts(section.blocks[:start] if kind == "s55"
                                        else section.blocks)
        assert everything
        for text in everything:
            assert text in listed, text


@pytest.mark.parametrize("kind", ["committee", "s55"])
def test_report_text_prints_literally(kind: str, norfolk: Report) -> None:
    from peeldocs.model import Finding, Force

    odd = Finding("E2-AFI-9", "Text with <b>&</b>, &amp; and <font color=red>markup</font>; "
                              "Gŵyl, ŷd; [[not a placeholder]] stays as written.")
    q2 = dataclasses.replace(norfolk.questions[1], areas_for_improvement=(
        odd, *norfolk.questions[1].areas_for_improvement))
    report = dataclasses.replace(norfolk, force=Force("Heddlu Dyfed-Powys <&>", "Dyfed-Powys"),
                                 questions=(norfolk.questions[0], q2, *norfolk.questions[2:]))
    options = Options(document=kind)
    pack = peeldocs.build_pack(report, options)
    for fmt in ("pdf", "docx", "html"):
        text = text_of(peeldocs.render(pack, fmt, options), fmt)
        assert fold(odd.text) in text, fmt
        assert "Heddlu Dyfed-Powys <&>" in text
