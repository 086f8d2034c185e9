"""PDF bookmarks: read them for page numbers, and tidy the ones Chromium writes.

Chromium builds the outline from the headings (`outline=True`), but can repeat the text
of a heading that starts a page ("ContentsContents"). The report's CSS avoids that; should
a title still come out doubled, it is rewritten to its single form (which means
rewriting the whole PDF, so it is done only then).
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject


def undouble(title: str) -> str:
    half = len(title) // 2
    if len(title) % 2 == 0 and half and title[:half] == title[half:]:
        return title[:half]
    return title


def _titles(items) -> list[str]:
    out = []
    for item in items:
        out += _titles(item) if isinstance(item, list) else [str(item.title)]
    return out


def tidy(pdf: bytes) -> bytes:
    if all(undouble(title) == title for title in _titles(PdfReader(io.BytesIO(pdf)).outline)):
        return pdf
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    root = writer._root_object.get("/Outlines")
    if root is None:
        return pdf
    stack = [root.get_object().get("/First")]
    while stack:
        node = stack.pop()
        while node is not None:
            item = node.get_object()
            title = str(item.get("/Title", ""))
            fixed = undouble(title)
            if fixed != title:
                item[NameObject("/Title")] = TextStringObject(fixed)
            if "/First" in item:
                stack.append(item["/First"])
            node = item.get("/Next")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def top_level_pages(pdf: bytes) -> dict[str, int]:
    """Top-level bookmark titles and their 1-based pages."""
    reader = PdfReader(io.BytesIO(pdf))
    pages: dict[str, int] = {}
    for item in reader.outline:
        if isinstance(item, list):
            continue
        title = undouble(item.title.strip())
        pages.setdefault(title, reader.get_destination_page_number(item) + 1)
    return pages


def destination_pages(pdf: bytes) -> dict[str, int]:
    """Named destinations (the ids that links in the document point to, such as
    "chapter-1") and their 1-based pages."""
    reader = PdfReader(io.BytesIO(pdf))
    return {
        name.lstrip("/"): reader.get_destination_page_number(dest) + 1
        for name, dest in reader.named_destinations.items()
    }
