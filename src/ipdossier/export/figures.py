"""Vector images of the charts in executed notebooks, drawn by the build's one browser.

`ipdossier build` runs its kernels with plotly's JSON output only, so no kernel starts
a kaleido browser of its own. Right after a notebook runs, each chart in it gets its SVG
beside the JSON (`add_svgs`), drawn by a page of the printing Chromium that holds the
installed plotly.js and nothing else: the same drawing kaleido does, in a browser that
is already up. The executed notebook is then complete on its own: nbconvert, JupyterLab
and the report exporters all find the vector image there.

The chart page is offline with every request refused. A figure reaches it as JSON, an
argument to plotly.js, never as markup; plotly draws its text into SVG text nodes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat

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
    from .html import plotly_js

    context = await browser.new_context(offline=True)
    await context.route("**/*", lambda route: route.abort())
    page = await context.new_page()
    await page.set_content(
        f"<!doctype html><html><head><meta charset='utf-8'><script>{plotly_js()}</script>"
        "</head><body></body></html>",
        wait_until="load",
        timeout=timeout_ms,
    )
    return page


async def draw(page, figure: dict, width: int, height: int) -> str:
    return await page.evaluate(_DRAW, [figure, width, height])


def add_svgs(path: Path, printer) -> int:
    """Give every chart output of the executed notebook at `path` its SVG; returns how
    many were added. The notebook is rewritten through a temporary file, as compact
    JSON: nbformat's indented form is written by pure-Python json, ten times slower on
    charts' long coordinate lists, and any notebook reader takes either."""
    nb = nbformat.read(path, as_version=4)
    added = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            data = out.get("data") or {}
            if PLOTLY_MIME in data and SVG_MIME not in data:
                figure = data[PLOTLY_MIME]
                width, height = svg_size(figure)
                data[SVG_MIME] = printer.svg(figure, width, height)
                added += 1
    if added:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    return added
