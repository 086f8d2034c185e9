"""PDF bookmarks: read them for page numbers, tidy the ones Chromium writes, and open the
document with them shown.

Chromium builds the outline from the headings (`outline=True`), but can repeat the text
of a heading that starts a page ("ContentsContents"). The report's CSS avoids that; should
a title still come out doubled, it is rewritten to its single form (which means
rewriting the whole PDF, so it is done only then).
"""

from __future__ import annotations

import contextlib
import io

import pikepdf

# pikepdf (qpdf) reads an outline without parsing the rest of the document; pypdf took a
# second or more per chapter on the tagged PDFs Chromium writes, twice per PDF of a build.


def undouble(title: str) -> str:
    half = len(title) // 2
    if len(title) % 2 == 0 and half and title[:half] == title[half:]:
        return title[:half]
    return title


def _items(doc: pikepdf.Pdf, top_level_only: bool = False):
    """The outline's item dictionaries, each level in order."""
    root = doc.Root.get("/Outlines")
    if root is None:
        return
    stack = [root.get("/First")]
    while stack:
        node = stack.pop()
        while node is not None:
            yield node
            if "/First" in node and not top_level_only:
                stack.append(node.First)
            node = node.get("/Next")


def named_dests(doc: pikepdf.Pdf) -> dict[str, object]:
    """Named destinations, from the name tree and from the older /Dests dictionary."""
    found: dict[str, object] = {}
    names = doc.Root.get("/Names")
    if names is not None and "/Dests" in names:
        found.update((str(k), v) for k, v in pikepdf.NameTree(names.Dests).items())
    old = doc.Root.get("/Dests")
    if old is not None:
        found.update((str(k).lstrip("/"), v) for k, v in old.items())
    return found


def _page(dest, index: dict, named: dict) -> int:
    """1-based page of a destination (an array, a name, or a dictionary holding /D)."""
    if isinstance(dest, (pikepdf.Name, pikepdf.String)):
        dest = named[str(dest).lstrip("/")]
    if isinstance(dest, pikepdf.Dictionary):
        dest = dest.D
    return index[dest[0].objgen] + 1


def tidy(doc: pikepdf.Pdf) -> bool:
    """Bookmark titles undoubled, and the document set to open with its bookmarks shown
    (/PageMode /UseOutlines): a reader finds the chapters without looking for the panel.
    Whether anything changed (the printer writes a printing again only then)."""
    doubled = []
    for item in _items(doc):
        title = str(item.get("/Title", ""))
        if undouble(title) != title:
            doubled.append((item, undouble(title)))
    has_outline = doc.Root.get("/Outlines") is not None
    mode_set = doc.Root.get("/PageMode") == pikepdf.Name.UseOutlines
    if not doubled and (mode_set or not has_outline):
        return False
    for item, fixed in doubled:
        item.Title = pikepdf.String(fixed)
    if has_outline:
        doc.Root.PageMode = pikepdf.Name.UseOutlines
    return True


USE_OUTLINES = pikepdf.Name.UseOutlines


@contextlib.contextmanager
def opened(pdf: bytes | pikepdf.Pdf):
    """`pdf` as an open document: bytes are opened (and closed after), an open document is
    read as it is (and left open)."""
    if isinstance(pdf, pikepdf.Pdf):
        yield pdf
        return
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        yield doc


def top_level_pages(pdf: bytes) -> dict[str, int]:
    """Top-level bookmark titles and their 1-based pages."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        index = {page.objgen: i for i, page in enumerate(doc.pages)}
        named = named_dests(doc)
        pages: dict[str, int] = {}
        for item in _items(doc, top_level_only=True):
            dest = item.get("/Dest")
            if dest is None and "/A" in item:
                dest = item.A.get("/D")
            if dest is None:
                continue
            title = undouble(str(item.get("/Title", "")).strip())
            pages.setdefault(title, _page(dest, index, named))
    return pages


def destination_tops(pdf: bytes | pikepdf.Pdf) -> dict[str, float]:
    """Named destinations and how far below the top of its page each one is, in points
    (the /XYZ destination's top, which Chromium writes for a link target)."""
    with opened(pdf) as doc:
        tops: dict[str, float] = {}
        for name, dest in named_dests(doc).items():
            if isinstance(dest, pikepdf.Dictionary):
                dest = dest.D
            page = dest[0]
            height = float(page.MediaBox[3]) - float(page.MediaBox[1])
            if len(dest) > 3 and str(dest[1]) == "/XYZ" and dest[3] is not None:
                tops[name] = height - float(dest[3])
        return tops


def destination_pages(pdf: bytes | pikepdf.Pdf) -> dict[str, int]:
    """Named destinations (the ids that links in the document point to, such as
    "chapter-1") and their 1-based pages."""
    with opened(pdf) as doc:
        index = {page.objgen: i for i, page in enumerate(doc.pages)}
        named = named_dests(doc)
        return {name: _page(dest, index, named) for name, dest in named.items()}
