"""Print HTML to PDF with one Chromium for many documents.

The browser is the system's (see `browser`), launched once through playwright and kept
for every page of a build. Each page runs with JavaScript disabled and every network
request refused: a report prints only what it contains, and nothing in the data can run
or fetch anything. Playwright's sync API may not run on a thread with an asyncio loop
(a Jupyter server, a kernel), so all browser work happens on one thread of its own.
"""

from __future__ import annotations

import html as html_lib
import os
from concurrent.futures import ThreadPoolExecutor
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
    """`with PdfPrinter() as p: p.print_html(html, out, header_title=...)`."""

    def __init__(self, executable: Path | None = None, timeout_ms: int = 120_000):
        self.executable = executable
        self.timeout_ms = timeout_ms
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf")
        self._pw = None
        self._browser = None

    def __enter__(self) -> PdfPrinter:
        exe = self.executable or find_chromium()
        self._thread.submit(self._start, exe).result()
        return self

    def _start(self, exe: Path) -> None:
        from playwright.sync_api import Error, sync_playwright

        self._pw = sync_playwright().start()
        try:
            self._browser = self._pw.chromium.launch(
                executable_path=str(exe), headless=True, args=ARGS
            )
        except Error as exc:
            self._pw.stop()
            raise MissingDependency(f"could not start {exe} to print PDFs: {exc}") from None

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        def stop():
            if self._browser is not None:
                self._browser.close()
            if self._pw is not None:
                self._pw.stop()

        try:
            self._thread.submit(stop).result()
        finally:
            self._thread.shutdown(wait=True)

    def pdf_bytes(self, html: str, *, header_title: str, footer: str = FOOTER) -> bytes:
        return self._thread.submit(self._print, html, header_title, footer).result()

    def print_html(self, html: str, out: Path, *, header_title: str, footer: str = FOOTER) -> Path:
        return write_atomic(out, self.pdf_bytes(html, header_title=header_title, footer=footer))

    def _print(self, html: str, header_title: str, footer: str) -> bytes:
        if self._browser is None:
            raise RuntimeError("PdfPrinter used outside its `with` block")
        context = self._browser.new_context(java_script_enabled=False, offline=True)
        try:
            page = context.new_page()
            page.route("**/*", lambda route: route.abort())
            page.set_content(html, wait_until="load", timeout=self.timeout_ms)
            pdf = page.pdf(
                format="A4",
                margin=MARGIN,
                print_background=True,
                display_header_footer=True,
                header_template=header_template(header_title),
                footer_template=footer_template(footer),
                outline=True,
                tagged=True,
            )
            return outline.tidy(pdf)
        finally:
            context.close()
