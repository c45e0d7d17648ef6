"""Write the PDF/UA structure tree with reportlab's own objects, while the file is written.

The tree recorded while drawing (:mod:`peeldocs.renderers.pdf.tagging`) becomes
the StructTreeRoot with its ParentTree, every link annotation is connected to
its Link element (OBJR) and given Contents, pages get StructParents and Tabs
/S, and the catalogue MarkInfo, Lang and XMP metadata claiming PDF/UA-1.  All
of it goes into reportlab's document before it is written, so the file is
written once, not reopened and rewritten.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import (
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFStream,
    PDFString,
    pdfdocEnc,
)

from peeldocs.renderers.pdf.tagging import PRODUCER, StructElem, Tagger


def _text(value: str) -> PDFString:
    return PDFString(value)


class _Raw(PDFObject):  # type: ignore[misc]
    """An object written as given: reportlab's generic formatter is slow for thousands."""

    def __init__(self, data: bytes = b"") -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        """Return the object's bytes."""
        return self.data


def _attributes(elem: StructElem, doc: Any) -> bytes:
    out = b""
    for key, value in (elem.attributes or {}).items():
        if key == "Lang":
            out += b"/Lang" + _text(value).format(doc)
        elif key == "Scope":
            out += b"/A<</O/Table/Scope" + pdfdocEnc(PDFName(value)) + b">>"
        elif key == "BBox":
            out += b"/A<</O/Layout/BBox[" + pdfdocEnc(fp_str(*value)) + b"]>>"
    return out


def _annotation(doc: Any, page: Any, index: int) -> Any:
    return doc.idToObject[page.Annots[index].name]


def _link_target(annot: Any) -> str | None:
    if isinstance(annot, PDFDictionary):
        action = annot.dict.get("A")
        uri = action.dict.get("URI") if isinstance(action, PDFDictionary) else None
        return str(uri.s) if isinstance(uri, PDFString) else None
    return None


def _connect(annot: Any, key: int, text: str) -> None:
    """Give an annotation its StructParent key, the Print flag, and Contents when it has none.

    Print (F 4): the link is the same on paper and on screen (PDF/UA 7.18.1).
    """
    if isinstance(annot, PDFDictionary):
        annot["StructParent"] = key
        annot["F"] = 4
        current = annot.dict.get("Contents")
        if current is None or (isinstance(current, PDFString) and not str(current.s)):
            annot["Contents"] = _text(text)
    else:  # reportlab's LinkAnnotation: extra keys must be permitted
        annot.permitted = (*annot.permitted, "StructParent")
        annot.otherkw["StructParent"] = key
        annot.otherkw["F"] = 4
        if not annot.Contents:
            annot.Contents = text


def xmp(title: str, created: datetime, producer: str) -> bytes:
    """Return the XMP packet: title, dates, producer and the PDF/UA-1 claim."""
    when = created.isoformat()
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" '
        'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt>'
        f"</dc:title><xmp:CreateDate>{when}</xmp:CreateDate>"
        f"<xmp:ModifyDate>{when}</xmp:ModifyDate><pdf:Producer>{escape(producer)}</pdf:Producer>"
        "<pdfuaid:part>1</pdfuaid:part></rdf:Description></rdf:RDF></x:xmpmeta>\n"
        '<?xpacket end="w"?>').encode()


def write_structure(canv: Any, tagger: Tagger, *, title: str, language: str,
                    created: datetime) -> None:
    """Put the structure tree, ParentTree and PDF/UA metadata into the canvas' document."""
    doc = canv._doc

    def register(obj: Any) -> tuple[Any, int]:
        ref = doc.Reference(obj)
        return ref, int(doc.idToObjectNumberAndVersion[ref.name][0])

    pages = list(doc.Pages.pages)
    page_nums = [register(page)[1] for page in pages]
    parent_tree: dict[int, list[bytes]] = {i: [] for i in range(len(pages))}
    extra: list[bytes] = []
    next_key = len(pages)

    def build(elem: StructElem, parent: int) -> int:
        nonlocal next_key
        raw = _Raw()
        _ref, num = register(raw)
        head = b"<</Type/StructElem/S" + pdfdocEnc(PDFName(elem.tag)) + b"/P %d 0 R" % parent
        alt = elem.alt
        if alt is None and elem.links:  # a link in running text: named by where it goes
            target = _link_target(_annotation(doc, pages[elem.links[0][0]], elem.links[0][1]))
            alt = f"Link to {target}" if target else None
        if alt is not None:
            head += b"/Alt" + _text(alt).format(doc)
        head += _attributes(elem, doc)
        kids: list[bytes] = []
        for kid in elem.kids:
            if isinstance(kid, tuple):  # a marked-content sequence: (page, MCID)
                page, mcid = kid
                refs = parent_tree[page]
                refs.extend([b"null"] * (mcid + 1 - len(refs)))
                refs[mcid] = b"%d 0 R" % num
                kids.append(b"<</Type/MCR/Pg %d 0 R/MCID %d>>" % (page_nums[page], mcid))
            else:
                kids.append(b"%d 0 R" % build(kid, num))
        for page, index in elem.links or ():
            annot = _annotation(doc, pages[page], index)
            target = _link_target(annot)
            _connect(annot, next_key, elem.alt or (f"Link to {target}" if target else "Link"))
            extra.append(b"%d %d 0 R" % (next_key, num))
            next_key += 1
            annot_num = register(annot)[1]
            kids.append(b"<</Type/OBJR/Obj %d 0 R/Pg %d 0 R>>" % (annot_num, page_nums[page]))
        raw.data = head + b"/K[" + b" ".join(kids) + b"]>>"
        return num

    root = _Raw()
    root_ref, root_num = register(root)
    document = build(tagger.root, root_num)
    nums: list[bytes] = []
    for i, page in enumerate(pages):
        page.__NoDefault__ = [*type(page).__NoDefault__, "StructParents", "Tabs"]
        page.StructParents = i
        page.Tabs = PDFName("S")
        nums.append(b"%d %d 0 R" % (i, register(_Raw(b"[" + b" ".join(parent_tree[i]) + b"]"))[1]))
    tree = register(_Raw(b"<</Nums[" + b" ".join(nums + extra) + b"]>>"))[1]
    root.data = (b"<</Type/StructTreeRoot/K %d 0 R/ParentTree %d 0 R/ParentTreeNextKey %d>>"
                 % (document, tree, next_key))
    catalog = doc.Catalog
    catalog.StructTreeRoot = root_ref
    catalog.MarkInfo = _Raw(b"<</Marked true>>")
    catalog.Lang = _text(language)
    metadata = PDFStream(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
                         xmp(title, created, PRODUCER), filters=[])
    catalog.Metadata = doc.Reference(metadata)
    doc.setProducer(PRODUCER)  # the information dictionary says what the XMP says
    doc.setCreator(PRODUCER)
