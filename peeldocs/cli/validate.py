"""``peeldocs validate``: check data files and grade tables before a build or a comparison."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from peeldocs.errors import DataError


def run_validate(inputs: Sequence[Path], quiet: bool = False) -> int:
    """Check report, plan-subject and grade-table files; print each problem; return the exit code.

    A grade table (``.csv``) is checked as ``peeldocs compare`` reads it; any
    other file as a report or an inspection, with the facts an import could not
    find counted apart from files that fail.  Exit 1 when any file failed or has
    unknown facts, else 0.
    """
    from peeldocs.comparisons.loading import grade_table_problems
    from peeldocs.plans.inspection import Inspection
    from peeldocs.plans.inspection_files import inspection_unknowns, load_subject
    from peeldocs.sources.unknowns import unknowns_in_file

    failed = incomplete = 0
    for path in inputs:
        if path.suffix.lower() == ".csv":  # a grade table, checked as a comparison reads it
            problems = grade_table_problems(path)
            failed += bool(problems)
            for problem in problems:
                print(problem, file=sys.stderr)
            continue
        try:
            subject = load_subject(path)  # a report, or an inspection other than PEEL
            unknown = inspection_unknowns(path, subject) if isinstance(subject, Inspection) \
                else unknowns_in_file(path, subject)
        except DataError as exc:
            failed += 1
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            continue
        incomplete += bool(unknown)
        for problem in unknown:
            print(problem, file=sys.stderr)
    ok = len(inputs) - failed - incomplete
    unknowns = f", {incomplete} with unknown facts" if incomplete else ""
    if quiet and not (failed or incomplete):
        return 0
    print(f"{ok} valid, {failed} invalid{unknowns}", file=sys.stderr)
    return 1 if failed or incomplete else 0
