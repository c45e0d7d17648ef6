"""Convert documents to PDF in one LibreOffice kept running: run by Debian's python3.

Started by ``pagefill.convert_with_libreoffice`` (``/usr/bin/python3 tests/lo_server.py
PROFILE``), it starts ``soffice`` listening on a pipe, then reads one JSON job per
line on standard input, ``{"inputs": [...], "outdir": "..."}``, converts each
input with the filter ``soffice --convert-to pdf`` would choose (Writer's for a
DOCX, Calc's for a workbook), or with ``"to": "xlsx"`` saves a workbook again
recalculated, and answers one JSON line: ``{"done": [...]}`` or
``{"error": "..."}``.  A conversion then costs a fraction of a second instead of
a LibreOffice start.  It needs Debian's python3-uno; where that is missing the
caller starts ``soffice --convert-to`` for each call as before.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]  # Debian's python3-uno
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

FILTERS = {".xlsx": "calc_pdf_Export", ".ods": "calc_pdf_Export"}
"""The PDF filter by input suffix; anything else is a Writer document."""


def _props(**values: object) -> tuple[object, ...]:
    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        out.append(prop)
    return tuple(out)


def _connect(pipe: str, office: subprocess.Popen[bytes]) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):  # up to a minute on a busy machine
        if office.poll() is not None:
            raise RuntimeError(f"soffice stopped (exit {office.returncode})")
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", context)
        except NoConnectException:
            time.sleep(0.1)
    raise RuntimeError("soffice did not answer on its pipe")


RESAVE = {"xlsx": "Calc MS Excel 2007 XML"}
"""The filters of a workbook saved again in its own format (``"to": "xlsx"``), recalculated."""


def _convert(desktop: object, path: Path, outdir: Path, to: str = "pdf") -> Path:
    url = uno.systemPathToFileUrl(str(path.resolve()))
    document = desktop.loadComponentFromURL(url, "_blank", 0, _props(Hidden=True))
    if document is None:
        raise RuntimeError(f"LibreOffice could not open {path}")
    try:
        if to in RESAVE:  # every formula worked out again, as Calc does opening it
            document.calculateAll()
            out = outdir / (path.stem + "." + to)
            document.storeToURL(uno.systemPathToFileUrl(str(out.resolve())),
                                _props(FilterName=RESAVE[to]))
            return out
        pdf = outdir / (path.stem + ".pdf")
        document.storeToURL(uno.systemPathToFileUrl(str(pdf.resolve())), _props(
            FilterName=FILTERS.get(path.suffix.lower(), "writer_pdf_Export")))
        return pdf
    finally:
        document.close(True)


def main() -> None:
    profile = Path(sys.argv[1])
    pipe = f"peeldocs-tests-{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         f"-env:UserInstallation={uno.systemPathToFileUrl(str(profile))}",
         f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        desktop = _connect(pipe, office)
        print(json.dumps({"ready": True}), flush=True)
        for line in sys.stdin:
            job = json.loads(line)
            outdir = Path(job["outdir"])
            outdir.mkdir(parents=True, exist_ok=True)
            try:
                done = [str(_convert(desktop, Path(p), outdir, job.get("to", "pdf")))
                        for p in job["inputs"]]
                print(json.dumps({"done": done}), flush=True)
            except Exception as exc:
                print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}), flush=True)
        with contextlib.suppress(Exception):  # it may go before it answers
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
