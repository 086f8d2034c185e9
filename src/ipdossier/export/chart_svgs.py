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

# A figure's SVG is the same bytes whichever page draws it and whenever, so that charts
# drawn side by side are those drawn one at a time: plotly.js names each drawing's clip
# paths and gradients with Math.random(), seeded the same before every drawing (a page
# draws one chart at a time; the generator is mulberry32); and the order in which it
# sets an element's attributes depends on what the page measured before (its cache of
# text sizes), so the attributes are written in name order.
_DRAW_ONE = r"""async (figure, width, height) => {
  let seed = 0x1d872b41;
  Math.random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const svg = await Plotly.toImage(
    {data: figure.data || [], layout: figure.layout || {}, config: {}},
    {format: "svg", width: width, height: height, imageDataOnly: true});
  const text = svg.startsWith("data:") ? decodeURIComponent(svg.slice(svg.indexOf(",") + 1)) : svg;
  // Attribute values are quoted with " (one inside is &quot;) and text holds no raw <.
  return text.replace(/<([\w:-]+)((?:\s+[\w:-]+="[^"]*")+)(\s*\/?)>/g, (tag, name, attrs, end) => {
    const list = attrs.match(/[\w:-]+="[^"]*"/g);
    list.sort((a, b) => {
      const x = a.slice(0, a.indexOf("=")), y = b.slice(0, b.indexOf("="));
      return x < y ? -1 : x > y ? 1 : 0;
    });
    return "<" + name + " " + list.join(" ") + end + ">";
  });
}"""

# A page's share of a notebook's charts reaches it as one JSON string, parsed there, and
# is drawn one chart after another: playwright hands a Python object over value by
# value (a chart's coordinate lists are thousands of them), and a call per chart is a
# round trip through the DevTools pipe each.
_DRAW_ALL = (
    "async (payload) => {\n  const drawOne = " + _DRAW_ONE + ";\n"
    "  const out = [];\n"
    "  for (const [figure, width, height] of JSON.parse(payload)) {\n"
    "    out.push(await drawOne(figure, width, height));\n"
    "  }\n"
    "  return out;\n}"
)


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


def chart_json(figure: dict, width: int, height: int) -> str:
    """What `draw_all` sends for one chart. JSON has no NaN or Infinity (plotly's own
    JSON writes them as null, so a notebook's figures hold none): a figure that does is
    refused here rather than drawn from something else."""
    return json.dumps([figure, width, height], ensure_ascii=False, allow_nan=False)


async def draw_all(page, charts: list[str]) -> list[str]:
    """The SVG of each chart (`chart_json`), drawn in `page` one after another."""
    return await page.evaluate(_DRAW_ALL, "[" + ",".join(charts) + "]")


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
    missing = [
        out["data"]
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if PLOTLY_MIME in (out.get("data") or {}) and SVG_MIME not in out["data"]
    ]
    # All of the notebook's charts at once: the printer draws them side by side.
    drawn = printer.svgs([(data[PLOTLY_MIME], *svg_size(data[PLOTLY_MIME])) for data in missing])
    for data, svg in zip(missing, drawn, strict=True):
        data[SVG_MIME] = svg
    added = len(missing)
    return added
