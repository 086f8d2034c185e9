"""JupyterLab as analysts use it: a chapter opened in the browser, run cell by cell by the
kernel, and printed with File > Save and Export Notebook As > Dossier.

The server runs on the loopback address with a token, in a temporary root holding copies
of the notebooks and the data (IPDOSSIER_ROOT points the kernels and the exporter at
them); the browser is the system's Chromium driven by playwright, never a downloaded one.
The expected side comes from the notebook as the server saved it: its title, its charts
and its prose.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import shutil
import signal
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
    """A free port below the kernel's ephemeral range. A port the system hands out (bind
    to 0) can be handed out again, to a kernel's ZeroMQ socket, in the minutes `make lab`
    spends running the chapters before JupyterLab binds it: the test then reads ZeroMQ's
    greeting as a bad HTTP status line (seen in CI). Kernels take ephemeral ports only."""
    low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    for port in secrets.SystemRandom().sample(range(max(1024, low - 8000), low), 200):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise AssertionError(f"no free port below the ephemeral range (from {low})")


def _wait_until_up(url: str, server: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"jupyter lab exited {server.returncode}: {log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if reply.status == 200:
                    return
        except (OSError, http.client.HTTPException):  # not up yet, or not yet HTTP
            time.sleep(0.5)
    raise AssertionError(f"jupyter lab not up within {seconds:.0f} s: {log.read_text()}")


def _git_status_notebooks() -> str:
    return subprocess.run(
        ["git", "status", "--porcelain", "notebooks/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab as `make lab` opens it, on 127.0.0.1 with a token: the workspace of
    executed copies under a temporary root holding copies of the notebooks and the data
    (IPDOSSIER_ROOT points `ipdossier lab`, the kernels and the exporter at them). The
    token, address and offline settings come from a Jupyter config file of the test's
    own, as a user's would; `make lab` passes no such flags. Yields (base URL, token,
    root, log)."""
    tmp_path = tmp_path_factory.mktemp("lab")
    root = tmp_path / "root"
    shutil.copytree(notebooks_dir(), root / "notebooks")
    shutil.copytree(data_dir(), root / "data")
    home = tmp_path / "jupyter"
    (home / "config").mkdir(parents=True)
    token, port = secrets.token_hex(16), _free_port()
    # No "get notified about Jupyter news?" prompt over the notebook.
    (home / "config" / "labconfig").mkdir()
    (home / "config" / "labconfig" / "page_config.json").write_text(
        '{"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": true}}'
    )
    (home / "config" / "jupyter_server_config.py").write_text(
        f"c.IdentityProvider.token = {token!r}\n"
        "c.ServerApp.ip = '127.0.0.1'\n"
        "c.ServerApp.open_browser = False\n"
        "c.ServerApp.port_retries = 0\n"
        # Offline: no news feed, no update check.
        "c.LabApp.news_url = None\n"
        "c.LabApp.check_for_updates_class = 'jupyterlab.NeverCheckForUpdate'\n"
    )
    lab_python()  # says how to make the virtualenv when it is missing
    venv = Path(os.environ.get("IPDOSSIER_LAB_VENV", ROOT / ".venv-lab"))
    env = {
        **os.environ,
        "IPDOSSIER_ROOT": str(root),
        "IPDOSSIER_SOURCES": str(sources_dir()),
        # The user's own Jupyter settings and workspaces stay out of the test.
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
    }
    log = tmp_path / "lab.log"
    before = _git_status_notebooks()
    with open(log, "w") as out:
        # make lab: the set-up check, the lab virtualenv, then `ipdossier lab`, which runs
        # the chapters into root/workspace and becomes JupyterLab (as root with
        # --allow-root, which the test does not add).
        server = subprocess.Popen(
            ["make", "-C", str(ROOT), "lab", f"LAB_VENV={venv}", f"LAB_ARGS=--port {port}"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=root,
            start_new_session=True,  # its own process group: make, then JupyterLab
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base}/api/status?token={token}", server, log, seconds=600)
        yield base, token, root, log
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    # The tracked notebooks are as committed: the copies' and the checkout's.
    for path in notebooks_dir().glob("*.ipynb"):
        assert (root / "notebooks" / path.name).read_bytes() == path.read_bytes(), path.name
    assert _git_status_notebooks() == before


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
    """The chapter's prose paragraphs as the code writes them (markdown outputs); the
    title cell (notebook-only) is JupyterLab's, not the report's."""
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            md = out.get("data", {}).get("text/markdown")
            if md:
                texts.append("".join(md))
    return [p for t in texts for p in t.split("\n\n") if p.strip() and not p.startswith("#")]


SHOTS = (
    Path(os.environ.get("IPDOSSIER_SCREENSHOTS", ""))
    if os.environ.get("IPDOSSIER_SCREENSHOTS")
    else None
)


def _shot(page, tmp_path: Path, name: str) -> None:
    """A screenshot for whoever reviews the run (IPDOSSIER_SCREENSHOTS keeps them)."""
    folder = SHOTS or tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"))


class Lab:
    """One browser on the JupyterLab server; downloads collected from every tab."""

    def __init__(self, p, base: str, token: str):
        self.base, self.token = base, token
        self.browser = p.chromium.launch(
            executable_path=str(find_chromium()), args=["--no-sandbox"]
        )
        self.context = self.browser.new_context(
            accept_downloads=True, viewport={"width": 1400, "height": 900}
        )
        self.downloads: list = []
        # The export may open the download in a new tab: listen on every tab.
        self.context.on("page", lambda tab: tab.on("download", lambda d: self._took(d)))

    def _took(self, download) -> None:
        self.downloads.append(download)

    def open(self, name: str):
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        page = self.context.new_page()
        page.on("download", lambda d: self._took(d))
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(f"{self.base}/lab/tree/{name}?token={self.token}")
        page.locator(".jp-NotebookPanel:visible .jp-Cell").first.wait_for(state="visible")
        # A notebook opened with no session may ask which kernel to start: the analyst
        # takes the one the notebook names (Python 3).
        dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
        try:
            dialog.wait_for(state="visible", timeout=10_000)
            dialog.locator("button", has_text=re.compile("^Select$")).click()
        except PlaywrightTimeout:
            pass
        page.locator(
            ".jp-NotebookPanel:visible .jp-Notebook-ExecutionIndicator[data-status='idle']"
        ).wait_for(state="attached")
        return page

    def export(self, page, pdf: Path) -> Path:
        """File > Save and Export Notebook As > Dossier; the PDF it downloads."""
        count = len(self.downloads)
        _menu(page, "File", "Save and Export Notebook As", "Dossier")
        deadline = time.monotonic() + 300
        while len(self.downloads) == count and time.monotonic() < deadline:
            page.wait_for_timeout(500)
        assert len(self.downloads) > count, "no download after Save and Export As > Dossier"
        self.downloads[-1].save_as(pdf)
        assert pdf.read_bytes()[:5] == b"%PDF-", pdf.read_bytes()[:300]
        return pdf

    def close(self):
        self.browser.close()


def _set_parameters(page, **values: str) -> None:
    """Type new values into the parameters cell, as an analyst edits it (no run)."""
    editor = page.locator(".jp-NotebookPanel:visible .jp-CodeCell").first.locator(".cm-content")
    source = editor.inner_text()
    for name, value in values.items():
        source = re.sub(
            rf'^{name}: str = "[^"]*"', f'{name}: str = "{value}"', source, flags=re.MULTILINE
        )
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(source)
    page.keyboard.press("Escape")


def test_a_chapter_opens_as_a_report_runs_and_exports(lab, tmp_path):
    """make lab opened the workspace: the chapter reads as a report before anything runs
    (its title cell, the prose and charts of the copy's run); Run All, then the Dossier
    export prints the saved run."""
    from playwright.sync_api import sync_playwright

    base, token, root, log = lab
    saved = nbformat.read(root / "workspace" / CHAPTER, as_version=4)
    with sync_playwright() as p:
        ui = Lab(p, base, token)
        try:
            page = ui.open(CHAPTER)
            title = page.locator(
                ".jp-NotebookPanel:visible .jp-MarkdownCell .jp-RenderedMarkdown h1"
            ).first
            title.wait_for(state="visible")
            meta = saved.metadata["ipdossier"]
            assert f"{meta['title']} · {meta['title_zh']}" in title.inner_text()
            prose = _prose(saved)
            assert prose, "the workspace copy holds no prose: it did not run"
            shown = page.locator(
                ".jp-NotebookPanel:visible .jp-OutputArea-output", has_text=prose[0][:60]
            ).first
            shown.wait_for(state="visible")
            # Cells that only write the chapter are folded (a placeholder bar in place of
            # their code); the parameters cell is not.
            folded = page.locator(".jp-NotebookPanel:visible .jp-CodeCell .jp-InputPlaceholder")
            writers = [
                c for c in saved.cells[3:] if c.cell_type == "code"
            ]  # after title, parameters, set-up
            assert folded.count() == len(writers), folded.count()
            params = page.locator(".jp-NotebookPanel:visible .jp-CodeCell").first
            assert "language: str" in params.locator(".cm-content").inner_text()
            _shot(page, tmp_path, "1-opened-before-running")
            # A citation opens its source and names it on hover (title), where it is read.
            cite = page.locator(".jp-NotebookPanel:visible a.ipd-cite").first
            cite.scroll_into_view_if_needed()
            assert (cite.get_attribute("href") or "").startswith("http"), cite.evaluate(
                "e => e.outerHTML"
            )
            assert len(cite.get_attribute("title") or "") > 10, cite.evaluate("e => e.outerHTML")
            assert re.fullmatch(r"\[\d+\]", cite.inner_text())
            # The chart is interactive; its hover text is worded, not raw coordinates.
            chart = page.locator(".jp-NotebookPanel:visible .js-plotly-plot").first
            chart.scroll_into_view_if_needed()
            point = chart.locator(".scatterlayer .point").last
            point.hover(force=True)
            hover = chart.locator(".hoverlayer")
            page.wait_for_timeout(500)
            _shot(page, tmp_path, "1b-chart-hover")
            said = hover.text_content()
            assert "5 July 2017" in said and not re.search(r"\d\.\d{3,}", said), said

            _menu(page, "Run", "Run All Cells")
            # JupyterLab marks every queued cell [*] at once; the run is over when none
            # is left and the kernel is idle (folded cells show no prompt to wait on).
            page.wait_for_timeout(2000)
            page.wait_for_function(
                """() => {
                    const prompts = [...document.querySelectorAll(
                        '.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt')];
                    const idle = document.querySelector(
                        ".jp-Notebook-ExecutionIndicator[data-status='idle']");
                    return idle && prompts.length > 0 &&
                        !prompts.some(p => p.textContent.includes('*'));
                }""",
                timeout=TIMEOUT_MS,
            )
            started = time.monotonic()
            pdf = ui.export(page, tmp_path / "chapter.pdf")
            took = time.monotonic() - started
            _shot(page, tmp_path, "2-ran-and-exported")
        finally:
            ui.close()

    saved = nbformat.read(root / "workspace" / CHAPTER, as_version=4)
    errors = [o for c in saved.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, errors
    executed = tmp_path / CHAPTER
    nbformat.write(saved, executed)
    chapter = pdfs.chapter(executed)
    assert chapter.charts, "the saved notebook holds no chart: the cells did not run"
    # The export printed the run it was shown, without running it again.
    assert "Dossier: printed 02_series from its saved outputs" in log.read_text(), took

    reader = PdfReader(pdf)
    text = pdfs.text_of(reader)
    assert text.startswith(chapter.title), text[:200]
    # The title cell is JupyterLab's: the PDF opens on the heading the code writes.
    assert pdfs.compact(f"{chapter.title} · {chapter.title_zh}") not in pdfs.compact(text)
    prose = _prose(saved)
    assert pdfs.compact(prose[0]) in pdfs.compact(text), prose[0]
    for title in chapter.charts:
        assert pdfs.compact(title) in pdfs.compact(text), title
    # Each chart is a vector figure: drawn paths, not an image.
    figures = pdfs.figures(reader)
    assert [pdfs.flat(f.alt) for f in figures] == [pdfs.flat(c) for c in chapter.charts]
    assert all(f.images == 0 and f.painted_paths >= 5 for f in figures)


def test_the_export_prints_the_parameters_the_cell_holds_without_running(lab, tmp_path):
    """The issue's case: a chapter run in English for every jurisdiction, its parameters
    cell changed to Chinese and Hebei, exported at once: the PDF is the Chinese, Hebei
    chapter, not the English body under a Chinese header."""
    from playwright.sync_api import sync_playwright

    base, token, root, log = lab
    name = "04_targets.ipynb"
    with sync_playwright() as p:
        ui = Lab(p, base, token)
        try:
            page = ui.open(name)
            _set_parameters(page, language="zh", jurisdiction="Hebei")
            _shot(page, tmp_path, "3-parameters-changed")
            started = time.monotonic()
            pdf = ui.export(page, tmp_path / "targets-zh-hebei.pdf")
            took = time.monotonic() - started
            _shot(page, tmp_path, "4-exported-without-running")
        finally:
            ui.close()
    text = pdfs.text_of(PdfReader(pdf))
    assert text.startswith("目标与成效"), text[:200]
    assert "Source:" not in text and "Targets and outcomes" not in text
    body = pdfs.compact(text)
    assert pdfs.compact("目标与实际值的历年变化：河北") in body  # the chart's title
    assert pdfs.compact("全国与河北") not in body
    assert pdfs.compact("未绘全国数值") in body  # the prose says what is drawn
    said = log.read_text()
    assert "Dossier: ran 04_targets (the parameters cell changed since the run" in said
    assert "language='zh', jurisdiction='Hebei'" in said
    print(f"export with a run: {took:.1f} s")
    # The copy saved by the export holds the new parameters, not the tracked notebook.
    copy = nbformat.read(root / "workspace" / name, as_version=4)
    assert 'language: str = "zh"' in copy.cells[1].source


def test_an_unrun_notebook_exports_as_a_full_chapter(lab, tmp_path):
    from playwright.sync_api import sync_playwright

    base, token, root, log = lab
    name = "unrun_02_series.ipynb"
    shutil.copy(root / "notebooks" / CHAPTER, root / "workspace" / name)
    with sync_playwright() as p:
        ui = Lab(p, base, token)
        try:
            page = ui.open(name)
            _shot(page, tmp_path, "5-unrun-opened")
            pdf = ui.export(page, tmp_path / "unrun.pdf")
        finally:
            ui.close()
    reader = PdfReader(pdf)
    text = pdfs.text_of(reader)
    assert text.startswith("SIPO's connecting activities"), text[:200]
    assert len(pdfs.figures(reader)) >= 1  # the map, drawn by the exporter's run
    assert "Sources" in text and "[1]" in text
    assert "Dossier: ran unrun_02_series (cell 2 has not run" in log.read_text()
