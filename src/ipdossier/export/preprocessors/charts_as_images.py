"""For print: each chart as an <img> of the SVG the run drew beside it, which stays vector
in the PDF; its alt text is the chart's title (so the title is in the text layer too)."""

from __future__ import annotations

import base64
import html

from nbconvert.preprocessors import Preprocessor

from ..chart_svgs import PLOTLY_MIME


def image_html(data: dict) -> str | None:
    """The <img> of a chart output's SVG; None for an output that has no SVG."""
    if PLOTLY_MIME not in data or "image/svg+xml" not in data:
        return None
    title = (data[PLOTLY_MIME].get("layout") or {}).get("title") or {}
    alt = html.escape(str(title.get("text") or "chart"), quote=True)
    svg = data["image/svg+xml"]
    svg = svg if isinstance(svg, str) else "".join(svg)
    b64 = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img class="ipd-chart" alt="{alt}" src="data:image/svg+xml;base64,{b64}">'


class ChartsAsImages(Preprocessor):
    def preprocess_cell(self, cell, resources, index):
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            img = image_html(out.get("data", {}))
            if img is not None:
                out["data"] = {"text/html": img}
        return cell, resources
