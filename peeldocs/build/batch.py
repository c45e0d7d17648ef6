"""Build many packs at once on any :class:`concurrent.futures.Executor`.

The default is a process pool; a Dask client's ``get_executor()`` works the
same way for users who outgrow one machine.  A failing input is reported in its
result and the others still build.  Nothing here prints: progress goes to the
caller's callback.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from peeldocs.errors import DataError, PeeldocsError
from peeldocs.options import Options


@dataclass(frozen=True, slots=True)
class BuildResult:
    """The outcome of building one input."""

    input: str
    outputs: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when the input built without problems."""
        return not self.problems


def build_one(input_path: str, formats: Sequence[str], out_dir: str,
              options: Options | None = None, actions: str | None = None,
              overwrite: bool = False, reads: Sequence[str] = ()) -> BuildResult:
    """Build the packs of one input; never raises for a bad input (it is in the result).

    ``reads`` are the other files the run reads (a theme, a plan): never written over.
    """
    from dataclasses import replace

    from peeldocs.build.output import write_pack
    from peeldocs.sources.loading import load_report

    start = time.perf_counter()
    options = options or Options()
    try:
        report = load_report(input_path)
        if not options.allow_unknown:
            from peeldocs.sources.unknowns import unknowns_in_file

            unknown = unknowns_in_file(input_path, report)
            if unknown:
                return BuildResult(input_path, problems=(*(str(p) for p in unknown), (
                    f"{input_path}: not built: {len(unknown)} "
                    f"{'fact was' if len(unknown) == 1 else 'facts were'} not found in the "
                    f"imported text; fill {'it' if len(unknown) == 1 else 'them'} in from the "
                    "published report, or build with --allow-unknown (Options.allow_unknown) "
                    "for a pack that marks each one")), seconds=time.perf_counter() - start)
        if actions:
            from peeldocs.plans.files import load_plan

            plan = load_plan(actions, report, as_of=options.as_of_date,
                             published=options.published)
            options = replace(options, plan=plan)
        written = write_pack(report, options, formats, out_dir, stem=Path(input_path).stem,
                             overwrite=overwrite,
                             inputs=[input_path, *reads, *([actions] if actions else [])])
    except DataError as exc:
        return BuildResult(input_path, problems=tuple(str(p) for p in exc.problems),
                           seconds=time.perf_counter() - start)
    except PeeldocsError as exc:
        return BuildResult(input_path, problems=(f"{input_path}: {exc}",),
                           seconds=time.perf_counter() - start)
    return BuildResult(input_path, tuple(str(p) for p in written),
                       seconds=time.perf_counter() - start)


def end_with_parent(parent: int) -> None:
    """Make this worker process end when ``parent`` ends, however it ends (killed included).

    On Linux the kernel sends the worker SIGKILL when its parent dies
    (``PR_SET_PDEATHSIG``); everywhere, a watcher thread ends the worker once
    its parent is gone.  A temporary file a killed worker leaves is removed by
    the next write of the same file.
    """
    import signal
    import threading

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent ended before this worker started
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="peeldocs-parent-watch", daemon=True).start()


def planned_outputs(inputs: Sequence[str], formats: Sequence[str], out_dir: str,
                    document: str = "pack", reads: Sequence[str] = (),
                    language: str = "en") -> dict[str, str]:
    """Map each output path to its input, refusing clashes and outputs that are inputs.

    ``reads`` are the other files the run reads (a theme, a reference document,
    a plan, templates): an output that is one of them is refused as well.
    """
    from peeldocs.build.output import document_stem
    from peeldocs.build.registry import get_renderer

    suffixes = [get_renderer(f).suffix for f in formats]
    resolved_inputs = {str(Path(i).resolve()) for i in (*inputs, *reads)}
    planned: dict[str, str] = {}
    for source in inputs:
        for suffix in suffixes:
            stem = document_stem(Path(source).stem, document, language)
            target = str((Path(out_dir) / f"{stem}{suffix}").resolve())
            if target in resolved_inputs:
                raise PeeldocsError(f"{source}: its output {target} is one of the inputs; "
                                    "choose another --out folder")
            if target in planned:
                raise PeeldocsError(f"{planned[target]} and {source} would both write {target}; "
                                    "rename one of them")
            planned[target] = source
    return planned


def build_many(inputs: Iterable[str | os.PathLike[str]], formats: str | Sequence[str],
               out_dir: str | os.PathLike[str], executor: Executor | None = None,
               options: Options | None = None, *, actions: str | None = None,
               jobs: int | None = None,
               progress: Callable[[BuildResult], None] | None = None,
               overwrite: bool = False,
               reads: Sequence[str | os.PathLike[str]] = ()) -> list[BuildResult]:
    """Build every input in every format into ``out_dir``; return results in input order.

    ``executor`` may be any :class:`~concurrent.futures.Executor` (for example
    ``dask.distributed.Client(...).get_executor()``); by default a process pool
    of ``jobs`` workers (default: the number of cores) is used and shut down.
    ``progress`` is called with each result as it completes.  Outputs follow
    the write rule (:mod:`peeldocs.sources.written`): an input of the run (the
    reports, ``actions``, the files ``reads`` names, the options' reference
    document and templates) is never written over, and an existing file only
    when peeldocs wrote it and it is unchanged, or with ``overwrite``.

    >>> from peeldocs.build.batch import build_many
    >>> [r] = build_many(["data/norfolk-2018-effectiveness.yaml"], "html", "out/", jobs=1)
    >>> r.ok, r.outputs[0].endswith("norfolk-2018-effectiveness.html")
    (True, True)
    """
    from peeldocs.build.registry import parse_formats

    paths = [str(p) for p in inputs]
    formats = list(parse_formats(formats))
    options = options or Options()
    extra = [str(r) for r in (*reads, *([actions] if actions else []),
                              *([options.reference_docx] if options.reference_docx else []),
                              *(sorted(options.template_dir.glob("*.j2"))
                                if options.template_dir else []))]
    planned_outputs(paths, formats, str(out_dir), options.document, extra, options.language)
    if executor is None and (jobs == 1 or len(paths) <= 1):  # no pool for one job
        serial = []
        for p in paths:
            result = build_one(p, formats, str(out_dir), options, actions, overwrite, extra)
            serial.append(result)
            if progress is not None:
                progress(result)
        return serial
    own = executor is None
    if executor is None:
        workers = max(1, min(jobs or os.cpu_count() or 1, len(paths) or 1))
        executor = ProcessPoolExecutor(max_workers=workers, initializer=end_with_parent,
                                       initargs=(os.getpid(),))
    try:
        futures: dict[Future[BuildResult], int] = {
            executor.submit(build_one, p, formats, str(out_dir), options, actions, overwrite,
                            extra): i
            for i, p in enumerate(paths)
        }
        results: list[BuildResult | None] = [None] * len(paths)
        from concurrent.futures import as_completed

        for future in as_completed(futures):
            index = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # a worker died: report it against its input
                result = BuildResult(paths[index], problems=(f"{paths[index]}: {exc!r}",))
            results[index] = result
            if progress is not None:
                progress(result)
    finally:
        if own:
            executor.shutdown(wait=True, cancel_futures=True)
    return [r for r in results if r is not None]
