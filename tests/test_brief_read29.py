"""Read 29-B on the one-page brief: what a reader gets in PDF, DOCX and HTML.

1. With a plan, the areas for improvement behind the lowest grade are given in the
   report's words (to a clause, "…" for the rest), not by labels of a few words.
2. Without a plan, the brief says it was prepared without one; it never says none was
   "supplied".
3. Every finding the brief gives verbatim is in quotation marks.
4. The earlier finding without enough progress is said plainly, in the report's words,
   without bracketed changes.
5. The part the inspectorate does not grade is named; addressed earlier findings are
   named by a few of their words where the page has room.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from docread import between, pdf_pages
from docread import review_options as _options

import peeldocs
from peeldocs.blocks import BulletList, Paragraph, inline_text
from peeldocs.sections.brief import brief_section
from peeldocs.sections.brief_addressed import earlier_words
from peeldocs.sections.brief_budget import budgets
from peeldocs.sections.items import ItemKind, response_items

FORMATS = ("pdf", "docx", "html")
CASES = ("norfolk-plan", "norfolk", "example")


@pytest.fixture(scope="module")
def built(review_briefs: dict[tuple[str, str], bytes]) -> dict[tuple[str, str], bytes]:
    """The reviewed briefs, rendered once per test process (conftest's ``review_briefs``)."""
    return review_briefs


@pytest.fixture(scope="module")
def texts(review_brief_texts: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    return review_brief_texts


def _words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])


# --- 1. with a plan, the words of the areas for improvement behind the lowest grade ----------

