"""JupyterLab as analysts use it: a chapter opened in the browser, run cell by cell by the
kernel, and printed with File > Save and Export Notebook As > Dossier.

The server runs on the loopback address with a token, in a temporary root holding copies
of the notebooks and the data (IPDOSSIER_ROOT points the kernels and the exporter at
them); the browser is the system's Chromium driven by playwright, never a downloaded one.
The expected side comes from the notebook as the server saved it: its title, its charts
and its prose.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import nbformat
import pdfs
import pytest
from pypdf import PdfReader

from ipdossier.export.browser import find_chromium
from ipdossier.paths import data_dir, notebooks_dir, sources_dir

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.slow, pytest.mark.heavy]


def lab_python() -> Path:
    """The Python of JupyterLab's own virtualenv (`make lab`, `make test-heavy` create it:
    IPDOSSIER_LAB_VENV, default .venv-lab in the checkout). JupyterLab is not installed
    beside the report's packages, which it would slow (see pyproject.toml)."""
    venv = Path(os.environ.get("IPDOSSIER_LAB_VENV", ROOT / ".venv-lab"))
    python = (ROOT / venv if not venv.is_absolute() else venv) / "bin" / "python"
    assert python.is_file(), f"no JupyterLab virtualenv at {venv}: `make test-heavy` creates it"
    return python


CHAPTER = "02_series.ipynb"  # the cheapest chapter to run
TIMEOUT_MS = 90_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"jupyter lab exited {server.returncode}: {log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"jupyter lab not up within {seconds:.0f} s: {log.read_text()}")


@pytest.fixture
def lab(tmp_path):
    """A JupyterLab server on 127.0.0.1 with a token; yields (base URL, token, root)."""
    root = tmp_path / "root"
    shutil.copytree(notebooks_dir(), root / "notebooks")
    shutil.copytree(data_dir(), root / "data")
    home = tmp_path / "jupyter"
    token, port = secrets.token_hex(16), _free_port()
    env = {
        **os.environ,
        "IPDOSSIER_ROOT": str(root),
        "IPDOSSIER_SOURCES": str(sources_dir()),
        # The user's own Jupyter settings and workspaces stay out of the test.
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
    }
    log = tmp_path / "lab.log"
    with open(log, "w") as out:
        server = subprocess.Popen(
            [
                str(lab_python()),
                "-m",
                "jupyterlab",
                "--no-browser",
                "--ip=127.0.0.1",
                f"--port={port}",
                "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={token}",
                f"--ServerApp.root_dir={root / 'notebooks'}",
                # Offline: no news feed, no update check.
                "--LabApp.news_url=None",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                # CI containers run as root; Jupyter refuses that unless told.
                *(["--allow-root"] if os.geteuid() == 0 else []),
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=root,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base}/api/status?token={token}", server, log)
        yield base, token, root
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _menu(page, *labels: str) -> None:
    """Open the main menu `labels[0]`, then each item in turn (a submenu opens on hover)."""
    page.locator(
        "#jp-MainMenu .lm-MenuBar-itemLabel", has_text=re.compile(f"^{labels[0]}$")
    ).click()
    for label in labels[1:]:
        item = page.locator(
            ".lm-Menu:visible .lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(label)}$")
        ).last
        item.wait_for(state="visible", timeout=TIMEOUT_MS)
        item.click()


def _prose(nb) -> list[str]:
    """The chapter's English prose paragraphs: markdown cells, or markdown the code shows."""
    texts = [
        c.source
        for c in nb.cells
        if c.cell_type == "markdown" and "lang-zh" not in c.metadata.get("tags", [])
    ]
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            md = out.get("data", {}).get("text/markdown")
            if md:
                texts.append("".join(md))
    return [p for t in texts for p in t.split("\n\n") if p.strip() and not p.startswith("#")]


def test_chapter_runs_and_exports_as_a_dossier_pdf_from_jupyterlab(lab, tmp_path):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    base, token, root = lab
    downloads = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(find_chromium()), args=["--no-sandbox"])
        try:
            context = browser.new_context(
                accept_downloads=True, viewport={"width": 1400, "height": 900}
            )

            # The export may open the download in a new tab: listen on every tab.
            def took(download):
                downloads.append(download)

            context.on("page", lambda tab: tab.on("download", took))
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(f"{base}/lab/tree/{CHAPTER}?token={token}")
            page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(state="visible")
            # A notebook opened with no session asks which kernel to start: the analyst
            # takes the one the notebook names (Python 3).
            dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
            try:
                dialog.wait_for(state="visible", timeout=20_000)
                dialog.locator("button", has_text=re.compile("^Select$")).click()
            except PlaywrightTimeout:
                pass
            page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(
                state="attached"
            )

            _menu(page, "Run", "Run All Cells")
            # The last code cell gets its number once every cell before it ran.
            page.wait_for_function(
                """() => {
                    const prompts = [...document.querySelectorAll(
                        '.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt')];
                    return prompts.length > 0 &&
                        /\\[\\d+\\]/.test(prompts[prompts.length - 1].textContent);
                }""",
                timeout=TIMEOUT_MS,
            )

            _menu(page, "File", "Save and Export Notebook As", "Dossier")
            deadline = time.monotonic() + TIMEOUT_MS / 1000
            while not downloads and time.monotonic() < deadline:
                page.wait_for_timeout(500)
            assert downloads, "no download after File > Save and Export Notebook As > Dossier"
            pdf = tmp_path / "chapter.pdf"
            downloads[0].save_as(pdf)
        finally:
            browser.close()

    saved = nbformat.read(root / "notebooks" / CHAPTER, as_version=4)
    errors = [o for c in saved.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, errors
    executed = tmp_path / CHAPTER
    nbformat.write(saved, executed)
    chapter = pdfs.chapter(executed)
    assert chapter.charts, "the saved notebook holds no chart: the cells did not run"

    assert pdf.read_bytes()[:5] == b"%PDF-"
    reader = PdfReader(pdf)
    text = pdfs.text_of(reader)
    assert text.startswith(chapter.title), text[:200]
    prose = _prose(saved)
    assert prose, "no prose found in the chapter"
    assert pdfs.compact(prose[0]) in pdfs.compact(text), prose[0]
    for title in chapter.charts:
        assert pdfs.compact(title) in pdfs.compact(text), title
    # Each chart is a vector figure: drawn paths, not an image.
    figures = pdfs.figures(reader)
    assert [pdfs.flat(f.alt) for f in figures] == [pdfs.flat(c) for c in chapter.charts]
    assert all(f.images == 0 and f.painted_paths >= 5 for f in figures)
