"""A document in Welsh, or in both languages: each language's part built, translated and marked.

A bilingual document holds the whole document in its first-named language,
then the whole of it in the other: each language complete and contiguous, so
a reader (or a screen reader) never switches language paragraph by paragraph,
and the first-named language (Welsh, for ``cy+en``) comes first.  Each part
opens with a notice while any of our Welsh wording used in it is unreviewed or
missing, and the document's properties say the same.

:func:`localised_metadata` gives the document's properties in its first-named
language, saying what of its Welsh is unreviewed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from peeldocs import blocks as b
from peeldocs.blocks import Heading, Metadata, Section
from peeldocs.i18n.catalogue import load_catalogue
from peeldocs.i18n.target import Target, Usage
from peeldocs.i18n.translate import Translator
from peeldocs.model import Report
from peeldocs.model.forces import welsh_name
from peeldocs.options.names import code_of, languages_of, tag_of

UNREVIEWED = "Welsh wording not yet reviewed by a translator"
"""What a document says, in its properties and on its cover, until a translator has reviewed it."""


QUOTED_AS_PUBLISHED = {
    "en": "The report is quoted as the inspectorate published it, in English.",
    "cy": "The report is quoted as the inspectorate published it, in Welsh.",
}
"""What a part in another language than the report's says of its quotations."""


@dataclass(frozen=True)
class Localised:
    """A document's sections in its languages, and what it says about their Welsh wording."""

    sections: tuple[b.Section, ...]
    usage: Usage
    notice: str
    """"" when every Welsh message used was reviewed and none was missing, else what is not."""


def report_language(report: Report) -> str:
    """Return the language the report's own text is in (``en`` unless the data says ``cy``)."""
    return code_of(getattr(report, "language", "en") or "en")


_QUOTED: list[tuple[Report, frozenset[str]]] = []


def quoted_strings(report: Report) -> frozenset[str]:
    """Return the report's own strings (see :func:`report_strings`), found once per report."""
    for known, found in _QUOTED:
        if known is report:
            return found
    found = report_strings(report)
    _QUOTED[:] = [*_QUOTED[-3:], (report, found)]  # the last few reports, held while cached
    return found


