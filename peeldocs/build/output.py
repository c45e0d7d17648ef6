"""Assemble a report's documents and write them, and a comparison's, each through an atomic write.

:func:`build_pack` assembles a document: the report's facts checked, then its kind's
sections, in order.  :func:`write_pack` and :func:`write_comparison` write each format
asked for, under the write rule (never over an input).  An interrupted or failed build
never leaves a half-written file and never destroys the previous good output (see
:mod:`peeldocs.sources.files`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from peeldocs.blocks import Pack
from peeldocs.build.documents import build_document
from peeldocs.build.registry import get_renderer, parse_formats, render_with
from peeldocs.comparisons.loading import load_comparison
from peeldocs.comparisons.pack import Inputs, build_comparison, focus_force, pack_stem
from peeldocs.errors import ArgumentTypeError, OptionError, OptionTypeError, OutputError, PeeldocsError
from peeldocs.model import Report, report_scope
from peeldocs.options import Options
from peeldocs.sources.files import safe_stem
from peeldocs.sources.unknowns import refuse_unknowns
from peeldocs.sources.written import atomic_write, cannot_write, check_writable, write_file


def build_pack(report: Report, options: Options | None = None) -> Pack:
    """Build the document ``options.document`` (the briefing pack by default) for ``report``.

    A deterministic function of the report and options; the result keeps the
    options, so rendering it needs only a format name.  A report with facts
    marked unknown raises :class:`~peeldocs.sources.unknowns.UnknownFactsError` unless
    ``options.allow_unknown``.

    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> pack = peeldocs.build_pack(report, peeldocs.Options(sections="cover,summary"))
    >>> [section.name for section in pack.sections]
    ['cover', 'summary']
    >>> brief = peeldocs.build_pack(report, peeldocs.Options(document="brief"))
    >>> brief.metadata.title
    'Norfolk Constabulary, PEEL 2018/19 effectiveness: one-page brief'
    """
    if not isinstance(report, Report):
        hint = "a Report; load the file first with peeldocs.load_report(path)" if isinstance(
            report, str | os.PathLike) else "a Report (see peeldocs.load_report)"
        raise ArgumentTypeError.expected("report", hint, report)
    options = options or Options()
    if not isinstance(options, Options):
        raise OptionTypeError(f"options: expected peeldocs.Options, got {type(options).__name__}")
    refuse_unknowns(report, options.allow_unknown)
    return build_document(report, options)


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


def write_pack_files(pack: Pack, renderers: Iterable[Any], options: Options,
                     out_dir: str | Path, stem: str, inputs: Iterable[Path],
                     overwrite: bool = False) -> list[Path]:
    """Render ``pack`` with each renderer into ``out_dir`` under the write rule.

    Never over an input; over an existing file only when peeldocs wrote it and
    it is unchanged, or with ``overwrite`` (:mod:`peeldocs.sources.written`).
    Every output is checked before any is written; a failure names ``out_dir``.
    """
    sources = list(inputs)
    targets = [(Path(out_dir) / f"{safe_stem(stem.lower())}{r.suffix}", r) for r in renderers]
    for target, _renderer in targets:
        if target.is_dir():
            raise PeeldocsError(f"{target} is a folder; cannot write the pack there")
        check_writable(target, sources, overwrite)
    for target, renderer in targets:
        write_file(target, render_with(renderer, pack, options), sources, overwrite, where=out_dir)
    return [target for target, _renderer in targets]


def write_comparison(inputs: Inputs, formats: str | Iterable[str], out_dir: str | Path,
                     focus: str | None = None, title: str | None = None,
                     options: Options | None = None, overwrite: bool = False) -> list[Path]:
    """Build the comparison pack and write it in each format; return the paths written.

    Files are named ``comparison-FORCE`` (the focus force's short name) or
    ``comparison-forces``, with each format's suffix, under the write rule
    (see :func:`write_pack_files`).
    """
    options = options or Options()
    names = parse_formats(formats if isinstance(formats, str) else list(formats))
    renderers = [get_renderer(f) for f in names]
    paths = [Path(p) for p in inputs]
    wanted = focus_force(focus) if focus else None
    data = load_comparison(paths)
    pack = build_comparison(data, wanted, title, options)
    return write_pack_files(pack, renderers, options, out_dir, pack_stem(data, wanted), paths,
                            overwrite)
