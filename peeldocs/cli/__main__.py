"""``python -m peeldocs.cli``: the same as the ``peeldocs`` command."""

from __future__ import annotations

import sys

from peeldocs.cli.command import main

sys.exit(main())
