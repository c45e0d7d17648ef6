"""Real pages tried as a newcomer would after issue 28 (tests/fixtures/verify/), and what they found.

Measured when the first 27 pages were labelled, before any change: 141 of the 145 labelled
facts read (97.2%), no wrong definite value; the four missed were question grades
the pillar's summary gives in prose for questions the copy stops before
("Merseyside Police is good at protecting vulnerable people.").  Documents built
from the imports said "only no were found in the imported text", counted grades
("Inadequate: 0") from an opening that holds one area of ten, called an overview's
pillars "question 1" and "question 3", and quoted the last words of a cut copy
("Most crimes are allocated to investigators w") as if they ended there.  After the
fixes: 145 of 145, no wrong value, and none of those statements.
"""

from __future__ import annotations

import re

import pytest
from heldout_facts import HELD_OUT, score_held_out
from import_facts import REAL
from test_import_cuts import block_texts, claims, cuts
from test_import_real import as_saved_html
from verify_facts import VERIFIED, VERIFY, score_verified

import peeldocs
from peeldocs.importer import NotAPeelPageError, import_page
from peeldocs.importer.judgments import clause_grades
from peeldocs.importer.question import question_text
from peeldocs.importer.textblocks import blocks
from peeldocs.model import Status, unknown_facts
from peeldocs.model.findings import passage_text
from peeldocs.model.scales import Grade
from peeldocs.options import Options


def _page(name: str) -> str:
    return (VERIFY / name).read_text(encoding="utf-8")


def _texts(report: peeldocs.Report, document: str = "pack") -> str:
    pack = peeldocs.build_pack(report, Options(document=document, allow_unknown=True))
    return " ".join(block_texts(pack))


def _whole_passages(report: peeldocs.Report) -> str:
    """The report's passages that the import did not cut, as one text."""
    found: list[str] = [*map(passage_text, report.summary)]
    for q in report.questions:
        found += [passage_text(p) for p in (*q.summary, *q.intro,
                                            *(p for f in q.findings for p in f.paragraphs))]
    return " ".join(" ".join(t.split()) for t in found if not t.rstrip().endswith("…"))


def _cut_marked(report: peeldocs.Report, last: str, said: str) -> bool:
    """Tell whether every place ``said`` quotes the copy's last words marks the cut with "…".

    The same words may end a whole sentence the report gives elsewhere (its summary
    repeating a finding): a place that goes on as such a passage goes on is not the cut.
    """
    whole = _whole_passages(report)
    for found in re.finditer(re.escape(last), said):
        after = said[found.end():].split()[:3]
        if after and after[0].startswith("…"):
            continue
        if not after or f"{last} {' '.join(after)}" not in whole:
            return False
    return True


@pytest.mark.parametrize("name", sorted(VERIFIED))
def test_a_page_tried_gives_no_wrong_definite_value(name: str) -> None:
    _stated, _read, wrong = score_verified(name)
    assert wrong == []


def test_at_least_97_percent_of_the_facts_of_pages_not_built_on_are_read() -> None:
    stated = read = 0
    for name in VERIFIED:
        s, r, _wrong = score_verified(name)
        stated, read = stated + s, read + r
    assert stated >= 140 and read / stated >= 0.97, (read, stated)
    for name in HELD_OUT:  # the held-out pages and these together
        s, r, _wrong = score_held_out(name)
        stated, read = stated + s, read + r
    assert read / stated >= 0.97, (read, stated)


@pytest.mark.parametrize("name", sorted(VERIFIED))
def test_a_page_tried_saved_as_html_reads_the_same(name: str) -> None:
    from import_facts import read_facts

    text = _page(name)
    saved = import_page(as_saved_html(text, text.strip().splitlines()[0]))
    assert read_facts(saved) == read_facts(import_page(text))


@pytest.mark.parametrize("name", ["merseyside-2018-effectiveness.txt",
                                  "suffolk-2018-legitimacy.txt",
                                  "thames-valley-2017-legitimacy.txt",
                                  "thames-valley-2015-legitimacy.txt",
                                  "south-wales-2014-effectiveness.txt",
                                  "merseyside-2021-22.txt", "suffolk-2023-25.txt"])
def test_no_document_from_any_cut_of_a_page_tried_states_what_it_cannot_know(name: str) -> None:
    built = 0
    for n, cut in enumerate(cuts(_page(name)), start=1):
        try:
            report = import_page(cut).report
        except NotAPeelPageError:
            continue
        built += 1
        assert claims(report) == [], f"{name} cut after line {n}"
    assert built >= 1


