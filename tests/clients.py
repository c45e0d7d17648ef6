"""Other clients of our documents, started once per test run: LibreOffice and Chromium.

Starting LibreOffice or a browser costs seconds; the tests that open documents
in them share one start.  LibreOffice converts every DOCX the tests need in one
call (:func:`convert_with_libreoffice`); Chromium runs as one server
(``tools/axe_check.mjs --serve``) that checks pages with axe-core and prints
them (:class:`Browser`).  The tests that use them are in one ``xdist_group``
each, so that under pytest-xdist they run in the one worker that started it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pagefill import convert_with_libreoffice

__all__ = ["AXE", "AXE_TOOLS", "Browser", "axe_ready", "convert_with_libreoffice"]

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "tools" / "axe_check.mjs"
AXE_TOOLS = ROOT / ".axe-tools" / "node_modules"


def axe_ready() -> str | None:
    """Return why the browser checks cannot run here, or None if they can."""
    if shutil.which("node") is None:
        return "node is not installed (Debian npm)"
    if not (AXE_TOOLS / "axe-core").is_dir() or not (AXE_TOOLS / "puppeteer-core").is_dir():
        return "axe-core and puppeteer-core are not installed (tools/axe-setup.sh, run by make test)"
    if shutil.which("chromium") is None:
        return "chromium is not installed (Debian chromium)"
    return None


class Browser:
    """One Chromium, driven by ``tools/axe_check.mjs --serve``: axe checks and printing."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(["node", str(AXE), "--serve"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, cwd=ROOT)

    def _ask(self, job: dict[str, Any]) -> Any:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(job) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the browser server stopped (exit {self.process.poll()})")
        reply = json.loads(line)
        if isinstance(reply, dict) and "error" in reply:
            raise RuntimeError(f"the browser could not do {job}: {reply['error']}")
        return reply

    def check(self, path: Path, widths: Sequence[int]) -> list[dict[str, Any]]:
        """Return axe-core's findings and the layout at each width (see tools/axe_check.mjs)."""
        result: list[dict[str, Any]] = self._ask({"file": str(path), "widths": list(widths)})
        return result

    def print_pdf(self, path: Path, pdf: Path) -> Path:
        """Print the page to ``pdf`` as the browser prints it; return ``pdf``."""
        self._ask({"file": str(path), "pdf": str(pdf)})
        return pdf

    def close(self) -> None:
        """Stop the server and its browser."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
