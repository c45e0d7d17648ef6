"""Fitting a one-page section: the levels of detail are made only when looked at, and the
choice is made once for every format of the same document."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

import peeldocs
from peeldocs.blocks import Heading, Paragraph, Section, Text
from peeldocs.build.fitting import FittedSection, fit
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.sections.brief import brief_candidates
from peeldocs.sections.levels import Levels


def _section(words: int) -> Section:
    """A constructed one-page section of ``words`` made-up words (more words, less fits)."""
    text = " ".join(f"word{n}" for n in range(words))
    return Section("constructed", (Heading(1, "Constructed example", anchor="constructed"),
                                   Paragraph((Text(text),))), page_limit=1)


def test_levels_are_made_once_each_and_only_when_looked_at() -> None:
    made: list[int] = []

    def make(words: int) -> Section:
        made.append(words)
        return _section(words)

    levels = Levels([4000, 2000, 1000, 500, 250, 120, 60, 30], make)
    assert made == [] and len(levels) == 8
    first = levels[0]
    assert levels[0] is first and levels[-8] is first and made == [4000]
    chosen = fit(levels, Options())
    assert levels.index_of(chosen) > 0  # 4,000 words are more than a page
    assert len(made) < 8  # bisection looked at some levels, not all
    assert len(made) == len(set(made))  # none made twice
    assert levels[1:3] == [levels[1], levels[2]]


def test_the_fullest_level_that_fits_is_the_one_a_full_search_finds() -> None:
    sizes = [3000, 1600, 900, 700, 400, 200, 100]
    first_fitting = next(i for i, words in enumerate(sizes) if _one_page(_section(words)))
    assert 0 < first_fitting < len(sizes) - 1  # the case is a real search
    levels = Levels(sizes, _section)
    assert fit(levels, Options()) is levels[first_fitting]


def _one_page(section: Section) -> bool:
    try:
        fit([section], Options())
    except peeldocs.errors.RenderError:
        return False
    return True


def test_a_brief_built_in_three_formats_is_fitted_once(norfolk: Report,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FittedSection, "REMEMBERED", 2)  # the rule, in fewer fits
    calls: list[int] = []

    def counted(report: Report, options: Options) -> Levels[object]:
        levels = brief_candidates(report, options)
        calls.append(len(levels))
        return levels

    fitted = FittedSection(counted)
    options = Options(document="brief", as_of=date(2019, 6, 1))
    first = fitted(norfolk, options)  # a tenth of the example's fitting time
    assert fitted(norfolk, dataclasses.replace(options)) is first  # equal options: same choice
    assert len(calls) == 1
    later = dataclasses.replace(options, as_of=date(2019, 7, 1))
    assert fitted(norfolk, later) is not first and len(calls) == 2
    for n in range(FittedSection.REMEMBERED + 2):  # a bounded memory: the oldest go
        fitted(norfolk, dataclasses.replace(options, as_of=date(2019, 8, 1 + n)))
    assert len(fitted.chosen) == FittedSection.REMEMBERED
    before = len(calls)
    fitted(norfolk, options)
    assert len(calls) == before + 1  # forgotten, so fitted again


def test_the_brief_in_every_format_shows_the_same_fitted_content(example: Report) -> None:
    options = Options(document="brief", as_of=date(2025, 4, 1))
    texts = {fmt: peeldocs.render(peeldocs.build_pack(example, options), fmt, options)
             for fmt in ("pdf", "docx", "html")}
    assert all(texts.values())
    section = peeldocs.build_pack(example, options).sections[0]
    assert section.page_limit == 1
    assert peeldocs.build_pack(example, options).sections[0] == section


def test_levels_with_the_same_content_are_laid_out_once(example: Report,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Levels one step fuller often repeat another level's content (a cut that shows nothing
    different); the fitting lays out each distinct content once and chooses as before."""
    from peeldocs.renderers.pdf.renderer import PdfRenderer

    laid_out: list[Section] = []
    real = PdfRenderer.lay_out

    def counted(self: PdfRenderer, pack: peeldocs.Pack, options: Options) -> object:
        laid_out.append(pack.sections[0])
        return real(self, pack, options)

    options = Options(document="brief", as_of=date(2025, 4, 1))
    levels = brief_candidates(example, options)
    monkeypatch.setattr(PdfRenderer, "lay_out", counted)
    chosen = fit(levels, options)
    assert len(laid_out) == len(set(laid_out)) > 2  # each content once, a real search
    made = list(levels.made.values())
    assert len(set(made)) < len(made)  # the case repeats content: the rule is at work
    assert chosen in made
