"""Read 21 of the s.55 response: what an editorial reader still found, and its fixes.

Each is asserted on what a reader gets, in PDF, DOCX and HTML text (and the DOCX
as LibreOffice lays it out):

1. (fault 2) A plan target passed with the work open has a marked place in the letter
   (read 23-S: for the new date only; why it slipped is the commissioner's choice, in the notes).
2. (fault 3) The plan's latest update is said to be the force's report, quoted as recorded
   (read 23-S: "Progress: The force reported on …").
3. (fault 4) The running header names the local policing body (a place to complete
   where it is not known), then the report: never the force, on the body's letter.
4. (fault 6) "must explain" (s.55(5B)); "Target date"; "Statutory basis" said once;
   a recommendation in the findings' text is "set out in the report's findings on …".
5. (fault 7) A recommendation addressed to more than the force: the notes suggest
   agreeing its response with the others named and their local policing bodies.
6. (fault 10) A current and an earlier finding the letter cross-refers: the notes
   say one action may answer both.
7. (fault 8) DOCX: "Response to each finding" is never the last line of a page.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
from datetime import date
from pathlib import Path

import docx
import pypdf
import pytest
from clients import convert_with_libreoffice
from docread import rendered, text_of
from docread import s55_cases as _cases
from docread import s55_text as _text

import peeldocs
from peeldocs.build.documents import untranslated_wording
from peeldocs.model import Report
from peeldocs.options import Options

FORMATS = ("pdf", "docx", "html")
NOTES = "Before publishing: notes for the preparer (remove this part)"


def _parts(report: Report, options: Options, fmt: str) -> tuple[str, str]:
    letter, notes = _text(report, options, fmt).replace("• ", "").split(NOTES)
    return letter, notes


# --- 1 and 2. a missed plan target, and the plan's latest update ------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missed_target_has_a_marked_place_for_the_new_date(fmt: str, norfolk: Report,
                                                             example: Report) -> None:
    letter, notes = _parts(*_cases(norfolk, example)["norfolk-with-plan"], fmt)
    entry = letter[letter.index("Reference E-2017-AFI-1"):]
    assert ("Revised target date {to be completed: the new target date} Reason for the new date "
            "{to be completed: the reason for the new date, or delete this row} Yours sincerely"
            ) in entry
    assert "Response to each finding: the new target date (1 of the 5 findings)" in notes
    assert "why the target was missed" not in letter + notes  # read 23-S: optional, not asked
    # only where a target passed with the work open: not for one ahead, nor one completed
    for ref, end in (("E2-AFI-1", "Reference E2-AFI-2"), ("E2-AFI-3", "Reference E-2017-AFI-1")):
        part = letter[letter.index(f"Reference {ref}"):letter.index(end)]
        assert "new target date" not in part, ref


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_latest_update_is_the_forces_report_quoted(fmt: str, norfolk: Report,
                                                      example: Report) -> None:
    letter, notes = _parts(*_cases(norfolk, example)["norfolk-with-plan"], fmt)
    assert ("Progress On 2 September 2019, when the target date was 30 September 2019, the force reported: “Example update. First dip "
            "sample complete; target moved to allow a second.” My assessment {to be completed: the commissioner’s view of this progress, or delete this row} Owner") in letter
    assert ("Progress On 20 August 2019 the force reported: “Example update. Lead appointed; "
            "training review under way.” My assessment {to be completed: the commissioner’s view of this progress, or delete this row} Owner") in letter
    assert ("For these findings the letter gives the actions, their status and latest updates that "
            "the force’s "
            "action plan records") in notes


# --- 3. the running header ---------------------------------------------------------------------

def _headers(report: Report, options: Options) -> dict[str, list[str]]:
    """The running header as each format gives it: every PDF page's first line, the DOCX's."""
    pdf = pypdf.PdfReader(io.BytesIO(rendered(report, options, "pdf")))
    document = docx.Document(io.BytesIO(rendered(report, options, "docx")))
    html = rendered(report, options, "html").decode("utf-8")
    return {
        "pdf": [" ".join(line for line in p.extract_text().splitlines()
                         if "·" in line) for p in pdf.pages],
        "docx": [p.text.replace("\u00a0", " ") for s in document.sections  # phrases kept whole
                 for p in s.header.paragraphs if "·" in p.text],
        "html": [re.sub(r"<[^>]+>", "", t)  # a place to complete is marked (read 29-S)
                 for t in re.findall(r'<p class="running"[^>]*>(.*?)</p>', html)],
    }


def test_every_page_is_headed_by_the_local_policing_body_then_the_report(
        norfolk: Report, example: Report) -> None:
    cases = _cases(norfolk, example)
    wanted = {"norfolk-with-plan": "Police and Crime Commissioner for Norfolk · Response to "
                                   "HMICFRS PEEL 2018/19 effectiveness inspection",
              "exampleshire": "{to be completed: the local policing body} · Response to "
                              "HMICFRS PEEL 2023–25 force assessment"}
    for name, head in wanted.items():
        for fmt, found in _headers(*cases[name]).items():
            assert found, (name, fmt)
            for line in found:
                assert line.startswith(head), (name, fmt, line)
                assert "Constabulary ·" not in line, (name, fmt, line)
    # an unknown body is a place to complete, listed with the others
    _letter, notes = _parts(*cases["exampleshire"], "pdf")
    for fmt in FORMATS:  # one wording true of a page header and of a web page's (read 23-S)
        _letter, notes = _parts(*cases["exampleshire"], fmt)
        assert "In the header: the local policing body" in notes, fmt
        assert "each page" not in notes, fmt
    _letter, notes = _parts(*cases["norfolk-no-plan"], "pdf")
    assert "In the header" not in notes
    # the other kinds keep the force's name
    paper = peeldocs.build_pack(norfolk, dataclasses.replace(cases["norfolk-no-plan"][1],
                                                             document="committee"))
    assert paper.metadata.running_title == "Norfolk Constabulary · PEEL 2018/19 effectiveness"


def test_a_body_the_table_dates_heads_the_pages_as_it_signs() -> None:
    """North Yorkshire's functions moved to its mayor in 2024: the header follows the date."""
    report = peeldocs.load_report(Path(__file__).resolve().parent.parent / "data" /
                                  "norfolk-2018-effectiveness.yaml")
    from peeldocs.model import Force

    york = dataclasses.replace(report, force=Force("North Yorkshire Police", "North Yorkshire"))
    for on, office in ((date(2019, 6, 1), "Police, Fire and Crime Commissioner for North "
                                          "Yorkshire"),
                       (date(2024, 6, 1), "Mayor of York and North Yorkshire")):
        pack = peeldocs.build_pack(york, Options(document="s55", published=date(2019, 5, 2),
                                                 as_of=on))
        assert pack.metadata.running_title.startswith(f"{office} · Response to HMICFRS"), on
        signed = [b.runs for b in pack.blocks() if isinstance(b, peeldocs.blocks.Paragraph)]
        assert any(office in "".join(getattr(r, "text", "") for r in runs) for runs in signed)


