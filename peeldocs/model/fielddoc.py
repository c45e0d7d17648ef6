"""Documented dataclass fields: the ``doc`` metadata the JSON Schema reads.

The data classes of the report model, the action plan and the JSON export
describe each field with ``field(metadata=doc("..."))``; :mod:`peeldocs.sources.schema`
turns that text into the ``description`` of each property, so the data format's
documentation lives beside the field it documents.
"""

from __future__ import annotations

from typing import Any


def doc(text: str, **extra: Any) -> dict[str, Any]:
    """Return dataclass field metadata carrying a field's documentation."""
    return {"doc": text, **extra}
