"""The checks of option values that name things outside the code: files, folders, a plan.

Each takes the field's name and the value given, and returns the value to keep
or raises :class:`~peeldocs.errors.OptionError` / :class:`~peeldocs.errors.OptionTypeError`
naming the field (see :mod:`peeldocs.options`).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from pathlib import Path

from peeldocs.errors import OptionError, OptionFileError, OptionTypeError, PeeldocsError
from peeldocs.model import Report
from peeldocs.plans.plan import Plan
from peeldocs.theme import Theme


def theme_value(name: str, value: object) -> Theme:
    """Return a theme given as a Theme or the path of a theme file."""
    if isinstance(value, Theme):
        return value
    if isinstance(value, str | os.PathLike):
        import yaml

        from peeldocs.theme import load_theme

        try:
            return load_theme(os.fspath(value))
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise OptionError(f"{name}: {os.fspath(value)!s}: cannot read the theme: "
                              f"{reason.lower()}") from None
        except PeeldocsError as exc:
            raise OptionFileError(f"{name}: {exc}") from None
        except yaml.YAMLError as exc:
            detail = " ".join(str(exc).split())
            raise OptionFileError(f"{name}: {os.fspath(value)!s}: not a valid theme: "
                                  f"{detail}") from None
    raise OptionTypeError(f"{name}: expected a Theme or the path of a theme file, got "
                          f"{type(value).__name__}: {value!r}")


def path_value(kind: str) -> Callable[[str, object], Path | None]:
    """Return the check of a path to an existing ``kind`` ("file" or "folder")."""
    def check(name: str, value: object) -> Path | None:
        if value is None:
            return None
        if not isinstance(value, str | os.PathLike):
            raise OptionTypeError(f"{name}: expected the path of a {kind}, got "
                                  f"{type(value).__name__}: {value!r}")
        path = Path(value)
        try:
            exists = path.is_dir() if kind == "folder" else path.is_file()
        except ValueError:  # a name the file system cannot hold, such as one with a NUL
            exists = False
        if not exists:
            raise OptionError(f"{name}: {os.fspath(value)} is not a {kind} that exists")
        return path
    return check


def template_folder(name: str, value: object) -> Path | None:
    """Check a folder of wording templates: every ``.j2`` in it must replace one of ours.

    A file whose name matches none of ours would be silently unused (a typo, or
    a template an upgrade retired), so it is refused by name.  Files starting
    with ``_`` are the user's own pieces that their templates include.
    """
    folder = path_value("folder")(name, value)
    if folder is None:
        return None
    from peeldocs.resources import templates_root

    ours = sorted(p.name for p in (templates_root() / "text").glob("*.j2"))
    for path in sorted(folder.glob("*.j2")):
        if path.name.startswith("_") or path.name in ours:
            continue
        close = difflib.get_close_matches(path.name, ours, n=1, cutoff=0.6)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise OptionError(f"{name}: {path} matches none of peeldocs's wording templates, so it "
                          f"would never be used.{hint} A piece that your templates include "
                          "must have a name starting with '_'.")
    return folder


def welsh_report_value(name: str, value: object) -> Report | None:
    """Return a loaded report published in Welsh (``language: cy``), or None."""
    if value is None:
        return None
    if not isinstance(value, Report):
        raise OptionTypeError(f"{name}: expected a Report (see peeldocs.load_report), got "
                              f"{type(value).__name__}: {value!r}")
    if value.language != "cy":
        raise OptionError(f"{name}: {value.title!r} is not a report published in Welsh "
                          f"(its language is {value.language!r}, not 'cy')")
    return value


def plan_value(name: str, value: object) -> Plan | None:
    """Return a loaded action plan, or None."""
    if value is None or isinstance(value, Plan):
        return value
    raise OptionTypeError(f"{name}: expected a Plan (see peeldocs.load_plan), got "
                          f"{type(value).__name__}: {value!r}")