@pytest.mark.parametrize("name", sorted(VERIFIED))
def test_no_document_from_a_page_tried_says_what_the_page_cannot_support(name: str) -> None:
    text = _page(name)
    report = import_page(text).report
    last = " ".join(text.split()[-4:])
    cut = not text.rstrip().endswith((".", "?", "!", ":", "’", "”", ")"))
    for document in ("pack", "brief", "committee", "s55"):
        said = _texts(report, document)
        assert "only no " not in said, document
        assert not (not report.questions and re.search(r"\b\w+ more areas\b", said)), document
        assert not re.search(r"Number of areas at each grade(?! in the imported text)", said) \
            or "Unknown (not found" not in said, document
        if report.is_overview:  # its pillars are not questions; its dates are its sections'
            assert not re.search(r"the judgment for question \d|last updated (?:on )?\d",
                                 said), document
        if cut and last in said:  # the copy's last words are quoted: the cut is marked
            assert _cut_marked(report, last, said), document
    assert claims(report) == []


def test_a_summary_grade_for_a_question_the_copy_stops_before_keeps_that_question() -> None:
    result = import_page(_page("merseyside-2018-effectiveness.txt"))
    report = result.report
    assert [q.number for q in report.questions] == [2, 3]
    q3 = report.questions[1]
    assert q3.title == ("How effective is the force at protecting those who are vulnerable "
                        "from harm, and supporting victims?")  # the framework's title
    assert q3.judgment.status is Status.GRADED and q3.judgment.grade is Grade.GOOD
    assert q3.judgment.evidence == "Merseyside Police is good at protecting vulnerable people."
    assert "the findings of question 3 (the imported text gives only its grade, in the " \
           "pillar's summary)" in report.unseen
    # "In 2016 we judged Merseyside Police as outstanding at tackling serious and organised
    # crime" is about another inspection: question 4 is not read from it
    assert all(q.number != 4 for q in report.questions)
    texts = _texts(report)
    assert "Question 3: How effective is the force at protecting" in texts
    assert "The findings under this question were not found in the imported text" in texts
    assert claims(report) == []
    # a copy graded in its summary and cut mid-sentence in question 2 says both
    wyp = import_page(_page("west-yorkshire-2018-effectiveness.txt")).report
    assert wyp.unseen == (
        "the findings of question 3 (the imported text gives only its grade, in the pillar's "
        "summary)", "the rest of question 2 (the imported text stops mid-sentence)")


def test_prose_grades_in_the_words_the_pages_use() -> None:
    suffolk = import_page(_page("suffolk-2018-legitimacy.txt")).report
    q1, q3 = suffolk.questions
    assert q3.judgment.evidence == "Suffolk Constabulary is good at treating the workforce fairly."
    # question 1 was carried over from 2017; the summary gives its grade
    assert (q1.judgment.status, q1.judgment.grade, q1.judgment.from_cycle) == (
        Status.CARRIED_OVER, Grade.GOOD, "2017")
    assert q1.judgment.evidence.endswith("Suffolk Constabulary is good at treating the public "
                                         "fairly.")
    thames = import_page(_page("thames-valley-2016-legitimacy.txt")).report
    assert [(q.number, q.judgment.grade) for q in thames.questions] == [(1, Grade.GOOD)]


def test_one_sentence_grading_each_question_in_a_clause_grades_them_all() -> None:
    result = import_page(_page("devon-and-cornwall-2017-efficiency.txt"))
    report = result.report
    assert [(q.number, q.judgment.grade) for q in report.questions] == [
        (1, Grade.REQUIRES_IMPROVEMENT), (2, Grade.GOOD), (3, Grade.GOOD)]
    assert report.questions[0].judgment.evidence.startswith(
        "The force’s understanding of demand is judged to require improvement; its use")
    # PEEL 2017's efficiency titles are not confirmed by a source: the copy says so
    assert "the titles of questions 1, 2 and 3 (the ones shown from the PEEL framework data, " \
           "which no source seen confirms)" in report.unseen
    # a clause about another year, or whose owner is not the force, grades nothing
    subject = re.compile(r"^(?:the force|devon and cornwall police)(?:’s)?$", re.I)
    assert clause_grades("In 2016 the force’s understanding of demand was judged to be good; "
                         "its use of resources is judged to be good.", subject) == []
    assert clause_grades("The public’s understanding of demand is judged to be good.",
                         subject) == []


