"""Options are checked when they are made: natural inputs accepted, anything else refused
at once naming the field, the value and what is allowed."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peeldocs
from peeldocs.errors import OptionError, OptionTypeError, PeeldocsError
from peeldocs.options import DEFAULT_SECTIONS, Marking, Options


@pytest.mark.parametrize("given", ["OFFICIAL", "official", " Official ", Marking.OFFICIAL])
def test_marking_by_name_any_case(given: object) -> None:
    assert Options(marking=given).marking is Marking.OFFICIAL  # type: ignore[arg-type]


@pytest.mark.parametrize("given", ["official-sensitive", "OFFICIAL_SENSITIVE", "Official Sensitive"])
def test_official_sensitive_spellings(given: str) -> None:
    assert Options(marking=given).marking is Marking.OFFICIAL_SENSITIVE  # type: ignore[arg-type]


@pytest.mark.parametrize("given", ["", None, "none", "NONE"])
def test_no_marking(given: object) -> None:
    assert Options(marking=given).marking is Marking.NONE  # type: ignore[arg-type]


def test_dates_as_iso_text_or_dates() -> None:
    opts = Options(published="2019-05-02", as_of=date(2019, 10, 15))  # type: ignore[arg-type]
    assert opts.published == date(2019, 5, 2)
    assert opts.as_of == date(2019, 10, 15)
    assert Options(published=datetime(2019, 5, 2, 9, 30)).published == date(2019, 5, 2)


def test_sections_as_text_or_sequence_any_case() -> None:
    assert Options(sections="summary").sections == ("summary",)  # type: ignore[arg-type]
    assert Options(sections="Cover, SUMMARY").sections == ("cover", "summary")  # type: ignore[arg-type]
    assert Options(sections=["cover", "actions"]).sections == ("cover", "actions")  # type: ignore[arg-type]
    assert Options().sections == DEFAULT_SECTIONS


def test_clock_as_text_is_utc_when_no_zone_given() -> None:
    clock = Options(clock="2020-01-02T03:04:05").clock  # type: ignore[arg-type]
    assert clock == datetime(2020, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def test_paths_as_text(tmp_path: Path) -> None:
    opts = Options(template_dir=str(tmp_path))  # type: ignore[arg-type]
    assert opts.template_dir == tmp_path


@pytest.mark.parametrize(("kwargs", "error", "words"), [
    ({"marking": "SECRET"}, OptionError, ["marking", "'SECRET'", "OFFICIAL-SENSITIVE"]),
    ({"marking": 3}, OptionTypeError, ["marking", "int", "3"]),
    ({"published": "2 May 2019"}, OptionError, ["published", "'2 May 2019'", "YYYY-MM-DD"]),
    ({"published": "2019-13-01"}, OptionError, ["published", "YYYY-MM-DD"]),
    ({"as_of": 20191015}, OptionTypeError, ["as_of", "int", "20191015"]),
    ({"sections": "summary,apendix"}, OptionError, ["sections", "'apendix'", "expected one of", "summary"]),
    ({"sections": "sumary"}, OptionError, ["sections", "did you mean 'summary'?"]),
    ({"sections": ""}, OptionError, ["sections", "names no section"]),
    ({"sections": 5}, OptionTypeError, ["sections", "int"]),
    ({"sections": ["cover", 5]}, OptionTypeError, ["sections", "5"]),
    ({"audience": None}, OptionTypeError, ["audience", "NoneType"]),
    ({"theme": 12}, OptionTypeError, ["theme", "Theme"]),
    ({"theme": "no-such-theme.yaml"}, OptionError, ["theme", "no-such-theme.yaml", "no such file"]),
    ({"template_dir": "no/such/folder"}, OptionError, ["template_dir", "no/such/folder", "folder"]),
    ({"reference_docx": "missing.docx"}, OptionError, ["reference_docx", "missing.docx"]),
    ({"plan": "plan.yaml"}, OptionTypeError, ["plan", "load_plan"]),
    ({"clock": "yesterday"}, OptionError, ["clock", "'yesterday'"]),
])
def test_bad_values_are_refused_at_once(kwargs: dict[str, object], error: type[Exception],
                                        words: list[str]) -> None:
    with pytest.raises(error) as info:
        Options(**kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    for word in words:
        assert word in message, message
    assert isinstance(info.value, PeeldocsError)
    assert isinstance(info.value, ValueError if error is OptionError else TypeError)


def test_replace_is_checked_too() -> None:
    with pytest.raises(OptionError, match="marking"):
        dataclasses.replace(Options(), marking="TOP SECRET")  # type: ignore[arg-type]


def test_checked_options_build_the_same_pack_as_typed_ones(norfolk: peeldocs.Report) -> None:
    typed = Options(marking=Marking.OFFICIAL, published=date(2019, 5, 2), sections=("cover", "summary"))
    natural = Options(marking="official", published="2019-05-02", sections="cover,summary")  # type: ignore[arg-type]
    assert typed == natural
    assert peeldocs.build_pack(norfolk, natural) == peeldocs.build_pack(norfolk, typed)


def test_render_takes_format_names_in_any_case(norfolk: peeldocs.Report) -> None:
    pack = peeldocs.build_pack(norfolk, Options(sections="cover"))  # type: ignore[arg-type]
    assert peeldocs.render(pack, "PDF").startswith(b"%PDF-")
    assert peeldocs.render(pack, " Html ").startswith(b"<!DOCTYPE html>")
    with pytest.raises(peeldocs.UnknownFormatError, match="did you mean 'docx'"):
        peeldocs.render(pack, "dox")


def test_render_uses_the_packs_options_and_refuses_different_ones(norfolk: peeldocs.Report) -> None:
    import io

    from pypdf import PdfReader

    opts = Options(marking="OFFICIAL", sections="cover")  # type: ignore[arg-type]
    pack = peeldocs.build_pack(norfolk, opts)
    assert pack.options == opts
    text = PdfReader(io.BytesIO(peeldocs.render(pack, "pdf"))).pages[0].extract_text()
    assert "OFFICIAL" in text
    assert peeldocs.render(pack, "pdf", opts) == peeldocs.render(pack, "pdf")
    with pytest.raises(OptionError) as info:
        peeldocs.render(pack, "pdf", Options(sections="cover"))  # type: ignore[arg-type]
    assert "marking" in str(info.value)
    assert "sections" not in str(info.value).split("(")[1].split(")")[0]
    with pytest.raises(OptionTypeError, match="Options"):
        peeldocs.render(pack, "pdf", {"marking": "OFFICIAL"})  # type: ignore[arg-type]


def test_a_pack_made_by_hand_renders_with_the_options_given() -> None:
    from peeldocs.blocks import Heading, Metadata, Pack, Section

    pack = Pack(Metadata("T", "S", "A", (), datetime(2020, 1, 1, tzinfo=timezone.utc)),
                (Section("one", (Heading(1, "Hello", "hello"),)),))
    assert b"Hello" in peeldocs.render(pack, "html", Options())


_ANYTHING = st.one_of(st.none(), st.text(max_size=30), st.integers(), st.floats(allow_nan=False),
                      st.dates(), st.lists(st.text(max_size=10), max_size=3), st.binary(max_size=5))


@given(field=st.sampled_from([f.name for f in dataclasses.fields(Options)]), value=_ANYTHING)
def test_any_value_is_taken_or_refused_naming_the_field(field: str, value: object) -> None:
    try:
        Options(**{field: value})  # type: ignore[arg-type]
    except (OptionError, OptionTypeError) as exc:
        assert str(exc).startswith(f"{field}: ")


@pytest.mark.parametrize(("content", "words"), [
    ("name: [\n", "not a valid theme"),
    ("just text\n", "not a valid theme"),
])
def test_a_broken_theme_file_is_refused_naming_it(tmp_path: Path, content: str, words: str) -> None:
    theme = tmp_path / "theme.yaml"
    theme.write_text(content)
    with pytest.raises(OptionError) as info:
        Options(theme=theme)
    assert str(info.value).startswith(f"theme: {theme}: {words}")


def test_a_template_that_replaces_none_of_ours_is_refused_by_name(tmp_path: Path) -> None:
    """A typo or a retired template name would be silently unused: say so instead."""
    (tmp_path / "purpse.j2").write_text("Our purpose", encoding="utf-8")
    with pytest.raises(OptionError) as err:
        Options(template_dir=tmp_path)
    assert "purpse.j2 matches none of peeldocs's wording templates" in str(err.value)
    assert "Did you mean 'purpose.j2'?" in str(err.value)
    (tmp_path / "purpse.j2").rename(tmp_path / "_purpose_words.j2")  # the user's own piece
    (tmp_path / "purpose.j2").write_text('{% include "_purpose_words.j2" %}', encoding="utf-8")
    assert Options(template_dir=tmp_path).template_dir == tmp_path


def test_the_cli_refuses_an_unused_template_as_a_usage_mistake(tmp_path: Path) -> None:
    from peeldocs.cli import main

    (tmp_path / "colophon.j2").write_text("Prepared by us", encoding="utf-8")
    assert main(["build", "data/norfolk-2018-effectiveness.yaml", "--templates", str(tmp_path),
                 "--out", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()
