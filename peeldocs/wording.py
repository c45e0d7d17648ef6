"""Our own wording, from Jinja2 templates; the inspectorate's text never passes here.

Templates live in ``templates/text`` (shipped inside the wheel).  A user folder
given as ``Options.template_dir`` overrides any template by name.  The
environment is sandboxed and undefined names are errors.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox

from peeldocs.errors import TemplateError
from peeldocs.prose import count_words, counted, join_words, long_date, sentence_case
from peeldocs.resources import templates_root

__all__ = ["long_date", "render_text"]


@cache
def _environment(user_dir: Path | None) -> jinja2.Environment:
    search = [str(user_dir)] if user_dir else []
    search.append(str(templates_root() / "text"))
    env = jinja2.sandbox.ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(search),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain text: renderers escape for their format
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["longdate"] = long_date
    env.globals["counted"] = counted
    env.filters["plural"] = counted  # the old name of counted, kept for users' own templates
    env.globals["plural"] = counted
    env.filters["join_words"] = join_words
    env.globals["join_words"] = join_words
    env.filters["count_words"] = count_words
    env.filters["sentence_case"] = sentence_case
    return env


def render_text(name: str, user_dir: Path | None = None, **context: Any) -> tuple[str, ...]:
    """Render template ``name``; return its paragraphs (split on blank lines)."""
    try:
        text = _environment(user_dir).get_template(name).render(**context)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"no wording template named {exc.name!r}") from exc
    except jinja2.exceptions.SecurityError as exc:
        raise TemplateError(f"template {name!r} tried something unsafe: {exc}") from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template {name!r}: {exc}") from exc
    paragraphs = (" ".join(p.split()) for p in text.split("\n\n"))
    return tuple(p for p in paragraphs if p)
