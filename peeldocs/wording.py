"""Our own wording, from Jinja2 templates; the inspectorate's text never passes here.

Templates live in ``templates/text`` (shipped inside the wheel).  A user folder
given as ``Options.template_dir`` overrides any template by name.  The
environment is sandboxed and undefined names are errors, and a template's cost
is bounded: ranges, repeated strings, padded formats, loop iterations and the
text a template writes all have limits, and exceeding one, or recursing too
deeply, is a :class:`~peeldocs.errors.TemplateError` naming the template.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox

from peeldocs.errors import TemplateError
from peeldocs.prose import count_words, counted, join_words, long_date, sentence_case, span_words
from peeldocs.resources import templates_root

__all__ = ["long_date", "marks_note", "render_text"]


TEXT_MOST = 1_000_000
"""The most characters one template may write, or one string it builds may hold."""
STEPS_MOST = 100_000
"""The most loop steps over ``range`` one rendering may take, all loops together."""
WIDTH_MOST = 10_000
"""The widest field a format, ``center`` or ``indent`` may pad to."""
_WIDE = re.compile(r"%[-#0 +]*(?:\d{5,}|\*)|%[-#0 +]*\d*\.(?:\d{5,}|\*)|"  # %99999d, %*d
                   r"\{[^{}]*:[^{}]*(?:\d{5,}|\{)[^{}]*\}")  # {:99999}, {:{width}}
_STEPS: ContextVar[list[int]] = ContextVar("peeldocs_template_steps")


def _refuse(what: str) -> jinja2.exceptions.SecurityError:
    return jinja2.exceptions.SecurityError(what)


def _bounded_range(*args: int) -> Iterator[int]:
    """``range``, counting every step against the rendering's budget."""
    steps = _STEPS.get([0])
    for value in range(*args):
        steps[0] += 1
        if steps[0] > STEPS_MOST:
            raise _refuse(f"more than {STEPS_MOST:,} loop steps")
        yield value


def _no_wide_fields(text: object, *_rest: object) -> None:
    if isinstance(text, str) and _WIDE.search(text):
        raise _refuse(f"a format pads wider than {WIDTH_MOST:,} characters")


class _BoundedSandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """The sandbox, with repeated strings, powers and padded formats bounded."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(n, int) and \
                        len(seq) * n > TEXT_MOST:
                    raise _refuse(f"a repeated string or list longer than {TEXT_MOST:,}")
        elif operator == "**" and isinstance(right, int | float) and abs(right) > 1000:
            raise _refuse("a power above 1,000")
        elif operator == "%":
            _no_wide_fields(left)
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any) -> Any:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _no_wide_fields(value.__self__)
        return wrapped


def _checked_filter(env: jinja2.Environment, name: str, check: Any, value_too: bool) -> None:
    original = env.filters[name]

    def bounded(*args: Any, **kwargs: Any) -> Any:
        check(*(args if value_too else args[1:]), *kwargs.values())
        return original(*args, **kwargs)
    env.filters[name] = bounded


def _small_numbers(*args: Any) -> None:
    if any(isinstance(a, int) and not isinstance(a, bool) and abs(a) > WIDTH_MOST for a in args):
        raise _refuse(f"a width or count above {WIDTH_MOST:,}")


BRACKETS_NOTE = "Words in square brackets are added in quoting, or replace the report’s own words"
"""What square brackets in a quotation mean: ours, adding words or standing for the report's."""
ELLIPSIS_NOTE = "an ellipsis marks words left out"
"""What an ellipsis in a quotation means, after the note on brackets."""


def marks_note(brackets: bool = True, ellipsis: bool = True) -> str:
    """Say what the marks in a quotation mean: one wording for every document kind.

    Square brackets in our quotations stand for words of the report ("[The force]"
    for its "It") or add a word; they never claim to add only, so the note says both.
    """
    if brackets and ellipsis:
        return f"{BRACKETS_NOTE}; {ELLIPSIS_NOTE}."
    if brackets:
        return f"{BRACKETS_NOTE}."
    return "An ellipsis marks words left out of a quotation." if ellipsis else ""


@cache
def _environment(user_dir: Path | None) -> jinja2.Environment:
    search = [str(user_dir)] if user_dir else []
    search.append(str(templates_root() / "text"))
    env = _BoundedSandbox(
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
    env.filters["span_words"] = span_words
    env.filters["sentence_case"] = sentence_case
    env.globals["range"] = _bounded_range
    env.globals["marks_note"] = marks_note
    for name in ("center", "indent", "wordwrap", "truncate", "batch", "slice"):
        _checked_filter(env, name, _small_numbers, value_too=False)
    _checked_filter(env, "format", _no_wide_fields, value_too=True)
    return env


def _bounded_render(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render, refusing once the text written passes :data:`TEXT_MOST` characters."""
    parts: list[str] = []
    size = 0
    for chunk in template.generate(**context):
        size += len(chunk)
        if size > TEXT_MOST:
            raise _refuse(f"it writes more than {TEXT_MOST:,} characters")
        parts.append(chunk)
    return "".join(parts)


def render_text(name: str, user_dir: Path | None = None, **context: Any) -> tuple[str, ...]:
    """Render template ``name``; return its paragraphs (split on blank lines)."""
    token = _STEPS.set([0])
    try:
        text = _bounded_render(_environment(user_dir).get_template(name), context)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"no wording template named {exc.name!r}") from exc
    except jinja2.exceptions.SecurityError as exc:
        raise TemplateError(f"template {name!r} tried something unsafe: {exc}") from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template {name!r}: {exc}") from exc
    except RecursionError:
        raise TemplateError(f"template {name!r} recurses too deeply (a macro calling itself "
                            "without end?)") from None
    except (OverflowError, MemoryError) as exc:
        raise TemplateError(f"template {name!r} computes a value too large: {exc}") from None
    finally:
        _STEPS.reset(token)
    paragraphs = (" ".join(p.split()) for p in text.split("\n\n"))
    return tuple(p for p in paragraphs if p)
