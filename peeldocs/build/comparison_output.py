"""Write a comparison in each format asked for, under the write rule (never over an input)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from peeldocs.blocks import Pack
from peeldocs.build.registry import get_renderer, parse_formats, render_with
from peeldocs.comparisons.loading import load_comparison
from peeldocs.comparisons.pack import Inputs, build_comparison, focus_force, pack_stem
from peeldocs.errors import PeeldocsError
from peeldocs.options import Options
from peeldocs.sources.files import safe_stem
from peeldocs.sources.written import check_writable, write_file


def write_pack_files(pack: Pack, renderers: Iterable[Any], options: Options,
                     out_dir: str | Path, stem: str, inputs: Iterable[Path],
                     overwrite: bool = False) -> list[Path]:
    """Render ``pack`` with each renderer into ``out_dir`` under the write rule.

    Never over an input; over an existing file only when peeldocs wrote it and
    it is unchanged, or with ``overwrite`` (:mod:`peeldocs.sources.written`).
    Every output is checked before any is written; a failure names ``out_dir``.
    """
    sources = list(inputs)
    targets = [(Path(out_dir) / f"{safe_stem(stem.lower())}{r.suffix}", r) for r in renderers]
    for target, _renderer in targets:
        if target.is_dir():
            raise PeeldocsError(f"{target} is a folder; cannot write the pack there")
        check_writable(target, sources, overwrite)
    for target, renderer in targets:
        write_file(target, render_with(renderer, pack, options), sources, overwrite, where=out_dir)
    return [target for target, _renderer in targets]


def write_comparison(inputs: Inputs, formats: str | Iterable[str], out_dir: str | Path,
                     focus: str | None = None, title: str | None = None,
                     options: Options | None = None, overwrite: bool = False) -> list[Path]:
    """Build the comparison pack and write it in each format; return the paths written.

    Files are named ``comparison-FORCE`` (the focus force's short name) or
    ``comparison-forces``, with each format's suffix, under the write rule
    (see :func:`write_pack_files`).
    """
    options = options or Options()
    names = parse_formats(formats if isinstance(formats, str) else list(formats))
    renderers = [get_renderer(f) for f in names]
    paths = [Path(p) for p in inputs]
    wanted = focus_force(focus) if focus else None
    data = load_comparison(paths)
    pack = build_comparison(data, wanted, title, options)
    return write_pack_files(pack, renderers, options, out_dir, pack_stem(data, wanted), paths,
                            overwrite)
