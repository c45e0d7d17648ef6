"""A document's properties in its first-named language, saying what of its Welsh is unreviewed."""

from __future__ import annotations

import dataclasses

from peeldocs.blocks import Heading, Metadata, Section
from peeldocs.i18n.document import UNREVIEWED, Localised
from peeldocs.options.languages import languages_of, tag_of


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
