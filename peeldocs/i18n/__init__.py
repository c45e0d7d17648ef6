"""Documents in Welsh and in both languages: catalogues, translation and language marking.

Our own wording is written in English; each other language has a gettext
catalogue (``templates/locale/<language>.po``) whose message ids are that
English wording.  :func:`localise` builds a document's parts, translates them
and records which messages were used and whether a translator reviewed them.
"""

from __future__ import annotations

from peeldocs.i18n.catalogue import Catalogue, Message, catalogue_path, load_catalogue
from peeldocs.i18n.document import (
    UNREVIEWED,
    Localised,
    localise,
    localised_metadata,
    notice_text,
    report_strings,
    translator_for,
)
from peeldocs.i18n.target import Target, Usage, join_cy, long_date_cy
from peeldocs.i18n.translate import Translator
from peeldocs.options.names import CHOICES, TAGS, code_of, languages_of, tag_of

__all__ = [
    "CHOICES", "TAGS", "UNREVIEWED", "Catalogue", "Localised", "Message", "Target", "Translator",
    "Usage", "catalogue_path", "code_of", "join_cy", "languages_of", "load_catalogue", "localise",
    "localised_metadata",
    "long_date_cy", "notice_text", "report_strings", "tag_of", "translator_for",
]
