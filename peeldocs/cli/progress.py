"""Progress for long builds: a bar on a terminal, plain lines otherwise, nothing when quiet."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any

from peeldocs.build.batch import BuildResult


class Progress:
    """Reports each finished input on stderr; used only by the command line."""

    def __init__(self, total: int, *, quiet: bool = False, stream: Any = None) -> None:
        self.total = total
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.done = 0
        self.finished: list[BuildResult] = []
        self.bar: Any = None
        if not quiet and total > 1 and getattr(self.stream, "isatty", lambda: False)():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="pack", file=self.stream, leave=False)

    def update(self, result: BuildResult) -> None:
        """Record one finished input."""
        self.done += 1
        self.finished.append(result)
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.update(1)
            return
        state = "built" if result.ok else "FAILED"
        outputs = ", ".join(result.outputs)
        detail = f" -> {outputs}" if outputs else ""
        print(f"[{self.done}/{self.total}] {state} {result.input}{detail} "
              f"({result.seconds:.1f} s)", file=self.stream)

    def interrupted(self, out: object) -> str:
        """Say what an interrupted build finished: how many built, into where, and what not."""
        built = [r for r in self.finished if r.ok]
        return (f"interrupted: {len(built)} of {self.total} built "
                f"({sum(len(r.outputs) for r in built)} files in {out}), "
                f"{len(self.finished) - len(built)} failed, "
                f"{self.total - len(self.finished)} not built")

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.bar is not None:
            self.bar.close()
