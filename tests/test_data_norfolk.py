"""The Norfolk data file holds the whole seed report, verbatim, and nothing invented."""

from __future__ import annotations

from conftest import DATA, SEED, seed_paragraphs

import peeldocs
from peeldocs.model import Direction, Grade, Outcome, Report, Status, Unit

# Blocks of the seed that are page furniture or structure, not report prose.
FURNITURE = {"Skip to content", "Questions for Effectiveness", "1", "5"}


def model_texts(report: Report) -> list[str]:
    texts = [report.title, report.pillar.capitalize(), report.headline_question,
             *report.summary]
    for q in report.questions:
        texts += [q.title, *q.summary, *q.intro]
        texts += [f.text for f in q.areas_for_improvement]
        for section in q.findings:
            texts += ([section.heading] if section.heading else []) + list(section.paragraphs)
    return [" ".join(t.split()) for t in texts]


def test_every_seed_paragraph_is_in_the_model(norfolk: Report) -> None:
    texts = model_texts(norfolk)
    joined = "\n".join(texts)
    missing = []
    for block in seed_paragraphs():
        if block in FURNITURE or block.startswith(("Summary for question", "Last updated")):
            continue
        if block in {"Good", "Requires improvement", "Ungraded", "Areas for improvement"}:
            continue  # judgments and the AFI heading are structure, checked below
        if block.startswith("•"):
            for bullet in block.split("•")[1:]:
                if bullet.strip() not in texts:
                    missing.append(bullet.strip())
            continue
        if block not in texts and block not in joined:
            missing.append(block)
    assert not missing, missing[:3]


def test_paragraph_count_matches_the_seed(norfolk: Report) -> None:
    paragraphs = [p for q in norfolk.questions for s in q.findings for p in s.paragraphs]
    paragraphs += [p for q in norfolk.questions for p in q.intro]
    headings = [s.heading for q in norfolk.questions for s in q.findings if s.heading]
    assert len(headings) == 9
    blocks = seed_paragraphs()
    body = blocks[blocks.index("Questions for Effectiveness"):]
    prose = [b for b in body if len(b) > 60 and not b.endswith("?") and not b.startswith("•")]
    assert len(paragraphs) == len(prose) == 53
    # typographic quotes and dashes are kept as published
    assert any("’" in p for p in paragraphs)
    assert any("–" in p for p in paragraphs)


def test_judgments(norfolk: Report) -> None:
    assert norfolk.force.name == "Norfolk Constabulary"
    assert (norfolk.cycle, norfolk.pillar, norfolk.programme) == ("2018/19", "effectiveness", "PEEL")
    assert norfolk.judgment.grade is Grade.GOOD
    assert str(norfolk.last_updated) == "2019-05-02"
    grades = [(q.number, q.judgment.status, q.judgment.grade) for q in norfolk.questions]
    assert grades == [
        (1, Status.GRADED, Grade.GOOD),
        (2, Status.GRADED, Grade.REQUIRES_IMPROVEMENT),
        (3, Status.GRADED, Grade.GOOD),
        (4, Status.CARRIED_OVER, Grade.GOOD),
        (5, Status.UNGRADED, None),
    ]
    assert norfolk.question(4).judgment.from_cycle == "2016"


def test_areas_for_improvement(norfolk: Report) -> None:
    afis = norfolk.question(2).areas_for_improvement
    assert [a.id for a in afis] == ["E2-AFI-1", "E2-AFI-2", "E2-AFI-3"]
    assert afis[2].text == ("The force should ensure regular and active supervision of the quality "
                            "and progress of investigations. This supervision should be properly "
                            "recorded.")
    others = [q for q in norfolk.questions if q.number != 2]
    assert all(not q.areas_for_improvement and not q.causes_of_concern for q in others)


def test_prior_findings(norfolk: Report) -> None:
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    prior = {(p.cycle, p.question): p for p in norfolk.prior_findings}
    assert len(norfolk.prior_findings) == 4
    assert prior[("2017", 2)].outcome is Outcome.NOT_ENOUGH_PROGRESS
    assert "supervision" in prior[("2017", 2)].text
    assert prior[("2017", 3)].outcome is Outcome.ADDRESSED
    assert "Clare’s Law" in prior[("2017", 3)].text
    soc = [p for p in norfolk.prior_findings if p.cycle == "2016"]
    assert len(soc) == 2 and all(p.outcome is Outcome.ADDRESSED for p in soc)
    for p in norfolk.prior_findings:
        assert p.text in seed and p.verdict in seed


def test_key_figures_come_from_the_text(norfolk: Report) -> None:
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    figs = norfolk.key_figures
    assert len(figs) >= 15
    for f in figs:
        for sentence in f.source.split(". "):
            assert sentence.rstrip(".") in seed, f.id
        question = norfolk.question(f.question) if f.question else None
        assert question is not None
    by_value = {(f.value, f.unit): f for f in figs}
    asb = by_value[(83.9, Unit.PER_100000)]
    assert asb.period == "2017/18"
    for n in (45, 27, 16, 49):
        f = by_value[(n, Unit.COUNT)]
        assert (f.numerator, f.denominator) == (n, 60)
    detectives = by_value[(76, Unit.PERCENT)]
    assert "379" in detectives.source
    victim = by_value[(20.6, Unit.PERCENT)]
    assert (victim.previous_value, victim.comparator_value) == (15.3, 16.1)
    charge = by_value[(15.5, Unit.PERCENT)]
    assert (charge.previous_value, charge.comparator_value, charge.comparison) == (18.5, 10.3,
                                                                                  "higher")
    va = by_value[(7.2, Unit.PERCENT)]
    assert (va.comparator_value, va.comparison) == (10.3, "lower")
    assert by_value[(43, Unit.PERCENT)].comparator_value is None  # no value stated
    assert by_value[(16, Unit.PERCENT)].comparison == "in line"
    assert by_value[(147, Unit.COUNT)].noun == "SHPOs"
    assert by_value[(10, Unit.COUNT)].noun == "breaches"
    # a direction is set only where the report's words say which way is better
    assert {f.direction for f in figs if f.comparator_value is not None} == {Direction.NEUTRAL}


def test_dump_loads_back_equal(norfolk: Report) -> None:
    text = peeldocs.dump_report(norfolk)
    assert peeldocs.parse_report(text, "dumped.yaml") == norfolk
    assert "’" in text  # written as UTF-8, not escaped


def test_data_file_carries_the_licence() -> None:
    text = DATA.read_text(encoding="utf-8")
    assert "Open Government Licence v3.0" in text
    licence = (DATA.parent / "LICENCE.md").read_text(encoding="utf-8")
    assert "Contains public sector information licensed under the Open Government Licence v3.0." in licence
