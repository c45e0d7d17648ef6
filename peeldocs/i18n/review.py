"""For translators: what a catalogue has not had reviewed, what wording it lacks, a .po to work in.

No printing and no command-line knowledge: ``peeldocs translations`` shows
these, and a script can call them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from peeldocs.i18n.catalogue import Catalogue, catalogue_path


@dataclass(frozen=True)
class ReviewState:
    """How far a catalogue's review has got: its messages, and which are unreviewed."""

    language: str
    path: Path | None
    total: int
    unreviewed: tuple[tuple[str, str], ...]
    """(English wording, translation) of each message no translator has reviewed."""

    @property
    def reviewed(self) -> int:
        """How many messages a translator has reviewed."""
        return self.total - len(self.unreviewed)


def review_state(catalogue: Catalogue) -> ReviewState:
    """Return how far ``catalogue``'s review has got."""
    return ReviewState(catalogue.language, catalogue.path, len(catalogue.messages),
                       tuple((m.msgid, m.msgstr) for m in catalogue.unreviewed()))


def po_for_translators(language: str, missing: tuple[str, ...] = (),
                       user_dir: Path | None = None) -> bytes:
    """Return the catalogue of ``language`` as a .po, with ``missing`` wording added untranslated.

    Every added entry is flagged ``fuzzy`` (not reviewed) and has an empty
    translation for the translator to write.
    """
    path = catalogue_path(language, user_dir)
    if path.is_file():
        with open(path, "rb") as fh:
            catalog = read_po(fh, locale=language)
    else:
        catalog = Catalog(locale=language, project="peeldocs")
    for text in missing:
        if text not in catalog:
            catalog.add(text, "", flags=("fuzzy",),
                        auto_comments=("Wording a document used that has no translation yet.",))
    out = io.BytesIO()
    write_po(out, catalog, width=0, omit_header=False)
    return out.getvalue()

