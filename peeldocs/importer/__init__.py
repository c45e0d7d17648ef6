"""Import a published PEEL page (copied text or saved HTML) into a report.

Every fact is read from the page, with the words it was read from, or marked
unknown; see :func:`import_page`.
"""

from peeldocs.importer.page import import_page
from peeldocs.importer.result import ImportResult, NotAPeelPageError, explain, summary

__all__ = ["ImportResult", "NotAPeelPageError", "explain", "import_page", "summary"]
