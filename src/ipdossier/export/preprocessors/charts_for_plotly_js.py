"""For the web page: each chart as a div that the page's inlined plotly.js draws, with the
figure's JSON in a script element escaped so that no data can close the script.

The div's id is unique in the whole report: the chapter's id (from the resources,
`resources["ipdossier"]["chapter_id"]`), the cell and the output."""

from __future__ import annotations

import json

from nbconvert.preprocessors import Preprocessor

from ..chart_svgs import PLOTLY_MIME


def plotly_html(data: dict, target: str) -> str:
    """A div for plotly.js to draw the chart output's figure into, with its JSON."""
    payload = json.dumps(data[PLOTLY_MIME]).replace("<", "\\u003c")
    return (
        f'<div class="ipd-chart" id="{target}"></div>'
        f'<script type="application/json" class="ipd-figure" '
        f'data-target="{target}">{payload}</script>'
    )


def chart_target(resources: dict, index: int, output: int) -> str:
    chapter = (resources.get("ipdossier") or {}).get("chapter_id", "chapter")
    return f"{chapter}-fig-{index}-{output}"


class ChartsForPlotlyJs(Preprocessor):
    def preprocess_cell(self, cell, resources, index):
        for oi, out in enumerate(cell.get("outputs", []) if cell.cell_type == "code" else []):
            data = out.get("data", {})
            if PLOTLY_MIME in data:
                out["data"] = {"text/html": plotly_html(data, chart_target(resources, index, oi))}
        return cell, resources
