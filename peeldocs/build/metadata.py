"""The document properties of a report's documents: title, subject, keywords, running title."""

from __future__ import annotations

import dataclasses

from peeldocs.blocks import Metadata, inline_text
from peeldocs.model import UNKNOWN, Report, cycle_words, report_scope
from peeldocs.options import Options
from peeldocs.sections.common import report_context, wording
from peeldocs.sections.notices import ILLUSTRATIVE_TITLE, running_note
from peeldocs.sections.paper import page_marking, runs

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
        title=f"{title}: briefing pack{title_note(report)}",
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


def title_note(report: Report) -> str:
    """Return what a document's title adds for a constructed report, as its body and header say.

    " (illustrative example: not an HMICFRS report)", else "": the title a browser tab, a
    PDF reader's window and a file's properties show names it as made up too.
    """
    return f" ({ILLUSTRATIVE_TITLE[:1].lower()}{ILLUSTRATIVE_TITLE[1:]})" if report.illustrative \
        else ""


def document_metadata(report: Report, options: Options, name: str, label: str,
                      running_header: bool = True, internal: bool = True,
                      running: str = "") -> Metadata:
    """Return the metadata of a report's document of the kind ``name`` (``label`` in titles).

    ``internal``: as for :func:`pack_metadata`.  ``running``: the wording template of
    the running title, when the document's is not the force's and the report's (the
    s.55 response is the local policing body's: its pages name the body, then the report).
    """
    meta = pack_metadata(report, options, internal)
    if name == PACK_KIND:
        return meta
    scope = report_scope(report)
    title = f"{report.force.name}, {report.programme} {cycle_words(report.cycle)}" + (
        f" {scope}" if scope != UNKNOWN else "")
    keywords = tuple(k for k in meta.keywords if k not in ("briefing pack", UNKNOWN))
    head = meta.running_title
    if running:
        words = f"{report.programme} {cycle_words(report.cycle)} {report_scope(report)}"
        ctx = {**report_context(report, options), "report_words": words}
        # a place to complete, where the body is not known, shown as in the text
        head = inline_text(runs(wording(running, options, **ctx))) + running_note(report)
    return dataclasses.replace(meta, title=f"{title}: {label}{title_note(report)}",
                               keywords=(*keywords, label),
                               running_title=head if running_header else "")