def test_a_copy_that_stops_mid_sentence_is_quoted_with_the_cut_marked() -> None:
    report = import_page(_page("thames-valley-2017-legitimacy.txt")).report
    assert question_text(report.questions[1])[-1].endswith("It could do more to publicise their work and us …")
    assert report.unseen == ("the rest of question 2 (the imported text stops mid-sentence)",)
    texts = _texts(report)
    assert "publicise their work and us …" in texts
    assert "the rest of question 2 (the imported text stops mid-sentence)." in texts
    # a short last line that only a sentence begins so ("I ...") is marked too
    opening = import_page(_page("merseyside-2023-25.txt")).report
    assert "I recognise that Merseyside Polic …" in _texts(opening)
    # and a list's last item after items ending ";" ("publish the analysis and the action b")
    listed = import_page(_page("thames-valley-2018-legitimacy.txt")).report
    assert "publish the analysis and the action b …" in _texts(listed)
    # a copy that reaches the site's footer is whole: nothing is marked
    whole = import_page(_page("thames-valley-2017-legitimacy.txt").replace(
        "It could do more to publicise their work and us", "It could do more.")
        + "\n© Crown copyright\n").report
    assert whole.unseen == ()


def test_a_read_more_link_glued_to_the_first_paragraph_drops_only_the_link() -> None:
    kept, notes = blocks(_page("lancashire-2014-overview.txt"))
    assert kept[1].startswith("This is the first PEEL Assessment of Lancashire Constabulary.")
    assert "skipped page furniture: Read more about Lancashire" in notes


def test_an_overview_names_its_unread_pillars_as_pillars() -> None:
    # the page repeats its effectiveness line where legitimacy's would be
    report = import_page((REAL / "humberside-2016-overview.txt").read_text(encoding="utf-8")).report
    said = [f.what for f in unknown_facts(report)]
    assert said == ["the judgment for legitimacy"]
    assert "question 3" not in _texts(report)


def test_a_2014_overview_gives_effectiveness_and_legitimacy_as_ungraded_with_the_source() -> None:
    result = import_page(_page("lancashire-2014-overview.txt"))
    assert list(result.pillar_judgments) == ["efficiency"]  # the one the page states
    for q in result.report.questions[0], result.report.questions[2]:
        pillar, judgment = q.title.lower(), q.judgment
        assert judgment.status is Status.UNGRADED
        assert f"PEEL 2014 gave {pillar} no overall judgment" in (judgment.evidence or "")
    assert unknown_facts(result.report) == ()
    assert "not found in the imported text" not in _texts(result.report)
    assert "Each pillar below gives its judgment as the overview states it, or, where PEEL " \
           "2014 gave the pillar no judgment, says so." in _texts(result.report)


def test_an_overview_does_not_date_itself_by_one_pillars_section() -> None:
    # "Last updated 03/11/2016" sits under efficiency; legitimacy was published in December
    report = import_page(_page("devon-and-cornwall-2016-overview-autumn.txt")).report
    assert report.last_updated is None
    for document in ("pack", "committee"):
        assert "3 November 2016" not in _texts(report, document)


def test_an_opening_with_no_area_found_says_so_plainly() -> None:
    report = import_page(_page("merseyside-2021-22.txt")).report
    assert report.questions == () and report.areas_assessed == 13
    for document in ("pack", "brief", "committee", "s55"):
        texts = _texts(report, document)
        assert "only no" not in texts and "13 more areas" not in texts, document
        assert "13 of the 13" not in texts and "13 were not found" not in texts, document
    pack = _texts(report)
    assert "The report assesses 13 areas of policing, and none of them was found in the " \
           "imported text: all 13, with their grades and findings, must be filled in" in pack
    assert "None of the report’s 13 areas of policing was found in the imported text" in pack


def test_grade_counts_from_a_partial_opening_are_said_to_be_of_the_imported_text() -> None:
    report = import_page(_page("suffolk-2023-25.txt")).report
    pack = peeldocs.build_pack(report, Options(allow_unknown=True))
    figures = [b for s in pack.sections for b in s.blocks if isinstance(b, peeldocs.blocks.Figure)]
    # the counts are said in words beside the table of grades; no chart of counts repeats them,
    # and the report graded one area inadequate, so no count of none may be stated
    assert not any(f.caption.startswith("Number of areas at each grade") for f in figures)
    said = _texts(report)
    assert "Of the report’s ten areas of policing, nine were not found in the imported text" in said
    assert not re.search(r"\b(?:no|0|none of the) areas? (?:was|were) graded inadequate", said)
