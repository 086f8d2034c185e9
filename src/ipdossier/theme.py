"""One plotly theme for every chart of the dossier.

Registered as the plotly template "ipdossier". Fonts name Noto Sans CJK SC first so that
Chinese labels render (Debian's fonts-noto-cjk) in JupyterLab, in kaleido's SVG and in
the printed PDF alike.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

NAME = "ipdossier"
FONT = "Noto Sans CJK SC, Noto Sans SC, Noto Sans, Source Han Sans SC, Arial, sans-serif"
# Width of the printable area of an A4 page at 96 dpi with the report's margins; charts
# are laid out at this width so the PDF shows them at 1:1 and nothing is rescaled.
WIDTH = 860
HEIGHT = 460
MARGIN = {"l": 20, "r": 30, "t": 80, "b": 60}

INK = "#1f2933"
# A neutral grey: a blue-grey sits too close to the palette's blue (ΔE2000 17).
MUTED = "#666666"
# Light enough to stand apart from GREY (a category colour) as well as from white.
GRID = "#f2f3f5"
# A plan's span from baseline to target under the marks: darker than the grid, which it
# was drawn in and all but vanished at print size, yet lighter than GREY and every mark.
SPAN = "#dde1e6"

# Categories are told apart by colour: the Okabe-Ito palette (Okabe and Ito, "Color
# Universal Design", 2008), which readers with a colour-vision deficiency also tell apart.
# Every two of its colours differ by a CIEDE2000 of 21 or more (tests/test_chart_colours.py).
BLUE = "#0072B2"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
ORANGE = "#E69F00"
VERMILION = "#D55E00"
PURPLE = "#CC79A7"
BLACK = "#000000"
GREY = "#9ca3af"
# Text in these colours stands on white: each reaches 4.5:1 there (WCAG AA).
VERMILION_TEXT = "#a84400"

# Levels of government, from the centre outwards.
LEVEL_COLOURS = {
    "national": BLUE,
    "provincial": GREEN,
    "municipal": ORANGE,
    "unknown": GREY,
}
# Jurisdictions label their own lines in text: the palette's hues darkened until text
# in them reads on white (WCAG AA, 5.2:1 or more), still 21 or more apart (CIEDE2000).
JURISDICTION_COLOURS = {
    "China": BLUE,
    "Beijing": "#B84A00",
    "Tianjin": "#A0527F",
    "Hebei": "#007A5A",
    "unknown": "#6b6b6b",
}
# How a figure's qualifier is drawn: exact values solid; bounds and approximations are
# visibly not exact (hatched, open-ended), never drawn like a measured value.
QUALIFIER_STYLE = {
    "exact": {"pattern": "", "opacity": 1.0},
    "at_least": {"pattern": "/", "opacity": 0.85},
    "approximately": {"pattern": ".", "opacity": 0.85},
    "at_most": {"pattern": "\\", "opacity": 0.85},
}
COLORWAY = [BLUE, GREEN, ORANGE, VERMILION, PURPLE, SKY, YELLOW, BLACK]


def text_on(fill: str) -> str:
    """The colour of text printed on `fill`: the ink when it reaches WCAG AA's 4.5:1
    there, else white, else black (one of the two always does, by 4.58:1 at worst)."""
    from coloraide import Color

    background = Color(fill)
    for colour in (INK, "#ffffff", "#000000"):
        if background.contrast(colour) >= 4.5:
            return colour
    return "#000000"


def template() -> go.layout.Template:
    return go.layout.Template(
        layout=dict(
            font=dict(family=FONT, size=13, color=INK),
            title=dict(
                font=dict(size=17), x=0, xanchor="left", y=0.985, yanchor="top", yref="container"
            ),
            colorway=COLORWAY,
            width=WIDTH,
            height=HEIGHT,
            margin=dict(**MARGIN, autoexpand=True),
            paper_bgcolor="white",
            plot_bgcolor="white",
            xaxis=dict(gridcolor=GRID, linecolor=MUTED, zerolinecolor=GRID, automargin=True),
            yaxis=dict(gridcolor=GRID, linecolor=MUTED, zerolinecolor=GRID, automargin=True),
            legend=dict(orientation="h", yanchor="top", y=-0.22, x=0, title_text=""),
            hoverlabel=dict(font_family=FONT),
        )
    )


def svg_size(figure: dict) -> tuple[int, int]:
    """The size a figure (a plotly dict) asks for in its layout, else the theme's.

    Vector images are always drawn at exactly this size, since an explicit size given to
    the drawing overrides the layout's: a chart made tall for its rows is never squashed
    to the default."""
    layout = figure.get("layout") or {}
    return int(layout.get("width") or WIDTH), int(layout.get("height") or HEIGHT)


def register() -> None:
    """Register the template and make it the default for new figures.

    Once a process: a warm kernel sets up plotly for every notebook it runs, and made and
    validated the template each time (some 2 ms a notebook, 1.7 timed in 2026-12-05). A
    notebook that changed plotly's default or the registered template gets them back."""
    global _registered
    if _registered is None or pio.templates.default != NAME or (
        pio.templates[NAME] is not _registered
    ):
        pio.templates[NAME] = template()
        pio.templates.default = NAME
        _registered = pio.templates[NAME]


_registered: go.layout.Template | None = None
