"""Levels of detail made only when looked at: a section's candidates for fitting.

A fitted section (the one-page brief) is offered at many levels of detail, and the
layout looks at a few of them, found by bisection.  :class:`Levels` makes each
level's section the first time it is asked for, and once only, so the cost of
fitting grows with the levels looked at, not with every level there is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar, overload

from peeldocs.blocks import Section

Level = TypeVar("Level")


class Levels(Sequence[Section], Generic[Level]):
    """The section at each of ``levels``, made by ``make`` on first access.

    ``made`` maps the index of each level made so far to its section, so a
    caller can tell which level a chosen section is; ``limits``, when given, is each
    level's page limit, so that grouping the levels by it makes none of them.
    """

    def __init__(self, levels: Sequence[Level], make: Callable[[Level], Section],
                 limits: Sequence[int | None] | None = None) -> None:
        self.levels = tuple(levels)
        self.make = make
        self.made: dict[int, Section] = {}
        self.limits = tuple(limits) if limits is not None else None
        """Each level's page limit, when known without making it (:meth:`page_limit`)."""

    def page_limit(self, index: int) -> int | None:
        """Return the page limit of the section at ``index`` without making it.

        Without ``limits`` every level has the first level's limit (one group).
        """
        return self.limits[index] if self.limits is not None else self[0].page_limit

    def __len__(self) -> int:
        return len(self.levels)

    @overload
    def __getitem__(self, index: int) -> Section: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Section]: ...

    def __getitem__(self, index: int | slice) -> Section | Sequence[Section]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            raise IndexError(f"level {index} of {len(self)}")
        index %= len(self)
        if index not in self.made:
            self.made[index] = self.make(self.levels[index])
        return self.made[index]

    def index_of(self, section: Section) -> int:
        """Return the index of ``section``, one this sequence made (by identity)."""
        return next(i for i, made in self.made.items() if made is section)
