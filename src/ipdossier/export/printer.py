"""Print HTML to PDF, and draw charts as SVG, with one Chromium for a whole build.

The browser is the system's (see `browser`), launched once through playwright and kept
for every document of a build. Printing pages run with JavaScript disabled and every
network request refused: a report prints only what it contains, and nothing in the data
can run or fetch anything. The pages are kept and reused (a fresh page per document
costs a renderer start and cold font caches, about as much as printing itself).

Charts are drawn by one more page that holds plotly.js and nothing else, also offline;
each figure reaches it as JSON data, never as markup (see `chart_svgs`).

All browser work runs on an event loop in a thread of its own (playwright refuses
threads that already run a loop, such as a Jupyter server's); callers on any thread
wait for their own document only.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import html as html_lib
import io
import os
import threading
from pathlib import Path

import pikepdf

from . import outline, tounicode
from .browser import MissingDependency, find_chromium

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
    # Fewer processes, less memory (each Chromium process maps the same ~100 MB of code
    # and fonts): no zygotes (there is no sandbox to fork into), the GPU and network
    # services inside the browser process, no audio service and no spare renderer kept
    # ready for a next tab. A build's browser peaks about 0.4 GB lower.
    "--no-zygote",
    "--in-process-gpu",
    "--enable-features=NetworkServiceInProcess2",
    "--disable-features=AudioServiceOutOfProcess,SpareRendererForSitePerProcess",
]
# Header and footer at 10 CSS px (7.5 pt): the smallest type the report prints is 7 pt.
MARGIN = {"top": "18mm", "bottom": "16mm", "left": "14mm", "right": "14mm"}
FOOTER = "Page {page} of {total}"
# Where Chromium's header and footer templates sit on the page (from the top and the
# bottom edge): the stamps (`with_stamps`) put them there.
STAMP_TOP = "5mm"
STAMP_BOTTOM = "5mm"
_FONT = "font-family:'Noto Sans CJK SC','Noto Sans',sans-serif"


def header_template(title: str) -> str:
    return (
        f'<div style="{_FONT};font-size:10px;color:#6b7280;width:100%;margin:0 14mm;'
        f'border-bottom:0.5px solid #d1d5db;padding-bottom:2px">{html_lib.escape(title)}</div>'
    )


def footer_template(pattern: str = FOOTER) -> str:
    """`pattern` holds {page} and {total}, so each language orders them its own way."""
    return _footer(
        html_lib.escape(pattern).format(
            page='<span class="pageNumber"></span>', total='<span class="totalPages"></span>'
        )
    )


def _footer(body: str) -> str:
    return (
        f'<div style="{_FONT};font-size:10px;color:#6b7280;width:100%;margin:0 14mm;'
        f'text-align:right">{body}</div>'
    )


def with_stamps(html: str, pages: list[tuple[str, str]]) -> str:
    """`html` (a whole document: the dossier's front) with, after its own pages, one blank
    A4 page per (header title, footer text) holding that running header and footer alone,
    where Chromium's own header and footer templates put them: laid over the pages of
    documents printed without them (`cut.stamp`). One printing for the front and every
    stamp of a variant: a printing's fixed cost (the fonts' subsets above all) is about
    that of the stamps themselves, so a printing of its own for them cost a tenth of a
    CPU second per variant. The stamp pages are hidden from assistive technology, so
    Chromium leaves them out of the tagged structure (no marked content, no StructParents)
    and they come last: the front is the printing's first pages, the stamps its last
    len(`pages`)."""
    page = '<div class="p"><div class="h">{header}</div><div class="f">{footer}</div></div>'
    style = (
        # A page of its own size and no margin whatever the printing's; the front's type
        # (line height, English's proportional punctuation) is not the templates'.
        "@page ipd-stamp{size:A4;margin:0}"
        ".ipd-stamps,.ipd-stamps *{line-height:normal;font-variant-east-asian:normal}"
        ".ipd-stamps{break-before:page}"
        ".p{page:ipd-stamp;position:relative;width:210mm;height:297mm;overflow:hidden;"
        "break-after:page}"
        ".p:last-child{break-after:auto}.h>div,.f>div{width:auto!important}"
        f".h{{position:absolute;left:0;right:0;top:{STAMP_TOP}}}"
        f".f{{position:absolute;left:0;right:0;bottom:{STAMP_BOTTOM}}}"
    )
    stamps = (
        '<div class="ipd-stamps" aria-hidden="true">'
        + "".join(
            page.format(header=header_template(title), footer=_footer(html_lib.escape(footer)))
            for title, footer in pages
        )
        + "</div>"
    )
    if "</style>" not in html or "</body>" not in html:
        raise ValueError("the front has no <style> or no <body> to add the stamps to")
    html = html.replace("</style>", style + "</style>", 1)
    at = html.rindex("</body>")
    return html[:at] + stamps + html[at:]


def _warm_up_html() -> str:
    from .html import css

    return (
        f"<!doctype html><html><head><meta charset='utf-8'><style>{css()}</style></head>"
        "<body><h1>Dossier 档案</h1><p>Warm-up 预热 <b>1,000</b></p>"
        "<table class='ipd-table'><tr><th>a</th></tr><tr><td>b 中</td></tr></table>"
        "</body></html>"
    )


def finish(pdf: bytes) -> bytes:
    """A printing put right in one pass of qpdf: Chromium's ToUnicode maps name some
    characters by their radical look-alikes (see `tounicode`), and its bookmarks want
    tidying (`outline.tidy`). A PDF with nothing to change passes through byte for byte."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return tounicode.save(doc) if _put_right(doc) else pdf


