"""Read a tagged PDF the way assistive technology does: by its structure tree."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pikepdf

PAINT = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do"}


def kids(elem: Any) -> list[Any]:
    k = elem.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def walk(elem: Any, depth: int = 0) -> Iterator[tuple[int, Any]]:
    """Yield (depth, element) for every structure element, in reading order."""
    yield depth, elem
    for kid in kids(elem):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            yield from walk(kid, depth + 1)


def tag(elem: Any) -> str:
    return str(elem.S)[1:]


def page_index(pdf: pikepdf.Pdf, page_obj: Any) -> int:
    return next(i for i, p in enumerate(pdf.pages) if p.obj.objgen == page_obj.objgen)


def marked_refs(pdf: pikepdf.Pdf, elem: Any) -> Iterator[tuple[int, int]]:
    """Yield (page, MCID) of the element's own marked content, in order."""
    for kid in kids(elem):
        if isinstance(kid, int):
            yield page_index(pdf, elem.Pg), kid
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            yield page_index(pdf, kid.Pg), int(kid.MCID)


def _cmap(font: Any) -> dict[int, str]:
    mapping: dict[int, str] = {}
    if "/ToUnicode" not in font:
        return mapping
    text = font.ToUnicode.read_bytes().decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>",
                                      block):
            start = int(dst, 16)
            for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                mapping[code] = chr(start + offset)
    return mapping


class PageContent:
    """One page's marked content: text per MCID, and anything painted outside."""

    def __init__(self, page: Any) -> None:
        fonts = {str(k): _cmap(v) for k, v in page.Resources.get("/Font", {}).items()}
        self.text: dict[int, str] = {}
        self.mcids: list[int] = []
        self.outside: list[str] = []
        self.artifact_text: list[str] = []
        stack: list[str | int] = []
        cmap: dict[int, str] = {}
        for operands, op in pikepdf.parse_content_stream(page):
            name = str(op)
            if name in ("BDC", "BMC"):
                props = operands[1] if name == "BDC" else None
                if str(operands[0]) == "/Artifact":
                    stack.append("artifact")
                elif isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                    mcid = int(props.MCID)
                    stack.append(mcid)
                    self.mcids.append(mcid)
                    self.text.setdefault(mcid, "")
                else:
                    stack.append("other")
            elif name == "EMC":
                stack.pop()
            elif name == "Tf":
                cmap = fonts.get(str(operands[0]), {})
            if name in PAINT:
                if not stack:
                    self.outside.append(name)
                    continue
                if name in ("Tj", "TJ", "'", '"'):
                    parts = operands[0] if name == "TJ" else [operands[-1]]
                    decoded = "".join(cmap.get(c, "?") for p in parts
                                      if isinstance(p, pikepdf.String) for c in bytes(p))
                    mcid = next((s for s in reversed(stack) if isinstance(s, int)), None)
                    if mcid is None:
                        self.artifact_text.append(decoded)
                    else:
                        self.text[mcid] += decoded
                        if name == "TJ" or name == "Tj":
                            self.text[mcid] += " "


def structure_text(pdf: pikepdf.Pdf) -> str:
    """The document's text in structure-tree order, whitespace folded."""
    pages = [PageContent(p) for p in pdf.pages]
    root = pdf.Root.StructTreeRoot.K
    out = []
    for _depth, elem in walk(root):
        for page, mcid in marked_refs(pdf, elem):
            out.append(pages[page].text.get(mcid, ""))
    return " ".join(" ".join(out).split())
