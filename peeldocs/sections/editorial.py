"""Quoted fragments shown with standard editorial marks.

An earlier finding is often quoted from the middle of a passage: "This was to
ensure that it put ...", "Second, it needed to ...".  Shown alone it reads as
a whole finding with a dangling "This" or "Second".  :func:`fragment` keeps
every quoted word and marks what the pack changed: an ellipsis where leading
words are left out, square brackets round words the pack supplies, and an
ellipsis where the quotation stops mid-sentence.
"""

from __future__ import annotations

from peeldocs.prose import fragment

__all__ = ["fragment"]
