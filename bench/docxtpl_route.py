"""The same Norfolk content through docxtpl: a Jinja2-templated Word file, the fastest
DOCX route a user would otherwise pick.  The template is made once with python-docx."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from content import Item


def make_template(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("{%p for item in items %}")
    document.add_paragraph("{%p if item.kind == 'title' %}")
    document.add_heading("{{ item.text }}", 0)
    document.add_paragraph("{%p elif item.kind == 'h1' %}")
    document.add_heading("{{ item.text }}", 1)
    document.add_paragraph("{%p elif item.kind == 'h2' %}")
    document.add_heading("{{ item.text }}", 2)
    document.add_paragraph("{%p elif item.kind == 'h3' %}")
    document.add_heading("{{ item.text }}", 3)
    document.add_paragraph("{%p elif item.kind == 'bullet' %}")
    document.add_paragraph("{{ item.text }}", style="List Bullet")
    document.add_paragraph("{%p elif item.kind == 'table' %}")
    document.add_paragraph("{%p for row in item.rows %}")
    document.add_paragraph("{{ row | join(' | ') }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p else %}")
    document.add_paragraph("{{ item.text }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    document.save(str(path))
    return path


def build(template: Path, items: list[Item]) -> bytes:
    from docxtpl import DocxTemplate

    items = [{"kind": kind, "text": payload if isinstance(payload, str) else "",
              "rows": payload if kind == "table" else []} for kind, payload in items
             if kind not in ("break", "toc", "chart")]
    tpl = DocxTemplate(str(template))
    tpl.render({"items": items})
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()
