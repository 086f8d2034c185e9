"""Print HTML to PDF with one Chromium for many documents.

The browser is the system's (see `browser`), launched once through playwright and kept
for every page of a build. Each page runs with JavaScript disabled and every network
request refused: a report prints only what it contains, and nothing in the data can run
or fetch anything. All browser work runs on an event loop in a thread of its own (playwright refuses
threads that already run a loop, such as a Jupyter server's); callers on any thread
wait for their own document only.
"""

from __future__ import annotations

import asyncio
import html as html_lib
import os
import threading
from pathlib import Path

from . import outline
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
]
MARGIN = {"top": "18mm", "bottom": "16mm", "left": "14mm", "right": "14mm"}
FOOTER = "Page {page} of {total}"
_FONT = "font-family:'Noto Sans CJK SC','Noto Sans',sans-serif"


def header_template(title: str) -> str:
    return (
        f'<div style="{_FONT};font-size:7.5px;color:#6b7280;width:100%;margin:0 14mm;'
        f'border-bottom:0.5px solid #d1d5db;padding-bottom:2px">{html_lib.escape(title)}</div>'
    )


def footer_template(pattern: str = FOOTER) -> str:
    """`pattern` holds {page} and {total}, so each language orders them its own way."""
    body = html_lib.escape(pattern).format(
        page='<span class="pageNumber"></span>', total='<span class="totalPages"></span>'
    )
    return (
        f'<div style="{_FONT};font-size:7.5px;color:#6b7280;width:100%;margin:0 14mm;'
        f'text-align:right">{body}</div>'
    )


def write_atomic(path: Path, data: bytes) -> Path:
    """Write via a temporary file in the same folder: never a half-written report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


class PdfPrinter:
    """`with PdfPrinter() as p: p.print_html(html, out, header_title=...)`.

    Safe to call from several threads at once: each call prints on a page of its own in
    the one browser, up to `concurrency` at a time, so exports of different variants
    (and the chapters of one) print side by side."""

    def __init__(
        self, executable: Path | None = None, timeout_ms: int = 120_000, concurrency: int = 3
    ):
        self.executable = executable
        self.timeout_ms = timeout_ms
        self.concurrency = concurrency
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pdf", daemon=True)
        self._pw = None
        self._browser = None
        self._slots: asyncio.Semaphore | None = None

    def _call(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    def __enter__(self) -> PdfPrinter:
        exe = self.executable or find_chromium()
        self._thread.start()
        try:
            self._call(self._start(exe))
        except BaseException:
            self._stop_loop()
            raise
        return self

    async def _start(self, exe: Path) -> None:
        from playwright.async_api import Error, async_playwright

        self._slots = asyncio.Semaphore(self.concurrency)
        self._pw = await async_playwright().start()
        try:
            self._browser = await self._pw.chromium.launch(
                executable_path=str(exe), headless=True, args=ARGS
            )
        except Error as exc:
            await self._pw.stop()
            self._pw = None
            raise MissingDependency(f"could not start {exe} to print PDFs: {exc}") from None

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        async def stop():
            if self._browser is not None:
                await self._browser.close()
            if self._pw is not None:
                await self._pw.stop()

        try:
            if self._thread.is_alive():
                self._call(stop())
        finally:
            self._stop_loop()

    def _stop_loop(self) -> None:
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
        self._loop.close()

    def pdf_bytes(self, html: str, *, header_title: str, footer: str = FOOTER) -> bytes:
        return self._call(self._print(html, header_title, footer))

    def print_html(self, html: str, out: Path, *, header_title: str, footer: str = FOOTER) -> Path:
        return write_atomic(out, self.pdf_bytes(html, header_title=header_title, footer=footer))

    async def _print(self, html: str, header_title: str, footer: str) -> bytes:
        if self._browser is None or self._slots is None:
            raise RuntimeError("PdfPrinter used outside its `with` block")
        async with self._slots:
            context = await self._browser.new_context(java_script_enabled=False, offline=True)
            try:
                page = await context.new_page()
                await page.route("**/*", lambda route: route.abort())
                await page.set_content(html, wait_until="load", timeout=self.timeout_ms)
                pdf = await page.pdf(
                    format="A4",
                    margin=MARGIN,
                    print_background=True,
                    display_header_footer=True,
                    header_template=header_template(header_title),
                    footer_template=footer_template(footer),
                    outline=True,
                    tagged=True,
                )
            finally:
                await context.close()
        return outline.tidy(pdf)
