"""Helpers for papers an author completes: numbered paragraphs and marked placeholders.

Wording templates mark what only the author can write as ``[[what to write]]``;
:func:`runs` turns each mark into a :class:`~peeldocs.blocks.Placeholder`, which
every format shows bracketed and highlighted.  :func:`placeholders` lists where
each one is, for the list at the top of a paper.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from peeldocs.blocks import (
    MARKING_IN_HEADER,
    Block,
    BulletList,
    Callout,
    Cell,
    Heading,
    Inline,
    Link,
    NumberedParagraph,
    Paragraph,
    Placeholder,
    Table,
    Text,
    inline_text,
)
from peeldocs.blocks import MARKING_TO_COMPLETE as MARKING_TO_COMPLETE  # re-exported
from peeldocs.options import Options
from peeldocs.plans.plan import ActionItem
from peeldocs.wording import long_date, render_text

_MARK = re.compile(r"\[\[(.+?)\]\]")



def page_marking(options: Options, internal: bool = True) -> str:
    """Return the protective marking the header and footer of every page carry.

    The marking asked for; without one, an internal document (a pack, brief, paper,
    comparison or register) carries :data:`~peeldocs.blocks.MARKING_IN_HEADER` where
    the marking goes, for the author to complete there as in its details table; a
    published document (the s.55 response) carries none.

    >>> page_marking(Options()), page_marking(Options(), internal=False)
    ('{to be completed: protective marking}', '')
    >>> page_marking(Options(marking="OFFICIAL"), internal=False)
    'OFFICIAL'
    """
    return options.marking.value or (MARKING_IN_HEADER.shown if internal else "")


def runs(text: str) -> tuple[Inline, ...]:
    """Return a paragraph's runs, with each ``[[...]]`` mark as a placeholder."""
    out: list[Inline] = []
    pos = 0
    for match in _MARK.finditer(text):
        if match.start() > pos:
            out.append(Text(text[pos:match.start()]))
        out.append(Placeholder(match.group(1).strip()))
        pos = match.end()
    if pos < len(text):
        out.append(Text(text[pos:]))
    return tuple(out)


def linked(content: tuple[Inline, ...], url: str | None) -> tuple[Inline, ...]:
    """Return ``content`` with each place it writes ``url`` out as a live link to it.

    Wording templates write a web address as text; every format then shows it as
    a link (a PDF link annotation, a DOCX hyperlink, an HTML ``<a>``), its text the address.
    """
    if not url:
        return content
    out: list[Inline] = []
    for run in content:
        if not isinstance(run, Text) or url not in run.text:
            out.append(run)
            continue
        for i, part in enumerate(run.text.split(url)):
            if i:
                out.append(Link(url, url))
            if part:
                out.append(replace(run, text=part))
    return tuple(out)


class Numbering:
    """Numbers a paper's sections ("3. Background") and paragraphs ("3.2")."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.section = 0
        self.paragraph = 0

    def heading(self, text: str) -> Heading:
        """Start the next numbered section."""
        self.section += 1
        self.paragraph = 0
        slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
        return Heading(2, f"{self.section}. {text}", anchor=f"{self.prefix}-{slug}")

    def subheading(self, text: str, anchor: str) -> Heading:
        """Return a numbered subheading of the current section ("4.3 Open findings by owner").

        It takes the next paragraph number, as committee papers number every
        part of a numbered section, so no part of it stands unnumbered.
        """
        self.paragraph += 1
        return Heading(3, f"{self.section}.{self.paragraph} {text}", anchor=anchor)

    def para(self, content: tuple[Inline, ...]) -> NumberedParagraph:
        """Return the next numbered paragraph of the current section."""
        self.paragraph += 1
        return NumberedParagraph(f"{self.section}.{self.paragraph}", content)

    def template(self, name: str, options: Options, **context: Any) -> list[Block]:
        """Return a template's paragraphs as numbered paragraphs, placeholders marked.

        The report's web address (``source_url`` in ``context``), where written, is a link.
        """
        url = context.get("source_url")
        return [self.para(linked(runs(text), url))
                for text in render_text(name, options.template_dir, **context)]


def marked(name: str, options: Options, **context: Any) -> list[Block]:
    """Return a template's paragraphs as body paragraphs, placeholders marked."""
    return [Paragraph(runs(text)) for text in render_text(name, options.template_dir, **context)]


def _has_placeholder(content: tuple[Inline, ...]) -> list[str]:
    return [r.text for r in content if isinstance(r, Placeholder)]


TOP = "In the table at the top, “{label}”: {what}"
"""Where a placeholder in the label-and-value table at a paper's head is: its row, by label.

The table's caption ("About this paper") is its name for a screen reader and the HTML
only; PDF and DOCX show no caption, so the row's label is what every reader finds."""
PAGES = "In the header and footer of each page: {what}"
"""Where the marking's placeholder is on every page when none was given (read 21-C): the
running header and footer carry :data:`~peeldocs.blocks.MARKING_IN_HEADER`, to complete
as the table's "Protective marking" row is."""


def placeholders(blocks: list[Block] | tuple[Block, ...], top: Table | None = None) -> list[str]:
    """Return where each placeholder is, in reading order ("Paragraph 7.1: finance ...").

    ``top`` is the label-and-value table at the head of the paper, if any: its
    placeholders are named by the row's label, as every format shows it
    ("In the table at the top, “Report to”: …"), never by its caption.  A marking to
    complete there is to complete in every page's header and footer too (an internal
    paper's pages carry its place, :func:`page_marking`): the next line says so.
    """
    found: list[str] = []
    section = "Opening"
    number = ""  # the numbered paragraph a labelled list belongs to: "Paragraph 2.1(d)"
    for block in blocks:
        if block is top and top is not None:
            for row in top.rows:
                found += [TOP.format(label=inline_text(row[0].runs), what=t)
                          for t in _has_placeholder(row[-1].runs)]
                if MARKING_TO_COMPLETE in row[-1].runs:
                    found.append(PAGES.format(what=MARKING_IN_HEADER.text))
            continue
        match block:
            case Heading():
                section = f"Under “{block.text}”" if block.level == 2 else section
                number = ""
            case NumberedParagraph():
                number = block.number
                found += [f"Paragraph {block.number}: {t}" for t in _has_placeholder(block.runs)]
            case Paragraph():
                found += [f"{section}: {t}" for t in _has_placeholder(block.runs)]
            case BulletList() if block.labels and number:
                for label, item in zip(block.labels, block.items, strict=True):
                    found += [f"Paragraph {number}{label}: {t}" for t in _has_placeholder(item)]
            case BulletList():
                for item in block.items:
                    found += [f"{section}: {t}" for t in _has_placeholder(item)]
            case Table():
                texts = [t for row in block.rows for cell in row for t in _has_placeholder(cell.runs)]
                counts: dict[str, int] = {}
                for t in texts:
                    counts[t] = counts.get(t, 0) + 1
                found += [f"{block.caption}: {t}" + (f" ({n} rows)" if n > 1 else "")
                          for t, n in counts.items()]
            case Callout():
                found += placeholders(block.body)
    return found


def plan_cells(item: ActionItem | None) -> tuple[Cell, Cell]:
    """Return the lead and target-date cells for a finding: from the plan, or placeholders."""
    people = " / ".join(p for p in (item.owner, item.lead) if p) if item else ""
    lead = Cell((Text(people),)) if people else Cell((Placeholder("the lead"),))
    target = (item.target) if item else None
    date_cell = Cell((Text(long_date(target)),)) if target else Cell(
        (Placeholder("the target date"),))
    return lead, date_cell
