"""The reports of one variant: dossier.pdf, a PDF per chapter, and dossier.html.

Each chapter is prepared on its own (`prepare_chapter`: its HTML bodies, and its PDF
printed alone), then `assemble` writes the reports: the chapters' lengths give the
contents' page numbers, so dossier.pdf is printed once. Each file is written through a
temporary name and renamed, so a failure leaves none behind.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import data as dossier_data
from .. import derive
from ..files import write_atomic
from ..i18n import t
from . import html as report_html
from . import outline, tounicode
from .browser import check_cjk_fonts
from .printer import PdfPrinter, with_stamps

FORMATS = ("pdf", "chapters", "html")  # as pipeline.plan.FORMATS

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
    """One chapter made ready for the reports: its bodies for the web and for print."""

    index: int
    stem: str
    web: report_html.Chapter | None = None
    print: report_html.Chapter | None = None


@dataclass(frozen=True)
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
    """The variant's context, made once per version of the data: each of its chapters and
    its reports ask for it (six times a variant), and the English appendix's publishers
    take a pandas pass over every source (about 20 ms)."""
    dossier = dossier_data.load()
    key = ("report_context", json.dumps(params, sort_keys=True, default=str), data_version)
    memo = dossier.memo
    if key not in memo:
        memo[key] = _report_context(dossier, params, data_version)
    return memo[key]


def _report_context(dossier, params: dict, data_version: str) -> ReportContext:
    name, lead = _event(dossier, params)
    # The appendix in the edition's language: the editor's descriptions and publisher
    # notes as names_zh translates them (names printed in Chinese kept, as check verifies).
    sources = dossier.localised(params.get("language", "en")).sources
    if params.get("language", "en") == "en":
        sources = with_english_publishers(sources, derive.english_names(dossier))
    return ReportContext(params, data_version, sources, name, lead)


def with_english_publishers(sources: pd.DataFrame, english: dict[str, str]) -> pd.DataFrame:
    """Sources whose Chinese publisher has no English name from a page (publisher_en) get
    the English name of that body the data records (`english`, by Chinese name), for the
    English edition to print beside the Chinese. The publisher's name is read up to its
    remarks ("国务院 (中国政府网)", "河北省市场监督管理局 (on 长城网 hebei.com.cn)")."""
    sources = sources.copy()
    names = sources["publisher"].astype("string").str.split(r"\s*[(（,;]", n=1, regex=True).str[0]
    found = names.map(lambda n: english.get(str(n).strip()) if pd.notna(n) else None)
    empty = sources["publisher_en"].isna() | (sources["publisher_en"].astype("string") == "")
    sources["publisher_en"] = sources["publisher_en"].astype("object").where(~empty, found)
    return sources


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
    if "pdf" in formats:
        if printer is None:
            raise ValueError("a PDF chapter needs a printer")
        check_cjk_fonts()  # English editions print Chinese titles too
    # Printed with the others, once per variant (`assemble`); both editions come from one
    # conversion.
    if {"pdf", "html"} <= formats:
        both = report_html.chapters(executed, index, language=language)
        parts.web, parts.print = both["web"], both["print"]
    elif "html" in formats:
        parts.web = report_html.chapter(executed, index, mode="web", language=language)
    else:
        parts.print = report_html.chapter(executed, index, mode="print", language=language)
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
            made["pdf"], made["chapters"] = _print_dossier(
                printer, parts, out_dir, ctx, chapters="chapters" in formats
            )
        if html_done is not None:
            made["html"] = html_done.result()
    return made


FRONT_PAGES = 2  # the cover and the contents, as a rule
# A chapter whose start is this much lower on its page than one opening a page starts
# mid-page (points).
SAME_TOP_PT = 6.0
# Printings of the front until its length is the one its page numbers assumed.
FRONT_PASSES = 3


def _print_dossier(
    printer, parts: list[ChapterParts], out_dir: Path, ctx: ReportContext, *, chapters: bool
):
    """The dossier and, with `chapters`, a PDF per chapter from one printing of the body
    (every chapter and the sources appendix): the pages its link targets land on give
    the contents' page numbers, printed in the front (cover and contents, two pages),
    which goes before the body. Each chapter's PDF is its pages of the body and the
    appendix (`cut`). Headers and page numbers are stamped on each file's pages, so a
    chapter's read "Page 1 of 9" as a chapter printed alone did."""
    printed = [p.print for p in parts]
    # The body stays open from its printing to the dossier's one save: read, indexed and
    # merged in place. The chapters' cuts each open a copy of it (its bytes, saved once).
    body_doc = printer.pdf_doc(
        report_html.page(printed, web=False, cover=False, link_targets=True, **ctx.page_args()),
        header_title=None,
    )
    with body_doc:
        return _assemble_dossier(
            printer, parts, printed, body_doc, out_dir, ctx, chapters=chapters
        )


