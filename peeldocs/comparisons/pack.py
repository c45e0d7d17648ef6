"""Assemble a comparison pack: forces within each cycle, and one force across cycles.

``compare(inputs)`` loads grade tables and report files, and returns a
:class:`~peeldocs.blocks.Pack` for the same renderers as a briefing pack;
``write_comparison`` also writes it in each format.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable

from peeldocs.blocks import Contents, Heading, Metadata, Orientation, Pack, Section
from peeldocs.comparisons.model import ComparisonSet
from peeldocs.errors import PeeldocsError
from peeldocs.model import Force, cycle_words
from peeldocs.options import Options
from peeldocs.prose import counted
from peeldocs.sections.paper import page_marking

Inputs = Iterable[str | os.PathLike[str]]


def focus_force(text: str) -> Force:
    """Return the force a name, short name or alias means (``UnknownForceError`` if none)."""
    from peeldocs.model.forces import match_force

    return match_force(" ".join(text.split()))


def build_comparison(data: ComparisonSet, focus: Force | None = None, title: str | None = None,
                     options: Options | None = None) -> Pack:
    """Build the comparison pack from loaded data; a pure function of its arguments."""
    from peeldocs.comparisons.about import (
        about_section,
        compare_cover,
        default_title,
        files_blocks,
    )
    from peeldocs.comparisons.cycle import cycle_section
    from peeldocs.comparisons.force import force_section, worth_following
    from peeldocs.comparisons.sources import illustrative_label, properties
    from peeldocs.comparisons.summary import summary_section, todo_callout
    from peeldocs.model.forces import all_forces

    options = options or Options()
    forces = data.forces()
    if not forces:
        raise PeeldocsError("the inputs hold no grades to compare")
    if focus is not None and focus.name not in {f.name for f in forces}:
        raise PeeldocsError(f"{focus.name} is not in the data used; the forces in it are: "
                            f"{', '.join(f.short_name for f in forces)}")
    across = focus if focus is not None else (forces[0] if len(forces) == 1 else None)
    if across is not None and not worth_following(data, across):
        across = None  # its one cycle's grades are in that cycle's section: not said twice
    england_and_wales = all_forces()
    title = " ".join((title or "").split()) or default_title(data, focus)
    shared = [cycle for cycle in data.cycles() if len(data.forces_in_cycle(cycle)) > 1]
    compared = [cycle_section(data, cycle, focus, options) for cycle in shared]
    # the focus force's own, published material first, then each cycle's words and counts;
    # the constructed tables of every force's grades close the pack as an appendix (read 35)
    # (without a force to follow, each cycle keeps its tables: a one-cycle pack of four pages)
    body = [force_section(data, across, options), *(parts[0] for parts in compared)] \
        if across is not None else run_on([part for parts in compared for part in parts])
    tables = [dataclasses.replace(part, blocks=tuple(
        # in the closing appendix, each table's heading names its cycle
        dataclasses.replace(b, text=f"PEEL {cycle_words(cycle)}: g{b.text[1:]}")
        if isinstance(b, Heading) and b.text.startswith("Grades by force") else b
        for b in part.blocks))
        for cycle, parts in zip(shared, compared, strict=True) for part in parts[1:]] \
        if across is not None else []
    if tables:
        tables[0] = dataclasses.replace(tables[0], blocks=(
            Heading(1, "Appendix: grades by force", anchor="appendix"), *tables[0].blocks))
    grades = [*body, *run_on(tables)]  # each part starts a page: no heading left at a foot
    # the file-level detail closes what was compared, as a note after the rest (before the
    # appendix); a pack of one section of grades keeps it at the end of what was compared
    last = len(compared) + (across is not None) > 1
    cover = compare_cover(data, focus, title, options)
    summary = summary_section(data, across or focus, options)
    todo = todo_callout([cover, summary], options)
    about = about_section(data, focus, across, england_and_wales, options, files_last=last)
    sections: list[Section] = [
        # what only the author can write is listed on the cover, beside two of its places
        dataclasses.replace(cover, blocks=(*cover.blocks, *((todo,) if todo else ()))),
        Section("contents", (Contents(),)),
        # the summary leads what was compared: on a page of its own when it nearly fills one
        # (read 35: "What was compared" otherwise starts at a page's foot, and LibreOffice
        # moves it, so the DOCX contents would be a page out)
        *((summary, about) if summary_fills(summary) else
          (dataclasses.replace(about, blocks=(*summary.blocks, *about.blocks)),)),
        *grades,
    ]
    at = (-1 - len(run_on(tables))) if last else sections.index(
        next(s for s in sections if s.name == about.name))
    sections[at] = dataclasses.replace(sections[at], blocks=(*sections[at].blocks,
                                                             *files_blocks(data)))
    cycles = data.cycles()
    subject, source, rights = properties(data, ", ".join(cycle_words(c) for c in cycles))
    label = illustrative_label(data)
    metadata = Metadata(
        title=title,
        subject=subject,
        author=options.author,
        keywords=(*source, "PEEL", "comparison", *cycles, *((focus.name,) if focus else ())),
        created=options.clock,
        language="en-GB",
        marking=page_marking(options),
        rights=rights,
        running_title=running_title(data, across or focus, label),
    )
    return Pack(metadata, tuple(sections), options)


def summary_fills(summary: Section) -> bool:
    """Say whether the summary has six points and its note or more (nearly a page): its own page."""
    from peeldocs.blocks import BulletList

    return any(isinstance(b, BulletList) and len(b.items) >= 7 for b in summary.blocks)


def run_on(parts: list[Section]) -> list[Section]:
    """Join each portrait part to the portrait part before it, so it follows on its page.

    A cycle's words follow the last part's table, not after half a page left empty
    below its note (read 31-X); a turn to landscape still starts a page.
    """
    joined: list[Section] = []
    for part in parts:
        if joined and part.orientation is joined[-1].orientation is Orientation.PORTRAIT:
            joined[-1] = dataclasses.replace(joined[-1], blocks=(*joined[-1].blocks, *part.blocks))
        else:
            joined.append(part)
    return joined


def running_title(data: ComparisonSet, force: Force | None, label: str | None) -> str:
    """Return the header on every page, short enough for one line of A4 portrait.

    "Norfolk · PEEL 2016 to 2023–25 · ILLUSTRATIVE EXAMPLE: …": the force (or how
    many), the cycles present, and the illustrative label whenever one applies.
    """
    cycles = data.cycles()
    who = force.short_name if force is not None else counted(len(data.forces()), "force")
    span = cycle_words(cycles[0]) + (f" to {cycle_words(cycles[-1])}" if len(cycles) > 1 else "")
    return f"{who} · PEEL {span}" + (f" · {label.upper()}" if label else "")


def compare(inputs: Inputs, focus: str | None = None, title: str | None = None,
            options: Options | None = None) -> Pack:
    """Load grade tables (``.csv``) and report data files and build the comparison pack.

    ``focus`` names a force (name, short name or alias) to highlight and follow
    across cycles; a bad name raises ``UnknownForceError`` with a suggestion,
    and bad data raises ``DataError`` listing every problem with its line.
    The pack says where the grades come from only as far as the inputs do: a
    grade table's ``source`` column (``HMICFRS`` or ``constructed``) or its
    absence, and a report file's ``illustrative`` mark; a constructed input
    labels the pack as an illustrative example on its cover and every page.

    >>> import peeldocs
    >>> pack = peeldocs.compare(["data/norfolk-2018-effectiveness.yaml"])
    >>> pack.metadata.title, [s.name for s in pack.sections]
    ('Norfolk Constabulary: PEEL grades across cycles', ['cover', 'contents', 'about', 'across'])
    >>> pdf = peeldocs.render(pack, "pdf")
    """
    from peeldocs.comparisons.loading import load_comparison

    wanted = focus_force(focus) if focus else None
    return build_comparison(load_comparison(inputs), wanted, title, options)


def pack_stem(data: ComparisonSet, focus: Force | None) -> str:
    """Return the output file stem: ``comparison-`` and the focus (or only) force, or ``forces``."""
    forces = data.forces()
    one = focus or (forces[0] if len(forces) == 1 else None)
    return "comparison-" + (one.short_name if one else "forces")
