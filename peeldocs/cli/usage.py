"""The command line's argument parser: usage mistakes exit 2 and say what was probably meant."""

from __future__ import annotations

import argparse
from typing import NoReturn


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
        if close:
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
