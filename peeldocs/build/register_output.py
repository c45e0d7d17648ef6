"""Assemble the register document, its workbook or the quarterly update, and write the files.

``register_pack`` gives a :class:`~peeldocs.blocks.Pack` for the same
renderers as every other document; ``write_register`` writes it in each
format asked for, with ``csv`` and ``xlsx`` giving the register's data.

The register workbook is worded as the register document is.  It is written in
:mod:`peeldocs.plans.workbook`, which knows nothing of documents; what it prints that
the register document words (where the actions stand, what stands out, each finding's
actions and latest update with a moved target and its reason) is worded here, by the
same functions the document uses, and handed in, so the printed workbook and the
document never disagree.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from peeldocs.blocks import Heading, Metadata, Pack
from peeldocs.errors import PeeldocsError
from peeldocs.options import Options
from peeldocs.plans.register import Entry, Register, register_title
from peeldocs.plans.register_names import running_head
from peeldocs.plans.workbook import register_workbook as plain_workbook
from peeldocs.plans.workbook_moved import deadline_words
from peeldocs.plans.workbook_values import EntryWords, PrintedWords
from peeldocs.prose import join_words
from peeldocs.sections.common import wording
from peeldocs.sections.paper import page_marking
from peeldocs.sections.register_cells import (
    actions_text,
    hand_reason,
    latest_text,
    moved_words,
    planned_text,
    update_age,
)
from peeldocs.sections.register_docs import paper_context
from peeldocs.sections.register_message import main_message

DOCUMENTS = ("register", "update")
DATA_FORMATS = ("csv", "xlsx")


def register_pack(reg: Register, document: str = "register",
                  options: Options | None = None) -> Pack:
    """Build the register document (``register``) or the quarterly update (``update``).

    >>> import peeldocs
    >>> reg = peeldocs.register(["examples/norfolk-2018-action-plan.yaml"], as_of="2019-10-15")
    >>> pack = peeldocs.register_pack(reg, "update")
    >>> pack.metadata.title
    'Norfolk Constabulary: progress on HMICFRS areas for improvement as of 15 October 2019'
    """
    from peeldocs.sections.register_docs import register_sections
    from peeldocs.sections.register_update import update_section

    options = options or Options()
    if document not in DOCUMENTS:
        raise LookupError(f"unknown register document {document!r}; expected one of: "
                          f"{', '.join(DOCUMENTS)}")
    sections = (update_section(reg, options),) if document == "update" else \
        register_sections(reg, options)
    heading = sections[0].blocks[0]
    title = (heading.text if document == "update" and isinstance(heading, Heading) else
             register_title(reg))
    # the title is the first heading; the running head names the document shortly, on one
    # line of a portrait page in every format
    running = running_head(reg, update=document == "update")
    metadata = Metadata(
        title=title,
        subject=f"Progress against HMICFRS {join_words(reg.kinds())}",
        author=options.author,
        keywords=("HMICFRS", "inspection", *reg.kinds(), "action plan", document),
        created=options.clock,
        language="en-GB",
        marking=page_marking(options),
        running_title=running,
    )
    return Pack(metadata, sections, options)


def write_register(reg: Register, formats: str | Iterable[str], out_dir: str | os.PathLike[str],
                   *, document: str = "register", options: Options | None = None,
                   per_inspection: bool = False,
                   inputs: Iterable[str | os.PathLike[str]] = (),
                   overwrite: bool = False) -> list[Path]:
    """Write the register in each format (pdf, docx, html, csv, xlsx); return the paths.

    Files are named ``register`` or ``update`` with each format's suffix; the
    data formats are always the register.  Written under the write rule
    (:mod:`peeldocs.sources.written`): never over an input, over an existing
    file only when peeldocs wrote it and it is unchanged, or with ``overwrite``.

    >>> import peeldocs
    >>> reg = peeldocs.register(["examples/norfolk-2018-action-plan.yaml"], as_of="2019-10-15")
    >>> [p.name for p in peeldocs.write_register(reg, "csv,html", "out", document="update")]
    ['register.csv', 'update.html']
    """
    from peeldocs.build.registry import get_renderer, parse_formats, render_with
    from peeldocs.plans.register_files import register_csv
    from peeldocs.sources.written import check_writable, write_file

    options = options or Options()
    names = [f.strip().lower() for f in (formats.split(",") if isinstance(formats, str)
                                          else formats) if f.strip()]
    data = [f for f in names if f in DATA_FORMATS]
    renderers = [get_renderer(f) for f in parse_formats([f for f in names
                                                        if f not in DATA_FORMATS])] \
        if any(f not in DATA_FORMATS for f in names) else []
    out = Path(out_dir)
    sources = list(inputs)
    targets: list[tuple[Path, Any]] = [(out / f"register.{fmt}", fmt) for fmt in data]
    targets += [(out / f"{document}{renderer.suffix}", renderer) for renderer in renderers]
    for path, _how in targets:
        if path.is_dir():
            raise PeeldocsError(f"{path} is a folder; cannot write the register there")
        check_writable(path, sources, overwrite)
    pack = register_pack(reg, document, options) if renderers else None
    written = []
    for path, how in targets:
        if how == "csv":
            payload = register_csv(reg).encode("utf-8")
        elif how == "xlsx":
            payload = register_workbook(reg, per_inspection=per_inspection, options=options)
        else:
            assert pack is not None  # made whenever a renderer is asked for
            payload = render_with(how, pack, options)
        write_file(path, payload, sources, overwrite, where=out_dir)
        written.append(path)
    return written


def entry_words(entry: Entry, reg: Register) -> EntryWords:
    """Return one finding's actions and latest update, as the register's table says them."""
    return EntryWords(actions=actions_text(entry), hand=hand_reason(entry),
                      moved=moved_words(entry), latest=latest_text(entry),
                      age=update_age(entry, reg.as_of) if entry.latest else None,
                      planned=planned_text(entry),
                      deadline=deadline_words(entry.due)
                      if entry.due and entry in reg.past_due() else "")


def printed_words(reg: Register, options: Options | None = None) -> PrintedWords:
    """Return what the register document says, for the workbook to print the same.

    >>> import peeldocs
    >>> reg = peeldocs.register(["examples/norfolk-2018-action-plan.yaml"], as_of="2024-10-15")
    >>> words = printed_words(reg)
    >>> words.headline[0][1].startswith("As of 15 October 2024 the register tracks")
    True
    """
    options = options or Options()
    standing = wording("update_position.j2", options, **paper_context(reg, options))
    headline = [("Where the actions stand", standing)] if standing else []
    if message := main_message(reg):
        headline.append(("What stands out", message))
    return PrintedWords(headline=tuple(headline), entries={
        (e.plan, e.state.item.finding): entry_words(e, reg) for e in reg.entries})


def register_workbook(reg: Register, *, per_inspection: bool = False,
                      created: datetime | None = None, marking: str | None = None,
                      options: Options | None = None) -> bytes:
    """Return the register as ``.xlsx`` bytes, worded as the register document is.

    ``marking`` (else ``options``' marking) goes into every sheet's header and
    footer, and About's marking cell, which every printed page shows; without one,
    that cell, and so every page, says it is to be completed.

    >>> import io, openpyxl, peeldocs
    >>> reg = peeldocs.register(["examples/norfolk-2018-action-plan.yaml"], as_of="2019-10-15")
    >>> book = openpyxl.load_workbook(io.BytesIO(peeldocs.register_workbook(reg)))
    >>> book.sheetnames, book.security.lockStructure
    (['About', 'Summary', 'Register', 'As exported'], True)
    """
    options = options or Options()
    return plain_workbook(reg, per_inspection=per_inspection, created=created,
                          marking=marking or options.marking.value,
                          words=printed_words(reg, options))
