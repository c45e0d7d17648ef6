"""How full each page of a PDF is, as a reader sees it: for finding wasted pages.

A page's *fullness* is the share of its text area (the page less the
margins, where the running header and footer sit) covered by drawn text:
the vertical union of the pdfplumber character boxes inside the text area,
with the gaps between them no taller than a line (:data:`LINE_GAP`) counted
as covered, over the text area's height.  A page of running text or of a
table to its foot scores about 0.9, a page with two lines at its head about
0.04.  Graphics are not text: a page holding only a chart scores by its labels.

The boxes come from poppler's ``pdftotext -bbox`` (words, fast) where it is
installed, else from pdfplumber's characters (slower, same measure: a test
checks the two agree).  The DOCX is measured as LibreOffice lays it out: :func:`convert_with_libreoffice`
turns any number of files into PDF, in one LibreOffice kept running for the test
process (``lo_server.py``, through Debian's python3-uno), else in one ``soffice`` call.
"""

from __future__ import annotations

import atexit
import html
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber

from peeldocs.plans.workbook_values import header_breaks

# the margins of peeldocs' pages, in points: PDF (renderers/pdf/renderer.py) and the
# reference DOCX (templates/docx/reference.docx) share them within a point
TOP, BOTTOM, SIDE = 62.0, 56.0, 56.0
LINE_GAP = 14.0  # a gap between two lines of text up to this tall is part of the text
SPARSE = 0.2  # less than a fifth full


@dataclass(frozen=True)
class Page:
    """One page: its number (from 1), fullness, orientation and first line of text."""

    number: int
    fullness: float
    landscape: bool
    first_line: str


def _covered(bands: list[tuple[float, float]]) -> float:
    total, start, end = 0.0, None, None
    for top, bottom in sorted(bands):
        if end is not None and top <= end + LINE_GAP:
            end = max(end, bottom)
            continue
        if start is not None and end is not None:
            total += end - start
        start, end = top, bottom
    if start is not None and end is not None:
        total += end - start
    return total


def pages(path: Path, top: float = TOP, bottom: float = BOTTOM, side: float = SIDE) -> list[Page]:
    """Return every page of the PDF at ``path`` with its fullness."""
    if shutil.which("pdftotext") is not None:
        return poppler_pages(path, top, bottom, side)
    return plumber_pages(path, top, bottom, side)


def plumber_pages(path: Path, top: float = TOP, bottom: float = BOTTOM,
                  side: float = SIDE) -> list[Page]:
    """:func:`pages` from pdfplumber's character boxes."""
    out = []
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            x0, x1, y0, y1 = side, page.width - side, top, page.height - bottom
            chars = [c for c in page.chars if c["text"].strip() and c["x1"] > x0
                     and c["x0"] < x1 and c["bottom"] > y0 and c["top"] < y1]
            bands = [(max(c["top"], y0), min(c["bottom"], y1)) for c in chars]
            lines = (page.crop((x0, y0, x1, y1)).extract_text() or "").strip().splitlines()
            out.append(Page(n, round(_covered(bands) / (y1 - y0), 3), page.width > page.height,
                            lines[0] if lines else ""))
    return out


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"(.*?)</word>", re.S)


