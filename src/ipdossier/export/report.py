"""The reports of one variant: dossier.pdf, a PDF per chapter, and dossier.html.

dossier.pdf is printed twice: the first pass tells on which page each chapter starts
(from the PDF's own bookmarks), the second prints the contents with those numbers. Each
file is written through a temporary name and renamed, so a failure leaves none behind.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .. import data as dossier_data
from ..i18n import t
from . import html as report_html
from . import outline
from .browser import check_cjk_fonts
from .printer import PdfPrinter, write_atomic

FORMATS = ("pdf", "html")


def _event_name(dossier, params: dict) -> str:
    events = dossier.events.set_index("event_id")
    event_id = params.get("event_id")
    if event_id in events.index:
        return str(events.loc[event_id, "name"])
    return ""


def render_report(
    executed: list[Path],
    out_dir: Path,
    *,
    params: dict,
    data_version: str,
    formats: Iterable[str] = FORMATS,
    printer: PdfPrinter | None = None,
) -> dict:
    formats = set(formats)
    unknown = formats - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown report format(s): {', '.join(sorted(unknown))}")
    language = params.get("language", "en")
    dossier = dossier_data.load()
    sources = dossier.sources
    event = _event_name(dossier, params)
    out_dir.mkdir(parents=True, exist_ok=True)
    made: dict = {"pdf": None, "html": None, "chapters": []}
    common = dict(params=params, data_version=data_version, sources=sources, event_name=event)

    if "html" in formats:
        web = [
            report_html.chapter(p, i, mode="web", language=language)
            for i, p in enumerate(executed, start=1)
        ]
        page = report_html.page(web, web=True, **common)
        made["html"] = write_atomic(out_dir / "dossier.html", page.encode("utf-8"))

    if "pdf" in formats:
        if language == "zh":
            check_cjk_fonts()
        chapters = [
            report_html.chapter(p, i, mode="print", language=language)
            for i, p in enumerate(executed, start=1)
        ]
        own = printer is None
        printer = printer or PdfPrinter().__enter__()
        try:
            made["pdf"], made["chapters"] = _print_all(printer, chapters, out_dir, language, common)
        finally:
            if own:
                printer.close()
    return made


FRONT_PAGES = 2  # the cover and the contents


def _print_all(printer, chapters, out_dir: Path, language: str, common: dict):
    """Chapter PDFs first: each starts on a new page and lays out the same alone as in
    the dossier, so their lengths give the contents' page numbers and the dossier is
    printed once. Its own bookmarks confirm the numbers; a mismatch is printed again."""
    title = t("dossier_title", language)
    sources_title = t("sources", language)
    words = {"footer": t("page_of", language)}
    def print_chapter(c) -> bytes:
        page = report_html.page([c], web=False, cover=False, **common)
        return printer.pdf_bytes(page, header_title=f"{title} · {c.title}", **words)

    # The printer takes several documents at once: the chapters print side by side.
    with ThreadPoolExecutor(max_workers=len(chapters) or 1) as pool:
        printed = list(pool.map(print_chapter, chapters))
    per_chapter, pages, next_page = [], {}, FRONT_PAGES + 1
    for c, pdf in zip(chapters, printed, strict=True):
        per_chapter.append(write_atomic(out_dir / f"{c.stem}.pdf", pdf))
        pages[c.id] = next_page
        next_page += outline.top_level_pages(pdf)[sources_title] - 1
    pages["sources"] = next_page
    for _attempt in range(2):
        final = report_html.page(chapters, web=False, pages=pages, **common)
        pdf = printer.pdf_bytes(final, header_title=title, **words)
        found = outline.top_level_pages(pdf)
        actual = {c.id: found.get(c.title) for c in chapters}
        actual["sources"] = found.get(sources_title)
        if actual == pages:
            break
        pages = actual
    return write_atomic(out_dir / "dossier.pdf", pdf), per_chapter
