"""The reports of one variant: dossier.pdf, a PDF per chapter, and dossier.html.

Each chapter is prepared on its own (`prepare_chapter`: its HTML bodies, and its PDF
printed alone), then `assemble` writes the reports: the chapters' lengths give the
contents' page numbers, so dossier.pdf is printed once. Each file is written through a
temporary name and renamed, so a failure leaves none behind.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import data as dossier_data
from ..files import write_atomic
from ..i18n import t
from . import html as report_html
from . import outline
from .browser import check_cjk_fonts
from .printer import PdfPrinter

FORMATS = ("pdf", "html")

log = logging.getLogger("ipdossier.export")


def _event(dossier, params: dict) -> tuple[str, str | None]:
    """The event's name in the variant's language, and the source that reports it."""
    events = dossier.localised(params.get("language", "en")).events.set_index("event_id")
    event_id = params.get("event_id")
    if event_id in events.index:
        source = events.loc[event_id, "source_id"]
        return str(events.loc[event_id, "name"]), None if pd.isna(source) else str(source)
    return "", None


@dataclass
class ChapterParts:
    """One chapter made ready for the reports: its bodies and, for the PDF, printed alone."""

    index: int
    stem: str
    web: report_html.Chapter | None = None
    print: report_html.Chapter | None = None
    pdf: bytes | None = None


@dataclass
class ReportContext:
    """What every page of one variant's reports shows besides the chapters."""

    params: dict
    data_version: str
    sources: object
    event_name: str
    lead_source: str | None = None

    @property
    def language(self) -> str:
        return self.params.get("language", "en")

    def page_args(self) -> dict:
        return dict(
            params=self.params,
            data_version=self.data_version,
            sources=self.sources,
            event_name=self.event_name,
            lead_source=self.lead_source,
        )


def report_context(params: dict, data_version: str) -> ReportContext:
    dossier = dossier_data.load()
    name, lead = _event(dossier, params)
    # The appendix in the edition's language: the editor's descriptions and publisher
    # notes as names_zh translates them (names printed in Chinese kept, as check verifies).
    sources = dossier.localised(params.get("language", "en")).sources
    return ReportContext(params, data_version, sources, name, lead)


def _check_formats(formats: Iterable[str]) -> set[str]:
    formats = set(formats)
    unknown = formats - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown report format(s): {', '.join(sorted(unknown))}")
    return formats


def prepare_chapter(
    executed: Path,
    index: int,
    ctx: ReportContext,
    *,
    formats: Iterable[str] = FORMATS,
    printer: PdfPrinter | None = None,
) -> ChapterParts:
    """The part of the reports one executed notebook alone decides: a build runs it as
    soon as that notebook is done, beside the other notebooks still running."""
    formats = _check_formats(formats)
    language = ctx.language
    parts = ChapterParts(index=index, stem=executed.stem)
    if "html" in formats:
        parts.web = report_html.chapter(executed, index, mode="web", language=language)
    if "pdf" in formats:
        if printer is None:
            raise ValueError("a PDF chapter needs a printer")
        check_cjk_fonts()  # English editions print Chinese titles too
        parts.print = report_html.chapter(executed, index, mode="print", language=language)
        # Alone, a chapter lays out as in the dossier (each starts on a new page), so
        # its length gives the contents' page numbers.
        page = report_html.page([parts.print], web=False, cover=False, **ctx.page_args())
        parts.pdf = printer.pdf_bytes(
            page,
            header_title=f"{t('dossier_title', language)} · {parts.print.title}",
            footer=t("page_of", language),
        )
    return parts


def assemble(
    parts: list[ChapterParts],
    out_dir: Path,
    ctx: ReportContext,
    *,
    formats: Iterable[str] = FORMATS,
    printer: PdfPrinter | None = None,
) -> dict:
    """Write the variant's reports from its prepared chapters, in order."""
    formats = _check_formats(formats)
    parts = sorted(parts, key=lambda p: p.index)
    out_dir.mkdir(parents=True, exist_ok=True)
    made: dict = {"pdf": None, "html": None, "chapters": []}

    def write_html() -> Path:
        page = report_html.page([p.web for p in parts], web=True, **ctx.page_args())
        return write_atomic(out_dir / "dossier.html", page.encode("utf-8"))

    # The HTML is written while the browser prints the dossier.
    with ThreadPoolExecutor(max_workers=1) as pool:
        html_done = pool.submit(write_html) if "html" in formats else None
        if "pdf" in formats:
            made["pdf"], made["chapters"] = _print_dossier(printer, parts, out_dir, ctx)
        if html_done is not None:
            made["html"] = html_done.result()
    return made


FRONT_PAGES = 2  # the cover and the contents
# Printings of the dossier until the contents' page numbers match the pages: the first
# normally does; a number that moves a page break needs another.
PASSES = 4


def _print_dossier(printer, parts: list[ChapterParts], out_dir: Path, ctx: ReportContext):
    """The chapter PDFs as printed alone, then the dossier, printed once with the
    contents' page numbers from their lengths. The pages its contents links land on
    confirm the numbers; a mismatch is printed again, up to PASSES times, and one that
    remains is logged as a warning. (Links, not bookmarks: a chapter's heading is the
    notebook's own and need not match its title in the contents.)"""
    language = ctx.language
    title = t("dossier_title", language)
    sources_title = t("sources", language)
    chapters = [p.print for p in parts]
    per_chapter, pages, next_page = [], {}, FRONT_PAGES + 1
    for p in parts:
        per_chapter.append(write_atomic(out_dir / f"{p.stem}.pdf", p.pdf))
        pages[p.print.id] = next_page
        next_page += outline.top_level_pages(p.pdf)[sources_title] - 1
    pages["sources"] = next_page
    for _attempt in range(PASSES):
        final = report_html.page(chapters, web=False, pages=pages, **ctx.page_args())
        pdf = printer.pdf_bytes(final, header_title=title, footer=t("page_of", language))
        found = outline.destination_pages(pdf)
        actual = {key: found.get(key) for key in pages}
        if actual == pages:
            break
        printed, pages = pages, actual
    else:
        wrong = {key: (printed[key], actual[key]) for key in printed if printed[key] != actual[key]}
        log.warning(
            "%s: the contents' page numbers still differ from the pages after %d printings "
            "(contents, page): %s",
            out_dir / "dossier.pdf",
            PASSES,
            ", ".join(f"{key} {said}, {real}" for key, (said, real) in wrong.items()),
        )
    return write_atomic(out_dir / "dossier.pdf", pdf), per_chapter
