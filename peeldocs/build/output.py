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
from peeldocs.build.registry import get_renderer, parse_formats, render_with
from peeldocs.errors import ArgumentTypeError, OptionError, OptionTypeError, OutputError, PeeldocsError
from peeldocs.model import Report, report_scope
from peeldocs.options import Options
from peeldocs.sources.files import safe_stem
from peeldocs.sources.written import atomic_write, cannot_write, check_writable, write_file

__all__ = ["atomic_write", "cannot_write", "document_stem", "report_stem", "safe_stem",
           "write_pack"]



def report_stem(report: Report) -> str:
    """Return the file stem for a report's outputs when no file name gives one.

    The one naming rule: lower case, words joined by hyphens, as the command
    line names outputs after their input files.

    >>> import peeldocs
    >>> report_stem(peeldocs.load_report("data/norfolk-2018-effectiveness.yaml"))
    'norfolk-2018-19-effectiveness'
    """
    return safe_stem(f"{report.force.short_name}-{report.cycle}-{report_scope(report)}".lower())


def document_stem(stem: str, document: str, language: str = "en") -> str:
    """Return the output stem for a document kind: the pack's, or with the kind's suffix.

    A document in another language than English ends with its language, so that
    the English and Welsh documents of a report never overwrite each other.

    >>> document_stem("norfolk-2018-effectiveness", "brief")
    'norfolk-2018-effectiveness-brief'
    >>> document_stem("norfolk-2018-effectiveness", "s55", "cy+en")
    'norfolk-2018-effectiveness-s55-response-cy-en'
    """
    tail = "" if language == "en" else "-" + language.replace("+", "-")
    if document == "pack":
        return safe_stem(stem) + tail
    from peeldocs.build.documents import get_kind

    return safe_stem(stem)[:100] + get_kind(document).file_suffix + tail


def write_pack(report: Report, options: Options | None, formats: str | Sequence[str],
               out: str | os.PathLike[str] | BinaryIO, stem: str | None = None, *,
               overwrite: bool = False,
               inputs: Sequence[str | os.PathLike[str]] = ()) -> list[Path]:
    """Build the pack and write it in each format; return the paths written.

    ``out`` is a folder (made if needed; each file is written to a temporary
    name and renamed into place) or a binary file object such as an open file
    or :class:`io.BytesIO`, which takes exactly one format (nothing is
    returned for it).  ``formats`` is a list or a comma-separated string.
    A folder that cannot be written raises :class:`~peeldocs.errors.OutputError`
    naming it, for example "cannot write out/: read-only file system".  An
    existing file is replaced only when peeldocs wrote it and it is unchanged
    since (or with ``overwrite``), and never when it is one of ``inputs`` or
    the reference document or a template the options name: otherwise
    :class:`~peeldocs.errors.OverwriteError`, before anything is written
    (see :mod:`peeldocs.sources.written`).

    >>> import io, peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> buffer = io.BytesIO()
    >>> peeldocs.write_pack(report, peeldocs.Options(), "html", buffer)
    []
    >>> buffer.getvalue()[:15]
    b'<!DOCTYPE html>'
    """
    if not isinstance(report, Report):
        raise ArgumentTypeError.expected("report", "a Report; load the file first with "
                                         "peeldocs.load_report(path)", report)
    names = parse_formats(formats)
    renderers = [get_renderer(f) for f in names]
    options = options or Options()
    if hasattr(out, "write"):
        if len(renderers) != 1:
            raise OptionError(f"formats: a file object takes one format, got {', '.join(names)}")
        pack = build_pack(report, options)
        data = render_with(renderers[0], pack, options)
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
    name = document_stem(stem or report_stem(report), options.document, options.language)
    read = [*inputs, *([options.reference_docx] if options.reference_docx else []),
            *(sorted(options.template_dir.glob("*.j2")) if options.template_dir else [])]
    targets = [(folder / f"{name}{renderer.suffix}", renderer) for renderer in renderers]
    for target, _renderer in targets:  # all refused before any is written
        if target.is_dir():
            raise PeeldocsError(f"{target} is a folder; cannot write the pack there")
        check_writable(target, read, overwrite)
    pack = build_pack(report, options)
    # the PDF first: the layout it makes gives a DOCX's contents its page numbers (paging)
    for target, renderer in sorted(targets, key=lambda t: not hasattr(t[1], "render_with_pages")):
        write_file(target, render_with(renderer, pack, options), read, overwrite, where=out)
    return [target for target, _renderer in targets]