# --- 4. wording ---------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_letters_wording(fmt: str, norfolk: Report, example: Report) -> None:
    for name, (report, options) in _cases(norfolk, example).items():
        letter, _notes = _parts(report, options, fmt)
        assert ("my comments must explain the action I have taken or propose to take in response "
                "to it, or why I have not taken or do not propose to take any action.") in letter, name
        assert "comments explain" not in letter, name
        assert letter.count("Statutory basis") == 1, name  # the row at the top; no heading
        assert "Statutory basis Police Act 1996, section 55" in letter, name
        findings = letter[letter.index("Response to each finding"):]  # the top's "Date" is the letter's
        assert not re.search(r"\bDate (?:\{|Original|Target|Completed|\d)", findings), name
        assert "made in the text" not in letter.split("Reference ", 1)[1], name
    letter, _notes = _parts(*_cases(norfolk, example)["norfolk-no-plan"], fmt)
    assert ("Reference E5-REC-1; question 5: ‘How effective are the force’s specialist "
            "capabilities?’; set out in the report’s findings on that question. We recommend"
            in letter)
    assert "Target date {to be completed: the target date, or delete this row if no action is proposed}" in letter


# --- 5 and 6. the preparer's notes --------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_joint_recommendation_is_to_be_agreed_with_the_others(fmt: str, norfolk: Report,
                                                                example: Report) -> None:
    cases = _cases(norfolk, example)
    for name in ("norfolk-with-plan", "norfolk-no-plan"):
        letter, notes = _parts(*cases[name], fmt)
        assert ("E5-REC-1 is addressed to Norfolk and Suffolk Constabularies, to work with other "
                "forces in the east of England: consider agreeing its response with the other "
                "forces named and their local policing bodies.") in notes, name
        assert "agreeing its response" not in letter
    # recommendations to the force alone: nothing said
    _letter, notes = _parts(*cases["exampleshire"], fmt)
    assert "is addressed to" not in notes