@pytest.mark.parametrize("fmt", FORMATS)
def test_with_a_plan_each_area_for_improvement_is_given_in_the_reports_words(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    report, _unused = _options("norfolk-plan")
    text = texts["norfolk-plan", fmt]
    afis = [i for i in response_items(report) if i.kind is ItemKind.AREA_FOR_IMPROVEMENT
            and i.question == 2]
    assert len(afis) == 3
    for item in afis:
        # at least its first twelve words, quoted, beside its reference; a cut marked
        quoted = re.search(re.escape(item.id) + r"\)?:? “([^”]+)”", text) or re.search(
            "“([^”]+)” \\(" + re.escape(item.id), text)
        assert quoted is not None, item.id
        words = quoted.group(1)
        # read 30-B: beside a plan, all of them on the page, each at least its opening clause
        assert len(words.split()) >= 7, (item.id, words)
        body = words.removesuffix(" …").removesuffix(".")
        assert body in " ".join(item.text.split()), (item.id, words)  # verbatim
        assert words.endswith(" …") or words == " ".join(item.text.split()), item.id
    # no longer a gist of a few words
    assert "“staff with the right skills”" not in text
    assert "“regular and active supervision”" not in text


# --- 2. prepared without a plan ----------------------------------------------------------------
# (one page in PDF and as LibreOffice lays out the DOCX: tests/test_brief_read22.py, same cases)

@pytest.mark.parametrize("fmt", FORMATS)
def test_without_a_plan_the_brief_says_it_was_prepared_without_one(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    for case in ("norfolk", "example"):
        text = texts[case, fmt]
        # read 35: at its opening's decisions, not under "Deadlines" (it is not a deadline)
        assert "Decisions needed (no action plan was seen for this brief): agree " in text, case
        assert "without an action plan" not in text[text.index("Deadlines"):], case
        assert "action plan was supplied" not in text.lower(), case
    assert "The report sets no deadline of its own." in texts["norfolk", fmt]
    assert "Four deadlines set by the report have passed." not in texts["example", fmt]  # read 36
    assert "without an action plan" not in texts["norfolk-plan", fmt]


# --- 3. every verbatim finding quoted ----------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_every_finding_listed_is_in_quotation_marks(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    for case in CASES:
        report, _unused = _options(case)
        needs = between(texts[case, fmt], "What needs doing", "Deadlines")
        listed = 0
        for item in response_items(report):
            at = re.search(re.escape(item.id) + r"(?:, under [A-Z0-9-]+)?\s?\):\s", needs)
            if at is None:
                continue
            listed += 1
            assert needs[at.end():].startswith("“" + _words(item.text, 4)), (case, item.id)
        assert listed, case  # the check saw the list


# --- 4. the earlier finding said plainly -------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_earlier_finding_is_short_plain_and_in_the_reports_words(
        fmt: str, texts: dict[tuple[str, str], str]) -> None:
    report, _unused = _options("norfolk")
    prior = next(p for p in report.prior_findings if p.id == "E-2017-AFI-1")
    source = " ".join(prior.text.split())
    for case in ("norfolk", "norfolk-plan"):
        needs = between(texts[case, fmt], "What needs doing", "Deadlines")
        start = needs.index("It says the force has not made enough progress")
        sentence = needs[start:needs.index("”.", start) + 2]
        assert "[" not in sentence, sentence  # no bracketed changes
        # read 29-B measured about 70 words with three bracketed changes; now 61
        assert len(sentence.split()) <= 61, len(sentence.split())
        assert "(E-2017-AFI-1, question 2) to “" in sentence
        quoted = re.findall(r"“([^”]+)”", sentence)
        assert quoted[0] in source  # what it asked, verbatim
        if case == "norfolk-plan":  # read 30-B: the areas for improvement beside the plan first
            continue
        second = quoted[1]
        assert second.startswith("must do more to ensure that supervision is consistent")
        assert "and that it “must do more" in sentence  # the report's "It must do more"


def test_earlier_words_for_the_class_of_input() -> None:
    assert earlier_words("This was to ensure that it put supervision in place.") == (
        "to", "put supervision in place")
    assert earlier_words("First, the force needed to develop its profile. It would help.") == (
        "to", "develop its profile …")
    assert earlier_words("This concerned its use of orders (DVPOs) and more besides.", 5) == (
        "on", "its use of orders (DVPOs) …")
    # never a bracket left open: "(DVPNs …"
    assert earlier_words("This concerned its use of orders (DVPNs and DVPOs) and more.", 6) == (
        "on", "its use of orders …")
    # a finding in its own words: what it asks for, after its call
    assert earlier_words("The force should improve how it allocates crime.") == (
        "to", "improve how it allocates crime")
    # a statement, not a call: quoted as it stands by the caller
    assert earlier_words("The force isn’t answering calls promptly enough.") == ("", "")
    assert earlier_words("This was to ensure that victims [are] heard.") == ("", "")


# --- 5. the ungraded part named; addressed findings named in a few words --------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_ungraded_part_is_named(fmt: str, texts: dict[tuple[str, str], str]) -> None:
    # read 31-B: beside a plan the spread of grades gives way to the findings' words
    for case in ("norfolk",):
        assert ("one was graded requires improvement (question 2, ‘How effective is the force at investigating crime and reducing re-offending?’); question 5 was ungraded.") in texts[case, fmt], case
    assert ("‘Victim service assessment’ was ungraded.") in \
        texts["example", fmt]
    for case in CASES:
        assert "by design" not in texts[case, fmt], case


def test_addressed_findings_are_named_by_their_words_where_the_page_has_room() -> None:
    report, options = _options("norfolk")
    roomy = dataclasses.replace(budgets(report)[0], rows=0)
    section = brief_section(report, options, roomy, pages=None)
    text = " ".join(inline_text(b.runs) if isinstance(b, Paragraph) else
                    " ".join(inline_text(i) for i in b.items) if isinstance(b, BulletList)
                    else "" for b in section.blocks)
    said = text[text.index("The report finds three earlier areas for improvement addressed:"):]
    said = said[:said.index(").") + 2]
    for prior in report.prior_findings:
        if prior.outcome.value != "addressed":
            continue
        found = re.search(r"“([^”]+)” \(" + re.escape(prior.id) + r"\)", said)
        assert found is not None, (prior.id, said)
        assert found.group(1).removesuffix(" …") in " ".join(prior.text.split()), prior.id
    # the page that cannot hold them names them by reference, as before
    tight = dataclasses.replace(roomy, recap=0)
    section = brief_section(report, options, tight, pages=None)
    assert any("addressed (E-2017-AFI-2, E-2016-AFI-1 and E-2016-AFI-2)." in inline_text(b.runs)
               for b in section.blocks if isinstance(b, Paragraph))


@pytest.mark.parametrize("case", ("norfolk", "example"))
def test_the_welsh_brief_still_fits_one_page(case: str) -> None:
    # (the Welsh brief with the plan ran to two pages before read 29-B too: not covered here)
    report, options = _options(case)
    welsh = dataclasses.replace(options, language="cy")
    data = peeldocs.render(peeldocs.build_pack(report, welsh), "pdf", welsh)
    assert pdf_pages(data) == 1
