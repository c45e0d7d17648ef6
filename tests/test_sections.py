"""Section builders, checked on the block tree: most pack behaviour is decided here."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

import peeldocs
from peeldocs import blocks as b
from peeldocs.errors import PeeldocsError
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.plans.files import findings
from peeldocs.sections.items import s55_deadline


def section(pack: b.Pack, name: str) -> b.Section:
    return next(s for s in pack.sections if s.name == name)


def of_type(blocks: tuple[b.Block, ...], kind: type) -> list[b.Block]:
    out: list[b.Block] = []
    for block in blocks:
        if isinstance(block, kind):
            out.append(block)
        if isinstance(block, b.Callout):
            out += of_type(block.body, kind)
    return out


@pytest.fixture(scope="module")
def pack(norfolk: Report) -> b.Pack:
    return peeldocs.build_pack(norfolk, Options())


def test_default_sections_in_order(pack: b.Pack) -> None:
    assert [s.name for s in pack.sections] == ["cover", "contents", "summary", "questions",
                                               "actions"]
    assert section(pack, "actions").orientation is b.Orientation.LANDSCAPE


def test_sections_can_be_chosen_and_reordered(norfolk: Report) -> None:
    pack = peeldocs.build_pack(norfolk, Options(sections=("actions", "summary")))
    assert [s.name for s in pack.sections] == ["actions", "summary"]
    with pytest.raises(PeeldocsError, match="unknown section 'appendix'"):
        peeldocs.build_pack(norfolk, Options(sections=("appendix",)))


def test_summary_judgment_table_has_words_and_tones(pack: b.Pack) -> None:
    table = next(t for t in of_type(section(pack, "summary").blocks, b.Table)
                 if isinstance(t, b.Table) and t.caption == "Judgments by question")
    cells = [row[2] for row in table.rows]
    assert [b.inline_text(c.runs) for c in cells] == [
        "Good", "Requires improvement", "Good", "Good (carried over from 2016)", "Ungraded"]
    assert [c.tone for c in cells] == [b.Tone.GOOD, b.Tone.REQUIRES_IMPROVEMENT, b.Tone.GOOD,
                                       b.Tone.GOOD, b.Tone.NO_GRADE]


def test_summary_counts_and_prior_findings(pack: b.Pack) -> None:
    text = " ".join(b.inline_text(p.runs) for p in of_type(section(pack, "summary").blocks,
                                                            b.Paragraph)
                    if isinstance(p, b.Paragraph))
    assert "The inspectorate asked five questions." in text
    assert "Question 4’s good grade from 2016 was carried over." in text
    assert "Question 5 was ungraded." not in text  # the table says it, once
    assert "three areas for improvement" in text
    assert "It lists no causes of concern." in text and "concern as such" not in text
    # counted once in the lead-in, their outcomes said once, after the list (read 28-P)
    assert "It revisits four earlier findings." in text
    assert "three addressed" not in text
    # the one carried forward is quoted with the live findings; the addressed, by reference
    lists = [b.inline_text(i) for lst in of_type(section(pack, "summary").blocks, b.BulletList)
             if isinstance(lst, b.BulletList) for i in lst.items]
    assert any(t.startswith("Earlier finding carried forward, E-2017-AFI-1: ") for t in lists)
    assert ("The report finds that the force has addressed three earlier areas for improvement, "
            "under questions 3 and 4.") in text  # each named and quoted on its question's page


def test_summary_figure_has_alt_text_with_every_value(pack: b.Pack) -> None:
    (figure,) = of_type(section(pack, "summary").blocks, b.Figure)
    assert isinstance(figure, b.Figure)
    for value in ("20.6%", "16.1%", "15.5%", "10.3%", "7.2%"):
        assert value in figure.alt
    assert figure.chart.series[1].name == "England and Wales"


def test_questions_put_judgment_and_afis_first(pack: b.Pack) -> None:
    blocks = section(pack, "questions").blocks
    q2 = next(i for i, blk in enumerate(blocks)
              if isinstance(blk, b.Heading) and blk.text.startswith("Question 2:"))
    badge, callout = blocks[q2 + 1], blocks[q2 + 2]
    assert isinstance(badge, b.GradeBadge) and badge.label == "Requires improvement"
    assert isinstance(callout, b.Callout) and callout.title == "Areas for improvement"
    q4 = next(i for i, blk in enumerate(blocks)
              if isinstance(blk, b.Heading) and blk.text.startswith("Question 4:"))
    badge4 = blocks[q4 + 1]
    assert isinstance(badge4, b.GradeBadge)
    assert badge4.note == "Carried over from the 2016 inspection."
    quotes = [blk for blk in blocks if isinstance(blk, b.Paragraph)
              and blk.style is b.ParaStyle.QUOTE]
    assert len(quotes) == 53


def test_headings_never_skip_a_level(pack: b.Pack) -> None:
    levels = [blk.level for blk in pack.blocks() if isinstance(blk, b.Heading)]
    assert levels[0] == 1
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))
    anchors = [blk.anchor for blk in pack.blocks() if isinstance(blk, b.Heading)]
    assert len(anchors) == len(set(anchors))


def test_findings_to_act_on(norfolk: Report) -> None:
    refs = list(findings(norfolk).values())
    assert [r.id for r in refs] == ["E-2017-AFI-1", "E2-AFI-1", "E2-AFI-2", "E2-AFI-3",
                                    "E5-REC-1"]
    assert refs[0].carried_forward and not refs[1].carried_forward


@pytest.mark.parametrize(("published", "deadline"), [
    (date(2019, 5, 2), date(2019, 6, 26)),   # day 1 is the day of publication
    (date(2024, 2, 1), date(2024, 3, 27)),   # a leap year
    (date(2019, 12, 31), date(2020, 2, 24)),
])
def test_s55_deadline_is_the_56th_day_counting_publication(published: date,
                                                           deadline: date) -> None:
    assert s55_deadline(published) == deadline
    assert (s55_deadline(published) - published).days + 1 == 56


def test_metadata(pack: b.Pack) -> None:
    meta = pack.metadata
    assert meta.language == "en-GB"
    assert meta.title == "Norfolk Constabulary, PEEL 2018/19 effectiveness: briefing pack"
    assert meta.created.isoformat() == "2023-11-14T22:13:20+00:00"


def test_building_a_pack_is_pure(norfolk: Report) -> None:
    assert peeldocs.build_pack(norfolk, Options()) == peeldocs.build_pack(norfolk, Options())


def test_a_five_tier_report_builds_with_adequate(norfolk: Report, tmp_path: object) -> None:
    import dataclasses

    from peeldocs.model import Grade, Judgment, Status

    q1 = dataclasses.replace(norfolk.questions[0], judgment=Judgment(Status.GRADED, Grade.ADEQUATE))
    report = dataclasses.replace(norfolk, cycle="2021/22", questions=(q1, *norfolk.questions[1:]),
                                 judgment=Judgment(Status.GRADED, Grade.ADEQUATE))
    pack = peeldocs.build_pack(report, Options())
    table = next(t for t in of_type(section(pack, "summary").blocks, b.Table)
                 if isinstance(t, b.Table) and t.caption == "Judgments by question")
    assert b.inline_text(table.rows[0][2].runs) == "Adequate"
    assert table.rows[0][2].tone is b.Tone.ADEQUATE
    for fmt in ("pdf", "docx", "html"):
        assert peeldocs.render(pack, fmt, Options())


def test_summary_gives_headline_numbers_in_words(pack: b.Pack) -> None:
    texts = [b.inline_text(p.runs) for p in of_type(section(pack, "summary").blocks, b.Paragraph)
             if isinstance(p, b.Paragraph)]
    counts = next(t for t in texts if t.startswith("The report lists"))
    # the report is said to list only what it lists (read 3, fault 2)
    assert counts.startswith("The report lists three areas for improvement. It lists no causes of "
                             "concern. It also makes one recommendation in the text of its "
                             "findings on question 5, which it does not list as such.")
    assert "It lists no causes of concern." in counts
    assert counts.endswith("It revisits four earlier findings.")
    assert not of_type(section(pack, "summary").blocks, b.StatPanel)


