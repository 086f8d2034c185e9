"""Chart 4, the series: SIPO's connecting activities in order on a regional map (the
stops' provinces and Beijing-Tianjin-Hebei, see geo.region), and the reach the source
gives for them ("nearly 1,000" enterprises and institutions, for the series as a whole:
one number, said in a sentence; per-activity counts are not stated and are not drawn)."""

from __future__ import annotations

import functools
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .. import derive, geo, theme
from ..i18n import ordinal, t
from .base import AS_OF_ONLY, empty, scope_label, titled


def frame(ctx) -> pd.DataFrame:
    s = derive.series(ctx)
    points = [geo.representative_point(int(code)) for code in s["adcode"]]
    s["lon"] = [p[0] for p in points]
    s["lat"] = [p[1] for p in points]
    # Chinese place names come from the boundary package's own index, not from memory.
    names = [geo.name_zh(int(c)) if ctx.language == "zh" else None for c in s["adcode"]]
    s["label"] = [
        f"{int(n)}. {zh or p}" for n, p, zh in zip(s["position"], s["place"], names, strict=True)
    ]
    return s


def sources(ctx) -> pd.DataFrame:
    return derive.series(ctx)


# A regional map: the stops' provinces, Beijing, Tianjin and Hebei (geo.region). Its
# width in pixels; the height follows from the region's shape. The figure is the page's
# width (the report prints every chart at that width) with the map centred in it, so a
# region taller than wide keeps to one page.
MAP_WIDTH = 440
MAP_MARGIN = {"l": 10, "r": 10, "b": 60}
# Degrees of latitude are drawn this much longer than degrees of longitude (1 / cos 38°,
# the region's middle latitude), so shapes look as on a map.
ASPECT = 1.27
LABEL_SIZE = 12
ISLET_SIZE = 3  # pixels: a dot each for islets too small for an outline
# Where a place's name may go, as pixel offsets of its nearest corner from the marker,
# in order of preference: beside, above or below, then further out on a leader line.
_OFFSETS = [
    (1, 0, 10),
    (-1, 0, 10),
    (0, -1, 12),
    (0, 1, 12),
    (1, -1, 16),
    (-1, -1, 16),
    (1, 1, 16),
    (-1, 1, 16),
    (1, 0, 34),
    (-1, 0, 34),
    (1, -1, 34),
    (-1, -1, 34),
    (1, 1, 34),
    (-1, 1, 34),
    (0, -1, 40),
    (0, 1, 40),
    (1, -1, 60),
    (-1, -1, 60),
    (1, 1, 60),
    (-1, 1, 60),
]


def text_box(text: str, size: float = LABEL_SIZE) -> tuple[float, float]:
    """Width and height in pixels a one-line label takes at most: a wide (CJK)
    character one em, any other character 0.62 em (Noto Sans's widest digits and
    capitals average less)."""
    import unicodedata

    width = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.62 for c in text)
    return width * size, size * 1.35


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(
    points, texts, sizes, plot, slack: float = 0, dots=()
) -> list[tuple[float, float, str, str]]:
    """Offsets (ax, ay in pixels from the marker), xanchor and yanchor of each label,
    so that no label overlaps another label, any marker or any of `dots` ((x, y,
    diameter) drawn but unlabelled: the islets) and all stay in the plot. `points` are
    pixel positions (y down), `sizes` marker diameters, `plot` (w, h); a label may stand
    up to `slack` pixels left or right of the plot."""
    markers = [
        (x - r / 2 - 2, y - r / 2 - 2, x + r / 2 + 2, y + r / 2 + 2)
        for (x, y), r in [*zip(points, sizes, strict=True), *(((x, y), r) for x, y, r in dots)]
    ]
    taken: list[tuple[float, float, float, float]] = []
    placed = []
    for (x, y), text in zip(points, texts, strict=True):
        w, h = text_box(text)
        choice = None
        for dx, dy, dist in _OFFSETS:
            ax, ay = dx * dist, dy * dist
            left = x + ax if dx > 0 else x + ax - w if dx < 0 else x + ax - w / 2
            top = y + ay if dy > 0 else y + ay - h if dy < 0 else y + ay - h / 2
            box = (left - 2, top - 1, left + w + 2, top + h + 1)
            inside = box[0] >= -slack and box[1] >= 0 and box[2] <= plot[0] + slack
            inside = inside and box[3] <= plot[1]
            if inside and not any(_overlap(box, o) for o in markers + taken):
                choice = (ax, ay, dx, dy, box)
                break
        if choice is None:  # nowhere free: beside, as before (a test would say so)
            choice = (10, 0, 1, 0, (x + 10, y - h / 2, x + 10 + w, y + h / 2))
        ax, ay, dx, dy, box = choice
        taken.append(box)
        placed.append(
            (
                ax,
                ay,
                {1: "left", -1: "right", 0: "center"}[dx],
                {1: "top", -1: "bottom", 0: "middle"}[dy],
            )
        )
    return placed


