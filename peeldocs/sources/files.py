"""Write files safely: a temporary file in the same folder, then an atomic rename.

An interrupted or failed write never leaves a half-written file and never
destroys the previous good one.  Every layer that writes (reports, plans,
documents) goes through :func:`atomic_write` and reports failures with
:func:`cannot_write`, which names the path the user gave.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import tempfile
from pathlib import Path

from peeldocs.errors import OutputError

_PART = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.part$")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_stem(text: str) -> str:
    """Return a file-name stem with no path separators or leading dots."""
    stem = _UNSAFE.sub("-", text).strip(".-")
    return stem[:120] or "pack"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file named for this process, then rename.

    The temporary file is removed if anything goes wrong (including
    KeyboardInterrupt and SystemExit); one left by a process that was killed
    outright (SIGKILL) is removed the next time the same file is written, once
    that process is gone: another process's temporary file is never touched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(f".{path.name}.*.part"):
        match = _PART.match(stale.name)
        if match and match.group("name") == path.name and not _alive(int(match.group("pid"))):
            stale.unlink(missing_ok=True)
    tmp = ""
    try:
        # SIGINT and SIGTERM held until the file's name is known here (one landing in
        # between would leave the file behind: a terminated build must leave none);
        # released, a held signal is handled next, and the file removed below
        held = _hold()
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".part",
                                       dir=path.parent)
        finally:
            _release(held)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise


_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def _hold() -> set[int | signal.Signals] | None:
    """Hold SIGINT and SIGTERM for this thread; return the mask to restore (None on Windows)."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)


def _release(held: set[int | signal.Signals] | None) -> None:
    """Restore the signal mask :func:`_hold` returned."""
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


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
