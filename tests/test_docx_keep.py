"""DOCX page flow: what Word and LibreOffice keep together when they lay out the pages.

Found in review of the s.55 response: the first paragraph under a heading kept
with the next heading, so one-paragraph sections chained headings together
until the chain was too long to honour and "The chief constable's comments"
was left alone at a page foot; and a finding's three-row Action / Owner /
Date table split over two pages, away from the finding it answers.
"""

from __future__ import annotations

import dataclasses
import io
import itertools

import docx
from docread import norfolk_plan
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

import peeldocs
from peeldocs.model import Report
from peeldocs.options import Options

KINDS = ("pack", "brief", "committee", "s55")


def _document(report: Report, options: Options) -> docx.document.Document:
    data = peeldocs.render(peeldocs.build_pack(report, options), "docx", options)
    return docx.Document(io.BytesIO(data))


def _body(document: docx.document.Document) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def _keeps(item: Paragraph) -> bool:
    return bool(item.paragraph_format.keep_with_next)


def _is_heading(item: Paragraph | Table) -> bool:
    return isinstance(item, Paragraph) and item.style.name.startswith(("Heading", "Title"))



def _documents(norfolk: Report, example: Report) -> list[tuple[str, docx.document.Document]]:
    out = []
    for kind in KINDS:
        out.append((f"norfolk {kind}", _document(norfolk, Options(document=kind))))
        planned = dataclasses.replace(norfolk_plan(norfolk), document=kind)
        out.append((f"norfolk+plan {kind}", _document(norfolk, planned)))
        out.append((f"example {kind}", _document(example, Options(document=kind))))
    return out


def _in_tail(body: list[Paragraph | Table], at: int) -> bool:
    """Whether ``body[at]`` is among the last lines of its section (a third of a page at most).

    A section's last lines are kept together, across a heading, so that its
    last page is never a line or two (issue 23): a short chain, which Word and
    LibreOffice honour.
    """
    chars = 0
    for item in body[at + 1:]:
        if isinstance(item, Table):
            return False
        if item._p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            return True
        if item._p.find(f".//{qn('w:br')}[@{qn('w:type')}='page']") is not None:
            return True  # a page break ends the page as a section does (the s.55 notes follow)
        chars += len(item.text)
        if chars > 1500:
            return False
    return True


def _level(item: Paragraph | Table) -> int:
    name = item.style.name if isinstance(item, Paragraph) else ""
    return int(name.removeprefix("Heading ")) if name.startswith("Heading ") else 0


def _lead_in(body: list[Paragraph | Table], at: int) -> bool:
    """Whether ``body[at]`` is a short paragraph between a heading and its first sub-heading."""
    before, nxt = body[at - 1] if at else body[at], body[at + 1]
    return (_is_heading(before) and _level(nxt) > _level(before) > 0
            and len(body[at].text) <= 300)  # three lines (renderers/docx/keeps.py LEAD_IN_LINES)


def _answer_onward(body: list[Paragraph | Table], at: int) -> bool:
    """Whether ``body[at]`` answers the quotation before it by pointing to the next finding.

    It keeps with that finding's heading (read 34: "… given under recommendations 2 to 4
    below" closed a page, the recommendations on the next), whose own table ends the chain.
    """
    before = body[at - 1]
    return (isinstance(before, Paragraph) and before.style.name == "Quote"
            and any(isinstance(item, Table) for item in body[at + 2:at + 6]))


def test_no_body_paragraph_ties_a_heading_to_the_next_heading(norfolk: Report,
                                                              example: Report) -> None:
    for name, document in _documents(norfolk, example):
        body = _body(document)
        for at, (item, nxt) in enumerate(itertools.pairwise(body)):
            if not isinstance(item, Paragraph) or _is_heading(item) or not _keeps(item):
                continue
            if item.style.name == "Judgment" or _in_tail(body, at) or _lead_in(body, at) \
                    or _answer_onward(body, at):
                continue  # a one-line grade stays with its heading; a section's last lines;
                # a lead-in under a heading to its first sub-heading (one link, no chain);
                # a finding's answer pointing to the next finding (its table ends the chain)
            assert not _is_heading(nxt), (name, item.text, nxt.text)


