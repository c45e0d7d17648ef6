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
2. When the canvas saves, :func:`peeldocs.renderers.pdf.structure.write_structure`
   turns the recorded tree into a StructTreeRoot with a ParentTree, connects
   every link annotation to its Link element (OBJR), and sets MarkInfo, Tabs /S,
   the StructParents of pages and annotations, and XMP metadata that claims
   PDF/UA-1, in reportlab's document before it is written: one pass, no reopening.

The tree is plain Python until then, so it is easy to test alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeAlias

from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.doctemplate import ActionFlowable

from peeldocs.resources import __version__

PRODUCER = f"peeldocs {__version__} (ReportLab)"


MarkedRef: TypeAlias = tuple[int, int]
"""A marked-content sequence as a plain pair: its page (0-based) and MCID.

A plain tuple of two ints, which the garbage collector stops tracking: a pack
records hundreds.
"""


@dataclass(eq=False, slots=True)
class StructElem:
    """A structure element: a standard tag, attributes and ordered kids."""

    tag: str
    alt: str | None = None
    attributes: dict[str, Any] | None = None  # made when the first is set
    kids: list[StructElem | MarkedRef] = field(default_factory=list)
    links: list[tuple[int, int]] | None = None  # (page, annotation index); made at the first

    def add(self, tag: str, alt: str | None = None, **attributes: Any) -> StructElem:
        """Append and return a child element."""
        child = StructElem(tag, alt, attributes or None)
        self.kids.append(child)
        return child

    def set_attribute(self, key: str, value: Any) -> None:
        """Set an attribute (``Lang``, ``Scope``, ``BBox``)."""
        if self.attributes is None:
            self.attributes = {}
        self.attributes[key] = value

    def add_link(self, page: int, index: int) -> None:
        """Record a link annotation (page, index among the page's annotations) as a kid."""
        if self.links is None:
            self.links = []
        self.links.append((page, index))

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
        self._open: list[StructElem | None] = []  # open sequences, innermost last; None: artifact

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
        elem.kids.append((page, mcid))
        self._open.append(elem)

    def begin_artifact(self, canv: Any, kind: str = "Layout") -> None:
        """Open an artifact sequence (decoration a screen reader skips)."""
        canv._code.append(f"/Artifact <</Type /{kind}>> BDC")
        self._open.append(None)

    def end(self, canv: Any) -> None:
        """Close the innermost marked-content sequence."""
        canv._code.append("EMC")
        if self._open:
            self._open.pop()

    def aside(self, canv: Any, draw: Any) -> None:
        """Draw decoration (``draw()``) as an artifact in the middle of the open element.

        Tagged content and artifacts never nest: the element's sequence is closed,
        the artifact drawn, and a new sequence of the same element opened after it.
        """
        elem = self._open[-1] if self._open else None
        if elem is None:  # already an artifact, or outside any element: as it is
            draw()
            return
        canv._code.append("EMC")
        canv._code.append("/Artifact BMC")
        draw()
        canv._code.append("EMC")
        self._open.pop()
        self.begin(canv, elem)

    def annotation_count(self, canv: Any) -> int:
        """Return how many annotations the current page has so far."""
        return len(canv._annotationrefs)

    def links_since(self, canv: Any, parent: StructElem, start: int,
                    description: str | None = None) -> None:
        """Put every annotation added to this page since ``start`` in a Link under ``parent``.

        A link that wraps onto a second line is drawn as one annotation per line: those
        in a row that go to the same place belong to one Link element.
        """
        page = self.page_of(canv)
        last: tuple[StructElem, str | None] | None = None
        for index in range(start, len(canv._annotationrefs)):
            target = _target(canv, index)
            if last is None or target is None or last[1] != target:
                last = (parent.add("Link", description), target)
            last[0].add_link(page, index)


def _target(canv: Any, index: int) -> str | None:
    """Return where the page's annotation ``index`` links to (a URI or a destination), or None."""
    annot = canv._doc.idToObject.get(canv._annotationrefs[index].name)
    found = getattr(annot, "dict", None)
    action = found.get("A") if isinstance(found, dict) else None
    target = getattr(action, "dict", {}).get("URI") if action is not None else None
    return str(getattr(target, "s", target)) if target is not None else None


def draw_in_place(flowable: Flowable, canv: Any) -> None:
    """Draw ``flowable`` where the canvas stands, as ``drawOn(canv, 0, 0)`` would.

    A paragraph or a tagged wrapper saves and restores the graphics state
    itself, so it is drawn without the extra save, zero move and restore that
    ``drawOn`` writes around it: hundreds of no-op operators fewer per pack.
    Anything else goes through ``drawOn``.
    """
    if isinstance(flowable, Tagged | Paragraph):
        flowable.canv = canv
        try:
            flowable.draw()
        finally:
            del flowable.canv
    else:
        flowable.drawOn(canv, 0, 0)


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
        return [part if isinstance(part, ActionFlowable) else  # a frame break: nothing drawn
                Tagged(part, self.elem, self.tagger) for part in self.inner.split(avail_w, avail_h)]

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
        draw_in_place(self.inner, self.canv)
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
            if elem is None or (elem.tag == "TH" and any(isinstance(k, tuple)
                                                         for k in elem.kids)):
                tagger.begin_artifact(canv, "Pagination")
            else:
                tagger.begin(canv, elem)
            open_cell.append(True)
        elif event == "endCell" and open_cell:
            open_cell.pop()
            tagger.end(canv)

    return callback
