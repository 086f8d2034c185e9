"""Charts as drawn: read back from the SVG the build puts in the reports, for every
language and jurisdiction, since a filter that leaves one or two rows changes the geometry."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree

import pytest

from ipdossier import notebook as nb
from ipdossier.charts import attendance, participation, policies, programme, series
from ipdossier.export.printer import PdfPrinter
from ipdossier.theme import svg_size

CHARTS = {
    "participation": participation.figure,
    "who came": attendance.figure,
    "programme": programme.figure,
    "series map": series.map_figure,
    "reach": series.reach_figure,
    "timeline": policies.timeline_figure,
    "citations": policies.citations_figure,
    "hierarchy": policies.hierarchy_figure,
}
JURISDICTIONS = ["all", "national", "Beijing", "Tianjin", "Hebei"]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def printer():
    with PdfPrinter() as p:
        yield p


def translate_y(element) -> float:
    found = re.search(r"translate\(\s*[-\d.]+\s*,\s*([-\d.]+)", element.get("transform", ""))
    return float(found.group(1)) if found else 0.0


def classed(root, name: str):
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_legend_sits_below_the_axis_and_inside_the_chart(printer, language, jurisdiction):
    ctx = nb.setup(language=language, jurisdiction=jurisdiction, renderer="json")
    problems = []
    for name, build in CHARTS.items():
        figure = json.loads(build(ctx).to_json())  # as the notebook's output holds it
        width, height = svg_size(figure)
        root = ElementTree.fromstring(printer.svg(figure, width, height))
        legends = classed(root, "legend")
        if not legends:
            continue
        legend = legends[0]
        top = translate_y(legend)
        box = next((e for e in legend if "bg" in (e.get("class") or "")), None)
        bottom = top + float(box.get("height")) if box is not None else top
        if bottom > height + 0.5:
            problems.append(f"{name}: legend ends at {bottom:.0f} px, below the chart ({height})")
        if (figure["layout"].get("xaxis") or {}).get("side") == "top":
            continue
        # Baselines of the x axis's tick labels and title: the legend starts below them.
        baselines = [
            float(t.get("y") or 0)
            for e in classed(root, "xtick") + classed(root, "g-xtitle")
            for t in e.iter(f"{SVG}text")
        ]
        if baselines and top < max(baselines) + 2:
            axis = max(baselines)
            problems.append(f"{name}: legend starts at {top:.0f} px, over the axis (to {axis:.0f})")
    assert not problems, f"{language}/{jurisdiction}: " + "; ".join(problems)


def absolute_y(element, parents) -> float:
    y = float(element.get("y") or 0)
    while element is not None:
        y += translate_y(element)
        element = parents.get(element)
    return y


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_speeches_table_shows_every_row_inside_the_chart(printer, language, jurisdiction):
    # A go.Table taller than its figure is cut off (it scrolls in a browser, not on paper).
    ctx = nb.setup(language=language, jurisdiction=jurisdiction, renderer="json")
    fig = attendance.speeches_figure(ctx)
    if fig.data and fig.data[0].type == "table":
        speakers = set(fig.data[0].cells.values[0])
    else:
        speakers = set()
    figure = json.loads(fig.to_json())
    width, height = svg_size(figure)
    root = ElementTree.fromstring(printer.svg(figure, width, height))
    parents = {child: parent for parent in root.iter() for child in parent}
    shown = {"".join(e.itertext()).strip(): absolute_y(e, parents) for e in root.iter(f"{SVG}text")}
    for name in speakers:
        assert name in shown and shown[name] + 6 < height, (name, shown.get(name), height)
