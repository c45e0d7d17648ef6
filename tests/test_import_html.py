"""A saved report page read as HTML: the report's main content, its heading, its tables and lists.

The page is the real opening of the Cheshire 2023-25 report (tests/fixtures/real/,
Crown copyright, Open Government Licence v3.0) inside the site's furniture as a
browser saves it; the judgments table and the areas' sections are constructed
for the test (marked so in their text), since copied text loses the graphic.
"""

from __future__ import annotations

import html

import pytest
from import_facts import REAL

import peeldocs
from peeldocs.importer import import_page, summary
from peeldocs.model import Grade, Status
from peeldocs.options import Options

FURNITURE = ("Skip to content", "We use cookies", "Accept additional cookies", "Home",
             "Publications", "Crown copyright", "Accessibility", "Promoting improvements",
             "Cheshire 2023–25 – His Majesty", "PEEL reports")

ROWS = [("Recording data about crime", "Good"), ("Investigating crime", "Adequate"),
        ("Protecting vulnerable people", "Requires improvement"),
        ("Leadership and force management", "Outstanding")]


def _rows_table() -> str:
    body = "".join(f"<tr><th scope='row'>{a}</th><td>{g}</td></tr>" for a, g in ROWS)
    return f"<table><caption>Our judgments</caption><tr><th>Area</th><th>Grade</th></tr>{body}</table>"


def _columns_table() -> str:
    grades = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]
    cells = "".join(f"<td>{'; '.join(a for a, g in ROWS if g == grade)}</td>" for grade in grades)
    return ("<table><tr>" + "".join(f"<th>{g}</th>" for g in grades) + f"</tr><tr>{cells}</tr>"
            "</table>")


def _area(name: str, sentence: str) -> str:
    return (f"<section><h2>{name}</h2><p>{sentence} (Constructed text for this test.)</p>"
            "</section>")


def saved_page(table: str, h1_in_main: bool = True, section_grade: str = "adequate") -> str:
    lines = (REAL / "cheshire-2023-25.txt").read_text(encoding="utf-8").splitlines()
    paras = []
    for line in lines:
        paras.append(f"<h2>{html.escape(line)}</h2>" if len(line) < 30 else
                     f"<p>{html.escape(line)}</p>")
        if line.endswith("as follows:"):
            paras.append(table)
    heading = "<h1>PEEL 2023–2025: An inspection of Cheshire Constabulary</h1>"
    areas = (_area("Investigating crime", f"Cheshire Constabulary is {section_grade} at "
                                          "investigating crime.")
             + "<section><h2>Protecting vulnerable people</h2><h3>Cause of concern</h3>"
               "<p>The constabulary <strong>isn’t</strong> <a href='#r'>protecting</a> "
               "vulnerable people well enough (constructed text for this test).</p>"
               "<h3>Recommendations</h3><p>Within six months, the constabulary should:</p>"
               "<ul><li>make sure its safeguarding meets <em>national</em> standards; and</li>"
               "<li>reduce the delays in <strong>referrals</strong>.</li></ul></section>")
    return ("<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
            "<title>Cheshire 2023–25 – His Majesty’s Inspectorate of Constabulary and Fire &amp; "
            "Rescue Services</title><script>var x = 'Good';</script></head><body>"
            "<a class='govuk-skip-link' href='#main'>Skip to content</a>"
            "<div class='cookie-banner' role='region'><p>We use cookies to make this site work."
            "</p><button>Accept additional cookies</button></div>"
            "<header class='site-header'><a href='/'>HMICFRS</a><p>Promoting improvements in "
            "policing and fire &amp; rescue services to make everyone safer</p></header>"
            "<nav><ul><li><a href='/'>Home</a></li><li>Publications</li></ul></nav>"
            "<ol class='breadcrumbs'><li>Home</li><li>PEEL reports</li></ol>"
            + ("" if h1_in_main else heading)
            + "<main id='main'>" + (heading if h1_in_main else "") + "".join(paras) + areas
            + "</main><footer><p>© Crown copyright</p><ul><li><a>Accessibility</a></li>"
              "<li>Cookies</li></ul></footer></body></html>")


