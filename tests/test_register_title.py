"""Issue 23: the register is titled by what it holds, the same in every format and the manual.

Its actions answer recommendations, areas for improvement and causes of concern
(and earlier findings carried forward), not recommendations alone, so the title
names the kinds its plans answer; read back as a reader gets each format.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import openpyxl
import pypdf
from docread import REGISTER_PLANS

import peeldocs

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "exampleshire-2023-25-assessment.yaml"
TITLE = ("Register of actions on HMICFRS recommendations and areas for improvement as of "
         "15 October 2024")


def _written(plans: list[Path], folder: Path) -> dict[str, Path]:
    reg = peeldocs.register(plans, as_of="2024-10-15")
    paths = peeldocs.write_register(reg, "pdf,docx,html,xlsx", folder, document="register")
    return {p.suffix[1:]: p for p in paths}


def _titles(files: dict[str, Path]) -> dict[str, tuple[str, ...]]:
    """Each format's title in its metadata, and its first heading, as a reader gets them."""
    reader = pypdf.PdfReader(files["pdf"])
    first = " ".join(reader.pages[0].extract_text().split())
    document = docx.Document(str(files["docx"]))
    (heading,) = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    page = files["html"].read_text(encoding="utf-8")
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert h1 and title
    book = openpyxl.load_workbook(files["xlsx"])
    return {"pdf": (str(reader.metadata.title), first),
            "docx": (document.core_properties.title, heading),
            "html": (re.sub(r"<[^>]+>", "", title.group(1)), re.sub(r"<[^>]+>", "", h1.group(1))),
            "xlsx": (book.properties.title,)}


def test_the_register_is_titled_by_the_kinds_of_finding_it_tracks(tmp_path: Path) -> None:
    files = _written(REGISTER_PLANS, tmp_path / "examples")
    for fmt, said in _titles(files).items():
        for text in said:
            assert " ".join(text.split()).startswith(TITLE) or TITLE in " ".join(
                text.split()), (fmt, text)
            assert "Register of inspection recommendations" not in text, fmt
    assert "recommendations and areas for improvement" in \
        str(pypdf.PdfReader(files["pdf"]).metadata.subject)
    # the manual says what the register is called
    manual = " ".join((ROOT / "docs" / "register.md").read_text(encoding="utf-8").split())
    assert "Register of actions on HMICFRS recommendations and areas for improvement" in manual
    assert "Register of inspection recommendations" not in manual


def test_a_register_with_causes_of_concern_names_them(tmp_path: Path) -> None:
    report = peeldocs.load_report(EXAMPLE)
    plan = tmp_path / "exampleshire-plan.yaml"
    peeldocs.init_plan(report, plan, str(EXAMPLE))
    files = _written([plan], tmp_path / "out")
    # the one plan records its force: the register is that force's, and says so first
    wanted = ("Exampleshire Constabulary: register of actions on HMICFRS recommendations, areas "
              "for improvement and causes of concern as of 15 October 2024")
    for fmt, said in _titles(files).items():
        assert wanted in " ".join(said[0].split()), (fmt, said)
