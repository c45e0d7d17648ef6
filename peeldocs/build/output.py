"""Write a report's documents to disk, each through an atomic write.

An interrupted or failed build never leaves a half-written file and never
destroys the previous good output (see :mod:`peeldocs.sources.files`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from peeldocs.build.assemble import build_pack
from peeldocs.build.registry import get_renderer, parse_formats
from peeldocs.errors import OptionError, OptionTypeError, OutputError, PeeldocsError
from peeldocs.model import Report, report_scope
from peeldocs.options import Options
from peeldocs.sources.files import atomic_write, cannot_write, safe_stem


def document_stem(stem: str, document: str) -> str:
    """Return the output stem for a document kind: the pack's, or with the kind's suffix.

    >>> document_stem("norfolk-2018-effectiveness", "brief")
    'norfolk-2018-effectiveness-brief'
    """
    if document == "pack":
        return safe_stem(stem)
    from peeldocs.build.documents import get_kind

    return safe_stem(stem)[:100] + get_kind(document).file_suffix


def write_pack(report: Report, options: Options | None, formats: str | Sequence[str],
               out: str | os.PathLike[str] | BinaryIO, stem: str | None = None) -> list[Path]:
    """Build the pack and write it in each format; return the paths written.

    ``out`` is a folder (made if needed; each file is written to a temporary
    name and renamed into place) or a binary file object such as an open file
    or :class:`io.BytesIO`, which takes exactly one format (nothing is
    returned for it).  ``formats`` is a list or a comma-separated string.
    A folder that cannot be written raises :class:`~peeldocs.errors.OutputError`
    naming it, for example "cannot write out/: read-only file system".

    >>> import io, peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> buffer = io.BytesIO()
    >>> peeldocs.write_pack(report, peeldocs.Options(), "html", buffer)
    []
    >>> buffer.getvalue()[:15]
    b'<!DOCTYPE html>'
    """
    names = parse_formats(formats)
    renderers = [get_renderer(f) for f in names]
    options = options or Options()
    if hasattr(out, "write"):
        if len(renderers) != 1:
            raise OptionError(f"formats: a file object takes one format, got {', '.join(names)}")
        pack = build_pack(report, options)
        data = renderers[0].render(pack, options)
        try:
            out.write(data)
        except TypeError:
            raise OptionTypeError("out: expected a binary file object (opened with 'wb') "
                                  "or a folder") from None
        return []
    if not isinstance(out, str | os.PathLike):
        raise OptionTypeError(f"out: expected a folder or a binary file object, got "
                              f"{type(out).__name__}")
    if "\x00" in os.fspath(out):
        raise OutputError(f"cannot write {os.fspath(out)!r}: a name cannot contain a NUL character")
    folder = Path(out)
    name = document_stem(stem or f"{report.force.short_name}-{report.cycle}-{report_scope(report)}",
                         options.document)
    pack = build_pack(report, options)
    written = []
    for renderer in renderers:
        target = folder / f"{name}{renderer.suffix}"
        if target.exists() and target.is_dir():
            raise PeeldocsError(f"{target} is a folder; cannot write the pack there")
        data = renderer.render(pack, options)
        try:
            atomic_write(target, data)
        except OSError as exc:
            raise cannot_write(out, exc) from exc
        written.append(target)
    return written
