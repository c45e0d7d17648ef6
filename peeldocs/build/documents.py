"""Document kinds: the briefing pack, a one-page brief, a committee paper, the s.55 response.

A kind is a list of section names (from the ``peeldocs.sections`` entry-point
group) plus the wording templates it uses.  Kinds are registered in the
``peeldocs.documents`` entry-point group, the built-in ones included, so a force
can add its own in its package's ``pyproject.toml``::

    [project.entry-points."peeldocs.documents"]
    gold = "myforce.kinds:GOLD_BRIEF"   # a DocumentKind

A section with a page limit (the brief) is chosen by
:class:`~peeldocs.build.fitting.FittedSection`: the fullest of its levels of
detail that the PDF layout fits on its pages.  Every format then renders that
same content.

:func:`document_metadata` gives the document properties of a report's documents:
title, subject, keywords, running title.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from peeldocs.blocks import MARKING_IN_HEADER, Metadata, Pack, Section, inline_text
from peeldocs.errors import PeeldocsError
from peeldocs.i18n import Localised, languages_of, localise, report_strings, translator_for
from peeldocs.i18n.document import localised_metadata
from peeldocs.model import UNKNOWN, Report, cycle_words, report_scope
from peeldocs.options import DEFAULT_SECTIONS, Options
from peeldocs.options.names import BUILTIN as BUILTIN_NAMES
from peeldocs.options.names import (
    DOCUMENTS_GROUP,
    SECTIONS_GROUP,
    load_object,
    registered,
)
from peeldocs.sections.common import report_context, wording
from peeldocs.sections.notices import ILLUSTRATIVE_TITLE, running_note
from peeldocs.sections.paper import page_marking, runs
from peeldocs.sources.unknowns import refuse_unknowns

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
        # the response is the body's, not the force's: its title says whose (read 35)
        body = ctx.get("body")
        who = f"the {body.office}" if body is not None else "the local policing body"
        label = label.replace("response ", f"response of {who} ", 1)
        # and its author property names the body, where known and none was given (read 36)
        if body is not None and not meta.author:
            meta = dataclasses.replace(meta, author=body.office)
    return dataclasses.replace(meta, title=f"{title}: {label}{title_note(report)}",
                               keywords=(*keywords, label),
                               running_title=head if running_header else "")


class UnknownDocumentError(PeeldocsError, LookupError):
    """No document kind is registered under the requested name."""


@dataclass(frozen=True, slots=True)
class DocumentKind:
    """A kind of document: its sections, the wording templates it uses, its file name."""

    name: str
    label: str
    sections: tuple[str, ...]
    templates: tuple[str, ...] = ()
    file_suffix: str = ""
    running_header: bool = True  # False: no running title at the head of its pages
    overflow_label: str = ""
    """What it is called when a section it limits to one page runs on (the brief: "brief",
    not "one-page brief"); "" for a kind with no such limit."""
    internal: bool = True
    """False for a published document (the s.55 response): without a marking asked for, its
    pages carry none, where an internal document's carry the marking's placeholder."""
    running_template: str = ""
    """The wording template of its pages' running title, when not the force's and the
    report's ("s55_running.j2": the local policing body's response, then the report)."""
    for_assessments: tuple[tuple[str, str], ...] = ()
    """Sections built differently for a force assessment (2021/22 on): (section name,
    ``module:function`` of its builder), used while the name keeps its built-in builder."""

    def builder_path(self, name: str, registered_path: str, assessment: bool) -> str:
        """Return the ``module:function`` that builds section ``name`` for a report of this kind."""
        variants = dict(self.for_assessments) if assessment else {}
        if name in variants and registered_path == BUILTIN_NAMES[SECTIONS_GROUP].get(name):
            return variants[name]
        return registered_path


PACK = DocumentKind("pack", "briefing pack", DEFAULT_SECTIONS,
                    ("pack_title.j2", "pack_subtitle.j2", "purpose.j2", "headline.j2",
                     "attribution.j2", "s55.j2", "actions_intro.j2", "quote_slips.j2",
                     "about_pack.j2"),
                    for_assessments=(
                        ("summary", "peeldocs.sections.assessment_summary:assessment_summary"),
                        ("questions", "peeldocs.sections.areas:areas")))
BRIEF = DocumentKind("brief", "one-page brief", ("brief",),
                     ("brief_title.j2", "brief_intro.j2", "brief_headline.j2", "brief_counts.j2",
                      "brief_more.j2", "brief_tally.j2", "brief_s55.j2", "brief_no_plan.j2",
                      "brief_none_late.j2", "brief_addressed.j2", "brief_plan.j2",
                      "brief_decide.j2", "brief_decide_plan.j2", "brief_refs.j2",
                      "attribution.j2"),
                     "-brief", running_header=False,  # one page, whose title says it
                     overflow_label="brief")
COMMITTEE = DocumentKind("committee", "committee paper", ("committee",),
                         ("committee_title.j2", "committee_purpose.j2",
                          "committee_recommendation.j2", "committee_background.j2",
                          "committee_grades.j2", "committee_findings.j2",
                          "committee_tracking.j2", "committee_implications.j2",
                          "committee_todo.j2", "brief_headline.j2", "attribution.j2",
                          "addressed_list.j2", "committee_figures.j2", "committee_voice.j2"),
                         "-committee-paper")
S55 = DocumentKind("s55", "response under section 55 of the Police Act 1996", ("s55",),
                   ("s55_title.j2", "s55_report.j2", "s55_opening.j2", "s55_basis.j2", "s55_items.j2",
                    "s55_check_1.j2", "s55_check_2.j2", "s55_check_3.j2", "s55_check_4.j2",
                    "s55_check_5.j2", "s55_check_6.j2", "committee_todo.j2",
                    "attribution.j2", "s55_running.j2", "brief_headline.j2"), "-s55-response", internal=False,
                   running_template="s55_running.j2")
BUILTIN = {k.name: k for k in (PACK, BRIEF, COMMITTEE, S55)}


def document_kinds() -> dict[str, DocumentKind]:
    """Return every document kind by name, built-in and from entry points."""
    found = {}
    for name, (value, _dist) in registered(DOCUMENTS_GROUP).items():
        kind = load_object(value)
        if not isinstance(kind, DocumentKind):
            raise PeeldocsError(f"document kind {name!r} ({value}) is not a DocumentKind")
        found[name] = kind
    return found


def get_kind(name: str) -> DocumentKind:
    """Return the document kind called ``name`` (any case); the error lists those available."""
    kinds = document_kinds()
    name = name.strip().lower() if name.strip().lower() in kinds else name
    if name not in kinds:
        raise UnknownDocumentError(f"unknown document {name!r}; available: "
                                   f"{', '.join(sorted(kinds))}")
    return kinds[name]


def _localised(report: Report, options: Options,
               chosen: DocumentKind) -> tuple[Callable[[str], tuple[Section, ...]],
                                              Localised | None]:
    names = options.sections if chosen.name == PACK.name else chosen.sections
    if chosen.name != PACK.name and options.sections != DEFAULT_SECTIONS:
        raise PeeldocsError(f"sections can be chosen for the briefing pack only; the "
                            f"{chosen.label} has its own ({', '.join(chosen.sections)})")
    known = registered(SECTIONS_GROUP)
    unknown = [name for name in names if name not in known]
    if unknown:
        raise PeeldocsError(f"unknown section {unknown[0]!r}; expected one of: "
                            f"{', '.join(known)}")

    reports = _reports(report, options)

    def build(language: str) -> tuple[Section, ...]:
        part = dataclasses.replace(options, language=language)
        shown = reports.get(language.split("+")[0], report)
        return tuple(load_object(chosen.builder_path(name, known[name][0], shown.is_assessment))(
            shown, part) for name in names)

    own = report_strings(options.plan) if options.plan is not None else frozenset()
    return build, localise(report, options.language, build, options.template_dir, reports, own)


def _reports(report: Report, options: Options) -> dict[str, Report]:
    """Return the report each language's part quotes: the Welsh one, when given, in Welsh."""
    welsh = options.welsh_report
    if welsh is None:
        return {}
    if (welsh.force, welsh.cycle, welsh.pillar) != (report.force, report.cycle, report.pillar):
        raise PeeldocsError(
            f"the Welsh report ({welsh.force.name}, {welsh.cycle}) is not the same report as "
            f"{report.title!r} ({report.force.name}, {report.cycle}); give the Welsh page of "
            "the same report")
    refuse_unknowns(welsh, options.allow_unknown)
    return {"cy": welsh}


