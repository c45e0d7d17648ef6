"""A reference DOCX is untrusted: a zip bomb is refused before it is unpacked, and nothing
external it names (an attached template, a linked picture, a hyperlink) reaches a pack.

Both documents are generated here from the shipped reference document."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import DATA

from peeldocs.resources import templates_root

REFERENCE = templates_root() / "docx" / "reference.docx"
EVIL = "https://evil.example/template.dotm"


def _copy_with(dest: Path, extra: dict[str, bytes], edit: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(REFERENCE) as zin, \
            zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for item in zin.infolist():
            zout.writestr(item, (edit or {}).get(item.filename, zin.read(item.filename)))
        for name, data in extra.items():
            zout.writestr(name, data)
    return dest


_PEAK_WRAPPER = """
import re, runpy, sys
sys.argv = ["peeldocs", *sys.argv[1:]]
try:
    runpy.run_module("peeldocs.cli", run_name="__main__")
finally:
    with open("/proc/self/status", encoding="ascii") as status:
        peak = re.search(r"VmHWM:\\s+(\\d+)", status.read())
    sys.stderr.write(f"PEAK_KB={peak.group(1) if peak else 0}\\n")
"""


def test_a_reference_document_bomb_is_refused_in_little_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(REFERENCE) as zin, \
            zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        with zout.open("word/media/zeros.bin", "w", force_zip64=True) as fh:
            chunk = bytes(1 << 24)
            for _ in range(32):  # 512 MB of zeros in a file of about 2.5 MB
                fh.write(chunk)
    assert bomb.stat().st_size < 4 * 1024 * 1024
    # The child reports its own peak (VmHWM belongs to its own address space; the
    # suite's other children and this process's size do not count).
    run = subprocess.run([sys.executable, "-c", _PEAK_WRAPPER, "build", str(DATA), "--format",
                          "docx", "--reference-docx", str(bomb), "--out", str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    assert "zeros.bin unpacks to 512 MB; a part is limited to 32 MB" in run.stderr
    assert "internal error" not in run.stderr
    peak_kb = int(re.search(r"PEAK_KB=(\d+)", run.stderr).group(1))  # type: ignore[union-attr]
    assert peak_kb < 400 * 1024  # kilobytes: the bomb was never unpacked


def test_nothing_external_in_a_reference_document_reaches_a_pack(tmp_path: Path) -> None:
    with zipfile.ZipFile(REFERENCE) as zin:
        settings = zin.read("word/settings.xml").decode("utf-8")
        rels_name = "word/_rels/settings.xml.rels"
        rels = zin.read(rels_name).decode("utf-8") if rels_name in zin.namelist() else (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
            '"http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>')
    rels = rels.replace("</Relationships>", (
        '<Relationship Id="rIdEvil" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/attachedTemplate" Target="{EVIL}" TargetMode="External"/>'
        "</Relationships>"))
    settings = re.sub(r"(<w:settings[^>]*>)", r'\1<w:attachedTemplate r:id="rIdEvil"/>', settings,
                      count=1)
    if "xmlns:r=" not in settings.split(">", 2)[1]:
        settings = settings.replace("<w:settings ", '<w:settings xmlns:r="http://schemas.'
                                    'openxmlformats.org/officeDocument/2006/relationships" ', 1)
    reference = tmp_path / "ref.docx"
    with zipfile.ZipFile(REFERENCE) as zin, zipfile.ZipFile(reference, "w") as zout:
        for item in zin.infolist():
            if item.filename not in ("word/settings.xml", rels_name):
                zout.writestr(item, zin.read(item.filename))
        zout.writestr("word/settings.xml", settings)
        zout.writestr(rels_name, rels)
    from peeldocs.cli import main

    out = tmp_path / "out"
    assert main(["build", str(DATA), "--format", "docx", "--reference-docx", str(reference),
                 "--out", str(out), "--quiet"]) == 0
    (docx_path,) = out.glob("*.docx")
    with zipfile.ZipFile(docx_path) as z:
        for name in z.namelist():
            if name.endswith((".rels", ".xml")):
                text = z.read(name).decode("utf-8", "replace")
                assert EVIL not in text, name
                assert 'TargetMode="External"' not in text or "hyperlink" in text, name
        assert b"attachedTemplate" not in z.read("word/settings.xml")