def _assemble_dossier(printer, parts, printed, body_doc, out_dir: Path, ctx, *, chapters: bool):
    """`_print_dossier` once the body is printed (`body_doc`, open)."""
    from . import cut

    title = t("dossier_title", ctx.language)
    page_of = t("page_of", ctx.language)
    starts = outline.destination_pages(body_doc)
    n_body = len(body_doc.pages)
    missing = [key for key in [c.id for c in printed] + ["sources"] if key not in starts]
    if missing:
        raise RuntimeError(f"the printed body has no page for {', '.join(missing)}")
    # Without chapter PDFs nothing is cut, and the stamps are the dossier's alone; the
    # open body is the dossier's. With them, each cut and the dossier open the body's bytes
    # (the index's object numbers are those of the documents opened from the same bytes).
    cuts = []
    body = body_doc
    if chapters:
        body = tounicode.save(body_doc)
        cuts = list(zip(parts, _chapter_pages(body, printed, starts, n_body), strict=True))
    # Every file's running headers and page numbers: the dossier's pages (the front's
    # and the body's), then each chapter's (none without `chapters`).
    def stamps(front_pages: int) -> list[tuple[str, str]]:
        headers = [(title, front_pages + n_body)]
        headers += [(f"{title} · {p.print.title}", len(own)) for p, own in cuts]
        return [
            (header, page_of.format(page=i, total=n))
            for header, n in headers
            for i in range(1, n + 1)
        ]

    # The chapters' pages are cut from the body (pikepdf's work, in this process) while
    # the browser prints the front and the stamps.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="cut") as cutting:
        # The body's structure read once (`cut.StructIndex`) for the five cuts and the merge.
        index = cutting.submit(cut.StructIndex.of, body)
        cut_docs = cutting.submit(
            lambda: [cut.chapter_pages(body, own, index.result()) for _, own in cuts]
        )
        # The front and, after its pages, the stamps: one open document, the front's
        # pages merged before the body's, the stamps laid over each file's pages.
        with _print_front(printer, printed, starts, out_dir, ctx, stamps) as (
            front,
            front_pages,
            marks,
            first,
        ):
            dossier = cut.merge(front, body, index.result(), front_pages=front_pages)
            cut.stamp(dossier, marks, first)
            dossier.Root.PageMode = outline.USE_OUTLINES
            # The open body's objects are still Chromium's: its many small structure
            # objects go into object streams here, as `tounicode.save` put them for the
            # body's bytes.
            save = tounicode.save if body is body_doc else cut.to_bytes
            dossier_path = write_atomic(out_dir / "dossier.pdf", save(dossier))
            per_chapter = []
            first += len(dossier.pages)
            for (p, own), doc in zip(cuts, cut_docs.result(), strict=True):
                per_chapter.append(
                    write_atomic(out_dir / f"{p.stem}.pdf", cut.chapter_pdf(doc, marks, first))
                )
                first += len(own)
    return dossier_path, per_chapter


def _chapter_pages(body: bytes, printed, starts: dict, n_body: int) -> list[list[int]]:
    """Each chapter's pages of the body (0-based), the sources appendix after them."""
    appendix = list(range(starts["sources"] - 1, n_body))
    bounds = [starts[c.id] for c in printed] + [starts["sources"]]
    # A brief chapter (report.css) runs on after the one before it: where it starts lower
    # on its page than a chapter that opens a page, that page is both chapters'.
    tops = outline.destination_tops(body)
    opening = min((tops[k] for k in [c.id for c in printed] if k in tops), default=0.0)
    shared = [
        c.brief and tops.get(c.id, opening) > opening + SAME_TOP_PT for c in printed[1:]
    ] + [False]
    return [
        list(range(first - 1, end - 1 + int(share))) + appendix
        for first, end, share in zip(bounds, bounds[1:], shared, strict=False)
    ]


def _front_length(doc, marks: list) -> int:
    """How many of a front printing's first pages are the front (the stamps follow)."""
    return len(doc.pages) - len(marks)


# A document with no front: the stamps alone (`with_stamps`).
_NO_FRONT = (
    "<!doctype html><html><head><meta charset='utf-8'><style></style></head><body></body></html>"
)


@contextlib.contextmanager
def _print_front(printer, chapters, starts: dict, out_dir: Path, ctx: ReportContext, stamps):
    """The cover and contents, numbered from the body's pages (`starts`) after them,
    printed with the stamps after them (`printer.with_stamps`; `stamps(front_pages)` gives
    them). Yields (front, its pages, stamps, the stamps' first page): open documents, one
    and the same unless the front never settled."""
    front_pages = FRONT_PAGES
    keys = [c.id for c in chapters] + ["sources"]
    for attempt in range(FRONT_PASSES):
        pages = {key: starts[key] + front_pages for key in keys}
        # Sections too (a heading Chromium wrote no destination for is listed unnumbered).
        pages |= {
            sid: starts[sid] + front_pages
            for c in chapters
            for sid, _ in c.sections
            if sid in starts
        }
        marks = stamps(front_pages)
        front_html = report_html.page(
            chapters, web=False, pages=pages, front_only=True, **ctx.page_args()
        )
        doc = printer.pdf_doc(with_stamps(front_html, marks), header_title=None)
        printed = _front_length(doc, marks)
        if printed == front_pages:
            break
        if attempt < FRONT_PASSES - 1:
            # The contents ran onto another page: every number moves by as many pages.
            doc.close()
            front_pages = printed
    else:
        log.warning(
            "%s: the contents' page numbers may be off: the cover and contents took %d "
            "pages after %d printings",
            out_dir / "dossier.pdf",
            printed,
            FRONT_PASSES,
        )
        # The stamps count the pages the front took: printed on their own.
        with doc:
            alone = printer.pdf_doc(with_stamps(_NO_FRONT, stamps(printed)), header_title=None)
            with alone:
                yield doc, printed, alone, 0
        return
    with doc:
        yield doc, printed, doc, printed
