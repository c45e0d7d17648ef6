"""A custom section: where the report came from and under what licence."""

from __future__ import annotations

from peeldocs.blocks import BulletList, Heading, Link, Paragraph, Section, Text, plain
from peeldocs.model import Report
from peeldocs.options import Options


def sources(report: Report, options: Options) -> Section:
    """List the source page, its dates and the licence of the quoted text."""
    items = [
        plain(f"Publisher: {report.publisher}"),
        plain(f"Page: {report.title}"),
        plain(f"Last updated: {report.last_updated or 'not stated'}"),
    ]
    if report.source_url:
        items.append((Text("Address: "), Link(report.source_url, report.source_url)))
    return Section("sources", (
        Heading(1, "Sources", anchor="sources"),
        BulletList(tuple(items)),
        Paragraph(plain(report.licence)),
    ))
