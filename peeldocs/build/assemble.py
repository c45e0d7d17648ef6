"""Assemble a document: the report's facts checked, then its kind's sections, in order."""

from __future__ import annotations

import os

from peeldocs.blocks import Pack
from peeldocs.build.documents import build_document
from peeldocs.errors import ArgumentTypeError, OptionTypeError
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.sources.unknowns import refuse_unknowns


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