def finished_doc(pdf: bytes) -> pikepdf.Pdf:
    """`finish`'s document, put right and left open (the caller closes it)."""
    doc = pikepdf.open(io.BytesIO(pdf))
    try:
        _put_right(doc)
    except BaseException:
        doc.close()
        raise
    return doc


def _put_right(doc: pikepdf.Pdf) -> bool:
    """`finish`'s changes made on an open document; whether any was needed."""
    changed = tounicode.fix_doc(doc)
    return outline.tidy(doc) or changed


# Launches tried before a build gives up on the browser.
LAUNCH_ATTEMPTS = 3

class PdfPrinter:
    """`with PdfPrinter() as p: pdf = p.pdf_bytes(html, header_title=...)`.

    Safe to call from several threads at once: each call prints on a page of its own in
    the one browser, up to `concurrency` at a time, so exports of different variants
    (and the chapters of one) print side by side."""

    def __init__(
        self,
        executable: Path | None = None,
        timeout_ms: int = 120_000,
        concurrency: int = 3,
        charts: int | None = None,
    ):
        self.executable = executable
        self.timeout_ms = timeout_ms
        self.concurrency = concurrency
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pdf", daemon=True)
        self._pw = None
        self._browser = None
        self._context = None
        self._pages: asyncio.Queue | None = None
        self._made = 0
        self._chart_page: asyncio.Task | None = None  # the first chart page, opened at start
        self._chart_opening: list[asyncio.Task] = []  # every chart page opened
        self._charts_free: asyncio.Queue | None = None
        # Chart pages: `charts`, by default as many as the machine has cores, each drawing
        # one chart at a time (drawing is CPU work in each page's renderer; more pages than
        # cores would only take turns, at some 60 MB and a load of plotly.js each). A
        # build passes the cores its kernels leave free (`chart_pages`).
        self.chart_concurrency = charts or chart_pages()
        self._warming: list[asyncio.Task] = []
        self._started: concurrent.futures.Future | None = None
        self.browser_version: str | None = None
        self._svgs: dict[str, str] = {}

    def _call(self, coro):
        try:
            self._wait_started()
        except BaseException:
            coro.close()
            raise
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    def _wait_started(self) -> None:
        if self._started is None:
            raise RuntimeError("PdfPrinter used before start() or outside its `with` block")
        self._started.result()

    def start(self) -> PdfPrinter:
        """Launch the browser in the background and return at once; the first call that
        needs the browser waits for it. A build starts its notebooks meanwhile. A missing
        executable is reported here; a browser that fails to launch, by that first call.
        Pair with `close()`."""
        exe = self.executable or find_chromium()
        self._thread.start()
        self._started = asyncio.run_coroutine_threadsafe(self._start(exe), self._loop)
        return self

    def __enter__(self) -> PdfPrinter:
        self.start()
        try:
            self._wait_started()
        except BaseException:
            self._stop_loop()
            raise
        return self

    async def _start(self, exe: Path) -> None:
        from playwright.async_api import Error, async_playwright

        self._pages = asyncio.Queue()
        self._charts_free = asyncio.Queue()
        self._pw = await async_playwright().start()
        for attempt in range(1, LAUNCH_ATTEMPTS + 1):
            try:
                self._browser = await self._pw.chromium.launch(
                    executable_path=str(exe), headless=True, args=ARGS
                )
                break
            except Error as exc:
                # Chromium now and then dies as it starts (a SIGSEGV in its first
                # milliseconds, seen once in some thousands of launches): an unattended
                # build tries again rather than failing the night's run. A browser that
                # cannot start at all fails every attempt, in about a second each.
                if attempt < LAUNCH_ATTEMPTS:
                    continue
                await self._pw.stop()
                self._pw = None
                raise MissingDependency(
                    f"could not start {exe} to print PDFs "
                    f"({LAUNCH_ATTEMPTS} attempts): {exc}"
                ) from None
        self.browser_version = f"{exe.name} {self._browser.version}"
        self._context = await self._browser.new_context(java_script_enabled=False, offline=True)
        await self._context.route("**/*", lambda route: route.abort())
        # Loading plotly.js takes about a second: it starts now, beside the kernels'
        # start-up, so the first chart does not wait for it.
        self._chart_page = self._open_chart_page()
        self._chart_page.add_done_callback(
            lambda task: (
                task.cancelled()
                or task.exception() is not None
                or self._charts_free.put_nowait(task.result())
            )
        )
        # The browser's first printed document costs about half a second more than the
        # next (fonts, print set-up), on any page: one page warms up once the chart
        # page, needed first, is loaded.
        self._made = 1
        self._warming = [asyncio.get_running_loop().create_task(self._warm_page())]

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        async def stop():
            for task in self._warming:
                task.cancel()
            for opening in self._chart_opening:
                if not opening.done():
                    opening.cancel()
                try:
                    await (await opening).context.close()
                except BaseException:  # closing: a chart page that never opened is fine
                    pass
            if self._browser is not None:
                await self._browser.close()
            if self._pw is not None:
                await self._pw.stop()

        try:
            if self._thread.is_alive() and self._started is not None:
                # A launch still under way is finished (or has failed) before shutting down.
                concurrent.futures.wait([self._started])
                asyncio.run_coroutine_threadsafe(stop(), self._loop).result()
        finally:
            self._stop_loop()

    def _stop_loop(self) -> None:
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
        self._loop.close()

    def pdf_bytes(self, html: str, *, header_title: str | None, footer: str = FOOTER) -> bytes:
        """`html` printed on A4 with the report's margins; with its running header and
        page numbers unless `header_title` is None (those are then stamped on later, see
        `cut`)."""
        # Tidying runs in the caller's thread: the browser's loop stays free for others.
        return finish(self._call(self._print(html, header_title, footer)))

    def pdf_doc(self, html: str, *, header_title: str | None, footer: str = FOOTER):
        """`pdf_bytes`'s document, put right the same way but left open (a pikepdf.Pdf the
        caller closes): a dossier's body is read, cut and merged, and saved once, with the
        front, rather than saved here and opened again for each of those (a fifth of a
        variant's PDF work in this process)."""
        return finished_doc(self._call(self._print(html, header_title, footer)))

    async def _warm_page(self) -> None:
        page = None
        await asyncio.wait([self._chart_page])
        try:
            page = await self._context.new_page()
            await page.set_content(_warm_up_html(), wait_until="load", timeout=self.timeout_ms)
            await page.pdf(
                format="A4",
                display_header_footer=True,
                header_template=header_template("ipdossier 档案"),
                footer_template=footer_template(),
                outline=True,
                tagged=True,
            )
        except Exception:  # a page that did not warm up is replaced when first needed
            if page is not None:
                await page.close()
            page = None
        self._pages.put_nowait(page)

    async def _page(self):
        """A printing page: a kept one if free, a new one while under `concurrency`."""
        if self._pages.empty() and self._made < self.concurrency:
            self._made += 1
            try:
                return await self._context.new_page()
            except BaseException:
                self._made -= 1
                raise
        page = await self._pages.get()
        return page if page is not None else await self._context.new_page()

    async def _print(self, html: str, header_title: str | None, footer: str) -> bytes:
        page = await self._page()
        ok = False
        chrome = (
            {
                "display_header_footer": True,
                "header_template": header_template(header_title),
                "footer_template": footer_template(footer),
            }
            if header_title is not None
            else {"display_header_footer": False}
        )
        try:
            await page.set_content(html, wait_until="load", timeout=self.timeout_ms)
            pdf = await page.pdf(
                format="A4",
                margin=MARGIN,
                print_background=True,
                outline=True,
                tagged=True,
                **chrome,
            )
            ok = True
        finally:
            if ok:
                self._pages.put_nowait(page)
            else:
                # A page that failed mid-print is in an unknown state: replace it.
                self._made -= 1
                await page.close()
        return pdf

    def svg(self, figure: dict, width: int, height: int) -> str:
        """`figure` ({"data", "layout"}) drawn by plotly.js at width x height pixels."""
        return self.svgs([(figure, width, height)])[0]

    def svgs(self, charts: list[tuple[dict, int, int]]) -> list[str]:
        """Each (figure, width, height) drawn, several at once in pages of their own.

        A figure already drawn in this build (the same chart in another variant) is
        not drawn again. The SVG does not depend on the page that drew it (see
        `chart_svgs.draw`)."""
        from .chart_svgs import chart_json

        sent = [chart_json(*chart) for chart in charts]
        keys = [hashlib.sha256(text.encode()).hexdigest() for text in sent]
        todo = {k: text for k, text in zip(keys, sent, strict=True) if k not in self._svgs}
        if todo:
            # One share per page, the largest charts first to the least loaded share.
            shares: list[list[str]] = [[] for _ in range(min(self.chart_concurrency, len(todo)))]
            sizes = [0] * len(shares)
            for key in sorted(todo, key=lambda k: -len(todo[k])):
                least = sizes.index(min(sizes))
                shares[least].append(key)
                sizes[least] += len(todo[key])

            async def draw_shares():
                return await asyncio.gather(
                    *(self._draw([todo[key] for key in share]) for share in shares)
                )

            for share, svgs in zip(shares, self._call(draw_shares()), strict=True):
                self._svgs.update(zip(share, svgs, strict=True))
        return [self._svgs[key] for key in keys]

    def _open_chart_page(self) -> asyncio.Task:
        from .chart_svgs import open_chart_page

        task = asyncio.get_running_loop().create_task(
            open_chart_page(self._browser, self.timeout_ms)
        )
        self._chart_opening.append(task)
        return task

    async def _draw(self, charts: list[str]) -> list[str]:
        from .chart_svgs import draw_all

        # A free chart page, or one more while under `chart_concurrency` (opened only
        # when charts wait: a build of one chart at a time keeps to one).
        if self._charts_free.empty() and len(self._chart_opening) < self.chart_concurrency:
            page = await self._open_chart_page()
        else:
            page = await self._charts_free.get()
        try:
            return await draw_all(page, charts)
        finally:
            self._charts_free.put_nowait(page)


def chart_pages(kernels: int = 0) -> int:
    """The cores this process may run on, less `kernels` (kernels running notebooks keep
    a core each busy; a chart page beside them only shares it), and at least one."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, cores - kernels)
