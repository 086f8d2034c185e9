"""One printing of a variant's dossier made into all its PDFs, with pikepdf (qpdf).

The browser prints two documents per variant: the body (every chapter and the sources
appendix) and the front (cover and contents, whose page numbers the body's printing
gives). Neither carries Chromium's running header and footer: each page is stamped with
its own afterwards (`stamp`), from a document of blank pages that holds nothing else,
so that one printing of the body serves the dossier ("Page 7 of 40") and a chapter cut from it
("Page 3 of 12", headed with the chapter's title) alike.

  merge        the dossier: the front's pages, then the body's
  chapter_pages  one chapter: its pages of the body, then the body's sources appendix
  chapter_pdf  that chapter stamped and written
  stamp        the running header and "Page i of n" laid over each page, from one
               printing of blank pages per variant that holds every file's

Chromium writes tagged PDFs (a structure tree of what each page shows, which screen
readers follow and the tests read for the charts' alt text), named destinations for
links, and bookmarks. A cut keeps the three about its own pages only: anything that
still pointed at a page left out would carry that page into the file. qpdf writes only
what the kept document refers to.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import NamedTuple

import pikepdf
from pikepdf import Array, Dictionary, Name

from .outline import _items as bookmarks
from .outline import named_dests, opened

# -- reading ---------------------------------------------------------------------------------


def open_pdf(pdf: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(pdf))


def to_bytes(doc: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    doc.save(out, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return out.getvalue()


def _copy(doc: pikepdf.Pdf, foreign: pikepdf.Pdf, obj):
    """`obj` of `foreign` copied into `doc` (a direct object through an indirect one:
    qpdf copies only those, mapping each foreign object once)."""
    if not isinstance(obj, pikepdf.Object):
        return obj
    if not obj.is_indirect:
        obj = foreign.make_indirect(obj)
    return doc.copy_foreign(obj)


def _kids(node) -> list:
    k = node.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, Array) else [k]


def _dest_page(dest, named: dict):
    """The page object a destination (array, name, or dictionary with /D) points to."""
    if isinstance(dest, (Name, pikepdf.String)):
        dest = named.get(str(dest).lstrip("/"))
    if isinstance(dest, Dictionary):
        dest = dest.get("/D")
    if isinstance(dest, Array) and len(dest) and isinstance(dest[0], Dictionary):
        return dest[0]
    return None


def _link_dest(annot):
    dest = annot.get("/Dest")
    if dest is None and "/A" in annot and annot.A.get("/S") == Name.GoTo:
        dest = annot.A.get("/D")
    return dest


def _outline_items(doc: pikepdf.Pdf) -> list:
    """The top-level bookmarks, in order (outline's own walk)."""
    return list(bookmarks(doc, top_level_only=True))


def _item_dest(item):
    dest = item.get("/Dest")
    if dest is None and "/A" in item:
        dest = item.A.get("/D")
    return dest


# -- a subset of pages -----------------------------------------------------------------------


def _target_link(annot) -> bool:
    """One of the body's invisible links (1 CSS px square) that exist to make Chromium
    write the chapters' destinations (see the page template's `link_targets`)."""
    if annot.get("/Subtype") != Name.Link:
        return False
    x1, y1, x2, y2 = (float(v) for v in annot.get("/Rect", [0, 0, 9, 9]))
    return abs(x2 - x1) < 1.5 and abs(y2 - y1) < 1.5


class StructIndex(dict):
    """What each structure element of a printing holds below it, read in one walk, by the
    element's object number: the same in every document opened from the same bytes.

    A chapter's cut walked the body's whole structure tree (4,390 elements in the Chinese
    dossier's) for each of five chapters and the dossier again, though most of it lies
    wholly on the chapter's pages or wholly off them. With the index the walk stops at an
    element whose subtree it would leave as it is (`_Subtree.whole` and every page kept)
    or drop entirely (no kid on a kept page), and goes on only across a chapter's edges.
    What is written is the same: a dropped subtree is unreachable either way, and a kept
    one the walk would not have changed."""

    @classmethod
    def of(cls, pdf: bytes | pikepdf.Pdf) -> StructIndex:
        """The index of `pdf`'s structure (bytes, or the open document itself)."""
        index = cls()
        with opened(pdf) as doc:
            struct = doc.Root.get("/StructTreeRoot")
            for top in _kids(struct) if struct is not None else []:
                if isinstance(top, Dictionary):
                    index._read(top, None)
            if struct is not None and "/IDTree" in struct:
                index.ids = sorted(
                    (k, v.objgen)
                    for k, v in pikepdf.NameTree(struct.IDTree).items()
                    if v.is_indirect
                )
        return index

    # The IDTree's (id, element) pairs, sorted: each cut keeps those of its elements.
    ids: list | None = None

    def __init__(self) -> None:
        super().__init__()
        self.parent: dict = {}  # element -> the element whose kid it is

    def _read(self, elem, parent) -> _Subtree:
        # Mirrors `_prune_structure`'s prune: which kids it keeps on which pages.
        page = elem.get("/Pg")
        own = page.objgen if page is not None else None
        kid_pages, pages, annots, elems = set(), set(), set(), [elem.objgen]
        k = elem.get("/K")
        # Left as it is only if the walk would write it back the same: kids in a direct
        # array of two or more, or one kid alone (prune writes them so).
        whole = k is not None and not (isinstance(k, Array) and (k.is_indirect or len(k) < 2))
        if own is not None:
            pages.add(own)
        for kid in _kids(elem):
            kind, at, obj = _kid(kid, page)
            if kind == "element":
                sub = self._read(kid, elem.objgen)
                kid_pages |= sub.kid_pages
                pages |= sub.pages
                annots |= sub.annots
                elems += sub.elems
                whole = whole and sub.whole and kid.is_indirect
                continue
            if kind == "other":
                whole = False
                continue
            if obj is not None:
                annots.add(obj.objgen)
            at = _objgen(at)
            if at is None:
                whole = False
            else:
                kid_pages.add(at)
                pages.add(at)
        sub = _Subtree(frozenset(kid_pages), frozenset(pages), frozenset(annots), whole, elems)
        if elem.is_indirect:
            self[elem.objgen] = sub
            self.parent[elem.objgen] = parent
        return sub


class _Subtree(NamedTuple):
    kid_pages: frozenset  # pages of the kids the walk may keep (none kept: dropped whole)
    pages: frozenset  # those and every element's own /Pg (the walk deletes one off the pages)
    annots: frozenset  # annotations its OBJRs name (a dropped link drops its OBJR)
    whole: bool  # every element has kids, each of a kind the walk keeps, written as kept
    elems: list  # object numbers of its elements (the IDTree keeps those kept)


def _objgen(obj):
    return obj.objgen if obj is not None else None


def _kid(kid, page) -> tuple[str, object, object]:
    """A structure element's kid as a cut reads it, with `page` the element's /Pg:
    ("content", its page) for marked content (a bare MCID is on the element's page),
    ("objr", its page, the annotation) for a reference to an annotation, ("element", ...)
    for a child element, ("other", ...) for anything else (which no cut keeps)."""
    if isinstance(kid, int):
        return "content", page, None
    if isinstance(kid, Dictionary) and "/MCID" in kid:
        return "content", kid.get("/Pg", page), None
    if isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
        return "objr", kid.get("/Pg", page), kid.get("/Obj")
    if isinstance(kid, Dictionary):
        return "element", None, None
    return "other", None, None


def keep_pages(
    doc: pikepdf.Pdf, keep: Iterable[int] | None = None, index: StructIndex | None = None
) -> None:
    """Reduce `doc` to the 0-based pages `keep` (in the document's order; None: all),
    with its named destinations, links, bookmarks and structure tree about those pages
    only. The body's invisible target links go too. `index`: the structure of the bytes
    `doc` was opened from (`StructIndex.of`), to walk less of it."""
    keep = set(range(len(doc.pages)) if keep is None else keep)
    kept = {p.obj.objgen for i, p in enumerate(doc.pages) if i in keep}

    def on_kept(page) -> bool:
        return page is not None and page.objgen in kept

    # Named destinations on kept pages only.
    named = named_dests(doc)
    alive = {n for n, d in named.items() if on_kept(_dest_page(d, named))}
    old = doc.Root.get("/Dests")
    if old is not None:
        for key in list(old.keys()):
            if key.lstrip("/") not in alive:
                del old[key]
    names = doc.Root.get("/Names")
    if names is not None and "/Dests" in names:
        tree = pikepdf.NameTree(names.Dests)
        for key in [k for k in tree.keys() if k not in alive]:
            del tree[key]

    # Links that would lead off the kept pages are dropped (as a chapter printed alone
    # had no link to a chapter it did not hold).
    dropped: set = set()
    for i, page in enumerate(doc.pages):
        annots = page.obj.get("/Annots")
        if i not in keep or annots is None:
            continue
        still = []
        for annot in annots:
            dest = _link_dest(annot) if annot.get("/Subtype") == Name.Link else None
            if dest is not None and (not on_kept(_dest_page(dest, named)) or _target_link(annot)):
                dropped.add(annot.objgen)
            else:
                still.append(annot)
        if len(still) != len(annots):
            page.obj.Annots = Array(still)

    # Bookmarks: the top-level items that open on a kept page, with their sub-items.
    root = doc.Root.get("/Outlines")
    if root is not None:
        items = [it for it in _outline_items(doc) if on_kept(_dest_page(_item_dest(it), named))]
        _relink(root, items)

    struct = doc.Root.get("/StructTreeRoot")
    if struct is not None:
        _prune_structure(doc, struct, on_kept, dropped, keep, kept, index or {})

    for i in reversed(range(len(doc.pages))):
        if i not in keep:
            del doc.pages[i]


def _relink(root, items: list) -> None:
    for key in ("/First", "/Last"):
        if key in root:
            del root[key]
    count = 0
    for i, item in enumerate(items):
        item.Parent = root
        for key, other in (
            ("/Prev", items[i - 1] if i else None),
            ("/Next", items[i + 1] if i + 1 < len(items) else None),
        ):
            if other is None:
                if key in item:
                    del item[key]
            else:
                item[key] = other
        count += 1 + max(int(item.get("/Count", 0)), 0)
    if items:
        root.First, root.Last = items[0], items[-1]
    root.Count = count


def _prune_structure(
    doc, struct, on_kept, dropped_annots: set, keep: set, kept_pages: set, index: dict
) -> None:
    kept_elems: set = set()
    dropped_whole: set = set()

    def emptied(elem) -> None:
        # What the walk does to an element of a subtree it drops.
        if "/K" in elem:
            del elem["/K"]
        page = elem.get("/Pg")
        if page is not None and not on_kept(page):
            del elem["/Pg"]

    def prune(elem) -> bool:
        known = index.get(elem.objgen) if elem.is_indirect else None
        if known is not None:
            if known.kid_pages.isdisjoint(kept_pages):
                dropped_whole.add(elem.objgen)
                return False
            if (
                known.whole
                and known.pages <= kept_pages
                and known.annots.isdisjoint(dropped_annots)
            ):
                kept_elems.update(known.elems)
                return True
        page = elem.get("/Pg")
        page_ok = on_kept(page)
        still = []
        for kid in _kids(elem):
            kind, at, obj = _kid(kid, page)
            if kind == "content":
                ok = on_kept(at)
            elif kind == "objr":
                ok = on_kept(at) and (obj is None or obj.objgen not in dropped_annots)
            elif kind == "element":
                ok = prune(kid)
            else:
                ok = False
            if ok:
                still.append(kid)
        if still:
            elem.K = Array(still) if len(still) > 1 else still[0]
        elif "/K" in elem:
            del elem["/K"]
        if page is not None and not page_ok:
            del elem["/Pg"]
        if still and elem.is_indirect:
            kept_elems.add(elem.objgen)
        return bool(still)

    top = [k for k in _kids(struct) if isinstance(k, Dictionary) and prune(k)]
    struct.K = Array(top) if len(top) != 1 else top[0]
    # A kept bookmark may name an element of a subtree dropped unwalked (/SE): that
    # element and its parents up to the subtree's top stay reachable, and are written as
    # the walk left them, emptied (not with the subtree below them).
    parent = getattr(index, "parent", {})
    for item in bookmarks(doc) if dropped_whole else []:
        se = item.get("/SE")
        chain, og = [], se.objgen if se is not None and se.is_indirect else None
        while og is not None and og not in dropped_whole:
            chain.append(og)
            og = parent.get(og)
        if og is not None:
            for each in [*chain, og]:
                emptied(doc.get_object(each))

    # The parent tree: entries for the kept pages' marked content and kept annotations.
    keys = set()
    for i, page in enumerate(doc.pages):
        if i not in keep:
            continue
        if "/StructParents" in page.obj:
            keys.add(int(page.obj.StructParents))
        for annot in page.obj.get("/Annots") or []:
            if "/StructParent" in annot:
                keys.add(int(annot.StructParent))
    if "/ParentTree" in struct:
        old = pikepdf.NumberTree(struct.ParentTree)
        # Looked up key by key: reading every entry (the whole body's) cost more than the
        # rest of a chapter's cut.
        entries = sorted((k, old[k]) for k in keys if k in old)
        struct.ParentTree = doc.make_indirect(
            Dictionary(Nums=Array([x for k, v in entries for x in (k, v)]))
        )
    if "/IDTree" in struct:
        ids = getattr(index, "ids", None)
        if ids is not None:
            entries = [(k, doc.get_object(og)) for k, og in ids if og in kept_elems]
        else:
            old = pikepdf.NameTree(struct.IDTree)
            entries = sorted(
                (k, v) for k, v in old.items() if v.is_indirect and v.objgen in kept_elems
            )
        struct.IDTree = doc.make_indirect(
            Dictionary(Names=Array([x for k, v in entries for x in (pikepdf.String(k), v)]))
        )


# -- the dossier: front and body -------------------------------------------------------------


def merge(
    front_pdf: bytes | pikepdf.Pdf,
    body_pdf: bytes | pikepdf.Pdf,
    index: StructIndex | None = None,
    front_pages: int | None = None,
) -> pikepdf.Pdf:
    """The front's pages, then the body's, as one tagged document. The front's links to
    the chapters point at names the body defines (the front carries empty anchors of the
    same names so that Chromium writes the links at all; the body's win). `index`: the
    body's (`StructIndex.of`). An open body document is merged into (and returned).
    `front_pages`: the front's first pages alone are the front (the stamps printed after
    them, `printer.with_stamps`, stay where they are, outside the structure)."""
    body = body_pdf if isinstance(body_pdf, pikepdf.Pdf) else open_pdf(body_pdf)
    front = front_pdf if isinstance(front_pdf, pikepdf.Pdf) else open_pdf(front_pdf)
    own = list(front.pages)[:front_pages]
    keep_pages(body, index=index)
    b_struct, f_struct = body.Root.get("/StructTreeRoot"), front.Root.get("/StructTreeRoot")
    offset = 0
    if b_struct is not None and f_struct is not None:
        offset = int(b_struct.get("/ParentTreeNextKey", 0))
        f_tree = pikepdf.NumberTree(f_struct.ParentTree) if "/ParentTree" in f_struct else {}
        if not offset:
            offset = 1 + max(
                (k for k, _ in pikepdf.NumberTree(b_struct.ParentTree).items()), default=-1
            )
        # Renumbered in the front before it is copied: its keys follow the body's.
        for page in own:
            if "/StructParents" in page.obj:
                page.obj.StructParents = int(page.obj.StructParents) + offset
            for annot in page.obj.get("/Annots") or []:
                if "/StructParent" in annot:
                    annot.StructParent = int(annot.StructParent) + offset
        _rename_ids(f_struct)
    f_named = named_dests(front)
    b_named = named_dests(body)
    f_items = [(str(it.get("/Title", "")), _item_dest(it)) for it in _outline_items(front)]

    for i, page in enumerate(own):
        body.pages.insert(i, page)
    # Copies of the front's objects now refer to the copied pages (qpdf maps each foreign
    # object once).
    if b_struct is not None and f_struct is not None:
        b_doc = _kids(b_struct)[0]
        f_top = [_copy(body, front, k) for k in _kids(f_struct) if isinstance(k, Dictionary)]
        f_kids = [k for top in f_top for k in _kids(top)]
        for kid in f_kids:
            if isinstance(kid, Dictionary):
                kid.P = b_doc
        b_doc.K = Array(f_kids + _kids(b_doc))
        b_tree = pikepdf.NumberTree(b_struct.ParentTree)
        for key, value in f_tree.items():
            b_tree[key + offset] = _copy(body, front, value)
        b_struct.ParentTreeNextKey = offset + int(f_struct.get("/ParentTreeNextKey", 0))
        if "/IDTree" in f_struct:
            ids = list(pikepdf.NameTree(b_struct.IDTree).items()) if "/IDTree" in b_struct else []
            ids += [
                (k, _copy(body, front, v)) for k, v in pikepdf.NameTree(f_struct.IDTree).items()
            ]
            ids.sort(key=lambda kv: kv[0])
            b_struct.IDTree = body.make_indirect(
                Dictionary(Names=Array([x for k, v in ids for x in (pikepdf.String(k), v)]))
            )
    # Names the front defines and the body does not ("contents").
    dests = body.Root.get("/Dests")
    if dests is None:
        dests = body.Root.Dests = body.make_indirect(Dictionary())
    for name, dest in f_named.items():
        if name not in b_named:
            dests[Name("/" + name)] = _copy(body, front, dest)
    # The front's bookmarks ("Contents") before the body's.
    root = body.Root.get("/Outlines")
    if root is None:
        root = body.Root.Outlines = body.make_indirect(Dictionary(Type=Name.Outlines))
    new = []
    for title, dest in f_items:
        if dest is None:
            continue
        new.append(
            body.make_indirect(
                Dictionary(Title=pikepdf.String(title), Dest=_copy(body, front, dest))
            )
        )
    _relink(root, new + _outline_items(body))
    return body


def _rename_ids(struct) -> None:
    """The front's element ids, prefixed: Chromium numbers each printing's from the same
    start, so the body's would clash (table cells name their headers by id)."""
    seen = set()

    def walk(elem):
        if not elem.is_indirect or elem.objgen in seen:
            return
        seen.add(elem.objgen)
        if "/ID" in elem:
            elem.ID = pikepdf.String("front-" + str(elem.ID))
        attrs = elem.get("/A")
        for attr in list(attrs) if isinstance(attrs, Array) else [attrs] if attrs else []:
            if isinstance(attr, Dictionary) and "/Headers" in attr:
                attr.Headers = Array([pikepdf.String("front-" + str(h)) for h in attr.Headers])
        for kid in _kids(elem):
            if isinstance(kid, Dictionary) and "/S" in kid:
                walk(kid)

    for top in _kids(struct):
        if isinstance(top, Dictionary):
            walk(top)
    if "/IDTree" in struct:
        entries = sorted(("front-" + k, v) for k, v in pikepdf.NameTree(struct.IDTree).items())
        struct.IDTree = Dictionary(
            Names=Array([x for k, v in entries for x in (pikepdf.String(k), v)])
        )


# -- running headers and page numbers --------------------------------------------------------


def stamp(doc: pikepdf.Pdf, marks: pikepdf.Pdf, first: int) -> None:
    """Lay page first + i of `marks` (a header and footer alone) over page i of `doc`,
    as an artifact (not part of the text's structure, as Chromium marks its own)."""
    if first + len(doc.pages) > len(marks.pages):
        raise ValueError(
            f"the header and footer stamps end at page {len(marks.pages)}, "
            f"before {first + len(doc.pages)}"
        )
    for page, mark in zip(doc.pages, marks.pages[first:], strict=False):
        form = doc.copy_foreign(mark.as_form_xobject())
        name = page.add_resource(form, Name.XObject, prefix="Ipd")
        page.contents_add(pikepdf.Stream(doc, b"q\n"), prepend=True)
        page.contents_add(
            pikepdf.Stream(doc, b"\nQ\n/Artifact BMC q " + bytes(name) + b" Do Q EMC\n")
        )


def chapter_pages(
    body_pdf: bytes, pages: Iterable[int], index: StructIndex | None = None
) -> pikepdf.Pdf:
    """One chapter's document: the 0-based `pages` of the body (its own, then the
    appendix), not yet stamped. Needs the body alone, so a build cuts the chapters while
    the browser prints the front and the stamps. `index`: the body's (`StructIndex.of`)."""
    doc = open_pdf(body_pdf)
    keep_pages(doc, pages, index)
    doc.Root.PageMode = Name.UseOutlines
    return doc


def chapter_pdf(doc: pikepdf.Pdf, marks: pikepdf.Pdf, first: int) -> bytes:
    """A chapter's document (`chapter_pages`) stamped with its header and its own page
    numbers from page `first` of `marks`, as the bytes of its PDF."""
    stamp(doc, marks, first)
    return to_bytes(doc)
