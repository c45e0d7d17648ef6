"""Tagged PDF (PDF/UA-1) for reportlab output: marked content while drawing, a tree after.

How it works, for the next person:

1. While reportlab draws, every piece of real content is wrapped in a
   marked-content sequence ``/P <</MCID n>> BDC ... EMC`` by :class:`Tagged`
   (any flowable), :func:`table_callback` (table cells, via reportlab's
   ``renderCB`` hook) and the canvas (contents page numbers).  Everything else
   (running headers and footers, rules, cell shading, quote bars, repeated table
   header rows) is wrapped in ``/Artifact ... BDC ... EMC``.  Each sequence is
   recorded on a :class:`StructElem` as a :class:`MarkedRef` (page, MCID); a
   paragraph split over two pages keeps one element with two references.
2. After reportlab has written the file, :func:`finish` uses pikepdf to turn
   the recorded tree into a StructTreeRoot with a ParentTree, connect every link
   annotation to its Link element (OBJR), and set MarkInfo, Tabs /S, the
   StructParents of pages and annotations, and XMP metadata that claims PDF/UA-1.

The tree is plain Python until :func:`finish`, so it is easy to test alone.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pikepdf
from reportlab.platypus import Flowable

from peeldocs import __version__

PRODUCER = f"peeldocs {__version__} (ReportLab and pikepdf)"


@dataclass(frozen=True, slots=True)
class MarkedRef:
    """A marked-content sequence: its page (0-based) and MCID."""

    page: int
    mcid: int


@dataclass(eq=False)
class StructElem:
    """A structure element: a standard tag, attributes and ordered kids."""

    tag: str
    alt: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    kids: list[StructElem | MarkedRef] = field(default_factory=list)
    links: list[tuple[int, int]] = field(default_factory=list)  # (page, annotation index)

    def add(self, tag: str, alt: str | None = None, **attributes: Any) -> StructElem:
        """Append and return a child element."""
        child = StructElem(tag, alt, dict(attributes))
        self.kids.append(child)
        return child

    def walk(self) -> list[StructElem]:
        """Return this element and its descendants, in reading order."""
        out = [self]
        for kid in self.kids:
            if isinstance(kid, StructElem):
                out += kid.walk()
        return out


class Tagger:
    """Hands out MCIDs per page and writes the marked-content operators."""

    def __init__(self, language: str) -> None:
        self.root = StructElem("Document", attributes={"Lang": language})
        self._next: dict[int, int] = {}

    @staticmethod
    def page_of(canv: Any) -> int:
        """Return the 0-based page the canvas is drawing."""
        return int(canv.getPageNumber()) - 1

    def begin(self, canv: Any, elem: StructElem) -> None:
        """Open a marked-content sequence for ``elem`` on the current page."""
        page = self.page_of(canv)
        mcid = self._next.get(page, 0)
        self._next[page] = mcid + 1
        canv._code.append(f"/{elem.tag} <</MCID {mcid}>> BDC")
        elem.kids.append(MarkedRef(page, mcid))

    def begin_artifact(self, canv: Any, kind: str = "Layout") -> None:
        """Open an artifact sequence (decoration a screen reader skips)."""
        canv._code.append(f"/Artifact <</Type /{kind}>> BDC")

    @staticmethod
    def end(canv: Any) -> None:
        """Close the innermost marked-content sequence."""
        canv._code.append("EMC")

    def annotation_count(self, canv: Any) -> int:
        """Return how many annotations the current page has so far."""
        return len(canv._annotationrefs)

    def links_since(self, canv: Any, parent: StructElem, start: int,
                    description: str | None = None) -> None:
        """Put every annotation added to this page since ``start`` in a Link under ``parent``."""
        page = self.page_of(canv)
        for index in range(start, len(canv._annotationrefs)):
            parent.add("Link", description).links.append((page, index))


class Tagged(Flowable):  # type: ignore[misc]
    """Wraps a flowable so that all it draws belongs to one structure element."""

    def __init__(self, inner: Flowable, elem: StructElem, tagger: Tagger) -> None:
        super().__init__()
        self.inner = inner
        self.elem = elem
        self.tagger = tagger

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        """Wrap the inner flowable."""
        self.width, self.height = self.inner.wrap(avail_w, avail_h)
        return self.width, self.height

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        """Split the inner flowable; every part stays in the same element."""
        return [Tagged(part, self.elem, self.tagger)
                for part in self.inner.split(avail_w, avail_h)]

    def getSpaceBefore(self) -> float:
        """Space before, as the inner flowable asks."""
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        """Space after, as the inner flowable asks."""
        return float(self.inner.getSpaceAfter())

    def draw(self) -> None:
        """Draw the inner flowable inside a marked-content sequence."""
        start = self.tagger.annotation_count(self.canv)
        self.tagger.begin(self.canv, self.elem)
        self.inner.drawOn(self.canv, 0, 0)
        self.tagger.end(self.canv)
        self.tagger.links_since(self.canv, self.elem, start)


def table_callback(tagger: Tagger, cells: dict[int, StructElem]) -> Any:
    """Return a reportlab ``renderCB`` that tags cells and makes shading and rules artifacts.

    ``cells`` maps the id of each cell's (first) flowable to its TH or TD element.  A header row
    drawn again at the top of a later page is an artifact: its content is
    already in the tree.
    """
    open_cell: list[bool] = []

    def callback(table: Any, event: str, *args: Any) -> None:
        canv = table.canv
        if event in ("startBG", "startLines"):
            tagger.begin_artifact(canv)
        elif event in ("endBG", "endLines"):
            tagger.end(canv)
        elif event == "startCell":
            value = args[2]  # reportlab wraps cell flowables in a tuple
            first = value[0] if isinstance(value, tuple | list) and value else value
            elem = cells.get(id(first))
            if elem is None or (elem.tag == "TH" and any(isinstance(k, MarkedRef)
                                                         for k in elem.kids)):
                tagger.begin_artifact(canv, "Pagination")
            else:
                tagger.begin(canv, elem)
            open_cell.append(True)
        elif event == "endCell" and open_cell:
            open_cell.pop()
            tagger.end(canv)

    return callback


def finish(data: bytes, tagger: Tagger, *, title: str, language: str,
           created: datetime) -> bytes:
    """Write the structure tree, ParentTree and PDF/UA metadata into ``data``."""
    pdf = pikepdf.open(io.BytesIO(data))
    pages = list(pdf.pages)
    parent_tree: dict[int, list[Any]] = {i: [] for i in range(len(pages))}
    next_key = len(pages)
    extra_parents: list[tuple[int, Any]] = []
    annots = [list(page.get("/Annots", [])) for page in pages]

    def build(elem: StructElem, parent: Any) -> Any:
        nonlocal next_key
        node = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem,
                                                    S=pikepdf.Name("/" + elem.tag), P=parent))
        if elem.alt is not None:
            node.Alt = pikepdf.String(elem.alt)
        for key, value in elem.attributes.items():
            if key == "Lang":
                node.Lang = pikepdf.String(value)
            elif key == "Scope":
                node.A = pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=pikepdf.Name("/" + value))
            elif key == "BBox":
                node.A = pikepdf.Dictionary(O=pikepdf.Name.Layout, BBox=pikepdf.Array(value))
        kids = pikepdf.Array()
        for kid in elem.kids:
            if isinstance(kid, MarkedRef):
                refs = parent_tree[kid.page]
                refs.extend([None] * (kid.mcid + 1 - len(refs)))
                refs[kid.mcid] = node
                kids.append(pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=pages[kid.page].obj,
                                               MCID=kid.mcid))
            else:
                kids.append(build(kid, node))
        for page, index in elem.links:
            annot = annots[page][index]
            annot.F = 4  # Print: the link is the same on paper and screen (PDF/UA 7.18.1)
            annot.StructParent = next_key
            extra_parents.append((next_key, node))
            next_key += 1
            if not str(annot.get("/Contents", "")):
                action: Any = annot.get("/A")
                target = action.get("/URI") if action is not None else None
                text = elem.alt or (f"Link to {target}" if target is not None else "Link")
                annot.Contents = pikepdf.String(text)
            kids.append(pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=annot,
                                           Pg=pages[page].obj))
        node.K = kids
        return node

    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    document = build(tagger.root, root)
    nums = pikepdf.Array()
    for i, page in enumerate(pages):
        page.obj.StructParents = i
        page.obj.Tabs = pikepdf.Name.S
        nums.append(i)
        nums.append(pdf.make_indirect(pikepdf.Array(parent_tree[i])))
    for key, node in extra_parents:
        nums.append(key)
        nums.append(node)
    root.K = document
    root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=nums))
    root.ParentTreeNextKey = next_key
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    pdf.Root.Lang = pikepdf.String(language)
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:title"] = title
        meta["pdfuaid:part"] = "1"
        meta["xmp:CreateDate"] = created.isoformat()
        meta["xmp:ModifyDate"] = created.isoformat()
        meta["pdf:Producer"] = PRODUCER
    pdf.docinfo[pikepdf.Name.Producer] = pikepdf.String(PRODUCER)
    pdf.docinfo[pikepdf.Name.Creator] = pikepdf.String(PRODUCER)
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue()