def test_a_lead_in_keeps_its_heading_with_the_first_sub_heading_only_when_short(
        norfolk: Report) -> None:
    # Read 5: "Response to each finding" and its two-line lead-in were left at the foot of the
    # s.55 letter's first page, its findings overleaf, so a short lead-in keeps with the first
    # sub-heading.  Read 21: the letter's lead-in, five lines now, kept with the finding under
    # it (heading, reference, quotation, table), is a chain LibreOffice breaks at its first
    # link: the heading was left alone at the page foot.  A long lead-in is not kept: it
    # splits at the page break, the heading with its first lines (tests/test_s55_read21.py).
    from peeldocs.renderers.docx.keeps import lead_in

    body = _body(_document(norfolk, dataclasses.replace(norfolk_plan(norfolk), document="s55")))
    texts = [item.text if isinstance(item, Paragraph) else "<table>" for item in body]
    at = texts.index("Response to each finding")
    heading, lead, first = body[at], body[at + 1], body[at + 2]
    assert _keeps(heading) and not _keeps(lead) and _level(first) > _level(heading)
    assert texts[at + 2].startswith("Recommendation (Specialist capabilities")  # alone: no number
    assert lead_in("<w:r><w:t>" + "Synthetic words. " * 10 + "</w:t></w:r>", 480.0)
    assert not lead_in("<w:r><w:t>" + "Synthetic words. " * 40 + "</w:t></w:r>", 480.0)


def test_s55_heading_for_the_chief_constables_comments_is_not_kept_with_the_next_section(
        example: Report) -> None:
    body = _body(_document(example, Options(document="s55")))
    texts = [item.text if isinstance(item, Paragraph) else "<table>" for item in body]
    at = texts.index("The chief constable’s comments")
    heading, placeholder = body[at], body[at + 1]
    assert _keeps(heading)  # the heading stays with its placeholder ...
    assert "{to be completed: the chief constable’s comments, as submitted}" in placeholder.text
    assert not _keeps(placeholder)  # ... which does not drag the next section with it
    # the response to them under its own heading (s.55(5)), kept the same way
    reply, response = body[at + 2], body[at + 3]
    assert _is_heading(reply) and reply.text == "My response to the chief constable’s comments"  # read 30-S
    assert _keeps(reply) and "{to be completed: the response, or none}" in response.text
    assert not _keeps(response)
    assert _is_heading(body[at + 4])


def test_short_tables_are_kept_whole_and_with_the_lines_that_lead_into_them(
        norfolk: Report, example: Report) -> None:
    checked = 0
    for name, document in _documents(norfolk, example):
        body = _body(document)
        for n, item in enumerate(body):
            if not isinstance(item, Table):
                continue
            rows = item.rows
            # a short table (a few short rows) moves whole; one a third of a page or more
            # tall may split, so that what leads into it is not left alone on a page
            if len(rows) <= 6 and sum(len(c.text) for r in rows for c in r.cells) < 500:
                for row in rows[:-1]:
                    for cell in row.cells:
                        assert all(_keeps(p) for p in cell.paragraphs), (name, cell.text)
                checked += 1
            before = body[n - 1]
            boxed = isinstance(before, Paragraph) and before._p.find(f"{qn('w:pPr')}/"
                                                                    f"{qn('w:pBdr')}") is not None
            if isinstance(before, Paragraph) and before.text and not boxed:
                # (not the spacer between two tables, nor a call-out, which stands apart)
                assert _keeps(before), (name, before.text)
    assert checked > 20


def test_each_s55_finding_keeps_its_quote_deadline_and_response_table_together(
        example: Report) -> None:
    body = _body(_document(example, Options(document="s55")))
    deadline_lines = 0
    for n, item in enumerate(body):
        if isinstance(item, Table) and item.rows[0].cells[0].text == "Action":
            lead = [body[n - 1], body[n - 2]]
            if lead[0].text.startswith("The report’s deadline"):
                deadline_lines += 1
                assert _keeps(lead[0]) and _keeps(lead[1]), lead[1].text  # deadline and quote
            else:
                assert _keeps(lead[0]), lead[0].text  # the quoted finding
    assert deadline_lines == 4  # the four recommendations


def test_keep_with_next_is_written_in_schema_order(example: Report) -> None:
    """Word rejects a paragraph whose properties are out of order: the style comes first."""
    document = _document(example, Options(document="s55"))
    for ppr in document.element.body.iter(qn("w:pPr")):
        tags = [child.tag for child in ppr]
        if qn("w:pStyle") in tags:
            assert tags[0] == qn("w:pStyle")
        assert tags.count(qn("w:keepNext")) <= 1
