"""Levels of detail made only when looked at: a section's candidates for fitting.

A fitted section (the one-page brief) is offered at many levels of detail, and the
layout looks at a few of them, found by bisection.  :class:`Levels` makes each
level's section the first time it is asked for, and once only, so the cost of
fitting grows with the levels looked at, not with every level there is.
Once a level fits, the fitting may ask for a few levels one step fuller
(:meth:`Levels.fuller`), added at the end as they are asked for.
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
    level's page limit, so that grouping the levels by it makes none of them;
    ``grow``, when given, returns the levels one step fuller than a level, the most
    wanted first (:meth:`fuller`).
    """

    def __init__(self, levels: Sequence[Level], make: Callable[[Level], Section],
                 limits: Sequence[int | None] | None = None,
                 grow: Callable[[Level], Sequence[Level]] | None = None) -> None:
        self.levels = list(levels)
        self.make = make
        self.made: dict[int, Section] = {}
        self.limits = list(limits) if limits is not None else None
        """Each level's page limit, when known without making it (:meth:`page_limit`)."""
        self.grow = grow

    def fuller(self, index: int) -> list[int]:
        """Return the indices of the levels one step fuller than the one at ``index``.

        Each is added at the end, with the page limit of the level it grows from;
        none without ``grow``.
        """
        if self.grow is None:
            return []
        out = []
        for level in self.grow(self.levels[index]):
            self.levels.append(level)
            if self.limits is not None:
                self.limits.append(self.limits[index])
            out.append(len(self.levels) - 1)
        return out

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
