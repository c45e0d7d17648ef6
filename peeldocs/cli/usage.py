"""The command line's argument parser, and progress for long builds.

Usage mistakes exit 2 and say what was probably meant.  Progress for long
builds is a bar on a terminal, plain lines otherwise, nothing when quiet.
"""

from __future__ import annotations

import argparse
import sys
from types import TracebackType
from typing import Any, NoReturn

from peeldocs.build.batch import BuildResult


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors say what was probably meant."""

    def error(self, message: str) -> NoReturn:
        """Print the usage and the error, with a did-you-mean, and exit 2."""
        import difflib
        import re

        found = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        wrong, choices = (found.group(1), re.findall(r"'([^']*)'", found.group(2))) if found \
            else (None, [])
        if message.startswith("unrecognized arguments:"):
            wrong = next((w for w in message.split()[2:] if w.startswith("--")), None)
            choices = self._option_strings()
        close = difflib.get_close_matches(wrong.split("=")[0], choices, n=1, cutoff=0.6) \
            if wrong else []
        if close and wrong and close[0] == wrong.split("=")[0]:  # known, but not where it was given
            message += f"; {close[0]} does not apply here"
        elif close:
            message += f"; did you mean '{close[0]}'?"
        super().error(message)

    def _option_strings(self) -> list[str]:
        """Every long option of this parser and its subcommands."""
        found: list[str] = []
        for action in self._actions:
            found += [o for o in action.option_strings if o.startswith("--")]
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    found += sub._option_strings() if isinstance(sub, Parser) else []
        return sorted(set(found))


QUIET = "print no progress or files written on success (problems and warnings still print)"


def accept_globals(parser: argparse.ArgumentParser) -> None:
    """Let --debug and --quiet follow any command name as well as precede it.

    A command's own copy leaves the value unset unless given, so that one given
    before the command name is kept.
    """
    if "--quiet" not in parser._option_string_actions:  # the top level: not quiet unless asked
        parser.add_argument("--quiet", action="store_true", help=QUIET)
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for command in action.choices.values():
            given = {o: a for a in command._actions for o in a.option_strings}
            for flag, text in (("--debug", "show tracebacks on failure"), ("--quiet", QUIET)):
                if flag in given:
                    given[flag].default = argparse.SUPPRESS
                else:
                    command.add_argument(flag, action="store_true", default=argparse.SUPPRESS,
                                         help=text)
            accept_globals(command)


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
