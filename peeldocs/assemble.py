"""Assemble a briefing pack: metadata plus the chosen sections, in order."""

from __future__ import annotations

from peeldocs.blocks import Metadata, Pack
from peeldocs.errors import OptionTypeError
from peeldocs.model import UNKNOWN, Report, report_scope
from peeldocs.options import Options
from peeldocs.sections.notices import running_note
from peeldocs.unknowns import refuse_unknowns


def pack_metadata(report: Report, options: Options) -> Metadata:
    """Return the document metadata of a report's pack."""
    scope = report_scope(report)
    if report.pillar == UNKNOWN:
        scope = "(pillar not found in the imported text)"
    # "Norfolk Constabulary, PEEL 2018/19 effectiveness: briefing pack": one colon, before the kind
    title = f"{report.force.name}, {report.programme} {report.cycle} {scope}"
    source = "Constructed example (not an HMICFRS report):" if report.illustrative else "HMICFRS"
    return Metadata(
        title=f"{title}: briefing pack",
        subject=f"{source} {report.programme} {report.cycle} {scope} inspection of "
        f"{report.force.name}",
        author=options.author,
        keywords=("illustrative example" if report.illustrative else "HMICFRS",
                  report.programme, report.cycle, report.force.name, scope, "briefing pack"),
        created=options.clock,
        language="en-GB",
        marking=options.marking.value,
        rights=report.licence,
        running_title=f"{report.force.name} · {report.programme} {report.cycle} {scope}"
                      f"{running_note(report)}",
    )


def build_pack(report: Report, options: Options | None = None) -> Pack:
    """Build the document ``options.document`` (the briefing pack by default) for ``report``.

    A deterministic function of the report and options; the result keeps the
    options, so rendering it needs only a format name.  A report with facts
    marked unknown raises :class:`~peeldocs.unknowns.UnknownFactsError` unless
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
    from peeldocs.documents import build_document

    options = options or Options()
    if not isinstance(options, Options):
        raise OptionTypeError(f"options: expected peeldocs.Options, got {type(options).__name__}")
    refuse_unknowns(report, options.allow_unknown)
    return build_document(report, options)