@pytest.mark.parametrize("h1_in_main", [True, False])
@pytest.mark.parametrize("table", [_rows_table(), _columns_table()], ids=["rows", "columns"])
def test_the_judgments_table_is_read_and_the_site_around_the_report_is_not(
        table: str, h1_in_main: bool) -> None:
    result = import_page(saved_page(table, h1_in_main))
    r = result.report
    assert (r.force.name, r.cycle, r.areas_assessed) == ("Cheshire Constabulary", "2023-25", 9)
    assert r.title == "PEEL 2023–2025: An inspection of Cheshire Constabulary"  # the page heading
    grades = {q.title: q.judgment.grade for q in r.questions}
    assert grades["Recording data about crime"] is Grade.GOOD
    assert grades["Leadership and force management"] is Grade.OUTSTANDING
    assert grades["Investigating crime"] is Grade.ADEQUATE  # the table and the section agree
    assert "the judgments graphic is not in the text" not in " ".join(result.notes)
    words = repr(summary(result)) + repr(r)
    assert not [f for f in FURNITURE if f in words], [f for f in FURNITURE if f in words]
    assert r.unseen == ()  # a saved page holds its end: what it does not list, it does not give


def test_a_disagreement_between_the_table_and_the_section_is_unknown_with_both_evidences() -> None:
    result = import_page(saved_page(_rows_table(), section_grade="good"))
    area = next(q for q in result.report.questions if q.title == "Investigating crime")
    assert area.judgment.status is Status.UNKNOWN
    assert "Investigating crime – Adequate" in (area.judgment.evidence or "")
    assert "Cheshire Constabulary is good at investigating crime." in (area.judgment.evidence or "")
    text = " ".join(block for section in peeldocs.build_pack(
        result.report, Options(allow_unknown=True)).sections for block in
        [repr(b) for b in section.blocks])
    assert "gives two different grades for ‘Investigating crime’" in text


def test_inline_markup_keeps_its_spaces_and_lists_keep_their_items() -> None:
    r = import_page(saved_page(_rows_table())).report
    area = next(q for q in r.questions if q.title == "Protecting vulnerable people")
    (cause,) = area.causes_of_concern
    assert cause.text.startswith("The constabulary isn’t protecting vulnerable people well enough")
    (rec,) = cause.recommendations
    assert rec.text == "Within six months, the constabulary should:"
    assert rec.points == ("make sure its safeguarding meets national standards; and",
                          "reduce the delays in referrals.")
    assert rec.deadline == "Within six months"


def test_a_saved_page_cut_off_before_its_end_is_not_whole() -> None:
    page = saved_page(_rows_table())
    cut = page[:page.index("<section><h2>Protecting")]
    r = import_page(cut).report
    assert peeldocs.model.questions_unread(r)  # five of the nine areas the page states
    # the same cut with every area the page states: its last area may still go on
    whole = import_page(saved_page(_rows_table()).replace("nine areas", "six areas")
                        .replace("eight of these nine", "five of these six")
                        .replace("<tr><th scope='row'>Recording", "<tr><th>Responding to the "
                                 "public</th><td>Good</td></tr><tr><th scope='row'>Recording"))
    whole = whole.report
    assert whole.unseen == () and not peeldocs.model.questions_unread(whole)
    cut_whole = import_page(cut.replace("nine areas", "five areas")
                            .replace("eight of these nine", "four of these five")).report
    assert cut_whole.unseen == (
        "the end of the report (the imported text stops in the area ‘Investigating crime’)",)


def test_a_page_nested_too_deeply_to_read_whole_is_refused_not_cut() -> None:
    from peeldocs.importer import NotAPeelPageError

    page = ("<html><body><main><h1>Kent PEEL 2017</h1>" + "<div>" * 400
            + "<p>Efficiency</p><p>Good</p>" + "</div>" * 400 + "</main></body></html>")
    with pytest.raises(NotAPeelPageError, match="nests its elements too deeply"):
        import_page(page)
