"""Write packs to disk safely: temporary file, then an atomic rename.

An interrupted or failed build never leaves a half-written file and never
destroys the previous good output.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from peeldocs.assemble import build_pack
from peeldocs.errors import PeeldocsError
from peeldocs.model import Report, report_scope
from peeldocs.options import Options
from peeldocs.registry import get_renderer

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_stem(text: str) -> str:
    """Return a file-name stem with no path separators or leading dots."""
    stem = _UNSAFE.sub("-", text).strip(".-")
    return stem[:120] or "pack"


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder.

    The temporary file is removed if anything goes wrong (including
    KeyboardInterrupt and SystemExit); one left by a process that was killed
    outright (SIGKILL) is removed the next time the same file is written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(f".{path.name}.*.part"):
        stale.unlink(missing_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def document_stem(stem: str, document: str) -> str:
    """Return the output stem for a document kind: the pack's, or with the kind's suffix."""
    if document == "pack":
        return safe_stem(stem)
    from peeldocs.documents import get_kind

    return safe_stem(stem)[:100] + get_kind(document).file_suffix


def write_pack(report: Report, options: Options, formats: Iterable[str], out_dir: str | Path,
               stem: str | None = None) -> list[Path]:
    """Build and write the document (``options.document``) in each format; return the paths."""
    out = Path(out_dir)
    name = document_stem(stem or f"{report.force.short_name}-{report.cycle}-{report_scope(report)}",
                         options.document)
    renderers = [get_renderer(f) for f in formats]
    pack = build_pack(report, options)
    written = []
    for renderer in renderers:
        target = out / f"{name}{renderer.suffix}"
        if target.exists() and target.is_dir():
            raise PeeldocsError(f"{target} is a folder; cannot write the pack there")
        atomic_write(target, renderer.render(pack, options))
        written.append(target)
    return written
