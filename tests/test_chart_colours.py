"""Colours a reader can tell apart and read, checked on the chart specs (the plotly figure
dicts the build draws) of every chart, in both languages, for the review variants:

- categories a legend tells apart by colour differ by a CIEDE2000 of 20 or more;
- text printed on a coloured fill (a bar's inside text, a table's header and cells, an
  annotation's box) and text on the white page reaches 4.5:1 (WCAG AA).

Colour maths from coloraide (ΔE 2000 and WCAG 2.1 contrast), not written here.
"""

from __future__ import annotations

import itertools

import pytest
from coloraide import Color

from ipdossier import notebook as nb
from ipdossier import theme
from ipdossier.charts import attendance, participation, policies, programme, series, targets

DELTA_E = 20
CONTRAST = 4.5
PAPER = "#ffffff"

BUILDERS = [
    participation.figure,
    attendance.figure,
    attendance.speeches_figure,
    programme.figure,
    series.map_figure,
    policies.timeline_figure,
    policies.citations_figure,
    policies.hierarchy_figure,
    targets.progress_figure,
    targets.comparison_figure,
    targets.chain_figure,
]
# The review variants (notebooks/params/review.yaml) in both languages.
VARIANTS = [
    {"event_id": event, "language": language, "jurisdiction": jurisdiction}
    for event, jurisdiction in (
        ("bth-2017-baoding", "all"),
        ("bth-2014-tianjin", "all"),
        ("bth-2017-baoding", "Hebei"),
    )
    for language in ("en", "zh")
]


def solid(colour: str, under: str = PAPER) -> Color:
    """A colour as printed: a translucent one over what it is drawn on."""
    return Color.layer([Color(colour), Color(under)], space="srgb")


def specs() -> list[tuple[str, dict]]:
    out = []
    for params in VARIANTS:
        ctx = nb.setup(renderer="json", **params)
        tag = "/".join(params.values())
        for build in BUILDERS:
            fig = build(ctx).to_plotly_json()
            title = (fig["layout"].get("title") or {}).get("text", build.__name__)
            out.append((f"{tag}: {title}", fig))
    return out


@pytest.fixture(scope="module")
def charts() -> list[tuple[str, dict]]:
    return specs()


def _colour_of(trace: dict) -> str | None:
    """The one colour a legend entry shows: its marker's, else its line's."""
    marker = trace.get("marker") or {}
    colour = marker.get("color")
    if isinstance(colour, str):
        return colour
    if colour is None:
        line = (trace.get("line") or {}).get("color")
        return line if isinstance(line, str) else None
    values = set(colour) if isinstance(colour, list | tuple) else set()
    return values.pop() if len(values) == 1 else None


def legend_colours(fig: dict) -> dict[str, str]:
    """Legend entry name -> colour, for entries the legend shows."""
    layout = fig["layout"]
    if layout.get("showlegend") is False:
        return {}
    entries = {}
    for trace in fig["data"]:
        if trace.get("showlegend") is False or not trace.get("name"):
            continue
        # A hatched swatch on a transparent fill shows its hatching's colour alone.
        pattern = (trace.get("marker") or {}).get("pattern") or {}
        hatched = pattern.get("shape") and isinstance(pattern.get("fgcolor"), str)
        colour = pattern["fgcolor"] if hatched else _colour_of(trace)
        if colour is not None:
            entries.setdefault(trace["name"], colour)
    return entries


def test_categories_differ_by_a_colour_difference_a_reader_sees(charts):
    problems = []
    compared = 0
    for name, fig in charts:
        entries = legend_colours(fig)
        # Entries drawn in the very same colour are one category in two glyphs (a line
        # and its target, dashed); colours that differ must differ visibly.
        by_colour = {}
        for entry, colour in entries.items():
            by_colour.setdefault(solid(colour).to_string(hex=True), entry)
        for (a, ea), (b, eb) in itertools.combinations(by_colour.items(), 2):
            compared += 1
            delta = Color(a).delta_e(b, method="2000")
            if delta < DELTA_E:
                problems.append(f"{name}: {ea!r} {a} and {eb!r} {b}: ΔE2000 {delta:.1f}")
    assert compared > 20, "the charts' legends were not read"
    assert not problems, "\n".join(problems)


def _texts_on_fills(fig: dict):
    """(where, text colour, fill colour) of every text the chart prints, with the fill it
    stands on: a bar's own for inside text, a table cell's, an annotation's box, else
    the white page."""
    layout = fig["layout"]
    ink = ((layout.get("font") or {}).get("color")) or theme.INK
    for trace in fig["data"]:
        kind = trace.get("type")
        if kind == "table":
            header, cells = trace.get("header") or {}, trace.get("cells") or {}
            for part, label in ((header, "table header"), (cells, "table cells")):
                font = (part.get("font") or {}).get("color") or ink
                fills = part.get("fill", {}).get("color") or part.get("fill_color") or PAPER
                flat = []
                for f in fills if isinstance(fills, list | tuple) else [fills]:
                    flat += list(f) if isinstance(f, list | tuple) else [f]
                for fill in set(flat):
                    yield label, font, fill
            continue
        if trace.get("text") is None or kind not in ("bar", "scatter"):
            continue
        if kind == "scatter" and "text" not in (trace.get("mode") or ""):
            continue
        font = (trace.get("textfont") or {}).get("color")
        inside = kind == "bar" and trace.get("textposition") in ("inside", "auto", None)
        if inside:
            assert font is not None, f"bar {trace.get('name')!r}: inside text with no colour set"
            fill = _colour_of(trace)
            if fill is not None:
                yield f"bar {trace.get('name')!r}", font, fill
        else:
            yield f"{kind} {trace.get('name')!r} text", font or ink, PAPER
    for note in layout.get("annotations") or []:
        if not note.get("text"):
            continue
        font = (note.get("font") or {}).get("color") or ink
        fill = note.get("bgcolor") or PAPER
        yield f"annotation {note['text'][:30]!r}", font, solid(fill).to_string(hex=True)
    title = layout.get("title") or {}
    yield "title", (title.get("font") or {}).get("color") or ink, PAPER


def test_text_reaches_wcag_aa_contrast_on_what_it_stands_on(charts):
    problems = []
    checked = 0
    for name, fig in charts:
        for where, text, fill in _texts_on_fills(fig):
            if not isinstance(text, str):  # one colour per point
                texts = set(text)
            else:
                texts = {text}
            for colour in texts:
                checked += 1
                ratio = solid(fill).contrast(solid(colour, fill))
                if ratio < CONTRAST:
                    problems.append(f"{name}: {where}: {colour} on {fill} is {ratio:.2f}:1")
    assert checked > 100, "the charts' texts were not read"
    assert not problems, "\n".join(sorted(set(problems)))


def test_the_palette_itself_is_distinct_and_text_on_it_readable():
    palette = [theme.BLUE, theme.SKY, theme.GREEN, theme.YELLOW, theme.ORANGE]
    palette += [theme.VERMILION, theme.PURPLE, theme.BLACK]
    for a, b in itertools.combinations(palette, 2):
        assert Color(a).delta_e(b, method="2000") >= DELTA_E, (a, b)
    for fill in [*palette, theme.GREY, "#777777", "#2a9d8f", "#e9c46a"]:
        assert Color(fill).contrast(theme.text_on(fill)) >= CONTRAST, fill
    # White on yellow, the review's example, is what text_on never picks.
    assert theme.text_on(theme.YELLOW) != "#ffffff"
