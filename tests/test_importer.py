"""The importer, on the seed page and on small pages written from the issue's description."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from conftest import SEED
from hypothesis import given
from hypothesis import strategies as st

import peeldocs
from peeldocs.cli import main
from peeldocs.importer import NotAPeelPageError, import_page, summary
from peeldocs.model import Grade, Judgment, Outcome, Report, Status, Unit, passage_text


@pytest.fixture(scope="module")
def imported() -> Report:
    return import_page(SEED.read_text(encoding="utf-8")).report


def paragraphs(report: Report) -> Counter[str]:
    return Counter(" ".join(passage_text(p).split()) for q in report.questions
                   for p in (*q.intro, *(x for s in q.findings for x in s.paragraphs)))


def bare(judgment: Judgment | None) -> tuple[object, ...] | None:
    """A judgment without its evidence (the curated data file does not keep it)."""
    return None if judgment is None else (judgment.status, judgment.grade, judgment.from_cycle)


def test_seed_imports_to_the_same_content_as_the_data_file(imported: Report,
                                                           norfolk: Report) -> None:
    assert imported.force == norfolk.force
    assert (imported.cycle, imported.pillar, imported.title) == (norfolk.cycle, norfolk.pillar,
                                                                 norfolk.title)
    assert imported.headline_question == norfolk.headline_question
    assert bare(imported.judgment) == bare(norfolk.judgment)
    assert imported.last_updated == norfolk.last_updated
    assert imported.summary == norfolk.summary
    assert [(q.number, q.title, bare(q.judgment)) for q in imported.questions] == \
        [(q.number, q.title, bare(q.judgment)) for q in norfolk.questions]
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    for q in imported.questions:  # every judgment keeps the words it was read from
        assert q.judgment.evidence and q.judgment.evidence in seed
    assert [[f.text for f in q.areas_for_improvement] for q in imported.questions] == \
        [[f.text for f in q.areas_for_improvement] for q in norfolk.questions]
    assert [[s.heading for s in q.findings] for q in imported.questions] == \
        [[s.heading for s in q.findings] for q in norfolk.questions]
    assert paragraphs(imported) == paragraphs(norfolk)


def test_seed_prior_findings(imported: Report, norfolk: Report) -> None:
    got = imported.prior_findings
    assert [(p.cycle, p.outcome, p.question, p.verdict) for p in got] == \
        [(p.cycle, p.outcome, p.question, p.verdict) for p in norfolk.prior_findings]
    for mine, theirs in zip(got, norfolk.prior_findings, strict=True):
        assert " ".join(theirs.text.split()) in " ".join(mine.text.split())


def test_seed_figures(imported: Report, norfolk: Report) -> None:
    got = {(f.value, f.unit): f for f in imported.key_figures}
    for fig in norfolk.key_figures:
        if fig.comparator_value is not None or fig.numerator is not None or \
                fig.unit in (Unit.PERCENT, Unit.PER_100000):
            mine = got[(fig.value, fig.unit)]
            assert (mine.comparator_value, mine.previous_value, mine.numerator,
                    mine.denominator) == (fig.comparator_value, fig.previous_value,
                                          fig.numerator, fig.denominator), fig.id
            assert mine.question == fig.question, fig.id
            if fig.comparison in ("higher", "lower", "in line"):
                assert mine.comparison == fig.comparison, fig.id
    assert got[(147, Unit.COUNT)].noun == "SHPOs"
    page = " ".join(SEED.read_text().split())
    for fig in imported.key_figures:  # every figure carries its clause, verbatim ("…" a cut)
        for piece in fig.source.split("…"):
            assert " ".join(piece.split())[:40] in page, fig.source


def test_summary_json_has_exactly_the_keys() -> None:
    result = import_page(SEED.read_text(encoding="utf-8"))
    data = summary(result)
    assert list(data) == ["force", "cycle", "kind", "pillar", "judgment", "last_updated",
                          "questions", "recommendations", "pillar_judgments", "prior_findings",
                          "figures", "questions_expected", "areas_assessed", "not_seen",
                          "read_from"]
    # the seed is a whole page: all five questions, the last closed by its "Summary for question 5"
    assert (data["questions_expected"], data["areas_assessed"], data["not_seen"]) == (5, None, [])
    assert data["judgment"] == {"grade": "good", "status": "graded", "evidence": "Good"}
    assert data["last_updated"] == "2019-05-02" and data["kind"] == "pillar"
    assert data["questions"][1]["grade"] == "requires improvement"
    assert data["questions"][3]["status"] == "carried over"
    assert len(data["questions"][1]["areas_for_improvement"]) == 3
    assert {"cycle": "2017", "kind": "area for improvement",
            "outcome": "not enough progress"} in data["prior_findings"]
    assert data["figures"] >= 15


COMPACT = """Kent PEEL 2017
Efficiency
How efficient is the force at keeping people safe and reducing crime?
Kent Police is outstanding at planning for the future. Read more about efficiency.
1
How well does the force understand demand?
To be graded
The force has a good understanding of demand. It uses data well.
2
How well does the force use its resources?
This question was not inspected in 2017. The grade and findings from last year's inspection still stand.
Good
3
How well is the force planning for the future?
Kent Police is outstanding at planning for the future. It has clear plans.
"""


def test_compact_layout_with_statuses_and_prose_grades() -> None:
    result = import_page(COMPACT)
    r = result.report
    assert (r.force.name, r.cycle, r.pillar) == ("Kent Police", "2017", "efficiency")
    assert r.judgment.status is Status.UNKNOWN  # no grade line: never invented, never "not graded"
    assert any("no judgment for the pillar" in n for n in result.notes)
    q1, q2, q3 = r.questions
    assert q1.judgment.status is Status.NOT_YET_GRADED  # "a good understanding" is prose
    assert (q2.judgment.status, q2.judgment.grade, q2.judgment.from_cycle) == (
        Status.CARRIED_OVER, Grade.GOOD, "2016")  # "still stand" from last year
    assert q3.judgment.grade is Grade.OUTSTANDING
    assert all("Read more" not in s for s in r.summary)


BLANK_LINES = """Durham 2016

