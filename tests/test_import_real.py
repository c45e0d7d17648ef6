"""Real page beginnings: the facts they state are read, and nothing is ever read wrong."""

from __future__ import annotations

import pytest
from import_facts import EXPECTED, score


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_real_page_gives_no_wrong_definite_value(name: str) -> None:
    _stated, _read, wrong = score(name)
    assert wrong == []


def test_at_least_97_percent_of_stated_facts_are_read() -> None:
    stated = read = 0
    for name in EXPECTED:
        s, r, _wrong = score(name)
        stated, read = stated + s, read + r
    assert stated >= 200 and read / stated >= 0.97, (read, stated)


def as_saved_html(text: str, title: str) -> str:
    """A page as a browser saves it: head title with the site's suffix, navigation, paragraphs."""
    import html
    import re

    body = []
    for block in re.split(r"\n\s*\n|\n", text):
        block = block.strip()
        if block.startswith(("•", "- ")):
            body.append(f"<ul><li>{html.escape(block[1:].strip())}</li></ul>")
        elif block:
            body.append(f"<p>{html.escape(block)}</p>")
    return (f"<!DOCTYPE html><html lang='en'><head><title>{html.escape(title)} - HMICFRS</title>"
            "<script>var a = 1;</script></head><body><header><a href='/'>Home</a><p>Promoting "
            "improvements in policing and fire &amp; rescue services to make everyone safer</p>"
            "</header><nav><ul><li>About us</li><li>Publications</li></ul></nav><main>"
            + "\n".join(body) + "</main><footer><p>© Crown copyright</p></footer></body></html>")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_same_page_saved_as_html_reads_the_same(name: str) -> None:
    from import_facts import REAL, read_facts

    from peeldocs.importer import import_page

    source, _expected = EXPECTED[name]
    text = (REAL / name).read_text(encoding="utf-8")
    saved = import_page(as_saved_html(text, text.strip().splitlines()[0]), source)
    copied = import_page(text, source)
    assert read_facts(saved) == read_facts(copied)


def test_kent_2018_legitimacy_structure() -> None:
    """A recommendation revisited, a colon lead-in AFI and a percentage whose base is said before."""
    from import_facts import REAL

    from peeldocs.importer import import_page

    r = import_page((REAL / "kent-2018-legitimacy.txt").read_text(encoding="utf-8")).report
    (prior,) = r.prior_findings
    assert (prior.cycle, prior.kind.value, prior.outcome.value, prior.question) == (
        "2017", "recommendation", "partly addressed", 1)
    (afi,) = r.questions[1].areas_for_improvement
    assert afi.text == "The force should ensure its counter corruption unit:"
    assert len(afi.points) == 2 and afi.points[1].startswith("can fully monitor")
    (pct,) = r.key_figures
    assert pct.label == "80 percent (of 103 stop and search records)"
    assert "sample of 103 stop and search records" in pct.source


def test_the_real_what_is_peel_page_is_refused() -> None:
    from import_facts import REAL

    from peeldocs.importer import NotAPeelPageError, import_page

    with pytest.raises(NotAPeelPageError, match="force"):
        import_page((REAL / "what-is-peel.txt").read_text(encoding="utf-8"))


def test_a_real_press_release_naming_an_assessment_is_refused() -> None:
    from import_facts import REAL

    from peeldocs.importer import NotAPeelPageError, import_page

    text = (REAL / "wiltshire-2021-22-press-release.txt").read_text(encoding="utf-8")
    with pytest.raises(NotAPeelPageError, match="holds none of it"):
        import_page(text)
    # the report's own opening, with the same words, is read
    opening = ("Our inspection assessed how good Wiltshire Police is in nine areas of policing.\n"
               "We also inspected how effective a service Wiltshire Police gives to victims of "
               "crime. We don’t make a graded judgment in this overall area.\n")
    assert import_page(text + opening).report.force.name == "Wiltshire Police"


def test_the_real_other_inspections_tab_of_a_peel_assessment_is_refused() -> None:
    from import_facts import REAL

    from peeldocs.importer import NotAPeelPageError, import_page

    text = (REAL / "essex-2017-other-inspections.txt").read_text(encoding="utf-8")
    with pytest.raises(NotAPeelPageError, match="Other inspections"):
        import_page(text)
