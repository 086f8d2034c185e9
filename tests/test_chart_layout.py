"""Charts as drawn: read back from the SVGs the build wrote into the executed notebooks
of the reports (the scheduled every-jurisdiction run of the session's build), for every
language and jurisdiction, since a filter that leaves one or two rows changes the geometry.
"""

from __future__ import annotations

import re
import unicodedata
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


def _inside(element, parents, name: str) -> bool:
    while element is not None:
        if name in (element.get("class") or "").split():
            return True
        element = parents.get(element)
    return False


def _font_px(element) -> float:
    found = re.search(r"font-size:\s*([\d.]+)px", element.get("style", ""))
    return float(found.group(1)) if found else 12.0


def overprints(root) -> list[str]:
    """What a chart prints over something else, read from its SVG: a text annotation's box
    (its rect, as plotly.js sized it: a note with a white ground hides what is under it)
    over a data mark, a mark's text label or another annotation, or outside the chart.

    Marks are plotly's points (a circle of the radius its path draws); a mark's text label
    (a period beside its mark) is as wide as its characters at about 0.6 em each."""
    width, height = float(root.get("width")), float(root.get("height"))
    parents = {child: parent for parent in root.iter() for child in parent}
    boxes = []
    for g in classed(root, "cursor-pointer"):
        if not _inside(g, parents, "annotation"):
            continue
        text = "".join(t.strip() for t in g.itertext())
        rect = next((e for e in g if "bg" in (e.get("class") or "").split()), None)
        if not text or rect is None:
            continue
        x, y = pdfs.svg_absolute(g, parents)
        w, h = float(rect.get("width")), float(rect.get("height"))
        boxes.append((text[:40], x, y, x + w, y + h))
    marks = []
    for p in classed(root, "point"):
        if _inside(p, parents, "legend"):
            continue
        x, y = pdfs.svg_absolute(p, parents)
        found = re.match(r"M([\d.]+),", p.get("d") or "")
        r = float(found.group(1)) if found else 6.0
        # Dots under 3 px are the map's small islands (furniture a label may cover), not data.
        if r >= 3:
            marks.append((x, y, r))
    labels = []
    for t in classed(root, "textpoint"):
        for e in t.iter(f"{SVG}text"):
            text = "".join(e.itertext()).strip()
            if not text:
                continue
            ox, oy = pdfs.svg_absolute(e, parents)
            x, y, size = ox + float(e.get("x") or 0), oy + float(e.get("y") or 0), _font_px(e)
            # A label of several lines (tspans) is as wide as its longest; a Chinese
            # character is about 1 em wide.
            lines = ["".join(s.itertext()) for s in e if "line" in (s.get("class") or "")]
            w = size * max(
                sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6 for c in line)
                for line in lines or [text]
            )
            x0 = {"end": x - w, "middle": x - w / 2}.get(e.get("text-anchor"), x)
            labels.append((text, x0, y - 0.8 * size, x0 + w, y + 0.2 * size))
    found = []
    tol = 1.0
    for name, x0, y0, x1, y1 in boxes:
        if x0 < -tol or y0 < -tol or x1 > width + tol or y1 > height + tol:
            found.append(f"{name!r} runs outside the chart")
        for mx, my, r in marks:
            nx, ny = min(max(mx, x0), x1), min(max(my, y0), y1)
            if (mx - nx) ** 2 + (my - ny) ** 2 < (r - tol) ** 2:
                found.append(f"{name!r} over a mark at ({mx:.0f}, {my:.0f})")
        for text, a0, b0, a1, b1 in labels:
            if min(x1, a1) - max(x0, a0) > tol and min(y1, b1) - max(y0, b0) > tol:
                found.append(f"{name!r} over the label {text!r}")
    for i, (name, x0, y0, x1, y1) in enumerate(boxes):
        for other, a0, b0, a1, b1 in boxes[i + 1 :]:
            if min(x1, a1) - max(x0, a0) > tol and min(y1, b1) - max(y0, b0) > tol:
                found.append(f"{name!r} over {other!r}")
    for text, a0, _, a1, _ in labels:
        if a0 < -tol or a1 > width + tol:
            found.append(f"the label {text!r} runs outside the chart")
    return found


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_no_note_is_printed_over_a_mark_a_label_or_another_note(built, language, jurisdiction):
    # The 14th plan's scorecard printed row 4's note over row 5's mark and period, and
    # row 2's note over row 3's label at the axis's edge.
    problems = [
        f"{stem}: {figure['layout']['title']['text']}: {problem}"
        for stem, figure, root in drawn(built, language, jurisdiction)
        for problem in overprints(root)
    ]
    assert not problems, f"{language}/{jurisdiction}: " + "; ".join(problems)
