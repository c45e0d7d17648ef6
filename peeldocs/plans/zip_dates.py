"""An Office package (.xlsx) made deterministic: every member, and its core properties, dated.

openpyxl stamps each zip member and ``docProps/core.xml`` with the time it
saved; the register's workbook is dated by its as-of date instead, so the same
register gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def fixed_zip(data: bytes, when: datetime) -> bytes:
    """Return the same package with every member dated ``when`` (deterministic output)."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time it saved
                data = _MODIFIED.sub(rb"\g<1>" + when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                                     + rb"\g<2>", data)
            dst.writestr(fixed, data)
    return out.getvalue()