@functools.lru_cache(maxsize=8)
def _land(shown: tuple[float, float, float, float]) -> tuple[np.ndarray, np.ndarray]:
    """The provinces' outlines that meet the map's bounds, each ring closed and parted from
    the next by NaN (a gap, as None is to plotly.js). As arrays: plotly checks a list of
    some 11,000 points a side value by value (about 0.06 CPU-s a map), an array at once;
    kept for the kernel's next variant with the same bounds."""
    lons, lats = [], []
    for rings in geo.provinces().values():
        for ring in rings:
            if not _meets(ring, shown):
                continue
            lons += [p[0] for p in ring] + [ring[0][0], math.nan]
            lats += [p[1] for p in ring] + [ring[0][1], math.nan]
    x, y = np.array(lons, dtype=float), np.array(lats, dtype=float)
    x.flags.writeable = y.flags.writeable = False  # shared between figures
    return x, y


def map_figure(ctx) -> go.Figure:
    lang = ctx.language
    s = frame(ctx)
    title = t("series_title", lang)
    if s.empty:
        return empty(ctx, title, t("series_what", lang), AS_OF_ONLY)
    codes = [int(c) for c in s["adcode"]]
    west, south, east, north = geo.region([*codes, *REGION_ALWAYS])
    margin_t = 95 if scope_label(ctx, AS_OF_ONLY) else 70
    plot_w = MAP_WIDTH - MAP_MARGIN["l"] - MAP_MARGIN["r"]
    full = theme.WIDTH - MAP_MARGIN["l"] - MAP_MARGIN["r"]
    side = (full - plot_w) / 2 / full  # the share of the plot area left of the map
    scale = plot_w / (east - west)
    plot_h = round((north - south) * scale * ASPECT)
    fig = go.Figure()
    shown = (west, south, east, north)
    lons, lats = _land(shown)
    fig.add_trace(
        go.Scatter(
            x=lons,
            y=lats,
            mode="lines",
            fill="toself",
            fillcolor=LAND,
            line=dict(color="#c4c8cf", width=0.6),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    islets = [p for code in geo.WHOLE_IF_SHOWN for p in geo.islets(code)]
    if islets:
        # Islets too small for an outline at this scale (Diaoyu Dao, Chiwei Yu): a dot each.
        fig.add_trace(
            go.Scatter(
                x=[p[0] for p in islets],
                y=[p[1] for p in islets],
                mode="markers",
                marker=dict(size=ISLET_SIZE, color="#9aa1ab"),
                hoverinfo="skip",
                showlegend=False,
            )
        )
    this = (s["event_id"] == ctx.event_id).fillna(False).astype(bool)
    event_codes = {c for c, x in zip(codes, this, strict=True) if x}
    for code in dict.fromkeys(codes):
        for ring in geo.outline(code):
            fig.add_trace(
                go.Scatter(
                    x=[p[0] for p in ring] + [ring[0][0]],
                    y=[p[1] for p in ring] + [ring[0][1]],
                    mode="lines",
                    fill="toself",
                    hoverinfo="skip",
                    showlegend=False,
                    fillcolor=EVENT_FILL if code in event_codes else STOP_FILL,
                    line=dict(color=theme.BLUE, width=0.8),
                )
            )
    fig.add_trace(
        go.Scatter(
            x=s["lon"],
            y=s["lat"],
            mode="lines",
            line=dict(color=theme.MUTED, width=1.2, dash="dot"),
            name=t("series_order", lang),
            hoverinfo="skip",
        )
    )
    # Hover text: the day as the prose writes it (5 July 2017, 2017年7月5日).
    dates = [ctx.date(d) if pd.notna(d) else t("not_stated", lang) for d in s["date"]]
    sizes = [18 if x else 11 for x in this]
    # One trace per kind of marker, each in one colour: the legend shows the markers' own.
    for mine, colour, key in (
        (False, theme.BLUE, "series_place"),
        (True, EVENT_MARK, "series_this_event"),
    ):
        rows = [i for i, x in enumerate(this) if bool(x) == mine]
        if not rows:
            continue
        fig.add_trace(
            go.Scatter(
                x=[s["lon"].iloc[i] for i in rows],
                y=[s["lat"].iloc[i] for i in rows],
                mode="markers",
                marker=dict(size=sizes[rows[0]], color=colour, line=dict(color="white", width=1.5)),
                name=t(key, lang),
                text=[s["label"].iloc[i] for i in rows],
                customdata=[dates[i] for i in rows],
                hovertemplate="%{text}<br>%{customdata}<extra></extra>",
            )
        )
    pixels = [
        ((lon - west) * scale, (north - lat) * scale * ASPECT)
        for lon, lat in zip(s["lon"], s["lat"], strict=True)
    ]
    # The islets' dots are drawn too: a label over them hid Diaoyu Dao and Chiwei Yu.
    dots = [
        ((lon - west) * scale, (north - lat) * scale * ASPECT, ISLET_SIZE) for lon, lat in islets
    ]
    spots = place_labels(pixels, list(s["label"]), sizes, (plot_w, plot_h), slack=60, dots=dots)
    for (lon, lat, label, mine), (ax, ay, xanchor, yanchor) in zip(
        zip(s["lon"], s["lat"], s["label"], this, strict=True), spots, strict=True
    ):
        far = abs(ax) > 12 or abs(ay) > 14
        fig.add_annotation(
            x=lon,
            y=lat,
            text=f"<b>{label}</b>" if mine else label,
            showarrow=True,
            arrowhead=0,
            arrowwidth=0.8 if far else 0.1,
            arrowcolor=theme.MUTED if far else "rgba(0,0,0,0)",
            standoff=(18 if mine else 11) / 2,
            ax=ax,
            ay=ay,
            xanchor=xanchor,
            yanchor=yanchor,
            font=dict(size=LABEL_SIZE, color=theme.INK),
            bgcolor="rgba(255,255,255,0.85)",
            borderpad=0,
        )
    fig.update_xaxes(visible=False, range=[west, east], fixedrange=True, domain=[side, 1 - side])
    fig.update_yaxes(
        visible=False, range=[south, north], scaleanchor="x", scaleratio=ASPECT, fixedrange=True
    )
    fig.update_layout(
        width=theme.WIDTH,
        height=plot_h + margin_t + MAP_MARGIN["b"],
        margin=dict(**MAP_MARGIN, t=margin_t, autoexpand=False),
        legend=dict(
            orientation="h", y=-0.01, x=0.5, xanchor="center", yanchor="top", font=dict(size=12)
        ),
        plot_bgcolor="white",
    )
    return titled(fig, ctx, title, AS_OF_ONLY)


def _meets(ring, box) -> bool:
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return min(xs) < box[2] and max(xs) > box[0] and min(ys) < box[3] and max(ys) > box[1]


# Beijing, Tianjin and Hebei: the region of the event, always on the map.
REGION_ALWAYS = (110000, 120000, 130000)
LAND = "#f3f4f6"
STOP_FILL = "#cfe3f3"
EVENT_FILL = "#f9d3b8"
EVENT_MARK = theme.VERMILION


def reach_frame(ctx) -> pd.DataFrame:
    return derive.series_reach(ctx)


def intro(ctx) -> tuple[str, dict[str, str]]:
    """The chapter's opening passage (its key and values): where this event stands in
    the series, if the series lists it."""
    position = derive.series_position(ctx)
    values = {"event": derive.event(ctx)["name"]}
    if position is None:
        return "series_intro_outside", values
    return "series_intro", {**values, "nth": ordinal(position, ctx.language)}


def reach_facts(ctx) -> dict[str, str] | None:
    """The series' reach as the prose states it: scope, count as labelled (with its
    qualifier) and what was counted."""
    r = reach_frame(ctx)
    if r.empty:
        return None
    row = r.iloc[0]
    return {
        "scope": row["scope"],
        "reach": row["label"],
        "metric": row["metric"],
    }
