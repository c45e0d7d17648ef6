"""Themes are data: colours, sizes and fonts read from a YAML file.

A theme never decides content; sections emit tones (a grade, a RAG state) and
renderers look the colours up here.
"""

from __future__ import annotations

import re
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


def theme_from_data(data: dict[str, Any], origin: str) -> Theme:
    """Build a theme from plain data, checking colours and tone coverage."""
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


def load_theme(path: str | Path) -> Theme:
    """Load a theme YAML file."""
    with open(path, encoding="utf-8") as fh:
        return theme_from_data(yaml.safe_load(fh), str(path))


@cache
def default_theme() -> Theme:
    """Return the shipped default theme."""
    return load_theme(templates_root() / "themes" / "default.yaml")
