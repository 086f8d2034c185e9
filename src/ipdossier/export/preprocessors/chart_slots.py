"""For both editions in one conversion: each chart as a slot (an HTML comment naming it),
filled afterwards with the print edition's <img> (`charts_as_images`) or the web
edition's plotly.js div (`charts_for_plotly_js`). Everything else in a chapter is the
same in both editions, so nbconvert runs once per chapter, not once per edition.

The two renderings of each slot are left in the resources
(`resources["ipdossier"]["slots"]`); `html.chapters` fills them in. A chart without its
SVG (not drawn yet) has no print rendering: the conversion says so by leaving
`resources["ipdossier"]["undrawn"]` true, and the caller converts per edition."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor

from ..chart_svgs import PLOTLY_MIME
from .charts_as_images import image_html
from .charts_for_plotly_js import chart_target, plotly_html


class ChartSlots(Preprocessor):
    def preprocess_cell(self, cell, resources, index):
        own = resources.setdefault("ipdossier", {})
        slots = own.setdefault("slots", {})
        for oi, out in enumerate(cell.get("outputs", []) if cell.cell_type == "code" else []):
            data = out.get("data", {})
            if PLOTLY_MIME not in data:
                continue
            target = chart_target(resources, index, oi)
            image = image_html(data)
            if image is None:
                own["undrawn"] = True
            slots[target] = {"print": image, "web": plotly_html(data, target)}
            out["data"] = {"text/html": f"<!--ipd-chart:{target}-->"}
        return cell, resources
