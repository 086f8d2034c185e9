"""Vector images of the charts in executed notebooks, drawn by the build's one browser.

`ipdossier build` runs its kernels with plotly's JSON output only, so no kernel starts
a kaleido browser of its own. Right after a notebook runs, each chart in it gets its SVG
beside the JSON (`add_svgs`), drawn by a page of the printing Chromium that holds the
installed plotly.js and nothing else: the same drawing kaleido does, in a browser that
is already up. The executed notebook is then complete on its own: nbconvert, JupyterLab
and the report exporters all find the vector image there.

The chart page is offline; every request but its own file and plotly.js is refused.
A figure reaches it as JSON, an argument to plotly.js, never as markup; plotly draws
its text into SVG text nodes.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat

from ..files import write_atomic
from ..theme import svg_size

PLOTLY_MIME = "application/vnd.plotly.v1+json"
SVG_MIME = "image/svg+xml"

_DRAW = """async ([figure, width, height]) => {
  const svg = await Plotly.toImage(
    {data: figure.data || [], layout: figure.layout || {}, config: {}},
    {format: "svg", width: width, height: height, imageDataOnly: true});
  return svg.startsWith("data:") ? decodeURIComponent(svg.slice(svg.indexOf(",") + 1)) : svg;
}"""


async def open_chart_page(browser, timeout_ms: int):
    """A page holding plotly.js and nothing else.

    The page and the script are read from files: handing Chromium plotly.js's 4.8 MB
    inline costs half a second more on the way through the DevTools pipe. Every request
    but those two files is refused."""
    from .html import plotly_js_file

    script = plotly_js_file()
    with tempfile.TemporaryDirectory(prefix="ipdossier-charts-") as tmp:
        html = Path(tmp) / "charts.html"
        html.write_text(
            f"<!doctype html><html><head><meta charset='utf-8'>"
            f"<script src='{script.as_uri()}'></script></head><body></body></html>",
            encoding="utf-8",
        )
        allowed = {str(html), str(script)}

        async def only_these(route):
            url = urlsplit(route.request.url)
            if url.scheme == "file" and unquote(url.path) in allowed:
                await route.continue_()
            else:
                await route.abort()

        context = await browser.new_context(offline=True)
        await context.route("**/*", only_these)
        page = await context.new_page()
        await page.goto(html.as_uri(), wait_until="load", timeout=timeout_ms)
    if not await page.evaluate("typeof Plotly === 'object'"):
        raise RuntimeError(f"plotly.js did not load in the chart page from {script}")
    return page


async def draw(page, figure: dict, width: int, height: int) -> str:
    return await page.evaluate(_DRAW, [figure, width, height])


def add_svgs(path: Path, printer) -> int:
    """Give every chart output of the executed notebook at `path` its SVG; returns how
    many were added. The notebook is rewritten through a temporary file, as compact
    JSON: nbformat's indented form is written by pure-Python json, ten times slower on
    charts' long coordinate lists, and any notebook reader takes either."""
    nb = nbformat.read(path, as_version=4)
    added = draw_missing(nb, printer)
    if added:
        write_atomic(path, json.dumps(nb, ensure_ascii=False))
    return added


def draw_missing(nb, printer) -> int:
    """Give every chart output of the notebook node `nb` that has none its SVG; returns
    how many were added."""
    added = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            data = out.get("data") or {}
            if PLOTLY_MIME in data and SVG_MIME not in data:
                figure = data[PLOTLY_MIME]
                width, height = svg_size(figure)
                data[SVG_MIME] = printer.svg(figure, width, height)
                added += 1
    return added