@dataclass(frozen=True)
class Word:
    """A word poppler places on a page: its box in points from the page's top left."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str


def poppler_words(source: Path | bytes) -> list[tuple[float, float, list[Word]]]:
    """Return each page's width, height and words, from poppler's ``pdftotext -bbox``.

    About thirty times as fast as pdfplumber's characters for a whole document.
    """
    path, data = (str(source), None) if isinstance(source, Path) else ("-", source)
    done = subprocess.run(["pdftotext", "-bbox", path, "-"], check=True, input=data,
                          capture_output=True, timeout=120)
    return [(float(width), float(height),
             [Word(float(a), float(b), float(c), float(d), html.unescape(text))
              for a, b, c, d, text in _WORD.findall(body) if text.strip()])
            for width, height, body in _PAGE.findall(done.stdout.decode("utf-8"))]


def poppler_pages(path: Path, top: float = TOP, bottom: float = BOTTOM,
                  side: float = SIDE) -> list[Page]:
    """:func:`pages` from poppler's word boxes (``pdftotext -bbox``)."""
    out = []
    for n, (width, height, words) in enumerate(poppler_words(path), start=1):
        x0, x1, y0, y1 = side, width - side, top, height - bottom
        inside = [w for w in words if w.x1 > x0 and w.x0 < x1 and w.bottom > y0 and w.top < y1]
        bands = [(max(w.top, y0), min(w.bottom, y1)) for w in inside]
        head = min((w.top for w in inside), default=0.0)  # the first line: the words beside it
        first = " ".join(w.text for w in sorted(
            (w for w in inside if w.top < head + 3), key=lambda w: (w.x0, w.top, w.x1, w.bottom, w.text)))
        out.append(Page(n, round(_covered(bands) / (y1 - y0), 3), width > height, first))
    return out


def sparse_pages(path: Path, threshold: float = SPARSE,
                 exempt: Sequence[str] = ("Contents",)) -> list[Page]:
    """Return the pages less than ``threshold`` full, other than the cover, contents and last.

    The cover is the first page; a contents page is one whose first line is in
    ``exempt``; the last page of the document may end where its text ends.
    """
    found = pages(path)
    return [p for p in found[1:-1]
            if p.fullness < threshold and p.first_line.strip() not in exempt]


def _profile() -> Path:
    """LibreOffice's user profile for this process: made by its first start, reused after.

    A new profile costs each start a second or two; test processes convert one after
    another, so one profile each is never used by two starts at once.
    """
    global _PROFILE
    if _PROFILE is None:
        _PROFILE = Path(tempfile.mkdtemp(prefix="peeldocs-libreoffice-"))
        atexit.register(shutil.rmtree, _PROFILE, True)
    return _PROFILE


_PROFILE: Path | None = None
SYSTEM_PYTHON = Path("/usr/bin/python3")  # Debian's, which has python3-uno
_SERVER: subprocess.Popen[str] | bool | None = None


