"""One tree of errors; every message names what went wrong and where."""

from __future__ import annotations

from dataclasses import dataclass


class PeeldocsError(Exception):
    """Base of every error peeldocs raises on purpose."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a data file, located by file, line and path."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class DataError(PeeldocsError):
    """A data file has one or more problems; all of them are in ``problems``."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ScaleMismatchError(PeeldocsError, TypeError):
    """Grades from the four- and five-tier scales were compared."""


class RenderError(PeeldocsError):
    """A renderer could not produce its output."""


class PageLimitError(RenderError):
    """A section promised to fit on so many pages and its content does not."""

    def __init__(self, section: str, limit: int, pages: int) -> None:
        self.section, self.limit, self.pages = section, limit, pages
        super().__init__(f"the {section!r} section must fit on {limit} "
                         f"page{'s' if limit != 1 else ''} but takes {pages}")


class UnsupportedBlockError(RenderError):
    """A renderer met a block type it does not handle."""


class UnknownFormatError(PeeldocsError, LookupError):
    """No renderer is registered under the requested format name."""


class TemplateError(PeeldocsError):
    """A wording template is missing, broken or tried to do something unsafe."""


class OptionError(PeeldocsError, ValueError):
    """An option has a value it cannot take; the message names the field and what is allowed."""


class OptionFileError(OptionError):
    """A file an option names exists but holds what peeldocs cannot use (a data problem)."""


class ArgumentTypeError(PeeldocsError, TypeError):
    """A library function was given an argument of the wrong type; the message says what to pass.

    >>> str(ArgumentTypeError.expected("report", "a Report (see peeldocs.load_report)", "x.yaml"))
    "report: expected a Report (see peeldocs.load_report), got str: 'x.yaml'"
    """

    @classmethod
    def expected(cls, name: str, wanted: str, value: object) -> ArgumentTypeError:
        """Return the error for argument ``name`` that should have been ``wanted``."""
        shown = repr(value)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        return cls(f"{name}: expected {wanted}, got {type(value).__name__}: {shown}")


class OptionTypeError(PeeldocsError, TypeError):
    """An option was given a value of the wrong type; the message names the field."""


class OutputError(PeeldocsError, OSError):
    """Output could not be written where the user asked (a read-only folder, a full disk)."""


class OverwriteError(OutputError):
    """A file would replace an input of the run, or a file peeldocs did not write; none is written.

    A file peeldocs wrote and that was changed since counts as one it did not write.
    """