Legitimacy

How legitimate is the force at keeping people safe and reducing crime?

Outstanding

Durham Constabulary is outstanding at treating people fairly.

1

How well does the force treat the people it serves?

Ungraded

Areas for improvement

- The force should improve how it records stop and search.
- The force should publish its use of force data.

Fair treatment

The force treats people fairly. It listens to communities and acts on what they say.

- This bullet is a finding, not an area for improvement.

2

How well does the force ensure its workforce behaves ethically?

This question has not been inspected or graded in 2015 and is carried forward.

3

How well does the force support its workforce?

Our 2015 legitimacy inspection gave the force an area for improvement. This was to improve wellbeing support. We are satisfied that the force has suitably addressed this area for improvement.
"""


def test_blank_line_layout_afis_bullets_and_prior_findings() -> None:
    r = import_page(BLANK_LINES).report
    assert (r.force.name, r.cycle, r.pillar) == ("Durham Constabulary", "2016", "legitimacy")
    assert r.judgment.grade is Grade.OUTSTANDING
    q1, q2, _q3 = r.questions
    assert q1.judgment.status is Status.UNGRADED
    assert [f.text for f in q1.areas_for_improvement] == [
        "The force should improve how it records stop and search.",
        "The force should publish its use of force data."]
    assert q1.findings[0].heading == "Fair treatment"
    assert q1.findings[0].paragraphs[-1] == peeldocs.model.Points(
        ("This bullet is a finding, not an area for improvement.",))  # a list, not "- ..."
    assert q2.judgment.status is Status.NOT_INSPECTED
    (prior,) = r.prior_findings
    assert (prior.cycle, prior.outcome, prior.question) == ("2015", Outcome.ADDRESSED, 3)


def test_a_2021_22_page_is_a_force_assessment() -> None:
    page = ("Metropolitan 2021/22\n\nEffectiveness\n\nHow effective is the force?\n\nAdequate\n\n"
            "Investigating crime\n\nThe force is not graded for this area this year. Its work "
            "continues.\n")
    r = import_page(page).report
    assert (r.force.name, r.cycle) == ("Metropolitan Police Service", "2021/22")
    assert r.is_assessment and r.judgment is None and r.pillar is None
    assert [(q.title, q.judgment.status) for q in r.questions] == [
        ("Investigating crime", Status.NOT_GRADED)]
    peeldocs.parse_report(peeldocs.dump_report(r), "x.yaml")


def test_overview_page() -> None:
    page = ("Norfolk PEEL 2018\n\nThe extent to which the force is effective at keeping people "
            "safe and reducing crime is good.\n\nThe extent to which the force operates "
            "efficiently and sustainably is outstanding.\n\nThe extent to which the force treats "
            "the public and its workforce legitimately is good.\n")
    result = import_page(page)
    assert result.kind == "overview"
    data = summary(result)
    assert {p: (x["grade"], x["status"]) for p, x in data["pillar_judgments"].items()} == {
        "effectiveness": ("good", "graded"), "efficiency": ("outstanding", "graded"),
        "legitimacy": ("good", "graded")}
    assert data["pillar_judgments"]["efficiency"]["evidence"] == (
        "The extent to which the force operates efficiently and sustainably is outstanding.")
    assert data["questions"] == [] and data["pillar"] is None


def test_saved_html_page() -> None:
    html = ("<!DOCTYPE html><html><head><title>x</title><script>var x=1;</script></head><body>"
            "<nav>Home</nav><h1>Norfolk PEEL 2018</h1><p>Effectiveness</p>"
            "<h2>How effectively does the force reduce crime and keep people safe?</h2>"
            "<p>Good</p><p>Norfolk Constabulary is good at preventing crime.</p>"
            "<p>1</p><h3>How effective is the force at preventing crime?</h3><p>Good</p>"
            "<h3>Areas for improvement</h3><ul><li>The force should evaluate its work.</li></ul>"
            "<h4>Prevention</h4><p>The force prioritises prevention &amp; problem-solving well."
            "</p></body></html>")
    r = import_page(html).report
    assert r.force.name == "Norfolk Constabulary" and r.judgment.grade is Grade.GOOD
    q = r.questions[0]
    assert [f.text for f in q.areas_for_improvement] == ["The force should evaluate its work."]
    assert q.findings[0].paragraphs == ("The force prioritises prevention & problem-solving well.",)


def test_a_page_cut_short_imports_what_is_there() -> None:
    result = import_page("Norfolk PEEL 2018\n\nEffectiveness\n")
    assert result.report.questions == ()
    assert any("no questions found" in n for n in result.notes)
    assert result.report.judgment.grade is None


@given(st.text(max_size=400))
def test_arbitrary_text_is_refused_or_imports_to_a_loadable_file(text: str) -> None:
    try:
        result = import_page(text)
    except NotAPeelPageError:
        return
    peeldocs.parse_report(peeldocs.dump_report(result.report), "fuzz.yaml")


def test_cli_import_writes_a_valid_file_and_summary(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "norfolk.yaml"
    assert main(["import", str(SEED), "-o", str(out), "--summary",
                 "--source", "https://example.org/peel/norfolk"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["force"] == "Norfolk Constabulary"
    report = peeldocs.load_report(out)
    assert report.source_url == "https://example.org/peel/norfolk"
    assert out.read_text().startswith("# Imported by peeldocs")
    assert main(["import", str(tmp_path / "missing.txt"), "--summary"]) == 1
    assert main(["import", str(SEED)]) == 2


KENT_2017 = """Kent PEEL 2017

