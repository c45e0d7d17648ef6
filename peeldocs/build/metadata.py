"""The document properties of a report's documents: title, subject, keywords, running title."""

from __future__ import annotations

import dataclasses

from peeldocs.blocks import Metadata
from peeldocs.model import UNKNOWN, Report, cycle_words, report_scope
from peeldocs.options import Options
from peeldocs.sections.notices import running_note
from peeldocs.sections.paper import page_marking

PACK_KIND = "pack"


def pack_metadata(report: Report, options: Options, internal: bool = True) -> Metadata:
    """Return the document metadata of a report's pack.

    ``internal``: False for a published document, whose pages carry no marking
    unless one was asked for (:func:`~peeldocs.sections.paper.page_marking`).
    """
    scope = report_scope(report)
    if report.pillar == UNKNOWN:
        scope = "(pillar not found in the imported text)"
    # "Norfolk Constabulary, PEEL 2018/19 effectiveness: briefing pack": one colon, before the kind
    title = f"{report.force.name}, {report.programme} {cycle_words(report.cycle)} {scope}"
    source = "Constructed example (not an HMICFRS report):" if report.illustrative else "HMICFRS"
    return Metadata(
        title=f"{title}: briefing pack",
        subject=f"{source} {report.programme} {cycle_words(report.cycle)} {scope} inspection of "
        f"{report.force.name}",
        author=options.author,
        keywords=("illustrative example" if report.illustrative else "HMICFRS",
                  report.programme, cycle_words(report.cycle), report.force.name, scope, "briefing pack"),
        created=options.clock,
        language="en-GB",
        marking=page_marking(options, internal),
        rights=report.licence,
        running_title=f"{report.force.name} · {report.programme} {cycle_words(report.cycle)} {scope}"
                      f"{running_note(report)}",
    )


def document_metadata(report: Report, options: Options, name: str, label: str,
                      running_header: bool = True, internal: bool = True) -> Metadata:
    """Return the metadata of a report's document of the kind ``name`` (``label`` in titles).

    ``internal``: as for :func:`pack_metadata`.
    """
    meta = pack_metadata(report, options, internal)
    if name == PACK_KIND:
        return meta
    scope = report_scope(report)
    title = f"{report.force.name}, {report.programme} {cycle_words(report.cycle)}" + (
        f" {scope}" if scope != UNKNOWN else "")
    keywords = tuple(k for k in meta.keywords if k not in ("briefing pack", UNKNOWN))
    return dataclasses.replace(meta, title=f"{title}: {label}",
                               keywords=(*keywords, label),
                               running_title=meta.running_title if running_header else "")
