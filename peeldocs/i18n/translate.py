"""Put a section built in English into another language, message by message.

Sections write our wording in English; :class:`Translator` walks the blocks
and replaces each piece of our wording with its catalogue translation, matched
by the English wording itself (a whole paragraph, else sentence by sentence).
Nothing else changes: the inspectorate's quotations (quote-styled blocks and
the report's own strings) are never translated and are marked as in the
report's language; our wording with no translation yet stays in English and is
marked English, and the translator records it so the document can say so.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import datetime

from peeldocs import blocks as b
from peeldocs.i18n.catalogue import COUNT_WORDS, PIECE, Catalogue, Message, field_kind, fill
from peeldocs.i18n.target import (
    PLACEHOLDER_LABEL,
    Target,
    Usage,
    after_yn,
    is_quoted,
    join_cy,
    long_date_cy,
)
from peeldocs.options.names import SOURCE

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“‘\[(])")
_LETTER = re.compile(r"[^\W\d_]")
_LIST = re.compile(r", | and ")
_SENTENCE_END = re.compile(r"[.!?:;]")  # a capitalised term is never a sentence
_REFERENCE = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)+")  # a finding's reference: E2-AFI-1

class Translator:
    """Translates blocks into one language with one catalogue, recording what it used."""

    def __init__(self, catalogue: Catalogue, target: Target) -> None:
        self.catalogue = catalogue
        self.target = target
        self.usage = Usage()
        self._dates: Callable[[str], str] = self._date

    # -- strings -------------------------------------------------------------------------
    def _date(self, english: str) -> str:
        value = datetime.strptime(english, "%d %B %Y").date()
        return long_date_cy(value) if self.target.language == "cy" else english

    def _term(self, english: str) -> str | None:
        exact = self.catalogue.exact
        found = exact.get(english) or exact.get(f"[[{english}]]")
        if found is None and (named := self._named(english)) is not None:
            return named
        if found is None and english[:1].isupper():
            lowered = self._term(english[:1].lower() + english[1:])
            return lowered[:1].upper() + lowered[1:] if lowered else None
        if found is None:
            return None
        self.usage.note(found)
        return found.msgstr.removeprefix("[[").removesuffix("]]")

    def _named(self, english: str) -> str | None:
        """Return a name with a place ("… for {place}") or a counted phrase ("its {count} {term}")."""
        for message, values in self.catalogue.matches(english):
            kinds = {field_kind(f) for f in message.fields}
            done = fill(message.msgstr, values) if message.fields and kinds == {"text"} else None
            if done is None and "term" in kinds and kinds <= {"term", "count", "n", "cycle"}:
                runs = self._render(message, values)
                plain = runs is not None and all(isinstance(r, b.Text) and not r.lang for r in runs)
                done = b.inline_text(runs) if runs is not None and plain else None
            if done is not None:
                self.usage.note(message)
                return done
        return None

    def _terms(self, english: str) -> str | None:
        parts = [p.strip() if _REFERENCE.fullmatch(p.strip()) else self._term(p.strip())
                 for p in _LIST.split(english)]  # a finding's reference is kept as written
        if any(p is None for p in parts):
            return None
        return join_cy(p for p in parts if p) if self.target.language == "cy" else english

    def _field(self, name: str, value: str) -> tuple[b.Inline, ...] | None:
        kind = field_kind(name)
        if kind == "date":
            return (b.Text(self._dates(value)),)
        if kind == "count":
            words = COUNT_WORDS
            return (b.Text(str(words.index(value)) if value in words else value),)
        if kind in ("term", "phrase"):
            term = self._term(value)
            if term is None and kind == "phrase":  # the rest is translated; this stays English
                self.usage.untranslated.add(value)
                return (b.Text(value, lang="en-GB" if self.target.tag != "en-GB" else ""),)
            return None if term is None else (b.Text(term),)
        if kind == "terms":
            terms = self._terms(value)
            return None if terms is None else (b.Text(terms),)
        if kind == "quote":
            if value in self.target.names:
                return (b.Text(self.target.names[value]),)
            foreign = self.target.source_tag != self.target.tag and _LETTER.search(value)
            return (b.Text(value, lang=self.target.source_tag if foreign else ""),)
        return (b.Text(value),)

    def _render(self, message: Message, values: dict[str, str]) -> tuple[b.Inline, ...] | None:
        out: list[b.Inline] = []
        last = 0
        for match in PIECE.finditer(message.msgstr):
            if match.start() > last:
                out.append(b.Text(message.msgstr[last:match.start()]))
            last = match.end()
            if match.group(3) is not None:
                out.append(b.Placeholder(match.group(3).strip(),
                                         label=PLACEHOLDER_LABEL[self.target.language]))
                continue
            value = values.get(match.group(1))
            piece = self._field(match.group(1), value) if value is not None else None
            if piece is None:
                return None
            if match.group(2) and piece and isinstance(piece[0], b.Text):  # {term:soft}
                piece = (dataclasses.replace(piece[0], text=after_yn(piece[0].text)), *piece[1:])
            out.extend(piece)
        if last < len(message.msgstr):
            out.append(b.Text(message.msgstr[last:]))
        return tuple(out)

    def _message(self, english: str) -> tuple[b.Inline, ...] | None:
        for message, values in self.catalogue.matches(english):
            rendered = self._render(message, values)
            if rendered is not None:
                self.usage.note(message)
                return rendered
        return None

    def wording(self, english: str) -> tuple[b.Inline, ...]:
        """Return our wording ``english`` in the target language, as runs (English where untranslated)."""
        core = english.strip()
        if core != english and core:  # spaces around a run are kept, the words translated
            lead, tail = english[:len(english) - len(english.lstrip())], english[len(english.rstrip()):]
            inner = self.wording(core)
            return (*((b.Text(lead),) if lead else ()), *inner, *((b.Text(tail),) if tail else ()))
        if not _LETTER.search(english) or _REFERENCE.fullmatch(english):
            return (b.Text(english),)
        if self.target.language == SOURCE:  # our wording is English: only quotations are marked
            return self._foreign(english) if self._is_quoted(english) else (b.Text(english),)
        whole = self._message(english) or self._capitalised(english)
        if whole is not None:
            return whole
        if self._is_quoted(english):
            return self._foreign(english)
        sentences = _SENTENCE.split(english)
        if len(sentences) == 1:
            self.usage.untranslated.add(english)
            return (b.Text(english, lang="en-GB" if self.target.tag != "en-GB" else ""),)
        out: list[b.Inline] = []
        for i, sentence in enumerate(sentences):
            if i:
                out.append(b.Text(" "))
            out.extend(self.wording(sentence))
        return tuple(out)

    def _is_quoted(self, text: str) -> bool:
        """Whether ``text`` is the report's own words (editorial marks aside), not our wording."""
        return is_quoted(text, self.target.quoted)

    def _capitalised(self, english: str) -> tuple[b.Inline, ...] | None:
        """Return a capitalised term ("Recommendation") from its message in lower case."""
        term = self._term(english) if english[:1].isupper() and not _SENTENCE_END.search(
            english) else None
        return (b.Text(term),) if term else None

    def _foreign(self, text: str) -> tuple[b.Inline, ...]:
        if text in self.target.names:
            return (b.Text(self.target.names[text]),)
        tag = self.target.source_tag if self.target.source_tag != self.target.tag else ""
        return (b.Text(text, lang=tag),)

    def string(self, english: str) -> tuple[str, str]:
        """Return a block's string field translated, with its language tag ("" for the target's)."""
        runs = self.wording(english)
        return b.inline_text(runs), b.runs_language(runs)

    # -- runs and blocks ----------------------------------------------------------------
    def runs(self, runs: tuple[b.Inline, ...]) -> tuple[b.Inline, ...]:
        """Return a run sequence translated; one style throughout is translated as one passage."""
        texts = [r for r in runs if isinstance(r, b.Text)]
        if any(r.lang for r in texts) or any(isinstance(r, b.Link) for r in runs):
            return tuple(out for r in runs for out in self._run(r))
        styles = {(r.bold, r.italic) for r in texts}
        if len(styles) > 1:
            return tuple(out for r in runs for out in self._run(r))
        bold, italic = styles.pop() if styles else (False, False)
        joined = "".join(f"[[{r.text}]]" if isinstance(r, b.Placeholder) else r.text
                         for r in runs if not isinstance(r, b.Link))
        return _styled(self._placeholders(self.wording(joined)), bold, italic)

    def _run(self, run: b.Inline) -> tuple[b.Inline, ...]:
        if isinstance(run, b.Text) and not run.lang:
            return _styled(self.wording(run.text), run.bold, run.italic)
        if isinstance(run, b.Placeholder):
            return self._placeholders(self.wording(f"[[{run.text}]]"))
        return (run,)

    def _placeholders(self, runs: tuple[b.Inline, ...]) -> tuple[b.Inline, ...]:
        """Turn untranslated ``[[...]]`` marks left in English back into English placeholders."""
        out: list[b.Inline] = []
        for run in runs:
            if isinstance(run, b.Text) and "[[" in run.text:
                pos = 0
                for match in re.finditer(r"\[\[(.+?)\]\]", run.text):
                    if match.start() > pos:
                        out.append(dataclasses.replace(run, text=run.text[pos:match.start()]))
                    out.append(b.Placeholder(match.group(1), lang=run.lang))
                    pos = match.end()
                if pos < len(run.text):
                    out.append(dataclasses.replace(run, text=run.text[pos:]))
            else:
                out.append(run)
        return tuple(out)

    def quoted(self, runs: tuple[b.Inline, ...]) -> tuple[b.Inline, ...]:
        """Return the report's own runs, marked with the report's language where it differs."""
        if self.target.source_tag == self.target.tag:
            return runs
        return tuple(dataclasses.replace(r, lang=r.lang or self.target.source_tag)
                     if isinstance(r, b.Text) else r for r in runs)

    def cell(self, cell: b.Cell) -> b.Cell:
        """Return a table cell translated."""
        return dataclasses.replace(cell, runs=self.runs(cell.runs))

    def block(self, block: b.Block, suffix: str) -> b.Block:
        """Return ``block`` translated; ``suffix`` keeps its anchors apart from another language's."""
        match block:
            case b.Heading():
                text, lang = self.string(block.text)
                return dataclasses.replace(block, text=text, lang=lang,
                                           anchor=block.anchor + suffix)
            case b.Paragraph():
                quote = block.style is b.ParaStyle.QUOTE
                return dataclasses.replace(block, runs=self.quoted(block.runs) if quote
                                           else self.runs(block.runs))
            case b.NumberedParagraph():
                return dataclasses.replace(block, runs=self.runs(block.runs))
            case b.BulletList():
                quote = block.style is b.ParaStyle.QUOTE
                items = tuple(self.quoted(i) if quote else self.runs(i) for i in block.items)
                return dataclasses.replace(block, items=items)
            case b.Table():
                caption, lang = self.string(block.caption)
                return dataclasses.replace(
                    block, caption=caption, lang=lang,
                    header=tuple(tuple(self.cell(c) for c in row) for row in block.header),
                    rows=tuple(tuple(self.cell(c) for c in row) for row in block.rows))
            case b.GradeBadge():
                return self._badge(block)
            case b.StatPanel():
                return b.StatPanel(tuple(dataclasses.replace(
                    s, label=self.string(s.label)[0]) for s in block.items))
            case b.Figure():
                return dataclasses.replace(block, caption=self.string(block.caption)[0],
                                           alt=self.string(block.alt)[0])
            case b.Callout():
                title, lang = self.string(block.title)
                return dataclasses.replace(block, title=title, lang=lang,
                                           body=tuple(self.block(c, suffix) for c in block.body))
            case b.Contents():
                return dataclasses.replace(block, title=self.string(block.title)[0])
            case b.PageBreak() if block.numbered_apart:  # its label is in its footers
                return b.PageBreak(self.string(block.numbered_apart)[0])
            case _:
                return block

    def _badge(self, block: b.GradeBadge) -> b.GradeBadge:
        label, lang = self.string(block.label)
        key, key_lang = self.string(block.key)
        note = self.string(block.note)[0] if block.note else None
        return dataclasses.replace(block, label=label, key=key, note=note,
                                   lang=lang if lang == key_lang else "")

    def section(self, section: b.Section, suffix: str = "") -> b.Section:
        """Return ``section`` translated, marked as in the target language."""
        return dataclasses.replace(section, blocks=tuple(self.block(blk, suffix)
                                                         for blk in section.blocks),
                                   language=self.target.tag)


def _styled(runs: tuple[b.Inline, ...], bold: bool, italic: bool) -> tuple[b.Inline, ...]:
    if not (bold or italic):
        return runs
    return tuple(dataclasses.replace(r, bold=bold, italic=italic) if isinstance(r, b.Text) else r
                 for r in runs)