Effectiveness

How effective is the force at keeping people safe and reducing crime?

Kent Police is judged to be good at keeping people safe and reducing crime. Its approach is sound.

Questions for Effectiveness

Question 1

How effective is the force at preventing crime and keeping people safe?

Kent Police is outstanding at preventing crime and keeping people safe. It works well with partners.

Detailed findings for question 1

Preventing crime

The force has a clear strategy for preventing crime, and officers understand it well.
"""


def test_2017_style_prose_judgments_question_lines_and_detailed_findings() -> None:
    r = import_page(KENT_2017).report
    assert bare(r.judgment) == (Status.GRADED, Grade.GOOD, None)
    assert r.judgment is not None and r.judgment.evidence == (
        "Kent Police is judged to be good at keeping people safe and reducing crime.")
    (q,) = r.questions
    assert q.number == 1 and q.judgment.grade is Grade.OUTSTANDING
    assert q.summary == ("Kent Police is outstanding at preventing crime and keeping people safe. "
                         "It works well with partners.",)
    assert q.findings[0].heading == "Preventing crime"


def test_prose_grade_about_something_else_is_not_the_pillar_judgment() -> None:
    page = ("Kent PEEL 2017\n\nEffectiveness\n\nHow effective is the force at keeping people safe "
            "and reducing crime?\n\nKent Police is good at answering calls from the public. It "
            "has a new telephony system.\n")
    r = import_page(page).report
    assert r.judgment.grade is None


def test_grade_words_in_ordinary_prose_are_not_judgments() -> None:
    page = ("Kent PEEL 2017\n\nEffectiveness\n\nHow effective is the force?\n\nGood\n\n1\n\n"
            "How well does the force protect vulnerable people?\n\nThe force has a good "
            "understanding of outstanding suspects. Its 2016 grade was inadequate.\n")
    result = import_page(page)
    (q,) = result.report.questions
    assert q.judgment.grade is None and q.judgment.status is Status.UNKNOWN
    assert any("question 1 (How well does the force protect vulnerable people?): no judgment "
               "found" in n for n in result.notes)


def test_the_seed_in_the_compact_layout_imports_the_same(imported: Report) -> None:
    import re

    compact = re.sub(r"\n\s*\n", "\n", SEED.read_text(encoding="utf-8"))
    r = import_page(compact).report
    assert [(q.number, bare(q.judgment)) for q in r.questions] == \
        [(q.number, bare(q.judgment)) for q in imported.questions]
    assert paragraphs(r) == paragraphs(imported)
    assert [[f.text for f in q.areas_for_improvement] for q in r.questions] == \
        [[f.text for f in q.areas_for_improvement] for q in imported.questions]
    assert r.prior_findings == imported.prior_findings
    assert len(r.key_figures) == len(imported.key_figures)


def test_the_seed_as_a_saved_html_page_imports_the_same(imported: Report) -> None:
    import html
    import re

    parts = []
    for block in re.split(r"\n\s*\n", SEED.read_text(encoding="utf-8")):
        lines = [line.strip() for line in block.strip().split("\n") if line.strip()]
        if lines and lines[0].startswith("•"):
            items = "".join(f"<li>{html.escape(line[1:].strip())}</li>" for line in lines)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.extend(f"<p>{html.escape(line)}</p>" for line in lines)
    page = ("<!DOCTYPE html><html lang='en'><head><title>Norfolk PEEL 2018</title>"
            "<style>p{}</style></head><body><nav><a href='/'>Home</a></nav><main>"
            + "\n".join(parts) + "</main></body></html>")
    r = import_page(page).report
    assert [(q.number, bare(q.judgment)) for q in r.questions] == \
        [(q.number, bare(q.judgment)) for q in imported.questions]
    assert [[f.text for f in q.areas_for_improvement] for q in r.questions] == \
        [[f.text for f in q.areas_for_improvement] for q in imported.questions]
    assert r.last_updated == imported.last_updated and r.force == imported.force
    assert paragraphs(r) == paragraphs(imported)  # lines broken mid-sentence are rejoined


def test_causes_of_concern_with_recommendations_and_pillar_letters() -> None:
    page = """Cleveland PEEL 2018

