"""Comparisons across forces and cycles, as a whole slice.

Its input model (:mod:`~peeldocs.comparisons.model`), grade tables
(:mod:`~peeldocs.comparisons.grade_table`), loading (:mod:`~peeldocs.comparisons.loading`),
its sections (:mod:`~peeldocs.comparisons.about`, :mod:`~peeldocs.comparisons.cycle`,
:mod:`~peeldocs.comparisons.force`, :mod:`~peeldocs.comparisons.sources`,
:mod:`~peeldocs.comparisons.common`) and the pack that puts them together
(:mod:`~peeldocs.comparisons.pack`); writing it to files is
:mod:`peeldocs.build.output`.
"""

from __future__ import annotations

from peeldocs.comparisons.pack import build_comparison, compare

__all__ = ["build_comparison", "compare"]