def _server() -> subprocess.Popen[str] | None:
    """Return this process's running LibreOffice (``lo_server.py``), started on first use.

    None where Debian's python3 has no UNO bridge, or the server does not start:
    the caller then starts ``soffice --convert-to`` itself.
    """
    global _SERVER
    if _SERVER is None:
        _SERVER = False
        if SYSTEM_PYTHON.exists() and subprocess.run(
                [str(SYSTEM_PYTHON), "-c", "import uno"], capture_output=True).returncode == 0:
            process = subprocess.Popen(
                [str(SYSTEM_PYTHON), str(Path(__file__).with_name("lo_server.py")),
                 str(_profile())], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            assert process.stdout is not None
            if json.loads(process.stdout.readline() or "{}").get("ready"):
                _SERVER = process
                atexit.register(_stop, process)
            else:
                process.kill()
    return _SERVER if isinstance(_SERVER, subprocess.Popen) else None


def _stop(process: subprocess.Popen[str]) -> None:
    """End the server: it closes LibreOffice when its input ends."""
    if process.stdin is not None:
        process.stdin.close()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def convert_with_libreoffice(paths: Sequence[Path], folder: Path) -> dict[Path, Path]:
    """Convert files to PDF with LibreOffice in one call; return each file's PDF.

    Files with the same name are copied apart first so that none overwrites another.
    """
    soffice = shutil.which("soffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    inputs, out = [], {}
    (folder / "in").mkdir(parents=True, exist_ok=True)
    for n, path in enumerate(paths):
        copy = folder / "in" / f"{n:03d}-{path.name}"
        shutil.copyfile(path, copy)
        inputs.append(copy)
        out[path] = folder / "pdf" / (copy.stem + ".pdf")
    server = _server()
    if server is not None:
        assert server.stdin is not None and server.stdout is not None
        server.stdin.write(json.dumps({"inputs": list(map(str, inputs)),
                                       "outdir": str(folder / "pdf")}) + "\n")
        server.stdin.flush()
        reply = json.loads(server.stdout.readline() or '{"error": "the server stopped"}')
        if "error" in reply:
            raise RuntimeError(f"LibreOffice could not convert {inputs}: {reply['error']}")
    else:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{_profile()}",
                        "--convert-to", "pdf", "--outdir", str(folder / "pdf"),
                        *map(str, inputs)], check=True, capture_output=True, timeout=600)
    missing = [str(p) for p, pdf in out.items() if not pdf.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not convert {missing}")
    return out


_REFERENCE = re.compile(r"'((?:[^']|'')+)'!\$?([A-Z]+)\$?(\d+)")


def _inline_references(book: Any, dropped: Sequence[str]) -> None:
    """Put into each formula the value of every cell it reads on a sheet about to be dropped.

    So a printed sheet still works its formulas out (the register's as-of date on About).
    """
    from datetime import date, datetime

    def literal(match: re.Match[str]) -> str:
        sheet = match.group(1).replace("''", "'")
        if sheet not in dropped:
            return match.group(0)
        value = book[sheet][f"{match.group(2)}{match.group(3)}"].value
        if isinstance(value, datetime | date):
            day = value.date() if isinstance(value, datetime) else value
            return str((day - date(1899, 12, 30)).days)
        if isinstance(value, int | float):
            return repr(value)
        return '"' + str(value or "").replace('"', '""') + '"'

    for ws in book.worksheets:
        if ws.title in dropped:
            continue
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" and isinstance(cell.value, str):
                    cell.value = _REFERENCE.sub(literal, cell.value)


def recalculated_workbook(path: Path, folder: Path) -> Path:
    """Open and save a workbook in LibreOffice Calc, which works every formula out again.

    The test skips, saying why, where LibreOffice is not installed.
    """
    import pytest

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    out = folder / "calc" / path.name
    server = _server()
    if server is not None:  # the test process's running LibreOffice: no start to wait for
        assert server.stdin is not None and server.stdout is not None
        server.stdin.write(json.dumps({"inputs": [str(path)], "outdir": str(out.parent),
                                       "to": "xlsx"}) + "\n")
        server.stdin.flush()
        reply = json.loads(server.stdout.readline() or '{"error": "the server stopped"}')
        if "error" in reply:
            raise RuntimeError(f"LibreOffice could not recalculate {path}: {reply['error']}")
        return out
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/lo",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir",
                    str(folder / "calc"), str(path)], check=True, capture_output=True,
                   timeout=300)
    return out


def edited_workbook(workbook: Path, edit: Callable[[Any], None], folder: Path) -> Path:
    """Edit a copy of ``workbook`` as an owner would (``edit`` gets the openpyxl book), save it
    beside the workbook as ``edited.xlsx`` and return it recalculated by LibreOffice."""
    import openpyxl

    book = openpyxl.load_workbook(workbook)
    edit(book)
    edited = workbook.resolve().parent / "edited.xlsx"
    book.save(edited)
    return recalculated_workbook(edited, folder / "edited")


def print_workbook(workbook: Path, sheets: Sequence[str], folder: Path) -> Path:
    """Print the ``sheets`` of an XLSX workbook as LibreOffice Calc prints them; return the PDF.

    The test skips, saying why, where LibreOffice or its Calc is not installed.
    """
    import openpyxl
    import pytest

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    book = openpyxl.load_workbook(workbook)
    _inline_references(book, [n for n in book.sheetnames if n not in sheets])
    for name in book.sheetnames:
        if name not in sheets:
            del book[name]
    kept = folder / f"{workbook.stem}-{len(sheets)}-sheets.xlsx"
    book.save(kept)
    kept.write_bytes(header_breaks(kept.read_bytes()))  # as the workbook was written
    try:
        path = convert_with_libreoffice([kept], folder)[kept]
    except (RuntimeError, subprocess.CalledProcessError):  # without Calc: no workbook opens
        pytest.skip("LibreOffice Calc is not installed (Debian libreoffice-calc-nogui)")
    if not path.exists():  # pragma: no cover
        pytest.skip("LibreOffice Calc is not installed (Debian libreoffice-calc-nogui)")
    return path