Efficiency

How efficiently does the force operate and how sustainable are its services?

Inadequate

1

How well does the force use its resources to meet its demand?

Inadequate

Cause of concern

The force does not understand the demand it faces well enough to plan its services.

Recommendations

- Within six months, the force should complete a full analysis of its demand.
- The force should use that analysis to plan its workforce.

Areas for improvement

- The force should review its shift patterns.

Understanding demand

The force has not yet analysed the demand it faces from partner agencies.
"""
    r = import_page(page).report
    assert (r.force.name, r.pillar, r.judgment.grade) == ("Cleveland Police", "efficiency",
                                                          Grade.INADEQUATE)
    (q,) = r.questions
    (cause,) = q.causes_of_concern
    assert cause.id == "F1-COC-1" and cause.text.startswith("The force does not understand")
    assert [rec.text for rec in cause.recommendations] == [
        "Within six months, the force should complete a full analysis of its demand.",
        "The force should use that analysis to plan its workforce."]
    assert [f.id for f in q.areas_for_improvement] == ["F1-AFI-1"]
    assert q.findings[0].heading == "Understanding demand"
    peeldocs.parse_report(peeldocs.dump_report(r), "x.yaml")
    from peeldocs.plans.files import findings

    assert list(findings(r)) == ["F1-AFI-1", "F1-COC-1", "F1-COC-1-R1", "F1-COC-1-R2"]
