"""Text as HTML: runs escaped, dates and codes kept on one line, other languages marked.

Every piece of report text reaches the page through :func:`inline` or
:func:`unbreakable`, which escape it (``markupsafe.escape``); a run in another
language than its context carries ``lang``.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from peeldocs import blocks as b
from peeldocs.renderers.unbroken import DATE

_UNBREAKABLE = re.compile(
    rf"{DATE.pattern}"  # a date: 30 September 2019, as every renderer finds it
    r"|\b(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b")  # a code: E-2017-AFI-1
_DIGIT = re.compile(r"\d")  # both kinds hold a digit: text without one has neither


def unbreakable(text: str) -> Markup:
    """Escape ``text``, keeping dates and hyphenated codes on one line (class ``nowrap``)."""
    if not _DIGIT.search(text):
        return escape(text)
    out: list[str] = []
    last = 0
    for match in _UNBREAKABLE.finditer(text):
        out.append(escape(text[last:match.start()]))
        out.append(f'<span class="nowrap">{escape(match.group())}</span>')
        last = match.end()
    out.append(escape(text[last:]))
    return Markup("".join(out))


def lang_attr(tag: str) -> str:
    """Return a ``lang`` attribute for a tag that differs from its context's, or ""."""
    return f' lang="{escape(tag)}"' if tag else ""


def inline(runs: tuple[b.Inline, ...]) -> Markup:
    """Return escaped HTML for a run sequence; a run in another language is marked ``lang``."""
    out: list[str] = []
    for run in runs:
        if isinstance(run, b.Link):
            # an address shown as itself is printed once, not again after it (pack.css)
            shown = ' class="address"' if run.text == run.url else ""
            out.append(f'<a href="{escape(run.url)}"{shown}>{escape(run.text)}</a>')
            continue
        if isinstance(run, b.Placeholder):
            out.append(f'<mark class="placeholder"{lang_attr(run.lang)}>{escape(run.shown)}</mark>')
            continue
        text: str = unbreakable(run.text)
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.italic:
            text = f"<em>{text}</em>"
        out.append(f'<span lang="{escape(run.lang)}">{text}</span>' if run.lang else text)
    return Markup("".join(out))
