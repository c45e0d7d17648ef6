"""Property tests: any text anywhere builds or fails with a clear peeldocs error, and
nothing the user wrote is lost."""

from __future__ import annotations

import contextlib
import dataclasses
import re
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import peeldocs
from peeldocs.errors import DataError, PeeldocsError
from peeldocs.model import Finding, FindingSection, Report
from peeldocs.options import Options
from peeldocs.plans.files import init_plan

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")

nasty = st.one_of(
    st.text(min_size=0, max_size=80),
    st.sampled_from(["<para>", "<b>&</b>", "&amp;", "]]>", "{{ x }}", "{% raw %}", "\u202e",
                     "שלום עולם", "🚓🚔", "Gŵyl ŷd", "", " ", "\t", "\x00\x07", "\ufeff",
                     "a" * 10_000, "|---|", "*_`#"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
)


@given(st.text(max_size=300))
def test_any_text_loads_or_gives_a_data_error(text: str) -> None:
    try:
        peeldocs.parse_report(text, "fuzz.yaml")
    except DataError as exc:
        assert exc.problems and all(str(p).startswith("fuzz.yaml") for p in exc.problems)


@given(st.binary(max_size=300))
def test_any_bytes_load_or_give_a_data_error(data: bytes) -> None:
    with contextlib.suppress(DataError):
        peeldocs.parse_report(data, "fuzz.yaml")


def visible(text: str) -> str:
    """What a reader should find: control characters shown as U+FFFD, spaces folded."""
    return " ".join(CONTROL.sub("\ufffd", text).replace("\ufeff", "").split())


def with_text(report: Report, text: str) -> Report:
    q1 = report.questions[0]
    q1 = dataclasses.replace(
        q1, areas_for_improvement=(Finding("E1-AFI-X", text or "x"),),
        findings=(FindingSection(text or None, (text,)),))
    return dataclasses.replace(report, questions=(q1, *report.questions[1:]), summary=(text,),
                               force=dataclasses.replace(report.force, name=text or "x"))


@given(nasty)
def test_any_text_round_trips_through_yaml(text: str) -> None:
    from conftest import DATA

    report = with_text(peeldocs.load_report(DATA), text)
    try:
        again = peeldocs.parse_report(peeldocs.dump_report(report), "dumped.yaml")
    except DataError as exc:  # only text YAML cannot hold at all may be refused
        assert CONTROL.search(text) or "\ufeff" in text, exc
        return
    assert again == report


@settings(max_examples=12)  # each renders three documents; the round trip above tries 25
@given(nasty)
def test_any_text_renders_in_every_format_and_is_not_lost(text: str) -> None:
    from conftest import DATA
    from docxread import all_text

    report = with_text(peeldocs.load_report(DATA), text)
    options = Options(sections=("cover", "summary", "questions"))
    pack = peeldocs.build_pack(report, options)
    for fmt in ("pdf", "docx", "html"):
        try:
            out = peeldocs.render(pack, fmt, options)
        except PeeldocsError:
            continue  # a clear error is acceptable; a crash is not
        want = visible(text)
        if not want:
            continue
        if fmt == "html":
            import html as html_lib

            page = html_lib.unescape(re.sub(r"<[^>]+>", " ", out.decode("utf-8")))
            assert want in " ".join(page.split())
        elif fmt == "docx":
            import io

            import docx

            assert want in " ".join(all_text(docx.Document(io.BytesIO(out))).split())
        else:
            assert out.startswith(b"%PDF-")


@given(st.lists(st.tuples(st.integers(min_value=0, max_value=400),
                          st.sampled_from(["# a note of mine", "    owner: Me  # mine",
                                           "# ŵ <b>&</b>", "\n"])), max_size=5))
def test_actions_init_never_loses_user_lines(edits: list[tuple[int, str]]) -> None:
    import tempfile

    from conftest import DATA

    report = peeldocs.load_report(DATA)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        init_plan(report, path)
        lines = path.read_text().splitlines()
        for position, text in edits:  # user comments, anywhere
            if text.startswith("#") or text == "\n":
                lines.insert(min(position, len(lines)), text.strip("\n"))
        edited = "\n".join(lines) + "\n"
        try:
            yaml.safe_load(edited)
        except yaml.YAMLError:
            return
        path.write_text(edited)
        q2 = report.question(2)
        corrected = dataclasses.replace(report, questions=(
            report.questions[0],
            dataclasses.replace(q2, areas_for_improvement=(*q2.areas_for_improvement,
                                                           Finding("E2-AFI-9", "New."))),
            *report.questions[2:]))
        init_plan(corrected, path)
        new = path.read_text().splitlines()
        it = iter(new)
        assert all(any(line == other for other in it) for line in edited.splitlines())
