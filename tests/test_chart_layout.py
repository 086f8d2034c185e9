"""Charts as drawn: read back from the SVGs the build wrote into the executed notebooks
of the reports (the scheduled every-jurisdiction run of the session's build), for every
language and jurisdiction, since a filter that leaves one or two rows changes the geometry.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pdfs
import pytest
from helpers import TEXT_CHAPTERS

from ipdossier import data

pytestmark = pytest.mark.slow

JURISDICTIONS = ["all", "national", "Beijing", "Tianjin", "Hebei"]
SPEECHES = {"en": "Speeches and their themes", "zh": "发言及主题"}  # the table's title
SVG = "{http://www.w3.org/2000/svg}"


def drawn(built, language: str, jurisdiction: str) -> list[tuple[str, dict, ElementTree.Element]]:
    """(chapter, figure JSON, parsed SVG) of every chart of a variant, as the build wrote it."""
    charts = []
    for executed in built.executed(f"{language}-{jurisdiction}", grown=True):
        found = pdfs.svgs(executed)
        assert found or executed.stem in TEXT_CHAPTERS, f"{executed.name}: no chart"
        for figure, svg in found:
            assert svg, f"{executed.name}: {figure['layout']['title']['text']!r} has no SVG"
            charts.append((executed.stem, figure, ElementTree.fromstring(svg)))
    return charts


def translate_y(element) -> float:
    found = re.search(r"translate\(\s*[-\d.]+\s*,\s*([-\d.]+)", element.get("transform", ""))
    return float(found.group(1)) if found else 0.0


def classed(root, name: str):
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_legend_sits_below_the_axis_and_inside_the_chart(built, language, jurisdiction):
    problems = []
    charts = drawn(built, language, jurisdiction)
    for stem, figure, root in charts:
        name = f"{stem}: {figure['layout']['title']['text']}"
        height = float(root.get("height"))
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
    assert any(classed(root, "legend") for _, _, root in charts), "no chart has a legend"
    assert not problems, f"{language}/{jurisdiction}: " + "; ".join(problems)


def absolute_y(element, parents) -> float:
    y = float(element.get("y") or 0)
    while element is not None:
        y += translate_y(element)
        element = parents.get(element)
    return y


def speakers(language: str, jurisdiction: str) -> set[str]:
    """Who spoke at the activity, by the data: the speeches of the event and its parts,
    kept by the speaker's organisation (its level for "national", else its jurisdiction)."""
    d = data.load()
    event = "bth-2017-baoding"
    at_event = {event} | set(d.events.loc[d.events["parent_event_id"] == event, "event_id"])
    speeches = d.speeches[d.speeches["event_id"].isin(at_event)]
    orgs = d.organisations.set_index("org_id")

    def kept(org) -> bool:
        if jurisdiction == "all":
            return True
        if not isinstance(org, str):  # a speaker whose organisation is not stated
            return False
        if jurisdiction == "national":
            return str(orgs.loc[org, "level"]) == "national"
        return str(orgs.loc[org, "jurisdiction"]) == jurisdiction

    keep = [kept(org) for org in speeches["org_id"]]
    # Names as the edition prints them: a Chinese form where a page read gives one.
    people = d.localised(language).people.set_index("person_id")["name"]
    return {people[p] for p in speeches.loc[keep, "person_id"]}


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_speeches_table_shows_every_row_inside_the_chart(built, language, jurisdiction):
    # A go.Table taller than its figure is cut off (it scrolls in a browser, not on paper).
    (root,) = [
        root
        for _, figure, root in drawn(built, language, jurisdiction)
        if figure["layout"]["title"]["text"] == SPEECHES[language]
    ]
    height = float(root.get("height"))
    parents = {child: parent for parent in root.iter() for child in parent}
    shown = {"".join(e.itertext()).strip(): absolute_y(e, parents) for e in root.iter(f"{SVG}text")}
    expected = speakers(language, jurisdiction)
    if jurisdiction == "all":
        assert len(expected) == len(data.load().speeches)
    for name in expected:
        assert name in shown and shown[name] + 6 < height, (name, shown.get(name), height)
