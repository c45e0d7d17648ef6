"""One write rule for every command that writes, and temporary files named per process.

A file is written only where it replaces nothing a user wrote:

- never over an input of the same run (a report, a plan, a page, a reference
  document, a theme, a template), whatever ``overwrite`` says;
- over an existing file only when peeldocs wrote it and nobody has changed it
  since: every file written is recorded, by the SHA-256 digest of its bytes, in
  a ledger beside it (``.peeldocs-written`` in the same folder); a file whose
  bytes no longer match its record, or that has none, is the user's;
- otherwise only with ``overwrite`` (``--overwrite``).

Writes go through :func:`~peeldocs.sources.files.atomic_write` (a temporary
file named for the writing process, renamed into place); the check, the write
and the record happen under the ledger's lock, so concurrent builds into one
folder all succeed.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from peeldocs.errors import OverwriteError
from peeldocs.sources.files import atomic_write, cannot_write

__all__ = ["LEDGER", "atomic_write", "cannot_write", "check_writable", "file_digest", "refusal",
           "remember", "write_file", "written_by_peeldocs"]

LEDGER = ".peeldocs-written"
"""The file, beside what peeldocs wrote, that records each file's digest."""
LEDGER_MOST = 4 * 1024 * 1024


def file_digest(path: Path) -> str | None:
    """Return the SHA-256 of a regular file's bytes, or None when there is no such file."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None
    return digest.hexdigest()


def _parse(raw: bytes) -> dict[str, str]:
    try:
        data = json.loads(raw or b"{}")
    except ValueError:  # a damaged ledger records nothing: no file is taken for ours
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)} \
        if isinstance(files, dict) else {}


def _records(path: Path) -> dict[str, str]:
    """Read the ledger beside ``path``, waiting for a writer that holds it (a shared lock)."""
    try:
        with open(path.parent / LEDGER, "rb") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_SH)
            return _parse(fh.read(LEDGER_MOST))
    except OSError:
        return {}


def written_by_peeldocs(path: Path) -> bool:
    """Tell whether ``path`` holds exactly the bytes peeldocs last wrote there."""
    recorded = _records(path).get(path.name)
    return recorded is not None and recorded == file_digest(path)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def refusal(path: Path, inputs: Iterable[str | os.PathLike[str]] = (),
            overwrite: bool = False, shown: str | os.PathLike[str] | None = None,
            records: dict[str, str] | None = None) -> str | None:
    """Return why ``path`` must not be written (naming it as ``shown``), or None when it may.

    ``records`` are the ledger's, when the caller already holds it locked.
    """
    name = os.fspath(shown if shown is not None else path)
    for given in inputs:
        if _same(path, Path(given)):
            return (f"{name} is {os.fspath(given)}, an input of this run; write to another "
                    "file (--overwrite never replaces an input)")
    if path.is_dir():
        return f"{name} is a folder; give a file name"
    if overwrite or not (path.exists() or path.is_symlink()):
        return None
    recorded = (records if records is not None else _records(path)).get(path.name)
    if recorded is not None and recorded == file_digest(path):
        return None
    return (f"{name} exists and peeldocs did not write it, or it has been changed since; it may "
            "hold your edits: choose another name, or add --overwrite to replace it")


def check_writable(path: Path, inputs: Iterable[str | os.PathLike[str]] = (),
                   overwrite: bool = False, shown: str | os.PathLike[str] | None = None) -> None:
    """Raise :class:`~peeldocs.errors.OverwriteError` when ``path`` must not be written."""
    why = refusal(path, inputs, overwrite, shown)
    if why:
        raise OverwriteError(why)


@contextmanager
def _ledger(folder: Path) -> Iterator[dict[str, str]]:
    """Hold the folder's ledger locked; yield its records, saved when the block ends.

    Concurrent writers into one folder wait for each other here, so each sees
    the others' records and none is lost.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LEDGER, "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        fh.seek(0)
        files = _parse(fh.read(LEDGER_MOST))
        yield files
        files = {k: v for k, v in files.items() if (folder / k).is_file()}
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps({"about": "files peeldocs wrote here, by SHA-256; peeldocs replaces "
                                      "only these, and only unchanged",
                             "files": dict(sorted(files.items()))}, indent=1).encode("utf-8"))
        fh.flush()


def remember(path: Path, data: bytes) -> None:
    """Record in the folder's ledger that peeldocs wrote ``data`` to ``path``."""
    with _ledger(path.parent) as files:
        files[path.name] = hashlib.sha256(data).hexdigest()


def write_file(path: Path, data: bytes, inputs: Iterable[str | os.PathLike[str]] = (),
               overwrite: bool = False, shown: str | os.PathLike[str] | None = None, *,
               where: str | os.PathLike[str] | None = None) -> None:
    """Write ``data`` to ``path`` under the write rule, and record it in the ledger.

    Raises :class:`~peeldocs.errors.OverwriteError` when the rule refuses, and
    :class:`~peeldocs.errors.OutputError` naming ``where`` (or ``shown``: the
    path as the user gave it) when the system does.
    """
    inputs = list(inputs)
    check_writable(path, inputs, overwrite, shown)
    try:
        with _ledger(path.parent) as files:  # checked again, written and recorded as one step
            if why := refusal(path, inputs, overwrite, shown, records=files):
                raise OverwriteError(why)
            atomic_write(path, data)
            files[path.name] = hashlib.sha256(data).hexdigest()
    except OSError as exc:
        raise cannot_write(where or (shown if shown is not None else path), exc) from exc
