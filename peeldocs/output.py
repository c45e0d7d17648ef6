"""Write packs to disk safely: temporary file, then an atomic rename.

An interrupted or failed build never leaves a half-written file and never
destroys the previous good output.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from peeldocs.assemble import build_pack
from peeldocs.errors import OptionError, OptionTypeError, OutputError, PeeldocsError
from peeldocs.model import Report, report_scope
from peeldocs.options import Options
from peeldocs.registry import get_renderer, parse_formats

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


def document_stem(stem: str, document: str, language: str = "en") -> str:
    """Return the output stem for a document kind: the pack's, or with the kind's suffix.

    A document in another language than English ends with its language, so that
    the English and Welsh documents of a report never overwrite each other.

    >>> document_stem("norfolk-2018-effectiveness", "brief")
    'norfolk-2018-effectiveness-brief'
    >>> document_stem("norfolk-2018-effectiveness", "s55", "cy+en")
    'norfolk-2018-effectiveness-s55-response-cy-en'
    """
    tail = "" if language == "en" else "-" + language.replace("+", "-")
    if document == "pack":
        return safe_stem(stem) + tail
    from peeldocs.documents import get_kind

    return safe_stem(stem)[:100] + get_kind(document).file_suffix + tail


_REASONS = {
    errno.EROFS: "read-only file system",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.EEXIST: "part of the path is a file, not a folder",
    errno.EISDIR: "it is a folder",
    errno.ENAMETOOLONG: "the name is too long",
}


def cannot_write(where: str | os.PathLike[str], exc: OSError) -> OutputError:
    """Return an :class:`OutputError` naming the path the user gave and why it failed.

    >>> import errno
    >>> str(cannot_write("out/", OSError(errno.EROFS, "Read-only file system")))
    'cannot write out/: read-only file system'
    """
    reason = _REASONS.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
    return OutputError(f"cannot write {os.fspath(where)}: {reason}")


def write_pack(report: Report, options: Options | None, formats: str | Sequence[str],
               out: str | os.PathLike[str] | BinaryIO, stem: str | None = None) -> list[Path]:
    """Build the pack and write it in each format; return the paths written.

    ``out`` is a folder (made if needed; each file is written to a temporary
    name and renamed into place) or a binary file object such as an open file
    or :class:`io.BytesIO`, which takes exactly one format (nothing is
    returned for it).  ``formats`` is a list or a comma-separated string.
    A folder that cannot be written raises :class:`~peeldocs.errors.OutputError`
    naming it, for example "cannot write out/: read-only file system".

    >>> import io, peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> buffer = io.BytesIO()
    >>> peeldocs.write_pack(report, peeldocs.Options(), "html", buffer)
    []
    >>> buffer.getvalue()[:15]
    b'<!DOCTYPE html>'
    """
    names = parse_formats(formats)
    renderers = [get_renderer(f) for f in names]
    options = options or Options()
    if hasattr(out, "write"):
        if len(renderers) != 1:
            raise OptionError(f"formats: a file object takes one format, got {', '.join(names)}")
        pack = build_pack(report, options)
        data = renderers[0].render(pack, options)
        try:
            out.write(data)
        except TypeError:
            raise OptionTypeError("out: expected a binary file object (opened with 'wb') "
                                  "or a folder") from None
        return []
    if not isinstance(out, str | os.PathLike):
        raise OptionTypeError(f"out: expected a folder or a binary file object, got "
                              f"{type(out).__name__}")
    if "\x00" in os.fspath(out):
        raise OutputError(f"cannot write {os.fspath(out)!r}: a name cannot contain a NUL character")
    folder = Path(out)
    name = document_stem(stem or f"{report.force.short_name}-{report.cycle}-{report_scope(report)}",
                         options.document, options.language)
    pack = build_pack(report, options)
    written = []
    for renderer in renderers:
        target = folder / f"{name}{renderer.suffix}"
        if target.exists() and target.is_dir():
            raise PeeldocsError(f"{target} is a folder; cannot write the pack there")
        data = renderer.render(pack, options)
        try:
            atomic_write(target, data)
        except OSError as exc:
            raise cannot_write(out, exc) from exc
        written.append(target)
    return written