def report_strings(report: object) -> frozenset[str]:
    """Return the report's own strings, every one its data holds: never our wording.

    A document shows them whole (a finding in a table, an area's name); they
    are never translated and never counted as wording missing a translation.
    An action plan's strings (its actions, owners, updates) are the force's own
    words in the same way.
    """
    found: set[str] = set()
    stack: list[object] = [report]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if item.strip():
                found.update((item, item.strip()))
        elif isinstance(item, tuple | list):
            stack.extend(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
    return frozenset(found)


def welsh_names(report: Report) -> dict[str, str]:
    """Return the report's names in Welsh where the force list gives them (its force's)."""
    name = welsh_name(report.force)
    return {report.force.name: name, report.force.in_prose: name} if name else {}


def translator_for(report: Report, language: str, user_dir: Path | None = None,
                   own: frozenset[str] = frozenset()) -> Translator | None:
    """Return the translator into ``language`` for ``report``'s documents, or None for English.

    ``own``: other strings the documents quote as given, never our wording (an
    action plan's, :func:`report_strings`).
    """
    source = tag_of(report_language(report))
    if language == "en" and source == "en-GB":
        return None
    catalogue = load_catalogue(language, user_dir)
    names = welsh_names(report) if language == "cy" else {}
    return Translator(catalogue, Target(language, tag_of(language), source,
                                        quoted_strings(report) | own, names))


def notice_text(usage: Usage) -> str:
    """Return the document's statement about its Welsh wording, or "" when there is none to make."""
    if not usage.unreviewed and not usage.untranslated:
        return ""
    parts = [UNREVIEWED] if usage.unreviewed or usage.untranslated else []
    if usage.untranslated:
        count = len(usage.untranslated)
        parts.append(f"{count} passage{'s' if count != 1 else ''} of our wording "
                     f"{'has' if count == 1 else 'have'} no Welsh translation yet and "
                     f"{'is' if count == 1 else 'are'} shown in English")
    return "; ".join(parts)


def _notice_blocks(language: str, usage: Usage) -> tuple[b.Block, ...]:
    english = notice_text(usage)
    if not english:
        return ()
    body = (b.Paragraph((b.Text(english + ".", lang="en-GB" if language != "en" else ""),)),)
    if language == "cy":
        welsh = (b.Paragraph((b.Text(
            "Nid yw’r geiriad Cymraeg yn y ddogfen hon wedi’i adolygu gan gyfieithydd eto: "
            "gwiriwch ef cyn cyhoeddi."),)),)
        return (b.Callout("Geiriad Cymraeg heb ei adolygu gan gyfieithydd", welsh + body,
                          b.Tone.WARNING),)
    return (b.Callout(UNREVIEWED, body, b.Tone.WARNING),)


def _anchored(blocks: tuple[b.Block, ...], suffix: str) -> tuple[b.Block, ...]:
    """Return blocks whose headings' anchors end with ``suffix`` (another part's are kept apart)."""
    if not suffix:
        return blocks
    out: list[b.Block] = []
    for block in blocks:
        if isinstance(block, b.Heading):
            block = dataclasses.replace(block, anchor=block.anchor + suffix)
        elif isinstance(block, b.Callout):
            block = dataclasses.replace(block, body=_anchored(block.body, suffix))
        out.append(block)
    return tuple(out)


def _with_notice(section: b.Section, notice: tuple[b.Block, ...]) -> b.Section:
    blocks = section.blocks
    at = 1 if blocks and isinstance(blocks[0], b.Heading) else 0
    return dataclasses.replace(section, blocks=(*blocks[:at], *notice, *blocks[at:]))


def _with_quotation_note(section: b.Section, report: Report, language: str,
                         translator: Translator, suffix: str = "") -> b.Section:
    """Return ``section`` saying its quotations are in the report's language, where that differs."""
    source = report_language(report)
    if source == language:
        return section
    note = b.Paragraph(b.plain(QUOTED_AS_PUBLISHED[source]), b.ParaStyle.SMALL)
    return _with_notice(section, (translator.block(note, suffix),))


def as_shown(report: Report, section: b.Section, language: str,
             user_dir: Path | None = None) -> b.Section:
    """Return ``section`` as its part of a document in ``language`` shows it, notice included.

    ``language`` is the option as a part's builders get it: the part's language
    first (``en+cy`` for the English part of a Welsh-first document).  For fitting
    a page-limited section: the notice about unreviewed Welsh takes room too.
    """
    languages = languages_of(language)
    translator = translator_for(report, languages[0], user_dir)
    shown = section
    if translator is not None:
        shown = _with_quotation_note(translator.section(section), report, languages[0],
                                     translator)
    if "cy" not in languages:
        return shown
    usage = translator.usage if translator is not None else Usage()
    if translator is None:  # the Welsh part's notice is repeated here; assume the worst
        usage.unreviewed.add(UNREVIEWED)
        usage.untranslated.add(UNREVIEWED)
    notice = _notice_blocks(languages[0], usage)
    return _with_notice(shown, notice) if notice else shown


def localise(report: Report, language: str, build: Callable[[str], Sequence[b.Section]],
             user_dir: Path | None = None,
             reports: dict[str, Report] | None = None,
             own: frozenset[str] = frozenset()) -> Localised | None:
    """Build and translate each language's part of a document; None for a plain English one.

    ``build`` builds the document's English sections for one language's part;
    it is given the ``language`` option with that part's language first.
    ``reports`` gives the report a language's part quotes, where it is not
    ``report`` (the report as published in Welsh, for the Welsh part).  ``own``:
    other strings shown as given, never translated (an action plan's).
    """
    languages = languages_of(language)
    quoted = {lang: (reports or {}).get(lang, report) for lang in languages}
    translators = {lang: translator_for(quoted[lang], lang, user_dir, own) for lang in languages}
    if all(t is None for t in translators.values()):
        return None
    total = Usage()
    parts: list[tuple[str, list[b.Section]]] = []
    for i, lang in enumerate(languages):
        translator = translators[lang]
        others = [other for other in languages if other != lang]
        built = list(build("+".join((lang, *others))))
        if translator is not None:
            suffix = f"-{lang}" if i else ""
            built = [s if s.language else translator.section(s, suffix) for s in built]
            if built:
                built[0] = _with_quotation_note(built[0], quoted[lang], lang, translator, suffix)
            total.reviewed |= translator.usage.reviewed
            total.unreviewed |= translator.usage.unreviewed
            total.untranslated |= translator.usage.untranslated
        else:
            suffix = f"-{lang}" if i else ""
            built = [dataclasses.replace(s, language=tag_of(lang),
                                         blocks=_anchored(s.blocks, suffix)) for s in built]
        if i:
            built = [dataclasses.replace(s, name=f"{s.name}-{lang}", blocks=tuple(
                blk for blk in s.blocks if not isinstance(blk, b.Contents))) for s in built]
        parts.append((lang, built))
    out: list[b.Section] = []
    for lang, built in parts:
        notice = _notice_blocks(lang, total) if "cy" in languages else ()
        if built and notice:
            built[0] = _with_notice(built[0], notice)
        out += built
    return Localised(tuple(out), total, notice_text(total) if "cy" in languages else "")


def localised_metadata(meta: Metadata, localised: Localised, language: str) -> Metadata:
    """Return ``meta`` for a document in ``language``: its language, title and review notice.

    The language is the first-named one's; a Welsh-first document takes its
    Welsh title; the subject and keywords say when its Welsh wording is not yet
    reviewed by a translator (or missing), as its cover does.
    """
    first = languages_of(language)[0]
    subject, keywords = meta.subject, meta.keywords
    if localised.notice:
        subject = f"{subject}. {localised.notice}"
        keywords = (*keywords, UNREVIEWED)
    title = meta.title
    if first == "cy":
        lead = next((s for s in localised.sections if s.language == tag_of("cy")), None)
        title = _heading_title(lead, title)
    return dataclasses.replace(meta, title=title, subject=subject, keywords=keywords,
                               language=tag_of(first))


def _heading_title(section: Section | None, fallback: str) -> str:
    """Return the section's first heading when it is in the section's language, else ``fallback``."""
    heading = next((blk for blk in section.blocks if isinstance(blk, Heading)), None) \
        if section else None
    return heading.text if heading is not None and not heading.lang else fallback
