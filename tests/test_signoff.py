"""What an editor would strike through in any format: internals, ",.", repeated items.

Both Norfolk packs (without and with the example action plan) in all three
formats, read back as a reader gets them; and the HTML pack in chromium with
axe-core, at a phone's width and a desktop's.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest
from clients import AXE, AXE_TOOLS, Browser  # noqa: F401 (AXE, AXE_TOOLS: as other tests import them)
from clients import axe_ready as _axe_ready

import peeldocs
from peeldocs import blocks as b
from peeldocs.model import Report
from peeldocs.options import Marking, Options
from peeldocs.plans.files import load_plan

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "norfolk-2018-action-plan.yaml"
INTERNALS = re.compile(r"(^|\s)--[a-z]|\bpeeldocs\s+(build|actions|import)\b|\bYAML\b|\bNone\b|"
                       r"\bTrue\b|\bFalse\b|\bjinja|\btemplate\b|\bOptions\(")


def _options(norfolk: Report, planned: bool) -> Options:
    if not planned:
        return Options(marking=Marking.OFFICIAL)
    as_of = date(2019, 10, 15)
    plan = load_plan(PLAN, norfolk, as_of=as_of)
    return Options(plan=plan, as_of=as_of, marking=Marking.OFFICIAL)


@pytest.fixture(scope="module", params=[False, True], ids=["report", "with-plan"])
def built(request: pytest.FixtureRequest, norfolk: Report,
          tmp_path_factory: pytest.TempPathFactory) -> tuple[b.Pack, dict[str, Path]]:
    opts = _options(norfolk, request.param)
    paths = peeldocs.write_pack(norfolk, opts, ["pdf", "docx", "html"],
                                tmp_path_factory.mktemp("signoff"))
    return peeldocs.build_pack(norfolk, opts), {p.suffix[1:]: p for p in paths}


def _texts(paths: dict[str, Path]) -> dict[str, str]:
    import docx
    from docxread import all_text
    from pdfread import body_text

    document = docx.Document(str(paths["docx"]))
    docx_text = all_text(document) + "\n" + "\n".join(
        p.text for s in document.sections for part in (s.header, s.footer) for p in part.paragraphs)
    return {"pdf": body_text(paths["pdf"]), "docx": " ".join(docx_text.split()),
            "html": html_text(paths["html"].read_text(encoding="utf-8"))}


def html_text(page: str) -> str:
    """The text of an HTML page as a reader gets it: blocks apart, inline markup joined."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"</?(p|li|td|th|h\d|caption|figcaption|div|tr|title|desc|br|ul|ol|nav|"
                  r"header|footer|section|blockquote|figure|table)\b[^>]*>", " ", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())


def test_no_internals_and_no_stray_punctuation_in_any_format(
        built: tuple[b.Pack, dict[str, Path]]) -> None:
    for fmt, text in _texts(built[1]).items():
        assert ",." not in text and ", ." not in text and " ." not in text.replace(". . .", ""), fmt
        found = INTERNALS.search(text)
        assert found is None, f"{fmt}: {text[max(0, found.start() - 60):found.end() + 60]}"


def _lists(blocks: tuple[b.Block, ...]) -> list[b.BulletList]:
    out: list[b.BulletList] = []
    for block in blocks:
        if isinstance(block, b.BulletList):
            out.append(block)
        elif isinstance(block, b.Callout):
            out += _lists(block.body)
    return out


def test_no_list_repeats_an_item(built: tuple[b.Pack, dict[str, Path]]) -> None:
    pack, paths = built
    lists = _lists(pack.blocks())
    assert lists
    for lst in lists:
        items = [b.inline_text(item) for item in lst.items]
        assert len(items) == len(set(items)), items
    page = paths["html"].read_text(encoding="utf-8")  # and as the HTML reader gets them
    for ul in re.findall(r"<ul>(.*?)</ul>", page, re.S):
        items = [html_text(li) for li in re.findall(r"<li>(.*?)</li>", ul, re.S)]
        assert len(items) == len(set(items)), items


def test_earlier_findings_are_named_by_their_own_text(built: tuple[b.Pack, dict[str, Path]]) -> None:
    text = _texts(built[1])["pdf"]
    # quoted once under their references: those addressed with their question, the one
    # carried forward with the summary's live findings (issue 23), named again elsewhere
    # those addressed are named with their question, whose quoted findings hold their words
    for ref, words in (("E-2016-AFI-1", "the force needed to further develop"),
                       ("E-2016-AFI-2", "needed to enhance its approach")):
        # read 33: its opening sentence quoted in the box, so a reader knows what it was about
        assert f"{ref} 2016 area for improvement: “… " in text
        assert text.count(words) == 2, words  # the box's opening, and the question's text
    assert "E-2017-AFI-1: [The area for improvement] was to ensure that [the force] put appropriate " \
           "supervision" in text
    assert "E-2017-AFI-1 (2017 area for improvement, quoted in the executive summary)" in text
    # alone, the fragment is always marked; unmarked only inside its own quoted paragraph
    assert text.count("This was to ensure") == text.count(
        "gave the force an area for improvement. This was to ensure")


def test_generated_sentences_read_as_english(built: tuple[b.Pack, dict[str, Path]]) -> None:
    for fmt, text in _texts(built[1]).items():
        assert "third highest in England and Wales" in text, fmt
        assert "in line with England and Wales" in text, fmt
        for bad in ("highest England", "in line England", "(by hand)", "set by hand says",
                    "deadline is unknown", "no recommendations"):
            assert bad not in text, (fmt, bad)
        # a sentence of ours never starts with a numeral
        for sentence in re.findall(r"(?:^|[.!?] )(\d{1,3} [a-z]+ [a-z]+)", text):
            assert not re.match(r"\d+ (items?|areas?|causes?|earlier|questions?) ", sentence), (
                fmt, sentence)


@pytest.mark.skipif(_axe_ready() is not None, reason=str(_axe_ready()))
@pytest.mark.xdist_group("chromium")
def test_html_with_axe_at_phone_and_desktop_widths(built: tuple[b.Pack, dict[str, Path]],
                                                   browser: Browser) -> None:
    small, phone, desktop = browser.check(built[1]["html"], (320, 390, 1280))
    for view in (small, phone, desktop):
        assert view["axe"] == [], view["axe"]  # WCAG 2.1 A and AA: no violations
        assert view["broken"] == []  # references and dates never broken mid-token
        assert view["smallestLabel"] is None or view["smallestLabel"] >= 12
        width = view["width"]
        assert view["scrollWidth"] <= width and view["cellRight"] <= width
        assert view["planRight"] <= width  # the action plan: no column off-screen
    assert desktop["planRight"] > 900  # on a desktop the plan is wider than the text column
