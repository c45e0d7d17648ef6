from __future__ import annotations

from pathlib import Path

import pytest

import peeldocs
from peeldocs.blocks import Tone, inline_text
from peeldocs.errors import PeeldocsError, TemplateError
from peeldocs.model import Report
from peeldocs.options import Options, marking_from_text
from peeldocs.theme import contrast_ratio, default_theme, theme_from_data
from peeldocs.wording import render_text


def test_every_tone_and_header_pair_has_contrast_of_at_least_4_5() -> None:
    theme = default_theme()
    for tone in Tone:
        fill, ink = theme.tone(tone)
        assert contrast_ratio(fill, ink) >= 4.5, (tone, fill, ink)
    assert contrast_ratio(theme.table_header_fill, theme.table_header_text) >= 4.5
    for colour in (theme.text, theme.muted, theme.heading, theme.accent):
        assert contrast_ratio(colour, "#FFFFFF") >= 4.5, colour
    for bar in theme.series:  # graphical objects need 3:1 against the page
        assert contrast_ratio(bar, "#FFFFFF") >= 3.0, bar


def test_contrast_ratio_matches_wcag_examples() -> None:
    assert round(contrast_ratio("#000000", "#FFFFFF"), 1) == 21.0
    assert round(contrast_ratio("#777777", "#FFFFFF"), 2) == 4.48


def test_theme_missing_a_tone_is_refused() -> None:
    import yaml

    from peeldocs.resources import templates_root

    data = yaml.safe_load((templates_root() / "themes" / "default.yaml").read_text())
    del data["tones"]["amber"]
    with pytest.raises(PeeldocsError, match="no colours for: amber"):
        theme_from_data(data, "t.yaml")
    data = yaml.safe_load((templates_root() / "themes" / "default.yaml").read_text())
    data["text"] = "black"
    with pytest.raises(PeeldocsError, match="#RRGGBB"):
        theme_from_data(data, "t.yaml")


def test_user_template_folder_overrides_by_name(norfolk: Report, tmp_path: Path) -> None:
    (tmp_path / "headline.j2").write_text("{{ force.short_name }} got {{ judgment.describe() }}.")
    pack = peeldocs.build_pack(norfolk, Options(template_dir=tmp_path))
    texts = [inline_text(b.runs) for b in pack.sections[2].blocks if hasattr(b, "runs")]
    # the headline is a sentence of the summary's opening paragraph ("In brief: …")
    assert any("Norfolk got Good." in text for text in texts), texts


def test_undefined_names_in_templates_are_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.j2").write_text("{{ nothing_here }}")
    with pytest.raises(TemplateError, match="nothing_here"):
        render_text("bad.j2", tmp_path)


def test_plural_is_still_counted_for_users_own_templates(tmp_path: Path) -> None:
    # our templates say counted(); a user's copy of an older template may still say plural()
    (tmp_path / "mine.j2").write_text('{{ plural(3, "force") }}, {{ 0 | plural("area") }}, '
                                      '{{ counted(1, "area") }}', encoding="utf-8")
    assert render_text("mine.j2", tmp_path) == ("3 forces, no areas, 1 area",)


def test_templates_cannot_reach_python_internals(tmp_path: Path) -> None:
    (tmp_path / "evil.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(TemplateError, match="unsafe"):
        render_text("evil.j2", tmp_path)


def test_missing_template_is_named(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"no wording template named 'nope\.j2'"):
        render_text("nope.j2", tmp_path)


@pytest.mark.parametrize(("text", "value"), [("", ""), ("official", "OFFICIAL"),
                                             ("Official sensitive", "OFFICIAL-SENSITIVE"),
                                             ("OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE")])
def test_markings(text: str, value: str) -> None:
    assert marking_from_text(text).value == value


def test_unknown_marking_lists_the_choices() -> None:
    with pytest.raises(PeeldocsError, match="expected one of: OFFICIAL, OFFICIAL-SENSITIVE"):
        marking_from_text("SECRET")


def test_clock_comes_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert Options().clock.isoformat() == "1970-01-01T00:00:00+00:00"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(PeeldocsError, match="SOURCE_DATE_EPOCH"):
        Options()
