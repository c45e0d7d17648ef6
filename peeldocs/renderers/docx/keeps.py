"""DOCX keep rules between blocks: what a paragraph, list or table keeps with what follows.

Word and LibreOffice move a paragraph marked keep-with-next to the next page
with the start of what follows it.  These rules say which blocks are marked:
a short lead-in with the sub-heading it leads to, a paragraph that ends in a
colon with the list or table it introduces (:func:`opens`), a short list with
itself, a quotation with the one paragraph answering it, a short table with
the table under it (:func:`table_onward`).  Heights come from
:mod:`peeldocs.renderers.docx.flow`.

LibreOffice (7.4) honours a keep only when it formats the kept paragraph after the
paragraph it keeps with has a valid place on the next page (``CheckMoveFwd`` in its
``flowfrm.cxx``), so whether a heading or lead-in at a page foot moves can depend on
content pages away (read 34: the committee paper's "3. Background" and "5.3 … good or
innovative practice:" stay at a page foot with every keep in place).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from peeldocs import blocks as b
from peeldocs.renderers.docx.flow import LINE_PT, PARA_PT, estimate

T = TypeVar("T")
SHORT_LIST = 6  # a list of this many items or fewer is kept on one page


LEAD_IN_LINES = 3
"""The most lines a lead-in between a heading and its first sub-heading keeps with both.
Longer, it is not kept with the sub-heading: LibreOffice does not move a kept lead-in of
several lines, its sub-heading and the finding kept whole under it (reference, quotation,
table) to the next page with the heading above, and left the s.55 response's "Response to
each finding" alone at a page foot (read 21).  Unkept, the lead-in splits at the page
break, the heading with its first lines."""


def lead_in(runs_xml: str, width_pt: float) -> bool:
    """Whether a paragraph's runs are short enough (three lines at most) to lead into a sub-heading."""
    return estimate(f"<w:p>{runs_xml}</w:p>", width_pt) <= LEAD_IN_LINES * LINE_PT + PARA_PT


def list_keeps(items: Sequence[T], last: bool, lead: bool = False) -> list[tuple[T, bool]]:
    """Return each item of a list with whether it keeps with the next: a short list is kept whole.

    ``last``: whether the last item keeps with what follows (a table it introduces);
    ``lead``: the list follows a heading's lead-in, kept with its first item only, as in
    the PDF (kept with a whole list, it left a gap, or stayed alone at the page foot).
    """
    short = len(items) <= SHORT_LIST
    return [(item, last if n == len(items) - 1 else (short or last) and not (lead and n == 0))
            for n, item in enumerate(items)]


def kept_with_table(after: tuple[b.Block, ...]) -> bool:
    """Whether a table marked ``keep_with_heading`` follows before any heading or page break."""
    for blk in after:
        if isinstance(blk, b.Heading | b.PageBreak):
            return False
        if isinstance(blk, b.Table):
            return blk.keep_with_heading
    return False


def space_after(xml: str, twips: int) -> str:
    """Return ``xml`` with its last paragraph's space after set to ``twips`` (twentieths of a pt).

    A shaded paragraph's shading stops at its text, so the space sets a call-out apart
    from a table under it, which has no space before of its own.  The element goes
    where the schema puts it: after the paragraph's borders and shading.
    """
    at = xml.rfind("<w:p>")
    end = xml.find("</w:pPr>", at)
    if at < 0 or end < 0:
        return xml
    props = xml[at:end]
    if "<w:spacing" in props:
        props = re.sub(r"<w:spacing( [^>]*?)?(?: w:after=\"\d+\")?( [^>]*)?/>",
                       lambda m: f'<w:spacing{m.group(1) or ""} w:after="{twips}"{m.group(2) or ""}/>',
                       props, count=1)
    else:
        shading = props.rfind("</w:pBdr>")
        shd = re.search(r"<w:shd [^>]*/>", props[shading:]) if shading >= 0 else None
        cut = shading + shd.end() if shd else (shading + len("</w:pBdr>") if shading >= 0
                                                 else len(props))
        props = props[:cut] + f'<w:spacing w:after="{twips}"/>' + props[cut:]
    return xml[:at] + props + xml[end:]


def quote_answered(block: b.Paragraph, after: Sequence[b.Block]) -> bool:
    """Whether a quotation is answered by one paragraph, the last before a heading.

    It stays with it ("The action on this cause of concern is given under …"): LibreOffice
    put the answer on the next page (read 29-S, after the letter's wording grew).
    """
    return (block.style is b.ParaStyle.QUOTE and bool(after) and isinstance(after[0], b.Paragraph)
            and after[0].style is not b.ParaStyle.QUOTE
            and (len(after) < 2 or isinstance(after[1], b.Heading)))


def opens(block: b.Paragraph | b.NumberedParagraph, following: b.Block | None) -> bool:
    """Whether a paragraph ending in a colon introduces what follows it (a list, a table, text).

    It keeps with its first item, so it never ends a page with what it introduces on
    the next ("… not in the tables below:" alone at a page foot, read 34).
    """
    return b.inline_text(block.runs).rstrip().endswith(":") and isinstance(
        following, b.Paragraph | b.BulletList | b.Table)


def table_onward(following: b.Block | None, whole: bool) -> bool:
    """Whether a table kept whole keeps its last row with a table straight under it.

    Two tables under one heading move together: the second never opens a page
    with no heading above it while the first closes the page before (the
    register's "Where the actions stand", read 34).
    """
    return whole and isinstance(following, b.Table)


def leads_to_table(after: Sequence[b.Block]) -> bool:
    """Whether a paragraph with ``after`` after it is one of the (at most two) just before a table."""
    if after and isinstance(after[0], b.Table):
        return True
    return (len(after) > 1 and isinstance(after[0], b.Paragraph | b.NumberedParagraph)
            and isinstance(after[1], b.Table))


def answers_onward(prior: b.Block | None, block: b.Paragraph, after: Sequence[b.Block],
                   level: int) -> bool:
    """Whether the one paragraph answering a quotation keeps with the next heading of its level.

    With no table of its own, a finding's answer points on to the findings after it
    ("… given under recommendations 2 to 4 below"): it moves to their page with them,
    as in the PDF, rather than closing the page before (read 34).  Only when the next
    finding has a table of its own, which ends the chain: findings answered this way
    one after another are not chained together (longer than LibreOffice honours).
    """
    if not (isinstance(prior, b.Paragraph) and quote_answered(prior, (block, *after))
            and bool(after) and isinstance(after[0], b.Heading) and after[0].level == level):
        return False
    for blk in after[1:]:
        if isinstance(blk, b.Heading | b.PageBreak):
            return False
        if isinstance(blk, b.Table):
            return True
    return False
