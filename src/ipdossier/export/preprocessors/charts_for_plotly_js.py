"""For the web page: each chart as a div that the page's inlined plotly.js draws, with the
figure's JSON in a script element escaped so that no data can close the script.

The div's id is unique in the whole report: the chapter's id (from the resources,
`resources["ipdossier"]["chapter_id"]`), the cell and the output."""

from __future__ import annotations

import json

from nbconvert.preprocessors import Preprocessor

from ..chart_svgs import PLOTLY_MIME


class ChartsForPlotlyJs(Preprocessor):
    def preprocess_cell(self, cell, resources, index):
        chapter = (resources.get("ipdossier") or {}).get("chapter_id", "chapter")
        for oi, out in enumerate(cell.get("outputs", []) if cell.cell_type == "code" else []):
            data = out.get("data", {})
            if PLOTLY_MIME not in data:
                continue
            target = f"{chapter}-fig-{index}-{oi}"
            payload = json.dumps(data[PLOTLY_MIME]).replace("<", "\\u003c")
            out["data"] = {
                "text/html": f'<div class="ipd-chart" id="{target}"></div>'
                f'<script type="application/json" class="ipd-figure" '
                f'data-target="{target}">{payload}</script>'
            }
        return cell, resources
