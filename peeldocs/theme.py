"""Themes are data: colours, sizes and fonts read from a YAML file.

A theme never decides content; sections emit tones (a grade, a RAG state) and
renderers look the colours up here.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from peeldocs.blocks import Tone
from peeldocs.errors import PeeldocsError
from peeldocs.resources import templates_root

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours (``#RRGGBB``), sizes (points) and font names for renderers."""

    name: str
    font: str
    docx_font: str
    base_size: float
    leading: float
    heading_sizes: tuple[float, float, float]
    text: str
    muted: str
    heading: str
    accent: str
    rule: str
    quote_bar: str
    table_header_fill: str
    table_header_text: str
    zebra: str
    tones: tuple[tuple[Tone, str, str], ...]
    series: tuple[str, ...]

    def tone(self, tone: Tone) -> tuple[str, str]:
        """Return (fill, text colour) for a tone."""
        for t, fill, ink in self.tones:
            if t is tone:
                return fill, ink
        raise KeyError(tone)


def relative_luminance(colour: str) -> float:
    """Return the WCAG 2.1 relative luminance of ``#RRGGBB``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(a: str, b: str) -> float:
    """Return the WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


SIZES = (4.0, 96.0)
"""The smallest and largest text size a theme may give, in points."""
LEADING = (0.8, 3.0)
"""The tightest and loosest line height, as a multiple of the size."""
_NAME = re.compile(r"^[\w .&()-]{1,64}$")


def _checked_values(data: Any, origin: str) -> None:
    """Refuse sizes, line heights and names a renderer cannot use, naming the key and the limit."""
    if not isinstance(data, dict):
        raise PeeldocsError(f"{origin}: not a valid theme: expected a mapping of keys")
    low, high = SIZES
    sizes = data.get("heading_sizes")
    if not isinstance(sizes, list) or len(sizes) != 3:
        raise PeeldocsError(f"{origin}: heading_sizes: expected a list of three sizes in points "
                            f"(levels 1 to 3), got {sizes!r:.60}")
    for key, value in (("base_size", data.get("base_size")),
                       *((f"heading_sizes[{k}]", v) for k, v in enumerate(sizes))):
        if isinstance(value, bool) or not isinstance(value, int | float) or \
                not low <= value <= high:
            raise PeeldocsError(f"{origin}: {key}: expected a size from {low:g} to {high:g} "
                                f"points, got {value!r:.60}")
    leading = data.get("leading")
    if isinstance(leading, bool) or not isinstance(leading, int | float) or \
            not LEADING[0] <= leading <= LEADING[1]:
        raise PeeldocsError(f"{origin}: leading: expected a line height from {LEADING[0]:g} to "
                            f"{LEADING[1]:g} times the size, got {leading!r:.60}")
    for key in ("name", "font", "docx_font"):
        if not isinstance(data.get(key), str) or not _NAME.match(data[key]):
            raise PeeldocsError(f"{origin}: {key}: expected a name of letters, digits and "
                                f"spaces (at most 64), got {data.get(key)!r:.60}")
    if not isinstance(data.get("tones"), dict) or not isinstance(data.get("series"), list) or \
            not all(isinstance(v, list) and len(v) == 2 for v in data["tones"].values()):
        raise PeeldocsError(f"{origin}: tones: expected a mapping of tone to [fill, text colour] "
                            "and series: a list of colours")


def theme_from_data(data: dict[str, Any], origin: str) -> Theme:
    """Build a theme from plain data, checking sizes, names, colours and tone coverage."""
    _checked_values(data, origin)
    try:
        tones = tuple((Tone(k), v[0], v[1]) for k, v in data["tones"].items())
        theme = Theme(
            **{k: v for k, v in data.items() if k not in ("tones", "heading_sizes", "series")},
            heading_sizes=tuple(data["heading_sizes"]),
            tones=tones,
            series=tuple(data["series"]),
        )
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise PeeldocsError(f"{origin}: not a valid theme: {exc}") from exc
    colours = [theme.text, theme.muted, theme.heading, theme.accent, theme.rule,
               theme.quote_bar, theme.table_header_fill, theme.table_header_text, theme.zebra,
               *theme.series, *(c for _, f, i in theme.tones for c in (f, i))]
    bad = [c for c in colours if not isinstance(c, str) or not _HEX.match(c)]
    if bad:
        raise PeeldocsError(f"{origin}: colours must be #RRGGBB, got {bad[0]!r}")
    missing = set(Tone) - {t for t, _, _ in tones}
    if missing:
        raise PeeldocsError(f"{origin}: theme has no colours for: "
                            f"{', '.join(sorted(t.value for t in missing))}")
    return theme


THEME_BYTES = 256 * 1024
"""The largest theme file read (the default theme is under 2 KB)."""


def load_theme(path: str | Path) -> Theme:
    """Load a theme YAML file: a regular file of at most 256 KB, in UTF-8, safe YAML only."""
    name = str(path)
    with open(path, "rb") as fh:  # OSError (no such file) is the caller's to word
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise PeeldocsError(f"{name}: not a regular file (a device, pipe or socket); "
                                "give a theme saved on disk")
        data = fh.read(THEME_BYTES + 1)
    if len(data) > THEME_BYTES:
        raise PeeldocsError(f"{name}: theme files are limited to {THEME_BYTES // 1024} KB")
    try:
        text = data.decode("utf-8-sig")
        _shallow(text, name)  # before the values are built (building them recurses)
        return theme_from_data(yaml.safe_load(text), name)
    except (UnicodeDecodeError, yaml.YAMLError, ValueError) as exc:
        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else \
            f"a value it cannot read ({' '.join(str(exc).split())[:80]})" if isinstance(
                exc, ValueError) else \
            " ".join(str(exc).split())[:200]
        raise PeeldocsError(f"{name}: not a valid theme: {reason}") from exc


THEME_DEPTH = 8
"""The deepest a theme's lists and mappings nest (the default theme nests 3)."""


def _shallow(text: str, name: str) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        depth += isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent)
        depth -= isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent)
        if depth > THEME_DEPTH:
            raise PeeldocsError(f"{name}: not a valid theme: lists and mappings nested more "
                                f"than {THEME_DEPTH} levels deep")


@cache
def default_theme() -> Theme:
    """Return the shipped default theme."""
    return load_theme(templates_root() / "themes" / "default.yaml")
