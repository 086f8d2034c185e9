"""Reading the dossier's files back: the PDFs' text, pages, bookmarks, links and tagged
figures, and what each executed notebook holds (its title, charts and source notes).

The expected side of every comparison comes from the notebooks (their metadata and the
charts they output), never from the exporter under test.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import nbformat
from pypdf import PageObject, PdfReader
from pypdf.generic import ContentStream

PLOTLY = "application/vnd.plotly.v1+json"
SVG = "image/svg+xml"
# Operators that paint a path (stroke, fill, or both).
PAINT = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}
TEXT = {b"Tj", b"TJ", b"'", b'"'}


# Characters whose glyph the CJK font shares with a radical, which the text layer then
# gives back as the radical (U+2EDA for 页); Unicode has no decomposition for these.
RADICALS = str.maketrans({"\u2eda": "页"})


def nfkc(text: str) -> str:
    # NFKC undoes the ligatures (ﬁ) that the PDF's text layer keeps.
    return unicodedata.normalize("NFKC", text).translate(RADICALS)


def flat(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", nfkc(text)).split())


# Reading a page's text back is the slow part of reading a tagged PDF (pypdf: 1.5-5 s for
# one of the dossier's files), and many tests read the same review PDFs: each page's text
# is kept for the session under a digest of the file's bytes, so a rebuilt file is read
# anew and two readers of one file share it.
_PAGE_TEXTS: dict[bytes, dict[int, str]] = {}


def page_text(page: PageObject) -> str:
    """pypdf's `page.extract_text()`, read once per file's bytes and page."""
    if not isinstance(page, PageObject):  # pdfplumber's pages extract text differently
        raise TypeError(f"a pypdf page, not {type(page).__name__}")
    stream = page.pdf.stream
    if hasattr(stream, "getbuffer"):
        data = stream.getbuffer()
    else:  # a reader given an open file
        position = stream.tell()
        stream.seek(0)
        data = stream.read()
        stream.seek(position)
    digest = hashlib.blake2b(data, digest_size=16).digest()
    texts = _PAGE_TEXTS.setdefault(digest, {})
    if page.page_number not in texts:
        texts[page.page_number] = page.extract_text()
    return texts[page.page_number]


def text_of(pdf: Path | PdfReader, pages: range | None = None) -> str:
    reader = pdf if isinstance(pdf, PdfReader) else PdfReader(pdf)
    chosen = [reader.pages[i] for i in pages] if pages is not None else reader.pages
    return nfkc("\n".join(page_text(p) for p in chosen))


def compact(text: str) -> str:
    """Text without any white space: a narrow column or a chart wraps words anywhere."""
    return "".join(flat(text).split())


@dataclass
class Chapter:
    """One chapter as its executed notebook has it."""

    stem: str
    title: str
    title_zh: str
    charts: list[str]  # chart titles, in order
    notes: list[str]  # each source cited in a source note or a table's cells, in order

    def heading(self, language: str) -> str:
        return self.title_zh if language == "zh" else self.title


def _html(output) -> str:
    html = output.get("data", {}).get("text/html", "")
    return "".join(html) if isinstance(html, list) else html


def chapter(executed: Path) -> Chapter:
    nb = nbformat.read(executed, as_version=4)
    meta = nb.metadata["ipdossier"]
    charts, notes = [], []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            fig = out.get("data", {}).get(PLOTLY)
            if fig:
                charts.append(fig["layout"]["title"]["text"])
            # A note names each source as [id] (in Chinese, [n]), linked or not: every one
            # must be a link; one that is not stands in the list as "<unlinked>".
            for note in re.findall(r'<p class="ipd-source">(.*?)</p>', _html(out), re.DOTALL):
                shown = re.findall(r"\[([^\]<>]+)\]", re.sub(r"<[^>]+>", "", note))
                linked = re.findall(r'data-source="([^"]+)"', note)
                notes += linked + ["<unlinked>"] * (len(shown) - len(linked))
            # A table's Source column cites each row as a note does (the values table has
            # no note under it: its column cites every row).
            for table in re.findall(r'<table[^>]*ipd-table.*?</table>', _html(out), re.DOTALL):
                notes += re.findall(r'data-source="([^"]+)"', table)
    return Chapter(executed.stem, meta["title"], meta["title_zh"], charts, notes)


def svgs(executed: Path) -> list[tuple[dict, str]]:
    """(figure JSON, SVG as the build drew it) for every chart of an executed notebook."""
    nb = nbformat.read(executed, as_version=4)
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if PLOTLY in data:
                svg = data.get(SVG)
                found.append((data[PLOTLY], svg if isinstance(svg, str) else "".join(svg or "")))
    return found


# -- PDF structure ---------------------------------------------------------------------------


def bookmarks(reader: PdfReader) -> list[tuple[str, int]]:
    """Top-level bookmarks: (title, 1-based page)."""
    return [
        (item.title, reader.get_destination_page_number(item) + 1)
        for item in reader.outline
        if not isinstance(item, list)
    ]


def destinations(reader: PdfReader) -> dict[str, int]:
    """Named destinations (link targets such as "chapter-1") and their 1-based pages."""
    return {
        name.lstrip("/"): reader.get_destination_page_number(dest) + 1
        for name, dest in reader.named_destinations.items()
    }


def chapter_pages(reader: PdfReader, count: int) -> list[range]:
    """0-based page ranges of chapters 1..count of a dossier, by its link targets."""
    starts = destinations(reader)
    bounds = [starts[f"chapter-{i}"] for i in range(1, count + 1)] + [starts["sources"]]
    return [range(a - 1, b - 1) for a, b in zip(bounds, bounds[1:], strict=False)]


def links(reader: PdfReader, page: int) -> list[str]:
    """Named destinations of the internal links on a 0-based page, top to bottom."""
    found = []
    for annot in reader.pages[page].get("/Annots") or []:
        a = annot.get_object()
        if a.get("/Subtype") != "/Link":
            continue
        dest = a.get("/Dest")
        if dest is None and "/A" in a and "/D" in a["/A"]:
            dest = a["/A"]["/D"]
        if isinstance(dest, str):
            found.append((-float(a["/Rect"][3]), float(a["/Rect"][0]), dest.lstrip("/")))
    # Reading order: line by line, left to right.
    return [name for _, _, name in sorted(found)]


def runs(names: list[str]) -> list[str]:
    """Consecutive repeats as one: a link the page breaks over two lines is two link
    annotations, so link lists are compared run by run."""
    return [n for i, n in enumerate(names) if i == 0 or names[i - 1] != n]


@dataclass
class Figure:
    """A tagged figure of the PDF (Chromium tags each <img>; its alt text is the chart's
    title) and what is drawn inside its marked content."""

    alt: str
    page: int  # 0-based
    ops: Counter
    images: int

    @property
    def painted_paths(self) -> int:
        return sum(self.ops[op] for op in PAINT)

    @property
    def text_shows(self) -> int:
        return sum(self.ops[op] for op in TEXT)


def _struct_figures(reader: PdfReader) -> list[tuple[str, int, int]]:
    """(alt, 0-based page, MCID) of every /Figure in the structure tree."""
    root = reader.trailer["/Root"].get("/StructTreeRoot")
    found: list[tuple[str, int, int]] = []
    if root is None:
        return found

    def kids(node):
        k = node.get("/K")
        if k is None:
            return []
        return [
            c.get_object() if hasattr(c, "get_object") else c
            for c in (k if isinstance(k, list) else [k])
        ]

    def walk(node, page):
        node = node.get_object()
        if "/Pg" in node:
            page = reader.get_page_number(node["/Pg"].get_object())
        for kid in kids(node):
            if isinstance(kid, dict) and kid.get("/S") is not None and "/MCID" not in kid:
                if kid["/S"] == "/Figure":
                    pg = page
                    if "/Pg" in kid:
                        pg = reader.get_page_number(kid["/Pg"].get_object())
                    for mc in kids(kid):
                        if isinstance(mc, int):
                            found.append((str(kid.get("/Alt", "")), pg, int(mc)))
                        elif isinstance(mc, dict) and "/MCID" in mc:
                            p = mc.get("/Pg")
                            p = reader.get_page_number(p.get_object()) if p is not None else pg
                            found.append((str(kid.get("/Alt", "")), p, int(mc["/MCID"])))
                else:
                    walk(kid, page)

    walk(root, None)
    return found


def _marked(reader: PdfReader, page: int, mcid: int) -> tuple[Counter, int]:
    """Operators drawn inside marked content `mcid` of a page, Form XObjects opened."""
    pg = reader.pages[page]
    ops: Counter = Counter()
    images = 0

    def count(operations, resources, inside: bool, depth: int = 0):
        nonlocal images
        stack: list[bool] = []
        for operands, op in operations:
            if op in (b"BDC", b"BMC"):
                props = operands[1] if op == b"BDC" and len(operands) > 1 else None
                props = props.get_object() if hasattr(props, "get_object") else props
                mine = isinstance(props, dict) and props.get("/MCID") == mcid and depth == 0
                stack.append(mine)
                continue
            if op == b"EMC":
                if stack:
                    stack.pop()
                continue
            here = inside or any(stack)
            if not here:
                continue
            ops[op] += 1
            if op == b"Do":
                xobjects = (resources or {}).get("/XObject") or {}
                x = xobjects.get(operands[0])
                x = x.get_object() if x is not None else None
                if x is None:
                    continue
                if x.get("/Subtype") == "/Image":
                    images += 1
                elif x.get("/Subtype") == "/Form" and depth < 8:
                    inner = ContentStream(x, reader).operations
                    count(inner, x.get("/Resources") or resources, True, depth + 1)
            elif op in (b"BI", b"INLINE IMAGE"):
                images += 1

    count(ContentStream(pg.get_contents(), reader).operations, pg["/Resources"], False)
    return ops, images


def figures(reader: PdfReader) -> list[Figure]:
    out = []
    for alt, page, mcid in _struct_figures(reader):
        ops, images = _marked(reader, page, mcid)
        out.append(Figure(alt, page, ops, images))
    return out


def svg_translate(element) -> tuple[float, float]:
    """The (x, y) of an SVG element's own `translate(...)`; (0, 0) without one."""
    found = re.search(r"translate\(\s*([-\d.]+)\s*,?\s*([-\d.]+)?", element.get("transform") or "")
    return (float(found.group(1)), float(found.group(2) or 0)) if found else (0.0, 0.0)


def svg_absolute(element, parents) -> tuple[float, float]:
    """Where `element` stands in the whole SVG: its translation and every ancestor's
    (`parents` maps a child to its parent)."""
    x = y = 0.0
    while element is not None:
        dx, dy = svg_translate(element)
        x, y = x + dx, y + dy
        element = parents.get(element)
    return x, y