def untranslated_wording(report: Report, options: Options) -> tuple[str, ...]:
    """Return our wording a document in ``options.language`` shows untranslated (in English)."""
    _build, localised = _localised(report, options, get_kind(options.document))
    return tuple(sorted(localised.usage.untranslated)) if localised else ()


def build_document(report: Report, options: Options | None = None,
                   kind: DocumentKind | str | None = None) -> Pack:
    """Build a document of ``kind`` (default: ``options.document``) for ``report``.

    In Welsh or both languages (``options.language``) each language's part is
    built, translated through the catalogue and marked with its language.
    """
    options = options or Options()
    chosen = get_kind(kind or options.document) if not isinstance(kind, DocumentKind) else kind
    meta = document_metadata(report, options, chosen.name, chosen.label, chosen.running_header,
                             chosen.internal, chosen.running_template)
    build, localised = _localised(report, options, chosen)
    sections = build("en") if localised is None else localised.sections
    if chosen.overflow_label and any(s.page_limit != 1 for s in sections
                                     if s.name in chosen.sections):
        # too long for one page even summarised: its title does not claim one page
        meta = dataclasses.replace(meta, title=meta.title.replace(
            f": {chosen.label}", f": {chosen.overflow_label}"))
    if localised is None:
        return Pack(meta, sections, options)
    first = translator_for(report, languages_of(options.language)[0], options.template_dir)
    if first is not None and meta.running_title:
        # a title from its own template is translated part by part: the body's name, the report
        parts = meta.running_title.split(" · ") if chosen.running_template else [
            meta.running_title]
        meta = dataclasses.replace(meta, running_title=" · ".join(first.string(p)[0]
                                                                   for p in parts))
    if first is not None and meta.marking and not options.marking.value:  # the placeholder's words
        meta = dataclasses.replace(meta, marking=inline_text(first.runs((MARKING_IN_HEADER,))))
    return Pack(localised_metadata(meta, localised, options.language), localised.sections,
                options)
