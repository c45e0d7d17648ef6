"""The ``peeldocs`` command line: one module per command, :func:`main` the entry point.

:mod:`peeldocs.cli.command` parses the arguments and runs ``build``, ``validate``
and ``formats``; ``import``, ``export``/``schema``, ``compare`` and ``actions``
each have their own module, imported only when that command runs.
"""

from __future__ import annotations

from peeldocs.cli.command import main, make_parser

__all__ = ["main", "make_parser"]
