"""Every registered renderer handles every block type, and refuses what it does not know."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest

import peeldocs
from peeldocs import blocks as b
from peeldocs.build.registry import available_renderers, get_renderer
from peeldocs.errors import UnknownFormatError, UnsupportedBlockError
from peeldocs.options import Options


def every_block() -> tuple[b.Block, ...]:
    cell = b.Cell(b.plain("x"))
    chart = b.BarChart(("A",), (b.Series("S", (1.0,)),))
    return (
        b.Heading(1, "Heading", "h"),
        b.Paragraph((b.Text("Paragraph "), b.Placeholder("the finance"))),
        b.NumberedParagraph("1.1", (b.Text("Numbered "), b.Placeholder("lead"))),
        b.BulletList((b.plain("item"),)), b.Table(((cell,),), ((cell,),), (1,), "t"),
        b.GradeBadge("Good", b.Tone.GOOD, "note"), b.StatPanel((b.Stat("3", "things"),)),
        b.Figure(chart, "alt", "caption"), b.Callout("c", (b.Paragraph(b.plain("in")),)),
        b.PageBreak(), b.Contents(),
    )


def test_every_block_type_is_covered_by_the_sample() -> None:
    assert {type(blk) for blk in every_block()} == set(b.BLOCK_TYPES)


@pytest.mark.parametrize("fmt", sorted(available_renderers()))
def test_renderer_handles_every_block(fmt: str) -> None:
    meta = b.Metadata("T", "S", "A", ("k",), datetime(2020, 1, 1, tzinfo=timezone.utc))
    pack = b.Pack(meta, (b.Section("all", every_block()),))
    out = get_renderer(fmt).render(pack, Options())
    assert len(out) > 50
    magic = {"pdf": b"%PDF-", "docx": b"PK", "html": b"<!DOCTYPE html>"}
    assert out.startswith(magic.get(fmt, b""))


@pytest.mark.parametrize("fmt", sorted(available_renderers()))
def test_placeholders_and_numbers_reach_the_reader(fmt: str) -> None:
    meta = b.Metadata("T", "S", "A", ("k",), datetime(2020, 1, 1, tzinfo=timezone.utc))
    blocks = (b.NumberedParagraph("4.2", (b.Text("Finance: "), b.Placeholder("the finance"))),)
    out = get_renderer(fmt).render(b.Pack(meta, (b.Section("s", blocks),)), Options())
    if fmt == "pdf":
        import io

        import pypdf

        text = pypdf.PdfReader(io.BytesIO(out)).pages[0].extract_text()
    elif fmt == "docx":
        import io

        import docx

        text = "\n".join(p.text for p in docx.Document(io.BytesIO(out)).paragraphs)
    else:
        text = out.decode("utf-8").replace("\\", "")
    assert "4.2" in text
    assert "{to be completed: the finance}" in text


def test_a_page_limited_section_never_spills() -> None:
    from peeldocs.errors import PageLimitError

    meta = b.Metadata("T", "S", "A", ("k",), datetime(2020, 1, 1, tzinfo=timezone.utc))
    long = tuple(b.Paragraph(b.plain(f"Line {n}")) for n in range(200))
    pack = b.Pack(meta, (b.Section("brief", long, page_limit=1),))
    with pytest.raises(PageLimitError, match="'brief' section must fit on 1 page"):
        get_renderer("pdf").render(pack, Options())
    fits = b.Pack(meta, (b.Section("brief", long[:10], page_limit=1),))
    assert get_renderer("pdf").render(fits, Options()).startswith(b"%PDF-")


@dataclass(frozen=True)
class Unknown:
    """A block no renderer knows."""


@pytest.mark.parametrize("fmt", sorted(available_renderers()))
def test_unknown_block_is_an_error_not_a_skip(fmt: str) -> None:
    meta = b.Metadata("T", "S", "A", ("k",), datetime(2020, 1, 1, tzinfo=timezone.utc))
    pack = b.Pack(meta, (b.Section("x", (Unknown(),)),))  # type: ignore[arg-type]
    with pytest.raises(UnsupportedBlockError, match="Unknown"):
        get_renderer(fmt).render(pack, Options())


def test_builtin_renderers_are_registered_as_entry_points() -> None:
    found = available_renderers()
    assert found["pdf"].startswith("peeldocs.renderers.pdf.renderer:PdfRenderer")
    assert found["docx"].startswith("peeldocs.renderers.docx.renderer:DocxRenderer")


def test_unknown_format_lists_the_available() -> None:
    with pytest.raises(UnknownFormatError, match=r"available: docx, html, (markdown, )?pdf"):
        get_renderer("odt")


def test_import_is_light() -> None:
    code = ("import sys, peeldocs; peeldocs.load_report; "
            "print(sorted(m for m in ('reportlab', 'docx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_wheel_ships_templates_fonts_and_typing(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    uv = Path(sys.executable).parent / "uv"  # a fifth of pip's time, where make test put it
    command = ([str(uv), "build", "--wheel", "-q", "-o", str(tmp_path), str(root)] if uv.exists()
               else [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                     str(root)])
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0 and ("Could not" in result.stderr or "network" in result.stderr):
        pytest.skip(f"cannot fetch the build backend here: {result.stderr.strip()[:200]}")
    assert result.returncode == 0, result.stderr
    import zipfile

    (wheel,) = tmp_path.glob("peeldocs-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("peeldocs/templates/text/headline.j2", "peeldocs/templates/docx/reference.docx",
                   "peeldocs/templates/themes/default.yaml", "peeldocs/py.typed",
                   "peeldocs/fonts/LiberationSans-Regular.ttf",
                   "peeldocs/fonts/LICENSE-Liberation.txt"):
        assert needed in names, needed
    assert peeldocs.__version__ in wheel.name