@pytest.mark.parametrize("fmt", FORMATS)
def test_findings_on_one_subject_may_share_one_action(fmt: str, norfolk: Report,
                                                      example: Report) -> None:
    cases = _cases(norfolk, example)
    letter, notes = _parts(*cases["exampleshire"], fmt)
    # answered after the current cause of concern on its area (read 23-S), and pointed to it by
    # its headings' numbers (read 25-S); nothing to point out in the notes
    # read 35: one line pointing to where both are answered, no second table
    assert ("This cause of concern is on the same subject as cause of concern 1 above; the "
            "action on both is given under recommendation 1 above.") in letter
    assert "See also A" not in letter
    assert "cross-refers" not in notes
    assert "may answer both" not in letter
    # Norfolk's earlier finding is answered straight after its question's: no cross-reference
    _letter, notes = _parts(*cases["norfolk-no-plan"], fmt)
    assert "cross-refers" not in notes


# --- Welsh ---------------------------------------------------------------------------------------

def test_the_new_wording_has_welsh(norfolk: Report, example: Report) -> None:
    for report, options in _cases(norfolk, example).values():
        welsh = dataclasses.replace(options, language="cy")
        missing = " | ".join(untranslated_wording(report, welsh))
        for new in ("must explain", "Target date", "Progress", "The force reported", "sets out",
                    "in response to", "set out in", "is addressed to", "cross-refers",
                    "may answer both", "In the header", "newer update", "Completed",
                    "the reason for", "current position", "no action is proposed"):
            assert new not in missing, (new, missing)
    welsh = dataclasses.replace(_cases(norfolk, example)["norfolk-with-plan"][1], language="cy")
    pack = peeldocs.build_pack(norfolk, welsh)
    assert pack.metadata.running_title == ("Comisiynydd Heddlu a Throseddu Norfolk · Ymateb i "
                                           "arolygiad PEEL 2018/19 HMICFRS (effeithiolrwydd)")
    text = " ".join(text_of(peeldocs.render(pack, "pdf", welsh), "pdf").split())
    assert "Dyddiad targed diwygiedig {i’w gwblhau: y dyddiad targed newydd}" in text
    assert "rhaid i’m sylwadau egluro" in text


# --- 7. DOCX as LibreOffice lays it out --------------------------------------------------------

@pytest.mark.xdist_group("libreoffice")
def test_docx_never_leaves_the_findings_heading_at_a_page_foot(
        norfolk: Report, example: Report, tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (Debian libreoffice-writer-nogui) is not installed")
    paths = []
    for name, (report, options) in _cases(norfolk, example).items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(rendered(report, options, "docx"))
        paths.append(path)
    for source, pdf in convert_with_libreoffice(paths, tmp_path / "lo").items():
        for page in pypdf.PdfReader(pdf).pages:
            lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()
                     and not re.fullmatch(r"(OFFICIAL|Page \d+ of \d+|Preparer’s notes, page "
                                          r"\d+ of \d+)", line.strip())]
            if "Response to each finding" in lines:
                at = lines.index("Response to each finding")
                assert lines[at + 1].startswith("Each finding is quoted"), (source.name,
                                                                             lines[at:])
